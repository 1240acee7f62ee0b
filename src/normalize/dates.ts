/**
 * Date values → integer unix seconds.
 *
 * Every string format is matched by one of the regular expressions below, never by
 * `Date.parse` / `new Date(string)`: those accept different inputs on different engines
 * and read zone-less text in the host zone. `Date.UTC` only does the calendar arithmetic,
 * so nothing here depends on the host zone.
 */
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
  // Date's own getTime reads the time value of any Date (from another realm too, whatever
  // its Symbol.toStringTag says) and throws for every other object, look-alikes included.
  let ms: number
  try {
    ms = Date.prototype.getTime.call(value)
  } catch {
    return undefined
  }
  return Number.isNaN(ms) ? undefined : msToSeconds(ms)
}

/** A number read as epoch seconds or milliseconds; `digits` is the digit string it was. */
function fromNumber(n: number, digits?: string): DateReading | undefined {
  const a = Math.abs(n)
  if (!(a <= MAX_MS)) return undefined // also NaN and ±Infinity
  const ms = a >= MS_THRESHOLD
  const seconds = ms ? msToSeconds(n) : Math.floor(n) + 0 // `+ 0` turns -0 into 0
  const plain = ms ? a < PLAIN_MS_MAX : a >= PLAIN_SECONDS_MIN && a < PLAIN_SECONDS_MAX
  if (plain && digits === undefined) return { seconds }
  const read = `read as epoch ${ms ? 'milliseconds' : 'seconds'} (${new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')})`
  const why =
    a < PLAIN_SECONDS_MIN
      ? 'this close to 1970 it may be milliseconds, or not a date at all'
      : `a value this large may be ${ms ? 'microseconds' : 'milliseconds'}`
  return {
    seconds,
    guess:
      digits === undefined ? `${n} ${read}; ${why}` : `"${digits}" is no ISO 8601 date; ${read}`,
  }
}

/** Floor division by 1000 in exact integer steps (`Math.floor(ms / 1000)` can round up). */
function msToSeconds(ms: number): number {
  const whole = Math.floor(ms)
  const rest = whole % 1000
  return (whole - rest) / 1000 - (rest < 0 ? 1 : 0) + 0
}

function fromString(s: string): DateReading | undefined {
  return fromIso(s) ?? (/^-?\d+$/.test(s) ? fromNumber(Number(s), s) : exact(fromText(s)))
}

// ---------------------------------------------------------------------------------------
// ISO 8601 / RFC 3339

/**
 * The ISO 8601 forms, extended (`-`, `:`) or basic. Groups: 1 year (`YYYY` or `±YYYYYY`),
 * 2 the date separator (`-` or none), then the date: 3 month and 4 day, or 5 ordinal day,
 * or 6 week and 7 weekday; a year-month or a week without a day ends the text (a time
 * needs a complete date). Then the time after `T`, `t` or a space: 8 hour, 9 the time
 * separator (`:` or none), 10 minute, 11 second, 12 the fraction of the last part given,
 * 13 the zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`).
 */
const ISO =
  /^([+-]\d{6}|\d{4})(?:(-?)(?:(\d\d)(?:\2(\d\d)|$)|(\d{3})|W(\d\d)(?:\2([1-7])|$))(?:[Tt ](\d\d)(?:(:?)(\d\d)(?:\9(\d\d))?)?(?:[.,](\d+))?([Zz]|[+-]\d\d(?::?\d\d)?)?)?)?$/

function fromIso(s: string): DateReading | undefined {
  const m = ISO.exec(s)
  if (m === null || m[1] === '-000000') return undefined // "-000000" is not a year
  const [, y, sep, mo, d, ordinal, week, weekday = 1, h = 0, , mi = 0, sec, fraction = ''] = m
  const year = Number(y)
  const month = Number(mo ?? 1)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(sec ?? 0)
  // Week 1 is the one with 4 January; a week date is checked by its Thursday, which is in
  // the week-numbering year as a day 1–365/366 (week 53 exists only where that holds).
  const thursday = 7 * Number(week) + 1 - (shifted(year, 0, 4).getUTCDay() || 7)
  const checked = week === undefined ? Number(d ?? ordinal ?? 1) : thursday
  const last = mo === undefined ? daysInMonth(year, 2) + 337 : daysInMonth(year, month)
  const zone = zoneOffset(m[13] ?? 'Z')
  if (
    month < 1 ||
    month > 12 ||
    checked < 1 ||
    checked > last ||
    !clock(hour, minute, second, zone) ||
    // 24 only as 24:00:00.000…, the end of the day
    (hour > 23 && /[1-9]/.test(`${minute}${second}${fraction}`))
  ) {
    return undefined
  }
  const day = week === undefined ? checked : thursday + Number(weekday) - 4
  // A fraction of a second is floored away; of an hour or a minute it is whole seconds:
  // floor(unit × 0.ddd…) by long multiplication from the last digit, exact at any length.
  const unit = sec !== undefined ? 1 : m[10] !== undefined ? 60 : 3600
  const extra = [...fraction].reduceRight(
    (carry, digit) => Math.floor((+digit * unit + carry) / 10),
    0,
  )
  const base = utc(year, month, day, hour, minute, second, zone)
  if (base === undefined || base + extra > MAX_SECONDS) return undefined
  if (sep === '' && mo !== undefined && d === undefined) {
    return {
      seconds: base,
      guess: `"${s}" read as the year-month ${y}-${mo}, as Segment's isodate does; ISO 8601 has no basic year-month (it could be YYMMDD)`,
    }
  }
  return { seconds: base + extra }
}

