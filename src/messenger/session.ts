import type { Settings } from '../settings/types.js'
import { toMessenger } from './to-messenger.js'
import type { MessengerMapping, MessengerOptions } from './types.js'

/** Options of {@link MessengerSession.map}: the session supplies `settings` and `booted`. */
export type MessengerSessionOptions = Omit<MessengerOptions, 'settings' | 'booted'>

/** A page's Messenger state: whether it is booted, so each mapping boots or updates. */
export interface MessengerSession {
  /** Whether the calls mapped so far leave the Messenger booted. */
  readonly booted: boolean
  /**
   * {@link toMessenger} with the session's settings and current `booted` flag.
   * A mapped `boot` marks the session booted, a `shutdown` marks it not booted
   * (until the following `boot`). Apply every mapped result, in order.
   */
  map(event: unknown, options?: MessengerSessionOptions): MessengerMapping
}

/**
 * Creates a small stateful wrapper around {@link toMessenger} for one page: it
 * remembers whether the mapped calls booted the Messenger, so that the first
 * `page`/`identify`/`group` boots it and later ones update it. Its only state is that
 * flag; it calls nothing and touches no DOM.
 *
 * @param settings Destination settings for every mapping (`appId` is required).
 * @param booted Whether the Messenger is already booted (default `false`).
 *
 * @example
 * ```ts
 * const session = createMessengerSession({ appId: '9iefb489' })
 * const a = session.map({ type: 'page' })                      // boot
 * const b = session.map({ type: 'identify', userId: 'u1' })    // update
 * for (const r of [a, b]) if (r.status === 'mapped') applyMessengerCalls(r.calls)
 * ```
 */
export function createMessengerSession(settings: Settings, booted = false): MessengerSession {
  let state = booted
  return {
    get booted() {
      return state
    },
    map(event, options) {
      const result = toMessenger(event, { ...options, settings, booted: state })
      if (result.status === 'mapped') {
        for (const call of result.calls) {
          if (call.method === 'boot') state = true
          else if (call.method === 'shutdown') state = false
        }
      }
      return result
    },
  }
}
