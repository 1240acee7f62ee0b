import { isRecord } from '../_lib/is-record.js'
import type { TrackEvent } from '../event/types.js'
import { MAX_STRING_LENGTH } from '../intercom/limits.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import { modelHead } from './head.js'
import type { Metadata, MetadataValue, NormalizedTrack, TimedTrack } from './model.js'
import { readMonetaryAmount, writePrice } from './price.js'
import { codePointLength } from './truncate.js'
import { fitString, nestedMode, put, type ValueSink, writeValue } from './values.js'

/**
 * Normalizes a track: the event name, its time, and metadata capped at
 * `maxEventProperties`: the price first, then the top-level properties in their order,
 * then the keys flattened from nested values (so a nested value never pushes a plain
 * property out). A property shaped like Intercom's monetary amount (`{ amount, currency }`)
 * is sent as one. `properties.email` is left out when it is the track's identity (no
 * `userId`): REST sends it as the event's `email`.
 */
export function normalizeTrack(
  event: TrackEvent,
  base: Pick<NormalizedTrack, 'user' | 'options' | 'optionPaths' | 'timestamp'>,
  ctx: NormalizeContext,
): NormalizedTrack {
  // The parser lets through an object, null or nothing.
  const properties: Record<string, unknown> = event.properties ?? {}
  const metadata: Metadata = {}
  const track = modelHead('track', base) as NormalizedTrack
  track.eventName = event.event
  track.metadata = metadata
  const sink: ValueSink<MetadataValue> = {
    out: metadata,
    paths: {},
    kind: 'metadata',
    room: ctx.settings.maxEventProperties,
  }
  const [price, [amountKey, currencyKey]] = writePrice(properties, sink, ctx)
  const { userId, email } = base.user
  /** Nested values to flatten once every top-level property has had its slot. */
  const later: (() => void)[] = []
  const richLinks = ctx.settings.richLinkProperties
  for (const key in properties) {
    const value = properties[key]
    const path = `properties.${key}`
    if (value === undefined || key === amountKey || key === currencyKey) continue
    if (key === 'price' && price) {
      warn(ctx.warnings, 'replaced', path, 'Replaced by the computed price')
    } else if (key === 'email' && userId === undefined && value === email) {
      track.identityEmailPath = 'properties.email' // sent as the identity, not as metadata too
    } else if (richLinks.length > 0 && richLinks.includes(key)) {
      writeRichLink(sink, key, value, path, ctx)
    } else {
      const nested = typeof value === 'object' && value !== null && !(value instanceof Date)
      const amount = nested && readMonetaryAmount(value, path, ctx)
      if (amount) put(sink, key, amount, path, ctx)
      else if (nested && nestedMode(key, ctx) === 'flatten')
        later.push(() => writeValue(sink, key, value, path, key, ctx))
      else writeValue(sink, key, value, path, key, ctx)
    }
  }
  for (const write of later) write()
  const createdAt = base.timestamp ?? ctx.now
  if (createdAt !== undefined) track.createdAt = createdAt
  return track
}

/** Writes a rich link: an object with exactly `url` and `value`, both text. */
function writeRichLink(
  sink: ValueSink<MetadataValue>,
  key: string,
  value: unknown,
  path: string,
  ctx: NormalizeContext,
): void {
  if (
    !isRecord(value) ||
    typeof value.url !== 'string' ||
    typeof value.value !== 'string' ||
    Object.keys(value).length !== 2
  ) {
    warn(ctx.warnings, 'invalid_rich_link', path, 'Needs exactly "url" and "value" text; dropped')
  } else if (codePointLength(value.url) > MAX_STRING_LENGTH) {
    // A cut URL would point somewhere else: never truncate it.
    warn(
      ctx.warnings,
      'dropped_long',
      `${path}.url`,
      `URL over ${MAX_STRING_LENGTH} characters; link dropped`,
    )
  } else {
    const text = fitString(value.value, `${path}.value`, ctx)
    if (text !== undefined) put(sink, key, { url: value.url, value: text }, path, ctx)
  }
}

/** Whether a track has its time (REST requires one: Intercom's `created_at`). */
export function isTimed(m: NormalizedTrack): m is TimedTrack {
  return m.createdAt !== undefined
}
