import { describe, expect, it } from 'vitest'
import { metadata, track } from '../helpers/normalize-track.js'

const T_S = 1577836800

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
    // Top-level values are written first, then the flattened ones (issue 9, item 7).
    expect(r.warnings).toEqual([
      ['date_converted', 'properties.delivered_at'],
      ['flattened', 'properties.shipping.city'],
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

  it('counts flattened keys and not dropped values; flattened keys come after top-level ones', () => {
    const r = track({ gone: null, addr: { city: 'P', zip: '1', street: 's' }, b: 2, c: 3, d: 4 })
    expect(r.event.metadata).toEqual({ b: 2, c: 3, d: 4, addr_city: 'P', addr_zip: '1' })
    expect(r.warnings).toEqual([
      ['dropped_value', 'properties.gone'],
      // Per leaf (issue 9, item 14): the leaves written are warned flattened, the one the cap keeps out is not.
      ['flattened', 'properties.addr.city'],
      ['flattened', 'properties.addr.zip'],
      ['metadata_cap', 'properties.addr.street'],
    ])
  })

  it('is deterministic: the same input gives the same metadata', () => {
    const props = { z: 1, y: 2, revenue: 3, x: 4, w: 5, v: 6, u: 7 }
    expect(track(props)).toEqual(track({ ...props }))
  })
})
