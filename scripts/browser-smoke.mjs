#!/usr/bin/env node
// Browser smoke test of the built package: bundles `segment-intercom` (dist/, by package
// name) for the browser with esbuild, serves it on 127.0.0.1, runs a scenario in headless
// Chromium, runs the same scenario in Node, and fails on any difference or page error.
//
//   npm run build && node scripts/browser-smoke.mjs
//
// Needs Chromium at /usr/bin/chromium (Debian: `apt-get install -y chromium`) or at
// $CHROMIUM_PATH. Exit codes: 0 all checks pass, 1 a check failed, 2 cannot run.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const TIMEOUT_MS = 60_000

function cannotRun(message) {
  process.stderr.write(`browser-smoke: ${message}\n`)
  process.exit(2)
}

if (!existsSync(CHROMIUM)) {
  cannotRun(
    `Chromium not found at ${CHROMIUM}. Install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.`,
  )
}
if (!existsSync(join(ROOT, 'dist/index.js'))) {
  cannotRun('dist/index.js is missing: build first with `npx tsup` (or `npm run build`).')
}

const EVENTS = [
  {
    type: 'identify',
    userId: 'u1',
    timestamp: '2026-01-01T00:00:00.000Z',
    traits: {
      name: 'Iñigo Montoya',
      email: 'inigo@example.com',
      createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      company: { id: 'c1', name: 'Iñigo & Friends' },
      address: { city: 'Florin' },
    },
    context: { Intercom: { hideDefaultLauncher: true } },
  },
  {
    type: 'track',
    userId: 'u1',
    event: 'Order Completed',
    timestamp: '2026-01-01T00:01:00.000Z',
    properties: { revenue: 19.99, currency: 'EUR' },
  },
  { type: 'page', userId: 'u1', name: 'Pricing', timestamp: '2026-01-01T00:02:00.000Z' },
  {
    type: 'group',
    userId: 'u1',
    groupId: 'g1',
    timestamp: '2026-01-01T00:03:00.000Z',
    traits: { name: 'Segment', monthly_spend: 1299.5 },
  },
  { type: 'reset' },
  { type: 'track', userId: 'u1' },
]

/**
 * Runs every exported mapping function on each event and returns the results as JSON.
 * Runs in Node and, as source text, in the page: it may use only its arguments and
 * standard globals. Messenger calls go through applyMessengerCalls' default target,
 * `globalThis.Intercom`, replaced by a recorder for the duration.
 */
function scenario(SI, events) {
  const options = { settings: { appId: 'app1' } }
  const out = { exports: Object.keys(SI).sort(), events: [] }
  const previous = globalThis.Intercom
  const applied = []
  globalThis.Intercom = (...args) => {
    applied.push(args)
  }
  try {
    let booted = false
    for (const event of events) {
      const r = { parse: SI.parseEvent(event).status, normalize: SI.normalize(event, options) }
      const rest = SI.toRest(event, options)
      r.rest = rest.status === 'mapped' ? { ...rest, first: rest.exchange().next().value } : rest
      if (typeof SI.toMessenger === 'function') {
        r.messenger = SI.toMessenger(event, { ...options, booted })
        if (r.messenger.status === 'mapped' && typeof SI.applyMessengerCalls === 'function') {
          SI.applyMessengerCalls(r.messenger.calls)
          booted = r.messenger.calls.some((c) => c.method === 'boot')
            ? true
            : r.messenger.calls.some((c) => c.method === 'shutdown')
              ? false
              : booted
        }
      }
      if (typeof SI.toMobile === 'function') r.mobile = SI.toMobile(event, options)
      out.events.push(r)
    }
  } finally {
    globalThis.Intercom = previous
  }
  out.applied = applied
  return JSON.stringify(out)
}

/** The first path at which two JSON values differ, for the report. */
function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return undefined
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: browser ${JSON.stringify(a)} vs node ${JSON.stringify(b)}`
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[key], b[key], `${path}.${key}`)
    if (d !== undefined) return d
  }
  return `${path}: differs`
}

async function bundleForBrowser() {
  const result = await build({
    stdin: { contents: "export * from 'segment-intercom'", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>segment-intercom browser smoke</title>
<link rel="icon" href="data:,">
<script type="module">
  import * as SI from '/segment-intercom.js'
  window.SI = SI
  window.__ready = true
</script>`

