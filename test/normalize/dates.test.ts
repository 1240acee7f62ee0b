import { runInNewContext } from 'node:vm'
import { parseISO } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dateSeconds, readDate, toUnixSeconds } from '../../src/normalize/dates.js'
import type { Warning } from '../../src/types.js'

// Everything here is built from UTC fields and explicit offsets, so the suite means the same
// under any TZ (it is also run with TZ=Pacific/Chatham, whose offsets are +12:45/+13:45).

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** Offsets in minutes east of UTC, including the odd ones (+05:45, +12:45, -09:30). */
const OFFSETS = [0, 60, -300, 330, 345, 765, 825, 840, -570, -720]

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const floorSeconds = (d: Date): number => Math.floor(d.getTime() / 1000)

/** `d` as wall-clock fields at `offset` minutes east of UTC. */
function wallClock(d: Date, offset: number) {
  const w = new Date(d.getTime() + offset * 60000)
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth(),
    day: w.getUTCDate(),
    weekday: w.getUTCDay(),
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`,
    ms: w.getUTCMilliseconds(),
  }
}

function offsetText(offset: number, colon: boolean): string {
  const a = Math.abs(offset)
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`
}

/** What `Date.prototype.toString()` prints for `d` in a zone at `offset`. */
function toStringAt(d: Date, offset: number, zoneName?: string): string {
  const w = wallClock(d, offset)
  const text = `${WEEKDAYS[w.weekday]} ${MONTHS[w.month]} ${pad(w.day)} ${pad(w.year, 4)} ${w.time} GMT${offsetText(offset, false)}`
  return zoneName === undefined ? text : `${text} (${zoneName})`
}

/** An ISO 8601 text for `d` written at `offset`, with `fraction` digits after the seconds. */
function isoAt(d: Date, offset: number, fraction: string): string {
  const w = wallClock(d, offset)
  // Offsets can push the wall clock past 9999 (or before 0000): then ISO needs ±YYYYYY.
  const year =
    w.year >= 0 && w.year <= 9999
      ? pad(w.year, 4)
      : `${w.year < 0 ? '-' : '+'}${pad(Math.abs(w.year), 6)}`
  const date = `${year}-${pad(w.month + 1)}-${pad(w.day)}`
  return `${date}T${w.time}${fraction === '' ? '' : `.${fraction}`}${offsetText(offset, true)}`
}

