import { describe, expect, it } from 'vitest'
import { firstSpelling } from '../../src/normalize/first-spelling.js'
import type { Warning } from '../../src/types.js'

describe('firstSpelling', () => {
  it('lets the first spelling of a field win and warns each later one at its path', () => {
    const used: Record<string, string> = {}
    const warnings: Warning[] = []
    expect(firstSpelling(used, 'firstName', 'traits.firstName', warnings)).toBe(true)
    expect(firstSpelling(used, 'lastName', 'traits.last_name', warnings)).toBe(true)
    expect(firstSpelling(used, 'firstName', 'traits.first_name', warnings)).toBe(false)
    expect(used).toEqual({ firstName: 'traits.firstName', lastName: 'traits.last_name' })
    expect(warnings).toEqual([
      {
        code: 'superseded',
        path: 'traits.first_name',
        message: '"traits.firstName" is used for firstName; ignored',
      },
    ])
  })
})