function serve(bundle) {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)
    } else if (req.url === '/segment-intercom.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle)
    } else {
      res.writeHead(404).end()
    }
  })
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => ok(server))
  })
}

async function main() {
  const checks = []
  const check = (name, pass, detail = '') => checks.push({ name, pass, detail })

  const bundle = await bundleForBrowser()
  const node = JSON.parse(
    scenario(await import(pathToFileURL(join(ROOT, 'dist/index.js')).href), EVENTS),
  )
  const server = await serve(bundle)
  const url = `http://127.0.0.1:${server.address().port}/`
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  let inBrowser
  let userAgent
  const pageErrors = []
  try {
    const page = await browser.newPage()
    page.on('pageerror', (err) => pageErrors.push(String(err)))
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text())
    })
    await page.goto(url)
    await page.waitForFunction(() => window.__ready === true, undefined, { timeout: 15_000 })
    userAgent = await page.evaluate(() => navigator.userAgent)
    inBrowser = JSON.parse(
      await page.evaluate(`(${scenario.toString()})(window.SI, ${JSON.stringify(EVENTS)})`),
    )
  } finally {
    await browser.close()
    server.close()
  }

  check('no page errors', pageErrors.length === 0, pageErrors.join('; '))
  const track = inBrowser.events[1]?.rest
  check(
    'toRest: track → POST /events, price in integer cents',
    track?.first?.method === 'POST' &&
      track.first.path === '/events' &&
      track.first.body?.metadata?.price?.amount === 1999,
    JSON.stringify(track?.first),
  )
  check(
    'toRest: identify → contact search first',
    inBrowser.events[0]?.rest?.first?.path === '/contacts/search',
    JSON.stringify(inBrowser.events[0]?.rest?.first?.path),
  )
  if (inBrowser.exports.includes('toMessenger')) {
    const methods = inBrowser.applied.map((args) => args[0])
    check(
      'toMessenger + applyMessengerCalls: window.Intercom received boot … trackEvent',
      !inBrowser.exports.includes('applyMessengerCalls') ||
        (methods[0] === 'boot' && methods.includes('trackEvent')),
      JSON.stringify(methods),
    )
  }
  const device = ['toMessenger', 'applyMessengerCalls', 'toMobile']
  const missing = device.filter((name) => !inBrowser.exports.includes(name))
  for (const [key, name] of [
    ['exports', 'same exports as Node'],
    ['events', 'same mapping results as Node (parse, normalize, toRest, device encoders)'],
    ['applied', 'same window.Intercom calls as Node'],
  ]) {
    const diff = firstDifference(inBrowser[key], node[key], key)
    check(name, diff === undefined, diff ?? '')
  }

  process.stdout.write(`browser-smoke: ${userAgent}\n`)
  process.stdout.write(
    `  bundle: ${(bundle.length / 1024).toFixed(1)} KiB unminified; exports: ${inBrowser.exports.join(', ')}\n`,
  )
  if (missing.length > 0) {
    process.stdout.write(
      `  --   not exported by the core entry, not checked: ${missing.join(', ')}\n`,
    )
  }
  for (const c of checks) {
    process.stdout.write(
      `  ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}${c.pass ? '' : `: ${c.detail}`}\n`,
    )
  }
  const failed = checks.filter((c) => !c.pass).length
  process.stdout.write(
    failed === 0
      ? `browser-smoke: ${checks.length} checks passed\n`
      : `browser-smoke: ${failed} of ${checks.length} checks FAILED\n`,
  )
  return failed === 0 ? 0 : 1
}

const timer = setTimeout(() => cannotRun(`timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS)
main().then(
  (code) => {
    clearTimeout(timer)
    process.exitCode = code
  },
  (err) => {
    clearTimeout(timer)
    process.stderr.write(`browser-smoke: ${err?.stack ?? err}\n`)
    process.exitCode = 2
  },
)
