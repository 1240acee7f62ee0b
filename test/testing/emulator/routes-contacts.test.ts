import { describe, expect, it } from 'vitest'
import { bodyOf, firstError, setup } from './helpers.js'

const plan = { name: 'plan', model: 'contact', data_type: 'string' } as const

describe('POST /contacts', () => {
  it('creates a user and answers the 2.x contact object', () => {
    const { v2, intercom } = setup({ dataAttributes: [plan] })
    const response = v2('POST', '/contacts', {
      external_id: 'u1',
      email: 'Ann@Example.com',
      name: 'Ann',
      phone: '+1 555',
      avatar: 'https://example.com/a.png',
      signed_up_at: 1_700_000_000,
      last_seen_at: 1_700_000_100,
      owner_id: 7,
      unsubscribed_from_emails: true,
      custom_attributes: { plan: 'pro' },
    })
    expect(response.status).toBe(200)
    const contact = bodyOf(response)
    expect(contact).toMatchObject({
      type: 'contact',
      id: '6a00c0000000000000000001',
      workspace_id: 'emulated',
      external_id: 'u1',
      role: 'user',
      email: 'Ann@Example.com',
      email_domain: 'example.com',
      name: 'Ann',
      phone: '+1 555',
      avatar: { type: 'avatar', image_url: 'https://example.com/a.png' },
      owner_id: 7,
      signed_up_at: 1_700_000_000,
      last_seen_at: 1_700_000_100,
      unsubscribed_from_emails: true,
      created_at: Date.UTC(2026, 0, 1) / 1000,
      custom_attributes: { plan: 'pro' },
      companies: {
        type: 'list',
        data: [],
        url: '/contacts/6a00c0000000000000000001/companies',
        total_count: 0,
        has_more: false,
      },
    })
    // 2.x does not show the 1.4-only fields.
    for (const key of [
      'last_request_at',
      'last_seen_ip',
      'last_seen_user_agent',
      'session_count',
    ]) {
      expect(contact).not.toHaveProperty(key)
    }
    expect(intercom.state.contacts).toHaveLength(1)
    expect(intercom.state.contacts[0]).toMatchObject({
      id: contact.id,
      last_request_at: 1_700_000_100,
      last_seen_ip: null,
      session_count: 0,
    })
  })

  it('defaults to role user with empty email and null fields', () => {
    const { v2 } = setup()
    expect(bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))).toMatchObject({
      role: 'user',
      email: '',
      email_domain: '',
      name: null,
      phone: null,
      avatar: null,
      owner_id: null,
      signed_up_at: null,
      last_seen_at: null,
      unsubscribed_from_emails: false,
      custom_attributes: {},
    })
  })

  it('gives deterministic, sequential ids', () => {
    const { v2 } = setup()
    const ids = ['a', 'b', 'c'].map((id) => bodyOf(v2('POST', '/contacts', { external_id: id })).id)
    expect(ids).toEqual([
      '6a00c0000000000000000001',
      '6a00c0000000000000000002',
      '6a00c0000000000000000003',
    ])
  })

  it('accepts a numeric external_id and stores it as a string', () => {
    const { v2 } = setup()
    expect(bodyOf(v2('POST', '/contacts', { external_id: 42 })).external_id).toBe('42')
  })

  it('answers 400 parameter_invalid naming a field 2.x cannot take', () => {
    const { v2, intercom } = setup()
    for (const field of ['last_seen_ip', 'companies', 'update_last_request_at', 'user_id']) {
      const response = v2('POST', '/contacts', { external_id: 'u1', [field]: 'x' })
      expect(response.status).toBe(400)
      expect(firstError(response)).toMatchObject({ code: 'parameter_invalid', field })
      expect(firstError(response).message).toContain(field)
    }
    expect(intercom.state.contacts).toEqual([])
  })

  it('needs an external_id or email unless the contact is a lead', () => {
    const { v2 } = setup()
    for (const body of [{}, { role: 'user' }, { name: 'x' }, { email: '' }]) {
      const response = v2('POST', '/contacts', body)
      expect(response.status).toBe(400)
      expect(firstError(response).code).toBe('parameter_not_found')
    }
    expect(bodyOf(v2('POST', '/contacts', { role: 'lead' })).role).toBe('lead')
    expect(v2('POST', '/contacts', { email: 'a@b.c' }).status).toBe(200)
  })

  it.each([
    [{ role: 'admin', email: 'a@b.c' }, 'role'],
    [{ email: 3 }, 'email'],
    [{ external_id: true }, 'external_id'],
    [{ external_id: 'u', name: 5 }, 'name'],
    [{ external_id: 'u', avatar: {} }, 'avatar'],
    [{ external_id: 'u', signed_up_at: '2020-01-01' }, 'signed_up_at'],
    [{ external_id: 'u', last_seen_at: 1.5 }, 'last_seen_at'],
    [{ external_id: 'u', owner_id: {} }, 'owner_id'],
    [{ external_id: 'u', unsubscribed_from_emails: 'yes' }, 'unsubscribed_from_emails'],
    [{ external_id: 'u', custom_attributes: 'x' }, 'custom_attributes'],
  ])('answers 400 parameter_invalid for a mistyped field: %j', (body, field) => {
    const { v2 } = setup()
    const response = v2('POST', '/contacts', body)
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code: 'parameter_invalid', field })
  })

  it('answers 409 with the existing id for a duplicate external_id', () => {
    const { v2, intercom } = setup()
    const first = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    const again = v2('POST', '/contacts', { external_id: 'u1', email: 'other@example.com' })
    expect(again.status).toBe(409)
    expect(firstError(again)).toEqual({
      code: 'conflict',
      message: `A contact matching those details already exists with id=${String(first.id)}`,
    })
    expect(intercom.state.contacts).toHaveLength(1)
  })

  it('answers 409 for a duplicate user email when no external_id is given', () => {
    const { v2 } = setup()
    const first = bodyOf(v2('POST', '/contacts', { external_id: 'u1', email: 'a@example.com' }))
    const again = v2('POST', '/contacts', { email: 'A@EXAMPLE.com' })
    expect(again.status).toBe(409)
    expect(firstError(again).message).toBe(
      `A contact matching those details already exists with id=${String(first.id)}`,
    )
    // With its own external_id, a second user may share the email.
    expect(v2('POST', '/contacts', { external_id: 'u2', email: 'a@example.com' }).status).toBe(200)
    // Leads never conflict on email.
    expect(v2('POST', '/contacts', { role: 'lead', email: 'a@example.com' }).status).toBe(200)
    expect(v2('POST', '/contacts', { role: 'lead', email: 'a@example.com' }).status).toBe(200)
  })

  it('a lead email does not block a user with that email', () => {
    const { v2 } = setup()
    v2('POST', '/contacts', { role: 'lead', email: 'l@example.com' })
    expect(v2('POST', '/contacts', { email: 'l@example.com' }).status).toBe(200)
  })
})

