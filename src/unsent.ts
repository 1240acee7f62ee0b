/**
 * What all three encoders (REST, Messenger, mobile) share about what they do not
 * send: the reason a call type is sent nowhere, and the warnings for the Intercom
 * options a call has no place for (which ones: `intercom-options.ts`).
 * @module
 */

import { hasKeys } from './_lib/is-record.js'
import { unsupportedType } from './envelopes.js'
import type { UnsentOptions } from './intercom-options.js'
import type { IntercomOptions } from './normalize/model.js'
import type { Skipped, Warning } from './types.js'
import { warn } from './warnings.js'

/** Why a call type is sent by no target. */
export const SENT_NOWHERE = {
  screen: 'Intercom has no screen call on any target',
  alias: 'Intercom has no alias call on any target',
} as const

/** The `unsupported_type` skip of a call type no target sends. */
export function sentNowhere(type: keyof typeof SENT_NOWHERE, warnings: Warning[]): Skipped {
  return unsupportedType(SENT_NOWHERE[type], warnings)
}

/** Every Intercom option, in a stable order. */
export const ALL_OPTIONS: readonly (keyof IntercomOptions)[] = [
  'userHash',
  'userJwt',
  'hideDefaultLauncher',
  'unsubscribedFromEmails',
  'languageOverride',
]

/**
 * Warns (`unsupported_field`, at the option's own path) about each Intercom option the
 * event carries that `unsent` does not send (a row of the tables in
 * `intercom-options.ts`), in {@link ALL_OPTIONS} order, and returns the options it
 * carries that the call does send.
 */
export function warnUnsentOptions(
  m: { optionPaths: Partial<Record<keyof IntercomOptions, string>> },
  unsent: UnsentOptions,
  warnings: Warning[],
): (keyof IntercomOptions)[] {
  const sent: (keyof IntercomOptions)[] = []
  // Most events carry no option: nothing to walk.
  if (!hasKeys(m.optionPaths)) return sent
  for (const key of ALL_OPTIONS) {
    const path = m.optionPaths[key]
    if (path === undefined) continue
    const reason = typeof unsent === 'string' ? unsent : unsent[key]
    if (reason === undefined) sent.push(key)
    else notSent(warnings, path, reason)
  }
  return sent
}

/** Warns `unsupported_field` at `path`: the value there is not sent, for `reason`. */
export function notSent(warnings: Warning[], path: string, reason: string): void {
  warn(warnings, 'unsupported_field', path, `Not sent: ${reason}`)
}
