// The published entry points, loaded the way users load them: by package name, through
// the `exports` map, with Node's own ESM and CommonJS loaders (in child processes, see
// fixtures/node-probe.mjs). Reads dist/: `npm test` builds it first; otherwise run
// `npx tsup`.
import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PROBE = join(ROOT, 'test/package/fixtures/node-probe.mjs')
const run = promisify(execFile)

/** The probe's JSON output (see fixtures/node-probe.mjs). */
interface Probe {
  format: 'esm' | 'cjs'
  resolved: Record<string, string>
  exports: Record<string, string[]>
  /** A seeded sample of `segmentEvent()`, or the error loading the subpath gave. */
  arbitraries: { sample: unknown[] } | { error: { code: string; message: string } }
  version: string
  parse: string
  normalize: string
  invalid: { status: string; errors: { code: string; path: string }[] }
  restRequest: unknown
  restOutcome: unknown
  delivered: unknown[]
  emulatorEvents: unknown[]
  messenger?: unknown
  mobile?: unknown
  userHash: string
  userJwt: string
  identityError: { name: string; field: string; isExportedClass: boolean; isTypeError: boolean }
}

const SUBPATHS = {
  'segment-intercom': { file: 'index', src: 'src/index.ts' },
  'segment-intercom/testing': { file: 'testing', src: 'src/testing/index.ts' },
  'segment-intercom/arbitraries': { file: 'arbitraries', src: 'src/arbitraries/index.ts' },
  'segment-intercom/identity': { file: 'identity', src: 'src/identity/index.ts' },
} as const
type Subpath = keyof typeof SUBPATHS
const SUBPATH_NAMES = Object.keys(SUBPATHS) as Subpath[]

/** What the published REST request for the probe's track event must be. */
const TRACK_REQUEST = {
  method: 'POST',
  url: 'https://api.intercom.io/events',
  path: '/events',
  headers: {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Intercom-Version': '2.16',
  },
  body: {
    event_name: 'Order Completed',
    created_at: 1767225600,
    user_id: 'u1',
    metadata: { price: { amount: 1999, currency: 'EUR' } },
  },
}
const TRACK_PRICE = { price: { amount: 1999, currency: 'EUR' } }

async function probe(format: 'esm' | 'cjs'): Promise<Probe> {
  const { stdout } = await run(process.execPath, [PROBE, format], { cwd: ROOT })
  return JSON.parse(stdout) as Probe
}

/** Value export names of a source entry, read through vitest (the source of truth). */
async function srcExports(subpath: Subpath): Promise<string[]> {
  const mod = (await import(pathToFileURL(join(ROOT, SUBPATHS[subpath].src)).href)) as object
  return Object.keys(mod).sort()
}

const base64url = (s: string): string => Buffer.from(s).toString('base64url')

let esm: Probe
let cjs: Probe
let src: Record<Subpath, string[]>

beforeAll(async () => {
  for (const { file } of Object.values(SUBPATHS)) {
    for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) {
      if (!existsSync(join(ROOT, `dist/${file}.${ext}`))) {
        throw new Error(`dist/${file}.${ext} is missing: build first with \`npx tsup\``)
      }
    }
  }
  ;[esm, cjs] = await Promise.all([probe('esm'), probe('cjs')])
  const names = await Promise.all(SUBPATH_NAMES.map(srcExports))
  src = Object.fromEntries(SUBPATH_NAMES.map((s, i) => [s, names[i]])) as Record<Subpath, string[]>
})

describe.each(SUBPATH_NAMES)('%s', (subpath) => {
  const { file } = SUBPATHS[subpath]

  it('resolves by package name through the exports map (self-reference)', () => {
    expect(esm.resolved[subpath]).toBe(pathToFileURL(join(ROOT, `dist/${file}.js`)).href)
    expect(cjs.resolved[subpath]).toBe(join(ROOT, `dist/${file}.cjs`))
  })

  it('exposes the same value exports in ESM and CommonJS as the source entry', () => {
    expect(src[subpath].length).toBeGreaterThan(0)
    // A mismatch with src usually means a stale dist/: rebuild with `npx tsup`.
    expect(esm.exports[subpath]).toEqual(src[subpath])
    expect(cjs.exports[subpath]).toEqual(src[subpath])
  })
})

