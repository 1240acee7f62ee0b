import { describe, expect, it } from 'vitest'
import { bodyOf, firstError, setup } from './helpers.js'

const tier = { name: 'tier', model: 'company', data_type: 'string' } as const

describe('POST /companies', () => {
  it('creates a company and answers it with Intercom’s id', () => {
    const { v2, intercom } = setup({ dataAttributes: [tier] })
    const response = v2('POST', '/companies', {
      company_id: 'acme',
      name: 'Acme',
      plan: 'Enterprise',
      monthly_spend: 155.98,
      size: 100,
      website: 'https://acme.test',
      industry: 'Anvils',
      remote_created_at: 1_600_000_000,
      custom_attributes: { tier: 'gold' },
    })
    expect(response.status).toBe(200)
    const now = Date.UTC(2026, 0, 1) / 1000
    expect(bodyOf(response)).toEqual({
      type: 'company',
      id: '6a00c1000000000000000001',
      company_id: 'acme',
      app_id: 'emulated',
      name: 'Acme',
      plan: { type: 'plan', id: '1', name: 'Enterprise' },
      monthly_spend: 155,
      size: 100,
      website: 'https://acme.test',
      industry: 'Anvils',
      remote_created_at: 1_600_000_000,
      created_at: now,
      updated_at: now,
      session_count: 0,
      user_count: 0,
      custom_attributes: { tier: 'gold' },
      tags: { type: 'tag.list', tags: [] },
      segments: { type: 'segment.list', segments: [] },
    })
    expect(intercom.state.companies).toEqual([bodyOf(response)])
  })

  it('upserts on company_id: same Intercom id, fields merged', () => {
    const { v2, intercom } = setup()
    const first = bodyOf(v2('POST', '/companies', { company_id: 'acme', name: 'Acme', plan: 'A' }))
    intercom.advanceTime(2000)
    const second = bodyOf(v2('POST', '/companies', { company_id: 'acme', plan: 'B', size: '12' }))
    expect(second.id).toBe(first.id)
    expect(second).toMatchObject({
      name: 'Acme',
      plan: { type: 'plan', id: '2', name: 'B' },
      size: 12,
      created_at: first.created_at,
      updated_at: Number(first.updated_at) + 2,
    })
    expect(intercom.state.companies).toHaveLength(1)
    // A second company on plan A reuses plan A's id.
    expect(bodyOf(v2('POST', '/companies', { company_id: 'b', plan: 'A' })).plan).toEqual({
      type: 'plan',
      id: '1',
      name: 'A',
    })
  })

  it('shows an empty plan and omits unset optional fields', () => {
    const { v2 } = setup()
    const company = bodyOf(v2('POST', '/companies', { company_id: 7 }))
    expect(company.company_id).toBe('7')
    expect(company.plan).toEqual({})
    expect(company.name).toBeNull()
    expect(company.monthly_spend).toBe(0)
    for (const key of ['size', 'website', 'industry', 'remote_created_at', 'last_request_at']) {
      expect(company).not.toHaveProperty(key)
    }
  })

  it('sets last_request_at with update_last_request_at', () => {
    const { v2, intercom } = setup()
    intercom.advanceTime(10_000)
    const company = bodyOf(
      v2('POST', '/companies', { company_id: 'a', update_last_request_at: true }),
    )
    expect(company.last_request_at).toBe(Date.UTC(2026, 0, 1) / 1000 + 10)
  })

  it('truncates monthly_spend and refuses values beyond 2^31 − 1', () => {
    const { v2 } = setup()
    expect(
      bodyOf(v2('POST', '/companies', { company_id: 'a', monthly_spend: 2 ** 31 - 1 }))
        .monthly_spend,
    ).toBe(2 ** 31 - 1)
    expect(
      bodyOf(v2('POST', '/companies', { company_id: 'a', monthly_spend: -9.9 })).monthly_spend,
    ).toBe(-9)
    const tooBig = v2('POST', '/companies', { company_id: 'a', monthly_spend: 2 ** 31 })
    expect(tooBig.status).toBe(400)
    expect(firstError(tooBig)).toMatchObject({ code: 'parameter_invalid', field: 'monthly_spend' })
    expect(v2('POST', '/companies', { company_id: 'a', monthly_spend: '100' }).status).toBe(400)
  })

  it('needs a company_id', () => {
    const { v2 } = setup()
    for (const body of [{ name: 'Acme' }, { company_id: '' }]) {
      const response = v2('POST', '/companies', body)
      expect(response.status).toBe(400)
      expect(firstError(response)).toMatchObject({
        code: 'parameter_not_found',
        field: 'company_id',
      })
    }
    expect(firstError(v2('POST', '/companies')).code).toBe('parameter_not_found')
  })

  it("answers 400 bad_request for an unknown parameter, as Intercom's example", () => {
    const { v2 } = setup()
    const response = v2('POST', '/companies', { company_id: 'a', test: 'invalid' })
    expect(response.status).toBe(400)
    expect(firstError(response)).toEqual({
      code: 'bad_request',
      message: "bad 'test' parameter",
      field: 'test',
    })
  })

  it.each([
    [{ company_id: {} }, 'company_id'],
    [{ company_id: 'a', name: 1 }, 'name'],
    [{ company_id: 'a', size: 'big' }, 'size'],
    [{ company_id: 'a', size: 2 ** 32 }, 'size'],
    [{ company_id: 'a', remote_created_at: 'yesterday' }, 'remote_created_at'],
    [{ company_id: 'a', update_last_request_at: 'yes' }, 'update_last_request_at'],
  ])('refuses a mistyped field %j', (body, field) => {
    const { v2 } = setup()
    const response = v2('POST', '/companies', body)
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code: 'parameter_invalid', field })
  })

  it('clears size with null', () => {
    const { v2 } = setup()
    v2('POST', '/companies', { company_id: 'a', size: 5 })
    expect(bodyOf(v2('POST', '/companies', { company_id: 'a', size: null }))).not.toHaveProperty(
      'size',
    )
  })

  it('applies the custom attribute rules with model company', () => {
    const { v2 } = setup({
      dataAttributes: [{ name: 'plan_level', model: 'contact', data_type: 'string' }],
    })
    const response = v2('POST', '/companies', {
      company_id: 'a',
      custom_attributes: { plan_level: 'x' },
    })
    expect(firstError(response)).toEqual({
      code: 'parameter_invalid',
      message: "Custom attribute 'plan_level' does not exist",
      field: 'custom_attributes.plan_level',
    })
    const nested = setup({ dataAttributes: [tier] }).v2('POST', '/companies', {
      company_id: 'a',
      custom_attributes: { tier: { a: 1 } },
    })
    expect(firstError(nested).code).toBe('parameter_invalid')
  })
})

