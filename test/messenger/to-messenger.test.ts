import { describe, expect, it } from 'vitest'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../src/intercom/attribute-names.js'
import { toMessenger } from '../../src/messenger/to-messenger.js'
import type {
  MessengerCall,
  MessengerMapping,
  MessengerOptions,
} from '../../src/messenger/types.js'
import type { Settings } from '../../src/settings/types.js'
import type { Warning } from '../../src/types.js'

const APP = '9iefb489'
const settings: Settings = { appId: APP }

function calls(event: unknown, options: Partial<MessengerOptions> = {}): MessengerCall[] {
  const r = toMessenger(event, { settings, ...options })
  if (r.status !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(r)}`)
  return r.calls
}

function mapped(event: unknown, options: Partial<MessengerOptions> = {}) {
  const r = toMessenger(event, { settings, ...options })
  if (r.status !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(r)}`)
  return r
}

const codesAt = (r: { warnings: Warning[] }, path: string) =>
  r.warnings.filter((w) => w.path === path).map((w) => w.code)

describe('toMessenger: settings', () => {
  it('needs settings.appId', () => {
    const r = toMessenger({ type: 'page' })
    expect(r).toEqual({
      status: 'invalid',
      errors: [{ code: 'missing_setting', path: 'settings.appId', message: expect.any(String) }],
      warnings: [],
    })
    expect(toMessenger({ type: 'page' }, { settings: { region: 'eu' } }).status).toBe('invalid')
  })

  it('adds the appId error to the errors of an invalid event', () => {
    const r = toMessenger({ type: 'track' }, { settings: {} })
    expect(r.status).toBe('invalid')
    if (r.status !== 'invalid') return
    expect(r.errors.map((e) => e.path)).toEqual(['event', 'settings.appId'])
  })

  it('reports a missing appId even when the event would be skipped', () => {
    const disabled = { type: 'page', integrations: { Intercom: false } }
    expect(toMessenger(disabled).status).toBe('invalid')
    expect(toMessenger(disabled, { settings }).status).toBe('skipped')
  })

  it('leaves a wrongly typed appId to the settings check', () => {
    const r = toMessenger({ type: 'page' }, { settings: { appId: 42 } as unknown as Settings })
    expect(r.status === 'invalid' && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['invalid_setting', 'settings.appId'],
    ])
    const notAnObject = toMessenger({ type: 'page' }, { settings: 'x' as unknown as Settings })
    expect(notAnObject.status === 'invalid' && notAnObject.errors.map((e) => e.path)).toEqual([
      'settings',
    ])
  })
})

describe('toMessenger: unreadable settings (regression: it threw)', () => {
  it('returns the unreadable error instead of throwing on a throwing appId getter', () => {
    const hostile = {
      get appId(): string {
        throw new Error('boom')
      },
    }
    const r = toMessenger({ type: 'page' }, { settings: hostile })
    expect(r.status === 'invalid' && r.errors.map((e) => [e.code, e.message])).toEqual([
      ['unreadable', 'The event could not be read: boom'],
    ])
  })

  it('returns the unreadable error for options whose every read throws', () => {
    const options = new Proxy({} as MessengerOptions, {
      get() {
        throw new Error('no')
      },
    })
    const r = toMessenger({ type: 'page' }, options)
    expect(r.status === 'invalid' && r.errors.map((e) => e.code)).toEqual(['unreadable'])
  })
})

