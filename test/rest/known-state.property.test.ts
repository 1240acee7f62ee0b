/**
 * Known state never changes what is written: a stream delivered with the state its
 * earlier deliveries learned leaves the emulator exactly as the same stream delivered
 * without any, with the same outcomes, in no more requests.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type KnownState, mergeKnown, type Outcome, toRest } from '../../src/index.js'
import { createIntercomEmulator, type IntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'

const T = '2026-03-02T10:00:00.000Z'
const user = fc.constantFrom('u0', 'u1', 'u2')
const company = fc.constantFrom('acme', 'globex')
const plan = fc.constantFrom('free', 'pro')

const companyTrait = fc.record(
  { id: company, name: fc.constantFrom('Acme', 'Globex'), plan, remove: fc.constant(true) },
  { requiredKeys: ['id'] },
)

const identify = fc
  .record(
    {
      userId: user,
      plan,
      company: fc.option(companyTrait, { nil: undefined }),
      emailOnly: fc.boolean(),
    },
    { requiredKeys: ['userId', 'emailOnly'] },
  )
  .map(({ userId, plan, company, emailOnly }) => {
    const traits: Record<string, unknown> = { email: `${userId}@example.com` }
    if (plan !== undefined) traits.plan = plan
    if (company !== undefined) traits.company = company
    return emailOnly
      ? { type: 'identify', timestamp: T, traits }
      : { type: 'identify', userId, timestamp: T, traits }
  })

const group = fc
  .record({
    userId: fc.option(user, { nil: undefined }),
    groupId: company,
    plan,
    active: fc.boolean(),
  })
  .map(({ userId, groupId, plan, active }) => ({
    type: 'group',
    ...(userId === undefined ? {} : { userId }),
    groupId,
    timestamp: T,
    traits: { name: groupId, plan },
    context: { active },
  }))

const track = user.map((userId) => ({ type: 'track', userId, event: 'Seen', timestamp: T }))

const stream = fc.array(fc.oneof(identify, identify, group, track), { minLength: 1, maxLength: 14 })

/** Delivers every event in order; with `warm`, each with what the earlier ones learned. */
function deliverAll(emulator: IntercomEmulator, events: unknown[], warm: boolean) {
  let known: KnownState | undefined
  let requests = 0
  const outcomes: Outcome['status'][] = []
  for (const event of events) {
    const mapping = toRest(event, known === undefined ? {} : { known })
    if (mapping.status !== 'mapped') throw new Error(JSON.stringify(mapping))
    const run = drive(mapping.exchange(), (r) => emulator.handle(r))
    requests += run.requests.length
    outcomes.push(run.outcome.status)
    if (warm) known = mergeKnown(known, run.outcome.learned)
  }
  return { requests, outcomes, known }
}

describe('known state', () => {
  it('a warm delivery writes what a cold one writes, with the same outcomes, in ≤ requests', () => {
    fc.assert(
      fc.property(stream, stream, (first, second) => {
        const events = [...first, ...second]
        const warm = createIntercomEmulator({ requireDefinedAttributes: false })
        const cold = createIntercomEmulator({ requireDefinedAttributes: false })
        const w = deliverAll(warm, events, true)
        const c = deliverAll(cold, events, false)
        expect(warm.state).toEqual(cold.state)
        expect(w.outcomes).toEqual(c.outcomes)
        expect(w.requests).toBeLessThanOrEqual(c.requests)
        // What a host stores survives JSON.
        expect(JSON.parse(JSON.stringify(w.known ?? null))).toEqual(w.known ?? null)
      }),
      { numRuns: 150 },
    )
  }, 60_000)

  it('saves requests on a realistic repeat: the second identify of a user is one request', () => {
    const events = [
      { type: 'identify', userId: 'u1', timestamp: T, traits: { company: { id: 'acme' } } },
      { type: 'identify', userId: 'u1', timestamp: T, traits: { company: { id: 'acme' } } },
    ]
    const w = deliverAll(createIntercomEmulator({ requireDefinedAttributes: false }), events, true)
    const c = deliverAll(createIntercomEmulator({ requireDefinedAttributes: false }), events, false)
    // cold: search, create, upsert, attach — then search, update, upsert, attach.
    expect(c.requests).toBe(8)
    // warm: the second identify is one PUT by id.
    expect(w.requests).toBe(5)
  })
})
