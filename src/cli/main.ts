import { EVENT_OPTIONS } from './args.js'
import { type Command, EXIT, UsageError } from './command.js'
import { EMULATE_OPTIONS, emulate } from './emulate.js'
import { runMap } from './map.js'
import { InputError } from './read-events.js'
import { runReplay } from './replay.js'

// Inlined by tsup from package.json (tsup.config.ts), so an installed bin needs no file lookup.
declare const __SEGMENT_INTERCOM_VERSION__: string

/** The subcommand table: one line per command. */
const COMMANDS: Record<string, Command> = {
  map: {
    usage:
      '  segment-intercom map [options] [FILE|-]     print the mapping of each event (one JSON line each)\n',
    options: EVENT_OPTIONS,
    run: runMap,
  },
  replay: {
    usage:
      '  segment-intercom replay [options] [FILE|-]  deliver the events to the built-in Intercom emulator,\n' +
      '                                              print each outcome and the final emulator state\n',
    options: EVENT_OPTIONS,
    run: runReplay,
  },
  emulate: {
    usage:
      '  segment-intercom emulate [options]          serve the Intercom emulator over HTTP until SIGINT/SIGTERM\n',
    options: EMULATE_OPTIONS,
    run: (argv) => emulate(argv),
  },
}

function usage(): string {
  const commands = Object.values(COMMANDS)
  const options = [...new Set(commands.map((c) => c.options))]
  return `segment-intercom — map Segment events to Intercom requests (no network I/O)

Usage:
${commands.map((c) => c.usage).join('')}  segment-intercom --help | --version

FILE is NDJSON (one Segment event per line) or a JSON array; '-' or no FILE reads stdin.
stdout gets one JSON line per event, then {"state"} (replay) and {"totals"}; messages,
progress and a summary go to stderr.

${options.join('\n')}
Exit codes:
  0   every event was mapped, delivered or skipped
  1   some event was invalid, failed, stayed undelivered (retry) or was not JSON
      (0 with --exit-zero)
  2   usage error (unknown option or command, missing file), or an input that is
      empty or a broken JSON array
  70  internal error
`
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  // `emulate --help` prints the emulator's own help.
  if (name === 'emulate') return emulate(rest)
  if (name === undefined || argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(usage())
    return EXIT.ok
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    process.stdout.write(`${__SEGMENT_INTERCOM_VERSION__}\n`)
    return EXIT.ok
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  try {
    if (command === undefined) {
      throw new UsageError(
        name.startsWith('-') ? `unknown option ${name}` : `unknown command ${name}`,
      )
    }
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`segment-intercom: ${error.message} (see segment-intercom --help)\n`)
      return EXIT.usage
    }
    if (error instanceof InputError) {
      process.stderr.write(`segment-intercom: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}

// `segment-intercom map … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok)
  throw error
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `segment-intercom: internal error: ${(error as Error)?.stack ?? String(error)}\n`,
    )
    process.exitCode = EXIT.internal
  },
)
