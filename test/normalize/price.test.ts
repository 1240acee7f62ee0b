// The price of a track (src/normalize/price.ts), read through normalize: integer cents
// from revenue (else total) and the currency.
import { describe, expect, it } from 'vitest'
import type { NormalizeContext } from '../../src/normalize/context.js'
import type { MetadataValue } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import { readMonetaryAmount, writePrice } from '../../src/normalize/price.js'
import type { ValueSink } from '../../src/normalize/values.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'
import { metadata, track } from '../helpers/normalize-track.js'

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

  it.each([
    [-5, 'No price sent: -5 is negative'],
    [Number.NaN, 'No price sent: NaN is not finite'],
    [1e21, 'No price sent: 1e+21 is too large'],
    ['lots', 'No price sent: "lots" is not numeric'],
    [null, 'No price sent: null is not numeric'],
    [[5], 'No price sent: an array is not numeric'],
  ])('says which revenue %j is unusable, and why', (revenue, message) => {
    const r = normalize({ type: 'track', userId: 'u1', event: 'E', properties: { revenue } })
    expect(r.warnings.map((w) => [w.code, w.path, w.message])).toEqual([
      ['invalid_revenue', 'properties.revenue', message],
    ])
  })

  it('quotes text revenue up to 20 characters: a megabyte of it does not become the message', () => {
    const revenue = `abc${'x'.repeat(1e6)}`
    const r = normalize({ type: 'track', userId: 'u1', event: 'E', properties: { revenue } })
    expect(r.warnings.map((w) => w.message)).toEqual([
      `No price sent: "abc${'x'.repeat(17)}" is not numeric`,
    ])
  })

  it('warns that the currency is not sent when the revenue is unusable', () => {
    expect(track({ revenue: 'lots', currency: 'EUR' })).toEqual({
      event: expect.objectContaining({ metadata: {} }),
      warnings: [
        ['invalid_revenue', 'properties.revenue'],
        ['dropped_value', 'properties.currency'],
      ],
    })
    const r = normalize({
      type: 'track',
      userId: 'u1',
      event: 'E',
      properties: { revenue: 'lots', currency: 'EUR' },
    })
    expect(r.warnings[1]?.message).toBe('Not sent without a price')
  })

  it('warns a currency once: "usd" used when it is no code, not sent when the price is not', () => {
    const used = normalize({
      type: 'track',
      userId: 'u1',
      event: 'E',
      properties: { revenue: 1, currency: '' },
    })
    expect(used.warnings.map((w) => [w.code, w.path, w.message])).toEqual([
      ['dropped_value', 'properties.currency', 'Not a currency code; "usd" used'],
    ])
    // The cap drops the price: the currency is not sent at all, so "usd" is not "used" either.
    const capped = track({ revenue: 1, currency: 7 }, { maxEventProperties: 0 })
    expect(capped.warnings).toEqual([
      ['metadata_cap', 'properties.revenue'],
      ['dropped_value', 'properties.currency'],
    ])
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

const context = (): NormalizeContext => ({
  settings: DEFAULT_SETTINGS,
  warnings: [],
  now: undefined,
})
const sink = (): ValueSink<MetadataValue> => ({ out: {}, paths: {}, kind: 'metadata', room: 5 })

describe('writePrice', () => {
  it('consumes no key and writes nothing without revenue or total, currency or not', () => {
    for (const properties of [{}, { currency: 'eur' }, { revenue: undefined, price: 5 }]) {
      const ctx = context()
      const out = sink()
      expect(writePrice(properties, out, ctx)).toEqual([undefined, []])
      expect([out.out, ctx.warnings]).toEqual([{}, []])
    }
  })

  it('consumes the amount key and currency when there is an amount', () => {
    const ctx = context()
    const out = sink()
    expect(writePrice({ total: 2, currency: 'eur' }, out, ctx)).toEqual([
      { amount: 200, currency: 'eur' },
      ['total', 'currency'],
    ])
    expect(out.out).toEqual({ price: { amount: 200, currency: 'eur' } })
  })
})

describe('readMonetaryAmount', () => {
  const read = (value: object) => {
    const ctx = context()
    const price = readMonetaryAmount(value, 'properties.cost', ctx)
    return { price, warnings: ctx.warnings }
  }

  it('reads exactly an amount in non-negative whole cents and a three-letter currency', () => {
    expect(read({ amount: 1999, currency: 'EUR' })).toEqual({
      price: { amount: 1999, currency: 'EUR' },
      warnings: [],
    })
    expect(read({ amount: 0, currency: 'usd' })).toEqual({
      price: { amount: 0, currency: 'usd' },
      warnings: [],
    })
    // -0 cents is sent as 0 (toBe compares with Object.is).
    expect(read({ amount: -0, currency: 'usd' }).price?.amount).toBe(0)
  })

  it('leaves objects that are not shaped as an amount alone, unwarned', () => {
    for (const value of [
      { amount: 5, note: 'usd' },
      { currency: 'usd', note: 5 },
      { amount: 5, currency: 'usd', note: 'x' },
      { amount: 5 },
      {},
    ]) {
      expect(read(value), JSON.stringify(value)).toEqual({ price: undefined, warnings: [] })
    }
  })

  it.each([
    [{ amount: -1, currency: 'usd' }],
    [{ amount: 1.5, currency: 'usd' }],
    [{ amount: '5', currency: 'usd' }],
    [{ amount: 5, currency: ['usd'] }],
    [{ amount: 5, currency: 'us' }],
  ])('warns a monetary-shaped %j that is invalid, and reads no amount', (value) => {
    expect(read(value)).toEqual({
      price: undefined,
      warnings: [
        {
          code: 'invalid_monetary_amount',
          path: 'properties.cost',
          message: 'Needs whole, non-negative cents and a three-letter currency',
        },
      ],
    })
  })
})
