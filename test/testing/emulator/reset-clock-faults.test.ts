// The minimal reset(), clock and faults options that serveEmulator needs.
import { describe, expect, it } from 'vitest'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import { bodyOf, firstError, request, setup } from './helpers.js'

describe('reset()', () => {
  it('empties the workspace and the log and restarts ids, keeping the seeded attributes', () => {
    const { intercom, v2 } = setup({
      dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
      eventNames: ['Seeded'],
    })
    const first = bodyOf(v2('POST', '/contacts', { external_id: 'u1' }))
    v2('POST', '/events', { event_name: 'Signed Up', user_id: 'u1', created_at: 1 })
    intercom.advanceTime(5_000)
    expect(intercom.state.contacts).toHaveLength(1)
    intercom.reset()
    expect(intercom.state).toMatchObject({
      contacts: [],
      companies: [],
      associations: [],
      events: [],
      dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
      eventNames: ['Seeded'],
    })
    expect(intercom.requests).toEqual([])
    expect(intercom.now()).toBe(Date.UTC(2026, 0, 1))
    const again = v2('POST', '/contacts', { external_id: 'u1' })
    expect(again.status).toBe(200)
    expect(bodyOf(again).id).toBe(first.id)
    expect(bodyOf(again).created_at).toBe(Date.UTC(2026, 0, 1) / 1000)
  })

  it('restarts the rate-limit window budget', () => {
    const intercom = createIntercomEmulator({ rateLimit: { limit: 1, windowMs: 60_000 } })
    const get = request('GET', '/companies')
    expect(intercom.handle(get).status).toBe(200)
    expect(intercom.handle(get).status).toBe(429)
    intercom.reset()
    expect(intercom.handle(get).status).toBe(200)
  })
})

describe('clock', () => {
  it('reads the time from the clock, plus what advanceTime adds', () => {
    let wall = 1_800_000_000_000
    const intercom = createIntercomEmulator({ clock: () => wall })
    expect(intercom.now()).toBe(wall)
    wall += 2_500
    expect(intercom.now()).toBe(1_800_000_002_500)
    intercom.advanceTime(1_000)
    expect(intercom.now()).toBe(1_800_000_003_500)
    const created = intercom.handle(request('POST', '/contacts', { external_id: 'u1' }))
    expect(bodyOf(created).created_at).toBe(1_800_000_003)
  })

  it('rate-limit windows follow the clock', () => {
    let wall = 1_000_000
    const intercom = createIntercomEmulator({
      clock: () => wall,
      rateLimit: { limit: 1, windowMs: 1_000 },
    })
    const get = request('GET', '/companies')
    expect(intercom.handle(get).status).toBe(200)
    const limited = intercom.handle(get)
    expect(limited.status).toBe(429)
    expect(limited.headers?.['X-RateLimit-Reset']).toBe('1001')
    wall += 1_000
    expect(intercom.handle(get).status).toBe(200)
  })

  it('rejects a clock with startTime, and a clock that is not a function', () => {
    expect(() => createIntercomEmulator({ clock: Date.now, startTime: 0 })).toThrow(RangeError)
    expect(() => createIntercomEmulator({ clock: 5 as unknown as () => number })).toThrow(TypeError)
  })
})

describe('faults.serverErrorRate', () => {
  const statuses = (seed: number, rate: number): number[] => {
    const intercom = createIntercomEmulator({ faults: { serverErrorRate: rate, seed } })
    return Array.from({ length: 200 }, () => intercom.handle(request('GET', '/companies')).status)
  }

  it('answers 500 server_error for about that share of requests, applying nothing', () => {
    const intercom = createIntercomEmulator({ faults: { serverErrorRate: 0.5, seed: 7 } })
    const results = Array.from({ length: 400 }, (_, i) =>
      intercom.handle(request('POST', '/contacts', { external_id: `u${i}` })),
    )
    const failed = results.filter((r) => r.status === 500)
    expect(failed.length).toBeGreaterThan(150)
    expect(failed.length).toBeLessThan(250)
    expect(firstError(failed[0] ?? { status: 0 }).code).toBe('server_error')
    expect(intercom.state.contacts).toHaveLength(400 - failed.length)
  })

  it('repeats with the same seed, differs with another, and never fails at rate 0', () => {
    expect(statuses(3, 0.3)).toEqual(statuses(3, 0.3))
    expect(statuses(3, 0.3)).not.toEqual(statuses(4, 0.3))
    expect(statuses(3, 0).every((s) => s === 200)).toBe(true)
    expect(statuses(3, 1).every((s) => s === 500)).toBe(true)
  })

  it('rejects a rate outside 0–1 and a non-integer seed', () => {
    expect(() => createIntercomEmulator({ faults: { serverErrorRate: 1.5 } })).toThrow(/0 and 1/)
    expect(() => createIntercomEmulator({ faults: { seed: 0.5 } })).toThrow(/seed/)
  })
})
