import { isRecord } from '../_lib/is-record.js'
import type { RateLimiter } from '../ops/rate-limiter.js'
import { isResponse } from '../rest/classify.js'
import { internalError, unanswered } from '../rest/drive.js'
import { type KnownState, KnownStateError, mergeKnownInto } from '../rest/known-state.js'
import { toRest } from '../rest/to-rest.js'
import type { Exchange, IntercomResponse, Outcome, Send } from '../rest/types.js'
import type { MapOptions } from '../types.js'
import { DEFAULT_CONCURRENCY, READ_AHEAD } from './constants.js'
import { DeliveryInputError, DeliveryOptionsError } from './errors.js'
import { laneKey } from './lane-key.js'
import { nextAttempt, type ResolvedRetryPolicy, resolveRetryPolicy } from './next-attempt.js'
import { systemClock } from './system-clock.js'
import type {
  AbortSignalLike,
  DeliverAllOptions,
  DeliveryClock,
  DeliveryProgress,
  DeliveryReport,
  DeliveryResult,
  DeliveryTotals,
} from './types.js'

type Retry = Extract<Outcome, { status: 'retry' }>

/** One input event on its way. */
interface Item {
  index: number
  event: unknown
  /** Whether a `contact_not_found` of the same user may wait for it. */
  identify: boolean
  /** Exchanges run. */
  attempts: number
  /** Exchanges run that count against `maxAttempts` (not rate-limited ones). */
  counted: number
  /** Events of the same user whose contact was not found, retried once this one ends. */
  followers: Item[] | undefined
  /**
   * Whether it waited for an identify that was delivered: its contact exists then, and
   * a `contact_not_found` is search lag, retried in place rather than deferred again.
   */
  afterIdentify: boolean
  last: Outcome | undefined
}

/** A user's events, delivered one after the other. */
interface Lane {
  key: string | undefined
  queue: Item[]
}

interface Config {
  source: Source
  send: Send
  concurrency: number
  limiter: RateLimiter | undefined
  policy: ResolvedRetryPolicy
  clock: DeliveryClock
  random: () => number
  onProgress: ((p: DeliveryProgress) => void) | undefined
  signal: AbortSignalLike | undefined
  mapOptions: MapOptions
  /** `options.known`, checked. */
  known: KnownState | undefined
}

