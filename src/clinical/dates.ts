/**
 * Date helpers for the engine.
 *
 * The engine works on whole calendar days as integers ("day numbers": days since 1970-01-01, UTC). Why:
 * FHIR dates carry no time zone semantics for our purposes, day arithmetic on integers is exact (no DST or
 * local-time shifts, which date-fns' local-time functions would introduce in a browser west of UTC), and
 * it is fast: a 5,000-resource record parses thousands of dates, and population mode millions, so parsing and
 * formatting use integer calendar arithmetic (days-from-civil) instead of Date objects or date-fns.
 */

/** Days since 1970-01-01 (UTC). */
export type Day = number;

/** Years outside this range are treated as data errors ("absurd date"), not as real dates. */
const EARLIEST_PLAUSIBLE_YEAR = 1900;
const LATEST_PLAUSIBLE_YEAR = 2200;

export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedDate {
  day: Day;
  precision: DatePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** FHIR dateTime: a date, then optionally a time with seconds/fraction and zone (the zone is required by FHIR but often missing). */
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * Parses a FHIR date or dateTime ("2025", "2025-03", "2025-03-01", "2025-03-01T10:00:00Z") to its calendar day.
 * A dateTime's calendar day is the one written in it (the clinician's local day), not its UTC day.
 * Partial dates fall on the first day of the month/year and say so through `precision`.
 * Returns null for anything that is not a plausible date (wrong type, malformed, year 0001 or 9999).
 */
export function parseFhirDate(value: unknown): ParsedDate | null {
  if (typeof value !== 'string') return null;
  let year: number;
  let month: number;
  let dayOfMonth: number;
  let precision: DatePrecision;
  if (value.length === 10 && value.charCodeAt(4) === HYPHEN && value.charCodeAt(7) === HYPHEN) {
    // The common "YYYY-MM-DD", read digit by digit: what DATE_RE accepts, without a match array per date.
    year = digitsAt(value, 0, 4);
    month = digitsAt(value, 5, 2);
    dayOfMonth = digitsAt(value, 8, 2);
    if (year < 0 || month < 0 || dayOfMonth < 0) return null;
    precision = 'day';
  } else if (isCommonDateTime(value)) {
    // "YYYY-MM-DDThh:mm:ssZ" or "...+hh:mm", as EHR exports write nearly every dateTime: what DATETIME_RE accepts
    // of that shape, digit by digit (the regex's match array per date was most of a record's date-parsing time).
    year = digitsAt(value, 0, 4);
    month = digitsAt(value, 5, 2);
    dayOfMonth = digitsAt(value, 8, 2);
    precision = 'day';
  } else {
    const m = value.length > 10 ? DATETIME_RE.exec(value) : DATE_RE.exec(value);
    if (!m) return null;
    year = Number(m[1]);
    month = m[2] === undefined ? 1 : Number(m[2]);
    dayOfMonth = m[3] === undefined ? 1 : Number(m[3]);
    precision = m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
  }
  if (year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR) return null;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  if (dayOfMonth > daysInMonth(year, month)) return null; // 2025-02-31 and the like
  return { day: daysFromCivil(year, month, dayOfMonth), precision };
}

const HYPHEN = 45;
const COLON = 58;

/** Two ASCII digits at `from` that make a number from 0 to `max`. */
function twoDigitsUpTo(text: string, from: number, max: number): boolean {
  const n = digitsAt(text, from, 2);
  return n >= 0 && n <= max;
}

