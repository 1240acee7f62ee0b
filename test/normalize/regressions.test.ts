/**
 * Regressions: behaviour a review found missing (findings F1–F9), fixed since; each
 * test pins the corrected behaviour.
 */
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/normalize/normalize.js'
import { deliver } from '../../src/rest/deliver.js'
import { toRest } from '../../src/rest/to-rest.js'
import type { IntercomRequest } from '../../src/rest/types.js'

const T = '2020-01-01T00:00:00Z'
const V14 = { apiVersion: '1.4' }

function firstRequest(event: Record<string, unknown>, options = {}) {
  const m = toRest(event, { settings: V14, ...options })
  if (m.status !== 'mapped') throw new Error(m.status)
  return { request: m.exchange().next().value as IntercomRequest, warnings: m.warnings }
}

const codes = (ws: { code: string; path: string }[]) => ws.map((w) => [w.code, w.path])

describe('review findings, fixed', () => {
  it('F1 retryAfterMs is measured from options.now to the millisecond, not from options.now floored to seconds', async () => {
    const now = 1_700_000_000_500
    const m = toRest(
      { type: 'track', userId: 'u1', event: 'E', timestamp: T },
      { settings: V14, now },
    )
    const reset = await deliver(m, async () => ({
      status: 429,
      headers: { 'X-RateLimit-Reset': '1700000010' },
    }))
    expect(reset).toMatchObject({ retryAt: 1_700_000_010_000, retryAfterMs: 9_500 })
    const after = await deliver(m, async () => ({ status: 429, headers: { 'Retry-After': '7' } }))
    expect(after).toMatchObject({ retryAfterMs: 7_000, retryAt: now + 7_000 })
  })

  it('F2 context.lastRequestAt dropped by context.active === false is warned', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      context: { active: false, lastRequestAt: '2019-06-01T00:00:00Z' },
    })
    expect(r.status === 'normalized' && codes(r.warnings)).toEqual([
      ['dropped_value', 'context.lastRequestAt'],
    ])
  })

  it('F3 last-seen warnings name the trait key actually given (last_request_at)', () => {
    const bad = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { last_request_at: 'soon' },
    })
    expect(codes(bad.warnings)).toEqual([['invalid_date', 'traits.last_request_at']])
    const inactive = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { last_request_at: 1500000000 },
      context: { active: false },
    })
    expect(codes(inactive.warnings)).toEqual([['dropped_value', 'traits.last_request_at']])
  })

  it('F4 request descriptors and their headers are frozen: a host cannot write credentials into one and leak them into the next exchange', () => {
    const m = toRest(
      { type: 'identify', userId: 'u1', timestamp: T, traits: { a: 1 } },
      { settings: V14 },
    )
    if (m.status !== 'mapped') throw new Error(m.status)
    const first = m.exchange().next().value as IntercomRequest
    const pristine = structuredClone(first)
    expect(() => {
      first.headers.Authorization = 'Bearer secret'
    }).toThrow(TypeError)
    expect(() => {
      ;(first as { url: string }).url = 'https://evil.example'
    }).toThrow(TypeError)
    expect({ ...first.headers, Authorization: 'Bearer secret' }).toMatchObject(pristine.headers)
    expect(m.exchange().next().value).toEqual(pristine)
  })

  it('F5 a mapping never throws, even on an input whose getter throws', () => {
    const input = {
      type: 'identify',
      get userId(): string {
        throw new Error('boom')
      },
    }
    expect(() => toRest(input)).not.toThrow()
    expect(() => normalize(input)).not.toThrow()
  })

  it('F6 an epoch-milliseconds number under a date-named key becomes unix seconds, like the same digits as text', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { trial_ends_at: 1363902294011, trial_started_at: '1363902294011' },
    })
    expect(
      r.status === 'normalized' && r.event.type === 'identify' && r.event.customAttributes,
    ).toEqual({
      trial_ends_at: 1363902294,
      trial_started_at: 1363902294,
    })
    expect(codes(r.warnings)).toEqual([
      ['date_converted', 'traits.trial_ends_at'],
      // Digits in text have no unit: the magnitude decides, and the guess is warned (issue 9).
      ['ambiguous_date', 'traits.trial_started_at'],
      ['date_converted', 'traits.trial_started_at'],
    ])
  })

  it('F7 an Intercom option REST does not send on this call type (unsubscribedFromEmails on track) is warned', () => {
    const { request, warnings } = firstRequest({
      type: 'track',
      userId: 'u1',
      event: 'E',
      timestamp: T,
      context: { Intercom: { unsubscribedFromEmails: true } },
    })
    expect(request.body).toEqual({ event_name: 'E', created_at: 1577836800, user_id: 'u1' })
    expect(codes(warnings)).toEqual([
      ['unsupported_field', 'context.Intercom.unsubscribedFromEmails'],
    ])
  })

  it('F8 an empty traits.name falls back to first and last name', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      traits: { name: '', firstName: 'John ', lastName: 'Jacob' },
    })
    expect(r.status === 'normalized' && r.event.type === 'identify' && r.event.name).toBe(
      'John Jacob',
    )
  })

  it('F9 a 1.4 group without a user warns no_user, like 2.x (Intercom shows a company once it has a user)', () => {
    const { request, warnings } = firstRequest({ type: 'group', groupId: 'g1', timestamp: T })
    expect(request.path).toBe('/companies')
    expect(codes(warnings)).toEqual([['no_user', 'userId']])
  })
})

describe('integrations spelled twice', () => {
  it('reads integrations.Intercom and warns that integrations.intercom is ignored', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: T,
      integrations: { Intercom: { user_hash: 'a' }, intercom: { user_hash: 'b' } },
    })
    expect(r.status === 'normalized' && r.event.options.userHash).toBe('a')
    expect(r.status === 'normalized' && codes(r.warnings)).toEqual([
      ['superseded', 'integrations.intercom'],
    ])
  })
})

describe('keys named after Object.prototype members', () => {
  const proto = JSON.parse(
    '{"type":"identify","userId":"u","timestamp":"2020-01-01T00:00:00Z","integrations":{"Intercom":{"__proto__":1,"toString":2}},"traits":{"toString":"t","constructor":{"a":1},"valueOf":3,"__proto__":"p"}}',
  )
  it('never throw, and are custom attributes or warned like any other key', () => {
    const r = normalize(proto, { settings: { nestedValues: 'drop' } })
    if (r.status !== 'normalized' || r.event.type !== 'identify') throw new Error(r.status)
    expect(r.event.customAttributes).toEqual(
      JSON.parse('{"toString":"t","valueOf":3,"__proto__":"p"}'),
    )
    expect(codes(r.warnings)).toEqual([
      ['unknown_option', 'integrations.Intercom.__proto__'],
      ['unknown_option', 'integrations.Intercom.toString'],
      ['dropped_nested', 'traits.constructor'],
    ])
  })
})
