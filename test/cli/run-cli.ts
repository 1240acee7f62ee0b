/** Runs the built `segment-intercom` command (npm test builds dist/ before the suite). */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))
export const examples = 'examples/events.ndjson'
export const bin = `${root}dist/cli.js`

export interface Run {
  code: number | null
  stdout: string
  /** stdout parsed: every line must be JSON. */
  lines: Record<string, unknown>[]
  stderr: string
}

export function cli(
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
  script = bin,
): Run {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  return {
    code: r.status,
    stdout: r.stdout,
    get lines() {
      return r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    },
    stderr: r.stderr,
  }
}

export const ndjson = (events: readonly unknown[]): string =>
  events.map((e) => JSON.stringify(e)).join('\n')

export const track = (userId: string, event: string) => ({
  type: 'track',
  userId,
  event,
  timestamp: '2026-03-02T10:00:00.000Z',
})

export const identify = (userId: string) => ({
  type: 'identify',
  userId,
  timestamp: '2026-03-02T09:00:00.000Z',
})
