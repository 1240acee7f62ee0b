/**
 * Jobs BullMQ failed by itself (never through our processor's normal end): a job
 * that stalled more than MAX_STALLED_COUNT times (it keeps killing its workers), or
 * one whose processor threw something unexpected. They go to the dead-letter queue
 * with BullMQ's reason, and count as dead-lettered. Workers do it as it happens;
 * `drain` sweeps whatever a killed worker left behind.
 * @module
 */

/** @typedef {{ deadLetter: (entry: import('./processor.js').DeadLetter) => Promise<void> }} DeadLetterSink */

/**
 * @param {DeadLetterSink} s
 * @param {import('./ledger.js').Ledger} ledger
 * @param {import('bullmq').Job<import('./processor.js').EventJob>} job
 * @param {string} reason
 */
export async function deadLetterFailedJob(s, ledger, job, reason) {
  const { id, user, line, event } = job.data
  await s.deadLetter({
    id,
    user,
    line,
    event,
    kind: 'error',
    reason,
    outcome: undefined,
    attempts: job.data.attempts ?? 0,
    at: new Date().toISOString(),
  })
  await ledger.finish(id, 'deadLettered')
  // Another process (a worker, drain) may have swept it first.
  await job.remove().catch(() => {})
}
