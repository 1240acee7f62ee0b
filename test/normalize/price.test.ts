// The price of a track (src/normalize/price.ts), read through normalize: integer cents
// from revenue (else total) and the currency.
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/normalize/normalize.js'
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