describe('custom attributes (2.x)', () => {
  it('rejects an attribute that is not defined', () => {
    const { v2, intercom } = setup()
    const response = v2('POST', '/contacts', {
      external_id: 'u1',
      custom_attributes: { favourite: 'tea' },
    })
    expect(response.status).toBe(400)
    expect(firstError(response)).toEqual({
      code: 'parameter_invalid',
      message: "Custom attribute 'favourite' does not exist",
      field: 'custom_attributes.favourite',
    })
    expect(intercom.state.contacts).toEqual([])
  })

  it('rejects a company attribute used on a contact', () => {
    const { v2 } = setup({
      dataAttributes: [{ name: 'tier', model: 'company', data_type: 'string' }],
    })
    const response = v2('POST', '/contacts', {
      external_id: 'u1',
      custom_attributes: { tier: 'a' },
    })
    expect(firstError(response).message).toBe("Custom attribute 'tier' does not exist")
  })

  it('accepts strings up to 255 characters, numbers, booleans and null', () => {
    const { v2 } = setup({
      dataAttributes: [
        plan,
        { name: 'seats', model: 'contact', data_type: 'integer' },
        { name: 'score', model: 'contact', data_type: 'float' },
        { name: 'vip', model: 'contact', data_type: 'boolean' },
        { name: 'renewed_at', model: 'contact', data_type: 'date' },
      ],
    })
    const custom = {
      plan: '😀'.repeat(255),
      seats: 3,
      score: 2.5,
      vip: false,
      renewed_at: null,
    }
    const response = v2('POST', '/contacts', { external_id: 'u1', custom_attributes: custom })
    expect(response.status).toBe(200)
    expect(bodyOf(response).custom_attributes).toEqual(custom)
  })

  it('rejects strings over 255 characters, objects and arrays', () => {
    const { v2 } = setup({ dataAttributes: [plan] })
    for (const value of ['x'.repeat(256), { a: 1 }, ['a']]) {
      const response = v2('POST', '/contacts', {
        external_id: 'u1',
        custom_attributes: { plan: value },
      })
      expect(response.status).toBe(400)
      expect(firstError(response)).toMatchObject({
        code: 'parameter_invalid',
        field: 'custom_attributes.plan',
      })
    }
  })

  it('creates missing attributes when requireDefinedAttributes is false', () => {
    const { v2, intercom } = setup({ requireDefinedAttributes: false })
    const response = v2('POST', '/contacts', {
      external_id: 'u1',
      custom_attributes: {
        plan: 'pro',
        seats: 2,
        ratio: 0.5,
        vip: true,
        renewed_at: 1_700_000_000,
      },
    })
    expect(response.status).toBe(200)
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'seats', model: 'contact', data_type: 'integer' },
      { name: 'ratio', model: 'contact', data_type: 'float' },
      { name: 'vip', model: 'contact', data_type: 'boolean' },
      { name: 'renewed_at', model: 'contact', data_type: 'date' },
    ])
  })

  it('still refuses forbidden names when creating attributes', () => {
    const { v2 } = setup({ requireDefinedAttributes: false })
    for (const name of ['a.b', 'price$', 'x"y', ' ']) {
      const response = v2('POST', '/contacts', {
        external_id: 'u1',
        custom_attributes: { [name]: 1 },
      })
      expect(response.status).toBe(400)
      expect(firstError(response).code).toBe('parameter_invalid')
    }
  })

  it('refuses to create more than 250 custom attributes', () => {
    const dataAttributes = Array.from({ length: 249 }, (_, i) => ({
      name: `a${i}`,
      model: 'contact' as const,
      data_type: 'string' as const,
    }))
    const { v2, intercom } = setup({ dataAttributes, requireDefinedAttributes: false })
    const tooMany = v2('POST', '/contacts', {
      external_id: 'u1',
      custom_attributes: { x: 1, y: 2 },
    })
    expect(tooMany.status).toBe(400)
    expect(firstError(tooMany).message).toContain('250')
    expect(v2('POST', '/contacts', { external_id: 'u1', custom_attributes: { x: 1 } }).status).toBe(
      200,
    )
    expect(intercom.state.dataAttributes).toHaveLength(250)
  })
})

