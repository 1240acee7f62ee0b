// Issue 9 item 2: traits named like Intercom's own fields (warehouse syncs name their
// columns after them) fill those fields when a trait may, and are never custom attributes.
import { describe, expect, it } from 'vitest'
import { toMessenger, toMobile, toRest } from '../../src/index.js'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../src/intercom/attribute-names.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'
import { fixtureEvent } from '../helpers/fixture.js'

const settings = { appId: 'abc12345' }
type Warned = { warnings: { code: string; path: string }[] }
const codesAt = (r: Warned, path: string) =>
  r.warnings.filter((w) => w.path === path).map((w) => w.code)

/** The requests of a REST exchange against a workspace that allows any custom attribute. */
function restRequests(event: unknown, apiVersion?: string) {
  const r = toRest(event, apiVersion ? { settings: { apiVersion } } : {})
  if (r.status !== 'mapped') throw new Error(`not mapped: ${r.status}`)
  const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
  return { mapping: r, ...drive(r.exchange(), (q) => emulator.handle(q)) }
}

describe('a warehouse identify with columns named like Intercom fields', () => {
  const event = fixtureEvent('warehouse/identify-intercom-named-columns')

  it('REST 2.16: owner, unsubscribe, last seen and sign-up time land in their fields', () => {
    const { mapping, requests, outcome } = restRequests(event)
    expect(outcome.status).toBe('delivered')
    const body = requests.find((q) => q.method === 'POST' && q.path === '/contacts')?.body
    expect(body).toEqual({
      role: 'user',
      external_id: 'u_1042',
      email: 'ada@example.com',
      // remote_created_at (epoch seconds) is the sign-up time; created and signed_up_at lose.
      signed_up_at: 1395748800,
      last_seen_at: Date.parse('2024-03-04T22:13:09Z') / 1000,
      unsubscribed_from_emails: false,
      owner_id: '8123456', // 2.16 types owner_id as text
      custom_attributes: { plan: 'enterprise', seats: 25, mrr: '1999.00' },
    })
    expect(codesAt(mapping, 'traits.type')).toEqual(['reserved_name'])
    expect(codesAt(mapping, 'traits.role')).toEqual(['reserved_name'])
    expect(mapping.warnings.find((w) => w.path === 'traits.role')?.message).toContain('never leads')
    expect(codesAt(mapping, 'traits.id')).toEqual(['identity_trait'])
    expect(codesAt(mapping, 'traits.created')).toEqual(['superseded'])
    expect(codesAt(mapping, 'traits.signed_up_at')).toEqual(['superseded'])
  })

  it('REST 2.11 sends owner_id as an integer, as its OpenAPI file types it', () => {
    const { requests } = restRequests(event, '2.11')
    const body = requests.find((q) => q.method === 'POST' && q.path === '/contacts')?.body
    expect(body?.owner_id).toBe(8123456)
  })

  it('REST 1.4, Messenger and mobile: the same model; what they cannot set is warned at its path', () => {
    const v1 = restRequests(event, '1.4')
    expect(v1.requests[0]?.body).toMatchObject({
      user_id: 'u_1042',
      signed_up_at: 1395748800,
      unsubscribed_from_emails: false,
      custom_attributes: { plan: 'enterprise', seats: 25, mrr: '1999.00' },
    })
    expect(codesAt(v1.mapping, 'traits.owner_id')).toEqual(['unsupported_field'])

    const web = toMessenger(event, { settings })
    expect(web.status === 'mapped' && web.calls[0]?.args[0]).toEqual({
      app_id: 'abc12345',
      user_id: 'u_1042',
      email: 'ada@example.com',
      created_at: 1395748800,
      unsubscribed_from_emails: false,
      plan: 'enterprise',
      seats: 25,
      mrr: '1999.00',
    })
    const mobile = toMobile(event)
    expect(mobile.status === 'mapped' && mobile.calls[1]?.args[0]).toEqual({
      signedUpAt: 1395748800,
      unsubscribedFromEmails: false,
      customAttributes: { plan: 'enterprise', seats: 25, mrr: '1999.00' },
    })
    for (const r of [web, mobile]) {
      expect(codesAt(r, 'traits.owner_id')).toEqual(['unsupported_field'])
      expect(codesAt(r, 'traits.last_seen_at')).toEqual(['unsupported_field'])
      expect(codesAt(r, 'traits.type')).toEqual(['reserved_name'])
    }
  })

  it('a lead-like row: role never makes a lead, and tags are not an attribute', () => {
    const { mapping, requests } = restRequests(fixtureEvent('warehouse/identify-lead-like'))
    const body = requests.find((q) => q.method === 'POST' && q.path === '/contacts')?.body
    expect(body?.role).toBe('user')
    expect(body).not.toHaveProperty('custom_attributes')
    expect(codesAt(mapping, 'traits.role')).toEqual(['reserved_name'])
    expect(codesAt(mapping, 'traits.tags')).toEqual(['reserved_name'])
    expect(codesAt(mapping, 'traits.owner_id')).toEqual(['dropped_value']) // null: no admin id
  })
})