describe('the public API contract (DESIGN.md section 3) is exported', () => {
  it('core, testing, arbitraries and identity expose their documented functions', () => {
    for (const probe of [esm, cjs]) {
      expect(probe.exports['segment-intercom']).toEqual(
        expect.arrayContaining(['toRest', 'deliver', 'parseEvent', 'normalize']),
      )
      expect(probe.exports['segment-intercom/testing']).toEqual(
        expect.arrayContaining(['createIntercomEmulator', 'createRecordingTransport']),
      )
      expect(probe.exports['segment-intercom/arbitraries']).toEqual(
        expect.arrayContaining(['identifyEvent', 'trackEvent', 'groupEvent', 'segmentEvent']),
      )
      expect(probe.exports['segment-intercom/identity']).toEqual(
        expect.arrayContaining(['userHash', 'userJwt', 'IdentityInputError']),
      )
    }
  })

  it('the arbitraries load with fast-check and sample the same events in ESM and CommonJS', () => {
    const sample = (probe: Probe): unknown[] => {
      if ('error' in probe.arbitraries) throw new Error(probe.arbitraries.error.message)
      return probe.arbitraries.sample
    }
    expect(sample(esm)).toHaveLength(5)
    expect(sample(esm)).toEqual(sample(cjs))
    expect(sample(esm)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: expect.any(String) })]),
    )
  })

  it('the testing entry no longer carries the arbitraries (it must load without fast-check)', () => {
    expect(esm.exports['segment-intercom/testing']).not.toContain('arbitraries')
    expect(cjs.exports['segment-intercom/testing']).not.toContain('arbitraries')
  })

  it('package.json is exported and carries the version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(esm.version).toBe(pkg.version)
    expect(cjs.version).toBe(pkg.version)
  })
})

describe.each(['esm', 'cjs'] as const)('real calls through the %s build', (format) => {
  const p = (): Probe => (format === 'esm' ? esm : cjs)

  it('parseEvent and normalize accept a track event', () => {
    expect(p().parse).toBe('parsed')
    expect(p().normalize).toBe('normalized')
  })

  it('toRest maps a track to POST /events with integer cents, and rejects a non-object', () => {
    expect(p().restRequest).toEqual(TRACK_REQUEST)
    expect(p().restOutcome).toEqual({
      status: 'delivered',
      requests: 1,
      warnings: [],
      learned: { version: 1 },
    })
    expect(p().invalid.status).toBe('invalid')
    expect(p().invalid.errors).toEqual([expect.objectContaining({ path: '' })])
  })

  it('deliver runs identify then track against the testing emulator', () => {
    expect(p().delivered).toEqual([
      {
        status: 'delivered',
        requests: 2, // search, then create
        warnings: [],
        learned: { version: 1, contacts: { byExternalId: { u1: '6a00c0000000000000000001' } } },
      },
      { status: 'delivered', requests: 1, warnings: [], learned: { version: 1 } },
    ])
    expect(p().emulatorEvents).toEqual([{ name: 'Order Completed', metadata: TRACK_PRICE }])
  })

  it('device encoders, once exported from the core entry, map the track', () => {
    const messenger = src['segment-intercom'].includes('toMessenger')
      ? {
          status: 'mapped',
          warnings: [],
          calls: [{ method: 'trackEvent', args: ['Order Completed', TRACK_PRICE] }],
        }
      : undefined
    const mobile = src['segment-intercom'].includes('toMobile')
      ? {
          status: 'mapped',
          warnings: [],
          calls: [{ method: 'logEvent', args: ['Order Completed', TRACK_PRICE] }],
        }
      : undefined
    expect(p().messenger).toEqual(messenger)
    expect(p().mobile).toEqual(mobile)
  })

  it("userHash equals node:crypto's HMAC-SHA256", () => {
    expect(p().userHash).toBe(createHmac('sha256', 's').update('u').digest('hex'))
  })

  it('userJwt is an HS256 token node:crypto verifies', () => {
    const [header, payload, signature] = p().userJwt.split('.')
    expect(header).toBe(base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toEqual({
      user_id: 'u1',
      email: 'a@example.com',
      exp: 1767225600,
    })
    const expected = createHmac('sha256', 'secret').update(`${header}.${payload}`)
    expect(signature).toBe(expected.digest('base64url'))
  })

  it('identity input errors are the exported IdentityInputError class', () => {
    expect(p().identityError).toEqual({
      name: 'IdentityInputError',
      field: 'secret',
      isExportedClass: true,
      isTypeError: true,
    })
  })
})

it('ESM and CommonJS builds give identical results', () => {
  const { format: _esm, resolved: _r1, ...esmResults } = esm
  const { format: _cjs, resolved: _r2, ...cjsResults } = cjs
  expect(esmResults).toEqual(cjsResults)
})
