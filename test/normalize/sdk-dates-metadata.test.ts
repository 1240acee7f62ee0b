// Issue 9, items 5, 7, 8, 9 and 13 (the revenue message): regressions built from the
// recorded SDK / pipeline envelopes in test/fixtures/sdk, then generalised.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoDateText } from '../../src/arbitraries/index.js'
import { normalize, toMessenger, toMobile, toRest } from '../../src/index.js'
import { readDate } from '../../src/normalize/dates.js'
import type { NormalizedEvent } from '../../src/normalize/model.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { loadFixtures } from '../fixtures/sdk-shapes.js'
import { drive } from '../helpers/drive.js'

const fixtures = loadFixtures()
type Obj = Record<string, unknown>

function fixture(file: string): Obj {
  const f = fixtures.find((x) => x.file === file)
  if (f === undefined) throw new Error(`no fixture ${file}`)
  return structuredClone(f.event) as Obj
}

function model(event: unknown, options = {}): { m: NormalizedEvent; warnings: string[][] } {
  const r = normalize(event, options)
  if (r.status !== 'normalized') throw new Error(`not normalized: ${JSON.stringify(r)}`)
  return { m: r.event, warnings: r.warnings.map((w) => [w.code, w.path]) }
}

const Y2014 = Date.UTC(2014, 0, 1) / 1000

/** The JSON of every REST request of an event, driven against a permissive emulator. */
function restRequests(event: unknown, options = {}): string {
  const mapping = toRest(event, options)
  if (mapping.status !== 'mapped') throw new Error(`not mapped: ${JSON.stringify(mapping)}`)
  const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
  return JSON.stringify(drive(mapping.exchange(), (r) => emulator.handle(r)).requests)
}

