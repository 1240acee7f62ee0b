import { describe, expect, it } from 'vitest'
import { cli, identify, ndjson, track } from './run-cli.js'

const totalsOf = (lines: Record<string, unknown>[]) => lines.at(-1)?.totals

// No identify for "ghost": its track stays `retry` (contact_not_found) after the retry.
const undelivered = ndjson([track('ghost', 'Boo')])
const invalid = ndjson([identify('u'), { type: 'nope' }])
const unreadable = `${JSON.stringify(identify('u'))}\nnot json\n`
// Replay's emulator requires defined attributes: with creation off, a custom trait fails.
const failing = ndjson([{ ...identify('u'), traits: { plan: 'pro' } }])
const noCreate = ['--settings', '{"createMissingAttributes":false}']

describe('replay exit codes', () => {
  it('0 when every event is delivered or skipped', () => {
    const r = cli(['replay', '-'], ndjson([identify('u'), track('u', 'A'), { type: 'page' }]))
    expect(r.code).toBe(0)
    expect(totalsOf(r.lines)).toMatchObject({ delivered: 2, skipped: 1 })
  })

  it('1 when an event fails', () => {
    const r = cli(['replay', ...noCreate, '-'], failing)
    expect(r.lines[0]).toMatchObject({ outcome: { status: 'failed', code: 'attribute_not_found' } })
    expect(totalsOf(r.lines)).toMatchObject({ failed: 1 })
    expect(r.code).toBe(1)
  })

  it('1 when an event is invalid (not_sent with an invalid mapping)', () => {
    const r = cli(['replay', '-'], invalid)
    expect(r.lines[1]).toMatchObject({
      outcome: { status: 'not_sent', mapping: { status: 'invalid' } },
    })
    expect(totalsOf(r.lines)).toMatchObject({ delivered: 1, invalid: 1, skipped: 0 })
    expect(r.code).toBe(1)
  })

  it('1 when an event is still `retry` after its retries, however many rounds', () => {
    for (const retries of ['0', '1', '3']) {
      const r = cli(['replay', '--retries', retries, '-'], undelivered)
      expect(r.lines[0]).toMatchObject({
        attempts: Number(retries) + 1,
        outcome: { status: 'retry', code: 'contact_not_found' },
      })
      expect(totalsOf(r.lines)).toMatchObject({ undelivered: 1 })
      expect(r.code).toBe(1)
    }
  })

  it('1 when a line is not JSON; the other lines are delivered', () => {
    const r = cli(['replay', '-'], unreadable)
    expect(r.lines.slice(0, 2)).toMatchObject([
      { line: 1, outcome: { status: 'delivered' } },
      { line: 2, status: 'unreadable' },
    ])
    expect(r.stderr).toContain('stdin line 2: not JSON')
    expect(r.code).toBe(1)
  })

  it('--exit-zero exits 0 with the same output', () => {
    for (const [args, input] of [
      [noCreate, failing],
      [[], invalid],
      [[], undelivered],
      [[], unreadable],
    ] as const) {
      const strict = cli(['replay', ...args, '-'], input)
      const lenient = cli(['replay', ...args, '--exit-zero', '-'], input)
      expect(strict.code).toBe(1)
      expect(lenient.code).toBe(0)
      expect(lenient.stdout).toBe(strict.stdout)
    }
  })
})

describe('map exit codes', () => {
  it('0 when every event is mapped or skipped', () => {
    const r = cli(['map', '-'], ndjson([identify('u'), { type: 'screen', userId: 'u', name: 'S' }]))
    expect(totalsOf(r.lines)).toMatchObject({ mapped: 1, skipped: 1 })
    expect(r.code).toBe(0)
  })

  it('1 when an event is invalid, for every target', () => {
    for (const target of ['rest', 'messenger', 'mobile']) {
      const r = cli(['map', '--target', target, '-'], invalid)
      expect(r.lines[1]).toMatchObject({ line: 2, status: 'invalid' })
      expect(totalsOf(r.lines)).toMatchObject({ invalid: 1 })
      expect(r.code).toBe(1)
      expect(cli(['map', '--target', target, '--exit-zero', '-'], invalid).code).toBe(0)
    }
  })

  it('1 when a line is not JSON', () => {
    const r = cli(['map', '-'], unreadable)
    expect(r.lines.map((l) => l.status)).toEqual(['mapped', 'unreadable', undefined])
    expect(r.code).toBe(1)
  })

  it('an event the replay would not deliver still maps: map exits 0 for it', () => {
    // Mapping cannot know the contact is missing: only delivery finds out.
    expect(cli(['map', '-'], undelivered).code).toBe(0)
  })
})
