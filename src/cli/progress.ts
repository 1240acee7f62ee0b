/**
 * Progress counts on stderr, at most once per interval, never on stdout. On a
 * terminal the line is redrawn in place and cleared before stdout is written to;
 * elsewhere (`--progress` into a pipe or file) each report is its own line.
 */

/** Counts to report: `done` of `total`, then named counts in insertion order. */
export type Counts = { done: number } & Record<string, number>

export interface Progress {
  /** Reports `counts` if an interval has passed since the last report. */
  update(counts: Counts): void
  /** Removes the in-place line from the terminal, if one is drawn (call before writing stdout). */
  clear(): void
  /** The final report: a last line off a terminal, nothing left behind on one. */
  finish(counts: Counts): void
}

export interface ProgressOptions {
  write: (text: string) => void
  /** Redraw one line in place (stderr is a terminal) rather than printing lines. */
  inPlace: boolean
  total: number
  intervalMs: number
  now?: () => number
}

/** A reporter that does nothing, for when progress is off. */
export const NO_PROGRESS: Progress = { update() {}, clear() {}, finish() {} }

/** The interval: `SEGMENT_INTERCOM_PROGRESS_MS` (tests shorten it), else one second. */
export function progressInterval(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.SEGMENT_INTERCOM_PROGRESS_MS)
  return env.SEGMENT_INTERCOM_PROGRESS_MS !== undefined && Number.isFinite(ms) && ms >= 0
    ? ms
    : 1000
}

export function createProgress(o: ProgressOptions): Progress {
  const now = o.now ?? Date.now
  let last = now()
  let drawn = false
  const format = ({ done, ...counts }: Counts) =>
    `segment-intercom: ${done}/${o.total} events${Object.entries(counts)
      .map(([name, n]) => `, ${n} ${name}`)
      .join('')}`
  const clear = () => {
    if (drawn) o.write('\r\x1b[K')
    drawn = false
  }
  return {
    update(counts) {
      const t = now()
      if (t - last < o.intervalMs) return
      last = t
      if (o.inPlace) {
        o.write(`\r\x1b[K${format(counts)}`)
        drawn = true
      } else o.write(`${format(counts)}\n`)
    },
    clear,
    finish(counts) {
      if (o.inPlace) clear()
      else o.write(`${format(counts)}\n`)
    },
  }
}
