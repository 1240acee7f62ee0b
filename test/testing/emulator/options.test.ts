// Option checking (src/testing/emulator/options.ts): every bad option is an
// EmulatorOptionError naming it.
import { describe, expect, it } from 'vitest'
import {
  createIntercomEmulator,
  EmulatorOptionError,
} from '../../../src/testing/emulator/emulator.js'

describe('options', () => {
  it.each([
    [{ searchLag: -1 }],
    [{ searchLag: 1.5 }],
    [{ maxEventNames: -3 }],
    [{ startTime: Number.NaN }],
    [{ rateLimit: { limit: 0, windowMs: 1000 } }],
    [{ rateLimit: { limit: 1, windowMs: 0 } }],
    [{ dataAttributes: [{ name: 'x', model: 'user', data_type: 'string' }] }],
    [{ dataAttributes: [{ name: 'x', model: 'contact', data_type: 'datetime' }] }],
  ])('throws RangeError for %j', (options) => {
    expect(() => createIntercomEmulator(options as never)).toThrow(RangeError)
  })

  it('ignores a duplicated predefined data attribute and event name', () => {
    const intercom = createIntercomEmulator({
      dataAttributes: [
        { name: 'plan', model: 'contact', data_type: 'string' },
        { name: 'plan', model: 'contact', data_type: 'integer' },
        { name: 'plan', model: 'company', data_type: 'string' },
      ],
      eventNames: ['Signed Up', 'signed up', 'Paid'],
    })
    expect(intercom.state.dataAttributes).toEqual([
      { name: 'plan', model: 'contact', data_type: 'string' },
      { name: 'plan', model: 'company', data_type: 'string' },
    ])
    expect(intercom.state.eventNames).toEqual(['Signed Up', 'Paid'])
  })
})

describe('option errors', () => {
  it.each([
    [{ searchLag: -1 }, 'searchLag'],
    [{ maxEventNames: 1.5 }, 'maxEventNames'],
    [{ startTime: Number.POSITIVE_INFINITY }, 'startTime'],
    [{ rateLimit: { limit: 0, windowMs: 1 } }, 'rateLimit.limit'],
    [{ rateLimit: { limit: 1, windowMs: -1 } }, 'rateLimit.windowMs'],
    [{ rateLimit: 5 }, 'rateLimit'],
    [{ dataAttributes: [{ name: 'x', model: 'user', data_type: 'string' }] }, 'dataAttributes[0]'],
    [{ eventNames: [1] }, 'eventNames'],
    [{ token: '' }, 'token'],
    [{ requireDefinedAttributes: 'no' }, 'requireDefinedAttributes'],
    [{ token: 'two words' }, 'token'],
  ])('%o is an EmulatorOptionError (a RangeError) naming %s', (bad, option) => {
    let caught: unknown
    try {
      createIntercomEmulator(bad as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(EmulatorOptionError)
    expect(caught).toBeInstanceOf(RangeError)
    expect((caught as EmulatorOptionError).option).toBe(option)
    expect((caught as Error).message.startsWith(`${option}: `)).toBe(true)
  })
})

describe('faults options', () => {
  it.each([
    [{ serverErrorRate: -0.1 }, 'faults.serverErrorRate'],
    [{ serverErrorRate: 1.01 }, 'faults.serverErrorRate'],
    [{ serverErrorRate: Number.NaN }, 'faults.serverErrorRate'],
    [{ serverErrorRate: '0.5' }, 'faults.serverErrorRate'],
    [{ seed: 1.5 }, 'faults.seed'],
    [{ seed: 2 ** 53 }, 'faults.seed'],
    [{ seed: '1' }, 'faults.seed'],
  ])('rejects %o naming %s', (faults, option) => {
    expect(() => createIntercomEmulator({ faults } as never)).toThrow(EmulatorOptionError)
    expect(() => createIntercomEmulator({ faults } as never)).toThrow(
      expect.objectContaining({ option }),
    )
  })

  it('rejects faults that are not an object', () => {
    for (const faults of [0.5, null, [0.5]]) {
      expect(() => createIntercomEmulator({ faults } as never)).toThrow(
        expect.objectContaining({ option: 'faults' }),
      )
    }
  })
})
