import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as arb from '../../src/arbitraries/index.js'
import { type IntercomRequest, type Settings, toRest, type Warning } from '../../src/index.js'
import { toCents } from '../../src/normalize/cents.js'
import { toUnixSeconds } from '../../src/normalize/dates.js'
import { codePointLength } from '../../src/normalize/truncate.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'
import { deepFreeze } from '../helpers/freeze.js'

const RUNS = { numRuns: 300 }
const NOW = Date.UTC(2026, 5, 1)

/** Every request of an event's exchange, driven against a permissive emulator. */
function requestsOf(
  event: unknown,
  settings: Settings,
): { requests: IntercomRequest[]; warnings: Warning[]; delivered: boolean } | undefined {
  const mapping = toRest(event, { settings, now: NOW })
  if (mapping.status !== 'mapped') return undefined
  const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
  // Make the user exist first, so track and group conversations run to the end.
  const e = event as { type?: unknown; userId?: unknown }
  if (e.type !== 'identify') {
    const user = toRest({
      type: 'identify',
      userId: e.userId,
      context: (event as { context?: unknown }).context,
      properties: undefined,
    })
    if (user.status === 'mapped') drive(user.exchange(), (r) => emulator.handle(r))
  }
  const { requests, outcome } = drive(mapping.exchange(), (r) => emulator.handle(r))
  const warnings = outcome.status === 'delivered' ? outcome.warnings : mapping.warnings
  return { requests, warnings, delivered: outcome.status === 'delivered' }
}

/** Bodies' attribute and metadata maps (contact, company, event). */
function attributeMaps(requests: IntercomRequest[]): Record<string, unknown>[] {
  const maps: Record<string, unknown>[] = []
  const visit = (body: Record<string, unknown>) => {
    for (const key of ['custom_attributes', 'metadata'] as const) {
      const m = body[key]
      if (m && typeof m === 'object') maps.push(m as Record<string, unknown>)
    }
    const companies = body.companies
    if (Array.isArray(companies)) for (const c of companies) visit(c as Record<string, unknown>)
  }
  for (const r of requests) if (r.body) visit(r.body)
  return maps
}

const eventAndSettings = fc.tuple(arb.segmentEvent(), arb.settings())

