/**
 * segment-intercom: side-effect-free mapping of Segment spec events to Intercom.
 * Public API re-exports only.
 * @module
 */

export type { Parsed } from './event/parse.js'
export { parseEvent } from './event/parse.js'
export type * from './event/types.js'
export type * from './normalize/model.js'
export type { Normalized } from './normalize/normalize.js'
export { normalize } from './normalize/normalize.js'
export { orderForDelivery } from './ops/delivery-order.js'
export type { EventNameBudget } from './ops/event-name-budget.js'
export { createEventNameBudget } from './ops/event-name-budget.js'
export type { RateDecision, RateLimiter } from './ops/rate-limiter.js'
export { createRateLimiter } from './ops/rate-limiter.js'
export type { Deliverable } from './rest/deliver.js'
export { deliver } from './rest/deliver.js'
export { REST_BASE_URL } from './rest/endpoint.js'
export type { RestMapping } from './rest/to-rest.js'
export { toRest } from './rest/to-rest.js'
export type * from './rest/types.js'
export type { SettingsResult } from './settings/resolve.js'
export { DEFAULT_SETTINGS, resolveSettings } from './settings/resolve.js'
export type * from './settings/types.js'
export type * from './types.js'
