/**
 * The docs playground's logic, without Vue: a Segment event and settings in, the mapping
 * out, and for the REST targets the whole exchange driven against a fresh in-memory
 * emulator. Playground.vue renders what {@link runPlayground} returns;
 * test/docs/playground.test.ts runs the presets through it.
 *
 * Imports the library from source (relative paths), so the docs need no build of it.
 */
import type { IntercomRequest, IntercomResponse, Outcome } from '../../../src/index.js'
import { toMessenger, toMobile, toRest } from '../../../src/index.js'
import type { EmulatorState, IntercomEmulator } from '../../../src/testing/index.js'
import { createIntercomEmulator } from '../../../src/testing/index.js'

export type TargetId = 'rest-2' | 'rest-1.4' | 'messenger' | 'mobile'

export interface Target {
  id: TargetId
  label: string
}

export const targets: readonly Target[] = [
  { id: 'rest-2', label: 'REST 2.16' },
  { id: 'rest-1.4', label: 'REST 1.4' },
  { id: 'messenger', label: 'Messenger (web)' },
  { id: 'mobile', label: 'Mobile SDK' },
]

const isRest = (target: TargetId): boolean => target === 'rest-2' || target === 'rest-1.4'

export const presets: Readonly<Record<string, unknown>> = {
  identify: {
    type: 'identify',
    userId: 'su3r73',
    timestamp: '2026-03-02T10:00:00.000Z',
    traits: {
      name: 'Iñigo Montoya',
      email: 'avenger@example.com',
      company: { id: '123', name: 'Iñigo & Friends Holding Company' },
      createdAt: 'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)',
      plan: 'pro',
      address: { city: 'Florin' },
    },
    integrations: { Intercom: { user_hash: '<computed server-side with userHash()>' } },
  },
  track: {
    type: 'track',
    userId: 'su3r73',
    event: 'Order Completed',
    timestamp: '2026-03-02T10:02:00.000Z',
    properties: {
      revenue: 19.99,
      currency: 'usd',
      order_id: '50314b8e9bcf000000000000',
      coupon: 'hasbros',
      gift: true,
      products: [{ sku: '45790-32' }],
    },
  },
  group: {
    type: 'group',
    userId: 'su3r73',
    groupId: 'companyId123',
    timestamp: '2026-03-02T10:03:00.000Z',
    traits: { name: 'Segment', plan: 'Enterprise', monthly_spend: 1299.5, employees: 120 },
  },
  'identify (remove company)': {
    type: 'identify',
    userId: '019mr8mf4r',
    timestamp: '2026-03-02T10:08:00.000Z',
    traits: { email: 'mbolton@example.com', company: { id: 12345, remove: true } },
  },
  page: { type: 'page', userId: 'su3r73', name: 'Pricing', timestamp: '2026-03-02T10:00:05Z' },
  reset: { type: 'reset' },
  'track (no timestamp)': { type: 'track', userId: 'su3r73', event: 'Signed Up' },
}

/** The settings box's initial text. */
export const defaultSettings = { appId: '9iefb489', createMissingAttributes: true }

/** What the page's controls hold. */
export interface PlaygroundInput {
  /** The event box: JSON text. */
  event: string
  /** The settings box: JSON text (empty: no settings). */
  settings: string
  target: TargetId
  /** "now", as date text; empty: none. */
  now: string
  /** Messenger: whether the page already booted it. */
  booted: boolean
  /** REST: create the event's user in the emulator before the run. */
  seedUser: boolean
  /** REST: the emulator rejects undefined custom attributes, as Intercom 2.x does. */
  requireDefinedAttributes: boolean
  /** REST: requests during which a new contact stays invisible to search. */
  searchLag: number
}

/** The initial state of the controls: the identify preset, the REST 2.x target, seeded. */
export const defaultInput: PlaygroundInput = {
  event: JSON.stringify(presets.identify, null, 2),
  settings: JSON.stringify(defaultSettings, null, 2),
  target: 'rest-2',
  now: '',
  booted: false,
  seedUser: true,
  requireDefinedAttributes: true,
  searchLag: 0,
}

/** An input field of an event or settings problem, as the page tables list them. */
export interface Issue {
  code: string
  path: string
  message: string
}

/** A mapping of any target, flattened for display. */
export interface MappingView {
  status: 'mapped' | 'skipped' | 'invalid'
  warnings: readonly Issue[]
  errors: readonly Issue[]
  reason?: string
  message?: string
  /** The Messenger or mobile SDK calls. */
  calls?: readonly { method: string; args: readonly unknown[] }[]
}

/** One request of the exchange and the emulator's answer. */
export interface Step {
  request: IntercomRequest
  response: IntercomResponse
}

/** Who the emulator was seeded with before the run. */
export interface Seed {
  userId?: string
  email?: string
  /** Requests the seeding identify took (not listed among the run's steps). */
  requests: number
}

export type PlaygroundResult =
  | { kind: 'error'; error: string }
  | {
      kind: 'mapping'
      mapping: MappingView
      /** REST only, when mapped: the exchange, step by step. */
      steps: readonly Step[]
      outcome?: Outcome
      state?: EmulatorState
      seed?: Seed
    }

function parseJson(
  text: string,
  what: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, error: `${what} is not JSON: ${(error as Error).message}` }
  }
}

/** An exchange is a handful of requests; the bound only guards the page against a bug. */
const MAX_STEPS = 50

