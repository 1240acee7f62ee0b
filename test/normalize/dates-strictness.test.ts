// toUnixSeconds is strict: every separator, name and range of each accepted format is
// checked, so text that is one character off is not a date. Each case changes one
// character of an accepted form (first asserted to be read).
import { describe, expect, it } from 'vitest'
import { toUnixSeconds } from '../../src/normalize/dates.js'

const S = Date.UTC(2018, 2, 26, 17, 44, 51) / 1000
const S_NO_SECONDS = Date.UTC(2018, 2, 26, 17, 44) / 1000

describe('ISO 8601 text', () => {
  it('reads the expanded years +000000 and ±YYYYYY like four-digit ones', () => {
    expect(toUnixSeconds('+000000-01-01')).toBe(toUnixSeconds('0000-01-01'))
    expect(toUnixSeconds('+002018-03-26')).toBe(toUnixSeconds('2018-03-26'))
    expect(toUnixSeconds('-000001-01-01')).toBe(Date.UTC(-1, 0, 1) / 1000)
  })

  it.each([
    '+00a000-03-26',
    '-00a000-03-26',
    '20a8-03-26',
    '2018x03-26',
    '2018-03x26',
    '2018-03-26X17:44',
    '2018-03-26T17x44',
    '2018-03-26T17:44x05',
    '2018-03-26T17:44+24:00',
    '2018-03-26T17:44+05:60',
    '2018-03-26T17:44+0x:00',
    '2018-03-26T17:44+05:x0',
    '2018-04-31',
    '2018-06-31',
    '2018-09-31',
    '-271821-04-20T00:00:00+00:01',
  ])('rejects %s', (text) => {
    expect(toUnixSeconds(text)).toBeUndefined()
  })

  it('accepts the largest offsets and the first instant of the Date range', () => {
    expect(toUnixSeconds('2018-03-26T17:44+23:59')).toBe(S_NO_SECONDS - (23 * 60 + 59) * 60)
    expect(toUnixSeconds('2018-03-26T17:44-05:59')).toBe(S_NO_SECONDS + (5 * 60 + 59) * 60)
    expect(toUnixSeconds('-271821-04-20T00:00:00Z')).toBe(-8.64e12)
  })
})

describe('numbers and Date objects', () => {
  it('reads milliseconds up to the ends of the Date range, both included', () => {
    expect(toUnixSeconds(8.64e15)).toBe(8.64e12)
    expect(toUnixSeconds(-8.64e15)).toBe(-8.64e12)
  })

  it('reads a Date whatever its toStringTag says', () => {
    const d = new Date(Date.UTC(2018, 2, 26)) as Date & { [Symbol.toStringTag]?: string }
    Object.defineProperty(d, Symbol.toStringTag, { value: 'Moment' })
    expect(toUnixSeconds(d)).toBe(Date.UTC(2018, 2, 26) / 1000)
  })
})

describe('toString() text', () => {
  const base = 'Mon Mar 26 2018 17:44:51 GMT+0000'
  it('reads the base form', () => {
    expect(toUnixSeconds(base)).toBe(S)
    expect(toUnixSeconds(`${base} (Coordinated Universal Time)`)).toBe(S)
    expect(toUnixSeconds('Mon Mar 26 2018 17:44:51 GMT+2359')).toBe(S - (23 * 60 + 59) * 60)
  })

  it.each([
    'Mon Mar_26 2018 17:44:51 GMT+0000',
    'Mon Mar 26_2018 17:44:51 GMT+0000',
    'Mon Mar 26 2018_17:44:51 GMT+0000',
    'Mon Mar 26 201 17:44:51 GMT+0000',
    'Mon Mar 26 2018 17:44:51_GMT+0000',
    'Mon Mar 26 2018 17:44:51 XMT+0000',
    'Mon Mar 26 2018 17:44:51 GXT+0000',
    'Mon Mar 26 2018 17:44:51 GMX+0000',
    'Mon Mar 26 2018 17:44:51 GMT 0000',
    'Mon Mar 26 2018 17:44:51 GMTx0000',
    'Mon Mar 26 2018 17:44:51 GMT+2400',
    'Mon Mar 26 2018 17:44:51 GMT+0060',
    'Mon Mar 26 2018 17:44:51 GMT+0000_(UTC)',
    'Mon Mar 26 2018 17:44:51 GMT+0000 _UTC)',
    'Mon Mar 26 2018 17:44:51 GMT+0000 ()',
    'Mon Mar 26 2018 17:44:51 GMT+0000 (U(TC)',
    'Mon Mar 26 2018 17:44:51 GMT+0000 (U)TC)',
    '#ab Mar 26 2018 17:44:51 GMT+0000',
    'Mon #ab 26 2018 17:44:51 GMT+0000',
    // Characters beyond ASCII never pass for letters, whatever their bits.
    'm\u4d6fn Mar 26 2018 17:44:51 GMT+0000',
    'mo\u6f6e Mar 26 2018 17:44:51 GMT+0000',
    'Mon m\u4d61r 26 2018 17:44:51 GMT+0000',
  ])('rejects %s', (text) => {
    expect(toUnixSeconds(text)).toBeUndefined()
  })
})

describe('RFC 2822 / toUTCString() text', () => {
  it('reads the base forms, a leading zero in the day included', () => {
    expect(toUnixSeconds('Mon, 26 Mar 2018 17:44:51 GMT')).toBe(S)
    expect(toUnixSeconds('05 Mar 2018 17:44 GMT')).toBe(Date.UTC(2018, 2, 5, 17, 44) / 1000)
    expect(toUnixSeconds('26 Mar 2018 17:44 UT')).toBe(S_NO_SECONDS)
    expect(toUnixSeconds('26 Mar 2018 17:44 UTC')).toBe(S_NO_SECONDS)
  })

  it.each([
    'Mon,26 Mar 2018 17:44:51 GMT',
    'Mon ,26 Mar 2018 17:44:51 GMT',
    '26_Mar 2018 17:44 GMT',
    '26 Mar_2018 17:44 GMT',
    '26 Mar 2018_17:44 GMT',
    '26 Mar 2018 17:44_GMT',
    '26 Mar 2018 17x44 GMT',
    '26 m\u4d61r 2018 17:44 GMT',
    '26 Mar 2018 17:44 UX',
    '26 Mar 2018 17:44 GMTX',
    '26 Mar 2018 17:44 XMT',
    '26 Mar 2018 17:44 GXT',
    '26 Mar 2018 17:44 GMX',
    '26 Mar 2018 17:44 UTX',
    '26 Mar 2018 17:44 UXC',
    '26 Mar 2018 17:44 XTC',
    '26 Mar 2018 17:44 x0000',
    '31 Apr 2018 17:44 GMT',
    '00 Mar 2018 17:44 GMT',
    '26 Mar 2018 24:00 GMT',
    '26 Mar 2018 17:60 GMT',
    '26 Mar 2018 17:44:61 GMT',
    '26 Mar 2018 1x:44 GMT',
    '26 Mar 2018 17:4x GMT',
    '26 Mar 2018 17:44:x1 GMT',
  ])('rejects %s', (text) => {
    expect(toUnixSeconds(text)).toBeUndefined()
  })
})
