/** The 2.x exchanges step by step, with scripted answers (no emulator). */
import { describe, expect, it } from 'vitest'
import {
  deliver,
  type IntercomRequest,
  type IntercomResponse,
  type MapOptions,
  type Outcome,
  toRest,
} from '../../src/index.js'
import { createScriptedTransport } from '../../src/testing/index.js'

const T0 = '2026-03-02T10:00:00.000Z'
const SECONDS = Date.parse(T0) / 1000
const ok = (body: unknown): IntercomResponse => ({ status: 200, body })
const list = (...data: unknown[]) => ok({ type: 'list', data, total_count: data.length })
const error = (status: number, code: string, message: string): IntercomResponse => ({
  status,
  body: { type: 'error.list', request_id: 'r1', errors: [{ code, message }] },
})

async function run(event: unknown, replies: (IntercomResponse | Error)[], options?: MapOptions) {
  const transport = createScriptedTransport(replies)
  const outcome = await deliver(toRest(event, options), transport.send)
  return { outcome, requests: transport.requests as readonly IntercomRequest[] }
}

const identify = {
  type: 'identify',
  userId: 'u1',
  timestamp: T0,
  traits: { email: 'ada@example.com', name: 'Ada', plan: 'pro' },
  context: { ip: '1.2.3.4' },
}

