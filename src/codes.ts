/**
 * Every machine-readable code the library emits, in one place: warning codes,
 * input-error codes, skip reasons and delivery-outcome codes. Each table maps a code
 * to itself (so it is also a runtime list: `Object.keys(WARNING_CODES)`), and each
 * entry's TSDoc says what the code means, when it is emitted and what to do. The
 * union types derive from the tables, and `Warning`, `InputError`, `Skipped` and
 * `Outcome` use them, so the library cannot emit a code that is not listed here.
 * Adding a code is a minor version; removing or renaming one is a major version.
 * @module
 */
import type { Outcome } from './rest/types.js'
import type { Settings } from './settings/types.js'
import type { InputError, Skipped, Warning } from './types.js'

/**
 * Every {@link Warning} code: something in the input was not sent unchanged. A
 * warning never stops an event; it names the input path of what changed.
 * @enum
 */
export const WARNING_CODES = {
  /**
   * REST 2.x: Intercom reported a custom attribute missing and the library created it
   * (`POST /data_attributes`) before re-sending the write. Emitted on a `delivered`
   * outcome, only with `createMissingAttributes: true`. Nothing to do; to create
   * attributes yourself, leave that setting off.
   */
  attribute_created: 'attribute_created',
  /**
   * A date was read, but its meaning was a guess, given in the message: a number whose
   * unit (epoch seconds or milliseconds) was guessed from its magnitude because it is far
   * from today in either unit (below 1e8, between 1e10 and 1e11, or from 1e13 on); a
   * digit string that is no ISO 8601 date, read like that number; or six digits read as
   * `YYYYMM`. The value was sent as read. Send ISO 8601 text (or a `Date`) to say what
   * you mean.
   */
  ambiguous_date: 'ambiguous_date',
  /**
   * REST 2.x: a group with `remove: true` named a company Intercom does not know, so
   * there was nothing to detach. Emitted on a `delivered` outcome. Check the company id
   * if you expected it to exist.
   */
  company_not_found: 'company_not_found',
  /**
   * A value was sent as another type: a number given as an id (`userId`, `groupId`…) or
   * as a text trait (e.g. `email`) sent as text, a boolean in event metadata sent as
   * text, a non-integer company number rounded. Send the type Intercom expects.
   */
  converted: 'converted',
  /**
   * A date (a `Date`, ISO 8601 text under a date key such as `*_at`, or epoch
   * milliseconds) was sent as unix seconds, the form Intercom stores dates in. Expected
   * for dates; nothing to do.
   */
  date_converted: 'date_converted',
  /**
   * A company in `traits.company`, `traits.companies` or a group was not sent: it was not
   * an object or a name, or had neither an id nor a name, or an empty name. Give every
   * company a `company_id` (or `id`) or a name.
   */
  dropped_company: 'dropped_company',
  /**
   * REST 2.x, `unknownAttributes: 'drop'` (the default): a custom attribute the workspace
   * does not define (Intercom answered that it does not exist, or `options.knownAttributes`
   * does not list it) was left out and the rest of the write sent. Emitted on the
   * outcome, at the attribute's input path (e.g. `traits.address.city`). Create the
   * attribute in Intercom (Settings → Data), or use `unknownAttributes: 'create'`.
   */
  dropped_attribute: 'dropped_attribute',
  /**
   * Text longer than 255 characters was dropped: with `longValues: 'drop'`, or a rich
   * link whose URL is too long. Shorten the value, or use `longValues: 'truncate'`.
   */
  dropped_long: 'dropped_long',
  /**
   * A nested object or array could not be sent: dropped with `nestedValues: 'drop'` (or
   * `nestedValuesByKey`), or empty. Flatten it yourself, or choose `'flatten'` or
   * `'stringify'`.
   */
  dropped_nested: 'dropped_nested',
  /**
   * A value Intercom cannot take was dropped or ignored: the wrong type for its field
   * (e.g. a number as `traits.email`, a non-object `integrations.Intercom`), `null` in
   * event metadata or company attributes, a non-finite number, a company number beyond
   * Intercom's limit, a currency without a price, `remove: true` without a user, a
   * last-seen time with `context.active: false`. The message says which; send a value of
   * the type Intercom expects.
   */
  dropped_value: 'dropped_value',
  /**
   * A value inside an object or array was sent under a flattened `key_subkey` name (the
   * default `nestedValues: 'flatten'`). One warning per value sent, at its own path
   * (`traits.address.city`), naming the key. Nothing to do, unless you prefer
   * `'stringify'` or `'drop'`.
   */
  flattened: 'flattened',
  /**
   * An identify trait that is identity, not an attribute, was not sent:
   * `traits.anonymousId` (analytics-android copies it into every identify), a
   * `traits.userId` / `user_id` / `external_id` that differs from the event's `userId`,
   * or a `traits.id` that is not the user id (Intercom assigns its own contact id).
   * A `traits.userId` is the user id when the event has none. Nothing to do for
   * `anonymousId`; otherwise send one user id.
   */
  identity_trait: 'identity_trait',
  /**
   * A value that must be a date (`timestamp`, `createdAt`, `lastSeen`, a company's
   * `createdAt`, an invalid `Date`) could not be read as one and was dropped or ignored.
   * Send ISO 8601 text, a `Date` or epoch seconds/milliseconds.
   */
  invalid_date: 'invalid_date',
  /**
   * REST 2.x: Intercom answered a write with success but without something the library
   * reads from the answer (e.g. the created contact's or company's `id`), and no later
   * step needed it: the write happened, so the outcome is `delivered` with this warning,
   * not `failed`. Nothing to do; if it repeats, check what sits between you and Intercom.
   */
  incomplete_response: 'incomplete_response',
  /**
   * An empty or blank key cannot name an Intercom attribute or metadata key; the value
   * was dropped. Give the property a name.
   */
  invalid_key: 'invalid_key',
  /**
   * REST: `options.known` is not a known state this library wrote (a wrong `version`,
   * an id that is not text, …; the path names the part), or `options.knownAttributes`
   * has a list that is not one of names. It is ignored: the exchange looks everything up
   * as if it had not been given, so nothing is lost but requests. Store
   * `outcome.learned` as JSON and merge states with `mergeKnown`.
   */
  invalid_known_state: 'invalid_known_state',
  /**
   * A track property shaped like Intercom's monetary amount (exactly `amount` and
   * `currency`) was not a valid one: `amount` must be a non-negative safe integer of
   * cents and `currency` a three-letter code. It was sent as an ordinary nested value
   * instead (flattened by default). Send integer cents and a code such as `"usd"`.
   */
  invalid_monetary_amount: 'invalid_monetary_amount',
  /**
   * A track's `revenue` (or `total`) could not become Intercom's amount in cents (not
   * a number, negative, or too large), so no price was sent. Send a non-negative number.
   */
  invalid_revenue: 'invalid_revenue',
  /**
   * A property listed in `richLinkProperties` was not an object with exactly `url` and
   * `value` text, so it was dropped. Send `{ url, value }` or remove it from the setting.
   */
  invalid_rich_link: 'invalid_rich_link',
  /**
   * Two values map to the same Intercom key (e.g. `a.b` renamed to `a_b` next to an
   * existing `a_b`, or a flattened key); the later one was dropped. Rename one of them.
   */
  key_collision: 'key_collision',
  /**
   * A track had more properties than `maxEventProperties` (default 5; Intercom's REST cap
   * is 10); the extra ones were dropped, each warned at its own path. Kept first: the
   * price, then top-level properties in input order, then keys flattened from nested
   * values. Send fewer, or raise the setting up to 10.
   */
  metadata_cap: 'metadata_cap',
  /**
   * REST: an identify or group had no time to set last-seen from (no `timestamp`, no
   * `options.now`), so last-seen was not updated. Give events a timestamp or pass
   * `options.now`.
   */
  no_last_seen: 'no_last_seen',
  /**
   * REST: a group had no `userId` or email, so the company is saved but no user is
   * attached to it (Intercom lists a company once it has a user). Send the group with
   * the user's id.
   */
  no_user: 'no_user',
  /**
   * REST 2.x: a group with `remove: true` named a company the user is not attached to,
   * so there was nothing to detach. Emitted on a `delivered` outcome. Nothing to do.
   */
  not_attached: 'not_attached',
  /**
   * A key Intercom forbids (containing `.`, `$` and similar) was sent under a safe name,
   * given in the message. Use keys of letters, digits, `_` and `-` to keep your names.
   */
  renamed_key: 'renamed_key',
  /**
   * A trait (or a flattened key) is named like one of Intercom's own contact or company
   * fields that no trait sets (`id`, `type`, `role`, `email_domain`, `tags`,
   * `updated_at`, `user_count`, …), so it was not sent: as a custom attribute it would
   * be refused or shadow the field. (`role` is never set: an identify creates users,
   * not leads.) The fields a trait can set are mapped instead (`owner_id`,
   * `last_seen_at`, `unsubscribed_from_emails`, `remote_created_at`…). Rename the trait.
   */
  reserved_name: 'reserved_name',
  /**
   * A track property was replaced by the library's own value (the `price` computed from
   * `revenue`). Nothing to do; rename the property to send both.
   */
  replaced: 'replaced',
  /**
   * Messenger: a custom trait has the name of one of the Messenger's own settings
   * (`app_id`, `user_id`, `session_duration`…), so it was dropped rather than change the
   * Messenger's behaviour. The path is the input value's (`traits.user.id` for a
   * flattened `user_id`). Rename the trait.
   */
  reserved_key: 'reserved_key',
  /**
   * An object or array was sent as its JSON text (`nestedValues: 'stringify'`). Nothing
   * to do.
   */
  stringified: 'stringified',
  /**
   * A value was ignored because another spelling of the same field wins (e.g.
   * `traits.firstName` next to `traits.first_name`, `context.Intercom` next to
   * `integrations.Intercom`, a blank `name` next to first/last names). Send one spelling.
   */
  superseded: 'superseded',
  /**
   * Text longer than 255 characters was cut to 255 code points (the default
   * `longValues: 'truncate'`). Shorten the value, or use `longValues: 'drop'`.
   */
  truncated: 'truncated',
  /**
   * An unknown key in the Intercom options (`integrations.Intercom` or
   * `context.Intercom`) was ignored. Check the spelling (`user_hash`, `hideDefaultLauncher`…).
   */
  unknown_option: 'unknown_option',
  /**
   * A setting the library does not know was ignored. Check its spelling against
   * {@link Settings}.
   */
  unknown_setting: 'unknown_setting',
  /**
   * The chosen target has no place for this field, so it was not sent (e.g. `context.ip`
   * over REST 2.x, an avatar on mobile, identity verification over REST, page properties
   * in the Messenger). Send the field to a target that supports it, or ignore it.
   */
  unsupported_field: 'unsupported_field',
} as const

