/**
 * Companies: the `company_id`-keyed upsert, lookup, and attaching companies to contacts.
 * @module
 */
import {
  attributePolicy,
  json,
  param,
  type RouteContext,
  type RouteHandler,
  requireBody,
} from './context.js'
import {
  commitCustomAttributes,
  type PreparedAttributes,
  prepareCustomAttributes,
} from './custom-attributes.js'
import { ApiError, companyNotFound, invalid, missing, userNotFound } from './errors.js'
import { booleanField, idField, integerField, rejectUnknownFields, stringField } from './fields.js'
import type { JsonObject } from './json.js'
import { companyResponse, listResponse } from './render.js'
import {
  addAssociation,
  addCompany,
  type CompanyRecord,
  type ContactRecord,
  companiesOf,
  companyByCompanyId,
  companyById,
  companyCount,
  contactById,
  isAttached,
  nextObjectId,
  planId,
  removeAssociation,
} from './store.js'

/** Largest `monthly_spend` (and `size`) Intercom stores: 2^31 − 1. */
export const MAX_INT32 = 2 ** 31 - 1

/** Most companies one contact can be attached to. */
export const MAX_COMPANIES_PER_CONTACT = 1000

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
    throw new ApiError(
      400,
      'contact_company_limit_exceeded',
      `Contact has reached the maximum of ${MAX_COMPANIES_PER_CONTACT} company associations`,
    )
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

/** `POST /companies`: upsert keyed on `company_id`. */
export const upsertCompanyRoute: RouteHandler = (context) => {
  const write = readCompanyWrite(context, requireBody(context))
  const record = upsertCompany(context, write)
  return json(200, companyResponse(context.store, record))
}

/**
 * `GET /companies?company_id=…` (or `?name=…`): the company, or `404
 * company_not_found`. Without either, every company as a `list`.
 */
export const getCompanies: RouteHandler = (context) => {
  const { store, query } = context
  const companyId = query.get('company_id')
  const name = query.get('name')
  if (companyId !== undefined || name !== undefined) {
    const record =
      companyId !== undefined
        ? companyByCompanyId(store, companyId)
        : store.companies.find((c) => c.name === name)
    if (record === undefined) throw companyNotFound()
    return json(200, companyResponse(store, record))
  }
  const data = store.companies.map((c) => companyResponse(store, c))
  return json(
    200,
    listResponse(data, data.length, {
      next: null,
      page: 1,
      per_page: Math.max(data.length, 15),
      total_pages: data.length === 0 ? 0 : 1,
    }),
  )
}

function requireContact(context: RouteContext): ContactRecord {
  const contact = contactById(context.store, param(context, 0))
  if (contact === undefined) throw userNotFound()
  return contact
}

/** `POST /contacts/{id}/companies` with `{ id }` (Intercom's company id). */
export const attachCompanyRoute: RouteHandler = (context) => {
  const contact = requireContact(context)
  const body = requireBody(context)
  const id = idField(body, 'id')
  if (id === undefined) throw missing('company not specified', 'id')
  const company = companyById(context.store, id)
  if (company === undefined) throw companyNotFound()
  attach(context, contact, company)
  return json(200, companyResponse(context.store, company))
}

/**
 * `DELETE /contacts/{id}/companies/{company_id}`. A company that exists but is not
 * attached to the contact answers `404 company_not_found`, like an unknown company.
 */
export const detachCompanyRoute: RouteHandler = (context) => {
  const contact = requireContact(context)
  const company = companyById(context.store, param(context, 1))
  if (company === undefined || !detach(context, contact, company)) throw companyNotFound()
  company.updated_at = context.nowSeconds
  return json(200, companyResponse(context.store, company))
}

/** `GET /contacts/{id}/companies`. */
export const listContactCompanies: RouteHandler = (context) => {
  const contact = requireContact(context)
  const data = companiesOf(context.store, contact.id).flatMap((id) => {
    const company = companyById(context.store, id)
    return company === undefined ? [] : [companyResponse(context.store, company)]
  })
  return json(
    200,
    listResponse(data, data.length, {
      next: null,
      page: 1,
      per_page: Math.max(data.length, 50),
      total_pages: data.length === 0 ? 0 : 1,
    }),
  )
}
