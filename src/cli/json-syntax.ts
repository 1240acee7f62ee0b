/**
 * Where JSON text stops being JSON. `JSON.parse` on Node 20 names the position of
 * some syntax errors and not others ("Unexpected token '}', "[1,}" is not valid
 * JSON"), so the CLI finds the offset itself to report a line and column.
 * Iterative, so deep nesting cannot overflow the stack.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  const n = text.length
  const stack: number[] = [] // the open brackets: '[' or '{' char codes
  let i = 0
  let state: 'value' | 'key' | 'after' = 'value'

  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return
      i++
    }
  }
  // Returns false, leaving `i` on the bad character, when the string is malformed.
  const scanString = (): boolean => {
    i++ // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return true
      }
      if (c < 0x20) return false
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          i += 2
          for (const end = i + 4; i < end; i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) return false
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else {
          i++
          return false
        }
      } else i++
    }
    return false
  }
  const digits = (): boolean => {
    const start = i
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++
    return i > start
  }
  // Returns false, leaving `i` where a digit was needed, when the number is malformed.
  const scanNumber = (): boolean => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (!digits()) return false
    if (text[i] === '.') {
      i++
      if (!digits()) return false
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!digits()) return false
    }
    return true
  }

  for (;;) {
    skipSpace()
    const c = text[i]
    if (state === 'value') {
      if (c === '[' || c === '{') {
        stack.push(text.charCodeAt(i))
        i++
        skipSpace()
        if (text[i] === (c === '[' ? ']' : '}')) {
          stack.pop()
          i++
          state = 'after'
        } else state = c === '[' ? 'value' : 'key'
      } else if (c === '"') {
        if (!scanString()) return i
        state = 'after'
      } else if (c === 't' || c === 'f' || c === 'n') {
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null'
        for (const w of word) {
          if (text[i] !== w) return i
          i++
        }
        state = 'after'
      } else {
        if (!scanNumber()) return i
        state = 'after'
      }
    } else if (state === 'key') {
      if (c !== '"' || !scanString()) return i
      skipSpace()
      if (text[i] !== ':') return i
      i++
      state = 'value'
    } else {
      const open = stack.at(-1)
      if (open === undefined) return i < n ? i : undefined
      if (c === ',') {
        i++
        state = open === 0x5b ? 'value' : 'key'
      } else if (c === (open === 0x5b ? ']' : '}')) {
        stack.pop()
        i++
      } else return i
    }
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: offset - start + 1 }
}

/**
 * V8's message without its "in JSON at position N" tail and its quote of the
 * input (which can span lines): the CLI gives the line and column instead.
 */
export function syntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/\s+/g, ' ')
}