const validDate = fc.date({
  noInvalidDate: true,
  min: new Date('0001-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
})

describe('toUnixSeconds: Segment doc examples', () => {
  it('reads Date.prototype.toString() text', () => {
    expect(toUnixSeconds('Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)')).toBe(1522086291)
    expect(toUnixSeconds('Thu Mar 24 2016 17:46:45 GMT+0000 (UTC)')).toBe(1458841605)
  })

  it('reads epoch milliseconds', () => {
    expect(toUnixSeconds(1363902294011)).toBe(1363902294)
    expect(toUnixSeconds('1363902294011')).toBe(1363902294)
  })
})

describe('toUnixSeconds: numbers and Date objects', () => {
  it('treats magnitudes below 1e11 as seconds and from 1e11 on as milliseconds', () => {
    expect(toUnixSeconds(1522086291)).toBe(1522086291)
    expect(toUnixSeconds(99999999999)).toBe(99999999999)
    expect(toUnixSeconds(1e11)).toBe(1e8)
    expect(toUnixSeconds(-1e11)).toBe(-1e8)
    expect(toUnixSeconds(0)).toBe(0)
  })

  it('floors fractions, also before 1970', () => {
    expect(toUnixSeconds(1522086291.9)).toBe(1522086291)
    expect(toUnixSeconds(-0.5)).toBe(-1)
    expect(toUnixSeconds(-1363902294011)).toBe(-1363902295)
    expect(toUnixSeconds(-1363902294000)).toBe(-1363902294)
    expect(toUnixSeconds(1363902294999.9)).toBe(1363902294)
  })

  it('never returns -0', () => {
    expect(Object.is(toUnixSeconds(-0), 0)).toBe(true)
    expect(Object.is(toUnixSeconds('-0'), 0)).toBe(true)
    expect(Object.is(toUnixSeconds(new Date(-0)), 0)).toBe(true)
    expect(Object.is(toUnixSeconds('1970-01-01T00:00:00Z'), 0)).toBe(true)
  })

  it('rejects non-finite numbers and milliseconds outside the Date range', () => {
    expect(toUnixSeconds(Number.NaN)).toBeUndefined()
    expect(toUnixSeconds(Number.POSITIVE_INFINITY)).toBeUndefined()
    expect(toUnixSeconds(Number.NEGATIVE_INFINITY)).toBeUndefined()
    expect(toUnixSeconds(8.64e15)).toBe(8.64e12)
    expect(toUnixSeconds(8.64e15 + 1)).toBeUndefined()
    expect(toUnixSeconds(-8.64e15 - 1)).toBeUndefined()
    expect(toUnixSeconds('99999999999999999999')).toBeUndefined()
  })

  it('reads Date objects, including ones before 1970', () => {
    expect(toUnixSeconds(new Date(Date.UTC(2018, 2, 26, 17, 44, 51, 900)))).toBe(1522086291)
    expect(toUnixSeconds(new Date(-1500))).toBe(-2)
    expect(toUnixSeconds(new Date(Number.NaN))).toBeUndefined()
  })

  it('reads a Date from another realm', () => {
    const foreign: unknown = runInNewContext('new Date(1522086291900)')
    expect(foreign instanceof Date).toBe(false)
    expect(toUnixSeconds(foreign)).toBe(1522086291)
    expect(toUnixSeconds(runInNewContext('new Date(NaN)'))).toBeUndefined()
  })

  it('reads a Date-like object only when it really is a Date', () => {
    const spoof = { [Symbol.toStringTag]: 'Date', getTime: () => 0 }
    expect(toUnixSeconds(spoof)).toBeUndefined()
    expect(toUnixSeconds({ getTime: () => 0 })).toBeUndefined()
  })

  it('rejects other types', () => {
    for (const value of [true, false, null, undefined, {}, [], [1], 1n, Symbol('x'), () => 1]) {
      expect(toUnixSeconds(value)).toBeUndefined()
    }
  })

  it('reads integer strings that are no ISO date like numbers, and nothing else numeric', () => {
    expect(toUnixSeconds('1522086291')).toBe(1522086291)
    expect(toUnixSeconds('-1')).toBe(-1)
    for (const text of ['+1', '1.5', '1e9', ' 1', '1 ', '-', '0x10', '1_000']) {
      expect(toUnixSeconds(text)).toBeUndefined()
    }
  })
})

describe('toUnixSeconds: ISO 8601 / RFC 3339', () => {
  const at = 1522086291 // 2018-03-26T17:44:51Z

  it('reads the time forms, with T, t or a space', () => {
    expect(toUnixSeconds('2018-03-26')).toBe(1522022400)
    expect(toUnixSeconds('2018-03-26T17:44')).toBe(at - 51)
    expect(toUnixSeconds('2018-03-26T17:44:51')).toBe(at)
    expect(toUnixSeconds('2018-03-26t17:44:51z')).toBe(at)
    expect(toUnixSeconds('2018-03-26 17:44:51Z')).toBe(at)
    expect(toUnixSeconds('2018-03-26T17:44:51.9Z')).toBe(at)
    expect(toUnixSeconds('2018-03-26T17:44:51,999Z')).toBe(at)
    expect(toUnixSeconds('2018-03-26T17:44:51.123456789012Z')).toBe(at)
  })

  it('reads text without an offset as UTC', () => {
    expect(toUnixSeconds('2018-03-26T17:44:51')).toBe(toUnixSeconds('2018-03-26T17:44:51Z'))
    expect(toUnixSeconds('2018-03-26T17:44')).toBe(toUnixSeconds('2018-03-26T17:44Z'))
  })

  it('applies ±HH:MM, ±HHMM and ±HH offsets', () => {
    expect(toUnixSeconds('2018-03-26T19:44:51+02:00')).toBe(at)
    expect(toUnixSeconds('2018-03-26T19:44:51+0200')).toBe(at)
    expect(toUnixSeconds('2018-03-26T19:44:51+02')).toBe(at)
    expect(toUnixSeconds('2018-03-26T12:44:51-05:00')).toBe(at)
    expect(toUnixSeconds('2018-03-27T06:29:51+12:45')).toBe(at)
    expect(toUnixSeconds('2018-03-26T08:14:51-09:30')).toBe(at)
    expect(toUnixSeconds('2018-03-26T17:44:51-00:00')).toBe(at)
    expect(toUnixSeconds('2018-03-26T19:44+02:00')).toBe(at - 51)
  })

  it('floors fractions before 1970 too', () => {
    expect(toUnixSeconds('1969-12-31T23:59:59.999Z')).toBe(-1)
    expect(toUnixSeconds('1969-12-31T23:59:58.5Z')).toBe(-2)
    expect(toUnixSeconds('1900-01-01T00:00:00.5Z')).toBe(-2208988800)
  })

  it('knows leap years', () => {
    expect(toUnixSeconds('2016-02-29')).toBe(1456704000)
    expect(toUnixSeconds('2000-02-29')).toBe(951782400)
    expect(toUnixSeconds('2400-02-29')).toBe(13574563200)
    expect(toUnixSeconds('2018-02-29')).toBeUndefined()
    expect(toUnixSeconds('1900-02-29')).toBeUndefined()
    expect(toUnixSeconds('2100-02-29')).toBeUndefined()
  })

  it('reads years 0–99 as themselves, not 1900–1999', () => {
    expect(toUnixSeconds('0001-01-01T00:00:00Z')).toBe(-62135596800)
    expect(toUnixSeconds('0099-12-31')).toBe(-59011545600)
    expect(toUnixSeconds('0000-02-29')).toBe(-62162121600) // year 0 is a leap year
  })

  it('reads expanded ±YYYYYY years within the Date range', () => {
    expect(toUnixSeconds('+275760-09-13T00:00:00.000Z')).toBe(8.64e12)
    expect(toUnixSeconds('-271821-04-20T00:00:00.000Z')).toBe(-8.64e12)
    expect(toUnixSeconds('+002018-03-26T17:44:51Z')).toBe(at)
    expect(toUnixSeconds('+275760-09-13T00:00:01Z')).toBeUndefined()
    expect(toUnixSeconds('+275760-09-13T00:00:00-01:00')).toBeUndefined()
    expect(toUnixSeconds('-000000-01-01')).toBeUndefined()
  })

  it('reads 24:00 as the end of the day and :60 as :59', () => {
    expect(toUnixSeconds('2018-03-26T24:00')).toBe(1522108800)
    expect(toUnixSeconds('2018-03-26T24:00:00.000Z')).toBe(toUnixSeconds('2018-03-27'))
    expect(toUnixSeconds('2016-12-31T23:59:60Z')).toBe(1483228799)
    expect(toUnixSeconds('2016-12-31T23:59:60.5Z')).toBe(1483228799)
    expect(toUnixSeconds('2018-03-26T24:00:01')).toBeUndefined()
    expect(toUnixSeconds('2018-03-26T24:01')).toBeUndefined()
    expect(toUnixSeconds('2018-03-26T24:00:00.001')).toBeUndefined()
  })

  it('rejects out-of-range fields and malformed text', () => {
    for (const text of [
      '2018-13-01',
      '2018-00-01',
      '2018-02-30',
      '2018-04-31',
      '2018-03-00',
      '2018-03-32',
      '2018-03-26T25:00',
      '2018-03-26T17:60',
      '2018-03-26T17:44:61',
      '2018-03-26T17:44:51+24:00',
      '2018-03-26T17:44:51+02:60',
      '2018-03-26T17:44:51+2',
      '2018-03-26T17:44:51+02:0',
      '2018-03-26T17:44:51+02:000',
      '2018-03-26T17:44:51.',
      '2018-03-26T17:44:51.Z',
      '2018-03-26T17:44:51ZZ',
      '2018-03-26T17.Z',
      '2018-03-26T24.5',
      '2018-03-26T17:44.',
      '2018-03-26T1744:51',
      '2018-03-26T17:4451',
      '2018-0326',
      '201803-26',
      '2018-03-2',
      '2018-03T10',
      '2018-W10T10:00',
      '2018T10',
      '2018-W54-1',
      '2018-W53-1',
      '2018-W00-1',
      '2018-W10-0',
      '2018-W10-8',
      '2018-w10-1',
      '2018-000',
      '2018-366',
      '2018-13',
      '2018-00',
      '2018-W1',
      '2018-03-26T',
      '2018-03-26T17:44:51 Z',
      '2018-03-26T',
      '2018-03-26T7:44',
      '2018-03-26T1a:44',
      '2018-03-26T17:4x',
      '2018-03-26T17:44:5Z',
      '2018-03-26Z',
      '2018-03-26  17:44',
      '2018-3-26',
      '18-03-26',
      '2018/03/26',
      ' 2018-03-26',
      '2018-03-26 ',
      '+2018-03-26',
      '-2018-03-26',
    ]) {
      expect(toUnixSeconds(text), text).toBeUndefined()
    }
  })
})

describe('toUnixSeconds: Date.prototype.toString() and RFC 2822 / 7231 text', () => {
  const at = 1522086291

  it('reads toString() text with and without a zone name', () => {
    expect(toUnixSeconds('Mon Mar 26 2018 17:44:51 GMT+0000')).toBe(at)
    expect(toUnixSeconds('Mon Mar 26 2018 19:44:51 GMT+0200 (Central European Summer Time)')).toBe(
      at,
    )
    expect(toUnixSeconds('Mon Mar 26 2018 13:44:51 GMT-0400 (Eastern Daylight Time)')).toBe(at)
    expect(toUnixSeconds('Tue Mar 27 2018 07:29:51 GMT+1345 (GMT+13:45)')).toBe(at)
    expect(toUnixSeconds('mon mar 26 2018 17:44:51 gmt+0000 (UTC)')).toBe(at)
  })

  it('ignores whether the weekday matches the date, but needs a weekday name', () => {
    expect(toUnixSeconds('Fri Mar 26 2018 17:44:51 GMT+0000 (UTC)')).toBe(at)
    expect(toUnixSeconds('Xyz Mar 26 2018 17:44:51 GMT+0000 (UTC)')).toBeUndefined()
    expect(toUnixSeconds('Mar 26 2018 17:44:51 GMT+0000 (UTC)')).toBeUndefined()
  })

  it('reads toUTCString() / RFC 7231 and RFC 2822 text', () => {
    expect(toUnixSeconds('Mon, 26 Mar 2018 17:44:51 GMT')).toBe(at)
    expect(toUnixSeconds('26 Mar 2018 17:44:51 +0000')).toBe(at)
    expect(toUnixSeconds('Mon, 26 Mar 2018 19:44:51 +0200')).toBe(at)
    expect(toUnixSeconds('6 Mar 2018 17:44:51 UT')).toBe(at - 20 * 86400)
    expect(toUnixSeconds('26 Mar 2018 17:44 UTC')).toBe(at - 51)
    expect(toUnixSeconds('26 Mar 2018 13:44:51 EDT')).toBe(at)
    expect(toUnixSeconds('26 Mar 2018 12:44:51 EST')).toBe(at)
    expect(toUnixSeconds('26 Mar 2018 09:44:51 PST')).toBe(at)
    expect(toUnixSeconds('26 Mar 2018 11:44:51 CST')).toBe(at)
    expect(toUnixSeconds('26 Mar 2018 11:44:51 MDT')).toBe(at)
  })

  it('reads years outside 1000–9999 as toString() prints them', () => {
    expect(toUnixSeconds('Mon Jan 01 0001 00:00:00 GMT+0000')).toBe(-62135596800)
    expect(toUnixSeconds('Sat, 13 Sep 275760 00:00:00 GMT')).toBe(8.64e12)
  })

  it('reads negative years and leap seconds in text', () => {
    expect(toUnixSeconds('Fri Jan 01 -0001 00:00:00 GMT+0000 (Coordinated Universal Time)')).toBe(
      -62198755200,
    )
    expect(toUnixSeconds('Fri, 01 Jan -0001 00:00:00 GMT')).toBe(-62198755200)
    expect(toUnixSeconds('Sat Dec 31 2016 23:59:60 GMT+0000')).toBe(1483228799)
    expect(toUnixSeconds('31 Dec 2016 23:59:60 GMT')).toBe(1483228799)
  })

  it('rejects malformed text', () => {
    for (const text of [
      'yesterday',
      'Mon Mar  6 2018 17:44:51 GMT+0000',
      'Mon Mar 26 2018 17-44:51 GMT+0000',
      'Mon Mar 26 2018 17:44-51 GMT+0000',
      'Mon Mar 26 2018 17:44:61 GMT+0000',
      'Mon Mar 26 2018 17:44:51 UTC+0000',
      'Mon Mar 26 -2018x 17:44:51 GMT+0000',
      'Mon Mar 26 1234567 17:44:51 GMT+0000',
      '26 Mar 18 17:44:51 GMT',
      '26 Mar 2018 17-44 GMT',
      '26 Mar 2018 17:44:51 XT',
      '26 Mar 2018 17:44:51 AST',
      '26 Mar 2018 17:44:51 EET',
      '26 Mar 2018 17:44:51 ESX',
      '26 Mar 2018 17:44:51 +02:00',
      'Invalid Date',
      'Mon Mar 26 2018 17:44:51',
      'Mon Mar 26 2018 17:44 GMT+0000', // toString() text always has seconds
      'Mon Mar 26 2018 17:44:51 GMT',
      'Mon Mar 26 2018 17:44:51 GMT+00:00',
      'Mon Mar 26 2018 17:44:51 GMT+0000 UTC',
      'Mon Mar 26 2018 17:44:51 GMT+0000 ()',
      'Mon Mar 26 2018 17:44:51 GMT+0000 (UTC',
      'Mon Mar 26 2018 17:44:51 GMT+0000 (U(T)C)',
      'Mon Mar 26 18 17:44:51 GMT+0000',
      'Mon Foo 26 2018 17:44:51 GMT+0000',
      'Mon Feb 30 2018 17:44:51 GMT+0000',
      'Mon Mar 26 2018 24:00:00 GMT+0000',
      'Mon, 26 Mar 2018 17:44:51',
      'Mon, 26 Mar 2018 17:44:51 XST',
      'Mon, 26 Mar 2018 17:44:51 Z',
      'Mon, 26 Mar 2018 17:44:51 +2500',
      'Mon,26 Mar 2018 17:44:51 GMT',
      '26 Mar 2018 17:44:51  GMT',
      '126 Mar 2018 17:44:51 GMT',
      '26 March 2018 17:44:51 GMT',
      'Monday, 26 Mar 2018 17:44:51 GMT',
    ]) {
      expect(toUnixSeconds(text), text).toBeUndefined()
    }
  })
})

describe('toUnixSeconds: properties', () => {
  it('reads toISOString() output', () => {
    fc.assert(fc.property(validDate, (d) => toUnixSeconds(d.toISOString()) === floorSeconds(d)))
  })

  it('reads toString()-style text at fixed offsets', () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom(...OFFSETS), fc.boolean(), (d, offset, named) => {
        const text = toStringAt(d, offset, named ? 'Some Zone Time' : undefined)
        return toUnixSeconds(text) === floorSeconds(d)
      }),
    )
  })

  it("reads this host's own toString() output for modern dates", () => {
    // Modern zones have whole-minute offsets (historic local mean times do not).
    const modern = fc.date({
      noInvalidDate: true,
      min: new Date('1980-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
    })
    fc.assert(fc.property(modern, (d) => toUnixSeconds(d.toString()) === floorSeconds(d)))
  })

  it('reads toISOString() and toUTCString() output over the whole Date range', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(toUnixSeconds(d.toISOString())).toBe(floorSeconds(d))
        expect(toUnixSeconds(d.toUTCString())).toBe(floorSeconds(d))
      }),
      { numRuns: 500 },
    )
  })

  it('reads toUTCString() output', () => {
    fc.assert(fc.property(validDate, (d) => toUnixSeconds(d.toUTCString()) === floorSeconds(d)))
  })

  it('reads Date objects and millisecond values', () => {
    fc.assert(
      fc.property(validDate, (d) => {
        expect(toUnixSeconds(d)).toBe(floorSeconds(d))
        const ms = d.getTime()
        if (Math.abs(ms) >= 1e11) expect(toUnixSeconds(ms)).toBe(floorSeconds(d))
        else expect(toUnixSeconds(Math.floor(ms / 1000))).toBe(floorSeconds(d))
      }),
    )
  })

  it('agrees with date-fns parseISO on ISO text with explicit offsets', () => {
    const fraction = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 })
    fc.assert(
      fc.property(validDate, fc.constantFrom(...OFFSETS), fraction, (d, offset, digits) => {
        const text = isoAt(d, offset, digits)
        // date-fns rounds fraction digits beyond milliseconds (…59.9998 → the next second):
        // give it the text cut to milliseconds, which has the same floor.
        const oracle = Math.floor(parseISO(isoAt(d, offset, digits.slice(0, 3))).getTime() / 1000)
        expect(toUnixSeconds(text), text).toBe(oracle)
        expect(oracle).toBe(floorSeconds(d))
      }),
    )
  })

  it('returns an integer or undefined for any string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = toUnixSeconds(s)
        return r === undefined || Number.isSafeInteger(r)
      }),
    )
  })
})

