/**
 * The scale test: a real Redis (Debian's redis-server), the emulator over HTTP with
 * search lag, injected 500s and its own rate limit, 3 worker processes, 3,000+
 * events from 320 users; one worker SIGKILLed mid-run and restarted, another
 * stopped with SIGTERM mid-run (it must exit 0) and restarted. Then it checks, from
 * what arrived at Intercom (the emulator) and not from what the workers say:
 *
 * - every event ended: delivered, or in the dead-letter queue with a reason;
 * - one contact per external_id, one company per company_id;
 * - per-user order: each contact's events carry increasing sequence numbers, and
 *   each contact's name is the one of the user's last identify;
 * - no track event lost;
 * - at most RATE_LIMIT requests in any 10-second window, measured on arrival by a
 *   recording proxy in front of the emulator.
 *
 * Prints the measured figures as one JSON line. Stops itself after TEST_TIMEOUT_MS
 * and kills every child process it started, pass or fail.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { generateEvents } from './events.js'
import { startRedis } from './redis-server.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const PACKAGE = resolve(HERE, '..')
// The library's own CLI (`segment-intercom emulate`), from the linked package.
const CLI = join(
  dirname(createRequire(import.meta.url).resolve('segment-intercom/package.json')),
  'dist/cli.js',
)

const RATE_LIMIT = Number(process.env.RATE_LIMIT || 1000)
const WINDOW_MS = 10_000
const USERS = 320
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 300_000)
const TOKEN = 'scale-test-token'

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set()
/** @type {(() => Promise<void> | void)[]} */
const cleanups = []

const timer = setTimeout(() => {
  fail(new Error(`timed out after ${TIMEOUT_MS} ms`))
}, TIMEOUT_MS)

function fail(/** @type {unknown} */ error) {
  process.stderr.write(`scale test FAILED: ${error instanceof Error ? error.stack : error}\n`)
  cleanup().finally(() => process.exit(1))
}

async function cleanup() {
  clearTimeout(timer)
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const f of cleanups.reverse()) await Promise.resolve(f()).catch(() => {})
}

/**
 * @param {string} name @param {string} command @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function start(name, command, args, env = {}) {
  const child = spawn(command, args, {
    cwd: PACKAGE,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  const lines = createInterface({ input: /** @type {NodeJS.ReadableStream} */ (child.stdout) })
  /** @type {string[]} */
  const out = []
  lines.on('line', (l) => out.push(l))
  child.stderr?.on('data', (d) => {
    if (process.env.VERBOSE) process.stderr.write(`[${name}] ${d}`)
  })
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })))
  return {
    child,
    out,
    lines,
    exited: /** @type {Promise<{ code: number | null, signal: string | null }>} */ (exited),
  }
}

/** @param {ReturnType<typeof start>} p @param {string} what */
async function firstLine(p, what) {
  const line = await Promise.race([
    new Promise((r) => p.lines.once('line', r)),
    p.exited.then((e) => {
      throw new Error(`${what} exited early (${JSON.stringify(e)})`)
    }),
  ])
  return /** @type {string} */ (line)
}

/** Runs a command to its end; resolves with its stdout lines, rejects on a non-zero exit. */
async function run(
  /** @type {string} */ name,
  /** @type {string[]} */ args,
  /** @type {NodeJS.ProcessEnv} */ env,
) {
  const p = start(name, process.execPath, args, env)
  const { code, signal } = await p.exited
  if (code !== 0) throw new Error(`${name} exited with ${code ?? signal}: ${p.out.join('\n')}`)
  return p.out
}

/** The proxy in front of the emulator: records when each Intercom request arrives. */
async function recordingProxy(/** @type {string} */ target) {
  const upstream = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  /** @type {number[]} */
  const arrivals = []
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith('/__emulator/')) arrivals.push(Date.now())
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  cleanups.push(() => {
    server.closeAllConnections()
    server.close()
    agent.destroy()
  })
  return { url: `http://127.0.0.1:${port}`, arrivals }
}

