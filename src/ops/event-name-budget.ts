import { MAX_ACTIVE_EVENT_NAMES } from '../intercom/limits.js'

/** The workspace's active event names, as a host tracks them across deliveries. */
export interface EventNameBudget {
  /**
   * Whether an event named `name` may be sent: yes when the name is already active
   * (compared case-insensitively) or there is room for one more — in which case it
   * is counted now. Pass {@link EventNameBudget.names} as `knownEventNames` to `toRest`
   * to get the same decision inside the mapping.
   */
  admit(name: string): boolean
  /** Whether `name` is already one of the active names. */
  has(name: string): boolean
  /** How many more new names fit. */
  readonly remaining: number
  /** The active names (one spelling each), for `MapOptions.knownEventNames`. */
  readonly names: ReadonlySet<string>
}

/**
 * Tracks Intercom's limit of 120 active event names per workspace, so a host can
 * stop sending new names before Intercom answers "Cannot have more than 120
 * active event names". Seed it with the names the workspace already has (e.g.
 * from Intercom's data events list), then call `admit` for each event.
 *
 * @example
 * ```ts
 * const budget = createEventNameBudget(['Signed Up', 'Order Completed'])
 * budget.admit('signed up') // true: already active
 * budget.admit('Invited Friend') // true while there is room; counted from now on
 * toRest(event, { knownEventNames: budget.names })
 * ```
 */
export function createEventNameBudget(
  active: Iterable<string> = [],
  limit: number = MAX_ACTIVE_EVENT_NAMES,
): EventNameBudget {
  const byLower = new Map<string, string>()
  const names = new Set<string>()
  const add = (name: string) => {
    const lower = name.toLowerCase()
    if (byLower.has(lower)) return
    byLower.set(lower, name)
    names.add(name)
  }
  for (const name of active) add(name)
  return {
    admit(name) {
      if (byLower.has(name.toLowerCase())) return true
      if (byLower.size >= limit) return false
      add(name)
      return true
    },
    has: (name) => byLower.has(name.toLowerCase()),
    get remaining() {
      return Math.max(0, limit - byLower.size)
    },
    names,
  }
}
