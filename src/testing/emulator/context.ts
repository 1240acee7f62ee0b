/**
 * What a route handler gets, and small helpers shared by the route modules.
 * @module
 */
import type { IntercomResponse } from '../../rest/types.js'
import type { UndefinedAttributes } from './custom-attributes.js'
import { missing } from './errors.js'
import type { JsonObject } from './json.js'
import type { ApiVersion } from './request.js'
import type { Store } from './store.js'

/** Emulator options with their defaults applied. */
export interface ResolvedOptions {
  searchLag: number
  requireDefinedAttributes: boolean
  maxEventNames: number
}

/** One request, as a route handler sees it. */
export interface RouteContext {
  store: Store
  options: ResolvedOptions
  version: ApiVersion
  /** Decoded path parameters, in path order. */
  params: string[]
  query: ReadonlyMap<string, string>
  /** The JSON body as it arrived over the wire; `undefined` when absent or unreadable. */
  body: JsonObject | undefined
  /** Sequence number of this request (1 for the first request handled). */
  seq: number
  /** The virtual clock in unix seconds. */
  nowSeconds: number
}

/** A route: answers a request or throws an `ApiError`. */
export type RouteHandler = (context: RouteContext) => IntercomResponse

/** A JSON response. */
export function json(status: number, body: unknown): IntercomResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body }
}

/** The request body, or `400 parameter_not_found` when there is none. */
export function requireBody(context: RouteContext): JsonObject {
  if (context.body === undefined) throw missing('A JSON request body is required')
  return context.body
}

/** The `n`th path parameter (the router guarantees it exists). */
export function param(context: RouteContext, index: number): string {
  return context.params[index] ?? ''
}

/** Whether this request may create custom attributes it writes (1.x, or when allowed). */
export function attributePolicy(context: RouteContext): UndefinedAttributes {
  return context.version.major === 1 || !context.options.requireDefinedAttributes
    ? 'create'
    : 'reject'
}
