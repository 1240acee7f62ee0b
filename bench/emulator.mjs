/**
 * The emulator at scale: a realistic Segment stream (identify and track from many
 * users, some with companies) mapped with `toRest`, delivered with `deliver` and
 * answered by the in-memory emulator, all from the built dist/. The cost per event
 * must not grow with the workspace: the growth ratio (time per event at the largest
 * size ÷ at the smallest) should stay near 1, and 100,000 events within 10 s.
 *
 *   node bench/emulator.mjs [--sizes 10000,30000,100000]
 *
 * `npm run bench` runs it after the mapper benchmark (bench/run.mjs).
 */
import os from 'node:os'
import { pathToFileURL } from 'node:url'
import { deliver, toRest } from '../dist/index.js'
import { createIntercomEmulator } from '../dist/testing.js'
import { lcg } from './lcg.mjs'

export const DEFAULT_SIZES = [10_000, 30_000, 100_000]
/** The target: the largest run, in seconds. */
const BUDGET_SECONDS = 10

const EVENT_NAMES = [
  'Order Completed',
  'Product Viewed',
  'Product Added',
  'Checkout Started',
  'Signed In',
  'Signed Out',
  'Page Shared',
  'Invite Sent',
  'Report Exported',
  'Plan Upgraded',
  'Search Performed',
  'File Uploaded',
]
const PLANS = ['free', 'pro', 'enterprise']
const START = Date.UTC(2026, 2, 1)

/**
 * `count` events from `count / 5` users in a shuffled order: each user's first event
 * is an identify (with email and traits, one in three with a company), later ones are
 * 80 % tracks and 20 % identifies that change traits.
 */
export function generateStream(count) {
  const random = lcg(count)
  const users = Math.max(1, Math.floor(count / 5))
  const seen = new Uint8Array(users)
  const events = []
  for (let i = 0; i < count; i++) {
    const n = Math.floor(random() * users)
    const userId = `user-${n}`
    const timestamp = new Date(START + i * 1000).toISOString()
    const context = { ip: '203.0.113.7', library: { name: 'analytics-node', version: '6.0.0' } }
    if (seen[n] === 0 || random() < 0.2) {
      const traits = {
        email: `person${n}@example${n % 97}.com`,
        name: `Person ${n}`,
        plan: PLANS[Math.floor(random() * PLANS.length)],
        logins: Math.floor(random() * 500),
      }
      if (n % 3 === 0) traits.company = { id: `company-${n % 400}`, name: `Company ${n % 400}` }
      events.push({ type: 'identify', userId, timestamp, context, traits })
      seen[n] = 1
    } else {
      events.push({
        type: 'track',
        userId,
        timestamp,
        context,
        event: EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)],
        properties: { revenue: Math.round(random() * 10_000) / 100, currency: 'usd', step: i % 7 },
      })
    }
  }
  return events
}

/** Maps, delivers and emulates `events`; returns the wall time and what landed. */
export async function replay(events) {
  const intercom = createIntercomEmulator({
    dataAttributes: [
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'logins', model: 'contact', data_type: 'integer' },
    ],
    searchLag: 2,
  })
  const options = { settings: { apiVersion: '2.16' } }
  const outcomes = new Map()
  let requests = 0
  const send = (request) => {
    requests += 1
    return intercom.send(request)
  }
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (const event of events) {
    const outcome = await deliver(toRest(event, options), send)
    outcomes.set(outcome.status, (outcomes.get(outcome.status) ?? 0) + 1)
  }
  const ms = performance.now() - started
  const cpu = process.cpuUsage(cpuBefore)
  // Read after the clock stops: the snapshot is built on read, not per request.
  const state = intercom.state
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    outcomes,
    requests,
    contacts: state.contacts.length,
    companies: state.companies.length,
    events: state.events.length,
  }
}

/** Runs every size, prints a table, and returns whether the target was met. */
export async function runEmulatorBench(sizes = DEFAULT_SIZES) {
  // Warm the JIT first, so the smallest size does not pay for compilation alone.
  await replay(generateStream(10_000))
  const rows = []
  for (const size of sizes) {
    const events = generateStream(size)
    const result = await replay(events)
    const delivered = result.outcomes.get('delivered') ?? 0
    if (delivered !== size) {
      throw new Error(
        `${size} events: only ${delivered} delivered (${JSON.stringify([...result.outcomes])})`,
      )
    }
    rows.push({ size, ...result })
  }
  const perEvent = (row) => row.ms / row.size
  const first = rows[0]
  const last = rows[rows.length - 1]
  console.log(
    `\nEmulator at scale: toRest → deliver → emulator (identify/track mix, one run per size; cpu s = user + system of this process, GC threads included; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)})`,
  )
  console.table(
    rows.map((row) => ({
      events: row.size,
      'wall s': Number((row.ms / 1000).toFixed(2)),
      'cpu s': Number((row.cpuMs / 1000).toFixed(2)),
      'events/s': Math.round(row.size / (row.ms / 1000)),
      'µs/event': Number(((row.ms * 1000) / row.size).toFixed(1)),
      requests: row.requests,
      contacts: row.contacts,
      companies: row.companies,
      'stored events': row.events,
    })),
  )
  const growth = perEvent(last) / perEvent(first)
  const cpuGrowth = last.cpuMs / last.size / (first.cpuMs / first.size)
  const withinBudget = last.ms / 1000 <= BUDGET_SECONDS
  console.log(
    `growth ratio, time per event at ${last.size} ÷ at ${first.size}: wall ${growth.toFixed(2)}, cpu ${cpuGrowth.toFixed(2)} (≈ 1 means linear)\n` +
      `${last.size} events in ${(last.ms / 1000).toFixed(2)} s wall (target ≤ ${BUDGET_SECONDS} s: ${withinBudget ? 'met' : 'MISSED'})`,
  )
  return { rows, growth, withinBudget }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizesArg = process.argv.indexOf('--sizes')
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : DEFAULT_SIZES
  await runEmulatorBench(sizes)
}
