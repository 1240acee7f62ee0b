/**
 * Reading an {@link IntercomRequest}: headers in any case, path, query and API version.
 * @module
 */
import type { IntercomRequest } from '../../rest/types.js'

/** The value of a header, looked up case-insensitively. */
export function header(request: IntercomRequest, name: string): string | undefined {
  const wanted = name.toLowerCase()
  const headers: Record<string, unknown> = request.headers ?? {}
  // `for…in` over own keys: no entries array per lookup (four lookups a request).
  for (const key in headers) {
    if (!Object.hasOwn(headers, key)) continue
    const value = headers[key]
    if (key.toLowerCase() === wanted && typeof value === 'string') return value
  }
  return undefined
}

/** An `Intercom-Version` the emulator serves. */
export interface ApiVersion {
  major: 1 | 2
  minor: number
  /** As sent, e.g. `'2.16'`. */
  raw: string
}

/** The highest minor version of each major that Intercom accepts (1.0–1.4, 2.0–2.16). */
const NEWEST_MINOR = { 1: 4, 2: 16 } as const

/** Parses `Intercom-Version`; `undefined` when missing or not one Intercom accepts. */
export function parseVersion(value: string | undefined): ApiVersion | undefined {
  const match = /^([12])\.(0|[1-9]\d?)$/.exec(value?.trim() ?? '')
  if (match === null) return undefined
  const major = Number(match[1]) as 1 | 2
  const minor = Number(match[2])
  if (minor > NEWEST_MINOR[major]) return undefined
  return { major, minor, raw: `${major}.${minor}` }
}

/** A request path split into decoded segments and query parameters. */
export interface ParsedPath {
  segments: string[]
  query: Map<string, string>
}

/** Decodes one URL component; `undefined` when malformed. */
function decode(component: string): string | undefined {
  try {
    return decodeURIComponent(component)
  } catch {
    return undefined
  }
}

/**
 * Splits `path` (e.g. `/companies?company_id=a%20b`) into decoded segments and query
 * parameters (`+` is a space, as servers read form-encoded queries). `undefined` when
 * a component is not valid percent-encoding.
 */
export function parsePath(path: string): ParsedPath | undefined {
  const queryStart = path.indexOf('?')
  const pathname = queryStart === -1 ? path : path.slice(0, queryStart)
  const search = queryStart === -1 ? '' : path.slice(queryStart + 1)
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    if (raw === '') continue
    const segment = decode(raw)
    if (segment === undefined) return undefined
    segments.push(segment)
  }
  const query = new Map<string, string>()
  for (const pair of search.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const key = decode((eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' '))
    const value = decode((eq === -1 ? '' : pair.slice(eq + 1)).replaceAll('+', ' '))
    if (key === undefined || value === undefined) return undefined
    if (!query.has(key)) query.set(key, value)
  }
  return { segments, query }
}

/** True when an `Accept` header admits JSON responses. */
export function acceptsJson(accept: string | undefined): boolean {
  return accept !== undefined && /application\/json/i.test(accept)
}

/** True when a `Content-Type` header announces a JSON body. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*application\/json\s*(;|$)/i.test(contentType)
}
