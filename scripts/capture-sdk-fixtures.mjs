#!/usr/bin/env node
// Regenerates test/fixtures/sdk/analytics-node/*.json and test/fixtures/sdk/analytics-next/*.json
// by running Segment's own SDKs (the exact devDependency versions) and recording what they
// would send to api.segment.io. Nothing leaves the machine: analytics-node gets an injected
// HTTP client, and headless Chromium has every request answered by page.route.
//
// Determinism: the SDKs generate a random messageId and read the clock for sentAt (and
// analytics-next for timestamp too). Those three fields are replaced after capture with
// fixed values (see `stabilise`); every other byte is what the SDK produced. The browser
// runs with a fixed locale and time zone. Fields that depend on the host (analytics-node's
// `_metadata.nodeVersion`, Chromium's user agent) are kept as captured.
//
// Usage: node scripts/capture-sdk-fixtures.mjs [node|browser]   (default: both)
// The browser part needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM=path).

import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'test/fixtures/sdk')

const WRITE_KEY = 'fixtureWriteKey0123456789abcdef'
const SENT_AT = '2024-03-05T10:00:05.000Z'
/** Event timestamps: one second apart, in call order. */
const timestampAt = (i) => new Date(Date.UTC(2024, 2, 5, 10, 0, i)).toISOString()

/** Replaces the random and clock-read fields of one batch body, in place. */
function stabilise(body, prefix, indexOf) {
  if (body.sentAt !== undefined) body.sentAt = SENT_AT
  const events = Array.isArray(body.batch) ? body.batch : [body]
  for (const e of events) {
    const i = indexOf(e)
    e.timestamp = timestampAt(i)
    // Same form as the SDKs' own ids (`<prefix>-<epoch ms>-<uuid v4>`), with fixed parts.
    e.messageId = `${prefix}-${Date.parse(e.timestamp)}-00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    if (e.sentAt !== undefined) e.sentAt = SENT_AT
  }
  return body
}

async function writeFixture(dir, name, value) {
  await mkdir(join(out, dir), { recursive: true })
  await writeFile(join(out, dir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`)
}

/** The calls both JavaScript SDKs make: the same user story, so the fixtures compare. */
const story = {
  userId: 'u_1042',
  identifyTraits: {
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '+44 20 7946 0958',
    plan: 'enterprise',
    logins: 42,
    createdAt: '2014-03-25T12:00:00.000Z',
    address: {
      street: '6th St',
      city: 'San Francisco',
      state: 'CA',
      postalCode: '94103',
      country: 'USA',
    },
    company: {
      id: 'org_77',
      name: 'Initech',
      plan: 'enterprise',
      employees: 420,
      industry: 'Software',
      createdAt: '2011-06-01',
    },
  },
  identifyNullEmail: {
    email: null,
    plan: 'free',
    trial_ends_at: '2024-04-01T00:00:00Z',
    beta_features: ['inbox', 'reports'],
  },
  trackEvent: 'Order Completed',
  trackProperties: {
    order_id: '50314b8e9bcf000000000000',
    total: 27.5,
    revenue: 25.0,
    shipping: 3,
    tax: 2,
    discount: 2.5,
    coupon: 'hasbros',
    currency: 'USD',
    products: [
      {
        product_id: '507f1f77bcf86cd799439011',
        sku: '45790-32',
        name: 'Monopoly: 3rd Edition',
        price: 19,
        quantity: 1,
        category: 'Games',
      },
      {
        product_id: '505bd76785ebb509fc183733',
        sku: '46493-32',
        name: 'Uno Card Game',
        price: 3,
        quantity: 2,
        category: 'Games',
      },
    ],
    shipping_address: { city: 'Berlin', country: 'DE', geo: { lat: 52.52, lon: 13.405 } },
    gift: false,
  },
  pageName: 'Pricing',
  pageCategory: 'Docs',
  groupId: 'org_77',
  groupTraits: {
    name: 'Initech',
    plan: 'enterprise',
    employees: 420,
    industry: 'Software',
    website: 'https://initech.example',
    createdAt: '2011-06-01T09:30:00.000Z',
    address: { city: 'Austin', state: 'TX', country: 'USA' },
    monthly_spend: 1999.99,
  },
  previousId: 'anon-7f3c2a9e-5a55-4b8e-9a4c-4f3b6c2e1d00',
}

