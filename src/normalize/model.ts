/**
 * The target-independent model that normalize produces and every encoder reads.
 * All values are already converted: dates are unix seconds, strings respect the
 * 255-character rule, attribute keys are valid Intercom names, cents are integers.
 * @module
 */

/** A custom attribute value Intercom accepts. */
export type AttributeValue = string | number | boolean | null

/** Custom attributes, already flattened and checked. */
export type Attributes = Record<string, AttributeValue>

/** Intercom's rich link metadata value. */
export interface RichLink {
  url: string
  value: string
}

/** Intercom's monetary amount: integer cents and a currency code. */
export interface Price {
  /** Integer number of cents. */
  amount: number
  currency: string
}

/** A value of event metadata. */
export type MetadataValue = string | number | RichLink | Price

/** Event metadata, capped at `maxEventProperties` with `price` first. */
export type Metadata = Record<string, MetadataValue>

/** Intercom options from `integrations.Intercom` / `context.Intercom`. */
export interface IntercomOptions {
  userHash?: string
  userJwt?: string
  hideDefaultLauncher?: boolean
  unsubscribedFromEmails?: boolean
  languageOverride?: string
}

/** Who the call is about. */
export interface UserIdentity {
  userId?: string
  email?: string
  anonymousId?: string
}

/** A company, from `traits.company(ies)` on identify or from a group call. */
export interface NormalizedCompany {
  /** Your id for the company (`company_id`). */
  companyId: string
  name?: string
  /** Unix seconds (`remote_created_at` / Messenger `created_at`). */
  createdAt?: number
  plan?: string
  /** Integer. */
  monthlySpend?: number
  size?: number
  website?: string
  industry?: string
  customAttributes: Attributes
  /** Detach the user from this company. */
  remove: boolean
  /** Where the company came from in the input (e.g. `traits.companies.1`), for warnings. */
  path: string
}

interface Common {
  user: UserIdentity
  options: IntercomOptions
  /** Where each option came from (e.g. `integrations.Intercom.user_hash`), for warnings. */
  optionPaths: Partial<Record<keyof IntercomOptions, string>>
  /** The event's own timestamp, unix seconds, when it had a valid one. */
  timestamp?: number
}

/** Normalized `identify`. */
export interface NormalizedIdentify extends Common {
  type: 'identify'
  name?: string
  phone?: string
  avatar?: string
  /** Unix seconds. */
  signedUpAt?: number
  /** Unix seconds; absent when `context.active === false` or no time is known. */
  lastSeenAt?: number
  /** Where an explicit last-seen came from (`traits.lastRequestAt`, …), when one did. */
  lastSeenPath?: string
  /** `false` when `context.active === false`: the call must not count as activity. */
  active: boolean
  ip?: string
  userAgent?: string
  companies: NormalizedCompany[]
  customAttributes: Attributes
}

/** Normalized `track`. */
export interface NormalizedTrack extends Common {
  type: 'track'
  eventName: string
  /** Unix seconds: the event's timestamp, else `options.now`. */
  createdAt?: number
  metadata: Metadata
}

/** Normalized `group`. */
export interface NormalizedGroup extends Common {
  type: 'group'
  company: NormalizedCompany
  /** Unix seconds, for the attached user; as on identify. */
  lastSeenAt?: number
  /** Where an explicit last-seen came from (`context.lastRequestAt`), when one did. */
  lastSeenPath?: string
  /** `false` when `context.active === false`. */
  active: boolean
}

/** Normalized `page`, `screen`, `alias` or `reset`: only identity and options matter. */
export interface NormalizedOther extends Common {
  type: 'page' | 'screen' | 'alias' | 'reset'
  /** Page or screen name. */
  name?: string
}

/** What {@link normalize} produces. */
export type NormalizedEvent =
  | NormalizedIdentify
  | NormalizedTrack
  | NormalizedGroup
  | NormalizedOther
