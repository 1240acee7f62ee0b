import { describe, expect, it } from 'vitest'
import { companyIdFromName, normalizeCompany } from '../../src/normalize/company.js'
import type { NormalizeContext } from '../../src/normalize/context.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'
import type { ResolvedSettings } from '../../src/settings/types.js'

function company(input: unknown, companyId?: string, settings: Partial<ResolvedSettings> = {}) {
  const ctx: NormalizeContext = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    warnings: [],
    now: undefined,
  }
  const c = normalizeCompany(input, 'traits.company', ctx, companyId)
  return { company: c, warnings: ctx.warnings.map((w) => [w.code, w.path]) }
}

const empty = { customAttributes: {}, remove: false, path: 'traits.company' }

describe('company given as a name', () => {
  it('derives company_id from the string-hash of the name ("Segment" → "2017828326")', () => {
    expect(companyIdFromName('Segment')).toBe('2017828326')
    expect(company('Segment')).toEqual({
      company: { companyId: '2017828326', name: 'Segment', ...empty },
      warnings: [],
    })
  })

  it('is stable and distinguishes names', () => {
    expect(companyIdFromName('Iñigo & Friends Holding Company')).toBe(
      companyIdFromName('Iñigo & Friends Holding Company'),
    )
    expect(companyIdFromName('Segment')).not.toBe(companyIdFromName('segment'))
    expect(companyIdFromName('')).toBe('5381')
  })

  it('hashes the full name even when the name sent is truncated', () => {
    const name = 'N'.repeat(300)
    const r = company(name)
    expect(r.company?.companyId).toBe(companyIdFromName(name))
    expect(r.company?.name).toBe('N'.repeat(255))
    expect(r.warnings).toEqual([['truncated', 'traits.company']])
  })

  it('drops an empty or blank name, warned', () => {
    expect(company('')).toEqual({
      company: undefined,
      warnings: [['dropped_company', 'traits.company']],
    })
    expect(company('   ')).toEqual({
      company: undefined,
      warnings: [['dropped_company', 'traits.company']],
    })
  })
})

