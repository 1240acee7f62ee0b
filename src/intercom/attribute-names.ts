/**
 * What Intercom allows as a custom attribute's name: the forbidden characters, and
 * the names its contact and company objects already use for fields of their own.
 * @module
 */

/**
 * Characters Intercom forbids in attribute names: `.` and `$` address nested fields;
 * the rest its UI and API reject (INTERCOM-FACTS: "no `.`, `$` or characters like
 * `` ~`!@#%^&*'{}|\" ``").
 */
export const FORBIDDEN_NAME_CHARACTERS = '.$~`!@#%^&*\'{}|\\"'

/**
 * One field of Intercom's contact or company object: whether a REST 2.x write may
 * set it, and the model field (of {@link NormalizedIdentify} / {@link NormalizedCompany},
 * `user.*` or `options.*`) that fills it, or `null` when nothing does.
 */
export interface ReservedField {
  writable: boolean
  model: string | null
}

/**
 * Top-level fields of Intercom's 2.x contact (the `contact` schema of the 2.16 OpenAPI
 * file); writable ones are those of `create_contact_request` / `update_contact_request`.
 * A custom attribute with one of these names would not be a custom attribute.
 */
export const CONTACT_FIELDS: Readonly<Record<string, ReservedField>> = {
  type: { writable: false, model: null },
  id: { writable: false, model: null },
  external_id: { writable: true, model: 'user.userId' },
  workspace_id: { writable: false, model: null },
  role: { writable: true, model: null },
  email: { writable: true, model: 'user.email' },
  email_domain: { writable: false, model: null },
  email_verified: { writable: true, model: null },
  phone: { writable: true, model: 'phone' },
  name: { writable: true, model: 'name' },
  owner_id: { writable: true, model: null },
  has_hard_bounced: { writable: false, model: null },
  marked_email_as_spam: { writable: false, model: null },
  unsubscribed_from_emails: { writable: true, model: 'options.unsubscribedFromEmails' },
  created_at: { writable: false, model: null },
  updated_at: { writable: false, model: null },
  signed_up_at: { writable: true, model: 'signedUpAt' },
  last_seen_at: { writable: true, model: 'lastSeenAt' },
  last_replied_at: { writable: false, model: null },
  last_contacted_at: { writable: false, model: null },
  last_email_opened_at: { writable: false, model: null },
  last_email_clicked_at: { writable: false, model: null },
  language_override: { writable: false, model: 'options.languageOverride' },
  browser: { writable: false, model: null },
  browser_version: { writable: false, model: null },
  browser_language: { writable: false, model: null },
  os: { writable: false, model: null },
  android_app_name: { writable: false, model: null },
  android_app_version: { writable: false, model: null },
  android_device: { writable: false, model: null },
  android_os_version: { writable: false, model: null },
  android_sdk_version: { writable: false, model: null },
  android_last_seen_at: { writable: false, model: null },
  ios_app_name: { writable: false, model: null },
  ios_app_version: { writable: false, model: null },
  ios_device: { writable: false, model: null },
  ios_os_version: { writable: false, model: null },
  ios_sdk_version: { writable: false, model: null },
  ios_last_seen_at: { writable: false, model: null },
  custom_attributes: { writable: true, model: 'customAttributes' },
  avatar: { writable: true, model: 'avatar' },
  tags: { writable: false, model: null },
  notes: { writable: false, model: null },
  companies: { writable: false, model: 'companies' },
  location: { writable: false, model: null },
  social_profiles: { writable: false, model: null },
  merge_history: { writable: false, model: null },
}

/**
 * Top-level fields of Intercom's 2.x company (the `company` schema of the 2.16 OpenAPI
 * file); writable ones are those of `create_or_update_company_request`.
 */
export const COMPANY_FIELDS: Readonly<Record<string, ReservedField>> = {
  type: { writable: false, model: null },
  id: { writable: false, model: null },
  name: { writable: true, model: 'name' },
  app_id: { writable: false, model: null },
  plan: { writable: true, model: 'plan' },
  company_id: { writable: true, model: 'companyId' },
  remote_created_at: { writable: true, model: 'createdAt' },
  created_at: { writable: false, model: null },
  updated_at: { writable: false, model: null },
  last_request_at: { writable: false, model: null },
  size: { writable: true, model: 'size' },
  website: { writable: true, model: 'website' },
  industry: { writable: true, model: 'industry' },
  monthly_spend: { writable: true, model: 'monthlySpend' },
  session_count: { writable: false, model: null },
  user_count: { writable: false, model: null },
  custom_attributes: { writable: true, model: 'customAttributes' },
  tags: { writable: false, model: null },
  segments: { writable: false, model: null },
  notes: { writable: false, model: null },
}
