import { describe, expect, it } from 'vitest'
import {
  ApiError,
  apiErrorResponse,
  companyNotFound,
  errorResponse,
  invalid,
  missing,
  routeNotFound,
  userNotFound,
} from '../../../src/testing/emulator/errors.js'

describe('API errors', () => {
  it('carry Intercom’s status, code and wording', () => {
    expect(
      [
        invalid('bad', 'f'),
        missing('none'),
        userNotFound(),
        companyNotFound(),
        routeNotFound(),
      ].map((e) => [e.status, e.code, e.message, e.field]),
    ).toEqual([
      [400, 'parameter_invalid', 'bad', 'f'],
      [400, 'parameter_not_found', 'none', undefined],
      [404, 'not_found', 'User Not Found', undefined],
      [404, 'company_not_found', 'Company Not Found', undefined],
      [404, 'not_found', 'Resource Not Found', undefined],
    ])
    expect(userNotFound()).toBeInstanceOf(Error)
    expect(userNotFound().name).toBe('ApiError')
  })

  it('render as an error.list with the request id, the field only when there is one', () => {
    expect(apiErrorResponse(invalid('bad', 'f'), 'r1')).toEqual({
      status: 400,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {
        type: 'error.list',
        request_id: 'r1',
        errors: [{ code: 'parameter_invalid', message: 'bad', field: 'f' }],
      },
    })
    const body = apiErrorResponse(new ApiError(409, 'conflict', 'x'), 'r2').body
    expect(body).toEqual({
      type: 'error.list',
      request_id: 'r2',
      errors: [{ code: 'conflict', message: 'x' }],
    })
  })

  it('errorResponse adds extra headers (e.g. rate-limit headers) after the content type', () => {
    const r = errorResponse(
      429,
      'r3',
      { code: 'rate_limit_exceeded', message: 'slow down' },
      {
        'X-RateLimit-Remaining': '0',
      },
    )
    expect(r.headers).toEqual({
      'Content-Type': 'application/json; charset=utf-8',
      'X-RateLimit-Remaining': '0',
    })
    expect(r.status).toBe(429)
  })
})
