/**
 * Typed reads of request-body fields. Each returns `undefined` when the field is
 * absent and throws `400 parameter_invalid` naming the field when it has the wrong type.
 * @module
 */
import { type ApiError, invalid } from './errors.js'
import type { JsonObject } from './json.js'

/** Rejects the first member of `body` not in `allowed`. */
export function rejectUnknownFields(
  body: JsonObject,
  allowed: ReadonlySet<string>,
  error: (field: string) => ApiError = (field) =>
    invalid(`'${field}' is not a valid parameter here`, field),
): void {
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw error(key)
  }
}

/** Reads one field of type `T`; with `'nullable'`, `null` is accepted too. */
export interface FieldReader<T> {
  (body: JsonObject, key: string, nullable: 'nullable'): T | null | undefined
  (body: JsonObject, key: string, nullable?: 'required'): T | undefined
}

/** The rule every reader follows: absent → `undefined`, `null` only where nullable, else `is` or a 400. */
function fieldReader<T>(is: (value: unknown) => value is T, expected: string): FieldReader<T> {
  return ((body: JsonObject, key: string, nullable: 'nullable' | 'required' = 'required') => {
    const value = body[key]
    if (value === undefined) return undefined
    if (value === null && nullable === 'nullable') return null
    if (!is(value)) throw invalid(`${key} must be ${expected}`, key)
    return value
  }) as FieldReader<T>
}

/** A string field (or `null` when `nullable`). */
export const stringField = fieldReader((v): v is string => typeof v === 'string', 'a string')

/** An integer field (or `null` when `nullable`), e.g. unix seconds. */
export const integerField = fieldReader((v): v is number => Number.isSafeInteger(v), 'an integer')

/** A boolean field (or `null` when `nullable`). */
export const booleanField = fieldReader((v): v is boolean => typeof v === 'boolean', 'a boolean')

/** An identifier Intercom accepts as a string or a number (stored as a string). */
export function idField(body: JsonObject, key: string): string | undefined {
  const value = body[key]
  return typeof value === 'number' && Number.isFinite(value)
    ? String(value)
    : stringField(body, key)
}
