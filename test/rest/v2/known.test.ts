/** Known state against the emulator: each skip, and the fallback when a remembered id is stale. */
import { describe, expect, it } from 'vitest'
import { type KnownState, mergeKnown, toRest } from '../../../src/index.js'
import {
  createIntercomEmulator,
  type EmulatorOptions,
  type IntercomEmulator,
} from '../../../src/testing/index.js'
import type { MapOptions } from '../../../src/types.js'
import { drive } from '../../helpers/drive.js'

const T = '2026-03-02T10:00:00.000Z'
const SECONDS = Date.parse(T) / 1000

const identify = (traits: Record<string, unknown> = {}, userId = 'u1') => ({
  type: 'identify',
  userId,
  timestamp: T,
  traits: { email: `${userId}@example.com`, ...traits },
})
const group = (traits: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  type: 'group',
  userId: 'u1',
  groupId: 'acme',
  timestamp: T,
  traits: { name: 'Acme', ...traits },
  ...extra,
})

/** A workspace that takes any custom attribute (their creation is data-attributes.test's). */
const workspace = (options: EmulatorOptions = {}) =>
  createIntercomEmulator({ requireDefinedAttributes: false, ...options })

/** Delivers `event` synchronously; returns the requests as `METHOD /path` and the outcome. */
function send(emulator: IntercomEmulator, event: unknown, options: MapOptions = {}) {
  const mapping = toRest(event, options)
  if (mapping.status !== 'mapped') throw new Error(`not mapped: ${JSON.stringify(mapping)}`)
  const { requests, outcome } = drive(mapping.exchange(), (r) => emulator.handle(r))
  return { requests: requests.map((r) => `${r.method} ${r.path}`), outcome, sent: requests }
}

/** A workspace where u1 was identified with the company Acme; the state that taught. */
function identified() {
  const emulator = workspace()
  const first = send(emulator, identify({ company: { id: 'acme', name: 'Acme' } }))
  expect(first.outcome.status).toBe('delivered')
  const contactId = emulator.state.contacts[0]?.id as string
  const companyId = emulator.state.companies[0]?.id as string
  return { emulator, known: first.outcome.learned, contactId, companyId }
}

describe('what an exchange learns', () => {
  it('from a create, a company upsert and an attachment', () => {
    const { known, contactId, companyId } = identified()
    expect(known).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: contactId } },
      companies: { acme: companyId },
      companyWrites: { acme: JSON.stringify({ company_id: 'acme', name: 'Acme' }) },
      attachments: { [contactId]: { [companyId]: true } },
    })
    // JSON-serialisable: what a host stores is what it gets back.
    expect(JSON.parse(JSON.stringify(known))).toEqual(known)
  })

  it('from a search hit, and by email when the call has no userId', () => {
    const emulator = workspace()
    send(emulator, identify())
    const contactId = emulator.state.contacts[0]?.id as string
    expect(send(emulator, identify({ plan: 'pro' })).outcome.learned).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: contactId } },
    })
    const byEmail = { type: 'identify', timestamp: T, traits: { email: 'u1@example.com' } }
    expect(send(emulator, byEmail).outcome.learned).toEqual({
      version: 1,
      contacts: { byEmail: { 'u1@example.com': contactId } },
    })
  })

  it('from a 409 that names the contact search cannot see yet', () => {
    const emulator = workspace({ searchLag: 10 })
    send(emulator, identify())
    const contactId = emulator.state.contacts[0]?.id as string
    const again = send(emulator, identify({ plan: 'pro' }))
    expect(again.requests).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      `GET /contacts/${contactId}`,
      `PUT /contacts/${contactId}`,
    ])
    expect(again.outcome.learned).toMatchObject({ contacts: { byExternalId: { u1: contactId } } })
  })

  it('is { version: 1 } when nothing was learned, and on 1.4', () => {
    const emulator = workspace()
    const track = { type: 'track', userId: 'u1', event: 'Signed Up', timestamp: T }
    send(emulator, identify())
    expect(send(emulator, track).outcome.learned).toEqual({ version: 1 })
    const v1 = toRest(identify(), { settings: { apiVersion: '1.4' } })
    if (v1.status !== 'mapped') throw new Error(v1.status)
    expect(drive(v1.exchange(), () => ({ status: 200, body: {} })).outcome.learned).toEqual({
      version: 1,
    })
  })
})

