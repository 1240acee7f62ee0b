import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RETRY_POLICY,
  DeliveryOptionsError,
  nextAttempt,
  OUTCOME_CODES,
  type OutcomeCode,
  type OutcomeEnd,
  type RetryPolicy,
} from '../../src/index.js'

type Retry = Extract<OutcomeEnd, { status: 'retry' }>
const outcomeCodeArb = fc.constantFrom(...(Object.keys(OUTCOME_CODES) as OutcomeCode[]))
const retry = (code: OutcomeCode, extra: Partial<Retry> = {}): OutcomeEnd => ({
  status: 'retry',
  code,
  message: code,
  ...extra,
})
const fixed = (r: number) => () => r

describe('nextAttempt', () => {
  it('backs off exponentially with full jitter, capped at maxMs', () => {
    const policy = { maxAttempts: 20, baseMs: 100, maxMs: 1_000 }
    const delays = [1, 2, 3, 4, 5, 6].map((attempt) => {
      const d = nextAttempt(retry('server_error'), attempt, policy, fixed(0.5))
      return d.retry ? d.delayMs : -1
    })
    expect(delays).toEqual([50, 100, 200, 400, 500, 500])
    expect(nextAttempt(retry('server_error'), 1, policy, fixed(0))).toEqual({
      retry: true,
      delayMs: 0,
    })
  })

  it('uses the defaults 8 / 500 / 60,000', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 8, baseMs: 500, maxMs: 60_000 })
    expect(nextAttempt(retry('server_error'), 1, undefined, fixed(0.999))).toMatchObject({
      retry: true,
    })
    const d = nextAttempt(retry('server_error'), 1, undefined, fixed(0.5))
    expect(d).toEqual({ retry: true, delayMs: 250 })
    expect(nextAttempt(retry('server_error'), 7, undefined, fixed(0.5))).toEqual({
      retry: true,
      delayMs: 16_000,
    })
    expect(nextAttempt(retry('server_error'), 8)).toEqual({
      retry: false,
      reason: 'gave up after 8 attempts (server_error)',
    })
  })

  it('waits at least retryAfterMs', () => {
    expect(
      nextAttempt(retry('server_error', { retryAfterMs: 5_000 }), 1, undefined, fixed(0.5)),
    ).toEqual({ retry: true, delayMs: 5_000 })
    // The backoff wins when it is longer than the hint.
    expect(
      nextAttempt(retry('server_error', { retryAfterMs: 10 }), 3, undefined, fixed(0.5)),
    ).toEqual({ retry: true, delayMs: 1_000 })
  })

  it('waits until retryAt when only that is given (the one clock read)', () => {
    const at = Date.now() + 30_000
    const d = nextAttempt(retry('rate_limited', { retryAt: at }), 1, undefined, fixed(0))
    expect(d.retry).toBe(true)
    if (d.retry) {
      expect(d.delayMs).toBeGreaterThan(29_000)
      expect(d.delayMs).toBeLessThanOrEqual(30_000)
    }
  })

  it('retries rate_limited whatever the attempt count, and a bare 429 waits 1–2 s', () => {
    const policy = { maxAttempts: 1 }
    expect(
      nextAttempt(retry('rate_limited', { retryAfterMs: 7_000 }), 99, policy, fixed(0)),
    ).toEqual({ retry: true, delayMs: 7_000 })
    // Up to baseMs of jitter past the hint, whatever the attempt.
    expect(
      nextAttempt(retry('rate_limited', { retryAfterMs: 7_000 }), 99, policy, fixed(0.5)),
    ).toEqual({ retry: true, delayMs: 7_250 })
    expect(nextAttempt(retry('rate_limited'), 1, policy, fixed(0))).toEqual({
      retry: true,
      delayMs: 1_000,
    })
    expect(nextAttempt(retry('rate_limited'), 1, policy, fixed(0.5))).toEqual({
      retry: true,
      delayMs: 1_500,
    })
    // Even a zero backoff policy never retries a bare 429 at once.
    expect(nextAttempt(retry('rate_limited'), 1, { baseMs: 0, maxMs: 0 }, fixed(0))).toMatchObject({
      retry: true,
      delayMs: 1_000,
    })
  })

  it('never retries delivered, failed or not_sent', () => {
    expect(nextAttempt({ status: 'delivered', requests: 1, warnings: [] }, 1)).toEqual({
      retry: false,
      reason: 'delivered',
    })
    expect(nextAttempt({ status: 'failed', code: 'unauthorized', message: 'no' }, 1)).toEqual({
      retry: false,
      reason: 'failed (unauthorized): not retryable',
    })
    expect(
      nextAttempt(
        {
          status: 'not_sent',
          mapping: { status: 'skipped', reason: 'disabled', message: '', warnings: [] },
        },
        1,
      ),
    ).toEqual({ retry: false, reason: 'not sent: skipped' })
  })

  it('clamps a random source outside [0, 1)', () => {
    const policy = { baseMs: 100, maxMs: 100 }
    for (const r of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(nextAttempt(retry('server_error'), 1, policy, fixed(r))).toEqual({
        retry: true,
        delayMs: 0,
      })
    }
    const high = nextAttempt(retry('server_error'), 1, policy, fixed(7))
    expect(high.retry && high.delayMs).toBeLessThan(100)
  })

  it('rejects a bad policy or attempt with a typed error naming the field', () => {
    const cases: [RetryPolicy, string][] = [
      [{ maxAttempts: 0 }, 'retry.maxAttempts'],
      [{ maxAttempts: 1.5 }, 'retry.maxAttempts'],
      [{ baseMs: -1 }, 'retry.baseMs'],
      [{ baseMs: Number.NaN }, 'retry.baseMs'],
      [{ baseMs: 100, maxMs: 50 }, 'retry.maxMs'],
      [{ maxMs: Number.POSITIVE_INFINITY }, 'retry.maxMs'],
      [{ maxAttempts: '3' as unknown as number }, 'retry.maxAttempts'],
    ]
    for (const [policy, field] of cases) {
      const call = () => nextAttempt(retry('server_error'), 1, policy)
      expect(call).toThrow(DeliveryOptionsError)
      expect(call).toThrow(expect.objectContaining({ field }))
    }
    for (const attempt of [0, -1, 1.5, Number.NaN]) {
      expect(() => nextAttempt(retry('server_error'), attempt)).toThrow(
        expect.objectContaining({ name: 'DeliveryOptionsError', field: 'attempt' }),
      )
    }
  })

  it('a baseMs above the default maxMs raises the default cap with it', () => {
    expect(nextAttempt(retry('server_error'), 1, { baseMs: 120_000 }, fixed(0.5))).toEqual({
      retry: true,
      delayMs: 60_000,
    })
  })
})

