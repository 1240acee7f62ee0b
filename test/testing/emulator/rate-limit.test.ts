import { describe, expect, it } from 'vitest'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import { createRateLimitState, takeRequest } from '../../../src/testing/emulator/rate-limit.js'
import { firstError, request } from './helpers.js'

const start = Date.UTC(2026, 0, 1)
const get = request('GET', '/companies')

describe('rate limit', () => {
  it('sends no X-RateLimit headers when not configured', () => {
    const intercom = createIntercomEmulator()
    expect(intercom.handle(get).headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
    })
  })

  it('counts down the budget and answers 429 past it', () => {
    const intercom = createIntercomEmulator({ rateLimit: { limit: 2, windowMs: 10_000 } })
    const reset = String(start / 1000 + 10)
    const first = intercom.handle(get)
    expect(first.status).toBe(200)
    expect(first.headers).toMatchObject({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '1',
      'X-RateLimit-Reset': reset,
    })
    expect(intercom.handle(get).headers?.['X-RateLimit-Remaining']).toBe('0')
    const limited = intercom.handle(get)
    expect(limited.status).toBe(429)
    expect(firstError(limited).code).toBe('rate_limit_exceeded')
    expect(limited.headers).toMatchObject({
      'X-RateLimit-Limit': '2',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': reset,
    })
  })

  it('starts a new window when the virtual clock reaches the reset time', () => {
    const intercom = createIntercomEmulator({ rateLimit: { limit: 1, windowMs: 10_000 } })
    intercom.handle(get)
    intercom.advanceTime(9_999)
    expect(intercom.handle(get).status).toBe(429)
    intercom.advanceTime(1)
    const next = intercom.handle(get)
    expect(next.status).toBe(200)
    expect(next.headers?.['X-RateLimit-Reset']).toBe(String(start / 1000 + 20))
    expect(next.headers?.['X-RateLimit-Remaining']).toBe('0')
  })

  it('aligns windows on the clock and rounds the reset up to whole seconds', () => {
    const intercom = createIntercomEmulator({
      startTime: 1_000_000_250,
      rateLimit: { limit: 5, windowMs: 1_500 },
    })
    // Window floor(1_000_000_250 / 1500) = 666_666 ends at 1_000_000_500 ms → 1_000_001 s.
    expect(intercom.handle(get).headers?.['X-RateLimit-Reset']).toBe('1000001')
    intercom.advanceTime(250)
    expect(intercom.handle(get).headers?.['X-RateLimit-Reset']).toBe('1000002')
  })

  it('counts every request, whatever its outcome, except unauthorized ones', () => {
    const intercom = createIntercomEmulator({ token: 't', rateLimit: { limit: 2, windowMs: 1000 } })
    const unauthorized = intercom.handle(get)
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.headers?.['X-RateLimit-Remaining']).toBe('2')
    const auth = { Authorization: 'Bearer t' }
    expect(intercom.handle(request('GET', '/nowhere', undefined, '2.16', auth)).status).toBe(404)
    expect(intercom.handle(request('GET', '/companies', undefined, '9', auth)).status).toBe(400)
    expect(intercom.handle(request('GET', '/companies', undefined, '2.16', auth)).status).toBe(429)
  })

  it('takeRequest keeps refused requests out of the budget', () => {
    const state = createRateLimitState()
    const config = { limit: 1, windowMs: 10_000 }
    expect(takeRequest(state, config, 0).allowed).toBe(true)
    expect(takeRequest(state, config, 5_000).allowed).toBe(false)
    expect(takeRequest(state, config, 5_000).headers['X-RateLimit-Remaining']).toBe('0')
    expect(takeRequest(state, config, 10_000).allowed).toBe(true)
  })
})
