import { describe, expect, it } from 'vitest'
import { bodyOf, firstError, setup } from './helpers.js'

type Contact = { id: string; external_id: string | null; email: string }

function ids(response: { body?: unknown }): (string | null)[] {
  return (bodyOf(response as never).data as Contact[]).map((c) => c.external_id)
}

/** Three users and a lead, created at day 0, 1 and 2 of the virtual clock. */
function seeded(options = {}) {
  const env = setup({
    dataAttributes: [
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'seats', model: 'contact', data_type: 'integer' },
    ],
    ...options,
  })
  const { v2, intercom } = env
  v2('POST', '/contacts', {
    external_id: 'u1',
    email: 'ann@acme.com',
    name: 'Ann',
    custom_attributes: { plan: 'pro', seats: 5 },
  })
  intercom.advanceTime(86_400_000)
  v2('POST', '/contacts', {
    external_id: 'u2',
    email: 'bob@globex.com',
    name: 'Bob',
    custom_attributes: { plan: 'free', seats: 1 },
  })
  intercom.advanceTime(86_400_000)
  v2('POST', '/contacts', { external_id: 'u3', email: 'cy@acme.com', signed_up_at: 1_700_000_000 })
  v2('POST', '/contacts', { role: 'lead', email: 'lead@acme.com' })
  return env
}

const search = (query: unknown, extra: Record<string, unknown> = {}) => ({ query, ...extra })

