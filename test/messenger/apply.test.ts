import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyMessengerCalls } from '../../src/messenger/apply.js'
import type {
  IntercomMessenger,
  IntercomMessengerMethods,
  MessengerCall,
} from '../../src/messenger/types.js'

const calls: MessengerCall[] = [
  { method: 'shutdown', args: [] },
  { method: 'boot', args: [{ app_id: 'abc' }] },
  { method: 'trackEvent', args: ['Signed Up', { plan: 'pro' }] },
]

describe('applyMessengerCalls', () => {
  afterEach(() => {
    delete (globalThis as { Intercom?: unknown }).Intercom
  })

  it('calls the given function once per call, in order, spreading the args', () => {
    const intercom = vi.fn()
    expect(applyMessengerCalls(calls, intercom)).toBeUndefined()
    expect(intercom.mock.calls).toEqual([
      ['shutdown'],
      ['boot', { app_id: 'abc' }],
      ['trackEvent', 'Signed Up', { plan: 'pro' }],
    ])
  })

  it('defaults to globalThis.Intercom, read at call time', () => {
    const intercom = vi.fn()
    ;(globalThis as { Intercom?: unknown }).Intercom = intercom
    applyMessengerCalls(calls.slice(1, 2))
    expect(intercom).toHaveBeenCalledWith('boot', { app_id: 'abc' })
  })

  it('throws a TypeError when no Intercom function is available', () => {
    expect(() => applyMessengerCalls(calls)).toThrow(TypeError)
    ;(globalThis as { Intercom?: unknown }).Intercom = { not: 'a function' }
    expect(() => applyMessengerCalls([])).toThrow(/Intercom snippet/)
  })

  it('lets an error of the Intercom function propagate and stops there', () => {
    const seen: string[] = []
    const intercom: IntercomMessenger = (method: string) => {
      seen.push(method)
      if (method === 'boot') throw new Error('boom')
    }
    expect(() => applyMessengerCalls(calls, intercom)).toThrow('boom')
    expect(seen).toEqual(['shutdown', 'boot'])
  })

  describe('with an object of one function per method (@intercom/messenger-js-sdk)', () => {
    const sdk = () => ({ boot: vi.fn(), update: vi.fn(), trackEvent: vi.fn(), shutdown: vi.fn() })

    it('calls the function named by each method with the args, in order', () => {
      const order: string[] = []
      const methods = sdk()
      for (const [name, fn] of Object.entries(methods))
        fn.mockImplementation(() => order.push(name))
      applyMessengerCalls(calls, methods)
      expect(order).toEqual(['shutdown', 'boot', 'trackEvent'])
      expect(methods.shutdown).toHaveBeenCalledWith()
      expect(methods.boot).toHaveBeenCalledWith({ app_id: 'abc' })
      expect(methods.trackEvent).toHaveBeenCalledWith('Signed Up', { plan: 'pro' })
      expect(methods.update).not.toHaveBeenCalled()
    })

    it('calls them as methods of the object (this is the object)', () => {
      const seen: unknown[] = []
      const methods: IntercomMessengerMethods & { id: string } = {
        id: 'sdk',
        boot() {
          seen.push(this.id)
        },
        update() {},
        trackEvent() {},
        shutdown() {},
      }
      applyMessengerCalls(calls.slice(1, 2), methods)
      expect(seen).toEqual(['sdk'])
    })

    it('throws a TypeError naming a missing method before making any call', () => {
      const { trackEvent: _, ...partial } = sdk()
      expect(() =>
        applyMessengerCalls(calls, partial as unknown as IntercomMessengerMethods),
      ).toThrow(new TypeError('The Intercom object given has no "trackEvent" function'))
      expect(partial.shutdown).not.toHaveBeenCalled()
      expect(partial.boot).not.toHaveBeenCalled()
    })

    it('is never taken from globalThis.Intercom, which must be a function', () => {
      ;(globalThis as { Intercom?: unknown }).Intercom = sdk()
      expect(() => applyMessengerCalls(calls)).toThrow(/Intercom snippet/)
    })
  })
})
