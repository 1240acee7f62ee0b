// The emulator over real HTTP on 127.0.0.1 (port 0: a free port per server).
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { deliver, toRest } from '../../../src/index.js'
import { createIntercomEmulator } from '../../../src/testing/emulator/emulator.js'
import type { EmulatorOptions, IntercomEmulator } from '../../../src/testing/emulator/types.js'
import {
  DEFAULT_MAX_BODY_BYTES,
  type EmulatorServer,
  type ServeEmulatorOptions,
  serveEmulator,
} from '../../../src/testing/server/index.js'
import { fetchSend, firstError, JSON_HEADERS, postRaw, rawStatus, toResponse } from './helpers.js'

const running: EmulatorServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()))
})

async function start(
  options: EmulatorOptions = {},
  serveOptions: ServeEmulatorOptions = {},
): Promise<{ intercom: IntercomEmulator; server: EmulatorServer }> {
  const intercom = createIntercomEmulator({ clock: Date.now, ...options })
  const server = await serveEmulator(intercom, serveOptions)
  running.push(server)
  return { intercom, server }
}

const get = (url: string, headers: Record<string, string> = JSON_HEADERS) =>
  fetch(url, { headers }).then(toResponse)

describe('serveEmulator: Intercom over HTTP', () => {
  it('listens on 127.0.0.1 on a free port and says so in url', async () => {
    const { server } = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Number(new URL(server.url).port)).toBeGreaterThan(0)
  })

  it('carries a full identify / group / track delivery over the wire', async () => {
    const { intercom, server } = await start({
      dataAttributes: [{ name: 'plan', model: 'contact', data_type: 'string' }],
    })
    const send = fetchSend(server.url)
    const timestamp = '2026-06-01T12:00:00.000Z'
    const identify = {
      type: 'identify',
      userId: 'u1',
      timestamp,
      traits: { email: 'a@example.com', plan: 'pro', company: { id: 'c1', name: 'Acme' } },
    }
    const group = {
      type: 'group',
      userId: 'u1',
      groupId: 'c2',
      timestamp,
      traits: { name: 'Beta' },
    }
    const track = {
      type: 'track',
      userId: 'u1',
      timestamp,
      event: 'Order Completed',
      properties: { total: 19.99, currency: 'EUR' },
    }
    for (const event of [identify, group, track]) {
      expect(await deliver(toRest(event), send)).toMatchObject({ status: 'delivered' })
    }
    const state = intercom.state
    expect(state.contacts).toMatchObject([
      { external_id: 'u1', email: 'a@example.com', custom_attributes: { plan: 'pro' } },
    ])
    expect(state.companies.map((c) => c.company_id)).toEqual(['c1', 'c2'])
    expect(state.associations).toHaveLength(2)
    expect(state.events).toMatchObject([
      {
        event_name: 'Order Completed',
        created_at: Date.parse(timestamp) / 1000,
        contactId: state.contacts[0]?.id,
      },
    ])
    // The emulator saw what came over HTTP: the path, the body, headers lowercased.
    const exchanges = intercom.requests
    expect(exchanges.map((e) => `${e.request.method} ${e.request.path}`)).toContain('POST /events')
    const first = exchanges[0]?.request
    expect(first?.url).toBe(`${server.url}${first?.path}`)
    expect(first?.headers['intercom-version']).toBe('2.16')
  })

  it('answers the emulator’s status, headers and body as sent; 202 with no body for events', async () => {
    const { server } = await start()
    const send = fetchSend(server.url)
    const created = await send({
      method: 'POST',
      url: '',
      path: '/contacts',
      headers: JSON_HEADERS,
      body: { external_id: 'u1' },
    })
    expect(created.status).toBe(200)
    expect(created.headers?.['content-type']).toBe('application/json; charset=utf-8')
    expect(created.body).toMatchObject({ type: 'contact', external_id: 'u1' })
    const event = await fetch(`${server.url}/events`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ event_name: 'x', user_id: 'u1', created_at: 1 }),
    })
    expect(event.status).toBe(202)
    expect(event.headers.get('content-length')).toBe('0')
    expect(event.headers.get('content-type')).toBeNull()
    expect(await event.text()).toBe('')
  })

  it('passes the query string and reads headers in any case', async () => {
    const { server } = await start()
    const send = fetchSend(server.url)
    await send({
      method: 'POST',
      url: '',
      path: '/companies',
      headers: JSON_HEADERS,
      body: { company_id: 'a b' },
    })
    const found = await get(`${server.url}/companies?company_id=a%20b`, {
      ACCEPT: 'application/json',
      'INTERCOM-VERSION': '2.16',
    })
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ type: 'company', company_id: 'a b' })
  })

  it('unknown routes get the emulator’s own 404 (its request id)', async () => {
    const { intercom, server } = await start()
    const missing = await get(`${server.url}/tickets`)
    expect(missing.status).toBe(404)
    expect(firstError(missing)).toMatchObject({
      code: 'not_found',
      requestId: '00000000-0000-4000-8000-000000000001',
    })
    expect(intercom.requests).toHaveLength(1)
  })
})

