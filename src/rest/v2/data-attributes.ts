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

/** Where each custom attribute of a write came from in the input (for warnings). */
export type AttributePaths = Readonly<Record<string, string>> | undefined

/**
 * Sends a write (contact or company) whose custom attributes the workspace may not
 * define, by `settings.unknownAttributes`: `'drop'` sends it again without the
 * attribute (warned at its input path), `'create'` creates it ({@link createAttribute})
 * and sends it again, `'fail'` ends `failed` `attribute_not_found`. Attributes
 * `options.knownAttributes` does not list get the same treatment before the first
 * send, without the round trip. The answers in `handles` are the caller's.
 */
export function* write(
  c: Conversation,
  request: IntercomRequest,
  model: AttributeModel,
  handles: readonly number[] = [],
  paths?: AttributePaths,
): Step<IntercomResponse> {
  let sent = request
  const tried = new Set<string>() // each attribute is handled once; then it is a failure
  for (const name of undeclared(c, model, request)) {
    const next = yield* unknownAttribute(c, sent, model, name, paths)
    if (next instanceof Stop) return next
    tried.add(name)
    sent = next
  }
  for (;;) {
    const response = yield* call(
      c,
      sent,
      (r) => handles.includes(r.status) || missingAttribute(r.status, r.body) !== undefined,
    )
    if (response instanceof Stop) return response
    // A 2xx, or an answer the caller handles (an unknown attribute is never one).
    const name = missingAttribute(response.status, response.body)
    if (name === undefined) return response
    if (tried.has(name)) return notFoundStop(model, name, 'still missing after it was handled')
    tried.add(name)
    const next = yield* unknownAttribute(c, sent, model, name, paths)
    if (next instanceof Stop) return next
    sent = next
  }
}

/** The custom attributes of a write that `options.knownAttributes` does not list. */
function undeclared(c: Conversation, model: AttributeModel, request: IntercomRequest): string[] {
  const known = c.knownAttributes?.[model]
  const attributes = request.body?.custom_attributes
  if (known === undefined || !isRecord(attributes)) return []
  return Object.keys(attributes).filter((name) => !known.has(name))
}

/** The write to send after `name` turned out unknown, by the policy; or the stop. */
function* unknownAttribute(
  c: Conversation,
  request: IntercomRequest,
  model: AttributeModel,
  name: string,
  paths: AttributePaths,
): Step<IntercomRequest> {
  const attributes = request.body?.custom_attributes
  const present = isRecord(attributes) && Object.hasOwn(attributes, name)
  const policy = c.settings.unknownAttributes
  if (policy === 'fail' || !present) {
    return notFoundStop(model, name, present ? undefined : 'and the write does not send it')
  }
  if (policy === 'create') {
    const made = yield* createAttribute(c, model, name, attributes[name], paths?.[name])
    return made instanceof Stop ? made : request
  }
  c.warnings.push({
    code: 'dropped_attribute',
    path: paths?.[name] ?? `custom_attributes.${name}`,
    message: `The workspace has no ${model} attribute "${name}": sent without it (unknownAttributes: 'drop'); create it in Intercom (Settings → Data) to keep it`,
  })
  const { [name]: _dropped, ...others } = attributes
  const { custom_attributes: _all, ...body } = request.body as Record<string, unknown>
  const kept = Object.keys(others).length > 0 ? { ...body, custom_attributes: others } : body
  return endpoint(c.settings, request.method, request.path, kept)
}

function notFoundStop(model: AttributeModel, name: string, why?: string): Stop {
  return new Stop({
    status: 'failed',
    code: 'attribute_not_found',
    message: `Intercom has no ${model} attribute "${name}"${why === undefined ? '' : ` (${why})`}: create it in Intercom (Settings → Data), or set unknownAttributes to 'drop' or 'create'`,
    errors: [{ attribute: name, model }],
  })
}

/** `POST /data_attributes`: defines a custom attribute, typed from the value being written. */
export function* createAttribute(
  c: Conversation,
  model: AttributeModel,
  name: string,
  value: unknown,
  path = `custom_attributes.${name}`,
): Step<true> {
  const create = endpoint(c.settings, 'POST', '/data_attributes', {
    name,
    model,
    data_type: inferDataType(name, value),
  })
  const made = yield* call(c, create, alreadyDefined)
  if (made instanceof Stop) return made
  // Created meanwhile by a concurrent delivery ("You already have 'plan' in your people
  // data"): it exists now, so the write is sent again, without a warning.
  if (alreadyDefined(made)) return true
  c.warnings.push({
    code: 'attribute_created',
    path,
    message: `Created the ${model} attribute "${name}" in Intercom`,
  })
  return true
}

/** Intercom's answer to creating an attribute that exists: 400 "You already have 'x' …". */
function alreadyDefined(response: IntercomResponse): boolean {
  return (
    response.status === 400 &&
    errorList(response.body).some((e) => /already have/i.test(String(e.message ?? '')))
  )
}
