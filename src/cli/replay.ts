import { type DeliveryClock, deliverAll, type Outcome } from '../index.js'
import { createIntercomEmulator } from '../testing/index.js'
import { mapOptions, parseArgs } from './args.js'
import { EXIT } from './command.js'
import { loadEvents, printer, progressFor } from './input.js'
import { typeOf } from './map.js'

/**
 * A clock on the emulator's virtual time, so that backoffs and rate-limit waits cost
 * no real time. A discrete-event simulation: while sleepers are pending, each
 * macrotask turn (once every in-flight exchange has settled) moves the emulator's
 * time to the earliest wake-up and wakes every sleeper due then, so concurrent
 * sleeps overlap as they would in real time.
 */
function emulatorClock(time: { now(): number; advanceTime(ms: number): void }): DeliveryClock {
  const sleepers: { at: number; seq: number; wake: () => void }[] = []
  let seq = 0
  let scheduled = false
  const tick = (): void => {
    scheduled = false
    sleepers.sort((x, y) => x.at - y.at || x.seq - y.seq)
    const first = sleepers[0]
    if (first === undefined) return
    const ahead = first.at - time.now()
    if (ahead > 0) time.advanceTime(ahead)
    const now = time.now()
    while (sleepers[0] !== undefined && sleepers[0].at <= now) sleepers.shift()?.wake()
    schedule()
  }
  const schedule = (): void => {
    if (!scheduled && sleepers.length > 0) {
      scheduled = true
      setImmediate(tick)
    }
  }
  return {
    now: () => time.now(),
    sleep: (ms) =>
      new Promise<void>((wake) => {
        sleepers.push({ at: time.now() + Math.max(0, ms), seq: seq++, wake })
        schedule()
      }),
  }
}

/** A fixed jitter source: the same input replays to the same output, timestamps included. */
const HALF = (): number => 0.5

/** How many events of a `replay` run ended each way. */
export interface ReplayTotals {
  events: number
  delivered: number
  skipped: number
  invalid: number
  failed: number
  /** Still `retry` after the last round. */
  undelivered: number
  unreadable: number
}

function tally(totals: ReplayTotals, outcome: Outcome): void {
  if (outcome.status === 'delivered') totals.delivered++
  else if (outcome.status === 'failed') totals.failed++
  else if (outcome.status === 'retry') totals.undelivered++
  else if (outcome.mapping.status === 'invalid') totals.invalid++
  else totals.skipped++
}

/**
 * `segment-intercom replay`: deliver to the built-in emulator with `deliverAll` (per-user
 * order, users concurrently, retries with backoff on the emulator's virtual clock);
 * one line per event (in input order, with its final outcome and attempts), then the
 * emulator's final state, then the totals. Exit 1 when an event failed, was invalid, stayed
 * undelivered or was unreadable.
 */
export async function runReplay(argv: readonly string[]): Promise<number> {
  const opts = parseArgs('replay', argv)
  const items = await loadEvents(opts)
  const readable = items.flatMap((item) => (item.ok ? [item] : []))
  const progress = progressFor(opts, items.length)
  const emulator = createIntercomEmulator({ searchLag: opts.searchLag })
  const unreadable = items.length - readable.length
  const report = await deliverAll(
    readable.map((item) => item.event),
    {
      ...mapOptions(opts),
      settings: { createMissingAttributes: true, ...opts.settings },
      send: (request) => emulator.send(request),
      clock: emulatorClock(emulator),
      random: HALF,
      // --retries counts the retries of each event, after its first attempt.
      retry: { maxAttempts: opts.retries + 1 },
      onProgress: (p) =>
        progress.update({ done: p.done + unreadable, delivered: p.delivered, failed: p.failed }),
    },
  )
  const deliveries = report.results
  const totals: ReplayTotals = {
    events: items.length,
    delivered: 0,
    skipped: 0,
    invalid: 0,
    failed: 0,
    undelivered: 0,
    unreadable,
  }
  for (const d of deliveries) tally(totals, d.outcome)
  progress.finish({
    done: items.length,
    delivered: totals.delivered,
    failed: totals.failed,
  })

  const print = printer(progress)
  let next = 0
  for (const item of items) {
    if (!item.ok) {
      print({ line: item.line, status: 'unreadable', error: item.error })
      continue
    }
    const d = deliveries[next++] as (typeof deliveries)[number]
    print({ line: item.line, type: typeOf(item.event), attempts: d.attempts, outcome: d.outcome })
  }
  print({ state: emulator.state })
  print({ totals })
  process.stderr.write(
    `segment-intercom: ${totals.events} event${totals.events === 1 ? '' : 's'}: ${totals.delivered} delivered, ${totals.skipped} skipped, ${totals.invalid} invalid, ${totals.failed} failed, ${totals.undelivered} undelivered (still retry), ${totals.unreadable} unreadable\n`,
  )
  const bad = totals.failed + totals.invalid + totals.undelivered + totals.unreadable
  return bad > 0 && !opts.exitZero ? EXIT.events : EXIT.ok
}
