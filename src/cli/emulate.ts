/**
 * `segment-intercom emulate`: the in-memory Intercom emulator served over HTTP on the
 * wall clock, until SIGINT or SIGTERM.
 * @module
 */
import { parseArgs } from 'node:util'
import { createIntercomEmulator } from '../testing/emulator/emulator.js'
import type { EmulatorOptions } from '../testing/emulator/types.js'
import { serveEmulator } from '../testing/server/index.js'

/** The options block of `emulate`, also listed in the global `--help`. */
export const EMULATE_OPTIONS = `Options for emulate:
  --port N                  TCP port (default 4010; 0 picks a free one)
  --host HOST               interface to listen on (default 127.0.0.1)
  --search-lag N            new contacts stay invisible to search for N requests
  --rate-limit LIMIT/MS     at most LIMIT requests per window of MS milliseconds (429 past it)
  --server-error-rate R     answer 500 server_error to a share R (0 to 1) of requests
  --token T                 require 'Authorization: Bearer T' (else 401)
`

export const EMULATE_USAGE = `segment-intercom emulate — serve the in-memory Intercom emulator over HTTP

Usage:
  segment-intercom emulate [options]

Prints the base URL on the first line of stdout, then serves Intercom's REST routes
(2.x and 1.4) until SIGINT or SIGTERM. Time is the wall clock. Extra routes:
  GET  /__emulator/state    the workspace as JSON (contacts, companies, associations,
                            events, dataAttributes, eventNames)
  POST /__emulator/reset    empty the workspace

${EMULATE_OPTIONS}  -h, --help                this help
`

/** The default port of `emulate` (the library's `serveEmulator` defaults to a free port). */
export const DEFAULT_EMULATE_PORT = 4010

/** A bad command line: printed with the usage, exit code 2. */
export class EmulateUsageError extends Error {}

/** What `emulate` was asked to do. */
export interface EmulateCommand {
  help: boolean
  port: number
  host: string
  emulator: EmulatorOptions
}

function integer(value: string, flag: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new EmulateUsageError(`${flag} must be an integer from ${min} to ${max}, got '${value}'`)
  }
  return n
}

/** Parses the arguments after `emulate`. */
export function parseEmulateArgs(argv: readonly string[]): EmulateCommand {
  let values: Record<string, string | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'search-lag': { type: 'string' },
        'rate-limit': { type: 'string' },
        'server-error-rate': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    throw new EmulateUsageError((error as Error).message)
  }
  const text = (name: string): string | undefined => {
    const v = values[name]
    return typeof v === 'string' ? v : undefined
  }
  const command: EmulateCommand = {
    help: values.help === true,
    port: DEFAULT_EMULATE_PORT,
    host: text('host') ?? '127.0.0.1',
    emulator: { clock: Date.now },
  }
  const port = text('port')
  if (port !== undefined) command.port = integer(port, '--port', 0, 65_535)
  if (command.host === '') throw new EmulateUsageError('--host needs a value')
  const lag = text('search-lag')
  if (lag !== undefined) {
    command.emulator.searchLag = integer(lag, '--search-lag', 0, Number.MAX_SAFE_INTEGER)
  }
  const rate = text('rate-limit')
  if (rate !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(rate)
    if (match === null) {
      throw new EmulateUsageError(
        `--rate-limit must be LIMIT/WINDOW_MS, e.g. 1000/60000, got '${rate}'`,
      )
    }
    command.emulator.rateLimit = {
      limit: integer(match[1] as string, '--rate-limit LIMIT', 1, Number.MAX_SAFE_INTEGER),
      windowMs: integer(match[2] as string, '--rate-limit WINDOW_MS', 1, Number.MAX_SAFE_INTEGER),
    }
  }
  const errorRate = text('server-error-rate')
  if (errorRate !== undefined) {
    const r = errorRate.trim() === '' ? Number.NaN : Number(errorRate)
    if (!(r >= 0 && r <= 1)) {
      throw new EmulateUsageError(
        `--server-error-rate must be a number from 0 to 1, got '${errorRate}'`,
      )
    }
    command.emulator.faults = { serverErrorRate: r }
  }
  const token = text('token')
  if (token !== undefined) {
    if (token === '') throw new EmulateUsageError('--token needs a value')
    command.emulator.token = token
  }
  return command
}

/** Where `emulate` writes and which signals stop it (the process, unless a test swaps it). */
export interface EmulateIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  signals: Pick<NodeJS.Process, 'once' | 'off'>
}

const PROCESS_IO: EmulateIo = { stdout: process.stdout, stderr: process.stderr, signals: process }

/**
 * Runs `segment-intercom emulate ARGS`: serves until SIGINT or SIGTERM, then closes
 * gracefully. Resolves with the exit code: 0 after a signal, 2 for a bad command line,
 * 1 when the server cannot listen.
 */
export async function emulate(
  argv: readonly string[],
  io: EmulateIo = PROCESS_IO,
): Promise<number> {
  let command: EmulateCommand
  try {
    command = parseEmulateArgs(argv)
    if (command.help) {
      io.stdout.write(EMULATE_USAGE)
      return 0
    }
  } catch (error) {
    if (!(error instanceof EmulateUsageError)) throw error
    io.stderr.write(`segment-intercom emulate: ${error.message}\n\n${EMULATE_USAGE}`)
    return 2
  }
  const emulator = createIntercomEmulator(command.emulator)
  let server: Awaited<ReturnType<typeof serveEmulator>>
  try {
    server = await serveEmulator(emulator, { port: command.port, host: command.host })
  } catch (error) {
    io.stderr.write(
      `segment-intercom emulate: cannot listen on ${command.host}:${command.port}: ${(error as Error).message}\n`,
    )
    return 1
  }
  io.stdout.write(`${server.url}\n`)
  io.stderr.write(
    `segment-intercom: Intercom emulator at ${server.url} (state: ${server.url}/__emulator/state); Ctrl-C stops it\n`,
  )
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals) => {
      io.signals.off('SIGINT', stop)
      io.signals.off('SIGTERM', stop)
      resolve(name)
    }
    io.signals.once('SIGINT', stop)
    io.signals.once('SIGTERM', stop)
  })
  await server.close()
  io.stderr.write(`segment-intercom: ${signal}: emulator stopped\n`)
  return 0
}
