/**
 * The committed extracts in test/data/intercom-openapi/ (written by
 * scripts/extract-openapi-schemas.mjs). CI has no upstream files to re-run the script
 * against, so this checks what the script promises instead: every operation the library
 * yields is detailed, every `$ref` resolves inside the file, and only what request
 * validation reads is kept (no descriptions, examples or other prose).
 */
import { describe, expect, it } from 'vitest'
import {
  findOperation,
  LIBRARY_OPERATIONS,
  listOperations,
  loadSpec,
  type SpecVersion,
} from './openapi.js'

const VERSIONS: readonly SpecVersion[] = ['2.11', '2.16']

type JsonObject = Record<string, unknown>
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every keyword the extract may keep in a Schema Object (all of them constrain requests). */
const SCHEMA_KEYWORDS = new Set([
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
  'properties',
  'patternProperties',
  'items',
  'additionalProperties',
  'not',
  'allOf',
  'anyOf',
  'oneOf',
])

/**
 * Keys a schema may hold that the extract should not. `title` is allowed only on a direct
 * `oneOf`/`anyOf` alternative, where the harness uses it to name the alternatives.
 */
function schemaProblems(node: unknown, where: string, branch = false): string[] {
  if (typeof node === 'boolean') return []
  if (!isObject(node)) return [`${where} is not a schema`]
  const problems: string[] = []
  for (const [key, value] of Object.entries(node)) {
    const at = `${where}/${key}`
    if (key === 'title' && branch) continue
    if (!SCHEMA_KEYWORDS.has(key)) problems.push(`${at}: '${key}' is not a validation keyword`)
    else if (key === 'properties' || key === 'patternProperties') {
      for (const [name, schema] of Object.entries(isObject(value) ? value : {})) {
        problems.push(...schemaProblems(schema, `${at}/${name}`))
      }
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      problems.push(...schemaProblems(value, at))
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      const branches = Array.isArray(value) ? value : []
      branches.forEach((b, i) => {
        problems.push(...schemaProblems(b, `${at}/${i}`, key !== 'allOf'))
      })
    }
  }
  return problems
}