describe('GET /companies', () => {
  it('finds a company by company_id or name, else 404 company_not_found', () => {
    const { v2 } = setup()
    const created = bodyOf(v2('POST', '/companies', { company_id: 'a b', name: 'Acme Inc' }))
    expect(bodyOf(v2('GET', '/companies?company_id=a%20b'))).toEqual(created)
    expect(bodyOf(v2('GET', '/companies?company_id=a+b'))).toEqual(created)
    expect(bodyOf(v2('GET', '/companies?name=Acme%20Inc'))).toEqual(created)
    const missing = v2('GET', '/companies?company_id=zzz')
    expect(missing.status).toBe(404)
    expect(firstError(missing)).toEqual({ code: 'company_not_found', message: 'Company Not Found' })
    expect(v2('GET', '/companies?name=nobody').status).toBe(404)
  })

  it('lists every company without a filter', () => {
    const { v2 } = setup()
    expect(bodyOf(v2('GET', '/companies'))).toEqual({
      type: 'list',
      data: [],
      total_count: 0,
      pages: { type: 'pages', next: null, page: 1, per_page: 15, total_pages: 0 },
    })
    v2('POST', '/companies', { company_id: 'a' })
    v2('POST', '/companies', { company_id: 'b' })
    const list = bodyOf(v2('GET', '/companies?unrelated=1&&x'))
    expect(list.total_count).toBe(2)
    expect((list.data as { company_id: string }[]).map((c) => c.company_id)).toEqual(['a', 'b'])
  })
})

