/**
 * How a value is named in warning and error messages: by its kind, never by its
 * content (it may be a secret or megabytes long).
 * @module
 */

/** `'null'`, `'an array'`, `'a Date'`, `'an object'`, or the `typeof` name (`'string'`…). */
export function describe(value: unknown): string {
  if (typeof value !== 'object') return typeof value
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'an object'
}

/** {@link describe} with an article for the `typeof` names: `'a string'`, `'an array'`, `'null'`. */
export function describeWithArticle(value: unknown): string {
  const d = describe(value)
  return typeof value === 'object' ? d : `a ${d}`
}
