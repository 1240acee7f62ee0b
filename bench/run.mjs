/**
 * `npm run bench`: each mapper against `JSON.parse(JSON.stringify(event))` on the
 * same event, side by side in one run, reported as ratios (the project's target:
 * ≤ 1.0). Runs against the built dist/ — what users import.
 *
 *   node bench/run.mjs [--time MS] [--rounds N] [--no-emulator] [--no-requests]
 *     time per task (default 1000 ms), rounds (default 5); --no-emulator skips the
 *     emulator-at-scale section (bench/emulator.mjs) that follows the mapper table,
 *     --no-requests the requests-per-event section (bench/requests.mjs) after it
 */
import { Bench } from 'tinybench'
import * as lib from '../dist/index.js'
import { group, identify, page, track } from './events.mjs'

const timeArg = process.argv.indexOf('--time')
const time = timeArg > 0 ? Number(process.argv[timeArg + 1]) : 1000
// Options are built once, as a host does (settings come from configuration).
const rest216 = { settings: { apiVersion: '2.16' } }
const rest14 = { settings: { apiVersion: '1.4' } }
const device = { settings: { appId: 'abc12345' } }

/** One mapper call as a user makes it: the mapping plus the first request or the calls. */
const mappers = {
  'toRest 2.16': (e) => {
    const m = lib.toRest(e, rest216)
    return m.status === 'mapped' ? m.exchange().next().value : m
  },
  'toRest 1.4': (e) => {
    const m = lib.toRest(e, rest14)
    return m.status === 'mapped' ? m.exchange().next().value : m
  },
}
if (typeof lib.toMessenger === 'function') mappers.toMessenger = (e) => lib.toMessenger(e, device)
if (typeof lib.toMobile === 'function') mappers.toMobile = (e) => lib.toMobile(e, device)

const events = { identify, track, group, page }
// Time on a shared machine drifts: measure in rounds, each timing the JSON round trip
// and every mapper back to back, and report the median ratio over the rounds.
const roundsArg = process.argv.indexOf('--rounds')
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5
const ratios = new Map() // "event mapper" → ratio per round
const latest = new Map() // "event mapper" → { ns, baseNs } of the last round
let sink
for (let round = 0; round < rounds; round++) {
  for (const [name, event] of Object.entries(events)) {
    const bench = new Bench({ time: time / rounds, warmupTime: 50 })
    bench.add('JSON round trip', () => {
      sink = JSON.parse(JSON.stringify(event))
    })
    for (const [label, fn] of Object.entries(mappers)) {
      bench.add(label, () => {
        sink = fn(event)
      })
    }
    await bench.run()
    const baseNs = bench.tasks[0].result.latency.mean * 1e6
    for (const task of bench.tasks.slice(1)) {
      const key = `${name}\u0000${task.name}`
      const ns = task.result.latency.mean * 1e6
      ratios.set(key, [...(ratios.get(key) ?? []), ns / baseNs])
      latest.set(key, { ns, baseNs })
    }
  }
}
if (sink === undefined) throw new Error('unreachable')
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const rows = [...ratios].map(([key, rs]) => {
  const [event, mapper] = key.split('\u0000')
  const { ns, baseNs } = latest.get(key)
  return {
    event,
    mapper,
    'ns/op': Math.round(ns),
    'JSON ns/op': Math.round(baseNs),
    ratio: Number(median(rs).toFixed(2)),
    'min–max': `${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)}`,
  }
})
console.log(
  `node ${process.version}, ${rounds} rounds × ${Math.round(time / rounds)} ms per task; ratio = median over rounds of mapper time / JSON.parse(JSON.stringify(event)) time`,
)
console.table(rows)
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a))
console.log(`worst median ratio: ${worst.ratio} (${worst.mapper} on ${worst.event})`)

// The emulator at scale (bench/emulator.mjs): 10,000 to 100,000 events end to end.
if (!process.argv.includes('--no-emulator')) {
  const { runEmulatorBench } = await import('./emulator.mjs')
  await runEmulatorBench()
}

// Intercom requests per event through deliverAll, cold and warm (bench/requests.mjs).
if (!process.argv.includes('--no-requests')) {
  const { runRequestsBench } = await import('./requests.mjs')
  await runRequestsBench()
}
