import type { NormalizedEvent } from '../../normalize/model.js'
import { hasUser } from '../../normalize/user.js'
import type { ResolvedSettings } from '../../settings/types.js'
import type { Warning } from '../../types.js'
import { companyBody, eventBody } from '../bodies.js'
import { endpoint } from '../endpoint.js'
import type { IntercomRequest } from '../types.js'
import { groupUserBody, identifyBody } from './users.js'

/**
 * The legacy 1.4 request for an event: one request per call, since 1.4's
 * `POST /users` upserts and also creates or updates the user's companies.
 * Returns `undefined` for types 1.4 does not send (already filtered upstream).
 */
export function v1Request(
  m: NormalizedEvent,
  settings: ResolvedSettings,
  warnings: Warning[],
): IntercomRequest | undefined {
  switch (m.type) {
    case 'identify':
      return endpoint(settings, 'POST', '/users', identifyBody(m, warnings))
    case 'track':
      // preconditions guarantee createdAt
      return endpoint(settings, 'POST', '/events', eventBody(m, m.createdAt ?? 0))
    case 'group':
      return hasUser(m.user)
        ? endpoint(settings, 'POST', '/users', groupUserBody(m))
        : endpoint(settings, 'POST', '/companies', companyBody(m.company, false))
    default:
      return undefined
  }
}
