/**
 * Date values → integer unix seconds.
 *
 * Every string format is parsed by hand: `Date.parse` / `new Date(string)` accept
 * different inputs on different engines and read zone-less text in the host zone.
 * `Date.UTC` only does the calendar arithmetic, so nothing here depends on the host zone.
 */
import {
  COLON,
  COMMA,
  DIGIT_0,
  DOT,
  MINUS,
  PAREN_CLOSE,
  PAREN_OPEN,
  PLUS,
  SPACE,
} from '../_lib/char-codes.js'

/** ECMAScript time values are limited to ±8.64e15 ms; beyond that nothing is a date. */
const MAX_SECONDS = 8.64e12
const MAX_MS = 8.64e15
/** Numbers at or above this magnitude are epoch milliseconds (1e11 s is in the year 5138). */
const MS_THRESHOLD = 1e11
/** 400 Gregorian years, in ms: used to step around `Date.UTC` mapping years 0–99 to 1900–1999. */
const MS_PER_400_YEARS = 146097 * 86400000

/**
 * Converts a Segment date value to integer unix seconds, rounded down; `undefined` when
 * the value is not a date.
 *
 * Accepted:
 * - a valid `Date` (also from another realm);
 * - a finite number: epoch seconds, or epoch milliseconds when its magnitude is at least
 *   1e11 (1e11 seconds is in the year 5138); fractions are floored;
 * - a string of digits with an optional leading `-`: read like the number;
 * - ISO 8601 / RFC 3339: `YYYY-MM-DD`, optionally followed by `T`, `t` or one space and
 *   `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff…` (any number of fraction digits, `.` or `,`), then
 *   optionally `Z`/`z`, `±HH:MM`, `±HHMM` or `±HH`. Years may also be written `±YYYYYY`
 *   (what `toISOString()` prints outside 0000–9999). **Text without an offset is UTC**, never
 *   host-local time. `24:00` / `24:00:00(.000)` is the end of the day, i.e. 00:00 of the next
 *   day. A leap second (`:60`) counts as `:59` (unix time has no leap seconds; it is not
 *   checked against the leap-second table);
 * - `Date.prototype.toString()` text: `Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)` (the
 *   parenthesised zone name is optional);
 * - `Date.prototype.toUTCString()` / RFC 7231 / RFC 2822 text:
 *   `Mon, 26 Mar 2018 17:44:51 GMT`, `26 Mar 2018 17:44:51 +0000` (weekday and seconds
 *   optional; zone `±HHMM`, `GMT`, `UT`, `UTC` or a North-American `EST`…`PDT`).
 *
 * Weekday names must be real weekday names but are not checked against the date; names
 * are case-insensitive. Fields are range-checked (month 1–12, day within the month,
 * leap years included). Text is not trimmed. Results outside the ECMAScript date range
 * (±8.64e12 s) are `undefined`. Rounding is a floor, also before 1970.
 *
 * @example
 * toUnixSeconds('2018-03-26T17:44:51.900Z') // 1522086291
 * toUnixSeconds('Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)') // 1522086291
 * toUnixSeconds(1363902294011) // 1363902294 (milliseconds)
 * toUnixSeconds('2018-02-30') // undefined
 */
export function toUnixSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') return fromString(value)
  if (typeof value === 'number') return fromNumber(value)
  if (typeof value === 'object' && value !== null) return fromDateObject(value)
  return undefined
}

function fromDateObject(value: object): number | undefined {
  let ms: number
  if (value instanceof Date) ms = value.getTime()
  else if (Object.prototype.toString.call(value) === '[object Date]') {
    // A Date from another realm (iframe, vm); a spoofed Symbol.toStringTag throws here.
    try {
      ms = Date.prototype.getTime.call(value)
    } catch {
      return undefined
    }
  } else return undefined
  return Number.isNaN(ms) ? undefined : msToSeconds(ms)
}

function fromNumber(n: number): number | undefined {
  if (!Number.isFinite(n)) return undefined
  if (n >= MS_THRESHOLD || n <= -MS_THRESHOLD) {
    return n > MAX_MS || n < -MAX_MS ? undefined : msToSeconds(n)
  }
  return Math.floor(n) + 0 // `+ 0` turns -0 into 0
}