describe('toRest properties', () => {
  it('never throws, on arbitrary values and on arbitrary events with arbitrary settings', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        toRest(value)
      }),
      RUNS,
    )
    fc.assert(
      fc.property(eventAndSettings, ([event, settings]) => {
        const m = toRest(event, { settings })
        if (m.status === 'mapped')
          drive(m.exchange(), () => ({ status: 200, body: { id: 'x', type: 'list', data: [] } }))
      }),
      RUNS,
    )
  })

  it('never mutates its input (deep-frozen events and settings)', () => {
    fc.assert(
      fc.property(eventAndSettings, ([event, settings]) => {
        const before = structuredClone(event)
        deepFreeze(event)
        deepFreeze(settings)
        requestsOf(event, settings)
        expect(event).toEqual(before)
      }),
      RUNS,
    )
  })

  it('is deterministic: the same input gives the same requests and warnings', () => {
    fc.assert(
      fc.property(eventAndSettings, ([event, settings]) => {
        expect(requestsOf(event, settings)).toEqual(requestsOf(structuredClone(event), settings))
      }),
      RUNS,
    )
  })

  it('sends prices in integer cents equal to the decimal revenue × 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (cents, asText) => {
        const revenue = asText ? `$${(cents / 100).toFixed(2)}` : cents / 100
        const m = toRest({
          type: 'track',
          userId: 'u',
          event: 'Paid',
          timestamp: NOW,
          properties: { revenue },
        })
        expect(m.status).toBe('mapped')
        if (m.status !== 'mapped') return
        const request = m.exchange().next().value as IntercomRequest
        const metadata = request.body?.metadata as { price: { amount: number } }
        const price = metadata.price
        expect(Number.isInteger(price.amount)).toBe(true)
        expect(price.amount).toBe(cents)
      }),
      RUNS,
    )
  })

  it('keeps metadata within maxEventProperties, strings within 255 code points, keys free of . and $', () => {
    fc.assert(
      fc.property(eventAndSettings, ([event, settings]) => {
        const out = requestsOf(event, settings)
        if (!out) return
        const cap = settings.maxEventProperties ?? 5
        for (const r of out.requests) {
          const metadata = r.body?.metadata
          if (metadata) expect(Object.keys(metadata).length).toBeLessThanOrEqual(cap)
        }
        for (const map of attributeMaps(out.requests)) {
          for (const [key, value] of Object.entries(map)) {
            expect(key).not.toMatch(/[.$]/)
            if (typeof value === 'string') expect(codePointLength(value)).toBeLessThanOrEqual(255)
            if (value && typeof value === 'object') {
              for (const v of Object.values(value)) {
                if (typeof v === 'string' && !String(v).startsWith('http')) {
                  expect(codePointLength(v)).toBeLessThanOrEqual(255)
                }
              }
            }
          }
        }
      }),
      RUNS,
    )
  })

  it('names every traits/properties leaf it does not send in a warning', () => {
    fc.assert(
      fc.property(eventAndSettings, ([event, settings]) => {
        const out = requestsOf(event, settings)
        // Only a finished conversation has sent everything it will send.
        if (!out?.delivered) return
        const sent = outputValues(out.requests)
        const warned = out.warnings.map((w) => w.path)
        const root = event.type === 'track' ? 'properties' : 'traits'
        const source = (event as unknown as Record<string, unknown>)[root]
        for (const [path, value] of leaves(source, root)) {
          if (warned.some((w) => path === w || path.startsWith(`${w}.`))) continue
          expect(
            appears(value, path, sent, out.requests),
            `${path} = ${JSON.stringify(value)} is neither sent nor warned`,
          ).toBe(true)
        }
      }),
      RUNS,
    )
  })
})

function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  if (value instanceof Date || value === null || typeof value !== 'object') {
    yield [path, value]
    return
  }
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) yield* leaves(v, `${path}.${k}`)
  }
}

function outputValues(requests: IntercomRequest[]): { strings: string[]; others: Set<unknown> } {
  const strings: string[] = []
  const others = new Set<unknown>()
  const visit = (v: unknown) => {
    if (typeof v === 'string') strings.push(v)
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) visit(x)
    else others.add(v)
  }
  for (const r of requests) visit(r.body)
  return { strings, others }
}

/** Whether a leaf reached the output as itself or in its documented converted form. */
function appears(
  value: unknown,
  path: string,
  sent: { strings: string[]; others: Set<unknown> },
  requests: IntercomRequest[],
): boolean {
  const { strings, others } = sent
  if (/^properties\.(revenue|total)$/.test(path)) {
    const c = toCents(value)
    if (c.ok && others.has(c.cents)) return true
  }
  if (typeof value === 'string') {
    const t = value.trim()
    if (strings.some((s) => s === value || s.includes(t))) return true
    const seconds = toUnixSeconds(value)
    if (seconds !== undefined && others.has(seconds)) return true
    return false
  }
  if (typeof value === 'number') {
    if (others.has(value) || strings.includes(String(value))) return true
    if (others.has(Math.round(value))) return true
    const seconds = toUnixSeconds(value)
    return seconds !== undefined && others.has(seconds)
  }
  if (value instanceof Date) return others.has(toUnixSeconds(value))
  // `remove: false` is the default meaning (attach); `true` is sent as a detach.
  if (value === false && path.endsWith('.remove')) return true
  if (value === true && path.endsWith('.remove') && requests.some((r) => r.method === 'DELETE'))
    return true
  if (typeof value === 'boolean') return others.has(value) || strings.includes(String(value))
  return others.has(value) // null
}
