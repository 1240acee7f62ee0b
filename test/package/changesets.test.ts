// The changesets in .changeset/ are ones `changeset version` can consume: each names this
// package with a bump and says something, and the config publishes publicly.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '.changeset')
const CHANGESETS = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md')

describe('.changeset', () => {
  it('publishes publicly from main', () => {
    const config = JSON.parse(readFileSync(join(DIR, 'config.json'), 'utf8'))
    expect(config).toMatchObject({ access: 'public', baseBranch: 'main' })
  })

  it.each(CHANGESETS)('%s bumps segment-intercom and describes the change', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8')
    const match = /^---\n(["'])segment-intercom\1: (patch|minor|major)\n---\n\n(\S[\s\S]*)$/.exec(
      text,
    )
    expect(match, 'front matter: ---\\n"segment-intercom": <bump>\\n---').not.toBeNull()
    expect(match?.[3]?.trim().length).toBeGreaterThan(40)
  })
})
