import { describe, expect, it } from 'vitest'
import { bodyOf, firstError, setup } from './helpers.js'

describe('GET /data_attributes', () => {
  it('lists custom attributes, filtered by model', () => {
    const { v2 } = setup({
      dataAttributes: [
        { name: 'plan', model: 'contact', data_type: 'string' },
        { name: 'tier', model: 'company', data_type: 'integer' },
      ],
    })
    const contact = bodyOf(v2('GET', '/data_attributes?model=contact'))
    expect(contact).toEqual({
      type: 'list',
      data: [
        {
          type: 'data_attribute',
          id: 1,
          model: 'contact',
          name: 'plan',
          full_name: 'custom_attributes.plan',
          label: 'plan',
          data_type: 'string',
          api_writable: true,
          ui_writable: false,
          messenger_writable: false,
          custom: true,
          archived: false,
          created_at: Date.UTC(2026, 0, 1) / 1000,
          updated_at: Date.UTC(2026, 0, 1) / 1000,
        },
      ],
    })
    const company = bodyOf(v2('GET', '/data_attributes?model=company'))
    expect((company.data as { name: string }[]).map((a) => a.name)).toEqual(['tier'])
    expect((bodyOf(v2('GET', '/data_attributes')).data as unknown[]).length).toBe(2)
  })

  it('refuses an unknown model (422 for conversation, as Intercom)', () => {
    const { v2 } = setup()
    expect(v2('GET', '/data_attributes?model=user').status).toBe(400)
    const conversation = v2('GET', '/data_attributes?model=conversation')
    expect(conversation.status).toBe(422)
    expect(firstError(conversation).code).toBe('parameter_invalid')
  })
})

describe('POST /data_attributes', () => {
  it('creates an attribute that writes may use at once', () => {
    const { v2, intercom } = setup()
    const response = v2('POST', '/data_attributes', {
      name: 'Mithril Shirt',
      model: 'contact',
      data_type: 'boolean',
      description: 'Worn under the jacket',
      messenger_writable: true,
    })
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toMatchObject({
      type: 'data_attribute',
      id: 1,
      name: 'Mithril Shirt',
      full_name: 'custom_attributes.Mithril Shirt',
      model: 'contact',
      data_type: 'boolean',
      description: 'Worn under the jacket',
      messenger_writable: true,
      custom: true,
    })
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'Mithril Shirt', model: 'contact', data_type: 'boolean' },
    ])
    const contact = v2('POST', '/contacts', {
      external_id: 'u1',
      custom_attributes: { 'Mithril Shirt': true },
    })
    expect(contact.status).toBe(200)
  })

  it('refuses a name the model already has, with Intercom’s wording', () => {
    const { v2 } = setup()
    v2('POST', '/data_attributes', { name: 'tier', model: 'company', data_type: 'string' })
    const again = v2('POST', '/data_attributes', {
      name: 'tier',
      model: 'company',
      data_type: 'integer',
    })
    expect(again.status).toBe(400)
    expect(firstError(again)).toEqual({
      code: 'parameter_invalid',
      message:
        "You already have 'tier' in your company data. To save this as new company data, use a different name.",
      field: 'name',
    })
    v2('POST', '/data_attributes', { name: 'plan', model: 'contact', data_type: 'string' })
    expect(
      firstError(
        v2('POST', '/data_attributes', { name: 'plan', model: 'contact', data_type: 'string' }),
      ).message,
    ).toBe(
      "You already have 'plan' in your people data. To save this as new people data, use a different name.",
    )
    // The same name on the other model is a different attribute.
    expect(
      v2('POST', '/data_attributes', { name: 'tier', model: 'contact', data_type: 'string' })
        .status,
    ).toBe(200)
  })

  it.each([
    [{ model: 'contact', data_type: 'string' }, 'parameter_not_found', 'name'],
    [{ name: 'x', model: 'user', data_type: 'string' }, 'parameter_invalid', 'model'],
    [{ name: 'x', data_type: 'string' }, 'parameter_invalid', 'model'],
    [{ name: 'x', model: 'contact', data_type: 'options' }, 'parameter_invalid', 'data_type'],
    [{ name: 'x', model: 'contact' }, 'parameter_invalid', 'data_type'],
    [{ name: 'a.b', model: 'contact', data_type: 'string' }, 'parameter_invalid', 'name'],
    [{ name: 'x', model: 'contact', data_type: 'string', extra: 1 }, 'parameter_invalid', 'extra'],
    [
      { name: 'x', model: 'contact', data_type: 'string', description: 1 },
      'parameter_invalid',
      'description',
    ],
  ])('refuses %j', (body, code, field) => {
    const { v2, intercom } = setup()
    const response = v2('POST', '/data_attributes', body)
    expect(response.status).toBe(400)
    expect(firstError(response)).toMatchObject({ code, field })
    expect(intercom.state.dataAttributes).toEqual([])
  })

  it('refuses the 251st custom attribute', () => {
    const dataAttributes = Array.from({ length: 250 }, (_, i) => ({
      name: `a${i}`,
      model: 'company' as const,
      data_type: 'string' as const,
    }))
    const { v2 } = setup({ dataAttributes })
    const response = v2('POST', '/data_attributes', {
      name: 'z',
      model: 'contact',
      data_type: 'string',
    })
    expect(response.status).toBe(400)
    expect(firstError(response).message).toContain('250')
  })

  it('does not exist under 1.x', () => {
    const { v14 } = setup()
    expect(v14('GET', '/data_attributes').status).toBe(404)
    expect(
      v14('POST', '/data_attributes', { name: 'x', model: 'contact', data_type: 'string' }).status,
    ).toBe(404)
  })
})