describe('readDate: every ISO 8601 precision (issue 9: "2014" is a year, not epoch second 2014)', () => {
  it("reads @segment/isodate's own test table the same (UTC for zone-less text)", () => {
    // segmentio/isodate test/index.test.js: the same instants, in milliseconds.
    const table: Record<string, number> = {
      '2013': 1356998400000,
      '2013-09': 1377993600000,
      '2013-09-04': 1378252800000,
      '2013-09-04T01:15': 1378257300000,
      '2013-09-04T01:15:19': 1378257319000,
      '2013-09-04T01:15:19.610': 1378257319610,
      '2013-09-04T01:15:19.610Z': 1378257319610,
      '2013-09-04T01:15:19.610-0700': 1378282519610,
      '2013-09-04T01:15:19.610-07:00': 1378282519610,
      '2014-07-02T19:48:49.099Z': 1404330529099,
    }
    for (const [text, ms] of Object.entries(table)) {
      expect(readDate(text), text).toEqual({ seconds: Math.floor(ms / 1000) })
    }
  })

  it('reads a year, a year-month and reduced times exactly, without a guess', () => {
    expect(readDate('2014')).toEqual({ seconds: Date.UTC(2014, 0, 1) / 1000 })
    expect(readDate('0099')).toEqual({ seconds: -59042995200 }) // year 99, not 1999
    expect(readDate('+002014')).toEqual({ seconds: Date.UTC(2014, 0, 1) / 1000 })
    expect(readDate('2011-06')).toEqual({ seconds: Date.UTC(2011, 5, 1) / 1000 })
    expect(readDate('2014-03-04T10')).toEqual({ seconds: Date.UTC(2014, 2, 4, 10) / 1000 })
    expect(readDate('2014-03-04T10+02')).toEqual({ seconds: Date.UTC(2014, 2, 4, 8) / 1000 })
    expect(readDate('2014-03-04T10Z')).toEqual({ seconds: Date.UTC(2014, 2, 4, 10) / 1000 })
  })

  it('reads the basic format (no separators), as isodate does', () => {
    const at = Date.UTC(2013, 8, 4, 1, 15, 19) / 1000
    expect(readDate('20130904')).toEqual({ seconds: Date.UTC(2013, 8, 4) / 1000 })
    expect(readDate('20130904T011519Z')).toEqual({ seconds: at })
    expect(readDate('20130904T011519.610-0700')).toEqual({ seconds: at + 7 * 3600 })
    expect(readDate('20130904T0115')).toEqual({ seconds: at - 19 })
    expect(readDate('+0020130904')).toEqual({ seconds: Date.UTC(2013, 8, 4) / 1000 })
  })

  it('reads ordinal and week dates', () => {
    const march4 = Date.UTC(2014, 2, 4) / 1000
    for (const text of ['2014-063', '2014063', '2014-W10-2', '2014W102']) {
      expect(readDate(text), text).toEqual({ seconds: march4 })
    }
    expect(toUnixSeconds('2014-W10')).toBe(march4 - 86400) // a week alone is its Monday
    expect(toUnixSeconds('2016-366')).toBe(Date.UTC(2016, 11, 31) / 1000)
    expect(toUnixSeconds('2017-366')).toBeUndefined()
    // Week-numbering years start on the Monday of the week with 4 January.
    expect(toUnixSeconds('2009-W01-1')).toBe(Date.UTC(2008, 11, 29) / 1000)
    expect(toUnixSeconds('2009-W53-7')).toBe(Date.UTC(2010, 0, 3) / 1000)
    expect(toUnixSeconds('2008-W01-1')).toBe(Date.UTC(2007, 11, 31) / 1000)
    expect(toUnixSeconds('2020-W53-5')).toBe(Date.UTC(2021, 0, 1) / 1000)
    expect(toUnixSeconds('2014-063T10:00Z')).toBe(march4 + 36000)
    expect(toUnixSeconds('2014-W10-2T10:00Z')).toBe(march4 + 36000)
  })

  it('reads fractions of an hour or a minute as whole seconds, exactly', () => {
    const ten = Date.UTC(2014, 2, 4, 10) / 1000
    expect(toUnixSeconds('2014-03-04T10.5Z')).toBe(ten + 1800)
    expect(toUnixSeconds('2014-03-04T10,25Z')).toBe(ten + 900)
    expect(toUnixSeconds('2014-03-04T10:30.5Z')).toBe(ten + 1830)
    // 1/3 hour is 1200 s: 0.333…3 is just below it, 0.333…34 just above.
    expect(toUnixSeconds('2014-03-04T10.3333333333333333333Z')).toBe(ten + 1199)
    expect(toUnixSeconds('2014-03-04T10.33333333333333333334Z')).toBe(ten + 1200)
    expect(toUnixSeconds('2014-03-04T10:59.99999999999999999Z')).toBe(ten + 3599)
    expect(toUnixSeconds('2014-03-04T24.0')).toBe(Date.UTC(2014, 2, 5) / 1000)
  })

  it('marks a reading as a guess only where the value has several meanings', () => {
    expect(readDate('201403')).toEqual({
      seconds: Date.UTC(2014, 2, 1) / 1000,
      guess: expect.stringContaining('year-month 2014-03'),
    })
    expect(readDate('1522086291')).toEqual({
      seconds: 1522086291,
      guess: expect.stringContaining('read as epoch seconds (2018-03-26T17:44:51Z)'),
    })
    expect(readDate('1363902294011')?.guess).toContain('read as epoch milliseconds')
    expect(readDate('12345678')?.guess).toContain('no ISO 8601 date') // month 56: not YYYYMMDD
    // Numbers: the unit is plain where the other one would be January 1970 or after 5138.
    expect(readDate(1522086291)).toEqual({ seconds: 1522086291 })
    expect(readDate(1363902294011)).toEqual({ seconds: 1363902294 })
    expect(readDate(-315619200)).toEqual({ seconds: -315619200 }) // 1960
    for (const n of [2014, 0, 86400, 3e10, 1.7e15, -2014]) {
      expect(readDate(n)?.guess, String(n)).toMatch(/read as epoch (seconds|milliseconds)/)
    }
    expect(readDate('2014-03-04T10:00:00Z')?.guess).toBeUndefined()
    expect(readDate(new Date(0))).toEqual({ seconds: 0 })
  })

  it('reads numbers plainly exactly in [1e8, 1e10) seconds and [1e11, 1e13) milliseconds', () => {
    for (const n of [1e8, 1e10 - 1, 1e11, 1e13 - 1, -1e8, -(1e13 - 1)]) {
      expect(readDate(n)?.guess, String(n)).toBeUndefined()
    }
    for (const n of [1e8 - 1, 1e10, 1e11 - 1, 1e13, -(1e8 - 1), -1e13]) {
      expect(readDate(n)?.guess, String(n)).toBeDefined()
    }
  })

  it('says why the unit of a number is a guess', () => {
    expect(readDate(5)?.guess).toBe(
      '5 read as epoch seconds (1970-01-01T00:00:05Z); near 1970 it may be milliseconds',
    )
    expect(readDate(1e8 - 1)?.guess).toBe(
      '99999999 read as epoch seconds (1973-03-03T09:46:39Z); near 1970 it may be milliseconds',
    )
    expect(readDate(1e10)?.guess).toBe(
      '10000000000 read as epoch seconds (2286-11-20T17:46:40Z); this large it may be milliseconds',
    )
    expect(readDate(1e13)?.guess).toBe(
      '10000000000000 read as epoch milliseconds (2286-11-20T17:46:40Z); this large it may be microseconds',
    )
  })

  it('warns a guess at the field it read, and nothing for an exact date', () => {
    const warnings: Warning[] = []
    expect(dateSeconds('2014', 'timestamp', warnings)).toBe(1388534400)
    expect(dateSeconds('nope', 'timestamp', warnings)).toBeUndefined()
    expect(warnings).toEqual([])
    expect(dateSeconds('1388534400', 'traits.createdAt', warnings)).toBe(1388534400)
    expect(warnings).toEqual([
      { code: 'ambiguous_date', path: 'traits.createdAt', message: expect.any(String) },
    ])
  })
})

