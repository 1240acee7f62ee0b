/**
 * What one exchange knows and learns: the host's known state (read-only, maybe
 * stale) under what this exchange learned from Intercom's answers (trusted).
 * @module
 */
import { hasKeys, isRecord } from '../_lib/is-record.js'
import { setOwn } from '../_lib/set-own.js'
import type { UserIdentity } from '../normalize/model.js'
import type { KnownEntry, KnownState, KnownStateData } from './known-state.js'

type Flat<T> = Record<string, KnownEntry<T>>

/** An entry of `map`, own properties only (`__proto__` and `constructor` are data). */
function entry<T>(map: Flat<T> | undefined, key: string): KnownEntry<T> | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined
}

function put<T>(map: Flat<T>, key: string, value: KnownEntry<T>): void {
  setOwn(map, key, value)
}

/**
 * Contacts are remembered by `external_id` when the call has a userId, else by
 * email — the keys search would find them by, so a remembered id never names a
 * contact the search would not pick.
 */
function contactKey(user: UserIdentity): ['byExternalId' | 'byEmail', string] | undefined {
  if (user.userId !== undefined) return ['byExternalId', user.userId]
  if (user.email !== undefined) return ['byEmail', user.email]
  return undefined
}

/** The known state of one exchange: lookups read what it learned first, then what it was given. */
export class Memory {
  private readonly learned = {
    byExternalId: {} as Flat<string>,
    byEmail: {} as Flat<string>,
    companies: {} as Flat<string>,
    companyWrites: {} as Flat<string>,
    attachments: {} as Record<string, Flat<true>>,
  }
  /** Ids an answer of this exchange named: they are not stale. */
  private readonly verified = new Set<string>()

  /**
   * @param known `options.known`, its shape checked; its entries are checked here,
   *   as they are read (a state may hold millions; an exchange reads a few).
   * @param invalid Told about an entry that is not one this library wrote; it is ignored.
   */
  constructor(
    private readonly known: KnownStateData | undefined,
    private readonly invalid: (path: string, message: string) => void = () => {},
  ) {}

  /** The user's contact id, when remembered. */
  contactId(user: UserIdentity): string | undefined {
    const key = contactKey(user)
    if (key === undefined) return undefined
    const [map, k] = key
    return this.read(this.learned[map], this.known?.contacts?.[map], k, `contacts.${map}`)
  }

  /** Intercom's id of the company with this `company_id`, when remembered. */
  companyId(companyId: string): string | undefined {
    return this.read(this.learned.companies, this.known?.companies, companyId, 'companies')
  }

  /** The last body written for this `company_id` (JSON), when remembered. */
  companyWrite(companyId: string): string | undefined {
    return this.read(
      this.learned.companyWrites,
      this.known?.companyWrites,
      companyId,
      'companyWrites',
    )
  }

  /** Whether the contact is remembered as attached to the company (Intercom ids). */
  isAttached(contactId: string, companyId: string): boolean {
    const learned = entry(this.learned.attachments[contactId], companyId)
    if (learned !== undefined) return learned === true
    const companies: unknown = entry(this.known?.attachments, contactId)
    if (companies === undefined || companies === null) return false
    const path = `attachments[${JSON.stringify(contactId)}]`
    if (!isRecord(companies)) return this.ignore(path, 'must be an object', companies, false)
    const attached: unknown = entry(companies as Flat<true>, companyId)
    if (attached === undefined || attached === null || attached === true) return attached === true
    return this.ignore(
      `${path}[${JSON.stringify(companyId)}]`,
      'must be true or null',
      attached,
      false,
    )
  }

  /** Whether an answer of this exchange named `id` (so a 404 on it is not staleness). */
  isVerified(id: string): boolean {
    return this.verified.has(id)
  }

  /** An answer of this exchange named `id`. */
  saw(id: string): void {
    this.verified.add(id)
  }

  /** An answer named the user's contact. */
  learnContact(user: UserIdentity, id: string): void {
    this.verified.add(id)
    const key = contactKey(user)
    if (key !== undefined) put(this.learned[key[0]], key[1], id)
  }

  /** An answer named the company's id; `written` is the body just upserted, if any. */
  learnCompany(companyId: string, id: string, written?: string): void {
    this.verified.add(id)
    put(this.learned.companies, companyId, id)
    if (written !== undefined) put(this.learned.companyWrites, companyId, written)
  }

  /** The contact is (`true`) or is not (`false`) attached to the company. */
  learnAttachment(contactId: string, companyId: string, attached: boolean): void {
    let companies = this.learned.attachments[contactId]
    if (companies === undefined) {
      companies = {}
      setOwn(this.learned.attachments, contactId, companies)
    }
    put(companies, companyId, attached ? true : null)
  }

  /**
   * `id` is stale (Intercom answered 404 on it): every entry that names it is
   * forgotten, here and in the learned state (a `null` the host's merge keeps).
   */
  forget(id: string): void {
    const known = this.known
    for (const map of ['byExternalId', 'byEmail'] as const) {
      this.forgetIn(this.learned[map], known?.contacts?.[map], id)
    }
    for (const companyId of this.forgetIn(this.learned.companies, known?.companies, id)) {
      put(this.learned.companyWrites, companyId, null)
    }
  }

  /** What this exchange learned, as a fresh JSON-serialisable state. */
  state(): KnownState {
    const out: Record<string, unknown> = { version: 1 }
    const { byExternalId, byEmail, companies, companyWrites, attachments } = this.learned
    const contacts: Record<string, unknown> = {}
    if (hasKeys(byExternalId)) contacts.byExternalId = { ...byExternalId }
    if (hasKeys(byEmail)) contacts.byEmail = { ...byEmail }
    if (hasKeys(contacts)) out.contacts = contacts
    if (hasKeys(companies)) out.companies = { ...companies }
    if (hasKeys(companyWrites)) out.companyWrites = { ...companyWrites }
    if (hasKeys(attachments)) {
      const copy: Record<string, Flat<true>> = {}
      for (const [contact, map] of Object.entries(attachments)) setOwn(copy, contact, { ...map })
      out.attachments = copy
    }
    return out as KnownState
  }

  private read(
    learned: Flat<string>,
    known: Flat<string> | undefined,
    key: string,
    where: string,
  ): string | undefined {
    const mine = entry(learned, key)
    if (mine !== undefined) return mine ?? undefined
    const given: unknown = entry(known, key)
    if (given === undefined || given === null) return undefined
    if (typeof given === 'string' && (given !== '' || where === 'companyWrites')) return given
    const what = where === 'companyWrites' ? 'a JSON text' : 'a non-empty id string'
    return this.ignore(
      `${where}[${JSON.stringify(key)}]`,
      `must be ${what} or null`,
      given,
      undefined,
    )
  }

  /** Reports an entry this library did not write and reads `fallback` instead. */
  private ignore<T>(path: string, must: string, value: unknown, fallback: T): T {
    const got = JSON.stringify(value) ?? typeof value
    this.invalid(`options.known.${path}`, `Ignored: options.known.${path}: ${must}, got ${got}`)
    return fallback
  }

  /** Forgets the keys whose value is `id` (unless this exchange learned them anew); returns them. */
  private forgetIn(learned: Flat<string>, known: Flat<string> | undefined, id: string): string[] {
    const keys = new Set<string>()
    for (const [key, value] of Object.entries(learned)) if (value === id) keys.add(key)
    for (const [key, value] of Object.entries(known ?? {})) {
      if (value === id && entry(learned, key) === undefined) keys.add(key)
    }
    for (const key of keys) put(learned, key, null)
    return [...keys]
  }
}
