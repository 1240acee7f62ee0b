// Runtime: every code the library hands back — from arbitrary events through every
// target and delivered against the emulator, and from hand-written edge cases — is in
// its table (src/codes.ts); and the edge cases reach every code of every table, so each
// documented code is one the library really emits.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as arb from '../src/arbitraries/index.js'
import {
  deliver,
  deliverAll,
  INPUT_ERROR_CODES,
  type IntercomResponse,
  type KnownState,
  type MapOptions,
  normalize,
  OUTCOME_CODES,
  parseEvent,
  resolveSettings,
  type Send,
  type Settings,
  SKIP_REASONS,
  toMessenger,
  toMobile,
  toRest,
  WARNING_CODES,
} from '../src/index.js'
import type { EmulatorOptions } from '../src/testing/index.js'
import { createIntercomEmulator } from '../src/testing/index.js'

type Kind = 'warning' | 'inputError' | 'skipReason' | 'outcome'
const TABLES: Record<Kind, Readonly<Record<string, string>>> = {
  warning: WARNING_CODES,
  inputError: INPUT_ERROR_CODES,
  skipReason: SKIP_REASONS,
  outcome: OUTCOME_CODES,
}

/** Every code seen, by kind. */
type Seen = Record<Kind, Set<string>>
const emptySeen = (): Seen => ({
  warning: new Set(),
  inputError: new Set(),
  skipReason: new Set(),
  outcome: new Set(),
})

/** Records the codes of any result: a mapping, a parse, settings or an outcome. */
function collect(result: unknown, seen: Seen): void {
  if (typeof result !== 'object' || result === null) return
  const r = result as Record<string, unknown>
  for (const w of (r.warnings as { code: string }[] | undefined) ?? []) seen.warning.add(w.code)
  for (const e of (r.errors as { code?: unknown }[] | undefined) ?? []) {
    // A failed outcome's `errors` are Intercom's own list, not input errors.
    if (r.status !== 'failed' && typeof e.code === 'string') seen.inputError.add(e.code)
  }
  if (r.status === 'skipped') seen.skipReason.add(r.reason as string)
  if (r.status === 'retry' || r.status === 'failed') seen.outcome.add(r.code as string)
  if (r.status === 'not_sent') collect(r.mapping, seen)
}

function outside(seen: Seen): Record<Kind, string[]> {
  const out = {} as Record<Kind, string[]>
  for (const kind of Object.keys(TABLES) as Kind[]) {
    out[kind] = [...seen[kind]].filter((code) => !Object.hasOwn(TABLES[kind], code))
  }
  return out
}

const NONE: Record<Kind, string[]> = { warning: [], inputError: [], skipReason: [], outcome: [] }
const NOW = Date.UTC(2026, 5, 1)
const SECRET_TOKEN = 'test-token'

/** Maps `event` with every entry point and target; delivers the REST mapping. */
async function everyTarget(
  event: unknown,
  options: MapOptions,
  seen: Seen,
  emulator: EmulatorOptions = {},
): Promise<void> {
  collect(parseEvent(event), seen)
  collect(resolveSettings(options.settings), seen)
  collect(normalize(event, options), seen)
  collect(toMessenger(event, options), seen)
  collect(toMessenger(event, { ...options, booted: true }), seen)
  collect(toMobile(event, options), seen)
  const rest = toRest(event, options)
  collect(rest, seen)
  const intercom = createIntercomEmulator({ token: SECRET_TOKEN, ...emulator })
  collect(await deliver(rest, authorised(intercom.send)), seen)
}

function authorised(send: Send): Send {
  return (request) =>
    send({ ...request, headers: { ...request.headers, Authorization: `Bearer ${SECRET_TOKEN}` } })
}

describe('codes seen at runtime are in the tables', () => {
  it('arbitrary events with arbitrary settings, through every target and the emulator', async () => {
    const seen = emptySeen()
    await fc.assert(
      fc.asyncProperty(
        arb.segmentEvent(),
        arb.settings(),
        fc.boolean(),
        async (event, settings, withNow) => {
          await everyTarget(event, withNow ? { settings, now: NOW } : { settings }, seen, {
            requireDefinedAttributes: false,
          })
        },
      ),
      { numRuns: 200 },
    )
    expect(outside(seen)).toEqual(NONE)
    // The run is not vacuous: arbitrary events do produce codes of each kind seen here.
    expect(seen.warning.size).toBeGreaterThan(3)
  })

  it('arbitrary values (not events) and arbitrary settings values', async () => {
    const seen = emptySeen()
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (value, settings) => {
        await everyTarget(value, { settings: settings as Settings }, seen)
      }),
      { numRuns: 200 },
    )
    expect(outside(seen)).toEqual(NONE)
    expect(seen.inputError.size).toBeGreaterThan(0)
  })
})

