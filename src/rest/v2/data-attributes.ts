/**
 * Data-attribute steps: writes whose custom attributes the workspace may not
 * define, and what to do when Intercom says one does not exist.
 * @module
 */
import { isRecord } from '../../_lib/is-record.js'
import { isDateKey } from '../../normalize/values.js'
import { errorList } from '../classify.js'
import { endpoint } from '../endpoint.js'
import { type Conversation, call, type Step, Stop } from '../kernel.js'
import type { IntercomRequest, IntercomResponse } from '../types.js'

/** Intercom's `data_type` for a custom attribute. */
export type DataType = 'string' | 'integer' | 'float' | 'boolean' | 'date'

/** The Intercom model a custom attribute belongs to. */
export type AttributeModel = 'contact' | 'company'

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

/**
 * Sends a write (contact or company) whose custom attributes Intercom may not
 * know. A missing attribute fails with `attribute_not_found` naming it — or, with
 * `createMissingAttributes`, is created ({@link createAttribute}) and the write
 * sent again, once per attribute. The answers in `handles` are the caller's.
 */
export function* write(
  c: Conversation,
  request: IntercomRequest,
  model: AttributeModel,
  handles: readonly number[] = [],
): Step<IntercomResponse> {
  let created: Set<string> | undefined // only when Intercom reports a missing attribute
  for (;;) {
    const response = yield* call(
      c,
      request,
      (r) => handles.includes(r.status) || missingAttribute(r.status, r.body) !== undefined,
    )
    if (response instanceof Stop) return response
    // A 2xx, or an answer the caller handles (an unknown attribute is never one).
    const name = missingAttribute(response.status, response.body)
    if (name === undefined) return response
    if (!c.settings.createMissingAttributes || created?.has(name)) {
      return new Stop({
        status: 'failed',
        code: 'attribute_not_found',
        message: `Intercom has no ${model} attribute "${name}": create it in Intercom (Settings → Data) or set createMissingAttributes`,
        errors: [{ attribute: name, model }],
      })
    }
    created ??= new Set()
    created.add(name)
    const attributes = request.body?.custom_attributes
    const made = yield* createAttribute(
      c,
      model,
      name,
      isRecord(attributes) ? attributes[name] : undefined,
    )
    if (made instanceof Stop) return made
  }
}

/** `POST /data_attributes`: defines a custom attribute, typed from the value being written. */
export function* createAttribute(
  c: Conversation,
  model: AttributeModel,
  name: string,
  value: unknown,
): Step<true> {
  const create = endpoint(c.settings, 'POST', '/data_attributes', {
    name,
    model,
    data_type: inferDataType(name, value),
  })
  const made = yield* call(c, create)
  if (made instanceof Stop) return made
  c.warnings.push({
    code: 'attribute_created',
    path: `custom_attributes.${name}`,
    message: `Created the ${model} attribute "${name}" in Intercom`,
  })
  return true
}
