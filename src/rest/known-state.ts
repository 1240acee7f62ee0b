import { isRecord } from '../_lib/is-record.js'
import { setOwn } from '../_lib/set-own.js'

/** A `KnownState` that is not one this library wrote: `path` names the bad part. */
export class KnownStateError extends TypeError {
  override readonly name = 'KnownStateError'
  /** Where in the state, e.g. `contacts.byEmail["a@example.com"]`. */
  readonly path: string
  constructor(path: string, message: string) {
    super(`${path}: ${message}`)
    this.path = path
  }
}

/**
 * JSON-serialisable memory of what Intercom told earlier exchanges.
 * Hosts store it as JSON and combine states with {@link mergeKnown}; its inner shape
 * is the library's ({@link KnownStateData} documents it).
 */
export type KnownState = { readonly version: 1 } & Record<string, unknown>

/** An entry: a value, or `null` to forget one an older state has (a stale id). */
export type KnownEntry<T> = T | null

/**
 * The library's shape inside a {@link KnownState}. Every map merges key by key, the
 * newer state winning; `null` is a tombstone that makes the entry forgotten (and is
 * kept, so that merging is associative). Unknown top-level keys are kept as they
 * are, the newer state's winning, so a newer library's state survives an older one.
 */
export interface KnownStateData {
  readonly version: 1
  contacts?: {
    /** Intercom contact id by `external_id` (the Segment `userId`). */
    byExternalId?: Record<string, KnownEntry<string>>
    /** Intercom contact id by email. */
    byEmail?: Record<string, KnownEntry<string>>
  }
  /** Intercom company id by `company_id` (the Segment `groupId`). */
  companies?: Record<string, KnownEntry<string>>
  /** Companies a contact is attached to: contact id → company id → `true` (or `null`: detached). */
  attachments?: Record<string, Record<string, KnownEntry<true>>>
  /**
   * The last `POST /companies` body written for a `company_id`, as JSON text: a
   * company whose body is the same again is not upserted again.
   */
  companyWrites?: Record<string, KnownEntry<string>>
}

type Flat<T> = Record<string, KnownEntry<T>>

/**
 * Merges two known states into a new one; `b` is the newer (what a delivery just
 * learned), so its entries win. Neither input is modified. Associative and
 * idempotent, with `undefined` and `{ version: 1 }` as identities: workers may
 * merge their states in any grouping and get the same result.
 *
 * @throws KnownStateError naming the offending path when a state is not one this
 *   library wrote (wrong `version`, an id that is not a string, …).
 *
 * @example
 * ```ts
 * const stored = JSON.parse(await redis.get('known') ?? '{"version":1}')
 * const report = await deliverAll(events, { send, known: stored })
 * await redis.set('known', JSON.stringify(mergeKnown(stored, report.learned)))
 *
 * mergeKnown(
 *   { version: 1, companies: { acme: 'c1', globex: 'c2' } },
 *   { version: 1, companies: { acme: 'c9', globex: null } },
 * ) // { version: 1, companies: { acme: 'c9', globex: null } }
 * ```
 */
export function mergeKnown(a: KnownState | undefined, b: KnownState): KnownState {
  const older = a === undefined ? { version: 1 as const } : checkKnown(a, 'a')
  const newer = checkKnown(b, 'b')
  const out: Record<string, unknown> = {}
  for (const key of keysOf(older, newer)) {
    const x = older[key]
    const y = newer[key]
    let merged: unknown
    if (key === 'version') merged = 1
    else if (key === 'contacts') merged = mergeContacts(x, y)
    else if (key === 'companies' || key === 'companyWrites')
      merged = mergeFlat(x as Flat<string>, y as Flat<string>)
    else if (key === 'attachments') merged = mergeAttachments(x, y)
    else merged = y === undefined ? x : y
    if (merged !== undefined) setOwn(out, key, merged)
  }
  return out as KnownState
}

/**
 * Merges `b` into `into` in place, by the rules of {@link mergeKnown} (`b` wins,
 * tombstones kept). For a running state that grows by many small deltas, as in
 * `deliverAll`: each call costs the size of `b`, not of `into`. The maps of `into`
 * are its own (created here, never taken from `b`), so `b` is never modified later.
 *
 * @throws KnownStateError (path under `name`) when `b` is not a state this library wrote.
 */
export function mergeKnownInto(into: KnownState, b: KnownState, name = 'b'): void {
  const newer = checkKnown(b, name)
  const out = into as Record<string, unknown>
  for (const [key, y] of Object.entries(newer)) {
    if (key === 'version' || y === undefined) continue
    if (key === 'contacts') {
      const from = y as NonNullable<KnownStateData['contacts']>
      const contacts = ownMap(out, 'contacts') as Record<string, Flat<string>>
      for (const sub of ['byExternalId', 'byEmail'] as const) {
        if (from[sub] !== undefined) assignFlat(ownMap(contacts, sub), from[sub])
      }
    } else if (key === 'companies' || key === 'companyWrites') {
      assignFlat(ownMap(out, key), y as Flat<string>)
    } else if (key === 'attachments') {
      const attachments = ownMap(out, key) as Record<string, Flat<true>>
      for (const [contact, companies] of Object.entries(y as Record<string, Flat<true>>)) {
        assignFlat(ownMap(attachments, contact), companies)
      }
    } else setOwn(out, key, y)
  }
}

