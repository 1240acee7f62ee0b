/**
 * Custom attribute rules: value types, the 255-character limit, names, and whether an
 * attribute must already exist (2.x) or is created on first write (1.x).
 * @module
 */
import { invalid } from './errors.js'
import { isObject } from './json.js'
import { addDataAttribute, findDataAttribute, type Store } from './store.js'
import type {
  CustomAttributeValue,
  DataAttributeModel,
  DataAttributeType,
  EmulatedDataAttribute,
} from './types.js'

/** Longest string value Intercom stores, in characters (code points). */
export const MAX_STRING_LENGTH = 255

/** Most custom attributes a workspace may define (contacts and companies together). */
export const MAX_CUSTOM_ATTRIBUTES = 250

/** Characters Intercom forbids in attribute names. */
const FORBIDDEN_NAME_CHARACTERS = /[.$~`!@#%^&*'{}|\\"]/

/** True when Intercom accepts `name` as a custom attribute name. */
export function isValidAttributeName(name: string): boolean {
  return name.trim() !== '' && !FORBIDDEN_NAME_CHARACTERS.test(name)
}

/**
 * The data type Intercom infers for an attribute created by a write (1.x): integers
 * under a name ending in `_at` are dates, as Intercom documents for 1.x.
 */
export function inferDataType(name: string, value: CustomAttributeValue): DataAttributeType {
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'float'
    return name.endsWith('_at') ? 'date' : 'integer'
  }
  return 'string'
}

/** Validated `custom_attributes` of one write, plus the definitions it needs created. */
export interface PreparedAttributes {
  values: Record<string, CustomAttributeValue>
  create: EmulatedDataAttribute[]
}

/** How a write treats attributes that are not yet defined. */
export type UndefinedAttributes = 'reject' | 'create'

/**
 * Validates a `custom_attributes` member without changing anything. `undefined` and
 * `null` mean "no change". Throws `400 parameter_invalid` for a non-object, a value
 * that is an object or array, a string over 255 characters, an invalid name, or (with
 * `'reject'`) an attribute that does not exist: "Custom attribute 'x' does not exist".
 */
export function prepareCustomAttributes(
  store: Store,
  raw: unknown,
  model: DataAttributeModel,
  undefinedAttributes: UndefinedAttributes,
  field = 'custom_attributes',
): PreparedAttributes | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isObject(raw)) throw invalid(`${field} must be an object`, field)
  const prepared: PreparedAttributes = { values: {}, create: [] }
  for (const [name, value] of Object.entries(raw)) {
    const path = `${field}.${name}`
    const checked = checkValue(value, name, path)
    if (findDataAttribute(store, model, name) === undefined) {
      if (undefinedAttributes === 'reject') {
        throw invalid(`Custom attribute '${name}' does not exist`, path)
      }
      if (!isValidAttributeName(name)) {
        throw invalid(`Custom attribute name '${name}' contains a forbidden character`, path)
      }
      prepared.create.push({ name, model, data_type: inferDataType(name, checked) })
    }
    prepared.values[name] = checked
  }
  const total = store.dataAttributes.length + prepared.create.length
  if (prepared.create.length > 0 && total > MAX_CUSTOM_ATTRIBUTES) {
    throw invalid(`A workspace can have at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`, field)
  }
  return prepared
}

function checkValue(value: unknown, name: string, path: string): CustomAttributeValue {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    if (Array.from(value).length > MAX_STRING_LENGTH) {
      throw invalid(
        `Custom attribute '${name}' is longer than ${MAX_STRING_LENGTH} characters`,
        path,
      )
    }
    return value
  }
  throw invalid(
    `Custom attribute '${name}' must be a string, number, boolean or null, not ${describe(value)}`,
    path,
  )
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** Defines the attributes a prepared write needs, then returns its values. */
export function commitCustomAttributes(
  store: Store,
  prepared: PreparedAttributes,
  nowSeconds: number,
): Record<string, CustomAttributeValue> {
  for (const attribute of prepared.create) {
    if (findDataAttribute(store, attribute.model, attribute.name) === undefined) {
      addDataAttribute(store, attribute, nowSeconds)
    }
  }
  return prepared.values
}
