/**
 * Test transports: one that records what passes through another, and one that
 * answers from a script of canned responses.
 * @module
 */
import type { IntercomRequest, IntercomResponse, Send } from '../rest/types.js'

/**
 * One call through a {@link RecordingTransport}. While the call is in flight it has
 * neither `response` nor `error`; afterwards exactly one of them.
 */
export interface RecordedCall {
  readonly request: IntercomRequest
  /** What the wrapped transport resolved with. */
  readonly response?: IntercomResponse
  /** What the wrapped transport rejected (or threw) with. */
  readonly error?: unknown
}

/** A transport that records every call; see {@link createRecordingTransport}. */
export interface RecordingTransport {
  /** Sends through the wrapped transport and records the call. */
  readonly send: Send
  /** Every call so far, in the order `send` was called (a fresh frozen array each read). */
  readonly calls: readonly RecordedCall[]
  /** Forgets the recorded calls (calls still in flight are not recorded afterwards). */
  clear(): void
}

/**
 * Wraps a transport so that every request, and the response or rejection it got,
 * is recorded in call order. The wrapped transport's result passes through unchanged
 * (a synchronous throw becomes a rejection). Requests and responses are recorded as
 * given, not copied.
 *
 * @param send - The transport to wrap, e.g. an emulator's `send` or a real HTTP client.
 * @returns The recording transport.
 *
 * @example
 * ```ts
 * import { createIntercomEmulator, createRecordingTransport } from 'segment-intercom/testing'
 *
 * const intercom = createIntercomEmulator()
 * const transport = createRecordingTransport(intercom.send)
 * await deliver(toRest(event), transport.send)
 * transport.calls.map((c) => `${c.request.method} ${c.request.path} → ${c.response?.status}`)
 * // ['POST /contacts/search → 200', 'POST /contacts → 200']
 * ```
 */
export function createRecordingTransport(send: Send): RecordingTransport {
  let calls: RecordedCall[] = []
  let generation = 0

  const record = (request: IntercomRequest): ((result: Partial<RecordedCall>) => void) => {
    const index = calls.length
    const recordedIn = generation
    calls.push(Object.freeze({ request }))
    return (result) => {
      if (recordedIn === generation) calls[index] = Object.freeze({ request, ...result })
    }
  }

  return {
    send(request: IntercomRequest): Promise<IntercomResponse> {
      const settle = record(request)
      let pending: Promise<IntercomResponse>
      try {
        pending = Promise.resolve(send(request))
      } catch (error) {
        pending = Promise.reject(error)
      }
      return pending.then(
        (response) => {
          settle({ response })
          return response
        },
        (error: unknown) => {
          settle({ error })
          throw error
        },
      )
    },
    get calls(): readonly RecordedCall[] {
      return Object.freeze([...calls])
    },
    clear(): void {
      calls = []
      generation += 1
    },
  }
}

/**
 * One scripted reply: a response to resolve with, an `Error` to reject with, or a
 * function computing either from the request.
 */
export type ScriptedReply =
  | IntercomResponse
  | Error
  | ((request: IntercomRequest) => IntercomResponse | Promise<IntercomResponse>)

/** A transport answering from a queue; see {@link createScriptedTransport}. */
export interface ScriptedTransport {
  /** Answers the next scripted reply; rejects when the script is exhausted. */
  readonly send: Send
  /** The requests received so far, in order (a fresh frozen array each read). */
  readonly requests: readonly IntercomRequest[]
  /** How many scripted replies are left. */
  readonly remaining: number
}

/**
 * A transport that answers each request with the next reply of a script, for
 * unit-testing an exchange step by step without an emulator. An `Error` reply
 * rejects (a network failure); a function reply is called with the request. Once the
 * script is used up, `send` rejects with an `Error` naming the unexpected request.
 *
 * @param replies - The replies, in the order requests will arrive.
 * @returns The scripted transport.
 *
 * @example
 * ```ts
 * import { createScriptedTransport } from 'segment-intercom/testing'
 *
 * const transport = createScriptedTransport([
 *   { status: 200, body: { type: 'list', data: [], total_count: 0 } },
 *   { status: 429, headers: { 'X-RateLimit-Reset': '1767225610' } },
 * ])
 * const outcome = await deliver(toRest(event), transport.send)
 * // outcome.status === 'retry'; transport.requests.length === 2; transport.remaining === 0
 * ```
 */
export function createScriptedTransport(replies: Iterable<ScriptedReply>): ScriptedTransport {
  const queue = [...replies]
  const received: IntercomRequest[] = []
  return {
    send(request: IntercomRequest): Promise<IntercomResponse> {
      received.push(request)
      const reply = queue.shift()
      if (reply === undefined) {
        return Promise.reject(
          new Error(
            `Scripted transport has no reply left for request #${received.length}: ${request.method} ${request.path}`,
          ),
        )
      }
      if (reply instanceof Error) return Promise.reject(reply)
      if (typeof reply === 'function') {
        try {
          return Promise.resolve(reply(request))
        } catch (error) {
          return Promise.reject(error)
        }
      }
      return Promise.resolve(reply)
    },
    get requests(): readonly IntercomRequest[] {
      return Object.freeze([...received])
    },
    get remaining(): number {
      return queue.length
    },
  }
}
