/** The contact steps against the emulator. */
import { describe, expect, it } from 'vitest'
import { endpoint } from '../../../src/rest/endpoint.js'
import { Stop } from '../../../src/rest/kernel.js'
import {
  conflictId,
  findContact,
  pickContact,
  touchContact,
  updateContact,
  upsertContact,
} from '../../../src/rest/v2/contacts.js'
import { createIntercomEmulator } from '../../../src/testing/index.js'
import { runStep, SETTINGS } from './steps.js'

function withContact(body: Record<string, unknown>, searchLag = 0) {
  const emulator = createIntercomEmulator({ searchLag })
  const created = emulator.handle(
    endpoint(SETTINGS, 'POST', '/contacts', { role: 'user', ...body }),
  )
  return { emulator, id: (created.body as { id: string }).id }
}

describe('findContact', () => {
  it("finds the user's contact by external_id, else adopts an email-only user", () => {
    const { emulator, id } = withContact({ external_id: 'u1', email: 'a@x.io' })
    expect(runStep(emulator, (c) => findContact(c, { userId: 'u1' })).value).toBe(id)
    const other = withContact({ email: 'b@x.io' })
    const found = runStep(other.emulator, (c) => findContact(c, { userId: 'u2', email: 'b@x.io' }))
    expect(found.value).toBe(other.id)
    expect(found.requests).toEqual(['POST /contacts/search'])
  })

  it("never picks another user's contact or a lead", () => {
    const data = [
      { id: 'other', external_id: 'u9', email: 'a@x.io', role: 'user' },
      { id: 'lead', external_id: null, email: 'a@x.io', role: 'lead' },
    ]
    expect(pickContact(data, { userId: 'u1', email: 'a@x.io' })).toBeUndefined()
    expect(pickContact(data.slice(1), { email: 'a@x.io' })).toBeUndefined()
  })
})

describe('upsertContact', () => {
  it('updates the contact search finds', () => {
    const { emulator, id } = withContact({ external_id: 'u1' })
    const r = runStep(emulator, (c) => upsertContact(c, { userId: 'u1' }, { name: 'Ada' }))
    expect(r.value).toBe(id)
    expect(r.requests).toEqual(['POST /contacts/search', `PUT /contacts/${id}`])
    expect(emulator.state.contacts[0]?.name).toBe('Ada')
  })

  it('creates a user when there is none', () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) =>
      upsertContact(c, { userId: 'u1' }, { external_id: 'u1', name: 'Ada' }),
    )
    expect(r.requests).toEqual(['POST /contacts/search', 'POST /contacts'])
    expect(emulator.state.contacts).toMatchObject([
      { id: r.value, external_id: 'u1', role: 'user' },
    ])
  })

  it('updates the id a 409 names when search has not caught up', () => {
    const { emulator, id } = withContact({ external_id: 'u1' }, 5)
    const r = runStep(emulator, (c) =>
      upsertContact(c, { userId: 'u1' }, { external_id: 'u1', name: 'Ada' }),
    )
    expect(r.value).toBe(id)
    expect(r.requests).toEqual(['POST /contacts/search', 'POST /contacts', `PUT /contacts/${id}`])
    expect(emulator.state.contacts).toHaveLength(1)
  })

  it('retries conflict when a 409 names no id', () => {
    expect(conflictId([{ message: 'A contact matching those details already exists' }])).toBe(
      undefined,
    )
    expect(conflictId([{ message: 'already exists with id=abc_1-2.' }])).toBe('abc_1-2')
  })
})

describe('updateContact and touchContact', () => {
  it('write by id; a missing contact stops with the classified 404', () => {
    const { emulator, id } = withContact({ external_id: 'u1' })
    const touched = runStep(emulator, (c) => touchContact(c, { userId: 'u1' }, id, 1_700_000_000))
    expect(touched.value).toBe(true)
    expect(touched.sent[0]?.body).toEqual({ last_seen_at: 1_700_000_000 })
    expect(emulator.state.contacts[0]?.last_seen_at).toBe(1_700_000_000)
    const gone = runStep(emulator, (c) => updateContact(c, { userId: 'u1' }, 'nope', { name: 'x' }))
    expect(gone.value).toBeInstanceOf(Stop)
    expect(gone.outcome).toMatchObject({ status: 'failed', code: 'rejected' })
  })
})
