/**
 * Date values → integer unix seconds.
 *
 * Every string format is matched by one of the regular expressions below, never by
 * `Date.parse` / `new Date(string)`: those accept different inputs on different engines
 * and read zone-less text in the host zone. `Date.UTC` only does the calendar arithmetic,
 * so nothing here depends on the host zone.
 */
import { DIGIT_0, isDigit } from '../_lib/char-codes.js'
import type { Warning } from '../types.js'
import { warn } from '../warnings.js'

/** ECMAScript time values are limited to ±8.64e15 ms (±8.64e12 s): beyond, nothing is a date. */
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
/** The mean Gregorian year in ms: 146097 days per 400 years. */
const MS_PER_YEAR = 31556952000

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
 * - a valid `Date`, by its own time value (also from another realm, whatever its `getTime`
 *   or `Symbol.toStringTag` say); other objects, look-alikes included, are no date;
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
 * leap years included). Text is not trimmed. Instants outside the ECMAScript date range
 * (±8.64e12 s, offsets applied) are `undefined`. Rounding is a floor, also before 1970.
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
 * readDate('1522086291') // { seconds: 1522086291, guess: '"1522086291" is no ISO 8601 date; …' }
 */
export function readDate(value: unknown): DateReading | undefined {
  if (typeof value === 'string') {
    // A digit string that is no ISO 8601 date is read like the number it spells, as a guess.
    return (
      fromCanonical(value) ??
      fromIso(value) ??
      (/^-?\d+$/.test(value) ? fromNumber(+value, value) : fromText(value))
    )
  }
  if (typeof value === 'number') return fromNumber(value)
  return fromDateObject(value)
}

/**
 * {@link readDate} for a field at `path`: the unix seconds, with an `ambiguous_date`
 * warning when the reading was a guess. `undefined` (not warned: the caller says what it
 * does without the date) when the value is not a date.
 */
export function dateSeconds(value: unknown, path: string, warnings: Warning[]): number | undefined {
  const r = readDate(value)
  if (r?.guess) warn(warnings, 'ambiguous_date', path, r.guess)
  return r?.seconds
}

function fromDateObject(value: unknown): DateReading | undefined {
  // Date's own getTime reads the time value of any Date (from another realm too, whatever
  // its Symbol.toStringTag says) and throws for every other value, look-alikes included.
  let ms = Number.NaN // stays NaN when getTime throws
  try {
    ms = Date.prototype.getTime.call(value)
  } catch {}
  return Number.isNaN(ms) ? undefined : { seconds: msToSeconds(ms) }
}

/** A number read as epoch seconds or milliseconds; `digits` is the digit string it was. */
function fromNumber(n: number, digits?: string): DateReading | undefined {
  const a = Math.abs(n)
  if (!(a <= MAX_MS)) return undefined // also NaN and ±Infinity
  const ms = a >= MS_THRESHOLD
  const seconds = ms ? msToSeconds(n) : Math.floor(n) + 0 // `+ 0` turns -0 into 0
  const near1970 = a < PLAIN_SECONDS_MIN
  const plain = ms ? a < PLAIN_MS_MAX : !near1970 && a < PLAIN_SECONDS_MAX
  if (plain && !digits) return { seconds }
  const iso = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')
  const read = `read as epoch ${ms ? 'milliseconds' : 'seconds'} (${iso})`
  const why = `${near1970 ? 'near 1970' : 'this large'} it may be ${ms ? 'microseconds' : 'milliseconds'}`
  return {
    seconds,
    guess: digits ? `"${digits}" is no ISO 8601 date; ${read}` : `${n} ${read}; ${why}`,
  }
}

/**
 * Floor division by 1000, exact: the quotient of a whole number of ms within the Date
 * range is off by less than 0.0005 and so never rounds onto a whole number. (Never -0:
 * a Date's time value is not, and epoch milliseconds are at least 1e11 away from 0.)
 */
function msToSeconds(ms: number): number {
  return Math.floor(Math.floor(ms) / 1000)
}

// ---------------------------------------------------------------------------------------
// ISO 8601 / RFC 3339

/**
 * The ISO 8601 forms, extended (`-`, `:`) or basic. Groups: 1 year (`YYYY` or `±YYYYYY`,
 * but `-000000` is no year), 2 the date separator (`-` or none), then the date: 3 month
 * and 4 day, or 5 ordinal day, or 6 week and 7 weekday; a year-month or a week without a
 * day ends the text (a time needs a complete date). Then the time after `T`, `t` or a
 * space: 8 hour, 9 the time separator (`:` or none), 10 minute, 11 second, 12 the fraction
 * of the last part given, 13 the zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`).
 */
