// Compile-time: the recording transport's types (src/testing/recording-transport.ts).
import { describe, expectTypeOf, it } from 'vitest'
import type { IntercomRequest, IntercomResponse, Send } from '../../src/index.js'
import {
  createIntercomEmulator,
  createRecordingTransport,
  type RecordedCall,
  type RecordingTransport,
} from '../../src/testing/index.js'

describe('RecordingTransport', () => {
  it('wraps any Send and is one', () => {
    expectTypeOf(createRecordingTransport).parameter(0).toEqualTypeOf<Send>()
    expectTypeOf(createRecordingTransport).returns.toEqualTypeOf<RecordingTransport>()
    expectTypeOf(createRecordingTransport(createIntercomEmulator().send).send).toExtend<Send>()
    // @ts-expect-error a synchronous handler is not a transport
    createRecordingTransport(createIntercomEmulator().handle)
  })

  it('records read-only calls whose response and error are optional', () => {
    expectTypeOf<RecordingTransport['calls']>().toEqualTypeOf<readonly RecordedCall[]>()
    expectTypeOf<RecordedCall['request']>().toEqualTypeOf<IntercomRequest>()
    expectTypeOf<RecordedCall['response']>().toEqualTypeOf<IntercomResponse | undefined>()
    expectTypeOf<RecordedCall['error']>().toEqualTypeOf<unknown>()
    const call = {} as RecordedCall
    // @ts-expect-error recorded calls are read-only
    call.response = { status: 200 }
  })
})
