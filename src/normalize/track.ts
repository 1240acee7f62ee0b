import { isRecord } from '../_lib/is-record.js'
import type { TrackEvent } from '../event/types.js'
import { MAX_STRING_LENGTH } from '../intercom/limits.js'
import { warn } from '../warnings.js'
import type { NormalizeContext } from './context.js'
import type { Metadata, MetadataValue, NormalizedTrack, RichLink, TimedTrack } from './model.js'
import { readMonetaryAmount, readPrice } from './price.js'
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
  const properties = isRecord(event.properties) ? event.properties : undefined
  const out: Metadata = {}
  const sink: ValueSink<MetadataValue> = {
    out,
    paths: {},
    kind: 'metadata',
    room: ctx.settings.maxEventProperties,
  }
  let identityEmail = false
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
    const email = base.user.userId === undefined ? base.user.email : undefined
    /** Nested values to flatten once every top-level property has had its slot. */
    const nested: string[] = []
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
      if (key === 'email' && email !== undefined && value === email) {
        identityEmail = true // sent as the identity, not as metadata too
        continue
      }
      if (richLinks.length > 0 && richLinks.includes(key)) {
        const link = richLink(value, path, ctx)
        if (link !== undefined) put(sink, key, link, path, ctx)
        continue
      }
      if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
        const amount = readMonetaryAmount(value, path, ctx)
        if (amount !== undefined) {
          put(sink, key, amount, path, ctx)
          continue
        }
        if (nestedMode(key, ctx) === 'flatten') {
          nested.push(key)
          continue
        }
      }
      writeValue(sink, key, value, path, key, ctx)
    }
    for (const key of nested) writeValue(sink, key, properties[key], `properties.${key}`, key, ctx)
  }
  const track: NormalizedTrack = {
    type: 'track',
    ...base,
    eventName: event.event,
    metadata: out,
  }
  if (identityEmail) track.identityEmailPath = 'properties.email'
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
