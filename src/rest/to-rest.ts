import { unsupportedType } from '../envelopes.js'
import type { NormalizedEvent } from '../normalize/model.js'
import { normalize } from '../normalize/normalize.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { Invalid, MapOptions, Mapped, Skipped, Warning } from '../types.js'
import { eventBody } from './bodies.js'
import { endpoint } from './endpoint.js'
import { restPreconditions } from './preconditions.js'
import { singleExchange } from './single-exchange.js'
import type { Exchange } from './types.js'
import { v1Request } from './v1/request.js'
import { contactBody } from './v2/contact-body.js'
import { groupExchange } from './v2/group.js'
import { identifyExchange } from './v2/identify.js'
import type { Conversation } from './v2/steps.js'

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
  const n = normalize(event, options)
  if (n.status !== 'normalized') return n
  const warnings = n.warnings
  const stop = restPreconditions(n, options, warnings)
  if (stop !== undefined) return stop
  const nowMs = n.nowMs
  const m = n.event
  const settings = n.settings

  if (settings.apiVersion === '1.4') {
    const request = v1Request(m, settings, warnings)
    if (request === undefined) return unsupported(m, warnings)
    return { status: 'mapped', warnings, exchange: () => singleExchange(request, warnings, nowMs) }
  }
  return v2Mapping(m, settings, warnings, nowMs)
}

function v2Mapping(
  m: NormalizedEvent,
  settings: ResolvedSettings,
  warnings: Warning[],
  nowMs: number | undefined,
): RestMapping {
  const conversation = (): Conversation => ({
    settings,
    nowMs,
    requests: 0,
    warnings: warnings.slice(),
  })
  switch (m.type) {
    case 'identify': {
      const body = contactBody(m, warnings, settings.apiVersion)
      return {
        status: 'mapped',
        warnings,
        exchange: () => identifyExchange(conversation(), m, body),
      }
    }
    case 'track': {
      const request = endpoint(settings, 'POST', '/events', eventBody(m, m.createdAt ?? 0))
      return {
        status: 'mapped',
        warnings,
        exchange: () => singleExchange(request, warnings, nowMs),
      }
    }
    case 'group':
      return { status: 'mapped', warnings, exchange: () => groupExchange(conversation(), m) }
    default:
      return unsupported(m, warnings)
  }
}

function unsupported(m: NormalizedEvent, warnings: Warning[]): Skipped {
  return unsupportedType(`REST does not send ${m.type}`, warnings)
}
