import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HttpMethod, IntercomRequest } from '../../src/rest/types.js'
import {
  findOperation,
  hasOperation,
  KNOWN_EXCEPTIONS,
  listOperations,
  loadSpec,
  type SchemaException,
  type SpecVersion,
  validateRequest,
} from './openapi.js'

const VERSIONS: readonly SpecVersion[] = ['2.11', '2.16']
const US = 'https://api.intercom.io'

/** A well-formed descriptor, as the library is meant to build them. */
function request(
  version: string,
  method: HttpMethod,
  path: string,
  body?: Record<string, unknown>,
  base = US,
): IntercomRequest {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Intercom-Version': version,
  }
  if (body === undefined) return { method, url: base + path, path, headers }
  headers['Content-Type'] = 'application/json'
  return { method, url: base + path, path, headers, body }
}

const contactFields = {
  external_id: 'u1',
  email: 'ann@example.com',
  name: 'Ann Lee',
  phone: null,
  avatar: 'https://example.com/ann.png',
  signed_up_at: 1_700_000_000,
  last_seen_at: 1_700_000_100,
  unsubscribed_from_emails: false,
  custom_attributes: { plan: 'pro', seats: 3, beta: true, churned_at: null },
}

const companyBody = {
  company_id: 'c-42',
  name: 'Acme',
  plan: 'enterprise',
  size: 12,
  website: 'https://acme.example',
  industry: 'Manufacturing',
  remote_created_at: 1_600_000_000,
  monthly_spend: 1999,
  custom_attributes: { tier: 'gold' },
}

const eventBody = {
  event_name: 'order-completed',
  created_at: 1_700_000_000,
  user_id: 'u1',
  metadata: { order_id: 'o-1', article: 'https://example.com/a' },
}

/** One valid request per operation the library uses, valid in both versions. */
const validRequests: Array<[string, HttpMethod, string, Record<string, unknown> | undefined]> = [
  ['CreateContact', 'POST', '/contacts', { role: 'user', ...contactFields }],
  ['UpdateContact', 'PUT', '/contacts/6543e2f1a2b3c4d5e6f70809', contactFields],
  [
    'SearchContacts',
    'POST',
    '/contacts/search',
    { query: { field: 'external_id', operator: '=', value: 'u1' } },
  ],
  [
    'SearchContacts',
    'POST',
    '/contacts/search',
    {
      query: {
        operator: 'OR',
        value: [
          { field: 'external_id', operator: '=', value: 'u1' },
          { field: 'email', operator: '=', value: 'ann@example.com' },
        ],
      },
      pagination: { per_page: 2 },
    },
  ],
  ['createOrUpdateCompany', 'POST', '/companies', companyBody],
  ['retrieveCompany', 'GET', '/companies?company_id=c-42', undefined],
  [
    'attachContactToACompany',
    'POST',
    '/contacts/6543e2f1/companies',
    { id: '531ee472cce572a6ec000006' },
  ],
  [
    'detachContactFromACompany',
    'DELETE',
    '/contacts/6543e2f1/companies/531ee472cce572a6ec000006',
    undefined,
  ],
  [
    'createDataAttribute',
    'POST',
    '/data_attributes',
    {
      name: 'plan',
      model: 'contact',
      data_type: 'string',
      description: 'Billing plan',
      messenger_writable: false,
    },
  ],
  ['createDataEvent', 'POST', '/events', eventBody],
  ['createDataEvent', 'POST', '/events', { event_name: 'x', created_at: 1, email: 'a@b.co' }],
  ['createDataEvent', 'POST', '/events', { event_name: 'x', created_at: 1, id: '6543e2f1' }],
]

