import type { Invalid, Skipped } from '../types.js'
import { drive, internalError } from './drive.js'
import type { Exchange, Outcome, Send } from './types.js'

/** A mapped REST result as {@link deliver} needs it: anything with an `exchange()`. */
export interface MappedExchange {
  status: 'mapped'
  /** A fresh conversation on each call. */
  exchange(): Exchange
}

/**
 * What {@link deliver} takes: a {@link MappedExchange} (what {@link toRest} returns when
 * `mapped`), or a {@link Skipped} or {@link Invalid} mapping, which is not sent (`not_sent`).
 */
export type Deliverable = MappedExchange | Skipped | Invalid

/**
 * Runs a mapping's exchange with your transport: sends each request, feeds the
 * response back, and resolves with the {@link Outcome}. Never rejects: a `send`
 * that rejects (network error, timeout) is `retry` with code `transport_error`.
 * This is the one place next to I/O, so a rate-limit `retryAt` without
 * `options.now` gets its `retryAfterMs` from the clock here.
 *
 * @example
 * ```ts
 * const outcome = await deliver(toRest(event), (req) =>
 *   fetch(req.url, {
 *     method: req.method,
 *     headers: { ...req.headers, Authorization: `Bearer ${token}` },
 *     body: req.body === undefined ? null : JSON.stringify(req.body),
 *   }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => undefined) })),
 * )
 * ```
 */
export async function deliver(mapping: Deliverable, send: Send): Promise<Outcome> {
  if (mapping.status !== 'mapped') return { status: 'not_sent', mapping, learned: { version: 1 } }
  let exchange: Exchange
  try {
    exchange = mapping.exchange()
  } catch (error) {
    // `toRest`'s exchanges do not throw; a host's own `exchange()` might.
    return internalError(error)
  }
  const outcome = await drive(exchange, send)
  if (outcome.status === 'retry') {
    // The one clock read: only when the mapping had no options.now to measure from.
    if (outcome.retryAt !== undefined && outcome.retryAfterMs === undefined) {
      return { ...outcome, retryAfterMs: Math.max(0, outcome.retryAt - Date.now()) }
    }
    if (outcome.retryAfterMs !== undefined && outcome.retryAt === undefined) {
      return { ...outcome, retryAt: Date.now() + outcome.retryAfterMs }
    }
  }
  return outcome
}
