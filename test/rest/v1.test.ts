import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { segmentEvent } from '../../src/arbitraries/index.js'
import { REST_BASE_URL } from '../../src/intercom/rest-hosts.js'
import { type RestMapping, toRest } from '../../src/rest/to-rest.js'
import type { IntercomRequest } from '../../src/rest/types.js'
import type { Settings } from '../../src/settings/types.js'
import type { MapOptions, Warning } from '../../src/types.js'
import { deepFreeze } from '../helpers/freeze.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800
const V14: Settings = { apiVersion: '1.4' }
const HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'Intercom-Version': '1.4',
}

/** The mapping's requests when every one is answered 200, and the outcome. */
function run(mapping: RestMapping, answer = { status: 200, body: {} }) {
  if (mapping.status !== 'mapped') throw new Error(`expected mapped, got ${mapping.status}`)
  const ex = mapping.exchange()
  const requests: IntercomRequest[] = []
  let step = ex.next()
  while (!step.done) {
    requests.push(step.value)
    step = ex.next(answer)
  }
  return { requests, outcome: step.value, warnings: mapping.warnings }
}

/** The one request a 1.4 mapping sends. */
function only(event: Record<string, unknown>, options: MapOptions = {}) {
  const { requests, outcome, warnings } = run(
    toRest(event, { ...options, settings: { ...V14, ...options.settings } }),
  )
  expect(requests).toHaveLength(1)
  expect(outcome).toEqual({ status: 'delivered', requests: 1, warnings, learned: { version: 1 } })
  return {
    request: requests[0] as IntercomRequest,
    warnings: warnings.map((w) => [w.code, w.path]),
  }
}

const users = (body: Record<string, unknown>): IntercomRequest => ({
  method: 'POST',
  url: 'https://api.intercom.io/users',
  path: '/users',
  headers: HEADERS,
  body,
})

