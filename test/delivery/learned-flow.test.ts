/**
 * deliverAll's known-state flow, with a fake `toRest`: each exchange sends one request
 * and returns the outcome the event scripts, with the `learned` it scripts; the fake
 * records the `known` each exchange was mapped with.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { KnownState, MapOptions, Outcome } from '../../src/index.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'

interface Scripted {
  type: 'track'
  userId: string
  event: string
  /** The outcome of each attempt, in order (the last one repeats). */
  outcomes: Outcome[]
}

/** The `known` each exchange was mapped with, by event name and attempt. */
const seen: { event: string; known: unknown; hasKnown: boolean }[] = []

vi.mock('../../src/rest/to-rest.js', () => ({
  toRest(event: Scripted, options?: MapOptions & { known?: KnownState }) {
    const attempt = seen.filter((s) => s.event === event.event).length
    // A copy: the running state goes on growing after this exchange.
    const known = options?.known === undefined ? undefined : structuredClone(options.known)
    seen.push({ event: event.event, known, hasKnown: options !== undefined && 'known' in options })
    const outcome = event.outcomes[Math.min(attempt, event.outcomes.length - 1)] as Outcome
    return {
      status: 'mapped',
      warnings: [],
      *exchange() {
        yield { method: 'GET', url: 'https://x/ping', path: '/ping', headers: {} }
        return outcome
      },
    }
  },
}))

const { deliverAll, DeliveryOptionsError } = await import('../../src/index.js')

const send = async () => ({ status: 200, body: {} })
const delivered = (learned?: Record<string, unknown>): Outcome =>
  ({
    status: 'delivered',
    requests: 1,
    warnings: [],
    ...(learned === undefined ? {} : { learned: { version: 1, ...learned } }),
  }) as Outcome
const retry = (learned: Record<string, unknown>): Outcome =>
  ({
    status: 'retry',
    code: 'server_error',
    message: '500',
    learned: { version: 1, ...learned },
  }) as Outcome
const ev = (userId: string, event: string, ...outcomes: Outcome[]): Scripted => ({
  type: 'track',
  userId,
  event,
  outcomes,
})
const knownOf = (event: string, attempt = 0) =>
  seen.filter((s) => s.event === event)[attempt]?.known

beforeEach(() => {
  seen.length = 0
})

describe('deliverAll: learned state flows between exchanges', () => {
  it('maps a later exchange with what the earlier ones learned, and returns it', async () => {
    const events = [
      ev('u1', 'a', delivered({ contacts: { byExternalId: { u1: 'c1' } } })),
      ev('u1', 'b', delivered({ companies: { acme: 'k1' } })),
      ev('u1', 'c', delivered()),
    ]
    const report = await deliverAll(events, { send, concurrency: 1 })
    expect(seen.find((s) => s.event === 'a')?.hasKnown).toBe(false)
    expect(knownOf('b')).toEqual({ version: 1, contacts: { byExternalId: { u1: 'c1' } } })
    expect(knownOf('c')).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: 'c1' } },
      companies: { acme: 'k1' },
    })
    expect(report.learned).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: 'c1' } },
      companies: { acme: 'k1' },
    })
  })

  it('starts from options.known, which the report’s learned leaves out', async () => {
    const known: KnownState = { version: 1, companies: { acme: 'k1', globex: 'k2' } }
    const events = [
      ev('u1', 'a', delivered({ companies: { globex: null } })),
      ev('u1', 'b', delivered()),
    ]
    const report = await deliverAll(events, { send, known, concurrency: 1 })
    expect(knownOf('a')).toEqual(known)
    // A tombstone (a stale id) wins over the stored entry.
    expect(knownOf('b')).toEqual({ version: 1, companies: { acme: 'k1', globex: null } })
    expect(report.learned).toEqual({ version: 1, companies: { globex: null } })
    expect(known).toEqual({ version: 1, companies: { acme: 'k1', globex: 'k2' } })
  })

  it('keeps what a retried attempt learned, for its own next attempt', async () => {
    const clock = createVirtualClock()
    const events = [ev('u1', 'a', retry({ contacts: { byExternalId: { u1: 'c1' } } }), delivered())]
    const report = await deliverAll(events, { send, clock, random: () => 0 })
    expect(report.results[0]).toMatchObject({ attempts: 2, outcome: { status: 'delivered' } })
    expect(knownOf('a', 1)).toEqual({ version: 1, contacts: { byExternalId: { u1: 'c1' } } })
    expect(report.learned).toEqual({ version: 1, contacts: { byExternalId: { u1: 'c1' } } })
  })

  it('shares the state across users (lanes), in the order exchanges end', async () => {
    const events = [
      ev('u1', 'a', delivered({ companies: { acme: 'k1' } })),
      ev('u2', 'b', delivered({ companies: { acme: 'k9' } })),
      ev('u3', 'c', delivered()),
    ]
    const report = await deliverAll(events, { send, concurrency: 1 })
    expect(knownOf('b')).toEqual({ version: 1, companies: { acme: 'k1' } })
    expect(knownOf('c')).toEqual({ version: 1, companies: { acme: 'k9' } })
    expect(report.learned).toEqual({ version: 1, companies: { acme: 'k9' } })
  })

  it('ignores a malformed learned without losing the outcome', async () => {
    const bad = { status: 'delivered', requests: 1, warnings: [], learned: { version: 2 } }
    const events = [ev('u1', 'a', bad as unknown as Outcome), ev('u1', 'b', delivered())]
    const report = await deliverAll(events, { send })
    expect(report.totals.delivered).toBe(2)
    expect(seen.find((s) => s.event === 'b')?.hasKnown).toBe(false)
    expect(report.learned).toEqual({ version: 1 })
  })

  it('rejects an options.known it cannot read, naming the path, before sending', async () => {
    let sent = 0
    const counting = async () => {
      sent++
      return { status: 200 }
    }
    for (const [known, field] of [
      [{ version: 2 }, 'known.version'],
      [{ version: 1, companies: { acme: 7 } }, 'known.companies["acme"]'],
      ['{"version":1}', 'known'],
    ] as const) {
      const error = await deliverAll([ev('u1', 'a', delivered())], {
        send: counting,
        known: known as unknown as KnownState,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DeliveryOptionsError)
      expect(error).toMatchObject({ field })
    }
    expect(sent).toBe(0)
  })
})