describe('toMessenger: page', () => {
  it('boots with app_id only by default (the Segment page call)', () => {
    expect(calls({ type: 'page' })).toEqual([{ method: 'boot', args: [{ app_id: APP }] }])
  })

  it('updates when the Messenger is already booted', () => {
    expect(calls({ type: 'page' }, { booted: true })).toEqual([
      { method: 'update', args: [{ app_id: APP }] },
    ])
  })

  it('adds api_base for the eu and au regions, not for us', () => {
    const base = (region: 'us' | 'eu' | 'au') =>
      calls({ type: 'page' }, { settings: { appId: APP, region } })[0]?.args[0]
    expect(base('eu')).toEqual({ app_id: APP, api_base: 'https://api-iam.eu.intercom.io' })
    expect(base('au')).toEqual({ app_id: APP, api_base: 'https://api-iam.au.intercom.io' })
    expect(base('us')).toEqual({ app_id: APP })
  })

  it('adds custom_launcher_selector only when it is not the default', () => {
    const selector = (customInboxButtonSelector: string) =>
      calls({ type: 'page' }, { settings: { appId: APP, customInboxButtonSelector } })[0]?.args[0]
    expect(selector('#my-button')).toEqual({ app_id: APP, custom_launcher_selector: '#my-button' })
    expect(selector('#IntercomDefaultWidget')).toEqual({ app_id: APP })
  })

  it('sends hideDefaultLauncher (page, identify and group all take it)', () => {
    const hide = { Intercom: { hideDefaultLauncher: true } }
    expect(calls({ type: 'page', integrations: hide })[0]?.args[0]).toEqual({
      app_id: APP,
      hide_default_launcher: true,
    })
    const shown = calls({ type: 'page', context: { Intercom: { hideDefaultLauncher: false } } })
    expect(shown[0]?.args[0]).toEqual({ app_id: APP, hide_default_launcher: false })
  })

  it('warns once about page properties, and about the name and category', () => {
    const r = mapped({
      type: 'page',
      name: 'Pricing',
      category: 'Docs',
      properties: { url: 'https://example.com', title: 'Pricing', path: '/pricing' },
    })
    expect(r.calls).toEqual([{ method: 'boot', args: [{ app_id: APP }] }])
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unsupported_field', 'name'],
      ['unsupported_field', 'category'],
      ['unsupported_field', 'properties'],
    ])
    expect(mapped({ type: 'page', properties: { a: undefined } }).warnings).toEqual([])
    expect(mapped({ type: 'page', properties: {} }).warnings).toEqual([])
  })

  it('warns about the user options a page does not send', () => {
    const r = mapped({
      type: 'page',
      userId: 'u1',
      integrations: { All: false, Intercom: { user_hash: 'abc', languageOverride: 'fr' } },
    })
    expect(r.calls).toEqual([{ method: 'boot', args: [{ app_id: APP }] }])
    expect(codesAt(r, 'integrations.Intercom.user_hash')).toEqual(['unsupported_field'])
    expect(codesAt(r, 'integrations.Intercom.languageOverride')).toEqual(['unsupported_field'])
  })
})

