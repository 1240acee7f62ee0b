// The rules both device targets (Messenger, mobile SDKs) share, tested once here and
// through each target: the same input gives the same warnings, named for the target.
import { describe, expect, it } from 'vitest'
import { attachable, trackArgs, warnDeviceUnsent } from '../src/device-mode.js'
import { MESSENGER_OPTIONS, MOBILE_OPTIONS } from '../src/intercom-options.js'
import { toMessenger } from '../src/messenger/to-messenger.js'
import { toMobile } from '../src/mobile/to-mobile.js'
import type { NormalizedEvent } from '../src/normalize/model.js'
import { normalize } from '../src/normalize/normalize.js'
import type { Warning } from '../src/types.js'

function model(event: unknown): NormalizedEvent {
  const n = normalize(event)
  if (n.status !== 'normalized') throw new Error(`expected normalized, got ${n.status}`)
  return n.event
}

const settings = { appId: 'app' }

describe('trackArgs', () => {
  it('is the event name, plus the metadata only when there is some', () => {
    const bare = model({ type: 'track', userId: 'u', event: 'Signed Up' })
    const rich = model({ type: 'track', userId: 'u', event: 'Paid', properties: { plan: 'pro' } })
    if (bare.type !== 'track' || rich.type !== 'track') throw new Error('track')
    const warnings: Warning[] = []
    expect(trackArgs(bare, MOBILE_OPTIONS.track, warnings)).toEqual(['Signed Up'])
    expect(trackArgs(rich, MOBILE_OPTIONS.track, warnings)).toEqual(['Paid', { plan: 'pro' }])
    expect(warnings).toEqual([])
  })

  it("warns the track's identity email and the options the row does not send", () => {
    const m = model({
      type: 'track',
      event: 'E',
      properties: { email: 'a@example.com' },
      integrations: { Intercom: { userHash: 'h' } },
    })
    if (m.type !== 'track') throw new Error('track')
    const warnings: Warning[] = []
    expect(trackArgs(m, MESSENGER_OPTIONS.track, warnings)).toEqual(['E'])
    expect(warnings).toEqual([
      {
        code: 'unsupported_field',
        path: 'integrations.Intercom.userHash',
        message: 'Not sent: trackEvent takes an event name and metadata only',
      },
      {
        code: 'unsupported_field',
        path: 'properties.email',
        message: "Not sent: a device's track call carries no identity",
      },
    ])
  })
})

describe('warnDeviceUnsent', () => {
  const identify = {
    type: 'identify',
    userId: 'u',
    timestamp: '2024-01-01T00:00:00Z',
    traits: { lastRequestAt: '2023-01-01T00:00:00Z', owner_id: 7 },
    context: { ip: '10.0.0.1', userAgent: 'UA' },
  }

  it('names the target and the path of each value the device does not send', () => {
    const warnings: Warning[] = []
    const m = model(identify)
    if (m.type !== 'identify') throw new Error('identify')
    warnDeviceUnsent(m, m.timestamp, 'the X SDK', warnings)
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ['traits.lastRequestAt', 'Not sent: the X SDK records it from the device'],
      ['context.ip', 'Not sent: the X SDK records it from the device'],
      ['context.userAgent', 'Not sent: the X SDK records it from the device'],
      ['traits.owner_id', 'Not sent: the X SDK cannot set the owner (REST 2.x can)'],
    ])
  })

  it('does not warn a last-seen equal to now', () => {
    const warnings: Warning[] = []
    const m = model({ ...identify, traits: { lastRequestAt: '2024-01-01T00:00:00Z' } })
    if (m.type !== 'identify') throw new Error('identify')
    warnDeviceUnsent(m, m.timestamp, 'the X SDK', warnings)
    expect(warnings.map((w) => w.path)).toEqual(['context.ip', 'context.userAgent'])
  })

  it('is what both targets warn, each under its own name', () => {
    const messenger = toMessenger(identify, { settings })
    const mobile = toMobile(identify)
    const messages = (w: Warning[]) => w.map((x) => x.message)
    expect(messages(messenger.warnings)).toEqual(
      messages(mobile.warnings).map((m) => m.replace('the mobile SDK', 'the Messenger')),
    )
    expect(messages(mobile.warnings)).toHaveLength(4)
  })
})

describe('attachable', () => {
  it('refuses a remove: true company, warned at its path with the target named', () => {
    const m = model({ type: 'group', userId: 'u', groupId: 'c', traits: { remove: true } })
    if (m.type !== 'group') throw new Error('group')
    const warnings: Warning[] = []
    expect(attachable(m.company, 'the X SDK', warnings)).toBe(false)
    expect(warnings).toEqual([
      {
        code: 'unsupported_field',
        path: m.company.path,
        message: 'Not sent: the X SDK cannot detach a user from a company (REST can)',
      },
    ])
    expect(attachable({ ...m.company, remove: false }, 'the X SDK', warnings)).toBe(true)
    expect(warnings).toHaveLength(1)
  })

  it('leaves a removed company out of both targets, warned once', () => {
    const event = { type: 'group', userId: 'u', groupId: 'c', traits: { remove: true } }
    const messenger = toMessenger(event, { settings, booted: true })
    const mobile = toMobile(event)
    expect(messenger.status === 'mapped' && messenger.calls).toEqual([])
    expect(mobile.status === 'mapped' && mobile.calls).toEqual([])
    expect(messenger.warnings.map((w) => w.path)).toEqual(mobile.warnings.map((w) => w.path))
  })
})