describe('identify over 2.x', () => {
  it('searches by external_id or email, then updates the contact it found', async () => {
    const { outcome, requests } = await run(identify, [
      list({ id: 'c9', external_id: 'u1', email: 'ada@example.com', role: 'user' }),
      ok({ id: 'c9' }),
    ])
    expect(outcome).toEqual({
      status: 'delivered',
      requests: 2,
      warnings: [
        {
          code: 'unsupported_field',
          path: 'context.ip',
          message: 'The 2.x Contacts API cannot set last_seen_ip; not sent',
        },
      ],
      learned: { version: 1, contacts: { byExternalId: { u1: 'c9' } } },
    })
    expect(requests[0]).toEqual({
      method: 'POST',
      url: 'https://api.intercom.io/contacts/search',
      path: '/contacts/search',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Intercom-Version': '2.16',
      },
      body: {
        query: {
          operator: 'OR',
          value: [
            { field: 'external_id', operator: '=', value: 'u1' },
            { field: 'email', operator: '=', value: 'ada@example.com' },
          ],
        },
      },
    })
    expect(requests[1]).toMatchObject({
      method: 'PUT',
      path: '/contacts/c9',
      body: {
        external_id: 'u1',
        email: 'ada@example.com',
        name: 'Ada',
        last_seen_at: SECONDS,
        custom_attributes: { plan: 'pro' },
      },
    })
    expect(requests[1]?.body).not.toHaveProperty('role')
  })

  it('adopts a user found by email without an external_id, never one owned by another userId or a lead', async () => {
    const other = { id: 'x1', external_id: 'someone-else', email: 'ada@example.com', role: 'user' }
    const lead = { id: 'x2', external_id: null, email: 'ada@example.com', role: 'lead' }
    const orphan = { id: 'x3', external_id: null, email: 'ada@example.com', role: 'user' }
    const adopted = await run(identify, [list(other, lead, orphan), ok({ id: 'x3' })])
    expect(adopted.requests[1]).toMatchObject({ method: 'PUT', path: '/contacts/x3' })
    const created = await run(identify, [list(other, lead), ok({ id: 'new' })])
    expect(created.requests[1]).toMatchObject({
      method: 'POST',
      path: '/contacts',
      body: { role: 'user', external_id: 'u1' },
    })
  })

  it("on 409 updates the id Intercom names once it is this user's; without an id it is retry conflict", async () => {
    const conflict = error(
      409,
      'conflict',
      'A contact matching those details already exists with id=65f0a1b2c3',
    )
    const { outcome, requests } = await run(identify, [
      list(),
      conflict,
      ok({ id: '65f0a1b2c3', external_id: 'u1' }),
      ok({ id: '65f0a1b2c3' }),
    ])
    expect(outcome.status).toBe('delivered')
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      'GET /contacts/65f0a1b2c3',
      'PUT /contacts/65f0a1b2c3',
    ])
    const another = await run(identify, [
      list(),
      conflict,
      ok({ id: '65f0a1b2c3', external_id: 'u9' }),
    ])
    expect(another.outcome).toMatchObject({ status: 'failed', code: 'conflict' })
    expect(another.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET'])
    const noId = await run(identify, [
      list(),
      error(409, 'conflict', 'A contact matching those details already exists'),
    ])
    expect(noId.outcome).toMatchObject({ status: 'retry', code: 'conflict' })
  })

  it('upserts and attaches each company; detaches removed ones; percent-encodes ids in paths', async () => {
    const event = {
      ...identify,
      traits: {
        ...identify.traits,
        companies: [
          { id: 'acme/1', name: 'Acme' },
          { id: 'old co', remove: true },
        ],
      },
    }
    const { outcome, requests } = await run(event, [
      list({ id: 'c/1', external_id: 'u1', role: 'user' }),
      ok({ id: 'c/1' }),
      ok({ id: 'co1', company_id: 'acme/1' }),
      ok({ id: 'co1' }),
      ok({ type: 'list', data: [{ id: 'co2', company_id: 'old co' }] }),
      ok({ id: 'co2' }),
    ])
    expect(outcome).toMatchObject({ status: 'delivered', requests: 6 })
    expect(requests.slice(2).map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', '/companies', { company_id: 'acme/1', name: 'Acme' }],
      ['POST', '/contacts/c%2F1/companies', { id: 'co1' }],
      ['GET', '/companies?company_id=old%20co', undefined],
      ['DELETE', '/contacts/c%2F1/companies/co2', undefined],
    ])
    expect(requests[4]?.headers).not.toHaveProperty('Content-Type')
  })

  it('ends with unexpected_response on malformed answers a later step needs, never throwing', async () => {
    const html = { status: 502, body: '<html>Bad gateway</html>' }
    expect((await run(identify, [html])).outcome).toMatchObject({
      status: 'retry',
      code: 'server_error',
    })
    expect((await run(identify, [ok('<html>oops</html>')])).outcome).toMatchObject({
      status: 'failed',
      code: 'unexpected_response',
    })
    expect((await run(identify, [ok({ data: [{ name: 'no id' }] })])).outcome).toMatchObject({
      code: 'unexpected_response',
    })
    // The created contact's id is needed to attach its company: without it, failed.
    const withCompany = { ...identify, traits: { ...identify.traits, company: { id: 'acme' } } }
    expect((await run(withCompany, [list(), ok({ type: 'contact' })])).outcome).toMatchObject({
      code: 'unexpected_response',
    })
    // Nothing follows the create: the write happened, delivered with a warning (issue 9 item 12).
    expect((await run(identify, [list(), ok({ type: 'contact' })])).outcome).toMatchObject({
      status: 'delivered',
      requests: 2,
      warnings: expect.arrayContaining([
        {
          code: 'incomplete_response',
          path: 'userId',
          message:
            'POST /contacts: the answer has no "id"; the write happened and nothing later needs it',
        },
      ]),
      learned: { version: 1 },
    })
    const notAResponse = createScriptedTransport([() => 'nonsense' as unknown as IntercomResponse])
    expect(await deliver(toRest(identify), notAResponse.send)).toMatchObject({
      code: 'unexpected_response',
    })
  })

  it('a send that rejects is retry transport_error; deliver never rejects', async () => {
    const { outcome } = await run(identify, [new Error('ECONNRESET')])
    expect(outcome).toEqual({
      status: 'retry',
      code: 'transport_error',
      message: 'POST /contacts/search was not answered: ECONNRESET',
      learned: { version: 1 },
    })
  })

  it('never sends an Authorization header, and uses the region base URL', async () => {
    for (const [region, base] of [
      ['us', 'https://api.intercom.io'],
      ['eu', 'https://api.eu.intercom.io'],
      ['au', 'https://api.au.intercom.io'],
    ] as const) {
      const { requests } = await run(identify, [list(), ok({ id: 'n' })], {
        settings: { region, apiVersion: '2.11' },
      })
      for (const r of requests) {
        expect(r.url).toBe(base + r.path)
        expect(Object.keys(r.headers).map((h) => h.toLowerCase())).not.toContain('authorization')
        expect(r.headers['Intercom-Version']).toBe('2.11')
      }
    }
  })

  it('exchange() starts a fresh conversation each call', () => {
    const m = toRest(identify)
    if (m.status !== 'mapped') throw new Error(m.status)
    const a = m.exchange()
    const b = m.exchange()
    expect(a.next().value).toEqual(b.next().value)
    expect(a.next(list()).value).toMatchObject({ method: 'POST', path: '/contacts' })
    expect(b.next(list({ id: 'c1', external_id: 'u1', role: 'user' })).value).toMatchObject({
      method: 'PUT',
    })
  })
})