/** `obj[key]`, created as an empty object first when absent. */
function ownMap(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = Object.hasOwn(obj, key) ? obj[key] : undefined
  if (isRecord(existing)) return existing
  const fresh: Record<string, unknown> = {}
  setOwn(obj, key, fresh)
  return fresh
}

function assignFlat<T>(into: Record<string, unknown>, from: Flat<T>): void {
  for (const [k, v] of Object.entries(from)) setOwn(into, k, v)
}

function mergeContacts(x: unknown, y: unknown): KnownStateData['contacts'] {
  if (x === undefined && y === undefined) return undefined
  const a = (x ?? {}) as NonNullable<KnownStateData['contacts']>
  const b = (y ?? {}) as NonNullable<KnownStateData['contacts']>
  const out: NonNullable<KnownStateData['contacts']> = {}
  const byExternalId = mergeFlat(a.byExternalId, b.byExternalId)
  const byEmail = mergeFlat(a.byEmail, b.byEmail)
  if (byExternalId !== undefined) out.byExternalId = byExternalId
  if (byEmail !== undefined) out.byEmail = byEmail
  return out
}

function mergeAttachments(x: unknown, y: unknown): KnownStateData['attachments'] {
  if (x === undefined && y === undefined) return undefined
  const a = (x ?? {}) as Record<string, Flat<true>>
  const b = (y ?? {}) as Record<string, Flat<true>>
  const out: Record<string, Flat<true>> = {}
  for (const contact of keysOf(a, b)) setOwn(out, contact, mergeFlat(a[contact], b[contact]))
  return out
}

function mergeFlat<T>(a: Flat<T> | undefined, b: Flat<T> | undefined): Flat<T> | undefined {
  if (a === undefined && b === undefined) return undefined
  const out: Flat<T> = {}
  for (const [k, v] of Object.entries(a ?? {})) setOwn(out, k, v)
  for (const [k, v] of Object.entries(b ?? {})) setOwn(out, k, v)
  return out
}

function keysOf(a: object, b: object): Set<string> {
  return new Set([...Object.keys(a), ...Object.keys(b)])
}

/**
 * Checks the library's parts of a state; returns it typed. With `entries: false`
 * only its shape (version, maps are objects): O(1), for a mapping that reads a few
 * entries of a state that may hold millions — the reader checks what it reads.
 */
export function checkKnown(
  state: unknown,
  name: string,
  entries = true,
): KnownStateData & Record<string, unknown> {
  if (!isRecord(state)) throw new KnownStateError(name, 'a known state must be a plain object')
  if (state.version !== 1) {
    throw new KnownStateError(
      `${name}.version`,
      `must be 1 (a state this library version can read), got ${JSON.stringify(state.version) ?? String(state.version)}`,
    )
  }
  if (state.contacts !== undefined) {
    const contacts = state.contacts
    if (!isRecord(contacts)) throw new KnownStateError(`${name}.contacts`, 'must be an object')
    checkFlat(contacts.byExternalId, `${name}.contacts.byExternalId`, entries && isId)
    checkFlat(contacts.byEmail, `${name}.contacts.byEmail`, entries && isId)
  }
  checkFlat(state.companies, `${name}.companies`, entries && isId)
  checkFlat(state.companyWrites, `${name}.companyWrites`, entries && isText, 'a JSON text')
  if (state.attachments !== undefined) {
    if (!isRecord(state.attachments)) {
      throw new KnownStateError(`${name}.attachments`, 'must be an object')
    }
    if (!entries) return state as KnownStateData & Record<string, unknown>
    for (const [contact, companies] of Object.entries(state.attachments)) {
      const path = `${name}.attachments[${JSON.stringify(contact)}]`
      if (companies === undefined) throw new KnownStateError(path, 'must be an object')
      checkFlat(companies, path, (v) => v === true)
    }
  }
  return state as KnownStateData & Record<string, unknown>
}

function isId(v: unknown): boolean {
  return typeof v === 'string' && v !== ''
}

function isText(v: unknown): boolean {
  return typeof v === 'string'
}

function checkFlat(
  map: unknown,
  path: string,
  valid: false | ((v: unknown) => boolean),
  what = valid === isId ? 'a non-empty id string' : 'true',
): void {
  if (map === undefined) return
  if (!isRecord(map)) throw new KnownStateError(path, 'must be an object')
  if (valid === false) return
  for (const [k, v] of Object.entries(map)) {
    if (v !== null && !valid(v)) {
      throw new KnownStateError(
        `${path}[${JSON.stringify(k)}]`,
        `must be ${what} or null, got ${JSON.stringify(v) ?? typeof v}`,
      )
    }
  }
}
