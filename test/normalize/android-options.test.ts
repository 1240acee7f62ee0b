// Issue 9 item 6: Intercom options as Segment's libraries spell them.
import { describe, expect, it } from 'vitest'
import { toMessenger, toMobile, toRest } from '../../src/index.js'

const settings = { appId: 'abc12345' }
const base = { type: 'identify', userId: 'u1', timestamp: '2024-03-05T00:00:00Z' }
const codesAt = (r: { warnings: { code: string; path: string }[] }, path: string) =>
  r.warnings.filter((w) => w.path === path).map((w) => w.code)

describe('integrations.Intercom.intercomUserJwt (the camelCase JWT key)', () => {
  const event = { ...base, integrations: { Intercom: { intercomUserJwt: 'h.p.s' } } }

  it('is the Messenger intercom_user_jwt', () => {
    const r = toMessenger(event, { settings })
    expect(r.status === 'mapped' && r.calls[0]?.args[0]).toMatchObject({
      user_id: 'u1',
      intercom_user_jwt: 'h.p.s',
    })
    expect(r.warnings).toEqual([])
  })

  it('is warned as not sent on mobile (no setUserJwt call) and over REST', () => {
    expect(codesAt(toMobile(event), 'integrations.Intercom.intercomUserJwt')).toEqual([
      'unsupported_field',
    ])
    expect(codesAt(toRest(event), 'integrations.Intercom.intercomUserJwt')).toEqual([
      'unsupported_field',
    ])
  })
})

describe("integrations.Intercom.createdAt (analytics-android's sign-up time)", () => {
  it('is the sign-up time on every target, over a createdAt trait (warned)', () => {
    const event = {
      ...base,
      traits: { createdAt: '2020-01-01T00:00:00Z' },
      integrations: { Intercom: { createdAt: 1395748800 } },
    }
    const mobile = toMobile(event)
    expect(mobile.status === 'mapped' && mobile.calls[1]?.args[0]).toEqual({
      signedUpAt: 1395748800,
    })
    expect(codesAt(mobile, 'traits.createdAt')).toEqual(['superseded'])
    const web = toMessenger(event, { settings })
    expect(web.status === 'mapped' && web.calls[0]?.args[0]).toMatchObject({
      created_at: 1395748800,
    })
  })

  it('not a date: warned at its path', () => {
    const r = toMobile({ ...base, integrations: { Intercom: { createdAt: 'soon' } } })
    expect(codesAt(r, 'integrations.Intercom.createdAt')).toEqual(['invalid_date'])
  })

  it('on a track it sets nothing: warned, never unknown_option', () => {
    const r = toMobile({
      type: 'track',
      userId: 'u1',
      event: 'Signed Up',
      integrations: { Intercom: { createdAt: 1395748800 } },
    })
    expect(codesAt(r, 'integrations.Intercom.createdAt')).toEqual(['unsupported_field'])
  })
})
