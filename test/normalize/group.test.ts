import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/normalize/normalize.js'

const T = '2020-01-01T00:00:00Z'
const T_S = 1577836800

function group(event: Record<string, unknown>) {
  const r = normalize({ type: 'group', timestamp: T, ...event })
  if (r.status !== 'normalized' || r.event.type !== 'group') throw new Error(r.status)
  return { event: r.event, warnings: r.warnings.map((w) => [w.code, w.path]) }
}

describe('group', () => {
  it("maps the seed's example: groupId → company_id, traits.name → name", () => {
    expect(group({ userId: 'u1', groupId: 'companyId123', traits: { name: 'Segment' } })).toEqual({
      event: {
        type: 'group',
        active: true,
        user: { userId: 'u1' },
        options: {},
        optionPaths: {},
        timestamp: T_S,
        company: {
          companyId: 'companyId123',
          name: 'Segment',
          customAttributes: {},
          remove: false,
          path: 'traits',
        },
        lastSeenAt: T_S,
      },
      warnings: [],
    })
  })

  it('maps plan, monthly_spend, createdAt, employees, website, industry; the rest is custom', () => {
    const { event, warnings } = group({
      userId: 'u1',
      groupId: 'g1',
      traits: {
        name: 'Acme',
        plan: 'Enterprise',
        monthly_spend: 500,
        createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
        employees: 12,
        website: 'https://acme.example',
        industry: 'Anvils',
        email: 'billing@acme.example',
        address: { city: 'Paris' },
      },
    })
    expect(event.company).toEqual({
      companyId: 'g1',
      name: 'Acme',
      plan: 'Enterprise',
      monthlySpend: 500,
      createdAt: 1522086291,
      size: 12,
      website: 'https://acme.example',
      industry: 'Anvils',
      customAttributes: { email: 'billing@acme.example', address_city: 'Paris' },
      attributePaths: { email: 'traits.email', address_city: 'traits.address.city' },
      inputKeys: { size: 'employees' },
      remove: false,
      path: 'traits',
    })
    expect(warnings).toEqual([['flattened', 'traits.address.city']])
  })

  it('uses the groupId over traits.id, warned', () => {
    const { event, warnings } = group({ userId: 'u1', groupId: 'g1', traits: { id: 'g2' } })
    expect(event.company.companyId).toBe('g1')
    expect(warnings).toEqual([['superseded', 'traits.id']])
  })

  it('uses the converted groupId when it was a number', () => {
    const r = normalize({ type: 'group', groupId: 42, userId: 'u1', timestamp: T })
    expect(r.status === 'normalized' && r.event.type === 'group' && r.event.company.companyId).toBe(
      '42',
    )
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['converted', 'groupId']])
  })

  it('needs no traits', () => {
    expect(group({ userId: 'u1', groupId: 'g1' }).event.company).toEqual({
      companyId: 'g1',
      customAttributes: {},
      remove: false,
      path: 'traits',
    })
  })

  it('has no user and no last-seen without userId or email', () => {
    const { event, warnings } = group({
      groupId: 'g1',
      anonymousId: 'a1',
      traits: { name: 'Acme' },
    })
    expect(event.user).toEqual({ anonymousId: 'a1' })
    expect(event).not.toHaveProperty('lastSeenAt')
    expect(warnings).toEqual([])
  })

  it('does not take the user email from group traits', () => {
    expect(group({ groupId: 'g1', traits: { email: 'billing@acme.example' } }).event.user).toEqual(
      {},
    )
  })

  it('reads remove: true as detaching the user', () => {
    const { event, warnings } = group({ userId: 'u1', groupId: 'g1', traits: { remove: true } })
    expect(event.company.remove).toBe(true)
    expect(warnings).toEqual([])
  })

  it('ignores remove: true without a user, warned', () => {
    const { event, warnings } = group({ groupId: 'g1', traits: { name: 'Acme', remove: true } })
    expect(event.company.remove).toBe(false)
    expect(warnings).toEqual([['dropped_value', 'traits.remove']])
  })

  it('has no last-seen with context.active === false', () => {
    expect(
      group({ userId: 'u1', groupId: 'g1', context: { active: false } }).event,
    ).not.toHaveProperty('lastSeenAt')
  })
})
