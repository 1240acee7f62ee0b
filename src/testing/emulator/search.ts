/**
 * `POST /contacts/search`: Intercom's query language over the stored contacts.
 *
 * Supported: string fields `id`, `external_id`, `email`, `email_domain`, `role`,
 * `name`, `phone`, `owner_id` with `=`, `!=`, `IN`, `NIN`, `~`, `!~`, `^`, `$`; date
 * fields `created_at`, `updated_at`, `signed_up_at`, `last_seen_at` with `=`, `<`, `>`
 * compared by UTC calendar day (as Intercom does, for a UTC workspace); and
 * `custom_attributes.<name>` of defined contact attributes. `AND`/`OR` groups hold at
 * most 15 filters and nest at most two levels deep. Anything else is a `400`.
 *
 * Equality (`=`, `IN`) on `id`, `external_id` and `email` reads the store's indexes,
 * as do `AND` groups with one such filter and `OR` groups made only of them; other
 * queries test every contact. Either way the same predicate decides what matches.
 * @module
 */
import { ApiError, invalid, missing } from './errors.js'
import { isObject, type JsonObject } from './json.js'
import {
  type ContactRecord,
  contactByExternalId,
  contactById,
  contactsByEmail,
  findDataAttribute,
  type Store,
} from './store.js'

/** Most filters in one `AND`/`OR` group. */
export const MAX_GROUP_FILTERS = 15
/** Deepest group nesting: the top group and one level of groups inside it. */
export const MAX_GROUP_DEPTH = 2
/** Results per page when `pagination.per_page` is absent, and the largest allowed. */
export const DEFAULT_PER_PAGE = 50
export const MAX_PER_PAGE = 150

type Predicate = (contact: ContactRecord) => boolean
type Scalar = string | number | boolean | null

/**
 * A compiled query: `test` decides whether a contact matches; `lookup`, when the
 * query can use an index, returns (in any order, possibly with repeats) every
 * contact that can match — the caller still applies `test`.
 */
export interface CompiledQuery {
  test: Predicate
  lookup?: () => readonly ContactRecord[]
}

/** The index behind each field whose equality can be looked up (email ignoring case, as `=`). */
const INDEXED: Record<string, (store: Store, value: string) => readonly ContactRecord[]> = {
  id: (store, value) => optional(contactById(store, value)),
  external_id: (store, value) => optional(contactByExternalId(store, value)),
  email: (store, value) => contactsByEmail(store, value),
}

function optional(record: ContactRecord | undefined): readonly ContactRecord[] {
  return record === undefined ? [] : [record]
}

const STRING_FIELDS: Record<string, (c: ContactRecord) => string | null> = {
  id: (c) => c.id,
  external_id: (c) => c.external_id,
  email: (c) => (c.email === '' ? null : c.email),
  email_domain: (c) => {
    const at = c.email.lastIndexOf('@')
    return at === -1 ? null : c.email.slice(at + 1)
  },
  role: (c) => c.role,
  name: (c) => c.name,
  phone: (c) => c.phone,
  owner_id: (c) => (c.owner_id === null ? null : String(c.owner_id)),
}

/** Fields whose `=` ignores case, as Intercom treats email addresses and domains. */
const CASE_INSENSITIVE = new Set(['email', 'email_domain'])

const DATE_FIELDS: Record<string, (c: ContactRecord) => number | null> = {
  created_at: (c) => c.created_at,
  updated_at: (c) => c.updated_at,
  signed_up_at: (c) => c.signed_up_at,
  last_seen_at: (c) => c.last_seen_at,
}

const SORT_FIELDS: Record<string, (c: ContactRecord) => string | number | null> = {
  ...STRING_FIELDS,
  ...DATE_FIELDS,
}

const SECONDS_PER_DAY = 86_400

/**
 * Compiles a `query` (a single filter or an `AND`/`OR` group) into a predicate and,
 * where it can, an index lookup; throws `400 parameter_invalid` for anything the
 * emulator does not support.
 */
export function compileQuery(store: Store, query: unknown): CompiledQuery {
  if (!isObject(query)) throw missing('query must be a filter object', 'query')
  return compileFilter(store, query, 1)
}

