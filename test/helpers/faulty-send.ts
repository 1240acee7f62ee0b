import type { IntercomRequest, IntercomResponse, Send } from '../../src/index.js'
import { mulberry32 } from '../../src/testing/emulator/prng.js'

/** The emulator's seeded PRNG (mulberry32): deterministic faults and inputs. */
export const seeded = mulberry32

export type Fault = 'none' | 'server_error' | 'reject' | 'rate_limited' | 'bare_429'

/**
 * Wraps a transport with faults that happen before the request reaches it (so
 * nothing is applied twice): a 503, a rejected promise, a 429 with
 * `X-RateLimit-Reset` (1 s ahead on `now`), or a bare 429. `pick` chooses per request.
 */
export function faultySend(
  send: Send,
  pick: (request: IntercomRequest) => Fault,
  now: () => number,
): Send & { faults: Record<Fault, number> } {
  const faults: Record<Fault, number> = {
    none: 0,
    server_error: 0,
    reject: 0,
    rate_limited: 0,
    bare_429: 0,
  }
  const wrapped = async (request: IntercomRequest): Promise<IntercomResponse> => {
    const fault = pick(request)
    faults[fault]++
    switch (fault) {
      case 'server_error':
        return {
          status: 503,
          body: { type: 'error.list', errors: [{ code: 'service_unavailable' }] },
        }
      case 'reject':
        throw new Error('socket hang up')
      case 'rate_limited':
        return {
          status: 429,
          headers: {
            'X-RateLimit-Limit': '100',
            'X-RateLimit-Remaining': '0',
            'X-RateLimit-Reset': String(Math.ceil((now() + 1_000) / 1000)),
          },
        }
      case 'bare_429':
        return { status: 429 }
      default:
        return send(request)
    }
  }
  return Object.assign(wrapped, { faults })
}

/** Faults at the given rates from a seeded PRNG. */
export function randomFaults(
  rates: Partial<Record<Exclude<Fault, 'none'>, number>>,
  seed: number,
): () => Fault {
  const random = seeded(seed)
  return () => {
    let r = random()
    for (const [fault, rate] of Object.entries(rates) as [Fault, number][]) {
      if (r < rate) return fault
      r -= rate
    }
    return 'none'
  }
}