describe('item 5: ISO 8601 dates of any precision', () => {
  it('analytics-android identify: createdAt "2014" is 1 January 2014, not epoch second 2014', () => {
    const event = fixture('analytics-android/identify.json')
    expect((event.traits as Obj).createdAt).toBe('2014')
    const { m, warnings } = model(event)
    expect(m.type === 'identify' && m.signedUpAt).toBe(Y2014)
    expect(warnings.filter(([, path]) => path === 'traits.createdAt')).toEqual([])
    expect(restRequests(event)).toContain(`"signed_up_at":${Y2014}`)
    const mobile = toMobile(event)
    expect(JSON.stringify(mobile)).toContain(`"signedUpAt":${Y2014}`)
  })

  it('analytics-android group: the company createdAt "2011-06" is 1 June 2011, not dropped', () => {
    const { m, warnings } = model(fixture('analytics-android/group.json'))
    expect(m.type === 'group' && m.company.createdAt).toBe(Date.UTC(2011, 5, 1) / 1000)
    expect(warnings.map(([code]) => code)).not.toContain('invalid_date')
  })

  it('warehouse backfill track: timestamp "2014" is the event time 2014-01-01', () => {
    const event = fixture('warehouse/track-backfill.json')
    const { m } = model(event)
    expect(m.type === 'track' && m.createdAt).toBe(Y2014)
    // Its "paid_at" (a date-named property, minute precision) is converted too.
    expect(m.type === 'track' && m.metadata.paid_at).toBe(Date.UTC(2014, 2, 25, 12) / 1000)
  })

  it('warehouse identify: signed_up_at "2014-03" is the sign-up time', () => {
    // The fixture's first sign-up spelling (remote_created_at) wins (issue 9, item 2,
    // test/normalize/reserved-names.test.ts): without it and created, signed_up_at is read.
    const event = fixture('warehouse/identify-intercom-named-columns.json')
    const { remote_created_at: _r, created: _c, ...traits } = event.traits as Obj
    const { m } = model({ ...event, traits })
    expect(m.type === 'identify' && m.signedUpAt).toBe(Date.UTC(2014, 2, 1) / 1000)
  })

  it('a digit string is never read as epoch seconds silently: the guess is warned', () => {
    const event = fixture('analytics-node/identify.json')
    ;(event.traits as Obj).createdAt = '1393891200'
    const { m, warnings } = model(event)
    expect(m.type === 'identify' && m.signedUpAt).toBe(1393891200)
    expect(warnings).toContainEqual(['ambiguous_date', 'traits.createdAt'])
  })

  it('property: every ISO date text the SDKs and pipelines send is read exactly, never guessed', () => {
    fc.assert(
      fc.property(isoDateText(), (text) => {
        const r = readDate(text)
        expect(r, text).toBeDefined()
        expect(r?.guess, text).toBeUndefined()
        // Its year is the one written (up to a day's offset at a year boundary).
        const year = Number(text.slice(0, 4))
        const read = new Date((r?.seconds ?? 0) * 1000).getUTCFullYear()
        expect(Math.abs(read - year), text).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('property: a timestamp that is a 4-digit year is that year on every target, unwarned', () => {
    const base = fixture('warehouse/track-backfill.json')
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), (y) => {
        const { m, warnings } = model({ ...base, timestamp: String(y) })
        expect(m.type === 'track' && m.createdAt).toBe(Date.UTC(y, 0, 1) / 1000)
        expect(warnings.filter(([, path]) => path === 'timestamp')).toEqual([])
      }),
    )
  })
})

describe('item 7: flattened keys never push a top-level property out of the cap', () => {
  it('analytics-node Order Completed: products do not evict order_id, shipping, tax', () => {
    const event = fixture('analytics-node/track.json')
    const { m, warnings } = model(event)
    if (m.type !== 'track') throw new Error('track expected')
    // The price first, then the top-level properties in input order (the cap is 5).
    expect(Object.keys(m.metadata)).toEqual(['price', 'order_id', 'total', 'shipping', 'tax'])
    // Every evicted key is warned at its own path, flattened leaves included.
    const capped = warnings.filter(([code]) => code === 'metadata_cap').map(([, p]) => p)
    expect(capped).toContain('properties.coupon')
    expect(capped).toContain('properties.gift')
    expect(capped).toContain('properties.products.0.sku')
    expect(capped).toContain('properties.shipping_address.geo.lat')
  })

  it('with room for everything, top-level keys come first and flattened ones follow', () => {
    const { m } = model(fixture('analytics-node/track.json'), {
      settings: { maxEventProperties: 10 },
    })
    if (m.type !== 'track') throw new Error('track expected')
    expect(Object.keys(m.metadata).slice(0, 7)).toEqual([
      'price',
      'order_id',
      'total',
      'shipping',
      'tax',
      'discount',
      'coupon',
    ])
    expect(Object.keys(m.metadata).slice(7)).toEqual([
      'gift',
      'products_0_product_id',
      'products_0_sku',
    ])
  })

  it('property: a plain property is kept whenever there are no more plain ones than the cap', () => {
    const plain = fc.oneof(fc.string({ maxLength: 10 }), fc.integer())
    const nested = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), plain, { minKeys: 1 })
    const props = fc.uniqueArray(
      fc.tuple(
        fc
          .stringMatching(/^[a-z]{1,6}$/)
          .filter((k) => !['revenue', 'total', 'currency', 'price', 'email'].includes(k)),
        fc.oneof(plain, nested),
      ),
      { selector: ([k]) => k, maxLength: 12 },
    )
    fc.assert(
      fc.property(props, fc.integer({ min: 1, max: 10 }), (entries, cap) => {
        const properties = Object.fromEntries(entries)
        const { m, warnings } = model(
          { type: 'track', userId: 'u', event: 'E', timestamp: '2024-03-05', properties },
          { settings: { maxEventProperties: cap } },
        )
        if (m.type !== 'track') throw new Error('track expected')
        const plainKeys = entries.filter(([, v]) => typeof v !== 'object').map(([k]) => k)
        const kept = Object.keys(m.metadata)
        // The first `cap` plain keys are kept, in input order, ahead of every flattened key.
        expect(kept.slice(0, Math.min(cap, plainKeys.length))).toEqual(plainKeys.slice(0, cap))
        // Nothing is lost silently: every key not kept is warned at its path.
        const warned = new Set(warnings.map(([, p]) => p))
        for (const [k, v] of entries) {
          if (typeof v !== 'object' && !kept.includes(k))
            expect(warned).toContain(`properties.${k}`)
          if (typeof v === 'object') {
            for (const sub of Object.keys(v)) {
              if (!kept.includes(`${k}_${sub}`)) expect(warned).toContain(`properties.${k}.${sub}`)
            }
          }
        }
      }),
    )
  })
})

