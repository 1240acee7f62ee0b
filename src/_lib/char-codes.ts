/**
 * The one home of the digit test the hand-written parsers use (`s.charCodeAt(i)`),
 * so no parser spells a bare code unit.
 * @module
 */

/** The code unit of `0`: a digit's value is its code unit minus this. */
export const DIGIT_0 = 48
const DIGIT_9 = 57

/** Whether code unit `c` is an ASCII digit `0`–`9` (`NaN`, past a string's end, is not). */
export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9
}
