/**
 * A small seeded pseudo-random generator for injected faults: the same seed gives the
 * same sequence on every platform (32-bit integer arithmetic only), and it is not
 * `Math.random`, so faults replay exactly.
 * @module
 */

/** A source of numbers in `[0, 1)`. */
export type Random = () => number

/**
 * mulberry32 (Tommy Ettinger): 32 bits of state, a full 2^32 period, and good enough
 * statistics for choosing which requests fail. Any safe integer is a valid seed; seeds
 * that agree modulo 2^32 give the same sequence.
 *
 * @example
 * ```ts
 * const a = mulberry32(42)
 * const b = mulberry32(42)
 * a() === b() // true, and every later draw agrees too
 * ```
 */
export function mulberry32(seed: number): Random {
  // ToUint32: the seed modulo 2^32, negatives wrapped.
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
