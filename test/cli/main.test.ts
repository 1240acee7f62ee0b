// The command line as a process (src/cli/main.ts): usage errors, --help, --version.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bin, cli, examples, root } from './run-cli.js'

const oneLineWithHint = /^segment-intercom: .+ \(see segment-intercom --help\)\n$/

describe('usage errors exit 2 with one line and a pointer to --help', () => {
  const cases: [string[], string][] = [
    [['map', '--bogus', examples], 'unknown option --bogus'],
    [['replay', '--bogus', examples], 'unknown option --bogus'],
    [['--bogus'], 'unknown option --bogus'],
    [['frobnicate'], 'unknown command frobnicate'],
    [['map', 'no-such-file.ndjson'], 'cannot read no-such-file.ndjson: no such file'],
    [['replay', 'no-such-file.ndjson'], 'cannot read no-such-file.ndjson: no such file'],
    [['replay', 'examples'], 'cannot read examples: a directory'],
    [['map', examples, examples], 'one FILE at most'],
    [['map', '--retries'], '--retries needs a value'],
    [['replay', '--retries', 'x', examples], '--retries must be a non-negative integer, got x'],
    [['map', '--target', 'tv', examples], '--target must be rest, messenger or mobile, got tv'],
    [['replay', '--target', 'mobile', examples], 'replay is always REST'],
    [['map', '--settings', '{oops', examples], '--settings is not valid JSON'],
    [['map', '--settings', '[1]', examples], '--settings must be a JSON object'],
  ]
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const r = cli(args)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(oneLineWithHint)
      expect(r.stderr).toContain(message)
    })
  }
})

describe('--help', () => {
  it('prints the usage on stdout, exit codes included, for --help, -h, after a command and bare', () => {
    for (const args of [['--help'], ['-h'], ['replay', '--help'], []]) {
      const r = cli(args)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('segment-intercom replay [options] [FILE|-]')
      expect(r.stdout).toContain('segment-intercom map [options] [FILE|-]')
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n(.+\n)* {2}2 .+\n(.+\n)* {2}70 /)
      for (const flag of ['--exit-zero', '--progress', '--no-progress', '--version'])
        expect(r.stdout).toContain(flag)
    }
  })
})

describe('--version', () => {
  const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
    version: string
  }

  it("prints package.json's version", () => {
    for (const args of [['--version'], ['-V'], ['replay', '--version']]) {
      const r = cli(args)
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' })
    }
  })

  it('is built in: the bin alone, with no package.json beside it, knows it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segment-intercom-bin-'))
    try {
      copyFileSync(bin, join(dir, 'cli.mjs'))
      expect(cli(['--version'], '', {}, join(dir, 'cli.mjs')).stdout).toBe(`${version}\n`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
