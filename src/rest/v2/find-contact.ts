import type { UserIdentity } from '../../normalize/model.js'
import { endpoint } from '../endpoint.js'
import { pickContact, searchBody } from './contact-body.js'
import { type Conversation, call, isStop, listOf, type Step } from './steps.js'

/**
 * `POST /contacts/search` for the user; Intercom's id of their contact, or
 * `undefined` when there is none (yet: search lags creation by minutes).
 */
export function* findContact(c: Conversation, user: UserIdentity): Step<string | undefined> {
  const request = endpoint(c.settings, 'POST', '/contacts/search', searchBody(user))
  const response = yield* call(c, request)
  if (isStop(response)) return response
  const list = listOf(request, response)
  if (isStop(list)) return list
  return pickContact(list, user)
}
