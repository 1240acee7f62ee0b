import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { segmentEvent, settings as settingsArb } from '../../src/arbitraries/index.js'
import { normalize, nowSeconds } from '../../src/normalize/normalize.js'
import { isTimed } from '../../src/normalize/track.js'
import { deepFreeze } from '../helpers/freeze.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800

/** The seed doc's own calls, as server-side sources send them. */
const SEED_EVENTS = [
  {
    type: 'identify',
    userId: 'su3r73',
    traits: {
      name: 'Iñigo Montoya',
      email: 'avenger@example.com',
      company: { id: '123', name: 'Iñigo & Friends Holding Company' },
      createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
    },
  },
  {
    type: 'track',
    userId: 'u1',
    event: 'Product Purchased',
    properties: {
      order_ID: '2969302398',
      category: 'boots',
      product_name: 'yellow_cowboy_boots',
      price: 99.95,
      currency: 'EUR',
    },
  },
  { type: 'group', userId: 'u1', groupId: 'companyId123', traits: { name: 'Segment' } },
  {
    type: 'identify',
    userId: '019mr8mf4r',
    traits: {
      name: 'Michael Bolton',
      email: 'mbolton@example.com',
      plan: 'Enterprise',
      company: { id: 12345, remove: true },
      createdAt: 'Thu Mar 24 2016 17:46:45 GMT+0000 (UTC)',
    },
  },
  {
    type: 'identify',
    userId: '4832094283057439285723523452345',
    anonymousId: '43254364571',
    context: { Intercom: { unsubscribedFromEmails: true } },
    traits: { firstName: 'John ', lastName: 'Jacob', email: 'jingleheimer@schmidt.com' },
  },
  {
    type: 'identify',
    userId: 'some_user_id',
    traits: {
      email: 'ben@intercom.io',
      firstName: 'Ben',
      lastName: 'McRedmond',
      createdAt: 1363902294011,
      plan: 'Premium',
    },
    context: { ip: '192.168.0.1', active: false, userAgent: 'Mozilla/5.0' },
  },
  { type: 'identify', userId: 'u1', integrations: { All: false, Intercom: { user_hash: 'abc' } } },
  { type: 'page', userId: 'u1', name: 'Home' },
  { type: 'reset' },
]

describe('normalize: order of checks', () => {
  it('reports the settings errors first, with the event errors', () => {
    expect(normalize({ type: 'nope' }, { settings: { region: 'mars' as 'us' } })).toMatchObject({
      status: 'invalid',
      errors: [
        { code: 'invalid_setting', path: 'settings.region' },
        { code: 'unknown_type', path: 'type' },
      ],
    })
  })

  it('returns parse errors with the settings warnings', () => {
    const r = normalize({ type: 'track', userId: 'u1' }, { settings: { colour: 'x' } as object })
    expect(r).toEqual({
      status: 'invalid',
      errors: [{ code: 'missing_field', path: 'event', message: 'A track call needs "event"' }],
      warnings: [
        {
          code: 'unknown_setting',
          path: 'settings.colour',
          message: 'Unknown setting "colour" is ignored',
        },
      ],
    })
  })

  it.each([[Number.NaN], [new Date(Number.NaN)], ['2020-01-01'], [Number.POSITIVE_INFINITY]])(
    'rejects an unusable options.now (%s) at options.now',
    (now) => {
      const r = normalize({ type: 'identify', userId: 'u1' }, { now: now as number })
      expect(r).toMatchObject({
        status: 'invalid',
        errors: [{ code: 'wrong_type', path: 'options.now' }],
      })
    },
  )

  it('skips a disabled event after checking it', () => {
    expect(
      normalize({ type: 'identify', userId: 'u1', integrations: { Intercom: false } }).status,
    ).toBe('skipped')
    expect(normalize({ type: 'track', integrations: { Intercom: false } }).status).toBe('invalid')
  })
})

