/**
 * Deep-frozen snapshots of the workspace for {@link IntercomEmulator.state}.
 * @module
 */
import { deepFreeze } from './json.js'
import { companyResponse, contactState } from './render.js'
import type { Store } from './store.js'
import type { EmulatorState } from './types.js'

/** A fresh copy of everything the store holds, frozen all the way down. */
export function snapshot(store: Store): EmulatorState {
  return deepFreeze({
    contacts: store.contacts.map((c) => contactState(store, c)),
    companies: store.companies.map((c) => companyResponse(store, c)),
    associations: Array.from(store.associations.values(), (a) => ({ ...a })),
    events: store.events.map((e) => ({
      event_name: e.event_name,
      created_at: e.created_at,
      contactId: e.contactId,
      metadata: structuredMetadata(e.metadata),
    })),
    dataAttributes: store.dataAttributes.map((a) => ({
      name: a.name,
      model: a.model,
      data_type: a.data_type,
    })),
    eventNames: [...store.eventNames.values()],
  })
}

function structuredMetadata<T extends Record<string, unknown>>(metadata: T): T {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(metadata)) {
    copy[key] = typeof value === 'object' && value !== null ? { ...value } : value
  }
  return copy as T
}