function compileFilter(store: Store, filter: JsonObject, depth: number): CompiledQuery {
  const { field, operator, value } = filter
  if ((operator === 'AND' || operator === 'OR') && field === undefined) {
    return compileGroup(store, operator, value, depth)
  }
  if (typeof field !== 'string') throw invalid('A search filter needs a field', 'query')
  if (typeof operator !== 'string') throw invalid('A search filter needs an operator', 'query')
  const stringField = STRING_FIELDS[field]
  if (stringField !== undefined) {
    const test = stringFilter(stringField, CASE_INSENSITIVE.has(field), field, operator, value)
    const index = INDEXED[field]
    if (index === undefined) return { test }
    // `test` has validated the value: a string for `=`, strings or numbers for `IN`.
    if (operator === '=') return { test, lookup: () => index(store, value as string) }
    if (operator === 'IN') {
      const values = (value as (string | number)[]).map(String)
      return { test, lookup: () => values.flatMap((v) => index(store, v)) }
    }
    return { test }
  }
  const dateField = DATE_FIELDS[field]
  if (dateField !== undefined) return { test: dateFilter(dateField, field, operator, value) }
  if (field.startsWith('custom_attributes.')) {
    const name = field.slice('custom_attributes.'.length)
    if (findDataAttribute(store, 'contact', name) !== undefined) {
      return { test: customFilter(name, field, operator, value) }
    }
  }
  throw invalid(`'${field}' is not a searchable field`, 'query')
}

function compileGroup(
  store: Store,
  operator: 'AND' | 'OR',
  value: unknown,
  depth: number,
): CompiledQuery {
  if (depth > MAX_GROUP_DEPTH) {
    throw invalid(`Search filters can be nested at most ${MAX_GROUP_DEPTH} levels deep`, 'query')
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid(`An ${operator} group needs a non-empty array of filters`, 'query')
  }
  if (value.length > MAX_GROUP_FILTERS) {
    throw invalid(
      `An ${operator} group can hold at most ${MAX_GROUP_FILTERS} filters, not ${value.length}`,
      'query',
    )
  }
  const parts = value.map((item: unknown) => {
    if (!isObject(item)) throw invalid('Each search filter must be an object', 'query')
    return compileFilter(store, item, depth + 1)
  })
  const tests = parts.map((part) => part.test)
  const lookups = parts.flatMap((part) => (part.lookup === undefined ? [] : [part.lookup]))
  if (operator === 'AND') {
    const test: Predicate = (contact) => tests.every((t) => t(contact))
    if (lookups.length === 0) return { test }
    // Every match satisfies each part, so the smallest part's candidates suffice.
    return {
      test,
      lookup: () =>
        lookups
          .map((lookup) => lookup())
          .reduce((smallest, next) => (next.length < smallest.length ? next : smallest)),
    }
  }
  const test: Predicate = (contact) => tests.some((t) => t(contact))
  // A match satisfies some part: the union of all parts' candidates, if each has some.
  if (lookups.length < parts.length) return { test }
  return { test, lookup: () => lookups.flatMap((lookup) => lookup()) }
}

function unsupported(operator: string, field: string): ApiError {
  return invalid(`The operator '${operator}' is not supported for '${field}'`, 'query')
}

function stringValues(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => ['string', 'number'].includes(typeof v))) {
    throw invalid(`IN and NIN on '${field}' need an array of strings`, 'query')
  }
  return value.map(String)
}

function stringFilter(
  read: (c: ContactRecord) => string | null,
  ignoreCase: boolean,
  field: string,
  operator: string,
  value: unknown,
): Predicate {
  const fold = (s: string): string => (ignoreCase ? s.toLowerCase() : s)
  if (operator === 'IN' || operator === 'NIN') {
    const wanted = new Set(stringValues(value, field).map(fold))
    const has = (c: ContactRecord): boolean => {
      const actual = read(c)
      return actual !== null && wanted.has(fold(actual))
    }
    return operator === 'IN' ? has : (c) => !has(c)
  }
  if (typeof value !== 'string') throw invalid(`'${field}' is searched with a string`, 'query')
  const lower = value.toLowerCase()
  const text = (c: ContactRecord): string | null => read(c)?.toLowerCase() ?? null
  switch (operator) {
    case '=':
      return (c) => {
        const actual = read(c)
        return actual !== null && fold(actual) === fold(value)
      }
    case '!=':
      return (c) => {
        const actual = read(c)
        return actual === null || fold(actual) !== fold(value)
      }
    case '~':
      return (c) => text(c)?.includes(lower) ?? false
    case '!~':
      return (c) => !(text(c)?.includes(lower) ?? false)
    case '^':
      return (c) => text(c)?.startsWith(lower) ?? false
    case '$':
      return (c) => text(c)?.endsWith(lower) ?? false
    default:
      throw unsupported(operator, field)
  }
}

