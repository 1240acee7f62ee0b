/**
 * A test transport that records what passes through another (see
 * `scripted-transport.ts` for one that answers from a script).
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
