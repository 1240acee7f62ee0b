/**
 * Which handler serves a method and path under an API version.
 * @module
 */
import type { HttpMethod } from '../../rest/types.js'
import type { RouteHandler } from './context.js'
import { ApiError, routeNotFound } from './errors.js'
import type { ApiVersion } from './request.js'
import {
  attachCompanyRoute,
  detachCompanyRoute,
  getCompanies,
  listContactCompanies,
  upsertCompanyRoute,
} from './routes-companies.js'
import {
  createContact,
  findContactByExternalId,
  getContact,
  searchContacts,
  updateContact,
} from './routes-contacts.js'
import { createDataAttribute, listDataAttributes } from './routes-data-attributes.js'
import { createEvent } from './routes-events.js'
import { upsertUser } from './routes-users.js'

/**
 * One route: a method, a path pattern (`:x` is a parameter), the versions it exists
 * in, and whether it can write (reads leave the cached state snapshot valid).
 */
interface Route {
  method: HttpMethod
  pattern: string[]
  handler: RouteHandler
  available: (version: ApiVersion) => boolean
  writes: boolean
}

const v1 = (v: ApiVersion): boolean => v.major === 1
const v2 = (v: ApiVersion): boolean => v.major === 2
const any = (): boolean => true
/** `find_by_external_id` arrived in 2.13. */
const v2_13 = (v: ApiVersion): boolean => v.major === 2 && v.minor >= 13

function route(
  method: HttpMethod,
  path: string,
  handler: RouteHandler,
  available: (version: ApiVersion) => boolean,
  writes = method !== 'GET',
): Route {
  const pattern = path.split('/').filter((s) => s !== '')
  return { method, pattern, handler, available, writes }
}

/** Listed so that literal segments win over parameters (`search` before `:id`). */
const ROUTES: readonly Route[] = [
  route('POST', '/contacts/search', searchContacts, v2, false),
  route('GET', '/contacts/find_by_external_id/:external_id', findContactByExternalId, v2_13),
  route('POST', '/contacts', createContact, v2),
  route('GET', '/contacts/:id', getContact, v2),
  route('PUT', '/contacts/:id', updateContact, v2),
  route('POST', '/contacts/:id/companies', attachCompanyRoute, v2),
  route('GET', '/contacts/:id/companies', listContactCompanies, v2),
  route('DELETE', '/contacts/:id/companies/:company_id', detachCompanyRoute, v2),
  route('POST', '/companies', upsertCompanyRoute, any),
  route('GET', '/companies', getCompanies, any),
  route('POST', '/events', createEvent, any),
  route('GET', '/data_attributes', listDataAttributes, v2),
  route('POST', '/data_attributes', createDataAttribute, v2),
  route('POST', '/users', upsertUser, v1),
]

/** The handler and path parameters for a request. */
export interface Match {
  handler: RouteHandler
  params: string[]
  /** False for routes that only read. */
  writes: boolean
}

/**
 * Finds the route for `method` and decoded `segments`. Throws `404 not_found` for
 * an unknown route, and for `/users` under 2.x a 404 that points to the Contacts API.
 */
export function matchRoute(method: string, segments: string[], version: ApiVersion): Match {
  for (const candidate of ROUTES) {
    if (candidate.method !== method || !candidate.available(version)) continue
    if (candidate.pattern.length !== segments.length) continue
    const params: string[] = []
    const matches = candidate.pattern.every((part, i) => {
      const segment = segments[i] ?? ''
      if (part.startsWith(':')) {
        params.push(segment)
        return true
      }
      return part === segment
    })
    if (matches) return { handler: candidate.handler, params, writes: candidate.writes }
  }
  if (version.major === 2 && segments[0] === 'users') {
    throw new ApiError(
      404,
      'not_found',
      `The Users API does not exist in API version ${version.raw}: use the Contacts API (/contacts)`,
    )
  }
  throw routeNotFound()
}
