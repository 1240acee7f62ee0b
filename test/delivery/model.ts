/**
 * The model of model.test.ts (and its regressions): model-based testing of `deliverAll` against the emulator: random interleavings of
 * identify (with a `seq` trait, sometimes a company, sometimes a company removal),
 * track and group (attach or remove) over a few users and companies, delivered in one
 * to three consecutive batches (each starting from the learned state of the ones
 * before, as a host does) with random faults: injected 5xx, sends that reject before
 * reaching Intercom or after it applied the request (a lost answer), Intercom's rate
 * limit (429 with `X-RateLimit-*`), a lagging search index, any concurrency.
 *
 * After each run the workspace must equal a small abstract model folded from the
 * commands in input order — each user's latest `seq`, the companies, the
 * contact–company associations, every track stored exactly once and in its user's
 * order — and every event must have exactly one result.
 */
import * as fc from 'fast-check'
import { expect } from 'vitest'
import {
  createRateLimiter,
  type DeliveryReport,
  deliverAll,
  type IntercomResponse,
  type KnownState,
  mergeKnown,
  type Send,
} from '../../src/index.js'
import { createIntercomEmulator, type IntercomEmulator } from '../../src/testing/index.js'
import { seeded } from '../helpers/faulty-send.js'
import { createVirtualClock } from '../helpers/virtual-clock.js'

const USERS = ['u0', 'u1', 'u2'] as const
const COMPANIES = ['k0', 'k1', 'k2'] as const
type User = (typeof USERS)[number]
type Company = (typeof COMPANIES)[number]

export type Command =
  | { kind: 'identify'; user: User; company?: Company; remove?: boolean }
  | { kind: 'track'; user: User }
  | { kind: 'group'; user: User; company: Company; remove?: boolean }

export interface Faults {
  serverErrorRate: number
  /** A send that rejects before reaching Intercom (connection refused). */
  rejectBefore: number
  /** A send that rejects after Intercom applied the request (the answer was lost). */
  rejectAfter: number
  rateLimit: { limit: number; windowMs: number } | undefined
  /** Whether deliverAll also gets a client-side limiter. */
  limiter: boolean
  searchLag: number
  concurrency: number
  seed: number
}

