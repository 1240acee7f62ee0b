/**
 * Public types of the in-memory Intercom emulator (`segment-intercom/testing`).
 * @module
 */
import type { IntercomRequest, IntercomResponse } from '../../rest/types.js'

/** The models a custom data attribute can belong to. */
export type DataAttributeModel = 'contact' | 'company'

/** The data types the emulator accepts for custom data attributes. */
export type DataAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'date'

/** A custom data attribute defined in the emulated workspace. */
export interface EmulatedDataAttribute {
  /** The attribute name, as used in `custom_attributes`. */
  name: string
  model: DataAttributeModel
  data_type: DataAttributeType
}

/** A value Intercom stores in `custom_attributes` (dates are unix seconds). */
export type CustomAttributeValue = string | number | boolean | null

/** Options of {@link createIntercomEmulator}. Every option is optional. */
export interface EmulatorOptions {
  /**
   * How many requests a newly created contact stays invisible to
   * `POST /contacts/search` (Intercom's search index lags creation). The contact is
   * found by `GET /contacts/{id}`, `find_by_external_id`, events and duplicate checks
   * at once; only search lags. Counted in requests handled after the creating one,
   * whatever they are. Default `0` (visible to the next request).
   */
  searchLag?: number
  /**
   * REST 2.x: a custom attribute must exist as a data attribute of the right model
   * before a write uses it, else `400 parameter_invalid`. Default `true`, as in
   * Intercom. When `false`, 2.x writes create missing attributes like 1.x does.
   * 1.x requests (`/users`, and `/companies` or `/events` under 1.x) always create them.
   */
  requireDefinedAttributes?: boolean
  /** Custom data attributes that already exist in the workspace. */
  dataAttributes?: readonly EmulatedDataAttribute[]
  /** Event names already active in the workspace (they count towards the limit). */
  eventNames?: readonly string[]
  /** How many distinct active event names the workspace may have. Default `120`. */
  maxEventNames?: number
  /**
   * Per-window request budget. Windows are aligned on the virtual clock
   * (`floor(now / windowMs)`); requests beyond `limit` in one window answer `429`.
   * Default: no rate limit and no `X-RateLimit-*` headers.
   */
  rateLimit?: { limit: number; windowMs: number }
  /**
   * Epoch milliseconds of the virtual clock at creation (and after
   * {@link IntercomEmulator.reset}). Default `Date.UTC(2026, 0, 1)`. Not allowed with
   * `clock`.
   */
  startTime?: number
  /**
   * Where the emulator reads the time (epoch ms), instead of its virtual clock: e.g.
   * `clock: Date.now` for the wall clock, as a served emulator uses. Object
   * timestamps and rate-limit windows then follow it; {@link IntercomEmulator.advanceTime}
   * still adds to it. Read once per request. Default: the virtual clock, which starts
   * at `startTime` and moves only with `advanceTime`.
   */
  clock?: () => number
  /**
   * Injected faults, for testing retries. With probability `serverErrorRate`, a
   * request answers `500 server_error` (Intercom's `error.list`) before anything
   * else — before authentication, the rate limit and routing — so it changes
   * nothing: no state, no rate-limit budget. Every request draws once from a seeded
   * generator (mulberry32), so the same `seed` and the same number of requests give
   * the same faults, whatever the requests are; {@link IntercomEmulator.reset}
   * restarts the sequence. Default: no faults.
   */
  faults?: EmulatorFaults
  /** When set, every request must carry `Authorization: Bearer <token>`, else `401`. */
  token?: string
}

/** Injected faults: see {@link EmulatorOptions.faults}. */
export interface EmulatorFaults {
  /** Probability, from 0 (never, the default) to 1 (every request), of a `500`. */
  serverErrorRate?: number
  /** Seed of the fault sequence: any safe integer. Default `0`. */
  seed?: number
}

/** Intercom's avatar object on a contact. */
export interface EmulatedAvatar {
  type: 'avatar'
  image_url: string
}

/** A reference to a company attached to a contact (`contact.companies.data[]`). */
export interface EmulatedCompanyRef {
  type: 'company'
  id: string
  url: string
}

/** An addressable list on a contact (`tags`, `notes`, `companies`). */
export interface EmulatedAddressableList<T> {
  type: 'list'
  /** Up to 10 items, as Intercom returns them. */
  data: T[]
  url: string
  total_count: number
  has_more: boolean
}

/**
 * A contact as Intercom 2.x returns it, plus the 1.4-only fields the `/users` API
 * writes (`last_request_at`, `last_seen_ip`, `last_seen_user_agent`, `session_count`).
 * 2.x responses omit those four; 1.4 user responses show them.
 */
