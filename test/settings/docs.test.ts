import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SETTINGS_TABLE, settingsDocs } from '../../src/settings/table.js'

const page = readFileSync(new URL('../../docs/guide/settings.md', import.meta.url), 'utf8')

/** The rows of the page's first table: setting, type, default, meaning, used by. */
function documentedRows(): string[][] {
  const start = page.indexOf('| setting | type | default | meaning | used by |')
  const lines = page.slice(start).split('\n')
  const rows: string[][] = []
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break
    // Split on the cell bars, not on the escaped `\|` inside a cell.
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    )
  }
  return rows
}

/** A default as the page writes it: `none`, or the value in code quotes. */
function render(value: unknown): string {
  if (value === undefined) return 'none'
  return typeof value === 'string' ? `\`'${value}'\`` : `\`${JSON.stringify(value)}\``
}

describe('docs/guide/settings.md', () => {
  it('lists exactly the settings of the table, in order, with their type, default and targets', () => {
    const docs = settingsDocs()
    const expected = Object.entries(SETTINGS_TABLE).map(([key, spec]) => {
      const [type, usedBy] = docs[key as keyof typeof docs]
      return [`\`${key}\``, type, render(spec.default), usedBy]
    })
    // The docs columns are listed in the table's order too.
    expect(Object.keys(docs)).toEqual(Object.keys(SETTINGS_TABLE))
    const documented = documentedRows().map(([key, type, def, , usedBy]) => [
      key,
      type,
      def,
      usedBy,
    ])
    expect(documented).toEqual(expected)
  })
})
