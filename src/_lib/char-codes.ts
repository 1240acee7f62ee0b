/**
 * UTF-16 code units the hand-written parsers compare against (`s.charCodeAt(i)`),
 * named once so no parser spells a bare number.
 * @module
 */

export const SPACE = 32
export const PAREN_OPEN = 40
export const PAREN_CLOSE = 41
export const PLUS = 43
export const COMMA = 44
export const MINUS = 45
export const DOT = 46
export const DIGIT_0 = 48
export const DIGIT_2 = 50
export const DIGIT_9 = 57
export const COLON = 58

/** Whether code unit `c` is an ASCII digit `0`–`9` (`NaN`, past a string's end, is not). */
export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9
}