describe('POST /contacts/search', () => {
  it('finds by external_id and answers a contact list', () => {
    const { v2 } = seeded()
    const response = v2(
      'POST',
      '/contacts/search',
      search({ field: 'external_id', operator: '=', value: 'u2' }),
    )
    expect(response.status).toBe(200)
    const body = bodyOf(response)
    expect(body).toMatchObject({
      type: 'list',
      total_count: 1,
      pages: { type: 'pages', page: 1, per_page: 50, total_pages: 1 },
    })
    expect(body.data).toEqual([bodyOf(v2('GET', '/contacts/6a00c0000000000000000002'))])
  })

  it('answers an empty list with total_pages 0 when nothing matches', () => {
    const { v2 } = seeded()
    const body = bodyOf(
      v2(
        'POST',
        '/contacts/search',
        search({ field: 'external_id', operator: '=', value: 'nope' }),
      ),
    )
    expect(body).toEqual({
      type: 'list',
      data: [],
      total_count: 0,
      pages: { type: 'pages', page: 1, per_page: 50, total_pages: 0 },
    })
  })

  it.each([
    [{ field: 'email', operator: '=', value: 'ANN@acme.com' }, ['u1']],
    [{ field: 'email', operator: '!=', value: 'ann@acme.com' }, ['u2', 'u3', null]],
    [{ field: 'email', operator: '~', value: 'ACME' }, ['u1', 'u3', null]],
    [{ field: 'email', operator: '!~', value: 'acme' }, ['u2']],
    [{ field: 'email', operator: '^', value: 'bo' }, ['u2']],
    [{ field: 'email', operator: '$', value: '@globex.com' }, ['u2']],
    [{ field: 'email_domain', operator: '=', value: 'acme.com' }, ['u1', 'u3', null]],
    [{ field: 'external_id', operator: 'IN', value: ['u1', 'u3', 'zz'] }, ['u1', 'u3']],
    [{ field: 'external_id', operator: 'NIN', value: ['u1'] }, ['u2', 'u3', null]],
    [{ field: 'external_id', operator: '=', value: 'U1' }, []],
    [{ field: 'role', operator: '=', value: 'lead' }, [null]],
    [{ field: 'name', operator: '=', value: 'Bob' }, ['u2']],
    [{ field: 'phone', operator: '!=', value: 'x' }, ['u1', 'u2', 'u3', null]],
    [{ field: 'id', operator: '=', value: '6a00c0000000000000000003' }, ['u3']],
    [{ field: 'owner_id', operator: '=', value: '1' }, []],
    [{ field: 'custom_attributes.plan', operator: '=', value: 'pro' }, ['u1']],
    [{ field: 'custom_attributes.plan', operator: '!=', value: 'pro' }, ['u2', 'u3', null]],
    [{ field: 'custom_attributes.plan', operator: 'IN', value: ['pro', 'free'] }, ['u1', 'u2']],
    [{ field: 'custom_attributes.plan', operator: 'NIN', value: ['pro'] }, ['u2', 'u3', null]],
    [{ field: 'custom_attributes.plan', operator: '~', value: 'RE' }, ['u2']],
    [{ field: 'custom_attributes.seats', operator: '>', value: 1 }, ['u1']],
    [{ field: 'custom_attributes.seats', operator: '>=', value: 1 }, ['u1', 'u2']],
    [{ field: 'custom_attributes.seats', operator: '<', value: 5 }, ['u2']],
    [{ field: 'custom_attributes.seats', operator: '<=', value: 5 }, ['u1', 'u2']],
    [{ field: 'created_at', operator: '=', value: Date.UTC(2026, 0, 2) / 1000 + 3600 }, ['u2']],
    [
      { field: 'created_at', operator: '>', value: String(Date.UTC(2026, 0, 2) / 1000) },
      ['u3', null],
    ],
    [{ field: 'created_at', operator: '<', value: Date.UTC(2026, 0, 2) / 1000 }, ['u1']],
    [{ field: 'signed_up_at', operator: '>', value: 0 }, ['u3']],
  ])('filters %j', (query, expected) => {
    const { v2 } = seeded()
    expect(ids(v2('POST', '/contacts/search', search(query)))).toEqual(expected)
  })

  it('combines filters with AND / OR, nested one level', () => {
    const { v2 } = seeded()
    const or = search({
      operator: 'OR',
      value: [
        { field: 'external_id', operator: '=', value: 'u2' },
        { field: 'email', operator: '=', value: 'cy@acme.com' },
      ],
    })
    expect(ids(v2('POST', '/contacts/search', or))).toEqual(['u2', 'u3'])
    const nested = search({
      operator: 'AND',
      value: [
        { field: 'role', operator: '=', value: 'user' },
        {
          operator: 'OR',
          value: [
            { field: 'email', operator: '~', value: 'acme' },
            { field: 'name', operator: '=', value: 'Bob' },
          ],
        },
      ],
    })
    expect(ids(v2('POST', '/contacts/search', nested))).toEqual(['u1', 'u2', 'u3'])
  })

  it('refuses more than 15 filters in a group', () => {
    const { v2 } = seeded()
    const filters = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ field: 'external_id', operator: '=', value: `x${i}` }))
    expect(
      v2('POST', '/contacts/search', search({ operator: 'OR', value: filters(15) })).status,
    ).toBe(200)
    const response = v2('POST', '/contacts/search', search({ operator: 'OR', value: filters(16) }))
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code: 'parameter_invalid' })
    expect(firstError(response).message).toContain('15')
  })

  it('refuses groups nested deeper than two levels', () => {
    const { v2 } = seeded()
    const leaf = { field: 'external_id', operator: '=', value: 'u1' }
    const deep = search({
      operator: 'AND',
      value: [{ operator: 'OR', value: [{ operator: 'AND', value: [leaf] }] }],
    })
    expect(firstError(v2('POST', '/contacts/search', deep)).code).toBe('parameter_invalid')
  })

  it.each([
    [{ field: 'last_seen_ip', operator: '=', value: 'x' }],
    [{ field: 'custom_attributes.undefined_one', operator: '=', value: 'x' }],
    [{ field: 'email', operator: '>', value: 'x' }],
    [{ field: 'email', operator: '=', value: 3 }],
    [{ field: 'email', operator: 'IN', value: 'x' }],
    [{ field: 'created_at', operator: '!=', value: 1 }],
    [{ field: 'created_at', operator: '=', value: 'yesterday' }],
    [{ field: 'custom_attributes.plan', operator: 'IN', value: 'pro' }],
    [{ field: 'custom_attributes.plan', operator: '=', value: ['pro'] }],
    [{ field: 'custom_attributes.plan', operator: 'BETWEEN', value: 'x' }],
    [{ field: 'custom_attributes.seats', operator: '>', value: '1' }],
    [{ operator: '=', value: 'x' }],
    [{ field: 'email', value: 'x' }],
    [{ operator: 'OR', value: [] }],
    [{ operator: 'OR', value: ['x'] }],
    ['x'],
  ])('answers 400 for an unsupported query %j', (query) => {
    const { v2 } = seeded()
    const response = v2('POST', '/contacts/search', search(query))
    expect(response.status).toBe(400)
    expect(['parameter_invalid', 'parameter_not_found']).toContain(firstError(response).code)
  })

  it('needs a query', () => {
    const { v2 } = seeded()
    expect(firstError(v2('POST', '/contacts/search', {})).code).toBe('parameter_not_found')
    expect(firstError(v2('POST', '/contacts/search')).code).toBe('parameter_not_found')
  })

  it('paginates with per_page and a starting_after cursor', () => {
    const { v2 } = seeded()
    const all = { field: 'email', operator: '~', value: '@' }
    const first = bodyOf(
      v2('POST', '/contacts/search', search(all, { pagination: { per_page: 3 } })),
    )
    expect(first.total_count).toBe(4)
    expect((first.data as unknown[]).length).toBe(3)
    expect(first.pages).toEqual({
      type: 'pages',
      page: 1,
      per_page: 3,
      total_pages: 2,
      next: { page: 2, starting_after: 'page-2' },
    })
    const second = bodyOf(
      v2(
        'POST',
        '/contacts/search',
        search(all, { pagination: { per_page: 3, starting_after: 'page-2' } }),
      ),
    )
    expect((second.data as Contact[]).map((c) => c.email)).toEqual(['lead@acme.com'])
    expect(second.pages).toEqual({ type: 'pages', page: 2, per_page: 3, total_pages: 2 })
    for (const pagination of [{ per_page: 0 }, { per_page: 151 }, { starting_after: 'zzz' }, 'x']) {
      expect(v2('POST', '/contacts/search', search(all, { pagination })).status).toBe(400)
    }
    expect(v2('POST', '/contacts/search', search(all, { pagination: null })).status).toBe(200)
  })

  it('sorts on request and validates the sort order', () => {
    const { v2 } = seeded()
    const users = { field: 'role', operator: '=', value: 'user' }
    const byName = (order?: string) =>
      ids(
        v2(
          'POST',
          '/contacts/search',
          search(users, { sort: { field: 'name', ...(order ? { order } : {}) } }),
        ),
      )
    expect(byName('ascending')).toEqual(['u1', 'u2', 'u3'])
    // Descending by default; contacts without a name come first then.
    expect(byName()).toEqual(['u3', 'u2', 'u1'])
    const wrong = v2(
      'POST',
      '/contacts/search',
      search(users, { sort: { field: 'name', order: 'desc' } }),
    )
    expect(wrong.status).toBe(400)
    expect(firstError(wrong)).toEqual({
      code: 'invalid_sort_order',
      message: "Invalid sort order 'desc'. Must be one of: ascending, descending",
    })
    expect(v2('POST', '/contacts/search', search(users, { sort: { field: 'nope' } })).status).toBe(
      400,
    )
    expect(v2('POST', '/contacts/search', search(users, { sort: 'name' })).status).toBe(400)
  })
})

