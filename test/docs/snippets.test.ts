// Every TypeScript example of README.md and docs/ compiles, as its own module, under the
// library's strict options against the library's source (see snippets.ts). A failure lists
// each error as `file.md:line:column TS<code> message`.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkSnippets, docFiles, extractSnippets, formatError, ROOT } from './snippets.js'

describe('the TypeScript code blocks of README.md and docs/', () => {
  it('each compile as a module under strict TypeScript, against the library source', () => {
    const snippets = docFiles().flatMap((f) =>
      extractSnippets(readFileSync(join(ROOT, f), 'utf8'), f),
    )
    // The README and every guide with code have examples; an extractor that finds none
    // would pass vacuously.
    const files = new Set(snippets.map((s) => s.file))
    for (const file of [
      'README.md',
      'docs/index.md',
      'docs/guide/getting-started.md',
      'docs/guide/identity.md',
      'docs/guide/messenger.md',
      'docs/guide/mobile.md',
      'docs/guide/rest.md',
      'docs/guide/testing.md',
    ])
      expect(files).toContain(file)
    const errors = checkSnippets(snippets, process.env.KEEP_SNIPPETS === '1').map(formatError)
    expect(errors).toEqual([])
  }, 120_000)
})

describe('extractSnippets', () => {
  const md = [
    '# Title', // 1
    '```sh', // 2
    'npm test', // 3
    '```', // 4
    '```ts{2}', // 5
    "const a: string = 'a'", // 6
    '```', // 7
    '- a list item', // 8
    '  ```typescript', // 9
    '    const b = 1', // 10
    '  ```', // 11
    '````md', // 12
    '```ts', // 13
    'not code of this page', // 14
    '```', // 15
    '````', // 16
    '``` json', // 17
    '{}', // 18
    '```', // 19
  ].join('\n')

  it('takes ts and typescript blocks only, with the line of their first code line', () => {
    expect(extractSnippets(md, 'x.md')).toEqual([
      { file: 'x.md', line: 6, indent: 0, code: "const a: string = 'a'" },
      { file: 'x.md', line: 10, indent: 2, code: '  const b = 1' },
    ])
  })

  it('reports an error at the Markdown file, line and column of the offending code', () => {
    const broken = [
      'Some text', // 1
      '', // 2
      '```ts', // 3
      "import { toRest } from 'segment-intercom'", // 4
      '', // 5
      'const send = async (req) => req', // 6
      "toRest(event, { settings: { region: 'mars' } })", // 7
      '```', // 8
      '',
      '  ```ts',
      '  const n: number = "one"', // 11, in a list item
      '  ```',
    ].join('\n')
    const errors = checkSnippets(extractSnippets(broken, 'docs/broken.md')).map(formatError)
    expect(errors).toEqual([
      "docs/broken.md:6:21 TS7006 Parameter 'req' implicitly has an 'any' type.",
      expect.stringMatching(/^docs\/broken\.md:7:29 TS2322 Type '"mars"' is not assignable/),
      "docs/broken.md:11:9 TS2322 Type 'string' is not assignable to type 'number'.",
    ])
  }, 120_000)
})
