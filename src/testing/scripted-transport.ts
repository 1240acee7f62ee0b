/**
 * A test transport that answers from a script of canned responses, for unit-testing
 * an exchange step by step without an emulator.
 * @module
 */
import type { IntercomRequest, IntercomResponse, Send } from '../rest/types.js'

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
