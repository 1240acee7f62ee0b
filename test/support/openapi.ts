/**
 * Conformance harness: checks {@link IntercomRequest} descriptors against Intercom's official
 * OpenAPI 3.0.1 descriptions, as extracted into `test/data/intercom-openapi/<version>.json`
 * by `scripts/extract-openapi-schemas.mjs` (see the README there): the operations the
 * library calls in full, every other operation by method, path and operationId only.
 *
 * Each data file is read at most once per process, the OpenAPI schemas are converted to
 * JSON Schema (draft-07) once per version and exception set, and each operation's body
 * validator is compiled once and reused.
 * @module
 */
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { HttpMethod, IntercomRequest } from '../../src/rest/types.js'
import { KNOWN_EXCEPTIONS, type SchemaException } from './openapi-exceptions.js'

export { KNOWN_EXCEPTIONS, type SchemaException } from './openapi-exceptions.js'

/** Intercom API versions whose OpenAPI description is extracted into `test/data/intercom-openapi/`. */
export type SpecVersion = '2.11' | '2.16'

/**
 * Every operation the library's REST 2.x mappers yield, as `METHOD template`. The
 * conformance test checks that the library yields exactly these; openapi-data.test.ts that
 * the data files detail each of them.
 */
export const LIBRARY_OPERATIONS = [
  'POST /contacts',
  'PUT /contacts/{contact_id}',
  'GET /contacts/{contact_id}',
  'POST /contacts/search',
  'POST /contacts/{contact_id}/companies',
  'DELETE /contacts/{contact_id}/companies/{company_id}',
  'POST /companies',
  'GET /companies',
  'POST /events',
  'POST /data_attributes',
] as const

/** Options for {@link validateRequest}. */
export interface ValidateOptions {
  /**
   * Schema corrections to apply. Default {@link KNOWN_EXCEPTIONS}; pass `[]` to validate
   * against the schemas exactly as published.
   */
  exceptions?: readonly SchemaException[]
  /**
   * Require `Intercom-Version` to equal the spec version checked (default `true`). When
   * `false` it must still be a version number (`major.minor`), so a 2.16 request can be
   * checked against the 2.11 file (whose `intercom_version` enum stops at 2.11).
   */
  checkVersionHeader?: boolean
  /**
   * What to do with top-level body properties no schema branch declares (default `'error'`).
   * Intercom's schemas leave `additionalProperties` open, so without this check a field the
   * API ignores or rejects (e.g. `last_seen_ip` on `POST /contacts`) would pass unnoticed.
   */
  undeclaredBodyProperties?: 'error' | 'allow'
}

/** Outcome of {@link validateRequest}. `errors` is empty exactly when `ok` is true. */
export interface ValidationResult {
  ok: boolean
  /** The matched operation's `operationId`, when method and path matched one. */
  operationId?: string
  /** The matched path template, e.g. `/contacts/{contact_id}/companies/{company_id}`. */
  template?: string
  /** One readable sentence per problem, naming the offending part of the request. */
  errors: string[]
}

/** What the spec declares for one operation. */
export interface OperationInfo {
  method: HttpMethod
  template: string
  operationId: string
  /** Path parameter values taken from the path that was looked up (percent-decoded). */
  pathParams: Record<string, string>
  /** Names of the declared `in: query` parameters. */
  queryParameters: string[]
  /** The `application/json` request body, if the operation declares one. */
  requestBody?: {
    /** The `#/components/schemas` name, or `'inline'` for an inline schema. */
    schema: string
    required: boolean
  }
  /** Documented response status codes (keys of `responses`), e.g. `['200', '401']`. */
  responses: string[]
}

/** One operation of a spec, as listed by {@link listOperations}. */
export interface OperationSummary {
  method: HttpMethod | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE'
  template: string
  operationId: string
}

type JsonObject = Record<string, unknown>

interface Parameter {
  name: string
  in: string
  required: boolean
  schema: JsonObject
  style: string
  explode: boolean
}

