/**
 * TypeScript types for the Segment spec events this library reads.
 * Field names and meanings follow Segment's spec; only what the mapping uses is
 * named, the rest stays reachable through index signatures.
 * @module
 */

/** A JSON-like value as it arrives in traits and properties. */
export type SegmentValue =
  | string
  | number
  | boolean
  | null
  | Date
  | SegmentValue[]
  | { [key: string]: SegmentValue | undefined }

/** A timestamp: ISO 8601 text, `Date.prototype.toString()` text, epoch seconds or ms, or a `Date`. */
export type SegmentDate = string | number | Date

/** Intercom-specific options carried in `integrations.Intercom` or `context.Intercom`. */
export interface IntercomIntegrationOptions {
  /** Identity verification hash (web, iOS spelling). */
  user_hash?: string
  /** Identity verification hash (Android spelling). */
  userHash?: string
  /** Messenger JWT identity (`intercom_user_jwt`). */
  intercom_user_jwt?: string
  /** Messenger: hide the default launcher. */
  hideDefaultLauncher?: boolean
  /** Unsubscribe from emails (server, Android spelling). */
  unsubscribedFromEmails?: boolean
  /** Unsubscribe from emails (iOS spelling). */
  unsubscribed?: boolean
  /** Language override code (iOS spelling). */
  language_override?: string
  /** Language override code (Android spelling). */
  languageOverride?: string
  [key: string]: unknown
}

/** The `integrations` object: per-destination enablement or options. */
export interface SegmentIntegrations {
  All?: boolean
  Intercom?: boolean | IntercomIntegrationOptions
  [destination: string]: unknown
}

/** The parts of Segment's `context` object the mapping reads. */
export interface SegmentContext {
  /** `false` suppresses Intercom's last-seen update. */
  active?: boolean
  ip?: string
  userAgent?: string
  traits?: { [key: string]: SegmentValue | undefined }
  device?: { type?: string; manufacturer?: string; model?: string; [key: string]: unknown }
  os?: { name?: string; version?: string; [key: string]: unknown }
  app?: { name?: string; version?: string; build?: string; [key: string]: unknown }
  Intercom?: IntercomIntegrationOptions
  lastRequestAt?: SegmentDate
  [key: string]: unknown
}

/** A company as a trait: an object, or a bare name. */
export interface SegmentCompany {
  id?: string | number
  company_id?: string | number
  name?: string
  createdAt?: SegmentDate
  created_at?: SegmentDate
  plan?: string
  monthlySpend?: number
  monthly_spend?: number
  employees?: number
  size?: number
  website?: string
  industry?: string
  /** Detach the user from this company. */
  remove?: boolean
  [key: string]: SegmentValue | undefined
}

/** Fields every Segment call may carry. */
export interface SegmentEventBase {
  messageId?: string
  /** Your id for the user; a number is accepted and converted (with a warning). */
  userId?: string | null
  anonymousId?: string | null
  /** When the call happened. */
  timestamp?: SegmentDate
  context?: SegmentContext
  integrations?: SegmentIntegrations
}

/** Identify traits: the special ones are named; any other key is a custom attribute. */
export interface IdentifyTraits {
  email?: string
  name?: string
  firstName?: string
  lastName?: string
  phone?: string
  avatar?: string
  createdAt?: SegmentDate
  signedUpAt?: SegmentDate
  lastRequestAt?: SegmentDate
  company?: string | SegmentCompany
  companies?: SegmentCompany[]
  [key: string]: SegmentValue | undefined
}

/** `identify`: who the user is. */
export interface IdentifyEvent extends SegmentEventBase {
  type: 'identify'
  traits?: IdentifyTraits
}

/** Track properties: `revenue`, `total` and `currency` build the price. */
export interface TrackProperties {
  revenue?: number | string
  total?: number | string
  currency?: string
  [key: string]: SegmentValue | undefined
}

/** `track`: something the user did. */
export interface TrackEvent extends SegmentEventBase {
  type: 'track'
  event: string
  properties?: TrackProperties
}

/** `page`: a web page view. */
export interface PageEvent extends SegmentEventBase {
  type: 'page'
  name?: string
  category?: string
  properties?: { [key: string]: SegmentValue | undefined }
}

/** `screen`: a mobile screen view. */
export interface ScreenEvent extends SegmentEventBase {
  type: 'screen'
  name?: string
  properties?: { [key: string]: SegmentValue | undefined }
}

/** Group traits: the company's fields; any other key is a company custom attribute. */
export interface GroupTraits extends SegmentCompany {}

/** `group`: the user belongs to a company. */
export interface GroupEvent extends SegmentEventBase {
  type: 'group'
  groupId: string
  traits?: GroupTraits
}

/** `alias`: merge two user identities. */
export interface AliasEvent extends SegmentEventBase {
  type: 'alias'
  previousId: string
}

/** The device-mode `reset` pseudo-event (the user logged out). */
export interface ResetEvent extends SegmentEventBase {
  type: 'reset'
}

/** Any Segment event this library understands. */
export type SegmentEvent =
  | IdentifyEvent
  | TrackEvent
  | PageEvent
  | ScreenEvent
  | GroupEvent
  | AliasEvent
  | ResetEvent

/** The `type` values this library understands. */
export type SegmentEventType = SegmentEvent['type']
