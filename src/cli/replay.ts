import { deliver, type MapOptions, type Outcome, type Send, toRest } from '../index.js'
import { createIntercomEmulator } from '../testing/index.js'
import { mapOptions, parseArgs } from './args.js'
import { EXIT } from './command.js'
import { loadEvents, printer, progressFor } from './input.js'
import { typeOf } from './map.js'

/** One event's end: the shape of `DeliveryReport.results`. */
export interface Delivery {
  index: number
  outcome: Outcome
  attempts: number
}

/** The progress counts `deliverAll` reports. */
export interface DeliveryProgress {
  done: number
  delivered: number
  failed: number
  requests: number
}

export interface DriveOptions extends MapOptions {
  send: Send
  clock: { now(): number; sleep(ms: number): Promise<void> }
  /** Rounds of retries of the `retry` outcomes after the first pass. */
  retries: number
  onProgress?: (p: DeliveryProgress) => void
}

/**
 * The one place `replay` delivers: every event in order, then up to `retries`
 * rounds over the `retry` outcomes (sleeping on `clock` until `retryAt` for rate
 * limits). One result per event, in input order. Shaped like `deliverAll`
 * so that it can take this function's place.
 */
export async function deliverEvents(
  events: readonly unknown[],
  o: DriveOptions,
): Promise<Delivery[]> {
  const results: Delivery[] = []
  const p: DeliveryProgress = { done: 0, delivered: 0, failed: 0, requests: 0 }
  const ended = (outcome: Outcome) => {
    p.done++
    if (outcome.status === 'delivered') {
      p.delivered++
      p.requests += outcome.requests
    } else if (outcome.status === 'failed') p.failed++
  }
  let pending: number[] = []
  for (let index = 0; index < events.length; index++) {
    const outcome = await deliver(toRest(events[index], o), o.send)
    results.push({ index, outcome, attempts: 1 })
    if (outcome.status === 'retry') pending.push(index)
    else ended(outcome)
    o.onProgress?.(p)
  }
  for (let round = 1; round <= o.retries && pending.length > 0; round++) {
    const again: number[] = []
    for (const index of pending) {
      const result = results[index] as Delivery
      const { outcome: previous } = result
      if (previous.status === 'retry' && previous.retryAt !== undefined) {
        const wait = previous.retryAt - o.clock.now()
        if (wait > 0) await o.clock.sleep(wait)
      }
      result.outcome = await deliver(toRest(events[index], o), o.send)
      result.attempts++
      if (result.outcome.status === 'retry') again.push(index)
      else ended(result.outcome)
      o.onProgress?.(p)
    }
    pending = again
  }
  return results
}

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
 * `segment-intercom replay`: deliver to the built-in emulator; one line per event
 * (in input order, with its final outcome and attempts), then the emulator's final
 * state, then the totals. Exit 1 when an event failed, was invalid, stayed
 * undelivered or was unreadable.
 */
export async function runReplay(argv: readonly string[]): Promise<number> {
  const opts = parseArgs('replay', argv)
  const items = await loadEvents(opts)
  const readable = items.flatMap((item) => (item.ok ? [item] : []))
  const progress = progressFor(opts, items.length)
  const emulator = createIntercomEmulator({ searchLag: opts.searchLag })
  const unreadable = items.length - readable.length
  const deliveries = await deliverEvents(
    readable.map((item) => item.event),
    {
      ...mapOptions(opts),
      settings: { createMissingAttributes: true, ...opts.settings },
      send: (request) => emulator.send(request),
      clock: { now: () => emulator.now(), sleep: async (ms) => emulator.advanceTime(ms) },
      retries: opts.retries,
      onProgress: (p) =>
        progress.update({ done: p.done + unreadable, delivered: p.delivered, failed: p.failed }),
    },
  )
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
    const d = deliveries[next++] as Delivery
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
