import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../src/testing/emulator/prng.js'

describe('mulberry32', () => {
  it('is a function of its seed, draws in [0, 1), and differs between seeds', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (seed) => {
        const a = mulberry32(seed)
        const b = mulberry32(seed)
        const draws = Array.from({ length: 20 }, () => a())
        expect(Array.from({ length: 20 }, () => b())).toEqual(draws)
        for (const x of draws) {
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
        }
        const other = mulberry32(seed + 1)
        expect(Array.from({ length: 20 }, () => other())).not.toEqual(draws)
      }),
    )
  })

  it('is roughly uniform', () => {
    const random = mulberry32(12345)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const bucket = Math.floor(random() * 10)
      buckets[bucket] = (buckets[bucket] ?? 0) + 1
    }
    // 10,000 expected per bucket; ±5 standard deviations (σ ≈ 95).
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })
})
