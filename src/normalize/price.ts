import { describeWithArticle } from '../_lib/describe.js'
import { warn } from '../warnings.js'
import { toCents } from './cents.js'
import type { NormalizeContext } from './context.js'
import type { MetadataValue, Price } from './model.js'
import { put, type ValueSink } from './values.js'

/**
 * What the price rule did: the price it computed (written first, unless the metadata cap
 * is 0), and the property keys it consumed, which are not also sent raw: `revenue` or
 * `total`, and `currency`; none when neither amount is there (then `currency` is an
 * ordinary property).
 */
export type PriceResult = [price: Price | undefined, consumed: readonly string[]]

/**
 * Writes Intercom's monetary amount into the track's metadata, first: from
 * `properties.revenue` (else `total`, the mobile rule) and `properties.currency`
 * (default `usd`), in integer cents, never a float. An unusable amount is warned and no
 * price is sent; a currency is warned once, when it is not sent with the price or is no
 * code (then `usd` is sent).
 */
export function writePrice(
  properties: Record<string, unknown>,
  sink: ValueSink<MetadataValue>,
  ctx: NormalizeContext,
): PriceResult {
  const key = properties.revenue !== undefined ? 'revenue' : 'total'
  const raw = properties[key]
  if (raw === undefined) return [undefined, []]
  const path = `properties.${key}`
  const c = properties.currency
  const cents = toCents(raw)
  const currency = typeof c === 'string' && c.trim()
  const price = cents.ok ? { amount: cents.cents, currency: currency || 'usd' } : undefined
  if (!cents.ok) {
    // A number or (the start of) text as written; any other value by its type, never
    // `[object Object]`. The reason codes read as words: "is not numeric", "is too large".
    const shown =
      typeof raw === 'string'
        ? JSON.stringify(raw.slice(0, 20))
        : typeof raw === 'number'
          ? raw
          : describeWithArticle(raw)
    warn(
      ctx.warnings,
      'invalid_revenue',
      path,
      `No price sent: ${shown} is ${cents.reason.replace('_', ' ')}`,
    )
  }
  const sent = price !== undefined && put(sink, 'price', price, path, ctx)
  if (c !== undefined && !(sent && currency)) {
    const why = sent ? 'Not a currency code; "usd" used' : 'Not sent without a price'
    warn(ctx.warnings, 'dropped_value', 'properties.currency', why)
  }
  return [price, [key, 'currency']]
}

/**
 * A property already shaped as Intercom's monetary amount: an object with exactly
 * `amount` and `currency` (own keys). Sent as one when `amount` is a non-negative safe
 * integer (cents, as Intercom's amount is) and `currency` three ASCII letters (sent as
 * given: Intercom's own examples are lower case, ISO 4217 codes upper case). Any other
 * object is `undefined`; a monetary-shaped one that is invalid is warned
 * `invalid_monetary_amount` and also `undefined`, so the caller sends it as an ordinary
 * nested value.
 */
export function readMonetaryAmount(
  value: object,
  path: string,
  ctx: NormalizeContext,
): Price | undefined {
  if (!('amount' in value && 'currency' in value) || Object.keys(value).length !== 2) return
  const { amount, currency } = value
  // isSafeInteger is true of numbers only.
  if (
    Number.isSafeInteger(amount) &&
    (amount as number) >= 0 &&
    typeof currency === 'string' &&
    /^[a-z]{3}$/i.test(currency)
  ) {
    return { amount: (amount as number) + 0, currency } // + 0: -0 is 0 cents
  }
  warn(
    ctx.warnings,
    'invalid_monetary_amount',
    path,
    'Needs whole, non-negative cents and a three-letter currency',
  )
  return
}
