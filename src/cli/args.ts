import { readFileSync } from 'node:fs'
import type { MapOptions, Settings } from '../index.js'
import { UsageError } from './command.js'

export type Target = 'rest' | 'messenger' | 'mobile'

/** The options of `map` and `replay`. */
export interface CliOptions {
  command: 'map' | 'replay'
  target: Target
  /** A path, or `-` for standard input. */
  file: string
  /** True when no FILE was given (stdin is then read unless it is a terminal). */
  fileOmitted: boolean
  settings: Settings
  now?: number
  booted: boolean
  searchLag: number
  retries: number
  /** Exit 0 even when events fail (usage and input errors still exit 2). */
  exitZero: boolean
  /** Progress on stderr: forced on, forced off, or (undefined) when stderr is a terminal. */
  progress: boolean | undefined
}

/** The options block that `map` and `replay` share in `--help`. */
export const EVENT_OPTIONS = `Options for map and replay:
  --target rest|messenger|mobile   target for map (default rest; replay is always rest)
  --api-version 1.4|2.x            REST API version (default 2.16)
  --region us|eu|au                data-hosting region (default us)
  --settings JSON|FILE             any destination settings, as JSON text or a JSON file
  --app-id ID                      settings.appId (Messenger, mobile; default 'abc12345' for map)
  --now ISO|MS                     "now" for last-seen and missing timestamps
  --booted                         Messenger: the Messenger is already booted
  --search-lag N                   new contacts stay invisible to search for N requests
  --retries N                      replay: how many times to retry 'retry' outcomes (default 1)
  --progress, --no-progress        counts on stderr once a second (default: when stderr is a terminal)
  --exit-zero                      exit 0 even when events fail or are invalid
`

export function parseArgs(command: 'map' | 'replay', argv: readonly string[]): CliOptions {
  const opts: CliOptions = {
    command,
    target: 'rest',
    file: '-',
    fileOmitted: true,
    settings: {},
    booted: false,
    searchLag: 0,
    retries: 1,
    exitZero: false,
    progress: undefined,
  }
  const files: string[] = []
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1]
    if (v === undefined) throw new UsageError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    switch (arg) {
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
      case '--progress':
        opts.progress = true
        break
      case '--no-progress':
        opts.progress = false
        break
      case '--exit-zero':
        opts.exitZero = true
        break
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`)
        files.push(arg)
    }
  }
  if (files.length > 1) throw new UsageError(`one FILE at most, got ${files.join(' ')}`)
  if (files[0] !== undefined) {
    opts.file = files[0]
    opts.fileOmitted = false
  }
  if (command === 'replay' && opts.target !== 'rest') {
    throw new UsageError('replay is always REST: --target is for map')
  }
  return opts
}

/** Parses a flag's value as a non-negative integer. */
export function nonNegative(v: string, flag: string): number {
  const n = Number(v)
  if (v.trim() === '' || !Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a non-negative integer, got ${v}`)
  return n
}

function readSettings(arg: string): Settings {
  let text: string
  try {
    text = /^\s*[{[]/.test(arg) ? arg : readFileSync(arg, 'utf8')
  } catch (error) {
    throw new UsageError(
      `--settings: cannot read ${arg} (${(error as NodeJS.ErrnoException).code})`,
    )
  }
  let settings: unknown
  try {
    settings = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`--settings is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
    throw new UsageError('--settings must be a JSON object')
  return settings as Settings
}

export function mapOptions(opts: CliOptions): MapOptions {
  const o: MapOptions = { settings: opts.settings }
  if (opts.now !== undefined) o.now = opts.now
  return o
}
