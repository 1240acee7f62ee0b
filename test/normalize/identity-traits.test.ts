// Issue 9 item 1: the identity traits Segment's SDKs put into traits (analytics-android's
// Traits hold `anonymousId` and `userId` in every identify) are identity, never attributes.
import { describe, expect, it } from 'vitest'
import { laneKey } from '../../src/delivery/lane-key.js'
import { toMessenger, toMobile, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'
import { fixtureEvent } from '../helpers/fixture.js'

const settings = { appId: 'abc12345' }
const codesAt = (r: { warnings: { code: string; path: string }[] }, path: string) =>
  r.warnings.filter((w) => w.path === path).map((w) => w.code)

describe('identity traits (analytics-android identify)', () => {
  const android = fixtureEvent('analytics-android/identify')

  it('over REST 2.x: the contact is written without anonymousId or userId attributes', () => {
    const r = toRest(android)
    expect(r.status).toBe('mapped')
    if (r.status !== 'mapped') return
    // A workspace with the fixture's other custom attributes defined: only a field the
    // library chose to send could fail the write now.
    const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
    const { requests, outcome } = drive(r.exchange(), (q) => emulator.handle(q))
    expect(outcome.status).toBe('delivered')
    const write = requests.find((q) => q.path === '/contacts' && q.method === 'POST')
    expect(write?.body?.external_id).toBe('u_1042')
    const custom = write?.body?.custom_attributes as Record<string, unknown>
    expect(custom).not.toHaveProperty('anonymousId')
    expect(custom).not.toHaveProperty('userId')
    expect(codesAt(r, 'traits.anonymousId')).toEqual(['identity_trait'])
    // Equal to the event's userId: it is the identity that is sent, so nothing to warn.
    expect(codesAt(r, 'traits.userId')).toEqual([])
  })

  it('on mobile and in the Messenger: no anonymousId or userId attribute either', () => {
    const mobile = toMobile(android)
    expect(mobile.status).toBe('mapped')
    if (mobile.status !== 'mapped') return
    const update = mobile.calls.find((c) => c.method === 'updateUser')
    expect(update?.args[0]?.customAttributes).not.toHaveProperty('anonymousId')
    expect(update?.args[0]?.customAttributes).not.toHaveProperty('userId')
    expect(codesAt(mobile, 'traits.anonymousId')).toEqual(['identity_trait'])

    const web = toMessenger(android, { settings })
    expect(web.status).toBe('mapped')
    if (web.status !== 'mapped') return
    const boot = web.calls[0]?.args[0] as Record<string, unknown>
    expect(boot.user_id).toBe('u_1042')
    expect(boot).not.toHaveProperty('anonymousId')
    expect(boot).not.toHaveProperty('userId')
  })

  it('the anonymous Android identify logs in an unidentified user without an anonymousId attribute', () => {
    const r = toMobile(fixtureEvent('analytics-android/identify-before-login'))
    expect(r.status).toBe('mapped')
    if (r.status !== 'mapped') return
    expect(r.calls).toEqual([
      { method: 'loginUnidentifiedUser', args: [] },
      { method: 'updateUser', args: [{ customAttributes: { plan: 'trial' } }] },
    ])
    expect(codesAt(r, 'traits.anonymousId')).toEqual(['identity_trait'])
  })
})

describe('traits.userId as the user id', () => {
  const base = { type: 'identify', timestamp: '2024-03-05T10:00:00Z' }

  it('is the user id of an identify without userId (the seed: traits.userId → user_id)', () => {
    for (const key of ['userId', 'user_id', 'external_id']) {
      const event = { ...base, anonymousId: 'a1', traits: { [key]: 'u_7', plan: 'pro' } }
      const mobile = toMobile(event)
      expect(mobile.status === 'mapped' && mobile.calls[0]).toEqual({
        method: 'loginUserWithUserAttributes',
        args: [{ userId: 'u_7' }],
      })
      const rest = toRest(event)
      expect(rest.status).toBe('mapped')
      if (rest.status !== 'mapped') continue
      const { requests } = drive(rest.exchange(), (q) =>
        createIntercomEmulator({ requireDefinedAttributes: false }).handle(q),
      )
      expect(requests.at(-1)?.body).toMatchObject({
        external_id: 'u_7',
        custom_attributes: { plan: 'pro' },
      })
      expect(rest.warnings).toEqual([])
      const web = toMessenger(event, { settings })
      expect(web.status === 'mapped' && web.calls[0]?.args[0]).toMatchObject({ user_id: 'u_7' })
    }
  })

  it("is the user's delivery lane too, so deliverAll orders it with the user's other events", () => {
    expect(laneKey({ ...base, anonymousId: 'a1', traits: { userId: 'u_7' } })).toBe('userId:u_7')
    expect(laneKey({ type: 'track', userId: 'u_7', event: 'E' })).toBe('userId:u_7')
  })

  it('a numeric traits.userId is its digits, warned converted', () => {
    const r = toMobile({ ...base, traits: { userId: 42 } })
    expect(r.status === 'mapped' && r.calls[0]?.args[0]).toEqual({ userId: '42' })
    expect(codesAt(r, 'traits.userId')).toEqual(['converted'])
  })

  it('disagreeing with userId: the event userId wins, the trait is warned and not sent', () => {
    const event = { ...base, userId: 'u_1', traits: { userId: 'u_2', id: 'db-9', plan: 'pro' } }
    for (const r of [toRest(event), toMobile(event), toMessenger(event, { settings })]) {
      expect(r.status).toBe('mapped')
      expect(codesAt(r, 'traits.userId')).toEqual(['identity_trait'])
      expect(codesAt(r, 'traits.id')).toEqual(['identity_trait'])
      expect(r.warnings.find((w) => w.path === 'traits.userId')?.message).toContain('"u_2"')
    }
    const mobile = toMobile(event)
    expect(mobile.status === 'mapped' && mobile.calls).toEqual([
      { method: 'loginUserWithUserAttributes', args: [{ userId: 'u_1' }] },
      { method: 'updateUser', args: [{ customAttributes: { plan: 'pro' } }] },
    ])
  })

  it('traits.id equal to the user id is the identity: not warned, not an attribute', () => {
    const r = toMobile({ ...base, userId: 'u_1', traits: { id: 'u_1' } })
    expect(r.status === 'mapped' && r.calls).toEqual([
      { method: 'loginUserWithUserAttributes', args: [{ userId: 'u_1' }] },
    ])
    expect(r.warnings).toEqual([])
  })
})

describe('identity trait values that are not ids', () => {
  const warned = (traits: Record<string, unknown>) => {
    const r = toMobile({ type: 'identify', userId: '42', traits }, { settings })
    return r.warnings.map((w) => `${w.code} ${w.path}`)
  }

  it('a null id is empty, an object is not an id, and neither is sent', () => {
    expect(warned({ id: null, user_id: { x: 1 } })).toEqual([
      'identity_trait traits.id',
      'dropped_value traits.user_id',
    ])
  })

  it('a numeric id equal to the user id is the same id, sent once as text', () => {
    expect(warned({ userId: 42 })).toEqual(['converted traits.userId'])
  })

  it('an id that differs from userId is named and not sent', () => {
    const r = toRest({
      type: 'identify',
      userId: '42',
      timestamp: '2026-01-01T00:00:00Z',
      traits: { id: 7 },
    })
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'identity_trait', path: 'traits.id' }),
    )
  })
})

describe('traits that set Intercom options', () => {
  const options = (traits: Record<string, unknown>) => {
    const r = toMessenger({ type: 'identify', userId: 'u1', traits }, { settings })
    return { warnings: r.warnings.map((w) => `${w.code} ${w.path}`), r }
  }

  it('unsubscribed text "true" becomes the boolean, warned; other values are dropped', () => {
    expect(options({ unsubscribed_from_emails: 'true' }).warnings).toContain(
      'converted traits.unsubscribed_from_emails',
    )
    expect(options({ unsubscribed_from_emails: 'yes' }).warnings).toContain(
      'dropped_value traits.unsubscribed_from_emails',
    )
    expect(options({ language_override: '' }).warnings).toContain(
      'dropped_value traits.language_override',
    )
  })
})
