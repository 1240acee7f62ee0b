// normalize() at the edges of its field rules: invalid or absent values leave no trace in
// the model (no `undefined` fields), two spellings of one field, names and ids of companies,
// date-named keys, the blank-key rule. Through normalize(), the entry point every target uses.
import { describe, expect, it } from 'vitest'
import { type MapOptions, normalize, type Settings, type Warning } from '../../src/index.js'
import { stringHash } from '../../src/normalize/string-hash.js'

const NOW = Date.parse('2026-03-02T10:00:00.000Z')

function run(event: Record<string, unknown>, settings?: Settings) {
  const options: MapOptions = { now: NOW, ...(settings ? { settings } : {}) }
  const r = normalize({ userId: 'u1', ...event }, options)
  if (r.status !== 'normalized') throw new Error(`not normalized: ${JSON.stringify(r)}`)
  return r
}
const identify = (traits: Record<string, unknown>, settings?: Settings) =>
  run({ type: 'identify', traits }, settings)
const codes = (warnings: readonly Warning[]) => warnings.map((w) => `${w.code} ${w.path}`)
const only = (event: unknown) => JSON.parse(JSON.stringify(event))

describe('the normalized model holds only JSON values', () => {
  it.each([
    [
      'identify with wrongly typed standard traits',
      { type: 'identify', traits: { name: 5, phone: {}, avatar: [], email: 3 } },
    ],
    ['identify with blank context fields', { type: 'identify', context: { ip: '', userAgent: 7 } }],
    [
      'identify without a userId',
      { type: 'identify', userId: undefined, traits: { email: 'e@x.io' } },
    ],
    [
      'identify with an anonymousId only',
      { type: 'identify', userId: undefined, anonymousId: 'a1' },
    ],
    [
      'companies with every field wrongly typed',
      {
        type: 'identify',
        traits: {
          company: {
            id: {},
            name: 'N',
            plan: {},
            monthly_spend: 'x',
            size: [],
            website: null,
            industry: true,
          },
          companies: [{ name: 'M', createdAt: 'not a date', employees: 'many' }],
        },
      },
    ],
    [
      'track with a rich link whose value is dropped',
      { type: 'track', event: 'E', properties: { link: { url: 'u', value: 'v'.repeat(300) } } },
    ],
  ])('%s', (_name, event) => {
    const settings: Settings = { longValues: 'drop', richLinkProperties: ['link'] }
    const r = run(event as Record<string, unknown>, settings)
    expect(r.event).toStrictEqual(only(r.event))
  })

  it('stringified values dropped as too long leave no key', () => {
    const r = identify(
      { blob: { text: 'x'.repeat(300) } },
      { nestedValues: 'stringify', longValues: 'drop' },
    )
    expect(r.event).toMatchObject({ customAttributes: {} })
    expect(r.event).toStrictEqual(only(r.event))
    expect(codes(r.warnings)).toEqual(['stringified traits.blob', 'dropped_long traits.blob'])
  })
})

describe('companies', () => {
  const company = (c: unknown, settings?: Settings) => {
    const r = identify({ company: c }, settings)
    return {
      company: r.event.type === 'identify' ? r.event.companies[0] : undefined,
      warnings: r.warnings,
    }
  }

  it('a blank or dropped name is no company', () => {
    expect(company('   ')).toMatchObject({
      company: undefined,
      warnings: [{ code: 'dropped_company' }],
    })
    const long = company('n'.repeat(300), { longValues: 'drop' })
    expect(long.company).toBeUndefined()
    expect(codes(long.warnings)).toEqual([
      'dropped_long traits.company',
      'dropped_company traits.company',
    ])
  })

  it('anything but an object or a name is dropped, saying so', () => {
    const r = company(42)
    expect(r.company).toBeUndefined()
    expect(r.warnings).toEqual([
      {
        code: 'dropped_company',
        path: 'traits.company',
        message: 'A company must be an object or a name, got number; dropped',
      },
    ])
  })

  it('undefined fields are skipped without a warning', () => {
    expect(company({ id: 'c1', name: undefined, plan: undefined, size: undefined })).toEqual({
      company: { companyId: 'c1', customAttributes: {}, remove: false, path: 'traits.company' },
      warnings: [],
    })
  })

  it('an unusable id falls back to the name, hashed as given before truncation', () => {
    const name = 'N'.repeat(300)
    const r = company({ id: {}, name })
    expect(r.company?.companyId).toBe(String(stringHash(name)))
    expect(r.company?.name).toHaveLength(255)
    expect(company({ id: '', name: 'Acme' }).company?.companyId).toBe(String(stringHash('Acme')))
  })

  it('a numeric name is text, and its text is hashed', () => {
    const r = company({ name: 42 })
    expect(r.company).toMatchObject({ name: '42', companyId: String(stringHash('42')) })
    expect(codes(r.warnings)).toEqual(['converted traits.company.name'])
  })

  it('text fields take text without a warning, numbers with one, NaN not at all', () => {
    expect(company({ id: 'c', plan: 'pro' })).toMatchObject({
      company: { plan: 'pro' },
      warnings: [],
    })
    const r = company({ id: 'c', plan: Number.NaN })
    expect(r.company).not.toHaveProperty('plan')
    expect(codes(r.warnings)).toEqual(['dropped_value traits.company.plan'])
  })

  it('the first of two spellings wins', () => {
    const r = company({
      id: 'c',
      createdAt: '2026-01-01T00:00:00Z',
      created_at: '2020-01-01T00:00:00Z',
    })
    expect(r.company?.createdAt).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000)
    expect(codes(r.warnings)).toEqual(['superseded traits.company.created_at'])
  })

  it('blank or non-numeric integers are dropped', () => {
    const r = company({ id: 'c', monthly_spend: '  ', size: {} })
    expect(r.company).not.toHaveProperty('monthlySpend')
    expect(r.company).not.toHaveProperty('size')
    expect(codes(r.warnings)).toEqual([
      'dropped_value traits.company.monthly_spend',
      'dropped_value traits.company.size',
    ])
    expect(company({ id: 'c', size: ' 12 ' }).company?.size).toBe(12)
  })
})

