/**
 * Turning HTTP into the emulator's {@link IntercomRequest}s and its answers back into
 * HTTP: header flattening, body decoding, and the server's own `error.list` answers.
 * No I/O here; `serve.ts` does the sockets.
 * @module
 */
import type { HttpMethod, IntercomRequest, IntercomResponse } from '../../rest/types.js'
import { type ErrorEntry, errorResponse } from '../emulator/errors.js'
import { isJsonContentType } from '../emulator/request.js'

/** Request headers as Node's `IncomingMessage.headers` holds them (names lowercased). */
export type IncomingHeaders = Record<string, string | string[] | undefined>

/** Headers as one string per (lowercased) name; repeated headers joined with `, `. */
export function flattenHeaders(headers: IncomingHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** The path and query of a request target (origin-form `/a?b`, or absolute-form). */
export function pathOf(target: string): string {
  if (target.startsWith('/')) return target
  try {
    const parsed = new URL(target)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    // Not a URL (`*`, garbage): the emulator answers it with its 404.
    return target
  }
}

/** The body as a request carries it to the emulator, or the error to answer instead. */
export type DecodedBody =
  | { ok: true; body: Record<string, unknown> | undefined }
  | { ok: false; error: ErrorEntry }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a request body as the emulator expects it: parsed JSON when the `Content-Type`
 * says JSON and there are bytes, else none (the emulator ignores non-JSON bodies, as
 * Intercom does). A JSON body that is not an object is passed on for the emulator to
 * refuse in its own words.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  if (bytes.byteLength === 0 || !isJsonContentType(contentType))
    return { ok: true, body: undefined }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return {
      ok: false,
      error: { code: 'parameter_invalid', message: 'Invalid JSON: the body is not UTF-8' },
    }
  }
  try {
    return { ok: true, body: JSON.parse(text) as Record<string, unknown> }
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'parameter_invalid',
        message: `Invalid JSON in the request body: ${(error as Error).message}`,
      },
    }
  }
}

/** The request the emulator handles for an HTTP request. */
export function toIntercomRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Record<string, unknown> | undefined,
): IntercomRequest {
  // Node uppercases known methods; the emulator answers any other with its 404.
  const request: IntercomRequest = {
    method: method as HttpMethod,
    url: `${baseUrl}${path}`,
    path,
    headers,
  }
  if (body !== undefined) request.body = body
  return request
}

/**
 * The request id of the server's own `n`th answer (oversized body, bad JSON, control
 * routes' errors): UUID-shaped like the emulator's, with variant digit `9` instead of
 * `8` so the two counters never collide.
 */
export function serverRequestId(n: number): string {
  return `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`
}

/** One of the server's own `error.list` answers. */
export function serverError(
  status: number,
  n: number,
  entry: ErrorEntry,
  headers: Record<string, string> = {},
): IntercomResponse {
  return errorResponse(status, serverRequestId(n), entry, headers)
}

/** A response as HTTP: status, headers with `Content-Type` and `Content-Length`, body text. */
export interface HttpAnswer {
  status: number
  headers: Record<string, string>
  text: string
}

/**
 * Serialises a response: JSON text when it has a body (with `Content-Type:
 * application/json` unless it names one), nothing otherwise (the `202` of `/events`).
 */
export function toHttpAnswer(response: IntercomResponse): HttpAnswer {
  const headers: Record<string, string> = { ...response.headers }
  const text = response.body === undefined ? '' : JSON.stringify(response.body)
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')
  if (text !== '' && !hasType) headers['Content-Type'] = 'application/json; charset=utf-8'
  return { status: response.status, headers, text }
}