describe('with known state', () => {
  it('updates a known contact by id without a search', () => {
    const { emulator, known, contactId } = identified()
    const r = send(emulator, identify({ plan: 'pro' }), { known })
    expect(r.requests).toEqual([`PUT /contacts/${contactId}`])
    expect(r.outcome).toMatchObject({ status: 'delivered', requests: 1 })
    expect(emulator.state.contacts[0]?.custom_attributes).toEqual({ plan: 'pro' })
  })

  it('does not upsert an unchanged company, nor attach an attached one', () => {
    const { emulator, known, contactId } = identified()
    const r = send(emulator, identify({ company: { id: 'acme', name: 'Acme' } }), { known })
    expect(r.requests).toEqual([`PUT /contacts/${contactId}`])
  })

  it('upserts a changed company, but does not attach it again', () => {
    const { emulator, known, contactId } = identified()
    const r = send(emulator, identify({ company: { id: 'acme', name: 'Acme', plan: 'pro' } }), {
      known,
    })
    expect(r.requests).toEqual([`PUT /contacts/${contactId}`, 'POST /companies'])
    expect(emulator.state.companies[0]?.plan).toMatchObject({ name: 'pro' })
    expect(emulator.state.associations).toHaveLength(1)
  })

  it('attaches a known company to a contact it is not known to be attached to', () => {
    const { emulator, known, companyId } = identified()
    const second = send(emulator, identify({ company: { id: 'acme', name: 'Acme' } }, 'u2'), {
      known,
    })
    const u2 = emulator.state.contacts[1]?.id as string
    expect(second.requests).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      `POST /contacts/${u2}/companies`,
    ])
    expect(emulator.state.associations).toContainEqual({ contactId: u2, companyId })
  })

  it('a group of a known user and an unchanged, attached company only touches last-seen', () => {
    const { emulator, known, contactId } = identified()
    const r = send(emulator, group(), { known })
    expect(r.requests).toEqual([`PUT /contacts/${contactId}`])
    expect(r.sent[0]?.body).toEqual({ last_seen_at: SECONDS })
    const inactive = send(emulator, group({}, { context: { active: false } }), { known })
    expect(inactive.requests).toEqual([])
    expect(inactive.outcome).toMatchObject({ status: 'delivered', requests: 0 })
  })

  it('detaches a known company without looking it up, and learns it is detached', () => {
    const { emulator, known, contactId, companyId } = identified()
    const r = send(emulator, identify({ company: { id: 'acme', remove: true } }), { known })
    expect(r.requests).toEqual([
      `PUT /contacts/${contactId}`,
      `DELETE /contacts/${contactId}/companies/${companyId}`,
    ])
    expect(emulator.state.associations).toEqual([])
    const learned = mergeKnown(known, r.outcome.learned)
    expect(learned.attachments).toEqual({ [contactId]: { [companyId]: null } })
    // Detached: a later identify with the company attaches it again.
    const back = send(emulator, identify({ company: { id: 'acme', name: 'Acme' } }), {
      known: learned,
    })
    expect(back.requests).toEqual([
      `PUT /contacts/${contactId}`,
      `POST /contacts/${contactId}/companies`,
    ])
  })

  it('never skips what the event changes: the body sent is the same as without known state', () => {
    const { emulator, known } = identified()
    const event = identify({ plan: 'pro', company: { id: 'acme', name: 'Acme', seats: 3 } })
    const warm = send(emulator, event, { known }).sent.filter((r) => r.method !== 'GET')
    const cold = send(emulator, event).sent
    const bodies = (rs: typeof cold) =>
      rs.filter((r) => r.path === '/companies' || r.method === 'PUT').map((r) => r.body)
    expect(bodies(warm)).toEqual(bodies(cold))
  })
})

