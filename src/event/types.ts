/**
 * TypeScript types for the Segment spec events this library reads.
 * Field names and meanings follow Segment's spec; only what the mapping uses is
 * named, the rest stays reachable through index signatures.
 *
 * They take what Segment's own SDK typings produce, so `@segment/analytics-node`'s
 * call parameters and `@segment/analytics-next`'s events fit without casts: every
 * optional field also takes an explicit `undefined`, and named traits take `null`
 * (those SDKs type traits as nullable; a `null` standard trait is dropped with a
 * warning, a `null` custom attribute clears it).
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
  user_hash?: string | undefined
  /** Identity verification hash (Android spelling). */
  userHash?: string | undefined
  /** Messenger JWT identity (`intercom_user_jwt`). */
  intercom_user_jwt?: string | undefined
  /** Messenger: hide the default launcher. */
  hideDefaultLauncher?: boolean | undefined
  /** Unsubscribe from emails (server, Android spelling). */
  unsubscribedFromEmails?: boolean | undefined
  /** Unsubscribe from emails (iOS spelling). */
  unsubscribed?: boolean | undefined
  /** Language override code (iOS spelling). */
  language_override?: string | undefined
  /** Language override code (Android spelling). */
  languageOverride?: string | undefined
  [key: string]: unknown
}

/** The `integrations` object: per-destination enablement or options. */
export interface SegmentIntegrations {
  All?: boolean | undefined
  Intercom?: boolean | IntercomIntegrationOptions | undefined
  [destination: string]: unknown
}

/** The parts of Segment's `context` object the mapping reads. */
export interface SegmentContext {
  /** `false` suppresses Intercom's last-seen update. */
  active?: boolean | undefined
  ip?: string | undefined
  userAgent?: string | undefined
  traits?: { [key: string]: SegmentValue | undefined } | undefined
  device?:
    | { type?: string; manufacturer?: string; model?: string; [key: string]: unknown }
    | undefined
  os?: { name?: string; version?: string; [key: string]: unknown } | undefined
  app?: { name?: string; version?: string; build?: string; [key: string]: unknown } | undefined
  Intercom?: IntercomIntegrationOptions | undefined
  lastRequestAt?: SegmentDate | undefined
  [key: string]: unknown
}

/** A company as a trait: an object, or a bare name. */
export interface SegmentCompany {
  id?: string | number | null | undefined
  company_id?: string | number | null | undefined
  name?: string | null | undefined
  createdAt?: SegmentDate | null | undefined
  created_at?: SegmentDate | null | undefined
  plan?: string | null | undefined
  /** A number, or its text. */
  monthlySpend?: number | string | null | undefined
  monthly_spend?: number | string | null | undefined
  /** A number, or its text (analytics.js types it as either). */
  employees?: number | string | null | undefined
  size?: number | string | null | undefined
  website?: string | null | undefined
  industry?: string | null | undefined
  /** Detach the user from this company. */
  remove?: boolean | null | undefined
  [key: string]: SegmentValue | undefined
}

/** Fields every Segment call may carry. */
export interface SegmentEventBase {
  messageId?: string | undefined
  /** Your id for the user; a number is accepted and converted (with a warning). */
  userId?: string | null | undefined
  anonymousId?: string | null | undefined
  /** When the call happened. */
  timestamp?: SegmentDate | undefined
  context?: SegmentContext | undefined
  integrations?: SegmentIntegrations | undefined
}

/** Identify traits: the special ones are named; any other key is a custom attribute. */
export interface IdentifyTraits {
  email?: string | null | undefined
  name?: string | null | undefined
  firstName?: string | null | undefined
  lastName?: string | null | undefined
  /** Text; a number is sent as text (with a warning). */
  phone?: string | number | null | undefined
  avatar?: string | null | undefined
  createdAt?: SegmentDate | null | undefined
  signedUpAt?: SegmentDate | null | undefined
  lastRequestAt?: SegmentDate | null | undefined
  company?: string | SegmentCompany | null | undefined
  companies?: SegmentCompany[] | null | undefined
  [key: string]: SegmentValue | undefined
}

/** `identify`: who the user is. */
export interface IdentifyEvent extends SegmentEventBase {
  type: 'identify'
  traits?: IdentifyTraits | undefined
}

/** Track properties: `revenue`, `total` and `currency` build the price. */
export interface TrackProperties {
  revenue?: number | string | undefined
  total?: number | string | undefined
  currency?: string | undefined
  [key: string]: SegmentValue | undefined
}

/** `track`: something the user did. */
export interface TrackEvent extends SegmentEventBase {
  type: 'track'
  event: string
  properties?: TrackProperties | undefined
}

/** `page`: a web page view. */
export interface PageEvent extends SegmentEventBase {
  type: 'page'
  name?: string | undefined
  category?: string | undefined
  properties?: { [key: string]: SegmentValue | undefined } | undefined
}

/** `screen`: a mobile screen view. */
export interface ScreenEvent extends SegmentEventBase {
  type: 'screen'
  name?: string | undefined
  properties?: { [key: string]: SegmentValue | undefined } | undefined
}

/** Group traits: the company's fields; any other key is a company custom attribute. */
export interface GroupTraits extends SegmentCompany {}

/** `group`: the user belongs to a company. */
export interface GroupEvent extends SegmentEventBase {
  type: 'group'
  groupId: string
  traits?: GroupTraits | undefined
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
