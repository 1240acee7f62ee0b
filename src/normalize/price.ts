import { describe } from '../_lib/describe.js'
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
      `${describe(raw) === 'string' ? JSON.stringify(raw) : String(raw)} ${REASONS[cents.reason]}; no price sent`,
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
