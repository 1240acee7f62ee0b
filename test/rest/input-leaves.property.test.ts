// Issue 9, generalised: for the envelopes Segment's SDKs and pipelines really send, every
// input value under traits / properties is either sent or named by its path in a warning
// (or an ancestor's, for a value dropped or converted whole), on every target.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { realEvent } from '../../src/arbitraries/sdk-envelopes.js'
import { toMessenger, toMobile, toRest } from '../../src/index.js'
import { toUnixSeconds } from '../../src/normalize/dates.js'
import { createIntercomEmulator } from '../../src/testing/index.js'
import { drive } from '../helpers/drive.js'
import { type Leaf, leaves, unaccounted } from '../helpers/leaves.js'

const settings = { appId: 'abc12345' }

/** The leaves of traits and properties: what the caller asked to store. */
function inputLeaves(event: unknown): Leaf[] {
  const e = event as { traits?: unknown; properties?: unknown }
  return [...leaves(e.traits, 'traits'), ...leaves(e.properties, 'properties')].filter(
    (l) => l.path !== 'traits' && l.path !== 'properties',
  )
}

/**
 * What a device SDK records by itself: the last-seen time "now". A last-seen trait equal
 * to the event's time is what the device records anyway (device-mode.ts), so it counts
 * as sent.
 */
function deviceRecorded(event: unknown): unknown {
  return toUnixSeconds((event as { timestamp?: unknown }).timestamp)
}

const runs = { numRuns: 300 }

describe('every input leaf of a real envelope is sent or warned at its path', () => {
  it('toRest: the request bodies of the exchange (permissive emulator)', () => {
    fc.assert(
      fc.property(realEvent(), (event) => {
        const r = toRest(event)
        if (r.status !== 'mapped') return
        const emulator = createIntercomEmulator({ requireDefinedAttributes: false })
        const { requests, outcome } = drive(r.exchange(), (q) => emulator.handle(q))
        const warnings = outcome.status === 'delivered' ? outcome.warnings : r.warnings
        const bodies = requests.map((q) => q.body)
        expect(unaccounted(inputLeaves(event), bodies, warnings)).toEqual([])
      }),
      runs,
    )
  }, 60_000)

  it('toMessenger: the calls', () => {
    fc.assert(
      fc.property(realEvent(), (event) => {
        const r = toMessenger(event, { settings })
        if (r.status !== 'mapped') return
        expect(
          unaccounted(inputLeaves(event), [r.calls, deviceRecorded(event)], r.warnings),
        ).toEqual([])
      }),
      runs,
    )
  }, 60_000)

  it('toMobile: the calls', () => {
    fc.assert(
      fc.property(realEvent(), (event) => {
        const r = toMobile(event)
        if (r.status !== 'mapped') return
        expect(
          unaccounted(inputLeaves(event), [r.calls, deviceRecorded(event)], r.warnings),
        ).toEqual([])
      }),
      runs,
    )
  }, 60_000)
})
