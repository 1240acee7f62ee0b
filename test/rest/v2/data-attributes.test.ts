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
  it('fails attribute_not_found naming the first unknown attribute, by default', () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) => write(c, create, 'contact'))
    expect(r.outcome).toMatchObject({
      status: 'failed',
      code: 'attribute_not_found',
      errors: [{ attribute: 'plan', model: 'contact' }],
    })
    expect(emulator.state.contacts).toEqual([])
  })

  it('with createMissingAttributes, creates each one typed from its value and writes again', () => {
    const emulator = createIntercomEmulator()
    const r = runStep(emulator, (c) => write(c, create, 'contact'), {
      ...SETTINGS,
      createMissingAttributes: true,
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
