import { describe, expectTypeOf, it } from 'vitest'
import type { applyMessengerCalls } from '../../src/messenger/apply.js'
import type { toMessenger } from '../../src/messenger/to-messenger.js'
import type {
  IntercomMessenger,
  IntercomMessengerMethods,
  MessengerBootSettings,
  MessengerCall,
  MessengerMapping,
  MessengerOptions,
  MessengerSettings,
} from '../../src/messenger/types.js'
import type { Metadata } from '../../src/normalize/model.js'
import type { MapOptions } from '../../src/types.js'

describe('messenger types', () => {
  it('MessengerCall matches the contract shape { method; args: unknown[] }', () => {
    expectTypeOf<MessengerCall>().toExtend<{
      method: 'boot' | 'update' | 'trackEvent' | 'shutdown'
      args: unknown[]
    }>()
  })

  it('narrows args on method', () => {
    const call = {} as MessengerCall
    if (call.method === 'boot') {
      expectTypeOf(call.args).toEqualTypeOf<[settings: MessengerBootSettings]>()
      expectTypeOf(call.args[0].app_id).toEqualTypeOf<string>()
    }
    if (call.method === 'update')
      expectTypeOf(call.args[0].app_id).toEqualTypeOf<string | undefined>()
    if (call.method === 'trackEvent') {
      expectTypeOf(call.args).toEqualTypeOf<[eventName: string, metadata?: Metadata]>()
    }
  })

  it('the settings object has the documented Intercom keys', () => {
    expectTypeOf<MessengerSettings['hide_default_launcher']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<MessengerSettings['created_at']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<NonNullable<MessengerSettings['avatar']>['type']>().toEqualTypeOf<'avatar'>()
    expectTypeOf<NonNullable<MessengerSettings['company']>['company_id']>().toEqualTypeOf<string>()
    expectTypeOf<{ app_id: 'x'; plan: 'pro'; vip: true }>().toExtend<MessengerSettings>()
    expectTypeOf<{ nested: { a: 1 } }>().not.toExtend<MessengerSettings>()
  })

  it('takes MapOptions plus booted', () => {
    expectTypeOf<typeof toMessenger>().parameter(1).toEqualTypeOf<MessengerOptions | undefined>()
    expectTypeOf<MessengerOptions>().toExtend<MapOptions & { booted?: boolean }>()
    expectTypeOf<MapOptions & { booted?: boolean }>().toExtend<MessengerOptions>()
    expectTypeOf<ReturnType<typeof toMessenger>>().toEqualTypeOf<MessengerMapping>()
  })

  it('accepts the usual window.Intercom typings', () => {
    // biome-ignore lint/suspicious/noExplicitAny: what @types-less snippets declare
    expectTypeOf<(...args: any[]) => void>().toExtend<IntercomMessenger>()
    expectTypeOf<(method: string, ...args: unknown[]) => void>().toExtend<IntercomMessenger>()
    expectTypeOf<
      (method: 'boot' | 'update' | 'trackEvent' | 'shutdown', arg?: unknown, meta?: unknown) => void
    >().toExtend<IntercomMessenger>()
    expectTypeOf<(method: 'show') => void>().not.toExtend<IntercomMessenger>()
    expectTypeOf<typeof applyMessengerCalls>()
      .parameter(1)
      .toEqualTypeOf<IntercomMessenger | IntercomMessengerMethods | undefined>()
  })
})
