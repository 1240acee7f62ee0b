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
  /**
   * Where each custom attribute came from in the input (`traits.company.tier` for
   * `tier`, `traits.address.city` for `address_city`), for warnings about it later.
   */
  attributePaths?: Record<string, string>
  /**
   * The input key of `size` when it is not `size` (`employees`): the mobile SDKs'
   * company has no size and sends it as a custom attribute under this key, as
   * Segment's mobile integrations did.
   */
  inputKeys?: { size?: string }
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
  /** Intercom admin id of the contact's owner (`traits.owner_id` / `ownerId`): integer. */
  ownerId?: number
  /** Where the owner came from (`traits.owner_id`, …), when it did. */
  ownerPath?: string
  companies: NormalizedCompany[]
  customAttributes: Attributes
  /**
   * Where each custom attribute came from in the input (`traits.address.city` for
   * `address_city`), for warnings about it later (e.g. one REST drops).
   */
  attributePaths?: Record<string, string>
}

/** Normalized `track`. */
export interface NormalizedTrack extends Common {
  type: 'track'
  eventName: string
  /** Unix seconds: the event's timestamp, else `options.now`; absent with neither. */
  createdAt?: number
  metadata: Metadata
  /**
   * `'properties.email'` when that property is the track's identity (no `userId`): it is
   * then not in `metadata`, since REST sends it as the event's `email`.
   */
  identityEmailPath?: 'properties.email'
}

/** A track with a time: what REST sends, since Intercom requires an event's `created_at`. */
export interface TimedTrack extends NormalizedTrack {
  /** Unix seconds: the event's timestamp, else `options.now`. */
  createdAt: number
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

/**
 * Normalized `page` or `screen`: a view. No target sends its name, category or
 * properties (the Messenger's `page` only boots or updates it); they are carried so
 * an encoder can say what it leaves out without reading the raw event.
 */
export interface NormalizedPage extends Common {
  type: 'page' | 'screen'
  /** The page or screen name, when it is text. */
  name?: string
  /** The page category, when it is text. */
  category?: string
  /** The properties as given, when at least one is set; never sent, so never converted. */
  properties?: Readonly<Record<string, unknown>>
}

/** Normalized `alias` or `reset`: calls about the session, where only identity and options matter. */
export interface NormalizedSessionCall extends Common {
  type: 'alias' | 'reset'
}

/** What {@link normalize} produces. */
export type NormalizedEvent =
  | NormalizedIdentify
  | NormalizedTrack
  | NormalizedGroup
  | NormalizedPage
  | NormalizedSessionCall
