/**
 * One rate limit for every worker on every machine: a sliding window in Redis.
 *
 * A sorted set holds one member per request sent in the last window, scored by
 * Redis's own clock (`TIME`), so machines' clocks never disagree about the window.
 * One Lua script trims the members older than the window, counts the rest and
 * either adds the new request (answer 0) or answers how long to wait until the
 * oldest member leaves the window. Being one script, the trim/count/add is atomic:
 * two workers can never both take the last slot. The same script refuses (−1) when
 * the job no longer holds its BullMQ lock, so a worker whose job was taken over
 * stops before sending anything (a fencing check right before the side effect).
 *
 * Intercom's own answers feed a shared pause: a 429, or `X-RateLimit-Remaining: 0`,
 * sets `pause-until` to Intercom's `X-RateLimit-Reset` (or one second without it),
 * and every worker's next reservation waits for it.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[4] ~= '' and redis.call('GET', KEYS[3]) ~= ARGV[4] then return -1 end
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
if pause > now then return pause - now end
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  if KEYS[4] ~= '' then
    redis.call('HINCRBY', KEYS[4], 'sent', 1)
    redis.call('PEXPIRE', KEYS[4], tonumber(ARGV[5]))
  end
  redis.call('HINCRBY', KEYS[5], 'requests', 1)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`

const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], untilMs, 'PX', math.max(1, untilMs - now))
end
return untilMs
`

/** The job's BullMQ lock was lost (taken over after a stall): stop, send nothing. */
export class LockLostError extends Error {
  constructor() {
    super('the job lock was lost (the job was taken over); nothing more is sent')
    this.name = 'LockLostError'
  }
}

/**
 * @typedef {object} Fence
 * @property {string} lockKey    BullMQ's lock key of the running job
 * @property {string} token      the lock token this worker holds
 * @property {string} ledgerKey  the job's ledger (counts requests sent)
 */

/**
 * @param {import('ioredis').Redis} redis
 * @param {{ rateLog: string, ratePause: string, stats: string }} keys
 * @param {{ limit: number, windowMs: number, ledgerTtlMs?: number }} options
 */
export function createRateLimiter(redis, keys, { limit, windowMs, ledgerTtlMs = 7 * 86_400_000 }) {
  redis.defineCommand('siAcquire', { numberOfKeys: 5, lua: ACQUIRE })
  redis.defineCommand('siPause', { numberOfKeys: 1, lua: PAUSE })
  const r = /** @type {any} */ (redis)

  return {
    /**
     * Waits for a slot in the window; resolves once this request may go, with the
     * `performance.now()` at which the granted reservation was asked for.
     * @param {Fence | undefined} fence  without one (tools, tests), no lock check
     * @param {AbortSignal} [signal]
     * @throws {LockLostError} when the job's lock is no longer this worker's
     */
    async acquire(fence, signal) {
      for (;;) {
        const asked = performance.now()
        const wait = Number(
          await r.siAcquire(
            keys.rateLog,
            keys.ratePause,
            fence?.lockKey ?? '',
            fence?.ledgerKey ?? '',
            keys.stats,
            limit,
            windowMs,
            randomUUID(),
            fence?.token ?? '',
            ledgerTtlMs,
          ),
        )
        if (wait === 0) return asked
        if (wait < 0) throw new LockLostError()
        // Short naps: the lock is re-checked at each try, and a slot freed early is taken.
        await sleep(Math.min(wait, 1000), undefined, signal ? { signal } : undefined)
      }
    },

    /**
     * Reads Intercom's answer: a 429 or an exhausted `X-RateLimit-Remaining` pauses
     * every worker until `X-RateLimit-Reset` (epoch seconds), or for 1 s without it.
     * @param {number} status @param {Record<string, string>} headers  lower-case names
     * @returns {Promise<number | undefined>} the pause in ms, when one was set
     */
    async observe(status, headers) {
      const remaining = headers['x-ratelimit-remaining']
      if (status !== 429 && remaining !== '0') return undefined
      const reset = Number(headers['x-ratelimit-reset'])
      const ms = Number.isFinite(reset) && reset > 0 ? reset * 1000 - Date.now() : 1000
      const pause = Math.min(Math.max(ms, 100), 60_000)
      await r.siPause(keys.ratePause, pause)
      if (status === 429) await redis.hincrby(keys.stats, 'rateLimited', 1)
      return pause
    },
  }
}

/** @typedef {ReturnType<typeof createRateLimiter>} RateLimiter */
