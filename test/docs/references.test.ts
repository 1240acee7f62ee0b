// The README is read where the package is (npm's page, an editor's node_modules), without
// the docs/ folder, and the TSDoc ships in the type declarations without DESIGN.md: neither
// may point at a file that is not there.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './snippets.js'

/** Every link target of a Markdown text: inline, reference definitions, and HTML href/src. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '')
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)/g)].map((m) => m[1] ?? '')
  const references = [...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map(
    (m) => m[1] ?? '',
  )
  const html = [...prose.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '')
  return [...inline, ...references, ...html]
}

/** Works wherever the text is shown: an absolute URL, or an anchor of the same page. */
const portable = (target: string): boolean => /^(https?:\/\/|mailto:|#)/.test(target)

describe('README.md', () => {
  it('links only to absolute URLs or to its own headings', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const targets = linkTargets(readme)
    expect(targets.length).toBeGreaterThan(0)
    expect(targets.filter((t) => !portable(t))).toEqual([])
  })

  it('has a heading for each of its own anchors', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const slugs = new Set(
      [...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replaceAll(' ', '-'),
      ),
    )
    const anchors = linkTargets(readme).filter((t) => t.startsWith('#'))
    expect(anchors.filter((a) => !slugs.has(a.slice(1)))).toEqual([])
  })

  it('the link finder sees relative links in every form', () => {
    const md = [
      'See [rules](docs/rules.md), [x][ref] and <a href="./docs/x.md">x</a>.',
      '[ref]: ../guide.md',
      '`[not](a-link.md)`',
      '```md',
      '[in code](nor-this.md)',
      '```',
      '[web](https://example.com/a) and [here](#usage)',
    ].join('\n')
    expect(linkTargets(md).filter((t) => !portable(t))).toEqual([
      'docs/rules.md',
      '../guide.md',
      './docs/x.md',
    ])
  })
})

describe('src/', () => {
  it('never refers to DESIGN.md, which is not part of the package', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts'),
    )
    expect(files.length).toBeGreaterThan(10)
    const offending = files.filter((f) =>
      /DESIGN\.md|DESIGN §/.test(readFileSync(join(ROOT, 'src', f), 'utf8')),
    )
    expect(offending).toEqual([])
  })
})
