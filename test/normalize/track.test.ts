import { describe, expect, it } from 'vitest'
import type { NormalizedTrack } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import type { Settings } from '../../src/settings/types.js'
import type { MapOptions } from '../../src/types.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800

function track(
  properties: Record<string, unknown> | undefined,
  settings?: Settings,
  extra: Record<string, unknown> = {},
  options: MapOptions = {},
) {
  const r = normalize(
    { type: 'track', userId: 'u1', event: 'Order Completed', timestamp: T, properties, ...extra },
    settings === undefined ? options : { ...options, settings },
  )
  if (r.status !== 'normalized' || r.event.type !== 'track') throw new Error(r.status)
  return { event: r.event as NormalizedTrack, warnings: r.warnings.map((w) => [w.code, w.path]) }
}

const metadata = (properties: Record<string, unknown>, settings?: Settings) =>
  track(properties, settings).event.metadata

describe('track: the event', () => {
  it('carries the name, the timestamp as createdAt and no metadata without properties', () => {
    expect(track(undefined)).toEqual({
      event: {
        type: 'track',
        user: { userId: 'u1' },
        options: {},
        optionPaths: {},
        timestamp: T_S,
        eventName: 'Order Completed',
        createdAt: T_S,
        metadata: {},
      },
      warnings: [],
    })
  })

  it('prefers the event timestamp over options.now for createdAt', () => {
    expect(track({}, undefined, {}, { now: Date.UTC(2024, 0, 1) }).event.createdAt).toBe(T_S)
  })

  it('uses options.now when there is no timestamp', () => {
    const { event } = track(
      {},
      undefined,
      { timestamp: undefined },
      { now: Date.UTC(2024, 0, 1, 0, 0, 5, 999) },
    )
    expect(event.createdAt).toBe(Date.UTC(2024, 0, 1, 0, 0, 5) / 1000)
  })

  it('has no createdAt without either', () => {
    expect(track({}, undefined, { timestamp: undefined }).event).not.toHaveProperty('createdAt')
  })
})

describe('track: price from revenue', () => {
  it.each([
    [19.99, 1999],
    ['$45.00', 4500],
    [0.1 + 0.2, 30],
    [45, 4500],
    ['1,234.56', 123456],
    [0, 0],
  ])('revenue %j → amount %i cents, currency usd by default', (revenue, amount) => {
    expect(track({ revenue })).toEqual({
      event: expect.objectContaining({ metadata: { price: { amount, currency: 'usd' } } }),
      warnings: [],
    })
  })

  it('uses properties.currency and does not send revenue or currency raw', () => {
    expect(metadata({ revenue: 19.99, currency: 'EUR', orderId: 'o1' })).toEqual({
      price: { amount: 1999, currency: 'EUR' },
      orderId: 'o1',
    })
  })

  it('uses total when revenue is absent (the mobile rule)', () => {
    expect(track({ total: 30.5, currency: 'gbp' })).toEqual({
      event: expect.objectContaining({ metadata: { price: { amount: 3050, currency: 'gbp' } } }),
      warnings: [],
    })
  })

  it('prefers revenue and sends total as an ordinary property', () => {
    expect(metadata({ revenue: 10, total: 12 })).toEqual({
      price: { amount: 1000, currency: 'usd' },
      total: 12,
    })
  })

  it('replaces a raw price property with the computed price, warned', () => {
    const r = track({ price: 99.95, revenue: 19.99 })
    expect(r.event.metadata).toEqual({ price: { amount: 1999, currency: 'usd' } })
    expect(r.warnings).toEqual([['replaced', 'properties.price']])
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative amount', -5],
    ['non-numeric text', 'lots'],
    ['a boolean', true],
    ['an object', { amount: 5 }],
  ])('sends no price for %s, warned, and not the raw revenue either', (_, revenue) => {
    expect(track({ revenue, sku: 'a' })).toEqual({
      event: expect.objectContaining({ metadata: { sku: 'a' } }),
      warnings: [['invalid_revenue', 'properties.revenue']],
    })
  })

  it('warns that the currency is not sent when the revenue is unusable', () => {
    expect(track({ revenue: 'lots', currency: 'EUR' })).toEqual({
      event: expect.objectContaining({ metadata: {} }),
      warnings: [
        ['invalid_revenue', 'properties.revenue'],
        ['dropped_value', 'properties.currency'],
      ],
    })
  })

  it('keeps a raw price property when the revenue is unusable', () => {
    expect(metadata({ revenue: -1, price: 5 })).toEqual({ price: 5 })
  })

  it('falls back to usd, warned, for a currency that is not a code', () => {
    expect(track({ revenue: 1, currency: 7 })).toEqual({
      event: expect.objectContaining({ metadata: { price: { amount: 100, currency: 'usd' } } }),
      warnings: [['dropped_value', 'properties.currency']],
    })
    expect(metadata({ revenue: 1, currency: ' eur ' })).toEqual({
      price: { amount: 100, currency: 'eur' },
    })
  })

  it("pins the seed's Product Purchased example (price + currency, no revenue): sent as plain metadata", () => {
    // No revenue and no total: the price rule does not apply, so `price` and `currency`
    // are ordinary properties and the five properties fit the default cap of 5.
    expect(
      track({
        order_ID: '2969302398',
        category: 'boots',
        product_name: 'yellow_cowboy_boots',
        price: 99.95,
        currency: 'EUR',
      }),
    ).toEqual({
      event: expect.objectContaining({
        eventName: 'Order Completed',
        metadata: {
          order_ID: '2969302398',
          category: 'boots',
          product_name: 'yellow_cowboy_boots',
          price: 99.95,
          currency: 'EUR',
        },
      }),
      warnings: [],
    })
  })
})

