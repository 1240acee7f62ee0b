/**
 * The emulated workspace's mutable records. Only the emulator's route handlers write
 * them; users see deep-frozen snapshots (see `snapshot.ts`).
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
  external_id: string | null
  /** `''` when none. */
  email: string
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

/** Everything the emulated workspace holds. */
export interface Store {
  contacts: ContactRecord[]
  companies: CompanyRecord[]
  /** Attachments in the order they were made; `contactId`/`companyId` are Intercom ids. */
  associations: { contactId: string; companyId: string }[]
  events: EmulatedEvent[]
  dataAttributes: DataAttributeRecord[]
  /** Active event names: lowercase name → first spelling seen. Map order is first use. */
  eventNames: Map<string, string>
  /** Plan name → plan id, in order of first use. */
  plans: Map<string, string>
  counters: { contact: number; company: number; dataAttribute: number }
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
    associations: [],
    events: [],
    dataAttributes: [],
    eventNames: new Map(),
    plans: new Map(),
    counters: { contact: 0, company: 0, dataAttribute: 0 },
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
  return store.dataAttributes.find((a) => a.model === model && a.name === name)
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
  return record
}

/** The contact with Intercom id `id`. */
export function contactById(store: Store, id: string): ContactRecord | undefined {
  return store.contacts.find((c) => c.id === id)
}

/** The contact with `external_id`, whatever its role. */
export function contactByExternalId(store: Store, externalId: string): ContactRecord | undefined {
  return store.contacts.find((c) => c.external_id === externalId)
}

/** The first user (not lead) whose email matches, ignoring case as Intercom does. */
export function userByEmail(store: Store, email: string): ContactRecord | undefined {
  const wanted = email.toLowerCase()
  return store.contacts.find(
    (c) => c.role === 'user' && c.email !== '' && c.email.toLowerCase() === wanted,
  )
}

/** The company with Intercom id `id`. */
export function companyById(store: Store, id: string): CompanyRecord | undefined {
  return store.companies.find((c) => c.id === id)
}

/** The company with your `company_id`. */
export function companyByCompanyId(store: Store, companyId: string): CompanyRecord | undefined {
  return store.companies.find((c) => c.company_id === companyId)
}

/** Intercom ids of the companies attached to a contact, in attachment order. */
export function companiesOf(store: Store, contactId: string): string[] {
  return store.associations.filter((a) => a.contactId === contactId).map((a) => a.companyId)
}

/** How many contacts a company has. */
export function userCount(store: Store, companyId: string): number {
  return store.associations.filter((a) => a.companyId === companyId).length
}

/** True when the contact and company are attached. */
export function isAttached(store: Store, contactId: string, companyId: string): boolean {
  return store.associations.some((a) => a.contactId === contactId && a.companyId === companyId)
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
