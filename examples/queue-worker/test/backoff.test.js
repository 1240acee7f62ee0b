/**
 * Intercom's own limit, below ours (as when other apps share the workspace): the
 * emulator allows 40 requests per 2-second window while RATE_LIMIT allows 1,000 per
 * 10 s. Once a window's first 429 is answered, the whole fleet must back off until
 * X-RateLimit-Reset: past a grace for requests already on their way, nothing more
 * arrives in that window (it fails if 429s are retried without waiting for the reset),
 * and every event is still delivered. The shared pause itself (workers that have not
 * met a 429 wait too) is checked in units.test.js.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { after, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { startRedis } from './redis-server.js'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(
  dirname(createRequire(import.meta.url).resolve('segment-intercom/package.json')),
  'dist/cli.js',
)
/** @type {(() => unknown)[]} */
const cleanups = []
after(async () => {
  for (const f of cleanups.reverse()) await Promise.resolve(f()).catch(() => {})
})

it('a 429 pauses every worker until the reset', { timeout: 90_000 }, async () => {
  const redisServer = await startRedis()
  cleanups.push(() => redisServer.stop())
  const redis = new Redis(redisServer.url)
  cleanups.push(() => redis.disconnect())

  const emulator = spawn(
    process.execPath,
    [CLI, 'emulate', '--port', '0', '--rate-limit', '40/2000', '--token', 't'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  )
  cleanups.push(() => emulator.kill('SIGKILL'))
  const emulatorUrl = await new Promise((resolve) =>
    createInterface({ input: /** @type {NodeJS.ReadableStream} */ (emulator.stdout) }).once(
      'line',
      resolve,
    ),
  )

  // In front of the emulator: records when each request arrived and was answered, its
  // status, and the X-RateLimit-Reset that names its emulator window.
  /** @type {{ arrived: number, answered: number, status: number, reset: string }[]} */
  const answers = []
  const proxy = http.createServer(async (req, res) => {
    const arrived = Date.now()
    let body = ''
    for await (const chunk of req) body += chunk
    const answer = await fetch(`${emulatorUrl}${req.url}`, {
      method: req.method,
      headers: /** @type {Record<string, string>} */ (req.headers),
      body: body === '' ? undefined : body,
    })
    answers.push({
      arrived,
      answered: Date.now(),
      status: answer.status,
      reset: answer.headers.get('x-ratelimit-reset') ?? '',
    })
    res.writeHead(answer.status, Object.fromEntries(answer.headers))
    res.end(await answer.text())
  })
  proxy.listen(0, '127.0.0.1')
  await new Promise((r) => proxy.once('listening', r))
  cleanups.push(() => {
    proxy.closeAllConnections()
    proxy.close()
  })
  const { port } = /** @type {import('node:net').AddressInfo} */ (proxy.address())

  const CONCURRENCY = 8
  const env = {
    ...process.env,
    REDIS_URL: redisServer.url,
    INTERCOM_BASE_URL: `http://127.0.0.1:${port}`,
    INTERCOM_TOKEN: 't',
    PARTITIONS: '16',
    CONCURRENCY: String(CONCURRENCY),
    RATE_LIMIT: '1000',
    KEY_PREFIX: 'backoff',
  }
  const events = []
  for (let u = 0; u < 32; u++) {
    events.push({ type: 'identify', userId: `u${u}`, traits: { email: `u${u}@example.com` } })
    for (let k = 1; k <= 8; k++) {
      events.push({ type: 'track', userId: `u${u}`, event: 'Viewed', properties: { k } })
    }
  }
  const file = join(tmpdir(), `backoff-${process.pid}.ndjson`)
  cleanups.push(() => rmSync(file, { force: true }))
  writeFileSync(
    file,
    events
      .map((e, i) =>
        JSON.stringify({ ...e, timestamp: new Date(Date.UTC(2026, 2, 1, 0, 0, i)).toISOString() }),
      )
      .join('\n'),
  )
  const enqueue = spawn(process.execPath, ['src/enqueue.js', file], { cwd: PACKAGE, env })
  assert.equal(await new Promise((r) => enqueue.on('exit', r)), 0)

  const workers = [0, 1].map(() => {
    const child = spawn(process.execPath, ['src/worker.js'], {
      cwd: PACKAGE,
      env,
      stdio: ['ignore', 'ignore', process.env.VERBOSE ? 'inherit' : 'ignore'],
    })
    cleanups.push(() => child.kill('SIGKILL'))
    return child
  })
  for (;;) {
    const ended = await redis.hmget(
      'backoff:stats',
      'delivered',
      'notSent',
      'failed',
      'deadLettered',
    )
    if (ended.reduce((n, v) => n + Number(v ?? 0), 0) === events.length) break
    await sleep(100)
  }
  for (const w of workers) w.kill('SIGTERM')

  const stats = await redis.hgetall('backoff:stats')
  assert.equal(stats.delivered, String(events.length), JSON.stringify(stats))
  assert.ok(Number(stats.rateLimited) >= 1, 'Intercom’s limit was reached')
  // Once a window's first 429 has been answered, every worker pauses until the window's
  // reset: past a grace for requests already on their way (and the pause's own write),
  // nothing more may arrive in that window. Without the shared pause, the workers whose
  // jobs have not met a 429 yet keep sending (measured: dozens a window).
  const GRACE_MS = 500
  /** @type {Map<string, number>} */
  const firstRefusal = new Map()
  for (const a of answers) {
    if (a.status === 429)
      firstRefusal.set(a.reset, Math.min(firstRefusal.get(a.reset) ?? a.answered, a.answered))
  }
  const late = answers.filter((a) => {
    const refusedAt = firstRefusal.get(a.reset)
    return refusedAt !== undefined && a.arrived > refusedAt + GRACE_MS
  })
  if (process.env.VERBOSE) console.error('windows refused', firstRefusal.size, 'late', late.length)
  assert.equal(late.length, 0, `${late.length} requests arrived in a window after its 429`)
  assert.equal(Number(stats.rateLimited), answers.filter((a) => a.status === 429).length)
})