/**
 * Every {@link InputError} code: why an event (or the settings) cannot be sent as given.
 * The error's `path` names the field.
 * @enum
 */
export const INPUT_ERROR_CODES = {
  /**
   * A required string field is empty (`groupId`, `previousId`, a track's `event`). Send
   * a non-empty value.
   */
  empty: 'empty',
  /**
   * A setting has a value outside its allowed range or type (e.g. `region: 'mars'`); the
   * path is `settings.<name>`. Fix the setting; the message says what it accepts.
   */
  invalid_setting: 'invalid_setting',
  /**
   * A required field is absent: `type`, a group's `groupId`, an alias's `previousId`, a
   * track's `event`. Add it.
   */
  missing_field: 'missing_field',
  /**
   * REST: an identify or track has neither a `userId` nor an email (Intercom users cannot
   * be anonymous). Identify the user first, or send the email in `traits.email`.
   */
  missing_identity: 'missing_identity',
  /**
   * The target needs a setting that is not set (the Messenger's `settings.appId`). Set it.
   */
  missing_setting: 'missing_setting',
  /**
   * REST: a track has no time (no `timestamp` and no `options.now`), and Intercom
   * requires one. Give the event a timestamp or pass `options.now`.
   */
  missing_timestamp: 'missing_timestamp',
  /** The event is not an object (path `''`). Pass the parsed JSON object of the event. */
  not_an_object: 'not_an_object',
  /**
   * `type` is not a Segment call type (identify, track, page, screen, group, alias,
   * reset). Fix the type.
   */
  unknown_type: 'unknown_type',
  /**
   * The event could not be read (a getter or `Proxy` threw while it was read; path `''`).
   * Pass plain data, e.g. `JSON.parse` output.
   */
  unreadable: 'unreadable',
  /**
   * A field has the wrong type (e.g. a numeric `event`, a string `traits`, a
   * `timestamp` that is not a date, non-object settings, an invalid `options.now`).
   * Send the type the message names.
   */
  wrong_type: 'wrong_type',
} as const

