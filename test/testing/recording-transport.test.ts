import { describe, expect, it } from 'vitest'
import type { IntercomResponse } from '../../src/rest/types.js'
import { createIntercomEmulator } from '../../src/testing/emulator/emulator.js'
import { createRecordingTransport } from '../../src/testing/recording-transport.js'
import { request } from './emulator/helpers.js'

const search = request('POST', '/contacts/search', {
  query: { field: 'external_id', operator: '=', value: 'u1' },
})
const create = request('POST', '/contacts', { external_id: 'u1' })

describe('createRecordingTransport', () => {
  it('passes responses through and records each call in order', async () => {
    const intercom = createIntercomEmulator()
    const transport = createRecordingTransport(intercom.send)
    const first = await transport.send(search)
    const second = await transport.send(create)
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(transport.calls).toEqual([
      { request: search, response: first },
      { request: create, response: second },
    ])
    expect(transport.calls[0]?.request).toBe(search)
    expect(Object.isFrozen(transport.calls)).toBe(true)
    expect(Object.isFrozen(transport.calls[0])).toBe(true)
  })

  it('records rejections and synchronous throws, and passes them on', async () => {
    const boom = new Error('network down')
    const rejecting = createRecordingTransport(() => Promise.reject(boom))
    await expect(rejecting.send(create)).rejects.toBe(boom)
    expect(rejecting.calls).toEqual([{ request: create, error: boom }])
    expect(rejecting.calls[0]).not.toHaveProperty('response')

    const throwing = createRecordingTransport(() => {
      throw boom
    })
    await expect(throwing.send(create)).rejects.toBe(boom)
    expect(throwing.calls).toEqual([{ request: create, error: boom }])
  })

  it('shows calls in flight without a response, in call order', async () => {
    const resolvers: ((r: IntercomResponse) => void)[] = []
    const transport = createRecordingTransport(
      () => new Promise<IntercomResponse>((resolve) => resolvers.push(resolve)),
    )
    const a = transport.send(search)
    const b = transport.send(create)
    expect(transport.calls).toEqual([{ request: search }, { request: create }])
    resolvers[1]?.({ status: 409 })
    await b
    expect(transport.calls).toEqual([
      { request: search },
      { request: create, response: { status: 409 } },
    ])
    resolvers[0]?.({ status: 200 })
    await a
    expect(transport.calls.map((c) => c.response?.status)).toEqual([200, 409])
  })

  it('clear forgets calls, including ones still in flight', async () => {
    let release: (r: IntercomResponse) => void = () => undefined
    const transport = createRecordingTransport(
      () => new Promise<IntercomResponse>((resolve) => (release = resolve)),
    )
    const pending = transport.send(search)
    transport.clear()
    expect(transport.calls).toEqual([])
    release({ status: 200 })
    await pending
    expect(transport.calls).toEqual([])
  })
})
