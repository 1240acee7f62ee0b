import { describe, expect, it } from 'vitest'
import { toMobile } from '../../src/mobile/to-mobile.js'
import type { MobileCall } from '../../src/mobile/types.js'
import type { MapOptions, Warning } from '../../src/types.js'

function mapped(event: unknown, options?: MapOptions) {
  const r = toMobile(event, options)
  if (r.status !== 'mapped') throw new Error(`expected mapped, got ${JSON.stringify(r)}`)
  return r
}
const calls = (event: unknown, options?: MapOptions): MobileCall[] => mapped(event, options).calls
const codesAt = (r: { warnings: Warning[] }, path: string) =>
  r.warnings.filter((w) => w.path === path).map((w) => w.code)

describe('toMobile: identify', () => {
  it('logs the user in by userId and email, then updates the rest (doc table)', () => {
    const r = mapped({
      type: 'identify',
      userId: 'su3r73',
      timestamp: '2024-01-01T00:00:00Z',
      traits: {
        name: 'Iñigo Montoya',
        email: 'avenger@example.com',
        phone: '+15555550100',
        company: { id: '123', name: 'Iñigo & Friends Holding Company' },
        signedUpAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
        plan: 'pro',
      },
      integrations: { intercom: { language_override: 'es', unsubscribed: true } },
    })
    expect(r.calls).toEqual([
      {
        method: 'loginUserWithUserAttributes',
        args: [{ userId: 'su3r73', email: 'avenger@example.com' }],
      },
      {
        method: 'updateUser',
        args: [
          {
            name: 'Iñigo Montoya',
            phone: '+15555550100',
            languageOverride: 'es',
            signedUpAt: 1522086291,
            unsubscribedFromEmails: true,
            companies: [{ id: '123', name: 'Iñigo & Friends Holding Company' }],
            customAttributes: { plan: 'pro' },
          },
        ],
      },
    ])
    expect(r.warnings).toEqual([])
  })

  it('sets the user hash before the login (Android userHash example)', () => {
    expect(
      calls({
        type: 'identify',
        userId: '123',
        integrations: { Intercom: { userHash: 'YOUR_USER_HASH' } },
      }),
    ).toEqual([
      { method: 'setUserHash', args: ['YOUR_USER_HASH'] },
      { method: 'loginUserWithUserAttributes', args: [{ userId: '123' }] },
    ])
  })

  it('accepts the iOS user_hash spelling with All: false', () => {
    expect(
      calls({
        type: 'identify',
        userId: '123',
        integrations: { All: false, Intercom: { user_hash: 'h' } },
      })[0],
    ).toEqual({ method: 'setUserHash', args: ['h'] })
  })

  it.each([
    [
      'unsubscribedFromEmails in context (server)',
      { context: { Intercom: { unsubscribedFromEmails: true } } },
    ],
    [
      'unsubscribed under integrations.intercom (iOS)',
      { integrations: { intercom: { unsubscribed: true } } },
    ],
    [
      'unsubscribedFromEmails under integrations.Intercom (Android)',
      { integrations: { Intercom: { unsubscribedFromEmails: true } } },
    ],
  ])('sends unsubscribedFromEmails from %s', (_, extra) => {
    expect(calls({ type: 'identify', userId: '123', ...extra })).toEqual([
      { method: 'loginUserWithUserAttributes', args: [{ userId: '123' }] },
      { method: 'updateUser', args: [{ unsubscribedFromEmails: true }] },
    ])
  })

  it('logs an email-only user in by email', () => {
    expect(calls({ type: 'identify', traits: { email: 'a@example.com', name: 'A' } })).toEqual([
      { method: 'loginUserWithUserAttributes', args: [{ email: 'a@example.com' }] },
      { method: 'updateUser', args: [{ name: 'A' }] },
    ])
  })

  it('falls back to an unidentified user without userId or email', () => {
    const r = mapped({
      type: 'identify',
      anonymousId: 'anon',
      traits: { plan: 'free' },
      integrations: { Intercom: { user_hash: 'h' } },
    })
    expect(r.calls).toEqual([
      { method: 'loginUnidentifiedUser', args: [] },
      { method: 'updateUser', args: [{ customAttributes: { plan: 'free' } }] },
    ])
    expect(codesAt(r, 'integrations.Intercom.user_hash')).toEqual(['unsupported_field'])
    expect(calls({ type: 'identify' })).toEqual([{ method: 'loginUnidentifiedUser', args: [] }])
  })

  it('sends the collectContext attributes that normalize adds', () => {
    const [, update] = calls(
      {
        type: 'identify',
        userId: 'u',
        context: {
          device: { type: 'ios', manufacturer: 'Apple', model: 'iPhone15,2' },
          os: { name: 'iOS', version: '17.1' },
          app: { name: 'Shop', version: '2.3' },
        },
      },
      { settings: { collectContext: true } },
    )
    expect(update).toEqual({
      method: 'updateUser',
      args: [
        {
          customAttributes: {
            device_type: 'ios',
            device_manufacturer: 'Apple',
            device_model: 'iPhone15,2',
            os_name: 'iOS',
            os_version: '17.1',
            app_name: 'Shop',
            app_version: '2.3',
          },
        },
      ],
    })
  })

  it('keeps null custom attributes (the SDK bridges pass null; it clears the attribute)', () => {
    expect(calls({ type: 'identify', userId: 'u', traits: { nickname: null } })[1]).toEqual({
      method: 'updateUser',
      args: [{ customAttributes: { nickname: null } }],
    })
  })

  it('warns about the avatar, userJwt and hideDefaultLauncher (not mobile)', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u',
      traits: { avatar: 'https://example.com/a.png' },
      integrations: { Intercom: { userJwt: 'j.w.t', hideDefaultLauncher: true } },
    })
    expect(r.calls).toEqual([{ method: 'loginUserWithUserAttributes', args: [{ userId: 'u' }] }])
    expect(codesAt(r, 'traits.avatar')).toEqual(['unsupported_field'])
    expect(codesAt(r, 'integrations.Intercom.userJwt')).toEqual(['unsupported_field'])
    expect(codesAt(r, 'integrations.Intercom.hideDefaultLauncher')).toEqual(['unsupported_field'])
  })

  // Issue 9 item 4: the SDKs' company has no size, website or industry, but takes custom
  // attributes, where Segment's mobile integrations sent every remaining company trait.
  it('sends companies with the SDK fields, and size (as its trait key), website and industry as custom attributes', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u',
      traits: {
        companies: [
          {
            id: 'c1',
            name: 'One',
            createdAt: '2020-01-01T00:00:00Z',
            plan: 'pro',
            monthly_spend: 10,
            employees: 20,
            website: 'https://one.example',
            industry: 'Software',
            tier: 'gold',
          },
          'Segment',
        ],
      },
    })
    expect(r.calls[1]).toEqual({
      method: 'updateUser',
      args: [
        {
          companies: [
            {
              id: 'c1',
              name: 'One',
              createdAt: 1577836800,
              monthlySpend: 10,
              plan: 'pro',
              customAttributes: {
                tier: 'gold',
                employees: 20,
                website: 'https://one.example',
                industry: 'Software',
              },
            },
            { id: '2017828326', name: 'Segment' },
          ],
        },
      ],
    })
    expect(r.warnings).toEqual([])
  })

  it('cannot detach a company (remove: true): warned, not sent', () => {
    const r = mapped({
      type: 'identify',
      userId: '019mr8mf4r',
      traits: { company: { id: 12345, remove: true } },
    })
    expect(r.calls).toEqual([
      { method: 'loginUserWithUserAttributes', args: [{ userId: '019mr8mf4r' }] },
    ])
    expect(codesAt(r, 'traits.company')).toEqual(['unsupported_field'])
  })

  it('warns that the SDK records last-seen, IP and user agent itself', () => {
    const r = mapped({
      type: 'identify',
      userId: 'u',
      timestamp: '2024-01-01T00:00:00Z',
      traits: { lastRequestAt: '2023-06-01T00:00:00Z' },
      context: { ip: '10.0.0.1', userAgent: 'Segment/iOS' },
    })
    expect(r.warnings.map((w) => w.path)).toEqual([
      'traits.lastRequestAt',
      'context.ip',
      'context.userAgent',
    ])
  })
})

