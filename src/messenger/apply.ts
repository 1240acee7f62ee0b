import type { IntercomMessenger, MessengerCall } from './types.js'

/** The loose shape every `window.Intercom` has at run time. */
type AnyIntercom = (method: string, ...args: unknown[]) => unknown

/**
 * Applies Messenger calls in order: `intercom(call.method, ...call.args)` for each.
 * `intercom` defaults to `globalThis.Intercom` (what Intercom's snippet installs as
 * `window.Intercom`), read when this is called. Returns nothing; an error thrown by
 * the Intercom function propagates and stops the remaining calls.
 *
 * @throws {TypeError} when no `intercom` function is given and `globalThis.Intercom`
 *   is not a function (the Intercom snippet is not loaded on this page).
 *
 * @example
 * ```ts
 * const r = toMessenger({ type: 'page' }, { settings: { appId: '9iefb489' } })
 * if (r.status === 'mapped') applyMessengerCalls(r.calls) // window.Intercom('boot', { app_id: '9iefb489' })
 * ```
 */
export function applyMessengerCalls(
  calls: readonly MessengerCall[],
  intercom?: IntercomMessenger,
): void {
  const fn: unknown = intercom ?? (globalThis as { Intercom?: unknown }).Intercom
  if (typeof fn !== 'function') {
    throw new TypeError(
      'No Intercom Messenger function: load the Intercom snippet (window.Intercom) or pass the function as the second argument',
    )
  }
  for (const call of calls) (fn as AnyIntercom)(call.method, ...call.args)
}