describe('control routes', () => {
  it('GET /__emulator/state is the emulator’s state as JSON, with every collection', async () => {
    const { intercom, server } = await start({ eventNames: ['Seeded'] })
    const send = fetchSend(server.url)
    const timestamp = '2026-06-01T12:00:00.000Z'
    const identify = {
      type: 'identify',
      userId: 'u1',
      timestamp,
      traits: { company: { id: 'c1' } },
    }
    const track = {
      type: 'track',
      userId: 'u1',
      timestamp,
      event: 'Clicked',
      properties: { button: 'buy' },
    }
    await deliver(toRest(identify), send)
    await deliver(toRest(track), send)
    const state = await get(`${server.url}/__emulator/state`, {})
    expect(state.status).toBe(200)
    expect(state.headers?.['content-type']).toMatch(/^application\/json/)
    expect(state.body).toEqual(JSON.parse(JSON.stringify(intercom.state)))
    const body = state.body as Record<string, unknown[]>
    expect(Object.keys(body).sort()).toEqual(
      ['associations', 'companies', 'contacts', 'dataAttributes', 'eventNames', 'events'].sort(),
    )
    expect(body.events).toEqual([
      {
        event_name: 'Clicked',
        created_at: Date.parse(timestamp) / 1000,
        contactId: intercom.state.contacts[0]?.id,
        metadata: { button: 'buy' },
      },
    ])
    expect(body.eventNames).toEqual(['Seeded', 'Clicked'])
    expect(body.associations).toHaveLength(1)
    // The state read is not an Intercom request: it is not in the log.
    expect(intercom.requests.some((e) => e.request.path.startsWith('/__emulator'))).toBe(false)
  })

  it('POST /__emulator/reset empties the workspace (204); wrong methods get 405', async () => {
    const { intercom, server } = await start()
    await fetchSend(server.url)({
      method: 'POST',
      url: '',
      path: '/contacts',
      headers: JSON_HEADERS,
      body: { external_id: 'u1' },
    })
    expect(intercom.state.contacts).toHaveLength(1)
    const reset = await fetch(`${server.url}/__emulator/reset`, { method: 'POST' })
    expect(reset.status).toBe(204)
    expect(intercom.state.contacts).toEqual([])
    expect(intercom.requests).toEqual([])
    expect(
      ((await get(`${server.url}/__emulator/state`)).body as { contacts: [] }).contacts,
    ).toEqual([])
    const wrong = await get(`${server.url}/__emulator/reset`)
    expect(wrong.status).toBe(405)
    expect(wrong.headers?.allow).toBe('POST')
    expect(firstError(wrong).code).toBe('method_not_allowed')
    const unknown = await get(`${server.url}/__emulator/nothing`)
    expect(unknown.status).toBe(404)
    expect(firstError(unknown).requestId).toMatch(/^00000000-0000-4000-9000-/)
  })
})

describe('token', () => {
  it('answers 401 without Authorization: Bearer <token>, and serves with it', async () => {
    const { server } = await start({ token: 'sekrit' })
    const path = `${server.url}/companies`
    const none = await get(path)
    expect(none.status).toBe(401)
    expect(firstError(none).code).toBe('unauthorized')
    expect((await get(path, { ...JSON_HEADERS, Authorization: 'Bearer wrong' })).status).toBe(401)
    const ok = await get(path, { ...JSON_HEADERS, authorization: 'Bearer sekrit' })
    expect(ok.status).toBe(200)
    // A whole delivery with the token added by the transport.
    const outcome = await deliver(
      toRest({ type: 'identify', userId: 'u1' }),
      fetchSend(server.url, { Authorization: 'Bearer sekrit' }),
    )
    expect(outcome.status).toBe('delivered')
    // The control routes need no token.
    expect((await get(`${server.url}/__emulator/state`, {})).status).toBe(200)
  })
})

