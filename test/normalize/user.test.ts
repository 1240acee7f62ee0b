import { describe, expect, it } from 'vitest'
import type { SegmentEvent } from '../../src/event/types.js'
import { normalize } from '../../src/normalize/normalize.js'
import { resolveUser } from '../../src/normalize/user.js'

const ev = (e: Record<string, unknown>) => e as unknown as SegmentEvent

describe('resolveUser', () => {
  it('takes userId and anonymousId as given', () => {
    expect(resolveUser(ev({ type: 'track', event: 'E', userId: 'u1', anonymousId: 'a1' }))).toEqual(
      {
        userId: 'u1',
        anonymousId: 'a1',
      },
    )
  })

  it('takes the email from identify traits', () => {
    expect(resolveUser(ev({ type: 'identify', traits: { email: 'a@example.com' } }))).toEqual({
      email: 'a@example.com',
    })
  })

  it('keeps both the userId and the email', () => {
    expect(
      resolveUser(ev({ type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } })),
    ).toEqual({ userId: 'u1', email: 'a@example.com' })
  })

  it('falls back to context.traits.email, then properties.email', () => {
    expect(
      resolveUser(
        ev({
          type: 'track',
          event: 'E',
          context: { traits: { email: 'c@example.com' } },
          properties: { email: 'p@example.com' },
        }),
      ),
    ).toEqual({ email: 'c@example.com' })
    expect(
      resolveUser(ev({ type: 'track', event: 'E', properties: { email: 'p@example.com' } })),
    ).toEqual({
      email: 'p@example.com',
    })
  })

  it('prefers identify traits over context.traits', () => {
    expect(
      resolveUser(
        ev({
          type: 'identify',
          traits: { email: 't@example.com' },
          context: { traits: { email: 'c@example.com' } },
        }),
      ),
    ).toEqual({ email: 't@example.com' })
  })

  it('does not read group traits (they describe the company)', () => {
    expect(
      resolveUser(ev({ type: 'group', groupId: 'g1', traits: { email: 'billing@acme.com' } })),
    ).toEqual({})
    expect(
      resolveUser(
        ev({
          type: 'group',
          groupId: 'g1',
          traits: { email: 'billing@acme.com' },
          context: { traits: { email: 'c@example.com' } },
        }),
      ),
    ).toEqual({ email: 'c@example.com' })
  })

  it('ignores empty strings and non-text emails', () => {
    expect(
      resolveUser(ev({ type: 'identify', userId: '', anonymousId: '', traits: { email: '' } })),
    ).toEqual({})
    expect(resolveUser(ev({ type: 'identify', traits: { email: 42 } }))).toEqual({})
    expect(
      resolveUser(
        ev({
          type: 'identify',
          traits: { email: 42 },
          context: { traits: { email: 'c@example.com' } },
        }),
      ),
    ).toEqual({
      email: 'c@example.com',
    })
  })
})

describe('identity through normalize', () => {
  it('uses the converted numeric userId', () => {
    const r = normalize({ type: 'identify', userId: 42, timestamp: 0 })
    expect(r.status === 'normalized' && r.event.user).toEqual({ userId: '42' })
  })

  it('warns when traits.email is not text', () => {
    const r = normalize({
      type: 'identify',
      userId: 'u1',
      timestamp: 0,
      traits: { email: ['a@example.com'] },
    })
    expect(r.status === 'normalized' && r.event.user).toEqual({ userId: 'u1' })
    expect(r.warnings).toContainEqual({
      code: 'dropped_value',
      path: 'traits.email',
      message: '"email" must be text, got an array; dropped',
    })
  })
})