/** ISO weekday (1 = Monday) of a UTC day. */
const isoWeekday = (ms: number): number => ((new Date(ms).getUTCDay() + 6) % 7) + 1

/** ISO week-numbering year, week and weekday of a UTC day (by its Thursday). */
function isoWeekOf(ms: number): { year: number; week: number; day: number } {
  const day = isoWeekday(ms)
  const thursday = new Date(ms + (4 - day) * 86400000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1
  return { year, week, day }
}

describe('readDate: ISO 8601 forms at every precision (property)', () => {
  const modern = fc.date({
    noInvalidDate: true,
    min: new Date('1000-01-02T00:00:00Z'),
    max: new Date('9999-12-30T00:00:00Z'),
  })
  const form = fc.constantFrom('calendar', 'ordinal', 'week')
  const precision = fc.constantFrom('date', 'hour', 'minute', 'second', 'fraction')

  it('reads calendar, ordinal and week dates, extended or basic, with any time precision and offset', () => {
    fc.assert(
      fc.property(
        modern,
        form,
        precision,
        fc.boolean(),
        fc.constantFrom(...OFFSETS),
        (d, dateForm, p, basic, offset) => {
          const w = new Date(d.getTime() + offset * 60000) // wall clock at the offset
          const y = w.getUTCFullYear()
          const dayStart = Date.UTC(y, w.getUTCMonth(), w.getUTCDate())
          const sep = basic ? '' : '-'
          let date: string
          if (dateForm === 'calendar') {
            date = `${pad(y, 4)}${sep}${pad(w.getUTCMonth() + 1)}${sep}${pad(w.getUTCDate())}`
          } else if (dateForm === 'ordinal') {
            const ordinal = (dayStart - Date.UTC(y, 0, 1)) / 86400000 + 1
            date = `${pad(y, 4)}${sep}${pad(ordinal, 3)}`
          } else {
            const iso = isoWeekOf(dayStart)
            date = `${pad(iso.year, 4)}${sep}W${pad(iso.week)}${sep}${iso.day}`
          }
          const tsep = basic ? '' : ':'
          const hh = pad(w.getUTCHours())
          const mm = pad(w.getUTCMinutes())
          const ss = pad(w.getUTCSeconds())
          const time =
            p === 'hour'
              ? hh
              : p === 'minute'
                ? `${hh}${tsep}${mm}`
                : p === 'second'
                  ? `${hh}${tsep}${mm}${tsep}${ss}`
                  : `${hh}${tsep}${mm}${tsep}${ss}.${pad(w.getUTCMilliseconds(), 3)}`
          const keep = { date: 86400, hour: 3600, minute: 60, second: 1, fraction: 1 }[p]
          const wallSeconds = Math.floor(w.getTime() / 1000)
          const truncated = p === 'date' ? dayStart / 1000 : Math.floor(wallSeconds / keep) * keep
          const text = p === 'date' ? date : `${date}T${time}${offsetText(offset, !basic)}`
          const expected = p === 'date' ? truncated : truncated - offset * 60
          expect(readDate(text), text).toEqual({ seconds: expected })
          if (p !== 'date' && !basic) {
            expect(Math.floor(parseISO(text).getTime() / 1000), `date-fns: ${text}`).toBe(expected)
          }
        },
      ),
    )
  })

  it('reads every year and year-month as its first instant, in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const year = Date.UTC(y + 400, 0, 1) / 1000 - 146097 * 86400 // no 0–99 → 1900s
        const month = Date.UTC(y + 400, m - 1, 1) / 1000 - 146097 * 86400
        expect(readDate(pad(y, 4))).toEqual({ seconds: year })
        expect(readDate(`${pad(y, 4)}-${pad(m)}`)).toEqual({ seconds: month })
      }),
    )
  })

  it('never reads a digit string as epoch seconds without a guess', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
        (s) => {
          const r = readDate(s)
          if (r === undefined || r.guess !== undefined) return
          // An exact reading of digits is an ISO form: YYYY, YYYYDDD or YYYYMMDD.
          expect([4, 7, 8], s).toContain(s.length)
          const y = Number(s.slice(0, 4))
          expect(r.seconds).toBeGreaterThanOrEqual(Date.UTC(y + 400, 0, 1) / 1000 - 146097 * 86400)
          expect(r.seconds).toBeLessThan(Date.UTC(y + 401, 0, 1) / 1000 - 146097 * 86400)
        },
      ),
    )
  })
})

