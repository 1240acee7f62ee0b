import { describe, expect, it } from 'vitest'
import { createRequestLog } from '../../../src/testing/emulator/request-log.js'
import { request } from './helpers.js'

describe('createRequestLog', () => {
  it('hands back what went over the wire, frozen, in order', () => {
    const log = createRequestLog()
    const req = request('POST', '/contacts', { external_id: 'u1', when: undefined })
    log.record(req, JSON.stringify(req.body), JSON.stringify({ status: 200, body: { id: 'c1' } }))
    log.record(request('GET', '/contacts/c1'), undefined, JSON.stringify({ status: 200 }))
    const entries = log.entries()
    expect(log.length).toBe(2)
    expect(entries.map((e) => [e.request.method, e.request.path, e.response.status])).toEqual([
      ['POST', '/contacts', 200],
      ['GET', '/contacts/c1', 200],
    ])
    expect(entries[0]?.request.body).toEqual({ external_id: 'u1' })
    expect(entries[1]?.request).not.toHaveProperty('body')
    expect(Object.isFrozen(entries)).toBe(true)
    expect(Object.isFrozen(entries[0]?.request.headers)).toBe(true)
  })

  it('is not changed by later changes to the logged request', () => {
    const log = createRequestLog()
    const req = request('POST', '/contacts', { external_id: 'u1' })
    log.record(req, JSON.stringify(req.body), '{"status":200}')
    req.headers.Authorization = 'Bearer later'
    expect(log.entries()[0]?.request.headers).not.toHaveProperty('Authorization')
  })

  it('reads give the same frozen entries, plus any recorded since', () => {
    const log = createRequestLog()
    log.record(request('GET', '/a'), undefined, '{"status":200}')
    const first = log.entries()
    log.record(request('GET', '/b'), undefined, '{"status":404}')
    const second = log.entries()
    expect(second[0]).toBe(first[0])
    expect(second).toHaveLength(2)
    expect(first).toHaveLength(1)
  })

  it('logs a malformed request without throwing', () => {
    const log = createRequestLog()
    expect(() => log.record(null as never, undefined, '{"status":400}')).not.toThrow()
    expect(log.entries()[0]?.request).toMatchObject({ url: 'undefined', headers: {} })
  })
})
