/**
 * Intercom requests per event: a realistic stream delivered with `deliverAll` to the
 * in-memory emulator (with a lagging search index), from the built dist/.
 *
 * - The stream: 1,500 users whose activity is skewed (Zipf–Mandelbrot: the user of
 *   rank r is picked with weight 1 / (r + 10), so a few users send much and most
 *   send little), each belonging to one of 300 companies (also skewed). About 55 %
 *   track, 30 % identify (carrying the user's company), 10 % group, 5 % page. A user's
 *   first event is an identify, as after a sign-up; the other identifies are spread so
 *   that the mix holds.
 * - Cold: a fresh emulator and no known state. Second batch: the next events of the
 *   same users on the same workspace, without known state (what a host that keeps
 *   none pays). Warm: that same second batch on a copy of the workspace, with the
 *   cold batch's `report.learned` as `known`.
 * - Requests per mapped event: every request sent (retries and 429s included) ÷ the
 *   events that were mapped (pages are skipped over REST: nothing is sent).
 * - Library vs emulator: the emulator's `handle` is timed around each request; the
 *   rest of the wall time is the library (mapping, exchanges, `deliverAll`).
 *
 *   node bench/requests.mjs [--events N] [--users N] [--search-lag N]
 *
 * `npm run bench` runs it after the mapper benchmark (bench/run.mjs).
 */
import { pathToFileURL } from 'node:url'
import { deliverAll } from '../dist/index.js'
import { createIntercomEmulator } from '../dist/testing.js'
import { lcg } from './lcg.mjs'

/** The targets. */
const WARM_TARGET = 1.1

const EVENT_NAMES = [
  'Order Completed',
  'Product Viewed',
  'Product Added',
  'Checkout Started',
  'Signed In',
  'Signed Out',
  'Report Exported',
  'Invite Sent',
  'File Uploaded',
  'Search Performed',
  'Plan Upgraded',
  'Comment Posted',
]
const PLANS = ['free', 'pro', 'enterprise']
const START = Date.UTC(2026, 2, 1)

/** Draws ranks 0..n-1 with weight 1 / (rank + q): a Zipf–Mandelbrot law. */
function skewed(n, q, random) {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let r = 0; r < n; r++) {
    total += 1 / (r + q)
    cumulative[r] = total
  }
  return () => {
    const x = random() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * A stream generator: `batch(count)` returns the next `count` events. Users keep
 * their company and their identified state from one batch to the next.
 */
export function createStream({ users = 1_500, companies = 300, seed = 7 } = {}) {
  const random = lcg(seed)
  const pickUser = skewed(users, 10, random)
  const pickCompany = skewed(companies, 5, random)
  const companyOf = Array.from({ length: users }, () => pickCompany())
  const identified = new Uint8Array(users)
  const logins = new Uint32Array(users)
  let clock = 0

  const company = (c) => ({
    id: `company-${c}`,
    name: `Company ${c}`,
    plan: PLANS[c % PLANS.length],
    employees: 10 + ((c * 37) % 990),
  })

  function event(type, n) {
    const userId = `user-${n}`
    const timestamp = new Date(START + clock++ * 1000).toISOString()
    const context = { library: { name: 'analytics-node', version: '6.0.0' } }
    switch (type) {
      case 'identify':
        logins[n] += 1
        return {
          type,
          userId,
          timestamp,
          context,
          traits: {
            email: `user${n}@example${n % 97}.com`,
            name: `User ${n}`,
            plan: PLANS[n % PLANS.length],
            logins: logins[n],
            company: company(companyOf[n]),
          },
        }
      case 'group': {
        const { id, ...traits } = company(companyOf[n])
        return { type, userId, groupId: id, timestamp, context, traits }
      }
      case 'page':
        return {
          type,
          userId,
          timestamp,
          context,
          name: 'Pricing',
          properties: { path: '/pricing' },
        }
      default:
        return {
          type: 'track',
          userId,
          timestamp,
          context,
          event: EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)],
          properties: { revenue: Math.round(random() * 10_000) / 100, currency: 'usd' },
        }
    }
  }

  return {
    batch(count) {
      const who = Array.from({ length: count }, () => pickUser())
      const seen = new Uint8Array(users)
      let first = 0
      for (const n of who) {
        if (identified[n] === 0 && seen[n] === 0) first++
        seen[n] = 1
      }
      // Identifies beyond the users' first ones, so that 30 % of the batch identify.
      const repeat = Math.max(0, (0.3 * count - first) / Math.max(1, count - first))
      const other = 1 - repeat
      return who.map((n) => {
        if (identified[n] === 0) {
          identified[n] = 1
          return event('identify', n)
        }
        const r = random()
        // The rest of the mix, 55 : 10 : 5, over what the identifies leave.
        if (r < repeat) return event('identify', n)
        const rest = (r - repeat) / other
        return event(rest < 55 / 70 ? 'track' : rest < 65 / 70 ? 'group' : 'page', n)
      })
    },
  }
}

function emulatorOptions(searchLag) {
  return {
    searchLag,
    dataAttributes: [
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'logins', model: 'contact', data_type: 'integer' },
      { name: 'employees', model: 'company', data_type: 'integer' },
    ],
  }
}

/**
 * A clock on the emulator's virtual time (backoffs cost no real time): while sleepers
 * are pending, each macrotask turn moves the time to the earliest wake-up.
 */