/**
 * Delivers a batch (or an endless stream) of Segment events to Intercom's REST API
 * with your transport, and reports how each one ended. Nothing disappears: every
 * event read gets exactly one result, in input order.
 *
 * - **Per-user order.** Events of one user (`userId`, else email — the library's
 *   identity rule) are delivered one after the other in input order, a later one
 *   starting only when the earlier one has ended, retries included. Different users
 *   run concurrently, up to `concurrency` users at once (so at most `concurrency`
 *   requests are in flight). Events without a user each run on their own.
 * - **Identify first.** An event whose contact is not found yet (`contact_not_found`:
 *   a track or group read before its user's identify) waits for the same user's next
 *   identify among the events read: that identify is delivered first, then this
 *   event and the user's events read between the two, in input order (the identify
 *   alone moves ahead). Without such an identify, or when it was retried after one
 *   that was delivered (the contact exists: search has not caught up), it is retried
 *   with backoff like any other `retry`, the user's later events waiting: an identify
 *   moves ahead of an event once at most, so no later identify can pass it too.
 * - **Retries.** Each `retry` outcome is retried per `nextAttempt` and `retry`,
 *   sleeping on `clock`; a rejected `send` is a `transport_error` retry. Rate-limit
 *   waits are measured on `clock` (from `X-RateLimit-Reset`), not on `options.now`.
 *   A rate limit never uses up an attempt and is waited out however long it lasts:
 *   bound a run's duration with `signal`.
 * - **Rate limit.** With `limiter`, every request waits for `limiter.take` and every
 *   response is fed to `limiter.observe`, so a shared budget is respected.
 * - **Lazily read.** The input is read as delivery proceeds, holding at most 1,000
 *   events that have not ended: an async iterable (a queue, a file) of any length
 *   runs in bounded memory. One user with more than 1,000 events in a row makes the
 *   others wait for the read-ahead; per-user order always holds.
 * - **Abort.** When `signal` aborts, no new request starts and waits end at once;
 *   every event read and not ended ends `retry` with code `aborted` (reason
 *   `'aborted'`), and the promise resolves. No more events are read from an
 *   iterator (it is closed with `return()`); an array's remaining elements get
 *   `aborted` results too. An async source that is waiting for its next event is
 *   still awaited: end it with the same signal.
 *
 * - **Known state.** Every exchange's `learned` (retries' included) is merged, as it
 *   ends, into the batch's state, which starts as `options.known`; each later
 *   exchange is mapped with that state as its `known`, so one event's lookup (a
 *   contact's id, a company's) spares the next ones theirs. The report's `learned`
 *   is what this batch learned, without `options.known`: store
 *   `mergeKnown(known, report.learned)`.
 *
 * Each event is mapped with `toRest(event, options)` for each attempt: the mapping
 * options (`settings`, `now`, `knownEventNames`, …) pass through.
 *
 * @returns The report. `totals.delivered + notSent + failed + gaveUp === events`.
 * @throws DeliveryOptionsError (a rejection) for a bad option, naming it.
 * @throws DeliveryInputError (a rejection) when reading `events` throws; its
 *   `report` holds the results of every event read before.
 *
 * @example
 * ```ts
 * import { createRateLimiter, deliverAll, mergeKnown } from 'segment-intercom'
 *
 * const report = await deliverAll(events, {
 *   send, // adds Authorization and does the HTTP call
 *   concurrency: 8,
 *   limiter: createRateLimiter({ limit: 1_600, windowMs: 10_000 }),
 *   known: stored, // what earlier batches learned
 *   onProgress: (p) => console.log(`${p.done} done, ${p.requests} requests`),
 * })
 * await store(mergeKnown(stored, report.learned))
 * for (const r of report.results) {
 *   if (r.outcome.status === 'retry') requeue(events[r.index], r.reason) // gave up or aborted
 * }
 * ```
 */