describe('bad input gets an Intercom-style answer, never a crash', () => {
  it('a body over the limit answers 413 and the connection still serves', async () => {
    const { intercom, server } = await start({}, { maxBodyBytes: 64 })
    const fits = JSON.stringify({ external_id: 'x'.repeat(64 - 18) })
    expect(Buffer.byteLength(fits)).toBe(64)
    expect((await postRaw(`${server.url}/contacts`, fits)).status).toBe(200)
    const over = JSON.stringify({ external_id: 'x'.repeat(64 - 17) })
    const refused = await postRaw(`${server.url}/contacts`, over)
    expect(refused.status).toBe(413)
    expect(firstError(refused)).toMatchObject({
      code: 'request_too_large',
      message: 'The request body is larger than 64 bytes',
    })
    expect(intercom.state.contacts).toHaveLength(1)
    expect((await get(`${server.url}/companies`)).status).toBe(200)
  })

  it('the default limit is 1 MiB', async () => {
    const { server } = await start()
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576)
    const big = JSON.stringify({ external_id: 'u1', name: 'n'.repeat(DEFAULT_MAX_BODY_BYTES) })
    const refused = await postRaw(`${server.url}/contacts`, big)
    expect(refused.status).toBe(413)
    expect(firstError(refused).code).toBe('request_too_large')
  })

  it('malformed JSON answers 400 parameter_invalid and reaches no route', async () => {
    const { intercom, server } = await start()
    const bad = await postRaw(`${server.url}/contacts`, '{"external_id": "u1"')
    expect(bad.status).toBe(400)
    expect(firstError(bad)).toMatchObject({
      code: 'parameter_invalid',
      message: expect.stringMatching(/^Invalid JSON in the request body: /),
    })
    const notUtf8 = await postRaw(`${server.url}/contacts`, new Uint8Array([0x7b, 0xff, 0x7d]))
    expect(notUtf8.status).toBe(400)
    expect(firstError(notUtf8).message).toBe('Invalid JSON: the body is not UTF-8')
    expect(intercom.requests).toEqual([])
  })

  it('JSON that is not an object, and a body without a JSON type, get the emulator’s 400s', async () => {
    const { server } = await start()
    const array = await postRaw(`${server.url}/contacts`, '[1]')
    expect(array.status).toBe(400)
    expect(firstError(array)).toMatchObject({
      code: 'parameter_invalid',
      message: 'The body is not a JSON object',
    })
    const text = await postRaw(`${server.url}/contacts`, '{"external_id":"u1"}', {
      ...JSON_HEADERS,
      'Content-Type': 'text/plain',
    })
    expect(text.status).toBe(400)
    expect(firstError(text).code).toBe('parameter_not_found')
  })

  it('an exception while answering is a 500 error.list and the server goes on', async () => {
    const real = createIntercomEmulator({ clock: Date.now })
    let explode = true
    const flaky: IntercomEmulator = Object.create(real, {
      handle: {
        value: (request: Parameters<IntercomEmulator['handle']>[0]) => {
          if (explode) {
            explode = false
            throw new Error('boom')
          }
          return real.handle(request)
        },
      },
    })
    const server = await serveEmulator(flaky)
    running.push(server)
    const failed = await get(`${server.url}/companies`)
    expect(failed.status).toBe(500)
    expect(firstError(failed)).toMatchObject({
      code: 'server_error',
      message: 'Emulator server error: boom',
    })
    expect((await get(`${server.url}/companies`)).status).toBe(200)
  })

  it('survives a client that hangs up mid-body', async () => {
    const { intercom, server } = await start()
    const { port } = new URL(server.url)
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /contacts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"exte',
        )
        socket.destroy()
        resolve()
      })
      socket.on('error', reject)
    })
    expect((await get(`${server.url}/companies`)).status).toBe(200)
    // The half request never reached the emulator.
    expect(intercom.requests.map((e) => e.request.path)).toEqual(['/companies'])
  })
})

