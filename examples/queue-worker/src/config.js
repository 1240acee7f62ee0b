/**
 * Configuration from the environment, checked once at start. A bad value stops the
 * process with a message naming the variable: a typo must not silently become
 * some other limit.
 * @module
 */

/** Thrown for a missing or malformed environment variable; `variable` names it. */
export class ConfigError extends Error {
  /** @param {string} variable @param {string} message */
  constructor(variable, message) {
    super(`${variable}: ${message}`)
    this.name = 'ConfigError'
    this.variable = variable
  }
}

/**
 * @typedef {object} Config
 * @property {string} redisUrl          REDIS_URL (default redis://127.0.0.1:6379)
 * @property {string} prefix            KEY_PREFIX: every Redis key starts with it (default "si")
 * @property {string} intercomBaseUrl   INTERCOM_BASE_URL (default https://api.intercom.io)
 * @property {string | undefined} intercomToken INTERCOM_TOKEN (required by the worker)
 * @property {string} apiVersion        INTERCOM_API_VERSION (default 2.16)
 * @property {number} concurrency       CONCURRENCY: events this process delivers at once (default 16)
 * @property {number} partitions        PARTITIONS: user partitions, fixed for the life of the queues (default 64)
 * @property {number} rateLimit         RATE_LIMIT: requests in any 10-second span, all workers together (default 1000)
 * @property {number} rateGuardMs       RATE_GUARD_MS: added to the 10 s window against network jitter (default 500)
 * @property {number} requestTimeoutMs  REQUEST_TIMEOUT_MS: one HTTP request (default 20000)
 * @property {number} maxAttempts       MAX_ATTEMPTS: attempts per event before the dead-letter queue (default 8)
 * @property {number} retryBaseMs       RETRY_BASE_MS (default 500)
 * @property {number} retryMaxMs        RETRY_MAX_MS (default 60000)
 * @property {number} lockDurationMs    LOCK_DURATION_MS: a job's lock; a dead worker's jobs are taken over after it (default 30000)
 * @property {number} stalledIntervalMs STALLED_INTERVAL_MS: how often workers look for such jobs (default 30000)
 * @property {number} maxStalledCount   MAX_STALLED_COUNT: takeovers of one job before it is dead-lettered (default 3)
 * @property {number} knownTtlMs        KNOWN_TTL_DAYS: a user's learned state expires after that many quiet days (default 30)
 */

/** The 10-second span of Intercom's rate limit. */
export const RATE_WINDOW_MS = 10_000

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Config}
 */
export function readConfig(env = process.env) {
  return {
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    prefix: text(env, 'KEY_PREFIX', 'si'),
    intercomBaseUrl: url(env, 'INTERCOM_BASE_URL', 'https://api.intercom.io', ['http:', 'https:']),
    intercomToken: env.INTERCOM_TOKEN === '' ? undefined : env.INTERCOM_TOKEN,
    apiVersion: text(env, 'INTERCOM_API_VERSION', '2.16'),
    concurrency: integer(env, 'CONCURRENCY', 16, 1),
    partitions: integer(env, 'PARTITIONS', 64, 1),
    rateLimit: integer(env, 'RATE_LIMIT', 1000, 1),
    rateGuardMs: integer(env, 'RATE_GUARD_MS', 500, 0),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 20_000, 1),
    maxAttempts: integer(env, 'MAX_ATTEMPTS', 8, 1),
    retryBaseMs: integer(env, 'RETRY_BASE_MS', 500, 0),
    retryMaxMs: integer(env, 'RETRY_MAX_MS', 60_000, 0),
    lockDurationMs: integer(env, 'LOCK_DURATION_MS', 30_000, 1000),
    stalledIntervalMs: integer(env, 'STALLED_INTERVAL_MS', 30_000, 100),
    maxStalledCount: integer(env, 'MAX_STALLED_COUNT', 3, 0),
    knownTtlMs: integer(env, 'KNOWN_TTL_DAYS', 30, 1) * 86_400_000,
  }
}

/** @param {NodeJS.ProcessEnv} env @param {string} name @param {string} fallback */
function text(env, name, fallback) {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  return value
}

/**
 * @param {NodeJS.ProcessEnv} env @param {string} name @param {number} fallback
 * @param {number} min
 */
function integer(env, name, fallback, min) {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(n) || n < min) {
    throw new ConfigError(name, `must be an integer ≥ ${min}, got '${value}'`)
  }
  return n
}

/**
 * @param {NodeJS.ProcessEnv} env @param {string} name @param {string} fallback
 * @param {string[]} protocols
 */
function url(env, name, fallback, protocols) {
  const value = text(env, name, fallback)
  let parsed
  try {
    parsed = new URL(value)
  } catch {
    throw new ConfigError(name, `must be a URL, got '${value}'`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}, got '${value}'`)
  }
  return value.replace(/\/+$/, '')
}