/** Floor division by 1000 in exact integer steps (`Math.floor(ms / 1000)` can round up). */
function msToSeconds(ms: number): number {
  const whole = Math.floor(ms)
  const rest = whole % 1000
  return (whole - rest) / 1000 - (rest < 0 ? 1 : 0) + 0
}

function fromString(s: string): number | undefined {
  if (s.length === 0) return undefined
  const c0 = s.charCodeAt(0)
  if (c0 === MINUS || c0 === PLUS || (c0 >= 48 && c0 <= 57)) {
    const iso = parseIso(s)
    if (iso !== undefined) return iso
    if (c0 !== PLUS && isIntegerText(s)) return fromNumber(Number(s))
    if (c0 === MINUS || c0 === PLUS) return undefined
  }
  return parseText(s)
}

/** `-?[0-9]+` */
function isIntegerText(s: string): boolean {
  const start = s.charCodeAt(0) === MINUS ? 1 : 0
  if (start === s.length) return false
  for (let i = start; i < s.length; i++) if (digitAt(s, i) < 0) return false
  return true
}

// ---------------------------------------------------------------------------------------
// ISO 8601 / RFC 3339

function parseIso(s: string): number | undefined {
  const n = s.length
  let year: number
  let i: number
  const c0 = s.charCodeAt(0)
  if (c0 === PLUS || c0 === MINUS) {
    // Expanded year: sign and exactly six digits; "-000000" is not a year.
    year = digits(s, 1, 6)
    if (year < 0 || (c0 === MINUS && year === 0)) return undefined
    if (c0 === MINUS) year = -year
    i = 7
  } else {
    year = digits(s, 0, 4)
    if (year < 0) return undefined
    i = 4
  }
  if (s.charCodeAt(i) !== MINUS || s.charCodeAt(i + 3) !== MINUS) return undefined
  const month = digits(s, i + 1, 2)
  const day = digits(s, i + 4, 2)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  i += 6
  if (i === n) return utcSeconds(year, month, day, 0, 0, 0, 0)

  const sep = s.charCodeAt(i)
  if (sep !== 84 /* T */ && sep !== 116 /* t */ && sep !== SPACE) return undefined
  const hour = digits(s, i + 1, 2)
  if (s.charCodeAt(i + 3) !== COLON) return undefined
  const minute = digits(s, i + 4, 2)
  if (hour < 0 || minute < 0) return undefined
  i += 6
  let second = 0
  let fractionIsZero = true
  if (s.charCodeAt(i) === COLON) {
    second = digits(s, i + 1, 2)
    if (second < 0) return undefined
    i += 3
    const c = s.charCodeAt(i)
    if (c === DOT || c === COMMA) {
      const start = ++i
      for (let d = digitAt(s, i); d >= 0; d = digitAt(s, ++i)) if (d !== 0) fractionIsZero = false
      if (i === start) return undefined
      // The fraction is ignored: floor(whole seconds + [0, 1)) is the whole seconds.
    }
  }

  let offsetMinutes = 0
  if (i < n) {
    const c = s.charCodeAt(i)
    if (c === 90 /* Z */ || c === 122 /* z */) i++
    else if (c === PLUS || c === MINUS) {
      const oh = digits(s, i + 1, 2)
      let om = 0
      i += 3
      if (s.charCodeAt(i) === COLON) {
        om = digits(s, i + 1, 2)
        i += 3
      } else if (i < n) {
        om = digits(s, i, 2)
        i += 2
      }
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined
      offsetMinutes = c === MINUS ? -(oh * 60 + om) : oh * 60 + om
    } else return undefined
    if (i !== n) return undefined
  }

  if (!validTime(hour, minute, second, fractionIsZero)) return undefined
  return utcSeconds(year, month, day, hour, minute, second === 60 ? 59 : second, offsetMinutes)
}

/** Hours 0–23 (24 only as 24:00:00.000…), minutes 0–59, seconds 0–60. */
function validTime(hour: number, minute: number, second: number, fractionIsZero: boolean) {
  if (hour === 24) return minute === 0 && second === 0 && fractionIsZero
  return hour <= 23 && minute <= 59 && second <= 60
}

// ---------------------------------------------------------------------------------------
// Date.prototype.toString(), toUTCString(), RFC 7231 and RFC 2822 text

function parseText(s: string): number | undefined {
  let i = 0
  if (digitAt(s, 0) < 0) {
    if (weekdayAt(s, 0) < 0) return undefined
    if (s.charCodeAt(3) === SPACE) return parseToString(s)
    if (s.charCodeAt(3) !== COMMA || s.charCodeAt(4) !== SPACE) return undefined
    i = 5
  }
  return parseRfc2822(s, i)
}

