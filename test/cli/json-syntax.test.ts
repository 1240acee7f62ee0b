import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineColumn, syntaxErrorOffset, syntaxMessage } from '../../src/cli/json-syntax.js'

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** V8's offset, when its message names one. */
function v8Offset(text: string): number | undefined {
  try {
    JSON.parse(text)
  } catch (error) {
    const m = / at position (\d+)/.exec((error as Error).message)
    if (m) return Number(m[1])
  }
  return undefined
}

// JSON text, then the same text with one character replaced, inserted or removed.
const mutated = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'delete'),
    fc.string({ maxLength: 1 }),
  )
  .map(([text, at, how, c]) => {
    const i = at % (text.length + 1)
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1)
    if (how === 'insert') return text.slice(0, i) + c + text.slice(i)
    return text.slice(0, i) + c + text.slice(i + 1)
  })
const pretty = fc.jsonValue().map((v) => JSON.stringify(v, null, 2))

describe('syntaxErrorOffset', () => {
  it('finds no error in JSON, pretty-printed or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), pretty), (text) => {
        expect(syntaxErrorOffset(text)).toBeUndefined()
      }),
    )
  })

  it('agrees with JSON.parse on whether any text is JSON, and with V8 on where it breaks', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string()), (text) => {
        const offset = syntaxErrorOffset(text)
        expect(offset === undefined).toBe(parses(text))
        if (offset !== undefined) {
          expect(offset).toBeLessThanOrEqual(text.length)
          const v8 = v8Offset(text)
          if (v8 !== undefined) expect(offset).toBe(v8)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('points at the first character that cannot continue the text', () => {
    expect(syntaxErrorOffset('[1,}')).toBe(3)
    expect(syntaxErrorOffset('{"a":1,}')).toBe(7)
    expect(syntaxErrorOffset('[1 2]')).toBe(3)
    expect(syntaxErrorOffset('[01]')).toBe(2)
    expect(syntaxErrorOffset('["a\\x"]')).toBe(4)
    expect(syntaxErrorOffset('["\\u12g4"]')).toBe(6)
    expect(syntaxErrorOffset('[tru]')).toBe(4)
    expect(syntaxErrorOffset('-')).toBe(1)
    expect(syntaxErrorOffset('1.e5')).toBe(2)
    expect(syntaxErrorOffset('[1')).toBe(2)
    expect(syntaxErrorOffset('[1] x')).toBe(4)
    expect(syntaxErrorOffset('')).toBe(0)
  })

  it('does not overflow the stack on deep nesting', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(99_999)}`
    expect(syntaxErrorOffset(deep)).toBe(deep.length)
  })
})

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    const text = 'ab\ncd\n\nef'
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 })
    expect(lineColumn(text, 3)).toEqual({ line: 2, column: 1 })
    expect(lineColumn(text, 7)).toEqual({ line: 4, column: 1 })
    expect(lineColumn(text, 9)).toEqual({ line: 4, column: 3 })
  })
})

describe('syntaxMessage', () => {
  it("drops V8's position: the CLI reports line and column", () => {
    expect(syntaxMessage(new SyntaxError('Unexpected end of JSON input'))).toBe(
      'Unexpected end of JSON input',
    )
    expect(
      syntaxMessage(
        new SyntaxError("Expected ',' after array element in JSON at position 2 (line 1 column 3)"),
      ),
    ).toBe("Expected ',' after array element")
    expect(
      syntaxMessage(new SyntaxError('Unexpected token \'x\', "[1,\n x]" is not valid JSON')),
    ).toBe("Unexpected token 'x'")
  })
})
