import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { segmentEvent, settings as settingsArb } from '../../src/arbitraries/index.js'
import { toMobile } from '../../src/mobile/to-mobile.js'
import type { MobileCall, MobileCompany, MobileUserAttributes } from '../../src/mobile/types.js'
import type { IntercomOptions, NormalizedCompany } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import type { MapOptions, Warning } from '../../src/types.js'
import { deepFreeze, nastyValue } from '../messenger/helpers.js'

const RUNS = { numRuns: 300 }
const options: fc.Arbitrary<MapOptions> = fc.record(
  { settings: settingsArb(), now: fc.integer({ min: 0, max: 4e12 }) },
  { requiredKeys: [] },
)

/** The `UserAttributes` key each Intercom option is sent as on identify (others: none). */
const OPTION_KEYS: Partial<Record<keyof IntercomOptions, keyof MobileUserAttributes>> = {
  unsubscribedFromEmails: 'unsubscribedFromEmails',
  languageOverride: 'languageOverride',
}

const isAttributeValue = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)
const warnedAt = (warnings: Warning[], path: string) => warnings.some((w) => w.path === path)

function attributesOf(calls: MobileCall[]): MobileUserAttributes[] {
  const out: MobileUserAttributes[] = []
  for (const c of calls) {
    if (c.method === 'updateUser' || c.method === 'loginUserWithUserAttributes') out.push(c.args[0])
  }
  return out
}

function companyAccounted(c: NormalizedCompany, sent: MobileCompany[], warnings: Warning[]) {
  const out = sent.find((s) => s.id === c.companyId)
  if (out === undefined) return warnedAt(warnings, c.path)
  // size (under its input key), website and industry travel as custom attributes.
  const expected: Record<string, unknown> = { ...c.customAttributes }
  if (c.size !== undefined) expected[c.inputKeys?.size ?? 'size'] = c.size
  if (c.website !== undefined) expected.website = c.website
  if (c.industry !== undefined) expected.industry = c.industry
  expect(out.customAttributes ?? {}).toEqual(expected)
  return true
}

describe('toMobile properties', () => {
  it('never throws on any input, any options', () => {
    fc.assert(
      fc.property(nastyValue(), fc.anything(), (event, settings) => {
        const r = toMobile(event, { settings } as MapOptions)
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
        const a = toMobile(frozen, frozenOptions)
        expect(toMobile(frozen, frozenOptions)).toEqual(a)
        expect(frozen).toEqual(event)
      }),
      RUNS,
    )
  })

  it('keeps every warning of normalize', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const n = normalize(event, opts)
        const r = toMobile(event, opts)
        const expected = n.warnings
        expect(r.warnings.slice(0, expected.length)).toEqual(expected)
      }),
      RUNS,
    )
  })

  it('sends only values the SDKs accept, in SDK order', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const r = toMobile(event, opts)
        if (r.status !== 'mapped') return
        const methods = r.calls.map((c) => c.method)
        const login = methods.findIndex((m) => m.startsWith('login'))
        if (methods.includes('setUserHash')) expect(methods.indexOf('setUserHash')).toBe(0)
        if (login >= 0)
          expect(methods.slice(login + 1)).toEqual(
            methods.slice(login + 1).filter((m) => m === 'updateUser'),
          )
        for (const a of attributesOf(r.calls)) {
          for (const v of Object.values(a.customAttributes ?? {})) {
            expect(isAttributeValue(v)).toBe(true)
          }
          for (const c of a.companies ?? []) {
            expect(typeof c.id).toBe('string')
            if (c.monthlySpend !== undefined) expect(Number.isInteger(c.monthlySpend)).toBe(true)
            for (const v of Object.values(c.customAttributes ?? {})) {
              expect(isAttributeValue(v)).toBe(true)
            }
          }
        }
        for (const c of r.calls) {
          const price = c.method === 'logEvent' ? c.args[1]?.price : undefined
          // A monetary amount is integer cents (a raw numeric `price` property stays a number).
          if (typeof price === 'object' && 'amount' in price)
            expect(Number.isInteger(price.amount)).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('loses no value of the model without a warning', () => {
    fc.assert(
      fc.property(segmentEvent(), options, (event, opts) => {
        const n = normalize(event, opts)
        const r = toMobile(event, opts)
        if (n.status !== 'normalized' || r.status !== 'mapped') return
        const m = n.event
        const w = r.warnings
        const sent = attributesOf(r.calls)
        const merged: MobileUserAttributes = Object.assign({}, ...sent)
        for (const [key, path] of Object.entries(m.optionPaths)) {
          const option = key as keyof IntercomOptions
          const k = m.type === 'identify' ? OPTION_KEYS[option] : undefined
          const hashSent = option === 'userHash' && r.calls.some((c) => c.method === 'setUserHash')
          const kept = hashSent || (k !== undefined && merged[k] === m.options[option])
          expect(kept || warnedAt(w, path)).toBe(true)
        }
        switch (m.type) {
          case 'identify':
            expect(merged.userId).toBe(m.user.userId)
            expect(merged.email).toBe(m.user.email)
            expect(merged.name).toBe(m.name)
            expect(merged.phone).toBe(m.phone)
            expect(merged.signedUpAt).toBe(m.signedUpAt)
            expect(merged.customAttributes ?? {}).toEqual(m.customAttributes)
            if (m.avatar !== undefined) expect(warnedAt(w, 'traits.avatar')).toBe(true)
            for (const c of m.companies) {
              expect(companyAccounted(c, merged.companies ?? [], w)).toBe(true)
            }
            break
          case 'group':
            expect(companyAccounted(m.company, merged.companies ?? [], w)).toBe(true)
            break
          case 'track': {
            const [call] = r.calls
            expect(call?.method).toBe('logEvent')
            expect(call?.args[1] ?? {}).toEqual(m.metadata)
            break
          }
        }
      }),
      RUNS,
    )
  })
})
