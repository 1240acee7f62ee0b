/**
 * A host can pass each call's `args` straight to `@intercom/intercom-react-native`.
 * The package's types import `react-native` (not installed here); skipLibCheck keeps
 * that from failing, and the default export's type still resolves.
 */
import type Intercom from '@intercom/intercom-react-native'
import type { IntercomType, MetaData, UserAttributes } from '@intercom/intercom-react-native'
import { describe, expectTypeOf, it } from 'vitest'
import type { MobileCall, MobileCompany, MobileUserAttributes } from '../../src/mobile/types.js'

type ArgsOf<M extends MobileCall['method']> = Extract<MobileCall, { method: M }>['args']

describe('MobileCall args fit the React Native SDK', () => {
  it('resolves the SDK types (not any)', () => {
    expectTypeOf<IntercomType>().not.toBeAny()
    expectTypeOf<typeof Intercom>().toEqualTypeOf<IntercomType>()
    expectTypeOf<UserAttributes>().not.toBeAny()
  })

  it('loginUserWithUserAttributes', () => {
    expectTypeOf<ArgsOf<'loginUserWithUserAttributes'>>().toExtend<
      Parameters<typeof Intercom.loginUserWithUserAttributes>
    >()
  })

  it('updateUser', () => {
    expectTypeOf<ArgsOf<'updateUser'>>().toExtend<Parameters<typeof Intercom.updateUser>>()
    expectTypeOf<MobileUserAttributes>().toExtend<UserAttributes>()
    expectTypeOf<MobileCompany>().toExtend<NonNullable<UserAttributes['companies']>[number]>()
  })

  it('logEvent, with and without metadata', () => {
    expectTypeOf<ArgsOf<'logEvent'>>().toExtend<Parameters<typeof Intercom.logEvent>>()
    expectTypeOf<NonNullable<ArgsOf<'logEvent'>[1]>>().toExtend<MetaData>()
  })

  it('setUserHash, loginUnidentifiedUser, logout', () => {
    expectTypeOf<ArgsOf<'setUserHash'>>().toExtend<Parameters<typeof Intercom.setUserHash>>()
    expectTypeOf<ArgsOf<'loginUnidentifiedUser'>>().toExtend<
      Parameters<typeof Intercom.loginUnidentifiedUser>
    >()
    expectTypeOf<ArgsOf<'logout'>>().toExtend<Parameters<typeof Intercom.logout>>()
  })

  it('names only methods the SDK has', () => {
    expectTypeOf<MobileCall['method']>().toExtend<keyof IntercomType>()
  })

  it('can be applied generically', () => {
    const apply = async (calls: MobileCall[], sdk: IntercomType) => {
      for (const c of calls) {
        switch (c.method) {
          case 'setUserHash':
            await sdk.setUserHash(...c.args)
            break
          case 'loginUserWithUserAttributes':
            await sdk.loginUserWithUserAttributes(...c.args)
            break
          case 'loginUnidentifiedUser':
            await sdk.loginUnidentifiedUser(...c.args)
            break
          case 'updateUser':
            await sdk.updateUser(...c.args)
            break
          case 'logEvent':
            await sdk.logEvent(...c.args)
            break
          case 'logout':
            await sdk.logout(...c.args)
            break
        }
      }
    }
    expectTypeOf(apply).returns.toEqualTypeOf<Promise<void>>()
  })
})
