import type { InputErrorCode, WarningCode } from './codes.js'
import type { InputError, Warning } from './types.js'

/** Appends a warning. One helper so every warning has the same shape. */
export function warn(out: Warning[], code: WarningCode, path: string, message: string): void {
  out.push({ code, path, message })
}

/**
 * Warns that the value at `path` is not sent, and why (`reason; dropped`). Returns
 * `undefined`, so a converter can `return dropped(…)`.
 */
export function dropped(
  out: Warning[],
  path: string,
  reason: string,
  code: WarningCode = 'dropped_value',
): undefined {
  warn(out, code, path, `${reason}; dropped`)
  return undefined
}

/** Builds an input error. */
export function inputError(code: InputErrorCode, path: string, message: string): InputError {
  return { code, path, message }
}

/** Joins a parent path and a key (`'traits'` + `'address'` → `'traits.address'`). */
export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`
}
