// The code tables (src/codes.ts) against the source: every code literal that src/ emits
// is in its table, every table entry is emitted somewhere (no dead codes), and the
// docs page docs/guide/codes.md is the one generated from the tables' TSDoc (update it
// with `npx vitest run test/codes -u`). Read syntactically, with TypeScript's parser,
// so it does not rely on the types it checks.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { INPUT_ERROR_CODES, OUTCOME_CODES, SKIP_REASONS, WARNING_CODES } from '../src/index.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SRC = join(ROOT, 'src')
/** Intercom's own error codes (in HTTP bodies), not the library's. */
// The emulator and its HTTP server answer with Intercom's own error codes, not the library's.
const EXCLUDED = [join(SRC, 'testing/emulator'), join(SRC, 'testing/server'), join(SRC, 'codes.ts')]

type Kind = 'warning' | 'inputError' | 'skipReason' | 'outcome'
const TABLES: Record<Kind, Readonly<Record<string, string>>> = {
  warning: WARNING_CODES,
  inputError: INPUT_ERROR_CODES,
  skipReason: SKIP_REASONS,
  outcome: OUTCOME_CODES,
}

interface Found {
  kind: Kind | 'unknown'
  code: string
  where: string
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (EXCLUDED.includes(path)) continue
    if (entry.isDirectory()) out.push(...sourceFiles(path))
    else if (path.endsWith('.ts')) out.push(path)
  }
  return out
}

/** Every string literal in an expression (both arms of `a ? 'x' : 'y'`, say). */
function literals(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
  const out: string[] = []
  node.forEachChild((child) => {
    out.push(...literals(child))
  })
  return out
}

/** A non-literal code (a template, a variable) cannot be checked: report it. */
function opaque(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return false
  if (ts.isConditionalExpression(node)) return opaque(node.whenTrue) || opaque(node.whenFalse)
  if (ts.isParenthesizedExpression(node)) return opaque(node.expression)
  return true
}

/** A property's value (`{ name: value }`, or the identifier of `{ name }`). */
function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (!p.name || !ts.isIdentifier(p.name) || p.name.text !== name) continue
    if (ts.isPropertyAssignment(p)) return p.initializer
    if (ts.isShorthandPropertyAssignment(p)) return p.name
  }
  return undefined
}

/** What an object literal with a `code` (or `reason`) is, from its other properties. */
function kindOfObject(
  object: ts.ObjectLiteralExpression,
  key: 'code' | 'reason',
): Kind | 'unknown' {
  const status = property(object, 'status')
  const s = status && ts.isStringLiteral(status) ? status.text : undefined
  if (key === 'reason') return s === 'skipped' ? 'skipReason' : 'unknown'
  if (s === 'retry' || s === 'failed') return 'outcome'
  if (s === undefined && property(object, 'path') !== undefined) return 'warning'
  return 'unknown'
}

/** Calls that build warnings and errors, which argument is the code, and its default. */
const HELPERS: Record<string, [Kind, number, string?]> = {
  warn: ['warning', 1],
  dropped: ['warning', 3, 'dropped_value'],
  inputError: ['inputError', 0],
  invalid: ['inputError', 0],
}

