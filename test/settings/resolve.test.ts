import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalize } from '../../src/normalize/normalize.js'
import { toRest } from '../../src/rest/to-rest.js'
import {
  DEFAULT_SETTINGS,
  isSupportedApiVersion,
  resolveSettings,
} from '../../src/settings/resolve.js'
import type { Settings } from '../../src/settings/types.js'
import { deepFreeze } from '../helpers/freeze.js'

const DEFAULTS = {
  appId: undefined,
  mobileApiKey: undefined,
  customInboxButtonSelector: '#IntercomDefaultWidget',
  collectContext: false,
  richLinkProperties: [],
  apiVersion: '2.16',
  region: 'us',
  maxEventProperties: 5,
  nestedValues: 'flatten',
  nestedValuesByKey: {},
  longValues: 'truncate',
  unknownAttributes: 'drop',
  createMissingAttributes: false,
}

function errorsOf(input: unknown): { code: string; path: string }[] {
  const r = resolveSettings(input)
  if (r.ok) throw new Error('expected errors')
  return r.errors.map(({ code, path }) => ({ code, path }))
}

describe('resolveSettings: defaults (DESIGN.md §3.2)', () => {
  it('uses the documented defaults when no settings are given', () => {
    expect(resolveSettings(undefined)).toEqual({ ok: true, settings: DEFAULTS, warnings: [] })
    expect(DEFAULT_SETTINGS).toEqual(DEFAULTS)
  })

  it('uses the defaults for an empty object and for keys set to undefined', () => {
    expect(resolveSettings({})).toEqual({ ok: true, settings: DEFAULTS, warnings: [] })
    expect(resolveSettings({ region: undefined, apiVersion: undefined })).toEqual({
      ok: true,
      settings: DEFAULTS,
      warnings: [],
    })
  })

  it('keeps the shared defaults frozen', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true)
    expect(Object.isFrozen(DEFAULT_SETTINGS.richLinkProperties)).toBe(true)
    expect(Object.isFrozen(DEFAULT_SETTINGS.nestedValuesByKey)).toBe(true)
  })
})

describe('resolveSettings: valid values', () => {
  it('applies every documented key over the defaults', () => {
    const input = deepFreeze({
      appId: '9iefb489',
      mobileApiKey: 'ios_sdk-abc',
      customInboxButtonSelector: '#my-button',
      collectContext: true,
      richLinkProperties: ['article', 'video'],
      apiVersion: '1.4',
      region: 'eu' as const,
      maxEventProperties: 10,
      nestedValues: 'stringify' as const,
      nestedValuesByKey: { address: 'drop' as const, tags: 'flatten' as const },
      longValues: 'drop' as const,
      unknownAttributes: 'fail' as const,
      createMissingAttributes: true,
    })
    expect(resolveSettings(input)).toEqual({ ok: true, settings: input, warnings: [] })
  })

  it("reads createMissingAttributes: true as unknownAttributes 'create', unless that is given", () => {
    const settingsOf = (input: Settings) => {
      const r = resolveSettings(input)
      return r.ok ? r.settings.unknownAttributes : r.errors
    }
    expect(settingsOf({ createMissingAttributes: true })).toBe('create')
    expect(settingsOf({ createMissingAttributes: false })).toBe('drop')
    expect(settingsOf({ createMissingAttributes: true, unknownAttributes: 'drop' })).toBe('drop')
    expect(settingsOf({ unknownAttributes: 'fail' })).toBe('fail')
  })

  it.each(['us', 'eu', 'au'])('accepts region %s', (region) => {
    const r = resolveSettings({ region })
    expect(r.ok && r.settings.region).toBe(region)
  })

  it('accepts 1.4 and any 2.x version, and nothing else', () => {
    for (const v of ['1.4', '2.0', '2.7', '2.11', '2.16', '2.99']) {
      expect(isSupportedApiVersion(v)).toBe(true)
    }
    for (const v of ['', '1.3', '1.0', '2', '2.', '2.x', '3.0', 'Unstable', ' 2.16', '2.16 ']) {
      expect(isSupportedApiVersion(v)).toBe(false)
    }
  })

  it('accepts exactly the texts 1.4 and 2.<digits> (the code-unit scan against its definition)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.stringMatching(/^[12][.,]?[0-9a٣ \n]{0,4}$/),
    )
    fc.assert(
      fc.property(text, (v) => {
        expect(isSupportedApiVersion(v)).toBe(v === '1.4' || /^2\.[0-9]+$/.test(v))
      }),
    )
  })

  it('accepts maxEventProperties of 0 (send no metadata)', () => {
    const r = resolveSettings({ maxEventProperties: 0 })
    expect(r.ok && r.settings.maxEventProperties).toBe(0)
  })
})

