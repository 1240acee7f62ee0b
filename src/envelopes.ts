/**
 * The result envelopes every mapping function returns (the types are in `types.ts`),
 * built in one place so every target's `mapped`, `skipped` and `invalid` look alike.
 * @module
 */
import type { InputErrorCode } from './codes.js'
import type { Invalid, Mapped, Skipped, Warning } from './types.js'
import { inputError } from './warnings.js'

/** A successful mapping: the target's payload (`calls`, `exchange`…) and every warning. */
export function mapped<T extends object>(payload: T, warnings: Warning[]): Mapped<T> {
  return { status: 'mapped', warnings, ...payload }
}

/** A call type the target has no equivalent for (`unsupported_type`). */
export function unsupportedType(message: string, warnings: Warning[]): Skipped {
  return { status: 'skipped', reason: 'unsupported_type', message, warnings }
}

/** An event that cannot be sent as given, for one reason at `path`. */
export function invalid(
  code: InputErrorCode,
  path: string,
  message: string,
  warnings: Warning[],
): Invalid {
  return { status: 'invalid', errors: [inputError(code, path, message)], warnings }
}
