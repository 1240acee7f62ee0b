/**
 * `segment-intercom/arbitraries`: fast-check arbitraries for Segment spec events and
 * settings, for property tests of this library and of your own integrations. They
 * generate what real sources send — and the awkward cases: numeric ids, nested traits,
 * keys with `.` and `$`, strings past 255 characters with emoji at the edge, dates in
 * every accepted format, revenue as floats and text.
 *
 * fast-check is an optional peer dependency of the package: install it
 * (`npm i -D fast-check`) to import this subpath. `segment-intercom/testing` (the
 * emulator and transports) does not need it.
 * @module
 */
import * as fc from 'fast-check'
import type {
  AliasEvent,
  GroupEvent,
  IdentifyEvent,
  PageEvent,
  ResetEvent,
  ScreenEvent,
  SegmentEvent,
  SegmentValue,
  TrackEvent,
} from '../event/types.js'
import type { Settings } from '../settings/types.js'

const MIN_DATE = new Date('1970-01-02T00:00:00.000Z')
const MAX_DATE = new Date('2100-01-01T00:00:00.000Z')

/** A valid instant between 1970 and 2100. */
const instant = fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true })

/**
 * A date as Segment sources send it: ISO 8601, `Date.prototype.toString()` text in
 * UTC (the Segment doc's own example), epoch seconds, epoch milliseconds, or a `Date`.
 */
