/**
 * The emulated workspace's mutable records and the indexes Intercom keeps on them
 * (ids, `external_id`, email, `company_id`, associations, events), so that lookups
 * cost the same in a workspace of ten contacts or a million. Only the emulator's
 * route handlers write records, and the indexed keys (`external_id`, `email`) only
 * through {@link setContactKeys}; users see deep-frozen snapshots (`snapshot.ts`).
 * @module
 */
import { objectId } from './ids.js'
import type {
  CustomAttributeValue,
  DataAttributeModel,
  DataAttributeType,
  EmulatedDataAttribute,
  EmulatedEvent,
} from './types.js'

/** A contact (user or lead) as stored. */
export interface ContactRecord {
  id: string
  role: 'user' | 'lead'
  /** Indexed: change it with {@link setContactKeys}. */
  readonly external_id: string | null
  /** `''` when none. Indexed: change it with {@link setContactKeys}. */
  readonly email: string
  phone: string | null
  name: string | null
  avatar: string | null
  owner_id: string | number | null
  signed_up_at: number | null
  /** Last seen (2.x) and last request (1.4) are one value in Intercom. */
  last_seen_at: number | null
  unsubscribed_from_emails: boolean
  custom_attributes: Record<string, CustomAttributeValue>
  created_at: number
  updated_at: number
  last_seen_ip: string | null
  last_seen_user_agent: string | null
  session_count: number
  /** Sequence number of the request that created it (for the search lag). */
  createdSeq: number
}

/** A company as stored. */
export interface CompanyRecord {
  id: string
  company_id: string
  name: string | null
  plan: string | null
  monthly_spend: number
  size: number | null
  website: string | null
  industry: string | null
  remote_created_at: number | null
  last_request_at: number | null
  custom_attributes: Record<string, CustomAttributeValue>
  created_at: number
  updated_at: number
}

/** A custom data attribute as stored. */
export interface DataAttributeRecord extends EmulatedDataAttribute {
  id: number
  description: string | null
  messenger_writable: boolean
  created_at: number
  updated_at: number
}

/** A contact–company attachment (Intercom ids). */
export interface Association {
  contactId: string
  companyId: string
}

/** Lookup tables over the records; kept in step by the functions of this module. */
interface Indexes {
  contactById: Map<string, ContactRecord>
  /** `external_id` is unique among contacts (writes that would repeat one answer 409). */
  contactByExternalId: Map<string, ContactRecord>
  /** Lowercased email → every contact with it, in creation order (emails repeat). */
  contactsByEmail: Map<string, ContactRecord[]>
  companyById: Map<string, CompanyRecord>
  companyByCompanyId: Map<string, CompanyRecord>
  /** Contact id → its companies' ids, in attachment order. */
  companiesOfContact: Map<string, Set<string>>
  /** Company id → its contacts' ids. */
  contactsOfCompany: Map<string, Set<string>>
  /** `eventKey`s of the stored events, for Intercom's duplicate rule. */
  events: Set<string>
  /** `model \0 name` → attribute. */
  dataAttributes: Map<string, DataAttributeRecord>
}

/** Everything the emulated workspace holds. */
export interface Store {
  /** In creation order, which is also id order. */
  contacts: ContactRecord[]
  companies: CompanyRecord[]
  /**
   * Attachments in the order they were made, keyed by {@link associationKey}: a Map
   * keeps insertion order and deletes in constant time.
   */
  associations: Map<string, Association>
  events: EmulatedEvent[]
  dataAttributes: DataAttributeRecord[]
  /** Active event names: lowercase name → first spelling seen. Map order is first use. */
  eventNames: Map<string, string>
  /** Plan name → plan id, in order of first use. */
  plans: Map<string, string>
  counters: { contact: number; company: number; dataAttribute: number }
  index: Indexes
}

