import { describe, expect, it } from 'vitest'
import { cli, identify, ndjson, track } from './run-cli.js'

describe('reading the input', () => {
  it('reports each bad NDJSON line with its number and goes on with the others', () => {
    const input = [
      JSON.stringify(identify('u')),
      '{"type":',
      '',
      '// a comment',
      JSON.stringify(track('u', 'A')),
      'nope',
    ].join('\n')
    for (const command of ['map', 'replay']) {
      const r = cli([command, '-'], input)
      const events = r.lines.filter((l) => 'line' in l)
      expect(events.map((l) => [l.line, l.status === 'unreadable'])).toEqual([
        [1, false],
        [2, true],
        [5, false],
        [6, true],
      ])
      const reports = r.stderr.split('\n').filter((l) => l.includes('not JSON'))
      expect(reports).toEqual([
        expect.stringMatching(/^segment-intercom: stdin line 2: not JSON \(.+\)$/),
        expect.stringMatching(/^segment-intercom: stdin line 6: not JSON \(.+\)$/),
      ])
      expect(r.code).toBe(1)
    }
  })

  it('reads a JSON array: `line` is the position of the event in it', () => {
    const r = cli(['map'], JSON.stringify([identify('u'), { type: 'page' }], null, 2))
    expect(r.lines.slice(0, 2).map((l) => [l.line, l.status])).toEqual([
      [1, 'mapped'],
      [2, 'skipped'],
    ])
    expect(r.code).toBe(0)
  })

  it('reads UTF-8 with a byte-order mark, NDJSON or array', () => {
    for (const input of [ndjson([identify('u')]), JSON.stringify([identify('u')])]) {
      const r = cli(['map'], `\uFEFF${input}`)
      expect(r.lines[0]).toMatchObject({ line: 1, status: 'mapped' })
      expect(r.code).toBe(0)
    }
  })

  it('reads one pretty-printed event as one event, not as bad lines', () => {
    const r = cli(['replay'], JSON.stringify(identify('u'), null, 2))
    expect(r.lines[0]).toMatchObject({ line: 1, outcome: { status: 'delivered' } })
    expect(r.stderr).not.toContain('not JSON')
    expect(r.code).toBe(0)
  })

  it('a broken JSON array names the line and column of the syntax error, once, and exits 2', () => {
    const good = JSON.stringify(identify('u'))
    const cases: [string, number, number][] = [
      [`[\n  ${good},\n  {"type": "track" "event": "A"},\n  ${good}\n]\n`, 3, 20],
      [`[\n  ${good},\n  ${good},\n]`, 4, 1], // trailing comma
      [`[\n  ${good},\n  ${good}\n`, 4, 1], // cut short
      [`[${good}]\n[${good}]`, 2, 1], // two arrays
      ['[1,}', 1, 4],
    ]
    for (const [input, line, column] of cases) {
      for (const command of ['map', 'replay']) {
        const r = cli([command, '-'], input)
        expect(r.code).toBe(2)
        expect(r.stdout).toBe('')
        expect(r.stderr).toMatch(
          new RegExp(
            `^segment-intercom: stdin: line ${line} column ${column}: the JSON array is not valid JSON \\(.+\\)\\n$`,
          ),
        )
      }
    }
  })

  it('an empty input says so on stderr and exits 2, like a usage error', () => {
    for (const input of ['', '  \n\n', '// nothing\n\n', '[]', ' [ ] ']) {
      for (const command of ['map', 'replay']) {
        const r = cli([command, '-'], input)
        expect(r.code).toBe(2)
        expect(r.stdout).toBe('')
        expect(r.stderr).toMatch(/^segment-intercom: stdin: empty input: .+\n$/)
      }
    }
  })

  it('names the file in messages about it', () => {
    const r = cli(['map', 'test/cli/run-cli.ts'])
    expect(r.stderr).toContain('segment-intercom: test/cli/run-cli.ts line 1: not JSON')
    expect(r.code).toBe(1)
  })
})

describe('ordering on stdout', () => {
  it('one line per event in input order, then the state, then the totals; nothing else', () => {
    const events = [identify('a'), track('b', 'Early'), identify('b'), { type: 'reset' }]
    const r = cli(['replay', '-'], ndjson(events))
    expect(r.lines.map((l) => Object.keys(l)[0])).toEqual([
      'line',
      'line',
      'line',
      'line',
      'state',
      'totals',
    ])
    expect(r.lines.slice(0, 4).map((l) => l.line)).toEqual([1, 2, 3, 4])
    // The retried track keeps its place rather than coming after the others.
    expect(r.lines[1]).toMatchObject({ attempts: 2, outcome: { status: 'delivered' } })
  })
})
