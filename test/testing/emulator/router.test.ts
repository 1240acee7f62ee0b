import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/testing/emulator/errors.js'
import { type ApiVersion, parseVersion } from '../../../src/testing/emulator/request.js'
import { matchRoute } from '../../../src/testing/emulator/router.js'
import { createContact } from '../../../src/testing/emulator/routes-contacts.js'
import { upsertUser } from '../../../src/testing/emulator/routes-users.js'

const version = (text: string): ApiVersion => {
  const v = parseVersion(text)
  if (v === undefined) throw new Error(text)
  return v
}
const V2 = version('2.16')
const V1 = version('1.4')

function notFound(method: string, path: string[], v: ApiVersion): ApiError {
  try {
    matchRoute(method, path, v)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('matched')
}

describe('matchRoute', () => {
  it('matches method and pattern, collecting the parameters in path order', () => {
    expect(matchRoute('POST', ['contacts'], V2)).toEqual({
      handler: createContact,
      params: [],
      writes: true,
    })
    const detach = matchRoute('DELETE', ['contacts', 'c1', 'companies', 'co1'], V2)
    expect(detach.params).toEqual(['c1', 'co1'])
    expect(detach.writes).toBe(true)
    expect(matchRoute('GET', ['contacts', 'c1'], V2)).toMatchObject({ writes: false })
  })

  it('serves each API its own routes: /users in 1.x, /contacts in 2.x', () => {
    expect(matchRoute('POST', ['users'], V1).handler).toBe(upsertUser)
    expect(notFound('POST', ['contacts'], V1)).toMatchObject({ status: 404, code: 'not_found' })
    expect(notFound('POST', ['users'], V2).message).toBe(
      'The Users API does not exist in API version 2.16: use the Contacts API (/contacts)',
    )
  })

  it('answers 404 for an unknown path, method or length', () => {
    for (const [method, path] of [
      ['GET', ['nope']],
      ['PATCH', ['contacts']],
      ['GET', ['contacts', 'c1', 'extra', 'more', 'segments']],
    ] as const) {
      expect(notFound(method, [...path], V2)).toMatchObject({
        status: 404,
        message: 'Resource Not Found',
      })
    }
  })
})