const ISO =
  /^(?!-0{6})([+-]\d{6}|\d{4})(?:(-?)(?:(\d\d)(?:\2(\d\d)|$)|(\d{3})|W(\d\d)(?:\2([1-7])|$))(?:[Tt ](\d\d)(?:(:?)(\d\d)(?:\9(\d\d))?)?(?:[.,](\d+))?([Zz]|[+-]\d\d(?::?\d\d)?)?)?)?$/

/**
 * The form every Segment library sends, `Date.prototype.toISOString()` text
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`, or without the milliseconds), read by position: a match
 * with captures costs more than the rest of a page event's mapping. `undefined` for any
 * other text, and for anything unusual in this shape (a year before 100, 24:00, a leap
 * second), which {@link fromIso} then reads.
 */
function fromCanonical(s: string): DateReading | undefined {
  const n = s.length
  if (n !== 24 && n !== 20) return undefined
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return
  if (s[n - 1] !== 'Z' || (n === 24 && (s[19] !== '.' || digitsAt(s, 20, 3) < 0))) return
  const year = digitsAt(s, 0, 4)
  const month = digitsAt(s, 5, 2)
  const day = digitsAt(s, 8, 2)
  const hour = digitsAt(s, 11, 2)
  const minute = digitsAt(s, 14, 2)
  const second = digitsAt(s, 17, 2)
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return
  return { seconds: Date.UTC(year, month - 1, day, hour, minute, second) / 1000 }
}

/** The number `s` spells in `k` digits from `i`; -1 when one of them is no digit. */
function digitsAt(s: string, i: number, k: number): number {
  let v = 0
  for (let j = i; j < i + k; j++) {
    const c = s.charCodeAt(j)
    if (!isDigit(c)) return -1
    v = v * 10 + c - DIGIT_0
  }
  return v
}

function fromIso(s: string): DateReading | undefined {
  const m = ISO.exec(s)
  if (!m) return undefined
  // Indexed, not destructured: destructuring walks the match's iterator, slowly.
  const y = m[1] ?? '' // for the type: the year is never absent
  const sep = m[2]
  const mo = m[3]
  const d = m[4]
  const ordinal = m[5]
  const week = m[6]
  const weekday = m[7] ?? 1
  const h = m[8] ?? 0
  const mi = m[10] ?? 0
  const sec = m[11] ?? 0
  const fraction = m[12] ?? ''
  const zone = m[13] ?? 'Z'
  const year = +y
  const month = +(mo ?? 1)
  const hour = +h
  // Week 1 is the one with 4 January. A week date is checked by its Thursday, which is a
  // day (1–365/366) of the week-numbering year: week 53 only where the year has one.
  const checked = week
    ? 7 * +week + 1 - (shifted(year, 0, 4).getUTCDay() || 7)
    : +(d ?? ordinal ?? 1)
  const last = mo ? daysInMonth(year, month) : daysInMonth(year, 2) + 337
  if (month < 1 || month > 12 || checked < 1 || checked > last) return undefined
  // Past 23 only 24:00:00.000…, the end of the day: from the 24 on, no digit but 0.
  if (hour > 23 && /[1-9]/.test(`${hour - 24}${mi}${sec}${fraction}`)) return undefined
  // A fraction of a second is floored away; of an hour or a minute it is whole seconds:
  // floor(unit × 0.ddd…) by long multiplication from the last digit, exact at any length.
  const unit = m[11] ? 1 : m[10] ? 60 : 3600
  const extra =
    unit === 1 || !fraction
      ? 0
      : [...fraction].reduceRight((c, digit) => Math.floor((+digit * unit + c) / 10), 0)
  const day = week ? checked + +weekday - 4 : checked
  const r = utc(year, month, day, hour, +mi, +sec, zoneOffset(zone), extra)
  if (r && !sep && mo && !d) {
    r.guess = `"${s}" read as the year-month ${y}-${mo} (as Segment's isodate does); it could be YYMMDD`
  }
  return r
}

// ---------------------------------------------------------------------------------------
// Date.prototype.toString(), toUTCString(), RFC 7231 and RFC 2822 text

const WEEKDAY = '(?:sun|mon|tue|wed|thu|fri|sat)'
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'
/**
 * `Date.prototype.toString()` text, `Www Mmm DD YYYY HH:MM:SS GMT±HHMM[ (Zone name)]`
 * (groups 1 month, 2 day), or RFC 2822 / `toUTCString()` text, `[Www, ]D[D] Mmm YYYY
 * HH:MM[:SS] zone` (groups 3 day, 4 month); then 5 year, 6 hour, 7 minute, 8 second and
 * 9 the zone. `GMT±HHMM…` is the zone of toString() text (which has seconds) only.
 */
