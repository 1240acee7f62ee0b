import { describe, expect, it } from 'vitest'
import type { NormalizedIdentify } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import type { Settings } from '../../src/settings/types.js'
import type { Warning } from '../../src/types.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800

function identify(
  traits: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  settings?: Settings,
): { event: NormalizedIdentify; warnings: Warning[] } {
  const r = normalize(
    { type: 'identify', userId: 'u1', timestamp: T, traits, ...extra },
    settings === undefined ? undefined : { settings },
  )
  if (r.status !== 'normalized' || r.event.type !== 'identify') {
    throw new Error(`expected a normalized identify, got ${r.status}`)
  }
  return { event: r.event, warnings: r.warnings }
}

const codes = (ws: Warning[]) => ws.map((w) => [w.code, w.path])

describe('identify: the seed example', () => {
  it('maps name, email, company and the Date.toString() createdAt', () => {
    const r = normalize({
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
    expect(r).toEqual({
      status: 'normalized',
      event: {
        type: 'identify',
        active: true,
        user: { userId: 'su3r73', email: 'avenger@example.com' },
        options: {},
        optionPaths: {},
        timestamp: T_S,
        name: 'Iñigo Montoya',
        signedUpAt: 1522086291,
        lastSeenAt: T_S,
        companies: [
          {
            companyId: '123',
            name: 'Iñigo & Friends Holding Company',
            customAttributes: {},
            remove: false,
            path: 'traits.company',
          },
        ],
        customAttributes: {},
      },
      settings: expect.objectContaining({ apiVersion: '2.16' }),
      now: T_S,
      warnings: [],
    })
  })
})

describe('identify: name', () => {
  it('uses traits.name as given', () => {
    expect(identify({ name: 'Iñigo Montoya' }).event.name).toBe('Iñigo Montoya')
  })

  it("joins first and last name, each trimmed (the seed's 'John ' + 'Jacob')", () => {
    expect(identify({ firstName: 'John ', lastName: 'Jacob' })).toMatchObject({
      event: { name: 'John Jacob' },
      warnings: [],
    })
    expect(identify({ firstName: '  Ben\t', lastName: '\nMcRedmond ' }).event.name).toBe(
      'Ben McRedmond',
    )
  })

  it('accepts the snake_case spellings', () => {
    expect(identify({ first_name: 'Ben', last_name: 'McRedmond' }).event.name).toBe('Ben McRedmond')
  })

  it('uses either one alone', () => {
    expect(identify({ firstName: 'Ben ' }).event.name).toBe('Ben')
    expect(identify({ lastName: ' McRedmond' }).event.name).toBe('McRedmond')
    expect(identify({ firstName: '  ', lastName: 'Jacob' }).event.name).toBe('Jacob')
  })

  it('sends no name when there is none', () => {
    expect(identify({}).event).not.toHaveProperty('name')
    expect(identify({ firstName: ' ', lastName: '' }).event).not.toHaveProperty('name')
  })

  it('prefers traits.name and warns that first and last name are not used', () => {
    const r = identify({ name: 'Ben McR', firstName: 'Ben', lastName: 'McRedmond' })
    expect(r.event.name).toBe('Ben McR')
    expect(codes(r.warnings)).toEqual([
      ['superseded', 'traits.firstName'],
      ['superseded', 'traits.lastName'],
    ])
  })

  it('falls back to first and last name when traits.name is not text', () => {
    const r = identify({ name: { full: 'x' }, firstName: 'Ben', lastName: 'McRedmond' })
    expect(r.event.name).toBe('Ben McRedmond')
    expect(codes(r.warnings)).toEqual([['dropped_value', 'traits.name']])
  })

  it('truncates a name over 255 characters', () => {
    const r = identify({ name: 'n'.repeat(300) })
    expect(r.event.name).toBe('n'.repeat(255))
    expect(codes(r.warnings)).toEqual([['truncated', 'traits.name']])
  })

  it('warns when two spellings of one field are given', () => {
    const r = identify({ firstName: 'Ben', first_name: 'Benjamin' })
    expect(r.event.name).toBe('Ben')
    expect(codes(r.warnings)).toEqual([['superseded', 'traits.first_name']])
  })
})

describe('identify: phone and avatar', () => {
  it('keeps phone and avatar text', () => {
    const r = identify({ phone: '+1 555 0100', avatar: 'https://example.com/a.png' })
    expect(r.event).toMatchObject({ phone: '+1 555 0100', avatar: 'https://example.com/a.png' })
    expect(r.event.customAttributes).toEqual({})
    expect(r.warnings).toEqual([])
  })

  it('sends a numeric phone as text, warned', () => {
    const r = identify({ phone: 5550100 })
    expect(r.event.phone).toBe('5550100')
    expect(r.warnings).toEqual([
      { code: 'converted', path: 'traits.phone', message: 'Number 5550100 sent as text' },
    ])
  })

  // One text rule for identify and company fields (issue 8): a number in a text field is
  // sent as its text, warned; before, identify did this for phone only and dropped the rest.
  it('sends a numeric name as text, warned, like a numeric phone or company field', () => {
    const r = identify({ firstName: 42, lastName: 'Smith' })
    expect(r.event.name).toBe('42 Smith')
    expect(r.warnings).toEqual([
      { code: 'converted', path: 'traits.firstName', message: 'Number 42 sent as text' },
    ])
  })

  it('drops a numeric email (an identifier is never converted), warned', () => {
    const r = identify({ email: 5 })
    expect(r.event.user).toEqual({ userId: 'u1' })
    expect(r.warnings).toEqual([
      {
        code: 'dropped_value',
        path: 'traits.email',
        message: '"email" must be text, got number; dropped',
      },
    ])
  })

  it('drops a non-text avatar, warned', () => {
    const r = identify({ avatar: { image_url: 'https://example.com/a.png' } })
    expect(r.event).not.toHaveProperty('avatar')
    expect(codes(r.warnings)).toEqual([['dropped_value', 'traits.avatar']])
  })
})

describe('identify: createdAt → signedUpAt (unix seconds, floored)', () => {
  it.each([
    ['ISO 8601', '2018-03-26T17:44:51Z', 1522086291],
    ['ISO 8601 with milliseconds, rounded down', '2018-03-26T17:44:51.900Z', 1522086291],
    ['ISO 8601 with an offset', '2018-03-26T19:44:51+02:00', 1522086291],
    ['Date.prototype.toString() (the seed)', 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)', 1522086291],
    ['the disassociate example', 'Thu Mar 24 2016 17:46:45 GMT+0000 (UTC)', 1458841605],
    ['epoch seconds', 1522086291, 1522086291],
    ['epoch milliseconds (the seed python example)', 1363902294011, 1363902294],
    ['a Date', new Date('2018-03-26T17:44:51.999Z'), 1522086291],
  ])('%s', (_, createdAt, expected) => {
    const r = identify({ createdAt })
    expect(r.event.signedUpAt).toBe(expected)
    expect(r.warnings).toEqual([])
  })

  it('accepts signedUpAt and the snake_case spellings', () => {
    expect(identify({ signedUpAt: 1522086291 }).event.signedUpAt).toBe(1522086291)
    expect(identify({ created_at: 1522086291 }).event.signedUpAt).toBe(1522086291)
    expect(identify({ signed_up_at: '2018-03-26T17:44:51Z' }).event.signedUpAt).toBe(1522086291)
  })

  it.each([['not a date'], ['2018-02-30'], [true], [new Date(Number.NaN)], [{}]])(
    'omits an unparseable createdAt (%j) with a warning',
    (createdAt) => {
      const r = identify({ createdAt })
      expect(r.event).not.toHaveProperty('signedUpAt')
      expect(r.warnings).toEqual([
        { code: 'invalid_date', path: 'traits.createdAt', message: 'Not a date; dropped' },
      ])
    },
  )

  it('is not a custom attribute', () => {
    expect(identify({ createdAt: 1522086291 }).event.customAttributes).toEqual({})
  })
})

describe('identify: custom attributes', () => {
  it('sends every non-standard trait as a custom attribute', () => {
    const r = identify({
      plan: 'Premium',
      logins: 3,
      vip: true,
      referrer: null,
      email: 'a@example.com',
    })
    expect(r.event.customAttributes).toEqual({
      plan: 'Premium',
      logins: 3,
      vip: true,
      referrer: null,
    })
    expect(r.warnings).toEqual([])
  })

  it('flattens nested traits with _ (address_city, tags_0)', () => {
    const r = identify({ address: { city: 'Paris', postalCode: '75001' }, tags: ['beta', 'vip'] })
    expect(r.event.customAttributes).toEqual({
      address_city: 'Paris',
      address_postalCode: '75001',
      tags_0: 'beta',
      tags_1: 'vip',
    })
    // One warning per value sent, at its own input path (issue 9 item 14).
    expect(codes(r.warnings)).toEqual([
      ['flattened', 'traits.address.city'],
      ['flattened', 'traits.address.postalCode'],
      ['flattened', 'traits.tags.0'],
      ['flattened', 'traits.tags.1'],
    ])
  })

  it('follows nestedValues and nestedValuesByKey', () => {
    const traits = { address: { city: 'Paris' }, labels: ['beta'] }
    expect(identify(traits, {}, { nestedValues: 'stringify' }).event.customAttributes).toEqual({
      address: '{"city":"Paris"}',
      labels: '["beta"]',
    })
    expect(
      identify(traits, {}, { nestedValues: 'drop', nestedValuesByKey: { labels: 'flatten' } }).event
        .customAttributes,
    ).toEqual({ labels_0: 'beta' })
  })

  it('truncates or drops long strings per longValues', () => {
    const bio = `${'x'.repeat(254)}😀😀`
    expect(identify({ bio }).event.customAttributes).toEqual({ bio: `${'x'.repeat(254)}😀` })
    expect(identify({ bio }, {}, { longValues: 'drop' }).event.customAttributes).toEqual({})
  })

  it('rewrites keys with . and $ and never overwrites on a collision', () => {
    const r = identify({ 'plan.tier': 'gold', plan_tier: 'silver', $source: 'ads' })
    expect(r.event.customAttributes).toEqual({ plan_tier: 'gold', _source: 'ads' })
    expect(codes(r.warnings)).toEqual([
      ['renamed_key', 'traits.plan.tier'],
      ['key_collision', 'traits.plan_tier'],
      ['renamed_key', 'traits.$source'],
    ])
  })
})

describe('identify: collectContext', () => {
  const context = {
    device: { type: 'ios', manufacturer: 'Apple', model: 'iPhone15,2', id: 'dev-1' },
    os: { name: 'iOS', version: '17.2' },
    app: { name: 'Shop', version: '3.1.0', build: '310' },
    ip: '192.168.0.1',
  }

  it('adds the seven context fields as custom attributes when on', () => {
    const r = identify({ plan: 'pro' }, { context }, { collectContext: true })
    expect(r.event.customAttributes).toEqual({
      plan: 'pro',
      device_type: 'ios',
      device_manufacturer: 'Apple',
      device_model: 'iPhone15,2',
      os_name: 'iOS',
      os_version: '17.2',
      app_name: 'Shop',
      app_version: '3.1.0',
    })
    expect(r.warnings).toEqual([])
  })

  it('adds nothing by default', () => {
    expect(identify({ plan: 'pro' }, { context }).event.customAttributes).toEqual({ plan: 'pro' })
  })

  it('adds only the fields that are present', () => {
    const r = identify({}, { context: { os: { name: 'Android' } } }, { collectContext: true })
    expect(r.event.customAttributes).toEqual({ os_name: 'Android' })
  })

  it('does not let a context field overwrite a trait of the same name', () => {
    const r = identify(
      { os_name: 'set-by-app' },
      { context: { os: { name: 'iOS' } } },
      { collectContext: true },
    )
    expect(r.event.customAttributes).toEqual({ os_name: 'set-by-app' })
    expect(codes(r.warnings)).toEqual([['key_collision', 'context.os.name']])
  })
})

describe('identify: ip and user agent', () => {
  it('reads context.ip and context.userAgent', () => {
    const r = identify({}, { context: { ip: '192.168.0.1', userAgent: 'Mozilla/5.0' } })
    expect(r.event).toMatchObject({ ip: '192.168.0.1', userAgent: 'Mozilla/5.0' })
  })

  it('ignores empty ones', () => {
    const r = identify({}, { context: { ip: '', userAgent: '' } })
    expect(r.event).not.toHaveProperty('ip')
    expect(r.event).not.toHaveProperty('userAgent')
  })
})

describe('identify: companies', () => {
  it('reads traits.company and traits.companies in order', () => {
    const r = identify({
      company: 'Segment',
      companies: [
        { id: 'c2', name: 'Two' },
        { company_id: 'c3', plan: 'pro' },
      ],
    })
    expect(r.event.companies).toEqual([
      {
        companyId: '2017828326',
        name: 'Segment',
        customAttributes: {},
        remove: false,
        path: 'traits.company',
      },
      {
        companyId: 'c2',
        name: 'Two',
        customAttributes: {},
        remove: false,
        path: 'traits.companies.0',
      },
      {
        companyId: 'c3',
        plan: 'pro',
        customAttributes: {},
        remove: false,
        path: 'traits.companies.1',
      },
    ])
    expect(r.event.customAttributes).toEqual({})
  })

  it("maps the seed's disassociate example (id: 12345, remove: true)", () => {
    const r = normalize({
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
    expect(r.status).toBe('normalized')
    if (r.status !== 'normalized' || r.event.type !== 'identify') return
    expect(r.event).toMatchObject({
      user: { userId: '019mr8mf4r', email: 'mbolton@example.com' },
      name: 'Michael Bolton',
      signedUpAt: 1458841605,
      customAttributes: { plan: 'Enterprise' },
      companies: [
        { companyId: '12345', customAttributes: {}, remove: true, path: 'traits.company' },
      ],
    })
    expect(r.warnings).toEqual([
      { code: 'converted', path: 'traits.company.id', message: 'Number 12345 sent as text' },
    ])
  })

  // Defect (issue 8, a property-test counterexample): the same company id in
  // traits.company and traits.companies gave two companies; the targets sent the id twice.
  it('keeps the first company of an id given twice and warns about the later one', () => {
    const r = identify({ company: { id: 25 }, companies: [{ '!': '', id: 25 }] })
    expect(r.event.companies).toEqual([
      { companyId: '25', customAttributes: {}, remove: false, path: 'traits.company' },
    ])
    expect(codes(r.warnings)).toEqual([
      ['converted', 'traits.company.id'],
      ['renamed_key', 'traits.companies.0.!'],
      ['converted', 'traits.companies.0.id'],
      ['superseded', 'traits.companies.0'],
    ])
    expect(r.warnings[3]?.message).toBe('"traits.company" is used for company id "25"; ignored')
  })

  it('drops companies that are not an array, and unusable entries, with warnings', () => {
    expect(codes(identify({ companies: { id: 'c1' } }).warnings)).toEqual([
      ['dropped_value', 'traits.companies'],
    ])
    const r = identify({ companies: [null, { plan: 'pro' }, { id: 'ok' }] })
    expect(r.event.companies.map((c) => c.companyId)).toEqual(['ok'])
    expect(codes(r.warnings)).toEqual([
      ['dropped_company', 'traits.companies.0'],
      ['dropped_company', 'traits.companies.1'],
    ])
  })
})

describe('identify: date-named custom attributes and name fallback', () => {
  it('an epoch-milliseconds number under a date-named key becomes unix seconds, like the same digits as text', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { trial_ends_at: 1363902294011, trial_started_at: '1363902294011' },
    })
    expect(
      r.status === 'normalized' && r.event.type === 'identify' && r.event.customAttributes,
    ).toEqual({
      trial_ends_at: 1363902294,
      trial_started_at: 1363902294,
    })
    expect(codes(r.warnings)).toEqual([
      ['date_converted', 'traits.trial_ends_at'],
      // Digits in text have no unit: the magnitude decides, and the guess is warned (issue 9).
      ['ambiguous_date', 'traits.trial_started_at'],
      ['date_converted', 'traits.trial_started_at'],
    ])
  })

  it('an empty traits.name falls back to first and last name', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { name: '', firstName: 'John ', lastName: 'Jacob' },
    })
    expect(r.status === 'normalized' && r.event.type === 'identify' && r.event.name).toBe(
      'John Jacob',
    )
  })
})
