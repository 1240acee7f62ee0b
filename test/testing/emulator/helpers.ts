import type { IntercomRequest, IntercomResponse } from '../../../src/rest/types.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import type { EmulatorOptions, IntercomEmulator } from '../../../src/testing/emulator/types.js'

/** A well-formed request as the library would yield it. */
export function request(
  method: IntercomRequest['method'],
  path: string,
  body?: Record<string, unknown>,
  version = '2.16',
  extraHeaders: Record<string, string> = {},
): IntercomRequest {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Intercom-Version': version,
    ...extraHeaders,
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const req: IntercomRequest = { method, url: `https://api.intercom.io${path}`, path, headers }
  if (body !== undefined) req.body = body
  return req
}

/** The body of an `error.list` response. */
export interface ErrorList {
  type: 'error.list'
  request_id: string
  errors: { code: string; message: string; field?: string }[]
}

/** The first error of an error response (fails loudly when it is not one). */
export function firstError(response: IntercomResponse): ErrorList['errors'][number] {
  const body = response.body as ErrorList
  if (body?.type !== 'error.list' || body.errors[0] === undefined) {
    throw new Error(`not an error.list: ${JSON.stringify(response)}`)
  }
  return body.errors[0]
}

/** A JSON body as a record. */
export function bodyOf(response: IntercomResponse): Record<string, unknown> {
  return response.body as Record<string, unknown>
}

/** Emulator plus shortcuts for 2.x and 1.4 calls. */
export function setup(options: EmulatorOptions = {}): {
  intercom: IntercomEmulator
  v2: (
    method: IntercomRequest['method'],
    path: string,
    body?: Record<string, unknown>,
  ) => IntercomResponse
  v14: (
    method: IntercomRequest['method'],
    path: string,
    body?: Record<string, unknown>,
  ) => IntercomResponse
} {
  const intercom = createIntercomEmulator(options)
  return {
    intercom,
    v2: (method, path, body) => intercom.handle(request(method, path, body)),
    v14: (method, path, body) => intercom.handle(request(method, path, body, '1.4')),
  }
}
