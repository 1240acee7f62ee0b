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
  isDigit,
  MINUS,
  PAREN_CLOSE,
  PAREN_OPEN,
  PLUS,
  SPACE,
} from '../_lib/char-codes.js'
import type { Warning } from '../types.js'
import { warn } from '../warnings.js'

/** ECMAScript time values are limited to ±8.64e15 ms; beyond that nothing is a date. */
const MAX_SECONDS = 8.64e12
const MAX_MS = 8.64e15
/** Numbers at or above this magnitude are epoch milliseconds (1e11 s is in the year 5138). */
const MS_THRESHOLD = 1e11
/**
 * Where a number's unit is clear: as seconds 1e8–1e10 is 1973–2286 (as milliseconds it
 * would be January 1970), as milliseconds 1e11–1e13 is 1973–2286 (as seconds, after 5138).
 * Outside these windows the unit is a guess and the reading is warned.
 */
const PLAIN_SECONDS_MIN = 1e8
const PLAIN_SECONDS_MAX = 1e10
const PLAIN_MS_MAX = 1e13
/** 400 Gregorian years, in ms: used to step around `Date.UTC` mapping years 0–99 to 1900–1999. */
const MS_PER_400_YEARS = 146097 * 86400000
const UPPER_W = 87
const UPPER_T = 84
const LOWER_T = 116
const UPPER_Z = 90
const LOWER_Z = 122

/**
 * A date value read as unix seconds. `guess` is set when the reading is one of several
 * plausible ones (an epoch value whose unit was guessed from its magnitude, a digit
 * string read as a number, a 6-digit `YYYYMM`): it says what was assumed, for a warning.
 */
export interface DateReading {
  /** Integer unix seconds, rounded down. */
  seconds: number
  /** Why the reading may be wrong; absent when the value has one meaning. */
  guess?: string
}

/**
 * Converts a Segment date value to integer unix seconds, rounded down; `undefined` when
 * the value is not a date. {@link readDate} also says when the unit was guessed.
 *
 * Accepted:
 * - a valid `Date` (also from another realm);
 * - a finite number: epoch seconds, or epoch milliseconds when its magnitude is at least
 *   1e11 (1e11 seconds is in the year 5138); fractions are floored;
 * - ISO 8601 text (see {@link readDate}) of any precision: `2014` (a year is its 1 January),
 *   `2014-03`, `2014-03-04`, `20140304`, ordinal `2014-063`, week `2014-W10-2`, then
 *   optionally `T` and `hh`, `hh:mm`, `hh:mm:ss`, `hhmmss`…, with a fraction of any length
 *   on the last part, and `Z`, `±hh`, `±hhmm` or `±hh:mm`;
 * - a digit string that is no ISO form (`"1522086291"`): read like the number, as a guess;
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
 * toUnixSeconds('2014') // 1388534400 (2014-01-01T00:00:00Z)
 * toUnixSeconds('Mon Mar 26 2018 17:44:51 GMT+0000 (UTC)') // 1522086291
 * toUnixSeconds(1363902294011) // 1363902294 (milliseconds)
 * toUnixSeconds('2018-02-30') // undefined
 */
export function toUnixSeconds(value: unknown): number | undefined {
  return readDate(value)?.seconds
}

/**
 * Reads a Segment date value like {@link toUnixSeconds}, and says when the reading is a
 * guess. ISO 8601 text is read exactly, in every precision ISO 8601 and Segment's own
 * parser (`@segment/isodate`) allow:
 *
 * - date: `YYYY` (1 January), `YYYY-MM` (the 1st), `YYYY-MM-DD` / `YYYYMMDD`, ordinal
 *   `YYYY-DDD` / `YYYYDDD`, week `YYYY-Www[-D]` / `YYYYWww[D]` (ISO week-numbering year,
 *   Monday when no day is given); years may be written `±YYYYYY` (what `toISOString()`
 *   prints outside 0000–9999);
 * - time, after a complete date and `T`, `t` or one space: `hh`, `hh:mm`, `hh:mm:ss` or
 *   basic `hhmm`, `hhmmss`; the last part may have a fraction of any length (`.` or `,`;
 *   `T10.5` is 10:30); then optionally `Z`/`z`, `±hh`, `±hhmm` or `±hh:mm`. **Text without
 *   an offset is UTC**, never host-local time. `24:00` is 00:00 of the next day; a leap
 *   second (`:60`) counts as `:59`.
 *
 * Guesses (`guess` set): a number outside 1e8–1e10 (seconds) and 1e11–1e13
 * (milliseconds) — there the unit is a guess; a digit string that is no ISO form, read
 * like the number it spells; `YYYYMM` (six digits), which `@segment/isodate` reads as a
 * year-month but ISO 8601 does not allow (it could be `YYMMDD`).
 *
 * @example
 * readDate('2014') // { seconds: 1388534400 }
 * readDate('2014-W10-2') // { seconds: 1393891200 } (Tuesday 4 March 2014)
 * readDate('1522086291') // { seconds: 1522086291, guess: 'a digit string …' }
 */