describe('toMessenger: identify', () => {
  it('maps the Segment doc example (Iñigo Montoya)', () => {
    const r = mapped({
      type: 'identify',
      userId: 'su3r73',
      traits: {
        name: 'Iñigo Montoya',
        email: 'avenger@example.com',
        company: { id: '123', name: 'Iñigo & Friends Holding Company' },
        createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      },
    })
    expect(r.calls).toEqual([
      {
        method: 'boot',
        args: [
          {
            app_id: APP,
            user_id: 'su3r73',
            email: 'avenger@example.com',
            name: 'Iñigo Montoya',
            created_at: 1522086291,
            company: { company_id: '123', name: 'Iñigo & Friends Holding Company' },
          },
        ],
      },
    ])
    expect(r.warnings).toEqual([])
  })

  it('updates when booted, with every user field and custom attributes at the top level', () => {
    const [call] = calls(
      {
        type: 'identify',
        userId: 'u1',
        traits: {
          firstName: 'John ',
          lastName: 'Jacob',
          email: 'jingleheimer@schmidt.com',
          phone: '+15555550100',
          avatar: 'https://example.com/a.png',
          signedUpAt: '2020-01-01T00:00:00.900Z',
          plan: 'Premium',
          logins: 5,
          vip: true,
          cleared: null,
          address: { city: 'Paris' },
        },
      },
      { booted: true },
    )
    expect(call).toEqual({
      method: 'update',
      args: [
        {
          app_id: APP,
          user_id: 'u1',
          email: 'jingleheimer@schmidt.com',
          name: 'John Jacob',
          phone: '+15555550100',
          created_at: 1577836800,
          avatar: { type: 'avatar', image_url: 'https://example.com/a.png' },
          plan: 'Premium',
          logins: 5,
          vip: true,
          cleared: null,
          address_city: 'Paris',
        },
      ],
    })
  })

  it('sends the widget options with the user (the hideDefaultLauncher doc example)', () => {
    const [call] = calls(
      {
        type: 'identify',
        userId: 'teemo',
        traits: { someTrait: 'x' },
        integrations: { Intercom: { hideDefaultLauncher: true } },
      },
      { settings: { appId: APP, region: 'eu', customInboxButtonSelector: '#my-button' } },
    )
    expect(call?.args[0]).toEqual({
      app_id: APP,
      api_base: 'https://api-iam.eu.intercom.io',
      custom_launcher_selector: '#my-button',
      hide_default_launcher: true,
      user_id: 'teemo',
      someTrait: 'x',
    })
  })

  it('sends user_hash with All: false + Intercom: { user_hash } (identity verification)', () => {
    const r = mapped({
      type: 'identify',
      userId: '42',
      traits: { email: 'ada@example.com', createdAt: 1363902294 },
      integrations: { All: false, Intercom: { user_hash: 'ab12' } },
    })
    expect(r.calls[0]?.args[0]).toEqual({
      app_id: APP,
      user_id: '42',
      email: 'ada@example.com',
      user_hash: 'ab12',
      created_at: 1363902294,
    })
    expect(r.warnings).toEqual([])
  })

  it('accepts the Android userHash spelling and the Messenger JWT', () => {
    const [call] = calls({
      type: 'identify',
      userId: '123',
      integrations: { Intercom: { userHash: 'h', intercom_user_jwt: 'j.w.t' } },
    })
    expect(call?.args[0]).toEqual({
      app_id: APP,
      user_id: '123',
      user_hash: 'h',
      intercom_user_jwt: 'j.w.t',
    })
  })

  it.each([
    [
      'unsubscribedFromEmails (server)',
      { context: { Intercom: { unsubscribedFromEmails: true } } },
    ],
    ['unsubscribed (iOS)', { integrations: { intercom: { unsubscribed: true } } }],
    [
      'unsubscribedFromEmails (Android)',
      { integrations: { Intercom: { unsubscribedFromEmails: true } } },
    ],
  ])('sends unsubscribed_from_emails from %s', (_, extra) => {
    const [call] = calls({
      type: 'identify',
      userId: '4832094283057439285723523452345',
      anonymousId: '43254364571',
      traits: { firstName: 'John ', lastName: 'Jacob', email: 'jingleheimer@schmidt.com' },
      ...extra,
    })
    expect(call?.args[0]).toEqual({
      app_id: APP,
      user_id: '4832094283057439285723523452345',
      email: 'jingleheimer@schmidt.com',
      name: 'John Jacob',
      unsubscribed_from_emails: true,
    })
  })

  it('sends language_override in either spelling', () => {
    for (const Intercom of [{ language_override: 'fr' }, { languageOverride: 'fr' }]) {
      const [call] = calls({ type: 'identify', userId: 'u', integrations: { Intercom } })
      expect(call?.args[0]).toEqual({ app_id: APP, user_id: 'u', language_override: 'fr' })
    }
  })

  it('identifies by email alone', () => {
    expect(calls({ type: 'identify', traits: { email: 'a@example.com' } })[0]?.args[0]).toEqual({
      app_id: APP,
      email: 'a@example.com',
    })
  })

  it('skips an identify without userId or email (page boots anonymous visitors)', () => {
    const r = toMessenger(
      { type: 'identify', anonymousId: 'anon', traits: { plan: 'x' } },
      { settings },
    )
    expect(r).toMatchObject({ status: 'skipped', reason: 'no_user' })
  })

  it('sends several companies as companies, custom company keys at the top level', () => {
    const [call] = calls({
      type: 'identify',
      userId: 'u1',
      traits: {
        companies: [
          {
            id: 'c1',
            name: 'One',
            createdAt: '2020-01-01T00:00:00Z',
            plan: 'pro',
            monthlySpend: 10,
            employees: 20,
            website: 'https://one.example',
            industry: 'Software',
            tier: 'gold',
          },
          'Segment',
        ],
      },
    })
    expect(call?.args[0]).toEqual({
      app_id: APP,
      user_id: 'u1',
      companies: [
        {
          company_id: 'c1',
          name: 'One',
          created_at: 1577836800,
          plan: 'pro',
          monthly_spend: 10,
          size: 20,
          website: 'https://one.example',
          industry: 'Software',
          tier: 'gold',
        },
        { company_id: '2017828326', name: 'Segment' },
      ],
    })
  })

  it('cannot detach a company: remove: true is warned and not sent (the doc example)', () => {
    const r = mapped({
      type: 'identify',
      userId: '019mr8mf4r',
      traits: {
        name: 'Michael Bolton',
        email: 'mbolton@example.com',
        plan: 'Enterprise',
        company: { id: 12345, remove: true },
        createdAt: 'Thu Mar 24 2016 17:46:45 GMT+0000 (UTC)',
      },
    })
    expect(r.calls[0]?.args[0]).toEqual({
      app_id: APP,
      user_id: '019mr8mf4r',
      email: 'mbolton@example.com',
      name: 'Michael Bolton',
      created_at: 1458841605,
      plan: 'Enterprise',
    })
    expect(codesAt(r, 'traits.company')).toEqual(['unsupported_field'])
  })

  it('keeps one company as company when the others are removals', () => {
    const [call] = calls({
      type: 'identify',
      userId: 'u1',
      traits: { companies: [{ id: 'a', remove: true }, { id: 'b' }] },
    })
    expect(call?.args[0]).toEqual({ app_id: APP, user_id: 'u1', company: { company_id: 'b' } })
  })

  it('never lets a custom attribute overwrite a Messenger key', () => {
    const r = mapped({
      type: 'identify',
      userId: 'real',
      traits: {
        user: { id: 'fake' }, // flattened to user_id
        app$id: 'other', // rewritten to app_id
        session_duration: 1,
        utm_source: 'newsletter',
      },
    })
    expect(r.calls[0]?.args[0]).toEqual({ app_id: APP, user_id: 'real', utm_source: 'newsletter' })
    // Each warning names the input path, not the flattened or rewritten key.
    expect(codesAt(r, 'traits.user.id')).toEqual(['flattened', 'reserved_key'])
    expect(codesAt(r, 'traits.app$id')).toEqual(['renamed_key', 'reserved_key'])
    expect(codesAt(r, 'traits.session_duration')).toEqual(['reserved_key'])
  })

  it('never lets a custom company attribute overwrite a company key', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u',
      traits: { company: { id: 'c', name: 'C', user_count: 3, created$at: 5, color: 'red' } },
    })
    expect(r.calls[0]?.args[0]).toEqual({
      app_id: APP,
      user_id: 'u',
      company: { company_id: 'c', name: 'C', color: 'red' },
    })
    // Intercom's own company fields are never custom attributes, on any target.
    expect(codesAt(r, 'traits.company.user_count')).toEqual(['reserved_name'])
    expect(codesAt(r, 'traits.company.created$at')).toEqual(['reserved_name'])
  })

  it('leaves the Messenger keys that are Intercom fields to normalize (reserved_name)', () => {
    // MESSENGER_USER_KEYS lists only the Messenger's keys that are not contact fields, and
    // the company object has no reserved list of its own: normalize refuses these names.
    const contactKeys = ['email', 'name', 'phone', 'created_at', 'avatar', 'companies']
    for (const key of [...contactKeys, 'unsubscribed_from_emails', 'language_override']) {
      expect(Object.hasOwn(CONTACT_FIELDS, key), key).toBe(true)
    }
    const companyKeys = ['company_id', 'name', 'created_at', 'remote_created_at', 'plan']
    for (const key of [...companyKeys, 'monthly_spend', 'user_count', 'size', 'website']) {
      expect(Object.hasOwn(COMPANY_FIELDS, key), key).toBe(true)
    }
    expect(Object.hasOwn(COMPANY_FIELDS, 'industry')).toBe(true)
    const r = mapped({
      type: 'identify',
      userId: 'u',
      traits: { language: { override: 'fr' }, company: { id: 'c', monthly: { spend: 4 } } },
    })
    expect(r.calls[0]?.args[0]).toEqual({ app_id: APP, user_id: 'u', company: { company_id: 'c' } })
    expect(codesAt(r, 'traits.language.override')).toEqual(['reserved_name'])
    expect(codesAt(r, 'traits.company.monthly.spend')).toEqual(['reserved_name'])
  })

  it('keeps an attribute named __proto__ (after key rewriting) as an own key', () => {
    const r = mapped({ type: 'identify', userId: 'u', traits: { '..proto..': 'x' } })
    const settingsObject = r.calls[0]?.args[0] as Record<string, unknown>
    expect(Object.hasOwn(settingsObject, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(settingsObject)).toBe(Object.prototype)
    expect(JSON.stringify(settingsObject)).toBe(
      '{"app_id":"9iefb489","user_id":"u","__proto__":"x"}',
    )
    const group = mapped({ type: 'group', groupId: 'c', traits: { '..proto..': 'y' } })
    const update = group.calls[1]
    const company = (update?.method === 'update' && update.args[0].company) as Record<
      string,
      unknown
    >
    expect(Object.hasOwn(company, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(company)).toBe(Object.prototype)
    expect(JSON.stringify(company)).toBe('{"company_id":"c","__proto__":"y"}')
  })

  it('has no no_last_seen warning without a time: the Messenger records last-seen itself', () => {
    expect(mapped({ type: 'identify', userId: 'u' }).warnings).toEqual([])
  })

  it('warns that the Messenger records last-seen, IP and user agent itself', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u',
      timestamp: '2024-01-01T00:00:00Z',
      traits: { last_request_at: '2023-06-01T00:00:00Z' },
      context: { ip: '192.168.0.1', userAgent: 'Mozilla/5.0' },
    })
    expect(r.calls[0]?.args[0]).toEqual({ app_id: APP, user_id: 'u' })
    expect(codesAt(r, 'traits.last_request_at')).toEqual(['unsupported_field'])
    expect(codesAt(r, 'context.ip')).toEqual(['unsupported_field'])
    expect(codesAt(r, 'context.userAgent')).toEqual(['unsupported_field'])
  })

  it('does not warn about a last-seen equal to now (what the Messenger records anyway)', () => {
    const r = mapped({ type: 'identify', userId: 'u', timestamp: '2024-01-01T00:00:00Z' })
    expect(r.warnings).toEqual([])
    const ctx = mapped({
      type: 'identify',
      userId: 'u',
      timestamp: '2024-01-01T00:00:00Z',
      context: { lastRequestAt: '2023-01-01T00:00:00Z' },
    })
    expect(codesAt(ctx, 'context.lastRequestAt')).toEqual(['unsupported_field'])
  })
})