function virtualClock(em) {
  const sleepers = []
  let scheduled = false
  const tick = () => {
    scheduled = false
    sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq)
    if (sleepers.length === 0) return
    const ahead = sleepers[0].at - em.now()
    if (ahead > 0) em.advanceTime(ahead)
    while (sleepers.length > 0 && sleepers[0].at <= em.now()) sleepers.shift().wake()
    if (sleepers.length > 0) schedule()
  }
  const schedule = () => {
    if (!scheduled) {
      scheduled = true
      setImmediate(tick)
    }
  }
  let seq = 0
  return {
    now: () => em.now(),
    sleep: (ms) =>
      new Promise((wake) => {
        sleepers.push({ at: em.now() + Math.max(0, ms), seq: seq++, wake })
        schedule()
      }),
  }
}

/** Delivers `events` to `em` with `deliverAll`; counts, timings and the report. */
async function run(em, events, known) {
  let emulatorMs = 0
  const send = (request) => {
    const t = performance.now()
    const response = em.handle(request)
    emulatorMs += performance.now() - t
    return Promise.resolve(response)
  }
  const started = performance.now()
  const report = await deliverAll(events, {
    send,
    clock: virtualClock(em),
    random: lcg(1),
    ...(known === undefined ? {} : { known }),
  })
  const wallMs = performance.now() - started
  const byType = new Map()
  let mapped = 0
  let retries = 0
  for (const r of report.results) {
    if (r.outcome.status === 'not_sent') continue
    mapped++
    retries += Math.max(0, r.attempts - 1)
    const type = events[r.index].type
    const row = byType.get(type) ?? { events: 0, delivered: 0, requests: 0 }
    row.events++
    if (r.outcome.status === 'delivered') {
      row.delivered++
      row.requests += r.outcome.requests
    }
    byType.set(type, row)
  }
  const { totals } = report
  if (totals.delivered !== mapped) {
    throw new Error(
      `only ${totals.delivered} of ${mapped} mapped events delivered: ${JSON.stringify(totals)}`,
    )
  }
  return {
    report,
    mapped,
    retries,
    byType,
    wallMs,
    emulatorMs,
    users: new Set(events.map((e) => e.userId)).size,
  }
}

/** Runs cold, second batch and warm; prints a table; returns the figures. */
export async function runRequestsBench({ events = 6_000, users = 1_500, searchLag = 50 } = {}) {
  // Warm the JIT on a throwaway run, so the cold batch does not pay for compilation alone.
  await run(
    createIntercomEmulator(emulatorOptions(searchLag)),
    createStream({ users, seed: 99 }).batch(2_000),
  )

  const stream = createStream({ users })
  const first = stream.batch(events)
  const second = stream.batch(events)

  const coldEm = createIntercomEmulator(emulatorOptions(searchLag))
  const cold = await run(coldEm, first)
  // The second batch twice, from the same workspace: a copy replays the cold batch.
  const plainEm = createIntercomEmulator(emulatorOptions(searchLag))
  await run(plainEm, first)
  const plain = await run(plainEm, second)
  const warm = await run(coldEm, second, cold.report.learned)

  const rows = { cold, 'second batch, no known state': plain, 'warm (known state)': warm }
  const perType = (r, type) => {
    const row = r.byType.get(type)
    return row === undefined || row.delivered === 0
      ? '–'
      : Number((row.requests / row.delivered).toFixed(2))
  }
  console.log(
    `\nRequests per event: deliverAll → emulator (search lag ${searchLag} requests, concurrency 4, no faults); ` +
      `${events} events per batch from ${users} users (${cold.users} and ${warm.users} active), ` +
      'per-type columns: requests of the delivered attempt',
  )
  console.table(
    Object.entries(rows).map(([name, r]) => ({
      batch: name,
      'mapped events': r.mapped,
      requests: r.report.totals.requests,
      'req/mapped event': Number((r.report.totals.requests / r.mapped).toFixed(3)),
      identify: perType(r, 'identify'),
      track: perType(r, 'track'),
      group: perType(r, 'group'),
      retries: r.retries,
      'wall ms': Math.round(r.wallMs),
      'library ms': Math.round(r.wallMs - r.emulatorMs),
      'emulator ms': Math.round(r.emulatorMs),
      'library µs/event': Number((((r.wallMs - r.emulatorMs) * 1000) / r.mapped).toFixed(1)),
    })),
  )
  const mix = new Map()
  for (const e of first) mix.set(e.type, (mix.get(e.type) ?? 0) + 1)
  const share = (t) => `${Math.round(((mix.get(t) ?? 0) * 100) / first.length)}% ${t}`
  const warmRate = warm.report.totals.requests / warm.mapped
  console.log(
    `mix of the cold batch: ${['track', 'identify', 'group', 'page'].map(share).join(', ')}\n` +
      `warm: ${warmRate.toFixed(3)} requests per mapped event (target ≤ ${WARM_TARGET}: ${warmRate <= WARM_TARGET ? 'met' : 'not met'})`,
  )
  return { cold, plain, warm, warmRate }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name)
    return at > 0 ? Number(process.argv[at + 1]) : fallback
  }
  await runRequestsBench({
    events: arg('--events', 6_000),
    users: arg('--users', 1_500),
    searchLag: arg('--search-lag', 50),
  })
}
