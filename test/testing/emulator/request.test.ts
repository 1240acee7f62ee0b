import { describe, expect, it } from 'vitest'
import {
  acceptsJson,
  header,
  isJsonContentType,
  parsePath,
  parseVersion,
} from '../../../src/testing/emulator/request.js'
import { request } from './helpers.js'

describe('header', () => {
  it('finds a header in any letter case, text values only', () => {
    const req = request('GET', '/contacts/x', undefined, '2.16', { 'x-custom': 'a' })
    expect(header(req, 'intercom-version')).toBe('2.16')
    expect(header(req, 'X-CUSTOM')).toBe('a')
    expect(header(req, 'Authorization')).toBeUndefined()
    const odd = { ...req, headers: { Accept: 1 } as unknown as Record<string, string> }
    expect(header(odd, 'accept')).toBeUndefined()
  })
})

describe('parseVersion', () => {
  it.each([
    ['2.16', { major: 2, minor: 16, raw: '2.16' }],
    [' 2.7 ', { major: 2, minor: 7, raw: '2.7' }],
    ['1.4', { major: 1, minor: 4, raw: '1.4' }],
    ['2.0', { major: 2, minor: 0, raw: '2.0' }],
  ])('%j is %o', (text, version) => {
    expect(parseVersion(text)).toEqual(version)
  })

  it.each([undefined, '', '2', '2.17', '1.5', '3.0', '2.07', 'Unstable', '2.1.0'])(
    '%j is not a version the emulator serves',
    (text) => {
      expect(parseVersion(text)).toBeUndefined()
    },
  )
})

describe('parsePath', () => {
  it('decodes segments and the query, first value of a repeated key winning', () => {
    expect(parsePath('/contacts/find_by_external_id/u%2F1')).toEqual({
      segments: ['contacts', 'find_by_external_id', 'u/1'],
      query: new Map(),
    })
    expect(parsePath('/companies?company_id=a+b%26c&company_id=x&flag')).toEqual({
      segments: ['companies'],
      query: new Map([
        ['company_id', 'a b&c'],
        ['flag', ''],
      ]),
    })
  })

  it('is undefined for a malformed percent-encoding', () => {
    expect(parsePath('/contacts/%E0%A4%A')).toBeUndefined()
    expect(parsePath('/companies?name=%')).toBeUndefined()
  })
})

describe('content negotiation', () => {
  it('acceptsJson: an Accept naming application/json, in any case', () => {
    expect(acceptsJson('application/json')).toBe(true)
    expect(acceptsJson('text/html, Application/JSON;q=0.9')).toBe(true)
    expect(acceptsJson('*/*')).toBe(false)
    expect(acceptsJson(undefined)).toBe(false)
  })

  it('isJsonContentType: application/json, with parameters, nothing else', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
    expect(isJsonContentType(' APPLICATION/JSON')).toBe(true)
    expect(isJsonContentType('application/json-patch+json')).toBe(false)
    expect(isJsonContentType('text/plain')).toBe(false)
    expect(isJsonContentType(undefined)).toBe(false)
  })
})
