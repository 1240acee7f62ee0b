/**
 * The djb2-xor string hash of the npm `string-hash` package. Segment's server integration
 * derived a company's `company_id` from its name with it, so the same name keeps mapping to
 * the same Intercom company.
 *
 * Starting from 5381, for each UTF-16 code unit from the last to the first:
 * `h = (h * 33) ^ code`; the result is `h` as an unsigned 32-bit integer.
 *
 * @example
 * stringHash('Segment') // 2017828326
 * stringHash('') // 5381
 */
export function stringHash(s: string): number {
  let h = 5381
  // Math.imul keeps h * 33 in 32 bits, which is all the XOR (ToInt32) would have kept anyway.
  for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h, 33) ^ s.charCodeAt(i)
  return h >>> 0
}
