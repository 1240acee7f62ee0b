/** Writes with custom attributes the workspace may not define. */
import { describe, expect, it } from 'vitest'
import { endpoint } from '../../../src/rest/endpoint.js'
import { inferDataType, missingAttribute, write } from '../../../src/rest/v2/data-attributes.js'
import { createIntercomEmulator } from '../../../src/testing/index.js'
import { runStep, SETTINGS } from './steps.js'

const create = endpoint(SETTINGS, 'POST', '/contacts', {
  role: 'user',
  external_id: 'u1',
  custom_attributes: { plan: 'pro', seats: 3 },
})

describe('write', () => {
  it("with 'fail', fails attribute_not_found naming the first unknown attribute", () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) => write(c, create, 'contact'), {
      ...SETTINGS,
      unknownAttributes: 'fail',
    })
    expect(r.outcome).toMatchObject({
      status: 'failed',
      code: 'attribute_not_found',
      errors: [{ attribute: 'plan', model: 'contact' }],
    })
    expect(emulator.state.contacts).toEqual([])
  })

  it("with 'create', creates each one typed from its value and writes again", () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) => write(c, create, 'contact'), {
      ...SETTINGS,
      unknownAttributes: 'create',
    })
    expect(r.requests).toEqual([
      'POST /contacts',
      'POST /data_attributes',
      'POST /contacts',
      'POST /data_attributes',
      'POST /contacts',
    ])
    expect(r.sent.filter((x) => x.path === '/data_attributes').map((x) => x.body)).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'seats', model: 'contact', data_type: 'integer' },
    ])
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      requests: 5,
      warnings: [
        { code: 'attribute_created', path: 'custom_attributes.plan' },
        { code: 'attribute_created', path: 'custom_attributes.seats' },
      ],
    })
    expect(emulator.state.contacts[0]?.custom_attributes).toEqual({ plan: 'pro', seats: 3 })
  })

  it("by default ('drop'), sends the write again without each one, warned at its input path", () => {
    const emulator = createIntercomEmulator({
      dataAttributes: [{ name: 'seats', model: 'contact', data_type: 'integer' }],
    })
    const paths = { plan: 'traits.plan', seats: 'traits.seats' }
    const r = runStep(emulator, (c) => write(c, create, 'contact', [], paths))
    expect(r.requests).toEqual(['POST /contacts', 'POST /contacts'])
    expect(r.sent[1]?.body).toEqual({
      role: 'user',
      external_id: 'u1',
      custom_attributes: { seats: 3 },
    })
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      warnings: [{ code: 'dropped_attribute', path: 'traits.plan' }],
    })
    expect(emulator.state.contacts[0]?.custom_attributes).toEqual({ seats: 3 })
  })

  it('drops custom_attributes altogether when none is left', () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) => write(c, create, 'contact'))
    expect(r.sent.at(-1)?.body).toEqual({ role: 'user', external_id: 'u1' })
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      warnings: [
        { code: 'dropped_attribute', path: 'custom_attributes.plan' },
        { code: 'dropped_attribute', path: 'custom_attributes.seats' },
      ],
    })
  })

  it('knownAttributes: handles the attributes it does not list before sending', () => {
    const emulator = createIntercomEmulator({
      dataAttributes: [{ name: 'seats', model: 'contact', data_type: 'integer' }],
    })
    const known = { knownAttributes: { contact: new Set(['seats']) } }
    const r = runStep(emulator, (c) => write(c, create, 'contact'), SETTINGS, known)
    expect(r.requests).toEqual(['POST /contacts'])
    expect(r.outcome).toMatchObject({
      status: 'delivered',
      requests: 1,
      warnings: [{ code: 'dropped_attribute', path: 'custom_attributes.plan' }],
    })
    expect(r.sent[0]?.body).toEqual({
      role: 'user',
      external_id: 'u1',
      custom_attributes: { seats: 3 },
    })
  })

  it('passes the statuses the caller handles through untouched', () => {
    const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
    runStep(emulator, (c) => write(c, create, 'contact'))
    const r = runStep(emulator, (c) => write(c, create, 'contact', [409]))
    expect(r.value).toMatchObject({ status: 409 })
    expect(r.outcome.status).toBe('delivered')
  })
})

describe('missingAttribute and inferDataType', () => {
  it("read Intercom's error and the value's type", () => {
    const body = {
      type: 'error.list',
      errors: [{ code: 'parameter_invalid', message: "Custom attribute 'x_y' does not exist" }],
    }
    expect(missingAttribute(400, body)).toBe('x_y')
    expect(missingAttribute(500, body)).toBeUndefined()
    expect(missingAttribute(400, { errors: [{ message: 'Other' }] })).toBeUndefined()
    expect(
      [true, 1, 1.5, 'a'].map((v) => inferDataType('n', v)).concat(inferDataType('paid_at', 1)),
    ).toEqual(['boolean', 'integer', 'float', 'string', 'date'])
  })
})
