import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deliver, toRest } from '../../../src/index.js'
import {
  createIntercomEmulator,
  EmulatorOptionError,
} from '../../../src/testing/emulator/emulator.js'
import { mulberry32 } from '../../../src/testing/emulator/prng.js'
import { bodyOf, firstError, request } from './helpers.js'

const createContact = (n: number) => request('POST', '/contacts', { external_id: `u${n}` })

/** Statuses of `count` distinct contact creations. */
function statuses(serverErrorRate: number, seed: number, count: number): number[] {
  const intercom = createIntercomEmulator({ faults: { serverErrorRate, seed } })
  return Array.from({ length: count }, (_, n) => intercom.handle(createContact(n)).status)
}

describe('mulberry32', () => {
  it('is a function of its seed, draws in [0, 1), and differs between seeds', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const a = mulberry32(seed)
        const b = mulberry32(seed)
        const draws = Array.from({ length: 20 }, () => a())
        expect(Array.from({ length: 20 }, () => b())).toEqual(draws)
        for (const x of draws) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
        }
        const other = mulberry32(seed + 1)
        expect(Array.from({ length: 20 }, () => other())).not.toEqual(draws)
      }),
    )
  })

  it('is roughly uniform', () => {
    const random = mulberry32(12345)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const bucket = Math.floor(random() * 10)
      buckets[bucket] = (buckets[bucket] ?? 0) + 1
    }
    // 10,000 expected per bucket; ±5 standard deviations (σ ≈ 95).
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })
})

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

  it.each([
    [{ serverErrorRate: -0.1 }, 'faults.serverErrorRate'],
    [{ serverErrorRate: 1.01 }, 'faults.serverErrorRate'],
    [{ serverErrorRate: Number.NaN }, 'faults.serverErrorRate'],
    [{ serverErrorRate: '0.5' }, 'faults.serverErrorRate'],
    [{ seed: 1.5 }, 'faults.seed'],
    [{ seed: 2 ** 53 }, 'faults.seed'],
    [{ seed: '1' }, 'faults.seed'],
  ])('rejects %o naming %s', (faults, option) => {
    expect(() => createIntercomEmulator({ faults } as never)).toThrow(EmulatorOptionError)
    expect(() => createIntercomEmulator({ faults } as never)).toThrow(
      expect.objectContaining({ option }),
    )
  })

  it('rejects faults that are not an object', () => {
    for (const faults of [0.5, null, [0.5]]) {
      expect(() => createIntercomEmulator({ faults } as never)).toThrow(
        expect.objectContaining({ option: 'faults' }),
      )
    }
  })
})