describe('1.4 identify → one POST /users', () => {
  it('sends every mapped field', () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: {
        email: 'ben@intercom.io',
        firstName: 'Ben',
        lastName: 'McRedmond',
        phone: '+1 555 0100',
        createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
        plan: 'Premium',
        address: { city: 'Dublin' },
        company: {
          id: 'c1',
          name: 'Intercom',
          plan: 'pro',
          monthlySpend: 10,
          employees: 3,
          founded: 2011,
        },
        companies: [{ id: 'c2', remove: true }],
      },
      context: {
        ip: '192.168.0.1',
        userAgent: 'Mozilla/5.0',
        Intercom: { unsubscribedFromEmails: true },
      },
    })
    expect(request).toEqual(
      users({
        user_id: 'u1',
        email: 'ben@intercom.io',
        name: 'Ben McRedmond',
        phone: '+1 555 0100',
        signed_up_at: 1522086291,
        last_request_at: T_S,
        last_seen_ip: '192.168.0.1',
        last_seen_user_agent: 'Mozilla/5.0',
        unsubscribed_from_emails: true,
        companies: [
          {
            company_id: 'c1',
            name: 'Intercom',
            plan: 'pro',
            monthly_spend: 10,
            size: 3,
            custom_attributes: { founded: 2011 },
          },
          { company_id: 'c2', remove: true },
        ],
        custom_attributes: { plan: 'Premium', address_city: 'Dublin' },
      }),
    )
    expect(warnings).toEqual([['flattened', 'traits.address.city']])
  })

  it("maps the seed's identify example (string-hash-free company, Date.toString() createdAt)", () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: 'su3r73',
      timestamp: T,
      traits: {
        name: 'Iñigo Montoya',
        email: 'avenger@example.com',
        company: { id: '123', name: 'Iñigo & Friends Holding Company' },
        createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      },
    })
    expect(request).toEqual(
      users({
        user_id: 'su3r73',
        email: 'avenger@example.com',
        name: 'Iñigo Montoya',
        signed_up_at: 1522086291,
        last_request_at: T_S,
        companies: [{ company_id: '123', name: 'Iñigo & Friends Holding Company' }],
      }),
    )
    expect(warnings).toEqual([])
  })

  it("maps the seed's disassociate example: companies[].remove", () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: '019mr8mf4r',
      timestamp: T,
      traits: {
        name: 'Michael Bolton',
        email: 'mbolton@example.com',
        plan: 'Enterprise',
        company: { id: 12345, remove: true },
        createdAt: 'Thu Mar 24 2016 17:46:45 GMT+0000 (UTC)',
      },
    })
    expect(request.body).toEqual({
      user_id: '019mr8mf4r',
      email: 'mbolton@example.com',
      name: 'Michael Bolton',
      signed_up_at: 1458841605,
      last_request_at: T_S,
      companies: [{ company_id: '12345', remove: true }],
      custom_attributes: { plan: 'Enterprise' },
    })
    expect(warnings).toEqual([['converted', 'traits.company.id']])
  })

  it("maps the seed's python example: active false, ip and user agent still sent", () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: 'some_user_id',
      traits: {
        email: 'ben@intercom.io',
        firstName: 'Ben',
        lastName: 'McRedmond',
        createdAt: 1363902294011,
        plan: 'Premium',
      },
      context: {
        ip: '192.168.0.1',
        active: false,
        userAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.47 Safari/537.36',
      },
    })
    expect(request.body).toEqual({
      user_id: 'some_user_id',
      email: 'ben@intercom.io',
      name: 'Ben McRedmond',
      signed_up_at: 1363902294,
      last_seen_ip: '192.168.0.1',
      last_seen_user_agent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.47 Safari/537.36',
      custom_attributes: { plan: 'Premium' },
    })
    expect(warnings).toEqual([])
  })

  it("maps the seed's node.js unsubscribe example", () => {
    const { request } = only(
      {
        type: 'identify',
        userId: '4832094283057439285723523452345',
        anonymousId: '43254364571',
        context: { Intercom: { unsubscribedFromEmails: true } },
        traits: { firstName: 'John ', lastName: 'Jacob', email: 'jingleheimer@schmidt.com' },
      },
      { now: Date.UTC(2024, 0, 1) },
    )
    expect(request.body).toEqual({
      user_id: '4832094283057439285723523452345',
      email: 'jingleheimer@schmidt.com',
      name: 'John Jacob',
      last_request_at: Date.UTC(2024, 0, 1) / 1000,
      unsubscribed_from_emails: true,
    })
  })

  it('maps the iOS spelling integrations.intercom.unsubscribed', () => {
    const { request } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      integrations: { intercom: { unsubscribed: false } },
    })
    expect(request.body).toEqual({
      user_id: 'u1',
      last_request_at: T_S,
      unsubscribed_from_emails: false,
    })
  })

  it('upserts by email when there is no userId', () => {
    const { request } = only({ type: 'identify', timestamp: T, traits: { email: 'a@example.com' } })
    expect(request.body).toEqual({ email: 'a@example.com', last_request_at: T_S })
  })

  it('derives company_id from a company name ("Segment" → "2017828326")', () => {
    const { request } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { company: 'Segment' },
    })
    expect(request.body?.companies).toEqual([{ company_id: '2017828326', name: 'Segment' }])
  })

  it('sends a company createdAt as remote_created_at and monthly_spend/size/website/industry', () => {
    const { request } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: {
        company: {
          id: 'c1',
          createdAt: '2018-03-26T17:44:51Z',
          monthly_spend: 99,
          size: 5,
          website: 'https://acme.example',
          industry: 'Anvils',
        },
      },
    })
    expect(request.body?.companies).toEqual([
      {
        company_id: 'c1',
        remote_created_at: 1522086291,
        monthly_spend: 99,
        size: 5,
        website: 'https://acme.example',
        industry: 'Anvils',
      },
    ])
  })

  it('omits last_request_at, warned, with neither timestamp nor options.now', () => {
    const { request, warnings } = only({ type: 'identify', userId: 'u1' })
    expect(request.body).toEqual({ user_id: 'u1' })
    expect(warnings).toEqual([['no_last_seen', 'timestamp']])
  })

  it('uses traits.lastRequestAt for last_request_at', () => {
    const { request } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { lastRequestAt: 1500000000 },
    })
    expect(request.body).toEqual({ user_id: 'u1', last_request_at: 1500000000 })
  })

  it('warns that 1.4 cannot set an avatar', () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { avatar: 'https://example.com/a.png' },
    })
    expect(request.body).toEqual({ user_id: 'u1', last_request_at: T_S })
    expect(warnings).toEqual([['unsupported_field', 'traits.avatar']])
  })

  it('warns about each device-only Intercom option it cannot send', () => {
    const { request, warnings } = only({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      integrations: {
        All: false,
        Intercom: {
          user_hash: 'h',
          hideDefaultLauncher: true,
          language_override: 'fr',
          intercom_user_jwt: 'j',
        },
      },
    })
    expect(request.body).toEqual({ user_id: 'u1', last_request_at: T_S })
    expect(warnings).toEqual([
      ['unsupported_field', 'integrations.Intercom.user_hash'],
      ['unsupported_field', 'integrations.Intercom.intercom_user_jwt'],
      ['unsupported_field', 'integrations.Intercom.hideDefaultLauncher'],
      ['unsupported_field', 'integrations.Intercom.language_override'],
    ])
  })

  it('adds collectContext attributes to custom_attributes', () => {
    const { request } = only(
      {
        type: 'identify',
        userId: 'u1',
        timestamp: T,
        context: {
          device: { type: 'android', manufacturer: 'Google', model: 'Pixel 8' },
          os: { name: 'Android', version: '14' },
          app: { name: 'Shop', version: '2.0' },
        },
      },
      { settings: { collectContext: true } },
    )
    expect(request.body?.custom_attributes).toEqual({
      device_type: 'android',
      device_manufacturer: 'Google',
      device_model: 'Pixel 8',
      os_name: 'Android',
      os_version: '14',
      app_name: 'Shop',
      app_version: '2.0',
    })
  })
})

