/**
 * What a worker does with one job (one Segment event): map it with `toRest`, run the
 * exchange with `deliver`, and retry inside the job with `nextAttempt` until it ends.
 *
 * Retries stay inside the job on purpose: a BullMQ retry would put the event back
 * behind the same user's later events, and the partition's next job would run
 * before it. While a job waits to retry, its partition waits with it, which is
 * what per-user order means.
 * @module
 */
import { WaitingError } from 'bullmq'
import { deliver, mergeKnown, nextAttempt, toRest } from 'segment-intercom'
import { LockLostError } from './rate-limiter.js'
import { createSend } from './transport.js'

/** @typedef {import('segment-intercom').KnownState} KnownState */

/**
 * @typedef {object} EventJob  the data of a queued job
 * @property {string} id       unique per enqueued event (ledger, dead letter)
 * @property {string} user     the user key (see partition.js)
 * @property {number} line     the event's line in the enqueued file
 * @property {unknown} event   the Segment event, as parsed from JSON
 * @property {number} [attempts] attempts made before a graceful shutdown handed it back
 */

/**
 * @typedef {object} DeadLetter  an entry of the dead-letter queue
 * @property {string} id
 * @property {string} user
 * @property {number} line
 * @property {unknown} event
 * @property {'failed' | 'exhausted' | 'error'} kind  refused by Intercom / retries used up / worker error
 * @property {string} reason
 * @property {unknown} outcome  the last Outcome (none for 'error')
 * @property {number} attempts
 * @property {string} at       ISO time
 */

/**
 * @param {object} deps
 * @param {import('./config.js').Config} deps.config
 * @param {import('ioredis').Redis} deps.redis
 * @param {import('./keys.js').Keys} deps.keys
 * @param {import('./rate-limiter.js').RateLimiter} deps.limiter
 * @param {import('./ledger.js').Ledger} deps.ledger
 * @param {(entry: DeadLetter) => Promise<void>} deps.deadLetter
 * @param {AbortSignal} deps.shutdown  aborted on SIGTERM: jobs waiting to retry are handed back
 * @param {typeof toRest} [deps.map]       the library's `toRest`; replaceable in tests
 * @param {typeof deliver} [deps.run]      the library's `deliver`; replaceable in tests
 * @returns {(job: import('bullmq').Job<EventJob>, token?: string) => Promise<string>}
 */
export function createProcessor({
  config,
  redis,
  keys,
  limiter,
  ledger,
  deadLetter,
  shutdown,
  map = toRest,
  run: runExchange = deliver,
}) {
  const policy = {
    maxAttempts: config.maxAttempts,
    baseMs: config.retryBaseMs,
    maxMs: Math.max(config.retryMaxMs, config.retryBaseMs),
  }

  return async (job, token) => {
    const { id, user, event } = job.data
    const run = await ledger.startRun(id)
    // The run before this one got Intercom's final answer, then died before completing.
    if (run.answered !== undefined) return run.answered

    let lockLost = false
    const fenced = createSend({
      baseUrl: config.intercomBaseUrl,
      token: config.intercomToken,
      timeoutMs: config.requestTimeoutMs,
      guardMs: config.rateGuardMs,
      limiter,
      fence: {
        lockKey: `${job.queueQualifiedName}:${job.id}:lock`,
        token: token ?? '',
        ledgerKey: keys.ledger(id),
      },
    })
    /** @type {import('segment-intercom').Send} */
    const send = (request) =>
      fenced(request).catch((error) => {
        if (error instanceof LockLostError) lockLost = true
        throw error
      })

    const knownKey = keys.known(user)
    let known = readKnown(await redis.get(knownKey))
    let attempts = job.data.attempts ?? 0

    for (;;) {
      const mapping = map(event, {
        settings: { apiVersion: config.apiVersion },
        ...(known === undefined ? {} : { known }),
      })
      const outcome = await runExchange(mapping, send)
      if (lockLost) throw new LockLostError()
      // Every outcome carries `learned` (DESIGN §3.3); absent, there is nothing to keep.
      const learned = /** @type {{ learned?: KnownState }} */ (outcome).learned
      if (learned !== undefined && Object.keys(learned).length > 1) {
        known = mergeKnown(known, learned)
        // A cache of what Intercom said: it expires when the user has been quiet a while.
        await redis.set(knownKey, JSON.stringify(known), 'PX', config.knownTtlMs)
      }
      // A rate-limited attempt does not use up an attempt (nextAttempt's contract), and
      // is retried whatever the count: when it is the first, the count is still 0, but
      // nextAttempt takes counts from 1.
      if (!(outcome.status === 'retry' && outcome.code === 'rate_limited')) attempts += 1
      const next = nextAttempt(outcome, Math.max(1, attempts), policy)

      if (!next.retry) {
        const ending = await end(outcome, next.reason, attempts)
        await ledger.finish(id, ending)
        return ending
      }
      await ledger.endAttempt(id)
      try {
        await sleepUnlessShutdown(next.delayMs, shutdown)
      } catch {
        // Shutting down: give the job back to the head of its partition, attempts kept,
        // rather than hold the process (and the partition) through a long backoff.
        await job.updateData({ ...job.data, attempts })
        await ledger.handBack(id)
        await job.moveToWait(token)
        throw new WaitingError()
      }
    }

    /**
     * @param {import('segment-intercom').Outcome} outcome @param {string} reason
     * @param {number} attemptsMade
     * @returns {Promise<import('./ledger.js').Ending>}
     */
    async function end(outcome, reason, attemptsMade) {
      if (outcome.status === 'delivered') return 'delivered'
      if (outcome.status === 'not_sent') return 'notSent'
      const kind = outcome.status === 'failed' ? 'failed' : 'exhausted'
      // The dead letter keeps the outcome; the learned state is kept apart (per user).
      const last = /** @type {Record<string, unknown>} */ ({ ...outcome })
      delete last.learned
      await deadLetter({
        id,
        user,
        line: job.data.line,
        event,
        kind,
        reason: outcome.status === 'failed' ? `${outcome.code}: ${outcome.message}` : reason,
        outcome: last,
        attempts: attemptsMade,
        at: new Date().toISOString(),
      })
      return kind === 'failed' ? 'failed' : 'deadLettered'
    }
  }
}

/**
 * The stored learned state, or none if it is missing or unreadable: it is a cache of
 * what Intercom said, so a bad entry costs lookups, never the event.
 * @param {string | null} stored
 * @returns {KnownState | undefined}
 */
function readKnown(stored) {
  if (stored === null) return undefined
  try {
    return mergeKnown(undefined, JSON.parse(stored))
  } catch {
    return undefined
  }
}

/** @param {number} ms @param {AbortSignal} signal */
function sleepUnlessShutdown(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(undefined)
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
