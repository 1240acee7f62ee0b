import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_STRING_LENGTH } from '../../src/intercom/limits.js'
import type { NormalizeContext } from '../../src/normalize/context.js'
import type { AttributeValue, MetadataValue } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import {
  attributeSink,
  fitString,
  isDateKey,
  put,
  type ValueSink,
  writeValue,
} from '../../src/normalize/values.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'
import type { ResolvedSettings } from '../../src/settings/types.js'

function ctxWith(settings: Partial<ResolvedSettings> = {}): NormalizeContext {
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, warnings: [], now: undefined }
}

/** Writes each top-level entry of `values` into a fresh attribute sink, like identify does. */
function attributes(values: Record<string, unknown>, settings: Partial<ResolvedSettings> = {}) {
  const ctx = ctxWith(settings)
  const sink = attributeSink()
  for (const key in values) writeValue(sink, key, values[key], `traits.${key}`, key, ctx)
  return { out: sink.out, warnings: ctx.warnings.map((w) => [w.code, w.path]) }
}

function metadataSink(room: number): ValueSink<MetadataValue> {
  return { out: {}, paths: {}, kind: 'metadata', room }
}

const long = (n: number, c = 'a') => c.repeat(n)

describe('custom attribute values: primitives', () => {
  it('keeps strings, finite numbers, booleans and null unchanged, without warnings', () => {
    expect(attributes({ plan: 'pro', logins: 12, ratio: 0.5, vip: false, nickname: null })).toEqual(
      {
        out: { plan: 'pro', logins: 12, ratio: 0.5, vip: false, nickname: null },
        warnings: [],
      },
    )
  })

  it('drops non-finite numbers with a warning', () => {
    expect(attributes({ a: Number.NaN, b: Number.POSITIVE_INFINITY, c: 1 })).toEqual({
      out: { c: 1 },
      warnings: [
        ['dropped_value', 'traits.a'],
        ['dropped_value', 'traits.b'],
      ],
    })
  })

  it('drops values JSON cannot carry (functions, symbols, bigints) with a warning', () => {
    expect(attributes({ f: () => 1, s: Symbol('x'), n: 10n })).toEqual({
      out: {},
      warnings: [
        ['dropped_value', 'traits.f'],
        ['dropped_value', 'traits.s'],
        ['dropped_value', 'traits.n'],
      ],
    })
  })

  it('skips undefined values silently (JSON has no undefined)', () => {
    expect(attributes({ a: undefined, b: 1 })).toEqual({ out: { b: 1 }, warnings: [] })
  })

  it('sends a Date as unix seconds (floored), warned', () => {
    const r = attributes({ trialEnds: new Date('2018-03-26T17:44:51.900Z') })
    expect(r).toEqual({
      out: { trialEnds: 1522086291 },
      warnings: [['date_converted', 'traits.trialEnds']],
    })
    expect(attributes({ bad: new Date(Number.NaN) })).toEqual({
      out: {},
      warnings: [['invalid_date', 'traits.bad']],
    })
  })
})

describe('custom attribute values: date-named keys', () => {
  it('recognises Intercom (_at, _date) and camelCase (At, Date) date names', () => {
    for (const k of ['trial_ends_at', 'renewedAt', 'renewal_date', 'birthDate', 'x_at']) {
      expect(isDateKey(k)).toBe(true)
    }
    for (const k of [
      'at',
      'flat',
      'format',
      'chat',
      'update',
      'candidate',
      'date',
      'template',
      'Date',
      'At',
    ]) {
      expect(isDateKey(k)).toBe(false)
    }
  })

  it('converts date text under a date-named key to unix seconds, warned', () => {
    expect(
      attributes({
        trial_ends_at: '2018-03-26T17:44:51Z',
        renewalDate: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      }),
    ).toEqual({
      out: { trial_ends_at: 1522086291, renewalDate: 1522086291 },
      warnings: [
        ['date_converted', 'traits.trial_ends_at'],
        ['date_converted', 'traits.renewalDate'],
      ],
    })
  })

  it('leaves non-date text under a date-named key, and date text under other keys, as text', () => {
    expect(
      attributes({ seen_at: 'yesterday', note: '2018-03-26T17:44:51Z', shortAt: '201' }),
    ).toEqual({
      out: { seen_at: 'yesterday', note: '2018-03-26T17:44:51Z', shortAt: '201' },
      warnings: [],
    })
  })

  it('reads a year or a year-month under a date-named key as a date (issue 9)', () => {
    // Warehouse syncs send reduced-precision dates; ISO 8601 and Segment's isodate allow them.
    expect(attributes({ founded_at: '2014', renewal_date: '2014-03' })).toEqual({
      out: { founded_at: 1388534400, renewal_date: 1393632000 },
      warnings: [
        ['date_converted', 'traits.founded_at'],
        ['date_converted', 'traits.renewal_date'],
      ],
    })
  })

  it('isDateKey: a key ending in _at or _date, or in At or Date after another character', () => {
    const reference = (k: string) =>
      k.endsWith('_at') ||
      k.endsWith('_date') ||
      (k.length > 2 && k.endsWith('At')) ||
      (k.length > 4 && k.endsWith('Date'))
    const key = fc.string({
      unit: fc.constantFrom('a', 'A', 't', 'd', 'D', 'e', '_', '\n', '😀', 'x'),
      maxLength: 8,
    })
    fc.assert(
      fc.property(key, (k) => isDateKey(k) === reference(k)),
      { numRuns: 2000 },
    )
  })
})

