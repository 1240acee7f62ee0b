import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type KnownState, KnownStateError, mergeKnown } from '../../src/index.js'

const v1 = (rest: Record<string, unknown> = {}): KnownState => ({ version: 1, ...rest })

describe('mergeKnown', () => {
  it('merges every map key by key, the newer state winning; null forgets', () => {
    const a = v1({
      contacts: { byExternalId: { u1: 'c1', u2: 'c2' }, byEmail: { 'a@x.io': 'c1' } },
      companies: { acme: 'k1', globex: 'k2' },
      companyWrites: { acme: '{"company_id":"acme"}' },
      attachments: { c1: { k1: true } },
    })
    const b = v1({
      contacts: { byExternalId: { u2: null, u3: 'c3' } },
      companies: { globex: 'k9' },
      companyWrites: { acme: '{"company_id":"acme","plan":"pro"}' },
      attachments: { c1: { k1: null, k9: true } },
    })
    expect(mergeKnown(a, b)).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: 'c1', u2: null, u3: 'c3' }, byEmail: { 'a@x.io': 'c1' } },
      companies: { acme: 'k1', globex: 'k9' },
      companyWrites: { acme: '{"company_id":"acme","plan":"pro"}' },
      attachments: { c1: { k1: null, k9: true } },
    })
  })

  it('has undefined and { version: 1 } as identities and does not modify its inputs', () => {
    const a = v1({ companies: { acme: 'k1' } })
    const before = JSON.stringify(a)
    expect(mergeKnown(undefined, a)).toEqual(a)
    expect(mergeKnown(a, v1())).toEqual(a)
    expect(JSON.stringify(a)).toBe(before)
  })

  it('is associative, so workers may merge in any grouping', () => {
    const id = fc.constantFrom('c1', 'c2', null)
    const state = fc
      .record({
        byExternalId: fc.dictionary(fc.constantFrom('u1', 'u2', '__proto__'), id),
        companies: fc.dictionary(fc.constantFrom('acme', 'globex'), id),
      })
      .map(({ byExternalId, companies }) => v1({ contacts: { byExternalId }, companies }))
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(mergeKnown(mergeKnown(a, b), c)).toEqual(mergeKnown(a, mergeKnown(b, c)))
      }),
    )
  })

  it('throws KnownStateError naming the part that is not a state this library wrote', () => {
    const bad = (state: unknown) => {
      try {
        mergeKnown(undefined, state as KnownState)
      } catch (error) {
        return error instanceof KnownStateError ? error.path : 'other'
      }
      return 'no error'
    }
    expect(bad({ version: 2 })).toBe('b.version')
    expect(bad(v1({ contacts: { byEmail: { 'a@x.io': 5 } } }))).toBe('b.contacts.byEmail["a@x.io"]')
    expect(bad(v1({ companyWrites: { acme: true } }))).toBe('b.companyWrites["acme"]')
    expect(bad(v1({ attachments: { c1: { k1: 'yes' } } }))).toBe('b.attachments["c1"]["k1"]')
  })
})
