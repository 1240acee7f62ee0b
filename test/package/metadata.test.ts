// The package as npm publishes it: `npm pack`, lint the tarball with publint (strict),
// check what it contains and what it depends on, then install it into a scratch
// consumer project and load every entry from there with Node (ESM and CommonJS).
// Reads dist/: `npm test` builds it first; otherwise run `npx tsup`.
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type Message, publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const run = promisify(execFile)

interface PackageJson {
  name: string
  bin: Record<string, string>
  dependencies?: Record<string, string>
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson

/** Runtime entries whose imports must all be installable from `dependencies`. */
const RUNTIME_FILES = ['index.js', 'index.cjs', 'identity.js', 'identity.cjs', 'cli.js']

/** Package names a module imports or requires (bare specifiers, no Node built-ins). */
function importedPackages(code: string): string[] {
  const names = new Set<string>()
  for (const m of code.matchAll(/(?:\bfrom|\bimport|\brequire\()\s*['"]([^'"./][^'"]*)['"]/g)) {
    const spec = m[1] ?? ''
    if (spec.startsWith('node:') || isBuiltin(spec)) continue
    const parts = spec.split('/')
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec))
  }
  return [...names].sort()
}
const isBuiltin = (spec: string): boolean => builtinModules.includes(spec.split('/')[0] ?? '')

let work: string
let tarball: string
let packed: string[]

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/ is missing: build first with `npx tsup`')
  }
  work = mkdtempSync(join(tmpdir(), 'segment-intercom-pack-'))
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
  })
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[]
  if (info === undefined) throw new Error(`npm pack printed no result: ${stdout}`)
  tarball = join(work, info.filename)
  packed = info.files.map((f) => f.path).sort()
})

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

describe('the packed tarball', () => {
  it('passes publint --strict', async () => {
    const data = readFileSync(tarball)
    const { messages, pkg: linted } = await publint({
      strict: true,
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    })
    const text = (m: Message): string => `${m.type}: ${formatMessage(m, linted) ?? m.code}`
    expect(messages.map(text)).toEqual([])
  })

  it('holds every entry in both formats with types, and no sources or tests', () => {
    for (const entry of ['index', 'testing', 'identity']) {
      for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) {
        expect(packed).toContain(`dist/${entry}.${ext}`)
      }
    }
    expect(packed).toContain('dist/cli.js')
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']))
    expect(packed.filter((f) => /^(src|test|scripts|examples|bench|docs)\//.test(f))).toEqual([])
  })

  it('needs no runtime package beyond `dependencies`, and every dependency is used', () => {
    const used = new Set<string>()
    for (const file of RUNTIME_FILES) {
      const imports = importedPackages(readFileSync(join(ROOT, 'dist', file), 'utf8'))
      expect(
        imports.filter((name) => pkg.dependencies?.[name] === undefined),
        file,
      ).toEqual([])
      for (const name of imports) used.add(name)
    }
    expect([...used].sort()).toEqual(Object.keys(pkg.dependencies ?? {}).sort())
    // The core entry needs nothing at all.
    expect(importedPackages(readFileSync(join(ROOT, 'dist/index.js'), 'utf8'))).toEqual([])
  })
})

describe('installed into a consumer project', () => {
  let consumer: string
  beforeAll(async () => {
    consumer = join(work, 'consumer')
    const modules = join(consumer, 'node_modules')
    mkdirSync(join(modules, '@noble'), { recursive: true })
    await run('tar', ['-xzf', tarball, '-C', work])
    await run('mv', [join(work, 'package'), join(modules, pkg.name)])
    // Dependencies (and fast-check for ./testing) come from this checkout's node_modules.
    symlinkSync(join(ROOT, 'node_modules/@noble/hashes'), join(modules, '@noble/hashes'))
    symlinkSync(join(ROOT, 'node_modules/fast-check'), join(modules, 'fast-check'))
    copyFileSync(join(ROOT, 'test/package/fixtures/node-probe.mjs'), join(consumer, 'probe.mjs'))
  })

  const probe = async (cwd: string, script: string, format: string): Promise<unknown> => {
    const { stdout } = await run(process.execPath, [script, format], { cwd })
    const { resolved: _, ...results } = JSON.parse(stdout) as Record<string, unknown>
    return results
  }

  it.each(['esm', 'cjs'])(
    'every entry loads (%s) and gives the results of the checkout',
    async (format) => {
      const [installed, local] = await Promise.all([
        probe(consumer, join(consumer, 'probe.mjs'), format),
        probe(ROOT, join(ROOT, 'test/package/fixtures/node-probe.mjs'), format),
      ])
      expect(installed).toMatchObject({
        restRequest: { method: 'POST', path: '/events' },
        userHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      })
      expect(installed).toEqual(local)
    },
  )

  it('the bin starts with a node shebang and prints its usage', async () => {
    const bin = Object.values(pkg.bin)[0] ?? ''
    const installedBin = join(consumer, 'node_modules', pkg.name, bin)
    expect(readFileSync(installedBin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const { stdout } = await run(process.execPath, [installedBin, '--help'], { cwd: consumer })
    expect(stdout).toMatch(/^segment-intercom\b/)
    expect(stdout).toContain('Usage:')
  })
})
