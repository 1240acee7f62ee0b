import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyMessengerCalls } from '../../src/messenger/apply.js'
import type { IntercomMessenger, MessengerCall } from '../../src/messenger/types.js'

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
})
