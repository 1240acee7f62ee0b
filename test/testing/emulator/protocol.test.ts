import { describe, expect, it } from 'vitest'
import type { IntercomRequest } from '../../../src/rest/types.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import { bodyOf, firstError, request, setup } from './helpers.js'

describe('request checks', () => {
  it('answers 401 unauthorized without the configured bearer token', () => {
    const intercom = createIntercomEmulator({ token: 'secret' })
    const missing = intercom.handle(request('GET', '/contacts/x'))
    expect(missing.status).toBe(401)
    expect(firstError(missing)).toEqual({ code: 'unauthorized', message: 'Access Token Invalid' })
    const wrong = intercom.handle(
      request('GET', '/contacts/x', undefined, '2.16', { Authorization: 'Bearer nope' }),
    )
    expect(wrong.status).toBe(401)
  })

  it('accepts the token in any header case and scheme case', () => {
    const intercom = createIntercomEmulator({ token: 'secret' })
    for (const [name, value] of [
      ['Authorization', 'Bearer secret'],
      ['authorization', 'bearer secret'],
      ['AUTHORIZATION', 'BEARER  secret '],
    ] as const) {
      const response = intercom.handle(
        request('GET', '/contacts/nobody', undefined, '2.16', { [name]: value }),
      )
      expect(response.status).toBe(404)
    }
  })

  it('needs no Authorization header when no token is configured', () => {
    const { v2 } = setup()
    expect(v2('GET', '/companies?company_id=none').status).toBe(404)
  })

  it('answers 406 when Accept is missing or excludes JSON', () => {
    const intercom = createIntercomEmulator()
    const noAccept = request('GET', '/companies')
    delete noAccept.headers.Accept
    expect(intercom.handle(noAccept).status).toBe(406)
    const html = request('GET', '/companies', undefined, '2.16', { Accept: 'text/html' })
    const response = intercom.handle(html)
    expect(response.status).toBe(406)
    expect(firstError(response).code).toBe('not_acceptable')
    const lower = request('GET', '/companies')
    lower.headers = { accept: 'application/json; charset=utf-8', 'intercom-version': '2.16' }
    expect(intercom.handle(lower).status).toBe(200)
  })

  it.each([
    [undefined, 'The Intercom-Version header is required'],
    ['3.0', "'3.0' is not a valid Intercom-Version"],
    ['2.17', "'2.17' is not a valid Intercom-Version"],
    ['1.5', "'1.5' is not a valid Intercom-Version"],
    ['Unstable', "'Unstable' is not a valid Intercom-Version"],
    ['2.016', "'2.016' is not a valid Intercom-Version"],
  ])('answers 400 intercom_version_invalid for version %s', (version, message) => {
    const intercom = createIntercomEmulator()
    const req = request('GET', '/companies')
    if (version === undefined) delete req.headers['Intercom-Version']
    else req.headers['Intercom-Version'] = version
    const response = intercom.handle(req)
    expect(response.status).toBe(400)
    expect(firstError(response)).toEqual({ code: 'intercom_version_invalid', message })
  })

  it.each(['1.0', '1.4', '2.0', '2.7', '2.16'])('accepts version %s', (version) => {
    const intercom = createIntercomEmulator()
    expect(intercom.handle(request('GET', '/companies', undefined, version)).status).toBe(200)
  })

  it('answers 404 not_found for unknown routes and methods', () => {
    const { v2 } = setup()
    for (const [method, path] of [
      ['GET', '/nothing'],
      ['DELETE', '/contacts/abc'],
      ['GET', '/'],
      ['POST', '/contacts/abc/companies/def'],
      ['GET', '/contacts/%E0%A4%A'],
    ] as const) {
      const response = v2(method, path, method === 'POST' ? {} : undefined)
      expect(response.status).toBe(404)
      expect(firstError(response)).toEqual({ code: 'not_found', message: 'Resource Not Found' })
    }
  })

  it('answers 400 parameter_not_found when a body is required and missing', () => {
    const { v2 } = setup()
    const response = v2('POST', '/contacts')
    expect(response.status).toBe(400)
    expect(firstError(response).code).toBe('parameter_not_found')
  })

  it('cannot read a body sent without a JSON Content-Type', () => {
    const intercom = createIntercomEmulator()
    const req = request('POST', '/contacts', { external_id: 'u1' })
    req.headers['Content-Type'] = 'text/plain'
    expect(firstError(intercom.handle(req)).code).toBe('parameter_not_found')
    const charset = request('POST', '/contacts', { external_id: 'u1' })
    charset.headers['Content-Type'] = 'application/json; charset=utf-8'
    expect(intercom.handle(charset).status).toBe(200)
  })

  it('reads bodies as they would arrive over the wire', () => {
    const { v2, intercom } = setup()
    const response = v2('POST', '/contacts', { external_id: 'u1', name: undefined })
    expect(response.status).toBe(200)
    expect(intercom.state.contacts[0]?.name).toBeNull()
    const notAnObject = intercom.handle({
      ...request('POST', '/contacts', {}),
      body: [1, 2] as unknown as Record<string, unknown>,
    })
    expect(notAnObject.status).toBe(400)
    expect(firstError(notAnObject).code).toBe('parameter_invalid')
  })

  it('renders errors as error.list with deterministic, unique request ids', () => {
    const { v2 } = setup()
    const first = v2('GET', '/contacts/a')
    const second = v2('GET', '/contacts/b')
    expect(first.headers?.['Content-Type']).toMatch(/^application\/json/)
    expect(bodyOf(first)).toEqual({
      type: 'error.list',
      request_id: '00000000-0000-4000-8000-000000000001',
      errors: [{ code: 'not_found', message: 'User Not Found' }],
    })
    expect(bodyOf(second).request_id).toBe('00000000-0000-4000-8000-000000000002')
  })

  it('send resolves with what handle answers and never rejects', async () => {
    const a = createIntercomEmulator()
    const b = createIntercomEmulator()
    const req = request('POST', '/contacts', { external_id: 'u1' })
    expect(await a.send(req)).toEqual(b.handle(req))
    const garbage = [
      null,
      {},
      { method: 'GET' },
      {
        method: 'GET',
        path: 42,
        headers: { Accept: 'application/json', 'Intercom-Version': '2.16' },
      },
    ] as unknown as IntercomRequest[]
    for (const bad of garbage) {
      const response = await a.send(bad)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(firstError(response).code).toBeTypeOf('string')
    }
    expect(a.requests).toHaveLength(1 + garbage.length)
  })

  it('reports unexpected internal failures as 500 server_error', () => {
    const intercom = createIntercomEmulator()
    const response = intercom.handle({
      method: 'GET',
      url: 'x',
      path: 42,
      headers: { Accept: 'application/json', 'Intercom-Version': '2.16' },
    } as unknown as IntercomRequest)
    expect(response.status).toBe(500)
    expect(firstError(response).code).toBe('server_error')
  })

  it('logs every request with its response, as frozen copies', () => {
    const { v2, intercom } = setup()
    const body = { external_id: 'u1', custom_attributes: undefined }
    const response = v2('POST', '/contacts', body)
    const [entry] = intercom.requests
    expect(entry?.request.path).toBe('/contacts')
    expect(entry?.request.body).toEqual({ external_id: 'u1' })
    expect(entry?.response).toEqual(response)
    expect(Object.isFrozen(entry?.request.body)).toBe(true)
    expect(Object.isFrozen(entry?.response.body)).toBe(true)
    expect(Object.isFrozen(intercom.requests)).toBe(true)
    // The caller's copy is its own: changing it changes neither the log nor the state.
    ;(response.body as Record<string, unknown>).external_id = 'changed'
    expect(intercom.requests[0]?.response.body).toMatchObject({ external_id: 'u1' })
    expect(intercom.state.contacts[0]?.external_id).toBe('u1')
  })
})

