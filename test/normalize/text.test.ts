import { describe, expect, it } from 'vitest'
import type { NormalizeContext } from '../../src/normalize/context.js'
import { textField } from '../../src/normalize/text.js'
import { DEFAULT_SETTINGS } from '../../src/settings/resolve.js'

function text(value: unknown) {
  const ctx: NormalizeContext = { settings: DEFAULT_SETTINGS, warnings: [], now: undefined }
  return { value: textField(value, 'plan', 'traits.plan', ctx), warnings: ctx.warnings }
}

describe('textField: the one rule for standard text fields', () => {
  it('keeps text as given (the 255-character rule is the caller’s)', () => {
    expect(text('p'.repeat(300))).toEqual({ value: 'p'.repeat(300), warnings: [] })
  })

  it('sends a finite number as its text, warned', () => {
    expect(text(12.5)).toEqual({
      value: '12.5',
      warnings: [{ code: 'converted', path: 'traits.plan', message: 'Number 12.5 sent as text' }],
    })
  })

  it('drops anything else, warned', () => {
    for (const bad of [Number.NaN, true, null, {}, []]) {
      const r = text(bad)
      expect(r.value).toBeUndefined()
      expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['dropped_value', 'traits.plan']])
    }
  })
})
