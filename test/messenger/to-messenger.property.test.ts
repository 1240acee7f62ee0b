import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { segmentEvent, settings as settingsArb } from '../../src/arbitraries/index.js'
import { createMessengerSession } from '../../src/messenger/session.js'
import { toMessenger } from '../../src/messenger/to-messenger.js'
import type {
  MessengerCall,
  MessengerCompany,
  MessengerOptions,
  MessengerSettings,
} from '../../src/messenger/types.js'
import type { IntercomOptions, NormalizedCompany } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import type { Settings } from '../../src/settings/types.js'
import type { Warning } from '../../src/types.js'
import { deepFreeze, nastyValue } from './helpers.js'

const RUNS = { numRuns: 300 }
const withAppId = settingsArb().map((s): Settings => ({ ...s, appId: 'abc12345' }))
const options = fc.record(
  { settings: withAppId, booted: fc.boolean(), now: fc.integer({ min: 0, max: 4e12 }) },
  { requiredKeys: ['settings'] },
)

/** The Messenger key each Intercom option is sent as. */
const OPTION_KEYS: Record<keyof IntercomOptions, string> = {
  userHash: 'user_hash',
  userJwt: 'intercom_user_jwt',
  hideDefaultLauncher: 'hide_default_launcher',
  unsubscribedFromEmails: 'unsubscribed_from_emails',
  languageOverride: 'language_override',
}

/** string, finite number, boolean or null: what Intercom stores. */
const isAttributeValue = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)

const warnedAt = (warnings: Warning[], path: string) => warnings.some((w) => w.path === path)

function settingsOf(calls: MessengerCall[]): MessengerSettings[] {
  const out: MessengerSettings[] = []
  for (const c of calls) if (c.method === 'boot' || c.method === 'update') out.push(c.args[0])
  return out
}

function companiesOf(s: MessengerSettings): MessengerCompany[] {
  return s.companies ?? (s.company === undefined ? [] : [s.company])
}

/** A model company is sent (every custom attribute too) or warned at its path. */
function companyAccounted(c: NormalizedCompany, sent: MessengerCompany[], warnings: Warning[]) {
  const out = sent.find((s) => s.company_id === c.companyId)
  if (out === undefined) return warnedAt(warnings, c.path)
  for (const key in c.customAttributes) {
    const kept = Object.hasOwn(out, key) && Object.is(out[key], c.customAttributes[key])
    if (!kept && !warnedAt(warnings, `${c.path}.${key}`)) return false
  }
  return true
}

describe('toMessenger properties', () => {
  it('never throws on any input, any options', () => {
    fc.assert(
      fc.property(nastyValue(), fc.anything(), fc.anything(), (event, settings, booted) => {
        const r = toMessenger(event, { settings, booted } as MessengerOptions)
        expect(['mapped', 'skipped', 'invalid']).toContain(r.status)
      }),
      RUNS,
    )
  })

  it('never mutates its input (deep-frozen) and is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(segmentEvent(), nastyValue()), options, (event, opts) => {
        const frozen = deepFreeze(structuredClone(event))
        const frozenOptions = deepFreeze(structuredClone(opts))
        const a = toMessenger(frozen, frozenOptions)
        const b = toMessenger(frozen, frozenOptions)
        expect(b).toEqual(a)
        expect(frozen).toEqual(event)
      }),
      RUNS,
    )
  })

  it('keeps every warning of normalize', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const n = normalize(event, opts)
        const r = toMessenger(event, opts)
        const expected = n.warnings
        expect(r.warnings.slice(0, expected.length)).toEqual(expected)
      }),
      RUNS,
    )
  })

  it('boots with the app id, and sends only Intercom value types', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const r = toMessenger(event, opts)
        if (r.status !== 'mapped') return
        for (const c of r.calls) if (c.method === 'boot') expect(c.args[0].app_id).toBe('abc12345')
        for (const s of settingsOf(r.calls)) {
          for (const key in s) {
            if (key === 'avatar' || key === 'company' || key === 'companies') continue
            expect(isAttributeValue(s[key])).toBe(true)
          }
          if (s.avatar !== undefined) expect(typeof s.avatar.image_url).toBe('string')
          for (const c of companiesOf(s)) {
            expect(typeof c.company_id).toBe('string')
            for (const key in c) expect(isAttributeValue(c[key])).toBe(true)
          }
        }
      }),
      RUNS,
    )
  })

  it('loses no value of the model without a warning', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const n = normalize(event, opts)
        const r = toMessenger(event, opts)
        if (n.status !== 'normalized' || r.status !== 'mapped') return
        const m = n.event
        const w = r.warnings
        const sent = settingsOf(r.calls)
        const last = sent[sent.length - 1]
        for (const [key, path] of Object.entries(m.optionPaths)) {
          const k = OPTION_KEYS[key as keyof IntercomOptions]
          const onEvery = sent.length > 0 && sent.every((s) => s[k] !== undefined)
          expect(onEvery || warnedAt(w, path)).toBe(true)
        }
        switch (m.type) {
          case 'identify': {
            if (last === undefined) throw new Error('identify sent no settings')
            expect(last.user_id).toBe(m.user.userId)
            expect(last.email).toBe(m.user.email)
            expect(last.name).toBe(m.name)
            expect(last.phone).toBe(m.phone)
            expect(last.created_at).toBe(m.signedUpAt)
            expect(last.avatar?.image_url).toBe(m.avatar)
            for (const key in m.customAttributes) {
              const kept = Object.hasOwn(last, key) && Object.is(last[key], m.customAttributes[key])
              expect(kept || warnedAt(w, `traits.${key}`)).toBe(true)
            }
            for (const c of m.companies) {
              expect(companyAccounted(c, companiesOf(last), w)).toBe(true)
            }
            if (m.ip !== undefined) expect(warnedAt(w, 'context.ip')).toBe(true)
            if (m.userAgent !== undefined) expect(warnedAt(w, 'context.userAgent')).toBe(true)
            break
          }
          case 'group':
            expect(
              companyAccounted(m.company, last === undefined ? [] : companiesOf(last), w),
            ).toBe(true)
            break
          case 'track': {
            const [call] = r.calls
            expect(call?.method).toBe('trackEvent')
            expect(call?.args[1] ?? {}).toEqual(m.metadata)
            break
          }
        }
      }),
      RUNS,
    )
  })

  it('a session is booted after any mapped boot and stays consistent', () => {
    fc.assert(
      fc.property(fc.array(segmentEvent(), { maxLength: 8 }), withAppId, (events, settings) => {
        const session = createMessengerSession(settings)
        let booted = false
        for (const event of events) {
          const before = session.booted
          expect(before).toBe(booted)
          const r = session.map(event)
          expect(r).toEqual(toMessenger(event, { settings, booted: before }))
          if (r.status !== 'mapped') continue
          for (const c of r.calls) {
            if (c.method === 'update') expect(booted).toBe(true)
            if (c.method === 'boot') booted = true
            if (c.method === 'shutdown') booted = false
          }
        }
        expect(session.booted).toBe(booted)
      }),
      { numRuns: 100 },
    )
  })
})