/** `Www Mmm DD YYYY HH:MM:SS GMT±HHMM[ (Zone name)]`, weekday already checked. */
function parseToString(s: string): number | undefined {
  const month = monthAt(s, 4)
  if (month < 0 || s.charCodeAt(7) !== SPACE) return undefined
  const dayEnd = dayEndAt(s, 8)
  if (dayEnd < 0) return undefined
  const day = digits(s, 8, dayEnd - 8)
  const yearEnd = yearEndAt(s, dayEnd + 1)
  if (s.charCodeAt(dayEnd) !== SPACE || yearEnd < 0 || s.charCodeAt(yearEnd) !== SPACE) {
    return undefined
  }
  const year = signedYear(s, dayEnd + 1, yearEnd)
  let i = yearEnd + 1
  const hour = digits(s, i, 2)
  const minute = digits(s, i + 3, 2)
  const second = digits(s, i + 6, 2)
  if (s.charCodeAt(i + 2) !== COLON || s.charCodeAt(i + 5) !== COLON) return undefined
  i += 8
  if (
    s.charCodeAt(i) !== SPACE ||
    upperAt(s, i + 1) !== 71 /* G */ ||
    upperAt(s, i + 2) !== 77 /* M */ ||
    upperAt(s, i + 3) !== 84 /* T */
  ) {
    return undefined
  }
  const offset = numericOffsetAt(s, i + 4)
  if (offset === undefined) return undefined
  i += 9
  if (i !== s.length && !zoneNameFrom(s, i)) return undefined
  return finishText(year, month, day, hour, minute, second, offset)
}

/** `D[D] Mmm YYYY HH:MM[:SS] zone` starting at `start` (after an optional `Www, `). */
function parseRfc2822(s: string, start: number): number | undefined {
  const dayEnd = dayEndAt(s, start)
  if (dayEnd < 0 || s.charCodeAt(dayEnd) !== SPACE) return undefined
  const day = digits(s, start, dayEnd - start)
  const month = monthAt(s, dayEnd + 1)
  if (month < 0 || s.charCodeAt(dayEnd + 4) !== SPACE) return undefined
  const yearEnd = yearEndAt(s, dayEnd + 5)
  if (yearEnd < 0 || s.charCodeAt(yearEnd) !== SPACE) return undefined
  const year = signedYear(s, dayEnd + 5, yearEnd)
  let i = yearEnd + 1
  const hour = digits(s, i, 2)
  const minute = digits(s, i + 3, 2)
  if (s.charCodeAt(i + 2) !== COLON) return undefined
  i += 5
  let second = 0
  if (s.charCodeAt(i) === COLON) {
    second = digits(s, i + 1, 2)
    i += 3
  }
  if (s.charCodeAt(i) !== SPACE) return undefined
  const offset = rfc2822ZoneFrom(s, i + 1)
  if (offset === undefined) return undefined
  return finishText(year, month, day, hour, minute, second, offset)
}

function finishText(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): number | undefined {
  if (day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59 || second > 60) {
    return undefined
  }
  return utcSeconds(year, month, day, hour, minute, second === 60 ? 59 : second, offsetMinutes)
}

/** Index after a one- or two-digit day at `i`, or -1. */
function dayEndAt(s: string, i: number): number {
  if (digitAt(s, i) < 0) return -1
  return digitAt(s, i + 1) >= 0 ? i + 2 : i + 1
}

/** Index after `-?DDDD[D[D]]` at `i`, or -1 (what `toString`/`toUTCString` print). */
function yearEndAt(s: string, i: number): number {
  const start = s.charCodeAt(i) === MINUS ? i + 1 : i
  let end = start
  while (end - start < 7 && digitAt(s, end) >= 0) end++
  return end - start >= 4 && end - start <= 6 ? end : -1
}

function signedYear(s: string, start: number, end: number): number {
  return s.charCodeAt(start) === MINUS
    ? -digits(s, start + 1, end - start - 1)
    : digits(s, start, end - start)
}

