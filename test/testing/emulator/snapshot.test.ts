import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IntercomRequest } from '../../../src/rest/types.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import type { EmulatorOptions } from '../../../src/testing/emulator/types.js'
import { request } from './helpers.js'

/** A session touching every route group. */
function session(): IntercomRequest[] {
  return [
    request('POST', '/data_attributes', { name: 'plan', model: 'contact', data_type: 'string' }),
    request('POST', '/contacts', {
      external_id: 'u1',
      email: 'a@example.com',
      custom_attributes: { plan: 'pro' },
    }),
    request('POST', '/contacts/search', {
      query: { field: 'external_id', operator: '=', value: 'u1' },
    }),
    request('POST', '/contacts', { external_id: 'u1' }),
    request('PUT', '/contacts/6a00c0000000000000000001', { name: 'Ann' }),
    request('POST', '/companies', { company_id: 'acme', plan: 'Pro', monthly_spend: 10.5 }),
    request('POST', '/contacts/6a00c0000000000000000001/companies', {
      id: '6a00c1000000000000000001',
    }),
    request('POST', '/events', {
      event_name: 'Signed Up',
      created_at: 1,
      user_id: 'u1',
      metadata: { price: { amount: 100, currency: 'usd' } },
    }),
    request('POST', '/users', { user_id: 'u2', companies: [{ company_id: 'acme' }] }, '1.4'),
    request('GET', '/nowhere'),
  ]
}

const options: EmulatorOptions = { searchLag: 1, rateLimit: { limit: 100, windowMs: 10_000 } }

describe('state snapshots', () => {
  it('reflects everything the workspace holds', () => {
    const intercom = createIntercomEmulator(options)
    for (const req of session()) intercom.handle(req)
    const state = intercom.state
    expect(state.contacts.map((c) => c.external_id)).toEqual(['u1', 'u2'])
    expect(state.companies.map((c) => c.company_id)).toEqual(['acme'])
    expect(state.associations).toEqual([
      { contactId: '6a00c0000000000000000001', companyId: '6a00c1000000000000000001' },
      { contactId: '6a00c0000000000000000002', companyId: '6a00c1000000000000000001' },
    ])
    expect(state.companies[0]?.user_count).toBe(2)
    expect(state.events).toEqual([
      {
        event_name: 'Signed Up',
        created_at: 1,
        contactId: '6a00c0000000000000000001',
        metadata: { price: { amount: 100, currency: 'usd' } },
      },
    ])
    expect(state.dataAttributes).toEqual([{ name: 'plan', model: 'contact', data_type: 'string' }])
    expect(state.eventNames).toEqual(['Signed Up'])
  })

  it('is deep-frozen: mutating a snapshot throws and does not reach the emulator', () => {
    const intercom = createIntercomEmulator(options)
    for (const req of session()) intercom.handle(req)
    const state = intercom.state
    expect(Object.isFrozen(state)).toBe(true)
    expect(() => {
      ;(state.contacts as unknown[]).push({})
    }).toThrow(TypeError)
    expect(() => {
      ;(state.contacts[0] as { name: string | null }).name = 'Mallory'
    }).toThrow(TypeError)
    expect(() => {
      ;(state.contacts[0]?.custom_attributes as Record<string, unknown>).plan = 'free'
    }).toThrow(TypeError)
    expect(() => {
      ;(state.events[0]?.metadata.price as { amount: number }).amount = 1
    }).toThrow(TypeError)
    expect(() => {
      ;(state.companies[0]?.plan as { name: string }).name = 'x'
    }).toThrow(TypeError)
    expect(() => {
      ;(state.eventNames as string[]).pop()
    }).toThrow(TypeError)
    expect(intercom.state).toEqual(state)
    expect(intercom.state.contacts[0]?.name).toBe('Ann')
  })

  it('is a fresh object on every read, and later snapshots see later changes', () => {
    const intercom = createIntercomEmulator()
    const before = intercom.state
    intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    const after = intercom.state
    expect(before.contacts).toEqual([])
    expect(after.contacts).toHaveLength(1)
    expect(intercom.state).not.toBe(after)
    expect(intercom.state).toEqual(after)
  })
})

describe('determinism', () => {
  it('the same requests give identical responses, logs and state', async () => {
    const a = createIntercomEmulator(options)
    const b = createIntercomEmulator(options)
    const fromA = session().map((req) => a.handle(req))
    const fromB = []
    for (const req of session()) fromB.push(await b.send(req))
    expect(fromB).toEqual(fromA)
    expect(b.state).toEqual(a.state)
    expect(b.requests).toEqual(a.requests)
  })

  const arbitraryRequest = fc
    .record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE' as const),
      path: fc.constantFrom(
        '/contacts',
        '/contacts/search',
        '/contacts/6a00c0000000000000000001',
        '/contacts/6a00c0000000000000000001/companies',
        '/contacts/6a00c0000000000000000001/companies/6a00c1000000000000000001',
        '/contacts/find_by_external_id/u1',
        '/companies',
        '/companies?company_id=c1',
        '/events',
        '/data_attributes',
        '/users',
      ),
      version: fc.constantFrom('2.16', '2.11', '1.4'),
      body: fc.option(
        fc.oneof(
          fc.record(
            {
              external_id: fc.constantFrom('u1', 'u2'),
              email: fc.constantFrom('a@x.com', 'b@x.com'),
              user_id: fc.constantFrom('u1', 'u2'),
              company_id: fc.constantFrom('c1', 'c2'),
              id: fc.constantFrom('6a00c0000000000000000001', '6a00c1000000000000000001'),
              event_name: fc.constantFrom('a', 'b'),
              created_at: fc.integer({ min: 0, max: 3 }),
              name: fc.string(),
              custom_attributes: fc.dictionary(fc.constantFrom('plan', 'x'), fc.jsonValue(), {
                maxKeys: 2,
              }),
              query: fc.constant({ field: 'external_id', operator: '=', value: 'u1' }),
              companies: fc.constant([{ company_id: 'c1' }]),
            },
            { requiredKeys: [] },
          ),
          fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }),
        ),
        { nil: undefined },
      ),
    })
    .map(({ method, path, version, body }) =>
      request(method, path, body as Record<string, unknown> | undefined, version),
    )

  it('any request sequence replays identically and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRequest, fc.nat(20_000)), { maxLength: 25 }),
        (steps) => {
          const run = () => {
            const intercom = createIntercomEmulator({
              searchLag: 2,
              rateLimit: { limit: 10, windowMs: 10_000 },
            })
            const responses = steps.map(([req, wait]) => {
              intercom.advanceTime(wait)
              return intercom.handle(req)
            })
            return { responses, state: intercom.state }
          }
          const first = run()
          expect(run()).toEqual(first)
          for (const response of first.responses) {
            expect(response.status).toBeGreaterThanOrEqual(200)
            expect(response.status).toBeLessThan(500)
            if (response.status >= 400) {
              expect(response.body).toMatchObject({
                type: 'error.list',
                errors: [{ code: expect.any(String) }],
              })
            }
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
