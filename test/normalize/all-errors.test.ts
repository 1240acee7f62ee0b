// Issue 9, item 13: validation does not stop at the first error. An event with several
// independent faults gets an error for each, from every entry point and target.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type MapOptions,
  normalize,
  parseEvent,
  type Settings,
  toMessenger,
  toMobile,
  toRest,
} from '../../src/index.js'
import { loadFixtures } from '../fixtures/sdk-shapes.js'

type Obj = Record<string, unknown>
const TRACK = loadFixtures().find((f) => f.file === 'analytics-node/track.json')?.event as Obj

/** One fault per error path: how it is injected into the event or the options. */
const FAULTS: Record<string, (event: Obj, options: { settings: Obj; now?: unknown }) => void> = {
  userId: (e) => {
    e.userId = { id: 'u_1042' }
  },
  anonymousId: (e) => {
    e.anonymousId = true
  },
  event: (e) => {
    delete e.event
  },
  timestamp: (e) => {
    e.timestamp = { iso: '2024-03-05' }
  },
  properties: (e) => {
    e.properties = 'order_id=1'
  },
  context: (e) => {
    e.context = ['library']
  },
  integrations: (e) => {
    e.integrations = 5
  },
  'settings.region': (_, o) => {
    o.settings.region = 'mars'
  },
  'settings.maxEventProperties': (_, o) => {
    o.settings.maxEventProperties = 'ten'
  },
  'options.now': (_, o) => {
    o.now = 'yesterday'
  },
}
const NAMES = Object.keys(FAULTS)

function withFaults(faults: string[]): { event: Obj; options: MapOptions } {
  const event = structuredClone(TRACK)
  const options: { settings: Obj; now?: unknown } = { settings: { appId: 'abc12345' } }
  for (const name of faults) FAULTS[name]?.(event, options)
  return { event, options: options as MapOptions & { settings: Settings } }
}

function errorPaths(r: { status: string; errors?: { path: string }[] }): string[] {
  return [...new Set((r.errors ?? []).map((e) => e.path))].sort()
}

describe('every independent error of an event is reported at once', () => {
  it('a track with a bad timestamp, no event name and a wrong-typed userId: 3 paths', () => {
    const { event, options } = withFaults(['timestamp', 'event', 'userId'])
    const r = toRest(event, options)
    expect(r.status).toBe('invalid')
    expect(r.status === 'invalid' && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['wrong_type', 'userId'],
      ['missing_field', 'event'],
      ['wrong_type', 'timestamp'],
      // REST's own checks run on what is left: no user, and no time.
      ['missing_identity', 'userId'],
      ['missing_timestamp', 'timestamp'],
    ])
  })

  it('REST: a track without a user and without a time has both errors', () => {
    const event = structuredClone(TRACK)
    delete event.userId
    delete event.timestamp
    const r = toRest(event)
    expect(r.status === 'invalid' && r.errors.map((e) => e.code)).toEqual([
      'missing_identity',
      'missing_timestamp',
    ])
  })

  it('an unknown type still reports the faulty fields every call has', () => {
    const r = parseEvent({ type: 'launch', userId: [], context: 'x' })
    expect(r.status === 'invalid' && r.errors.map((e) => e.path)).toEqual([
      'type',
      'userId',
      'context',
    ])
  })

  it('property: k injected faults give exactly k error paths, on every entry point', () => {
    fc.assert(
      fc.property(fc.subarray(NAMES, { minLength: 1 }), (faults) => {
        const expected = [...faults].sort()
        const { event, options } = withFaults(faults)
        for (const [name, r] of [
          ['toRest', toRest(event, options)],
          ['toMessenger', toMessenger(event, options)],
          ['toMobile', toMobile(event, options)],
          ['normalize', normalize(event, options)],
        ] as const) {
          expect(r.status, name).toBe('invalid')
          expect(errorPaths(r), `${name}: ${faults.join(', ')}`).toEqual(expected)
        }
        const eventFaults = faults.filter((f) => !f.includes('.')).sort()
        const parsed = parseEvent(event)
        expect(errorPaths(parsed)).toEqual(eventFaults)
      }),
      { numRuns: 200 },
    )
  })
})
