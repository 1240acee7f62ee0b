/**
 * Code-point lengths and truncation: Intercom's 255-character limit must never cut an emoji
 * (a surrogate pair) in half, which would leave an invalid lone surrogate behind.
 */

/** A high (leading) surrogate at `i` followed by a low (trailing) one. */
function pairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i)
  if (c < 0xd800 || c > 0xdbff) return false
  const next = s.charCodeAt(i + 1)
  return next >= 0xdc00 && next <= 0xdfff
}

/**
 * The number of Unicode code points in `s`: a surrogate pair counts once, a lone surrogate
 * counts as one code point of its own. One pass; text without surrogates costs one
 * comparison per code unit.
 *
 * @example
 * codePointLength('abc') // 3
 * codePointLength('a😀') // 2 (the emoji is two UTF-16 code units)
 */
export function codePointLength(s: string): number {
  let length = s.length
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0xd800 && pairAt(s, i)) {
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
  if (!(max >= 1)) return ''
  const limit = Math.floor(max)
  let count = 0
  let i = 0
  while (i < s.length && count < limit) {
    i += s.charCodeAt(i) >= 0xd800 && pairAt(s, i) ? 2 : 1
    count++
  }
  return i >= s.length ? s : s.slice(0, i)
}