describe('rate limit on the wall clock', () => {
  it('429s past the budget with X-RateLimit-* headers, and serves again when the window turns', async () => {
    const windowMs = 1_000
    const { server } = await start({ rateLimit: { limit: 2, windowMs } })
    // Start just after a window boundary so the three requests share a window.
    await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 20))
    const windowEnd = (Math.floor(Date.now() / windowMs) + 1) * windowMs
    const url = `${server.url}/companies`
    const first = await get(url)
    expect(first.status).toBe(200)
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '1',
      'x-ratelimit-reset': String(windowEnd / 1000),
    })
    expect((await get(url)).headers?.['x-ratelimit-remaining']).toBe('0')
    const limited = await get(url)
    expect(limited.status).toBe(429)
    expect(firstError(limited).code).toBe('rate_limit_exceeded')
    expect(limited.headers).toMatchObject({
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(windowEnd / 1000),
    })
    // The reset time is real: wait for it, and the budget is back.
    await new Promise((r) => setTimeout(r, windowEnd - Date.now() + 5))
    const next = await get(url)
    expect(next.status).toBe(200)
    expect(next.headers?.['x-ratelimit-remaining']).toBe('1')
  })

  it('a delivery that meets the limit is a retry at the reset time', async () => {
    const { server } = await start({ rateLimit: { limit: 1, windowMs: 86_400_000 } })
    const send = fetchSend(server.url)
    const track = { type: 'track', userId: 'u1', event: 'A', timestamp: new Date().toISOString() }
    await deliver(toRest(track), send)
    const before = Date.now()
    const outcome = await deliver(toRest(track), send)
    const dayEnd = (d: number) => (Math.floor(d / 86_400_000) + 1) * 86_400_000
    expect(outcome).toMatchObject({ status: 'retry' })
    expect([dayEnd(before), dayEnd(Date.now())]).toContain(
      (outcome as { retryAt?: number }).retryAt,
    )
  })
})

describe('concurrency', () => {
  it('many parallel requests are each answered once, in full', async () => {
    const { intercom, server } = await start()
    const send = fetchSend(server.url)
    const n = 200
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        send({
          method: 'POST',
          url: '',
          path: '/contacts',
          headers: JSON_HEADERS,
          body: { external_id: `u${i}` },
        }),
      ),
    )
    expect(responses.every((r) => r.status === 200)).toBe(true)
    const ids = new Set(responses.map((r) => (r.body as { id: string }).id))
    expect(ids.size).toBe(n)
    expect(intercom.state.contacts).toHaveLength(n)
    expect(intercom.requests).toHaveLength(n)
  })

  it('parallel duplicates: exactly one create wins, the rest get 409', async () => {
    const { intercom, server } = await start()
    const send = fetchSend(server.url)
    const statuses = await Promise.all(
      Array.from({ length: 25 }, () =>
        send({
          method: 'POST',
          url: '',
          path: '/contacts',
          headers: JSON_HEADERS,
          body: { external_id: 'same' },
        }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(24)
    expect(intercom.state.contacts).toHaveLength(1)
  })
})

describe('close()', () => {
  it('stops listening, closes kept-alive sockets promptly, and is idempotent', async () => {
    const intercom = createIntercomEmulator({ clock: Date.now })
    const server = await serveEmulator(intercom)
    // fetch keeps its socket alive in a pool: close() must not wait for it.
    expect((await get(`${server.url}/companies`)).status).toBe(200)
    const started = Date.now()
    const closing = server.close()
    expect(server.close()).toBe(closing)
    await closing
    expect(Date.now() - started).toBeLessThan(900)
    await expect(rawStatus(`${server.url}/companies`)).rejects.toThrow(/ECONNREFUSED/)
  })

  it('lets an in-flight request finish, answering it with Connection: close', async () => {
    const { intercom, server } = await start()
    const body = JSON.stringify({ external_id: 'u1' })
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1')
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      answer += chunk
    })
    const ended = new Promise((resolve) => socket.on('close', resolve))
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(
      `POST /contacts HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nIntercom-Version: 2.16\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    )
    // The server has the request (half its body) when close() is called.
    await new Promise((r) => setTimeout(r, 50))
    const closing = server.close()
    socket.write(body.slice(5))
    await closing
    await ended
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(answer).toMatch(/\r\nConnection: close\r\n/i)
    expect(intercom.state.contacts).toHaveLength(1)
  })
})

describe('options', () => {
  it('rejects bad options with typed errors', () => {
    const intercom = createIntercomEmulator()
    expect(() => serveEmulator(intercom, { port: -1 })).toThrow(RangeError)
    expect(() => serveEmulator(intercom, { port: 70_000 })).toThrow(/port/)
    expect(() => serveEmulator(intercom, { host: '' })).toThrow(TypeError)
    expect(() => serveEmulator(intercom, { maxBodyBytes: 1.5 })).toThrow(/maxBodyBytes/)
  })

  it('rejects when the port is taken, and serves on a chosen port', async () => {
    const { server } = await start()
    const port = Number(new URL(server.url).port)
    await expect(serveEmulator(createIntercomEmulator(), { port })).rejects.toThrow(/EADDRINUSE/)
    await server.close()
    const again = await serveEmulator(createIntercomEmulator(), { port })
    running.push(again)
    expect(again.url).toBe(`http://127.0.0.1:${port}`)
  })
})