/**
 * The largest number of timestamps in any window [t, t + windowMs).
 * @param {number[]} times @param {number} windowMs
 */
function slidingMax(times, windowMs) {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let from = 0
  for (let to = 0; to < sorted.length; to++) {
    while (/** @type {number} */ (sorted[to]) - /** @type {number} */ (sorted[from]) >= windowMs)
      from++
    best = Math.max(best, to - from + 1)
  }
  return best
}

async function main() {
  // 1. Redis: our own server on a free port, nothing saved to disk.
  const redisServer = await startRedis()
  children.add(redisServer.child)
  const REDIS_URL = redisServer.url
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 })
  cleanups.push(() => void redis.disconnect())
  await redis.ping()

  // 2. The emulator over HTTP, and the recording proxy in front of it.
  const emulator = start('emulator', process.execPath, [
    CLI,
    'emulate',
    '--port',
    '0',
    '--search-lag',
    '2',
    '--server-error-rate',
    '0.02',
    '--rate-limit',
    `${Math.round(RATE_LIMIT * 1.1)}/${WINDOW_MS}`,
    '--token',
    TOKEN,
  ])
  const emulatorUrl = (await firstLine(emulator, 'the emulator')).trim()
  const proxy = await recordingProxy(emulatorUrl)

  const env = {
    REDIS_URL,
    INTERCOM_BASE_URL: proxy.url,
    INTERCOM_TOKEN: TOKEN,
    PARTITIONS: '16',
    CONCURRENCY: '6',
    RATE_LIMIT: String(RATE_LIMIT),
    // Fast takeover for the test: a dead worker's jobs are retaken within ~3-4 s.
    LOCK_DURATION_MS: '2000',
    STALLED_INTERVAL_MS: '1000',
    KEY_PREFIX: 'scale',
    // Dead-letters the ghosts' tracks within seconds (backoffs of 0.5, 1 and 2 s at most).
    MAX_ATTEMPTS: '4',
  }

  // 3. The events, enqueued before any worker starts.
  const { events, users } = generateEvents({
    users: USERS,
    perUser: [8, 13],
    companies: 40,
    seed: 20261201,
  })
  assert.ok(events.length >= 3000, `${events.length} events`)
  // A few that cannot be delivered: invalid ones (no event name, nobody to identify) and
  // tracks of users who never identify (contact_not_found until the attempts run out).
  const broken = [
    { at: 400, event: { type: 'track', userId: 'user-7', properties: { note: 'no event name' } } },
    { at: 1400, event: { type: 'track', userId: 'ghost-1', event: 'Signed In' } },
    { at: 2400, event: { type: 'track', userId: 'ghost-2', event: 'Signed In' } },
    { at: 3000, event: { type: 'identify', traits: { name: 'nobody' } } },
  ]
  for (const { at, event } of broken.reverse()) {
    const timestamp = events[at]?.timestamp
    events.splice(at, 0, { ...event, messageId: `broken-${at}`, timestamp })
  }
  const dir = mkdtempSync(join(tmpdir(), 'queue-worker-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'events.ndjson')
  writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`)
  const [enqueueLine] = await run('enqueue', ['src/enqueue.js', file], env)
  assert.deepEqual(JSON.parse(enqueueLine ?? ''), { enqueued: events.length, unparsable: [] })

  // 4. Three workers: SIGKILL one at 25 %, SIGTERM another at 55 %, SIGKILL one at 80 %;
  // each is restarted.
  const began = Date.now()
  const workers = [0, 1, 2].map((i) =>
    start(`worker-${i}`, process.execPath, ['src/worker.js'], env),
  )
  await Promise.all(workers.map((w, i) => firstLine(w, `worker ${i}`)))
  const ended = async () => {
    const s = await redis.hmget('scale:stats', 'delivered', 'notSent', 'failed', 'deadLettered')
    return s.reduce((sum, v) => sum + Number(v ?? 0), 0)
  }
  const until = async (/** @type {number} */ share) => {
    while ((await ended()) < events.length * share) await sleep(200)
  }

  // The victim of a kill: the worker running the most jobs right now (BullMQ's
  // processedBy is `host:pid`), so that the kill leaves jobs behind to take over.
  const busiest = async () => {
    const active = await Promise.all(
      Array.from({ length: 16 }, (_, n) => redis.lrange(`scale:bull:events-${n}:active`, 0, -1)),
    )
    const runners = await Promise.all(
      active.flatMap((ids, n) => ids.map((id) => redis.hget(`scale:bull:events-${n}:${id}`, 'pb'))),
    )
    const jobsOf = (/** @type {number} */ i) =>
      runners.filter((r) => r?.endsWith(`:${workers[i]?.child.pid}`)).length
    const i = [0, 1, 2].reduce((best, k) => (jobsOf(k) > jobsOf(best) ? k : best), 0)
    return { i, jobs: jobsOf(i) }
  }
  /** @type {{ atMs: number, jobs: number }[]} */
  const kills = []
  const killBusiest = async (/** @type {string} */ name) => {
    const victim = await busiest()
    kills.push({ atMs: Date.now() - began, jobs: victim.jobs })
    workers[victim.i]?.child.kill('SIGKILL')
    await workers[victim.i]?.exited
    await sleep(1500)
    workers[victim.i] = start(name, process.execPath, ['src/worker.js'], env)
    return victim.i
  }

  await until(0.25)
  const victim = await killBusiest('worker-restarted-1')
  const other = (victim + 1) % 3

  await until(0.55)
  const termAt = Date.now() - began
  workers[other]?.child.kill('SIGTERM')
  const stoppedIn = Date.now()
  const stopped = await workers[other]?.exited
  assert.deepEqual(stopped, { code: 0, signal: null }, 'a worker stopped with SIGTERM exits 0')
  const shutdownMs = Date.now() - stoppedIn
  workers[other] = start(`worker-${other}c`, process.execPath, ['src/worker.js'], env)

  await until(0.8)
  await killBusiest('worker-restarted-2')

  // 5. Drain, then stop every worker gracefully.
  const [drainLine] = await run('drain', ['src/drain.js'], {
    ...env,
    DRAIN_TIMEOUT_MS: String(TIMEOUT_MS),
  })
  const elapsedMs = Date.now() - began
  const totals = JSON.parse(drainLine ?? '')
  process.stderr.write(`drain: ${drainLine} in ${Date.now() - began} ms\n`)
  for (const w of workers) w?.child.kill('SIGTERM')
  for (const w of workers)
    assert.deepEqual(await w?.exited, { code: 0, signal: null }, 'SIGTERM exits 0')

  // 6. Every event ended, and each one that was not delivered is dead-lettered with a reason.
  assert.equal(totals.enqueued, events.length)
  assert.equal(
    totals.delivered + totals.notSent + totals.failed + totals.deadLettered,
    events.length,
  )
  const deadIds = await redis.lrange('scale:bull:dead-letter:wait', 0, -1)
  assert.equal(
    deadIds.length,
    totals.failed + totals.deadLettered,
    'one dead letter per failed event',
  )
  /** @type {Set<string>} */
  const deadUsers = new Set()
  for (const id of deadIds) {
    const entry = JSON.parse((await redis.hget(`scale:bull:dead-letter:${id}`, 'data')) ?? '{}')
    assert.ok(
      typeof entry.reason === 'string' && entry.reason.length > 0,
      `dead letter ${id} has a reason`,
    )
    assert.ok(['failed', 'exhausted', 'error'].includes(entry.kind), `dead letter ${id} has a kind`)
    assert.deepEqual(entry.event, events[entry.line - 1], `dead letter ${id} holds its event`)
    deadUsers.add(entry.user)
    if (entry.user.startsWith('user:ghost-')) {
      assert.equal(entry.kind, 'exhausted')
      assert.equal(entry.outcome.code, 'contact_not_found')
      assert.equal(entry.attempts, 4)
    }
  }
  assert.ok(deadUsers.has('user:ghost-1') && deadUsers.has('user:ghost-2'), 'ghosts dead-lettered')
  assert.equal(totals.notSent, 2, 'the invalid events are not sent')

  // 7. Intercom's state: no duplicates, per-user order, nothing lost.
  const state = await (await fetch(`${emulatorUrl}/__emulator/state`)).json()
  const byExternalId = new Map()
  for (const c of state.contacts) {
    assert.ok(!byExternalId.has(c.external_id), `one contact for ${c.external_id}`)
    byExternalId.set(c.external_id, c)
  }
  const companyIds = state.companies.map((/** @type {any} */ c) => c.company_id)
  assert.equal(new Set(companyIds).size, companyIds.length, 'one company per company_id')

  /** @type {Map<string, number[]>} */
  const seqsByContact = new Map()
  for (const e of state.events) {
    const list = seqsByContact.get(e.contactId) ?? []
    list.push(Number(e.metadata?.seq))
    seqsByContact.set(e.contactId, list)
  }
  let repeated = 0
  let checkedUsers = 0
  for (const [userId, info] of users) {
    if (deadUsers.has(`user:${userId}`)) continue // something of theirs ended in the dead-letter queue
    checkedUsers += 1
    const contact = byExternalId.get(userId)
    assert.ok(contact, `a contact for ${userId}`)
    assert.equal(contact.name, info.lastName, `${userId}: the last identify wins`)
    const seqs = seqsByContact.get(contact.id) ?? []
    for (let i = 1; i < seqs.length; i++) {
      const [a, b] = [/** @type {number} */ (seqs[i - 1]), /** @type {number} */ (seqs[i])]
      assert.ok(b >= a, `${userId}: event ${b} arrived after ${a}`)
      if (b === a) repeated += 1
    }
    assert.deepEqual([...new Set(seqs)], info.seqs, `${userId}: every track event, in order`)
  }
  assert.ok(
    repeated <= totals.possibleDuplicates,
    `${repeated} repeated events ≤ possibleDuplicates`,
  )
  assert.ok(
    kills.every((k) => k.jobs >= 1) && totals.takenOver >= 2,
    'each killed worker had jobs, taken over',
  )

  // 8. The rate limit, measured where the requests arrive.
  const arrivals = proxy.arrivals
  const peak = slidingMax(arrivals, WINDOW_MS)
  assert.ok(peak <= RATE_LIMIT, `peak ${peak} requests in 10 s ≤ ${RATE_LIMIT}`)
  assert.ok(
    arrivals.length <= totals.requests,
    'every request that arrived went through the limiter',
  )
  const first = Math.min(...arrivals)
  const last = Math.max(...arrivals)
  const perSecond = arrivals.length / ((last - first) / 1000)

  const report = {
    events: events.length,
    users: USERS,
    checkedUsers,
    workers: 3,
    rateLimit: `${RATE_LIMIT}/10s`,
    elapsedMs,
    kills,
    sigtermAtMs: termAt,
    gracefulShutdownMs: shutdownMs,
    requests: arrivals.length,
    requestsPerSecond: Math.round(perSecond * 10) / 10,
    utilisation: Math.round((perSecond / (RATE_LIMIT / 10)) * 1000) / 1000,
    peak10s: peak,
    peakShare: Math.round((peak / RATE_LIMIT) * 1000) / 1000,
    eventsPerSecond: Math.round((events.length / (elapsedMs / 1000)) * 10) / 10,
    repeatedEvents: repeated,
    ...totals,
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
  await cleanup()
  process.stdout.write('scale test passed\n')
}

main().catch(fail)
