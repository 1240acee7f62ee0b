// The package as npm publishes it: `npm pack`, lint the tarball with publint (strict),
// check what it contains and what it depends on, then `npm install` it into a scratch
// project without fast-check and load every entry from there with Node (ESM and
// CommonJS): all but ./arbitraries load, which fails naming fast-check until fast-check
// is installed too. The consumer also type-checks against the packed declarations with
// Segment's and Intercom's SDK types. npm installs from its cache where it can
// (`--prefer-offline`; after `npm ci` the cache holds every package needed).
// Reads dist/: `npm test` builds it first; otherwise run `npx tsup`.
import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
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
const RUNTIME_FILES = [
  'index.js',
  'index.cjs',
  'testing.js',
  'testing.cjs',
  'identity.js',
  'identity.cjs',
  'cli.js',
]

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
    for (const entry of ['index', 'testing', 'arbitraries', 'identity']) {
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

/** `npm install` into `cwd`, from the npm cache where it can (no audit, no funding notes). */
const npmInstall = (cwd: string, specs: string[]): Promise<unknown> =>
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...specs], {
    cwd,
    env: { ...process.env, npm_config_loglevel: 'error' },
  })

/** The probe's output without what depends on fast-check being installed. */
function withoutArbitraries(probe: Record<string, unknown>): Record<string, unknown> {
  const { arbitraries: _, exports, ...rest } = probe
  const { [ARBITRARIES]: __, ...others } = exports as Record<string, unknown>
  return { ...rest, exports: others }
}

const ARBITRARIES = 'segment-intercom/arbitraries'
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')

/** Packages the consumer type-checks against, linked from this checkout. */
const SDK_TYPES = ['@segment/analytics-node', '@intercom/messenger-js-sdk']

/**
 * A consumer of the packed types, ESM (`consumer.ts`) and CommonJS (`consumer.cts`):
 * analytics-node's call parameters become events, Messenger calls go through
 * `@intercom/messenger-js-sdk`, all without casts. A `@ts-expect-error` proves the
 * types are checked at all (it fails if they are `any`).
 */
const CONSUMER_TS = `import * as Intercom from '@intercom/messenger-js-sdk'
import type { IdentifyParams, TrackParams } from '@segment/analytics-node'
import {
  applyMessengerCalls,
  deliver,
  type IdentifyEvent,
  type SegmentEvent,
  toMessenger,
  toRest,
  type TrackEvent,
} from 'segment-intercom'
import { userHash } from 'segment-intercom/identity'
import { createIntercomEmulator, createRecordingTransport } from 'segment-intercom/testing'

export const identify = (p: IdentifyParams): IdentifyEvent => ({ type: 'identify', ...p })
export const track = (p: TrackParams): TrackEvent => ({ type: 'track', ...p })

export function applyInBrowser(event: SegmentEvent): void {
  const r = toMessenger(event, { settings: { appId: 'app1' } })
  if (r.status !== 'mapped') return
  applyMessengerCalls(r.calls, Intercom)
  for (const call of r.calls) if (call.method === 'boot') Intercom.boot(...call.args)
}

export async function deliverTo(event: SegmentEvent): Promise<string> {
  const emulator = createIntercomEmulator()
  const recorder = createRecordingTransport(emulator.send)
  const mapping = toRest(event)
  if (mapping.status !== 'mapped') return mapping.status
  return (await deliver(mapping, recorder.send)).status
}

export const hash: string = userHash('secret', 'u1')

// @ts-expect-error: a track needs its event name
export const bad: TrackEvent = { type: 'track' }
`

/** The same through CommonJS resolution (the `require` condition's `.d.cts`). */
const CONSUMER_CTS = `import type { TrackParams } from '@segment/analytics-node'
import { type TrackEvent, toRest } from 'segment-intercom'
import { createIntercomEmulator } from 'segment-intercom/testing'
import { userJwt } from 'segment-intercom/identity'

export const track = (p: TrackParams): TrackEvent => ({ type: 'track', ...p })
export const status: string = toRest(track({ userId: 'u1', event: 'Signed Up' })).status
export const emulator = createIntercomEmulator()
export const jwt: string = userJwt('secret', { user_id: 'u1' })
// @ts-expect-error: identify is not a track
export const bad: TrackEvent = { type: 'identify' }
`

