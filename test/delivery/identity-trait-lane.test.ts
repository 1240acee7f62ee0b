// Issue 9 item 1 with deliverAll: an identify whose user id is only in its traits
// (analytics-android's Traits carry `userId`; here without the envelope's own `userId`)
// is on that user's delivery lane, so the user's other events keep their order around it.
import { describe, expect, it } from 'vitest'
import { laneKey } from '../../src/delivery/lane-key.js'
import { deliverAll } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { fixtureEvent } from '../helpers/fixture.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'
import { storedSeqs, track } from './events.js'

/**
 * analytics-android's identify of `userId`, the user id only in its traits (and in
 * `context.traits`, which the SDK sets to the same cached traits).
 */
function androidIdentify(userId: string): Record<string, unknown> {
  const { userId: _dropped, ...event } = fixtureEvent('analytics-android/identify')
  const traits = { ...(event.traits as object), userId, email: `${userId}@example.com` }
  return { ...event, traits, context: { ...(event.context as object), traits } }
}

const users = ['u_1', 'u_2', 'u_3', 'u_4']

describe('an identify with traits.userId only, delivered with deliverAll', () => {
  it("is on the user's lane (the lane of their tracks)", () => {
    const identify = androidIdentify('u_1')
    expect(identify).not.toHaveProperty('userId')
    expect(laneKey(identify)).toBe(laneKey(track('u_1', 0)))
  })

  it("goes before the user's later tracks: none runs before the contact exists", async () => {
    const em = createIntercomEmulator()
    const events = users.flatMap((u) => [androidIdentify(u), track(u, 0), track(u, 1), track(u, 2)])
    const report = await deliverAll(events, {
      send: em.send,
      clock: createVirtualClock(em),
      concurrency: 4,
    })
    expect(report.totals).toMatchObject({ delivered: events.length, failed: 0, gaveUp: 0 })
    // Had the identify run on a lane of its own, its tracks would have started with it
    // and met a 404 (the contact not created yet), then a retry.
    expect(report.results.map((r) => r.attempts)).toEqual(events.map(() => 1))
    expect(em.requests.filter((x) => x.response.status === 404)).toEqual([])
    expect(em.state.contacts.map((c) => c.external_id).sort()).toEqual(users)
    // The workspace is strict (no attribute defined): the identity traits were never sent
    // as attributes, so no 400 names them (only the app's own traits are dropped).
    const refused = em.requests
      .filter((x) => x.response.status === 400)
      .map((x) => /attribute '([^']*)'/.exec(JSON.stringify(x.response.body))?.[1])
    expect(refused.length).toBeGreaterThan(0)
    expect(refused).not.toContain('userId')
    expect(refused).not.toContain('anonymousId')
    expect(storedSeqs(em)).toEqual(new Map(users.map((u) => [u, [0, 1, 2]])))
  })

  it('a track read before it waits for it, then the rest follow in input order', async () => {
    const em = createIntercomEmulator()
    const clock = createVirtualClock(em)
    const events = users.flatMap((u) => [track(u, 0), androidIdentify(u), track(u, 1)])
    const report = await deliverAll(events, { send: em.send, clock, concurrency: 4 })
    expect(report.totals).toMatchObject({ delivered: events.length, failed: 0, gaveUp: 0 })
    // Each first track: one 404 (no contact yet), then delivered right after the identify,
    // which moved ahead of it: no backoff wait, as for a user whose identify is elsewhere.
    expect(report.results.map((r) => r.attempts)).toEqual(users.flatMap(() => [2, 1, 1]))
    expect(clock.sleeps).toEqual([])
    expect(storedSeqs(em)).toEqual(new Map(users.map((u) => [u, [0, 1]])))
  })
})