describe('virtual clock', () => {
  it('starts at 2026-01-01 by default and only moves with advanceTime', () => {
    const intercom = createIntercomEmulator()
    expect(intercom.now()).toBe(Date.UTC(2026, 0, 1))
    intercom.advanceTime(1500)
    expect(intercom.now()).toBe(Date.UTC(2026, 0, 1) + 1500)
    intercom.advanceTime(0)
    expect(intercom.now()).toBe(Date.UTC(2026, 0, 1) + 1500)
  })

  it('stamps objects with the virtual time in unix seconds', () => {
    const { v2, intercom } = setup({ startTime: 1_700_000_000_999 })
    const created = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    expect(created.created_at).toBe(1_700_000_000)
    intercom.advanceTime(60_000)
    const updated = bodyOf(v2('PUT', `/contacts/${String(created.id)}`, { name: 'A' }))
    expect(updated.updated_at).toBe(1_700_000_060)
    expect(updated.created_at).toBe(1_700_000_000)
  })

  it('rejects going backwards or non-finite steps', () => {
    const intercom = createIntercomEmulator()
    expect(() => intercom.advanceTime(-1)).toThrow(RangeError)
    expect(() => intercom.advanceTime(Number.NaN)).toThrow(RangeError)
    expect(() => intercom.advanceTime(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('options', () => {
  it.each([
    [{ searchLag: -1 }],
    [{ searchLag: 1.5 }],
    [{ maxEventNames: -3 }],
    [{ startTime: Number.NaN }],
    [{ rateLimit: { limit: 0, windowMs: 1000 } }],
    [{ rateLimit: { limit: 1, windowMs: 0 } }],
    [{ dataAttributes: [{ name: 'x', model: 'user', data_type: 'string' }] }],
    [{ dataAttributes: [{ name: 'x', model: 'contact', data_type: 'datetime' }] }],
  ])('throws RangeError for %j', (options) => {
    expect(() => createIntercomEmulator(options as never)).toThrow(RangeError)
  })

  it('ignores a duplicated predefined data attribute and event name', () => {
    const intercom = createIntercomEmulator({
      dataAttributes: [
        { name: 'plan', model: 'contact', data_type: 'string' },
        { name: 'plan', model: 'contact', data_type: 'integer' },
        { name: 'plan', model: 'company', data_type: 'string' },
      ],
      eventNames: ['Signed Up', 'signed up', 'Paid'],
    })
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'plan', model: 'company', data_type: 'string' },
    ])
    expect(intercom.state.eventNames).toEqual(['Signed Up', 'Paid'])
  })
})