// ---- Hand-written edge cases that, together, reach every code ----

const LONG = 'x'.repeat(300)
const user = { userId: 'u1', timestamp: '2026-05-01T00:00:00Z' }
const identify = (traits: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'identify',
  ...user,
  traits,
  ...extra,
})
const track = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'track',
  ...user,
  event: 'Order Completed',
  properties,
  ...extra,
})

/** [event, options] pairs mapped with every target (emulator: permissive attributes). */
const EDGE_EVENTS: [unknown, MapOptions][] = [
  // Warnings.
  [identify({ plan: 'pro' }, { userId: 42 }), {}], // converted
  [identify({ trial_ends_at: '2026-07-01T00:00:00Z' }), {}], // date_converted
  [identify({ createdAt: '1388534400' }), {}], // ambiguous_date
  [identify({ company: 5 }), {}], // dropped_company
  [identify({ bio: LONG }), { settings: { longValues: 'drop' } }], // dropped_long
  [identify({ bio: LONG }), {}], // truncated
  [identify({ address: { city: 'Paris' } }), { settings: { nestedValues: 'drop' } }], // dropped_nested
  [identify({ address: { city: 'Paris' } }), {}], // flattened
  [identify({ address: { city: 'Paris' } }), { settings: { nestedValues: 'stringify' } }], // stringified
  [track({ note: null }), {}], // dropped_value
  [identify({}, { timestamp: 'not a date' }), {}], // invalid_date
  [identify({ ' ': 1 }), {}], // invalid_key
  [identify({}), { known: { version: 2 } as unknown as KnownState }], // invalid_known_state
  [track({ revenue: 'lots' }), {}], // invalid_revenue
  [track({ shipping: { amount: 4.5, currency: 'usd' } }), {}], // invalid_monetary_amount
  [track({ article: 'x' }), { settings: { richLinkProperties: ['article'] } }], // invalid_rich_link
  [identify({ 'a.b': 1, a_b: 2 }), {}], // renamed_key, key_collision
  [track({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }), {}], // metadata_cap
  [identify({ plan: 'pro' }, { timestamp: undefined }), {}], // no_last_seen
  [{ type: 'group', anonymousId: 'a1', groupId: 'g1', timestamp: user.timestamp }, {}], // no_user
  [track({ revenue: 10, price: 5 }), {}], // replaced
  [identify({ app_id: 'x' }), { settings: { appId: 'abc123' } }], // reserved_key
  [identify({ email_domain: 'example.com' }), {}], // reserved_name
  [identify({ anonymousId: 'a1' }), {}], // identity_trait
  [identify({ firstName: 'Ada', first_name: 'Ada' }), {}], // superseded
  [identify({}, { integrations: { Intercom: { nope: 1 } } }), {}], // unknown_option
  [identify({}), { settings: { nope: 1 } as Settings }], // unknown_setting
  [identify({}, { context: { ip: '192.0.2.1' } }), {}], // unsupported_field
  // Input errors.
  [{ type: 'group', userId: 'u1', groupId: '' }, {}], // empty
  [identify({}), { settings: { region: 'mars' } as unknown as Settings }], // invalid_setting
  [{ type: null }, {}], // missing_field
  [{ type: 'identify', anonymousId: 'a1' }, {}], // missing_identity (REST)
  [identify({}), {}], // missing_setting (Messenger without appId)
  [track({}, { timestamp: undefined }), {}], // missing_timestamp (REST)
  [5, {}], // not_an_object
  [{ type: 'purchase' }, {}], // unknown_type
  [
    new Proxy(
      {},
      {
        get() {
          throw new Error('hostile')
        },
      },
    ),
    {},
  ], // unreadable
  [{ type: 5 }, {}], // wrong_type
  // Skip reasons.
  [identify({}, { integrations: { Intercom: false } }), {}], // disabled
  [
    track({}, { event: 'Brand New' }),
    { knownEventNames: Array.from({ length: 120 }, (_, i) => `event ${i}`) },
  ], // event_name_limit
  [{ type: 'identify', anonymousId: 'a1', traits: {} }, { settings: { appId: 'abc123' } }], // no_user
  [{ type: 'page', userId: 'u1' }, {}], // unsupported_type
]

