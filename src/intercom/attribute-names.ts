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
 * `user.*` or `options.*`) that its `traits` fill, or `null` when none do (the fields
 * Segment's spec traits fill, `email`, `phone`…, are read by their spec names).
 */
export interface ReservedField {
  writable: boolean
  model: string | null
  /**
   * Trait names that fill this field (space-separated), in order of precedence (beyond Segment's spec
   * traits, which normalize reads by their spec names): Intercom's own name, its
   * camelCase, and names Segment's libraries honour for it. A trait named like a field
   * without `traits` is never sent as a custom attribute (warned `reserved_name`).
   */
  traits?: string
  /** Why a trait of this name is not sent, when the generic reason would mislead. */
  note?: string
}

/**
 * A field table. Most of Intercom's fields are only named: those of `readOnly` no
 * write sets, those of `writable` a write may set but no trait fills (both
 * space-separated). `fields` are the others: writable unless they say otherwise, with
 * the model field and the traits that fill them, or a note.
 */
function fieldTable(
  readOnly: string,
  writable: string,
  fields: Readonly<Record<string, Partial<ReservedField>>>,
): Readonly<Record<string, ReservedField>> {
  const table: Record<string, ReservedField> = {}
  const name = (names: string, isWritable: boolean) => {
    for (const n of names.split(' ')) table[n] = { writable: isWritable, model: null }
  }
  name(readOnly, false)
  name(writable, true)
  for (const n in fields) table[n] = { writable: true, model: null, ...fields[n] }
  return table
}

/** The fields a mobile SDK keeps per platform (`android_app_name`, `ios_app_name`, …). */
const sdkFields = (platform: string) =>
  'app_name app_version device os_version sdk_version last_seen_at'.replace(
    /\w+/g,
    `${platform}_$&`,
  )

/**
 * Top-level fields of Intercom's 2.x contact (the `contact` schema of the 2.16 OpenAPI
 * file); writable ones are those of `create_contact_request` / `update_contact_request`.
 * A custom attribute with one of these names would not be a custom attribute.
 */
export const CONTACT_FIELDS = fieldTable(
  'type workspace_id email_domain has_hard_bounced marked_email_as_spam created_at updated_at ' +
    'last_replied_at last_contacted_at last_email_opened_at last_email_clicked_at browser ' +
    'browser_version browser_language os tags notes companies location social_profiles ' +
    `merge_history ${sdkFields('android')} ${sdkFields('ios')}`,
  // Segment's spec traits fill these (`email`, `name`, `phone`, `avatar`): identify reads them.
  'email email_verified phone name custom_attributes avatar',
  {
    id: { writable: false, note: 'Intercom assigns the contact id' },
    // analytics-android copies `userId` into every identify's traits.
    external_id: {
      model: 'user.userId',
      traits: 'userId user_id external_id externalId',
    },
    role: { note: "an identify creates users, never leads: a trait never sets the contact's role" },
    owner_id: { model: 'ownerId', traits: 'owner_id ownerId' },
    unsubscribed_from_emails: {
      model: 'options.unsubscribedFromEmails',
      traits: 'unsubscribed_from_emails unsubscribedFromEmails',
    },
    // `remote_created_at` is the 1.4 Users API's name of the sign-up time.
    signed_up_at: {
      model: 'signedUpAt',
      traits: 'signed_up_at signedUpAt remote_created_at remoteCreatedAt',
    },
    last_seen_at: { model: 'lastSeenAt', traits: 'last_seen_at lastSeenAt' },
    language_override: {
      writable: false,
      model: 'options.languageOverride',
      traits: 'language_override languageOverride',
    },
  },
)

/**
 * Top-level fields of Intercom's 2.x company (the `company` schema of the 2.16 OpenAPI
 * file); writable ones are those of `create_or_update_company_request`. The fields with
 * a model are in the order the encoders write them (`writeCompanyFields`).
 */
export const COMPANY_FIELDS = fieldTable(
  'type id app_id created_at updated_at last_request_at session_count user_count tags segments notes',
  'custom_attributes',
  {
    company_id: { model: 'companyId', traits: 'company_id id' },
    name: { model: 'name', traits: 'name' },
    // `created` is the alias Segment's libraries honour for `createdAt`.
    remote_created_at: {
      model: 'createdAt',
      traits: 'createdAt created_at created remote_created_at remoteCreatedAt',
    },
    plan: { model: 'plan', traits: 'plan' },
    monthly_spend: { model: 'monthlySpend', traits: 'monthly_spend monthlySpend' },
    size: { model: 'size', traits: 'size employees' },
    website: { model: 'website', traits: 'website' },
    industry: { model: 'industry', traits: 'industry' },
  },
)

/**
 * The field a trait fills, by trait name: first `own` (a field → its trait names), then
 * the `traits` of every field of `table`, mapped to its `model`.
 * A Map, so a trait named `toString` or `__proto__` is no field. Built once per table.
 */
export function traitFields(
  table: Readonly<Record<string, ReservedField>>,
  own: Readonly<Record<string, string>> = {},
): ReadonlyMap<string, string> {
  const out = new Map<string, string>()
  const add = (traits: string | undefined, field: string | null | undefined) => {
    if (traits && field) for (const t of traits.split(' ')) out.set(t, field)
  }
  for (const field in own) add(own[field], field)
  for (const key in table) add(table[key]?.traits, table[key]?.model)
  return out
}
