/** Custom attributes the workspace does not define (issue 9 item 11), from realistic events. */
import { describe, expect, it } from 'vitest'
import { toRest } from '../../../src/index.js'
import { createIntercomEmulator } from '../../../src/testing/index.js'
import type { MapOptions } from '../../../src/types.js'
import { drive } from '../../helpers/drive.js'

// An identify as analytics-node sends it: Segment's reserved `address` trait, a plan,
// and the user's company with a custom field.
const identify = {
  type: 'identify',
  userId: '019mr8mf4r',
  timestamp: '2026-03-02T10:00:00.000Z',
  messageId: 'node-next-1740909600000-3a2c',
  context: { library: { name: '@segment/analytics-node', version: '3.1.0' } },
  traits: {
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    plan: 'enterprise',
    address: { city: 'London', country: 'UK' },
    company: { id: 'acme', name: 'Acme', tier: 'gold' },
  },
}

/** A strict 2.x workspace that defines `plan` only. */
function workspace() {
  return createIntercomEmulator({
    dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
  })
}

function deliver(options: MapOptions = {}) {
  const emulator = workspace()
  const mapping = toRest(identify, options)
  if (mapping.status !== 'mapped') throw new Error(mapping.status)
  const run = drive(mapping.exchange(), (r) => emulator.handle(r))
  const warnings = run.outcome.status === 'delivered' ? run.outcome.warnings : []
  return {
    emulator,
    outcome: run.outcome,
    requests: run.requests.map((r) => `${r.method} ${r.path}`),
    dropped: warnings.filter((w) => w.code === 'dropped_attribute').map((w) => w.path),
  }
}

describe("unknownAttributes: 'drop' (the default)", () => {
  it('delivers the contact and its company without the undefined attributes, each warned at its input path', () => {
    const r = deliver()
    expect(r.outcome).toMatchObject({ status: 'delivered' })
    expect(r.dropped).toEqual([
      'traits.address.city',
      'traits.address.country',
      'traits.company.tier',
    ])
    expect(r.emulator.state.contacts).toMatchObject([
      {
        external_id: '019mr8mf4r',
        email: 'ada@example.com',
        custom_attributes: { plan: 'enterprise' },
      },
    ])
    expect(r.emulator.state.companies).toMatchObject([{ company_id: 'acme', name: 'Acme' }])
    expect(r.emulator.state.associations).toHaveLength(1)
  })

  it('with knownAttributes, drops before sending: no 400 round trips', () => {
    const known = { knownAttributes: { contact: ['plan'], company: [] } }
    const withList = deliver(known)
    const without = deliver()
    expect(withList.dropped).toEqual(without.dropped)
    expect(withList.emulator.state.contacts).toEqual(without.emulator.state.contacts)
    expect(withList.requests).toEqual([
      'POST /contacts/search',
      'POST /contacts',
      'POST /companies',
      'POST /contacts/6a00c0000000000000000001/companies',
    ])
    expect(without.requests.length).toBe(withList.requests.length + 3)
  })

  it('a knownAttributes list that is not one of names is ignored, warned', () => {
    const bad = { knownAttributes: { contact: [5] as unknown as string[] } }
    const r = deliver(bad)
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      warnings: expect.arrayContaining([
        expect.objectContaining({
          code: 'invalid_known_state',
          path: 'options.knownAttributes.contact',
        }),
      ]),
    })
    expect(r.dropped).toHaveLength(3)
  })
})

describe("unknownAttributes: 'create' and 'fail'", () => {
  it("'create' defines each attribute and keeps every value", () => {
    const r = deliver({ settings: { unknownAttributes: 'create' } })
    expect(r.outcome.status).toBe('delivered')
    expect(r.emulator.state.contacts[0]?.custom_attributes).toEqual({
      plan: 'enterprise',
      address_city: 'London',
      address_country: 'UK',
    })
    expect(r.emulator.state.companies[0]?.custom_attributes).toEqual({ tier: 'gold' })
  })

  it("'fail' ends failed attribute_not_found, writing nothing", () => {
    const r = deliver({ settings: { unknownAttributes: 'fail' } })
    expect(r.outcome).toMatchObject({
      status: 'failed',
      code: 'attribute_not_found',
      errors: [{ attribute: 'address_city', model: 'contact' }],
    })
    expect(r.emulator.state.contacts).toEqual([])
  })
})
