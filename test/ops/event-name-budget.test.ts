import { describe, expect, it } from 'vitest'
import { createEventNameBudget, toRest } from '../../src/index.js'

describe('createEventNameBudget', () => {
  it('admits active names case-insensitively and new ones until 120', () => {
    const budget = createEventNameBudget(['Signed Up'])
    expect(budget.admit('signed up')).toBe(true)
    expect(budget.remaining).toBe(119)
    for (let i = 0; i < 119; i++) expect(budget.admit(`E${i}`)).toBe(true)
    expect(budget.remaining).toBe(0)
    expect(budget.admit('One Too Many')).toBe(false)
    expect(budget.admit('e7')).toBe(true)
    expect(budget.has('ONE TOO MANY')).toBe(false)
    expect(budget.names.size).toBe(120)
  })

  it('agrees with toRest given its names as knownEventNames', () => {
    const budget = createEventNameBudget(Array.from({ length: 120 }, (_, i) => `Event ${i}`))
    const e = (event: string) => ({ type: 'track', userId: 'u', event, timestamp: 1 })
    expect(toRest(e('event 3'), { knownEventNames: budget.names }).status).toBe('mapped')
    expect(toRest(e('New'), { knownEventNames: budget.names })).toMatchObject({
      status: 'skipped',
      reason: 'event_name_limit',
    })
    expect(budget.admit('New')).toBe(false)
  })
})
