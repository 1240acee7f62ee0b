import { describe, expect, it } from 'vitest'
import type { NormalizeContext } from '../../src/normalize/context.js'
import { intercomEntry, isDisabled, readIntercomOptions } from '../../src/normalize/integrations.js'
import { normalize } from '../../src/normalize/normalize.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'

const base = { type: 'identify', userId: 'u1', timestamp: '2020-01-01T00:00:00Z' }

function status(integrations: Record<string, unknown>) {
  return normalize({ ...base, integrations }).status
}

function options(integrations?: Record<string, unknown>, context?: Record<string, unknown>) {
  const ctx: NormalizeContext = { settings: DEFAULT_SETTINGS, warnings: [], now: undefined }
  const r = readIntercomOptions(integrations, context, ctx)
  return { ...r, warnings: ctx.warnings.map((w) => [w.code, w.path]) }
}

describe('integrations filtering', () => {
  it('skips the event when Intercom is false', () => {
    expect(normalize({ ...base, integrations: { Intercom: false } })).toEqual({
      status: 'skipped',
      reason: 'disabled',
      message: 'The integrations object disables Intercom for this event',
      warnings: [],
    })
  })

  it('skips the event when All is false and Intercom is not enabled', () => {
    expect(status({ All: false })).toBe('skipped')
    expect(status({ All: false, Mixpanel: true })).toBe('skipped')
    expect(status({ All: false, Intercom: 'yes' })).toBe('skipped')
  })

  it('sends when All is false but Intercom is true or an options object', () => {
    expect(status({ All: false, Intercom: true })).toBe('normalized')
    expect(status({ All: false, Intercom: {} })).toBe('normalized')
  })

  it("sends the seed's identity verification + selective destinations example", () => {
    const r = normalize({
      ...base,
      integrations: { All: false, Intercom: { user_hash: 'abc123' } },
    })
    expect(r.status).toBe('normalized')
    expect(r.status === 'normalized' && r.event.options).toEqual({ userHash: 'abc123' })
  })

  it('matches the Intercom key case-insensitively (iOS sends "intercom")', () => {
    expect(status({ intercom: false })).toBe('skipped')
    expect(status({ INTERCOM: false })).toBe('skipped')
    expect(status({ All: false, intercom: { unsubscribed: true } })).toBe('normalized')
    expect(status({ All: false, intercom: true })).toBe('normalized')
  })

  it('Intercom: false wins over All: true', () => {
    expect(status({ All: true, Intercom: false })).toBe('skipped')
  })

  it('sends when the object disables only other destinations', () => {
    expect(status({ Mixpanel: false, 'Google Analytics': false })).toBe('normalized')
    expect(status({ All: true })).toBe('normalized')
    expect(status({})).toBe('normalized')
  })

  it('isDisabled reads undefined as enabled', () => {
    expect(isDisabled(undefined)).toBe(false)
  })

  it('intercomEntry prefers the exact key and reports the key used', () => {
    expect(intercomEntry({ intercom: 1, Intercom: 2 })).toEqual({ key: 'Intercom', value: 2 })
    expect(intercomEntry({ inTerCom: 3 })).toEqual({ key: 'inTerCom', value: 3 })
    expect(intercomEntry({ Intercoms: 1 })).toBeUndefined()
    expect(intercomEntry(undefined)).toBeUndefined()
  })
})

