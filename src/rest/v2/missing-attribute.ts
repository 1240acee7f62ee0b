import { isDateKey } from '../../normalize/values.js'
import { errorList } from '../classify.js'

/** Intercom's `data_type` for a custom attribute. */
export type DataType = 'string' | 'integer' | 'float' | 'boolean' | 'date'

/**
 * The attribute named by Intercom's "… attribute 'x' does not exist" error
 * (`parameter_invalid`), or `undefined` when the error is something else.
 */
export function missingAttribute(status: number, body: unknown): string | undefined {
  if (status !== 400 && status !== 422 && status !== 404) return undefined
  for (const e of errorList(body)) {
    const message = typeof e.message === 'string' ? e.message : ''
    const end = message.indexOf("' does not exist")
    if (end === -1) continue
    const start = message.lastIndexOf("attribute '", end)
    if (start !== -1) return message.slice(start + 11, end)
  }
  return undefined
}

/**
 * The data type to create an attribute with, from the value being written:
 * booleans, integers (dates when the name says so: `_at`, `_date`), floats, text.
 */
export function inferDataType(name: string, value: unknown): DataType {
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'float'
    return isDateKey(name) ? 'date' : 'integer'
  }
  return 'string'
}