/** A dateTime "YYYY-MM-DDThh:mm:ss" with "Z" or a "+hh:mm"/"-hh:mm" zone, as DATETIME_RE reads that shape. */
function isCommonDateTime(v: string): boolean {
  const zone = v.length === 20 ? v.charCodeAt(19) === 90 /* Z */ : v.length === 25 && (v.charCodeAt(19) === 43 || v.charCodeAt(19) === HYPHEN) && twoDigitsUpTo(v, 20, 23) && v.charCodeAt(22) === COLON && twoDigitsUpTo(v, 23, 59);
  return (
    zone &&
    digitsAt(v, 0, 4) >= 0 &&
    v.charCodeAt(4) === HYPHEN &&
    digitsAt(v, 5, 2) >= 0 &&
    v.charCodeAt(7) === HYPHEN &&
    digitsAt(v, 8, 2) >= 0 &&
    v.charCodeAt(10) === 84 /* T */ &&
    twoDigitsUpTo(v, 11, 23) &&
    v.charCodeAt(13) === COLON &&
    twoDigitsUpTo(v, 14, 59) &&
    v.charCodeAt(16) === COLON &&
    twoDigitsUpTo(v, 17, 59)
  );
}

/** The number written by `count` ASCII digits at `from`, or -1 if any of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of a date string, or null. */
export function toDay(value: unknown): Day | null {
  return parseFhirDate(value)?.day ?? null;
}

/**
 * civil_from_days (H. Hinnant) up to the day of a year counted from March: `yearFromMarch * 1000 + dayOfYear`, packed in
 * one number so that the callers, run for every date in the output, build no object.
 */
function marchYearAndDay(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return (yoe + era * 400) * 1000 + doy;
}

/** ISO calendar date ("2025-03-01") of a day number, formatted by hand. */
export function isoDate(day: Day): string {
  const packed = marchYearAndDay(day);
  const marchYear = Math.floor(packed / 1000);
  const doy = packed - marchYear * 1000;
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = marchYear + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The calendar year of a day number, without building the date's text. */
export function yearOf(day: Day): number {
  const packed = marchYearAndDay(day);
  const marchYear = Math.floor(packed / 1000);
  // Months are counted from March: January and February (from day 306 of the March year) belong to the next calendar year.
  return marchYear + (packed - marchYear * 1000 >= 306 ? 1 : 0);
}

/** The asOf option as a day number; throws on a malformed asOf because that is a caller error, not data. */
export function asOfDay(asOf: string): Day {
  const d = toDay(asOf);
  if (d === null) throw new Error(`asOf is not a valid date: ${String(asOf)}`);
  return d;
}

/** Whole years from one day to a later one (birthdays counted on the calendar: 29 February turns on 1 March). */
export function wholeYearsBetween(from: Day, to: Day): number {
  const [a, b] = [isoDate(from), isoDate(to)];
  const years = Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  return b.slice(5) < a.slice(5) ? years - 1 : years;
}

/**
 * Age in whole years on `on` of a FHIR birthDate ("1980", "1980-05", "1980-05-17"); null when either date is unreadable
 * or the age is not a plausible one (negative, 150 or more). The engine's demographics and the page's banner both use it.
 */
export function ageInYears(birthDate: string | null | undefined, on: string): number | null {
  const b = !birthDate || birthDate.length > 10 ? null : toDay(birthDate);
  const d = toDay(on);
  if (b === null || d === null) return null;
  const years = wholeYearsBetween(b, d);
  return years >= 0 && years < 150 ? years : null;
}

/** Whole months between two days (30.44-day months), for episode durations. */
export function monthsBetween(from: Day, to: Day): number {
  return Math.floor((to - from) / 30.4375);
}

/** Days in a FHIR Duration / Quantity of time ("30 d", "4 wk", "1 mo"), or null when not a time quantity. */
export function durationDays(q: { value?: unknown; unit?: unknown; code?: unknown } | undefined): number | null {
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0) return null;
  const named = q.code ?? q.unit ?? 'd';
  const unit = (typeof named === 'string' ? named : '').toLowerCase();
  const factor =
    unit === 'd' || unit.startsWith('day')
      ? 1
      : unit === 'wk' || unit.startsWith('week')
        ? 7
        : unit === 'mo' || unit.startsWith('month')
          ? 30
          : unit === 'a' || unit.startsWith('year')
            ? 365
            : unit === 'h' || unit.startsWith('hour')
              ? 1 / 24
              : null;
  if (factor === null) return null;
  return Math.max(1, Math.round(q.value * factor));
}