describe('1.4 track → one POST /events', () => {
  it('sends event_name, created_at, user_id and metadata', () => {
    const { request, warnings } = only({
      type: 'track',
      userId: 'u1',
      event: 'Order Completed',
      timestamp: '2018-03-26T17:44:51.900Z',
      properties: { revenue: 19.99, currency: 'EUR', orderId: 'o-1', gift: true },
    })
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.intercom.io/events',
      path: '/events',
      headers: HEADERS,
      body: {
        event_name: 'Order Completed',
        created_at: 1522086291,
        user_id: 'u1',
        metadata: { price: { amount: 1999, currency: 'EUR' }, orderId: 'o-1', gift: 'true' },
      },
    })
    expect(warnings).toEqual([['converted', 'properties.gift']])
  })

  it('identifies the user by email when there is no userId', () => {
    const { request } = only({
      type: 'track',
      event: 'Signed Up',
      timestamp: T,
      context: { traits: { email: 'a@example.com' } },
    })
    expect(request.body).toEqual({
      event_name: 'Signed Up',
      created_at: T_S,
      email: 'a@example.com',
    })
  })

  it('sends only user_id when both are known', () => {
    const { request } = only({
      type: 'track',
      userId: 'u1',
      event: 'E',
      timestamp: T,
      properties: { email: 'a@example.com' },
    })
    expect(request.body).toEqual({
      event_name: 'E',
      created_at: T_S,
      user_id: 'u1',
      metadata: { email: 'a@example.com' },
    })
  })

  it('uses options.now as created_at when there is no timestamp', () => {
    const { request } = only(
      { type: 'track', userId: 'u1', event: 'E' },
      { now: new Date('2024-01-01T00:00:00.999Z') },
    )
    expect(request.body).toEqual({
      event_name: 'E',
      created_at: Date.UTC(2024, 0, 1) / 1000,
      user_id: 'u1',
    })
  })

  it("pins the seed's Product Purchased example", () => {
    const { request, warnings } = only({
      type: 'track',
      userId: 'u1',
      event: 'Product Purchased',
      timestamp: T,
      properties: {
        order_ID: '2969302398',
        category: 'boots',
        product_name: 'yellow_cowboy_boots',
        price: 99.95,
        currency: 'EUR',
      },
    })
    expect(request.body).toEqual({
      event_name: 'Product Purchased',
      created_at: T_S,
      user_id: 'u1',
      metadata: {
        order_ID: '2969302398',
        category: 'boots',
        product_name: 'yellow_cowboy_boots',
        price: 99.95,
        currency: 'EUR',
      },
    })
    expect(warnings).toEqual([])
  })
})