describe('a stale known id', () => {
  const stale = (contactId: string): KnownState => ({
    version: 1,
    contacts: { byExternalId: { u1: contactId } },
  })

  it('404 on PUT /contacts/{id}: falls back to the search and drops the id', () => {
    const { emulator, contactId } = identified()
    const r = send(emulator, identify({ plan: 'pro' }), { known: stale('gone') })
    expect(r.requests).toEqual([
      'PUT /contacts/gone',
      'POST /contacts/search',
      `PUT /contacts/${contactId}`,
    ])
    expect(r.outcome).toMatchObject({ status: 'delivered', requests: 3 })
    expect(r.outcome.learned).toEqual({
      version: 1,
      contacts: { byExternalId: { u1: contactId } },
    })
    expect(emulator.state.contacts[0]?.custom_attributes).toEqual({ plan: 'pro' })
  })

  it('is dropped (null) when the fallback finds no contact either', () => {
    const emulator = workspace()
    const r = send(emulator, group(), { known: stale('gone') })
    expect(r.outcome).toMatchObject({ status: 'retry', code: 'contact_not_found' })
    expect(r.outcome.learned).toMatchObject({ contacts: { byExternalId: { u1: null } } })
    // Merged into the host's state, the stale id is gone.
    expect(mergeKnown(stale('gone'), r.outcome.learned).contacts).toEqual({
      byExternalId: { u1: null },
    })
  })

  it('a stale company id: the attach 404s, the company is upserted again and attached', () => {
    const { emulator, contactId, companyId } = identified()
    const known: KnownState = {
      version: 1,
      contacts: { byExternalId: { u1: contactId } },
      companies: { acme: 'gone' },
      companyWrites: { acme: JSON.stringify({ company_id: 'acme', name: 'Acme' }) },
    }
    // Not known as attached, so the group attaches; the 404 cannot say which of the two
    // remembered ids is stale, so both are forgotten and looked up again.
    const r = send(emulator, group(), { known })
    expect(r.requests).toEqual([
      `POST /contacts/${contactId}/companies`,
      'POST /companies',
      'POST /contacts/search',
      `POST /contacts/${contactId}/companies`,
      `PUT /contacts/${contactId}`,
    ])
    expect(r.outcome).toMatchObject({ status: 'delivered', warnings: [] })
    expect(r.outcome.learned).toMatchObject({
      contacts: { byExternalId: { u1: contactId } },
      companies: { acme: companyId },
      attachments: { [contactId]: { [companyId]: true } },
    })
  })

  it('the warnings of the abandoned attempt are not repeated', () => {
    const { emulator, contactId, companyId } = identified()
    const known: KnownState = {
      version: 1,
      contacts: { byExternalId: { u1: contactId } },
      companies: { acme: 'gone' },
      companyWrites: { acme: JSON.stringify({ company_id: 'acme', name: 'Acme' }) },
    }
    const event = identify({
      companies: [
        { id: 'ghost', remove: true },
        { id: 'acme', name: 'Acme' },
      ],
    })
    const r = send(emulator, event, { known })
    // The first attempt warned about ghost, then the attach on the stale company id 404ed;
    // the contact id was confirmed by the PUT, so only the company is looked up again
    // (the exchange starts over: its writes are idempotent).
    expect(r.requests).toEqual([
      `PUT /contacts/${contactId}`,
      'GET /companies?company_id=ghost',
      `POST /contacts/${contactId}/companies`,
      `PUT /contacts/${contactId}`,
      'GET /companies?company_id=ghost',
      'POST /companies',
      `POST /contacts/${contactId}/companies`,
    ])
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'company_not_found', path: 'traits.companies.0' }],
    })
    expect(r.outcome.status === 'delivered' && r.outcome.warnings).toHaveLength(1)
    expect(emulator.state.associations).toEqual([{ contactId, companyId }])
  })
})

describe('options.known that this library did not write', () => {
  it('a wrong shape is ignored for the whole mapping, warned at the mapping', () => {
    const mapping = toRest(identify(), { known: { version: 2 } as unknown as KnownState })
    expect(mapping).toMatchObject({
      status: 'mapped',
      warnings: [{ code: 'invalid_known_state', path: 'options.known.version' }],
    })
  })

  it('entries are checked as they are read: a bad entry no exchange reads costs nothing', () => {
    const { emulator, known, contactId } = identified()
    const odd = {
      ...known,
      companies: { ...(known.companies as object), other: 5 },
    } as unknown as KnownState
    const r = send(emulator, identify({ plan: 'pro' }), { known: odd })
    expect(r.requests).toEqual([`PUT /contacts/${contactId}`])
    expect(r.outcome).toMatchObject({ status: 'delivered', warnings: [] })
    const attachments = { [contactId]: 'all' }
    const bad = { ...known, attachments } as unknown as KnownState
    const again = send(emulator, identify({ company: { id: 'acme', name: 'Acme' } }), {
      known: bad,
    })
    expect(again.outcome).toMatchObject({
      status: 'delivered',
      warnings: [
        { code: 'invalid_known_state', path: `options.known.attachments["${contactId}"]` },
      ],
    })
    // Ignored: the company is attached again, as without the entry.
    expect(again.requests).toEqual([
      `PUT /contacts/${contactId}`,
      `POST /contacts/${contactId}/companies`,
    ])
  })

  it('is ignored with a warning naming the bad part; the delivery goes on as without it', () => {
    const emulator = workspace()
    const bad = { version: 1, contacts: { byExternalId: { u1: 42 } } } as unknown as KnownState
    const r = send(emulator, identify(), { known: bad })
    expect(r.requests).toEqual(['POST /contacts/search', 'POST /contacts'])
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      warnings: [
        { code: 'invalid_known_state', path: 'options.known.contacts.byExternalId["u1"]' },
      ],
    })
  })
})
