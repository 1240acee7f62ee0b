import { describe, expect, it } from 'vitest'
import type { NormalizeContext } from '../../src/normalize/context.js'
import { applyLastSeen } from '../../src/normalize/last-seen.js'
import type { NormalizedIdentify } from '../../src/normalize/model.js'
import { normalize } from '../../src/normalize/normalize.js'
import { toRest } from '../../src/rest/to-rest.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'
import type { MapOptions } from '../../src/types.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800
const NOW_MS = Date.UTC(2024, 0, 1, 12, 0, 0, 750)
const NOW_S = Math.floor(NOW_MS / 1000)
const LAST = '2019-06-01T10:00:00Z'
const LAST_S = Date.UTC(2019, 5, 1, 10) / 1000

function last(event: Record<string, unknown>, options?: MapOptions) {
  const r = normalize({ userId: 'u1', ...event }, options)
  if (r.status !== 'normalized') throw new Error(r.status)
  const e = r.event as { lastSeenAt?: number }
  return { lastSeenAt: e.lastSeenAt, warnings: r.warnings.map((w) => [w.code, w.path]) }
}

describe('last-seen on identify', () => {
  it('is options.now when given (a number is epoch ms, floored to seconds)', () => {
    expect(last({ type: 'identify', timestamp: T }, { now: NOW_MS })).toEqual({
      lastSeenAt: NOW_S,
      warnings: [],
    })
    expect(last({ type: 'identify', timestamp: T }, { now: new Date(NOW_MS) })).toEqual({
      lastSeenAt: NOW_S,
      warnings: [],
    })
  })

  it('is the event timestamp without options.now', () => {
    expect(last({ type: 'identify', timestamp: T })).toEqual({ lastSeenAt: T_S, warnings: [] })
  })

  it('is traits.lastRequestAt when given, over now', () => {
    expect(
      last({ type: 'identify', timestamp: T, traits: { lastRequestAt: LAST } }, { now: NOW_MS }),
    ).toEqual({
      lastSeenAt: LAST_S,
      warnings: [],
    })
    expect(last({ type: 'identify', traits: { last_request_at: LAST_S } }).lastSeenAt).toBe(LAST_S)
  })

  it('is context.lastRequestAt when the trait is absent', () => {
    expect(last({ type: 'identify', timestamp: T, context: { lastRequestAt: LAST } })).toEqual({
      lastSeenAt: LAST_S,
      warnings: [],
    })
  })

  it('prefers the trait over context.lastRequestAt', () => {
    const r = last({
      type: 'identify',
      traits: { lastRequestAt: LAST },
      context: { lastRequestAt: T },
    })
    expect(r.lastSeenAt).toBe(LAST_S)
  })

  it('falls back to now, warned, when lastRequestAt is not a date', () => {
    expect(last({ type: 'identify', timestamp: T, traits: { lastRequestAt: 'soon' } })).toEqual({
      lastSeenAt: T_S,
      warnings: [['invalid_date', 'traits.lastRequestAt']],
    })
    expect(last({ type: 'identify', timestamp: T, context: { lastRequestAt: 'soon' } })).toEqual({
      lastSeenAt: T_S,
      warnings: [['invalid_date', 'context.lastRequestAt']],
    })
  })

  it('is omitted when there is no timestamp and no options.now (REST warns: the devices record their own)', () => {
    expect(last({ type: 'identify' })).toEqual({ lastSeenAt: undefined, warnings: [] })
    const rest = toRest({ type: 'identify', userId: 'u1' })
    expect(rest.warnings.map((w) => [w.code, w.path])).toEqual([['no_last_seen', 'timestamp']])
  })

  it('is omitted with warnings when the timestamp is not a date and there is no options.now', () => {
    expect(last({ type: 'identify', timestamp: 'yesterday' })).toEqual({
      lastSeenAt: undefined,
      warnings: [['invalid_date', 'timestamp']],
    })
    const rest = toRest({ type: 'identify', userId: 'u1', timestamp: 'yesterday' })
    expect(rest.warnings.map((w) => [w.code, w.path])).toEqual([
      ['invalid_date', 'timestamp'],
      ['no_last_seen', 'timestamp'],
    ])
  })

  it('is suppressed by context.active === false, without a warning', () => {
    expect(
      last({ type: 'identify', timestamp: T, context: { active: false } }, { now: NOW_MS }),
    ).toEqual({
      lastSeenAt: undefined,
      warnings: [],
    })
    // Nothing to warn about either when no time is known.
    expect(last({ type: 'identify', context: { active: false } })).toEqual({
      lastSeenAt: undefined,
      warnings: [],
    })
  })

  it('warns that traits.lastRequestAt is not sent when context.active is false', () => {
    expect(
      last({
        type: 'identify',
        timestamp: T,
        context: { active: false },
        traits: { lastRequestAt: LAST },
      }),
    ).toEqual({
      lastSeenAt: undefined,
      warnings: [['dropped_value', 'traits.lastRequestAt']],
    })
  })

  it('is not suppressed by active: true or a missing active (the server code defaulted to active)', () => {
    expect(last({ type: 'identify', timestamp: T, context: { active: true } }).lastSeenAt).toBe(T_S)
    expect(last({ type: 'identify', timestamp: T, context: {} }).lastSeenAt).toBe(T_S)
  })

  it("keeps ip and user agent in the seed's python example with active: false", () => {
    const r = normalize({
      type: 'identify',
      userId: 'some_user_id',
      traits: {
        email: 'ben@intercom.io',
        firstName: 'Ben',
        lastName: 'McRedmond',
        createdAt: 1363902294011,
        plan: 'Premium',
      },
      context: {
        ip: '192.168.0.1',
        active: false,
        userAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.47 Safari/537.36',
      },
    })
    expect(r.status).toBe('normalized')
    if (r.status !== 'normalized') return
    expect(r.event).toEqual({
      type: 'identify',
      active: false,
      user: { userId: 'some_user_id', email: 'ben@intercom.io' },
      options: {},
      optionPaths: {},
      name: 'Ben McRedmond',
      signedUpAt: 1363902294,
      ip: '192.168.0.1',
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/27.0.1453.47 Safari/537.36',
      companies: [],
      customAttributes: { plan: 'Premium' },
      attributePaths: { plan: 'traits.plan' },
    })
    expect(r.warnings).toEqual([])
  })
})