describe('1.4 group', () => {
  it('with a user: one POST /users carrying the full company', () => {
    const { request, warnings } = only({
      type: 'group',
      userId: 'u1',
      groupId: 'companyId123',
      timestamp: T,
      traits: {
        name: 'Segment',
        plan: 'Enterprise',
        monthly_spend: 1000,
        createdAt: '2018-03-26T17:44:51Z',
        employees: 100,
        website: 'https://segment.com',
        industry: 'Software',
        region: 'US',
      },
    })
    expect(request).toEqual(
      users({
        user_id: 'u1',
        last_request_at: T_S,
        companies: [
          {
            company_id: 'companyId123',
            name: 'Segment',
            plan: 'Enterprise',
            monthly_spend: 1000,
            remote_created_at: 1522086291,
            size: 100,
            website: 'https://segment.com',
            industry: 'Software',
            custom_attributes: { region: 'US' },
          },
        ],
      }),
    )
    expect(warnings).toEqual([])
  })

  it('with a user and context.active false: no last_request_at', () => {
    const { request } = only({
      type: 'group',
      userId: 'u1',
      groupId: 'g1',
      timestamp: T,
      context: { active: false },
    })
    expect(request.body).toEqual({ user_id: 'u1', companies: [{ company_id: 'g1' }] })
  })

  it('with only an email: upserts the user by email', () => {
    const { request } = only({
      type: 'group',
      groupId: 'g1',
      timestamp: T,
      context: { traits: { email: 'a@example.com' } },
    })
    expect(request.body).toEqual({
      email: 'a@example.com',
      last_request_at: T_S,
      companies: [{ company_id: 'g1' }],
    })
  })

  it('with a user and remove: true: detaches through companies[].remove', () => {
    const { request, warnings } = only({
      type: 'group',
      userId: 'u1',
      groupId: 'g1',
      timestamp: T,
      traits: { name: 'Acme', remove: true },
    })
    expect(request.body).toEqual({
      user_id: 'u1',
      last_request_at: T_S,
      companies: [{ company_id: 'g1', name: 'Acme', remove: true }],
    })
    expect(warnings).toEqual([])
  })

  it('without a user: remove: true is not sent to POST /companies, warned', () => {
    const { request, warnings } = only({ type: 'group', groupId: 'g1', traits: { remove: true } })
    expect(request.path).toBe('/companies')
    expect(request.body).toEqual({ company_id: 'g1' })
    expect(warnings).toEqual([
      ['dropped_value', 'traits.remove'],
      ['no_user', 'userId'],
    ])
  })

  it('without a user: POST /companies', () => {
    const { request, warnings } = only({
      type: 'group',
      groupId: 'g1',
      anonymousId: 'a1',
      traits: { name: 'Segment', plan: 'pro' },
    })
    expect(request).toEqual({
      method: 'POST',
      url: 'https://api.intercom.io/companies',
      path: '/companies',
      headers: HEADERS,
      body: { company_id: 'g1', name: 'Segment', plan: 'pro' },
    })
    expect(warnings).toEqual([['no_user', 'userId']])
  })
})

