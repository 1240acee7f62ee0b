/**
 * The workspace layer: the operations on the emulated workspace that several routes
 * share (finding a contact, creating one, the 409 conflict, validating and upserting
 * a company, attaching and detaching), and the store lookups routes use. Route
 * modules reach the store only through this module and never import each other, so
 * a rule such as "1000 companies per contact" is enforced in one place for 2.x and
 * 1.4 alike.
 * @module
 */
import { attributePolicy, type RouteContext } from './context.js'
import {
  commitCustomAttributes,
  type PreparedAttributes,
  prepareCustomAttributes,
} from './custom-attributes.js'
import { ApiError, invalid, missing, userNotFound } from './errors.js'
import { booleanField, idField, integerField, rejectUnknownFields, stringField } from './fields.js'
import type { JsonObject } from './json.js'
import {
  addAssociation,
  addCompany,
  type CompanyRecord,
  type ContactRecord,
  companyByCompanyId,
  companyCount,
  contactById,
  isAttached,
  nextObjectId,
  planId,
  removeAssociation,
  type Store,
} from './store.js'

export {
  addContact,
  addDataAttribute,
  addEvent,
  type CompanyRecord,
  type ContactRecord,
  companiesOf,
  companyByCompanyId,
  companyById,
  contactByExternalId,
  contactById,
  findDataAttribute,
  hasEvent,
  type Store,
  setContactKeys,
  userByEmail,
} from './store.js'

/** Largest `monthly_spend` (and `size`) Intercom stores: 2^31 − 1. */
export const MAX_INT32 = 2 ** 31 - 1

/** Most companies one contact can be attached to. */
export const MAX_COMPANIES_PER_CONTACT = 1000

/** The `400` Intercom answers for a contact's 1001st company. */
export function companyLimitExceeded(): ApiError {
  return new ApiError(
    400,
    'contact_company_limit_exceeded',
    `Contact has reached the maximum of ${MAX_COMPANIES_PER_CONTACT} company associations`,
  )
}

/** The fields `POST /companies` accepts. */
const COMPANY_FIELDS = [
  'company_id',
  'name',
  'plan',
  'monthly_spend',
  'size',
  'website',
  'industry',
  'remote_created_at',
  'update_last_request_at',
  'custom_attributes',
]

/** A validated company write: the upsert key and the changes. */
export interface CompanyWrite {
  companyId: string
  fields: Partial<
    Pick<
      CompanyRecord,
      'name' | 'plan' | 'monthly_spend' | 'size' | 'website' | 'industry' | 'remote_created_at'
    >
  >
  touch: boolean
  custom: PreparedAttributes | undefined
}

function int32(value: number, field: string): number {
  const truncated = Math.trunc(value)
  if (Math.abs(truncated) > MAX_INT32) {
    throw invalid(`${field} must be at most ${MAX_INT32}`, field)
  }
  return truncated
}

/**
 * Validates a company object (a `POST /companies` body, or one of 1.4's
 * `companies[]`, which may also carry `remove`). `prefix` names the fields in errors.
 */