describe('last-seen on group', () => {
  it('is set when the group names a user', () => {
    expect(last({ type: 'group', groupId: 'g1', timestamp: T })).toEqual({
      lastSeenAt: T_S,
      warnings: [],
    })
    expect(
      last(
        {
          type: 'group',
          groupId: 'g1',
          userId: undefined,
          context: { traits: { email: 'a@example.com' } },
        },
        { now: NOW_MS },
      ).lastSeenAt,
    ).toBe(NOW_S)
  })

  it('is suppressed by context.active === false', () => {
    expect(
      last({ type: 'group', groupId: 'g1', timestamp: T, context: { active: false } }).lastSeenAt,
    ).toBeUndefined()
  })

  it('is not computed (nor warned about) without a user', () => {
    expect(last({ type: 'group', groupId: 'g1', userId: undefined })).toEqual({
      lastSeenAt: undefined,
      warnings: [],
    })
  })

  it('reads context.lastRequestAt, not group traits (they describe the company)', () => {
    const r = normalize({
      type: 'group',
      groupId: 'g1',
      userId: 'u1',
      timestamp: T,
      traits: { lastRequestAt: LAST },
      context: { lastRequestAt: LAST },
    })
    expect(r.status === 'normalized' && r.event.type === 'group' && r.event.lastSeenAt).toBe(LAST_S)
  })
})

describe('lastSeenAt', () => {
  it('reads only what it is given: no clock', () => {
    const ctx: NormalizeContext = { settings: DEFAULT_SETTINGS, warnings: [], now: 123 }
    const model = () => ({ active: true }) as NormalizedIdentify
    const a = model()
    applyLastSeen(a, undefined, undefined, ctx)
    expect(a).toEqual({ active: true, lastSeenAt: 123 })
    const b = model()
    applyLastSeen(b, ['traits.lastRequestAt', LAST_S], { active: true }, ctx)
    expect(b).toEqual({ active: true, lastSeenAt: LAST_S, lastSeenPath: 'traits.lastRequestAt' })
    expect(ctx.warnings).toEqual([])
  })
})

describe('last-seen warnings', () => {
  const codes = (ws: { code: string; path: string }[]) => ws.map((w) => [w.code, w.path])

  it('context.lastRequestAt dropped by context.active === false is warned', () => {
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

  it('name the trait key actually given (last_request_at)', () => {
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
})
