/**
 * The job ledger: what each run of a job did, kept in Redis next to the job, so the
 * worker that takes over a dead worker's job knows whether Intercom already heard
 * of it. One hash per job that is not completed yet: `runs`, `sent` (requests that
 * went out, counted by the rate limiter's script right before each one) and
 * `answered` (the final outcome, recorded before the job is completed).
 *
 * - `answered` set: the dead worker got Intercom's final answer and died before
 *   completing the job. The takeover completes it without sending anything again.
 * - `sent` > 0, no `answered`: it died mid-conversation. The takeover sends the
 *   event again (at-least-once): these are the only possible duplicates, counted
 *   as `possibleDuplicates`.
 * - neither: nothing reached Intercom; a plain retake.
 *
 * The counters in `stats` count each event once: `finish` bumps its outcome's
 * counter only when it is the first to set `answered`.
 * @module
 */

const START_RUN = `
local runs = redis.call('HINCRBY', KEYS[1], 'runs', 1)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
local sent = tonumber(redis.call('HGET', KEYS[1], 'sent') or '0')
local answered = redis.call('HGET', KEYS[1], 'answered') or ''
if runs > 1 then
  redis.call('HINCRBY', KEYS[2], 'takenOver', 1)
  if answered ~= '' then
    redis.call('HINCRBY', KEYS[2], 'answeredBeforeKill', 1)
  elseif sent > 0 then
    redis.call('HINCRBY', KEYS[2], 'possibleDuplicates', 1)
  end
end
return { runs, sent, answered }
`

const FINISH = `
if redis.call('HSETNX', KEYS[1], 'answered', ARGV[1]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0
`

/** How the events ended: the counters of drain's line. */
export const ENDINGS = /** @type {const} */ (['delivered', 'notSent', 'failed', 'deadLettered'])

/** @typedef {typeof ENDINGS[number]} Ending */

/**
 * @param {import('ioredis').Redis} redis
 * @param {{ stats: string, ledger: (id: string) => string }} keys
 * @param {number} [ttlMs]  a ledger outlives its job by at most this (a worker killed after completing, before deleting it)
 */
export function createLedger(redis, keys, ttlMs = 7 * 86_400_000) {
  redis.defineCommand('siStartRun', { numberOfKeys: 2, lua: START_RUN })
  redis.defineCommand('siFinish', { numberOfKeys: 2, lua: FINISH })
  const r = /** @type {any} */ (redis)
  return {
    /**
     * Records the start of a run of job `id`.
     * @param {string} id
     * @returns {Promise<{ runs: number, sent: number, answered: Ending | undefined }>}
     */
    async startRun(id) {
      const [runs, sent, answered] = await r.siStartRun(keys.ledger(id), keys.stats, ttlMs)
      return { runs: Number(runs), sent: Number(sent), answered: answered || undefined }
    },
    /**
     * Records how event `id` ended; counts it once whatever happens after.
     * @param {string} id @param {Ending} ending
     * @returns {Promise<boolean>} false when a run before this one had already recorded it
     */
    async finish(id, ending) {
      return (await r.siFinish(keys.ledger(id), keys.stats, ending, ttlMs)) === 1
    },
    /**
     * An attempt ended with a retry outcome: its requests were answered, so they no
     * longer count as in doubt should this worker die now.
     * @param {string} id
     */
    async endAttempt(id) {
      await redis.hset(keys.ledger(id), 'sent', 0)
    },
    /** The job goes back to its queue on a graceful shutdown: the next run is no takeover. @param {string} id */
    async handBack(id) {
      await redis
        .multi()
        .hincrby(keys.ledger(id), 'runs', -1)
        .hset(keys.ledger(id), 'sent', 0)
        .exec()
    },
    /** Forgets a completed job's ledger. @param {string} id */
    async forget(id) {
      await redis.del(keys.ledger(id))
    },
  }
}

/** @typedef {ReturnType<typeof createLedger>} Ledger */