/** Unix seconds of a UTC calendar day, by `setUTCFullYear` (which reads 0–99 as themselves). */
function daySeconds(year: number, month: number, day: number): number {
  const t = new Date(0)
  t.setUTCFullYear(year, month - 1, day)
  return t.getTime() / 1000
}

/** `floor(unit × 0.digits)`, exactly (BigInt). */
const fractionSeconds = (digits: string, unit: number): number =>
  digits === '' ? 0 : Number((BigInt(digits) * BigInt(unit)) / 10n ** BigInt(digits.length))

/** ISO 8601 year text: `YYYY` for 0000–9999 (or, if asked, `±YYYYYY`), else `±YYYYYY`. */
const yearText = (y: number, expanded: boolean): string =>
  y >= 0 && y <= 9999 && !expanded ? pad(y, 4) : `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}`

describe('readDate: ISO 8601 text built from its fields (property, any year of the Date range)', () => {
  const anyYear = fc.oneof(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1000, max: 9999 }),
    // One day short of the ends, so that every day and offset of these years is in range.
    fc.integer({ min: -271820, max: 275759 }),
  )
  const day = fc
    .record({ year: anyYear, month: fc.integer({ min: 1, max: 12 }), day: fc.nat() })
    .map((r) => {
      const length = (daySeconds(r.year, r.month + 1, 1) - daySeconds(r.year, r.month, 1)) / 86400
      return { ...r, day: (r.day % length) + 1 }
    })
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 })

  it('reads calendar, ordinal and week dates with any time precision, fraction and zone', () => {
    fc.assert(
      fc.property(
        day,
        fc.record({
          form: fc.constantFrom('calendar', 'ordinal', 'week'),
          basicDate: fc.boolean(),
          basicTime: fc.boolean(),
          expanded: fc.boolean(),
          precision: fc.constantFrom('date', 'hour', 'minute', 'second'),
          separator: fc.constantFrom('T', 't', ' '),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 60 }), // 60: a leap second, read as 59
          fraction: digits,
          comma: fc.boolean(),
          zone: fc.constantFrom('none', 'Z', 'z', '±hh', '±hhmm', '±hh:mm'),
          offset: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        }),
        ({ year, month, day: dom }, f) => {
          const start = daySeconds(year, month, dom)
          const ds = f.basicDate ? '' : '-'
          let date = `${yearText(year, f.expanded)}${ds}${pad(month)}${ds}${pad(dom)}`
          if (f.form === 'ordinal') {
            const ordinal = (start - daySeconds(year, 1, 1)) / 86400 + 1
            date = `${yearText(year, f.expanded)}${ds}${pad(ordinal, 3)}`
          } else if (f.form === 'week') {
            const weekday = ((new Date(start * 1000).getUTCDay() + 6) % 7) + 1
            const thursday = new Date((start + (4 - weekday) * 86400) * 1000)
            const weekYear = thursday.getUTCFullYear()
            const week =
              Math.floor((thursday.getTime() / 1000 - daySeconds(weekYear, 1, 1)) / 604800) + 1
            date = `${yearText(weekYear, f.expanded)}${ds}W${pad(week)}${ds}${weekday}`
          }
          if (f.precision === 'date') {
            expect(readDate(date), date).toEqual({ seconds: start })
            return
          }
          const ts = f.basicTime ? '' : ':'
          const parts = [pad(f.hour), pad(f.minute), pad(f.second)]
          const count = { hour: 1, minute: 2, second: 3 }[f.precision]
          const unit = [3600, 60, 1][count - 1] ?? 1
          const fraction = f.fraction === '' ? '' : `${f.comma ? ',' : '.'}${f.fraction}`
          const offset = f.zone === '±hh' ? Math.trunc(f.offset / 60) * 60 : f.offset
          const zone =
            f.zone === 'none' || f.zone === 'Z' || f.zone === 'z'
              ? f.zone.replace('none', '')
              : offsetText(offset, f.zone === '±hh:mm').slice(0, f.zone === '±hh' ? 3 : undefined)
          const text = `${date}${f.separator}${parts.slice(0, count).join(ts)}${fraction}${zone}`
          const wall =
            start +
            f.hour * 3600 +
            (count > 1 ? f.minute * 60 : 0) +
            (count > 2 ? Math.min(f.second, 59) : 0) +
            fractionSeconds(f.fraction, unit)
          const expected = wall - (zone === '' || /z/i.test(zone) ? 0 : offset * 60)
          expect(readDate(text), text).toEqual({ seconds: expected })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads 24:00 as the start of the next day, at every precision', () => {
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('24', '24:00', '24:00:00', '2400', '240000'),
        digits,
        (d, time, zeros) => {
          const date = `${yearText(d.year, false)}-${pad(d.month)}-${pad(d.day)}`
          const next = daySeconds(d.year, d.month, d.day + 1)
          const fraction = zeros.replace(/./g, '0')
          expect(readDate(`${date}T${time}${fraction && `.${fraction}`}Z`)).toEqual({
            seconds: next,
          })
          if (/[1-9]/.test(zeros)) expect(readDate(`${date}T${time}.${zeros}Z`)).toBeUndefined()
        },
      ),
    )
  })

  it('reads RFC 2822 text built from its fields, with every zone name', () => {
    const zones: Record<string, number> = {
      UT: 0,
      UTC: 0,
      GMT: 0,
      EST: -300,
      EDT: -240,
      CST: -360,
      CDT: -300,
      MST: -420,
      MDT: -360,
      PST: -480,
      PDT: -420,
    }
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.constantFrom(...Object.keys(zones), '+0130', '-2359'),
        fc.boolean(),
        ({ year, month, day: dom }, h, m, s, zone, weekday) => {
          const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4)
          const time = `${pad(h)}:${pad(m)}${s === null ? '' : `:${pad(s)}`}`
          const text = `${weekday ? 'Sun, ' : ''}${dom} ${MONTHS[month - 1]} ${y} ${time} ${zone}`
          const offset = zones[zone] ?? (zone === '+0130' ? 90 : -1439)
          const expected =
            daySeconds(year, month, dom) + h * 3600 + m * 60 + Math.min(s ?? 0, 59) - offset * 60
          expect(toUnixSeconds(text), text).toBe(expected)
        },
      ),
    )
  })
})

