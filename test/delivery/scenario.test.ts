/**
 * The scenario of issue 10: 1,000 events, 8 concurrent workers, Intercom's rate
 * limit, a lagging search index and 2% server errors. A naive loop (8 workers, one
 * `deliver` per event) loses a large share of the events; `deliverAll` loses none.
 */
import { describe, expect, it } from 'vitest'
import { createRateLimiter, deliver, deliverAll, type Send, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { faultySend, randomFaults, seeded } from '../helpers/faulty-send.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'
import { identify, inputSeqs, storedSeqs, track } from './events.js'

type Event = ReturnType<typeof identify> | ReturnType<typeof track>

/** 1,000 events of 150 users; a fifth of the users have a track before their identify. */
function scenarioEvents(seed: number): Event[] {
  const random = seeded(seed)
  const perUser: Event[][] = Array.from({ length: 150 }, (_, u) => [
    identify(`u${u}`, { email: `u${u}@example.com`, plan: 'pro' }),
  ])
  let seq = 0
  while (perUser.reduce((n, l) => n + l.length, 0) < 1_000) {
    const list = perUser[Math.floor(random() * perUser.length)] as Event[]
    const user = (list[0] as Event).userId
    list.push(random() < 0.1 ? identify(user, { plan: 'team' }) : track(user, seq++))
  }
  for (const list of perUser) {
    if (random() < 0.2 && list.length > 1) list.splice(0, 2, list[1] as Event, list[0] as Event)
  }
  // A random merge that keeps each user's order.
  const out: Event[] = []
  const cursors = perUser.map(() => 0)
  while (out.length < 1_000) {
    const u = Math.floor(random() * perUser.length)
    const list = perUser[u] as Event[]
    const at = cursors[u] as number
    if (at < list.length) {
      out.push(list[at] as Event)
      cursors[u] = at + 1
    }
  }
  return out
}

function intercom() {
  const em = createIntercomEmulator({
    searchLag: 5,
    rateLimit: { limit: 100, windowMs: 10_000 },
    dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
  })
  const clock = createVirtualClock(em)
  const faulty = faultySend(em.send, randomFaults({ server_error: 0.02 }, 42), em.now)
  // 20 ms of network per request, on the virtual clock.
  const send: Send = async (request) => {
    await clock.sleep(20)
    return faulty(request)
  }
  return { em, clock, send }
}

describe('issue 10: 1,000 events, 8 workers, rate limit, search lag, 2% server errors', () => {
  const events = scenarioEvents(10)

  it('the naive loop loses events', async () => {
    const { em, send } = intercom()
    let next = 0
    let lost = 0
    const worker = async () => {
      for (let i = next++; i < events.length; i = next++) {
        const outcome = await deliver(toRest(events[i]), send)
        if (outcome.status !== 'delivered') lost++
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    expect(lost).toBeGreaterThan(300)
    const tracks = events.filter((e) => e.type === 'track').length
    expect(em.state.events.length).toBeLessThan(tracks)
  })

  for (const withLimiter of [true, false]) {
    it(`deliverAll loses none ${withLimiter ? 'with' : 'without'} a limiter`, async () => {
      const { em, clock, send } = intercom()
      const report = await deliverAll(events, {
        send,
        clock,
        random: seeded(3),
        concurrency: 8,
        ...(withLimiter ? { limiter: createRateLimiter({ limit: 100, windowMs: 10_000 }) } : {}),
      })
      expect(report.results).toHaveLength(1_000)
      expect(report.totals).toMatchObject({ events: 1_000, delivered: 1_000, gaveUp: 0, failed: 0 })
      const tracks = events.filter((e) => e.type === 'track').length
      expect(em.state.events).toHaveLength(tracks)
      expect(em.state.contacts).toHaveLength(150)
      expect(storedSeqs(em)).toEqual(inputSeqs(events))
      const throttled = em.requests.filter((r) => r.response.status === 429).length
      if (withLimiter) expect(throttled).toBe(0)
      else expect(throttled).toBeGreaterThan(0)
    }, 30_000)
  }
})