describe('1.4: types REST does not send', () => {
  it.each([
    ['page', { type: 'page', userId: 'u1', name: 'Home' }],
    ['screen', { type: 'screen', userId: 'u1', name: 'Home' }],
    ['alias', { type: 'alias', userId: 'u2', previousId: 'u1' }],
    ['reset', { type: 'reset' }],
  ])('skips %s as unsupported_type', (_, event) => {
    const r = toRest(event, { settings: V14 })
    expect(r).toMatchObject({ status: 'skipped', reason: 'unsupported_type', warnings: [] })
  })

  it('skips an event the integrations object disables', () => {
    expect(
      toRest(
        { type: 'identify', userId: 'u1', integrations: { Intercom: false } },
        { settings: V14 },
      ),
    ).toEqual({
      status: 'skipped',
      reason: 'disabled',
      message: 'The integrations object disables Intercom for this event',
      warnings: [],
    })
    expect(
      toRest({ type: 'identify', userId: 'u1', integrations: { All: false } }, { settings: V14 })
        .status,
    ).toBe('skipped')
  })

  it('returns parse errors as invalid', () => {
    expect(toRest({ type: 'launch' }, { settings: V14 })).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'unknown_type', path: 'type' }],
    })
  })
})

describe('1.4 requests: headers and URL', () => {
  const event = { type: 'track', userId: 'u1', event: 'E', timestamp: T }

  it.each([
    ['us', 'https://api.intercom.io'],
    ['eu', 'https://api.eu.intercom.io'],
    ['au', 'https://api.au.intercom.io'],
  ] as const)('uses the %s base URL', (region, base) => {
    const { request } = only(event, { settings: { region } })
    expect(request.url).toBe(`${base}/events`)
    expect(REST_BASE_URL[region]).toBe(base)
  })

  it('sends Accept, Content-Type and Intercom-Version 1.4, and never Authorization', () => {
    for (const e of [
      event,
      { type: 'identify', userId: 'u1', timestamp: T },
      { type: 'group', groupId: 'g1', timestamp: T },
      { type: 'group', userId: 'u1', groupId: 'g1', timestamp: T },
    ]) {
      const { request } = only(e)
      expect(request.headers).toEqual(HEADERS)
      expect(Object.keys(request.headers).some((h) => h.toLowerCase() === 'authorization')).toBe(
        false,
      )
    }
  })
})

describe('1.4 exchange()', () => {
  it('returns a fresh conversation each call', () => {
    const mapping = toRest({ type: 'identify', userId: 'u1', timestamp: T }, { settings: V14 })
    expect(mapping.status).toBe('mapped')
    if (mapping.status !== 'mapped') return
    const a = mapping.exchange()
    const b = mapping.exchange()
    // (not expect(a).not.toBe(b): comparing generators would iterate them)
    expect(a === b).toBe(false)
    const first = a.next()
    expect(first.done).toBe(false)
    // Finishing one conversation leaves the other at its start.
    expect(a.next({ status: 500 })).toMatchObject({
      done: true,
      value: { status: 'retry', code: 'server_error' },
    })
    expect(b.next()).toEqual(first)
    expect(b.next({ status: 200 })).toEqual({
      done: true,
      value: { status: 'delivered', requests: 1, warnings: [], learned: { version: 1 } },
    })
    expect(run(mapping).requests).toEqual([first.value])
  })

  it("returns a copy of the mapping's warnings in the outcome", () => {
    const mapping = toRest({ type: 'identify', userId: 'u1' }, { settings: V14 })
    const { outcome, warnings } = run(mapping)
    expect(outcome).toEqual({ status: 'delivered', requests: 1, warnings, learned: { version: 1 } })
    if (outcome.status === 'delivered') expect(outcome.warnings).not.toBe(warnings)
  })
})