async function captureNode() {
  const { Analytics } = await import('@segment/analytics-node')
  const bodies = []
  const httpClient = {
    async makeRequest(req) {
      bodies.push({ url: req.url, headers: req.headers, body: JSON.parse(req.body) })
      return { status: 200, statusText: 'OK', headers: {}, text: async () => '{}' }
    },
  }
  // flushAt 1: one call per batch body, so each fixture is one request as sent.
  const analytics = new Analytics({ writeKey: WRITE_KEY, httpClient, flushAt: 1, maxRetries: 0 })
  const t = (i) => new Date(timestampAt(i))
  const calls = [
    [
      'identify',
      () =>
        analytics.identify({ userId: story.userId, traits: story.identifyTraits, timestamp: t(0) }),
    ],
    [
      'identify-null-email',
      () =>
        analytics.identify({
          userId: story.userId,
          // A Date object, as server code passes one: the SDK serialises it with toJSON.
          traits: { ...story.identifyNullEmail, createdAt: new Date('2014-03-25T12:00:00Z') },
          context: { ip: '203.0.113.9', active: false },
          timestamp: t(1),
        }),
    ],
    [
      'track',
      () =>
        analytics.track({
          userId: story.userId,
          event: story.trackEvent,
          properties: story.trackProperties,
          integrations: {
            All: true,
            Intercom: {
              user_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
            },
          },
          timestamp: t(2),
        }),
    ],
    [
      'track-anonymous',
      () =>
        analytics.track({
          anonymousId: story.previousId,
          event: 'Signup Started',
          properties: { plan: 'trial', referrer: { type: 'partner', id: 'p_9' } },
          timestamp: t(3),
        }),
    ],
    [
      'page',
      () =>
        analytics.page({
          userId: story.userId,
          category: story.pageCategory,
          name: story.pageName,
          properties: {
            url: 'https://example.com/pricing',
            path: '/pricing',
            title: 'Pricing',
            referrer: 'https://www.google.com/',
          },
          timestamp: t(4),
        }),
    ],
    [
      'group',
      () =>
        analytics.group({
          userId: story.userId,
          groupId: story.groupId,
          traits: story.groupTraits,
          timestamp: t(5),
        }),
    ],
    [
      'alias',
      () =>
        analytics.alias({ userId: story.userId, previousId: story.previousId, timestamp: t(6) }),
    ],
    [
      'screen',
      () =>
        analytics.screen({
          userId: story.userId,
          name: 'Checkout',
          properties: { step: 2 },
          timestamp: t(7),
        }),
    ],
  ]
  for (const [name, call] of calls) {
    const before = bodies.length
    call()
    await waitFor(() => bodies.length > before)
    const index = calls.findIndex(([n]) => n === name)
    const { body, url, headers } = bodies[bodies.length - 1]
    stabilise(body, 'node-next', () => index)
    await writeFixture('analytics-node', name, body)
    if (name === 'identify')
      await writeFixture('analytics-node', '_request', { url, headers: redactAuth(headers) })
  }
  await analytics.closeAndFlush()
  console.log(`analytics-node: ${calls.length} batch bodies`)
}

function redactAuth(headers) {
  const copy = { ...headers }
  // Basic auth of the write key: kept in shape, not in value.
  for (const k of Object.keys(copy))
    if (k.toLowerCase() === 'authorization') copy[k] = 'Basic <base64 of writeKey:>'
  return copy
}

async function waitFor(check, ms = 5000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('capture: the SDK sent nothing in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

async function captureBrowser() {
  const esbuild = await import('esbuild')
  const { chromium } = await import('playwright-core')
  const bundle = await esbuild.build({
    stdin: {
      contents:
        "import { AnalyticsBrowser } from '@segment/analytics-next'\nwindow.AnalyticsBrowser = AnalyticsBrowser\n",
      resolveDir: root,
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const script = bundle.outputFiles[0].text
  const origin = 'http://127.0.0.1:4173'
  const pageUrl = `${origin}/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&utm_term=crm&utm_content=hero_cta&plan=pro`
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pricing – Example</title><link rel="canonical" href="https://example.com/pricing"><script src="/analytics.js"></script></head><body><h1>Pricing</h1></body></html>`
  const settings = {
    integrations: {
      'Segment.io': {
        apiKey: WRITE_KEY,
        apiHost: 'api.segment.io/v1',
        protocol: 'https',
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
        versionSettings: { version: '4.4.7', componentTypes: ['browser'] },
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  }
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  const posts = []
  const unexpected = []
  try {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' })
    const page = await context.newPage()
    await page.route('**/*', async (route) => {
      const req = route.request()
      const url = new URL(req.url())
      if (url.origin === origin && url.pathname === '/analytics.js')
        return route.fulfill({ contentType: 'text/javascript', body: script })
      if (url.origin === origin) return route.fulfill({ contentType: 'text/html', body: html })
      if (url.hostname === 'cdn.segment.com' && url.pathname.endsWith('/settings'))
        return route.fulfill({ contentType: 'application/json', body: JSON.stringify(settings) })
      if (url.hostname === 'api.segment.io' && req.method() === 'POST') {
        posts.push({
          path: url.pathname,
          headers: req.headers(),
          body: JSON.parse(req.postData() ?? 'null'),
        })
        return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' })
      }
      unexpected.push(`${req.method()} ${req.url()}`)
      return route.abort()
    })
    await page.goto(pageUrl, { referer: 'https://www.google.com/' })
    const anonymousId = story.previousId
    await page.evaluate(
      async ({ writeKey, story, anonymousId }) => {
        const [analytics] = await window.AnalyticsBrowser.load({ writeKey })
        analytics.setAnonymousId(anonymousId)
        await analytics.page(story.pageCategory, story.pageName, { plan: 'pro' })
        await analytics.identify(story.userId, story.identifyTraits)
        await analytics.identify(story.identifyNullEmail)
        await analytics.track(story.trackEvent, story.trackProperties)
        await analytics.group(story.groupId, story.groupTraits)
        await analytics.alias(story.userId, anonymousId)
      },
      { writeKey: WRITE_KEY, story, anonymousId },
    )
    await waitFor(() => posts.length >= 6)
  } finally {
    await browser.close()
  }
  if (unexpected.length)
    console.warn(`analytics-next: unanswered requests (aborted): ${unexpected.join(', ')}`)
  const names = ['page', 'identify', 'identify-null-email', 'track', 'group', 'alias']
  for (const [i, post] of posts.entries()) {
    stabilise(post.body, 'ajs-next', () => i)
    await writeFixture('analytics-next', names[i] ?? `call-${i}`, post.body)
    if (i === 0)
      await writeFixture('analytics-next', '_request', {
        path: post.path,
        headers: redactAuth(post.headers),
      })
  }
  console.log(
    `analytics-next: ${posts.length} request bodies (${posts.map((p) => p.path).join(' ')})`,
  )
}

const which = process.argv[2] ?? 'all'
if (which === 'all' || which === 'node') await captureNode()
if (which === 'all' || which === 'browser') await captureBrowser()
