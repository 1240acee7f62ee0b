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
  context: SegmentContext | null | undefined,
  ctx: NormalizeContext,
): void {
  const given =
    trait ??
    (context?.lastRequestAt === undefined
      ? undefined
      : (['context.lastRequestAt', context.lastRequestAt] as const))
  if (given !== undefined && !m.active) {
    const message = 'context.active is false: last-seen is not updated'
    warn(ctx.warnings, 'dropped_value', given[0], message)
  } else if (given !== undefined) {
    const [path, value] = given
    const t = dateSeconds(value, path, ctx.warnings)
    if (t !== undefined) {
      m.lastSeenAt = t
      m.lastSeenPath = path
      return
    }
    warn(ctx.warnings, 'invalid_date', path, 'Not a date; last-seen falls back to "now"')
  }
  if (m.active && ctx.now !== undefined) m.lastSeenAt = ctx.now
}
