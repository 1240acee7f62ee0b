/**
 * Code-point lengths and truncation: Intercom's 255-character limit must never cut an emoji
 * (a surrogate pair) in half, which would leave an invalid lone surrogate behind.
 */

/**
 * The UTF-16 code units of the code point at `i`: 2 for a high (leading) surrogate
 * followed by a low (trailing) one, else 1. The top six bits tell them apart: `110110`
 * (U+D800–U+DBFF) is high, `110111` (U+DC00–U+DFFF) is low; past the end, `charCodeAt`
 * gives `NaN`, which is neither.
 */
function unitsAt(s: string, i: number): 1 | 2 {
  return (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1
}

/**
 * The number of Unicode code points in `s`: a surrogate pair counts once, a lone surrogate
 * counts as one code point of its own (as string iteration does). One pass, a few
 * operations per code unit.
 *
 * @example
 * codePointLength('abc') // 3
 * codePointLength('a😀') // 2 (the emoji is two UTF-16 code units)
 */
export function codePointLength(s: string): number {
  let length = 0
  for (let i = 0; i < s.length; i += unitsAt(s, i)) length++
  return length
}

/**
 * Keeps at most `max` code points of `s` (a non-integer `max` is floored; a negative or NaN
 * `max` keeps nothing), never splitting a surrogate pair. Returns `s` itself when nothing
 * is cut.
 *
 * @example
 * truncateCodePoints('hello', 3) // 'hel'
 * truncateCodePoints('ab😀', 3) // 'ab😀'
 * truncateCodePoints('ab😀', 2) // 'ab'
 */
export function truncateCodePoints(s: string, max: number): string {
  // There are never more code points than code units.
  if (s.length <= max) return s
  let end = 0
  // `count <= max` is false for NaN, and floors a fractional max.
  for (let count = 1; count <= max && end < s.length; count++) end += unitsAt(s, end)
  return s.slice(0, end) // the whole of `s` when `end` reached its end
}
