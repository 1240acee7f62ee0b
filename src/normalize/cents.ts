/**
 * Money amounts → exact integer cents.
 *
 * `19.99 * 100` is 1998.9999999999998 in binary floating point (every previous Segment
 * implementation sent that, or truncated it). Here the amount's decimal text is read as
 * digits: a number through its shortest round-trip decimal (`String(n)`), a string as
 * written. The cents are the digits up to two places after the point, so no float
 * arithmetic touches them (the fast path for amounts of at most two decimals only checks
 * its result against the double).
 */

/** Why an amount could not be turned into cents. */
export type CentsFailure = 'not_numeric' | 'not_finite' | 'negative' | 'too_large'

/** The outcome of {@link toCents}: exact cents, or why there are none. */
export type CentsResult = { ok: true; cents: number } | { ok: false; reason: CentsFailure }

/**
 * `[sign][symbol]` or `symbol sign`, then the integer part (plain, or `,`-grouped in threes
 * after a first group of 1–3 digits), the fraction and the exponent. `String(n)` of a
 * number only ever uses the sign, digits, `.` and `e`.
 */
const AMOUNT = /^([+-]?[$€£¥]?|[$€£¥][+-])(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

/**
 * Converts a money amount to an exact, non-negative integer number of cents (a safe integer).
 *
 * - Numbers are read through `String(n)` (their shortest round-trip decimal, `1e+21` and
 *   `1.5e-7` forms included), so `19.99` → 1999 and `0.1 + 0.2` → 30; `-0` → 0.
 * - Strings are trimmed and may carry one currency symbol (`$`, `€`, `£`, `¥`) before the
 *   digits, a sign before or after the symbol, `,` thousands separators in groups of three
 *   (`1,234.56`; a `,` is never a decimal separator: `1,23` is not money), a `.` decimal
 *   part and an exponent (`1.5e3`).
 * - Rounding to a cent is half away from zero on the decimal text: `1.005` → 101,
 *   `0.004` → 0.
 *
 * Failures: NaN and ±Infinity → `not_finite`; any amount below zero (even one that would round
 * to 0 cents) → `negative`; non-money strings (`'abc'`, `''`, `'1.2.3'`, `'$'`) and every
 * other type (bigint and boxed numbers included) → `not_numeric`; more than
 * `Number.MAX_SAFE_INTEGER` cents → `too_large`.
 *
 * @example
 * toCents(19.99) // { ok: true, cents: 1999 }
 * toCents('$1,234.56') // { ok: true, cents: 123456 }
 * toCents(-5) // { ok: false, reason: 'negative' }
 */
export function toCents(value: unknown): CentsResult {
  if (typeof value === 'number' && value > 0 && value < 1e13) {
    // The fast path for the usual amount, with at most two decimals: below 1e13 doubles are
    // under a cent apart, so a double that is the nearest to cents / 100 has that decimal
    // as its shortest text, which the text path would read.
    const cents = Math.round(value * 100)
    if (cents / 100 === value) return { ok: true, cents }
  }
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
  const [, sign = '', whole = '', fraction = '', exponent = 0] = AMOUNT.exec(text) ?? []
  const digits = whole.replace(/,/g, '') + fraction
  // The text of every finite number matches: a number that does not is NaN or ±Infinity.
  if (digits === '') return fail(typeof value === 'number' ? 'not_finite' : 'not_numeric')
  if (sign.includes('-') && Number(digits) > 0) return fail('negative') // -0 is 0 cents
  // The amount is digits × 10^(exponent − decimals); its cents are `shift` places further.
  const shift = Number(exponent) - fraction.length + 2
  const cents =
    shift < 0
      ? // The dropped digits: the first rounds half away from zero.
        Number(digits.slice(0, shift)) + (digits.charAt(digits.length + shift) >= '5' ? 1 : 0)
      : // A shift of 17 or more is cut to 17: that already makes any non-zero amount too large.
        Number(digits + '0'.repeat(Math.min(shift, 17)))
  return cents > Number.MAX_SAFE_INTEGER ? fail('too_large') : { ok: true, cents }
}

function fail(reason: CentsFailure): CentsResult {
  return { ok: false, reason }
}
