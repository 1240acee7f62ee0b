import { describe, expect, it } from 'vitest'
import { bodyOf, firstError, setup } from './helpers.js'

const start = Date.UTC(2026, 0, 1) / 1000

describe('POST /users (1.4)', () => {
  it('creates a role-user contact and answers the 1.4 user object', () => {
    const { v14, intercom } = setup()
    const response = v14('POST', '/users', {
      user_id: 'u1',
      email: 'ann@example.com',
      name: 'Ann',
      phone: '+1',
      signed_up_at: 1_600_000_000,
      last_request_at: 1_700_000_000,
      last_seen_ip: '1.2.3.4',
      last_seen_user_agent: 'Mozilla/5.0',
      unsubscribed_from_emails: true,
      new_session: true,
    })
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toEqual({
      type: 'user',
      id: '6a00c0000000000000000001',
      user_id: 'u1',
      email: 'ann@example.com',
      phone: '+1',
      name: 'Ann',
      avatar: { type: 'avatar', image_url: null },
      app_id: 'emulated',
      created_at: start,
      updated_at: start,
      signed_up_at: 1_600_000_000,
      last_request_at: 1_700_000_000,
      session_count: 1,
      last_seen_ip: '1.2.3.4',
      user_agent_data: 'Mozilla/5.0',
      unsubscribed_from_emails: true,
      pseudonym: null,
      anonymous: false,
      owner_id: null,
      has_hard_bounced: false,
      marked_email_as_spam: false,
      custom_attributes: {},
      companies: { type: 'company.list', companies: [] },
      location_data: {},
      social_profiles: { type: 'social_profile.list', social_profiles: [] },
      segments: { type: 'segment.list', segments: [] },
      tags: { type: 'tag.list', tags: [] },
    })
    expect(intercom.state.contacts[0]).toMatchObject({
      role: 'user',
      external_id: 'u1',
      last_seen_at: 1_700_000_000,
      last_request_at: 1_700_000_000,
      last_seen_ip: '1.2.3.4',
      last_seen_user_agent: 'Mozilla/5.0',
      session_count: 1,
    })
  })

  it('upserts by user_id, else by email, else by Intercom id', () => {
    const { v14, intercom } = setup()
    const created = bodyOf(v14('POST', '/users', { user_id: 'u1', email: 'a@example.com' }))
    expect(bodyOf(v14('POST', '/users', { user_id: 'u1', name: 'Ann' })).id).toBe(created.id)
    expect(bodyOf(v14('POST', '/users', { email: 'A@example.com', phone: '9' })).id).toBe(
      created.id,
    )
    expect(bodyOf(v14('POST', '/users', { id: created.id, new_session: true })).id).toBe(created.id)
    expect(intercom.state.contacts).toHaveLength(1)
    expect(intercom.state.contacts[0]).toMatchObject({ name: 'Ann', phone: '9', session_count: 1 })
    // A new email with no user_id creates a new user.
    expect(bodyOf(v14('POST', '/users', { email: 'b@example.com' })).id).not.toBe(created.id)
    expect(firstError(v14('POST', '/users', { id: 'ghost' }))).toEqual({
      code: 'not_found',
      message: 'User Not Found',
    })
  })

  it('needs user_id, email or id', () => {
    const { v14 } = setup()
    for (const body of [{}, { name: 'x' }, { email: '' }, { email: null }]) {
      const response = v14('POST', '/users', body)
      expect(response.status).toBe(400)
      expect(firstError(response).code).toBe('parameter_not_found')
    }
    expect(firstError(v14('POST', '/users')).code).toBe('parameter_not_found')
  })

  it('refuses a user_id that belongs to another user', () => {
    const { v14 } = setup()
    const a = bodyOf(v14('POST', '/users', { user_id: 'a' }))
    const b = bodyOf(v14('POST', '/users', { user_id: 'b' }))
    const response = v14('POST', '/users', { id: b.id, user_id: 'a' })
    expect(response.status).toBe(409)
    expect(firstError(response).message).toBe(
      `A contact matching those details already exists with id=${String(a.id)}`,
    )
  })

  it('sets last_request_at to the virtual now with update_last_request_at', () => {
    const { v14, intercom } = setup()
    intercom.advanceTime(90_500)
    const user = bodyOf(v14('POST', '/users', { user_id: 'u1', update_last_request_at: true }))
    expect(user.last_request_at).toBe(start + 90)
    // An explicit last_request_at wins over "now".
    const explicit = bodyOf(
      v14('POST', '/users', { user_id: 'u1', update_last_request_at: true, last_request_at: 5 }),
    )
    expect(explicit.last_request_at).toBe(5)
  })

  it('creates custom attributes on first use, inferring their type', () => {
    const { v14, intercom } = setup()
    const user = bodyOf(
      v14('POST', '/users', {
        user_id: 'u1',
        custom_attributes: {
          plan: 'pro',
          seats: 3,
          ratio: 0.5,
          vip: true,
          trial_ends_at: 1_700_000_000,
          note: null,
        },
      }),
    )
    expect(user.custom_attributes).toEqual({
      plan: 'pro',
      seats: 3,
      ratio: 0.5,
      vip: true,
      trial_ends_at: 1_700_000_000,
      note: null,
    })
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'seats', model: 'contact', data_type: 'integer' },
      { name: 'ratio', model: 'contact', data_type: 'float' },
      { name: 'vip', model: 'contact', data_type: 'boolean' },
      { name: 'trial_ends_at', model: 'contact', data_type: 'date' },
      { name: 'note', model: 'contact', data_type: 'string' },
    ])
    // Values still follow the rules.
    const nested = v14('POST', '/users', {
      user_id: 'u1',
      custom_attributes: { address: { city: 'x' } },
    })
    expect(firstError(nested)).toMatchObject({
      code: 'parameter_invalid',
      field: 'custom_attributes.address',
    })
  })

  it('upserts and attaches companies, and detaches with remove: true', () => {
    const { v14, intercom } = setup()
    const user = bodyOf(
      v14('POST', '/users', {
        user_id: 'u1',
        companies: [
          {
            company_id: 'acme',
            name: 'Acme',
            plan: 'Pro',
            monthly_spend: 99.9,
            custom_attributes: { tier: 'gold' },
          },
          { company_id: 'globex', name: 'Globex' },
        ],
      }),
    )
    expect(user.companies).toEqual({
      type: 'company.list',
      companies: [
        { type: 'company', id: '6a00c1000000000000000001', company_id: 'acme', name: 'Acme' },
        { type: 'company', id: '6a00c1000000000000000002', company_id: 'globex', name: 'Globex' },
      ],
    })
    expect(intercom.state.companies[0]).toMatchObject({
      company_id: 'acme',
      monthly_spend: 99,
      plan: { type: 'plan', name: 'Pro' },
      custom_attributes: { tier: 'gold' },
      user_count: 1,
    })
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'tier', model: 'company', data_type: 'string' },
    ])
    const removed = bodyOf(
      v14('POST', '/users', { user_id: 'u1', companies: [{ company_id: 'acme', remove: true }] }),
    )
    expect((removed.companies as { companies: unknown[] }).companies).toHaveLength(1)
    expect(intercom.state.associations).toEqual([
      { contactId: '6a00c0000000000000000001', companyId: '6a00c1000000000000000002' },
    ])
    // The company itself stays.
    expect(intercom.state.companies).toHaveLength(2)
    // Removing a company that is not attached, or unknown, changes nothing.
    expect(
      v14('POST', '/users', {
        user_id: 'u1',
        companies: [
          { company_id: 'acme', remove: true },
          { company_id: 'nobody', remove: true },
        ],
      }).status,
    ).toBe(200)
    expect(intercom.state.companies).toHaveLength(2)
    expect(intercom.state.associations).toHaveLength(1)
  })

  it('validates every company before changing anything', () => {
    const { v14, intercom } = setup()
    for (const [companies, field] of [
      ['acme', 'companies'],
      [['acme'], 'companies[0]'],
      [[{ company_id: 'a' }, { name: 'no id' }], 'companies[1].company_id'],
      [[{ company_id: 'a', remove: 'yes' }], 'companies[0].remove'],
      [[{ company_id: 'a', monthly_spend: 2 ** 31 }], 'companies[0].monthly_spend'],
      [[{ company_id: 'a', created_at: 1 }], 'companies[0].created_at'],
    ] as const) {
      const response = v14('POST', '/users', { user_id: 'u1', companies })
      expect(response.status).toBe(400)
      expect(firstError(response).field).toBe(field)
    }
    expect(intercom.state.contacts).toEqual([])
    expect(intercom.state.companies).toEqual([])
  })

  it('refuses more than 1000 companies before changing anything', () => {
    const { v14, intercom } = setup()
    const companies = Array.from({ length: 1001 }, (_, i) => ({ company_id: `c${i}` }))
    const response = v14('POST', '/users', { user_id: 'u1', companies })
    expect(response.status).toBe(400)
    expect(firstError(response).code).toBe('contact_company_limit_exceeded')
    expect(intercom.state.companies).toEqual([])
    // Removing one while adding one stays within the limit.
    v14('POST', '/users', { user_id: 'u1', companies: companies.slice(0, 1000) })
    const swap = v14('POST', '/users', {
      user_id: 'u1',
      companies: [{ company_id: 'c0', remove: true }, { company_id: 'c1000' }],
    })
    expect(swap.status).toBe(200)
    expect(
      v14('POST', '/users', { user_id: 'u1', companies: [{ company_id: 'c1001' }] }).status,
    ).toBe(400)
  })

  it.each([
    [{ user_id: 'u1', created_at: 1 }, 'created_at'],
    [{ user_id: 'u1', role: 'lead' }, 'role'],
    [{ user_id: 'u1', name: 3 }, 'name'],
    [{ user_id: 'u1', last_request_at: 'now' }, 'last_request_at'],
    [{ user_id: 'u1', new_session: 1 }, 'new_session'],
    [{ user_id: {} }, 'user_id'],
  ])('refuses %j', (body, field) => {
    const { v14 } = setup()
    const response = v14('POST', '/users', body)
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code: 'parameter_invalid', field })
  })

  it('turns a lead with that user_id into a user', () => {
    const { v2, v14, intercom } = setup()
    v2('POST', '/contacts', { role: 'lead', external_id: 'x' })
    v14('POST', '/users', { user_id: 'x' })
    expect(intercom.state.contacts.map((c) => c.role)).toEqual(['user'])
  })
})

