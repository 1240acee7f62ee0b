/**
 * Arbitraries for the events Segment's SDKs and pipelines really send, built from the
 * envelopes recorded in `test/fixtures/sdk/` (captured from `@segment/analytics-node` and
 * `@segment/analytics-next`, written from the wire format of analytics-android and
 * analytics-ios, and from Segment's documentation of Engage/Personas and Reverse ETL).
 *
 * Where {@link segmentEvent} explores the spec's edge cases, these reproduce what a source
 * adds around them: the library's `context`, `traits` the SDK merges in (analytics-android
 * copies `anonymousId` and `userId` into every identify's traits), dates of every ISO
 * precision down to a bare year (`"2014"`), epoch numbers, and traits named like
 * Intercom's own fields (`external_id`, `role`, `owner_id`, …) from warehouse syncs.
 * @module
 */
import * as fc from 'fast-check'
import type {
  GroupEvent,
  IdentifyEvent,
  SegmentEvent,
  SegmentValue,
  TrackEvent,
} from '../event/types.js'

type Fields = Record<string, SegmentValue | undefined>

// 2001-09-09 … 2033-05-18: epoch milliseconds with 13 digits, as the SDKs' ids embed them.
const MIN_MS = 1_000_000_000_000
const MAX_MS = 1_999_999_999_999
const epochMs = fc.integer({ min: MIN_MS, max: MAX_MS })

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * The envelope as an event: SDKs add fields the spec types do not name (`_metadata`,
 * `writeKey`, `sentAt`, `channel`); they stay on the object, as they arrive in production.
 */
const envelope = (fields: Record<string, unknown>): SegmentEvent =>
  fields as unknown as SegmentEvent

