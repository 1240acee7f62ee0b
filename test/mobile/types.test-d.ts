import { describe, expectTypeOf, it } from 'vitest'
import type { toMobile } from '../../src/mobile/to-mobile.js'
import type { MobileCall, MobileMapping } from '../../src/mobile/types.js'
import type { Invalid, Skipped } from '../../src/types.js'

describe('mobile types', () => {
  it('MobileCall matches the contract shape { method; args: unknown[] }', () => {
    expectTypeOf<MobileCall>().toExtend<{
      method:
        | 'loginUserWithUserAttributes'
        | 'loginUnidentifiedUser'
        | 'updateUser'
        | 'logEvent'
        | 'logout'
        | 'setUserHash'
      args: unknown[]
    }>()
  })

  it('narrows args on method', () => {
    const call = {} as MobileCall
    if (call.method === 'setUserHash') expectTypeOf(call.args).toEqualTypeOf<[hash: string]>()
    if (call.method === 'logout') expectTypeOf(call.args).toEqualTypeOf<[]>()
  })

  it('toMobile returns the mapping union', () => {
    expectTypeOf<ReturnType<typeof toMobile>>().toEqualTypeOf<MobileMapping>()
    expectTypeOf<Skipped>().toExtend<MobileMapping>()
    expectTypeOf<Invalid>().toExtend<MobileMapping>()
  })
})