describe('track: metadata values', () => {
  it('keeps strings and numbers, sends booleans as text, drops null (warned)', () => {
    const r = track({ sku: 'a1', qty: 2, gift: false, coupon: null })
    expect(r.event.metadata).toEqual({ sku: 'a1', qty: 2, gift: 'false' })
    expect(r.warnings).toEqual([
      ['converted', 'properties.gift'],
      ['dropped_value', 'properties.coupon'],
    ])
  })

  it('flattens nested properties and converts date-named values', () => {
    const r = track({ shipping: { city: 'Paris' }, delivered_at: '2018-03-26T17:44:51Z' })
    expect(r.event.metadata).toEqual({ shipping_city: 'Paris', delivered_at: 1522086291 })
    expect(r.warnings).toEqual([
      ['flattened', 'properties.shipping.city'],
      ['date_converted', 'properties.delivered_at'],
    ])
  })

  it('truncates long text', () => {
    const r = track({ note: 'x'.repeat(256) })
    expect(r.event.metadata).toEqual({ note: 'x'.repeat(255) })
    expect(r.warnings).toEqual([['truncated', 'properties.note']])
  })
})

describe('track: rich links (richLinkProperties)', () => {
  const settings = { richLinkProperties: ['article'] }

  it('sends a listed property with exactly url and value as a rich link', () => {
    const article = { url: 'https://example.com/a', value: 'Read me' }
    expect(track({ article }, settings)).toEqual({
      event: expect.objectContaining({ metadata: { article } }),
      warnings: [],
    })
  })

  it.each([
    ['an extra key', { url: 'https://example.com/a', value: 'x', title: 't' }],
    ['no value', { url: 'https://example.com/a' }],
    ['a non-text url', { url: 42, value: 'x' }],
    ['plain text', 'https://example.com/a'],
  ])('drops a listed property with %s, warned', (_, article) => {
    expect(track({ article, sku: 'a' }, settings)).toEqual({
      event: expect.objectContaining({ metadata: { sku: 'a' } }),
      warnings: [['invalid_rich_link', 'properties.article']],
    })
  })

  it('drops a link whose URL is over 255 characters rather than cut it', () => {
    const url = `https://example.com/${'p'.repeat(250)}`
    expect(track({ article: { url, value: 'x' } }, settings)).toEqual({
      event: expect.objectContaining({ metadata: {} }),
      warnings: [['dropped_long', 'properties.article.url']],
    })
  })

  it('truncates a long link text', () => {
    const r = track({ article: { url: 'https://example.com', value: 'v'.repeat(300) } }, settings)
    expect(r.event.metadata).toEqual({
      article: { url: 'https://example.com', value: 'v'.repeat(255) },
    })
    expect(r.warnings).toEqual([['truncated', 'properties.article.value']])
  })

  it('flattens the same object when its key is not listed', () => {
    expect(metadata({ article: { url: 'https://example.com/a', value: 'x' } })).toEqual({
      article_url: 'https://example.com/a',
      article_value: 'x',
    })
  })
})

describe('track: the metadata cap (maxEventProperties)', () => {
  const seven = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }

  it('keeps the first 5 properties in input order and warns metadata_cap for each dropped key', () => {
    const r = track(seven)
    expect(Object.keys(r.event.metadata)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(r.warnings).toEqual([
      ['metadata_cap', 'properties.f'],
      ['metadata_cap', 'properties.g'],
    ])
  })

  it('puts the price first', () => {
    const r = track({ ...seven, revenue: 9.99 })
    expect(r.event.metadata).toEqual({
      price: { amount: 999, currency: 'usd' },
      a: 1,
      b: 2,
      c: 3,
      d: 4,
    })
    expect(Object.keys(r.event.metadata)[0]).toBe('price')
    expect(r.warnings).toEqual([
      ['metadata_cap', 'properties.e'],
      ['metadata_cap', 'properties.f'],
      ['metadata_cap', 'properties.g'],
    ])
  })

  it('follows maxEventProperties', () => {
    expect(Object.keys(metadata(seven, { maxEventProperties: 10 }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ])
    const r = track({ revenue: 1, a: 1 }, { maxEventProperties: 0 })
    expect(r.event.metadata).toEqual({})
    expect(r.warnings).toEqual([
      ['metadata_cap', 'properties.revenue'],
      ['metadata_cap', 'properties.a'],
    ])
  })

  it('warns that the currency is not sent when the cap drops the price', () => {
    const r = track({ revenue: 1, currency: 'EUR' }, { maxEventProperties: 0 })
    expect(r.event.metadata).toEqual({})
    expect(r.warnings).toEqual([
      ['metadata_cap', 'properties.revenue'],
      ['dropped_value', 'properties.currency'],
    ])
  })

  it('counts flattened keys and not dropped values', () => {
    const r = track({ gone: null, addr: { city: 'P', zip: '1', street: 's' }, b: 2, c: 3, d: 4 })
    expect(r.event.metadata).toEqual({
      addr_city: 'P',
      addr_zip: '1',
      addr_street: 's',
      b: 2,
      c: 3,
    })
    expect(r.warnings).toEqual([
      ['dropped_value', 'properties.gone'],
      ['flattened', 'properties.addr.city'],
      ['flattened', 'properties.addr.zip'],
      ['flattened', 'properties.addr.street'],
      ['metadata_cap', 'properties.d'],
    ])
  })

  it('is deterministic: the same input gives the same metadata', () => {
    const props = { z: 1, y: 2, revenue: 3, x: 4, w: 5, v: 6, u: 7 }
    expect(track(props)).toEqual(track({ ...props }))
  })
})