/** ISO 8601 text of an instant at one precision, as one source or another writes it. */
function isoAt(ms: number, precision: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000)
  const date = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())]
  const time = [pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds())]
  const zone =
    offsetMinutes === 0
      ? 'Z'
      : `${offsetMinutes > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  const millis = pad(d.getUTCMilliseconds(), 3)
  switch (precision) {
    case 0:
      return String(date[0]) // "2014": segmentio/isodate parses a bare year
    case 1:
      return `${date[0]}-${date[1]}`
    case 2:
      return date.join('-')
    case 3:
      return `${date.join('-')}T${time[0]}:${time[1]}${zone}`
    case 4:
      return `${date.join('-')}T${time.join(':')}${zone}`
    case 5:
      return `${date.join('-')}T${time.join(':')}.${millis}${zone}`
    case 6:
      // Microseconds (warehouses) and nanoseconds (analytics-android's nanosecondTimestamps).
      return `${date.join('-')}T${time.join(':')}.${millis}${pad(ms % 997, 3)}${zone}`
    case 7:
      return `${date.join('-')}T${time.join(':')}.${millis}${pad(ms % 997, 3)}${pad(ms % 991, 3)}Z`
    case 8:
      // A warehouse TIMESTAMP column as text: space separator, no zone.
      return `${date.join('-')} ${time.join(':')}`
    default:
      return `${date.join('-')}T${time.join(':')}`
  }
}

const offsets = fc.constantFrom(0, 0, 0, 60, -300, 330, 765)

/**
 * A date as ISO 8601 text of any precision: a bare year (`"2014"`), year-month, a day,
 * minutes, seconds, milliseconds, micro- or nanoseconds, with `Z`, an offset or no zone,
 * and the warehouse form `"2024-03-04 22:13:09"`.
 */
export function isoDateText(): fc.Arbitrary<string> {
  return fc
    .tuple(epochMs, fc.integer({ min: 0, max: 9 }), offsets)
    .map(([ms, precision, offset]) => isoAt(ms, precision, offset))
}

/** A date as a source sends it in traits: ISO text of any precision, or epoch seconds or ms. */
function traitDate(): fc.Arbitrary<string | number> {
  return fc.oneof(
    { weight: 4, arbitrary: isoDateText() },
    { weight: 1, arbitrary: epochMs.map((ms) => Math.floor(ms / 1000)) },
    { weight: 1, arbitrary: epochMs },
  )
}

/** The event timestamp the JavaScript and mobile SDKs write: `toISOString()`. */
const sdkTimestamp = epochMs.map((ms) => new Date(ms).toISOString())

const uuid = fc.uuid({ version: 4 })
const upperUuid = uuid.map((u) => u.toUpperCase())
const userId = fc.oneof(
  fc.nat({ max: 999_999 }).map((n) => `u_${n}`),
  uuid,
  fc.stringMatching(/^[a-z0-9]{6,24}$/),
)
const firstNames = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Zoë', 'José', '李']
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', "O'Brien", 'Núñez']
const person = fc
  .tuple(fc.constantFrom(...firstNames), fc.constantFrom(...lastNames), fc.nat({ max: 99 }))
  .map(([first, last, n]) => ({
    firstName: first,
    lastName: last,
    name: `${first} ${last}`,
    email: `${first.toLowerCase().replace(/[^a-z]/g, 'x')}.${n}@example.com`,
  }))

/** Segment's reserved `address` trait. */
const address = fc.record(
  {
    street: fc.constantFrom('6th St', '350 5th Ave', 'Unter den Linden 1'),
    city: fc.constantFrom('San Francisco', 'New York', 'Berlin', 'London'),
    state: fc.constantFrom('CA', 'NY', 'BE'),
    postalCode: fc.constantFrom('94103', '10001', '10117'),
    country: fc.constantFrom('USA', 'DE', 'UK'),
  },
  { requiredKeys: [] },
)

const companyTraits = fc.record(
  {
    id: fc.oneof(fc.constantFrom('org_77', 'navy'), fc.nat({ max: 99_999 }).map(String)),
    name: fc.constantFrom('Initech', 'US Navy', 'Globex', 'Acme, Inc.'),
    plan: fc.constantFrom('free', 'pro', 'enterprise'),
    employees: fc.oneof(fc.nat({ max: 400_000 }), fc.constantFrom('11-50', '420')),
    industry: fc.constantFrom('Software', 'Government', 'Retail'),
    website: fc.constantFrom('https://initech.example', 'https://acme.example'),
    createdAt: traitDate(),
    monthly_spend: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(1999.99, 0.1)),
    address,
  },
  { requiredKeys: ['name'] },
)

/** Identify traits a product sends: spec traits (address, company, createdAt, `email: null`) and custom ones. */
function productTraits(): fc.Arbitrary<Fields> {
  return fc
    .tuple(
      person,
      fc.record(
        {
          phone: fc.constantFrom('+44 20 7946 0958', '+1 212 555 0100'),
          plan: fc.constantFrom('free', 'trial', 'pro', 'enterprise'),
          logins: fc.nat({ max: 5000 }),
          createdAt: traitDate(),
          trial_ends_at: isoDateText(),
          address,
          company: companyTraits,
          beta_features: fc.array(fc.constantFrom('inbox', 'reports', 'ai'), { maxLength: 3 }),
          nullEmail: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([p, { nullEmail, ...rest }]) => ({
      ...(nullEmail ? { email: null } : { email: p.email, name: p.name }),
      ...(nullEmail ? {} : { firstName: p.firstName, lastName: p.lastName }),
      ...rest,
    }))
}

const eventNames = [
  'Order Completed',
  'Product Added',
  'Signup Started',
  'Signed Up',
  'Invoice Paid',
  'Checkout Step Viewed',
]

const product = fc.record({
  product_id: fc.stringMatching(/^[0-9a-f]{24}$/),
  sku: fc.stringMatching(/^[0-9]{5}-[0-9]{2}$/),
  name: fc.constantFrom('Monopoly: 3rd Edition', 'Uno Card Game', 'T-shirt'),
  price: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(19.99, 4.5, 0.1)),
  quantity: fc.integer({ min: 1, max: 5 }),
  category: fc.constantFrom('Games', 'Apparel'),
})

/** Track properties of the e-commerce spec: revenue, products array, nested objects. */
function productProperties(): fc.Arbitrary<Fields> {
  return fc.record(
    {
      order_id: fc.stringMatching(/^[0-9a-f]{24}$/),
      revenue: fc.oneof(
        fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
        fc.constantFrom(25, 19.99, 0.1),
      ),
      total: fc.constantFrom(27.5, 100, 0.30000000000000004),
      currency: fc.constantFrom('USD', 'usd', 'EUR'),
      coupon: fc.constantFrom('hasbros', 'SPRING'),
      products: fc.array(product, { maxLength: 3 }),
      shipping_address: fc.record({
        city: fc.constantFrom('Berlin', 'Austin'),
        country: fc.constantFrom('DE', 'US'),
        geo: fc.record({
          lat: fc.constantFrom(52.52, 30.27),
          lon: fc.constantFrom(13.405, -97.74),
        }),
      }),
      gift: fc.boolean(),
      plan: fc.constantFrom('trial', 'pro'),
    },
    { requiredKeys: [] },
  )
}

type Call = 'identify' | 'track' | 'page' | 'screen' | 'group' | 'alias'

type CallFields =
  | { type: 'identify'; traits: Fields }
  | { type: 'track'; event: string; properties: Fields }
  | { type: 'page'; name?: string; category?: string; properties: Fields }
  | { type: 'screen'; name: string; properties: Fields }
  | { type: 'group'; groupId: string; traits: Fields }
  | { type: 'alias'; previousId: string; userId: string }

/** The call-specific fields of each type, shared by the JavaScript and mobile sources. */
function callFields(
  type: Call,
  uid: string | undefined,
  identifyTraits: Fields,
): fc.Arbitrary<CallFields> {
  switch (type) {
    case 'identify':
      return fc.constant({ type, traits: identifyTraits })
    case 'track':
      return fc
        .tuple(fc.constantFrom(...eventNames), productProperties())
        .map(([event, properties]) => ({ type, event, properties }))
    case 'page':
      return fc
        .record(
          {
            name: fc.constantFrom('Pricing', 'Home'),
            category: fc.constantFrom('Docs', 'Marketing'),
          },
          { requiredKeys: [] },
        )
        .map((f) => ({ type, ...f, properties: {} as Fields }))
    case 'screen':
      return fc
        .record({ name: fc.constantFrom('Checkout', 'Cart', 'Home'), step: fc.nat({ max: 5 }) })
        .map(({ name, step }) => ({ type, name, properties: { step } as Fields }))
    case 'group':
      return (
        fc
          .tuple(fc.constantFrom('org_77', 'navy', 'acct-9'), companyTraits)
          // The group's own id is the groupId, not a trait.
          .map(([groupId, { id: _id, ...traits }]) => ({ type, groupId, traits: traits as Fields }))
      )
    case 'alias':
      // alias needs the new userId; the previous id is the anonymous one.
      return fc
        .tuple(uuid, userId)
        .map(([previousId, u]) => ({ type, previousId, userId: uid ?? u }))
  }
}

/** The SDK-generated message id of the JavaScript libraries: `<prefix>-<epoch ms>-<uuid>`. */
function jsMessageId(prefix: string, timestamp: string) {
  return uuid.map((u) => `${prefix}-${Date.parse(timestamp)}-${u}`)
}

const nodeCalls: readonly Call[] = ['identify', 'track', 'page', 'group', 'alias', 'screen']

/**
 * An event as `@segment/analytics-node` sends it (one element of its `/v1/batch` body):
 * `context.library` of the SDK, `_metadata`, a `node-next-…` message id, and `userId`
 * or `anonymousId`.
 */
export function analyticsNodeEvent(): fc.Arbitrary<SegmentEvent> {
  return fc
    .record({
      type: fc.constantFrom(...nodeCalls),
      timestamp: sdkTimestamp,
      who: fc.oneof(
        userId.map((u) => ({ userId: u })),
        uuid.map((a) => ({ anonymousId: a })),
        fc.tuple(userId, uuid).map(([u, a]) => ({ userId: u, anonymousId: a })),
      ),
      traits: productTraits(),
      extraContext: fc.record(
        { ip: fc.ipV4(), active: fc.boolean(), traits: person.map((p) => ({ email: p.email })) },
        { requiredKeys: [] },
      ),
      integrations: fc.oneof(
        fc.constant({}),
        fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => ({ All: true, Intercom: { user_hash: h } })),
      ),
      nodeVersion: fc.constantFrom('v20.20.2', 'v22.12.0', 'v18.19.1'),
    })
    .chain((c) =>
      fc
        .tuple(
          callFields(c.type, 'userId' in c.who ? c.who.userId : undefined, c.traits),
          jsMessageId('node-next', c.timestamp),
        )
        .map(([fields, messageId]) =>
          envelope({
            timestamp: c.timestamp,
            integrations: c.integrations,
            ...fields,
            ...c.who,
            context: {
              ...c.extraContext,
              library: { name: '@segment/analytics-node', version: '3.1.0' },
            },
            messageId,
            _metadata: { nodeVersion: c.nodeVersion, jsRuntime: 'node' },
          }),
        ),
    )
}

const browserCalls: readonly Call[] = ['page', 'identify', 'track', 'group', 'alias']

const utm = fc.record(
  {
    source: fc.constantFrom('newsletter', 'google'),
    medium: fc.constantFrom('email', 'cpc'),
    name: fc.constantFrom('spring_sale', 'launch'),
    term: fc.constantFrom('crm', 'helpdesk'),
    content: fc.constantFrom('hero_cta', 'footer'),
  },
  { requiredKeys: [] },
)

const UTM_PARAM: Record<string, string> = {
  source: 'utm_source',
  medium: 'utm_medium',
  name: 'utm_campaign',
  term: 'utm_term',
  content: 'utm_content',
}

/** `context.page` and `context.campaign` as analytics-next derives them from the URL. */
const browserPage = fc
  .record({
    host: fc.constantFrom('https://example.com', 'https://app.example.co.uk'),
    path: fc.constantFrom('/', '/pricing', '/docs/getting-started'),
    title: fc.constantFrom('Pricing – Example', 'Example', 'Docs | Example'),
    referrer: fc.constantFrom('', 'https://www.google.com/', 'https://news.ycombinator.com/'),
    campaign: fc.option(utm, { nil: undefined }),
  })
  .map(({ host, path, title, referrer, campaign }) => {
    const params = Object.entries(campaign ?? {}).map(
      ([k, v]) => `${UTM_PARAM[k]}=${encodeURIComponent(v)}`,
    )
    const search = params.length ? `?${params.join('&')}` : ''
    const page = { path, referrer, search, title, url: `${host}${path}${search}` }
    return { page, campaign: params.length ? campaign : undefined }
  })

const chromeVersion = fc.integer({ min: 120, max: 156 })

/**
 * An event as `@segment/analytics-next` (analytics.js 2.0) posts it to `api.segment.io/v1/{t,i,p,g,a}`:
 * `context.page`, `context.campaign` from UTM parameters, `userAgent`, `userAgentData`,
 * `locale`, `timezone`, `library` `analytics.js` / `npm:next-…`, always an `anonymousId`,
 * and the per-request `writeKey`, `sentAt` and `_metadata`.
 */
export function analyticsJsEvent(): fc.Arbitrary<SegmentEvent> {
  return fc
    .record({
      type: fc.constantFrom(...browserCalls),
      timestamp: sdkTimestamp,
      anonymousId: uuid,
      userId: fc.option(userId, { nil: undefined }),
      traits: productTraits(),
      where: browserPage,
      chrome: chromeVersion,
      mobile: fc.boolean(),
      locale: fc.constantFrom('en-US', 'en-GB', 'de-DE', 'fr'),
      timezone: fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Kolkata'),
      writeKey: fc.stringMatching(/^[A-Za-z0-9]{32}$/),
    })
    .chain((c) =>
      fc
        .tuple(callFields(c.type, c.userId, c.traits), jsMessageId('ajs-next', c.timestamp))
        .map(([fields, messageId]) => {
          const platform = c.mobile ? 'Android' : 'macOS'
          const properties =
            fields.type === 'page'
              ? {
                  ...c.where.page,
                  ...(fields.category ? { category: fields.category } : {}),
                  ...(fields.name ? { name: fields.name } : {}),
                }
              : 'properties' in fields
                ? fields.properties
                : undefined
          return envelope({
            timestamp: c.timestamp,
            integrations: {},
            ...fields,
            ...(properties ? { properties } : {}),
            ...(c.userId ? { userId: c.userId } : {}),
            context: {
              page: c.where.page,
              userAgent: c.mobile
                ? `Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${c.chrome}.0.0.0 Mobile Safari/537.36`
                : `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${c.chrome}.0.0.0 Safari/537.36`,
              userAgentData: {
                brands: [
                  { brand: 'Not:A-Brand', version: '8' },
                  { brand: 'Chromium', version: String(c.chrome) },
                ],
                mobile: c.mobile,
                platform,
              },
              locale: c.locale,
              library: { name: 'analytics.js', version: 'npm:next-1.84.3' },
              ...(c.where.campaign ? { campaign: c.where.campaign } : {}),
              timezone: c.timezone,
            },
            messageId,
            anonymousId: c.anonymousId,
            writeKey: c.writeKey,
            sentAt: c.timestamp,
            _metadata: { bundled: ['Segment.io'], unbundled: [], bundledIds: [] },
          })
        }),
    )
}

const mobileCalls: readonly Call[] = ['identify', 'track', 'screen', 'group', 'alias']

/** Custom traits an app stores with the SDK: dates as text of any precision (the SDKs pass strings through). */
const appTraits = fc
  .tuple(
    person,
    fc.record(
      {
        phone: fc.constantFrom('+1 212 555 0100', '+44 20 7946 0958'),
        createdAt: isoDateText(),
        birthday: sdkTimestamp,
        address,
        plan: fc.constantFrom('trial', 'pro', 'enterprise'),
        logins: fc.nat({ max: 5000 }),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([p, rest]) => ({ email: p.email, name: p.name, ...rest }) as Fields)

/**
 * An event as analytics-android (4.x) sends it: `channel: 'mobile'`, a UUID message id,
 * its `context` (app, device, library `analytics-android`, network, os, screen, userAgent,
 * timezone, instanceId, and the stored traits), and — its `Traits` class stores them —
 * `anonymousId` and, once identified, `userId` inside the identify's `traits` and
 * `context.traits`. Timestamps have milliseconds, or nanoseconds with `nanosecondTimestamps`.
 */
export function analyticsAndroidEvent(): fc.Arbitrary<SegmentEvent> {
  return fc
    .record({
      type: fc.constantFrom(...mobileCalls),
      ms: epochMs,
      nanos: fc.boolean(),
      anonymousId: uuid,
      userId: fc.option(userId, { nil: undefined }),
      aliasTo: userId,
      stored: appTraits,
      messageId: uuid,
      instanceId: uuid,
      device: fc.constantFrom(
        { manufacturer: 'Google', model: 'Pixel 7', name: 'panther', os: '14' },
        { manufacturer: 'samsung', model: 'SM-S911B', name: 'dm1q', os: '13' },
      ),
      userHash: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: undefined }),
      density: fc.constantFrom(2.625, 3, 2.75),
    })
    .chain((c) => {
      // An alias names the user id, which the SDK's Traits then hold like any identified user's.
      const uid = c.userId ?? (c.type === 'alias' ? c.aliasTo : undefined)
      // The SDK's traits: the anonymous id from first launch, the user id once identified.
      const traits: Fields = {
        anonymousId: c.anonymousId,
        ...(uid ? { userId: uid } : {}),
        ...c.stored,
      }
      return callFields(c.type, uid, traits).map((fields) =>
        envelope({
          channel: 'mobile',
          messageId: c.messageId,
          timestamp: c.nanos ? isoAt(c.ms, 7, 0) : new Date(c.ms).toISOString(),
          context: {
            app: {
              name: 'Example Shop',
              version: '3.2.1',
              namespace: 'com.example.shop',
              build: '321',
            },
            device: {
              id: c.instanceId.replace(/-/g, '').slice(0, 16),
              manufacturer: c.device.manufacturer,
              model: c.device.model,
              name: c.device.name,
            },
            library: { name: 'analytics-android', version: '4.11.3' },
            locale: 'en-US',
            network: { wifi: true, bluetooth: false, cellular: false, carrier: 'T-Mobile' },
            os: { name: 'Android', version: c.device.os },
            screen: { density: c.density, height: 2209, width: 1080 },
            userAgent: `Dalvik/2.1.0 (Linux; U; Android ${c.device.os}; ${c.device.model})`,
            timezone: 'America/New_York',
            instanceId: c.instanceId,
            traits,
          },
          integrations: c.userHash ? { Intercom: { userHash: c.userHash } } : {},
          ...(uid ? { userId: uid } : {}),
          anonymousId: c.anonymousId,
          ...fields,
        }),
      )
    })
}

/**
 * An event as analytics-ios (4.x) sends it: upper-case UUIDs, `context` with app, device
 * (`type: 'ios'`), library `analytics-ios`, os, screen, network, locale, timezone and the
 * stored traits; identify's `traits` are those of the call. Intercom options arrive under
 * a lower-case `integrations.intercom`, as the iOS integration reads them.
 */
export function analyticsIosEvent(): fc.Arbitrary<SegmentEvent> {
  return fc
    .record({
      type: fc.constantFrom(...mobileCalls),
      timestamp: sdkTimestamp,
      anonymousId: upperUuid,
      userId: fc.option(userId, { nil: undefined }),
      traits: appTraits,
      company: fc.option(companyTraits, { nil: undefined }),
      messageId: upperUuid,
      deviceId: upperUuid,
      model: fc.constantFrom('iPhone15,2', 'iPhone12,1', 'iPad13,4'),
      intercom: fc.option(
        fc.record(
          {
            user_hash: fc.stringMatching(/^[0-9a-f]{64}$/),
            unsubscribed: fc.boolean(),
            language_override: fc.constantFrom('en', 'fr'),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    })
    .chain((c) => {
      const traits: Fields = c.company ? { ...c.traits, company: c.company } : c.traits
      return callFields(c.type, c.userId, traits).map((fields) =>
        envelope({
          messageId: c.messageId,
          timestamp: c.timestamp,
          ...(c.userId ? { userId: c.userId } : {}),
          anonymousId: c.anonymousId,
          context: {
            app: {
              name: 'Example Shop',
              version: '3.2.1',
              build: '3210',
              namespace: 'com.example.shop',
            },
            device: {
              manufacturer: 'Apple',
              type: 'ios',
              model: c.model,
              id: c.deviceId,
              name: c.model.startsWith('iPad') ? 'iPad' : 'iPhone',
              adTrackingEnabled: false,
            },
            library: { name: 'analytics-ios', version: '4.1.8' },
            os: { name: 'iOS', version: '17.3.1' },
            screen: { width: 393, height: 852 },
            locale: 'en-GB',
            timezone: 'Europe/London',
            network: { wifi: true, cellular: false, carrier: 'EE' },
            traits: c.traits,
          },
          integrations: c.intercom ? { intercom: c.intercom } : {},
          ...fields,
        }),
      )
    })
}

const snakeWords = [
  'high',
  'value',
  'users',
  'orders',
  'count',
  'last',
  'days',
  'viewed',
  'pricing',
]
/** A computation key as Engage writes it: the snake_cased audience or trait name. */
const computationKey = fc
  .tuple(
    fc.array(fc.constantFrom(...snakeWords), { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom('30d', '90d', '30days', '180_days'), { nil: undefined }),
  )
  .map(([words, window]) => [...words, ...(window ? [window] : [])].join('_'))
const segmentId = (prefix: string) =>
  fc.stringMatching(/^[0-9A-Za-z]{27}$/).map((s) => `${prefix}_${s}`)

/**
 * An event Engage (Personas) sends for an audience or a computed trait: an identify whose
 * trait is the snake_cased key (a boolean for audiences; a number, text or boolean for
 * computed traits), an `Audience Entered`/`Exited` or `Trait Computed` track, or a group
 * for an account-level trait; `context.personas` names the computation, and
 * `integrations` enables only the destination (`All: false`).
 */
export function personasEvent(): fc.Arbitrary<SegmentEvent> {
  return fc
    .record({
      kind: fc.constantFrom('audience', 'trait'),
      as: fc.constantFrom('identify', 'identify', 'track', 'group'),
      key: computationKey,
      entered: fc.boolean(),
      value: fc.oneof(
        fc.nat({ max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
        fc.constantFrom('Shoes', 'Books'),
        fc.boolean(),
      ),
      who: fc.oneof(
        { weight: 3, arbitrary: userId.map((u) => ({ userId: u })) },
        { weight: 1, arbitrary: uuid.map((a) => ({ anonymousId: a })) },
      ),
      email: person.map((p) => p.email),
      withEmail: fc.boolean(),
      spaceId: segmentId('spa'),
      ms: epochMs,
      id: fc.stringMatching(/^[0-9A-Za-z]{27}$/),
    })
    .chain((c) =>
      segmentId(c.kind === 'audience' ? 'aud' : 'tra').map((computationId) => {
        const value: SegmentValue = c.kind === 'audience' ? c.entered : c.value
        const base = {
          messageId: `personas_${c.id}`,
          timestamp: new Date(c.ms).toISOString(),
          ...c.who,
          context: {
            personas: {
              computation_class: c.kind,
              computation_id: computationId,
              computation_key: c.key,
              namespace: c.spaceId,
              space_id: c.spaceId,
            },
            // Engage adds the identifiers the destination needs, the email among them.
            ...(c.as === 'track' ? { traits: { email: c.email } } : {}),
          },
          integrations: { All: false, Intercom: true },
        }
        // Engage adds the email when the profile has one; an anonymous profile needs it.
        const email = 'anonymousId' in c.who || c.withEmail ? { email: c.email } : {}
        // Account-level traits go as a group only for a known user.
        if (c.as === 'identify' || (c.as === 'group' && 'anonymousId' in c.who)) {
          return {
            ...base,
            type: 'identify',
            traits: { [c.key]: value, ...email },
          } as IdentifyEvent
        }
        if (c.as === 'group') {
          return {
            ...base,
            type: 'group',
            groupId: 'org_77',
            traits: { [c.key]: value },
          } as GroupEvent
        }
        const event =
          c.kind === 'audience'
            ? c.entered
              ? 'Audience Entered'
              : 'Audience Exited'
            : 'Trait Computed'
        const keyName = c.kind === 'audience' ? 'audience_key' : 'trait_key'
        return {
          ...base,
          type: 'track',
          event,
          properties: { [keyName]: c.key, [c.key]: value },
        } as TrackEvent
      }),
    )
}

/** Warehouse column values: numbers as text (`NUMERIC` columns), nulls, dates of any form. */
const columnNumber = fc.oneof(
  fc.nat({ max: 100_000 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
)

/**
 * An event a warehouse sync (Reverse ETL into Segment Connections) sends: the model's
 * columns become traits, often named after the Intercom fields they are meant for —
 * `external_id`, `id`, `type`, `role`, `owner_id`, `last_seen_at`,
 * `unsubscribed_from_emails`, `remote_created_at`, `created`, `signed_up_at` — with
 * warehouse-typed values (epoch seconds, `NUMERIC` as text, timestamps as text, nulls).
 * `context` is empty: no SDK ran.
 */
export function warehouseSyncEvent(): fc.Arbitrary<SegmentEvent> {
  const contactColumns = fc.record(
    {
      external_id: userId,
      id: fc.stringMatching(/^[0-9a-f]{24}$/),
      type: fc.constantFrom('user', 'contact', 'lead'),
      role: fc.constantFrom('user', 'lead', 'admin', 'owner'),
      owner_id: fc.oneof(fc.nat({ max: 9_999_999 }), fc.constant(null)),
      last_seen_at: fc.oneof(
        isoDateText(),
        epochMs.map((ms) => Math.floor(ms / 1000)),
      ),
      unsubscribed_from_emails: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', null)),
      remote_created_at: fc.oneof(
        epochMs.map((ms) => Math.floor(ms / 1000)),
        isoDateText(),
      ),
      created: isoDateText(),
      signed_up_at: traitDate(),
      name: person.map((p) => p.name),
      phone: fc.constantFrom('+1 212 555 0100', null),
      plan: fc.constantFrom('free', 'pro', 'enterprise', null),
      seats: columnNumber,
      mrr: columnNumber,
      tags: fc.constantFrom('vip,beta', ''),
    },
    { requiredKeys: [] },
  )
  const companyColumns = fc.record(
    {
      company_id: fc.constantFrom('org_77', 'acct-9'),
      id: fc.stringMatching(/^[0-9a-f]{24}$/),
      type: fc.constant('company'),
      name: fc.constantFrom('Initech', 'Globex'),
      remote_created_at: fc.oneof(
        epochMs.map((ms) => Math.floor(ms / 1000)),
        isoDateText(),
      ),
      monthly_spend: columnNumber,
      size: columnNumber,
      plan: fc.constantFrom('pro', null),
      created: isoDateText(),
    },
    { requiredKeys: ['name'] },
  )
  const base = fc.record({
    messageId: fc.stringMatching(/^[0-9a-f]{8}$/).map((h) => `retl-${h}`),
    timestamp: fc.oneof(sdkTimestamp, isoDateText()),
    userId,
    email: person.map((p) => p.email),
  })
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(base, contactColumns).map(
        ([b, columns]) =>
          ({
            type: 'identify',
            messageId: b.messageId,
            timestamp: b.timestamp,
            userId: b.userId,
            traits: { email: b.email, ...columns },
            context: {},
            integrations: {},
          }) as IdentifyEvent,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(base, companyColumns).map(
        ([b, { company_id, ...columns }]) =>
          ({
            type: 'group',
            messageId: b.messageId,
            timestamp: b.timestamp,
            userId: b.userId,
            groupId: company_id ?? 'org_77',
            traits: { ...(company_id ? { company_id } : {}), ...columns },
            context: {},
            integrations: {},
          }) as GroupEvent,
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          base,
          fc.constantFrom('Invoice Paid', 'Subscription Renewed'),
          columnNumber,
          isoDateText(),
        )
        .map(
          ([b, event, amount, paidAt]) =>
            ({
              type: 'track',
              messageId: b.messageId,
              timestamp: b.timestamp,
              userId: b.userId,
              event,
              properties: { invoice_id: 'in_123', amount, currency: 'usd', paid_at: paidAt },
              context: {},
              integrations: {},
            }) as TrackEvent,
        ),
    },
  )
}

/** An event from any of the sources above: what a destination receives in production. */
export function realEvent(): fc.Arbitrary<SegmentEvent> {
  return fc.oneof(
    analyticsJsEvent(),
    analyticsNodeEvent(),
    analyticsAndroidEvent(),
    analyticsIosEvent(),
    personasEvent(),
    warehouseSyncEvent(),
  )
}
