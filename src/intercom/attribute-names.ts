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
  /**
   * Trait names that fill this field (beyond Segment's spec traits, which normalize
   * reads by their spec names): Intercom's own name, its camelCase, and names
   * Segment's libraries honour for it. A trait named like a field without `traits` is
   * never sent as a custom attribute (warned `reserved_name`).
   */
  traits?: readonly string[]
  /** Why a trait of this name is not sent, when the generic reason would mislead. */
  note?: string
}

/**
 * Top-level fields of Intercom's 2.x contact (the `contact` schema of the 2.16 OpenAPI
 * file); writable ones are those of `create_contact_request` / `update_contact_request`.
 * A custom attribute with one of these names would not be a custom attribute.
 */
export const CONTACT_FIELDS: Readonly<Record<string, ReservedField>> = {
  type: { writable: false, model: null },
  id: { writable: false, model: null, note: 'Intercom assigns the contact id' },
  external_id: { writable: true, model: 'user.userId', traits: ['external_id', 'externalId'] },
  workspace_id: { writable: false, model: null },
  role: {
    writable: true,
    model: null,
    note: "an identify creates users, never leads: a trait never sets the contact's role",
  },
  email: { writable: true, model: 'user.email' },
  email_domain: { writable: false, model: null },
  email_verified: { writable: true, model: null },
  phone: { writable: true, model: 'phone' },
  name: { writable: true, model: 'name' },
  owner_id: { writable: true, model: 'ownerId', traits: ['owner_id', 'ownerId'] },
  has_hard_bounced: { writable: false, model: null },
  marked_email_as_spam: { writable: false, model: null },
  unsubscribed_from_emails: {
    writable: true,
    model: 'options.unsubscribedFromEmails',
    traits: ['unsubscribed_from_emails', 'unsubscribedFromEmails'],
  },
  created_at: { writable: false, model: null },
  updated_at: { writable: false, model: null },
  // `remote_created_at` is the 1.4 Users API's name of the sign-up time.
  signed_up_at: {
    writable: true,
    model: 'signedUpAt',
    traits: ['signed_up_at', 'signedUpAt', 'remote_created_at', 'remoteCreatedAt'],
  },
  last_seen_at: { writable: true, model: 'lastSeenAt', traits: ['last_seen_at', 'lastSeenAt'] },
  last_replied_at: { writable: false, model: null },
  last_contacted_at: { writable: false, model: null },
  last_email_opened_at: { writable: false, model: null },
  last_email_clicked_at: { writable: false, model: null },
  language_override: {
    writable: false,
    model: 'options.languageOverride',
    traits: ['language_override', 'languageOverride'],
  },
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
  name: { writable: true, model: 'name', traits: ['name'] },
  app_id: { writable: false, model: null },
  plan: { writable: true, model: 'plan', traits: ['plan'] },
  company_id: { writable: true, model: 'companyId', traits: ['company_id', 'id'] },
  // `created` is the alias Segment's libraries honour for `createdAt`.
  remote_created_at: {
    writable: true,
    model: 'createdAt',
    traits: ['createdAt', 'created_at', 'created', 'remote_created_at', 'remoteCreatedAt'],
  },
  created_at: { writable: false, model: null },
  updated_at: { writable: false, model: null },
  last_request_at: { writable: false, model: null },
  size: { writable: true, model: 'size', traits: ['size', 'employees'] },
  website: { writable: true, model: 'website', traits: ['website'] },
  industry: { writable: true, model: 'industry', traits: ['industry'] },
  monthly_spend: {
    writable: true,
    model: 'monthlySpend',
    traits: ['monthly_spend', 'monthlySpend'],
  },
  session_count: { writable: false, model: null },
  user_count: { writable: false, model: null },
  custom_attributes: { writable: true, model: 'customAttributes' },
  tags: { writable: false, model: null },
  segments: { writable: false, model: null },
  notes: { writable: false, model: null },
}

/**
 * The field a trait fills, by trait name: `traits` of every field of `table`, mapped
 * to its `model`. Built once per table.
 */
export function traitFields(
  table: Readonly<Record<string, ReservedField>>,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>()
  for (const key in table) {
    const f = table[key]
    if (f?.model != null) for (const t of f.traits ?? []) out.set(t, f.model)
  }
  return out
}