function scan(file: string): { found: Found[]; opaque: string[] } {
  const text = readFileSync(file, 'utf8')
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  const found: Found[] = []
  const unreadable: string[] = []
  const at = (node: ts.Node) =>
    `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      (node.name.text === 'code' || node.name.text === 'reason') &&
      ts.isObjectLiteralExpression(node.parent)
    ) {
      const key = node.name.text
      const kind = kindOfObject(node.parent, key)
      // `reason` is also a local word (e.g. cents' failure reasons): only skips count.
      if (key === 'code' || kind !== 'unknown') {
        if (opaque(node.initializer)) unreadable.push(at(node))
        for (const code of literals(node.initializer)) found.push({ kind, code, where: at(node) })
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const helper = HELPERS[node.expression.text]
      const arg = helper && node.arguments[helper[1]]
      if (helper && !arg && helper[2])
        found.push({ kind: helper[0], code: helper[2], where: at(node) })
      if (helper && arg) {
        // `invalid(errors, warnings)` in parse.ts takes built errors, not a code.
        if (ts.isStringLiteral(arg)) found.push({ kind: helper[0], code: arg.text, where: at(arg) })
        else if (node.expression.text !== 'invalid' && !isParameter(arg)) unreadable.push(at(arg))
      }
    }
    node.forEachChild(visit)
  }
  visit(sf)
  return { found, opaque: unreadable }
}

/** The helpers themselves pass their `code` parameter on. */
function isParameter(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === 'code'
}

const scanned = sourceFiles(SRC).map(scan)
const found = scanned.flatMap((s) => s.found)

describe('the codes emitted in src/ and the tables in src/codes.ts', () => {
  it('the scan finds the emitting sites (a sanity check of the scan itself)', () => {
    const kinds = new Set(found.map((f) => f.kind))
    expect([...kinds].sort()).toEqual(['inputError', 'outcome', 'skipReason', 'warning'])
    expect(found.length).toBeGreaterThan(100)
  })

  it('every code is a literal (or a ternary of literals), so it can be checked', () => {
    expect(scanned.flatMap((s) => s.opaque)).toEqual([])
  })

  it('every `code:` belongs to a warning or an outcome', () => {
    expect(found.filter((f) => f.kind === 'unknown')).toEqual([])
  })

  it.each(Object.keys(TABLES) as Kind[])('every %s code emitted is in its table', (kind) => {
    const outside = found.filter((f) => f.kind === kind && !Object.hasOwn(TABLES[kind], f.code))
    expect(outside).toEqual([])
  })

  it.each(Object.keys(TABLES) as Kind[])('every %s code in the table is emitted', (kind) => {
    const emitted = new Set(found.filter((f) => f.kind === kind).map((f) => f.code))
    expect(Object.keys(TABLES[kind]).filter((code) => !emitted.has(code))).toEqual([])
  })

  it('each table maps every code to itself', () => {
    for (const table of Object.values(TABLES)) {
      for (const [key, value] of Object.entries(table)) expect(value).toBe(key)
    }
  })
})

// ---- The docs page, generated from the tables' TSDoc ----

const SECTIONS: Record<string, { title: string; type: string }> = {
  WARNING_CODES: { title: 'Warnings', type: 'WarningCode' },
  INPUT_ERROR_CODES: { title: 'Input errors', type: 'InputErrorCode' },
  SKIP_REASONS: { title: 'Skip reasons', type: 'SkipReason' },
  OUTCOME_CODES: { title: 'Delivery outcomes', type: 'OutcomeCode' },
}

/** The text of the TSDoc block before `node`, on one line, without tags. */
function tsdoc(sf: ts.SourceFile, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? []
  const last = ranges.at(-1)
  const raw = last ? sf.text.slice(last.pos, last.end) : ''
  if (!raw.startsWith('/**')) return ''
  return raw
    .slice(3, -2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .filter((line) => !line.startsWith('@'))
    .join(' ')
    .replace(/\{@link ([^}]+)\}/g, '`$1`')
    .replace(/\|/g, '\\|')
    .trim()
}

function codesPage(): string {
  const file = join(SRC, 'codes.ts')
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
  const lines = [
    '<!-- Generated from the TSDoc of src/codes.ts by test/codes.source.test.ts: edit the',
    '     TSDoc there, then run `npx vitest run test/codes -u`. -->',
    '',
    '# Codes',
    '',
    'Every machine-readable code the library emits, with what it means, when it is emitted',
    'and what to do. The codes are stable: a new code is a minor version, removing or',
    'renaming one is a major version. In TypeScript each list is a string-literal union',
    '(`WarningCode`, `InputErrorCode`, `SkipReason`, `OutcomeCode`), so a `switch` over a',
    'code is checked; at runtime the same lists are objects (`WARNING_CODES` and so on)',
    'exported from `segment-intercom`.',
    '',
    '```ts',
    "import { WARNING_CODES, type WarningCode } from 'segment-intercom'",
    '',
    'const known = Object.keys(WARNING_CODES) as WarningCode[]',
    '```',
  ]
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue
    const decl = statement.declarationList.declarations[0]
    if (!decl || !ts.isIdentifier(decl.name)) continue
    const section = SECTIONS[decl.name.text]
    const init = decl.initializer
    const object = init && ts.isAsExpression(init) ? init.expression : init
    if (!section || !object || !ts.isObjectLiteralExpression(object)) continue
    lines.push('', `## ${section.title}`, '', `\`${section.type}\`: ${tsdoc(sf, statement)}`, '')
    lines.push('| Code | Meaning |', '|---|---|')
    for (const p of object.properties) {
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) {
        lines.push(`| \`${p.name.text}\` | ${tsdoc(sf, p)} |`)
      }
    }
  }
  return `${lines.join('\n')}\n`
}

describe('docs/guide/codes.md', () => {
  it('is generated from the tables (run `npx vitest run test/codes -u` after editing them)', async () => {
    await expect(codesPage()).toMatchFileSnapshot(join(ROOT, 'docs/guide/codes.md'))
  })

  it('documents every code of every table, each with a meaning', () => {
    const page = codesPage()
    for (const table of Object.values(TABLES)) {
      for (const code of Object.keys(table))
        expect(page).toMatch(new RegExp(`\\| \`${code}\` \\| \\S`))
    }
  })
})
