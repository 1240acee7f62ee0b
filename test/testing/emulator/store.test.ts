/**
 * The store's indexes against the scans they replace: after any sequence of writes,
 * every indexed lookup answers what a scan of the records answers, and an indexed
 * search returns exactly the contacts a full scan returns, in the same order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IntercomRequest } from '../../../src/rest/types.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import { ApiError } from '../../../src/testing/emulator/errors.js'
import { parsePath, parseVersion } from '../../../src/testing/emulator/request.js'
import { matchRoute } from '../../../src/testing/emulator/router.js'
import { compileQuery } from '../../../src/testing/emulator/search.js'
import {
  companiesOf,
  companyByCompanyId,
  companyById,
  contactByExternalId,
  contactById,
  contactsByEmail,
  createStore,
  isAttached,
  type Store,
  userByEmail,
  userCount,
} from '../../../src/testing/emulator/store.js'
import { request } from './helpers.js'

const EXTERNAL_IDS = ['u1', 'u2', 'u3', '']
const EMAILS = ['a@x.com', 'A@X.com', 'b@x.com', '', null]
const COMPANIES = ['c1', 'c2', 'c3']
const contactId = (n: number) => `6a00c0${n.toString(16).padStart(18, '0')}`
const companyId = (n: number) => `6a00c1${n.toString(16).padStart(18, '0')}`

/** Writes that move every indexed key: creations, updates, 1.4 upserts, (de)attachments. */
const write: fc.Arbitrary<IntercomRequest> = fc.oneof(
  fc
    .record(
      {
        external_id: fc.constantFrom(...EXTERNAL_IDS),
        email: fc.constantFrom(...EMAILS),
        role: fc.constantFrom('user', 'lead'),
        name: fc.constantFrom('Ann', 'Bob'),
      },
      { requiredKeys: [] },
    )
    .map((body) => request('POST', '/contacts', body)),
  fc
    .tuple(
      fc.integer({ min: 1, max: 6 }),
      fc.record(
        {
          external_id: fc.constantFrom(...EXTERNAL_IDS),
          email: fc.constantFrom(...EMAILS),
          role: fc.constantFrom('user', 'lead'),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([n, body]) => request('PUT', `/contacts/${contactId(n)}`, body)),
  fc
    .record(
      {
        user_id: fc.constantFrom(...EXTERNAL_IDS),
        email: fc.constantFrom(...EMAILS),
        companies: fc.array(
          fc.record({ company_id: fc.constantFrom(...COMPANIES), remove: fc.boolean() }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    )
    .map((body) => request('POST', '/users', body, '1.4')),
  fc.constantFrom(...COMPANIES).map((id) => request('POST', '/companies', { company_id: id })),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
    .map(([c, co, detach]) =>
      detach
        ? request('DELETE', `/contacts/${contactId(c)}/companies/${companyId(co)}`)
        : request('POST', `/contacts/${contactId(c)}/companies`, { id: companyId(co) }),
    ),
)

/**
 * Runs `writes` through the emulator's route handlers against a bare store (white-box:
 * the emulator does not expose its store), skipping the ones that are refused.
 */
function storeAfter(writes: readonly IntercomRequest[]): Store {
  const store = createStore([], [], 0)
  writes.forEach((req, index) => {
    const version = parseVersion(req.headers?.['Intercom-Version'])
    const path = parsePath(req.path)
    if (version === undefined || path === undefined) throw new Error('bad test request')
    const { handler, params } = matchRoute(req.method, path.segments, version)
    try {
      handler({
        store,
        options: { searchLag: 0, requireDefinedAttributes: false, maxEventNames: 120 },
        version,
        params,
        query: path.query,
        body: req.body as Record<string, unknown> | undefined,
        seq: index + 1,
        nowSeconds: 0,
      })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
    }
  })
  return store
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const stringQuery = fc.oneof(
  fc.record({
    field: fc.constantFrom('id', 'external_id', 'email', 'name', 'role'),
    operator: fc.constantFrom('=', '!=', '~', '^'),
    value: fc.constantFrom(
      ...EXTERNAL_IDS,
      'a@x.com',
      'A@X.COM',
      'Ann',
      'user',
      'lead',
      contactId(1),
      contactId(2),
    ),
  }),
  fc.record({
    field: fc.constantFrom('id', 'external_id', 'email'),
    operator: fc.constantFrom('IN', 'NIN'),
    value: fc.subarray(['u1', 'u3', 'b@x.com', 'A@x.com', contactId(2), contactId(3)]),
  }),
)
const query = fc.oneof(
  stringQuery,
  fc.record({
    operator: fc.constantFrom('AND', 'OR'),
    value: fc.array(
      fc.oneof(
        stringQuery,
        fc.record({
          operator: fc.constantFrom('AND', 'OR'),
          value: fc.array(stringQuery, { minLength: 1, maxLength: 3 }),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
)

describe('store indexes', () => {
  it('answer every lookup as a scan of the records does', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
        const store = storeAfter(writes)
        const { contacts, companies } = store
        const associations = [...store.associations.values()]
        expect(contacts.map((c) => c.id)).toEqual([...contacts].sort(byId).map((c) => c.id))
        for (const c of contacts) expect(contactById(store, c.id)).toBe(c)
        for (const id of EXTERNAL_IDS) {
          const owners = contacts.filter((c) => c.external_id === id)
          expect(owners.length).toBeLessThanOrEqual(1)
          expect(contactByExternalId(store, id)).toBe(owners[0])
        }
        for (const email of ['a@x.com', 'B@X.COM', '']) {
          const wanted = email.toLowerCase()
          const same = contacts.filter((c) => c.email !== '' && c.email.toLowerCase() === wanted)
          expect(contactsByEmail(store, email)).toEqual(same)
          expect(userByEmail(store, email)).toBe(same.find((c) => c.role === 'user'))
        }
        for (const company of companies) {
          expect(companyById(store, company.id)).toBe(company)
          expect(companyByCompanyId(store, company.company_id)).toBe(company)
          expect(userCount(store, company.id)).toBe(
            associations.filter((a) => a.companyId === company.id).length,
          )
        }
        for (const c of contacts) {
          expect(companiesOf(store, c.id)).toEqual(
            associations.filter((a) => a.contactId === c.id).map((a) => a.companyId),
          )
          for (const company of companies) {
            expect(isAttached(store, c.id, company.id)).toBe(
              associations.some((a) => a.contactId === c.id && a.companyId === company.id),
            )
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('an indexed search finds exactly what a scan finds, in the same order', () => {
    let indexed = 0
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), query, (writes, q) => {
        const store = storeAfter(writes)
        let compiled: ReturnType<typeof compileQuery>
        try {
          compiled = compileQuery(store, q)
        } catch (error) {
          // An invalid query (e.g. `~` on id) is a 400 whether indexed or not.
          expect(error).toBeInstanceOf(ApiError)
          return
        }
        const scanned = store.contacts.filter(compiled.test)
        if (compiled.lookup === undefined) return
        indexed += 1
        const candidates = [...new Set(compiled.lookup())].sort(byId)
        expect(candidates.filter(compiled.test)).toEqual(scanned)
      }),
      { numRuns: 500 },
    )
    expect(indexed).toBeGreaterThan(100)
  })

  it.each([
    [{ field: 'external_id', operator: '=', value: 'u1' }, true, 1],
    [{ field: 'email', operator: '=', value: 'A@x.com' }, true, 1],
    [{ field: 'id', operator: 'IN', value: [contactId(1), contactId(2)] }, true, 1],
    [
      {
        operator: 'OR',
        value: [
          { field: 'external_id', operator: '=', value: 'u1' },
          { field: 'email', operator: '=', value: 'a@x.com' },
        ],
      },
      true,
      1,
    ],
    [
      {
        operator: 'AND',
        value: [
          { field: 'email', operator: '=', value: 'a@x.com' },
          { field: 'role', operator: '=', value: 'user' },
        ],
      },
      true,
      1,
    ],
    [
      {
        operator: 'OR',
        value: [
          { field: 'external_id', operator: '=', value: 'u1' },
          { field: 'name', operator: '=', value: 'Ann' },
        ],
      },
      false,
      1,
    ],
    [{ field: 'email', operator: '~', value: 'x.com' }, false, 1],
    [{ field: 'external_id', operator: '!=', value: 'u1' }, false, 0],
  ])('%j uses an index: %s, and matches %i', (q, indexed, matches) => {
    const store = storeAfter([
      request('POST', '/contacts', { external_id: 'u1', email: 'a@x.com', name: 'Ann' }),
    ])
    const compiled = compileQuery(store, q)
    expect(compiled.lookup !== undefined).toBe(indexed)
    expect(store.contacts.filter(compiled.test)).toHaveLength(matches)
  })

  it('an indexed search still honours the search lag', () => {
    const intercom = createIntercomEmulator({ searchLag: 2 })
    const search = request('POST', '/contacts/search', {
      query: {
        operator: 'OR',
        value: [
          { field: 'external_id', operator: '=', value: 'u1' },
          { field: 'email', operator: '=', value: 'A@X.COM' },
        ],
      },
    })
    intercom.handle(request('POST', '/contacts', { external_id: 'u1', email: 'a@x.com' }))
    const totals = [1, 2, 3].map(
      () => (intercom.handle(search).body as { total_count: number }).total_count,
    )
    expect(totals).toEqual([0, 0, 1])
  })
})
