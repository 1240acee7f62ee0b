/**
 * Money amounts → exact integer cents.
 *
 * `19.99 * 100` is 1998.9999999999998 in binary floating point (every previous Segment
 * implementation sent that, or truncated it). Here the amount's decimal text is read digit by
 * digit: a number through its shortest round-trip decimal (`String(n)`), a string as written.
 */
import { COMMA, DIGIT_0, DOT, isDigit, MINUS, PLUS } from '../_lib/char-codes.js'

/** Why an amount could not be turned into cents. */
export type CentsFailure = 'not_numeric' | 'not_finite' | 'negative' | 'too_large'

/** The outcome of {@link toCents}: exact cents, or why there are none. */
export type CentsResult = { ok: true; cents: number } | { ok: false; reason: CentsFailure }

/** Currency symbols accepted in front of a string amount. */
const CURRENCY_SYMBOLS = '$€£¥'

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
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not_finite')
    if (value < 0) return fail('negative')
    // Whole amounts need no decimal work: the product of two integers is exact while safe.
    if (Number.isInteger(value) && value <= Number.MAX_SAFE_INTEGER / 100) {
      return { ok: true, cents: value * 100 + 0 }
    }
    return parseAmount(String(value), false)
  }
  if (typeof value === 'string') return parseAmount(value.trim(), true)
  return fail('not_numeric')
}

function fail(reason: CentsFailure): CentsResult {
  return { ok: false, reason }
}

/**
 * Reads `[sign][symbol][sign]digits[.digits][e[sign]digits]` (symbol and separators only when
 * `money` is set) and returns its cents.
 */
function parseAmount(s: string, money: boolean): CentsResult {
  const n = s.length
  let i = 0
  let negative = false
  let signSeen = false
  let c = s.charCodeAt(i)
  if (c === PLUS || c === MINUS) {
    negative = c === MINUS
    signSeen = true
    c = s.charCodeAt(++i)
  }
  if (money && i < n && CURRENCY_SYMBOLS.includes(s.charAt(i))) {
    c = s.charCodeAt(++i)
    if (!signSeen && (c === PLUS || c === MINUS)) {
      negative = c === MINUS
      c = s.charCodeAt(++i)
    }
  }

  // Integer part, possibly with thousands separators: kept as [intStart, intEnd).
  const intStart = i
  let intDigits = 0
  let grouped = false
  let groupLength = 0
  for (; i < n; i++) {
    c = s.charCodeAt(i)
    if (isDigit(c)) {
      intDigits++
      groupLength++
    } else if (c === COMMA && money) {
      // The first group has 1–3 digits, every later one exactly 3.
      if (groupLength === 0 || groupLength > 3 || (grouped && groupLength !== 3)) {
        return fail('not_numeric')
      }
      grouped = true
      groupLength = 0
    } else break
  }
  const intEnd = i
  if (grouped && groupLength !== 3) return fail('not_numeric')

  let fracStart = i
  let fracEnd = i
  if (s.charCodeAt(i) === DOT) {
    fracStart = ++i
    while (i < n && isDigit(s.charCodeAt(i))) i++
    fracEnd = i
  }
  if (intDigits === 0 && fracEnd === fracStart) return fail('not_numeric')

  let exponent = 0
  c = s.charCodeAt(i)
  if (c === 101 /* e */ || c === 69 /* E */) {
    c = s.charCodeAt(++i)
    let expNegative = false
    if (c === PLUS || c === MINUS) {
      expNegative = c === MINUS
      i++
    }
    const expStart = i
    for (; i < n && isDigit(s.charCodeAt(i)); i++) {
      // Clamped: anything this far out is 0 cents or too large either way.
      if (exponent < 1e6) exponent = exponent * 10 + (s.charCodeAt(i) - DIGIT_0)
    }
    if (i === expStart) return fail('not_numeric')
    if (expNegative) exponent = -exponent
  }
  if (i !== n) return fail('not_numeric')

  // The digits in order, ignoring separators and the point; value = 0.D × 10^pointAt.
  const digitAt = (k: number): number => {
    if (k < intDigits) {
      if (!grouped) return s.charCodeAt(intStart + k) - DIGIT_0
      // With separators every 3 digits from the right, skip the commas before position k.
      const fromRight = intDigits - 1 - k
      return s.charCodeAt(intEnd - 1 - fromRight - Math.floor(fromRight / 3)) - DIGIT_0
    }
    const j = fracStart + (k - intDigits)
    return j < fracEnd ? s.charCodeAt(j) - DIGIT_0 : 0
  }
  const totalDigits = intDigits + (fracEnd - fracStart)

  let firstNonZero = 0
  while (firstNonZero < totalDigits && digitAt(firstNonZero) === 0) firstNonZero++
  if (firstNonZero === totalDigits) return { ok: true, cents: 0 }
  if (negative) return fail('negative')

  // Cents are the digits up to two places after the point; the next digit rounds.
  const pointAt = intDigits + exponent
  const centsEnd = pointAt + 2
  if (centsEnd - firstNonZero > 16) return fail('too_large') // MAX_SAFE_INTEGER has 16 digits
  let cents = 0
  for (let k = firstNonZero; k < centsEnd; k++) cents = cents * 10 + digitAt(k)
  if (centsEnd >= 0 && centsEnd < totalDigits && digitAt(centsEnd) >= 5) cents++
  return cents > Number.MAX_SAFE_INTEGER ? fail('too_large') : { ok: true, cents }
}