describe('toMobile: track', () => {
  it('logs the event with the price in integer cents: 19.99 → 1999 (not Android 1900)', () => {
    expect(
      calls({ type: 'track', event: 'Order Completed', properties: { revenue: 19.99 } }),
    ).toEqual([
      {
        method: 'logEvent',
        args: ['Order Completed', { price: { amount: 1999, currency: 'usd' } }],
      },
    ])
  })

  it('uses total when revenue is absent (the doc mobile rule)', () => {
    expect(
      calls({
        type: 'track',
        event: 'Order Completed',
        properties: { total: 19.99, currency: 'EUR', order_id: 'o1' },
      }),
    ).toEqual([
      {
        method: 'logEvent',
        args: ['Order Completed', { price: { amount: 1999, currency: 'EUR' }, order_id: 'o1' }],
      },
    ])
  })

  it('logs the event name alone without metadata', () => {
    expect(calls({ type: 'track', event: 'Signed Up' })).toEqual([
      { method: 'logEvent', args: ['Signed Up'] },
    ])
  })

  it('warns about Intercom options on a track', () => {
    const r = mapped({ type: 'track', event: 'E', context: { Intercom: { userHash: 'h' } } })
    expect(codesAt(r, 'context.Intercom.userHash')).toEqual(['unsupported_field'])
  })
})