describe('toRest (1.4): purity', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  const SAMPLES: Record<string, unknown>[] = [
    {
      type: 'identify',
      userId: 'u1',
      traits: { name: 'A', company: 'Segment', tags: ['x'] },
      context: { ip: '1.1.1.1' },
    },
    {
      type: 'track',
      userId: 'u1',
      event: 'E',
      timestamp: T,
      properties: { revenue: '$45.00', a: { b: 1 } },
    },
    { type: 'group', userId: 'u1', groupId: 'g1', traits: { name: 'Segment' } },
    { type: 'group', groupId: 'g1' },
  ]

  /** Everything a mapping produces, as data. */
  function snapshot(event: unknown, options?: MapOptions) {
    const r = toRest(event, options)
    if (r.status !== 'mapped') return r
    return run(r)
  }

  it('never mutates its input', () => {
    for (const event of SAMPLES) {
      const frozen = deepFreeze(structuredClone(event))
      const settings = deepFreeze({ apiVersion: '1.4', richLinkProperties: ['link'] })
      expect(() => snapshot(frozen, { settings })).not.toThrow()
      expect(frozen).toEqual(event)
    }
  })

  it('reads no clock', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'))
    const first = SAMPLES.map((e) => snapshot(e, { settings: V14 }))
    vi.setSystemTime(new Date('2039-12-31T23:59:59Z'))
    expect(SAMPLES.map((e) => snapshot(e, { settings: V14 }))).toEqual(first)
  })

  it('never throws, on anything or on generated events', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        toRest(input, { settings: V14 })
      }),
    )
    fc.assert(
      fc.property(
        segmentEvent(),
        fc.option(fc.integer({ min: 0, max: 4102444800000 }), { nil: undefined }),
        (event, now) => {
          const options: MapOptions = now === undefined ? { settings: V14 } : { settings: V14, now }
          const r = toRest(deepFreeze(event), options)
          expect(['mapped', 'skipped', 'invalid']).toContain(r.status)
          if (r.status === 'mapped') {
            const { requests } = run(r)
            expect(requests).toHaveLength(1)
            const w: Warning[] = r.warnings
            expect(Array.isArray(w)).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('1.4: frozen descriptors, options not sent, group without a user', () => {
  const codes = (ws: { code: string; path: string }[]) => ws.map((w) => [w.code, w.path])

  function firstRequest(event: Record<string, unknown>) {
    const m = toRest(event, { settings: V14 })
    if (m.status !== 'mapped') throw new Error(m.status)
    return { request: m.exchange().next().value as IntercomRequest, warnings: m.warnings }
  }

  it('request descriptors and their headers are frozen: a host cannot write credentials into one and leak them into the next exchange', () => {
    const m = toRest(
      { type: 'identify', userId: 'u1', timestamp: T, traits: { a: 1 } },
      { settings: V14 },
    )
    if (m.status !== 'mapped') throw new Error(m.status)
    const first = m.exchange().next().value as IntercomRequest
    const pristine = structuredClone(first)
    expect(() => {
      first.headers.Authorization = 'Bearer secret'
    }).toThrow(TypeError)
    expect(() => {
      ;(first as { url: string }).url = 'https://evil.example'
    }).toThrow(TypeError)
    expect({ ...first.headers, Authorization: 'Bearer secret' }).toMatchObject(pristine.headers)
    expect(m.exchange().next().value).toEqual(pristine)
  })

  it('an Intercom option REST does not send on this call type (unsubscribedFromEmails on track) is warned', () => {
    const { request, warnings } = firstRequest({
      type: 'track',
      userId: 'u1',
      event: 'E',
      timestamp: T,
      context: { Intercom: { unsubscribedFromEmails: true } },
    })
    expect(request.body).toEqual({ event_name: 'E', created_at: 1577836800, user_id: 'u1' })
    expect(codes(warnings)).toEqual([
      ['unsupported_field', 'context.Intercom.unsubscribedFromEmails'],
    ])
  })

  it('a 1.4 group without a user warns no_user, like 2.x (Intercom shows a company once it has a user)', () => {
    const { request, warnings } = firstRequest({ type: 'group', groupId: 'g1', timestamp: T })
    expect(request.path).toBe('/companies')
    expect(codes(warnings)).toEqual([['no_user', 'userId']])
  })
})
