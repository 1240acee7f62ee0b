/**
 * What every command shares: the Redis connection, the key names, the partition
 * count agreed in Redis, the partition queues and the dead-letter queue.
 * @module
 */
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { readConfig } from './config.js'
import { keys as keysFor } from './keys.js'

/** Raised when the partition count in the environment differs from the one in use. */
export class PartitionMismatchError extends Error {}

/**
 * @param {NodeJS.ProcessEnv} [env]
 */
export async function setup(env = process.env) {
  const config = readConfig(env)
  const keys = keysFor(config.prefix)
  // BullMQ needs maxRetriesPerRequest: null (its blocking commands must not give up).
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null })
  const partitions = await agreePartitions(redis, keys.config, config.partitions, env)
  const queueOptions = { connection: redis, prefix: keys.bullPrefix }
  const queues = Array.from(
    { length: partitions },
    (_, n) => new Queue(keys.partitionQueue(n), queueOptions),
  )
  const deadLetters = new Queue(keys.deadLetterQueue, queueOptions)

  /** @param {import('./processor.js').DeadLetter} entry */
  async function deadLetter(entry) {
    // The job id makes this idempotent: a takeover that dead-letters again adds nothing.
    await deadLetters.add(entry.kind, entry, { jobId: entry.id })
  }

  async function close() {
    await Promise.all([...queues, deadLetters].map((q) => q.close()))
    await redis.quit()
  }

  return { config, keys, redis, partitions, queues, deadLetters, deadLetter, queueOptions, close }
}

/**
 * The partition count is fixed once, by the first process to start, and stored in
 * Redis: a producer and a worker that disagreed would put one user's events in two
 * partitions and lose the order. Changing it needs empty queues (see the guide).
 * @param {import('ioredis').Redis} redis @param {string} key @param {number} wanted
 * @param {NodeJS.ProcessEnv} env
 */
async function agreePartitions(redis, key, wanted, env) {
  await redis.hsetnx(key, 'partitions', wanted)
  const stored = Number(await redis.hget(key, 'partitions'))
  if (env.PARTITIONS !== undefined && env.PARTITIONS !== '' && stored !== wanted) {
    throw new PartitionMismatchError(
      `PARTITIONS: ${wanted} was asked for, but the queues in Redis use ${stored}; drain them and delete ${key} to change it`,
    )
  }
  return stored
}

/** Prints an error as one JSON line on stderr and exits 1. @param {unknown} error */
export function fatal(error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`${JSON.stringify({ error: message })}\n`)
  process.exit(1)
}