describe('track and group over 2.x', () => {
  const purchase = {
    type: 'track',
    userId: 'u1',
    event: 'Order Completed',
    timestamp: T0,
    properties: { revenue: 19.99 },
  }

  it('track is one POST /events; 202 delivered; 404 retry contact_not_found', async () => {
    const delivered = await run(purchase, [{ status: 202 }])
    expect(delivered.outcome).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [],
      learned: { version: 1 },
    })
    expect(delivered.requests[0]?.body).toEqual({
      event_name: 'Order Completed',
      created_at: SECONDS,
      user_id: 'u1',
      metadata: { price: { amount: 1999, currency: 'usd' } },
    })
    const missing = await run(purchase, [error(404, 'not_found', 'User Not Found')])
    expect(missing.outcome).toMatchObject({ status: 'retry', code: 'contact_not_found' })
  })

  it('group upserts the company (monthly_spend rounded, warned), attaches the user, updates last-seen', async () => {
    const group = {
      type: 'group',
      userId: 'u1',
      groupId: 'g1',
      timestamp: T0,
      traits: {
        name: 'Segment',
        plan: 'Team',
        monthly_spend: 99.5,
        employees: 12,
        createdAt: '2011-06-01T00:00:00Z',
        region: 'EMEA',
      },
    }
    const { outcome, requests } = await run(group, [
      ok({ id: 'co1' }),
      list({ id: 'c1', external_id: 'u1', role: 'user' }),
      ok({ id: 'co1' }),
      ok({ id: 'c1' }),
    ])
    expect(outcome).toMatchObject({ status: 'delivered', requests: 4 })
    expect(requests[0]?.body).toEqual({
      company_id: 'g1',
      name: 'Segment',
      plan: 'Team',
      monthly_spend: 100,
      size: 12,
      remote_created_at: Date.parse('2011-06-01T00:00:00Z') / 1000,
      custom_attributes: { region: 'EMEA' },
    })
    expect(requests.slice(1).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`)).toEqual(
      [
        expect.stringContaining('POST /contacts/search'),
        'POST /contacts/c1/companies {"id":"co1"}',
        `PUT /contacts/c1 {"last_seen_at":${SECONDS}}`,
      ],
    )
    const active = await run({ ...group, context: { active: false } }, [
      ok({ id: 'co1' }),
      list({ id: 'c1', external_id: 'u1', role: 'user' }),
      ok({ id: 'co1' }),
    ])
    expect(active.outcome).toMatchObject({ status: 'delivered', requests: 3 })
  })

  it('page, screen, alias and reset are skipped with a message naming the target that sends them', () => {
    for (const type of ['page', 'screen', 'alias', 'reset']) {
      const m = toRest({ type, userId: 'u', previousId: 'p' })
      expect(m).toMatchObject({ status: 'skipped', reason: 'unsupported_type' })
    }
    expect(toRest({ type: 'page' })).toMatchObject({
      message: expect.stringContaining('toMessenger'),
    })
  })
})

describe('missing custom attributes', () => {
  const missing = error(400, 'parameter_invalid', "Custom attribute 'plan' does not exist")
  it("with unknownAttributes 'fail': fails attribute_not_found naming the attribute", async () => {
    const { outcome } = await run(identify, [list(), missing], {
      settings: { unknownAttributes: 'fail' },
    })
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'attribute_not_found',
      errors: [{ attribute: 'plan', model: 'contact' }],
    })
  })
  it('with createMissingAttributes: POST /data_attributes with the inferred type, then the write again, once', async () => {
    const options = { settings: { createMissingAttributes: true } }
    const { outcome, requests } = await run(
      identify,
      [list(), missing, ok({ name: 'plan' }), ok({ id: 'c1' })],
      options,
    )
    expect(outcome).toMatchObject({ status: 'delivered', requests: 4 })
    expect(requests[2]).toMatchObject({
      method: 'POST',
      path: '/data_attributes',
      body: { name: 'plan', model: 'contact', data_type: 'string' },
    })
    expect(requests[3]).toMatchObject({ method: 'POST', path: '/contacts' })
    const twice: Outcome = (await run(identify, [list(), missing, ok({}), missing], options))
      .outcome
    expect(twice).toMatchObject({ status: 'failed', code: 'attribute_not_found' })
  })
})

describe('a 2xx answer lacking what no later step needs (issue 9 item 12)', () => {
  it('a group without a user: the upsert answered without an id is delivered, warned', async () => {
    const group = {
      type: 'group',
      anonymousId: 'a1',
      groupId: 'acme',
      timestamp: T0,
      traits: { name: 'Acme' },
    }
    const { outcome } = await run(group, [ok({ type: 'company' })])
    expect(outcome).toMatchObject({
      status: 'delivered',
      requests: 1,
      warnings: expect.arrayContaining([
        expect.objectContaining({ code: 'incomplete_response', path: 'traits' }),
      ]),
    })
  })

  it('an update answered without an id keeps the id it was sent to', async () => {
    const { outcome } = await run(identify, [
      list({ id: 'c9', external_id: 'u1', role: 'user' }),
      ok({ type: 'contact' }),
    ])
    expect(outcome).toMatchObject({
      status: 'delivered',
      warnings: expect.arrayContaining([
        expect.objectContaining({ code: 'incomplete_response', path: 'userId' }),
      ]),
      learned: { version: 1, contacts: { byExternalId: { u1: 'c9' } } },
    })
  })
})

describe('2.x: hostile input', () => {
  it('toRest never throws, even on an input whose getter throws', () => {
    const input = {
      type: 'identify',
      get userId(): string {
        throw new Error('boom')
      },
    }
    expect(() => toRest(input)).not.toThrow()
  })
})