describe('custom attribute values: nested objects and arrays (nestedValues)', () => {
  const traits = { address: { city: 'Paris', geo: { lat: 48.8 } }, labels: ['a', 'b'] }

  it('flattens with _ by default (address_city, labels_0)', () => {
    expect(attributes(traits)).toEqual({
      out: { address_city: 'Paris', address_geo_lat: 48.8, labels_0: 'a', labels_1: 'b' },
      warnings: [
        ['flattened', 'traits.address.city'],
        ['flattened', 'traits.address.geo.lat'],
        ['flattened', 'traits.labels.0'],
        ['flattened', 'traits.labels.1'],
      ],
    })
  })

  it('stringifies as JSON text', () => {
    expect(attributes(traits, { nestedValues: 'stringify' })).toEqual({
      out: { address: '{"city":"Paris","geo":{"lat":48.8}}', labels: '["a","b"]' },
      warnings: [
        ['stringified', 'traits.address'],
        ['stringified', 'traits.labels'],
      ],
    })
  })

  it('drops', () => {
    expect(attributes(traits, { nestedValues: 'drop' })).toEqual({
      out: {},
      warnings: [
        ['dropped_nested', 'traits.address'],
        ['dropped_nested', 'traits.labels'],
      ],
    })
  })

  it('follows nestedValuesByKey per top-level key over nestedValues', () => {
    const r = attributes(traits, {
      nestedValues: 'drop',
      nestedValuesByKey: { labels: 'stringify' },
    })
    expect(r).toEqual({
      out: { labels: '["a","b"]' },
      warnings: [
        ['dropped_nested', 'traits.address'],
        ['stringified', 'traits.labels'],
      ],
    })
  })

  it('applies the top-level key mode to everything below it', () => {
    const r = attributes(traits, { nestedValuesByKey: { address: 'stringify' } })
    expect(r.out).toEqual({
      address: '{"city":"Paris","geo":{"lat":48.8}}',
      labels_0: 'a',
      labels_1: 'b',
    })
  })

  it('warns about an empty object or array (nothing to send)', () => {
    expect(attributes({ prefs: {}, list: [] })).toEqual({
      out: {},
      warnings: [
        ['dropped_nested', 'traits.prefs'],
        ['dropped_nested', 'traits.list'],
      ],
    })
  })

  it('drops a value that cannot be stringified (a cycle), warned', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(attributes({ loop: cyclic }, { nestedValues: 'stringify' })).toEqual({
      out: {},
      warnings: [['dropped_value', 'traits.loop']],
    })
  })

  it('drops a value with no JSON text (a bigint inside, a toJSON giving undefined), warned', () => {
    const r = attributes(
      { big: { n: 1n }, none: { toJSON: () => undefined } },
      { nestedValues: 'stringify' },
    )
    expect(r).toEqual({
      out: {},
      warnings: [
        ['dropped_value', 'traits.big'],
        ['dropped_value', 'traits.none'],
      ],
    })
  })

  it('applies the long-string rule to stringified JSON', () => {
    const r = attributes({ blob: { text: long(300) } }, { nestedValues: 'stringify' })
    expect(r.warnings).toEqual([
      ['stringified', 'traits.blob'],
      ['truncated', 'traits.blob'],
    ])
    expect(r.out.blob).toBe(`{"text":"${long(300)}"}`.slice(0, 255))
  })
})

describe('custom attribute values: strings over 255 characters (longValues)', () => {
  it('keeps exactly 255 characters', () => {
    expect(attributes({ bio: long(255) })).toEqual({ out: { bio: long(255) }, warnings: [] })
  })

  it('truncates to 255 code points by default, warned', () => {
    expect(attributes({ bio: long(256) })).toEqual({
      out: { bio: long(255) },
      warnings: [['truncated', 'traits.bio']],
    })
  })

  it('never cuts a surrogate pair in half', () => {
    const text = `${long(254)}😀😀`
    const r = attributes({ bio: text })
    expect(r.out.bio).toBe(`${long(254)}😀`)
    // 255 code points in 256 UTF-16 units, no lone surrogate.
    expect([...(r.out.bio as string)]).toHaveLength(255)
  })

  it('counts code points, not UTF-16 units: 255 emoji are not long', () => {
    const emoji = '😀'.repeat(255)
    expect(attributes({ mood: emoji })).toEqual({ out: { mood: emoji }, warnings: [] })
  })

  it('drops instead when longValues is drop', () => {
    expect(attributes({ bio: long(256), plan: 'pro' }, { longValues: 'drop' })).toEqual({
      out: { plan: 'pro' },
      warnings: [['dropped_long', 'traits.bio']],
    })
  })

  it('fitString returns the same string when it fits', () => {
    const ctx = ctxWith()
    const s = 'é'.repeat(MAX_STRING_LENGTH)
    expect(fitString(s, 'x', ctx)).toBe(s)
    expect(ctx.warnings).toEqual([])
  })
})

