/**
 * Legacy 1.x `POST /users`: an upsert by `user_id`, else `email` (or Intercom `id`),
 * that also upserts and attaches (or, with `remove: true`, detaches) companies and
 * creates custom attributes on first use, as 1.x did. Users are role-`user` contacts.
 * @module
 */
import { json, type RouteContext, type RouteHandler, requireBody } from './context.js'
import { commitCustomAttributes, prepareCustomAttributes } from './custom-attributes.js'
import { invalid, missing, userNotFound } from './errors.js'
import { booleanField, idField, integerField, rejectUnknownFields, stringField } from './fields.js'
import { isObject, type JsonObject } from './json.js'
import { userResponse } from './render.js'
import {
  addContact,
  attach,
  type CompanyWrite,
  type ContactRecord,
  companiesOf,
  companyByCompanyId,
  companyLimitExceeded,
  conflict,
  contactByExternalId,
  contactById,
  detach,
  MAX_COMPANIES_PER_CONTACT,
  newContact,
  readCompanyWrite,
  setContactKeys,
  upsertCompany,
  userByEmail,
} from './workspace.js'

/** The fields 1.4's `POST /users` accepts. */
export const USER_FIELDS: ReadonlySet<string> = new Set([
  'user_id',
  'email',
  'id',
  'name',
  'phone',
  'signed_up_at',
  'last_request_at',
  'update_last_request_at',
  'new_session',
  'last_seen_ip',
  'last_seen_user_agent',
  'unsubscribed_from_emails',
  'companies',
  'custom_attributes',
])

/** A validated entry of `companies[]`. */
interface CompanyChange {
  write: CompanyWrite
  remove: boolean
}

function readCompanies(context: RouteContext, raw: unknown): CompanyChange[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw invalid('companies must be an array', 'companies')
  return raw.map((item: unknown, index) => {
    const prefix = `companies[${index}].`
    if (!isObject(item)) throw invalid('Each company must be an object', `companies[${index}]`)
    const remove = item.remove ?? false
    if (typeof remove !== 'boolean') throw invalid('remove must be a boolean', `${prefix}remove`)
    return { write: readCompanyWrite(context, item, prefix, ['remove']), remove }
  })
}

/** Finds the user a request names, or `undefined` when it should be created. */
function findUser(context: RouteContext, body: JsonObject): ContactRecord | undefined {
  const id = idField(body, 'id')
  const userId = idField(body, 'user_id')
  const email = stringField(body, 'email', 'nullable')
  if (id !== undefined) {
    const record = contactById(context.store, id)
    if (record === undefined) throw userNotFound()
    return record
  }
  if (userId !== undefined) return contactByExternalId(context.store, userId)
  if (email !== undefined && email !== null && email !== '') {
    return userByEmail(context.store, email)
  }
  throw missing('A user needs a user_id or email', 'user_id')
}

/** Refuses, before anything changes, a request that would pass 1000 companies. */
function checkCompanyLimit(
  context: RouteContext,
  user: ContactRecord | undefined,
  changes: readonly CompanyChange[],
): void {
  const attached = new Set(user === undefined ? [] : companiesOf(context.store, user.id))
  for (const { write, remove } of changes) {
    const company = companyByCompanyId(context.store, write.companyId)
    if (company === undefined) {
      if (!remove) attached.add(`new:${write.companyId}`)
    } else if (remove) attached.delete(company.id)
    else attached.add(company.id)
  }
  if (attached.size > MAX_COMPANIES_PER_CONTACT) {
    throw companyLimitExceeded()
  }
}

function nullableString(body: JsonObject, key: string): string | null | undefined {
  return stringField(body, key, 'nullable')
}

/** `POST /users` (1.x): creates or updates a user; answers the 1.4 `user` object. */
export const upsertUser: RouteHandler = (context) => {
  const body = requireBody(context)
  rejectUnknownFields(body, USER_FIELDS)
  const existing = findUser(context, body)
  const userId = idField(body, 'user_id')
  const email = nullableString(body, 'email')
  const name = nullableString(body, 'name')
  const phone = nullableString(body, 'phone')
  const ip = nullableString(body, 'last_seen_ip')
  const agent = nullableString(body, 'last_seen_user_agent')
  const signedUpAt = integerField(body, 'signed_up_at', 'nullable')
  const lastRequestAt = integerField(body, 'last_request_at', 'nullable')
  const touch = booleanField(body, 'update_last_request_at', 'nullable') === true
  const newSession = booleanField(body, 'new_session', 'nullable') === true
  const unsubscribed = booleanField(body, 'unsubscribed_from_emails', 'nullable')
  const custom = prepareCustomAttributes(context.store, body.custom_attributes, 'contact', 'create')
  const companies = readCompanies(context, body.companies)
  const { store, nowSeconds } = context
  if (userId !== undefined && existing !== undefined) {
    const owner = contactByExternalId(store, userId)
    if (owner !== undefined && owner.id !== existing.id) throw conflict(owner.id)
  }
  checkCompanyLimit(context, existing, companies)

  const record = existing ?? newContact(store, 'user', context.seq, nowSeconds)
  if (existing === undefined) addContact(store, record)
  record.role = 'user'
  setContactKeys(store, record, {
    external_id: userId,
    email: email === undefined ? undefined : (email ?? ''),
  })
  if (name !== undefined) record.name = name
  if (phone !== undefined) record.phone = phone
  if (ip !== undefined) record.last_seen_ip = ip
  if (agent !== undefined) record.last_seen_user_agent = agent
  if (signedUpAt !== undefined) record.signed_up_at = signedUpAt
  // An explicit last_request_at is more specific than "now".
  if (lastRequestAt !== undefined) record.last_seen_at = lastRequestAt
  else if (touch) record.last_seen_at = nowSeconds
  if (newSession) record.session_count += 1
  if (unsubscribed !== undefined && unsubscribed !== null) {
    record.unsubscribed_from_emails = unsubscribed
  }
  if (custom !== undefined) {
    Object.assign(record.custom_attributes, commitCustomAttributes(store, custom, nowSeconds))
  }
  record.updated_at = nowSeconds
  for (const { write, remove } of companies) {
    if (remove) {
      const company = companyByCompanyId(store, write.companyId)
      if (company !== undefined && detach(context, record, company)) {
        company.updated_at = nowSeconds
      }
    } else {
      attach(context, record, upsertCompany(context, write))
    }
  }
  return json(200, userResponse(store, record))
}