describe('toMessenger: group', () => {
  const group = {
    type: 'group',
    userId: 'u1',
    groupId: 'companyId123',
    traits: { name: 'Segment', plan: 'team', monthly_spend: 100, region: 'EU' },
  }
  const company = {
    company_id: 'companyId123',
    name: 'Segment',
    plan: 'team',
    monthly_spend: 100,
    region: 'EU',
  }

  it('boots first when not booted, so the company is never lost', () => {
    expect(calls(group)).toEqual([
      { method: 'boot', args: [{ app_id: APP, user_id: 'u1' }] },
      { method: 'update', args: [{ app_id: APP, user_id: 'u1', company }] },
    ])
  })

  it('only updates when booted', () => {
    expect(calls(group, { booted: true })).toEqual([
      { method: 'update', args: [{ app_id: APP, user_id: 'u1', company }] },
    ])
  })

  it('sends the user email and identity verification with the user', () => {
    const r = mapped(
      {
        type: 'group',
        groupId: 'g',
        context: { traits: { email: 'a@example.com' } },
        integrations: {
          Intercom: { user_hash: 'h', hideDefaultLauncher: true, unsubscribed: true },
        },
      },
      { booted: true },
    )
    expect(r.calls).toEqual([
      {
        method: 'update',
        args: [
          {
            app_id: APP,
            hide_default_launcher: true,
            email: 'a@example.com',
            user_hash: 'h',
            company: { company_id: 'g' },
          },
        ],
      },
    ])
    expect(codesAt(r, 'integrations.Intercom.unsubscribed')).toEqual(['unsupported_field'])
  })

  it('sends the company without a user, and warns the identity options', () => {
    const r = mapped({
      type: 'group',
      groupId: 'g',
      integrations: { Intercom: { user_hash: 'h' } },
    })
    expect(r.calls).toEqual([
      { method: 'boot', args: [{ app_id: APP }] },
      { method: 'update', args: [{ app_id: APP, company: { company_id: 'g' } }] },
    ])
    expect(codesAt(r, 'integrations.Intercom.user_hash')).toEqual(['unsupported_field'])
  })

  it('cannot detach: remove: true sends no update', () => {
    const r = mapped({ type: 'group', userId: 'u', groupId: 'g', traits: { remove: true } })
    expect(r.calls).toEqual([{ method: 'boot', args: [{ app_id: APP, user_id: 'u' }] }])
    expect(codesAt(r, 'traits')).toEqual(['unsupported_field'])
    const booted = { booted: true }
    expect(
      mapped({ type: 'group', userId: 'u', groupId: 'g', traits: { remove: true } }, booted).calls,
    ).toEqual([])
    // Without a user there is nothing to detach: normalize ignores remove (warned).
    const anonymous = mapped({ type: 'group', groupId: 'g', traits: { remove: true } }, booted)
    expect(anonymous.calls).toEqual([
      { method: 'update', args: [{ app_id: APP, company: { company_id: 'g' } }] },
    ])
    expect(codesAt(anonymous, 'traits.remove')).toEqual(['dropped_value'])
  })
})