describe('item 8: a property shaped as a monetary amount is sent as one', () => {
  const order = () => {
    const event = fixture('analytics-node/track.json')
    const props = event.properties as Obj
    props.shipping = { amount: 300, currency: 'USD' }
    return event
  }

  it('sends { amount, currency } under its key, not shipping_amount / shipping_currency', () => {
    const { m, warnings } = model(order())
    expect(m.type === 'track' && m.metadata.shipping).toEqual({ amount: 300, currency: 'USD' })
    expect(warnings.filter(([, p]) => p === 'properties.shipping')).toEqual([])
    expect(restRequests(order())).toContain('"shipping":{"amount":300,"currency":"USD"}')
  })

  it('warns an invalid one and flattens it like any nested value', () => {
    for (const shipping of [
      { amount: 3.5, currency: 'usd' },
      { amount: '300', currency: 'usd' },
      { amount: -1, currency: 'usd' },
      { amount: 300, currency: 'dollars' },
      { amount: 300, currency: 840 },
    ]) {
      const event = order()
      ;(event.properties as Obj).shipping = shipping
      const { m, warnings } = model(event, { settings: { maxEventProperties: 10 } })
      expect(warnings, JSON.stringify(shipping)).toContainEqual([
        'invalid_monetary_amount',
        'properties.shipping',
      ])
      expect(m.type === 'track' && m.metadata.shipping_amount).toBeDefined()
    }
  })

  it('leaves objects with other keys alone (not monetary-shaped: no warning)', () => {
    const event = order()
    ;(event.properties as Obj).shipping = { amount: 300, currency: 'usd', carrier: 'DHL' }
    const { warnings } = model(event)
    expect(warnings.map(([c]) => c)).not.toContain('invalid_monetary_amount')
  })

  it('property: any valid amount is sent exactly as given', () => {
    const code = fc.stringMatching(/^[A-Za-z]{3}$/)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        code,
        (amount, currency) => {
          const { m } = model({
            type: 'track',
            userId: 'u',
            event: 'Refund Issued',
            timestamp: '2024-03-05',
            properties: { refund: { currency, amount } },
          })
          expect(m.type === 'track' && m.metadata.refund).toEqual({ amount, currency })
        },
      ),
    )
  })
})

describe('item 9: properties.email that is the identity is not also metadata', () => {
  const emailTrack = () => {
    const event = fixture('analytics-node/track.json')
    delete event.userId
    event.anonymousId = 'a-1'
    ;(event.properties as Obj).email = 'ada@example.com'
    return event
  }

  it('REST: the email is the event identity and takes no metadata slot', () => {
    expect(restRequests(emailTrack())).toContain('"email":"ada@example.com"')
    const { m, warnings } = model(emailTrack())
    expect(m.type === 'track' && Object.keys(m.metadata)).not.toContain('email')
    expect(m.type === 'track' && m.identityEmailPath).toBe('properties.email')
    expect(warnings.filter(([, p]) => p === 'properties.email')).toEqual([])
  })

  it('keeps properties.email as metadata when a userId is the identity', () => {
    const event = fixture('analytics-node/track.json')
    ;(event.properties as Obj).email = 'invitee@example.com'
    const { m } = model(event, { settings: { maxEventProperties: 10 } })
    expect(m.type === 'track' && m.metadata.email).toBe('invitee@example.com')
  })

  it('device targets, whose track calls carry no identity, warn that it is not sent', () => {
    for (const r of [
      toMessenger(emailTrack(), { settings: { appId: 'abc' } }),
      toMobile(emailTrack()),
    ]) {
      expect(r.status).toBe('mapped')
      expect(r.warnings.map((w) => [w.code, w.path])).toContainEqual([
        'unsupported_field',
        'properties.email',
      ])
    }
  })
})

describe('item 13: invalid_revenue names the type of a value that is no number', () => {
  it('an object revenue is "an object", never "[object Object]"', () => {
    const event = fixture('analytics-node/track.json')
    ;(event.properties as Obj).revenue = { value: 25 }
    const r = normalize(event)
    const w = r.warnings.find((x) => x.code === 'invalid_revenue')
    expect(w?.path).toBe('properties.revenue')
    expect(w?.message).toBe('No price sent: an object is not numeric')
  })
})