/** An empty workspace seeded with predefined data attributes and event names. */
export function createStore(
  dataAttributes: readonly EmulatedDataAttribute[],
  eventNames: readonly string[],
  nowSeconds: number,
): Store {
  const store: Store = {
    contacts: [],
    companies: [],
    associations: new Map(),
    events: [],
    dataAttributes: [],
    eventNames: new Map(),
    plans: new Map(),
    counters: { contact: 0, company: 0, dataAttribute: 0 },
    index: {
      contactById: new Map(),
      contactByExternalId: new Map(),
      contactsByEmail: new Map(),
      companyById: new Map(),
      companyByCompanyId: new Map(),
      companiesOfContact: new Map(),
      contactsOfCompany: new Map(),
      events: new Set(),
      dataAttributes: new Map(),
    },
  }
  for (const attribute of dataAttributes) {
    if (findDataAttribute(store, attribute.model, attribute.name) === undefined) {
      addDataAttribute(store, attribute, nowSeconds)
    }
  }
  for (const name of eventNames) {
    const key = name.toLowerCase()
    if (!store.eventNames.has(key)) store.eventNames.set(key, name)
  }
  return store
}

/** A new Intercom id for a contact or company. */
export function nextObjectId(store: Store, kind: 'contact' | 'company'): string {
  store.counters[kind] += 1
  return objectId(kind, store.counters[kind])
}

/** The custom data attribute `name` of `model`, if defined. */
export function findDataAttribute(
  store: Store,
  model: DataAttributeModel,
  name: string,
): DataAttributeRecord | undefined {
  return store.index.dataAttributes.get(attributeKey(model, name))
}

function attributeKey(model: DataAttributeModel, name: string): string {
  return `${model}\u0000${name}`
}

/** Defines a custom data attribute (the caller has validated it). */
export function addDataAttribute(
  store: Store,
  attribute: {
    name: string
    model: DataAttributeModel
    data_type: DataAttributeType
    description?: string | null
    messenger_writable?: boolean
  },
  nowSeconds: number,
): DataAttributeRecord {
  store.counters.dataAttribute += 1
  const record: DataAttributeRecord = {
    id: store.counters.dataAttribute,
    name: attribute.name,
    model: attribute.model,
    data_type: attribute.data_type,
    description: attribute.description ?? null,
    messenger_writable: attribute.messenger_writable ?? false,
    created_at: nowSeconds,
    updated_at: nowSeconds,
  }
  store.dataAttributes.push(record)
  store.index.dataAttributes.set(attributeKey(record.model, record.name), record)
  return record
}

/** Stores a new contact (created by the caller, with the next id) and indexes it. */
export function addContact(store: Store, record: ContactRecord): void {
  store.contacts.push(record)
  store.index.contactById.set(record.id, record)
  indexKeys(store, record)
}

function emailKey(email: string): string | undefined {
  return email === '' ? undefined : email.toLowerCase()
}

function indexKeys(store: Store, record: ContactRecord): void {
  const { contactByExternalId, contactsByEmail } = store.index
  if (record.external_id !== null) contactByExternalId.set(record.external_id, record)
  const key = emailKey(record.email)
  if (key === undefined) return
  const list = contactsByEmail.get(key)
  if (list === undefined) {
    contactsByEmail.set(key, [record])
    return
  }
  // Keep creation order; ids of one kind are fixed-width, so they compare as created.
  let at = list.length
  while (at > 0 && (list[at - 1] as ContactRecord).id > record.id) at -= 1
  list.splice(at, 0, record)
}

function unindexKeys(store: Store, record: ContactRecord): void {
  const { contactByExternalId, contactsByEmail } = store.index
  if (record.external_id !== null && contactByExternalId.get(record.external_id) === record) {
    contactByExternalId.delete(record.external_id)
  }
  const key = emailKey(record.email)
  const list = key === undefined ? undefined : contactsByEmail.get(key)
  if (key === undefined || list === undefined) return
  const at = list.indexOf(record)
  if (at !== -1) list.splice(at, 1)
  if (list.length === 0) contactsByEmail.delete(key)
}

/**
 * Changes a stored contact's `external_id` and/or `email` (absent members stay), and
 * its index entries with them. The caller has checked that no other contact has the
 * `external_id`.
 */
export function setContactKeys(
  store: Store,
  record: ContactRecord,
  keys: { external_id?: string | null | undefined; email?: string | undefined },
): void {
  const externalId = keys.external_id === undefined ? record.external_id : keys.external_id
  const email = keys.email === undefined ? record.email : keys.email
  if (externalId === record.external_id && email === record.email) return
  unindexKeys(store, record)
  const writable = record as { external_id: string | null; email: string }
  writable.external_id = externalId
  writable.email = email
  indexKeys(store, record)
}

