// The emulator (src/testing/emulator/emulator.ts): request checks, the virtual clock,
// faults, reset() and the clock option, and the emulator as deliver's transport.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliver, toRest } from '../../../src/index.js'
import type { IntercomRequest } from '../../../src/rest/types.js'
import {
  createIntercomEmulator,
  DEFAULT_START_TIME,
  EmulatorOptionError,
} from '../../../src/testing/emulator/emulator.js'
import type { EmulatorOptions } from '../../../src/testing/emulator/types.js'
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

const createContact = (n: number) => request('POST', '/contacts', { external_id: `u${n}` })

/** Statuses of `count` distinct contact creations. */
function statuses(serverErrorRate: number, seed: number, count: number): number[] {
  const intercom = createIntercomEmulator({ faults: { serverErrorRate, seed } })
  return Array.from({ length: count }, (_, n) => intercom.handle(createContact(n)).status)
}

describe('faults: serverErrorRate', () => {
  it.each([0.05, 0.25, 0.5, 0.9])('fails about %f of requests', (rate) => {
    const count = 4000
    const failed = statuses(rate, 99, count).filter((s) => s === 500).length
    // Binomial: within 5 standard deviations of the mean.
    const sd = Math.sqrt(count * rate * (1 - rate))
    expect(Math.abs(failed - count * rate)).toBeLessThan(5 * sd)
  })

  it('answers 500 server_error as an Intercom error.list with the request id', () => {
    const intercom = createIntercomEmulator({ faults: { serverErrorRate: 1 } })
    const response = intercom.handle(createContact(1))
    expect(response.status).toBe(500)
    expect(firstError(response).code).toBe('server_error')
    expect(bodyOf(response).request_id).toBe('00000000-0000-4000-8000-000000000001')
  })

  it('changes nothing: not the state, not the rate-limit budget', () => {
    const rateLimit = { limit: 100, windowMs: 10_000 }
    const faulty = createIntercomEmulator({ rateLimit, faults: { serverErrorRate: 0.5, seed: 3 } })
    const clean = createIntercomEmulator({ rateLimit })
    for (let n = 0; n < 60; n++) {
      const req = createContact(n)
      const response = faulty.handle(req)
      if (response.status === 500) {
        expect(firstError(response).code).toBe('server_error')
        expect(faulty.state.contacts.some((c) => c.external_id === `u${n}`)).toBe(false)
      } else {
        expect(response.status).toBe(200)
        // The budget only counts requests that were not faulted.
        clean.handle(req)
        expect(response.headers?.['X-RateLimit-Remaining']).toBe(
          clean.requests.at(-1)?.response.headers?.['X-RateLimit-Remaining'],
        )
      }
    }
    expect(faulty.state.contacts.map((c) => c.external_id)).toEqual(
      clean.state.contacts.map((c) => c.external_id),
    )
    expect(faulty.state.contacts.length).toBeGreaterThan(10)
    expect(faulty.state.contacts.length).toBeLessThan(50)
  })

  it('is deterministic: same seed and request count, same faults, whatever the requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, rate) => {
          const a = createIntercomEmulator({ faults: { serverErrorRate: rate, seed } })
          const b = createIntercomEmulator({ faults: { serverErrorRate: rate, seed } })
          const faultsA = Array.from(
            { length: 30 },
            (_, n) => a.handle(createContact(n)).status === 500,
          )
          // b gets other requests (reads, bad bodies): the same positions fail.
          const faultsB = Array.from(
            { length: 30 },
            (_, n) => b.handle(request('GET', n % 2 ? '/companies' : '/nowhere')).status === 500,
          )
          expect(faultsB).toEqual(faultsA)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('with a clock and a rate limit too, never throws and answers only 2xx–5xx', () => {
    const requests = [
      request('POST', '/contacts', { external_id: 'u1' }),
      request('POST', '/contacts/search', {
        query: { field: 'external_id', operator: '=', value: 'u1' },
      }),
      request('POST', '/events', { event_name: 'a', created_at: 1, user_id: 'u1' }),
      request('GET', '/nowhere'),
      request('POST', '/users', { user_id: 'u2', companies: [{ company_id: 'c' }] }, '1.4'),
    ]
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...requests), fc.nat(5_000)), { maxLength: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (steps, rate) => {
          let time = 0
          const intercom = createIntercomEmulator({
            clock: () => time,
            rateLimit: { limit: 5, windowMs: 10_000 },
            faults: { serverErrorRate: rate, seed: 1 },
          })
          for (const [req, wait] of steps) {
            time += wait
            const response = intercom.handle(req)
            expect(response.status).toBeGreaterThanOrEqual(200)
            expect(response.status).toBeLessThanOrEqual(500)
            if (response.status === 500) expect(firstError(response).code).toBe('server_error')
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('differs between seeds', () => {
    expect(statuses(0.5, 1, 64)).not.toEqual(statuses(0.5, 2, 64))
  })

  it('defaults the seed to 0', () => {
    const intercom = createIntercomEmulator({ faults: { serverErrorRate: 0.5 } })
    const got = Array.from({ length: 40 }, (_, n) => intercom.handle(createContact(n)).status)
    expect(got).toEqual(statuses(0.5, 0, 40))
  })

  it('rate 0 never fails and rate 1 always does', () => {
    expect(statuses(0, 5, 500).every((s) => s === 200)).toBe(true)
    expect(statuses(1, 5, 500).every((s) => s === 500)).toBe(true)
    expect(createIntercomEmulator({ faults: {} }).handle(createContact(1)).status).toBe(200)
  })

  it('comes before authentication', () => {
    const intercom = createIntercomEmulator({ token: 't', faults: { serverErrorRate: 1 } })
    expect(intercom.handle(createContact(1)).status).toBe(500)
  })

  it('deliver() sees a fault as retryable and a retry goes through', async () => {
    const intercom = createIntercomEmulator({ faults: { serverErrorRate: 0.5, seed: 11 } })
    const event = { type: 'identify', userId: 'u1', timestamp: '2026-01-01T00:00:00Z' }
    const outcomes: string[] = []
    for (let attempt = 0; attempt < 20; attempt++) {
      const outcome = await deliver(toRest(event), intercom.send)
      outcomes.push(outcome.status)
      if (outcome.status === 'delivered') break
      expect(outcome).toMatchObject({ status: 'retry', code: 'server_error' })
    }
    expect(outcomes.at(-1)).toBe('delivered')
    expect(intercom.state.contacts.map((c) => c.external_id)).toEqual(['u1'])
  })
})

/** A session that writes to every part of the workspace. */
function session(): IntercomRequest[] {
  return [
    request('POST', '/data_attributes', { name: 'tier', model: 'contact', data_type: 'string' }),
    request('POST', '/contacts', { external_id: 'u1', custom_attributes: { tier: 'gold' } }),
    request('POST', '/companies', { company_id: 'acme' }),
    request('POST', '/contacts/6a00c0000000000000000001/companies', {
      id: '6a00c1000000000000000001',
    }),
    request('POST', '/events', { event_name: 'Paid', created_at: 1, user_id: 'u1' }),
    request('POST', '/contacts/search', {
      query: { field: 'external_id', operator: '=', value: 'u1' },
    }),
  ]
}

const options: EmulatorOptions = {
  dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
  eventNames: ['Signed Up'],
  searchLag: 1,
  rateLimit: { limit: 3, windowMs: 10_000 },
  faults: { serverErrorRate: 0.3, seed: 7 },
}

describe('reset()', () => {
  it('returns to the initial state: predefined attributes and names only, empty log', () => {
    const intercom = createIntercomEmulator(options)
    const initial = intercom.state
    for (const req of session()) intercom.handle(req)
    intercom.advanceTime(60_000)
    expect(intercom.requests).toHaveLength(6)
    intercom.reset()
    expect(intercom.state).toEqual(initial)
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
    ])
    expect(intercom.state.eventNames).toEqual(['Signed Up'])
    expect(intercom.state.contacts).toEqual([])
    expect(intercom.requests).toEqual([])
    expect(intercom.now()).toBe(DEFAULT_START_TIME)
  })

  it('then answers exactly as a new emulator: ids, request ids, rate limit and faults', () => {
    const used = createIntercomEmulator(options)
    for (const req of session()) used.handle(req)
    used.advanceTime(5_000)
    for (const req of session()) used.handle(req)
    used.reset()
    const fresh = createIntercomEmulator(options)
    const a = [...session(), ...session()].map((req) => used.handle(req))
    const b = [...session(), ...session()].map((req) => fresh.handle(req))
    expect(a).toEqual(b)
    expect(a.map((r) => r.status)).toContain(429)
    expect(a.map((r) => r.status)).toContain(500)
    expect(used.state).toEqual(fresh.state)
    expect(used.requests).toEqual(fresh.requests)
  })

  it('restores the options as given at creation, even if the caller changed them since', () => {
    const dataAttributes = [
      { name: 'plan', model: 'contact' as const, data_type: 'string' as const },
    ]
    const eventNames = ['Signed Up']
    const intercom = createIntercomEmulator({ dataAttributes, eventNames })
    dataAttributes.push({ name: 'later', model: 'contact', data_type: 'string' })
    eventNames.push('Later')
    intercom.reset()
    expect(intercom.state.dataAttributes.map((a) => a.name)).toEqual(['plan'])
    expect(intercom.state.eventNames).toEqual(['Signed Up'])
  })

  it('puts a custom startTime back', () => {
    const intercom = createIntercomEmulator({ startTime: 1_700_000_000_000 })
    intercom.advanceTime(1234)
    intercom.reset()
    expect(intercom.now()).toBe(1_700_000_000_000)
  })
})

describe('clock option', () => {
  it('reads the time from the clock for timestamps, once per request', () => {
    let time = 1_800_000_000_500
    let reads = 0
    const intercom = createIntercomEmulator({
      clock: () => {
        reads += 1
        return time
      },
    })
    reads = 0
    const created = bodyOf(intercom.handle(request('POST', '/contacts', { external_id: 'u1' })))
    expect(reads).toBe(1)
    expect(created.created_at).toBe(1_800_000_000)
    time += 90_000
    expect(intercom.now()).toBe(time)
    const updated = bodyOf(
      intercom.handle(request('PUT', `/contacts/${String(created.id)}`, { name: 'A' })),
    )
    expect(updated.updated_at).toBe(1_800_000_090)
    expect(updated.created_at).toBe(1_800_000_000)
  })

  it('drives the rate-limit windows', () => {
    let time = 20_000
    const intercom = createIntercomEmulator({
      clock: () => time,
      rateLimit: { limit: 1, windowMs: 10_000 },
    })
    const get = request('GET', '/companies')
    expect(intercom.handle(get).status).toBe(200)
    time += 9_999
    expect(intercom.handle(get).status).toBe(429)
    time += 1
    const next = intercom.handle(get)
    expect(next.status).toBe(200)
    expect(next.headers?.['X-RateLimit-Reset']).toBe('40')
  })

  it('works with the wall clock, and advanceTime stays ahead of it', () => {
    const intercom = createIntercomEmulator({ clock: Date.now })
    const before = Date.now()
    const now = intercom.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
    intercom.advanceTime(3_600_000)
    expect(intercom.now()).toBeGreaterThanOrEqual(before + 3_600_000)
    intercom.reset()
    expect(intercom.now()).toBeLessThanOrEqual(Date.now())
  })

  it('answers 500 server_error, without throwing, when the clock returns a non-number', () => {
    let time = 0
    const intercom = createIntercomEmulator({ clock: () => time })
    time = Number.NaN
    const response = intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    expect(response.status).toBe(500)
    expect(bodyOf(response).errors).toEqual([
      expect.objectContaining({ code: 'server_error', message: expect.stringContaining('clock') }),
    ])
    time = 0
    expect(intercom.state.contacts).toEqual([])
  })

  it.each([
    [{ clock: 1000 }, 'clock'],
    [{ clock: Date.now, startTime: 0 }, 'startTime'],
  ])('rejects %o naming %s', (bad, option) => {
    expect(() => createIntercomEmulator(bad as never)).toThrow(
      expect.objectContaining({ name: 'EmulatorOptionError', option }),
    )
    expect(() => createIntercomEmulator(bad as never)).toThrow(EmulatorOptionError)
  })
})

describe('state snapshot cache', () => {
  it('shares frozen parts between reads until a write, and reads do not invalidate it', () => {
    const intercom = createIntercomEmulator()
    intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    const first = intercom.state
    intercom.handle(request('GET', '/contacts/6a00c0000000000000000001'))
    intercom.handle(
      request('POST', '/contacts/search', {
        query: { field: 'external_id', operator: '=', value: 'u1' },
      }),
    )
    const second = intercom.state
    expect(second).not.toBe(first)
    expect(second.contacts).toBe(first.contacts)
    intercom.handle(request('PUT', '/contacts/6a00c0000000000000000001', { name: 'Ann' }))
    const third = intercom.state
    expect(third.contacts).not.toBe(first.contacts)
    expect(third.contacts[0]?.name).toBe('Ann')
    expect(first.contacts[0]?.name).toBeNull()
  })

  it('a failed write leaves the snapshot equal to the workspace', () => {
    const intercom = createIntercomEmulator()
    intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    const before = intercom.state
    intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    expect(intercom.state).toEqual(before)
  })
})

const timestamp = '2026-01-01T00:00:00.000Z'

describe('the emulator as deliver’s transport', () => {
  it('identify then track lands a contact and an event (2.16)', async () => {
    const intercom = createIntercomEmulator({
      searchLag: 5,
      dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
    })
    const identify = {
      type: 'identify',
      userId: 'u1',
      timestamp,
      traits: { email: 'a@example.com', plan: 'pro' },
    }
    const track = { type: 'track', userId: 'u1', timestamp, event: 'Signed Up' }
    expect((await deliver(toRest(identify), intercom.send)).status).toBe('delivered')
    // Search still lags: the second identify meets a 409 and must still land its update.
    const again = { ...identify, traits: { plan: 'max' } }
    expect((await deliver(toRest(again), intercom.send)).status).toBe('delivered')
    expect((await deliver(toRest(track), intercom.send)).status).toBe('delivered')
    const { contacts, events } = intercom.state
    expect(contacts).toHaveLength(1)
    expect(contacts[0]).toMatchObject({ external_id: 'u1', custom_attributes: { plan: 'max' } })
    expect(events.map((e) => e.event_name)).toEqual(['Signed Up'])
  })

  it('an undefined custom attribute does not deliver under 2.x but does under 1.4', async () => {
    const identify = { type: 'identify', userId: 'u1', timestamp, traits: { shoe_size: 44 } }
    const v2 = createIntercomEmulator()
    const fail = { settings: { unknownAttributes: 'fail' as const } }
    expect((await deliver(toRest(identify, fail), v2.send)).status).toBe('failed')
    // By default 2.x leaves it out (warned) and writes the rest.
    expect(await deliver(toRest(identify), v2.send)).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'dropped_attribute', path: 'traits.shoe_size' }],
    })
    expect(v2.state.contacts[0]?.custom_attributes).toEqual({})
    const v14 = createIntercomEmulator()
    const outcome = await deliver(toRest(identify, { settings: { apiVersion: '1.4' } }), v14.send)
    expect(outcome.status).toBe('delivered')
    expect(v14.state.contacts[0]?.custom_attributes).toEqual({ shoe_size: 44 })
  })
})