describe('PUT /contacts/{id}', () => {
  it('updates fields and merges custom attributes, keeping null values', () => {
    const { v2, intercom } = setup({
      dataAttributes: [plan, { name: 'seats', model: 'contact', data_type: 'integer' }],
    })
    const { id } = bodyOf(
      v2('POST', '/contacts', { external_id: 'u1', custom_attributes: { plan: 'pro', seats: 2 } }),
    )
    intercom.advanceTime(5000)
    const response = v2('PUT', `/contacts/${String(id)}`, {
      name: 'Ann',
      email: null,
      custom_attributes: { seats: null },
    })
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toMatchObject({
      id,
      name: 'Ann',
      email: '',
      custom_attributes: { plan: 'pro', seats: null },
      updated_at: Date.UTC(2026, 0, 1) / 1000 + 5,
    })
    expect(intercom.state.contacts[0]?.custom_attributes).toEqual({ plan: 'pro', seats: null })
  })

  it('answers 404 not_found for an unknown id', () => {
    const { v2 } = setup()
    const response = v2('PUT', '/contacts/6a00c0000000000000000009', { name: 'x' })
    expect(response.status).toBe(404)
    expect(firstError(response)).toEqual({ code: 'not_found', message: 'User Not Found' })
  })

  it('answers 409 when the new external_id belongs to another contact', () => {
    const { v2 } = setup()
    const a = bodyOf(v2('POST', '/contacts', { external_id: 'a' }))
    const b = bodyOf(v2('POST', '/contacts', { external_id: 'b' }))
    const response = v2('PUT', `/contacts/${String(b.id)}`, { external_id: 'a' })
    expect(response.status).toBe(409)
    expect(firstError(response).message).toBe(
      `A contact matching those details already exists with id=${String(a.id)}`,
    )
    // Re-sending its own external_id is fine.
    expect(v2('PUT', `/contacts/${String(b.id)}`, { external_id: 'b' }).status).toBe(200)
  })

  it('validates like create: unknown fields and undefined attributes fail, nothing changes', () => {
    const { v2, intercom } = setup()
    const { id } = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    const before = intercom.state.contacts
    expect(
      firstError(v2('PUT', `/contacts/${String(id)}`, { last_seen_user_agent: 'x' })).code,
    ).toBe('parameter_invalid')
    expect(
      firstError(
        v2('PUT', `/contacts/${String(id)}`, { name: 'x', custom_attributes: { nope: 1 } }),
      ).message,
    ).toBe("Custom attribute 'nope' does not exist")
    expect(intercom.state.contacts).toEqual(before)
  })

  it('converts a lead to a user and back through role', () => {
    const { v2 } = setup()
    const { id } = bodyOf(v2('POST', '/contacts', { role: 'lead' }))
    expect(
      bodyOf(v2('PUT', `/contacts/${String(id)}`, { role: 'user', external_id: 'u9' })).role,
    ).toBe('user')
  })

  it('needs a body', () => {
    const { v2 } = setup()
    const { id } = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    expect(firstError(v2('PUT', `/contacts/${String(id)}`)).code).toBe('parameter_not_found')
  })
})

