// Compile-time: the emulator's public types (src/testing/emulator/types.ts) — the
// options it takes, the state it shows, and how it plugs into deliver as a transport.
import { describe, expectTypeOf, it } from 'vitest'
import type { IntercomRequest, IntercomResponse, Send } from '../../../src/index.js'
import {
  createIntercomEmulator,
  type EmulatedContact,
  type EmulatedDataAttribute,
  type EmulatorExchange,
  type EmulatorFaults,
  type EmulatorOptions,
  type EmulatorState,
  type IntercomEmulator,
} from '../../../src/testing/index.js'

describe('EmulatorOptions', () => {
  it('are all optional', () => {
    expectTypeOf<Record<string, never>>().toExtend<EmulatorOptions>()
    expectTypeOf(createIntercomEmulator).toBeCallableWith()
    expectTypeOf(createIntercomEmulator).returns.toEqualTypeOf<IntercomEmulator>()
  })

  it('take numbers, a clock function, readonly lists and typed faults', () => {
    const predefined: readonly EmulatedDataAttribute[] = [
      { name: 'plan', model: 'contact', data_type: 'string' },
    ]
    expectTypeOf(createIntercomEmulator).toBeCallableWith({
      searchLag: 1,
      requireDefinedAttributes: false,
      dataAttributes: predefined,
      eventNames: ['Signed Up'] as const,
      maxEventNames: 120,
      rateLimit: { limit: 3, windowMs: 10_000 },
      startTime: 0,
      clock: Date.now,
      faults: { serverErrorRate: 0.1, seed: 7 },
      token: 'secret',
    })
    expectTypeOf<EmulatorFaults>().toEqualTypeOf<{ serverErrorRate?: number; seed?: number }>()
    // @ts-expect-error a rate limit needs both its limit and its window
    createIntercomEmulator({ rateLimit: { limit: 3 } })
    // @ts-expect-error the model is contact or company
    createIntercomEmulator({ dataAttributes: [{ name: 'x', model: 'user', data_type: 'string' }] })
    // @ts-expect-error the clock is a function returning epoch milliseconds
    createIntercomEmulator({ clock: 0 })
  })
})

describe('IntercomEmulator and EmulatorState', () => {
  it('send is a Send; handle answers synchronously', () => {
    expectTypeOf<IntercomEmulator['send']>().toExtend<Send>()
    expectTypeOf<IntercomEmulator['handle']>().toEqualTypeOf<
      (request: IntercomRequest) => IntercomResponse
    >()
    expectTypeOf<IntercomEmulator['now']>().returns.toEqualTypeOf<number>()
  })

  it('state and the request log are read-only views', () => {
    const emulator = createIntercomEmulator()
    expectTypeOf(emulator.state).toEqualTypeOf<EmulatorState>()
    expectTypeOf(emulator.requests).toEqualTypeOf<readonly EmulatorExchange[]>()
    // @ts-expect-error state is read-only
    emulator.state = {} as EmulatorState
    // @ts-expect-error the log is a readonly array
    emulator.requests.push({ request: {} as IntercomRequest, response: { status: 200 } })
  })

  it('state holds Intercom-shaped records', () => {
    expectTypeOf<EmulatorState['contacts']>().toEqualTypeOf<EmulatedContact[]>()
    expectTypeOf<EmulatedContact['role']>().toEqualTypeOf<'user' | 'lead'>()
    expectTypeOf<EmulatedContact['external_id']>().toEqualTypeOf<string | null>()
    expectTypeOf<EmulatorState['eventNames']>().toEqualTypeOf<string[]>()
    expectTypeOf<EmulatorState['associations'][number]>().toEqualTypeOf<{
      contactId: string
      companyId: string
    }>()
  })
})