describe('Intercom options', () => {
  it.each([
    [{ user_hash: 'h' }, { userHash: 'h' }],
    [{ userHash: 'h' }, { userHash: 'h' }],
    [{ intercom_user_jwt: 'j' }, { userJwt: 'j' }],
    [{ intercomUserJwt: 'j' }, { userJwt: 'j' }],
    [{ userJwt: 'j' }, { userJwt: 'j' }],
    [{ hideDefaultLauncher: true }, { hideDefaultLauncher: true }],
    [{ hide_default_launcher: false }, { hideDefaultLauncher: false }],
    [{ unsubscribedFromEmails: true }, { unsubscribedFromEmails: true }],
    [{ unsubscribed_from_emails: true }, { unsubscribedFromEmails: true }],
    [{ unsubscribed: false }, { unsubscribedFromEmails: false }],
    [{ language_override: 'fr' }, { languageOverride: 'fr' }],
    [{ languageOverride: 'fr' }, { languageOverride: 'fr' }],
  ])('reads %j from integrations.Intercom', (input, expected) => {
    const r = options({ Intercom: input })
    expect(r.options).toEqual(expected)
    expect(r.warnings).toEqual([])
    const key = Object.keys(input)[0]
    const name = Object.keys(expected)[0] as keyof typeof r.optionPaths
    expect(r.optionPaths[name]).toBe(`integrations.Intercom.${key}`)
  })

  it("reads the seed's node.js example: context.Intercom.unsubscribedFromEmails", () => {
    const r = normalize({
      type: 'identify',
      userId: '4832094283057439285723523452345',
      anonymousId: '43254364571',
      timestamp: 0,
      context: { Intercom: { unsubscribedFromEmails: true } },
      traits: { firstName: 'John ', lastName: 'Jacob', email: 'jingleheimer@schmidt.com' },
    })
    expect(r.status).toBe('normalized')
    if (r.status !== 'normalized' || r.event.type !== 'identify') return
    expect(r.event.options).toEqual({ unsubscribedFromEmails: true })
    expect(r.event.optionPaths).toEqual({
      unsubscribedFromEmails: 'context.Intercom.unsubscribedFromEmails',
    })
    expect(r.event.name).toBe('John Jacob')
  })

  it("reads the seed's iOS example: integrations.intercom.unsubscribed", () => {
    expect(options({ intercom: { unsubscribed: true } })).toEqual({
      options: { unsubscribedFromEmails: true },
      optionPaths: { unsubscribedFromEmails: 'integrations.intercom.unsubscribed' },
      warnings: [],
    })
  })

  it("reads the seed's Android example: integrations.Intercom.userHash", () => {
    expect(options({ Intercom: { userHash: 'YOUR_USER_HASH' } }).options).toEqual({
      userHash: 'YOUR_USER_HASH',
    })
  })

  it('reads context.Intercom case-insensitively too', () => {
    expect(options(undefined, { intercom: { hideDefaultLauncher: true } })).toEqual({
      options: { hideDefaultLauncher: true },
      optionPaths: { hideDefaultLauncher: 'context.intercom.hideDefaultLauncher' },
      warnings: [],
    })
  })

  it('lets integrations win over context when both set an option, and warns', () => {
    expect(
      options(
        { Intercom: { user_hash: 'from-integrations' } },
        { Intercom: { userHash: 'from-context', unsubscribed: true } },
      ),
    ).toEqual({
      options: { userHash: 'from-integrations', unsubscribedFromEmails: true },
      optionPaths: {
        userHash: 'integrations.Intercom.user_hash',
        unsubscribedFromEmails: 'context.Intercom.unsubscribed',
      },
      warnings: [['superseded', 'context.Intercom.userHash']],
    })
  })

  it('keeps the first of two spellings in one object and warns about the second', () => {
    expect(
      options({ Intercom: { unsubscribedFromEmails: true, unsubscribed: false } }),
    ).toMatchObject({
      options: { unsubscribedFromEmails: true },
      warnings: [['superseded', 'integrations.Intercom.unsubscribed']],
    })
  })

  it('warns about unknown options and wrongly typed values', () => {
    expect(
      options({
        Intercom: {
          user_hash: 42,
          hideDefaultLauncher: 'true',
          language_override: '',
          colour: 'red',
        },
      }),
    ).toEqual({
      options: {},
      optionPaths: {},
      warnings: [
        ['dropped_value', 'integrations.Intercom.user_hash'],
        ['dropped_value', 'integrations.Intercom.hideDefaultLauncher'],
        ['dropped_value', 'integrations.Intercom.language_override'],
        ['unknown_option', 'integrations.Intercom.colour'],
      ],
    })
  })

  it('treats a boolean integrations.Intercom as an enablement flag, not options', () => {
    expect(options({ Intercom: true })).toEqual({ options: {}, optionPaths: {}, warnings: [] })
  })

  it('warns when context.Intercom is not an object', () => {
    expect(options(undefined, { Intercom: true }).warnings).toEqual([
      ['dropped_value', 'context.Intercom'],
    ])
    expect(options({ Intercom: 'on' }).warnings).toEqual([
      ['dropped_value', 'integrations.Intercom'],
    ])
  })
})

describe("analytics-android's createdAt (the sign-up time)", () => {
  it('is returned as given, under either spelling, with its path', () => {
    expect(options({ Intercom: { created_at: 'x' } })).toEqual({
      options: {},
      optionPaths: {},
      signedUp: ['integrations.Intercom.created_at', 'x'],
      warnings: [],
    })
  })

  it('is read once: the first spelling wins, integrations before context', () => {
    const r = options(
      { Intercom: { createdAt: 1 } },
      { Intercom: { created_at: 2, userHash: 'h' } },
    )
    expect(r.signedUp).toEqual(['integrations.Intercom.createdAt', 1])
    expect(r.options).toEqual({ userHash: 'h' })
    expect(r.warnings).toEqual([['superseded', 'context.Intercom.created_at']])
  })
})

describe('integrations spelled twice', () => {
  it('reads integrations.Intercom and warns that integrations.intercom is ignored', () => {
    const r = normalize({
      ...base,
      integrations: { Intercom: { user_hash: 'a' }, intercom: { user_hash: 'b' } },
    })
    expect(r.status === 'normalized' && r.event.options.userHash).toBe('a')
    expect(r.status === 'normalized' && r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['superseded', 'integrations.intercom'],
    ])
  })
})
