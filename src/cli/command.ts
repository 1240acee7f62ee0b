/** What every subcommand of `segment-intercom` shares: the table entry, exit codes, usage errors. */

/** Exit codes, documented in the help text and docs/guide/cli.md. */
export const EXIT = {
  /** Every event was delivered, mapped or skipped. */
  ok: 0,
  /** Some event failed, was invalid, stayed undelivered or could not be read. */
  events: 1,
  /** A usage error, or an input that could not be read at all (missing, empty, broken array). */
  usage: 2,
  /** A bug in segment-intercom. */
  internal: 70,
} as const

/** A usage error: reported on one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/** One entry of the subcommand table in main.ts. */
export interface Command {
  /** Its usage lines in `--help` (two-space indent, description column 46). */
  usage: string
  /** Its options block in `--help`; commands sharing one block print it once. */
  options: string
  /** Runs the command on the arguments after its name; resolves with the exit code. */
  run(argv: readonly string[]): Promise<number>
}
