/**
 * `serveEmulator`: an {@link IntercomEmulator} behind a real HTTP server (`node:http`).
 * @module
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IntercomResponse } from '../../rest/types.js'
import type { IntercomEmulator } from '../emulator/types.js'
import {
  decodeBody,
  flattenHeaders,
  pathOf,
  serverError,
  toHttpAnswer,
  toIntercomRequest,
} from './http-exchange.js'

/** Options of {@link serveEmulator}. */
export interface ServeEmulatorOptions {
  /** TCP port; `0` (the default) picks a free one, which `url` then names. */
  port?: number
  /** Interface to listen on. Default `'127.0.0.1'` (this machine only). */
  host?: string
  /** Largest request body accepted, in bytes; larger ones answer `413`. Default 1 MiB. */
  maxBodyBytes?: number
}

/** A running emulator server. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash): use it as Intercom's base URL. */
  url: string
  /**
   * Stops accepting connections, closes idle keep-alive sockets, lets in-flight
   * requests finish (at most one second) and resolves once the server is closed.
   * Calling it again returns the same promise.
   */
  close(): Promise<void>
}

/** Default {@link ServeEmulatorOptions.maxBodyBytes}: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** The control routes, outside Intercom's API. */
const STATE_PATH = '/__emulator/state'
const RESET_PATH = '/__emulator/reset'
const CONTROL_PREFIX = '/__emulator/'

/** How long `close()` waits for in-flight requests before cutting their sockets. */
const CLOSE_GRACE_MS = 1_000