interface Operation {
  /**
   * Whether the data file holds this operation's details. The others are listed only so
   * path matching sees the whole API; checking a request against one is an error.
   */
  extracted: boolean
  method: string
  template: string
  segments: readonly string[]
  operationId: string
  parameters: readonly Parameter[]
  body?: { schema: unknown; schemaName: string; required: boolean }
  otherBodyTypes: readonly string[]
  responses: readonly string[]
  /** Other methods declared on the same path template. */
  siblings: readonly string[]
}

interface Spec {
  doc: JsonObject
  operations: readonly Operation[]
  servers: readonly string[]
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const docs = new Map<SpecVersion, JsonObject>()

/**
 * The extracted OpenAPI document for `version`, read and parsed once per process.
 * Treat it as read-only: it is shared by every caller.
 *
 * @example
 * const doc = loadSpec('2.16')
 * const paths = doc.paths as Record<string, unknown>
 */
export function loadSpec(version: SpecVersion): Readonly<Record<string, unknown>> {
  const cached = docs.get(version)
  if (cached) return cached
  const file = new URL(`../data/intercom-openapi/${version}.json`, import.meta.url)
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (
    !isObject(doc) ||
    !isObject(doc.paths) ||
    !isObject(doc.components) ||
    !Array.isArray(doc['x-operation-index'])
  ) {
    throw new Error(`${file.pathname} is not an extracted OpenAPI document`)
  }
  docs.set(version, doc)
  return doc
}

/** Follows a local `#/...` reference inside the document (parameters, request bodies). */
function deref(doc: JsonObject, node: unknown): unknown {
  let current = node
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref
    if (!ref.startsWith('#/') || hops > 20) throw new Error(`unsupported $ref ${ref}`)
    current = pointerGet(doc, ref.slice(1))
  }
  return current
}

function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '') return root
  let node = root
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    node = isObject(node) || Array.isArray(node) ? (node as JsonObject)[key] : undefined
  }
  return node
}

function toParameter(doc: JsonObject, node: unknown): Parameter | undefined {
  const p = deref(doc, node)
  if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return undefined
  const style = typeof p.style === 'string' ? p.style : p.in === 'query' ? 'form' : 'simple'
  return {
    name: p.name,
    in: p.in,
    required: p.required === true,
    schema: isObject(p.schema) ? p.schema : {},
    style,
    // OpenAPI 3.0: `explode` defaults to true for style form, false otherwise.
    explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
  }
}

function bodySchemaName(schema: unknown): string {
  const prefix = '#/components/schemas/'
  const single = isObject(schema) && Array.isArray(schema.oneOf) && schema.oneOf.length === 1
  const target = single ? (schema.oneOf as unknown[])[0] : schema
  if (isObject(target) && typeof target.$ref === 'string' && target.$ref.startsWith(prefix)) {
    return target.$ref.slice(prefix.length)
  }
  return 'inline'
}

const specs = new Map<SpecVersion, Spec>()

/** One `x-operation-index` entry: `[METHOD, template, operationId]` (`null` if none). */
function indexEntry(entry: unknown): [string, string, string | null] {
  const [method, template, id] = Array.isArray(entry) ? entry : []
  if (typeof method !== 'string' || typeof template !== 'string') {
    throw new Error(`bad x-operation-index entry ${JSON.stringify(entry)}`)
  }
  return [method, template, typeof id === 'string' ? id : null]
}

