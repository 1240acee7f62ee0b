// Issue 9 items 2 and 11 together: traits named like Intercom's own fields, delivered to a
// strict 2.x workspace (custom attributes must be defined) with the default
// unknownAttributes 'drop'. A reserved name is refused before sending (warned
// `reserved_name`), so it is never in a body and never costs the 400 + re-send round trip
// that an undefined custom attribute costs.
import { describe, expect, it } from 'vitest'
import { deliver, type IntercomRequest, toRest, type Warning } from '../../src/index.js'
import { COMPANY_FIELDS, CONTACT_FIELDS } from '../../src/intercom/attribute-names.js'
import {
  createIntercomEmulator,
  type EmulatedDataAttribute,
  type IntercomEmulator,
} from '../../src/testing/index.js'
import { fixtureEvent } from '../helpers/fixture.js'

const T = '2024-03-05T02:00:00.000Z'

/** A strict workspace defining `names` (as text attributes of `model`). */
function strict(names: Record<'contact' | 'company', string[]>): IntercomEmulator {
  const dataAttributes: EmulatedDataAttribute[] = []
  for (const model of ['contact', 'company'] as const) {
    for (const name of names[model]) dataAttributes.push({ name, model, data_type: 'string' })
  }
  return createIntercomEmulator({ requireDefinedAttributes: true, dataAttributes })
}

/** Delivers `events` in order (default settings) and returns the last outcome. */
async function run(em: IntercomEmulator, ...events: unknown[]) {
  let outcome: Awaited<ReturnType<typeof deliver>> | undefined
  for (const event of events) outcome = await deliver(toRest(event), em.send)
  if (outcome?.status !== 'delivered') throw new Error(`not delivered: ${JSON.stringify(outcome)}`)
  return outcome
}

const codesAt = (warnings: readonly Warning[], path: string) =>
  warnings.filter((w) => w.path === path).map((w) => w.code)

/** The attribute names Intercom's 4xx answers named ("Custom attribute 'x' does not exist"). */
function refused(em: IntercomEmulator): string[] {
  return em.requests
    .filter((x) => x.response.status >= 400)
    .map((x) => /attribute '([^']*)'/.exec(JSON.stringify(x.response.body))?.[1] ?? '?')
}

const writes = (em: IntercomEmulator): IntercomRequest[] =>
  em.requests.map((x) => x.request).filter((q) => q.method !== 'GET' && q.body !== undefined)

/** Every custom attribute name any write carried. */
function customNames(em: IntercomEmulator): string[] {
  return writes(em).flatMap((q) => Object.keys(q.body?.custom_attributes ?? {}))
}

const routes = (em: IntercomEmulator) =>
  em.requests.map((x) => `${x.request.method} ${x.request.path}`)

describe('a warehouse identify with columns named like Intercom fields, strict workspace', () => {
  const event = fixtureEvent('warehouse/identify-intercom-named-columns')

  it('the reserved columns are never sent; only the undefined custom ones cost a round trip', async () => {
    const em = strict({ contact: ['plan'], company: [] })
    const outcome = await run(em, event)
    // One 400 (and one re-send) per undefined custom attribute, none for a reserved name.
    expect(refused(em).sort()).toEqual(['mrr', 'seats'])
    expect(routes(em)).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      'POST /contacts',
      'POST /contacts',
    ])
    expect(codesAt(outcome.warnings, 'traits.role')).toEqual(['reserved_name'])
    expect(codesAt(outcome.warnings, 'traits.type')).toEqual(['reserved_name'])
    expect(codesAt(outcome.warnings, 'traits.id')).toEqual(['identity_trait'])
    expect(codesAt(outcome.warnings, 'traits.seats')).toEqual(['dropped_attribute'])
    expect(codesAt(outcome.warnings, 'traits.mrr')).toEqual(['dropped_attribute'])
    for (const q of writes(em).filter((x) => x.path === '/contacts')) {
      expect(q.body?.role).toBe('user') // the library's own: identify creates users, never leads
      expect(q.body).not.toHaveProperty('type')
      expect(q.body).not.toHaveProperty('id')
    }
    expect(new Set(customNames(em))).toEqual(new Set(['plan', 'seats', 'mrr']))
    // owner_id is writable: the owner field, not a custom attribute.
    const [contact] = em.state.contacts
    expect(contact).toMatchObject({
      role: 'user',
      external_id: 'u_1042',
      owner_id: '8123456',
      custom_attributes: { plan: 'enterprise' },
    })
  })

  it('with every custom column defined: two requests, no 4xx at all', async () => {
    const em = strict({ contact: ['plan', 'seats', 'mrr'], company: [] })
    const outcome = await run(em, event)
    expect(routes(em)).toEqual(['POST /contacts/search', 'POST /contacts'])
    expect(outcome.warnings.filter((w) => w.code === 'dropped_attribute')).toEqual([])
    expect(em.state.contacts[0]?.custom_attributes).toEqual({
      plan: 'enterprise',
      seats: 25,
      mrr: '1999.00',
    })
  })
})