describe('company given as an object', () => {
  it('maps every standard field and sends the rest as custom attributes', () => {
    expect(
      company({
        id: 'c1',
        name: 'Acme',
        createdAt: '2018-03-26T17:44:51Z',
        plan: 'Enterprise',
        monthlySpend: 1200,
        employees: 50,
        website: 'https://acme.example',
        industry: 'Anvils',
        region: 'EMEA',
        founded: 1999,
      }),
    ).toEqual({
      company: {
        companyId: 'c1',
        name: 'Acme',
        createdAt: 1522086291,
        plan: 'Enterprise',
        monthlySpend: 1200,
        size: 50,
        website: 'https://acme.example',
        industry: 'Anvils',
        customAttributes: { region: 'EMEA', founded: 1999 },
        attributePaths: { region: 'traits.company.region', founded: 'traits.company.founded' },
        inputKeys: { size: 'employees' },
        remove: false,
        path: 'traits.company',
      },
      warnings: [],
    })
  })

  it('accepts the snake_case spellings company_id, created_at, monthly_spend and size', () => {
    expect(
      company({ company_id: 'c1', created_at: 1522086291, monthly_spend: 10, size: 3 }).company,
    ).toEqual({ companyId: 'c1', createdAt: 1522086291, monthlySpend: 10, size: 3, ...empty })
  })

  it('warns about a second spelling of the same field', () => {
    const r = company({
      id: 'a',
      company_id: 'b',
      monthlySpend: 1,
      monthly_spend: 2,
      employees: 3,
      size: 4,
    })
    expect(r.company).toMatchObject({ companyId: 'a', monthlySpend: 1, size: 3 })
    expect(r.warnings).toEqual([
      ['superseded', 'traits.company.company_id'],
      ['superseded', 'traits.company.monthly_spend'],
      ['superseded', 'traits.company.size'],
    ])
  })

  it('sends a numeric id as text, warned (the seed sends id: 12345)', () => {
    expect(company({ id: 12345, remove: true })).toEqual({
      company: { companyId: '12345', customAttributes: {}, remove: true, path: 'traits.company' },
      warnings: [['converted', 'traits.company.id']],
    })
  })

  it('derives the id from the name when there is no id', () => {
    expect(company({ name: 'Segment', plan: 'pro' }).company).toEqual({
      companyId: '2017828326',
      name: 'Segment',
      plan: 'pro',
      ...empty,
    })
  })

  it('drops a company with neither id nor name, warned', () => {
    expect(company({ plan: 'pro' })).toEqual({
      company: undefined,
      warnings: [['dropped_company', 'traits.company']],
    })
    expect(company({ id: '', name: ' ' }).company).toBeUndefined()
  })

  it('drops values that are not objects or names, warned', () => {
    for (const bad of [null, 42, ['Segment'], true]) {
      expect(company(bad)).toEqual({
        company: undefined,
        warnings: [['dropped_company', 'traits.company']],
      })
    }
  })

  it('reads remove: true as detach and warns about a non-boolean remove', () => {
    expect(company({ id: 'c1', remove: true }).company?.remove).toBe(true)
    expect(company({ id: 'c1', remove: false })).toEqual({
      company: { companyId: 'c1', ...empty },
      warnings: [],
    })
    expect(company({ id: 'c1', remove: 'yes' })).toEqual({
      company: { companyId: 'c1', ...empty },
      warnings: [['dropped_value', 'traits.company.remove']],
    })
  })

  it('rounds monthly spend to an integer (Intercom stores one), warned', () => {
    expect(company({ id: 'c1', monthlySpend: 99.6 })).toEqual({
      company: { companyId: 'c1', monthlySpend: 100, ...empty },
      warnings: [['converted', 'traits.company.monthlySpend']],
    })
    expect(company({ id: 'c1', monthly_spend: '250' })).toEqual({
      company: { companyId: 'c1', monthlySpend: 250, ...empty },
      warnings: [['converted', 'traits.company.monthly_spend']],
    })
  })

  it("drops a monthly spend beyond Intercom's 32-bit limit or not numeric, warned", () => {
    expect(company({ id: 'c1', monthlySpend: 2 ** 31 - 1 }).company?.monthlySpend).toBe(2 ** 31 - 1)
    for (const bad of [2 ** 31, 'lots', Number.NaN, null, '']) {
      expect(company({ id: 'c1', monthlySpend: bad })).toEqual({
        company: { companyId: 'c1', ...empty },
        warnings: [['dropped_value', 'traits.company.monthlySpend']],
      })
    }
  })

  it('drops an unparseable createdAt, warned', () => {
    expect(company({ id: 'c1', createdAt: 'founding day' })).toEqual({
      company: { companyId: 'c1', ...empty },
      warnings: [['invalid_date', 'traits.company.createdAt']],
    })
  })

  it('converts numeric text fields and drops non-text ones, warned', () => {
    const r = company({ id: 'c1', plan: 3, industry: { a: 1 }, website: null })
    expect(r.company).toEqual({ companyId: 'c1', plan: '3', ...empty })
    expect(r.warnings).toEqual([
      ['converted', 'traits.company.plan'],
      ['dropped_value', 'traits.company.industry'],
      ['dropped_value', 'traits.company.website'],
    ])
  })

  it('drops a null custom attribute (company attributes take no null), warned', () => {
    expect(company({ id: 'c1', region: null, tier: 'gold' })).toEqual({
      company: {
        companyId: 'c1',
        ...empty,
        customAttributes: { tier: 'gold' },
        attributePaths: { tier: 'traits.company.tier' },
      },
      warnings: [['dropped_value', 'traits.company.region']],
    })
  })

  // Defect (issue 8): every sink that was not a contact attribute was treated as event
  // metadata, so a company's boolean custom attribute was sent as the text "true".
  it('keeps a boolean custom attribute a boolean (only event metadata turns booleans into text)', () => {
    expect(company({ id: 'c1', enterprise: true, churned: false })).toEqual({
      company: {
        companyId: 'c1',
        ...empty,
        customAttributes: { enterprise: true, churned: false },
        attributePaths: {
          enterprise: 'traits.company.enterprise',
          churned: 'traits.company.churned',
        },
      },
      warnings: [],
    })
  })

  it('applies the custom-attribute rules to the other keys', () => {
    const r = company({
      id: 'c1',
      hq: { city: 'Paris' },
      'tier.level': 'gold',
      summary: 'n'.repeat(256),
    })
    expect(r.company?.customAttributes).toEqual({
      hq_city: 'Paris',
      tier_level: 'gold',
      summary: 'n'.repeat(255),
    })
    expect(r.warnings).toEqual([
      ['flattened', 'traits.company.hq.city'],
      ['renamed_key', 'traits.company.tier.level'],
      ['truncated', 'traits.company.summary'],
    ])
  })
})

describe('company of a group (companyId given)', () => {
  it('uses the groupId and warns about an id in the traits', () => {
    expect(company({ id: 'other', name: 'Segment' }, 'companyId123')).toEqual({
      company: { companyId: 'companyId123', name: 'Segment', ...empty },
      warnings: [['superseded', 'traits.company.id']],
    })
  })

  it('needs no name', () => {
    expect(company({}, 'g1')).toEqual({ company: { companyId: 'g1', ...empty }, warnings: [] })
  })
})
