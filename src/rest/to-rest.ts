import { describe } from '../_lib/describe.js'
import { unsupportedType } from '../envelopes.js'
import type { NormalizedEvent } from '../normalize/model.js'
import { normalizeChecked } from '../normalize/normalize.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Invalid, MapOptions, Mapped, Skipped, Warning } from '../types.js'
import { warn } from '../warnings.js'
import { eventBody } from './bodies.js'
import { endpoint } from './endpoint.js'
import { converse, type KnownAttributes, type Script, single } from './kernel.js'
import { checkKnown, type KnownState, type KnownStateData, KnownStateError } from './known-state.js'
import { restInputErrors, restPreconditions } from './preconditions.js'
import type { Exchange } from './types.js'
import { v1Request } from './v1/request.js'
import { contactBody } from './v2/contacts.js'
import { group } from './v2/group.js'
import { identify } from './v2/identify.js'
/** A REST mapping: call `exchange()` for a fresh sans-I/O conversation with Intercom. */
export type RestMapping = Mapped<{ exchange(): Exchange }> | Skipped | Invalid

/**
 * Maps a Segment event to a conversation with Intercom's REST API (2.x by default,
 * or the legacy 1.4 Users API with `settings.apiVersion: '1.4'`). Nothing is sent:
 * `exchange()` yields request descriptors and reads the responses you feed back,
 * and {@link deliver} runs that loop with your transport. Request bodies are built
 * here, once; each `exchange()` call replays them.
 *
 * Never throws, never mutates `event`, never reads the clock.
 *
 * @example
 * ```ts
 * const mapping = toRest(
 *   { type: 'track', userId: 'u1', event: 'Order Completed', timestamp: '2026-01-01T00:00:00Z',
 *     properties: { revenue: 19.99 } },
 * )
 * if (mapping.status === 'mapped') {
 *   const ex = mapping.exchange()
 *   const first = ex.next().value // { method: 'POST', path: '/events', body: { …, metadata: { price: { amount: 1999, currency: 'usd' } } } }
 * }
 * ```
 */
export function toRest(event: unknown, options?: MapOptions): RestMapping {
  const n = normalizeChecked(event, options, restInputErrors)
  if (n.status !== 'normalized') return n
  const warnings = n.warnings
  const stop = restPreconditions(n, warnings)
  if (stop !== undefined) return stop
  const m = n.event
  const script =
    n.settings.apiVersion === '1.4'
      ? v1Script(m, n.settings, warnings)
      : v2Script(m, n.settings, warnings)
  if (script === undefined) return unsupported(m, warnings)
  const v1 = n.settings.apiVersion === '1.4'
  const known = v1 ? undefined : checkedKnown(n.known, warnings)
  const knownAttributes = v1 ? undefined : attributeSets(n.knownAttributes, warnings)
  const setup = { settings: n.settings, nowMs: n.nowMs, warnings, known, knownAttributes }
  return { status: 'mapped', warnings, exchange: () => converse(setup, script) }
}

/** 1.4: one request per call (`POST /users` upserts the user and their companies). */
function v1Script(
  m: NormalizedEvent,
  settings: ResolvedSettings,
  warnings: Warning[],
): Script | undefined {
  const request = v1Request(m, settings, warnings)
  return request === undefined ? undefined : single(request)
}

/** 2.x: a conversation per call type; bodies are built here, once per mapping. */
function v2Script(
  m: NormalizedEvent,
  settings: ResolvedSettings,
  warnings: Warning[],
): Script | undefined {
  switch (m.type) {
    case 'identify': {
      const body = contactBody(m, warnings, settings.apiVersion)
      return (c) => identify(c, m, body)
    }
    case 'track':
      // preconditions guarantee createdAt
      return single(endpoint(settings, 'POST', '/events', eventBody(m, m.createdAt ?? 0)))
    case 'group':
      return (c) => group(c, m)
    default:
      return undefined
  }
}

/** `options.known`, when it is a state this library wrote; else ignored with a warning. */
function checkedKnown(
  known: KnownState | undefined,
  warnings: Warning[],
): KnownStateData | undefined {
  if (known === undefined) return undefined
  try {
    // The shape only: each entry is checked when an exchange reads it (Memory).
    return checkKnown(known, 'options.known', false)
  } catch (error) {
    const path = error instanceof KnownStateError ? error.path : 'options.known'
    const why = error instanceof Error ? error.message : 'unreadable'
    warn(warnings, 'invalid_known_state', path, `Ignored: ${why}`)
    return undefined
  }
}

/** `options.knownAttributes` as sets; a list that is not one of names is warned and ignored. */
function attributeSets(
  given: MapOptions['knownAttributes'],
  warnings: Warning[],
): KnownAttributes | undefined {
  if (given === undefined) return undefined
  const out: { contact?: ReadonlySet<string>; company?: ReadonlySet<string> } = {}
  for (const model of ['contact', 'company'] as const) {
    const names = given[model]
    if (names === undefined) continue
    try {
      const set = new Set<string>()
      for (const name of names) {
        if (typeof name !== 'string') throw new TypeError(`${describe(name)} is not a name`)
        set.add(name)
      }
      out[model] = set
    } catch (error) {
      const why = error instanceof Error ? error.message : 'unreadable'
      const path = `options.knownAttributes.${model}`
      warn(warnings, 'invalid_known_state', path, `Ignored: not a list of attribute names (${why})`)
    }
  }
  return out
}

function unsupported(m: NormalizedEvent, warnings: Warning[]): Skipped {
  return unsupportedType(`REST does not send ${m.type}`, warnings)
}
