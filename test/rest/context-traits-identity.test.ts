// `context.traits` on a track (the SDKs put the user's cached traits there: every
// analytics-android and analytics-ios call carries them). Decision (docs/rules.md, Track):
// `context.traits.email` is the track's identity when the event has no userId — Segment's
// doc asks for "the userId or email of an existing user", and Segment's own track facade
// reads the email from the call's traits (`context.traits`) and the user id from the
// envelope's `userId` only; `context.traits.userId` is not identity: the SDKs that cache
// it send the same id as the envelope's `userId`, and a cache that disagrees is stale.
import { describe, expect, it } from 'vitest'
import { laneKey } from '../../src/delivery/lane-key.js'
import { deliver, toRest } from '../../src/index.js'
import { createIntercomEmulator, type IntercomEmulator } from '../../src/testing/index.js'
import { fixtureEvent } from '../helpers/fixture.js'

/** analytics-node's anonymous track, with the `context.traits` the host passed. */
function nodeTrack(traits: Record<string, unknown>, userId?: string): Record<string, unknown> {
  const event = fixtureEvent('analytics-node/track-anonymous')
  const context = { ...(event.context as object), traits }
  return { ...event, ...(userId ? { userId } : {}), context }
}

/** A workspace where Ada (u_1042, ada@example.com) exists. */
async function withAda(): Promise<IntercomEmulator> {
  const em = createIntercomEmulator()
  const identify = fixtureEvent('analytics-android/identify')
  const outcome = await deliver(toRest(identify), em.send)
  expect(outcome.status).toBe('delivered')
  return em
}

const eventsPosted = (em: IntercomEmulator) =>
  em.requests.filter((x) => x.request.path === '/events').map((x) => x.request.body)

describe('context.traits on a track', () => {
  it('an analytics-android track: the envelope userId is the identity, context.traits agree', async () => {
    const em = await withAda()
    const outcome = await deliver(toRest(fixtureEvent('analytics-android/track')), em.send)
    expect(outcome.status).toBe('delivered')
    const [body] = eventsPosted(em)
    expect(body?.user_id).toBe('u_1042')
    expect(body).not.toHaveProperty('email')
  })

  it('context.traits.email is the identity of a track without userId', async () => {
    const em = await withAda()
    const event = nodeTrack({ email: 'ada@example.com' })
    const outcome = await deliver(toRest(event), em.send)
    expect(outcome.status).toBe('delivered')
    expect(eventsPosted(em)).toEqual([expect.objectContaining({ email: 'ada@example.com' })])
    expect(em.state.events.map((e) => e.contactId)).toEqual([em.state.contacts[0]?.id])
    expect(laneKey(event)).toBe('email:ada@example.com')
  })

  it('context.traits.userId alone is not an identity: invalid, nothing sent', () => {
    const event = nodeTrack({ userId: 'u_1042' })
    const r = toRest(event)
    expect(r.status).toBe('invalid')
    expect(r.status === 'invalid' && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['missing_identity', 'userId'],
    ])
    expect(laneKey(event)).toBeUndefined()
  })

  it('with an email beside it, the email is used and the cached userId ignored', async () => {
    const em = await withAda()
    const event = nodeTrack({ userId: 'u_9', email: 'ada@example.com' })
    const outcome = await deliver(toRest(event), em.send)
    expect(outcome.status).toBe('delivered')
    const [body] = eventsPosted(em)
    expect(body).toMatchObject({ email: 'ada@example.com' })
    expect(body).not.toHaveProperty('user_id')
    // Ada's contact got the event; no contact of "u_9" was looked for or made.
    expect(em.state.contacts.map((c) => c.external_id)).toEqual(['u_1042'])
    expect(em.state.events).toHaveLength(1)
  })

  it("a stale cache that disagrees with the envelope's userId loses to it", async () => {
    const em = await withAda()
    const event = nodeTrack({ userId: 'u_9', email: 'someone@example.com' }, 'u_1042')
    const outcome = await deliver(toRest(event), em.send)
    expect(outcome.status).toBe('delivered')
    const [body] = eventsPosted(em)
    expect(body?.user_id).toBe('u_1042')
    expect(body).not.toHaveProperty('email')
    expect(laneKey(event)).toBe('userId:u_1042')
  })
})
