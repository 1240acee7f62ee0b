// What a bundler puts in an app that imports the core entry: no identity code (the
// secret-holding helpers and their SHA-256 dependency), no fast-check, no Node built-ins,
// and only what the imported functions need (tree-shaking through dist/). The testing
// entry, too, must bundle without any package: fast-check is for ./arbitraries only.
// Reads dist/: `npm test` builds it first; otherwise run `npx tsup`.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

interface Bundle {
  code: string
  /** Bare specifiers (packages, Node built-ins) the bundled code imports. */
  bareImports: string[]
  /** Bundled input files that come from node_modules. */
  packageInputs: string[]
}

/** Records every bare import; leaves resolution to esbuild (which fails on Node built-ins). */
function recordBareImports(found: Set<string>): Plugin {
  return {
    name: 'record-bare-imports',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        // The package importing itself by name (tree-shaking entries) is not a dependency.
        if (!/^segment-intercom(\/|$)/.test(args.path)) found.add(args.path)
        return undefined
      })
    },
  }
}

async function bundle(
  entry: { file: string } | { contents: string },
  options: { external?: string[] } = {},
): Promise<Bundle> {
  const found = new Set<string>()
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [join(ROOT, entry.file)] }
      : { stdin: { contents: entry.contents, resolveDir: ROOT, loader: 'js' } }),
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    minify: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: options.external ?? [],
    plugins: [recordBareImports(found)],
  })
  const code = result.outputFiles[0]?.text ?? ''
  const packageInputs = Object.keys(result.metafile.inputs).filter((f) =>
    f.includes('node_modules'),
  )
  return { code, bareImports: [...found].sort(), packageInputs }
}

/**
 * Whether the bundle declares `name` at top level, as a function or a binding (esbuild may
 * suffix a renamed one: `toRest2`).
 */
const declares = (code: string, name: string): boolean =>
  new RegExp(`^(?:async )?function\\*? ${name}\\d*\\(|^(?:var|let|const) ${name}\\d* = `, 'm').test(
    code,
  )

