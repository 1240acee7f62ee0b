import { describe, expect, it } from 'vitest'
import { createProgress, progressInterval } from '../../src/cli/progress.js'
import { cli, identify, ndjson, track } from './run-cli.js'

// A long input: one identify, then tracks of that user; the last of them fail (the
// 121st event name and on are over Intercom's 120 limit).
const N = 3000
const events = [
  identify('u'),
  ...Array.from({ length: N - 1 }, (_, i) => track('u', `E${i % 125}`)),
]
const input = ndjson(events)
const progressLine =
  /^segment-intercom: (\d+)\/(\d+) events, (\d+) (delivered|mapped), (\d+) (failed|invalid)$/

function progressLines(stderr: string) {
  return stderr
    .split('\n')
    .filter((l) => /^segment-intercom: \d+\//.test(l))
    .map((l) => {
      const m = progressLine.exec(l)
      if (m === null) throw new Error(`not a progress line: ${l}`)
      return { done: Number(m[1]), total: Number(m[2]), ok: Number(m[3]), bad: Number(m[5]) }
    })
}

describe('--progress', () => {
  it('replay reports done / delivered / failed on stderr, ending with the full counts', () => {
    const r = cli(['replay', '--progress', '-'], input, { SEGMENT_INTERCOM_PROGRESS_MS: '0' })
    const reports = progressLines(r.stderr)
    expect(reports.length).toBeGreaterThan(N / 2)
    for (const [a, b] of reports.slice(1).map((p, i) => [reports[i], p] as const)) {
      expect(b?.done).toBeGreaterThanOrEqual(a?.done ?? 0)
      expect(b?.ok).toBeGreaterThanOrEqual(a?.ok ?? 0)
    }
    const totals = r.lines.at(-1)?.totals as { delivered: number; failed: number }
    expect(totals.failed).toBeGreaterThan(0)
    expect(reports.at(-1)).toEqual({
      done: N,
      total: N,
      ok: totals.delivered,
      bad: totals.failed,
    })
    expect(r.stdout).not.toContain('segment-intercom:')
    expect(r.code).toBe(1)
  })

  it('map reports done / mapped / invalid', () => {
    const withInvalid = `${input}\n{"type":"nope"}`
    const r = cli(['map', '--progress', '-'], withInvalid, { SEGMENT_INTERCOM_PROGRESS_MS: '0' })
    expect(progressLines(r.stderr).at(-1)).toEqual({ done: N + 1, total: N + 1, ok: N, bad: 1 })
    expect(r.stdout).not.toContain('segment-intercom:')
  })

  it('at the default interval (one second) a short run prints only the final line', () => {
    const r = cli(['replay', '--progress', '-'], ndjson([identify('u'), track('u', 'A')]))
    expect(progressLines(r.stderr)).toEqual([{ done: 2, total: 2, ok: 2, bad: 0 }])
  })

  it('is off when stderr is not a terminal, and with --no-progress', () => {
    const env = { SEGMENT_INTERCOM_PROGRESS_MS: '0' }
    for (const args of [
      ['replay', '-'],
      ['replay', '--progress', '--no-progress', '-'],
    ]) {
      expect(progressLines(cli(args, input, env).stderr)).toEqual([])
    }
  })
})

describe('createProgress', () => {
  function recorder(inPlace: boolean) {
    let t = 0
    const out: string[] = []
    const progress = createProgress({
      write: (s) => out.push(s),
      inPlace,
      total: 10,
      intervalMs: 1000,
      now: () => t,
    })
    return { progress, out, tick: (ms: number) => (t += ms) }
  }

  it('reports at most once per interval', () => {
    const { progress, out, tick } = recorder(false)
    progress.update({ done: 1, delivered: 1 })
    tick(999)
    progress.update({ done: 2, delivered: 2 })
    tick(1)
    progress.update({ done: 3, delivered: 2 })
    tick(500)
    progress.update({ done: 4, delivered: 3 })
    progress.finish({ done: 10, delivered: 9 })
    expect(out).toEqual([
      'segment-intercom: 3/10 events, 2 delivered\n',
      'segment-intercom: 10/10 events, 9 delivered\n',
    ])
  })

  it('on a terminal redraws one line in place and leaves nothing behind', () => {
    const { progress, out, tick } = recorder(true)
    progress.clear() // nothing drawn yet: nothing to clear
    tick(1000)
    progress.update({ done: 5, failed: 0 })
    progress.clear()
    progress.clear()
    tick(1000)
    progress.update({ done: 7, failed: 1 })
    progress.finish({ done: 10, failed: 1 })
    expect(out).toEqual([
      '\r\x1b[Ksegment-intercom: 5/10 events, 0 failed',
      '\r\x1b[K',
      '\r\x1b[Ksegment-intercom: 7/10 events, 1 failed',
      '\r\x1b[K',
    ])
  })

  it('takes its interval from SEGMENT_INTERCOM_PROGRESS_MS, else one second', () => {
    expect(progressInterval({})).toBe(1000)
    expect(progressInterval({ SEGMENT_INTERCOM_PROGRESS_MS: '25' })).toBe(25)
    expect(progressInterval({ SEGMENT_INTERCOM_PROGRESS_MS: '0' })).toBe(0)
    expect(progressInterval({ SEGMENT_INTERCOM_PROGRESS_MS: 'soon' })).toBe(1000)
    expect(progressInterval({ SEGMENT_INTERCOM_PROGRESS_MS: '-5' })).toBe(1000)
  })
})
