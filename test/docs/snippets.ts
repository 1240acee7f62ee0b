// Extracts the TypeScript code blocks of Markdown files and type-checks each one as its own
// module, under the library's strict compiler options, against the library's source. Used by
// snippets.test.ts; errors name the Markdown file and line, so a broken example in the README
// or the docs fails `npm test` where it is written.
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * What the snippets may assume without importing it (the reader's own event, transport,
 * queue…), declared once, plus the host code they import (`../src/worker`). Copied into the
 * check's directory as it is.
 */
export const SNIPPET_ENV = join(ROOT, 'docs/.snippets')

/** Code-block languages that are type-checked. `sh`, `json`, plain blocks are not. */
const CHECKED = new Set(['ts', 'typescript'])

/** One fenced code block of a Markdown file. */
export interface Snippet {
  /** The Markdown file, relative to the repository root (`docs/guide/rest.md`). */
  file: string
  /** 1-based line of the block's first code line (the line after the opening fence). */
  line: number
  /** Columns of indentation removed from every line (a fence inside a list item). */
  indent: number
  code: string
}

/** A compiler error, located in the Markdown (or fixture, or library) file it comes from. */
export interface SnippetError {
  file: string
  line: number
  column: number
  code: number
  message: string
}

/** The fence's language: the info string's first word, without `{1,3}` or `:line-numbers`. */
function language(info: string): string {
  return (info.trim().split(/[\s{:[]/)[0] ?? '').toLowerCase()
}

/** The TypeScript (`ts` / `typescript`) code blocks of one Markdown text. */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split(/\r?\n/)
  const snippets: Snippet[] = []
  let open: { fence: string; indent: number; lang: string; start: number; body: string[] } | null =
    null
  for (const [i, text] of lines.entries()) {
    if (open === null) {
      const m = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(text)
      if (m === null) continue
      const [, indent = '', fence = '', info = ''] = m
      // A backtick fence's info string may not contain a backtick (CommonMark).
      if (fence.startsWith('`') && info.includes('`')) continue
      open = { fence, indent: indent.length, lang: language(info), start: i + 2, body: [] }
      continue
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text)?.[1]
    if (close !== undefined && close[0] === open.fence[0] && close.length >= open.fence.length) {
      if (CHECKED.has(open.lang)) {
        snippets.push({ file, line: open.start, indent: open.indent, code: open.body.join('\n') })
      }
      open = null
      continue
    }
    // Content lines lose up to the fence's indentation (CommonMark).
    const strip = Math.min(open.indent, /^ */.exec(text)?.[0].length ?? 0)
    open.body.push(text.slice(strip))
  }
  return snippets
}

/** README.md and every Markdown page of docs/ (not the generated API reference). */
export function docFiles(): string[] {
  const pages: string[] = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && path !== 'docs/api') walk(path)
      } else if (entry.name.endsWith('.md')) pages.push(path)
    }
  }
  walk('docs')
  return ['README.md', ...pages.sort()]
}

/** `docs/guide/rest.md` at line 12 → `docs__guide__rest.md_L12.ts`. */
function moduleName(snippet: Snippet): string {
  return `${snippet.file.replaceAll('/', '__')}_L${snippet.line}.ts`
}

/**
 * The compiler options: the library's own (strict, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess, verbatimModuleSyntax, …) with Node's types, every file a
 * module (top-level `await` works), and the package's import names mapped to the source
 * entry points: `segment-intercom/<sub>` is `src/<sub>/index.ts`.
 */
function tsconfig(files: readonly string[]): object {
  const src = (path: string): string => join(ROOT, 'src', path)
  return {
    extends: join(ROOT, 'tsconfig.json'),
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      lib: ['ES2022'],
      moduleDetection: 'force',
      paths: {
        'segment-intercom': [src('index.ts')],
        // Until the arbitraries have their own folder they live in src/testing/.
        'segment-intercom/arbitraries': [
          src('arbitraries/index.ts'),
          src('testing/arbitraries.ts'),
        ],
        'segment-intercom/*': [src('*/index.ts')],
      },
    },
    files,
    include: [],
  }
}

/**
 * Type-checks each snippet as a separate module in a fresh directory (with
 * {@link SNIPPET_ENV} copied in and `node_modules` linked to the repository's), and returns
 * every compiler error, located in the Markdown. `keep` leaves the directory for
 * inspection (`npx tsc -p <dir>` reproduces the check).
 */
export function checkSnippets(snippets: readonly Snippet[], keep = false): SnippetError[] {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'doc-snippets-')))
  try {
    cpSync(SNIPPET_ENV, dir, { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    mkdirSync(join(dir, 'snippets'))
    const byModule = new Map<string, Snippet>()
    for (const snippet of snippets) {
      const path = join(dir, 'snippets', moduleName(snippet))
      writeFileSync(path, `${snippet.code}\n`)
      byModule.set(path, snippet)
    }
    const files = [...listFiles(dir), ...byModule.keys()]
    const configFile = join(dir, 'tsconfig.json')
    writeFileSync(configFile, JSON.stringify(tsconfig(files), null, 2))
    if (keep) console.info(`doc snippets kept in ${dir}`)
    return compile(configFile)
      .map((d) => locate(d, dir, byModule))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}

/** The fixture files copied from {@link SNIPPET_ENV} (not node_modules, not the snippets). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('node_modules') && !f.startsWith('snippets'))
    .map((f) => join(dir, f))
}

/** The compiler's errors for a tsconfig, as `tsc -p` reports them. */
function compile(configFile: string): ts.Diagnostic[] {
  const errors: ts.Diagnostic[] = []
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => errors.push(d),
  })
  if (parsed === undefined) return errors
  const program = ts.createProgram(parsed.fileNames, parsed.options)
  return [...parsed.errors, ...ts.getPreEmitDiagnostics(program)]
}

/** Where a diagnostic is: a snippet's Markdown line, a fixture of SNIPPET_ENV, or a repo file. */
function locate(d: ts.Diagnostic, dir: string, byModule: Map<string, Snippet>): SnippetError {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
  if (d.file === undefined || d.start === undefined) {
    return { file: '(compiler)', line: 0, column: 0, code: d.code, message }
  }
  const at = d.file.getLineAndCharacterOfPosition(d.start)
  const path = resolve(d.file.fileName)
  const snippet = byModule.get(path)
  if (snippet !== undefined) {
    return {
      file: snippet.file,
      line: snippet.line + at.line,
      column: snippet.indent + at.character + 1,
      code: d.code,
      message,
    }
  }
  const file = path.startsWith(dir + sep)
    ? relative(ROOT, join(SNIPPET_ENV, relative(dir, path)))
    : relative(ROOT, path)
  return { file, line: at.line + 1, column: at.character + 1, code: d.code, message }
}

/** `README.md:47:16 TS7006 Parameter 'req' implicitly has an 'any' type.` */
export function formatError(e: SnippetError): string {
  return `${e.file}:${e.line}:${e.column} TS${e.code} ${e.message}`
}
