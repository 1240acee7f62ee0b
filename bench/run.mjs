/**
 * `npm run bench`: each mapper against `JSON.parse(JSON.stringify(event))` on the
 * same event, side by side in one run, reported as ratios (the project's target:
 * ≤ 1.0). Runs against the built dist/ — what users import.
 *
 *   node bench/run.mjs [--time MS]   time per task (default 400 ms)
 */
import { Bench } from 'tinybench'
import * as lib from '../dist/index.js'
import { group, identify, page, track } from './events.mjs'

const timeArg = process.argv.indexOf('--time')
const time = timeArg > 0 ? Number(process.argv[timeArg + 1]) : 400
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
const rows = []
let sink
for (const [name, event] of Object.entries(events)) {
  const bench = new Bench({ time, warmupTime: 100 })
  bench.add('JSON round trip', () => {
    sink = JSON.parse(JSON.stringify(event))
  })
  for (const [label, fn] of Object.entries(mappers)) {
    bench.add(label, () => {
      sink = fn(event)
    })
  }
  await bench.run()
  const base = bench.tasks[0].result
  const baseNs = base.latency.mean * 1e6
  for (const task of bench.tasks.slice(1)) {
    const ns = task.result.latency.mean * 1e6
    rows.push({
      event: name,
      mapper: task.name,
      'ns/op': Math.round(ns),
      'JSON ns/op': Math.round(baseNs),
      ratio: Number((ns / baseNs).toFixed(2)),
      'rme %': Number(task.result.latency.rme.toFixed(1)),
    })
  }
}
if (sink === undefined) throw new Error('unreachable')
console.log(
  `node ${process.version}, ${time} ms per task; ratio = mapper time / JSON.parse(JSON.stringify(event)) time`,
)
console.table(rows)
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a))
console.log(`worst ratio: ${worst.ratio} (${worst.mapper} on ${worst.event})`)
