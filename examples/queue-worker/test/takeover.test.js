/**
 * The crash case, made deterministic: a worker takes a user's first event and is
 * SIGKILLed while its request hangs at Intercom. A second worker, started at once,
 * must not run the user's later events while the first job sits stalled (it is still
 * active, and the partition's global concurrency is 1); after the lock expires, it
 * retakes the first event, then runs the others, in order.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { createIntercomEmulator } from 'segment-intercom/testing'
import { serveEmulator } from 'segment-intercom/testing/server'
import { startRedis } from './redis-server.js'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
/** @type {(() => unknown)[]} */
const cleanups = []
after(async () => {
  for (const f of cleanups.reverse()) await Promise.resolve(f()).catch(() => {})
})

it('a stalled job is retaken before the same user’s later events run', {
  timeout: 60_000,
}, async () => {
  const redisServer = await startRedis()
  cleanups.push(() => redisServer.stop())
  const redis = new Redis(redisServer.url)
  cleanups.push(() => redis.disconnect())
  const emulator = await serveEmulator(createIntercomEmulator({ token: 't' }), { port: 0 })
  cleanups.push(() => emulator.close())

  // In front of the emulator: records each request; while `hold` is set, never answers.
  const upstream = new URL(emulator.url)
  let hold = true
  /** @type {{ at: number, path: string, body: string }[]} */
  const seen = []
  /** @type {http.ServerResponse[]} */
  const held = []
  const proxy = http.createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    seen.push({ at: Date.now(), path: req.url ?? '', body })
    if (hold) return void held.push(res)
    const answer = await fetch(`${upstream.origin}${req.url}`, {
      method: req.method,
      headers: /** @type {Record<string, string>} */ (req.headers),
      body: body === '' ? undefined : body,
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

  const env = {
    ...process.env,
    REDIS_URL: redisServer.url,
    INTERCOM_BASE_URL: `http://127.0.0.1:${port}`,
    INTERCOM_TOKEN: 't',
    PARTITIONS: '1',
    LOCK_DURATION_MS: '2000',
    STALLED_INTERVAL_MS: '500',
    KEY_PREFIX: 'takeover',
  }
  const file = join(tmpdir(), `takeover-${process.pid}.ndjson`)
  const user = { userId: 'u1' }
  const at = (/** @type {number} */ s) => new Date(Date.UTC(2026, 2, 1, 0, 0, s)).toISOString()
  writeFileSync(
    file,
    [
      {
        type: 'identify',
        ...user,
        traits: { email: 'u1@example.com', name: 'U One' },
        timestamp: at(1),
      },
      { type: 'track', ...user, event: 'Second', properties: { seq: 2 }, timestamp: at(2) },
      { type: 'track', ...user, event: 'Third', properties: { seq: 3 }, timestamp: at(3) },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n'),
  )
  cleanups.push(() => rmSync(file, { force: true }))
  const enqueue = spawn(process.execPath, ['src/enqueue.js', file], { cwd: PACKAGE, env })
  assert.equal(await new Promise((r) => enqueue.on('exit', r)), 0)

  const worker = (/** @type {string} */ name) => {
    const child = spawn(process.execPath, ['src/worker.js'], { cwd: PACKAGE, env, stdio: 'ignore' })
    cleanups.push(() => child.kill('SIGKILL'))
    return {
      name,
      child,
      exited: new Promise((r) => child.on('exit', (code, signal) => r({ code, signal }))),
    }
  }

  const a = worker('a')
  while (seen.length === 0) await sleep(20) // a's first request of the identify hangs
  const killedAt = Date.now()
  a.child.kill('SIGKILL')
  await a.exited
  for (const res of held) res.destroy()
  hold = false
  const b = worker('b')

  // Wait for the three events to end.
  for (;;) {
    const ended = await redis.hmget(
      'takeover:stats',
      'delivered',
      'notSent',
      'failed',
      'deadLettered',
    )
    if (ended.reduce((n, v) => n + Number(v ?? 0), 0) === 3) break
    await sleep(100)
  }
  b.child.kill('SIGTERM')
  assert.deepEqual(await b.exited, { code: 0, signal: null })

  const afterKill = seen.filter((r) => r.at > killedAt)
  const firstTrack = afterKill.findIndex((r) => r.path === '/events')
  assert.ok(firstTrack > 0, 'the identify was retaken before any track')
  // Nothing of the user's ran until the dead worker's lock had expired.
  assert.ok(
    /** @type {{ at: number }} */ (afterKill[0]).at - killedAt >= 1000,
    'the retake waited for the lock',
  )
  const tracks = afterKill
    .filter((r) => r.path === '/events')
    .map((r) => JSON.parse(r.body).metadata.seq)
  assert.deepEqual(tracks, [2, 3])

  const state = await (await fetch(`${emulator.url}/__emulator/state`)).json()
  assert.equal(state.contacts.length, 1)
  assert.deepEqual(
    state.events.map((/** @type {any} */ e) => e.metadata.seq),
    [2, 3],
  )
  const stats = await redis.hgetall('takeover:stats')
  assert.equal(stats.delivered, '3')
  assert.equal(stats.takenOver, '1')
  assert.equal(stats.possibleDuplicates, '1', 'the dead run had a request on the wire')
})
