import {
  createMessengerSession,
  deliver,
  type IntercomRequest,
  type Outcome,
  toMobile,
  toRest,
} from '../index.js'
import { createIntercomEmulator } from '../testing/index.js'
import { type CliOptions, mapOptions } from './args.js'
import type { InputItem } from './read-events.js'

type Print = (value: unknown) => void

function typeOf(event: unknown): string | undefined {
  return typeof event === 'object' &&
    event !== null &&
    typeof (event as { type?: unknown }).type === 'string'
    ? (event as { type: string }).type
    : undefined
}

function shown(request: IntercomRequest) {
  return request.body === undefined
    ? { method: request.method, path: request.path }
    : { method: request.method, path: request.path, body: request.body }
}

/**
 * `map --target rest`: each event's mapping and the requests of its exchange. A 2.x
 * exchange is a conversation, so it is driven against a scratch in-memory emulator
 * (shared by the whole file, so an identify makes its user known to later calls) to
 * show every step.
 */
export function mapRest(items: readonly InputItem[], opts: CliOptions, print: Print): void {
  const scratch = createIntercomEmulator({
    requireDefinedAttributes: false,
    searchLag: opts.searchLag,
  })
  const options = mapOptions(opts)
  for (const item of items) {
    if (!item.ok) {
      print({ line: item.line, status: 'unreadable', error: item.error })
      continue
    }
    const mapping = toRest(item.event, options)
    const type = typeOf(item.event)
    if (mapping.status !== 'mapped') {
      print({ line: item.line, type, ...mapping })
      continue
    }
    const requests: ReturnType<typeof shown>[] = []
    const ex = mapping.exchange()
    let step = ex.next()
    while (!step.done) {
      requests.push(shown(step.value))
      step = ex.next(scratch.handle(step.value))
    }
    print({ line: item.line, type, status: 'mapped', warnings: mapping.warnings, requests })
  }
}

/**
 * `map --target messenger|mobile`: each event's calls. Messenger mappings share one
 * session, so the first page/identify/group boots and later ones update, as on a page.
 */
export function mapDevice(items: readonly InputItem[], opts: CliOptions, print: Print): void {
  const settings = { appId: 'abc12345', ...opts.settings }
  const options = { ...mapOptions(opts), settings }
  const session = createMessengerSession(settings, opts.booted)
  for (const item of items) {
    if (!item.ok) {
      print({ line: item.line, status: 'unreadable', error: item.error })
      continue
    }
    const result =
      opts.target === 'messenger' ? session.map(item.event, options) : toMobile(item.event, options)
    print({ line: item.line, type: typeOf(item.event), ...result })
  }
}

interface Pending {
  line: number
  type: string | undefined
  event: unknown
  outcome: Outcome
}

/**
 * `replay`: deliver every event to the built-in emulator, in order, as a host would;
 * then retry the `retry` outcomes (up to `opts.retries` rounds, moving the
 * emulator's clock to `retryAt` for rate limits), and print the final state.
 */
export async function replay(
  items: readonly InputItem[],
  opts: CliOptions,
  print: Print,
): Promise<{
  delivered: number
  retry: number
  failed: number
  notSent: number
  unreadable: number
}> {
  const emulator = createIntercomEmulator({ searchLag: opts.searchLag })
  const settings = { createMissingAttributes: true, ...opts.settings }
  const options = { ...mapOptions(opts), settings }
  const send = (request: IntercomRequest) => emulator.send(request)
  const counts = { delivered: 0, retry: 0, failed: 0, notSent: 0, unreadable: 0 }

  let pending: Pending[] = []
  for (const item of items) {
    if (!item.ok) {
      counts.unreadable++
      print({ line: item.line, status: 'unreadable', error: item.error })
      continue
    }
    const outcome = await deliver(toRest(item.event, options), send)
    const type = typeOf(item.event)
    print({ line: item.line, type, outcome })
    if (outcome.status === 'retry')
      pending.push({ line: item.line, type, event: item.event, outcome })
    else tally(counts, outcome)
  }
  for (let round = 1; round <= opts.retries && pending.length > 0; round++) {
    const again: Pending[] = []
    for (const p of pending) {
      if (
        p.outcome.status === 'retry' &&
        p.outcome.retryAt !== undefined &&
        p.outcome.retryAt > emulator.now()
      ) {
        emulator.advanceTime(p.outcome.retryAt - emulator.now())
      }
      const outcome = await deliver(toRest(p.event, options), send)
      print({ line: p.line, type: p.type, retry: round, outcome })
      if (outcome.status === 'retry') again.push({ ...p, outcome })
      else tally(counts, outcome)
    }
    pending = again
  }
  counts.retry = pending.length
  print({ state: emulator.state })
  return counts
}

function tally(counts: { delivered: number; failed: number; notSent: number }, outcome: Outcome) {
  if (outcome.status === 'delivered') counts.delivered++
  else if (outcome.status === 'failed') counts.failed++
  else if (outcome.status === 'not_sent') counts.notSent++
}
