/**
 * A host using `@intercom/messenger-js-sdk` applies `MessengerCall`s through the SDK's
 * own typed functions without casts: narrowed on `method`, each call's `args` spread
 * into the SDK function of that name; or the SDK's module handed to
 * `applyMessengerCalls`; or `window.Intercom` as the SDK declares it (`Function`).
 * The checks are functions a host would write; they are type-checked, never run.
 */
import Intercom, * as sdk from '@intercom/messenger-js-sdk'
import type { InitType, IntercomSettings, UserArgs } from '@intercom/messenger-js-sdk/dist/types'
import { describe, expectTypeOf, it } from 'vitest'
import { applyMessengerCalls } from '../../src/messenger/apply.js'
import type {
  IntercomMessengerMethods,
  MessengerBootSettings,
  MessengerCall,
  MessengerSettings,
} from '../../src/messenger/types.js'

type ArgsOf<M extends MessengerCall['method']> = Extract<MessengerCall, { method: M }>['args']

/** Each call through the SDK's named functions. */
function applyWithSdk(calls: readonly MessengerCall[]): void {
  for (const call of calls) {
    switch (call.method) {
      case 'boot':
        sdk.boot(...call.args)
        break
      case 'update':
        sdk.update(...call.args)
        break
      case 'trackEvent':
        sdk.trackEvent(...call.args)
        break
      case 'shutdown':
        sdk.shutdown(...call.args)
        break
    }
  }
}

/** A boot call's settings also initialise the SDK (its default export). */
function initWithSdk(call: MessengerCall): void {
  if (call.method === 'boot') Intercom(...call.args)
}

/** `window.Intercom` as the SDK's global declaration types it. */
function applyWithWindow(calls: readonly MessengerCall[]): void {
  for (const call of calls) window.Intercom?.(call.method, ...call.args)
}

describe('MessengerCall args fit @intercom/messenger-js-sdk', () => {
  it('resolves the SDK types (not any)', () => {
    expectTypeOf(sdk.boot).not.toBeAny()
    expectTypeOf(sdk.boot).parameter(0).toEqualTypeOf<IntercomSettings>()
    expectTypeOf(Intercom).parameter(0).toEqualTypeOf<InitType>()
  })

  it('boot and update settings are the SDK settings', () => {
    expectTypeOf<ArgsOf<'boot'>>().toExtend<Parameters<typeof sdk.boot>>()
    expectTypeOf<ArgsOf<'boot'>>().toExtend<Parameters<typeof Intercom>>()
    expectTypeOf<ArgsOf<'update'>>().toExtend<Parameters<typeof sdk.update>>()
    expectTypeOf<MessengerBootSettings>().toExtend<IntercomSettings>()
    expectTypeOf<MessengerSettings>().toExtend<UserArgs>()
  })

  it('shutdown takes nothing', () => {
    expectTypeOf<ArgsOf<'shutdown'>>().toEqualTypeOf<Parameters<typeof sdk.shutdown>>()
  })

  it('the appliers type-check without casts', () => {
    expectTypeOf(applyWithSdk).returns.toBeVoid()
    expectTypeOf(initWithSdk).returns.toBeVoid()
    expectTypeOf(applyWithWindow).returns.toBeVoid()
  })

  it("applyMessengerCalls takes the SDK's module", () => {
    expectTypeOf(sdk).toExtend<IntercomMessengerMethods>()
    const calls: MessengerCall[] = []
    expectTypeOf(applyMessengerCalls).toBeCallableWith(calls, sdk)
  })
})
