import { REST_BASE_URL } from '../intercom/rest-hosts.js'
import type { ResolvedSettings } from '../settings/types.js'
import type { HttpMethod, IntercomRequest } from './types.js'

/** Frozen headers, one pair per API version: shared by every request of that version. */
const HEADERS = new Map<string, { bare: Record<string, string>; json: Record<string, string> }>()

function headersFor(version: string) {
  let h = HEADERS.get(version)
  if (h === undefined) {
    h = {
      bare: Object.freeze({ Accept: 'application/json', 'Intercom-Version': version }),
      json: Object.freeze({
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Intercom-Version': version,
      }),
    }
    HEADERS.set(version, h)
  }
  return h
}

/**
 * One request descriptor on the settings' region and API version. Never adds an
 * `Authorization` header: the host's transport does. The descriptor and its headers
 * are frozen — a transport that wrote its credentials into them would otherwise leak
 * them into every later `exchange()` — so copy instead: `{ ...req.headers,
 * Authorization }`. Bodies are not frozen (deep-freezing cost more than the whole
 * mapping); treat them as read-only.
 */
export function endpoint(
  settings: Pick<ResolvedSettings, 'region' | 'apiVersion'>,
  method: HttpMethod,
  path: string,
  body?: Record<string, unknown>,
): IntercomRequest {
  const url = REST_BASE_URL[settings.region] + path
  const headers = headersFor(settings.apiVersion)
  return body === undefined
    ? Object.freeze({ method, url, path, headers: headers.bare })
    : Object.freeze({ method, url, path, headers: headers.json, body })
}

/** A path segment or query value, percent-encoded (ids may contain `/`, `?`, spaces…). */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value)
}
