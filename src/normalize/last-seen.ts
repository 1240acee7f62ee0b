import type { SegmentContext } from '../event/types.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { toUnixSeconds } from './dates.js'

/**
 * Intercom's last-seen time for an identify or group: none when
 * `context.active === false`; else `lastRequestAt` (traits, then context) when
 * given; else "now" (`options.now`, else the event timestamp). Without any of them
 * it is omitted with a warning, since the library never reads the clock.
 */
export function lastSeenAt(
  traitValue: unknown,
  context: SegmentContext | undefined,
  ctx: NormalizeContext,
): number | undefined {
  if (context?.active === false) {
    if (traitValue !== undefined) {
      warn(
        ctx.warnings,
        'dropped_value',
        'traits.lastRequestAt',
        'context.active is false: last-seen is not updated',
      )
    }
    return undefined
  }
  const [value, path] =
    traitValue !== undefined
      ? [traitValue, 'traits.lastRequestAt']
      : [context?.lastRequestAt, 'context.lastRequestAt']
  if (value !== undefined) {
    const t = toUnixSeconds(value)
    if (t !== undefined) return t
    warn(ctx.warnings, 'invalid_date', path, 'Not a date; last-seen falls back to "now"')
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