function checkServeOptions(options: ServeEmulatorOptions): Required<ServeEmulatorOptions> {
  const { port = 0, host = '127.0.0.1', maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options
  if (!Number.isSafeInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(port)}`)
  }
  if (typeof host !== 'string' || host === '') {
    throw new TypeError('host must be a non-empty string')
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new RangeError(`maxBodyBytes must be a non-negative integer, got ${String(maxBodyBytes)}`)
  }
  return { port, host, maxBodyBytes }
}

type ReadBody = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'aborted' }

/**
 * Reads the whole body, keeping at most `limit` bytes. Past the limit it keeps reading
 * and discards, so the answer (`413`) goes out on a connection the client can still read.
 */
function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
      } else if (!tooLarge) {
        chunks.push(chunk)
      }
    })
    req.on('end', () =>
      resolve(tooLarge ? { kind: 'too_large' } : { kind: 'ok', bytes: Buffer.concat(chunks) }),
    )
    // A client that goes away mid-body: nothing to answer (the first resolve wins).
    req.on('error', () => resolve({ kind: 'aborted' }))
    req.on('close', () => {
      if (!req.complete) resolve({ kind: 'aborted' })
    })
  })
}

/**
 * Serves an in-memory Intercom emulator over HTTP, so code that talks to Intercom with
 * its own HTTP client (any language) can run against it: point its base URL at `url`.
 * Node only (`segment-intercom/testing/server`).
 *
 * Every route the emulator answers is served at the same path: the HTTP method, path
 * and query, and headers (names lowercased, as HTTP/1.1 servers see them; the emulator
 * reads them case-insensitively) become an `IntercomRequest`, with a JSON body parsed
 * when `Content-Type` is `application/json`. The emulator's status, headers
 * (`X-RateLimit-*` included) and JSON body go back as sent (`/events` answers `202`
 * with no body). Unknown routes get the emulator's `404 not_found`.
 *
 * Two control routes sit outside Intercom's API and need no token:
 * `GET /__emulator/state` answers the emulator's `state` as JSON (`contacts`,
 * `companies`, `associations`, `events`, `dataAttributes`, `eventNames`), and
 * `POST /__emulator/reset` calls `emulator.reset()` and answers `204`.
 *
 * The server never crashes on bad input: a body over `maxBodyBytes` answers `413
 * request_too_large`, malformed JSON `400 parameter_invalid`, and an exception while
 * answering `500 server_error`, each as an Intercom `error.list` (their `request_id`
 * has variant digit `9`, the emulator's `8`). Keep-alive is supported.
 *
 * Create the emulator with `clock: Date.now`: served, requests arrive in real time, so
 * rate-limit windows, `X-RateLimit-Reset` and timestamps should follow the wall clock
 * (`segment-intercom emulate` does this). Requests are handled one at a time, in
 * arrival order; the emulator is synchronous, so concurrent requests never interleave.
 *
 * @param emulator - The emulator to serve (see `createIntercomEmulator`); the server
 *   only calls its `handle`, `state` and `reset`, so tests can still inspect it directly.
 * @param options - Port, host and body limit; see {@link ServeEmulatorOptions}.
 * @returns Once listening: the base `url` and `close()`.
 * @throws RangeError / TypeError (synchronously) for a bad option; the promise rejects
 *   when the server cannot listen (e.g. `EADDRINUSE`).
 *
 * @example
 * ```ts
 * import { deliver, toRest, type IntercomRequest } from 'segment-intercom'
 * import { createIntercomEmulator } from 'segment-intercom/testing'
 * import { serveEmulator } from 'segment-intercom/testing/server'
 *
 * const intercom = createIntercomEmulator({ clock: Date.now, token: 'test-token' })
 * const server = await serveEmulator(intercom) // a free port on 127.0.0.1
 *
 * // Your production transport, pointed at the emulator instead of api.intercom.io:
 * async function send(request: IntercomRequest) {
 *   const response = await fetch(server.url + request.path, {
 *     method: request.method,
 *     headers: { ...request.headers, Authorization: 'Bearer test-token' },
 *     body: request.body === undefined ? undefined : JSON.stringify(request.body),
 *   })
 *   const text = await response.text()
 *   return {
 *     status: response.status,
 *     headers: Object.fromEntries(response.headers),
 *     body: text === '' ? undefined : JSON.parse(text),
 *   }
 * }
 *
 * const identify = { type: 'identify', userId: 'u1', traits: { email: 'a@example.com' } }
 * await deliver(toRest(identify), send) // { status: 'delivered', … }
 * await fetch(`${server.url}/__emulator/state`).then((r) => r.json()) // { contacts: [ … ], … }
 * await server.close()
 * ```
 */
export function serveEmulator(
  emulator: IntercomEmulator,
  options: ServeEmulatorOptions = {},
): Promise<EmulatorServer> {
  const { port, host, maxBodyBytes } = checkServeOptions(options)
  let baseUrl = ''
  let answered = 0
  let closing = false

  function reply(res: ServerResponse, response: IntercomResponse): void {
    const { status, headers, text } = toHttpAnswer(response)
    headers['Content-Length'] = String(Buffer.byteLength(text))
    if (closing) headers.Connection = 'close'
    res.writeHead(status, headers)
    res.end(text)
  }

  function control(method: string, pathname: string): IntercomResponse {
    if (pathname === STATE_PATH && method === 'GET') {
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: emulator.state,
      }
    }
    if (pathname === RESET_PATH && method === 'POST') {
      emulator.reset()
      return { status: 204 }
    }
    answered += 1
    if (pathname === STATE_PATH || pathname === RESET_PATH) {
      const allow = pathname === STATE_PATH ? 'GET' : 'POST'
      return serverError(
        405,
        answered,
        { code: 'method_not_allowed', message: `${pathname} accepts ${allow} only` },
        { Allow: allow },
      )
    }
    return serverError(404, answered, { code: 'not_found', message: 'Resource Not Found' })
  }

  async function answer(req: IncomingMessage): Promise<IntercomResponse | undefined> {
    const method = req.method ?? 'GET'
    const path = pathOf(req.url ?? '/')
    const read = await readBody(req, maxBodyBytes)
    if (read.kind === 'aborted') return undefined
    if (read.kind === 'too_large') {
      answered += 1
      return serverError(413, answered, {
        code: 'request_too_large',
        message: `The request body is larger than ${maxBodyBytes} bytes`,
      })
    }
    if (path.startsWith(CONTROL_PREFIX)) {
      const queryStart = path.indexOf('?')
      return control(method, queryStart === -1 ? path : path.slice(0, queryStart))
    }
    const headers = flattenHeaders(req.headers)
    const decoded = decodeBody(read.bytes, headers['content-type'])
    if (!decoded.ok) {
      answered += 1
      return serverError(400, answered, decoded.error)
    }
    return emulator.handle(toIntercomRequest(baseUrl, method, path, headers, decoded.body))
  }

  const server = createServer((req, res) => {
    answer(req)
      .then((response) => {
        if (response === undefined) res.destroy()
        else reply(res, response)
      })
      .catch((error: unknown) => {
        // A bug or a throwing emulator: answer 500 if we still can; the server goes on.
        if (res.headersSent) {
          res.destroy()
          return
        }
        answered += 1
        try {
          reply(
            res,
            serverError(500, answered, {
              code: 'server_error',
              message: `Emulator server error: ${error instanceof Error ? error.message : String(error)}`,
            }),
          )
        } catch {
          res.destroy()
        }
      })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      // Past listening, a server error (rare: e.g. too many open files) must not crash the host.
      server.on('error', () => {})
      const { port: bound } = server.address() as AddressInfo
      baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`
      let closed: Promise<void> | undefined
      resolve({
        url: baseUrl,
        close(): Promise<void> {
          closed ??= new Promise<void>((done, fail) => {
            closing = true
            const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS)
            cut.unref()
            server.close((error) => {
              clearTimeout(cut)
              if (error === undefined) done()
              else fail(error)
            })
            server.closeIdleConnections()
          })
          return closed
        },
      })
    })
  })
}
