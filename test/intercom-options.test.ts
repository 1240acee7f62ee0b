import { describe, expect, it } from 'vitest'
import {
  MESSENGER_OPTIONS,
  MOBILE_OPTIONS,
  REST_OPTIONS,
  type UnsentOptions,
} from '../src/intercom-options.js'
import { toMessenger } from '../src/messenger/to-messenger.js'
import { toMobile } from '../src/mobile/to-mobile.js'
import type { IntercomOptions } from '../src/normalize/model.js'
import { toRest } from '../src/rest/to-rest.js'
import { ALL_OPTIONS } from '../src/unsent.js'

const reason = (row: UnsentOptions, k: keyof IntercomOptions) =>
  typeof row === 'string' ? row : row[k]
const sent = (row: UnsentOptions) => ALL_OPTIONS.filter((k) => reason(row, k) === undefined)

describe('which Intercom options each target sends', () => {
  it('is the documented table', () => {
    const table = (rows: Record<string, UnsentOptions>) =>
      Object.fromEntries(Object.entries(rows).map(([call, row]) => [call, sent(row)]))
    expect(table(MESSENGER_OPTIONS)).toEqual({
      page: ['hideDefaultLauncher'],
      identify: ALL_OPTIONS,
      group: ['userHash', 'userJwt', 'hideDefaultLauncher'],
      groupWithoutUser: ['hideDefaultLauncher'],
      groupNothingSent: [],
      track: [],
      reset: ['hideDefaultLauncher'],
    })
    expect(table(MOBILE_OPTIONS)).toEqual({
      identify: ['userHash', 'unsubscribedFromEmails', 'languageOverride'],
      identifyUnidentified: ['unsubscribedFromEmails', 'languageOverride'],
      track: [],
      group: [],
      reset: [],
    })
    expect(table(REST_OPTIONS)).toEqual({
      identify: ['unsubscribedFromEmails'],
      track: [],
      group: [],
    })
  })

  const options = {
    user_hash: 'h',
    userJwt: 'j',
    hideDefaultLauncher: true,
    unsubscribedFromEmails: false,
    languageOverride: 'fr',
  }
  const pathOf = {
    userHash: 'integrations.Intercom.user_hash',
    userJwt: 'integrations.Intercom.userJwt',
    hideDefaultLauncher: 'integrations.Intercom.hideDefaultLauncher',
    unsubscribedFromEmails: 'integrations.Intercom.unsubscribedFromEmails',
    languageOverride: 'integrations.Intercom.languageOverride',
  }
  const unsentPaths = (row: UnsentOptions) =>
    ALL_OPTIONS.filter((k) => reason(row, k) !== undefined).map((k) => pathOf[k])
  const warnedPaths = (r: { warnings: { code: string; path: string }[] }) =>
    r.warnings.filter((w) => w.code === 'unsupported_field').map((w) => w.path)

  it('is what the encoders warn about, option by option', () => {
    const event = {
      type: 'track',
      userId: 'u1',
      event: 'Signed Up',
      timestamp: '2020-01-01T00:00:00Z',
      integrations: { Intercom: options },
    }
    expect(warnedPaths(toMessenger(event, { settings: { appId: 'a' } }))).toEqual(
      unsentPaths(MESSENGER_OPTIONS.track),
    )
    expect(warnedPaths(toMobile(event))).toEqual(unsentPaths(MOBILE_OPTIONS.track))
    expect(warnedPaths(toRest(event))).toEqual(unsentPaths(REST_OPTIONS.track))
    const identify = { ...event, type: 'identify' }
    expect(warnedPaths(toMobile(identify))).toEqual(unsentPaths(MOBILE_OPTIONS.identify))
    expect(warnedPaths(toRest(identify))).toEqual(unsentPaths(REST_OPTIONS.identify))
    expect(warnedPaths(toMessenger(identify, { settings: { appId: 'a' } }))).toEqual([])
  })
})