const TEXT = new RegExp(
  `^(?:${WEEKDAY} (${MONTHS}) (\\d\\d?)|(?:${WEEKDAY}, )?(\\d\\d?) (${MONTHS})) (-?\\d{4,6}) (\\d\\d):(\\d\\d)(?::(\\d\\d))? (gmt[+-]\\d{4}(?: \\([^()]+\\))?|utc?|gmt|[ecmp][sd]t|[+-]\\d{4})$`,
  'i',
)

function fromText(s: string): DateReading | undefined {
  const m = TEXT.exec(s)
  if (!m) return undefined
  // Indexed, not destructured: destructuring walks the match's iterator, slowly.
  const toStringMonth = m[1]
  const day = m[3] ?? m[2] ?? 0 // the 0s are for the type: one of these groups is there
  const monthName = m[4] ?? toStringMonth ?? ''
  const year = m[5] ?? 0
  const hour = m[6] ?? 0
  const minute = m[7] ?? 0
  const second = m[8] ?? 0 // so `!second` says it is absent (given, it is a non-empty text)
  const zone = m[9] ?? ''
  // toString() text has seconds and a `GMT±HHMM…` zone, the only zone longer than five
  // characters; RFC 2822 text never has that zone.
  if (!toStringMonth === zone.length > 5 || (toStringMonth && !second)) return undefined
  const month = MONTHS.indexOf(monthName.toLowerCase()) / 4 + 1
  if (+day < 1 || +day > daysInMonth(+year, month) || +hour > 23) return undefined
  return utc(+year, month, +day, +hour, +minute, +second, zoneOffset(zone))
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/**
 * Minutes east of UTC of a zone the patterns matched: `±hh[[:]mm]` (`NaN` past 23:59), `Z`,
 * `UT`, `UTC`, `GMT`, or an obsolete North-American zone of RFC 2822 §4.3: `EST`, `CST`,
 * `MST`, `PST` are 5 to 8 hours west of UTC, their daylight `EDT` … `PDT` one hour less.
 */
const isSign = (c: string | undefined) => c === '+' || c === '-'

function zoneOffset(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0 // the usual zone, and the default
  // Read by position (the patterns checked the digits): the sign is first, or follows
  // `GMT` in toString() text; then `hh`, and `mm` after an optional colon.
  const at = isSign(zone[0]) ? 0 : isSign(zone[3]) ? 3 : -1
  if (at >= 0) {
    const hh = +zone.slice(at + 1, at + 3)
    const from = zone[at + 3] === ':' ? at + 4 : at + 3
    const mm = +zone.slice(from, from + 2)
    // The sign is the whole offset's: -05:30 is -330 minutes.
    return hh > 23 || mm > 59 ? NaN : (zone[at] === '-' ? -1 : 1) * (hh * 60 + mm)
  }
  const west = 'ECMP'.indexOf(zone.charAt(0).toUpperCase()) + 5 // 4 for UT, UTC, GMT and Z
  // Of the names, only the daylight ones have a D.
  return west > 4 ? (/d/i.test(zone) ? 1 - west : -west) * 60 : 0
}

/**
 * A day of `year` at the same place of the 400-year cycle (146097 days, whole weeks) in
 * 1600–2399, for its weekday or its month's length: `Date.UTC` reads the years 0–99 as
 * 1900–1999, and this works for years outside the Date range too.
 */
function shifted(year: number, month: number, day: number): Date {
  return new Date(Date.UTC((year % 400) + 2000, month, day))
}

/** Days in `month` (1–12) of `year`: arithmetic, as this runs for every date read. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  // 31 and 30 alternate from January, and again from August.
  return 30 + ((month + (month >> 3)) & 1)
}

/**
 * Unix seconds of wall-clock fields at `offset` minutes east of UTC, plus `extra` seconds
 * (a fraction of an hour or a minute); `undefined` when the minute, the second (60 is a
 * leap second, read as 59) or the offset is out of range (`NaN`), or the instant is outside
 * the Date range. The callers check the day and the hour.
 */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offset: number,
  extra = 0,
): DateReading | undefined {
  if (minute > 59 || second > 60) return undefined
  // In the cycle in 1600–2399 (see `shifted`), then whole cycles back: exact integers < 2^53.
  const cycle = (year % 400) + 2000
  const ms =
    Date.UTC(cycle, month - 1, day, hour, minute - offset, Math.min(second, 59) + extra) +
    (year - cycle) * MS_PER_YEAR
  return Math.abs(ms) <= MAX_MS ? { seconds: ms / 1000 } : undefined // also NaN
}