/** Traces of the identity subpath: its functions, JWT header, SHA-256 constants. */
const IDENTITY_TRACES: readonly RegExp[] = [
  /\bfunction (userHash|userJwt)\d*\(/,
  /\bclass IdentityInputError\d*\b|\bIdentityInputError\d* = class\b/,
  /eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9/, // base64url('{"alg":"HS256","typ":"JWT"}')
  /0x6a09e667|1779033703/i, // SHA-256 initial hash value H0
  /0x428a2f98|1116352408/i, // SHA-256 round constant K0
  /@noble\/hashes/,
]

/** Uses of Node-only globals. */
const NODE_GLOBALS: readonly RegExp[] = [
  /\bprocess\s*\.\s*[A-Za-z]/,
  /\bBuffer\s*\.\s*[A-Za-z]/,
  /\brequire\s*\(/,
  /\b__dirname\b|\b__filename\b/,
]

const matching = (code: string, patterns: readonly RegExp[]): string[] =>
  patterns.filter((p) => p.test(code)).map(String)

/** Core exports that exist only for device mode, with a string literal only they carry. */
const DEVICE_ENCODERS = [
  { name: 'toMobile', literal: 'loginUserWithUserAttributes' },
  { name: 'toMessenger', literal: 'trackEvent' },
  { name: 'applyMessengerCalls', literal: 'load the Intercom snippet' },
] as const

let coreExports: string[]
/** The core's exported functions (classes included). */
let coreFunctions: string[]

/**
 * What `toRest` itself is built on: `normalizeChecked` and `readEvent` (internal: the cores of
 * `normalize` and `parseEvent`, which collect every error), which resolve settings;
 * KnownStateError: toRest checks options.known (and warns when it is not a state it wrote).
 */
const TO_REST_NEEDS = new Set(['toRest', 'resolveSettings', 'KnownStateError'])

beforeAll(async () => {
  for (const file of ['index', 'testing', 'arbitraries', 'identity']) {
    if (!existsSync(join(ROOT, `dist/${file}.js`))) {
      throw new Error(`dist/${file}.js is missing: build first with \`npx tsup\``)
    }
  }
  const core = (await import(pathToFileURL(join(ROOT, 'src/index.ts')).href)) as Record<
    string,
    unknown
  >
  coreExports = Object.keys(core)
  coreFunctions = coreExports.filter((name) => typeof core[name] === 'function')
})

describe('the detectors find what they look for (controls)', () => {
  it('the bundled identity entry shows every identity trace', async () => {
    const identity = await bundle({ file: 'dist/identity.js' })
    // @noble/hashes is bundled in (its code, constants included), so the import is recorded.
    expect(identity.bareImports.some((s) => s.startsWith('@noble/hashes'))).toBe(true)
    expect(matching(identity.code, IDENTITY_TRACES.slice(0, 5))).toHaveLength(5)
  })

  it('the arbitraries entry imports fast-check', async () => {
    const arbitraries = await bundle({ file: 'dist/arbitraries.js' }, { external: ['fast-check'] })
    expect(arbitraries.bareImports).toEqual(['fast-check'])
  })
})

describe('the testing entry (emulator and transports), bundled', () => {
  let testing: Bundle
  beforeAll(async () => {
    testing = await bundle({ file: 'dist/testing.js' })
  })

  it('imports no package and no Node built-in: it loads without fast-check', () => {
    expect(testing.bareImports).toEqual([])
    expect(testing.packageInputs).toEqual([])
    expect(testing.code).not.toMatch(/fast-check/)
  })

  it('still contains the emulator and the transports', () => {
    for (const name of ['createIntercomEmulator', 'createRecordingTransport']) {
      expect(declares(testing.code, name), name).toBe(true)
    }
  })
})

describe.each(['dist/index.js', 'src/index.ts'])('the core entry %s, bundled', (file) => {
  let core: Bundle
  beforeAll(async () => {
    core = await bundle({ file })
  })

  it('has no dependency at all: no package, no Node built-in', () => {
    expect(core.bareImports).toEqual([])
    expect(core.packageInputs).toEqual([])
  })

  it('contains no identity code', () => {
    expect(matching(core.code, IDENTITY_TRACES)).toEqual([])
  })

  it('contains no fast-check and no Node-only globals', () => {
    expect(core.code).not.toMatch(/fast-check/)
    expect(matching(core.code, NODE_GLOBALS)).toEqual([])
  })

  it('still contains the mapping code (the bundle is not empty)', () => {
    for (const name of ['toRest', 'normalize', 'parseEvent', 'deliver']) {
      expect(declares(core.code, name), name).toBe(true)
    }
  })
})

describe('tree-shaking through the package name', () => {
  let all: Bundle
  let restOnly: Bundle
  let parseOnly: Bundle
  beforeAll(async () => {
    ;[all, restOnly, parseOnly] = await Promise.all([
      bundle({ contents: "export * from 'segment-intercom'" }),
      bundle({ contents: "export { toRest } from 'segment-intercom'" }),
      bundle({ contents: "export { parseEvent } from 'segment-intercom'" }),
    ])
  })

  it('`import { toRest }` keeps toRest and drops deliver', () => {
    expect(declares(restOnly.code, 'toRest')).toBe(true)
    expect(declares(all.code, 'deliver')).toBe(true)
    expect(declares(restOnly.code, 'deliver')).toBe(false)
    expect(restOnly.code.length).toBeLessThan(all.code.length)
  })

  it('`import { toMessenger, applyMessengerCalls }` (the Messenger path) reaches no REST code', async () => {
    const messenger = await bundle({
      contents: "export { toMessenger, applyMessengerCalls } from 'segment-intercom'",
    })
    expect(declares(messenger.code, 'toMessenger')).toBe(true)
    // Control: the whole core declares them and carries the REST literals.
    for (const name of ['toRest', 'deliver', 'converse', 'endpoint', 'toMobile']) {
      expect(declares(all.code, name), name).toBe(true)
      expect(declares(messenger.code, name), name).toBe(false)
    }
    for (const literal of ['Intercom-Version', '/contacts/search', 'loginUserWithUserAttributes']) {
      expect(all.code, literal).toContain(literal)
      expect(messenger.code, literal).not.toContain(literal)
    }
  })

  it('`import { parseEvent }` drops normalization and every encoder', () => {
    expect(declares(parseOnly.code, 'parseEvent')).toBe(true)
    for (const name of ['normalize', 'toRest', 'deliver', ...DEVICE_ENCODERS.map((e) => e.name)]) {
      expect(declares(parseOnly.code, name), name).toBe(false)
    }
    expect(parseOnly.code).not.toContain('Intercom-Version')
    expect(parseOnly.code.length).toBeLessThan(restOnly.code.length)
  })

  it('`import { toRest }` keeps no exported function toRest does not call', () => {
    // Control: the full bundle declares every exported function under its own name.
    expect(coreFunctions.filter((name) => !declares(all.code, name))).toEqual([])
    expect(coreFunctions.filter((name) => declares(restOnly.code, name)).sort()).toEqual(
      [...TO_REST_NEEDS].sort(),
    )
  })

  // Covers the Messenger and mobile encoders as soon as src/index.ts exports them.
  it.each(DEVICE_ENCODERS)(
    '`import { toRest }` drops $name and its literals',
    ({ name, literal }) => {
      const exported = coreExports.includes(name)
      expect(declares(all.code, name)).toBe(exported)
      expect(all.code.includes(literal)).toBe(exported)
      expect(declares(restOnly.code, name)).toBe(false)
      expect(restOnly.code).not.toContain(literal)
    },
  )
})