function loadIndex(version: SpecVersion): Spec {
  const cached = specs.get(version)
  if (cached) return cached
  const doc = loadSpec(version) as JsonObject
  const paths = doc.paths as JsonObject
  const index = (doc['x-operation-index'] as unknown[]).map(indexEntry)
  const operations: Operation[] = []
  for (const [method, template, operationId] of index) {
    const siblings = index.filter(([, t]) => t === template).map(([m]) => m)
    const item = deref(doc, paths[template])
    const op = isObject(item) ? item[method.toLowerCase()] : undefined
    const operation: Operation = {
      extracted: isObject(op),
      method,
      template,
      segments: template.split('/').slice(1),
      operationId: operationId ?? `${method.toLowerCase()} ${template}`,
      parameters: [],
      otherBodyTypes: [],
      responses: [],
      siblings,
    }
    operations.push(operation)
    if (!isObject(item) || !isObject(op)) continue
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    const byKey = new Map<string, Parameter>()
    // Operation-level parameters override path-level ones with the same name and location.
    for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
      const p = toParameter(doc, raw)
      if (p) byKey.set(`${p.in}:${p.name}`, p)
    }
    const requestBody = deref(doc, op.requestBody)
    const content =
      isObject(requestBody) && isObject(requestBody.content) ? requestBody.content : {}
    const json = content['application/json']
    operation.parameters = [...byKey.values()]
    operation.otherBodyTypes = Object.keys(content).filter((type) => type !== 'application/json')
    operation.responses = Object.keys(isObject(op.responses) ? op.responses : {})
    if (isObject(json)) {
      operation.body = {
        schema: json.schema ?? {},
        schemaName: bodySchemaName(json.schema),
        required: isObject(requestBody) && requestBody.required === true,
      }
    }
  }
  const servers = (Array.isArray(doc.servers) ? doc.servers : [])
    .map((s) => (isObject(s) && typeof s.url === 'string' ? s.url.replace(/\/+$/, '') : ''))
    .filter((url) => url !== '')
  const spec: Spec = { doc, operations, servers }
  specs.set(version, spec)
  return spec
}

function notExtracted(version: SpecVersion, op: Operation): string {
  return (
    `${op.method} ${op.template} (${op.operationId}) is in the ${version} spec but not in ` +
    'test/data/intercom-openapi: add it to OPERATIONS in scripts/extract-openapi-schemas.mjs ' +
    'and re-run npm run openapi:extract'
  )
}

const isTemplateParam = (segment: string) => /^\{[^}]+\}$/.test(segment)

/**
 * The most specific template matching `pathname`: literal segments win over `{param}`
 * segments, compared left to right (OpenAPI: concrete paths match before templated ones).
 */
function matchTemplate(
  spec: Spec,
  pathname: string,
): { template: string; params: Record<string, string> } | undefined {
  const segments = pathname.split('/').slice(1)
  let best: { op: Operation; rank: string } | undefined
  for (const op of spec.operations) {
    if (op.segments.length !== segments.length) continue
    let rank = ''
    const matches = op.segments.every((expected, i) => {
      const actual = segments[i] ?? ''
      if (isTemplateParam(expected)) {
        rank += '1'
        return actual !== ''
      }
      rank += '0'
      return expected === actual
    })
    if (matches && (best === undefined || rank < best.rank)) best = { op, rank }
  }
  if (!best) return undefined
  const params: Record<string, string> = {}
  best.op.segments.forEach((expected, i) => {
    if (isTemplateParam(expected)) params[expected.slice(1, -1)] = segments[i] ?? ''
  })
  return { template: best.op.template, params }
}