describe('toMobile: group, reset and unsupported calls', () => {
  it('adds the company to the logged-in user (doc Group table)', () => {
    expect(
      calls({
        type: 'group',
        userId: 'u',
        groupId: 'companyId123',
        traits: { name: 'Segment', plan: 'team', monthly_spend: 100, region: 'EU' },
      }),
    ).toEqual([
      {
        method: 'updateUser',
        args: [
          {
            companies: [
              {
                id: 'companyId123',
                name: 'Segment',
                monthlySpend: 100,
                plan: 'team',
                customAttributes: { region: 'EU' },
              },
            ],
          },
        ],
      },
    ])
  })

  it('sends nothing for a company removal (warned)', () => {
    const r = mapped({ type: 'group', userId: 'u', groupId: 'g', traits: { remove: true } })
    expect(r.calls).toEqual([])
    expect(codesAt(r, 'traits')).toEqual(['unsupported_field'])
  })

  it('logs out on reset', () => {
    const r = mapped({ type: 'reset', integrations: { Intercom: { user_hash: 'h' } } })
    expect(r.calls).toEqual([{ method: 'logout', args: [] }])
    expect(codesAt(r, 'integrations.Intercom.user_hash')).toEqual(['unsupported_field'])
  })

  it.each([
    [
      { type: 'page', name: 'Home' },
      'The mobile SDKs have no page call; only the web Messenger sends it (toMessenger)',
    ],
    [{ type: 'screen', name: 'Home' }, 'Intercom has no screen call on any target'],
    [{ type: 'alias', previousId: 'a' }, 'Intercom has no alias call on any target'],
  ])('skips %o', (event, message) => {
    expect(toMobile(event)).toEqual({
      status: 'skipped',
      reason: 'unsupported_type',
      message,
      warnings: [],
    })
  })

  it('passes invalid and disabled results through', () => {
    expect(toMobile({ type: 'track' })).toMatchObject({ status: 'invalid' })
    expect(
      toMobile({ type: 'track', event: 'E', integrations: { Intercom: false } }),
    ).toMatchObject({
      status: 'skipped',
      reason: 'disabled',
    })
  })

  it('does not require an appId (the host initializes the SDK with it)', () => {
    expect(toMobile({ type: 'reset' }, { settings: {} }).status).toBe('mapped')
  })
})
