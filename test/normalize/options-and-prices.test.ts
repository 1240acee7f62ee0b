// normalize() on Intercom options, prices, rich links, group users and last-seen details.
import { describe, expect, it } from 'vitest'
import { type MapOptions, normalize, toRest, type Warning } from '../../src/index.js'

const NOW = Date.parse('2026-03-02T10:00:00.000Z')
function run(event: Record<string, unknown>, options: MapOptions = { now: NOW }) {
  const r = normalize({ userId: 'u1', ...event }, options)
  if (r.status !== 'normalized') throw new Error(`not normalized: ${JSON.stringify(r)}`)
  return r
}
const codes = (warnings: readonly Warning[]) => warnings.map((w) => `${w.code} ${w.path}`)

describe('Intercom options', () => {
  it('skip undefined values and other 8-letter keys without a warning', () => {
    const r = run({
      type: 'identify',
      integrations: {
        Intercom: { userHash: undefined, hideDefaultLauncher: true },
        Mixpanel: true,
      },
    })
    expect(r.warnings).toEqual([])
    expect(r.event.options).toEqual({ hideDefaultLauncher: true })
  })

  it('name the expected kind of a wrongly typed value', () => {
    const r = run({
      type: 'identify',
      integrations: { Intercom: { hideDefaultLauncher: 'yes', userHash: 5 } },
    })
    expect(r.warnings.map((w) => w.message)).toEqual([
      '"hideDefaultLauncher" must be a boolean, got string; ignored',
      '"userHash" must be a non-empty string, got number; ignored',
    ])
  })
})

describe('prices', () => {
  const track = (properties: Record<string, unknown>) =>
    run({ type: 'track', event: 'E', properties })

  it('say what the unusable amount was', () => {
    expect(track({ revenue: 'abc' }).warnings[0]?.message).toBe(
      'No price sent: "abc" is not numeric',
    )
    expect(track({ revenue: true }).warnings[0]?.message).toBe(
      'No price sent: a boolean is not numeric',
    )
  })

  it('trim the currency, and refuse a blank one', () => {
    expect(track({ revenue: 1, currency: ' eur ' }).event).toMatchObject({
      metadata: { price: { amount: 100, currency: 'eur' } },
    })
    const blank = track({ revenue: 1, currency: '  ' })
    expect(blank.event).toMatchObject({ metadata: { price: { amount: 100, currency: 'usd' } } })
    expect(codes(blank.warnings)).toEqual(['dropped_value properties.currency'])
  })

  it('an undefined price property is not replaced', () => {
    expect(track({ revenue: 1, price: undefined }).warnings).toEqual([])
  })
})

describe('rich links', () => {
  const link = (value: unknown) =>
    run(
      { type: 'track', event: 'E', properties: { doc: value } },
      { now: NOW, settings: { richLinkProperties: ['doc'] } },
    )

  it.each([null, 'text', { url: 'u', value: 5 }, { url: 'u' }, undefined])('refuse %j', (value) => {
    const r = link(value)
    expect(r.event).toMatchObject({ metadata: {} })
    expect(codes(r.warnings)).toEqual(
      value === undefined ? [] : ['invalid_rich_link properties.doc'],
    )
  })

  it('keep URLs of 255 code points and drop longer ones', () => {
    expect(link({ url: 'u'.repeat(255), value: 'v' }).event).toMatchObject({
      metadata: { doc: { value: 'v' } },
    })
    expect(link({ url: `${'u'.repeat(254)}😀`, value: 'v' }).event).toMatchObject({
      metadata: { doc: { value: 'v' } },
    })
    const long = link({ url: 'u'.repeat(256), value: 'v' })
    expect(long.event).toMatchObject({ metadata: {} })
    expect(codes(long.warnings)).toEqual(['dropped_long properties.doc.url'])
  })
})

describe('events', () => {
  it('a null timestamp is no timestamp, without a warning', () => {
    expect(run({ type: 'track', event: 'E', timestamp: null }).warnings).toEqual([])
  })

  it('a group user given by email can be detached', () => {
    const r = run({
      type: 'group',
      userId: undefined,
      groupId: 'g1',
      traits: { remove: true },
      context: { traits: { email: 'e@x.io' } },
    })
    expect(r.event).toMatchObject({ company: { remove: true } })
    expect(r.warnings).toEqual([])
  })

  it('without a time, last-seen is absent, not undefined', () => {
    const r = run({ type: 'identify' }, {})
    expect(r.event).not.toHaveProperty('lastSeenAt')
  })
})

describe('REST last-seen warnings', () => {
  const warned = (event: Record<string, unknown>) => {
    const r = toRest({ groupId: 'g1', ...event })
    return r.status === 'mapped' ? codes(r.warnings) : []
  }
  it('a group with a user and no time warns that last-seen is not updated', () => {
    expect(warned({ type: 'group', userId: 'u1' })).toContain('no_last_seen timestamp')
  })
  it('a group without a user does not', () => {
    expect(warned({ type: 'group', anonymousId: 'a1' })).toEqual(['no_user userId'])
  })
})