function resolveOperation(spec: Spec, method: string, path: string) {
  const pathname = path.split(/[?#]/, 1)[0] ?? ''
  const match = matchTemplate(spec, pathname)
  if (!match) return { pathname }
  const operation = spec.operations.find(
    (op) => op.template === match.template && op.method === method.toUpperCase(),
  )
  return { pathname, match, operation }
}

/**
 * Whether `version` declares `method` on `path`. `path` may be a concrete path (a query
 * string is ignored) or a template; matching follows {@link validateRequest}.
 *
 * @example
 * if (hasOperation('2.11', 'GET', '/contacts/find_by_external_id/u1')) { ... } // false
 */
export function hasOperation(version: SpecVersion, method: string, path: string): boolean {
  return resolveOperation(loadIndex(version), method, path).operation !== undefined
}

/**
 * What `version` declares for `method` on `path` (concrete or template), or `undefined`.
 * Throws for an operation whose details were not extracted into the data file.
 *
 * @example
 * findOperation('2.16', 'POST', '/events')?.responses // ['202', '401']
 */
export function findOperation(
  version: SpecVersion,
  method: string,
  path: string,
): OperationInfo | undefined {
  const { match, operation } = resolveOperation(loadIndex(version), method, path)
  if (!match || !operation) return undefined
  if (!operation.extracted) throw new Error(notExtracted(version, operation))
  const pathParams: Record<string, string> = {}
  for (const [name, raw] of Object.entries(match.params)) pathParams[name] = safeDecode(raw) ?? raw
  const info: OperationInfo = {
    method: operation.method as HttpMethod,
    template: operation.template,
    operationId: operation.operationId,
    pathParams,
    queryParameters: operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
    responses: [...operation.responses],
  }
  if (operation.body) {
    info.requestBody = { schema: operation.body.schemaName, required: operation.body.required }
  }
  return info
}

/**
 * Every operation `version` declares, in document order.
 *
 * @example
 * listOperations('2.11').some((op) => op.operationId === 'createDataEvent') // true
 */
export function listOperations(version: SpecVersion): OperationSummary[] {
  return loadIndex(version).operations.map((op) => ({
    method: op.method as OperationSummary['method'],
    template: op.template,
    operationId: op.operationId,
  }))
}

// ---------------------------------------------------------------------------------------
// OpenAPI 3.0 schema -> JSON Schema draft-07

/** Keywords copied verbatim: their values are data, never subschemas. */
const DATA_KEYWORDS = new Set([
  'type',
  'enum',
  'required',
  'format',
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
])
const ANNOTATIONS = ['title', 'description', 'default', 'readOnly', 'writeOnly']
const COMPOSITION = ['allOf', 'anyOf', 'oneOf', 'not', '$ref']
const COMPONENT_PREFIX = '#/components/schemas/'

/**
 * Converts one OpenAPI 3.0 Schema Object. Only JSON Schema keywords are kept, so
 * `example`, `discriminator` (a hint: `oneOf`/`anyOf` still decide), `xml`, `externalDocs`,
 * `deprecated` and `x-*` are dropped; `nullable: true` becomes a union with `null`; the
 * draft-4 boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers; component `$ref`s
 * point into the per-version root schema registered with ajv (recursion stays a `$ref`).
 */
function convertSchema(node: unknown, rootId: string): unknown {
  if (typeof node === 'boolean') return node
  if (!isObject(node)) return {}
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYWORDS.has(key)) out[key] = value
    else if (key === '$ref' && typeof value === 'string') {
      if (!value.startsWith(COMPONENT_PREFIX)) throw new Error(`unsupported schema $ref ${value}`)
      out.$ref = `${rootId}#/definitions/${value.slice(COMPONENT_PREFIX.length)}`
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(isObject(value) ? value : {}).map(([k, v]) => [k, convertSchema(v, rootId)]),
      )
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = convertSchema(value, rootId)
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = (Array.isArray(value) ? value : []).map((v) => convertSchema(v, rootId))
    }
  }
  // `oneOf: [X]` (2.16 wraps some request bodies so) is X; unwrapping spares a useless
  // "must match exactly one schema in oneOf" beside X's own errors.
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const branches = out[k]
    const [only] = Array.isArray(branches) && branches.length === 1 ? branches : []
    if (isObject(only) && Object.keys(only).every((key) => !(key in out))) {
      delete out[k]
      Object.assign(out, only)
    }
  }
  for (const bound of ['Minimum', 'Maximum'] as const) {
    const flag = `exclusive${bound}`
    const limit = bound.toLowerCase()
    if (out[flag] === true && typeof out[limit] === 'number') {
      out[flag] = out[limit]
      delete out[limit]
    } else if (typeof out[flag] === 'boolean') delete out[flag]
  }
  if (node.nullable !== true) return out
  if (typeof out.type === 'string' && !COMPOSITION.some((k) => k in out)) {
    // A plain typed schema: a type union keeps ajv's messages short ("must be integer,null").
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  // Composite schemas (`$ref`, `oneOf`, ...): null would fail every branch, so wrap.
  const annotations: JsonObject = {}
  const rest: JsonObject = {}
  for (const [key, value] of Object.entries(out)) {
    if (ANNOTATIONS.includes(key)) annotations[key] = value
    else rest[key] = value
  }
  return { ...annotations, anyOf: [{ type: 'null' }, rest] }
}

interface Checker {
  ajv: Ajv
  validators: Map<Operation, ValidateFunction>
}

const checkers = new Map<string, Checker>()

// Exceptions are keyed by identity, not id, so an edited copy never reuses a stale validator.
const exceptionKeys = new WeakMap<SchemaException, number>()
let nextExceptionKey = 0
function exceptionKey(e: SchemaException): number {
  let key = exceptionKeys.get(e)
  if (key === undefined) {
    key = nextExceptionKey++
    exceptionKeys.set(e, key)
  }
  return key
}