/**
 * Every {@link Skipped} reason: the event is valid but this target does not send it.
 * Skipping is not an error; there is nothing to retry.
 * @enum
 */
export const SKIP_REASONS = {
  /**
   * `integrations` disables Intercom for this event (`Intercom: false`, or `All: false`
   * without `Intercom: true`). Intended; nothing to do.
   */
  disabled: 'disabled',
  /**
   * REST: the workspace already has 120 active event names (`knownEventNames`) and this
   * track's name is new, so Intercom would reject it. Archive unused event names in
   * Intercom, or reuse an existing name.
   */
  event_name_limit: 'event_name_limit',
  /**
   * Messenger: an identify has no `userId` or email, and the Messenger cannot identify
   * an anonymous user. Anonymous visitors are booted by `page`; identify once the user
   * is known.
   */
  no_user: 'no_user',
  /**
   * The target has no equivalent for this call type (`page` over REST and mobile,
   * `reset` over REST, `screen` and `alias` everywhere). Send the call to a target that
   * has one, or nowhere.
   */
  unsupported_type: 'unsupported_type',
} as const

/**
 * Every `code` of a `retry` or `failed` {@link Outcome} of a REST delivery. On
 * `failed`, Intercom's own error list (its `code`s such as `parameter_invalid`) is in
 * the outcome's `errors`.
 * @enum
 */