describe.each(VERSIONS)('spec %s', (version) => {
  it.each(validRequests)(
    'accepts a valid %s request (%s %s)',
    (operationId, method, path, body) => {
      const result = validateRequest(version, request(version, method, path, body))
      expect(result.errors).toEqual([])
      expect(result).toMatchObject({ ok: true, operationId })
    },
  )

  it('accepts every Intercom region from the spec servers', () => {
    for (const base of ['https://api.eu.intercom.io', 'https://api.au.intercom.io']) {
      const result = validateRequest(version, request(version, 'POST', '/events', eventBody, base))
      expect(result.errors).toEqual([])
    }
  })

  it('rejects a wrongly typed created_at on POST /events', () => {
    const body = { ...eventBody, created_at: 'yesterday' }
    const result = validateRequest(version, request(version, 'POST', '/events', body))
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([
      'body.created_at must be integer (schema create_data_event_request)',
    ])
  })

  it('rejects an event without event_name', () => {
    const { event_name: _, ...body } = eventBody
    const result = validateRequest(version, request(version, 'POST', '/events', body))
    expect(result.errors).toContain(
      "body must have required property 'event_name' (schema create_data_event_request)",
    )
  })

  it('rejects an event with none of user_id, id or email', () => {
    const body = { event_name: 'x', created_at: 1 }
    const result = validateRequest(version, request(version, 'POST', '/events', body))
    expect(result.errors).toContain(
      "body must have required property 'user_id' (schema create_data_event_request)",
    )
  })

  it('rejects non-object contact custom_attributes and non-integer nullable dates', () => {
    const body = { ...contactFields, custom_attributes: 'x', signed_up_at: 'yesterday' }
    const result = validateRequest(version, request(version, 'POST', '/contacts', body))
    // In the data files' (sorted) property order.
    expect(result.errors).toEqual([
      'body.custom_attributes must be object,null (schema create_contact_request)',
      'body.signed_up_at must be integer,null (schema create_contact_request)',
    ])
  })

  it('honours nullable: null is accepted where the spec says nullable, nowhere else', () => {
    const nullable = { email: 'a@b.co', name: null, signed_up_at: null, custom_attributes: null }
    expect(
      validateRequest(version, request(version, 'POST', '/contacts', nullable)).errors,
    ).toEqual([])
    const notNullable = { email: null, external_id: 'u1' }
    expect(
      validateRequest(version, request(version, 'POST', '/contacts', notNullable)).errors,
    ).toEqual(['body.email must be string (schema create_contact_request)'])
  })

  it('rejects a contact with none of email, external_id or role', () => {
    const result = validateRequest(version, request(version, 'POST', '/contacts', { name: 'Ann' }))
    expect(result.errors).toContain(
      'body must match one of: Create contact with email; Create contact with external_id; ' +
        'Create contact with role (schema create_contact_request)',
    )
  })

  it('rejects top-level body properties the schema does not declare, unless allowed', () => {
    const body = { external_id: 'u1', last_seen_ip: '1.2.3.4' }
    const sent = request(version, 'POST', '/contacts', body)
    expect(validateRequest(version, sent).errors).toEqual([
      'body.last_seen_ip is not a declared property (schema create_contact_request)',
    ])
    expect(validateRequest(version, sent, { undeclaredBodyProperties: 'allow' }).ok).toBe(true)
  })

  it('rejects a search filter with an unknown operator', () => {
    const body = { query: { field: 'email', operator: 'LIKE', value: 'a' } }
    const result = validateRequest(version, request(version, 'POST', '/contacts/search', body))
    expect(result.ok).toBe(false)
    expect(result.errors.join('\n')).toContain('body.query.operator must be one of')
  })

  it('rejects a data attribute with an unknown data_type', () => {
    const body = { name: 'ring', model: 'company', data_type: 'mithril' }
    const result = validateRequest(version, request(version, 'POST', '/data_attributes', body))
    expect(result.ok).toBe(false)
    expect(result.errors.join('\n')).toContain('body.data_type must be one of')
  })

  it('rejects a company with a string size', () => {
    const body = { ...companyBody, size: '12' }
    const result = validateRequest(version, request(version, 'POST', '/companies', body))
    expect(result.errors).toEqual([
      'body.size must be integer (schema create_or_update_company_request)',
    ])
  })

  it('rejects an unknown path', () => {
    const result = validateRequest(version, request(version, 'POST', '/users', { user_id: 'u1' }))
    expect(result).toEqual({
      ok: false,
      errors: [`no operation in the ${version} spec matches path /users`],
    })
  })

  it('prefers the literal /contacts/search over /contacts/{contact_id}', () => {
    expect(findOperation(version, 'POST', '/contacts/search')?.operationId).toBe('SearchContacts')
    expect(findOperation(version, 'PUT', '/contacts/search')).toBeUndefined()
    const result = validateRequest(version, request(version, 'PUT', '/contacts/search', {}))
    expect(result.errors).toEqual([
      `PUT is not declared for /contacts/search in ${version} (only POST)`,
    ])
    expect(findOperation(version, 'PUT', '/contacts/abc')).toMatchObject({
      operationId: 'UpdateContact',
      pathParams: { contact_id: 'abc' },
    })
  })

  it('rejects an undeclared query parameter and badly typed query values', () => {
    const unknown = validateRequest(
      version,
      request(version, 'GET', '/companies?company_id=1&foo=2'),
    )
    expect(unknown.errors).toEqual([
      "query parameter 'foo' is not declared by GET /companies (declared: name, company_id, tag_id, segment_id, page, per_page)",
    ])
    const typed = validateRequest(version, request(version, 'GET', '/companies?page=two'))
    expect(typed.errors).toEqual(["query parameter 'page' value 'two' must be an integer"])
    const repeated = validateRequest(version, request(version, 'GET', '/companies?name=a&name=b'))
    expect(repeated.errors).toEqual(["query parameter 'name' is repeated"])
    const raw = validateRequest(version, request(version, 'GET', '/companies?name=a b'))
    expect(raw.errors).toEqual([
      "query string 'name=a b' has characters that must be percent-encoded",
    ])
  })

  it('rejects a missing Accept header', () => {
    const sent = request(version, 'GET', '/companies?company_id=1')
    delete sent.headers.Accept
    expect(validateRequest(version, sent).errors).toEqual([
      'header Accept: application/json is missing (Intercom answers 406 without it)',
    ])
  })

  it('rejects an Authorization header in any letter case', () => {
    const sent = request(version, 'POST', '/events', eventBody)
    sent.headers.authorization = 'Bearer secret'
    expect(validateRequest(version, sent).errors).toEqual([
      'headers include Authorization: credentials must be added by the host, not here',
    ])
  })

  it('rejects a body on a GET and on a DELETE', () => {
    const get = validateRequest(version, request(version, 'GET', '/companies?company_id=1', {}))
    expect(get.errors).toEqual([
      'GET /companies declares no JSON request body, but the request has one',
    ])
    const del = request(version, 'DELETE', '/contacts/a/companies/b', { id: 'b' })
    expect(validateRequest(version, del).errors).toEqual([
      'DELETE /contacts/{contact_id}/companies/{company_id} declares no JSON request body, but the request has one',
    ])
  })

  it('requires Content-Type exactly when there is a body', () => {
    const missing = request(version, 'POST', '/events', eventBody)
    delete missing.headers['Content-Type']
    expect(validateRequest(version, missing).errors).toEqual([
      'header Content-Type: application/json is missing although there is a body',
    ])
    const extra = request(version, 'GET', '/companies?company_id=1')
    extra.headers['Content-Type'] = 'application/json'
    expect(validateRequest(version, extra).errors).toEqual([
      "header Content-Type 'application/json' is set but there is no body",
    ])
  })

  it('checks the Intercom-Version header against the spec version', () => {
    const other = version === '2.16' ? '2.11' : '2.16'
    const sent = request(other, 'POST', '/events', eventBody)
    expect(validateRequest(version, sent).errors).toEqual([
      `header Intercom-Version is '${other}', expected '${version}'`,
    ])
    expect(validateRequest(version, sent, { checkVersionHeader: false }).errors).toEqual([])
    const bogus = request('latest', 'POST', '/events', eventBody)
    expect(validateRequest(version, bogus, { checkVersionHeader: false }).errors).toEqual([
      `header Intercom-Version 'latest' is not a version number such as '${version}'`,
    ])
  })

  it('requires the url to be a spec server followed by the path', () => {
    const wrongHost = request(version, 'POST', '/events', eventBody, 'https://api.example.com')
    expect(validateRequest(version, wrongHost).errors).toEqual([
      expect.stringMatching(/^url 'https:\/\/api\.example\.com\/events' must be one of/),
    ])
    const mismatch = { ...request(version, 'POST', '/events', eventBody), url: `${US}/event` }
    expect(validateRequest(version, mismatch).errors).toEqual([
      `url '${US}/event' must be one of https://api.intercom.io, https://api.eu.intercom.io, https://api.au.intercom.io followed by the path '/events'`,
    ])
  })

  it('rejects body values JSON cannot carry', () => {
    const body = { ...eventBody, metadata: { when: new Date(0), gone: undefined } }
    const result = validateRequest(version, request(version, 'POST', '/events', body))
    expect(result.errors).toContain('body.metadata.when is a Date object, not JSON data')
    expect(result.errors).toContain('body.metadata.gone is undefined, not JSON data')
    const loop: Record<string, unknown> = { event_name: 'x', created_at: 1, user_id: 'u1' }
    loop.metadata = { self: loop, big: 10n }
    expect(validateRequest(version, request(version, 'POST', '/events', loop)).errors).toEqual([
      'body.metadata.self is a circular reference',
      'body.metadata.big is bigint, not JSON data',
    ])
  })

  it('rejects path parameters that are not percent-encoded segments', () => {
    const result = validateRequest(version, request(version, 'DELETE', '/contacts/a b/companies/c'))
    expect(result.errors).toEqual([
      "path parameter contact_id 'a b' is not a percent-encoded path segment",
    ])
  })

  describe('POST /events metadata (exception events.metadata-values)', () => {
    const withMetadata = (metadata: Record<string, unknown>) =>
      request(version, 'POST', '/events', { ...eventBody, metadata })
    const documented = {
      load: 3.67,
      contact_date: 1_392_036_272,
      article: { url: 'https://example.org/ab1de.html', value: 'the dude abides' },
      price: { amount: 34_999, currency: 'eur' },
    }

    it('accepts numbers, rich links and monetary amounts', () => {
      expect(validateRequest(version, withMetadata(documented)).errors).toEqual([])
    })

    it('is the only reason they pass: the published schema rejects each of them', () => {
      const raw = validateRequest(version, withMetadata(documented), { exceptions: [] })
      for (const key of Object.keys(documented)) {
        expect(raw.errors).toContain(
          `body.metadata.${key} must be string (schema create_data_event_request)`,
        )
      }
    })

    it('still rejects what the documentation does not allow', () => {
      for (const value of [
        true,
        ['a'],
        { nested: { deep: 1 } },
        { url: 'https://example.org' },
        { amount: 19.99, currency: 'usd' },
        { amount: 1999, currency: 'usd', extra: 1 },
      ]) {
        expect(validateRequest(version, withMetadata({ value })).ok).toBe(false)
      }
    })
  })

  describe('POST /companies custom attributes (exception companies.custom-attribute-values)', () => {
    const withAttributes = (custom_attributes: Record<string, unknown>) =>
      request(version, 'POST', '/companies', { ...companyBody, custom_attributes })
    const typed = { paid_subscriber: true, monthly_spend: 155.5, team_mates: 9 }

    it('accepts the booleans and numbers of the schema’s own example', () => {
      expect(validateRequest(version, withAttributes(typed)).errors).toEqual([])
      const raw = validateRequest(version, withAttributes(typed), { exceptions: [] })
      expect(raw.errors).toEqual(
        Object.keys(typed).map(
          (key) =>
            `body.custom_attributes.${key} must be string (schema create_or_update_company_request)`,
        ),
      )
    })

    it('still rejects objects, arrays and null', () => {
      for (const value of [{ a: 1 }, [1], null]) {
        expect(validateRequest(version, withAttributes({ value })).ok).toBe(false)
      }
    })
  })

  it('documents the status codes of the operations the library uses', () => {
    const responses = (method: string, path: string) =>
      findOperation(version, method, path)?.responses
    expect(responses('POST', '/events')).toEqual(['202', '401'])
    expect(responses('POST', '/contacts')).toEqual(['200', '401'])
    expect(responses('GET', '/companies?company_id=1')).toEqual(['200', '401', '404'])
    expect(responses('DELETE', '/contacts/a/companies/b')).toEqual(['200', '401', '404'])
  })

  it('accepts any non-empty external id once percent-encoded', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), (id) => {
        const path = `/contacts/6543e2f1/companies/${encodeURIComponent(id)}`
        const result = validateRequest(version, request(version, 'DELETE', path))
        expect(result.errors).toEqual([])
        expect(findOperation(version, 'DELETE', path)?.pathParams.company_id).toBe(id)
      }),
      { numRuns: 200 },
    )
  })
})