/** Arbitraries, once fast-check is installed: typed by fast-check's own types. */
const ARBITRARIES_TS = `import * as fc from 'fast-check'
import type { SegmentEvent } from 'segment-intercom'
import { segmentEvent, settings } from 'segment-intercom/arbitraries'

export const events: SegmentEvent[] = fc.sample(segmentEvent(), 3)
export const arbitrary: fc.Arbitrary<unknown> = settings()
// @ts-expect-error: an arbitrary of events, not of numbers
export const numbers: fc.Arbitrary<number> = segmentEvent()
`

/**
 * Type-checks `files` in `cwd` with this checkout's TypeScript, as a strict Node app.
 * Declarations of installed packages are skipped unless `libCheck` (checking the SDKs'
 * own trees triples the time; the packed declarations get their own check).
 */
async function typecheck(
  cwd: string,
  name: string,
  files: string[],
  libCheck = false,
): Promise<string> {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM'],
      module: 'Node16',
      moduleResolution: 'Node16',
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      types: [],
      skipLibCheck: !libCheck,
    },
    files,
  }
  writeFileSync(join(cwd, name), JSON.stringify(config, null, 2))
  try {
    await run(process.execPath, [TSC, '-p', name], { cwd })
    return ''
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err)
  }
}

/** A declaration file and every declaration file it imports, relatively, as text. */
function declarationClosure(file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen
  const text = readFileSync(file, 'utf8')
  seen.set(file, text)
  for (const m of text.matchAll(/(?:from|import) '(\.\/[^']+)\.c?js'/g)) {
    const base = join(dirname(file), m[1] ?? '')
    const next = [`${base}.d.ts`, `${base}.d.cts`].find((f) => existsSync(f))
    if (next !== undefined) declarationClosure(next, seen)
  }
  return seen
}

describe('the declarations of each entry', () => {
  it.each(['index', 'testing', 'identity'])(
    '%s refers to fast-check nowhere (its types need no fast-check either)',
    (entry) => {
      for (const ext of ['d.ts', 'd.cts']) {
        const closure = declarationClosure(join(ROOT, 'dist', `${entry}.${ext}`))
        const mentions = [...closure].filter(([, text]) => text.includes('fast-check'))
        expect(mentions.map(([file]) => file)).toEqual([])
      }
    },
  )

  it('arbitraries take their types from fast-check (the control)', () => {
    const closure = declarationClosure(join(ROOT, 'dist/arbitraries.d.ts'))
    expect(closure.size).toBeGreaterThan(1)
    expect([...closure.values()].some((text) => text.includes("from 'fast-check'"))).toBe(true)
  })
})