const policyArb = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 20 }),
    baseMs: fc.integer({ min: 0, max: 10_000 }),
    extra: fc.integer({ min: 0, max: 100_000 }),
  })
  .map(({ maxAttempts, baseMs, extra }) => ({ maxAttempts, baseMs, maxMs: baseMs + extra }))

const outcomeArb: fc.Arbitrary<OutcomeEnd> = fc.oneof(
  fc.constant<OutcomeEnd>({ status: 'delivered', requests: 1, warnings: [] }),
  fc
    .constantFrom<OutcomeCode>('unauthorized', 'conflict', 'rejected')
    .map((code): OutcomeEnd => ({ status: 'failed', code, message: code })),
  fc.constant<OutcomeEnd>({
    status: 'not_sent',
    mapping: { status: 'invalid', errors: [], warnings: [] },
  }),
  fc
    .record(
      {
        code: fc.constantFrom(
          'rate_limited',
          'server_error',
          'transport_error',
          'contact_not_found',
        ),
        retryAfterMs: fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.double()),
      },
      { requiredKeys: ['code'] },
    )
    .map((r): OutcomeEnd => ({ status: 'retry', message: r.code, ...r })),
)

const attemptArb = fc.integer({ min: 1, max: 2_000 })
const randomArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

describe('nextAttempt properties', () => {
  it('never throws on a valid policy, and the delay stays within its bounds', () => {
    fc.assert(
      fc.property(outcomeArb, attemptArb, policyArb, randomArb, (outcome, attempt, policy, r) => {
        const d = nextAttempt(outcome, attempt, policy, () => r)
        if (!d.retry) {
          expect(d.reason).not.toBe('')
          return
        }
        expect(outcome.status).toBe('retry')
        if (outcome.status !== 'retry') return
        const raw = outcome.retryAfterMs
        const hint = typeof raw === 'number' && Number.isFinite(raw) ? Math.max(0, raw) : undefined
        const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 1024))
        expect(Number.isFinite(d.delayMs)).toBe(true)
        if (outcome.code === 'rate_limited' && hint === undefined) {
          expect(d.delayMs).toBeGreaterThanOrEqual(1_000)
          expect(d.delayMs).toBeLessThan(2_000)
        } else if (outcome.code === 'rate_limited' && hint !== undefined) {
          expect(d.delayMs).toBeGreaterThanOrEqual(hint)
          expect(d.delayMs).toBeLessThanOrEqual(hint + policy.baseMs)
        } else {
          expect(d.delayMs).toBeGreaterThanOrEqual(hint ?? 0)
          expect(d.delayMs).toBeLessThanOrEqual(Math.max(hint ?? 0, policy.baseMs === 0 ? 0 : cap))
        }
      }),
    )
  })

  it('always retries rate_limited, with a delay above zero when there is no hint', () => {
    fc.assert(
      fc.property(attemptArb, policyArb, randomArb, (attempt, policy, r) => {
        const d = nextAttempt(retry('rate_limited'), attempt, policy, () => r)
        expect(d.retry && d.delayMs > 0).toBe(true)
      }),
    )
  })

  it('never retries failed, and retries other retry codes only below maxAttempts', () => {
    fc.assert(
      fc.property(attemptArb, policyArb, outcomeCodeArb, (attempt, policy, code) => {
        expect(nextAttempt({ status: 'failed', code, message: '' }, attempt, policy).retry).toBe(
          false,
        )
        const d = nextAttempt(
          retry(code === 'rate_limited' ? 'server_error' : code),
          attempt,
          policy,
        )
        expect(d.retry).toBe(attempt < policy.maxAttempts)
      }),
    )
  })

  it('the backoff never shrinks as attempts grow (same jitter), and never exceeds maxMs', () => {
    fc.assert(
      fc.property(policyArb, randomArb, fc.integer({ min: 1, max: 100 }), (policy, r, attempt) => {
        const p = { ...policy, maxAttempts: 1_000 }
        const a = nextAttempt(retry('server_error'), attempt, p, () => r)
        const b = nextAttempt(retry('server_error'), attempt + 1, p, () => r)
        if (!a.retry || !b.retry) throw new Error('expected retries')
        expect(b.delayMs).toBeGreaterThanOrEqual(a.delayMs)
        expect(b.delayMs).toBeLessThanOrEqual(p.maxMs)
      }),
    )
  })
})
