import {
  createMessengerSession,
  type IntercomRequest,
  type MapOptions,
  toMobile,
  toRest,
} from '../index.js'
import { drive } from '../rest/drive.js'
import { createIntercomEmulator } from '../testing/index.js'
import { type CliOptions, mapOptions, parseArgs } from './args.js'
import { EXIT } from './command.js'
import { loadEvents, printer, progressFor } from './input.js'
import type { Progress } from './progress.js'
import type { InputItem } from './read-events.js'

type Print = (value: unknown) => void

/** How many events of a `map` run ended each way. */
export interface MapTotals {
  events: number
  mapped: number
  skipped: number
  invalid: number
  unreadable: number
}

export function typeOf(event: unknown): string | undefined {
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

/** Maps one event to the line `map` prints for it (without its line number). */
type Mapper = (event: unknown) => { status: 'mapped' | 'skipped' | 'invalid' } & object

/**
 * `map --target rest`: each event's mapping and the requests of its exchange. A 2.x
 * exchange is a conversation, so it is driven against a scratch in-memory emulator
 * (shared by the whole file, so an identify makes its user known to later calls) to
 * show every step.
 */
function restMapper(opts: CliOptions): Mapper {
  const scratch = createIntercomEmulator({
    requireDefinedAttributes: false,
    searchLag: opts.searchLag,
  })
  const options = mapOptions(opts)
  return (event) => {
    const mapping = toRest(event, options)
    if (mapping.status !== 'mapped') return mapping
    const requests: ReturnType<typeof shown>[] = []
    drive(mapping.exchange(), (request) => {
      requests.push(shown(request))
      return scratch.handle(request)
    })
    return { status: 'mapped', warnings: mapping.warnings, requests }
  }
}

/**
 * `map --target messenger|mobile`: each event's calls. Messenger mappings share one
 * session, so the first page/identify/group boots and later ones update, as on a page.
 */
function deviceMapper(opts: CliOptions): Mapper {
  const settings = { appId: 'abc12345', ...opts.settings }
  const options: MapOptions = { ...mapOptions(opts), settings }
  if (opts.target === 'mobile') return (event) => toMobile(event, options)
  const session = createMessengerSession(settings, opts.booted)
  return (event) => session.map(event, options)
}

/** Prints one line per item, in order, and returns the totals. */
export function mapItems(
  items: readonly InputItem[],
  mapper: Mapper,
  print: Print,
  progress: Progress,
): MapTotals {
  const totals: MapTotals = {
    events: items.length,
    mapped: 0,
    skipped: 0,
    invalid: 0,
    unreadable: 0,
  }
  let done = 0
  for (const item of items) {
    if (!item.ok) {
      totals.unreadable++
      print({ line: item.line, status: 'unreadable', error: item.error })
    } else {
      const result = mapper(item.event)
      totals[result.status]++
      print({ line: item.line, type: typeOf(item.event), ...result })
    }
    done++
    progress.update({ done, mapped: totals.mapped, invalid: totals.invalid })
  }
  progress.finish({ done, mapped: totals.mapped, invalid: totals.invalid })
  return totals
}

/** `segment-intercom map`: exit 1 when an event is invalid or unreadable. */
export async function runMap(argv: readonly string[]): Promise<number> {
  const opts = parseArgs('map', argv)
  const items = await loadEvents(opts)
  const progress = progressFor(opts, items.length)
  const mapper = opts.target === 'rest' ? restMapper(opts) : deviceMapper(opts)
  const print = printer(progress)
  const totals = mapItems(items, mapper, print, progress)
  print({ totals })
  process.stderr.write(
    `segment-intercom: ${totals.events} event${totals.events === 1 ? '' : 's'}: ${totals.mapped} mapped, ${totals.skipped} skipped, ${totals.invalid} invalid, ${totals.unreadable} unreadable\n`,
  )
  const failed = totals.invalid + totals.unreadable > 0
  return failed && !opts.exitZero ? EXIT.events : EXIT.ok
}