describe('toMessenger: track', () => {
  it('sends trackEvent with the metadata (price in integer cents)', () => {
    const r = mapped({
      type: 'track',
      userId: 'u',
      event: 'Product Purchased',
      properties: {
        order_ID: '2969302398',
        category: 'boots',
        product_name: 'yellow_cowboy_boots',
        revenue: 19.99,
        currency: 'EUR',
      },
    })
    expect(r.calls).toEqual([
      {
        method: 'trackEvent',
        args: [
          'Product Purchased',
          {
            price: { amount: 1999, currency: 'EUR' },
            order_ID: '2969302398',
            category: 'boots',
            product_name: 'yellow_cowboy_boots',
          },
        ],
      },
    ])
  })

  it('sends trackEvent(name) without metadata', () => {
    expect(calls({ type: 'track', event: 'Signed Up' })).toEqual([
      { method: 'trackEvent', args: ['Signed Up'] },
    ])
    expect(calls({ type: 'track', event: 'Signed Up', properties: {} })).toEqual([
      { method: 'trackEvent', args: ['Signed Up'] },
    ])
  })

  it('sends rich links and keeps the metadata cap', () => {
    const r = mapped(
      {
        type: 'track',
        event: 'Read',
        properties: { article: { url: 'https://example.com/a', value: 'A' }, a: 1, b: 2, c: 3 },
      },
      { settings: { appId: APP, richLinkProperties: ['article'], maxEventProperties: 2 } },
    )
    expect(r.calls).toEqual([
      {
        method: 'trackEvent',
        args: ['Read', { article: { url: 'https://example.com/a', value: 'A' }, a: 1 }],
      },
    ])
    expect(r.warnings.filter((w) => w.code === 'metadata_cap').map((w) => w.path)).toEqual([
      'properties.b',
      'properties.c',
    ])
  })

  it('does not boot and warns about every Intercom option', () => {
    const r = mapped({
      type: 'track',
      event: 'E',
      integrations: { Intercom: { user_hash: 'h', hideDefaultLauncher: true } },
    })
    expect(r.calls).toEqual([{ method: 'trackEvent', args: ['E'] }])
    expect(r.warnings.map((w) => w.path)).toEqual([
      'integrations.Intercom.user_hash',
      'integrations.Intercom.hideDefaultLauncher',
    ])
  })
})

