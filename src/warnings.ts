import type { InputErrorCode, WarningCode } from './codes.js'
import type { InputError, Warning } from './types.js'

/** Appends a warning. One helper so every warning has the same shape. */
export function warn(out: Warning[], code: WarningCode, path: string, message: string): void {
  out.push({ code, path, message })
}

/** Builds an input error. */
export function inputError(code: InputErrorCode, path: string, message: string): InputError {
  return { code, path, message }
}

/** Joins a parent path and a key (`'traits'` + `'address'` → `'traits.address'`). */
export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`
}
