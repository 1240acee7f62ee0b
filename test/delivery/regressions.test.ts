/**
 * Bugs found by delivering concurrently (the CLI's replay, the model-based test),
 * each kept as the smallest input that showed it.
 */
import { describe, expect, it } from 'vitest'
import { deliverAll } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'
import { identify, T0 } from './events.js'
import { check, deliverBatches, type Faults } from './model.js'

const calm: Faults = {
  serverErrorRate: 0,
  rejectBefore: 0,
  rejectAfter: 0,
  rateLimit: undefined,
  limiter: false,
  searchLag: 0,
  concurrency: 1,
  seed: 0,
}
const attachedPairs = (em: Awaited<ReturnType<typeof deliverBatches>>['em']) => {
  const { contacts, companies, associations } = em.state
  const user = new Map(contacts.map((c) => [c.id, c.external_id]))
  const company = new Map(companies.map((c) => [c.id, c.company_id]))
  return associations.map((a) => `${user.get(a.contactId)} ${company.get(a.companyId)}`)
}

describe('deliverAll regressions', () => {
  it('two users writing the same new attribute at once both get it (created once)', async () => {
    // Both exchanges find "plan" missing and create it; the second create answers 400
    // "You already have 'plan' in your people data": that exchange re-sends its write.
    const em = createIntercomEmulator()
    const clock = createVirtualClock(em)
    const events = [identify('u1', { plan: 'pro' }), identify('u2', { plan: 'team' })]
    const report = await deliverAll(events, {
      send: em.send,
      clock,
      concurrency: 2,
      settings: { createMissingAttributes: true },
    })
    expect(report.results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered'])
    const plans = em.state.contacts.map((c) => [c.external_id, c.custom_attributes.plan])
    expect(plans.sort()).toEqual([
      ['u1', 'pro'],
      ['u2', 'team'],
    ])
    const creates = em.requests.filter((r) => r.request.path === '/data_attributes')
    expect(creates.map((r) => r.response.status)).toEqual([200, 400])
    const warned = report.results.map((r) =>
      r.outcome.status === 'delivered' ? r.outcome.warnings.map((w) => w.code) : [],
    )
    // Only the exchange that created it says so.
    expect(warned.filter((codes) => codes.includes('attribute_created'))).toHaveLength(1)
  })
})

describe('model-based counterexamples', () => {
  it('a group read before its user’s first identify is applied after that identify', async () => {
    // Shrunk from the model test: the group's contact does not exist yet, so the identify
    // goes first (attaching k0), then the group (removing k0). Input order would leave
    // k0 attached; the documented order leaves it detached.
    const batch = [
      { kind: 'group', user: 'u2', company: 'k0', remove: true },
      { kind: 'identify', user: 'u2', company: 'k0' },
      { kind: 'track', user: 'u0' },
      { kind: 'identify', user: 'u0' },
    ] as const
    await check([[...batch]], calm)
    const { em, reports } = await deliverBatches([[...batch]], calm)
    expect(attachedPairs(em)).toEqual([])
    expect(reports[0]?.results.map((r) => r.attempts)).toEqual([2, 1, 2, 1])
  })

  it('events after one waiting for an identify wait too, so a lagging search cannot reorder them', async () => {
    // u1 was created by an earlier run (whose learned state is not passed on), and search
    // still lags: the first group misses the contact and waits for the identify. The
    // removal, whose search then found it, used to run at once and detach nothing, and
    // the earlier attach came last. Now both wait: identify, attach, then remove.
    const em = createIntercomEmulator({ searchLag: 3 })
    const clock = createVirtualClock(em)
    await deliverAll([identify('u1')], { send: em.send, clock })
    const group = (remove: boolean) => ({
      type: 'group',
      userId: 'u1',
      groupId: 'k0',
      timestamp: T0,
      traits: remove ? { name: 'K0', remove: true } : { name: 'K0' },
    })
    const report = await deliverAll([group(false), group(true), identify('u1')], {
      send: em.send,
      clock,
    })
    expect(report.results.map((r) => r.outcome.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ])
    // The attach missed its contact once; the removal waited without being tried.
    expect(report.results.map((r) => r.attempts)).toEqual([2, 1, 1])
    expect(attachedPairs(em)).toEqual([])
    expect(em.state.companies.map((c) => c.company_id)).toEqual(['k0'])
  })

  it('an event retried after its identify waits for search there, not for the next identify', async () => {
    // Shrunk from the model test (search lag 2): the group, retried after u1's first
    // identify, still missed the new contact and used to wait for the second identify,
    // whose removal then came before the attach it was meant to undo.
    const batch = [
      { kind: 'group', user: 'u1', company: 'k1' },
      { kind: 'identify', user: 'u1' },
      { kind: 'identify', user: 'u1', company: 'k1', remove: true },
      { kind: 'identify', user: 'u0' },
    ] as const
    const lagging = { ...calm, searchLag: 2 }
    await check([[...batch]], lagging)
    const { em } = await deliverBatches([[...batch]], lagging)
    expect(attachedPairs(em)).toEqual([])
  })
})
