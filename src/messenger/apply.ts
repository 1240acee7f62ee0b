import type { IntercomMessenger, IntercomMessengerMethods, MessengerCall } from './types.js'

/** The loose shape every `window.Intercom` has at run time. */
type AnyIntercom = (method: string, ...args: unknown[]) => unknown
type AnyMethod = (...args: unknown[]) => unknown

/**
 * Applies Messenger calls in order. `intercom` is the `window.Intercom` function
 * (`intercom(call.method, ...call.args)` for each call) or an object with one function
 * per method, such as `@intercom/messenger-js-sdk`'s module (`intercom[call.method](...call.args)`).
 * It defaults to `globalThis.Intercom` (what Intercom's snippet installs as
 * `window.Intercom`), read when this is called. Returns nothing; an error thrown by
 * an Intercom function propagates and stops the remaining calls.
 *
 * @throws {TypeError} when no `intercom` is given and `globalThis.Intercom` is not a
 *   function (the Intercom snippet is not loaded on this page), or when `intercom` is
 *   an object that lacks the function for one of the calls (before any call is made).
 *
 * @example
 * ```ts
 * const r = toMessenger({ type: 'page' }, { settings: { appId: '9iefb489' } })
 * if (r.status === 'mapped') applyMessengerCalls(r.calls) // window.Intercom('boot', { app_id: '9iefb489' })
 * ```
 *
 * @example With the messenger-js-sdk
 * ```ts
 * import * as Intercom from '@intercom/messenger-js-sdk'
 * if (r.status === 'mapped') applyMessengerCalls(r.calls, Intercom) // Intercom.boot({ app_id: '9iefb489' })
 * ```
 */
export function applyMessengerCalls(
  calls: readonly MessengerCall[],
  intercom?: IntercomMessenger | IntercomMessengerMethods,
): void {
  const target: unknown = intercom ?? (globalThis as { Intercom?: unknown }).Intercom
  if (typeof target === 'function') {
    for (const call of calls) (target as AnyIntercom)(call.method, ...call.args)
    return
  }
  if (intercom === undefined || typeof target !== 'object' || target === null) {
    throw new TypeError(
      'No Intercom function: load the Intercom snippet (window.Intercom) or pass one',
    )
  }
  const methods = target as Record<string, unknown>
  const missing = calls.find((call) => typeof methods[call.method] !== 'function')
  if (missing !== undefined) {
    throw new TypeError(`The Intercom object given has no "${missing.method}" function`)
  }
  // Called as methods of the object, so a `this`-using implementation works too.
  for (const call of calls) (methods[call.method] as AnyMethod).apply(methods, call.args)
}
