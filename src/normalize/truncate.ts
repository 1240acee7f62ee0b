/**
 * Code-point lengths and truncation: Intercom's 255-character limit must never cut an emoji
 * (a surrogate pair) in half, which would leave an invalid lone surrogate behind.
 */

/**
 * A high (leading) surrogate at `i` followed by a low (trailing) one. The top six bits
 * tell them apart: `110110` (U+D800–U+DBFF) is high, `110111` (U+DC00–U+DFFF) is low;
 * past the end, `charCodeAt` gives `NaN`, which is neither.
 */
function pairAt(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
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
  let length = s.length
  for (let i = 0; i < s.length; i++) {
    if (pairAt(s, i)) {
      length--
      i++
    }
  }
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
  for (let count = 1; count <= max && end < s.length; count++) end += pairAt(s, end) ? 2 : 1
  return s.slice(0, end) // the whole of `s` when `end` reached its end
}