describe('version differences', () => {
  it('GET /contacts/find_by_external_id exists in 2.16 only', () => {
    const path = '/contacts/find_by_external_id/ann%20lee'
    expect(hasOperation('2.16', 'GET', path)).toBe(true)
    expect(hasOperation('2.11', 'GET', path)).toBe(false)
    expect(validateRequest('2.16', request('2.16', 'GET', path))).toEqual({
      ok: true,
      operationId: 'ShowContactByExternalId',
      template: '/contacts/find_by_external_id/{external_id}',
      errors: [],
    })
    expect(validateRequest('2.11', request('2.11', 'GET', path)).errors).toEqual([
      'no operation in the 2.11 spec matches path /contacts/find_by_external_id/ann%20lee',
    ])
    expect(findOperation('2.16', 'GET', path)?.pathParams).toEqual({ external_id: 'ann lee' })
  })

  it('owner_id is an integer in 2.11 and a string in 2.16', () => {
    const asNumber = { email: 'a@b.co', owner_id: 5 }
    const asString = { email: 'a@b.co', owner_id: '5' }
    expect(validateRequest('2.11', request('2.11', 'POST', '/contacts', asNumber)).ok).toBe(true)
    expect(validateRequest('2.11', request('2.11', 'POST', '/contacts', asString)).ok).toBe(false)
    expect(validateRequest('2.16', request('2.16', 'POST', '/contacts', asString)).ok).toBe(true)
    expect(validateRequest('2.16', request('2.16', 'POST', '/contacts', asNumber)).ok).toBe(false)
  })

  it('list data attributes take strings in 2.11 and { value } objects plus data_type options in 2.16', () => {
    const v211 = { name: 'size', model: 'company', data_type: 'string', options: ['1-10', '11-50'] }
    expect(validateRequest('2.11', request('2.11', 'POST', '/data_attributes', v211)).ok).toBe(true)
    const v216 = {
      name: 'size',
      model: 'company',
      data_type: 'options',
      options: [{ value: '1-10' }, { value: '11-50' }],
    }
    expect(validateRequest('2.16', request('2.16', 'POST', '/data_attributes', v216)).ok).toBe(true)
    const { options: _, ...withoutOptions } = v216
    const result = validateRequest(
      '2.16',
      request('2.16', 'POST', '/data_attributes', withoutOptions),
    )
    expect(result.errors).toContain(
      "body must have required property 'options' (schema create_data_attribute_request)",
    )
  })

  it('2.16 search uses contact_search_request, 2.11 search_request', () => {
    expect(findOperation('2.11', 'POST', '/contacts/search')?.requestBody?.schema).toBe(
      'search_request',
    )
    expect(findOperation('2.16', 'POST', '/contacts/search')?.requestBody?.schema).toBe(
      'contact_search_request',
    )
  })

  it('a required requestBody that is missing is an error', () => {
    // None of the library's operations marks its body required; 2.16 POST /calls/search does.
    expect(findOperation('2.16', 'POST', '/calls/search')?.requestBody?.required).toBe(true)
    expect(validateRequest('2.16', request('2.16', 'POST', '/calls/search')).errors).toEqual([
      'POST /calls/search requires a JSON body (schema inline)',
    ])
  })
})