describe('readDate: defects fixed in the rewrite with regular expressions', () => {
  it('reads an object that only looks like a Date as no date, instead of throwing', () => {
    // `instanceof Date` holds for both; `getTime()` used to throw "this is not a Date object".
    expect(toUnixSeconds(Object.create(Date.prototype))).toBeUndefined()
    expect(toUnixSeconds(new Proxy(new Date(0), {}))).toBeUndefined()
    const warnings: Warning[] = []
    expect(dateSeconds(Object.create(Date.prototype), 'timestamp', warnings)).toBeUndefined()
  })

  it("reads a Date's own time value, whatever its getTime says", () => {
    class Shifted extends Date {
      override getTime(): number {
        return 0
      }
    }
    expect(toUnixSeconds(new Shifted(1522086291900))).toBe(1522086291)
  })

  it('reads week dates of the first year of the Date range (-271821 began on a Friday)', () => {
    // Its 1 January is outside the range; the week was counted from a Thursday there.
    expect(toUnixSeconds('-271821-W35-1')).toBe(Date.UTC(-271821, 7, 30) / 1000)
    // Week 1 began on Monday 4 January, so week 52 ends on Sunday 2 January -271820.
    expect(toUnixSeconds('-271821-W52-7')).toBe(Date.UTC(-271820, 0, 2) / 1000)
    expect(toUnixSeconds('-271821-W53-1')).toBeUndefined() // a 52-week year
  })

  it('applies the Date range to the instant, not to the wall clock before its offset', () => {
    expect(toUnixSeconds('-271821-04-19T23:00:00-01:00')).toBe(-8.64e12)
    expect(toUnixSeconds('Sat, 19 Apr -271821 23:00:00 -0100')).toBe(-8.64e12)
    expect(toUnixSeconds('+275760-09-13T01:00+01:00')).toBe(8.64e12)
    expect(toUnixSeconds('-271821-04-20T00.5+00:01')).toBe(-8.64e12 + 1740)
    expect(toUnixSeconds('+275760-09-13T01:00:01+01:00')).toBeUndefined()
    expect(toUnixSeconds('-271821-04-19T23:59:59Z')).toBeUndefined()
  })

  it('names an expanded basic year-month as written', () => {
    // It read "00-1-01" for the year -1.
    expect(readDate('-00000101')).toEqual({
      seconds: Date.UTC(-1, 0, 1) / 1000,
      guess: expect.stringContaining('year-month -000001-01'),
    })
  })
})

