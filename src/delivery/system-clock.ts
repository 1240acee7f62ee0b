import type { AbortSignalLike, DeliveryClock } from './types.js'

// The library compiles without DOM or Node types; every runtime it targets has timers.
const timers = globalThis as unknown as {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(timer: unknown): void
}

/**
 * The wall clock: `Date.now` and `setTimeout`. Timers still pending when `signal`
 * aborts are cleared, so an aborted run does not keep the process alive.
 */
export function systemClock(signal: AbortSignalLike | undefined): DeliveryClock {
  return {
    now: () => Date.now(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve()
        const done = () => {
          timers.clearTimeout(timer)
          signal?.removeEventListener('abort', done)
          resolve()
        }
        const timer = timers.setTimeout(done, ms)
        signal?.addEventListener('abort', done, { once: true })
      }),
  }
}