function dateFilter(
  read: (c: ContactRecord) => number | null,
  field: string,
  operator: string,
  value: unknown,
): Predicate {
  const seconds =
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as unknown)
  if (!Number.isSafeInteger(seconds)) {
    throw invalid(`'${field}' is searched with a unix timestamp`, 'query')
  }
  const day = Math.floor((seconds as number) / SECONDS_PER_DAY)
  const dayOf = (c: ContactRecord): number | null => {
    const actual = read(c)
    return actual === null ? null : Math.floor(actual / SECONDS_PER_DAY)
  }
  switch (operator) {
    case '=':
      return (c) => dayOf(c) === day
    case '>':
      return (c) => {
        const actual = dayOf(c)
        return actual !== null && actual > day
      }
    case '<':
      return (c) => {
        const actual = dayOf(c)
        return actual !== null && actual < day
      }
    default:
      throw unsupported(operator, field)
  }
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

function customFilter(name: string, field: string, operator: string, value: unknown): Predicate {
  const read = (c: ContactRecord): Scalar | undefined => c.custom_attributes[name]
  if (operator === 'IN' || operator === 'NIN') {
    if (!Array.isArray(value) || !value.every(isScalar)) {
      throw invalid(`IN and NIN on '${field}' need an array of values`, 'query')
    }
    const has = (c: ContactRecord): boolean => {
      const actual = read(c)
      return actual !== undefined && value.includes(actual)
    }
    return operator === 'IN' ? has : (c) => !has(c)
  }
  if (!isScalar(value)) throw invalid(`'${field}' is searched with a single value`, 'query')
  switch (operator) {
    case '=':
      return (c) => read(c) === value
    case '!=':
      return (c) => read(c) !== value
    case '<':
    case '>':
    case '<=':
    case '>=':
      return numericFilter(read, field, operator, value)
    case '~':
    case '!~':
    case '^':
    case '$':
      return stringFilter(
        (c) => {
          const actual = read(c)
          return typeof actual === 'string' ? actual : null
        },
        false,
        field,
        operator,
        value,
      )
    default:
      throw unsupported(operator, field)
  }
}

function numericFilter(
  read: (c: ContactRecord) => Scalar | undefined,
  field: string,
  operator: '<' | '>' | '<=' | '>=',
  value: Scalar,
): Predicate {
  if (typeof value !== 'number') throw invalid(`'${field}' ${operator} needs a number`, 'query')
  const compare = {
    '<': (a: number) => a < value,
    '>': (a: number) => a > value,
    '<=': (a: number) => a <= value,
    '>=': (a: number) => a >= value,
  }[operator]
  return (c) => {
    const actual = read(c)
    return typeof actual === 'number' && compare(actual)
  }
}

/** How to order and slice the matches. */
export interface SearchPaging {
  compare: (a: ContactRecord, b: ContactRecord) => number
  perPage: number
  /** Zero-based page index. */
  page: number
}

/** Reads `sort` and `pagination` from a search body. */
export function readPaging(body: JsonObject): SearchPaging {
  const paging: SearchPaging = { compare: () => 0, perPage: DEFAULT_PER_PAGE, page: 0 }
  const { sort, pagination } = body
  if (sort !== undefined) {
    if (!isObject(sort)) throw invalid('sort must be an object', 'sort')
    const order = sort.order ?? 'descending'
    if (order !== 'ascending' && order !== 'descending') {
      throw new ApiError(
        400,
        'invalid_sort_order',
        `Invalid sort order '${String(order)}'. Must be one of: ascending, descending`,
      )
    }
    const read = typeof sort.field === 'string' ? SORT_FIELDS[sort.field] : undefined
    if (read === undefined) throw invalid(`'${String(sort.field)}' cannot be sorted on`, 'sort')
    const sign = order === 'ascending' ? 1 : -1
    paging.compare = (a, b) => sign * compareValues(read(a), read(b))
  }
  if (pagination !== undefined && pagination !== null) {
    if (!isObject(pagination)) throw invalid('pagination must be an object', 'pagination')
    const { per_page: perPage, starting_after: cursor } = pagination
    if (perPage !== undefined) {
      if (
        !Number.isSafeInteger(perPage) ||
        (perPage as number) < 1 ||
        (perPage as number) > MAX_PER_PAGE
      ) {
        throw invalid(`per_page must be an integer from 1 to ${MAX_PER_PAGE}`, 'pagination')
      }
      paging.perPage = perPage as number
    }
    if (cursor !== undefined && cursor !== null) {
      const match = typeof cursor === 'string' ? /^page-([1-9]\d*)$/.exec(cursor) : null
      if (match === null) throw invalid('starting_after is not a valid cursor', 'pagination')
      paging.page = Number(match[1]) - 1
    }
  }
  return paging
}

/** Nulls sort last; otherwise natural order. */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** The cursor of page `index` (zero-based), as `pages.next.starting_after`. */
export function cursorFor(index: number): string {
  return `page-${index + 1}`
}