describe('installed with npm into a project without fast-check', () => {
  let consumer: string
  let modules: string
  beforeAll(async () => {
    consumer = join(work, 'consumer')
    modules = join(consumer, 'node_modules')
    mkdirSync(consumer)
    const manifest = { name: 'consumer', version: '1.0.0', private: true, type: 'module' }
    writeFileSync(join(consumer, 'package.json'), JSON.stringify(manifest))
    await npmInstall(consumer, [tarball])
    copyFileSync(join(ROOT, 'test/package/fixtures/node-probe.mjs'), join(consumer, 'probe.mjs'))
  }, 120_000)

  const probe = async (cwd: string, script: string, format: string) => {
    const { stdout } = await run(process.execPath, [script, format], { cwd })
    const { resolved: _, ...results } = JSON.parse(stdout) as Record<string, unknown>
    return results
  }
  const local = (format: string) =>
    probe(ROOT, join(ROOT, 'test/package/fixtures/node-probe.mjs'), format)

  it('installed the package and its dependencies, and no fast-check', () => {
    expect(existsSync(join(modules, pkg.name, 'package.json'))).toBe(true)
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      expect(existsSync(join(modules, name, 'package.json')), name).toBe(true)
    }
    expect(existsSync(join(modules, 'fast-check'))).toBe(false)
  })

  it.each(['esm', 'cjs'])(
    'core, testing and identity load (%s) and give the results of the checkout',
    async (format) => {
      const [installed, inRepo] = await Promise.all([
        probe(consumer, join(consumer, 'probe.mjs'), format),
        local(format),
      ])
      expect(installed).toMatchObject({
        restRequest: { method: 'POST', path: '/events' },
        delivered: [{ status: 'delivered' }, { status: 'delivered' }],
        userHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      })
      expect(withoutArbitraries(installed)).toEqual(withoutArbitraries(inRepo))
    },
    60_000,
  )

  it.each([
    [
      'esm',
      'ERR_MODULE_NOT_FOUND',
      /Cannot find package 'fast-check' imported from .*arbitraries\.js/,
    ],
    ['cjs', 'MODULE_NOT_FOUND', /Cannot find module 'fast-check'[\s\S]*arbitraries\.cjs/],
  ])(
    'the arbitraries fail to load (%s) with a missing-module error naming fast-check',
    async (format, code, message) => {
      const installed = await probe(consumer, join(consumer, 'probe.mjs'), format)
      const { error } = installed.arbitraries as { error: { code: string; message: string } }
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
    },
    60_000,
  )

  it('the bin is linked, starts with a node shebang and prints its usage', async () => {
    const bin = Object.values(pkg.bin)[0] ?? ''
    const installedBin = join(modules, pkg.name, bin)
    expect(readFileSync(installedBin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const { stdout } = await run(join(modules, '.bin', Object.keys(pkg.bin)[0] ?? ''), ['--help'], {
      cwd: consumer,
    })
    expect(stdout).toMatch(/^segment-intercom\b/)
    expect(stdout).toContain('Usage:')
  })

  it('the packed types fit analytics-node and messenger-js-sdk types without casts (ESM and CJS)', async () => {
    for (const name of SDK_TYPES) {
      mkdirSync(dirname(join(modules, name)), { recursive: true })
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name))
    }
    writeFileSync(join(consumer, 'consumer.ts'), CONSUMER_TS)
    writeFileSync(join(consumer, 'consumer.cts'), CONSUMER_CTS)
    expect(await typecheck(consumer, 'tsconfig.json', ['consumer.ts', 'consumer.cts'])).toBe('')
    // The check can fail: a wrong use of the packed types is reported.
    writeFileSync(
      join(consumer, 'wrong.ts'),
      CONSUMER_TS.replace('// @ts-expect-error: a track needs its event name\n', ''),
    )
    expect(await typecheck(consumer, 'tsconfig.wrong.json', ['wrong.ts'])).toMatch(
      /wrong\.ts\(\d+,\d+\): error TS2741: Property 'event' is missing/,
    )
  }, 60_000)

  describe('then with fast-check installed', () => {
    beforeAll(async () => {
      const { version } = JSON.parse(
        readFileSync(join(ROOT, 'node_modules/fast-check/package.json'), 'utf8'),
      ) as { version: string }
      await npmInstall(consumer, [`fast-check@${version}`])
    }, 120_000)

    it.each(['esm', 'cjs'])(
      'the arbitraries load (%s) and sample what they sample in the checkout',
      async (format) => {
        const [installed, inRepo] = await Promise.all([
          probe(consumer, join(consumer, 'probe.mjs'), format),
          local(format),
        ])
        expect(installed.arbitraries).toEqual({ sample: expect.any(Array) })
        expect(installed).toEqual(inRepo)
      },
      60_000,
    )

    it('their packed types check against fast-check', async () => {
      writeFileSync(join(consumer, 'arbitraries.ts'), ARBITRARIES_TS)
      expect(await typecheck(consumer, 'tsconfig.arbitraries.json', ['arbitraries.ts'])).toBe('')
    }, 60_000)

    it('every packed declaration file compiles on its own, strictly', async () => {
      const dist = join(modules, pkg.name, 'dist')
      const declarations = readdirSync(dist)
        .filter((f) => /\.d\.c?ts$/.test(f))
        .map((f) => join(dist, f))
      expect(declarations.length).toBeGreaterThanOrEqual(8)
      expect(await typecheck(consumer, 'tsconfig.dts.json', declarations, true)).toBe('')
    }, 60_000)
  })
})
