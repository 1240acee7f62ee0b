// Compile-time: the scripted transport's types (src/testing/scripted-transport.ts).
import { describe, expectTypeOf, it } from 'vitest'
import type { IntercomRequest, IntercomResponse, Send } from '../../src/index.js'
import {
  createScriptedTransport,
  type ScriptedReply,
  type ScriptedTransport,
} from '../../src/testing/index.js'

describe('ScriptedTransport', () => {
  it('answers from any iterable of replies and is a Send', () => {
    expectTypeOf(createScriptedTransport).parameter(0).toEqualTypeOf<Iterable<ScriptedReply>>()
    expectTypeOf(createScriptedTransport([]).send).toExtend<Send>()
    expectTypeOf<ScriptedTransport['requests']>().toEqualTypeOf<readonly IntercomRequest[]>()
    expectTypeOf<ScriptedTransport['remaining']>().toEqualTypeOf<number>()
  })

  it('a reply is a response, an Error, or a function of the request', () => {
    expectTypeOf<{ status: 200 }>().toExtend<ScriptedReply>()
    expectTypeOf<TypeError>().toExtend<ScriptedReply>()
    expectTypeOf<(r: IntercomRequest) => IntercomResponse>().toExtend<ScriptedReply>()
    expectTypeOf<() => Promise<IntercomResponse>>().toExtend<ScriptedReply>()
    expectTypeOf<string>().not.toExtend<ScriptedReply>()
    // @ts-expect-error a reply needs a status
    createScriptedTransport([{ body: {} }])
  })
})