export const OUTCOME_CODES = {
  /**
   * `retry`, `deliverAll` only: its `signal` aborted the run before this event ended.
   * Deliver the event again in a later run.
   */
  aborted: 'aborted',
  /**
   * `failed`, REST 2.x: a custom attribute the workspace does not define, with
   * `unknownAttributes: 'fail'` (or still missing after it was dropped or created).
   * `errors` names it: create the attribute in Intercom (Settings → Data), or use
   * `unknownAttributes: 'drop'` or `'create'`, then redeliver.
   */
  attribute_not_found: 'attribute_not_found',
  /**
   * REST 2.x. `retry`: `POST /contacts` answered 409 without naming the existing
   * contact, or naming one Intercom does not return yet (its index has not caught up):
   * retry later. `failed`: the 409 named a contact that belongs to another user (its
   * `external_id` is another userId, e.g. two users share an email); the library never
   * takes over another user's contact. The message and `errors` name both: give the
   * users distinct emails or merge the contacts in Intercom, then redeliver.
   */
  conflict: 'conflict',
  /**
   * `retry`: the user does not exist in Intercom yet (a track's `POST /events` answered
   * 404, or a group found no contact). Deliver the user's identify first, then retry.
   */
  contact_not_found: 'contact_not_found',
  /**
   * `failed`: Intercom rejected a new event name because the workspace has 120 active
   * names. Archive unused event names in Intercom or stop sending new ones.
   */
  event_name_limit: 'event_name_limit',
  /**
   * `failed`: Intercom answered 403 (identity verification on without a valid
   * `user_hash`, or a scope the token lacks). Check the token's scopes and verification.
   */
  forbidden: 'forbidden',
  /**
   * `failed`: `deliver` caught an exception from the exchange (a library bug). Report it
   * with the event.
   */
  internal_error: 'internal_error',
  /**
   * `retry`: Intercom answered 429. Retry at `retryAt` (from `X-RateLimit-Reset`) or after
   * `retryAfterMs`.
   */
  rate_limited: 'rate_limited',
  /**
   * `failed`: Intercom answered another 4xx (e.g. 400 `parameter_invalid`, 404 on an id);
   * its error list is in `errors`. Fix the data the message names; retrying the same
   * request will fail again.
   */
  rejected: 'rejected',
  /** `retry`: Intercom answered 5xx. Retry with backoff. */
  server_error: 'server_error',
  /** `retry`: Intercom answered 408 (request timeout). Retry with backoff. */
  timeout: 'timeout',
  /**
   * `retry`: your `send` rejected (network error, timeout) before Intercom answered.
   * Retry with backoff; check connectivity if it persists.
   */
  transport_error: 'transport_error',
  /** `failed`: Intercom answered 401. Check the access token your `send` adds. */
  unauthorized: 'unauthorized',
  /**
   * `failed`: the transport returned something that is not a response, a 2xx answer
   * lacked what a later step needs (e.g. a created contact's id), or Intercom answered
   * an unexpected status. Check your `send` returns `{ status, body }` with the parsed
   * JSON body.
   */
  unexpected_response: 'unexpected_response',
} as const

/** A {@link Warning} code; each is documented in {@link WARNING_CODES}. */
export type WarningCode = keyof typeof WARNING_CODES

/** An {@link InputError} code; each is documented in {@link INPUT_ERROR_CODES}. */
export type InputErrorCode = keyof typeof INPUT_ERROR_CODES

/** Why a valid event is not sent to a target; each is documented in {@link SKIP_REASONS}. */
export type SkipReason = keyof typeof SKIP_REASONS

/** The `code` of a `retry` or `failed` {@link Outcome}; each is documented in {@link OUTCOME_CODES}. */
export type OutcomeCode = keyof typeof OUTCOME_CODES