describe('identify traits', () => {
  it('undefined traits are skipped without a warning', () => {
    const r = identify({ name: undefined, plan: undefined, phone: '1' })
    expect(r.warnings).toEqual([])
    expect(r.event).toMatchObject({ phone: '1', customAttributes: {} })
  })

  it('a number in a text field is sent as its text, saying so (one text rule)', () => {
    const r = identify({ phone: 5551234, avatar: 7, email: 'e@x.io' })
    expect(r.event).toMatchObject({ phone: '5551234', avatar: '7' })
    expect(codes(r.warnings)).toEqual(['converted traits.phone', 'converted traits.avatar'])
    const nan = identify({ phone: Number.NaN })
    expect(nan.event).not.toHaveProperty('phone')
    expect(codes(nan.warnings)).toEqual(['dropped_value traits.phone'])
  })

  it('a name that is only spaces gives way to the first and last name, saying so', () => {
    const r = identify({ name: '   ', first_name: ' Ada ', lastName: 'Lovelace' })
    expect(r.event).toMatchObject({ name: 'Ada Lovelace' })
    expect(r.warnings).toEqual([
      {
        code: 'superseded',
        path: 'traits.name',
        message: 'Blank; the first and last name are used instead',
      },
    ])
    expect(identify({ name: '  ' }).event).toMatchObject({ name: '  ' })
  })

  it('a too-long first/last name is reported at the trait that has it', () => {
    const r = identify({ lastName: 'L'.repeat(300) }, { longValues: 'drop' })
    expect(r.event).not.toHaveProperty('name')
    expect(codes(r.warnings)).toEqual(['dropped_long traits.lastName'])
  })
})

describe('date-named keys', () => {
  const attrs = (traits: Record<string, unknown>) => {
    const r = identify(traits)
    return r.event.type === 'identify' ? r.event.customAttributes : {}
  }
  const T = '2026-03-02T10:00:00Z'
  const S = Date.parse(T) / 1000

  it('end in _at, At, _date or Date, at any length from three characters', () => {
    expect(attrs({ xAt: T, _at: T, _date: T, aDate: T })).toEqual({
      xAt: S,
      _at: S,
      _date: S,
      aDate: S,
    })
  })

  it('do not include words that merely end in at or date', () => {
    expect(attrs({ format: T, update: T, at: T })).toEqual({ format: T, update: T, at: T })
  })

  it('convert ISO 8601 basic-format dates (calendar and ordinal)', () => {
    expect(attrs({ renewed_at: '20260302', due_at: '2026302' })).toEqual({
      renewed_at: Date.UTC(2026, 2, 2) / 1000,
      due_at: Date.UTC(2026, 0, 302) / 1000,
    })
  })

  it('convert epoch milliseconds from ±1e11 on', () => {
    expect(attrs({ a_at: 1e11, b_at: -1e11, c_at: 1e11 - 1, d_at: -1e11 + 1, big: 1e11 })).toEqual({
      a_at: 1e8,
      b_at: -1e8,
      c_at: 1e11 - 1,
      d_at: -1e11 + 1,
      big: 1e11,
    })
  })
})

describe('values', () => {
  it('null is refused by company attributes and by event metadata, each saying so', () => {
    const c = identify({ company: { id: 'c', owner: null } })
    expect(c.warnings.map((w) => w.message)).toEqual(['Null is not a company value; dropped'])
    const t = run({ type: 'track', event: 'E', properties: { owner: null } })
    expect(t.warnings.map((w) => w.message)).toEqual(['Null is not a metadata value; dropped'])
  })

  it('a flattened value warns once per leaf, at its own input path', () => {
    const r = identify({ tags: [[1, 2], { a: [3] }] })
    expect(codes(r.warnings)).toEqual([
      'flattened traits.tags.0.0',
      'flattened traits.tags.0.1',
      'flattened traits.tags.1.a.0',
    ])
    expect(r.event).toMatchObject({ customAttributes: { tags_0_0: 1, tags_0_1: 2, tags_1_a_0: 3 } })
  })

  it('a key of Unicode spaces is blank too', () => {
    const r = identify({ '\u00a0': 1, '\u3000\u2003': 2, ' x': 3 })
    expect(r.event).toMatchObject({ customAttributes: { ' x': 3 } })
    expect(codes(r.warnings)).toEqual([
      'invalid_key traits.\u00a0',
      'invalid_key traits.\u3000\u2003',
    ])
  })
})