export function readDate(value: unknown): DateReading | undefined {
  if (typeof value === 'string') return fromString(value)
  if (typeof value === 'number') return fromNumber(value)
  if (typeof value === 'object' && value !== null) return exact(fromDateObject(value))
  return undefined
}

/**
 * {@link readDate} for a field at `path`: the unix seconds, with an `ambiguous_date`
 * warning when the reading was a guess. `undefined` (not warned: the caller says what it
 * does without the date) when the value is not a date.
 */
export function dateSeconds(value: unknown, path: string, warnings: Warning[]): number | undefined {
  const r = readDate(value)
  if (r === undefined) return undefined
  if (r.guess !== undefined) warn(warnings, 'ambiguous_date', path, r.guess)
  return r.seconds
}

function exact(seconds: number | undefined): DateReading | undefined {
  return seconds === undefined ? undefined : { seconds }
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

function fromNumber(n: number): DateReading | undefined {
  if (!Number.isFinite(n)) return undefined
  const a = Math.abs(n)
  const ms = a >= MS_THRESHOLD
  if (ms && a > MAX_MS) return undefined
  const seconds = ms ? msToSeconds(n) : Math.floor(n) + 0 // `+ 0` turns -0 into 0
  if (ms ? a < PLAIN_MS_MAX : a >= PLAIN_SECONDS_MIN && a < PLAIN_SECONDS_MAX) return { seconds }
  const unit = ms ? 'milliseconds' : 'seconds'
  const why =
    a < PLAIN_SECONDS_MIN
      ? 'this close to 1970 it may be milliseconds, or not a date at all'
      : ms
        ? 'a value this large may be microseconds'
        : 'a value this large may be milliseconds'
  return { seconds, guess: `${n} read as epoch ${unit} (${isoText(seconds)}); ${why}` }
}

/** Floor division by 1000 in exact integer steps (`Math.floor(ms / 1000)` can round up). */
function msToSeconds(ms: number): number {
  const whole = Math.floor(ms)
  const rest = whole % 1000
  return (whole - rest) / 1000 - (rest < 0 ? 1 : 0) + 0
}

function isoText(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
}

function fromString(s: string): DateReading | undefined {
  if (s.length === 0) return undefined
  const c0 = s.charCodeAt(0)
  if (c0 === MINUS || c0 === PLUS || isDigit(c0)) {
    const iso = parseIso(s)
    if (iso !== undefined) return iso
    if (c0 !== PLUS && isIntegerText(s)) {
      const r = fromNumber(Number(s))
      if (r === undefined) return undefined
      const unit = Math.abs(Number(s)) >= MS_THRESHOLD ? 'milliseconds' : 'seconds'
      return {
        seconds: r.seconds,
        guess: `The digit string "${s}" is no ISO 8601 date; read as epoch ${unit} (${isoText(r.seconds)}). Send ISO 8601 text or a number`,
      }
    }
    if (c0 === MINUS || c0 === PLUS) return undefined
  }
  return exact(parseText(s))
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

/** The number of digits from `i` on. */
function digitRun(s: string, i: number): number {
  let j = i
  while (digitAt(s, j) >= 0) j++
  return j - i
}

function parseIso(s: string): DateReading | undefined {
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
  if (i === n) return exact(utcSeconds(year, 1, 1, 0, 0, 0, 0))

  // The date: calendar, ordinal or week, extended (with '-') or basic.
  let month = 1
  let day = 1
  let complete = true
  let guess: string | undefined
  const extended = s.charCodeAt(i) === MINUS
  if (extended) i++
  if (s.charCodeAt(i) === UPPER_W) {
    const week = digits(s, i + 1, 2)
    i += 3
    let weekday = 1
    complete = false
    if (extended ? s.charCodeAt(i) === MINUS : digitAt(s, i) >= 0) {
      weekday = digits(s, extended ? i + 1 : i, 1)
      i += extended ? 2 : 1
      complete = true
    }
    if (week < 1 || week > weeksInYear(year) || weekday < 1 || weekday > 7) return undefined
    day = weekDateOrdinal(year, week, weekday)
  } else {
    const run = digitRun(s, i)
    if (extended ? run === 2 : run === 2 || run === 4) {
      month = digits(s, i, 2)
      i += 2
      if (month < 1 || month > 12) return undefined
      if (run === 4 || (extended && s.charCodeAt(i) === MINUS && digitRun(s, i + 1) === 2)) {
        day = digits(s, extended ? i + 1 : i, 2)
        i += extended ? 3 : 2
        if (day < 1 || day > daysInMonth(year, month)) return undefined
      } else {
        complete = false
        if (!extended) {
          guess = `"${s}" read as the year-month ${pad4(year)}-${pad2(month)}, as Segment's isodate does; ISO 8601 has no basic year-month (it could be YYMMDD)`
        }
      }
    } else if (run === 3) {
      day = digits(s, i, 3)
      i += 3
      if (day < 1 || day > (isLeapYear(year) ? 366 : 365)) return undefined
    } else return undefined
  }
  if (i === n) {
    const seconds = utcSeconds(year, month, day, 0, 0, 0, 0)
    if (seconds === undefined) return undefined
    return guess === undefined ? { seconds } : { seconds, guess }
  }
  if (!complete) return undefined // ISO 8601: a time needs a complete date

  const sep = s.charCodeAt(i)
  if (sep !== UPPER_T && sep !== LOWER_T && sep !== SPACE) return undefined
  i++
  const hour = digits(s, i, 2)
  if (hour < 0) return undefined
  i += 2
  let minute = 0
  let second = 0
  /** Seconds from a fraction of the hour or minute. */
  let extra = 0
  let fractionIsZero = true
  /** 3600 while the hour is the last part read, then 60, then 1. */
  let unit = 3600
  const timeExtended = s.charCodeAt(i) === COLON
  if (timeExtended ? digitRun(s, i + 1) >= 2 : digitRun(s, i) >= 2) {
    minute = digits(s, timeExtended ? i + 1 : i, 2)
    i += timeExtended ? 3 : 2
    unit = 60
    const more = timeExtended ? s.charCodeAt(i) === COLON : digitAt(s, i) >= 0
    if (more) {
      second = digits(s, timeExtended ? i + 1 : i, 2)
      if (second < 0) return undefined
      i += timeExtended ? 3 : 2
      unit = 1
    }
  } else if (timeExtended) return undefined
  const fc = s.charCodeAt(i)
  if (fc === DOT || fc === COMMA) {
    const start = ++i
    const run = digitRun(s, start)
    if (run === 0) return undefined
    i += run
    for (let j = start; j < i; j++) if (digitAt(s, j) !== 0) fractionIsZero = false
    // A fraction of a second is floored away; of an hour or a minute it is whole seconds.
    if (unit > 1) extra = floorScaled(s, start, i, unit)
  }

  let offsetMinutes = 0
  if (i < n) {
    const c = s.charCodeAt(i)
    if (c === UPPER_Z || c === LOWER_Z) i++
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
  const base = utcSeconds(
    year,
    month,
    day,
    hour,
    minute,
    second === 60 ? 59 : second,
    offsetMinutes,
  )
  if (base === undefined) return undefined
  const seconds = base + extra
  return seconds > MAX_SECONDS ? undefined : { seconds }
}

/** Hours 0–23 (24 only as 24:00:00.000…), minutes 0–59, seconds 0–60. */
function validTime(hour: number, minute: number, second: number, fractionIsZero: boolean) {
  if (hour === 24) return minute === 0 && second === 0 && fractionIsZero
  return hour <= 23 && minute <= 59 && second <= 60
}

/**
 * `floor(unit × 0.ddd…)` for the fraction digits `s[start..end)`, exactly: the first 12
 * digits give it within one, and a long division of the next whole number by `unit`
 * decides (a float product could land just below a whole second).
 */
function floorScaled(s: string, start: number, end: number, unit: number): number {
  const k = Math.min(end - start, 12)
  const scaled = digits(s, start, k) * unit // < 3600e12: exact
  const scale = 10 ** k
  const q = (scaled - (scaled % scale)) / scale
  // Is 0.ddd… ≥ (q + 1) / unit? Compare digit by digit with that quotient's expansion.
  let rest = q + 1
  for (let j = start; j < end; j++) {
    rest *= 10
    const expected = Math.floor(rest / unit)
    rest -= expected * unit
    const d = digitAt(s, j)
    if (d !== expected) return d > expected ? q + 1 : q
  }
  return rest === 0 ? q + 1 : q
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** ISO weekday (1 = Monday … 7 = Sunday) of 1 January of `year`. */
function isoWeekdayOfJan1(year: number): number {
  const days = Math.floor((utcSeconds(year, 1, 1, 0, 0, 0, 0) ?? 0) / 86400)
  const weekday = (((days + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday (4; Sunday 0)
  return weekday === 0 ? 7 : weekday
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday. */
function weeksInYear(year: number): number {
  const jan1 = isoWeekdayOfJan1(year)
  return jan1 === 4 || (jan1 === 3 && isLeapYear(year)) ? 53 : 52
}

/** Day of `year` (1 = 1 January; may be ≤ 0 or past the year's end) of an ISO week date. */
function weekDateOrdinal(year: number, week: number, weekday: number): number {
  // Week 1 is the one with 4 January, i.e. the first with a Thursday.
  const jan4 = ((isoWeekdayOfJan1(year) + 2) % 7) + 1
  return week * 7 + weekday - (jan4 + 3)
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function pad4(n: number): string {
  return String(n).padStart(4, '0')
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
  if (month === 2) return isLeapYear(year) ? 29 : 28
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