/** REST deliveries against a scripted Intercom, one outcome code each. */
const identifyU1 = identify({ plan: 'pro' })
const errorList = (code: string, message: string) => ({
  type: 'error.list',
  errors: [{ code, message }],
})
const SCRIPTED: [unknown, IntercomResponse | undefined | 'reject'][] = [
  [identifyU1, { status: 429, headers: { 'X-RateLimit-Reset': '1800000000' } }], // rate_limited
  [identifyU1, { status: 500 }], // server_error
  [identifyU1, { status: 408 }], // timeout
  [identifyU1, { status: 401, body: errorList('unauthorized', 'Access Token Invalid') }],
  [identifyU1, { status: 403, body: errorList('forbidden', 'Forbidden') }],
  [identifyU1, { status: 400, body: errorList('parameter_invalid', 'Email is invalid') }], // rejected
  [
    track({}, { event: 'New' }),
    {
      status: 400,
      body: errorList('parameter_invalid', 'Cannot have more than 120 active event names'),
    },
  ], // event_name_limit
  [track({}), { status: 404, body: errorList('not_found', 'User Not Found') }], // contact_not_found
  [identifyU1, undefined], // unexpected_response
  [identifyU1, 'reject'], // transport_error
]

describe('hand-written edge cases', () => {
  it('reach every code of every table, and no code outside them', async () => {
    const seen = emptySeen()
    for (const [event, options] of EDGE_EVENTS) {
      await everyTarget(event, { ...options }, seen, { requireDefinedAttributes: false })
    }
    for (const [event, response] of SCRIPTED) {
      const send: Send = async () => {
        if (response === 'reject') throw new Error('ECONNRESET')
        return response as IntercomResponse
      }
      collect(await deliver(toRest(event, { now: NOW }), send), seen)
    }
    // 409 without the existing contact's id: conflict. The search finds nobody first.
    const conflict: Send = async (request) =>
      request.path === '/contacts/search'
        ? { status: 200, body: { type: 'list', data: [], total_count: 0 } }
        : {
            status: 409,
            body: errorList('conflict', 'A contact matching those details already exists'),
          }
    collect(await deliver(toRest(identifyU1, { now: NOW }), conflict), seen)
    // An exchange that throws (a library bug) is internal_error.
    const broken = {
      status: 'mapped' as const,
      exchange(): never {
        throw new Error('bug')
      },
    }
    collect(await deliver(broken, async () => ({ status: 200 })), seen)
    // Custom attributes Intercom does not know: dropped, created or failed.
    const custom = identify({ plan: 'pro' })
    for (const unknownAttributes of ['drop', 'create', 'fail'] as const) {
      const intercom = createIntercomEmulator({ token: SECRET_TOKEN })
      const rest = toRest(custom, { now: NOW, settings: { unknownAttributes } })
      // dropped_attribute / attribute_created / attribute_not_found
      collect(await deliver(rest, authorised(intercom.send)), seen)
    }
    // A create answered without the contact's id, when nothing follows: incomplete_response.
    const noId: Send = async (request) =>
      request.path === '/contacts/search'
        ? { status: 200, body: { type: 'list', data: [], total_count: 0 } }
        : { status: 200, body: { type: 'contact' } }
    collect(await deliver(toRest(identifyU1, { now: NOW }), noId), seen)
    // Detaching: a company Intercom does not know, then one the user is not attached to.
    const intercom = createIntercomEmulator({
      token: SECRET_TOKEN,
      requireDefinedAttributes: false,
    })
    const send = authorised(intercom.send)
    const group = (userId: string, remove: boolean) => ({
      type: 'group',
      userId,
      groupId: 'g1',
      timestamp: user.timestamp,
      traits: { name: 'Acme', ...(remove ? { remove: true } : {}) },
    })
    const detachUnknown = identify({ company: { id: 'nowhere', remove: true } }, { userId: 'u2' })
    collect(await deliver(toRest(detachUnknown, { now: NOW }), send), seen) // company_not_found
    for (const event of [identify({}), group('u1', false), group('u2', true)]) {
      collect(await deliver(toRest(event, { now: NOW }), send), seen) // not_attached
    }
    const stopped = new AbortController()
    stopped.abort()
    const run = await deliverAll([identifyU1], { now: NOW, send, signal: stopped.signal })
    for (const r of run.results) collect(r.outcome, seen) // aborted

    expect(outside(seen)).toEqual(NONE)
    const missing = {} as Record<Kind, string[]>
    for (const kind of Object.keys(TABLES) as Kind[]) {
      missing[kind] = Object.keys(TABLES[kind]).filter((code) => !seen[kind].has(code))
    }
    expect(missing).toEqual(NONE)
  })
})
