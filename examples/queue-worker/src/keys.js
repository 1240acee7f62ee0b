/**
 * Every Redis key this example uses, in one place (the guide's "what lives in
 * Redis" table is this file). BullMQ's own keys live under `<prefix>:bull:<queue>:…`.
 * @module
 */

/** @param {string} prefix */
export function keys(prefix) {
  return {
    /** BullMQ's key prefix: queues are `<prefix>:bull:<queue name>:…`. */
    bullPrefix: `${prefix}:bull`,
    /** The name of partition `n`'s queue. @param {number} n */
    partitionQueue: (n) => `events-${n}`,
    /** The dead-letter queue: refused or exhausted events with their last outcome. Nobody consumes it. */
    deadLetterQueue: 'dead-letter',
    /** HASH: settings producers and workers must agree on (`partitions`). */
    config: `${prefix}:config`,
    /** ZSET: one member per request reserved in the last 10 s (+ guard), scored by Redis time. */
    rateLog: `${prefix}:rate:log`,
    /** STRING: epoch ms before which no worker sends (set from 429s and X-RateLimit-*). */
    ratePause: `${prefix}:rate:pause-until`,
    /** STRING (JSON): the KnownState learned from this user's deliveries. @param {string} user */
    known: (user) => `${prefix}:known:${user}`,
    /** HASH: counters: enqueued, delivered, notSent, failed, deadLettered, requests, … */
    stats: `${prefix}:stats`,
    /**
     * HASH per job not completed yet: `runs`, `sent`, `answered` (see ledger.js). It is
     * what tells a takeover whether the dead worker had already talked to Intercom.
     * @param {string} id
     */
    ledger: (id) => `${prefix}:ledger:${id}`,
  }
}

/** @typedef {ReturnType<typeof keys>} Keys */
