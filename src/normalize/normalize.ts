import { mustBe } from '../checks.js'
import { readEvent, unreadable } from '../event/parse.js'
import type { PageEvent, ScreenEvent, SegmentEvent, SegmentEventType } from '../event/types.js'
import type { KnownState } from '../rest/known-state.js'
import { resolveSettings } from '../settings/resolve.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { InputError, Invalid, MapOptions, Skipped, Warning } from '../types.js'
import { inputError, warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds, toUnixSeconds } from './dates.js'
import { normalizeGroup } from './group.js'
import { normalizeIdentify } from './identify.js'
import { isDisabled, readIntercomOptions } from './integrations.js'
import type { NormalizedEvent, NormalizedPage } from './model.js'
import { normalizeTrack } from './track.js'
import { resolveUser } from './user.js'

/** A Segment event turned into the target-independent model. */
export interface Normalized {
  status: 'normalized'
  event: NormalizedEvent
  settings: ResolvedSettings
  /** Unix seconds: `options.now`, else the event timestamp. */
  now: number | undefined
  /**
   * `options.now` alone, in epoch milliseconds (for retry times); `undefined` without
   * `options.now` (the event timestamp is not "now" for a retry).
   */
  nowMs: number | undefined
  /** REST: `options.knownEventNames`, the workspace's active event names, when given. */
  knownEventNames: Iterable<string> | undefined
  /** REST: `options.known`, as given (the REST encoder checks it). */
  known: KnownState | undefined
  /** REST 2.x: `options.knownAttributes`, as given. */
  knownAttributes: MapOptions['knownAttributes']
  warnings: Warning[]
}

/**
 * Parses and normalizes a Segment event once, for any target: settings, identity,
 * integrations filtering, Intercom options, dates, names, attributes, companies,
 * price and metadata. Encoders read the result; no rule is applied twice.
 * Never throws, never mutates `input`, never reads the clock.
 *
 * @example
 * ```ts
 * const r = normalize({ type: 'identify', userId: 'u1', traits: { firstName: 'John ', lastName: 'Jacob' } })
 * // r.status === 'normalized'; r.event.name === 'John Jacob'
 * ```
 */
export function normalize(input: unknown, options?: MapOptions): Normalized | Skipped | Invalid {
  return normalizeChecked(input, options, undefined)
}

/**
 * A target's own input checks on the model (e.g. REST: a track needs a user and a time).
 * They run also when the event has other errors, so every error is reported at once.
 */
export type TargetCheck = (m: NormalizedEvent) => InputError[]

/**
 * {@link normalize} plus a target's `check`: the event is `invalid` with the errors of the
 * settings, of the event itself, of `options.now` and of `check` together — every
 * independent fault at once, not only the first one found.
 */
export function normalizeChecked(
  input: unknown,
  options: MapOptions | undefined,
  check: TargetCheck | undefined,
): Normalized | Skipped | Invalid {
  try {
    return normalizeUnsafe(input, options, check)
  } catch (error) {
    return unreadable(error)
  }
}

function normalizeUnsafe(
  input: unknown,
  options: MapOptions | undefined,
  check: TargetCheck | undefined,
): Normalized | Skipped | Invalid {
  const { settings: given, now: givenNow, knownEventNames, known, knownAttributes } = options ?? {}
  const resolved = resolveSettings(given)
  const { event, errors, warnings } = readEvent(input)
  if (resolved.warnings.length > 0) warnings.unshift(...resolved.warnings)
  if (!resolved.ok) errors.unshift(...resolved.errors)
  // Every step appends to these two lists; any error makes the result `invalid`.
  const now = givenNow === undefined ? undefined : nowSeconds(givenNow)
  if (givenNow !== undefined && now === undefined) {
    const message = mustBe(
      'options.now',
      { expected: 'a valid Date or epoch milliseconds' },
      givenNow,
    )
    errors.push(inputError('wrong_type', 'options.now', message))
  }
  if (!resolved.ok || event === undefined) return { status: 'invalid', errors, warnings }

  // What parse left is an object or nothing (null, or left out as invalid).
  const integrations = event.integrations ?? undefined
  if (errors.length === 0 && isDisabled(integrations)) {
    const message = 'The integrations object disables Intercom for this event'
    return { status: 'skipped', reason: 'disabled', message, warnings }
  }

  const { settings } = resolved
  const timestamp =
    event.timestamp == null ? undefined : dateSeconds(event.timestamp, 'timestamp', warnings)
  if (event.timestamp != null && timestamp === undefined) {
    warn(warnings, 'invalid_date', 'timestamp', 'Not a date; ignored')
  }
  const ctx: NormalizeContext = { settings, warnings, now: now ?? timestamp }
  const read = readIntercomOptions(integrations, event.context ?? undefined, ctx)
  const base: Base = {
    user: resolveUser(event),
    options: read.options,
    optionPaths: read.optionPaths,
  }
  if (timestamp !== undefined) base.timestamp = timestamp
  if (read.signedUp !== undefined && event.type !== 'identify') {
    const message = 'The sign-up time is set by an identify only; ignored'
    warn(warnings, 'unsupported_field', read.signedUp[0], message)
  }
  const m = (MODEL[event.type] as Step<SegmentEvent>)(event, base, ctx, read.signedUp)
  if (check !== undefined) errors.push(...check(m))
  if (errors.length > 0) return { status: 'invalid', errors, warnings }
  return {
    status: 'normalized',
    event: m,
    settings,
    now: ctx.now,
    // The event timestamp is not "now" for a retry time: options.now alone.
    nowMs: now === undefined ? undefined : +(givenNow as number | Date),
    knownEventNames,
    known,
    knownAttributes,
    warnings,
  }
}

type Base = Pick<NormalizedEvent, 'user' | 'options' | 'optionPaths' | 'timestamp'>

/** How one type of event becomes its model. */
type Step<E extends SegmentEvent> = (
  event: E,
  base: Base,
  ctx: NormalizeContext,
  signedUp: readonly [string, unknown] | undefined,
) => NormalizedEvent

/** A page or screen: its name, category and properties as given (no target sends them). */
const view: Step<PageEvent | ScreenEvent> = (event, base) => {
  const v: NormalizedPage = { type: event.type, ...base }
  // Parse left each text, or nothing (null, or left out as invalid).
  if (event.name != null) v.name = event.name
  if (event.type === 'page' && event.category != null) v.category = event.category
  const properties = event.properties
  for (const key in properties) {
    if (properties[key] !== undefined) {
      v.properties = properties
      break
    }
  }
  return v
}

/** An alias or reset: only who and the options matter. */
const session: Step<SegmentEvent> = (event, base) =>
  ({ type: event.type, ...base }) as NormalizedEvent

/** Each event type's step to its model. */
const MODEL: { [T in SegmentEventType]: Step<Extract<SegmentEvent, { type: T }>> } = {
  identify: normalizeIdentify,
  track: normalizeTrack,
  group: normalizeGroup,
  page: view,
  screen: view,
  alias: session,
  reset: session,
}

/** `options.now` in unix seconds: a Date, or a number of epoch milliseconds. */
export function nowSeconds(now: unknown): number | undefined {
  if (typeof now === 'number') return Number.isFinite(now) ? Math.floor(now / 1000) : undefined
  if (now instanceof Date) return toUnixSeconds(now)
  return undefined
}