export function segmentDate(): fc.Arbitrary<string | number | Date> {
  return fc.oneof(
    instant.map((d) => d.toISOString()),
    instant.map((d) => d.toUTCString()),
    instant.map((d) => toStringUtc(d)),
    instant.map((d) => Math.floor(d.getTime() / 1000)),
    instant.map((d) => d.getTime()),
    instant,
  )
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** `Date.prototype.toString()` as a host in UTC prints it, whatever the real host zone. */
function toStringUtc(d: Date): string {
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`
}

/** Text, sometimes longer than Intercom's 255 characters, with emoji around the cut. */
export function text(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 250, max: 300 }), fc.constantFrom('a', 'é', '😀', '👩‍👩‍👧'))
        .map(([n, ch]) => 'x'.repeat(n - 1) + ch.repeat(3)),
    },
  )
}

/** An attribute key, sometimes with characters Intercom forbids (`.`, `$`, …). */
export function attributeKey(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,11}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'plan.tier',
        '$revenue',
        'a.b.c',
        'cost$',
        'x"y',
        'trial_ends_at',
        'renewalDate',
      ),
    },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
  )
}

/** A leaf value of traits or properties. */
export function leafValue(): fc.Arbitrary<SegmentValue> {
  return fc.oneof(
    { weight: 4, arbitrary: text() },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: instant.map((d) => d.toISOString()) },
  )
}

/** A trait or property value: a leaf, or an object or array of leaves (two levels at most). */
export function traitValue(): fc.Arbitrary<SegmentValue> {
  const { value } = fc.letrec<{ value: SegmentValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: leafValue() },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.dictionary(attributeKey(), tie('value'), { maxKeys: 3 }) },
    ),
  }))
  return value
}

/** Custom traits or properties. */
export function customFields(): fc.Arbitrary<Record<string, SegmentValue>> {
  return fc.dictionary(attributeKey(), traitValue(), { maxKeys: 8 })
}

/** A company trait: an object with Intercom's company fields and custom ones, or a bare name. */
export function company(): fc.Arbitrary<string | Record<string, SegmentValue>> {
  const fields = fc.record(
    {
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.nat()),
      name: text(),
      plan: fc.string({ maxLength: 10 }),
      monthlySpend: fc.oneof(
        fc.integer({ min: 0, max: 100000 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
      ),
      employees: fc.nat({ max: 100000 }),
      website: fc.webUrl(),
      industry: fc.string({ maxLength: 10 }),
      createdAt: segmentDate(),
      remove: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  return fc.oneof(
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
    {
      weight: 3,
      arbitrary: fc.tuple(fields, customFields()).map(([f, custom]) => ({ ...custom, ...f })),
    },
  )
}

const userId = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 16 }) },
  { weight: 1, arbitrary: fc.nat() },
)
const email = fc.emailAddress()

const intercomOptions = fc.record(
  {
    user_hash: fc.stringMatching(/^[0-9a-f]{64}$/),
    hideDefaultLauncher: fc.boolean(),
    unsubscribedFromEmails: fc.boolean(),
    languageOverride: fc.constantFrom('en', 'fr', 'de'),
  },
  { requiredKeys: [] },
)

const context = fc.record(
  {
    ip: fc.ipV4(),
    userAgent: fc.constantFrom('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5)', 'curl/8.0'),
    active: fc.boolean(),
    traits: fc.record({ email }, { requiredKeys: [] }),
    device: fc.record(
      {
        type: fc.constantFrom('ios', 'android'),
        manufacturer: fc.constantFrom('Apple', 'Google'),
        model: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    ),
    os: fc.record(
      { name: fc.constantFrom('iOS', 'Android'), version: fc.constantFrom('17.1', '14') },
      { requiredKeys: [] },
    ),
    app: fc.record(
      { name: fc.string({ maxLength: 8 }), version: fc.constantFrom('1.0.0', '2.3') },
      { requiredKeys: [] },
    ),
    Intercom: intercomOptions,
  },
  { requiredKeys: [] },
)

const integrations = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ Intercom: intercomOptions }) },
  {
    weight: 1,
    arbitrary: fc.record(
      { All: fc.boolean(), Intercom: fc.oneof(fc.boolean(), intercomOptions) },
      { requiredKeys: ['All'] },
    ),
  },
)

/** Fields common to every call; `userId` sometimes a number (sources do send them). */
function common() {
  return fc.record(
    {
      userId,
      anonymousId: fc.uuid(),
      messageId: fc.uuid(),
      timestamp: segmentDate(),
      context,
      integrations,
    },
    { requiredKeys: ['timestamp'] },
  )
}

function drop<T extends object>(o: T): T {
  const out = {} as T
  for (const k in o) if (o[k] !== undefined) out[k] = o[k]
  return out
}

/** An `identify` with special traits (email, names, createdAt, company, companies) and custom ones. */
export function identifyEvent(): fc.Arbitrary<IdentifyEvent> {
  const special = fc.record(
    {
      email,
      name: text(),
      firstName: fc.string({ maxLength: 10 }),
      lastName: fc.string({ maxLength: 10 }),
      phone: fc.string({ maxLength: 12 }),
      avatar: fc.webUrl(),
      createdAt: segmentDate(),
      company: company(),
      companies: fc.array(company(), { maxLength: 3 }),
      lastRequestAt: segmentDate(),
    },
    { requiredKeys: [] },
  )
  return fc
    .tuple(common(), special, customFields())
    .map(
      ([c, s, custom]) =>
        drop({ ...c, type: 'identify', traits: { ...custom, ...s } }) as IdentifyEvent,
    )
}

/** A `track` whose properties may carry revenue, total, currency and a raw price. */
export function trackEvent(): fc.Arbitrary<TrackEvent> {
  const money = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
    fc.integer({ min: 0, max: 10_000_000 }).map((c) => `$${(c / 100).toFixed(2)}`),
    fc.constantFrom(-5, Number.NaN, 'free', 0.1 + 0.2, 19.99),
  )
  const special = fc.record(
    {
      revenue: money,
      total: money,
      currency: fc.constantFrom('usd', 'EUR', 'gbp'),
      price: fc.double({ min: 0, max: 1000, noNaN: true }),
      email,
      link: fc.oneof(
        fc.record({ url: fc.webUrl(), value: fc.string({ maxLength: 20 }) }),
        fc.record({ url: fc.webUrl(), value: fc.string(), extra: fc.nat() }),
      ),
    },
    { requiredKeys: [] },
  )
  return fc
    .tuple(common(), fc.string({ minLength: 1, maxLength: 30 }), special, customFields())
    .map(
      ([c, event, s, custom]) =>
        drop({ ...c, type: 'track', event, properties: { ...custom, ...s } }) as TrackEvent,
    )
}

/** A `page`. */
export function pageEvent(): fc.Arbitrary<PageEvent> {
  return fc
    .tuple(common(), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), customFields())
    .map(([c, name, properties]) => drop({ ...c, type: 'page', name, properties }) as PageEvent)
}

/** A `screen`. */
export function screenEvent(): fc.Arbitrary<ScreenEvent> {
  return fc
    .tuple(common(), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }))
    .map(([c, name]) => drop({ ...c, type: 'screen', name }) as ScreenEvent)
}

/** A `group` with company traits. */
export function groupEvent(): fc.Arbitrary<GroupEvent> {
  return fc.tuple(common(), fc.string({ minLength: 1, maxLength: 12 }), company()).map(
    ([c, groupId, traits]) =>
      drop({
        ...c,
        type: 'group',
        groupId,
        traits: typeof traits === 'string' ? { name: traits } : traits,
      }) as GroupEvent,
  )
}

/** An `alias`. */
export function aliasEvent(): fc.Arbitrary<AliasEvent> {
  return fc
    .tuple(common(), fc.string({ minLength: 1, maxLength: 12 }))
    .map(([c, previousId]) => drop({ ...c, type: 'alias', previousId }) as AliasEvent)
}

/** The device-mode `reset`. */
export function resetEvent(): fc.Arbitrary<ResetEvent> {
  return fc.constant({ type: 'reset' } as ResetEvent)
}

/** Any Segment event this library understands, identify and track most often. */
export function segmentEvent(): fc.Arbitrary<SegmentEvent> {
  return fc.oneof(
    { weight: 4, arbitrary: identifyEvent() },
    { weight: 4, arbitrary: trackEvent() },
    { weight: 2, arbitrary: groupEvent() },
    { weight: 1, arbitrary: pageEvent() },
    { weight: 1, arbitrary: screenEvent() },
    { weight: 1, arbitrary: aliasEvent() },
    { weight: 1, arbitrary: resetEvent() },
  )
}

/** Valid settings, every key optional. */
export function settings(): fc.Arbitrary<Settings> {
  return fc.record(
    {
      appId: fc.stringMatching(/^[a-z0-9]{8}$/),
      collectContext: fc.boolean(),
      richLinkProperties: fc.constantFrom([], ['link'], ['link', 'doc']),
      apiVersion: fc.constantFrom('1.4', '2.11', '2.16'),
      region: fc.constantFrom('us' as const, 'eu' as const, 'au' as const),
      maxEventProperties: fc.integer({ min: 0, max: 10 }),
      nestedValues: fc.constantFrom('flatten' as const, 'stringify' as const, 'drop' as const),
      longValues: fc.constantFrom('truncate' as const, 'drop' as const),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Settings>
}

// Envelopes as Segment's SDKs and pipelines send them (built from test/fixtures/sdk/).
export {
  analyticsAndroidEvent,
  analyticsIosEvent,
  analyticsJsEvent,
  analyticsNodeEvent,
  isoDateText,
  personasEvent,
  realEvent,
  warehouseSyncEvent,
} from './sdk-envelopes.js'
