import { describe, describeWithArticle } from '../_lib/describe.js'
import { warn } from '../warnings.js'
import { toCents } from './cents.js'
import type { NormalizeContext } from './context.js'
import type { Price } from './model.js'

const REASONS = {
  not_numeric: 'is not a number',
  not_finite: 'is not finite',
  negative: 'is negative',
  too_large: 'is too large to express in cents',
} as const

/** What the price rule read from the properties, so they are not also sent raw. */
export interface PriceResult {
  price?: Price
  /** Property keys consumed by the rule (`revenue` or `total`, and `currency`). */
  consumed: readonly string[]
}

const NONE: PriceResult = { consumed: [] }

/**
 * Intercom's monetary amount from `properties.revenue` (else `total`, the mobile
 * rule) and `properties.currency` (default `usd`): integer cents, never a float.
 * An unusable amount is warned and no price is sent.
 */
export function readPrice(properties: Record<string, unknown>, ctx: NormalizeContext): PriceResult {
  const key =
    properties.revenue !== undefined
      ? 'revenue'
      : properties.total !== undefined
        ? 'total'
        : undefined
  if (key === undefined) return NONE
  const raw = properties[key]
  const consumed = properties.currency !== undefined ? [key, 'currency'] : [key]
  const cents = toCents(raw)
  if (!cents.ok) {
    warn(
      ctx.warnings,
      'invalid_revenue',
      `properties.${key}`,
      `${shown(raw)} ${REASONS[cents.reason]}; no price sent`,
    )
    if (consumed.length === 2) {
      warn(
        ctx.warnings,
        'dropped_value',
        'properties.currency',
        'No price is sent, so its currency is not either',
      )
    }
    return { consumed }
  }
  let currency = 'usd'
  const c = properties.currency
  if (c !== undefined) {
    if (typeof c === 'string' && c.trim() !== '') currency = c.trim()
    else
      warn(
        ctx.warnings,
        'dropped_value',
        'properties.currency',
        `Currency must be a code such as "usd", got ${describe(c)}; "usd" used`,
      )
  }
  return { price: { amount: cents.cents, currency }, consumed }
}

/** A number or text as written; any other value by its type ("an object"), never `[object Object]`. */
function shown(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw)
  if (typeof raw === 'number') return String(raw)
  const d = describeWithArticle(raw) // 'an object', 'a boolean', 'null'…
  return d.charAt(0).toUpperCase() + d.slice(1)
}

/**
 * A property already shaped as Intercom's monetary amount: an object with exactly
 * `amount` and `currency`. Sent as one when `amount` is a non-negative safe integer (cents,
 * as Intercom's amount is) and `currency` three ASCII letters (sent as given: Intercom's
 * own examples are lower case, ISO 4217 codes upper case). Any other object is
 * `undefined`; a monetary-shaped one that is invalid is warned `invalid_monetary_amount`
 * and also `undefined`, so the caller sends it as an ordinary nested value.
 */
export function readMonetaryAmount(
  value: object,
  path: string,
  ctx: NormalizeContext,
): Price | undefined {
  if (Array.isArray(value)) return undefined
  const obj = value as Record<string, unknown>
  let keys = 0
  for (const key in obj) {
    if (key !== 'amount' && key !== 'currency') return undefined
    keys++
  }
  if (keys !== 2) return undefined
  const { amount, currency } = obj
  const problems: string[] = []
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    problems.push(
      typeof amount === 'number'
        ? `"amount" ${amount} is not a whole, non-negative number of cents`
        : `"amount" must be a whole number of cents, got ${describeWithArticle(amount)}`,
    )
  }
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    problems.push(
      typeof currency === 'string'
        ? `"currency" ${JSON.stringify(currency.slice(0, 20))} is not a three-letter code`
        : `"currency" must be a three-letter code, got ${describeWithArticle(currency)}`,
    )
  }
  if (problems.length === 0) return { amount: (amount as number) + 0, currency: currency as string }
  warn(
    ctx.warnings,
    'invalid_monetary_amount',
    path,
    `Not an Intercom monetary amount: ${problems.join('; ')}; sent as a nested value`,
  )
  return undefined
}

function isCurrencyCode(s: string): boolean {
  if (s.length !== 3) return false
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i) | 0x20
    if (c < 97 || c > 122) return false
  }
  return true
}