describe('a warehouse group with columns named like Intercom company fields', () => {
  it('maps remote_created_at, drops type, and names what lost', () => {
    const event = fixtureEvent('warehouse/group-intercom-named-columns')
    const { mapping, requests } = restRequests(event)
    expect(requests[0]).toMatchObject({
      path: '/companies',
      body: {
        company_id: 'org_77',
        name: 'Initech',
        remote_created_at: 1307000000,
        plan: 'enterprise',
        monthly_spend: 2000,
        size: 420,
      },
    })
    expect(requests[0]?.body).not.toHaveProperty('custom_attributes')
    expect(codesAt(mapping, 'traits.type')).toEqual(['reserved_name'])
    expect(codesAt(mapping, 'traits.created')).toEqual(['superseded'])
    expect(codesAt(mapping, 'traits.id')).toEqual(['superseded']) // another id than the groupId
    expect(codesAt(mapping, 'traits.company_id')).toEqual([]) // the groupId again: nothing lost
  })
})

describe('aliases Segment libraries honour', () => {
  const base = { type: 'identify', userId: 'u1', timestamp: '2024-03-05T00:00:00Z' }

  it('created is createdAt, for users and companies', () => {
    const r = toMobile({
      ...base,
      traits: { created: 1395748800, company: { id: 'c', created: 1262304000 } },
    })
    expect(r.status === 'mapped' && r.calls[1]?.args[0]).toEqual({
      signedUpAt: 1395748800,
      companies: [{ id: 'c', createdAt: 1262304000 }],
    })
    expect(r.warnings).toEqual([])
  })

  it('camelCase spellings of the writable fields: ownerId, lastSeenAt, unsubscribedFromEmails, remoteCreatedAt', () => {
    const event = {
      ...base,
      traits: {
        ownerId: 7,
        lastSeenAt: 1709500000,
        unsubscribedFromEmails: 'true',
        remoteCreatedAt: 1395748800,
      },
    }
    const { mapping, requests } = restRequests(event, '2.11')
    expect(requests.at(-1)?.body).toEqual({
      role: 'user',
      external_id: 'u1',
      signed_up_at: 1395748800,
      last_seen_at: 1709500000,
      unsubscribed_from_emails: true,
      owner_id: 7,
    })
    expect(codesAt(mapping, 'traits.unsubscribedFromEmails')).toEqual(['converted'])
  })

  it('an integrations.Intercom option wins over the trait of the same option, warned', () => {
    const r = toMobile({
      ...base,
      traits: { unsubscribed_from_emails: false },
      integrations: { Intercom: { unsubscribed: true } },
    })
    expect(r.status === 'mapped' && r.calls[1]?.args[0]).toEqual({ unsubscribedFromEmails: true })
    expect(codesAt(r, 'traits.unsubscribed_from_emails')).toEqual(['superseded'])
  })
})

describe('reserved names, generalised', () => {
  const mappedTraits = new Set(
    Object.values(CONTACT_FIELDS).flatMap((f) =>
      f.model === null ? [] : (f.traits?.split(' ') ?? []),
    ),
  )
  // Segment's spec traits for fields (email, name, phone, avatar, created_at, companies…).
  const spec = new Set(['email', 'name', 'phone', 'avatar', 'created_at', 'companies'])

  it('no contact field name is ever a custom attribute, on any target', () => {
    for (const key of Object.keys(CONTACT_FIELDS)) {
      if (mappedTraits.has(key) || spec.has(key)) continue
      const event = { type: 'identify', userId: 'u1', traits: { [key]: 'x', plan: 'pro' } }
      const rest = restRequests(event)
      const body = rest.requests.at(-1)?.body
      expect(body?.custom_attributes, key).toEqual({ plan: 'pro' })
      const mobile = toMobile(event)
      expect(mobile.status === 'mapped' && mobile.calls[1]?.args[0], key).toEqual({
        customAttributes: { plan: 'pro' },
      })
      const warned = codesAt(rest.mapping, `traits.${key}`)
      expect(warned.length, key).toBeGreaterThan(0)
    }
  })

  it('a reserved name is refused before its value is converted: one warning, reserved_name', () => {
    const r = toRest({
      type: 'identify',
      userId: 'u1',
      timestamp: '2024-03-05T00:00:00Z',
      traits: { updated_at: '2024-03-04T22:13:09Z', notes: 'n'.repeat(300), tags: ['vip'] },
    })
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([
      ['reserved_name', 'traits.updated_at'],
      ['reserved_name', 'traits.notes'],
      // Flattened, `tags` becomes `tags_0`: not Intercom's name, so it is sent.
      ['flattened', 'traits.tags.0'],
    ])
  })

  it('no company field name is ever a company custom attribute, flattened or not', () => {
    for (const key of Object.keys(COMPANY_FIELDS)) {
      const company = { [key]: key === 'size' ? 5 : 'x', tier: 'gold' }
      const { requests } = restRequests({
        type: 'group',
        userId: 'u1',
        groupId: 'c1',
        traits: company,
      })
      expect(requests[0]?.body?.custom_attributes, key).toEqual({ tier: 'gold' })
    }
    const flat = toRest({
      type: 'group',
      userId: 'u1',
      groupId: 'c1',
      traits: { user: { count: 3 } },
    })
    expect(codesAt(flat, 'traits.user.count')).toEqual(['reserved_name'])
  })
})