describe('normalize: now', () => {
  it('is options.now in unix seconds, floored', () => {
    const r = normalize({ type: 'identify', userId: 'u1', timestamp: T }, { now: 1700000000999 })
    expect(r.status === 'normalized' && r.now).toBe(1700000000)
  })

  it('is the event timestamp without options.now', () => {
    for (const timestamp of [T, T_S, T_S * 1000, new Date(T)]) {
      const r = normalize({ type: 'identify', userId: 'u1', timestamp })
      expect(r.status === 'normalized' && [r.now, r.event.timestamp]).toEqual([T_S, T_S])
    }
  })

  it('warns about a timestamp that is not a date and leaves it out', () => {
    const r = normalize({ type: 'identify', userId: 'u1', timestamp: 'yesterday' }, { now: 0 })
    expect(r.status).toBe('normalized')
    if (r.status !== 'normalized') return
    expect(r.event).not.toHaveProperty('timestamp')
    expect(r.now).toBe(0)
    expect(r.warnings).toEqual([
      { code: 'invalid_date', path: 'timestamp', message: 'Not a date; ignored' },
    ])
  })

  it('nowSeconds reads a Date or epoch ms, and nothing else', () => {
    expect(nowSeconds(1522086291999)).toBe(1522086291)
    expect(nowSeconds(new Date(1522086291999))).toBe(1522086291)
    expect(nowSeconds('1522086291999')).toBeUndefined()
    expect(nowSeconds(Number.NaN)).toBeUndefined()
  })
})

describe('normalize: other types', () => {
  it('keeps the page or screen name, identity and options', () => {
    expect(normalize({ type: 'page', userId: 'u1', name: 'Pricing', timestamp: T })).toEqual({
      status: 'normalized',
      event: {
        type: 'page',
        user: { userId: 'u1' },
        options: {},
        optionPaths: {},
        timestamp: T_S,
        name: 'Pricing',
      },
      settings: expect.anything(),
      now: T_S,
      warnings: [],
    })
    const screen = normalize({ type: 'screen', anonymousId: 'a1' })
    expect(screen.status === 'normalized' && screen.event).toEqual({
      type: 'screen',
      user: { anonymousId: 'a1' },
      options: {},
      optionPaths: {},
    })
  })

  it('normalizes reset and alias to identity and options only', () => {
    const reset = normalize({
      type: 'reset',
      integrations: { Intercom: { hideDefaultLauncher: true } },
    })
    expect(reset.status === 'normalized' && reset.event).toEqual({
      type: 'reset',
      user: {},
      options: { hideDefaultLauncher: true },
      optionPaths: { hideDefaultLauncher: 'integrations.Intercom.hideDefaultLauncher' },
    })
    const alias = normalize({ type: 'alias', userId: 'u2', previousId: 'u1' })
    expect(alias.status === 'normalized' && alias.event.type).toBe('alias')
  })
})