describe('toMessenger: reset, screen, alias', () => {
  it('shuts down, then boots a fresh anonymous session with the widget options', () => {
    expect(
      calls(
        {
          type: 'reset',
          integrations: { Intercom: { hideDefaultLauncher: true, user_hash: 'h' } },
        },
        { settings: { appId: APP, region: 'au' }, booted: true },
      ),
    ).toEqual([
      { method: 'shutdown', args: [] },
      {
        method: 'boot',
        args: [
          { app_id: APP, api_base: 'https://api-iam.au.intercom.io', hide_default_launcher: true },
        ],
      },
    ])
  })

  it.each([
    ['screen', { type: 'screen', name: 'Home' }],
    ['alias', { type: 'alias', previousId: 'a', userId: 'b' }],
  ])('skips %s, saying no target supports it', (type, event) => {
    const r: MessengerMapping = toMessenger(event, { settings })
    expect(r).toMatchObject({ status: 'skipped', reason: 'unsupported_type' })
    expect(r.status === 'skipped' && r.message).toBe(`Intercom has no ${type} call on any target`)
  })

  it('returns the skip of a disabled event', () => {
    const r = toMessenger({ type: 'page', integrations: { All: false } }, { settings })
    expect(r).toMatchObject({ status: 'skipped', reason: 'disabled' })
  })
})

describe('toMessenger: regressions', () => {
  // The counterexample fast-check found for "loses no value of the model without a
  // warning" (test/messenger/properties.test.ts): one company id in traits.company and
  // traits.companies produced two Messenger companies with the same company_id, the
  // second one's custom attribute out of reach of the first.
  it('sends one company for a company id given twice, and warns about the other', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u1',
      traits: { company: { id: 25 }, companies: [{ '!': '', id: 25 }] },
    })
    expect(r.calls).toEqual([
      { method: 'boot', args: [{ app_id: APP, user_id: 'u1', company: { company_id: '25' } }] },
    ])
    expect(codesAt(r, 'traits.companies.0')).toEqual(['superseded'])
  })

  it('sends a company boolean custom attribute as a boolean', () => {
    const r = mapped({ type: 'group', userId: 'u1', groupId: 'g1', traits: { enterprise: true } })
    expect(r.calls).toEqual([
      { method: 'boot', args: [{ app_id: APP, user_id: 'u1' }] },
      {
        method: 'update',
        args: [{ app_id: APP, user_id: 'u1', company: { company_id: 'g1', enterprise: true } }],
      },
    ])
  })
})