describe('readDate: toISOString() text, read by position', () => {
  // The fast path must agree with the full ISO reading and with the Date it came from,
  // and hand everything unusual in that shape to the full reading.
  const MS_RANGE = 8.64e15
  it('any Date: its toISOString() text (with or without the milliseconds) is its second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MS_RANGE, max: MS_RANGE }), (ms) => {
        const text = new Date(ms).toISOString()
        const seconds = Math.floor(ms / 1000) + 0
        expect(readDate(text)).toEqual({ seconds })
        if (text.length === 24) expect(readDate(`${text.slice(0, 19)}Z`)).toEqual({ seconds })
      }),
      { numRuns: 2000 },
    )
  })

  it('years 0–99, 24:00 and a leap second in that shape are read by the full reading', () => {
    expect(readDate('0099-12-31T23:59:59.999Z')).toEqual({
      seconds: Math.floor(Date.UTC(2099, 11, 31, 23, 59, 59) / 1000) - 2000 * 31556952,
    })
    expect(readDate('2026-03-02T24:00:00.000Z')).toEqual({ seconds: Date.UTC(2026, 2, 3) / 1000 })
    expect(readDate('2016-12-31T23:59:60Z')).toEqual({
      seconds: Date.UTC(2016, 11, 31, 23, 59, 59) / 1000,
    })
  })

  it('that shape with an impossible field is no date', () => {
    for (const text of [
      '2026-02-29T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-00-01T10:00:00Z',
      '2026-03-02T25:00:00.000Z',
      '2026-03-02T10:60:00.000Z',
      '2026-03-02T10:00:61.000Z',
      '2026-03-02T10:00:00.0a0Z',
      '2026-03-02T1a:00:00.000Z',
      '2026-03-02 10:00:00.000Z'.replace(' ', 'X'),
      '2026-03-02T10:00:00.000+',
    ]) {
      expect(readDate(text), text).toBeUndefined()
    }
  })
})
