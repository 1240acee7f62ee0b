import type { Region, ResolvedSettings } from '../settings/types.js'
import type { HttpMethod, IntercomRequest } from './types.js'

/** Intercom's REST API base URL per data-hosting region. */
export const REST_BASE_URL: Readonly<Record<Region, string>> = Object.freeze({
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
})

/**
 * One request descriptor on the settings' region and API version. Never adds an
 * `Authorization` header: the host's transport does. The descriptor is deep-frozen:
 * a transport that wrote its credentials into it would otherwise leak them into
 * every later `exchange()` (copy instead: `{ ...req.headers, Authorization }`).
 *
 * @param path Path and query, already encoded (see {@link segment}).
 */
export function endpoint(
  settings: Pick<ResolvedSettings, 'region' | 'apiVersion'>,
  method: HttpMethod,
  path: string,
  body?: Record<string, unknown>,
): IntercomRequest {
  const url = REST_BASE_URL[settings.region] + path
  if (body === undefined) {
    return Object.freeze({
      method,
      url,
      path,
      headers: Object.freeze({
        Accept: 'application/json',
        'Intercom-Version': settings.apiVersion,
      }),
    })
  }
  return Object.freeze({
    method,
    url,
    path,
    headers: Object.freeze({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Intercom-Version': settings.apiVersion,
    }),
    body: freezeDeep(body),
  })
}

/** Freezes a JSON body and everything in it (skipping what is already frozen). */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const key in value) freezeDeep(value[key])
  }
  return value
}

/** A path segment or query value, percent-encoded (ids may contain `/`, `?`, spaces…). */
export function segment(value: string): string {
  return encodeURIComponent(value)
}
