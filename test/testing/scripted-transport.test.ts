import { describe, expect, it } from 'vitest'
import type { IntercomRequest, IntercomResponse } from '../../src/rest/types.js'
import { createScriptedTransport } from '../../src/testing/scripted-transport.js'
import { request } from './emulator/helpers.js'

const search = request('POST', '/contacts/search', {
  query: { field: 'external_id', operator: '=', value: 'u1' },
})
const create = request('POST', '/contacts', { external_id: 'u1' })

describe('createScriptedTransport', () => {
  it('answers from the script in order and records requests', async () => {
    const transport = createScriptedTransport([
      { status: 200, body: { type: 'list', data: [] } },
      (req: IntercomRequest) => ({ status: 200, body: { echoed: req.path } }),
      (req: IntercomRequest) => Promise.resolve({ status: 202, body: req.method }),
    ])
    expect(transport.remaining).toBe(3)
    expect(await transport.send(search)).toEqual({ status: 200, body: { type: 'list', data: [] } })
    expect(await transport.send(create)).toEqual({ status: 200, body: { echoed: '/contacts' } })
    expect(await transport.send(create)).toEqual({ status: 202, body: 'POST' })
    expect(transport.remaining).toBe(0)
    expect(transport.requests).toEqual([search, create, create])
    expect(Object.isFrozen(transport.requests)).toBe(true)
  })

  it('rejects with scripted errors and throwing reply functions', async () => {
    const boom = new Error('socket hang up')
    const transport = createScriptedTransport([
      boom,
      () => {
        throw new TypeError('bad script')
      },
    ])
    await expect(transport.send(create)).rejects.toBe(boom)
    await expect(transport.send(create)).rejects.toThrow(TypeError)
  })

  it('rejects, naming the request, once the script is used up', async () => {
    const transport = createScriptedTransport(new Set<IntercomResponse>())
    await expect(transport.send(create)).rejects.toThrow(
      'Scripted transport has no reply left for request #1: POST /contacts',
    )
    expect(transport.requests).toEqual([create])
  })
})