/** Runs a REST mapping's exchange to its end against the emulator, synchronously. */
export function drive(
  mapping: ReturnType<typeof toRest>,
  emulator: IntercomEmulator,
): { steps: Step[]; outcome: Outcome } {
  if (mapping.status !== 'mapped')
    return { steps: [], outcome: { status: 'not_sent', mapping, learned: { version: 1 } } }
  const ex = mapping.exchange()
  const steps: Step[] = []
  let step = ex.next()
  while (!step.done && steps.length < MAX_STEPS) {
    const response = emulator.handle(step.value)
    steps.push({ request: step.value, response })
    step = ex.next(response)
  }
  const outcome: Outcome = step.done
    ? step.value
    : {
        status: 'failed',
        code: 'internal_error',
        learned: { version: 1 },
        message: `The playground stopped after ${MAX_STEPS} requests`,
      }
  return { steps, outcome }
}

/** The event's user (userId, else the email of its traits), to create before the run. */
export function userOf(event: unknown): { userId?: string; email?: string } {
  if (typeof event !== 'object' || event === null) return {}
  const e = event as Record<string, unknown>
  const traits = (typeof e.traits === 'object' && e.traits !== null ? e.traits : {}) as Record<
    string,
    unknown
  >
  const userId =
    typeof e.userId === 'string' || typeof e.userId === 'number' ? String(e.userId) : undefined
  const email = typeof traits.email === 'string' ? traits.email : undefined
  return { ...(userId === undefined ? {} : { userId }), ...(email === undefined ? {} : { email }) }
}

/**
 * Creates the event's user in the emulator with an identify delivered first, as an
 * earlier identify would have: a `track` or `group` of a user Intercom does not have
 * ends `retry` / `contact_not_found`. Nothing happens for an event without a user.
 */
function seed(event: unknown, apiVersion: string, emulator: IntercomEmulator): Seed | undefined {
  const who = userOf(event)
  if (who.userId === undefined && who.email === undefined) return undefined
  const identify = toRest(
    {
      type: 'identify',
      ...(who.userId === undefined ? {} : { userId: who.userId }),
      traits: who.email === undefined ? {} : { email: who.email },
      timestamp: '2025-12-31T00:00:00Z',
    },
    { settings: { apiVersion } },
  )
  const { steps, outcome } = drive(identify, emulator)
  if (outcome.status !== 'delivered') return undefined
  return { ...who, requests: steps.length }
}

function view(
  mapping: ReturnType<typeof toRest | typeof toMessenger | typeof toMobile>,
): MappingView {
  switch (mapping.status) {
    case 'invalid':
      return { status: 'invalid', warnings: mapping.warnings, errors: mapping.errors }
    case 'skipped':
      return {
        status: 'skipped',
        warnings: mapping.warnings,
        errors: [],
        reason: mapping.reason,
        message: mapping.message,
      }
    case 'mapped':
      return {
        status: 'mapped',
        warnings: mapping.warnings,
        errors: [],
        ...('calls' in mapping ? { calls: mapping.calls } : {}),
      }
  }
}

/** Everything the page shows for the current controls. Pure: a fresh emulator each run. */
export function runPlayground(input: PlaygroundInput): PlaygroundResult {
  const event = parseJson(input.event, 'The event')
  if (!event.ok) return { kind: 'error', error: event.error }
  const settings = parseJson(input.settings, 'The settings')
  if (!settings.ok) return { kind: 'error', error: settings.error }

  const options: { settings?: unknown; now?: Date; booted?: boolean } = {}
  let given = settings.value
  const apiVersion = input.target === 'rest-1.4' ? '1.4' : '2.16'
  if (isRest(input.target)) {
    // The target picks the API version; other settings pass through as typed.
    given =
      typeof given === 'object' && given !== null && !Array.isArray(given)
        ? { ...given, apiVersion }
        : (given ?? { apiVersion })
  }
  if (given !== undefined) options.settings = given
  if (input.now.trim() !== '') {
    const now = new Date(input.now.trim())
    if (Number.isNaN(now.getTime())) return { kind: 'error', error: '"now" is not a date' }
    options.now = now
  }
  // The settings box is unchecked JSON: the mappers check it and report every problem.
  const mapOptions = options as Parameters<typeof toRest>[1] & { booted?: boolean }

  if (input.target === 'messenger') {
    const mapping = toMessenger(event.value, { ...mapOptions, booted: input.booted })
    return { kind: 'mapping', mapping: view(mapping), steps: [] }
  }
  if (input.target === 'mobile') {
    return { kind: 'mapping', mapping: view(toMobile(event.value, mapOptions)), steps: [] }
  }

  const mapping = toRest(event.value, mapOptions)
  if (mapping.status !== 'mapped') return { kind: 'mapping', mapping: view(mapping), steps: [] }
  const emulator = createIntercomEmulator({
    requireDefinedAttributes: input.requireDefinedAttributes,
    searchLag: Math.max(0, Math.floor(Number(input.searchLag) || 0)),
  })
  const seeded = input.seedUser ? seed(event.value, apiVersion, emulator) : undefined
  const { steps, outcome } = drive(mapping, emulator)
  return {
    kind: 'mapping',
    mapping: view(mapping),
    steps,
    outcome,
    state: emulator.state,
    ...(seeded === undefined ? {} : { seed: seeded }),
  }
}

/** A call as the host would write it. */
export function callText(
  target: TargetId,
  call: { method: string; args: readonly unknown[] },
): string {
  const args = call.args.map((a) => JSON.stringify(a, null, 2)).join(', ')
  if (target === 'messenger') return `Intercom('${call.method}'${args === '' ? '' : `, ${args}`})`
  return `await Intercom.${call.method}(${args})`
}