export function readCompanyWrite(
  context: RouteContext,
  body: JsonObject,
  prefix = '',
  extraFields: readonly string[] = [],
): CompanyWrite {
  rejectUnknownFields(
    body,
    new Set([...COMPANY_FIELDS, ...extraFields]),
    (field) =>
      new ApiError(400, 'bad_request', `bad '${prefix}${field}' parameter`, prefix + field),
  )
  const companyId = idField(body, 'company_id')
  if (companyId === undefined || companyId === '') {
    throw missing('company_id is required', `${prefix}company_id`)
  }
  const fields: CompanyWrite['fields'] = {}
  for (const key of ['name', 'plan', 'website', 'industry'] as const) {
    const value = stringField(body, key, 'nullable')
    if (value !== undefined) fields[key] = value
  }
  const spend = body.monthly_spend
  if (spend !== undefined) {
    if (typeof spend !== 'number' || !Number.isFinite(spend)) {
      throw invalid('monthly_spend must be a number', `${prefix}monthly_spend`)
    }
    fields.monthly_spend = int32(spend, `${prefix}monthly_spend`)
  }
  const size = body.size
  if (size !== undefined && size !== null) {
    const number = typeof size === 'string' && /^\d+$/.test(size) ? Number(size) : size
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      throw invalid('size must be an integer', `${prefix}size`)
    }
    fields.size = int32(number, `${prefix}size`)
  } else if (size === null) {
    fields.size = null
  }
  const remoteCreatedAt = integerField(body, 'remote_created_at', 'nullable')
  if (remoteCreatedAt !== undefined) fields.remote_created_at = remoteCreatedAt
  const touch = booleanField(body, 'update_last_request_at', 'nullable') === true
  const custom = prepareCustomAttributes(
    context.store,
    body.custom_attributes,
    'company',
    attributePolicy(context),
    `${prefix}custom_attributes`,
  )
  return { companyId, fields, touch, custom }
}

/** Creates or updates the company a validated write names. */
export function upsertCompany(context: RouteContext, write: CompanyWrite): CompanyRecord {
  const { store, nowSeconds } = context
  let record = companyByCompanyId(store, write.companyId)
  if (record === undefined) {
    record = {
      id: nextObjectId(store, 'company'),
      company_id: write.companyId,
      name: null,
      plan: null,
      monthly_spend: 0,
      size: null,
      website: null,
      industry: null,
      remote_created_at: null,
      last_request_at: null,
      custom_attributes: {},
      created_at: nowSeconds,
      updated_at: nowSeconds,
    }
    addCompany(store, record)
  }
  Object.assign(record, write.fields)
  if (record.plan !== null) planId(store, record.plan)
  if (write.touch) record.last_request_at = nowSeconds
  if (write.custom !== undefined) {
    Object.assign(record.custom_attributes, commitCustomAttributes(store, write.custom, nowSeconds))
  }
  record.updated_at = nowSeconds
  return record
}

/** Attaches a company to a contact (idempotent); `400` beyond 1000 companies. */
export function attach(
  context: RouteContext,
  contact: ContactRecord,
  company: CompanyRecord,
): void {
  const { store } = context
  if (isAttached(store, contact.id, company.id)) return
  if (companyCount(store, contact.id) >= MAX_COMPANIES_PER_CONTACT) {
    throw companyLimitExceeded()
  }
  addAssociation(store, contact.id, company.id)
}

/** Detaches a company from a contact; returns whether it was attached. */
export function detach(
  context: RouteContext,
  contact: ContactRecord,
  company: CompanyRecord,
): boolean {
  return removeAssociation(context.store, contact.id, company.id)
}

/** The exact 409 Intercom answers when a contact already exists. */
export function conflict(existingId: string): ApiError {
  return new ApiError(
    409,
    'conflict',
    `A contact matching those details already exists with id=${existingId}`,
  )
}

/** A new, empty contact record (not yet stored). */
export function newContact(
  store: Store,
  role: 'user' | 'lead',
  seq: number,
  nowSeconds: number,
): ContactRecord {
  return {
    id: nextObjectId(store, 'contact'),
    role,
    external_id: null,
    email: '',
    phone: null,
    name: null,
    avatar: null,
    owner_id: null,
    signed_up_at: null,
    last_seen_at: null,
    unsubscribed_from_emails: false,
    custom_attributes: {},
    created_at: nowSeconds,
    updated_at: nowSeconds,
    last_seen_ip: null,
    last_seen_user_agent: null,
    session_count: 0,
    createdSeq: seq,
  }
}

/** The contact with Intercom id `id`, or `404 not_found`. */
export function requireContact(context: RouteContext, id: string): ContactRecord {
  const record = contactById(context.store, id)
  if (record === undefined) throw userNotFound()
  return record
}
