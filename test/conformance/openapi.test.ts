/**
 * Every request body the library produces must conform to Intercom's official
 * OpenAPI descriptions (2.11 and 2.16), checked with ajv through the harness in
 * test/support/openapi.ts. Known places where the published schema is narrower
 * than Intercom's API (event metadata values other than strings; company custom
 * attribute values other than strings) are documented exceptions there
 * (test/support/openapi-exceptions.ts), each with the evidence.
 */
import { readFileSync } from 'node:fs'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as arb from '../../src/arbitraries/index.js'
import { type IntercomRequest, type Settings, toRest } from '../../src/index.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'
import {
  findOperation,
  LIBRARY_OPERATIONS,
  type SpecVersion,
  validateRequest,
} from '../support/openapi.js'

const VERSIONS: SpecVersion[] = ['2.11', '2.16']
const examples = readFileSync(new URL('../../examples/events.ndjson', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown)

/**
 * All requests of one event's conversations, against a fresh emulator: missing
 * attributes are created on demand (so POST /data_attributes is exercised too),
 * and the user is created first so track and group conversations reach their end.
 */
function requests(
  event: unknown,
  settings: Settings,
  emulator = createIntercomEmulator(),
): IntercomRequest[] {
  const all: IntercomRequest[] = []
  const run = (e: unknown) => {
    const m = toRest(e, {
      settings: { ...settings, createMissingAttributes: true },
      now: Date.UTC(2026, 0, 1),
    })
    if (m.status === 'mapped') all.push(...drive(m.exchange(), (r) => emulator.handle(r)).requests)
  }
  const e = event as { type?: string; userId?: unknown; traits?: { email?: unknown } }
  if (e.type !== 'identify' && e.userId !== undefined) run({ type: 'identify', userId: e.userId })
  run(event)
  return all
}

/** Checks each request; returns the operations (`METHOD template`) they call. */
function expectConforming(version: SpecVersion, list: IntercomRequest[]): Set<string> {
  const operations = new Set<string>()
  for (const r of list) {
    const result = validateRequest(version, r)
    expect(result.errors, `${r.method} ${r.path} ${JSON.stringify(r.body)}`).toEqual([])
    operations.add(`${r.method} ${findOperation(version, r.method, r.path)?.template}`)
  }
  return operations
}

describe.each(VERSIONS)('requests conform to the Intercom %s OpenAPI description', (version) => {
  it('for every example event (and cover every operation the library uses)', () => {
    const seen = new Set<string>()
    const emulator = createIntercomEmulator() // one workspace: later events see earlier ones
    for (const event of examples) {
      const list = requests(event, { apiVersion: version }, emulator)
      for (const op of expectConforming(version, list)) seen.add(op)
    }
    // A user search cannot see yet: the create answers 409, the contact is read, then updated.
    const lagging = createIntercomEmulator({ searchLag: 10 })
    for (const name of ['First', 'Second']) {
      const event = { type: 'identify', userId: 'lagging', traits: { name } }
      const list = requests(event, { apiVersion: version }, lagging)
      for (const op of expectConforming(version, list)) seen.add(op)
    }
    expect([...seen].sort()).toEqual([...LIBRARY_OPERATIONS].sort())
  })

  it('for generated events with generated settings', () => {
    fc.assert(
      fc.property(arb.segmentEvent(), arb.settings(), (event, settings) => {
        const list = requests(event, { ...settings, apiVersion: version })
        for (const op of expectConforming(version, list)) {
          expect(LIBRARY_OPERATIONS).toContain(op)
        }
      }),
      { numRuns: 150 },
    )
  })
})
