import type { IntercomEmulator } from '../../src/testing/index.js'

export const T0 = '2026-01-01T00:00:00Z'

export const identify = (userId: string, traits: Record<string, unknown> = {}) => ({
  type: 'identify',
  userId,
  timestamp: T0,
  traits,
})

export const track = (userId: string, seq: number) => ({
  type: 'track',
  userId,
  event: 'Step',
  // A distinct time per seq: Intercom ignores a second event with the same name and time.
  timestamp: new Date(Date.parse(T0) + seq * 1000).toISOString(),
  properties: { seq },
})

/** The `seq` of every event Intercom stored, per user (`external_id`), in storage order. */
export function storedSeqs(em: IntercomEmulator): Map<string, number[]> {
  const state = em.state
  const userOf = new Map(state.contacts.map((c) => [c.id, c.external_id ?? c.email]))
  const out = new Map<string, number[]>()
  for (const e of state.events) {
    const user = userOf.get(e.contactId) ?? '?'
    const list = out.get(user) ?? []
    list.push(e.metadata.seq as number)
    out.set(user, list)
  }
  return out
}

/** The `seq`s of the track events of each user, in input order. */
export function inputSeqs(events: readonly ReturnType<typeof track | typeof identify>[]) {
  const out = new Map<string, number[]>()
  for (const e of events) {
    if (e.type !== 'track' || !('properties' in e)) continue
    const list = out.get(e.userId) ?? []
    list.push(e.properties.seq)
    out.set(e.userId, list)
  }
  return out
}
