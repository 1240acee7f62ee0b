import { lineColumn, syntaxErrorOffset, syntaxMessage } from './json-syntax.js'

/**
 * One input event, or a line that could not be read. `line` is the event's line
 * in NDJSON, its 1-based position in a JSON array.
 */
export type InputItem =
  | { line: number; ok: true; event: unknown }
  | { line: number; ok: false; error: string }

/** Why a whole input could not be read: nothing in it, or a JSON array that is not JSON. */
export class InputError extends Error {}

/**
 * Reads Segment events from NDJSON (one event a line; blank lines and `//` comments
 * skipped), one JSON array, or one (possibly pretty-printed) JSON object. A bad
 * NDJSON line is reported with its line number and the rest go on; a broken array
 * throws an {@link InputError} naming the line and column of the syntax error, since
 * none of its events can be trusted.
 */
export function readEvents(input: string): InputItem[] {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input
  const trimmed = text.trimStart()
  if (trimmed === '') throw new InputError('empty input: no events')
  if (trimmed.startsWith('[')) return readArray(text)
  const items = readLines(text)
  // A pretty-printed single event reads as bad lines: take it whole when it parses.
  if (trimmed.startsWith('{') && items.length > 1 && items.some((item) => !item.ok)) {
    const event = parseOrUndefined(text)
    if (event !== undefined) return [{ line: 1, ok: true, event }]
  }
  if (items.length === 0) throw new InputError('empty input: no events (only blank or // lines)')
  return items
}

function readArray(text: string): InputItem[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const { line, column } = lineColumn(text, syntaxErrorOffset(text) ?? 0)
    throw new InputError(
      `line ${line} column ${column}: the JSON array is not valid JSON (${syntaxMessage(error)})`,
    )
  }
  const events = parsed as unknown[]
  if (events.length === 0) throw new InputError('empty input: the JSON array has no events')
  return events.map((event, i) => ({ line: i + 1, ok: true as const, event }))
}

function readLines(text: string): InputItem[] {
  const items: InputItem[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line === '' || line.startsWith('//')) continue
    try {
      items.push({ line: i + 1, ok: true, event: JSON.parse(line) })
    } catch (error) {
      items.push({ line: i + 1, ok: false, error: syntaxMessage(error) })
    }
  }
  return items
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
