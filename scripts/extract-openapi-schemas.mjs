#!/usr/bin/env node
/**
 * Extracts what the conformance tests need from Intercom's published OpenAPI descriptions
 * (https://github.com/intercom/Intercom-OpenAPI, MIT) into test/data/intercom-openapi/.
 *
 *   npm run openapi:extract -- <dir>
 *
 * `<dir>` is the upstream `descriptions/` folder (`<dir>/2.16/api.intercom.io.yaml`) or a
 * flat copy (`<dir>/2.16-api.intercom.io.yaml`). Each output file is an OpenAPI 3.0.1
 * document reduced to the operations in OPERATIONS and the components they reference,
 * with every annotation that does not affect request validation removed, plus
 * `x-operation-index` (method, path template and operationId of every operation in the
 * file, so path matching sees the whole API) and `x-source` (where it came from). Keys are
 * sorted and the text is Biome-formatted, so re-running on the same input changes nothing.
 * An unknown schema keyword is an error, not silently dropped: it might constrain requests.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT_DIR = join(ROOT, 'test/data/intercom-openapi')
const VERSIONS = ['2.11', '2.16']
const BOTH = VERSIONS

/**
 * The operations whose details are kept: every one the library's REST 2.x mappers can
 * yield, plus two the harness's own tests need. test/support/openapi.test.ts checks that
 * each operation the library yields is here.
 */
const OPERATIONS = [
  { method: 'post', template: '/contacts', versions: BOTH },
  { method: 'put', template: '/contacts/{contact_id}', versions: BOTH },
  { method: 'get', template: '/contacts/{contact_id}', versions: BOTH },
  { method: 'post', template: '/contacts/search', versions: BOTH },
  { method: 'post', template: '/contacts/{contact_id}/companies', versions: BOTH },
  { method: 'delete', template: '/contacts/{contact_id}/companies/{company_id}', versions: BOTH },
  { method: 'post', template: '/companies', versions: BOTH },
  { method: 'get', template: '/companies', versions: BOTH },
  { method: 'post', template: '/events', versions: BOTH },
  { method: 'post', template: '/data_attributes', versions: BOTH },
  // Harness tests: an operation new in 2.13, and one whose request body is required.
  { method: 'get', template: '/contacts/find_by_external_id/{external_id}', versions: ['2.16'] },
  { method: 'post', template: '/calls/search', versions: ['2.16'] },
]

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']

/** Schema keywords whose values are data (kept verbatim). */
const SCHEMA_DATA = new Set([
  '$ref',
  'type',
  'enum',
  'required',
  'format',
  'nullable',
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
/** Schema keywords that never change whether a request is valid (dropped). */
const SCHEMA_PROSE = new Set([
  'description',
  'example',
  'examples',
  'title',
  'default',
  'deprecated',
  'externalDocs',
  'xml',
  // A hint for code generators: `oneOf`/`anyOf` alone decide validity.
  'discriminator',
])

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

function fail(message) {
  throw new Error(`extract-openapi-schemas: ${message}`)
}

/**
 * `node` without prose. `branch` marks a direct `oneOf`/`anyOf` alternative: its `title`
 * is kept, because the harness names the alternatives in its error messages.
 */
function pruneSchema(node, where, refs, branch = false) {
  if (typeof node === 'boolean') return node
  if (!isObject(node)) fail(`${where} is not a schema`)
  const out = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref') refs.push(value)
    if (SCHEMA_DATA.has(key)) out[key] = value
    else if (key === 'title' && branch && typeof value === 'string') out.title = value
    else if (SCHEMA_PROSE.has(key) || key.startsWith('x-')) continue
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [
          name,
          pruneSchema(s, `${where}/${key}/${name}`, refs),
        ]),
      )
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = pruneSchema(value, `${where}/${key}`, refs)
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = value.map((s, i) => pruneSchema(s, `${where}/${key}/${i}`, refs, key !== 'allOf'))
    } else fail(`unknown schema keyword '${key}' at ${where}: decide whether it validates`)
  }
  return out
}

function pruneParameter(node, where, refs) {
  if (typeof node.$ref === 'string') {
    refs.push(node.$ref)
    return { $ref: node.$ref }
  }
  if (node.content !== undefined) fail(`${where}: parameters with content are not supported`)
  const out = { name: node.name, in: node.in }
  for (const key of ['required', 'style', 'explode', 'allowReserved', 'allowEmptyValue']) {
    if (node[key] !== undefined) out[key] = node[key]
  }
  if (node.schema !== undefined) out.schema = pruneSchema(node.schema, `${where}/schema`, refs)
  return out
}

function pruneRequestBody(node, where, refs) {
  if (typeof node.$ref === 'string') {
    refs.push(node.$ref)
    return { $ref: node.$ref }
  }
  const content = {}
  for (const [type, media] of Object.entries(node.content ?? {})) {
    content[type] = media.schema
      ? { schema: pruneSchema(media.schema, `${where}/content/${type}/schema`, refs) }
      : {}
  }
  return node.required === undefined ? { content } : { content, required: node.required }
}

const OPERATION_DROPPED = new Set([
  'summary',
  'description',
  'tags',
  'externalDocs',
  'deprecated',
  'security',
])

