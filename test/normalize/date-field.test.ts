import { describe, expect, it } from 'vitest'
import type { NormalizeContext } from '../../src/normalize/context.js'
import { dateField } from '../../src/normalize/date-field.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'

const ctx = (): NormalizeContext => ({ settings: DEFAULT_SETTINGS, warnings: [], now: undefined })

describe('dateField', () => {
  it('reads a date as unix seconds, without a warning', () => {
    const c = ctx()
    expect(dateField('2018-03-26T17:44:51Z', 'traits.createdAt', c)).toBe(1522086291)
    expect(c.warnings).toEqual([])
  })

  it('drops a value that is no date, warned invalid_date at its path', () => {
    const c = ctx()
    expect(dateField('founding day', 'traits.company.createdAt', c)).toBeUndefined()
    expect(c.warnings).toEqual([
      { code: 'invalid_date', path: 'traits.company.createdAt', message: 'Not a date; dropped' },
    ])
  })
})
