import { describe, expect, it } from 'vitest'
import { EVENT_NAME_LIMIT_TEXT } from '../../src/intercom/limits.js'
import { classify, errorList, errorText, isResponse } from '../../src/rest/classify.js'
import type { IntercomRequest } from '../../src/rest/types.js'

const headers = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'Intercom-Version': '1.4',
}
const EVENTS: IntercomRequest = {
  method: 'POST',
  url: 'https://api.intercom.io/events',
  path: '/events',
  headers,
  body: { event_name: 'E', created_at: 1, user_id: 'u1' },
}
const USERS: IntercomRequest = {
  ...EVENTS,
  url: 'https://api.intercom.io/users',
  path: '/users',
  body: { user_id: 'u1' },
}

const errorBody = (...errors: Record<string, unknown>[]) => ({
  type: 'error.list',
  request_id: 'r1',
  errors,
})
const NOW_MS = 1_700_000_000_000

describe('classify: success', () => {
  it.each([200, 201, 202, 204, 299])('%i lets the exchange go on', (status) => {
    expect(classify(EVENTS, { status }, undefined)).toBeUndefined()
    expect(classify(USERS, { status, body: { type: 'user' } }, NOW_MS)).toBeUndefined()
  })
})

describe('classify: 429 rate limit', () => {
  it('retries at X-RateLimit-Reset (unix seconds → epoch ms), relative to now', () => {
    expect(
      classify(EVENTS, { status: 429, headers: { 'X-RateLimit-Reset': '1700000010' } }, NOW_MS),
    ).toEqual({
      status: 'retry',
      code: 'rate_limited',
      message: 'POST /events answered 429',
      retryAt: 1_700_000_010_000,
      retryAfterMs: 10_000,
    })
  })

  it.each(['x-ratelimit-reset', 'X-RATELIMIT-RESET', 'x-RateLimit-reset'])(
    'reads the header in any case (%s)',
    (name) => {
      expect(
        classify(EVENTS, { status: 429, headers: { [name]: '1700000003' } }, NOW_MS),
      ).toMatchObject({
        retryAt: 1_700_000_003_000,
        retryAfterMs: 3_000,
      })
    },
  )

  it('leaves retryAfterMs to deliver without a now', () => {
    const r = classify(
      EVENTS,
      { status: 429, headers: { 'X-RateLimit-Reset': '1700000010' } },
      undefined,
    )
    expect(r).toEqual({
      status: 'retry',
      code: 'rate_limited',
      message: 'POST /events answered 429',
      retryAt: 1_700_000_010_000,
    })
  })

  it('never gives a negative retryAfterMs for a reset already past', () => {
    expect(
      classify(EVENTS, { status: 429, headers: { 'X-RateLimit-Reset': '1699999990' } }, NOW_MS),
    ).toMatchObject({
      retryAt: 1_699_999_990_000,
      retryAfterMs: 0,
    })
  })

  it("includes Intercom's error text in the message", () => {
    const r = classify(
      EVENTS,
      {
        status: 429,
        headers: { 'X-RateLimit-Reset': '1700000010' },
        body: errorBody({
          code: 'rate_limit_exceeded',
          message: 'Exceeded rate limit of 10000 in 60 seconds',
        }),
      },
      NOW_MS,
    )
    expect(r?.message).toBe('POST /events answered 429: Exceeded rate limit of 10000 in 60 seconds')
  })

  it('falls back to Retry-After (seconds)', () => {
    expect(classify(EVENTS, { status: 429, headers: { 'retry-after': '7' } }, NOW_MS)).toEqual({
      status: 'retry',
      code: 'rate_limited',
      message: 'POST /events answered 429',
      retryAfterMs: 7_000,
      retryAt: NOW_MS + 7_000,
    })
  })

  it('retries without a time when there is no usable header', () => {
    for (const h of [
      undefined,
      {},
      { 'X-RateLimit-Reset': 'soon' },
      { 'X-RateLimit-Reset': '0' },
    ]) {
      expect(
        classify(EVENTS, h === undefined ? { status: 429 } : { status: 429, headers: h }, NOW_MS),
      ).toEqual({
        status: 'retry',
        code: 'rate_limited',
        message: 'POST /events answered 429',
      })
    }
  })
})

describe('classify: retryable failures', () => {
  it.each([500, 502, 503, 504, 599])('%i → retry server_error', (status) => {
    expect(
      classify(
        USERS,
        { status, body: errorBody({ code: 'server_error', message: 'Oops' }) },
        undefined,
      ),
    ).toEqual({
      status: 'retry',
      code: 'server_error',
      message: `POST /users answered ${status}: Oops`,
    })
  })

  it('408 → retry timeout', () => {
    expect(classify(USERS, { status: 408 }, undefined)).toEqual({
      status: 'retry',
      code: 'timeout',
      message: 'POST /users answered 408',
    })
  })

  it('404 on POST /events → retry contact_not_found (the identify/track race)', () => {
    const r = classify(
      EVENTS,
      { status: 404, body: errorBody({ code: 'not_found', message: 'User Not Found' }) },
      undefined,
    )
    expect(r).toEqual({
      status: 'retry',
      code: 'contact_not_found',
      message:
        'POST /events answered 404: User Not Found. The user does not exist yet: deliver their identify first, then retry',
    })
  })
})

