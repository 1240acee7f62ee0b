/**
 * A virtual clock for `deliverAll` tests: `sleep` never waits for real time. While
 * sleepers are pending, each macrotask turn (once every promise chain has settled)
 * moves time to the earliest wake-up and resolves it, like a discrete-event
 * simulation: concurrent sleeps overlap as they would in real time.
 */
export interface VirtualClock {
  now(): number
  sleep(ms: number): Promise<void>
  /** Every `sleep(ms)` requested so far, in order. */
  readonly sleeps: readonly number[]
}

/**
 * @param time - where the time lives: by default a counter from `start`; pass an
 *   emulator's `{ now, advanceTime }` to move its virtual clock with this one.
 */
export function createVirtualClock(
  time: { now(): number; advanceTime(ms: number): void } = counter(0),
): VirtualClock {
  const sleepers: { at: number; seq: number; wake: () => void }[] = []
  const sleeps: number[] = []
  let seq = 0
  let scheduled = false
  const tick = () => {
    scheduled = false
    if (sleepers.length === 0) return
    sleepers.sort((x, y) => x.at - y.at || x.seq - y.seq)
    const first = sleepers[0] as (typeof sleepers)[number]
    const ahead = first.at - time.now()
    if (ahead > 0) time.advanceTime(ahead)
    const now = time.now()
    while (sleepers.length > 0 && (sleepers[0] as (typeof sleepers)[number]).at <= now) {
      sleepers.shift()?.wake()
    }
    schedule()
  }
  const schedule = () => {
    if (!scheduled && sleepers.length > 0) {
      scheduled = true
      setImmediate(tick)
    }
  }
  return {
    now: () => time.now(),
    sleeps,
    sleep(ms) {
      sleeps.push(ms)
      return new Promise<void>((wake) => {
        sleepers.push({ at: time.now() + Math.max(0, ms), seq: seq++, wake })
        schedule()
      })
    },
  }
}

function counter(start: number): { now(): number; advanceTime(ms: number): void } {
  let t = start
  return {
    now: () => t,
    advanceTime: (ms) => {
      t += ms
    },
  }
}
