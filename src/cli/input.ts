import { readFile } from 'node:fs/promises'
import { text } from 'node:stream/consumers'
import type { CliOptions } from './args.js'
import { UsageError } from './command.js'
import { createProgress, NO_PROGRESS, type Progress, progressInterval } from './progress.js'
import { InputError, type InputItem, readEvents } from './read-events.js'

/** The name of the input in messages. */
export function inputName(opts: CliOptions): string {
  return opts.file === '-' ? 'stdin' : opts.file
}

/**
 * Reads the events of FILE, or of stdin for `-` or no FILE, and reports each
 * unreadable line on stderr. Throws a {@link UsageError} for a missing file or a
 * terminal on stdin without `-`, an {@link InputError} for an empty or broken input.
 */
export async function loadEvents(opts: CliOptions): Promise<InputItem[]> {
  let input: string
  if (opts.file === '-') {
    if (opts.fileOmitted && process.stdin.isTTY)
      throw new UsageError(`${opts.command} needs a FILE, or - to read the terminal`)
    input = await text(process.stdin)
  } else {
    try {
      input = await readFile(opts.file, 'utf8')
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code
      throw new UsageError(`cannot read ${opts.file}: ${why ?? (error as Error).message}`)
    }
  }
  let items: InputItem[]
  try {
    items = readEvents(input)
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${inputName(opts)}: ${error.message}`)
    throw error
  }
  for (const item of items) {
    if (!item.ok)
      process.stderr.write(
        `segment-intercom: ${inputName(opts)} line ${item.line}: not JSON (${item.error})\n`,
      )
  }
  return items
}

/** The progress reporter `opts` asks for: `--progress`, `--no-progress`, or stderr a terminal. */
export function progressFor(opts: CliOptions, total: number): Progress {
  const tty = process.stderr.isTTY === true
  if (!(opts.progress ?? tty)) return NO_PROGRESS
  return createProgress({
    write: (s) => process.stderr.write(s),
    inPlace: tty,
    total,
    intervalMs: progressInterval(process.env),
  })
}

/** Prints one JSON line on stdout, clearing first a progress line drawn on the same terminal. */
export function printer(progress: Progress): (value: unknown) => void {
  const shared = process.stdout.isTTY === true
  return (value) => {
    if (shared) progress.clear()
    process.stdout.write(`${JSON.stringify(value)}\n`)
  }
}
