// The docs playground's logic (docs/.vitepress/theme/playground.ts), run as the page runs
// it: each preset through each target, with the page's initial controls.
import { describe, expect, it } from 'vitest'
import {
  defaultInput,
  type PlaygroundInput,
  type PlaygroundResult,
  presets,
  runPlayground,
} from '../../docs/.vitepress/theme/playground.js'

function run(preset: string, changes: Partial<PlaygroundInput> = {}): PlaygroundResult {
  return runPlayground({
    ...defaultInput,
    event: JSON.stringify(presets[preset]),
    ...changes,
  })
}

function outcomeOf(result: PlaygroundResult): unknown {
  if (result.kind !== 'mapping') throw new Error(result.error)
  return result.outcome
}

describe('the playground, as the page opens (REST 2.16, seeded emulator)', () => {
  it.each(['identify', 'track', 'group', 'identify (remove company)'])(
    'the %s preset is delivered',
    (preset) => {
      expect(outcomeOf(run(preset))).toMatchObject({ status: 'delivered' })
    },
  )

  it('the track preset records the event for the seeded user', () => {
    const result = run('track')
    if (result.kind !== 'mapping') throw new Error(result.error)
    expect(result.seed).toEqual({ userId: 'su3r73', requests: 2 })
    expect(result.steps.map((s) => `${s.request.method} ${s.request.path}`)).toEqual([
      'POST /events',
    ])
    expect(result.state?.events.map((e) => e.event_name)).toEqual(['Order Completed'])
  })

  it('the group preset attaches the company to the seeded user', () => {
    const result = run('group')
    if (result.kind !== 'mapping') throw new Error(result.error)
    expect(result.state?.companies.map((c) => c.company_id)).toEqual(['companyId123'])
    expect(result.state?.associations).toHaveLength(1)
  })

  it('the seeding requests are not listed among the run steps', () => {
    const result = run('identify')
    if (result.kind !== 'mapping') throw new Error(result.error)
    expect(result.steps[0]?.request.path).toBe('/contacts/search')
    expect(result.state?.contacts).toHaveLength(1) // the seeded contact, updated
  })

  it('the events that REST does not send, or cannot, are shown as such', () => {
    expect(run('page')).toMatchObject({ mapping: { status: 'skipped' }, steps: [] })
    expect(run('track (no timestamp)')).toMatchObject({
      mapping: { status: 'invalid', errors: [{ code: 'missing_timestamp', path: 'timestamp' }] },
    })
  })
})

describe('the playground, other controls', () => {
  it('without seeding, a track of an unknown user is retry / contact_not_found', () => {
    expect(outcomeOf(run('track', { seedUser: false }))).toMatchObject({
      status: 'retry',
      code: 'contact_not_found',
    })
    expect(outcomeOf(run('group', { seedUser: false }))).toMatchObject({
      status: 'retry',
      code: 'contact_not_found',
    })
  })

  it.each(['identify', 'track', 'group'])('REST 1.4 delivers the %s preset', (preset) => {
    expect(outcomeOf(run(preset, { target: 'rest-1.4' }))).toMatchObject({ status: 'delivered' })
  })

  it('with a search lag, the seeded identify takes the 409 path and still updates', () => {
    const result = run('identify', { searchLag: 2 })
    if (result.kind !== 'mapping') throw new Error(result.error)
    const log = result.steps.map(
      (s) => `${s.request.method} ${s.request.path} ${s.response.status}`,
    )
    expect(log[0]).toBe('POST /contacts/search 200') // the search misses the seeded contact
    const conflict = log.indexOf('POST /contacts 409')
    expect(conflict).toBeGreaterThan(0)
    // The contact the 409 names is read first (it must not be another user's), then updated.
    expect(log[conflict + 1]).toMatch(/^GET \/contacts\/\w+ 200$/)
    expect(log[conflict + 2]).toMatch(/^PUT \/contacts\/\w+ 200$/)
    expect(result.outcome).toMatchObject({ status: 'delivered' })
    expect(result.state?.contacts).toHaveLength(1)
  })

  it('the Messenger and mobile targets show calls, and no requests', () => {
    const web = run('track', { target: 'messenger', booted: true })
    expect(web).toMatchObject({ mapping: { status: 'mapped' }, steps: [] })
    if (web.kind !== 'mapping') throw new Error(web.error)
    expect(web.mapping.calls?.map((c) => c.method)).toEqual(['trackEvent'])
    const mobile = run('track', { target: 'mobile' })
    if (mobile.kind !== 'mapping') throw new Error(mobile.error)
    expect(mobile.mapping.calls?.map((c) => c.method)).toEqual(['logEvent'])
  })

  it('bad JSON and a bad "now" are reported, not thrown', () => {
    expect(runPlayground({ ...defaultInput, event: '{' })).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/^The event is not JSON/),
    })
    expect(runPlayground({ ...defaultInput, settings: '[' })).toMatchObject({ kind: 'error' })
    expect(runPlayground({ ...defaultInput, now: 'tomorrow' })).toEqual({
      kind: 'error',
      error: '"now" is not a date',
    })
  })

  it('settings of the wrong type make the mapping invalid at the setting', () => {
    const result = runPlayground({ ...defaultInput, settings: '{ "region": "mars" }' })
    expect(result).toMatchObject({
      mapping: { status: 'invalid', errors: [{ path: 'settings.region' }] },
    })
  })
})