function applicableExceptions(
  version: SpecVersion,
  exceptions: readonly SchemaException[],
): SchemaException[] {
  const seen = new Set<string>()
  for (const e of exceptions) {
    if (seen.has(e.id)) throw new Error(`duplicate schema exception id '${e.id}'`)
    seen.add(e.id)
  }
  return exceptions.filter((e) => e.versions.includes(version))
}

/** One ajv instance per version and exception set, holding every component schema once. */
function checkerFor(version: SpecVersion, exceptions: readonly SchemaException[]): Checker {
  const key = `${version}|${exceptions
    .map(exceptionKey)
    .sort((a, b) => a - b)
    .join(',')}`
  const cached = checkers.get(key)
  if (cached) return cached
  const spec = loadIndex(version)
  const rootId = `intercom-openapi-${version}.json`
  const components = (spec.doc.components as JsonObject).schemas
  const schemas: JsonObject = { ...(isObject(components) ? components : {}) }
  for (const e of exceptions) schemas[e.schema] = withException(schemas[e.schema], e)
  const definitions = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [name, convertSchema(schema, rootId)]),
  )
  const ajv = new Ajv({
    // Report every problem, not just the first.
    allErrors: true,
    // Keeps `parentSchema` on errors, so anyOf/oneOf messages can name their branches.
    verbose: true,
    // Strict mode stays on for unknown keywords (the converter removes OpenAPI-only ones,
    // so any left would be a converter bug). Its type/required lints are style advice about
    // Intercom's schemas (e.g. `properties` beside `oneOf` without `type`): off.
    strict: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    allowUnionTypes: true,
    // ajv-formats is not installed, and OpenAPI formats are annotations here anyway: Intercom
    // puts `format: date-time` on integer unix timestamps and uses non-standard names
    // (`timestamp`, `float`). `type` is still enforced.
    validateFormats: false,
  })
  ajv.addSchema({ $id: rootId, definitions }, rootId)
  const checker: Checker = { ajv, validators: new Map() }
  checkers.set(key, checker)
  return checker
}

function withException(schema: unknown, e: SchemaException): unknown {
  if (schema === undefined) throw new Error(`schema exception '${e.id}': no schema ${e.schema}`)
  const found = pointerGet(schema, e.pointer)
  if (!isDeepStrictEqual(stripAnnotations(found), e.expected)) {
    throw new Error(
      `schema exception '${e.id}' is stale: ${e.schema}${e.pointer} is ` +
        `${JSON.stringify(stripAnnotations(found))}, expected ${JSON.stringify(e.expected)}`,
    )
  }
  const copy = structuredClone(schema)
  const parts = e.pointer.slice(1).split('/')
  const last = parts.pop() ?? ''
  const parent = pointerGet(copy, parts.length ? `/${parts.join('/')}` : '')
  if (!isObject(parent)) throw new Error(`schema exception '${e.id}': bad pointer ${e.pointer}`)
  parent[last.replaceAll('~1', '/').replaceAll('~0', '~')] = structuredClone(e.replacement)
  return copy
}

/** Drops `description`/`example` so `expected` compares only what validation sees. */
function stripAnnotations(value: unknown): unknown {
  if (!isObject(value)) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'description' && k !== 'example')
      .map(([k, v]) => [k, stripAnnotations(v)]),
  )
}

function bodyValidator(checker: Checker, op: Operation, version: SpecVersion): ValidateFunction {
  const cached = checker.validators.get(op)
  if (cached) return cached
  const rootId = `intercom-openapi-${version}.json`
  const validate = checker.ajv.compile(convertSchema(op.body?.schema, rootId) as JsonObject)
  checker.validators.set(op, validate)
  return validate
}

// ---------------------------------------------------------------------------------------
// Checks

const PCHAR = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*$/
const QUERY_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/** Checks a serialized primitive parameter value against its (primitive) schema. */
function primitiveValueError(value: string, schema: JsonObject): string | undefined {
  const enumValues = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined
  if (enumValues && !enumValues.includes(value)) return `must be one of ${enumValues.join(', ')}`
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(value) ? undefined : 'must be an integer'
    case 'number':
      return value !== '' && Number.isFinite(Number(value)) ? undefined : 'must be a number'
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : 'must be true or false'
    default:
      return undefined
  }
}

