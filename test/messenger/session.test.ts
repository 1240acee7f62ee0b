import { describe, expect, it } from 'vitest'
import { createMessengerSession } from '../../src/messenger/session.js'

const settings = { appId: 'abc' }
const methods = (r: ReturnType<ReturnType<typeof createMessengerSession>['map']>) =>
  r.status === 'mapped' ? r.calls.map((c) => c.method) : r.status

describe('createMessengerSession', () => {
  it('boots once, then updates', () => {
    const session = createMessengerSession(settings)
    expect(session.booted).toBe(false)
    expect(methods(session.map({ type: 'page' }))).toEqual(['boot'])
    expect(session.booted).toBe(true)
    expect(methods(session.map({ type: 'identify', userId: 'u' }))).toEqual(['update'])
    expect(methods(session.map({ type: 'group', userId: 'u', groupId: 'g' }))).toEqual(['update'])
  })

  it('is booted after a reset (shutdown, then a fresh boot)', () => {
    const session = createMessengerSession(settings, true)
    expect(methods(session.map({ type: 'reset' }))).toEqual(['shutdown', 'boot'])
    expect(session.booted).toBe(true)
    expect(methods(session.map({ type: 'page' }))).toEqual(['update'])
  })

  it('boots before a group on a fresh page', () => {
    const session = createMessengerSession(settings)
    expect(methods(session.map({ type: 'group', groupId: 'g' }))).toEqual(['boot', 'update'])
    expect(session.booted).toBe(true)
  })

  it('does not change state on track, skipped or invalid mappings', () => {
    const session = createMessengerSession(settings)
    expect(methods(session.map({ type: 'track', event: 'E' }))).toEqual(['trackEvent'])
    expect(methods(session.map({ type: 'identify' }))).toBe('skipped')
    expect(methods(session.map({ type: 'nope' }))).toBe('invalid')
    expect(session.booted).toBe(false)
    const noApp = createMessengerSession({})
    expect(methods(noApp.map({ type: 'page' }))).toBe('invalid')
    expect(noApp.booted).toBe(false)
  })

  it('passes the other options through and keeps its own settings and flag', () => {
    const session = createMessengerSession({ appId: 'abc', region: 'eu' })
    const r = session.map(
      { type: 'identify', userId: 'u', traits: { lastRequestAt: 1700000000 } },
      {
        now: Date.UTC(2024, 0, 1),
      },
    )
    expect(r.status === 'mapped' && r.calls[0]?.args[0]).toEqual({
      app_id: 'abc',
      api_base: 'https://api-iam.eu.intercom.io',
      user_id: 'u',
    })
    expect(r.warnings.map((w) => w.path)).toEqual(['traits.lastRequestAt'])
  })
})
