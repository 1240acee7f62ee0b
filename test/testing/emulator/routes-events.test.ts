import { describe, expect, it } from 'vitest'
import { firstError, setup } from './helpers.js'

function withUser(options = {}) {
  const env = setup(options)
  env.v2('POST', '/contacts', { external_id: 'u1', email: 'ann@example.com' })
  env.v2('POST', '/contacts', { role: 'lead', email: 'lead@example.com' })
  return env
}

const event = (extra: Record<string, unknown> = {}) => ({
  event_name: 'Order Completed',
  created_at: 1_767_225_600,
  user_id: 'u1',
  ...extra,
})

describe('POST /events', () => {
  it('answers 202 with no body and stores the event', () => {
    const { v2, intercom } = withUser()
    const response = v2('POST', '/events', event({ metadata: { order_id: 'o1', total: 12.5 } }))
    expect(response.status).toBe(202)
    expect(response).not.toHaveProperty('body')
    expect(intercom.state.events).toEqual([
      {
        event_name: 'Order Completed',
        created_at: 1_767_225_600,
        contactId: '6a00c0000000000000000001',
        metadata: { order_id: 'o1', total: 12.5 },
      },
    ])
    expect(intercom.state.eventNames).toEqual(['Order Completed'])
  })

  it('identifies the contact by user_id, Intercom id or email', () => {
    const { v2, intercom } = withUser()
    expect(
      v2('POST', '/events', event({ user_id: undefined, id: '6a00c0000000000000000002' })).status,
    ).toBe(202)
    expect(
      v2('POST', '/events', event({ user_id: undefined, email: 'ANN@example.com', created_at: 2 }))
        .status,
    ).toBe(202)
    expect(intercom.state.events.map((e) => e.contactId)).toEqual([
      '6a00c0000000000000000002',
      '6a00c0000000000000000001',
    ])
  })

  it('answers 404 not_found when the contact does not exist', () => {
    const { v2, intercom } = withUser()
    for (const who of [
      { user_id: 'ghost' },
      { user_id: undefined, id: 'ghost' },
      { user_id: undefined, email: 'ghost@example.com' },
      // Email identifies users, not leads.
      { user_id: undefined, email: 'lead@example.com' },
    ]) {
      const response = v2('POST', '/events', event(who))
      expect(response.status).toBe(404)
      expect(firstError(response)).toEqual({ code: 'not_found', message: 'User Not Found' })
    }
    expect(intercom.state.events).toEqual([])
    expect(intercom.state.eventNames).toEqual([])
  })

  it('needs event_name, created_at (an integer) and an identifier', () => {
    const { v2 } = withUser()
    for (const [body, code, field] of [
      [event({ event_name: undefined }), 'parameter_not_found', 'event_name'],
      [event({ event_name: '  ' }), 'parameter_not_found', 'event_name'],
      [event({ created_at: undefined }), 'parameter_not_found', 'created_at'],
      [event({ created_at: '2026-01-01' }), 'parameter_invalid', 'created_at'],
      [event({ created_at: 1.5 }), 'parameter_invalid', 'created_at'],
      [event({ user_id: undefined }), 'parameter_not_found', 'user_id'],
      [event({ event_name: 5 }), 'parameter_invalid', 'event_name'],
      [event({ extra: 1 }), 'parameter_invalid', 'extra'],
    ] as const) {
      const response = v2('POST', '/events', body)
      expect(response.status).toBe(400)
      expect(firstError(response)).toMatchObject({ code, field })
    }
    expect(firstError(v2('POST', '/events')).code).toBe('parameter_not_found')
  })

  it('refuses a new event name beyond the limit, with Intercom’s wording', () => {
    const eventNames = Array.from({ length: 119 }, (_, i) => `event ${i}`)
    const { v2, intercom } = withUser({ eventNames })
    expect(v2('POST', '/events', event({ event_name: 'number 120' })).status).toBe(202)
    const response = v2('POST', '/events', event({ event_name: 'number 121' }))
    expect(response.status).toBe(400)
    expect(firstError(response)).toEqual({
      code: 'parameter_invalid',
      message: 'Cannot have more than 120 active event names',
      field: 'event_name',
    })
    // Names already active still work, compared case-insensitively.
    expect(v2('POST', '/events', event({ event_name: 'EVENT 7' })).status).toBe(202)
    expect(v2('POST', '/events', event({ event_name: 'Number 120', created_at: 5 })).status).toBe(
      202,
    )
    expect(intercom.state.eventNames).toHaveLength(120)
    expect(intercom.state.eventNames.at(-1)).toBe('number 120')
  })

  it('uses the configured maxEventNames in the message', () => {
    const { v2 } = withUser({ maxEventNames: 2, eventNames: ['a', 'b'] })
    expect(firstError(v2('POST', '/events', event({ event_name: 'c' }))).message).toBe(
      'Cannot have more than 2 active event names',
    )
  })

  it('accepts flat metadata: scalars, rich links and prices', () => {
    const { v2, intercom } = withUser()
    const metadata = {
      text: 'x',
      count: 3,
      flag: true,
      nothing: null,
      paid_date: 1_700_000_000,
      article: { url: 'https://example.com/a', value: 'The article' },
      price: { amount: 34_999, currency: 'eur' },
    }
    expect(v2('POST', '/events', event({ metadata })).status).toBe(202)
    expect(intercom.state.events[0]?.metadata).toEqual(metadata)
  })

  it.each([
    [{ nested: { a: 1 } }, 'metadata.nested'],
    [{ list: [1, 2] }, 'metadata.list'],
    [{ price: { amount: 19.99, currency: 'usd' } }, 'metadata.price'],
    [{ price: { amount: 1999 } }, 'metadata.price'],
    [{ link: { url: 'https://x', value: 3 } }, 'metadata.link'],
    [{ link: { url: 'https://x', value: 'v', extra: 1 } }, 'metadata.link'],
  ])('refuses metadata %j', (metadata, field) => {
    const { v2, intercom } = withUser()
    const response = v2('POST', '/events', event({ metadata }))
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code: 'parameter_invalid', field })
    expect(intercom.state.events).toEqual([])
  })

  it('refuses metadata that is not an object', () => {
    const { v2 } = withUser()
    expect(firstError(v2('POST', '/events', event({ metadata: 'x' })))).toMatchObject({
      field: 'metadata',
    })
    expect(v2('POST', '/events', event({ metadata: null })).status).toBe(202)
  })

  it('keeps only the first 10 metadata keys, as Intercom documents', () => {
    const { v2, intercom } = withUser()
    const metadata = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]))
    expect(v2('POST', '/events', event({ metadata })).status).toBe(202)
    expect(Object.keys(intercom.state.events[0]?.metadata ?? {})).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${i}`),
    )
  })

  it('ignores an exact duplicate (same contact, name and created_at)', () => {
    const { v2, intercom } = withUser()
    expect(v2('POST', '/events', event()).status).toBe(202)
    expect(v2('POST', '/events', event({ metadata: { a: 1 } })).status).toBe(202)
    expect(v2('POST', '/events', event({ created_at: 1_767_225_601 })).status).toBe(202)
    expect(intercom.state.events.map((e) => e.created_at)).toEqual([1_767_225_600, 1_767_225_601])
  })

  it('behaves the same under 1.4', () => {
    const { v14, intercom } = setup()
    v14('POST', '/users', { user_id: 'u1' })
    expect(v14('POST', '/events', event()).status).toBe(202)
    expect(v14('POST', '/events', event({ user_id: 'ghost' })).status).toBe(404)
    expect(intercom.state.events).toHaveLength(1)
  })
})
