import type { SegmentContext } from '../event/types.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { toUnixSeconds } from './dates.js'

/**
 * Intercom's last-seen time for an identify or group: none when
 * `context.active === false`; else `lastRequestAt` (traits, then context) when
 * given; else "now" (`options.now`, else the event timestamp). Without any of them
 * it is omitted with a warning, since the library never reads the clock.
 *
 * @param trait The `lastRequestAt` trait as `[path, value]`, when the call has one.
 */
export function lastSeenAt(
  trait: readonly [string, unknown] | undefined,
  context: SegmentContext | undefined,
  ctx: NormalizeContext,
): number | undefined {
  const given: readonly [string, unknown] | undefined =
    trait ??
    (context?.lastRequestAt === undefined
      ? undefined
      : ['context.lastRequestAt', context.lastRequestAt])
  if (context?.active === false) {
    if (given !== undefined) {
      warn(
        ctx.warnings,
        'dropped_value',
        given[0],
        'context.active is false: last-seen is not updated',
      )
    }
    return undefined
  }
  if (given !== undefined) {
    const t = toUnixSeconds(given[1])
    if (t !== undefined) return t
    warn(ctx.warnings, 'invalid_date', given[0], 'Not a date; last-seen falls back to "now"')
  }
  if (ctx.now === undefined) {
    warn(
      ctx.warnings,
      'no_last_seen',
      'timestamp',
      'No timestamp and no options.now: last-seen is not updated',
    )
  }
  return ctx.now
}
