/**
 * Intercom's own limit, below ours (as when other apps share the workspace): the
 * emulator allows 40 requests per 2-second window while RATE_LIMIT allows 1,000 per
 * 10 s. The first 429 of a window must pause every worker until X-RateLimit-Reset:
 * past it, only the requests already on their way may still arrive in that window
 * (at most the jobs running at once), and every event is still delivered.
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

  // In front of the emulator: records each answer's status and X-RateLimit-Reset.
  /** @type {{ status: number, reset: string }[]} */
  const answers = []
  const proxy = http.createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const answer = await fetch(`${emulatorUrl}${req.url}`, {
      method: req.method,
      headers: /** @type {Record<string, string>} */ (req.headers),
      body: body === '' ? undefined : body,
    })
    answers.push({ status: answer.status, reset: answer.headers.get('x-ratelimit-reset') ?? '' })
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

  const CONCURRENCY = 4
  const env = {
    ...process.env,
    REDIS_URL: redisServer.url,
    INTERCOM_BASE_URL: `http://127.0.0.1:${port}`,
    INTERCOM_TOKEN: 't',
    PARTITIONS: '8',
    CONCURRENCY: String(CONCURRENCY),
    RATE_LIMIT: '1000',
    KEY_PREFIX: 'backoff',
  }
  const events = []
  for (let u = 0; u < 20; u++) {
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
  // Per emulator window (named by its reset), 429s beyond the requests in flight when
  // the first one came back would mean some worker did not pause.
  /** @type {Map<string, number>} */
  const refused = new Map()
  for (const a of answers)
    if (a.status === 429) refused.set(a.reset, (refused.get(a.reset) ?? 0) + 1)
  const worst = Math.max(...refused.values())
  assert.ok(worst <= 2 * CONCURRENCY, `at most ${2 * CONCURRENCY} refused per window, got ${worst}`)
  assert.equal(Number(stats.rateLimited), answers.filter((a) => a.status === 429).length)
})