function checkPath(op: Operation, params: Record<string, string>, errors: string[]): void {
  for (const [name, raw] of Object.entries(params)) {
    const decoded = PCHAR.test(raw) ? safeDecode(raw) : undefined
    if (decoded === undefined) {
      errors.push(`path parameter ${name} '${raw}' is not a percent-encoded path segment`)
      continue
    }
    const declared = op.parameters.find((p) => p.in === 'path' && p.name === name)
    const problem = declared ? primitiveValueError(decoded, declared.schema) : undefined
    if (problem) errors.push(`path parameter ${name} '${decoded}' ${problem}`)
  }
}

/** Names a form-exploded object parameter contributes (its properties, incl. branches). */
function objectPropertyNames(schema: JsonObject): string[] {
  const names = Object.keys(isObject(schema.properties) ? schema.properties : {})
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[k]
    if (Array.isArray(branches)) {
      for (const b of branches) if (isObject(b)) names.push(...objectPropertyNames(b))
    }
  }
  return names
}

function checkQuery(op: Operation, query: string | undefined, errors: string[]): void {
  const declared = op.parameters.filter((p) => p.in === 'query')
  const where = `${op.method} ${op.template}`
  if (query === '') errors.push('path ends with an empty query string')
  if (query && !QUERY_CHARS.test(query)) {
    errors.push(`query string '${query}' has characters that must be percent-encoded`)
  }
  const counts = new Map<string, number>()
  for (const [key, value] of new URLSearchParams(query ?? '')) {
    counts.set(key, (counts.get(key) ?? 0) + 1)
    const param = declared.find((p) => p.name === key)
    const exploded = declared.find(
      (p) =>
        p.style === 'form' &&
        p.explode &&
        p.schema.type === 'object' &&
        objectPropertyNames(p.schema).includes(key),
    )
    if (!param && !exploded) {
      const names = declared.map((p) => p.name).join(', ') || 'none'
      errors.push(`query parameter '${key}' is not declared by ${where} (declared: ${names})`)
      continue
    }
    if (!param) continue
    const isArray = param.schema.type === 'array'
    if (!isArray && (counts.get(key) ?? 0) === 2) {
      errors.push(`query parameter '${key}' is repeated`)
    }
    const itemSchema = isArray && isObject(param.schema.items) ? param.schema.items : param.schema
    const values = isArray && !param.explode ? value.split(',') : [value]
    for (const v of values) {
      const problem = primitiveValueError(v, itemSchema)
      if (problem) errors.push(`query parameter '${key}' value '${v}' ${problem}`)
    }
  }
  for (const p of declared) {
    if (p.required && !counts.has(p.name) && p.schema.type !== 'object') {
      errors.push(`required query parameter '${p.name}' is missing`)
    }
  }
}

function findHeader(headers: Record<string, string>, name: string): string[] {
  const lower = name.toLowerCase()
  return Object.entries(headers)
    .filter(([k]) => k.toLowerCase() === lower)
    .map(([, v]) => v)
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

function checkHeaders(
  version: SpecVersion,
  request: IntercomRequest,
  checkVersionHeader: boolean,
  errors: string[],
): void {
  const { headers } = request
  const seen = new Set<string>()
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) errors.push(`header name '${name}' is not a valid HTTP token`)
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      errors.push(`header ${name} must be a string without CR, LF or NUL`)
    }
    const lower = name.toLowerCase()
    if (seen.has(lower)) errors.push(`header ${name} is given twice (names are case-insensitive)`)
    seen.add(lower)
  }
  if (findHeader(headers, 'Authorization').length > 0) {
    errors.push('headers include Authorization: credentials must be added by the host, not here')
  }
  const [accept] = findHeader(headers, 'Accept')
  const accepts = (accept ?? '').split(',').map((r) => r.split(';')[0]?.trim().toLowerCase())
  if (!accepts.includes('application/json')) {
    errors.push(
      accept === undefined
        ? 'header Accept: application/json is missing (Intercom answers 406 without it)'
        : `header Accept is '${accept}', expected application/json`,
    )
  }
  const [contentType] = findHeader(headers, 'Content-Type')
  const hasBody = request.body !== undefined
  if (hasBody && contentType === undefined) {
    errors.push('header Content-Type: application/json is missing although there is a body')
  } else if (hasBody && contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    errors.push(`header Content-Type is '${contentType}', expected application/json`)
  } else if (!hasBody && contentType !== undefined) {
    errors.push(`header Content-Type '${contentType}' is set but there is no body`)
  }
  const [sent] = findHeader(headers, 'Intercom-Version')
  if (sent === undefined) errors.push('header Intercom-Version is missing')
  else if (checkVersionHeader && sent !== version) {
    errors.push(`header Intercom-Version is '${sent}', expected '${version}'`)
  } else if (!/^\d+\.\d+$/.test(sent)) {
    errors.push(`header Intercom-Version '${sent}' is not a version number such as '${version}'`)
  }
}