describe('resolveSettings: wrong types are errors at settings.<key>', () => {
  it.each([
    ['appId', 42],
    ['appId', ''],
    ['mobileApiKey', null],
    ['customInboxButtonSelector', '   '],
    ['customInboxButtonSelector', 5],
    ['collectContext', 'true'],
    ['collectContext', 1],
    ['richLinkProperties', 'article'],
    ['richLinkProperties', ['article', 3]],
    ['apiVersion', 2.16],
    ['apiVersion', '3.0'],
    ['region', 'mars'],
    ['region', 'EU'],
    ['maxEventProperties', -1],
    ['maxEventProperties', 2.5],
    ['maxEventProperties', '5'],
    ['maxEventProperties', Number.NaN],
    ['nestedValues', 'explode'],
    ['nestedValuesByKey', 'drop'],
    ['nestedValuesByKey', ['drop']],
    ['longValues', 'wrap'],
    ['unknownAttributes', 'ignore'],
    ['createMissingAttributes', 'yes'],
  ])('%s = %j', (key, value) => {
    expect(errorsOf({ [key]: value })).toEqual([
      { code: 'invalid_setting', path: `settings.${key}` },
    ])
  })

  it('names the expected value and the value given', () => {
    const r = resolveSettings({ region: 'mars' })
    expect(!r.ok && r.errors[0]?.message).toBe(
      `settings.region must be one of 'us', 'eu', 'au', got "mars"`,
    )
  })

  it('points a bad per-key nested mode at its own path', () => {
    expect(errorsOf({ nestedValuesByKey: { address: 'flatten', tags: 'explode' } })).toEqual([
      { code: 'invalid_setting', path: 'settings.nestedValuesByKey.tags' },
    ])
  })

  it('reports each bad per-key nested mode, naming the modes and the value', () => {
    const r = resolveSettings({ nestedValuesByKey: { a: 'explode', b: 'drop', c: 3 } })
    expect(!r.ok && r.errors).toEqual([
      {
        code: 'invalid_setting',
        path: 'settings.nestedValuesByKey.a',
        message: `settings.nestedValuesByKey.a must be one of 'flatten', 'stringify', 'drop', got "explode"`,
      },
      {
        code: 'invalid_setting',
        path: 'settings.nestedValuesByKey.c',
        message: `settings.nestedValuesByKey.c must be one of 'flatten', 'stringify', 'drop', got number`,
      },
    ])
  })

  it('says what settings that are not an object are', () => {
    const r = resolveSettings([])
    expect(!r.ok && r.errors[0]?.message).toBe('settings must be an object, got an array')
  })

  it('reports every bad key at once', () => {
    expect(errorsOf({ region: 'mars', longValues: 1, appId: 'ok' })).toEqual([
      { code: 'invalid_setting', path: 'settings.region' },
      { code: 'invalid_setting', path: 'settings.longValues' },
    ])
  })

  it.each([null, 'eu', 3, [], [{ region: 'eu' }]])(
    'rejects settings that are not an object (%j)',
    (input) => {
      expect(errorsOf(input)).toEqual([{ code: 'wrong_type', path: 'settings' }])
    },
  )
})

describe('resolveSettings: unknown keys are warnings', () => {
  it('warns about each unknown key and still resolves', () => {
    expect(resolveSettings({ region: 'au', apiKey: 'x', maxProperties: 10 })).toEqual({
      ok: true,
      settings: { ...DEFAULTS, region: 'au' },
      warnings: [
        {
          code: 'unknown_setting',
          path: 'settings.apiKey',
          message: 'Unknown setting "apiKey" is ignored',
        },
        {
          code: 'unknown_setting',
          path: 'settings.maxProperties',
          message: 'Unknown setting "maxProperties" is ignored',
        },
      ],
    })
  })

  it('keeps unknown-key warnings next to the errors', () => {
    const r = resolveSettings({ regoin: 'eu', region: 'mars' })
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid_setting', path: 'settings.region' }],
      warnings: [{ code: 'unknown_setting', path: 'settings.regoin' }],
    })
  })
})

describe('settings through the mapping functions', () => {
  const identify = { type: 'identify', userId: 'u1', timestamp: '2020-01-01T00:00:00Z' }

  it('makes the mapping invalid at settings.<key>', () => {
    const r = toRest(identify, { settings: { region: 'mars' as 'us' } })
    expect(r.status).toBe('invalid')
    expect(r.status === 'invalid' && r.errors.map((e) => [e.code, e.path])).toEqual([
      ['invalid_setting', 'settings.region'],
    ])
    expect(normalize(identify, { settings: { maxEventProperties: -3 } })).toMatchObject({
      status: 'invalid',
      errors: [{ code: 'invalid_setting', path: 'settings.maxEventProperties' }],
    })
  })

  it('carries unknown-key warnings into the mapping', () => {
    const r = toRest(identify, {
      settings: { apiVersion: '1.4', colour: 'blue' } as { apiVersion: string },
    })
    expect(r.status).toBe('mapped')
    expect(r.warnings).toContainEqual({
      code: 'unknown_setting',
      path: 'settings.colour',
      message: 'Unknown setting "colour" is ignored',
    })
  })

  it('does not mutate the settings object', () => {
    const settings = deepFreeze({ apiVersion: '1.4', richLinkProperties: ['a'] })
    expect(toRest(identify, { settings }).status).toBe('mapped')
  })
})
