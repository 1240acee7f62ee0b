/** The contact steps against the emulator. */
import { describe, expect, it } from 'vitest'
import type { UserIdentity } from '../../../src/normalize/model.js'
import { drive } from '../../../src/rest/drive.js'
import { endpoint } from '../../../src/rest/endpoint.js'
import { converse, Stop } from '../../../src/rest/kernel.js'
import type { IntercomRequest, IntercomResponse } from '../../../src/rest/types.js'
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
    expect(r.requests).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      `GET /contacts/${id}`,
      `PUT /contacts/${id}`,
    ])
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

describe('a 409 on create (DESIGN 3.3: never a takeover)', () => {
  const list = (...data: unknown[]) => ({ status: 200, body: { type: 'list', data } })
  const conflict = (id: string) => ({
    status: 409,
    body: {
      type: 'error.list',
      errors: [
        {
          code: 'conflict',
          message: `A contact matching those details already exists with id=${id}`,
        },
      ],
    },
  })
  const body = { external_id: 'u1', email: 'ada@example.com', name: 'Ada' }

  /** Runs upsertContact against scripted answers. */
  function scripted(
    answers: unknown[],
    user: UserIdentity = { userId: 'u1', email: 'ada@example.com' },
  ) {
    const sent: IntercomRequest[] = []
    const outcome = drive(
      converse({ settings: SETTINGS, nowMs: undefined, warnings: [] }, (c) =>
        upsertContact(c, user, body),
      ),
      (r) => {
        sent.push(r)
        return answers[sent.length - 1] as IntercomResponse
      },
    )
    return { outcome, requests: sent.map((r) => `${r.method} ${r.path}`) }
  }

  it("fails conflict, naming both, when the contact is another user's; nothing is updated", () => {
    const r = scripted([
      list(),
      conflict('c9'),
      {
        status: 200,
        body: { type: 'contact', id: 'c9', external_id: 'u9', email: 'ada@example.com' },
      },
    ])
    expect(r.requests).toEqual(['POST /contacts/search', 'POST /contacts', 'GET /contacts/c9'])
    expect(r.outcome).toEqual({
      status: 'failed',
      code: 'conflict',
      message:
        'User "u1" matches Intercom contact c9, which belongs to another user (external_id "u9"): not updated. Give the users distinct emails, or merge them in Intercom',
      errors: [{ userId: 'u1', contactId: 'c9', externalId: 'u9' }],
      // What the answer taught: c9 is u9's (never u1's).
      learned: { version: 1, contacts: { byExternalId: { u9: 'c9' } } },
    })
  })

  it("updates the contact when it is this user's, or has no external_id (adopted)", () => {
    for (const owner of ['u1', null, undefined]) {
      const r = scripted([
        list(),
        conflict('c9'),
        { status: 200, body: { type: 'contact', id: 'c9', external_id: owner } },
        { status: 200, body: { type: 'contact', id: 'c9', external_id: 'u1' } },
      ])
      expect(r.requests).toEqual([
        'POST /contacts/search',
        'POST /contacts',
        'GET /contacts/c9',
        'PUT /contacts/c9',
      ])
      expect(r.outcome).toMatchObject({ status: 'delivered', requests: 4 })
    }
  })

  it('without a userId the email is the identity: updated without the check', () => {
    const r = scripted(
      [list(), conflict('c9'), { status: 200, body: { type: 'contact', id: 'c9' } }],
      { email: 'ada@example.com' },
    )
    expect(r.requests).toEqual(['POST /contacts/search', 'POST /contacts', 'PUT /contacts/c9'])
  })

  it('retries conflict when the named contact cannot be read yet', () => {
    const r = scripted([
      list(),
      conflict('c9'),
      { status: 404, body: { type: 'error.list', errors: [] } },
    ])
    expect(r.outcome).toMatchObject({ status: 'retry', code: 'conflict' })
  })

  it('against the emulator: an own contact that search cannot see yet is updated', () => {
    const { emulator, id } = withContact({ external_id: 'u1', email: 'ada@example.com' }, 5)
    const r = runStep(emulator, (c) => upsertContact(c, { userId: 'u1' }, body))
    expect(r.requests).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      `GET /contacts/${id}`,
      `PUT /contacts/${id}`,
    ])
    expect(emulator.state.contacts).toMatchObject([{ id, external_id: 'u1', name: 'Ada' }])
  })
})
