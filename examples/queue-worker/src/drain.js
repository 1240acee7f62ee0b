/**
 * `npm run drain`: waits until every enqueued event has ended, then prints one JSON
 * line: `{ "delivered", "notSent", "failed", "deadLettered", … }` (the four counts,
 * then `enqueued`, `requests`, `rateLimited`, `takenOver`, `answeredBeforeKill`,
 * `possibleDuplicates`). DRAIN_TIMEOUT_MS (default: none) gives up with exit 1.
 *
 * "Ended" means counted once by the ledger as delivered, not sent, failed or
 * dead-lettered, with no job left waiting, active or delayed in any partition. It
 * also dead-letters what BullMQ failed by itself while no worker was there to see.
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { deadLetterFailedJob } from './dead-letter.js'
import { createLedger, ENDINGS } from './ledger.js'
import { fatal, setup } from './setup.js'

const COUNTERS = [
  ...ENDINGS,
  'enqueued',
  'requests',
  'rateLimited',
  'takenOver',
  'answeredBeforeKill',
  'possibleDuplicates',
]

async function main() {
  const s = await setup()
  const ledger = createLedger(s.redis, s.keys)
  const timeoutMs = Number(process.env.DRAIN_TIMEOUT_MS || Number.POSITIVE_INFINITY)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const queue of s.queues) {
      for (const job of await queue.getFailed()) {
        await deadLetterFailedJob(s, ledger, job, job.failedReason || 'failed')
      }
    }
    const stats = await readStats(s.redis, s.keys.stats)
    const ended = ENDINGS.reduce((sum, k) => sum + (stats[k] ?? 0), 0)
    const pending = await Promise.all(
      s.queues.map((q) => q.getJobCountByTypes('wait', 'active', 'delayed', 'prioritized')),
    )
    if (ended >= (stats.enqueued ?? 0) && pending.every((n) => n === 0)) {
      await s.close()
      process.stdout.write(`${JSON.stringify(stats)}\n`)
      return
    }
    if (Date.now() > deadline) {
      process.stderr.write(`${JSON.stringify({ timeout: true, ended, ...stats })}\n`)
      process.exit(1)
    }
    await sleep(500)
  }
}

/** @param {import('ioredis').Redis} redis @param {string} key */
async function readStats(redis, key) {
  const raw = await redis.hgetall(key)
  /** @type {Record<string, number>} */
  const stats = {}
  for (const name of COUNTERS) stats[name] = Number(raw[name] ?? 0)
  return stats
}

main().catch(fatal)
