/**
 * Documented deviations between Intercom's published OpenAPI request schemas and the API
 * Intercom documents (often in the same file). Each entry widens exactly one schema location
 * and states the evidence; nothing here switches validation off.
 * @module
 */
import type { SpecVersion } from './openapi.js'

/**
 * One narrowly scoped correction of a published component schema.
 *
 * `expected` is what the published file holds at `pointer` today: when Intercom fixes the
 * file the value no longer matches, and `validateRequest` throws so the stale entry
 * gets removed instead of silently masking a real change.
 */
export interface SchemaException {
  /** Stable, unique name, e.g. `'events.metadata-values'`. */
  readonly id: string
  /** Spec versions the correction applies to. */
  readonly versions: readonly SpecVersion[]
  /** Name of the schema under `#/components/schemas`. */
  readonly schema: string
  /** RFC 6901 JSON pointer inside that schema, e.g. `'/properties/metadata/additionalProperties'`. */
  readonly pointer: string
  /** The published OpenAPI 3.0 fragment at `pointer` (compared structurally). */
  readonly expected: unknown
  /** The OpenAPI 3.0 fragment used instead. */
  readonly replacement: unknown
  /** Why, citing where Intercom documents the wider behaviour. */
  readonly reason: string
}

const BOTH: readonly SpecVersion[] = ['2.11', '2.16']

/**
 * `POST /events` metadata values. The schema says strings only, but the operation's own
 * description (same file, "Metadata" type table under `paths./events.post.description`)
 * documents JSON numbers, `_date` keys with unix timestamps (numbers), rich links
 * `{ url, value }` and monetary amounts `{ amount: <integer cents>, currency }`, and says
 * nested JSON is otherwise not supported. Booleans, arrays and other objects stay invalid.
 */
const eventMetadataValues: SchemaException = {
  id: 'events.metadata-values',
  versions: BOTH,
  schema: 'create_data_event_request',
  pointer: '/properties/metadata/additionalProperties',
  expected: { type: 'string' },
  replacement: {
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      {
        title: 'Rich link',
        type: 'object',
        required: ['url', 'value'],
        additionalProperties: false,
        properties: { url: { type: 'string' }, value: { type: 'string' } },
      },
      {
        title: 'Monetary amount',
        type: 'object',
        required: ['amount', 'currency'],
        additionalProperties: false,
        properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string' } },
      },
    ],
  },
  reason:
    'POST /events description documents number, date (unix number), rich link {url, value} ' +
    'and monetary amount {amount, currency} metadata values; the schema only lists strings.',
}

/**
 * `POST /companies` custom attribute values. The schema says strings only, yet the very same
 * property's `example` is `{ paid_subscriber: true, monthly_spend: 155.5, team_mates: 9 }`,
 * and `create_data_attribute_request` (same file) creates company attributes of data_type
 * integer, float, boolean, date and datetime, whose values are not strings. Objects, arrays
 * and null stay invalid: nothing in the file documents them for companies.
 */
const companyCustomAttributeValues: SchemaException = {
  id: 'companies.custom-attribute-values',
  versions: BOTH,
  schema: 'create_or_update_company_request',
  pointer: '/properties/custom_attributes/additionalProperties',
  expected: { type: 'string' },
  replacement: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  reason:
    "The property's own example holds boolean, float and integer values, and company data " +
    'attributes may be integer/float/boolean/date; the schema only lists strings.',
}

/** Every known exception; the default for `ValidateOptions.exceptions`. */
export const KNOWN_EXCEPTIONS: readonly SchemaException[] = [
  eventMetadataValues,
  companyCustomAttributeValues,
]