describe('search lag', () => {
  const byId = { field: 'external_id', operator: '=', value: 'u1' }

  it('hides a new contact from the next searchLag requests, whatever they are', () => {
    const { v2 } = setup({ searchLag: 3 })
    v2('POST', '/contacts', { external_id: 'u1' }) // request 1
    expect(ids(v2('POST', '/contacts/search', search(byId)))).toEqual([]) // 2
    expect(v2('GET', '/companies').status).toBe(200) // 3, not a search, still counts
    expect(ids(v2('POST', '/contacts/search', search(byId)))).toEqual([]) // 4
    expect(ids(v2('POST', '/contacts/search', search(byId)))).toEqual(['u1']) // 5
  })

  it('only lags search: the contact is found otherwise and duplicates still conflict', () => {
    const { v2 } = setup({ searchLag: 100 })
    const { id } = bodyOf(v2('POST', '/contacts', { external_id: 'u1', email: 'a@b.c' }))
    expect(ids(v2('POST', '/contacts/search', search(byId)))).toEqual([])
    expect(v2('GET', `/contacts/${String(id)}`).status).toBe(200)
    expect(v2('GET', '/contacts/find_by_external_id/u1').status).toBe(200)
    expect(v2('POST', '/contacts', { external_id: 'u1' }).status).toBe(409)
    expect(v2('POST', '/events', { event_name: 'x', created_at: 1, user_id: 'u1' }).status).toBe(
      202,
    )
  })

  it('with the default lag of 0, the next request sees the contact', () => {
    const { v2 } = setup()
    v2('POST', '/contacts', { external_id: 'u1' })
    expect(ids(v2('POST', '/contacts/search', search(byId)))).toEqual(['u1'])
  })
})
