// The built package in an edge runtime: dist/ bundled to an IIFE with esbuild and run in
// an EdgeVM (the Vercel Edge Runtime's globals, no Node built-ins, no `eval`). Every
// result is compared with the same call made in Node on the same dist/ files.
// Reads dist/: `npm test` builds it first; otherwise run `npx tsup`.
import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { EdgeVM } from '@edge-runtime/vm'
import { build } from 'esbuild'
import * as fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The subset of the package the driver below calls; device encoders are optional. */
interface Api {
  core: Record<string, unknown> & {
    parseEvent(e: unknown): { status: string }
    normalize(e: unknown, o?: unknown): unknown
    toRest(e: unknown, o?: unknown): { status: string; exchange?: () => Iterator<unknown> }
    deliver(m: unknown, send: (r: unknown) => Promise<unknown>): Promise<unknown>
  }
  testing: {
    createIntercomEmulator(o?: unknown): {
      send(r: unknown): Promise<unknown>
      readonly state: unknown
    }
  }
  arbitraries?: Record<string, () => unknown>
}

/**
 * Maps every event with every exported mapping function, then delivers them in order to
 * a fresh emulator, and returns it all as JSON. Runs both in Node and (as source text,
 * via `toString()`) inside the EdgeVM, so it must not use anything from this module.
 */
async function drive(api: Api, events: unknown[]): Promise<string> {
  const { core, testing } = api
  const options = { settings: { appId: 'app1' } }
  const firstRequest = (m: { status: string; exchange?: () => Iterator<unknown> }): unknown =>
    m.exchange === undefined ? m : { ...m, first: m.exchange().next().value }
  const mapped = events.map((event) => {
    const out: Record<string, unknown> = {
      parse: core.parseEvent(event).status,
      normalize: core.normalize(event, options),
      rest: firstRequest(core.toRest(event, options)),
    }
    // The device encoders, once the core entry exports them.
    for (const name of ['toMessenger', 'toMobile']) {
      const encode = core[name]
      if (typeof encode === 'function') out[name] = encode(event, options)
    }
    return out
  })
  const emulator = testing.createIntercomEmulator({ requireDefinedAttributes: false })
  const outcomes: unknown[] = []
  for (const event of events) {
    outcomes.push(await core.deliver(core.toRest(event, options), emulator.send))
  }
  return JSON.stringify({ mapped, outcomes, state: emulator.state })
}

const EVENTS: unknown[] = [
  {
    type: 'identify',
    userId: 'u1',
    timestamp: '2026-01-01T00:00:00.000Z',
    traits: {
      name: 'Iñigo Montoya',
      email: 'inigo@example.com',
      createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      plan: 'pro',
      address: { city: 'Florin' },
      company: { id: 'c1', name: 'Iñigo & Friends', employees: 12 },
    },
  },
  {
    type: 'track',
    userId: 'u1',
    event: 'Order Completed',
    timestamp: '2026-01-01T00:01:00.000Z',
    properties: { revenue: 19.99, currency: 'EUR', coupon: 'x' },
  },
  {
    type: 'group',
    userId: 'u1',
    groupId: 'g1',
    timestamp: '2026-01-01T00:02:00.000Z',
    traits: { name: 'Segment', monthly_spend: 1299.5 },
  },
  { type: 'page', userId: 'u1', name: 'Pricing', timestamp: '2026-01-01T00:03:00.000Z' },
  { type: 'track', userId: 'u1', timestamp: '2026-01-01T00:04:00.000Z' },
  { type: 'bogus' },
  42,
]

function requireDist(): void {
  for (const file of ['index', 'testing', 'arbitraries', 'identity']) {
    if (!existsSync(join(ROOT, `dist/${file}.js`))) {
      throw new Error(`dist/${file}.js is missing: build first with \`npx tsup\``)
    }
  }
}