const user = fc.constantFrom(...USERS)
const company = fc.constantFrom(...COMPANIES)
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('identify' as const), user }),
  fc.record({ kind: fc.constant('identify' as const), user, company }),
  fc.record({ kind: fc.constant('identify' as const), user, company, remove: fc.constant(true) }),
  fc.record({ kind: fc.constant('track' as const), user }),
  fc.record({ kind: fc.constant('track' as const), user }),
  fc.record({ kind: fc.constant('group' as const), user, company }),
  fc.record({ kind: fc.constant('group' as const), user, company, remove: fc.constant(true) }),
)
const faults: fc.Arbitrary<Faults> = fc.record({
  serverErrorRate: fc.constantFrom(0, 0.05, 0.15),
  rejectBefore: fc.constantFrom(0, 0.05, 0.1),
  rejectAfter: fc.constantFrom(0, 0.05, 0.1),
  rateLimit: fc.option(
    fc.record({ limit: fc.integer({ min: 8, max: 20 }), windowMs: fc.constantFrom(1_000, 10_000) }),
    { nil: undefined },
  ),
  limiter: fc.boolean(),
  searchLag: fc.integer({ min: 0, max: 4 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
})
/** Commands cut into 1–3 batches (the cut points: positions in the list, one in three runs uncut). */
export const run = fc.record({
  commands: fc.array(command, { minLength: 1, maxLength: 24 }),
  cuts: fc.oneof(
    fc.constant([]),
    fc.array(fc.integer({ min: 1, max: 23 }), { minLength: 1, maxLength: 2 }),
  ),
  faults,
})

const T0 = Date.UTC(2026, 0, 1)

/**
 * The commands as batches of Segment events. A user with events in a batch and no
 * identify there gets one at the batch's end: a track whose user is never identified
 * is rightly left `retry`, which this model does not describe.
 */
export function toBatches(commands: readonly Command[], cuts: readonly number[]): Command[][] {
  // Each cut lands inside the list (1 … length − 1), whatever the list's length.
  const inside = commands.length > 1 ? cuts.map((p) => 1 + (p % (commands.length - 1))) : []
  const points = [...new Set(inside)].sort((a, b) => a - b)
  const batches: Command[][] = []
  let from = 0
  for (const to of [...points, commands.length]) {
    if (to <= from) continue
    const batch = commands.slice(from, to)
    const identified = new Set(batch.filter((c) => c.kind === 'identify').map((c) => c.user))
    for (const u of new Set(batch.map((c) => c.user))) {
      if (!identified.has(u)) batch.push({ kind: 'identify', user: u })
    }
    batches.push(batch)
    from = to
  }
  return batches
}

/** Segment events for the commands: `seq` is the command's position in the whole run. */
export function toEvents(batches: readonly Command[][]): Record<string, unknown>[][] {
  let seq = 0
  return batches.map((batch) =>
    batch.map((c) => {
      seq++
      // A distinct time per event: Intercom ignores a repeated event of the same name and time.
      const timestamp = new Date(T0 + seq * 1_000).toISOString()
      switch (c.kind) {
        case 'identify': {
          const traits: Record<string, unknown> = { seq }
          if (c.company !== undefined) {
            traits.company = c.remove
              ? { id: c.company, remove: true }
              : { id: c.company, name: `Company ${c.company}` }
          }
          return { type: 'identify', userId: c.user, timestamp, traits }
        }
        case 'track':
          return { type: 'track', userId: c.user, event: 'Step', timestamp, properties: { seq } }
        default: {
          const traits: Record<string, unknown> = { name: `Company ${c.company}` }
          if (c.remove) traits.remove = true
          return { type: 'group', userId: c.user, groupId: c.company, timestamp, traits }
        }
      }
    }),
  )
}

/** What the workspace must hold after the commands. */
interface Model {
  /** Latest `seq` of each identified user. */
  seq: Map<string, number>
  companies: Set<string>
  /** `user company` pairs attached. */
  attached: Set<string>
  /** Each user's track `seq`s, in input order. */
  tracks: Map<string, number[]>
}

type Numbered = Command & { seq: number }

/**
 * The order in which `deliverAll` applies one user's events of a batch: input order,
 * except that a user without a contact yet has the events read before their first
 * identify applied right after it (their contact is not found; that identify goes
 * first).
 */
function appliedOrder(events: readonly Numbered[], exists: boolean): Numbered[] {
  if (exists) return [...events]
  const first = events.findIndex((c) => c.kind === 'identify')
  if (first <= 0) return [...events]
  return [events[first] as Numbered, ...events.slice(0, first), ...events.slice(first + 1)]
}

/**
 * The model, folded from the commands in the order they are applied. With a lagging
 * search a contact that exists may not be found either, and the same rule moves the
 * user's next identify ahead of the events since the previous one (or since the
 * batch's start): a company that this identify attaches or detaches and that one of
 * those events groups is then `ambiguous` (either order is right) and left out of
 * the comparison. The first identify of a user new in the batch is not ambiguous:
 * every earlier event of theirs follows it whatever the lag, and, retried after it,
 * waits in place for search to catch up.
 */
export function modelOf(
  batches: readonly Command[][],
  searchLag: number,
): Model & { ambiguous: Set<string> } {
  const m: Model = { seq: new Map(), companies: new Set(), attached: new Set(), tracks: new Map() }
  const ambiguous = new Set<string>()
  const exists = new Set<string>()
  let seq = 0
  for (const batch of batches) {
    const numbered: Numbered[] = batch.map((c) => ({ ...c, seq: ++seq }))
    for (const u of USERS) {
      const mine = numbered.filter((c) => c.user === u)
      let since = 0
      mine.forEach((c, at) => {
        if (c.kind !== 'identify') return
        const isFirstOfNew = !exists.has(u) && since === 0
        const k = c.company
        if (
          searchLag > 0 &&
          !isFirstOfNew &&
          k !== undefined &&
          mine.slice(since, at).some((e) => e.kind === 'group' && e.company === k)
        ) {
          ambiguous.add(`${u} ${k}`)
        }
        since = at + 1
      })
      for (const c of appliedOrder(mine, exists.has(u))) apply(m, c)
      if (mine.some((c) => c.kind === 'identify')) exists.add(u)
    }
  }
  return { ...m, ambiguous }
}

function apply(m: Model, c: Numbered): void {
  const pair = `${c.user} ${'company' in c ? c.company : ''}`
  if (c.kind === 'identify') {
    m.seq.set(c.user, c.seq)
    if (c.company !== undefined && c.remove) m.attached.delete(pair)
    else if (c.company !== undefined) {
      m.companies.add(c.company)
      m.attached.add(pair)
    }
  } else if (c.kind === 'group') {
    // A group upserts its company, attaching the user or (remove) detaching them.
    m.companies.add(c.company)
    if (c.remove) m.attached.delete(pair)
    else m.attached.add(pair)
  } else m.tracks.set(c.user, [...(m.tracks.get(c.user) ?? []), c.seq])
}

/** The same view of the emulator's state. */
function observe(em: IntercomEmulator): Model {
  const state = em.state
  const userOf = new Map(state.contacts.map((c) => [c.id, c.external_id ?? `?${c.id}`]))
  const companyOf = new Map(state.companies.map((c) => [c.id, c.company_id]))
  const tracks = new Map<string, number[]>()
  for (const e of state.events) {
    const u = userOf.get(e.contactId) ?? '?'
    tracks.set(u, [...(tracks.get(u) ?? []), e.metadata.seq as number])
  }
  return {
    seq: new Map(
      state.contacts.map((c) => [c.external_id ?? '?', c.custom_attributes.seq as number]),
    ),
    companies: new Set(state.companies.map((c) => c.company_id)),
    attached: new Set(
      state.associations.map((a) => `${userOf.get(a.contactId)} ${companyOf.get(a.companyId)}`),
    ),
    tracks,
  }
}

/** Delivers the batches through the faults; the reports, the emulator and the sends. */
export async function deliverBatches(batches: readonly Command[][], f: Faults) {
  const em = createIntercomEmulator({
    searchLag: f.searchLag,
    ...(f.rateLimit === undefined ? {} : { rateLimit: f.rateLimit }),
    faults: { serverErrorRate: f.serverErrorRate, seed: f.seed },
    dataAttributes: [{ name: 'seq', model: 'contact', data_type: 'integer' }],
  })
  const clock = createVirtualClock(em)
  const random = seeded(f.seed + 1)
  const count = { before: 0, after: 0, requests: 0 }
  const send: Send = async (request): Promise<IntercomResponse> => {
    count.requests++
    const r = random()
    if (r < f.rejectBefore) {
      count.before++
      throw new Error('connect ECONNREFUSED')
    }
    const response = await em.send(request)
    if (r < f.rejectBefore + f.rejectAfter) {
      count.after++
      throw new Error('socket hang up (the answer was lost)')
    }
    return response
  }
  const reports: DeliveryReport[] = []
  let known: KnownState | undefined
  for (const events of toEvents(batches)) {
    const report = await deliverAll(events, {
      send,
      clock,
      random: seeded(f.seed + 2),
      concurrency: f.concurrency,
      // Generous: with up to ~30 % of requests failing, 8 attempts could run out.
      retry: { maxAttempts: 40 },
      ...(f.limiter && f.rateLimit !== undefined
        ? { limiter: createRateLimiter(f.rateLimit) }
        : {}),
      ...(known === undefined ? {} : { known }),
    })
    known = mergeKnown(known, report.learned)
    reports.push(report)
  }
  return { em, reports, count }
}

/** Checks one run: one result per event, everything delivered, the state equal to the model. */
export async function check(batches: readonly Command[][], f: Faults): Promise<void> {
  const { em, reports, count } = await deliverBatches(batches, f)
  reports.forEach((report, b) => {
    const events = (batches[b] as Command[]).length
    expect(report.results.map((r) => r.index)).toEqual([...Array(events).keys()])
    const undelivered = report.results.filter((r) => r.outcome.status !== 'delivered')
    expect(undelivered).toEqual([])
    expect(report.totals).toMatchObject({ events, delivered: events, failed: 0, gaveUp: 0 })
  })
  expect(reports.reduce((n, r) => n + r.totals.requests, 0)).toBe(count.requests)
  const model = modelOf(batches, f.searchLag)
  const seen = observe(em)
  const clear = (pairs: Set<string>) => new Set([...pairs].filter((p) => !model.ambiguous.has(p)))
  expect(seen.seq).toEqual(model.seq)
  expect(seen.companies).toEqual(model.companies)
  expect(clear(seen.attached)).toEqual(clear(model.attached))
  expect(seen.tracks).toEqual(model.tracks)
  expect(em.state.contacts).toHaveLength(model.seq.size)
}
