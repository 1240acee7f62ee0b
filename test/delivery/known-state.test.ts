import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type KnownState, KnownStateError, mergeKnown } from '../../src/index.js'
import { mergeKnownInto } from '../../src/rest/known-state.js'

const v1 = (rest: Record<string, unknown> = {}): KnownState => ({ version: 1, ...rest })

describe('mergeKnown', () => {
  it('merges every map key by key, the newer state winning', () => {
    const a = v1({
      contacts: { byExternalId: { u1: 'c1', u2: 'c2' }, byEmail: { 'a@x.com': 'c1' } },
      companies: { acme: 'k1' },
      attachments: { c1: { k1: true } },
    })
    const b = v1({
      contacts: { byExternalId: { u2: 'c9', u3: 'c3' } },
      companies: { globex: 'k2' },
      attachments: { c1: { k2: true }, c3: { k1: true } },
    })
    expect(mergeKnown(a, b)).toEqual({
      version: 1,
      contacts: {
        byExternalId: { u1: 'c1', u2: 'c9', u3: 'c3' },
        byEmail: { 'a@x.com': 'c1' },
      },
      companies: { acme: 'k1', globex: 'k2' },
      attachments: { c1: { k1: true, k2: true }, c3: { k1: true } },
    })
  })

  it('null forgets an entry (a stale id) and is kept as a tombstone', () => {
    const a = v1({ companies: { acme: 'k1' }, attachments: { c1: { k1: true } } })
    const b = v1({ companies: { acme: null }, attachments: { c1: { k1: null } } })
    const merged = mergeKnown(a, b)
    expect(merged).toEqual(v1({ companies: { acme: null }, attachments: { c1: { k1: null } } }))
    // A later state may learn it again.
    expect(mergeKnown(merged, v1({ companies: { acme: 'k7' } }))).toMatchObject({
      companies: { acme: 'k7' },
    })
  })

  it('does not modify its inputs, shares nothing with them, and survives JSON', () => {
    const a = v1({ companies: { acme: 'k1' }, attachments: { c1: { k1: true } } })
    const b = v1({ attachments: { c1: { k2: true } } })
    const before = JSON.stringify([a, b])
    const merged = mergeKnown(a, b)
    expect(JSON.stringify([a, b])).toBe(before)
    ;(merged.attachments as Record<string, Record<string, boolean>>).c1 = {}
    expect(JSON.stringify([a, b])).toBe(before)
    expect(JSON.parse(JSON.stringify(mergeKnown(a, b)))).toEqual(mergeKnown(a, b))
  })

  it('keeps unknown top-level keys (a newer library’s), the newer state winning', () => {
    expect(mergeKnown(v1({ future: 1, other: 'a' }), v1({ future: 2 }))).toEqual(
      v1({ future: 2, other: 'a' }),
    )
  })

  it('keeps a __proto__ key as data, without touching prototypes', () => {
    const b = JSON.parse('{"version":1,"companies":{"__proto__":"k1"}}') as KnownState
    const merged = mergeKnown(undefined, b)
    expect(Object.keys(merged.companies as object)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).k1).toBeUndefined()
    expect(JSON.stringify(merged)).toBe('{"version":1,"companies":{"__proto__":"k1"}}')
  })

  it('rejects a state it did not write, naming the path', () => {
    const cases: [unknown, string][] = [
      [{ version: 2 }, 'b.version'],
      [[], 'b'],
      [{ version: 1, contacts: [] }, 'b.contacts'],
      [{ version: 1, contacts: { byEmail: { 'a@x.com': 5 } } }, 'b.contacts.byEmail["a@x.com"]'],
      [{ version: 1, companies: { acme: '' } }, 'b.companies["acme"]'],
      [{ version: 1, attachments: { c1: { k1: 'yes' } } }, 'b.attachments["c1"]["k1"]'],
      [{ version: 1, attachments: { c1: 'k1' } }, 'b.attachments["c1"]'],
    ]
    for (const [state, path] of cases) {
      const call = () => mergeKnown(undefined, state as KnownState)
      expect(call).toThrow(KnownStateError)
      expect(call).toThrow(expect.objectContaining({ path }))
    }
    expect(() => mergeKnown({ version: 3 } as unknown as KnownState, v1())).toThrow(
      expect.objectContaining({ path: 'a.version' }),
    )
  })
})

const id = fc.constantFrom('c1', 'c2', 'c3', 'k1', 'k2')
const entry = fc.option(id, { nil: null })
const keys = fc.constantFrom('u1', 'u2', 'u3', '__proto__', 'a@x.com')
const flat = fc.dictionary(keys, entry)
const state: fc.Arbitrary<KnownState> = fc
  .record(
    {
      contacts: fc.record({ byExternalId: flat, byEmail: flat }, { requiredKeys: [] }),
      companies: flat,
      attachments: fc.dictionary(
        id,
        fc.dictionary(id, fc.option(fc.constant(true as const), { nil: null })),
      ),
      extra: fc.integer(),
    },
    { requiredKeys: [] },
  )
  .map((s) => JSON.parse(JSON.stringify({ version: 1, ...s })) as KnownState)

describe('mergeKnown properties', () => {
  it('is associative, idempotent, has { version: 1 } as identity, and the newer entry wins', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        expect(mergeKnown(mergeKnown(a, b), c)).toEqual(mergeKnown(a, mergeKnown(b, c)))
        expect(mergeKnown(a, a)).toEqual(mergeKnown(undefined, a))
        expect(mergeKnown(v1(), a)).toEqual(mergeKnown(undefined, a))
        expect(mergeKnown(a, v1())).toEqual(mergeKnown(undefined, a))
        const merged = mergeKnown(a, b)
        const bCompanies = (b.companies ?? {}) as Record<string, unknown>
        const aCompanies = (a.companies ?? {}) as Record<string, unknown>
        for (const key of new Set([...Object.keys(aCompanies), ...Object.keys(bCompanies)])) {
          const expected = Object.hasOwn(bCompanies, key) ? bCompanies[key] : aCompanies[key]
          expect(Object.getOwnPropertyDescriptor(merged.companies, key)?.value).toBe(expected)
        }
      }),
    )
  })
})

describe('mergeKnownInto (deliverAll’s running state)', () => {
  it('merging in place gives what mergeKnown gives, and keeps nothing of its inputs', () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        const before = JSON.stringify([a, b, c])
        const into: KnownState = { version: 1 }
        mergeKnownInto(into, a)
        mergeKnownInto(into, b)
        expect(into).toEqual(mergeKnown(a, b))
        mergeKnownInto(into, c)
        expect(into).toEqual(mergeKnown(mergeKnown(a, b), c))
        // Writing into the running state later must not reach the deltas it came from.
        for (const map of [into.companies, into.attachments, into.contacts]) {
          if (map !== undefined) (map as Record<string, unknown>).zz = 'x'
        }
        expect(JSON.stringify([a, b, c])).toBe(before)
      }),
    )
  })

  it('rejects a bad delta under the name it is given, leaving the target whole', () => {
    const into: KnownState = { version: 1, companies: { acme: 'k1' } }
    expect(() =>
      mergeKnownInto(into, { version: 1, companies: { x: 5 } } as unknown as KnownState, 'known'),
    ).toThrow(expect.objectContaining({ path: 'known.companies["x"]' }))
    expect(into).toEqual({ version: 1, companies: { acme: 'k1' } })
  })
})
