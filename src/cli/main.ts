import { readFileSync } from 'node:fs'
import { parseArgs, USAGE, UsageError } from './args.js'
import { mapDevice, mapRest, replay } from './commands.js'
import { emulate } from './emulate.js'
import { readEvents } from './read-events.js'

// `segment-intercom map … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'emulate') return emulate(argv.slice(1))
  let opts: ReturnType<typeof parseArgs>
  try {
    opts = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`segment-intercom: ${error.message}\n\n${USAGE}`)
    return 2
  }
  if (opts.command === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  let text: string
  try {
    text = readFileSync(opts.file === '-' ? 0 : opts.file, 'utf8')
  } catch (error) {
    process.stderr.write(
      `segment-intercom: cannot read ${opts.file}: ${(error as Error).message}\n`,
    )
    return 2
  }
  const items = readEvents(text)
  for (const item of items) {
    if (!item.ok)
      process.stderr.write(`segment-intercom: line ${item.line}: not JSON (${item.error})\n`)
  }
  const unreadable = items.some((i) => !i.ok)
  if (opts.command === 'map') {
    if (opts.target === 'rest') mapRest(items, opts, print)
    else mapDevice(items, opts, print)
    return unreadable ? 1 : 0
  }
  const counts = await replay(items, opts, print)
  process.stderr.write(
    `segment-intercom: ${counts.delivered} delivered, ${counts.retry} still to retry, ${counts.failed} failed, ${counts.notSent} not sent, ${counts.unreadable} unreadable\n`,
  )
  return unreadable ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `segment-intercom: internal error: ${(error as Error)?.stack ?? String(error)}\n`,
    )
    process.exitCode = 70
  },
)