export async function deliverAll(
  events: Iterable<unknown> | AsyncIterable<unknown>,
  options: DeliverAllOptions,
): Promise<DeliveryReport> {
  const config = checkOptions(events, options)
  const { send, concurrency, limiter, policy, clock, random, onProgress, signal, mapOptions } =
    config

  // What later exchanges may rely on (`options.known` and everything learned since),
  // and what this batch learned. Both grow in place: a merge costs the delta's size.
  const running: KnownState = { version: 1 }
  if (config.known !== undefined) mergeKnownInto(running, config.known)
  const learned: KnownState = { version: 1 }
  let knownSoFar = config.known !== undefined
  const learn = (outcome: Outcome): void => {
    const delta = learnedOf(outcome)
    if (delta === undefined) return
    try {
      mergeKnownInto(learned, delta)
      mergeKnownInto(running, delta)
      knownSoFar = true
    } catch {
      // A malformed `learned` would be a library bug; the outcome itself still stands.
    }
  }
  /** The mapping options of the next attempt: the state known so far, once there is one. */
  const restOptions = (): MapOptions => {
    if (!knownSoFar) return mapOptions
    const withKnown: MapOptions & { known: KnownState } = { ...mapOptions, known: running }
    return withKnown
  }

  const results: DeliveryResult[] = []
  const progress: DeliveryProgress = { done: 0, delivered: 0, failed: 0, requests: 0 }
  const lanes = new Map<string, Lane>()
  const ready: Lane[] = []
  let active = 0
  let pending = 0
  let inputDone = false
  let aborted = signal?.aborted === true
  let wakeReader: (() => void) | undefined
  let finished!: () => void
  const allEnded = new Promise<void>((resolve) => {
    finished = resolve
  })
  const abortWaiters = new Set<() => void>()
  const onAbort = () => {
    aborted = true
    for (const wake of abortWaiters) wake()
    abortWaiters.clear()
    wakeReader?.()
  }
  signal?.addEventListener('abort', onAbort, { once: true })

  /** Sleeps on the clock; an abort ends the sleep at once. */
  const pause = (ms: number): Promise<void> => {
    if (aborted) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      abortWaiters.add(resolve)
      clock.sleep(ms).then(
        () => {
          abortWaiters.delete(resolve)
          resolve()
        },
        (error: unknown) => {
          abortWaiters.delete(resolve)
          reject(error)
        },
      )
    })
  }

  /** Waits until the limiter lets a request go; `false` when aborted meanwhile. */
  const acquire = async (): Promise<boolean> => {
    if (limiter === undefined) return !aborted
    for (;;) {
      if (aborted) return false
      const decision = limiter.take(clock.now())
      if (decision.ok) return true
      const wait = Number.isFinite(decision.retryAfterMs) ? decision.retryAfterMs : 0
      await pause(Math.max(1, wait))
    }
  }

  /**
   * Runs one exchange through the limiter: {@link drive}'s loop, with the limiter and
   * the abort before each request; `undefined` when aborted before it ended.
   */
  const runExchange = async (ex: Exchange): Promise<Outcome | undefined> => {
    let step = ex.next()
    while (!step.done) {
      const request = step.value
      // Checked again after the await: the abort may have come while it resolved.
      if (!(await acquire()) || aborted) {
        ex.return(CLOSED_EARLY)
        return undefined
      }
      let response: IntercomResponse
      progress.requests++
      try {
        response = await send(request)
      } catch (error) {
        // As in drive: the exchange hears it, and ends with what it learned so far.
        step = unanswered(ex, request, error)
        continue
      }
      if (limiter !== undefined && isResponse(response)) limiter.observe(response, clock.now())
      step = ex.next(response)
    }
    return step.value
  }

  const finish = (lane: Lane, item: Item, outcome: Outcome, reason?: string): void => {
    const result: DeliveryResult = { index: item.index, outcome, attempts: item.attempts }
    if (reason !== undefined) result.reason = reason
    results[item.index] = result
    pending--
    // The events that waited for this identify go next, in their order.
    if (item.followers !== undefined) {
      const delivered = outcome.status === 'delivered'
      for (const follower of item.followers) follower.afterIdentify ||= delivered
      lane.queue.unshift(...item.followers)
    }
    progress.done++
    if (outcome.status === 'delivered') progress.delivered++
    else if (outcome.status !== 'not_sent') progress.failed++
    if (onProgress !== undefined) {
      try {
        onProgress({ ...progress })
      } catch {
        // The callback's failure is not the event's: every result is kept regardless.
      }
    }
    wakeReader?.()
  }

  const runItem = async (lane: Lane, item: Item): Promise<void> => {
    try {
      for (;;) {
        // Mapped again for each attempt: with what the earlier exchanges learned meanwhile.
        const mapping = toRest(item.event, restOptions())
        if (mapping.status !== 'mapped')
          return finish(lane, item, { status: 'not_sent', mapping, learned: { version: 1 } })
        if (aborted) return finish(lane, item, abortedOutcome(item.last), 'aborted')
        item.attempts++
        const ran = await runExchange(mapping.exchange())
        if (ran === undefined) return finish(lane, item, abortedOutcome(item.last), 'aborted')
        learn(ran)
        const outcome = ran.status === 'retry' ? timed(ran, clock.now()) : ran
        item.last = outcome
        if (outcome.status !== 'retry') return finish(lane, item, outcome)
        if (outcome.code !== 'rate_limited') item.counted++
        const next = nextAttempt(outcome, Math.max(1, item.counted), policy, random)
        if (!next.retry) return finish(lane, item, outcome, next.reason)
        if (outcome.code === 'contact_not_found' && !item.afterIdentify) {
          const at = lane.queue.findIndex((i) => i.identify)
          const identify = lane.queue[at]
          if (identify !== undefined) {
            // Its user's identify is still to come: that identify goes first, then this
            // event, then the ones read between them, in their order. They wait too: run
            // now (the contact found by then, e.g. once search caught up), they would
            // pass this event, and a later group could be undone by this earlier one.
            identify.followers ??= []
            identify.followers.push(item, ...lane.queue.splice(0, at))
            return
          }
        }
        await pause(next.delayMs)
      }
    } catch (error) {
      // Exchanges do not throw; this guards against a host's clock or limiter that does.
      finish(lane, item, internalError(error))
    }
  }

  const runLane = async (lane: Lane): Promise<void> => {
    for (let item = lane.queue.shift(); item !== undefined; item = lane.queue.shift()) {
      await runItem(lane, item)
    }
    // Synchronously after the last item: an event read from now on starts a new lane.
    if (lane.key !== undefined) lanes.delete(lane.key)
    active--
    pump()
  }

  const pump = (): void => {
    while (active < concurrency && ready.length > 0) {
      const lane = ready.shift() as Lane
      active++
      void runLane(lane)
    }
    if (inputDone && active === 0 && ready.length === 0) finished()
  }

  const enqueue = (index: number, event: unknown): void => {
    pending++
    const item: Item = {
      index,
      event,
      identify: isRecord(event) && event.type === 'identify',
      attempts: 0,
      counted: 0,
      followers: undefined,
      afterIdentify: false,
      last: undefined,
    }
    const key = laneKey(event)
    const lane = key === undefined ? undefined : lanes.get(key)
    if (lane !== undefined) {
      lane.queue.push(item)
      return
    }
    const fresh: Lane = { key, queue: [item] }
    if (key !== undefined) lanes.set(key, fresh)
    ready.push(fresh)
    pump()
  }

  let inputError: { error: unknown } | undefined
  const { source } = config
  let index = 0
  let ended = false
  try {
    for (;;) {
      if (aborted && !source.array) break
      while (pending >= READ_AHEAD && !(aborted && !source.array)) {
        await new Promise<void>((resolve) => {
          wakeReader = resolve
        })
        wakeReader = undefined
      }
      if (aborted && !source.array) break
      const step = await source.next()
      if (step.done) {
        ended = true
        break
      }
      enqueue(index++, step.value)
    }
  } catch (error) {
    ended = true
    inputError = { error }
  }
  if (!ended) await source.close()
  inputDone = true
  pump()
  await allEnded
  signal?.removeEventListener('abort', onAbort)

  const report: DeliveryReport = {
    results,
    totals: totalsOf(results, progress.requests),
    learned,
  }
  if (inputError !== undefined) throw new DeliveryInputError(report, inputError.error)
  return report
}

