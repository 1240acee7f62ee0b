import { describe, expect, it } from 'vitest'
import { writeCompanyFields } from '../src/company-fields.js'
import { COMPANY_FIELDS } from '../src/intercom/attribute-names.js'
import type { NormalizedCompany } from '../src/normalize/model.js'

const full: NormalizedCompany = {
  companyId: 'c1',
  name: 'Acme',
  createdAt: 1522086291,
  plan: 'pro',
  monthlySpend: 10,
  size: 50,
  website: 'https://acme.example',
  industry: 'Anvils',
  customAttributes: { tier: 'gold' },
  remove: false,
  path: 'traits',
}

describe('writeCompanyFields', () => {
  it("writes every standard field under Intercom's key, in one order, and no custom attribute", () => {
    const rest: Record<string, unknown> = {}
    writeCompanyFields(rest, full, 'remote_created_at')
    expect(Object.entries(rest)).toEqual([
      ['company_id', 'c1'],
      ['name', 'Acme'],
      ['remote_created_at', 1522086291],
      ['plan', 'pro'],
      ['monthly_spend', 10],
      ['size', 50],
      ['website', 'https://acme.example'],
      ['industry', 'Anvils'],
    ])
  })

  it('names the creation time as the target asks and leaves absent fields out', () => {
    const web: Record<string, unknown> = {}
    const { name: _name, plan: _plan, ...partial } = full
    writeCompanyFields(web, partial, 'created_at')
    expect(web).toEqual({
      company_id: 'c1',
      created_at: 1522086291,
      monthly_spend: 10,
      size: 50,
      website: 'https://acme.example',
      industry: 'Anvils',
    })
  })

  it('writes exactly the COMPANY_FIELDS that have a model field, in the table order', () => {
    const expected: [string, unknown][] = []
    for (const key in COMPANY_FIELDS) {
      const model = COMPANY_FIELDS[key]?.model as keyof NormalizedCompany | null | undefined
      if (model != null) expected.push([key, full[model]])
    }
    expect(expected.length).toBeGreaterThan(0)
    const out: Record<string, unknown> = {}
    writeCompanyFields(out, full, 'remote_created_at')
    expect(Object.entries(out)).toEqual(expected)
  })
})