describe('classify: failures', () => {
  it('401 → failed unauthorized', () => {
    const body = errorBody({ code: 'unauthorized', message: 'Access Token Invalid' })
    expect(classify(USERS, { status: 401, body }, undefined)).toEqual({
      status: 'failed',
      code: 'unauthorized',
      message: 'POST /users answered 401: Access Token Invalid. Check the access token',
      errors: body.errors,
    })
  })

  it('403 → failed forbidden, pointing at identity verification and domain allow-listing', () => {
    const body = errorBody({ code: 'forbidden', message: 'Forbidden' })
    const r = classify(USERS, { status: 403, body }, undefined)
    expect(r).toMatchObject({ status: 'failed', code: 'forbidden', errors: body.errors })
    expect(r?.message).toMatch(/^POST \/users answered 403: Forbidden\. /)
    expect(r?.message).toContain('identity verification')
    expect(r?.message).toContain('user_hash')
    expect(r?.message).toContain('allow-list the domain')
  })

  it.each([400, 422])('%i with the 120 event names error → failed event_name_limit', (status) => {
    const body = errorBody({ code: 'parameter_invalid', message: EVENT_NAME_LIMIT_TEXT })
    expect(classify(EVENTS, { status, body }, undefined)).toEqual({
      status: 'failed',
      code: 'event_name_limit',
      message: `POST /events answered ${status}: Cannot have more than 120 active event names. Archive unused event names in Intercom or stop sending new ones`,
      errors: body.errors,
    })
  })

  it('recognises the event-name error in a text body', () => {
    expect(
      classify(
        EVENTS,
        { status: 400, body: 'Cannot have more than 120 active event names' },
        undefined,
      ),
    ).toMatchObject({
      status: 'failed',
      code: 'event_name_limit',
      errors: [],
    })
  })

  it("other 4xx → failed rejected, with Intercom's codes in errors[]", () => {
    const body = errorBody(
      { code: 'parameter_invalid', message: 'Email is invalid', field: 'email' },
      { code: 'parameter_not_found', message: 'user_id or email required' },
    )
    expect(classify(USERS, { status: 400, body }, undefined)).toEqual({
      status: 'failed',
      code: 'rejected',
      message: 'POST /users answered 400: Email is invalid; user_id or email required',
      errors: body.errors,
    })
  })

  it('404 elsewhere than POST /events is a failure, not the race', () => {
    const body = errorBody({ code: 'not_found', message: 'Resource Not Found' })
    expect(classify(USERS, { status: 404, body }, undefined)).toEqual({
      status: 'failed',
      code: 'rejected',
      message: 'POST /users answered 404: Resource Not Found',
      errors: body.errors,
    })
  })

  it('a 4xx without an error list → failed rejected, the status in the message', () => {
    expect(
      classify(USERS, { status: 406, body: '<html>Not Acceptable</html>' }, undefined),
    ).toEqual({
      status: 'failed',
      code: 'rejected',
      message: 'POST /users answered 406: <html>Not Acceptable</html>',
      errors: [],
    })
  })

  it('a status outside 2xx/4xx/5xx → failed unexpected_response', () => {
    expect(classify(USERS, { status: 302 }, undefined)).toEqual({
      status: 'failed',
      code: 'unexpected_response',
      message: 'POST /users answered 302',
    })
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['no status', { body: {} }],
    ['a text status', { status: '200' }],
    ['a fractional status', { status: 200.5 }],
    ['a string', 'OK'],
  ])('a malformed response (%s) → failed unexpected_response', (_, response) => {
    expect(classify(EVENTS, response, undefined)).toEqual({
      status: 'failed',
      code: 'unexpected_response',
      message: 'POST /events: the transport returned no response status',
    })
  })
})

describe('error helpers', () => {
  it('errorList reads only objects of errors[]', () => {
    expect(errorList(errorBody({ code: 'a' }))).toEqual([{ code: 'a' }])
    expect(errorList({ errors: ['x', null, { code: 'b' }] })).toEqual([{ code: 'b' }])
    expect(errorList({ errors: 'x' })).toEqual([])
    expect(errorList(undefined)).toEqual([])
  })

  it('errorText joins messages, falls back to codes, and cuts text bodies at 200 characters', () => {
    expect(errorText(errorBody({ code: 'a', message: 'A' }, { code: 'b' }))).toBe('A; b')
    expect(errorText('x'.repeat(300))).toBe('x'.repeat(200))
    expect(errorText({ ok: true })).toBe('')
  })

  it('isResponse needs an integer status', () => {
    expect(isResponse({ status: 200 })).toBe(true)
    expect(isResponse({ status: Number.NaN })).toBe(false)
    expect(isResponse([200])).toBe(false)
  })
})