/**
 * The outcome's `learned`, when it is a state (an outcome built by hand, e.g. by a
 * test's transport wrapper, may have none).
 */
function learnedOf(outcome: Outcome): KnownState | undefined {
  const value: unknown = outcome.learned
  return isRecord(value) && value.version === 1 ? (value as KnownState) : undefined
}

/** What a generator is told when it is closed early (its value is never read). */
const CLOSED_EARLY: Outcome = {
  status: 'retry',
  code: 'aborted',
  message: '',
  learned: { version: 1 },
}

function abortedOutcome(last: Outcome | undefined): Retry {
  const before =
    last?.status === 'retry' ? `; the last attempt ended ${last.code}: ${last.message}` : ''
  return {
    status: 'retry',
    code: 'aborted',
    message: `The delivery was aborted before this event ended${before}`,
    learned: { version: 1 },
  }
}

/**
 * Both wait fields measured on the delivery's clock: `retryAt` (from
 * `X-RateLimit-Reset`) is absolute, so it is the truth; `retryAfterMs` alone (from
 * `Retry-After`) is relative to the answer, i.e. to now.
 */
function timed(outcome: Retry, now: number): Retry {
  if (outcome.retryAt !== undefined) {
    return { ...outcome, retryAfterMs: Math.max(0, outcome.retryAt - now) }
  }
  if (outcome.retryAfterMs !== undefined) return { ...outcome, retryAt: now + outcome.retryAfterMs }
  return outcome
}