describe('normalize: purity', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (input, settings) => {
        normalize(input)
        normalize(input, { settings: settings as object })
      }),
    )
  })

  it('never throws on generated Segment events and settings', () => {
    fc.assert(
      fc.property(
        segmentEvent(),
        settingsArb(),
        fc.option(fc.integer(), { nil: undefined }),
        (event, settings, now) => {
          const options = now === undefined ? { settings } : { settings, now }
          const r = normalize(event, options)
          expect(['normalized', 'skipped', 'invalid']).toContain(r.status)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never mutates its input (deep-frozen events and settings)', () => {
    for (const event of SEED_EVENTS) {
      const settings = deepFreeze({
        richLinkProperties: ['link'],
        nestedValuesByKey: { address: 'drop' as const },
      })
      const frozen = deepFreeze(structuredClone(event))
      expect(() => normalize(frozen, { settings, now: 1 })).not.toThrow()
      expect(frozen).toEqual(event)
    }
    fc.assert(
      fc.property(segmentEvent(), settingsArb(), (event, settings) => {
        const before = structuredClone(event)
        normalize(deepFreeze(event), { settings: deepFreeze(settings) })
        expect(event).toEqual(before)
      }),
      { numRuns: 300 },
    )
  })

  it('reads no clock: two different system times give identical output', () => {
    const run = () => SEED_EVENTS.map((e) => normalize(e))
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'))
    const first = run()
    vi.setSystemTime(new Date('2030-06-15T12:34:56Z'))
    const second = run()
    expect(second).toEqual(first)
  })

  it('reads no clock on generated events either', () => {
    vi.useFakeTimers()
    fc.assert(
      fc.property(segmentEvent(), (event) => {
        vi.setSystemTime(0)
        const first = normalize(event)
        vi.setSystemTime(4102444800000)
        expect(normalize(event)).toEqual(first)
      }),
      { numRuns: 200 },
    )
  })
})

describe('normalize: what the encoders need, in the model', () => {
  it('carries options.now in epoch milliseconds, and nothing without it', () => {
    const ev = { type: 'track', userId: 'u1', event: 'E', timestamp: '2020-01-01T00:00:00Z' }
    const ms = normalize(ev, { now: 1700000000123 })
    expect(ms.status === 'normalized' && [ms.now, ms.nowMs]).toEqual([1700000000, 1700000000123])
    const date = normalize(ev, { now: new Date(1700000000123) })
    expect(date.status === 'normalized' && date.nowMs).toBe(1700000000123)
    const none = normalize(ev)
    expect(none.status === 'normalized' && [none.now, none.nowMs]).toEqual([1577836800, undefined])
  })

  it("carries a page's name, category and properties, as given", () => {
    const properties = { path: '/pricing', title: undefined }
    const r = normalize({ type: 'page', name: 'Pricing', category: 'Docs', properties })
    expect(r.status === 'normalized' && r.event).toEqual({
      type: 'page',
      user: {},
      options: {},
      optionPaths: {},
      name: 'Pricing',
      category: 'Docs',
      properties,
    })
    const bare = normalize({ type: 'screen', properties: { a: undefined } })
    expect(bare.status === 'normalized' && bare.event).toEqual({
      type: 'screen',
      user: {},
      options: {},
      optionPaths: {},
    })
  })

  it('types a track with its time as a TimedTrack', () => {
    const timed = normalize({ type: 'track', userId: 'u1', event: 'E', timestamp: 1577836800 })
    const untimed = normalize({ type: 'track', userId: 'u1', event: 'E' })
    if (timed.status !== 'normalized' || timed.event.type !== 'track') throw new Error('track')
    if (untimed.status !== 'normalized' || untimed.event.type !== 'track') throw new Error('track')
    expect(isTimed(timed.event) && timed.event.createdAt).toBe(1577836800)
    expect(isTimed(untimed.event)).toBe(false)
  })
})

describe('normalize: hostile input', () => {
  const codes = (ws: { code: string; path: string }[]) => ws.map((w) => [w.code, w.path])

  it('never throws, even on an input whose getter throws', () => {
    const input = {
      type: 'identify',
      get userId(): string {
        throw new Error('boom')
      },
    }
    expect(() => normalize(input)).not.toThrow()
  })

  it('keys named after Object.prototype members never throw, and are custom attributes or warned like any other key', () => {
    const proto = JSON.parse(
      '{"type":"identify","userId":"u","timestamp":"2020-01-01T00:00:00Z","integrations":{"Intercom":{"__proto__":1,"toString":2}},"traits":{"toString":"t","constructor":{"a":1},"valueOf":3,"__proto__":"p"}}',
    )
    const r = normalize(proto, { settings: { nestedValues: 'drop' } })
    if (r.status !== 'normalized' || r.event.type !== 'identify') throw new Error(r.status)
    expect(r.event.customAttributes).toEqual(
      JSON.parse('{"toString":"t","valueOf":3,"__proto__":"p"}'),
    )
    expect(codes(r.warnings)).toEqual([
      ['unknown_option', 'integrations.Intercom.__proto__'],
      ['unknown_option', 'integrations.Intercom.toString'],
      ['dropped_nested', 'traits.constructor'],
    ])
  })
})