describe('harness', () => {
  it('reads each data file once and reuses it', () => {
    expect(loadSpec('2.16')).toBe(loadSpec('2.16'))
    expect(loadSpec('2.11')).not.toBe(loadSpec('2.16'))
    expect(loadSpec('2.11')).toMatchObject({ info: { version: '2.11' } })
  })

  it('lists operations per version', () => {
    const ids = (v: SpecVersion) => new Set(listOperations(v).map((op) => op.operationId))
    expect(ids('2.11').has('createDataEvent')).toBe(true)
    expect(ids('2.11').has('ShowContactByExternalId')).toBe(false)
    expect(ids('2.16').has('ShowContactByExternalId')).toBe(true)
  })

  it('throws when an exception no longer matches the published schema', () => {
    const stale: SchemaException = {
      id: 'test.stale',
      versions: ['2.16'],
      schema: 'create_data_event_request',
      pointer: '/properties/created_at',
      expected: { type: 'string' },
      replacement: { type: 'string' },
      reason: 'test',
    }
    const sent = request('2.16', 'POST', '/events', eventBody)
    expect(() => validateRequest('2.16', sent, { exceptions: [stale] })).toThrow(
      /schema exception 'test\.stale' is stale: create_data_event_request\/properties\/created_at/,
    )
    const [first] = KNOWN_EXCEPTIONS
    if (!first) throw new Error('KNOWN_EXCEPTIONS is empty')
    expect(() => validateRequest('2.16', sent, { exceptions: [first, first] })).toThrow(
      /duplicate schema exception id/,
    )
  })

  it('applies an exception only to the versions it names', () => {
    const body = { ...eventBody, metadata: { load: 3.67 } }
    const only216 = KNOWN_EXCEPTIONS.map((e) => ({ ...e, versions: ['2.16' as const] }))
    expect(
      validateRequest('2.16', request('2.16', 'POST', '/events', body), { exceptions: only216 }).ok,
    ).toBe(true)
    expect(
      validateRequest('2.11', request('2.11', 'POST', '/events', body), { exceptions: only216 }).ok,
    ).toBe(false)
  })
})