/** Paths (dot notation) of values JSON cannot carry unchanged. */
function nonJsonValues(
  value: unknown,
  path: string,
  out: string[],
  ancestors: object[] = [],
): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${value}, which JSON sends as null`)
    return
  }
  if (typeof value === 'object' && ancestors.includes(value)) {
    out.push(`${path} is a circular reference`)
    return
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      nonJsonValues(v, `${path}[${i}]`, out, [...ancestors, value])
    })
    return
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) {
      out.push(`${path} is a ${value.constructor?.name ?? 'non-plain'} object, not JSON data`)
      return
    }
    for (const [k, v] of Object.entries(value)) {
      nonJsonValues(v, `${path}.${k}`, out, [...ancestors, value])
    }
    return
  }
  out.push(`${path} is ${typeof value}, not JSON data`)
}

function pointerToDots(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`))
    .join('')
}

function describeAjvError(e: ErrorObject): string {
  const where = `body${pointerToDots(e.instancePath)}`
  const params = e.params as Record<string, unknown>
  const branches = isObject(e.parentSchema) ? e.parentSchema[e.keyword] : undefined
  if ((e.keyword === 'anyOf' || e.keyword === 'oneOf') && Array.isArray(branches)) {
    // Name the alternatives (Intercom titles them, e.g. "Create contact with email").
    const names = branches.map((b, i) =>
      isObject(b) && typeof b.title === 'string' ? b.title : `#${i + 1}`,
    )
    const many = Array.isArray(params.passingSchemas)
    return `${where} must match ${many ? 'only one' : 'one'} of: ${names.join('; ')}`
  }
  if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${where} must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
  }
  if (e.keyword === 'additionalProperties') {
    return `${where} must not have property '${String(params.additionalProperty)}'`
  }
  return `${where} ${e.message ?? `fails ${e.keyword}`}`
}

/** Top-level property names the schema declares, following `$ref`s and composition. */
function declaredProperties(
  schema: unknown,
  components: JsonObject,
  seen = new Set<unknown>(),
): Set<string> | 'open' {
  const names = new Set<string>()
  if (!isObject(schema) || seen.has(schema)) return names
  seen.add(schema)
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT_PREFIX)) {
    return declaredProperties(
      components[schema.$ref.slice(COMPONENT_PREFIX.length)],
      components,
      seen,
    )
  }
  const extra = schema.additionalProperties
  if (extra === true || isObject(extra)) return 'open'
  for (const name of Object.keys(isObject(schema.properties) ? schema.properties : {})) {
    names.add(name)
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[k]
    if (!Array.isArray(branches)) continue
    for (const branch of branches) {
      const more = declaredProperties(branch, components, seen)
      if (more === 'open') return 'open'
      for (const name of more) names.add(name)
    }
  }
  return names
}

