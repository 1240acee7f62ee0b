// Request descriptors are inert JSON data: every body equals its JSON round trip exactly, so
// a field the event does not give is absent, never present as `undefined` (a host that
// inspects or re-serialises a body sees what goes over the wire). 1.4 and 2.x, every type.
import { describe, expect, it } from 'vitest'
import { deliver, type IntercomRequest, type MapOptions, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'

const NOW = Date.parse('2026-03-02T10:00:00.000Z')

const events: unknown[] = [
  { type: 'identify', userId: 'u1' },
  { type: 'identify', traits: { email: 'e@example.com' } },
  { type: 'identify', userId: 'u2', traits: { company: 'Acme', companies: [{ id: 'c1' }] } },
  { type: 'track', userId: 'u1', event: 'Bought', timestamp: '2026-03-02T10:00:00Z' },
  { type: 'track', event: 'Bought', context: { traits: { email: 'e@example.com' } } },
  { type: 'group', userId: 'u1', groupId: 'g1' },
  { type: 'group', groupId: 'g2', context: { traits: { email: 'e@example.com' } } },
  { type: 'group', anonymousId: 'a1', groupId: 'g3' },
]

async function requestsOf(event: unknown, options: MapOptions): Promise<IntercomRequest[]> {
  const em = createIntercomEmulator({ requireDefinedAttributes: false })
  for (const e of ['u1', 'u2']) {
    await deliver(toRest({ type: 'identify', userId: e }, options), em.send)
  }
  await deliver(toRest({ type: 'identify', traits: { email: 'e@example.com' } }, options), em.send)
  const sent: IntercomRequest[] = []
  await deliver(toRest(event, options), (r) => {
    sent.push(r)
    return em.send(r)
  })
  return sent
}

describe('request bodies', () => {
  for (const apiVersion of ['2.16', '1.4'] as const) {
    for (const withNow of [true, false]) {
      it(`hold no undefined fields (${apiVersion}, ${withNow ? 'with' : 'without'} options.now)`, async () => {
        const options: MapOptions = { settings: { apiVersion }, ...(withNow ? { now: NOW } : {}) }
        let bodies = 0
        for (const event of events) {
          for (const request of await requestsOf(event, options)) {
            if (request.body === undefined) continue
            bodies++
            expect(request.body).toStrictEqual(JSON.parse(JSON.stringify(request.body)))
          }
        }
        expect(bodies).toBeGreaterThanOrEqual(events.length - 1)
      })
    }
  }

  it('send the user by user_id, else by email, and nothing for the other', async () => {
    const byId = await requestsOf(
      { type: 'track', userId: 'u1', event: 'E', context: { traits: { email: 'e@example.com' } } },
      { now: NOW },
    )
    expect(byId[0]?.body).toStrictEqual({ event_name: 'E', created_at: NOW / 1000, user_id: 'u1' })
    const byEmail = await requestsOf(
      { type: 'track', event: 'E', context: { traits: { email: 'e@example.com' } } },
      { now: NOW },
    )
    expect(byEmail[0]?.body).toStrictEqual({
      event_name: 'E',
      created_at: NOW / 1000,
      email: 'e@example.com',
    })
  })

  it('1.4: a group without a user posts the company alone, with no remove flag', async () => {
    const [request] = await requestsOf(
      { type: 'group', anonymousId: 'a1', groupId: 'g9', traits: { name: 'G' } },
      { settings: { apiVersion: '1.4' }, now: NOW },
    )
    expect(request?.path).toBe('/companies')
    expect(request?.body).toStrictEqual({ company_id: 'g9', name: 'G' })
  })

  it('2.x: a company attached by identify is upserted without a remove flag', async () => {
    const sent = await requestsOf(
      { type: 'identify', userId: 'u2', traits: { company: { id: 'c1', name: 'C' } } },
      { now: NOW },
    )
    const upsert = sent.find((r) => r.path === '/companies')
    expect(upsert?.body).toStrictEqual({ company_id: 'c1', name: 'C' })
  })
})
