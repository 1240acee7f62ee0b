/**
 * Bugs found by delivering concurrently (the CLI's replay, the model-based test),
 * each kept as the smallest input that showed it.
 */
import { describe, expect, it } from 'vitest'
import { deliverAll } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'
import { identify } from './events.js'

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