describe('API version routing', () => {
  it('answers /users under 2.x with a 404 pointing to the Contacts API', () => {
    const { v2 } = setup()
    const response = v2('POST', '/users', { user_id: 'u1' })
    expect(response.status).toBe(404)
    expect(firstError(response).code).toBe('not_found')
    expect(firstError(response).message).toContain('Contacts API')
  })

  it('answers /contacts routes under 1.x with 404', () => {
    const { v14 } = setup()
    expect(v14('POST', '/contacts', { external_id: 'u1' }).status).toBe(404)
    expect(v14('POST', '/contacts/search', { query: {} }).status).toBe(404)
    expect(v14('GET', '/contacts/x').status).toBe(404)
  })

  it('serves POST/GET /companies under 1.4, creating custom attributes as 1.x did', () => {
    const { v14, intercom } = setup()
    const company = v14('POST', '/companies', { company_id: 'a', custom_attributes: { tier: 1 } })
    expect(company.status).toBe(200)
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'tier', model: 'company', data_type: 'integer' },
    ])
    expect(bodyOf(v14('GET', '/companies?company_id=a')).id).toBe(bodyOf(company).id)
  })

  it('1.4 users are contacts a 2.x client sees', () => {
    const { v2, v14 } = setup()
    const user = bodyOf(v14('POST', '/users', { user_id: 'u1', last_seen_ip: '1.1.1.1' }))
    const contact = bodyOf(v2('GET', `/contacts/${String(user.id)}`))
    expect(contact).toMatchObject({ role: 'user', external_id: 'u1' })
    expect(contact).not.toHaveProperty('last_seen_ip')
  })
})