describe('custom attribute keys', () => {
  it('rewrites keys with . and $ and warns', () => {
    expect(attributes({ 'plan.tier': 'gold', $revenue: 3 })).toEqual({
      out: { plan_tier: 'gold', _revenue: 3 },
      warnings: [
        ['renamed_key', 'traits.plan.tier'],
        ['renamed_key', 'traits.$revenue'],
      ],
    })
  })

  it('rewrites flattened keys built from nested keys', () => {
    const r = attributes({ address: { 'zip.code': '75001' } })
    expect(r).toEqual({
      out: { address_zip_code: '75001' },
      warnings: [
        ['renamed_key', 'traits.address.zip.code'],
        ['flattened', 'traits.address.zip.code'],
      ],
    })
  })

  it('never overwrites on a key collision: the first value stays, the second is warned', () => {
    expect(attributes({ 'a.b': 1, a_b: 2 })).toEqual({
      out: { a_b: 1 },
      warnings: [
        ['renamed_key', 'traits.a.b'],
        ['key_collision', 'traits.a_b'],
      ],
    })
    expect(attributes({ address: { city: 'Paris' }, address_city: 'Lyon' })).toEqual({
      out: { address_city: 'Paris' },
      warnings: [
        ['flattened', 'traits.address.city'],
        ['key_collision', 'traits.address_city'],
      ],
    })
  })

  it('drops empty and blank keys, warned (they cannot name an attribute)', () => {
    expect(attributes({ '': 1, '  ': 2, ' a ': 3 })).toEqual({
      out: { ' a ': 3 },
      warnings: [
        ['invalid_key', 'traits.'],
        ['invalid_key', 'traits.  '],
      ],
    })
  })

  it('stores a __proto__ key as data, not as the prototype', () => {
    const input = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>
    const r = attributes(input)
    expect(Object.getPrototypeOf(r.out)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(r.out, '__proto__')?.value).toBe('x')
  })
})

describe('metadata sinks', () => {
  it('sends booleans as text and drops null, warned', () => {
    const ctx = ctxWith()
    const sink = metadataSink(5)
    writeValue(sink, 'gift', true, 'properties.gift', 'gift', ctx)
    writeValue(sink, 'coupon', null, 'properties.coupon', 'coupon', ctx)
    expect(sink.out).toEqual({ gift: 'true' })
    expect(ctx.warnings.map((w) => [w.code, w.path])).toEqual([
      ['converted', 'properties.gift'],
      ['dropped_value', 'properties.coupon'],
    ])
  })

  it('put stops at the room left and warns metadata_cap for each key refused', () => {
    const ctx = ctxWith({ maxEventProperties: 2 })
    const sink = metadataSink(2)
    for (const k of ['a', 'b', 'c', 'd']) put(sink, k, 1, `properties.${k}`, ctx)
    expect(sink.out).toEqual({ a: 1, b: 1 })
    expect(sink.room).toBe(0)
    expect(ctx.warnings).toEqual([
      {
        code: 'metadata_cap',
        path: 'properties.c',
        message: 'Intercom keeps 2 event properties; dropped',
      },
      {
        code: 'metadata_cap',
        path: 'properties.d',
        message: 'Intercom keeps 2 event properties; dropped',
      },
    ])
  })

  it('an attribute sink has no cap', () => {
    const sink = attributeSink()
    const ctx = ctxWith()
    for (let i = 0; i < 50; i++) put<AttributeValue>(sink, `k${i}`, i, `traits.k${i}`, ctx)
    expect(Object.keys(sink.out)).toHaveLength(50)
    expect(ctx.warnings).toEqual([])
  })
})

describe('values through normalize', () => {
  it('applies the settings to identify traits', () => {
    const r = normalize(
      {
        type: 'identify',
        userId: 'u1',
        timestamp: '2020-01-01T00:00:00Z',
        traits: { address: { city: 'Paris' }, bio: long(300), labels: ['x'] },
      },
      {
        settings: {
          nestedValues: 'drop',
          nestedValuesByKey: { address: 'flatten' },
          longValues: 'drop',
        },
      },
    )
    expect(r.status).toBe('normalized')
    if (r.status !== 'normalized' || r.event.type !== 'identify') return
    expect(r.event.customAttributes).toEqual({ address_city: 'Paris' })
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['flattened', 'traits.address.city'],
      ['dropped_long', 'traits.bio'],
      ['dropped_nested', 'traits.labels'],
    ])
  })
})