/** The contact with Intercom id `id`. */
export function contactById(store: Store, id: string): ContactRecord | undefined {
  return store.index.contactById.get(id)
}

/** The contact with `external_id`, whatever its role. */
export function contactByExternalId(store: Store, externalId: string): ContactRecord | undefined {
  return store.index.contactByExternalId.get(externalId)
}

/** Every contact whose email matches, ignoring case, in creation order (users and leads). */
export function contactsByEmail(store: Store, email: string): readonly ContactRecord[] {
  const key = emailKey(email)
  return (key === undefined ? undefined : store.index.contactsByEmail.get(key)) ?? []
}

/** The first user (not lead) whose email matches, ignoring case as Intercom does. */
export function userByEmail(store: Store, email: string): ContactRecord | undefined {
  return contactsByEmail(store, email).find((c) => c.role === 'user')
}

/** Stores a new company and indexes it. */
export function addCompany(store: Store, record: CompanyRecord): void {
  store.companies.push(record)
  store.index.companyById.set(record.id, record)
  store.index.companyByCompanyId.set(record.company_id, record)
}

/** The company with Intercom id `id`. */
export function companyById(store: Store, id: string): CompanyRecord | undefined {
  return store.index.companyById.get(id)
}

/** The company with your `company_id`. */
export function companyByCompanyId(store: Store, companyId: string): CompanyRecord | undefined {
  return store.index.companyByCompanyId.get(companyId)
}

/** The key of an attachment in {@link Store.associations}. */
export function associationKey(contactId: string, companyId: string): string {
  return `${contactId}\u0000${companyId}`
}

/** Intercom ids of the companies attached to a contact, in attachment order. */
export function companiesOf(store: Store, contactId: string): string[] {
  const ids = store.index.companiesOfContact.get(contactId)
  return ids === undefined ? [] : [...ids]
}

/** How many companies a contact has. */
export function companyCount(store: Store, contactId: string): number {
  return store.index.companiesOfContact.get(contactId)?.size ?? 0
}

/** How many contacts a company has. */
export function userCount(store: Store, companyId: string): number {
  return store.index.contactsOfCompany.get(companyId)?.size ?? 0
}

/** True when the contact and company are attached. */
export function isAttached(store: Store, contactId: string, companyId: string): boolean {
  return store.associations.has(associationKey(contactId, companyId))
}

function members(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key)
  if (set === undefined) {
    set = new Set()
    map.set(key, set)
  }
  return set
}

/** Attaches a company to a contact; a no-op when already attached. */
export function addAssociation(store: Store, contactId: string, companyId: string): void {
  const key = associationKey(contactId, companyId)
  if (store.associations.has(key)) return
  store.associations.set(key, { contactId, companyId })
  members(store.index.companiesOfContact, contactId).add(companyId)
  members(store.index.contactsOfCompany, companyId).add(contactId)
}

/** Detaches a company from a contact; returns whether it was attached. */
export function removeAssociation(store: Store, contactId: string, companyId: string): boolean {
  if (!store.associations.delete(associationKey(contactId, companyId))) return false
  store.index.companiesOfContact.get(contactId)?.delete(companyId)
  store.index.contactsOfCompany.get(companyId)?.delete(contactId)
  return true
}

function eventKey(contactId: string, eventName: string, createdAt: number): string {
  return `${contactId}\u0000${createdAt}\u0000${eventName}`
}

/** True when the contact already has an event of that exact name and `created_at`. */
export function hasEvent(
  store: Store,
  contactId: string,
  eventName: string,
  createdAt: number,
): boolean {
  return store.index.events.has(eventKey(contactId, eventName, createdAt))
}

/** Stores an event (the caller has checked it is not a duplicate). */
export function addEvent(store: Store, event: EmulatedEvent): void {
  store.events.push(event)
  store.index.events.add(eventKey(event.contactId, event.event_name, event.created_at))
}

/** The plan id for a plan name, allocated on first use (deterministic). */
export function planId(store: Store, name: string): string {
  let id = store.plans.get(name)
  if (id === undefined) {
    id = String(store.plans.size + 1)
    store.plans.set(name, id)
  }
  return id
}
