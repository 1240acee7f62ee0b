import { describe, expect, it } from 'vitest'
import { MAX_ACTIVE_EVENT_NAMES } from '../../src/intercom/limits.js'
import { normalize } from '../../src/normalize/normalize.js'
import { exceedsEventNameLimit } from '../../src/rest/event-names.js'
import { restPreconditions } from '../../src/rest/preconditions.js'
import { toRest } from '../../src/rest/to-rest.js'
import type { MapOptions, Warning } from '../../src/types.js'

const T = '2020-01-01T00:00:00Z'
const VERSIONS = ['1.4', '2.16'] as const

function pre(event: Record<string, unknown>, options?: MapOptions) {
  const n = normalize(event, options)
  if (n.status !== 'normalized') throw new Error(n.status)
  const warnings: Warning[] = []
  return {
    result: restPreconditions(n, warnings),
    warnings: warnings.map((w) => [w.code, w.path]),
  }
}

const names = (n: number, prefix = 'Event ') => Array.from({ length: n }, (_, i) => `${prefix}${i}`)

describe.each(VERSIONS)('REST preconditions (apiVersion %s)', (apiVersion) => {
  const rest = (event: Record<string, unknown>, options: MapOptions = {}) =>
    toRest(event, { ...options, settings: { apiVersion } })

  it('rejects an identify without userId or email', () => {
    expect(
      rest({ type: 'identify', anonymousId: 'a1', timestamp: T, traits: { name: 'Anon' } }),
    ).toEqual({
      status: 'invalid',
      errors: [
        {
          code: 'missing_identity',
          path: 'userId',
          message:
            'An identify needs a userId or an email (traits.email); Intercom users cannot be anonymous and leads are not created',
        },
      ],
      warnings: [],
    })
  })

  it('rejects a track without userId or email', () => {
    expect(rest({ type: 'track', anonymousId: 'a1', event: 'E', timestamp: T })).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'missing_identity', path: 'userId' }],
    })
  })

  it('rejects a track with no timestamp and no options.now at timestamp', () => {
    expect(rest({ type: 'track', userId: 'u1', event: 'E' })).toEqual({
      status: 'invalid',
      errors: [
        {
          code: 'missing_timestamp',
          path: 'timestamp',
          message:
            'Intercom requires the event time: give the event a timestamp or pass options.now',
        },
      ],
      warnings: [],
    })
  })

  it('rejects a track whose only timestamp is not a date, with the warning', () => {
    expect(rest({ type: 'track', userId: 'u1', event: 'E', timestamp: 'later' })).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'missing_timestamp', path: 'timestamp' }],
      warnings: [{ code: 'invalid_date', path: 'timestamp' }],
    })
  })

  it('maps a track with options.now and no timestamp', () => {
    expect(rest({ type: 'track', userId: 'u1', event: 'E' }, { now: 0 }).status).toBe('mapped')
  })

  it('maps an identify without timestamp or options.now, with the no_last_seen warning', () => {
    const r = rest({ type: 'identify', userId: 'u1' })
    expect(r.status).toBe('mapped')
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['no_last_seen', 'timestamp']])
  })

  it('maps an identify by email only', () => {
    expect(
      rest({ type: 'identify', timestamp: T, traits: { email: 'a@example.com' } }).status,
    ).toBe('mapped')
  })

  it('skips page as unsupported_type, naming the Messenger target', () => {
    expect(rest({ type: 'page', userId: 'u1' })).toEqual({
      status: 'skipped',
      reason: 'unsupported_type',
      message: 'Intercom REST has no page call; the Messenger target sends it (toMessenger)',
      warnings: [],
    })
  })

  it('skips a page before asking for a user', () => {
    expect(rest({ type: 'page', anonymousId: 'a1' })).toMatchObject({
      status: 'skipped',
      reason: 'unsupported_type',
    })
  })

  it('skips a new event name when the workspace already has 120', () => {
    const known = names(MAX_ACTIVE_EVENT_NAMES)
    expect(
      rest(
        { type: 'track', userId: 'u1', event: 'Brand New', timestamp: T },
        { knownEventNames: known },
      ),
    ).toEqual({
      status: 'skipped',
      reason: 'event_name_limit',
      message:
        'The workspace already has 120 active event names and "Brand New" is not one of them',
      warnings: [],
    })
  })

  it('maps a known event name at the limit, compared case-insensitively', () => {
    const known = new Set(names(MAX_ACTIVE_EVENT_NAMES))
    expect(
      rest(
        { type: 'track', userId: 'u1', event: 'Event 7', timestamp: T },
        { knownEventNames: known },
      ).status,
    ).toBe('mapped')
    expect(
      rest(
        { type: 'track', userId: 'u1', event: 'EVENT 7', timestamp: T },
        { knownEventNames: known },
      ).status,
    ).toBe('mapped')
  })

  it('maps a new event name below the limit', () => {
    const known = names(MAX_ACTIVE_EVENT_NAMES - 1)
    expect(
      rest(
        { type: 'track', userId: 'u1', event: 'Brand New', timestamp: T },
        { knownEventNames: known },
      ).status,
    ).toBe('mapped')
  })
})

describe('restPreconditions', () => {
  it('passes a sendable identify and warns about device-only options', () => {
    expect(
      pre({
        type: 'identify',
        userId: 'u1',
        integrations: { Intercom: { userHash: 'h', languageOverride: 'fr', unsubscribed: true } },
        context: { Intercom: { hideDefaultLauncher: false } },
      }),
    ).toEqual({
      result: undefined,
      warnings: [
        ['unsupported_field', 'integrations.Intercom.userHash'],
        ['unsupported_field', 'context.Intercom.hideDefaultLauncher'],
        ['unsupported_field', 'integrations.Intercom.languageOverride'],
        ['no_last_seen', 'timestamp'],
      ],
    })
  })

  it('does not warn about options on a skipped event', () => {
    expect(
      pre({ type: 'page', userId: 'u1', integrations: { Intercom: { user_hash: 'h' } } }),
    ).toMatchObject({
      result: { status: 'skipped' },
      warnings: [],
    })
  })

  it('passes a group without a user (the company alone is saved)', () => {
    expect(pre({ type: 'group', groupId: 'g1' }).result).toBeUndefined()
  })
})

describe('exceedsEventNameLimit', () => {
  it('assumes nothing without known names', () => {
    expect(exceedsEventNameLimit(undefined, 'E')).toBe(false)
  })

  it('counts any iterable', () => {
    function* gen() {
      yield* names(120)
    }
    expect(exceedsEventNameLimit(gen(), 'New')).toBe(true)
    expect(exceedsEventNameLimit(names(121), 'New')).toBe(true)
    expect(exceedsEventNameLimit(names(119), 'New')).toBe(false)
    expect(exceedsEventNameLimit(names(121), 'event 120')).toBe(false)
  })
})
