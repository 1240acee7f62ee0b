/**
 * Real sequences through the in-memory emulator: the conversations of DESIGN.md
 * §3.3 and the races INTERCOM-FACTS.md describes.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as arb from '../../src/arbitraries/index.js'
import { deliver, type MapOptions, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

const T0 = '2026-03-02T10:00:00.000Z'
const identify = (userId: string, traits: Record<string, unknown> = {}) => ({
  type: 'identify',
  userId,
  timestamp: T0,
  traits: { email: `${userId}@example.com`, ...traits },
})
const track = (userId: string, event = 'Signed Up') => ({
  type: 'track',
  userId,
  event,
  timestamp: T0,
})

describe('scenarios against the emulator (REST 2.16)', () => {
  it('identify then track: both delivered, the event is stored on the contact', async () => {
    const em = createIntercomEmulator()
    const send = em.send
    expect(await deliver(toRest(identify('u1', { name: 'Ada' })), send)).toMatchObject({
      status: 'delivered',
      requests: 2,
    })
    expect(await deliver(toRest(track('u1')), send)).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [],
      learned: { version: 1 },
    })
    const contact = em.state.contacts[0]
    expect(contact).toMatchObject({
      external_id: 'u1',
      email: 'u1@example.com',
      name: 'Ada',
      role: 'user',
    })
    expect(em.state.events).toEqual([
      expect.objectContaining({
        event_name: 'Signed Up',
        contactId: contact?.id,
        created_at: Date.parse(T0) / 1000,
      }),
    ])
  })

  it('track before identify: retry contact_not_found, then delivered once the user exists', async () => {
    const em = createIntercomEmulator()
    const early = await deliver(toRest(track('late')), em.send)
    expect(early).toMatchObject({ status: 'retry', code: 'contact_not_found' })
    expect(em.state.events).toEqual([])
    await deliver(toRest(identify('late')), em.send)
    expect(await deliver(toRest(track('late')), em.send)).toMatchObject({ status: 'delivered' })
    expect(em.state.events).toHaveLength(1)
  })

  it('identify of an existing user that search cannot see yet: the 409 names the id, which is checked and updated', async () => {
    const em = createIntercomEmulator({ searchLag: 10 })
    await deliver(toRest(identify('u2', { name: 'First' })), em.send)
    const second = await deliver(toRest(identify('u2', { name: 'Second' })), em.send)
    expect(second).toMatchObject({ status: 'delivered', requests: 4 })
    const calls = em.requests
      .slice(-4)
      .map((r) => `${r.request.method} ${r.request.path} ${r.response.status}`)
    expect(calls).toEqual([
      'POST /contacts/search 200',
      'POST /contacts 409',
      expect.stringMatching(/^GET \/contacts\/[0-9a-f]+ 200$/),
      expect.stringMatching(/^PUT \/contacts\/[0-9a-f]+ 200$/),
    ])
    expect(em.state.contacts).toHaveLength(1)
    expect(em.state.contacts[0]).toMatchObject({ external_id: 'u2', name: 'Second' })
  })

  it('company attach then detach (remove: true)', async () => {
    const em = createIntercomEmulator({ requireDefinedAttributes: false })
    await deliver(
      toRest(identify('u3', { company: { id: 'c1', name: 'Initech', plan: 'Pro' } })),
      em.send,
    )
    const contactId = em.state.contacts[0]?.id
    const companyId = em.state.companies[0]?.id
    expect(em.state.associations).toEqual([{ contactId, companyId }])
    const detach = await deliver(
      toRest(identify('u3', { company: { id: 'c1', remove: true } })),
      em.send,
    )
    expect(detach).toMatchObject({ status: 'delivered' })
    expect(em.state.associations).toEqual([])
    // Detaching a company Intercom never heard of is nothing to do, not a failure.
    const unknown = await deliver(
      toRest(identify('u3', { company: { id: 'nope', remove: true } })),
      em.send,
    )
    expect(unknown).toMatchObject({
      status: 'delivered',
      warnings: [expect.objectContaining({ code: 'company_not_found', path: 'traits.company' })],
    })
  })

  it('group before identify: the company is saved, the association retried until the user exists', async () => {
    const em = createIntercomEmulator()
    const group = {
      type: 'group',
      userId: 'u4',
      groupId: 'g1',
      timestamp: T0,
      traits: { name: 'Segment' },
    }
    expect(await deliver(toRest(group), em.send)).toMatchObject({
      status: 'retry',
      code: 'contact_not_found',
    })
    expect(em.state.companies).toEqual([
      expect.objectContaining({ company_id: 'g1', name: 'Segment' }),
    ])
    await deliver(toRest(identify('u4')), em.send)
    expect(await deliver(toRest(group), em.send)).toMatchObject({ status: 'delivered' })
    expect(em.state.associations).toHaveLength(1)
    expect(em.state.contacts[0]?.last_seen_at).toBe(Date.parse(T0) / 1000)
  })

  it('429 then success after the reset time, with retryAt and retryAfterMs from options.now', async () => {
    const em = createIntercomEmulator({ rateLimit: { limit: 2, windowMs: 10_000 } })
    // search + create use the window's budget of 2…
    expect(await deliver(toRest(identify('u5')), em.send)).toMatchObject({ status: 'delivered' })
    const now = em.now()
    const options: MapOptions = { now }
    const limited = await deliver(toRest(track('u5'), options), em.send)
    expect(limited).toMatchObject({ status: 'retry', code: 'rate_limited' })
    if (limited.status !== 'retry' || limited.retryAt === undefined) throw new Error('no retryAt')
    expect(limited.retryAt).toBe(Math.ceil((now + 1) / 10_000) * 10_000)
    expect(limited.retryAfterMs).toBe(limited.retryAt - now)
    em.advanceTime(limited.retryAfterMs ?? 0)
    expect(await deliver(toRest(track('u5'), { now: em.now() }), em.send)).toMatchObject({
      status: 'delivered',
    })
    expect(em.state.events).toHaveLength(1)
  })

  it("a missing custom attribute: dropped by default, fails with 'fail', created with createMissingAttributes", async () => {
    const strict = createIntercomEmulator()
    const event = identify('u6', {
      plan_level: 3,
      beta: true,
      trial_ends_at: '2026-04-01T00:00:00Z',
    })
    const fail = { settings: { unknownAttributes: 'fail' as const } }
    const failed = await deliver(toRest(event, fail), strict.send)
    expect(failed).toMatchObject({ status: 'failed', code: 'attribute_not_found' })
    expect(failed.status === 'failed' && failed.message).toMatch(
      /"(plan_level|beta|trial_ends_at)"/,
    )
    expect(strict.state.contacts).toEqual([])

    // The default drops each unknown attribute, warned at its input path: the contact is written.
    const dropped = await deliver(toRest(event), strict.send)
    expect(dropped).toMatchObject({ status: 'delivered', requests: 5 })
    expect(dropped.status === 'delivered' && dropped.warnings.map((w) => [w.code, w.path])).toEqual(
      [
        ['date_converted', 'traits.trial_ends_at'],
        ['dropped_attribute', 'traits.plan_level'],
        ['dropped_attribute', 'traits.beta'],
        ['dropped_attribute', 'traits.trial_ends_at'],
      ],
    )
    expect(strict.state.contacts).toMatchObject([{ external_id: 'u6', custom_attributes: {} }])

    const lenient = createIntercomEmulator()
    const ok = await deliver(
      toRest(event, { settings: { createMissingAttributes: true } }),
      lenient.send,
    )
    expect(ok).toMatchObject({ status: 'delivered' })
    expect(lenient.state.dataAttributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'plan_level', model: 'contact', data_type: 'integer' }),
        expect.objectContaining({ name: 'beta', model: 'contact', data_type: 'boolean' }),
        expect.objectContaining({ name: 'trial_ends_at', model: 'contact', data_type: 'date' }),
      ]),
    )
    expect(lenient.state.contacts[0]?.custom_attributes).toEqual({
      plan_level: 3,
      beta: true,
      trial_ends_at: Date.parse('2026-04-01T00:00:00Z') / 1000,
    })
  })

  it('the 120th-name limit: skipped before sending when knownEventNames is full, failed when Intercom says so', async () => {
    const names = Array.from({ length: 120 }, (_, i) => `Event ${i}`)
    const skipped = toRest(track('u7', 'Brand New'), { knownEventNames: names })
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'event_name_limit' })
    expect(toRest(track('u7', 'event 5'), { knownEventNames: new Set(names) }).status).toBe(
      'mapped',
    )

    const em = createIntercomEmulator({ eventNames: names })
    await deliver(toRest(identify('u7')), em.send)
    expect(await deliver(toRest(track('u7', 'Brand New')), em.send)).toMatchObject({
      status: 'failed',
      code: 'event_name_limit',
    })
  })
})

describe('property: no field lost between mapping and state', () => {
  it('for any identify, the stored contact has exactly the mapped fields', async () => {
    await fc.assert(
      fc.asyncProperty(arb.identifyEvent(), async (event) => {
        const mapping = toRest(event, { settings: { createMissingAttributes: true } })
        if (mapping.status !== 'mapped') return
        const em = createIntercomEmulator()
        const outcome = await deliver(mapping, em.send)
        if (outcome.status !== 'delivered') return
        // The body that was written last is what the contact must hold.
        const writes = em.requests.filter(
          (r) =>
            /^(POST \/contacts|PUT \/contacts\/[^/]+)$/.test(
              `${r.request.method} ${r.request.path}`,
            ) && r.response.status === 200,
        )
        const body = writes.at(-1)?.request.body as Record<string, unknown>
        const contact = em.state.contacts[0] as unknown as Record<string, unknown>
        for (const key of [
          'external_id',
          'name',
          'phone',
          'signed_up_at',
          'last_seen_at',
          'unsubscribed_from_emails',
        ] as const) {
          if (body[key] !== undefined) expect(contact[key], key).toEqual(body[key])
        }
        if (body.email !== undefined)
          expect(String(contact.email).toLowerCase()).toBe(String(body.email).toLowerCase())
        if (body.avatar !== undefined)
          expect((contact.avatar as { image_url: string }).image_url).toBe(body.avatar)
        expect(contact.custom_attributes).toEqual(body.custom_attributes ?? {})
      }),
      { numRuns: 150 },
    )
  })
})
