import { isRecord } from '../_lib/is-record.js'
import type { TrackEvent } from '../event/types.js'
import { MAX_STRING_LENGTH } from '../intercom/limits.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import type { Metadata, MetadataValue, NormalizedTrack, RichLink, TimedTrack } from './model.js'
import { readPrice } from './price.js'
import { codePointLength } from './truncate.js'
import { fitString, put, type ValueSink, writeValue } from './values.js'

/**
 * Normalizes a track: the event name, its time, and metadata (price first, then the
 * properties in their order, capped at `maxEventProperties`).
 */
export function normalizeTrack(
  event: TrackEvent,
  base: Pick<NormalizedTrack, 'user' | 'options' | 'optionPaths' | 'timestamp'>,
  ctx: NormalizeContext,
): NormalizedTrack {
  const properties = isRecord(event.properties) ? event.properties : undefined
  const out: Metadata = {}
  const sink: ValueSink<MetadataValue> = {
    out,
    paths: {},
    kind: 'metadata',
    room: ctx.settings.maxEventProperties,
  }
  if (properties !== undefined) {
    const { price, consumed } = readPrice(properties, ctx)
    if (price !== undefined && !put(sink, 'price', price, `properties.${consumed[0]}`, ctx)) {
      if (consumed[1] !== undefined) {
        warn(
          ctx.warnings,
          'dropped_value',
          'properties.currency',
          'The price was dropped, so its currency is not sent either',
        )
      }
    }
    const richLinks = ctx.settings.richLinkProperties
    for (const key in properties) {
      const value = properties[key]
      if (value === undefined) continue
      const path = `properties.${key}`
      if (consumed.length > 0 && (key === consumed[0] || key === consumed[1])) continue
      if (key === 'price' && price !== undefined) {
        warn(
          ctx.warnings,
          'replaced',
          path,
          'The price computed from revenue replaces this property',
        )
        continue
      }
      if (richLinks.length > 0 && richLinks.includes(key)) {
        const link = richLink(value, path, ctx)
        if (link !== undefined) put(sink, key, link, path, ctx)
        continue
      }
      writeValue(sink, key, value, path, key, ctx)
    }
  }
  const track: NormalizedTrack = {
    type: 'track',
    ...base,
    eventName: event.event,
    metadata: out,
  }
  const createdAt = base.timestamp ?? ctx.now
  if (createdAt !== undefined) track.createdAt = createdAt
  return track
}

/** A rich link is an object with exactly `url` and `value`, both text. */
function richLink(value: unknown, path: string, ctx: NormalizeContext): RichLink | undefined {
  if (isRecord(value)) {
    const { url, value: text } = value
    let keys = 0
    for (const _ in value) keys++
    if (keys === 2 && typeof url === 'string' && typeof text === 'string') {
      if (url.length > MAX_STRING_LENGTH && codePointLength(url) > MAX_STRING_LENGTH) {
        // A cut URL would point somewhere else: never truncate it.
        warn(
          ctx.warnings,
          'dropped_long',
          `${path}.url`,
          `URL longer than ${MAX_STRING_LENGTH} characters; link dropped`,
        )
        return undefined
      }
      const v = fitString(text, `${path}.value`, ctx)
      return v === undefined ? undefined : { url, value: v }
    }
  }
  warn(
    ctx.warnings,
    'invalid_rich_link',
    path,
    'A rich link property needs exactly "url" and "value" text; dropped',
  )
  return undefined
}

/** Whether a track has its time (REST requires one: Intercom's `created_at`). */
export function isTimed(m: NormalizedTrack): m is TimedTrack {
  return m.createdAt !== undefined
}