function checkBody(
  version: SpecVersion,
  op: Operation,
  request: IntercomRequest,
  options: ValidateOptions,
  errors: string[],
): void {
  const where = `${op.method} ${op.template}`
  if (request.body === undefined) {
    if (op.body?.required)
      errors.push(`${where} requires a JSON body (schema ${op.body.schemaName})`)
    return
  }
  if (!op.body) {
    const other = op.otherBodyTypes.length ? ` (it takes ${op.otherBodyTypes.join(', ')})` : ''
    errors.push(`${where} declares no JSON request body, but the request has one${other}`)
    return
  }
  const nonJson: string[] = []
  nonJsonValues(request.body, 'body', nonJson)
  errors.push(...nonJson)
  // Validate what the server will receive, i.e. after a JSON round trip (which throws on
  // cycles and bigints, both already reported above).
  let sent: unknown
  try {
    sent = JSON.parse(JSON.stringify(request.body))
  } catch {
    return
  }
  const exceptions = applicableExceptions(version, options.exceptions ?? KNOWN_EXCEPTIONS)
  const checker = checkerFor(version, exceptions)
  const validate = bodyValidator(checker, op, version)
  const schemaNote = ` (schema ${op.body.schemaName})`
  if (!validate(sent)) {
    const messages = (validate.errors ?? []).map((e) => describeAjvError(e) + schemaNote)
    errors.push(...new Set(messages))
  }
  if ((options.undeclaredBodyProperties ?? 'error') === 'error' && isObject(sent)) {
    const components = (loadIndex(version).doc.components as JsonObject).schemas
    const declared = declaredProperties(op.body.schema, isObject(components) ? components : {})
    if (declared !== 'open') {
      for (const key of Object.keys(sent)) {
        if (!declared.has(key)) {
          errors.push(`body.${key} is not a declared property${schemaNote}`)
        }
      }
    }
  }
}

/**
 * Checks one request descriptor against the `version` OpenAPI description:
 *
 * 1. method + path match an operation (query stripped; literal segments beat `{params}`);
 *    path parameters are percent-encoded segments of the declared type;
 * 2. every query parameter is a declared `in: query` parameter with a value of its type;
 * 3. the body validates against the operation's `application/json` schema (OpenAPI 3.0
 *    `nullable` honoured, `$ref`s and recursion resolved, {@link KNOWN_EXCEPTIONS} applied),
 *    is plain JSON data, names only declared top-level properties, is absent when the
 *    operation takes none and present when it is required;
 * 4. `url` is one of the spec's `servers` + `path`; headers carry `Accept: application/json`,
 *    `Content-Type: application/json` exactly when there is a body, the `Intercom-Version`,
 *    and no `Authorization`.
 *
 * Never throws for a bad request; throws only when the data files are missing or an
 * exception no longer matches the published schema. A request for an operation the data
 * files list but do not detail fails with an error saying how to add it.
 *
 * @example
 * const result = validateRequest('2.16', request)
 * expect(result.errors).toEqual([]) // prints every problem when it fails
 */
export function validateRequest(
  version: SpecVersion,
  request: IntercomRequest,
  options: ValidateOptions = {},
): ValidationResult {
  const spec = loadIndex(version)
  const errors: string[] = []
  const { path, method } = request

  if (!path.startsWith('/')) errors.push(`path '${path}' must start with /`)
  if (path.includes('#')) errors.push(`path '${path}' must not contain a fragment`)
  if (!spec.servers.some((base) => request.url === base + path)) {
    errors.push(
      `url '${request.url}' must be one of ${spec.servers.join(', ')} followed by the path '${path}'`,
    )
  }
  checkHeaders(version, request, options.checkVersionHeader ?? true, errors)

  const { pathname, match, operation } = resolveOperation(spec, method, path)
  if (!match) {
    errors.push(`no operation in the ${version} spec matches path ${pathname}`)
    return { ok: false, errors }
  }
  if (!operation) {
    const op = spec.operations.find((o) => o.template === match.template)
    const allowed = op?.siblings.join(', ') ?? 'nothing'
    errors.push(`${method} is not declared for ${match.template} in ${version} (only ${allowed})`)
    return { ok: false, template: match.template, errors }
  }
  if (!operation.extracted) {
    errors.push(notExtracted(version, operation))
    return { ok: false, operationId: operation.operationId, template: operation.template, errors }
  }

  checkPath(operation, match.params, errors)
  const queryStart = path.indexOf('?')
  checkQuery(operation, queryStart === -1 ? undefined : path.slice(queryStart + 1), errors)
  checkBody(version, operation, request, options, errors)
  return {
    ok: errors.length === 0,
    operationId: operation.operationId,
    template: operation.template,
    errors,
  }
}