describe('GET /contacts/{id} and find_by_external_id', () => {
  it('fetches a contact by Intercom id', () => {
    const { v2 } = setup()
    const created = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    const response = v2('GET', `/contacts/${String(created.id)}`)
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toEqual(created)
    expect(firstError(v2('GET', '/contacts/unknown'))).toEqual({
      code: 'not_found',
      message: 'User Not Found',
    })
  })

  it('finds users by external id from 2.13, URL-decoded', () => {
    const { intercom, v2 } = setup()
    const created = bodyOf(v2('POST', '/contacts', { external_id: 'a/b c' }))
    const path = `/contacts/find_by_external_id/${encodeURIComponent('a/b c')}`
    const found = v2('GET', path)
    expect(found.status).toBe(200)
    expect(bodyOf(found).id).toBe(created.id)
    expect(intercom.handle({ ...requestFor(path, '2.13') }).status).toBe(200)
    const old = intercom.handle(requestFor(path, '2.12'))
    expect(old.status).toBe(404)
    expect(firstError(old).message).toBe('Resource Not Found')
    expect(firstError(v2('GET', '/contacts/find_by_external_id/nobody')).message).toBe(
      'User Not Found',
    )
  })

  it('does not find leads by external id (users only, as Intercom documents)', () => {
    const { v2 } = setup()
    v2('POST', '/contacts', { role: 'lead', external_id: 'lead-1' })
    expect(v2('GET', '/contacts/find_by_external_id/lead-1').status).toBe(404)
  })
})

function requestFor(path: string, version: string) {
  return {
    method: 'GET' as const,
    url: `https://api.intercom.io${path}`,
    path,
    headers: { Accept: 'application/json', 'Intercom-Version': version },
  }
}
