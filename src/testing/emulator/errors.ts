/**
 * Intercom-shaped errors (`error.list`), raised inside route handlers and rendered once.
 * @module
 */
import type { IntercomResponse } from '../../rest/types.js'

/** One entry of an `error.list`. */
export interface ErrorEntry {
  code: string
  message: string
  field?: string
}

/**
 * An Intercom API error. Handlers throw it so a validation failure deep inside a
 * request aborts before any state changes; the emulator turns it into a response.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | undefined

  constructor(status: number, code: string, message: string, field?: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.field = field
  }
}

/** `400 parameter_invalid`, naming the field. */
export function invalid(message: string, field?: string): ApiError {
  return new ApiError(400, 'parameter_invalid', message, field)
}

/** `400 parameter_not_found`: a required parameter (or the whole body) is missing. */
export function missing(message: string, field?: string): ApiError {
  return new ApiError(400, 'parameter_not_found', message, field)
}

/** `404 not_found` for an unknown contact, worded as Intercom does. */
export function userNotFound(): ApiError {
  return new ApiError(404, 'not_found', 'User Not Found')
}

/** `404 company_not_found`, worded as Intercom does. */
export function companyNotFound(): ApiError {
  return new ApiError(404, 'company_not_found', 'Company Not Found')
}

/** `404 not_found` for a path the emulated API version does not serve. */
export function routeNotFound(): ApiError {
  return new ApiError(404, 'not_found', 'Resource Not Found')
}

/** Renders an error as Intercom's `{ type: 'error.list', request_id, errors }` response. */
export function errorResponse(
  status: number,
  requestId: string,
  entry: ErrorEntry,
  headers: Record<string, string> = {},
): IntercomResponse {
  const error: ErrorEntry = { code: entry.code, message: entry.message }
  if (entry.field !== undefined) error.field = entry.field
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: { type: 'error.list', request_id: requestId, errors: [error] },
  }
}

/** Renders an {@link ApiError}. */
export function apiErrorResponse(error: ApiError, requestId: string): IntercomResponse {
  const entry: ErrorEntry = { code: error.code, message: error.message }
  if (error.field !== undefined) entry.field = error.field
  return errorResponse(error.status, requestId, entry)
}
