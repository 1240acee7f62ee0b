import { describe, expect, it } from 'vitest'
import { deliver, toRest } from '../../../src/index.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'

const timestamp = '2026-01-01T00:00:00.000Z'

describe('the emulator as deliver’s transport', () => {
  it('identify then track lands a contact and an event (2.16)', async () => {
    const intercom = createIntercomEmulator({
      searchLag: 5,
      dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
    })
    const identify = {
      type: 'identify',
      userId: 'u1',
      timestamp,
      traits: { email: 'a@example.com', plan: 'pro' },
    }
    const track = { type: 'track', userId: 'u1', timestamp, event: 'Signed Up' }
    expect((await deliver(toRest(identify), intercom.send)).status).toBe('delivered')
    // Search still lags: the second identify meets a 409 and must still land its update.
    const again = { ...identify, traits: { plan: 'max' } }
    expect((await deliver(toRest(again), intercom.send)).status).toBe('delivered')
    expect((await deliver(toRest(track), intercom.send)).status).toBe('delivered')
    const { contacts, events } = intercom.state
    expect(contacts).toHaveLength(1)
    expect(contacts[0]).toMatchObject({ external_id: 'u1', custom_attributes: { plan: 'max' } })
    expect(events.map((e) => e.event_name)).toEqual(['Signed Up'])
  })

  it('an undefined custom attribute does not deliver under 2.x but does under 1.4', async () => {
    const identify = { type: 'identify', userId: 'u1', timestamp, traits: { shoe_size: 44 } }
    const v2 = createIntercomEmulator()
    const fail = { settings: { unknownAttributes: 'fail' as const } }
    expect((await deliver(toRest(identify, fail), v2.send)).status).toBe('failed')
    // By default 2.x leaves it out (warned) and writes the rest.
    expect(await deliver(toRest(identify), v2.send)).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'dropped_attribute', path: 'traits.shoe_size' }],
    })
    expect(v2.state.contacts[0]?.custom_attributes).toEqual({})
    const v14 = createIntercomEmulator()
    const outcome = await deliver(toRest(identify, { settings: { apiVersion: '1.4' } }), v14.send)
    expect(outcome.status).toBe('delivered')
    expect(v14.state.contacts[0]?.custom_attributes).toEqual({ shoe_size: 44 })
  })
})
