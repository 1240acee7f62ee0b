/**
 * `npm run worker`: one worker process. Start as many as you like, on as many
 * machines as you like, against the same Redis.
 *
 * It consumes every partition queue with a BullMQ Worker of concurrency 1; each
 * queue's *global* concurrency is 1, so across all processes a partition runs one
 * job at a time, and CONCURRENCY bounds how many this process runs at once.
 * SIGTERM (or SIGINT) stops taking jobs, lets the running ones finish (a job
 * waiting to retry goes back to the head of its partition), then exits 0.
 * @module
 */
import { setMaxListeners } from 'node:events'
import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { WaitingError, Worker } from 'bullmq'
import { RATE_WINDOW_MS } from './config.js'
import { deadLetterFailedJob } from './dead-letter.js'
import { createLedger } from './ledger.js'
import { createProcessor } from './processor.js'
import { createRateLimiter } from './rate-limiter.js'
import { fatal, setup } from './setup.js'

/** How long a job waits for a free slot in this process before it is handed back. */
const HAND_BACK_AFTER_MS = 100
/** How long a Worker waits after handing a job back, before it fetches again. */
const NAP_MS = 250

async function main() {
  const s = await setup()
  const { config, keys, redis } = s
  if (config.intercomToken === undefined) {
    throw new Error('INTERCOM_TOKEN: required (an Intercom access token)')
  }
  const limiter = createRateLimiter(redis, keys, {
    limit: config.rateLimit,
    windowMs: RATE_WINDOW_MS + config.rateGuardMs,
  })
  const ledger = createLedger(redis, keys)
  const shutdown = new AbortController()
  // Every job sleeping before a retry listens to it: as many as CONCURRENCY.
  setMaxListeners(config.concurrency + 10, shutdown.signal)
  const process_ = createProcessor({
    config,
    redis,
    keys,
    limiter,
    ledger,
    deadLetter: s.deadLetter,
    shutdown: shutdown.signal,
  })
  const slots = semaphore(config.concurrency)
  let done = 0

  await Promise.all(s.queues.map((q) => q.setGlobalConcurrency(1)))
  const workers = s.queues.map((queue) => {
    const worker = new Worker(
      queue.name,
      async (job, token) => {
        const release = await slots.acquire(HAND_BACK_AFTER_MS)
        if (release === undefined) {
          // This process is at CONCURRENCY: give the job back to the head of its
          // partition, where a process with a free slot takes it, and nap before
          // this Worker asks again. Without this, whoever holds a partition keeps it
          // (BullMQ fetches the next job as it completes one) and one process would
          // hold them all.
          await job.moveToWait(token)
          await sleep(NAP_MS)
          throw new WaitingError()
        }
        try {
          return await process_(job, token)
        } finally {
          release()
        }
      },
      {
        ...s.queueOptions,
        // Shown as the job's processedBy: which machine and process ran it.
        name: `${hostname()}:${process.pid}`,
        concurrency: 1,
        lockDuration: config.lockDurationMs,
        stalledInterval: config.stalledIntervalMs,
        maxStalledCount: config.maxStalledCount,
      },
    )
    worker.on('completed', (job) => {
      done += 1
      ledger.forget(job.data.id).catch(() => {})
    })
    // A job BullMQ failed itself: stalled too often (it kept killing its workers),
    // or an unexpected error. It goes to the dead-letter queue with the reason.
    worker.on('failed', (job, error) => {
      if (job === undefined) return
      deadLetterFailedJob(s, ledger, job, error.message).catch((e) => log('dead_letter_error', e))
    })
    worker.on('error', (error) => log('worker_error', error))
    return worker
  })
  process.stdout.write(
    `${JSON.stringify({ worker: process.pid, partitions: s.partitions, concurrency: config.concurrency })}\n`,
  )

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    shutdown.abort(new Error('shutdown'))
    await Promise.all(workers.map((w) => w.close()))
    await s.close()
    process.stdout.write(`${JSON.stringify({ worker: process.pid, stopped: true, jobs: done })}\n`)
    process.exit(0)
  }
  process.on('SIGTERM', () => stop().catch(fatal))
  process.on('SIGINT', () => stop().catch(fatal))
}

/** At most `n` at once; waiters are served first come, first served. @param {number} n */
function semaphore(n) {
  let free = n
  /** @type {((release: () => void) => void)[]} */
  const waiting = []
  const release = () => {
    const next = waiting.shift()
    if (next) next(release)
    else free += 1
  }
  return {
    /**
     * A release function, or `undefined` when no slot freed up within `timeoutMs`.
     * @param {number} timeoutMs
     * @returns {Promise<(() => void) | undefined>}
     */
    acquire(timeoutMs) {
      if (free > 0) {
        free -= 1
        return Promise.resolve(release)
      }
      return new Promise((resolve) => {
        const take = (/** @type {() => void} */ r) => {
          clearTimeout(timer)
          resolve(r)
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1)
          resolve(undefined)
        }, timeoutMs)
        waiting.push(take)
      })
    },
  }
}

/** @param {string} what @param {unknown} error */
function log(what, error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`${JSON.stringify({ worker: process.pid, [what]: message })}\n`)
}

main().catch(fatal)
