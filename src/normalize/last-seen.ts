import type { SegmentContext } from '../event/types.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { dateSeconds } from './dates.js'
import type { NormalizedGroup, NormalizedIdentify } from './model.js'

/**
 * Sets Intercom's last-seen on an identify or group model: none when
 * `context.active === false`; else `lastRequestAt` (traits, then context) when
 * given; else "now" (`options.now`, else the event timestamp). Without any of them
 * it stays absent: the library never reads the clock. (Whether that deserves a
 * warning depends on the target: the device SDKs record last-seen themselves.)
 *
 * @param trait The `lastRequestAt` trait as `[path, value]`, when the call has one.
 */
export function applyLastSeen(
  m: NormalizedIdentify | NormalizedGroup,
  trait: readonly [string, unknown] | undefined,
  context: SegmentContext | undefined,
  ctx: NormalizeContext,
): void {
  const given: readonly [string, unknown] | undefined =
    trait ??
    (context?.lastRequestAt === undefined
      ? undefined
      : ['context.lastRequestAt', context.lastRequestAt])
  if (!m.active) {
    if (given !== undefined) {
      warn(
        ctx.warnings,
        'dropped_value',
        given[0],
        'context.active is false: last-seen is not updated',
      )
    }
    return
  }
  if (given !== undefined) {
    const t = dateSeconds(given[1], given[0], ctx.warnings)
    if (t !== undefined) {
      m.lastSeenAt = t
      m.lastSeenPath = given[0]
      return
    }
    warn(ctx.warnings, 'invalid_date', given[0], 'Not a date; last-seen falls back to "now"')
  }
  if (ctx.now !== undefined) m.lastSeenAt = ctx.now
}