function pruneOperation(op, where, refs) {
  const out = { operationId: op.operationId }
  for (const [key, value] of Object.entries(op)) {
    if (key === 'operationId' || OPERATION_DROPPED.has(key) || key.startsWith('x-')) continue
    if (key === 'parameters') {
      out.parameters = value.map((p, i) => pruneParameter(p, `${where}/parameters/${i}`, refs))
    } else if (key === 'requestBody') {
      out.requestBody = pruneRequestBody(value, `${where}/requestBody`, refs)
    } else if (key === 'responses') {
      // The harness reads only which status codes are documented.
      out.responses = Object.fromEntries(Object.keys(value).map((code) => [code, {}]))
    } else fail(`unknown operation field '${key}' at ${where}`)
  }
  return out
}

function pointerGet(doc, ref) {
  if (!ref.startsWith('#/')) fail(`unsupported $ref ${ref}`)
  let node = doc
  for (const raw of ref.slice(2).split('/')) {
    node = node?.[raw.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  if (node === undefined) fail(`dangling $ref ${ref}`)
  return node
}

/** Copies every component `refs` reach, transitively, pruned. */
function closure(doc, refs) {
  const components = {}
  const done = new Set()
  while (refs.length > 0) {
    const ref = refs.pop()
    if (done.has(ref)) continue
    done.add(ref)
    const match = /^#\/components\/(schemas|parameters|requestBodies)\/([^/]+)$/.exec(ref)
    if (!match) fail(`unsupported $ref ${ref}`)
    const [, kind, name] = match
    const node = pointerGet(doc, ref)
    const where = ref.slice(1)
    components[kind] ??= {}
    components[kind][name] =
      kind === 'schemas'
        ? pruneSchema(node, where, refs)
        : kind === 'parameters'
          ? pruneParameter(node, where, refs)
          : pruneRequestBody(node, where, refs)
  }
  return components
}

function gitBlobSha(text) {
  const bytes = Buffer.from(text, 'utf8')
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

function extract(version, text) {
  const doc = parse(text, { uniqueKeys: false })
  if (!isObject(doc) || !isObject(doc.paths) || doc.info?.version !== version) {
    fail(`the ${version} file is not Intercom's ${version} OpenAPI description`)
  }
  if (!String(doc.openapi).startsWith('3.0.')) fail(`${version}: expected OpenAPI 3.0.x`)
  const refs = []
  const paths = {}
  const index = []
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      if (isObject(item[method])) {
        index.push([method.toUpperCase(), template, item[method].operationId ?? null])
      }
    }
  }
  for (const { method, template, versions } of OPERATIONS) {
    if (!versions.includes(version)) continue
    const item = doc.paths[template]
    const op = item?.[method]
    if (!isObject(op)) fail(`${version} declares no ${method.toUpperCase()} ${template}`)
    if (item.$ref !== undefined || item.servers !== undefined) {
      fail(`${version} ${template}: path item $ref/servers are not supported`)
    }
    const where = `/paths/${template.replaceAll('/', '~1')}`
    paths[template] ??= {}
    if (Array.isArray(item.parameters) && paths[template].parameters === undefined) {
      paths[template].parameters = item.parameters.map((p, i) =>
        pruneParameter(p, `${where}/parameters/${i}`, refs),
      )
    }
    paths[template][method] = pruneOperation(op, `${where}/${method}`, refs)
  }
  return {
    openapi: doc.openapi,
    info: { version },
    servers: (doc.servers ?? []).map((s) => ({ url: s.url })),
    paths,
    components: closure(doc, refs),
    'x-operation-index': index,
    'x-source': {
      repository: 'https://github.com/intercom/Intercom-OpenAPI',
      path: `descriptions/${version}/api.intercom.io.yaml`,
      gitBlob: gitBlobSha(text),
    },
  }
}

/** Recursively sorted object keys; array order is meaning (enum, oneOf, parameters). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isObject(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  )
}

function inputFile(dir, version) {
  const candidates = [
    join(dir, version, 'api.intercom.io.yaml'),
    join(dir, `${version}-api.intercom.io.yaml`),
  ]
  const found = candidates.find((file) => existsSync(file))
  if (!found) fail(`no ${version} description in ${dir} (looked for ${candidates.join(', ')})`)
  return found
}

function main(argv) {
  const [dir] = argv
  if (!dir || argv.length > 1) {
    console.error('usage: npm run openapi:extract -- <Intercom-OpenAPI descriptions dir>')
    process.exit(2)
  }
  // Everything is extracted before anything is written: a failure leaves the data as it was.
  const outputs = VERSIONS.map((version) => {
    const file = inputFile(resolve(dir), version)
    const data = sortKeys(extract(version, readFileSync(file, 'utf8')))
    console.log(`${file} -> test/data/intercom-openapi/${version}.json`)
    return { path: join(OUT_DIR, `${version}.json`), text: `${JSON.stringify(data)}\n` }
  })
  mkdirSync(OUT_DIR, { recursive: true })
  for (const { path, text } of outputs) writeFileSync(path, text)
  // Biome's layout, so `npm run lint` accepts the files and re-runs are byte-identical.
  execFileSync(
    join(ROOT, 'node_modules/.bin/biome'),
    ['format', '--write', ...outputs.map((o) => o.path)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
}

try {
  main(process.argv.slice(2))
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