export interface EmulatedContact {
  type: 'contact'
  /** Intercom's id (deterministic, 24 hex digits). */
  id: string
  workspace_id: string
  external_id: string | null
  role: 'user' | 'lead'
  /** `''` when the contact has no email, as Intercom's schema (string, not nullable). */
  email: string
  email_domain: string
  phone: string | null
  name: string | null
  avatar: EmulatedAvatar | null
  /** As written: an integer up to 2.15, a string in 2.16. */
  owner_id: string | number | null
  has_hard_bounced: boolean
  marked_email_as_spam: boolean
  unsubscribed_from_emails: boolean
  /** Unix seconds. */
  created_at: number
  /** Unix seconds. */
  updated_at: number
  signed_up_at: number | null
  /** Unix seconds; the same value 1.4 calls `last_request_at`. */
  last_seen_at: number | null
  custom_attributes: Record<string, CustomAttributeValue>
  tags: EmulatedAddressableList<never>
  notes: EmulatedAddressableList<never>
  companies: EmulatedAddressableList<EmulatedCompanyRef>
  /** 1.4: the same value as {@link EmulatedContact.last_seen_at}. */
  last_request_at: number | null
  /** 1.4 only (`last_seen_ip`). */
  last_seen_ip: string | null
  /** 1.4 only (`last_seen_user_agent`; 1.4 responses call it `user_agent_data`). */
  last_seen_user_agent: string | null
  /** 1.4: incremented by `new_session: true`. */
  session_count: number
}

/** Intercom's plan object on a company (`{}` when the company has no plan). */
export type EmulatedPlan = { type: 'plan'; id: string; name: string } | Record<string, never>

/** A company as Intercom returns it. Unset optional fields are absent, as in Intercom. */
export interface EmulatedCompany {
  type: 'company'
  /** Intercom's id (deterministic, 24 hex digits). */
  id: string
  /** Your id for the company (the upsert key). */
  company_id: string
  app_id: string
  name: string | null
  plan: EmulatedPlan
  /** Integer; floats are truncated on write. `0` when never set. */
  monthly_spend: number
  size?: number
  website?: string
  industry?: string
  /** Unix seconds. */
  remote_created_at?: number
  /** Unix seconds; set by `update_last_request_at: true`. */
  last_request_at?: number
  created_at: number
  updated_at: number
  session_count: number
  /** How many contacts are attached. */
  user_count: number
  custom_attributes: Record<string, CustomAttributeValue>
  tags: { type: 'tag.list'; tags: never[] }
  segments: { type: 'segment.list'; segments: never[] }
}

/** A rich link in event metadata. */
export interface EmulatedRichLink {
  url: string
  value: string
}

/** A monetary amount in event metadata (`amount` in cents). */
export interface EmulatedPrice {
  amount: number
  currency: string
}

/** One value of event metadata. */
export type EventMetadataValue = string | number | boolean | null | EmulatedRichLink | EmulatedPrice

/** An event Intercom accepted. */
export interface EmulatedEvent {
  event_name: string
  /** Unix seconds, as sent. */
  created_at: number
  /** Intercom id of the contact the event belongs to. */
  contactId: string
  /** At most 10 keys: Intercom ignores keys beyond the first 10. */
  metadata: Record<string, EventMetadataValue>
}

/** A contact–company association (Intercom ids). */
export interface EmulatedAssociation {
  contactId: string
  companyId: string
}

/** Everything the emulated workspace holds, in creation order. */
export interface EmulatorState {
  contacts: EmulatedContact[]
  companies: EmulatedCompany[]
  associations: EmulatedAssociation[]
  events: EmulatedEvent[]
  dataAttributes: EmulatedDataAttribute[]
  /** Active event names, first spelling seen, in order of first use. */
  eventNames: string[]
}

/** One request the emulator handled and what it answered. */
export interface EmulatorExchange {
  request: IntercomRequest
  response: IntercomResponse
}

/** An in-memory, deterministic Intercom workspace. Create with {@link createIntercomEmulator}. */
export interface IntercomEmulator {
  /**
   * Handles a request; usable directly as `deliver`'s transport. Never rejects: every
   * failure is an Intercom-shaped error response.
   */
  send(request: IntercomRequest): Promise<IntercomResponse>
  /** The same as {@link IntercomEmulator.send}, synchronously. Never throws. */
  handle(request: IntercomRequest): IntercomResponse
  /**
   * Moves the clock forward by `ms` milliseconds (a finite number ≥ 0). With a
   * `clock` option, the emulator's time stays that far ahead of it.
   */
  advanceTime(ms: number): void
  /** The emulator's time, epoch milliseconds. */
  now(): number
  /**
   * Returns the emulator to the state it was created in: only the options'
   * `dataAttributes` and `eventNames`, no contacts, companies, associations or
   * events, an empty request log, request ids counting from 1 again, the clock back
   * at `startTime` (with a `clock` option: no `advanceTime` offset), a fresh
   * rate-limit window and the fault sequence from its seed. After `reset()`, the same
   * requests get the same answers as from a new emulator with the same options.
   */
  reset(): void
  /**
   * A deep-frozen snapshot of the workspace: a new top-level object on each read.
   * Computed on read, never per request; reads with no write in between share the
   * same frozen parts, so polling costs nothing extra.
   */
  readonly state: EmulatorState
  /** Every handled request and its response, oldest first (deep-frozen copies). */
  readonly requests: readonly EmulatorExchange[]
}
