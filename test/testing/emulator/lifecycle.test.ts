import { describe, expect, it } from 'vitest'
import type { IntercomRequest } from '../../../src/rest/types.js'
import {
  createIntercomEmulator,
  DEFAULT_START_TIME,
  EmulatorOptionError,
} from '../../../src/testing/emulator/emulator.js'
import type { EmulatorOptions } from '../../../src/testing/emulator/types.js'
import { bodyOf, request } from './helpers.js'

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

describe('option errors', () => {
  it.each([
    [{ searchLag: -1 }, 'searchLag'],
    [{ maxEventNames: 1.5 }, 'maxEventNames'],
    [{ startTime: Number.POSITIVE_INFINITY }, 'startTime'],
    [{ rateLimit: { limit: 0, windowMs: 1 } }, 'rateLimit.limit'],
    [{ rateLimit: { limit: 1, windowMs: -1 } }, 'rateLimit.windowMs'],
    [{ rateLimit: 5 }, 'rateLimit'],
    [{ dataAttributes: [{ name: 'x', model: 'user', data_type: 'string' }] }, 'dataAttributes[0]'],
    [{ eventNames: [1] }, 'eventNames'],
    [{ token: '' }, 'token'],
    [{ requireDefinedAttributes: 'no' }, 'requireDefinedAttributes'],
    [{ token: 'two words' }, 'token'],
  ])('%o is an EmulatorOptionError (a RangeError) naming %s', (bad, option) => {
    let caught: unknown
    try {
      createIntercomEmulator(bad as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(EmulatorOptionError)
    expect(caught).toBeInstanceOf(RangeError)
    expect((caught as EmulatorOptionError).option).toBe(option)
    expect((caught as Error).message.startsWith(`${option}: `)).toBe(true)
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
