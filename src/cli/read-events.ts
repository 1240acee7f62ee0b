/**
 * Reads Segment events from NDJSON or a JSON array. A line that is not JSON is
 * reported with its line number and the rest go on.
 */
export type InputItem =
  | { line: number; ok: true; event: unknown }
  | { line: number; ok: false; error: string }

export function readEvents(text: string): InputItem[] {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed)) {
        return parsed.map((event, i) => ({ line: i + 1, ok: true as const, event }))
      }
    } catch {
      // Not one JSON array: fall back to reading it line by line.
    }
  }
  const items: InputItem[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim()
    if (line === '' || line.startsWith('//')) continue
    try {
      items.push({ line: i + 1, ok: true, event: JSON.parse(line) })
    } catch (error) {
      items.push({ line: i + 1, ok: false, error: (error as Error).message })
    }
  }
  return items
}