describe('attaching companies to contacts', () => {
  function withPair() {
    const env = setup()
    const contact = bodyOf(env.v2('POST', '/contacts', { external_id: 'u1' }))
    const company = bodyOf(env.v2('POST', '/companies', { company_id: 'acme' }))
    return { ...env, contactId: String(contact.id), companyId: String(company.id) }
  }

  it('attaches idempotently and answers the company', () => {
    const { v2, intercom, contactId, companyId } = withPair()
    const response = v2('POST', `/contacts/${contactId}/companies`, { id: companyId })
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toMatchObject({ type: 'company', id: companyId, user_count: 1 })
    expect(v2('POST', `/contacts/${contactId}/companies`, { id: companyId }).status).toBe(200)
    expect(intercom.state.associations).toEqual([{ contactId, companyId }])
    expect(bodyOf(v2('GET', `/contacts/${contactId}`)).companies).toEqual({
      type: 'list',
      data: [{ type: 'company', id: companyId, url: `/companies/${companyId}` }],
      url: `/contacts/${contactId}/companies`,
      total_count: 1,
      has_more: false,
    })
  })

  it('answers 404 for an unknown contact or company, 400 without an id', () => {
    const { v2, contactId, companyId } = withPair()
    expect(firstError(v2('POST', '/contacts/nobody/companies', { id: companyId }))).toEqual({
      code: 'not_found',
      message: 'User Not Found',
    })
    expect(firstError(v2('POST', `/contacts/${contactId}/companies`, { id: 'nothing' }))).toEqual({
      code: 'company_not_found',
      message: 'Company Not Found',
    })
    const noId = v2('POST', `/contacts/${contactId}/companies`, {})
    expect(noId.status).toBe(400)
    expect(firstError(noId)).toMatchObject({
      code: 'parameter_not_found',
      message: 'company not specified',
    })
  })

  it('detaches, and answers 404 company_not_found when the company is not attached', () => {
    const { v2, intercom, contactId, companyId } = withPair()
    v2('POST', `/contacts/${contactId}/companies`, { id: companyId })
    const response = v2('DELETE', `/contacts/${contactId}/companies/${companyId}`)
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toMatchObject({ id: companyId, user_count: 0 })
    expect(intercom.state.associations).toEqual([])
    const again = v2('DELETE', `/contacts/${contactId}/companies/${companyId}`)
    expect(again.status).toBe(404)
    expect(firstError(again).code).toBe('company_not_found')
    expect(firstError(v2('DELETE', `/contacts/${contactId}/companies/unknown`)).code).toBe(
      'company_not_found',
    )
    expect(firstError(v2('DELETE', `/contacts/unknown/companies/${companyId}`)).code).toBe(
      'not_found',
    )
  })

  it('lists a contact’s companies', () => {
    const { v2, contactId, companyId } = withPair()
    expect(bodyOf(v2('GET', `/contacts/${contactId}/companies`)).total_count).toBe(0)
    v2('POST', `/contacts/${contactId}/companies`, { id: companyId })
    const list = bodyOf(v2('GET', `/contacts/${contactId}/companies`))
    expect(list).toMatchObject({
      type: 'list',
      total_count: 1,
      pages: { type: 'pages', page: 1, total_pages: 1 },
    })
    expect((list.data as { id: string }[])[0]?.id).toBe(companyId)
    expect(v2('GET', '/contacts/nobody/companies').status).toBe(404)
  })

  it('allows at most 1000 companies per contact and inlines only 10', () => {
    const { v2, intercom } = setup()
    const contactId = String(bodyOf(v2('POST', '/contacts', { external_id: 'u1' })).id)
    for (let i = 0; i < 1000; i += 1) {
      const { id } = bodyOf(v2('POST', '/companies', { company_id: `c${i}` }))
      expect(v2('POST', `/contacts/${contactId}/companies`, { id }).status).toBe(200)
    }
    const { id } = bodyOf(v2('POST', '/companies', { company_id: 'one-too-many' }))
    const response = v2('POST', `/contacts/${contactId}/companies`, { id })
    expect(response.status).toBe(400)
    expect(firstError(response)).toEqual({
      code: 'contact_company_limit_exceeded',
      message: 'Contact has reached the maximum of 1000 company associations',
    })
    const contact = intercom.state.contacts[0]
    expect(contact?.companies.total_count).toBe(1000)
    expect(contact?.companies.data).toHaveLength(10)
    expect(contact?.companies.has_more).toBe(true)
  })
})
