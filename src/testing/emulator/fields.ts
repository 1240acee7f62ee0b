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

/** Whether `null` is an accepted value. */
type Nullable = 'nullable' | 'required'

/** A string field (or `null` when `nullable`). */
export function stringField(
  body: JsonObject,
  key: string,
  nullable: 'nullable',
): string | null | undefined
export function stringField(
  body: JsonObject,
  key: string,
  nullable?: 'required',
): string | undefined
export function stringField(
  body: JsonObject,
  key: string,
  nullable: Nullable = 'required',
): string | null | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (value === null && nullable === 'nullable') return null
  if (typeof value !== 'string') throw invalid(`${key} must be a string`, key)
  return value
}

/** An integer field (or `null` when `nullable`), e.g. unix seconds. */
export function integerField(
  body: JsonObject,
  key: string,
  nullable: 'nullable',
): number | null | undefined
export function integerField(
  body: JsonObject,
  key: string,
  nullable?: 'required',
): number | undefined
export function integerField(
  body: JsonObject,
  key: string,
  nullable: Nullable = 'required',
): number | null | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (value === null && nullable === 'nullable') return null
  if (!Number.isSafeInteger(value)) throw invalid(`${key} must be an integer`, key)
  return value as number
}

/** A boolean field (or `null` when `nullable`). */
export function booleanField(
  body: JsonObject,
  key: string,
  nullable: 'nullable',
): boolean | null | undefined
export function booleanField(
  body: JsonObject,
  key: string,
  nullable?: 'required',
): boolean | undefined
export function booleanField(
  body: JsonObject,
  key: string,
  nullable: Nullable = 'required',
): boolean | null | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (value === null && nullable === 'nullable') return null
  if (typeof value !== 'boolean') throw invalid(`${key} must be a boolean`, key)
  return value
}

/** An identifier Intercom accepts as a string or a number (stored as a string). */
export function idField(body: JsonObject, key: string): string | undefined {
  const value = body[key]
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') throw invalid(`${key} must be a string`, key)
  return value
}