/** Bundles `contents` (resolved from the package root) to a script defining `globalName`. */
async function iife(contents: string, globalName: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

const SEED = 20260101

let vm: EdgeVM
let node: Api
let generated: unknown[]

beforeAll(async () => {
  requireDist()
  // fast-check is bundled in (not external): an edge app using `./arbitraries` would do the
  // same, and it proves the arbitraries run there too.
  const [lib, identity] = await Promise.all([
    iife(
      [
        "export * as core from './dist/index.js'",
        "export * as testing from './dist/testing.js'",
        "export * as arbitraries from './dist/arbitraries.js'",
        "export { sample } from 'fast-check'",
      ].join('\n'),
      'SI',
    ),
    iife("export * from './dist/identity.js'", 'SIIdentity'),
  ])
  vm = new EdgeVM()
  vm.evaluate(lib)
  vm.evaluate(identity)
  vm.evaluate(`globalThis.drive = ${drive.toString()}`)
  const load = (file: string): Promise<unknown> =>
    import(pathToFileURL(join(ROOT, `dist/${file}.js`)).href)
  node = {
    core: (await load('index')) as Api['core'],
    testing: (await load('testing')) as Api['testing'],
    arbitraries: (await load('arbitraries')) as Record<string, () => unknown>,
  }
  const segmentEvent = node.arbitraries?.segmentEvent?.() as fc.Arbitrary<unknown>
  generated = fc.sample(segmentEvent, { seed: SEED, numRuns: 40 })
})

describe('the edge runtime', () => {
  it('is an edge realm: no Node globals, no code generation', () => {
    expect(vm.evaluate('typeof EdgeRuntime')).toBe('string')
    expect(vm.evaluate('typeof process + typeof require + typeof Buffer')).toBe(
      'undefinedundefinedundefined',
    )
    expect(() => vm.evaluate('new Function("return 1")()')).toThrow()
  })
})

describe('core, testing and arbitraries in an EdgeVM', () => {
  it('toRest maps a track to POST /events with integer cents', () => {
    const json = vm.evaluate<string>(`JSON.stringify(SI.core.toRest(${JSON.stringify(EVENTS[1])})
      .exchange().next().value)`)
    expect(JSON.parse(json)).toMatchObject({
      method: 'POST',
      url: 'https://api.intercom.io/events',
      body: {
        event_name: 'Order Completed',
        user_id: 'u1',
        metadata: { price: { amount: 1999, currency: 'EUR' } },
      },
    })
  })

  it('parse, normalize, toRest (and device encoders) and deliver match Node', async () => {
    const edge = await vm.evaluate<Promise<string>>(`drive(SI, ${JSON.stringify(EVENTS)})`)
    const inNode = await drive(node, EVENTS)
    expect(JSON.parse(edge)).toEqual(JSON.parse(inNode))

    const result = JSON.parse(edge) as {
      mapped: { parse: string; rest: { status: string } }[]
      outcomes: { status: string }[]
      state: { contacts: { external_id: string }[]; events: { event_name: string }[] }
    }
    expect(result.mapped.map((m) => m.rest.status)).toEqual([
      'mapped',
      'mapped',
      'mapped',
      'skipped',
      'invalid',
      'invalid',
      'invalid',
    ])
    expect(result.outcomes.slice(0, 3).map((o) => o.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ])
    expect(result.state.contacts.map((c) => c.external_id)).toEqual(['u1'])
    expect(result.state.events.map((e) => e.event_name)).toEqual(['Order Completed'])
  })

  it('generated events (fast-check arbitraries run in the edge VM) map as in Node', async () => {
    const edgeSample = vm.evaluate<string>(
      `JSON.stringify(SI.sample(SI.arbitraries.segmentEvent(), { seed: ${SEED}, numRuns: 40 }))`,
    )
    expect(JSON.parse(edgeSample)).toEqual(JSON.parse(JSON.stringify(generated)))
    const edge = await vm.evaluate<Promise<string>>(
      `drive(SI, SI.sample(SI.arbitraries.segmentEvent(), { seed: ${SEED}, numRuns: 40 }))`,
    )
    const result = JSON.parse(edge) as { mapped: { rest: { status: string } }[] }
    expect(result).toEqual(JSON.parse(await drive(node, generated)))
    // The sample exercises real mappings, not only rejections.
    expect(result.mapped.map((m) => m.rest.status)).toEqual(
      expect.arrayContaining(['mapped', 'skipped']),
    )
  })
})

describe('identity in an EdgeVM', () => {
  const inputs: [string, string][] = [
    ['s', 'u'],
    ['a secret', 'user-42'],
    ['ключ', 'Iñigo 👋'],
    ['k'.repeat(100), 'u'.repeat(1000)], // a key longer than SHA-256's 64-byte block
  ]

  it.each(inputs)("userHash(%j, …) equals node:crypto's HMAC-SHA256", (secret, userId) => {
    const hash = vm.evaluate<string>(
      `SIIdentity.userHash(${JSON.stringify(secret)}, ${JSON.stringify(userId)})`,
    )
    expect(hash).toBe(createHmac('sha256', secret).update(userId).digest('hex'))
  })

  it('userJwt signs HS256 tokens node:crypto verifies', () => {
    const token = vm.evaluate<string>(
      `SIIdentity.userJwt('secret', { user_id: 'u1', email: 'a@example.com', exp: 1767225600 })`,
    )
    const [header, payload, signature] = token.split('.')
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toEqual({
      user_id: 'u1',
      email: 'a@example.com',
      exp: 1767225600,
    })
    const expected = createHmac('sha256', 'secret').update(`${header}.${payload}`)
    expect(signature).toBe(expected.digest('base64url'))
  })

  it('bad input throws IdentityInputError in the edge realm', () => {
    expect(
      vm.evaluate<string>(
        `(() => { try { SIIdentity.userHash('', 'u'); return 'no error' }
          catch (e) { return e instanceof SIIdentity.IdentityInputError ? e.field : String(e) } })()`,
      ),
    ).toBe('secret')
  })
})