function unexpectedKeys(node: unknown, allowed: readonly string[], where: string): string[] {
  if (!isObject(node)) return [`${where} is not an object`]
  return Object.keys(node)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}/${key}: not expected in the extract`)
}

const PARAMETER_KEYS = ['$ref', 'name', 'in', 'required', 'style', 'explode', 'schema']

function parameterProblems(node: unknown, where: string): string[] {
  const problems = unexpectedKeys(
    node,
    [...PARAMETER_KEYS, 'allowReserved', 'allowEmptyValue'],
    where,
  )
  if (isObject(node) && node.schema !== undefined) {
    problems.push(...schemaProblems(node.schema, `${where}/schema`))
  }
  return problems
}

function requestBodyProblems(node: unknown, where: string): string[] {
  const problems = unexpectedKeys(node, ['$ref', 'content', 'required'], where)
  const content = isObject(node) && isObject(node.content) ? node.content : {}
  for (const [type, media] of Object.entries(content)) {
    problems.push(...unexpectedKeys(media, ['schema'], `${where}/content/${type}`))
    if (isObject(media) && media.schema !== undefined) {
      problems.push(...schemaProblems(media.schema, `${where}/content/${type}/schema`))
    }
  }
  return problems
}

/** Everything in the file that is not what request validation or path matching reads. */
function extractProblems(doc: JsonObject): string[] {
  const problems = unexpectedKeys(
    doc,
    ['openapi', 'info', 'servers', 'paths', 'components', 'x-operation-index', 'x-source'],
    '',
  )
  problems.push(...unexpectedKeys(doc.info, ['version'], '/info'))
  for (const [i, server] of (Array.isArray(doc.servers) ? doc.servers : []).entries()) {
    problems.push(...unexpectedKeys(server, ['url'], `/servers/${i}`))
  }
  for (const [template, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const at = `/paths/${template}`
    problems.push(...unexpectedKeys(item, ['parameters', 'get', 'put', 'post', 'delete'], at))
    for (const [key, op] of Object.entries(isObject(item) ? item : {})) {
      if (key === 'parameters') {
        for (const [i, p] of (Array.isArray(op) ? op : []).entries()) {
          problems.push(...parameterProblems(p, `${at}/parameters/${i}`))
        }
        continue
      }
      problems.push(
        ...unexpectedKeys(
          op,
          ['operationId', 'parameters', 'requestBody', 'responses'],
          `${at}/${key}`,
        ),
      )
      if (!isObject(op)) continue
      for (const [i, p] of (Array.isArray(op.parameters) ? op.parameters : []).entries()) {
        problems.push(...parameterProblems(p, `${at}/${key}/parameters/${i}`))
      }
      if (op.requestBody !== undefined) {
        problems.push(...requestBodyProblems(op.requestBody, `${at}/${key}/requestBody`))
      }
      for (const [code, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
        problems.push(...unexpectedKeys(response, [], `${at}/${key}/responses/${code}`))
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {}
  problems.push(
    ...unexpectedKeys(components, ['schemas', 'parameters', 'requestBodies'], '/components'),
  )
  for (const [name, s] of Object.entries(isObject(components.schemas) ? components.schemas : {})) {
    problems.push(...schemaProblems(s, `/components/schemas/${name}`))
  }
  for (const [name, p] of Object.entries(
    isObject(components.parameters) ? components.parameters : {},
  )) {
    problems.push(...parameterProblems(p, `/components/parameters/${name}`))
  }
  const bodies = isObject(components.requestBodies) ? components.requestBodies : {}
  for (const [name, b] of Object.entries(bodies)) {
    problems.push(...requestBodyProblems(b, `/components/requestBodies/${name}`))
  }
  return problems
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) refsIn(v, out)
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value)
      else refsIn(value, out)
    }
  }
  return out
}

function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node = doc
  for (const raw of ref.slice(2).split('/')) {
    node = isObject(node) ? node[raw.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined
  }
  return node
}

/** Keys out of order, anywhere (the script sorts them, so re-runs are no-op diffs). */
function unsortedObjects(node: unknown, where = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => unsortedObjects(v, `${where}/${i}`))
  if (!isObject(node)) return []
  const keys = Object.keys(node)
  const here = keys.join() === [...keys].sort().join() ? [] : [where || '/']
  return [...here, ...keys.flatMap((k) => unsortedObjects(node[k], `${where}/${k}`))]
}

describe.each(VERSIONS)('test/data/intercom-openapi/%s.json', (version) => {
  const doc = loadSpec(version) as JsonObject

  it('details every operation the library yields', () => {
    for (const operation of LIBRARY_OPERATIONS) {
      const [method = '', template = ''] = operation.split(' ')
      const info = findOperation(version, method, template)
      expect(info?.template, operation).toBe(template)
      expect(info?.responses.length, operation).toBeGreaterThan(0)
      if (method === 'POST' || method === 'PUT') {
        expect(info?.requestBody, operation).toBeDefined()
      } else {
        expect(info?.requestBody, operation).toBeUndefined()
      }
    }
    expect(findOperation(version, 'GET', '/companies')?.queryParameters).toContain('company_id')
  })

  it('indexes the whole API but details only the extracted operations', () => {
    expect(listOperations(version).length).toBeGreaterThan(100)
    const indexed = new Set(listOperations(version).map((op) => `${op.method} ${op.template}`))
    const detailed = Object.entries(doc.paths as JsonObject).flatMap(([template, item]) =>
      Object.keys(isObject(item) ? item : {})
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${template}`),
    )
    expect(detailed.filter((op) => !indexed.has(op))).toEqual([])
    expect(() => findOperation(version, 'GET', '/admins')).toThrow(
      /GET \/admins \(listAdmins\) is in the .* spec but not in test\/data\/intercom-openapi/,
    )
  })

  it('resolves every $ref inside the file', () => {
    const refs = [...new Set(refsIn(doc))]
    expect(refs.length).toBeGreaterThan(0)
    expect(refs.filter((ref) => resolve(doc, ref) === undefined)).toEqual([])
  })

  it('keeps only what validation reads: no descriptions, examples, titles or extensions', () => {
    expect(extractProblems(doc)).toEqual([])
    // The check itself finds prose, also under a property named like a keyword.
    const prose = {
      description: 'x',
      properties: { description: { type: 'string', example: 'x' } },
      oneOf: [{ title: 'kept: names an alternative', 'x-fern-type': 'y' }],
    }
    expect(schemaProblems(prose, '')).toEqual([
      "/description: 'description' is not a validation keyword",
      "/properties/description/example: 'example' is not a validation keyword",
      "/oneOf/0/x-fern-type: 'x-fern-type' is not a validation keyword",
    ])
  })

  it('has sorted keys and names its source', () => {
    expect(unsortedObjects(doc)).toEqual([])
    expect(doc['x-source']).toEqual({
      repository: 'https://github.com/intercom/Intercom-OpenAPI',
      path: `descriptions/${version}/api.intercom.io.yaml`,
      gitBlob: expect.stringMatching(/^[0-9a-f]{40}$/),
    })
    expect(doc.info).toEqual({ version })
  })
})
