import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { orderForDelivery } from '../../src/index.js'

describe('orderForDelivery', () => {
  const id = (u: string) => ({ type: 'identify', userId: u })
  const tr = (u: string) => ({ type: 'track', userId: u, event: 'E' })

  it("moves a user's first identify before their earlier calls, keeping everything else in order", () => {
    const a = tr('a')
    const b = tr('b')
    const ia = id('a')
    const g = { type: 'group', userId: 'a', groupId: 'g' }
    const input = [a, b, g, ia]
    expect(orderForDelivery(input)).toEqual([ia, a, b, g])
    expect(input).toEqual([a, b, g, ia]) // not modified
  })

  it('groups users as deliverAll’s lanes do: userId, else email (any case), numeric ids', () => {
    const ie = { type: 'identify', traits: { email: 'Ann@Example.com' } }
    const te = { type: 'track', event: 'E', properties: { email: 'ann@example.com' } }
    const ge = { type: 'group', groupId: 'g', context: { traits: { email: 'ANN@example.com' } } }
    expect(orderForDelivery([te, ge, ie])).toEqual([ie, te, ge])
    const n = { type: 'track', userId: 7, event: 'E' }
    const i7 = { type: 'identify', userId: '7' }
    expect(orderForDelivery([n, i7])).toEqual([i7, n])
    // A userId wins over an email: another user's identify with the same email is not moved.
    const other = { type: 'identify', userId: 'bob', traits: { email: 'ann@example.com' } }
    expect(orderForDelivery([te, other])).toEqual([te, other])
    // Group traits describe the company, not the user (the library's identity rule).
    const companyEmail = { type: 'group', groupId: 'g', traits: { email: 'ann@example.com' } }
    expect(orderForDelivery([companyEmail, ie])).toEqual([companyEmail, ie])
  })

  it('is a permutation, and every identify precedes the same user’s other calls', () => {
    const event = fc
      .tuple(fc.constantFrom('identify', 'track', 'group'), fc.constantFrom('a', 'b', 'c'))
      .map(([type, userId]) => ({ type, userId }))
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        const out = orderForDelivery(events)
        expect([...out].sort(cmp)).toEqual([...events].sort(cmp))
        for (const user of ['a', 'b', 'c']) {
          const first = out.findIndex((e) => e.userId === user)
          if (events.some((e) => e.userId === user && e.type === 'identify')) {
            expect(out[first]?.type).toBe('identify')
          }
        }
      }),
    )
  })
})

const cmp = (x: { type: string; userId: string }, y: { type: string; userId: string }) =>
  `${x.type}${x.userId}`.localeCompare(`${y.type}${y.userId}`)
