/**
 * Stored records rendered as Intercom's response objects and as state snapshots.
 * Every call builds fresh objects, so callers may freeze or mutate them freely.
 * @module
 */
import type { CompanyRecord, ContactRecord, DataAttributeRecord, Store } from './store.js'
import { companiesOf, companyById, userCount } from './store.js'
import type { EmulatedCompany, EmulatedContact, EmulatedPlan } from './types.js'

/** The workspace (app) id every emulated object belongs to. */
export const WORKSPACE_ID = 'emulated'

/** How many items Intercom inlines in a contact's addressable lists. */
const INLINE_LIMIT = 10

/** The fields a contact shows in 2.x responses and in the state snapshot alike. */
type ContactCore = Omit<
  EmulatedContact,
  'last_request_at' | 'last_seen_ip' | 'last_seen_user_agent' | 'session_count'
>

/** The contact with the 1.4-only fields: what the state snapshot shows. */
export function contactState(store: Store, record: ContactRecord): EmulatedContact {
  const contact = contactCore(store, record) as EmulatedContact
  contact.last_request_at = record.last_seen_at
  contact.last_seen_ip = record.last_seen_ip
  contact.last_seen_user_agent = record.last_seen_user_agent
  contact.session_count = record.session_count
  return contact
}

function contactCore(store: Store, record: ContactRecord): ContactCore {
  const companyIds = companiesOf(store, record.id)
  const at = record.email.lastIndexOf('@')
  return {
    type: 'contact',
    id: record.id,
    workspace_id: WORKSPACE_ID,
    external_id: record.external_id,
    role: record.role,
    email: record.email,
    email_domain: at === -1 ? '' : record.email.slice(at + 1).toLowerCase(),
    phone: record.phone,
    name: record.name,
    avatar: record.avatar === null ? null : { type: 'avatar', image_url: record.avatar },
    owner_id: record.owner_id,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: record.unsubscribed_from_emails,
    created_at: record.created_at,
    updated_at: record.updated_at,
    signed_up_at: record.signed_up_at,
    last_seen_at: record.last_seen_at,
    custom_attributes: { ...record.custom_attributes },
    tags: emptyList(`/contacts/${record.id}/tags`),
    notes: emptyList(`/contacts/${record.id}/notes`),
    companies: {
      type: 'list',
      data: companyIds
        .slice(0, INLINE_LIMIT)
        .map((id) => ({ type: 'company', id, url: `/companies/${id}` })),
      url: `/contacts/${record.id}/companies`,
      total_count: companyIds.length,
      has_more: companyIds.length > INLINE_LIMIT,
    },
  }
}

function emptyList(url: string): EmulatedContact['tags'] {
  return { type: 'list', data: [], url, total_count: 0, has_more: false }
}

/** The contact as a 2.x response: the state shape without the 1.4-only fields. */
export function contactResponse(store: Store, record: ContactRecord): Record<string, unknown> {
  // Built on the core object rather than spread from it: search pages render many.
  return Object.assign(contactCore(store, record), {
    social_profiles: { type: 'list', data: [] },
    location: { type: 'location', country: null, region: null, city: null },
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
  })
}

/** The contact as a 1.4 `user` object. */
export function userResponse(store: Store, record: ContactRecord): Record<string, unknown> {
  return {
    type: 'user',
    id: record.id,
    user_id: record.external_id,
    email: record.email,
    phone: record.phone,
    name: record.name,
    avatar: { type: 'avatar', image_url: record.avatar },
    app_id: WORKSPACE_ID,
    created_at: record.created_at,
    updated_at: record.updated_at,
    signed_up_at: record.signed_up_at,
    last_request_at: record.last_seen_at,
    session_count: record.session_count,
    last_seen_ip: record.last_seen_ip,
    user_agent_data: record.last_seen_user_agent,
    unsubscribed_from_emails: record.unsubscribed_from_emails,
    pseudonym: null,
    anonymous: false,
    owner_id: record.owner_id,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    custom_attributes: { ...record.custom_attributes },
    companies: {
      type: 'company.list',
      companies: companiesOf(store, record.id).flatMap((id) => {
        const company = companyById(store, id)
        return company === undefined
          ? []
          : [{ type: 'company', id, company_id: company.company_id, name: company.name }]
      }),
    },
    location_data: {},
    social_profiles: { type: 'social_profile.list', social_profiles: [] },
    segments: { type: 'segment.list', segments: [] },
    tags: { type: 'tag.list', tags: [] },
  }
}

/** The company as Intercom returns it (responses and state alike). */
export function companyResponse(store: Store, record: CompanyRecord): EmulatedCompany {
  const planId = record.plan === null ? undefined : store.plans.get(record.plan)
  const plan: EmulatedPlan =
    record.plan === null || planId === undefined
      ? {}
      : { type: 'plan', id: planId, name: record.plan }
  const company: EmulatedCompany = {
    type: 'company',
    id: record.id,
    company_id: record.company_id,
    app_id: WORKSPACE_ID,
    name: record.name,
    plan,
    monthly_spend: record.monthly_spend,
    created_at: record.created_at,
    updated_at: record.updated_at,
    session_count: 0,
    user_count: userCount(store, record.id),
    custom_attributes: { ...record.custom_attributes },
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
  }
  if (record.size !== null) company.size = record.size
  if (record.website !== null) company.website = record.website
  if (record.industry !== null) company.industry = record.industry
  if (record.remote_created_at !== null) company.remote_created_at = record.remote_created_at
  if (record.last_request_at !== null) company.last_request_at = record.last_request_at
  return company
}

/** A custom data attribute as `GET`/`POST /data_attributes` return it. */
export function dataAttributeResponse(record: DataAttributeRecord): Record<string, unknown> {
  const attribute: Record<string, unknown> = {
    type: 'data_attribute',
    id: record.id,
    model: record.model,
    name: record.name,
    full_name: `custom_attributes.${record.name}`,
    label: record.name,
    data_type: record.data_type,
    api_writable: true,
    ui_writable: false,
    messenger_writable: record.messenger_writable,
    custom: true,
    archived: false,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
  if (record.description !== null) attribute.description = record.description
  return attribute
}

/** A `list` response with Intercom's page object (one page unless `pages` says otherwise). */
export function listResponse(
  data: unknown[],
  totalCount: number,
  pages: Record<string, unknown>,
): Record<string, unknown> {
  return { type: 'list', data, total_count: totalCount, pages: { type: 'pages', ...pages } }
}

/** A `list` that fits on one page (Intercom reports `per_page` as at least its default). */
export function onePageList(data: unknown[], defaultPerPage: number): Record<string, unknown> {
  return listResponse(data, data.length, {
    next: null,
    page: 1,
    per_page: Math.max(data.length, defaultPerPage),
    total_pages: data.length === 0 ? 0 : 1,
  })
}
