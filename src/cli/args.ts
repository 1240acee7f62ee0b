import { readFileSync } from 'node:fs'
import type { MapOptions, Settings } from '../index.js'

export type Target = 'rest' | 'messenger' | 'mobile'

export interface CliOptions {
  command: 'map' | 'replay' | 'help'
  target: Target
  file: string
  settings: Settings
  now?: number
  booted: boolean
  searchLag: number
  retries: number
}

export const USAGE = `segment-intercom — map Segment events to Intercom requests (no network I/O)

Usage:
  segment-intercom map [options] [FILE|-]     print the mapping of each event (one JSON line each)
  segment-intercom replay [options] FILE      deliver the events to the built-in Intercom emulator,
                                              print each outcome and the final emulator state
  segment-intercom emulate [options]          serve the emulator over HTTP (emulate --help)

FILE is NDJSON (one Segment event per line) or a JSON array; '-' or nothing reads stdin.

Options:
  --target rest|messenger|mobile   target for map (default rest; replay is always rest)
  --api-version 1.4|2.x            REST API version (default 2.16)
  --region us|eu|au                data-hosting region (default us)
  --settings JSON|FILE             any destination settings, as JSON text or a JSON file
  --app-id ID                      settings.appId (Messenger, mobile; default 'abc12345' for map)
  --now ISO|MS                     "now" for last-seen and missing timestamps
  --booted                         Messenger: the Messenger is already booted
  --search-lag N                   replay: new contacts stay invisible to search for N requests
  --retries N                      replay: how many times to retry 'retry' outcomes (default 1)
  -h, --help                       this help
`

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    command: 'help',
    target: 'rest',
    file: '-',
    settings: {},
    booted: false,
    searchLag: 0,
    retries: 1,
  }
  const rest: string[] = []
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined) throw new UsageError(`${flag} needs a value`)
    return v
  }
  let i = 0
  for (; i < argv.length; i++) {
    const arg = argv[i] as string
    switch (arg) {
      case '-h':
      case '--help':
        opts.command = 'help'
        return opts
      case '--target': {
        const t = value(i++, arg)
        if (t !== 'rest' && t !== 'messenger' && t !== 'mobile') {
          throw new UsageError(`--target must be rest, messenger or mobile, got ${t}`)
        }
        opts.target = t
        break
      }
      case '--api-version':
        opts.settings.apiVersion = value(i++, arg)
        break
      case '--region':
        opts.settings.region = value(i++, arg) as Settings['region'] & string
        break
      case '--app-id':
        opts.settings.appId = value(i++, arg)
        break
      case '--settings':
        Object.assign(opts.settings, readSettings(value(i++, arg)))
        break
      case '--now': {
        const v = value(i++, arg)
        const ms = /^-?\d+$/.test(v) ? Number(v) : Date.parse(v)
        if (!Number.isFinite(ms))
          throw new UsageError(`--now must be an ISO date or epoch ms, got ${v}`)
        opts.now = ms
        break
      }
      case '--booted':
        opts.booted = true
        break
      case '--search-lag':
        opts.searchLag = nonNegative(value(i++, arg), arg)
        break
      case '--retries':
        opts.retries = nonNegative(value(i++, arg), arg)
        break
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}`)
        rest.push(arg)
    }
  }
  const [command, file, ...extra] = rest
  if (command === undefined) return opts
  if (command !== 'map' && command !== 'replay') throw new UsageError(`Unknown command ${command}`)
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`)
  opts.command = command
  if (file !== undefined) opts.file = file
  if (command === 'replay' && opts.file === '-') throw new UsageError('replay needs a FILE')
  return opts
}

function nonNegative(v: string, flag: string): number {
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a non-negative integer`)
  return n
}

function readSettings(arg: string): Settings {
  const text = arg.trimStart().startsWith('{') ? arg : readFileSync(arg, 'utf8')
  try {
    return JSON.parse(text) as Settings
  } catch (error) {
    throw new UsageError(`--settings is not valid JSON: ${(error as Error).message}`)
  }
}

export function mapOptions(opts: CliOptions): MapOptions {
  const o: MapOptions = { settings: opts.settings }
  if (opts.now !== undefined) o.now = opts.now
  return o
}