/** `±HHMM` at `i` as minutes east of UTC, or `undefined`. */
function numericOffsetAt(s: string, i: number): number | undefined {
  const sign = s.charCodeAt(i)
  if (sign !== PLUS && sign !== MINUS) return undefined
  const oh = digits(s, i + 1, 2)
  const om = digits(s, i + 3, 2)
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined
  return sign === MINUS ? -(oh * 60 + om) : oh * 60 + om
}

/** The rest of the text from `i` must be an RFC 2822 zone; returns minutes east of UTC. */
function rfc2822ZoneFrom(s: string, i: number): number | undefined {
  const len = s.length - i
  if (len === 5) return numericOffsetAt(s, i)
  if (len === 2) return upperAt(s, i) === 85 && upperAt(s, i + 1) === 84 ? 0 : undefined // UT
  if (len !== 3) return undefined
  const a = upperAt(s, i)
  const b = upperAt(s, i + 1)
  const c = upperAt(s, i + 2)
  if (a === 71 && b === 77 && c === 84) return 0 // GMT
  if (a === 85 && b === 84 && c === 67) return 0 // UTC
  // RFC 2822 §4.3 obsolete North-American zones: EST/EDT, CST/CDT, MST/MDT, PST/PDT.
  if (c !== 84 || (b !== 83 && b !== 68)) return undefined
  const standard = a === 69 ? -5 : a === 67 ? -6 : a === 77 ? -7 : a === 80 ? -8 : 0
  if (standard === 0) return undefined
  return (b === 68 ? standard + 1 : standard) * 60
}

/** ` (name)` running to the end of the text, with no parentheses inside the name. */
function zoneNameFrom(s: string, i: number): boolean {
  const last = s.length - 1
  if (s.charCodeAt(i) !== SPACE || s.charCodeAt(i + 1) !== PAREN_OPEN) return false
  if (s.charCodeAt(last) !== PAREN_CLOSE || last <= i + 2) return false
  for (let j = i + 2; j < last; j++) {
    const c = s.charCodeAt(j)
    if (c === PAREN_OPEN || c === PAREN_CLOSE) return false
  }
  return true
}

/** Three letters, case-insensitive, packed into one number for comparison. */
function threeLetters(s: string, i: number): number {
  const a = s.charCodeAt(i) | 0x20
  const b = s.charCodeAt(i + 1) | 0x20
  const c = s.charCodeAt(i + 2) | 0x20
  if (a < 97 || a > 122 || b < 97 || b > 122 || c < 97 || c > 122) return -1
  return (a << 16) | (b << 8) | c
}

const pack = (name: string): number => threeLetters(name, 0)
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map(pack)
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
].map(pack)

function weekdayAt(s: string, i: number): number {
  const key = threeLetters(s, i)
  return key < 0 ? -1 : WEEKDAYS.indexOf(key)
}

/** Month 1–12 of a three-letter English month name at `i`, or -1. */
function monthAt(s: string, i: number): number {
  const key = threeLetters(s, i)
  const index = key < 0 ? -1 : MONTHS.indexOf(key)
  return index < 0 ? -1 : index + 1
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/** The digit at `i` (0–9), or -1 (also past the end: `charCodeAt` gives NaN there). */
function digitAt(s: string, i: number): number {
  const d = s.charCodeAt(i) - DIGIT_0
  return d >= 0 && d <= 9 ? d : -1
}

/** The value of exactly `count` digits at `i`, or -1. */
function digits(s: string, i: number, count: number): number {
  let value = 0
  for (let j = i; j < i + count; j++) {
    const d = digitAt(s, j)
    if (d < 0) return -1
    value = value * 10 + d
  }
  return value
}

/** Upper-cased ASCII letter code at `i` (other characters come back unchanged or odd). */
function upperAt(s: string, i: number): number {
  return s.charCodeAt(i) & ~0x20
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Unix seconds of a validated wall-clock time at `offsetMinutes` east of UTC. */
function utcSeconds(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): number | undefined {
  // Date.UTC reads years 0–99 as 1900–1999: compute 400 years later (same calendar) instead.
  const ms =
    year >= 0 && year <= 99
      ? Date.UTC(year + 400, month - 1, day, hour, minute, second) - MS_PER_400_YEARS
      : Date.UTC(year, month - 1, day, hour, minute, second)
  if (Number.isNaN(ms)) return undefined
  const seconds = ms / 1000 - offsetMinutes * 60
  return seconds > MAX_SECONDS || seconds < -MAX_SECONDS ? undefined : seconds + 0
}
