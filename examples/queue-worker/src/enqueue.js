/**
 * `npm run enqueue -- FILE`: reads NDJSON Segment events (one JSON object per line;
 * `-` for stdin) into the partition queues, in file order. All of a user's events
 * go to the user's partition, so they keep their order. Prints one JSON line:
 * `{ "enqueued": n, "unparsable": [line numbers] }`.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { partitionOf, userKey } from './partition.js'
import { fatal, setup } from './setup.js'

const BATCH = 500

async function main() {
  const file = process.argv[2]
  if (file === undefined) throw new Error('usage: npm run enqueue -- FILE (NDJSON; - for stdin)')
  const s = await setup()
  await Promise.all(s.queues.map((q) => q.setGlobalConcurrency(1)))
  const input = file === '-' ? process.stdin : createReadStream(file)
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })

  let enqueued = 0
  /** @type {number[]} */
  const unparsable = []
  /** @type {Map<number, { name: string, data: import('./processor.js').EventJob, opts: object }[]>} */
  let batch = new Map()
  let size = 0

  const flush = async () => {
    // Partitions are independent, so they are added in parallel; inside one, in order.
    await Promise.all(
      [...batch].map(([n, jobs]) =>
        /** @type {import('bullmq').Queue} */ (s.queues[n]).addBulk(jobs),
      ),
    )
    await s.redis.hincrby(s.keys.stats, 'enqueued', size)
    enqueued += size
    batch = new Map()
    size = 0
  }

  let line = 0
  for await (const text of lines) {
    line += 1
    if (text.trim() === '') continue
    let event
    try {
      event = JSON.parse(text)
    } catch {
      unparsable.push(line)
      continue
    }
    const user = userKey(event)
    const n = partitionOf(user, s.partitions)
    const id = randomUUID()
    const jobs = batch.get(n) ?? []
    jobs.push({
      name: 'event',
      data: { id, user, line, event },
      // Completed jobs are not kept (the counters are in stats); failed ones are, until
      // they are dead-lettered. No BullMQ retries: retries run inside the job.
      opts: { jobId: id, removeOnComplete: true, removeOnFail: false, attempts: 1 },
    })
    batch.set(n, jobs)
    size += 1
    if (size >= BATCH) await flush()
  }
  if (size > 0) await flush()
  await s.close()
  process.stdout.write(`${JSON.stringify({ enqueued, unparsable })}\n`)
}

main().catch(fatal)
