import { readFileSync } from 'node:fs'

/** One recorded SDK / pipeline envelope from `test/fixtures/sdk/` (the first of a batch). */
export function fixtureEvent(name: string): Record<string, unknown> {
  const body = JSON.parse(
    readFileSync(new URL(`../fixtures/sdk/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>
  return Array.isArray(body.batch) ? (body.batch[0] as Record<string, unknown>) : body
}