function totalsOf(results: readonly DeliveryResult[], requests: number): DeliveryTotals {
  const totals: DeliveryTotals = {
    events: results.length,
    delivered: 0,
    notSent: 0,
    failed: 0,
    gaveUp: 0,
    requests,
  }
  for (const { outcome } of results) {
    if (outcome.status === 'delivered') totals.delivered++
    else if (outcome.status === 'not_sent') totals.notSent++
    else if (outcome.status === 'failed') totals.failed++
    else totals.gaveUp++
  }
  return totals
}

/** The input, read one event at a time whether it is sync or async. */
interface Source {
  array: boolean
  next(): IteratorResult<unknown> | Promise<IteratorResult<unknown>>
  /** Lets a generator clean up when reading stops early. */
  close(): Promise<void>
}

function openSource(events: Iterable<unknown> | AsyncIterable<unknown>): Source {
  const asyncIterator = (events as AsyncIterable<unknown>)[Symbol.asyncIterator]
  const iterator =
    typeof asyncIterator === 'function'
      ? asyncIterator.call(events)
      : (events as Iterable<unknown>)[Symbol.iterator]()
  return {
    array: Array.isArray(events),
    next: () => iterator.next(),
    close: async () => {
      try {
        await iterator.return?.()
      } catch {
        // Closing is a courtesy to the source; its failure changes no result.
      }
    },
  }
}

function checkOptions(
  events: Iterable<unknown> | AsyncIterable<unknown>,
  options: DeliverAllOptions,
): Config {
  if (!isObject(options)) throw new DeliveryOptionsError('options', 'must be an object')
  const {
    send,
    concurrency = DEFAULT_CONCURRENCY,
    limiter,
    retry,
    clock,
    random = Math.random,
    onProgress,
    signal,
    known,
    ...mapOptions
  } = options
  if (
    !isObject(events) ||
    (typeof (events as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] !== 'function' &&
      typeof (events as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function')
  ) {
    throw new DeliveryOptionsError('events', 'must be an iterable or an async iterable')
  }
  if (typeof send !== 'function') throw new DeliveryOptionsError('send', 'must be a function')
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new DeliveryOptionsError(
      'concurrency',
      `must be an integer ≥ 1, got ${String(concurrency)}`,
    )
  }
  if (
    limiter !== undefined &&
    !(
      isObject(limiter) &&
      typeof limiter.take === 'function' &&
      typeof limiter.observe === 'function'
    )
  ) {
    throw new DeliveryOptionsError(
      'limiter',
      'must have take() and observe() (see createRateLimiter)',
    )
  }
  if (
    clock !== undefined &&
    !(isObject(clock) && typeof clock.now === 'function' && typeof clock.sleep === 'function')
  ) {
    throw new DeliveryOptionsError('clock', 'must have now() and sleep(ms)')
  }
  if (typeof random !== 'function') throw new DeliveryOptionsError('random', 'must be a function')
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new DeliveryOptionsError('onProgress', 'must be a function')
  }
  if (
    signal !== undefined &&
    !(isObject(signal) && typeof signal.addEventListener === 'function')
  ) {
    throw new DeliveryOptionsError('signal', 'must be an AbortSignal')
  }
  const policy = resolveRetryPolicy(retry)
  if (known !== undefined) {
    try {
      mergeKnownInto({ version: 1 }, known, 'known')
    } catch (error) {
      if (!(error instanceof KnownStateError)) throw error
      throw new DeliveryOptionsError(error.path, error.message.slice(error.path.length + 2))
    }
  }
  const names = mapOptions.knownEventNames
  if (names !== undefined && !(names instanceof Set)) {
    // Read once: toRest reads it per event, and a one-shot iterable would be empty the second time.
    try {
      mapOptions.knownEventNames = new Set(names)
    } catch {
      throw new DeliveryOptionsError('knownEventNames', 'must be an iterable of strings')
    }
  }
  return {
    source: openSource(events),
    send,
    concurrency,
    limiter,
    policy,
    clock: clock ?? systemClock(signal),
    random,
    onProgress,
    signal,
    mapOptions,
    known,
  }
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
}
