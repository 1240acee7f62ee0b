import { request as httpRequest } from 'node:http'
import type { IntercomRequest, IntercomResponse } from '../../../src/rest/types.js'

/** A production-style transport: the request over real HTTP to `baseUrl`, parsed back. */
export function fetchSend(
  baseUrl: string,
  extraHeaders: Record<string, string> = {},
): (request: IntercomRequest) => Promise<IntercomResponse> {
  return async (request) => {
    const init: RequestInit = {
      method: request.method,
      headers: { ...request.headers, ...extraHeaders },
    }
    if (request.body !== undefined) init.body = JSON.stringify(request.body)
    return toResponse(await fetch(baseUrl + request.path, init))
  }
}

/** A fetch `Response` as the library's {@link IntercomResponse}. */
export async function toResponse(response: Response): Promise<IntercomResponse> {
  const text = await response.text()
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  }
}

/** The headers the library puts on a 2.16 request with a JSON body. */
export const JSON_HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'Intercom-Version': '2.16',
}

/** A raw POST of `body` (any bytes) with the JSON headers. */
export async function postRaw(
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = JSON_HEADERS,
): Promise<IntercomResponse> {
  return toResponse(await fetch(url, { method: 'POST', headers, body }))
}

/** The first error of an `error.list` body (fails loudly when it is not one). */
export function firstError(response: IntercomResponse): {
  code: string
  message: string
  requestId: string
} {
  const body = response.body as {
    type?: string
    request_id: string
    errors: { code: string; message: string }[]
  }
  const error = body?.errors?.[0]
  if (body?.type !== 'error.list' || error === undefined) {
    throw new Error(`not an error.list: ${JSON.stringify(response)}`)
  }
  return { ...error, requestId: body.request_id }
}

/**
 * A request over a fresh socket (no keep-alive pool) that resolves with the status, or
 * rejects when the connection fails: to see whether the server still listens.
 */
export function rawStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}