// ---------------------------------------------------------------------------------------
// Date.prototype.toString(), toUTCString(), RFC 7231 and RFC 2822 text

const WEEKDAY = '(?:sun|mon|tue|wed|thu|fri|sat)'
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'
const YEAR_AND_TIME = ' (-?\\d{4,6}) (\\d\\d):(\\d\\d)'
/** `Www Mmm DD YYYY HH:MM:SS GMT±HHMM[ (Zone name)]`. Groups: month, day, year, hour, minute, second, zone. */
const TO_STRING = new RegExp(
  `^${WEEKDAY} (${MONTHS}) (\\d\\d?)${YEAR_AND_TIME}:(\\d\\d) gmt([+-]\\d{4})(?: \\([^()]+\\))?$`,
  'i',
)
/** `[Www, ]D[D] Mmm YYYY HH:MM[:SS] zone`. Groups: day, month, year, hour, minute, second, zone. */
const RFC_2822 = new RegExp(
  `^(?:${WEEKDAY}, )?(\\d\\d?) (${MONTHS})${YEAR_AND_TIME}(?::(\\d\\d))? (ut|utc|gmt|[ecmp][sd]t|[+-]\\d{4})$`,
  'i',
)

function fromText(s: string): number | undefined {
  const t = TO_STRING.exec(s)
  const [, a = '', b = '', year = '', hour = '', minute = '', second = 0, zone = ''] =
    t ?? RFC_2822.exec(s) ?? []
  const [name, day] = t === null ? [b, a] : [a, b]
  const month = MONTHS.indexOf(name.toLowerCase()) / 4 + 1
  const offset = zoneOffset(zone)
  if (!(+day >= 1 && +day <= daysInMonth(+year, month) && +hour <= 23)) return undefined
  if (!clock(+hour, +minute, +second, offset)) return undefined
  return utc(+year, month, +day, +hour, +minute, +second, offset)
}

// ---------------------------------------------------------------------------------------
// Shared helpers

/**
 * Minutes east of UTC of a zone the patterns above matched: `±hh[[:]mm]`, `Z`, `UT`,
 * `UTC`, `GMT`, or an RFC 2822 §4.3 North-American zone (`EST`/`EDT` … `PST`/`PDT`).
 */
function zoneOffset(zone: string): number | undefined {
  const numeric = /([+-])(\d\d):?(\d\d)?/.exec(zone)
  if (numeric !== null) {
    const [, sign, hh = '', mm = 0] = numeric
    return +hh > 23 || +mm > 59
      ? undefined
      : (sign === '-' ? -60 : 60) * +hh + (sign === '-' ? -1 : 1) * +mm
  }
  const standard = 'ECMP'.indexOf(zone.charAt(0).toUpperCase()) // 5–8 hours west
  return standard < 0 ? 0 : (/d/i.test(zone.charAt(1)) ? -4 - standard : -5 - standard) * 60
}

/** Minutes 0–59, seconds 0–60 (a leap second), hours 0–24, a known zone. */
function clock(hour: number, minute: number, second: number, zone: number | undefined): boolean {
  return hour <= 24 && minute <= 59 && second <= 60 && zone !== undefined
}

/** A date `400 × k` years away from `year`, in 2000 (same calendar, never a 0–99 year). */
function shifted(year: number, month: number, day: number): Date {
  return new Date(Date.UTC((year % 400) + 2000, month, day))
}

function daysInMonth(year: number, month: number): number {
  return shifted(year, month, 0).getUTCDate()
}

/** Unix seconds of a validated wall-clock time at `offset` minutes east of UTC. */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offset: number | undefined,
): number | undefined {
  // Date.UTC reads years 0–99 as 1900–1999: compute 400 years later (same calendar) instead.
  const early = year >= 0 && year <= 99
  const ms =
    Date.UTC(early ? year + 400 : year, month - 1, day, hour, minute, Math.min(second, 59)) -
    (early ? MS_PER_400_YEARS : 0)
  const seconds = ms / 1000 - (offset ?? 0) * 60
  return Math.abs(seconds) <= MAX_SECONDS ? seconds + 0 : undefined
}