describe('a warehouse group with columns named like Intercom fields, strict workspace', () => {
  it('type and id are not sent, and no company attribute needs defining', async () => {
    const em = strict({ contact: [], company: [] })
    const identify = { type: 'identify', userId: 'u_1042', timestamp: T }
    const outcome = await run(em, identify, fixtureEvent('warehouse/group-intercom-named-columns'))
    expect(refused(em)).toEqual([])
    expect(codesAt(outcome.warnings, 'traits.type')).toEqual(['reserved_name'])
    expect(customNames(em)).toEqual([])
    expect(em.state.companies[0]).toMatchObject({
      company_id: 'org_77',
      name: 'Initech',
      size: 420,
      remote_created_at: 1307000000,
      custom_attributes: {},
    })
  })
})

/**
 * The names of a facts table that no trait fills: reserved. `id` (the identity trait)
 * and `created_at` (Segment's `createdAt` in snake case) are read as spec traits, and so
 * are the fields identify reads by their spec names (`email`, `phone`, `name`, `avatar`,
 * the `companies` list; `custom_attributes` is the body's own object).
 */
function reservedNames(table: typeof CONTACT_FIELDS): string[] {
  const filled = new Set(Object.values(table).flatMap((f) => f.traits?.split(' ') ?? []))
  const spec = new Set([
    'id',
    'created_at',
    'email',
    'phone',
    'name',
    'avatar',
    'companies',
    'custom_attributes',
  ])
  return Object.entries(table)
    .filter(([name, f]) => f.model === null && !filled.has(name) && !spec.has(name))
    .map(([name]) => name)
}

describe('every reserved name of the facts table, strict workspace, unknownAttributes drop', () => {
  const cases = [
    {
      model: 'contact' as const,
      names: reservedNames(CONTACT_FIELDS),
      event: (traits: object) => ({ type: 'identify', userId: 'u_1', timestamp: T, traits }),
      before: [] as unknown[],
    },
    {
      model: 'company' as const,
      names: reservedNames(COMPANY_FIELDS),
      event: (traits: object) => ({
        type: 'group',
        userId: 'u_1',
        groupId: 'g_1',
        timestamp: T,
        traits: { name: 'Acme', ...traits },
      }),
      before: [{ type: 'identify', userId: 'u_1', timestamp: T }] as unknown[],
    },
  ]

  for (const { model, names, event, before } of cases) {
    it(`${model}: warned reserved_name, never sent, no extra request (${names.length} names)`, async () => {
      expect(names).toEqual(
        expect.arrayContaining(model === 'contact' ? ['type', 'role'] : ['type']),
      )
      const plain = strict({ contact: ['plan'], company: ['plan_tier'] })
      await run(plain, ...before, event({ [model === 'contact' ? 'plan' : 'plan_tier']: 'pro' }))
      for (const name of names) {
        for (const value of ['user', 7, true]) {
          const em = strict({ contact: ['plan'], company: ['plan_tier'] })
          const custom = model === 'contact' ? 'plan' : 'plan_tier'
          const outcome = await run(em, ...before, event({ [name]: value, [custom]: 'pro' }))
          expect(codesAt(outcome.warnings, `traits.${name}`), name).toEqual(['reserved_name'])
          expect(refused(em), name).toEqual([])
          expect(routes(em), name).toEqual(routes(plain))
          expect(customNames(em), name).not.toContain(name)
        }
      }
    })
  }

  it('a flattened key that ends up reserved (owner: { id }) is refused the same way', async () => {
    const em = strict({ contact: ['owner_name'], company: [] })
    const outcome = await run(em, {
      type: 'identify',
      userId: 'u_1',
      timestamp: T,
      traits: { owner: { id: 7, name: 'Grace' } },
    })
    expect(refused(em)).toEqual([])
    expect(routes(em)).toEqual(['POST /contacts/search', 'POST /contacts'])
    expect(em.state.contacts[0]?.custom_attributes).toEqual({ owner_name: 'Grace' })
    expect(codesAt(outcome.warnings, 'traits.owner.id')).toEqual(['reserved_name'])
    expect(codesAt(outcome.warnings, 'traits.owner.name')).toEqual(['flattened'])
  })
})
