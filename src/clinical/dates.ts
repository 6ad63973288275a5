/**
 * Date helpers for the engine.
 *
 * The engine works on whole calendar days as integers ("day numbers": days since 1970-01-01, UTC). Why:
 * FHIR dates carry no time zone semantics for our purposes, day arithmetic on integers is exact (no DST or
 * local-time shifts, which date-fns' local-time functions would introduce in a browser west of UTC), and
 * it is fast enough for 5,000-resource records. date-fns is used for validation of dateTime strings.
 */
import { isValid, parseISO } from 'date-fns';

/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Years outside this range are treated as data errors ("absurd date"), not as real dates. */
const EARLIEST_PLAUSIBLE_YEAR = 1900;
const LATEST_PLAUSIBLE_YEAR = 2200;

export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedDate {
  day: Day;
  precision: DatePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * Parses a FHIR date or dateTime ("2025", "2025-03", "2025-03-01", "2025-03-01T10:00:00Z") to its calendar day.
 * A dateTime's calendar day is the one written in it (the clinician's local day), not its UTC day.
 * Partial dates fall on the first day of the month/year and say so through `precision`.
 * Returns null for anything that is not a plausible date (wrong type, malformed, year 0001 or 9999).
 */
export function parseFhirDate(value: unknown): ParsedDate | null {
  if (typeof value !== 'string') return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const dayOfMonth = m[3] === undefined ? 1 : Number(m[3]);
  if (year < EARLIEST_PLAUSIBLE_YEAR || year > LATEST_PLAUSIBLE_YEAR) return null;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  if (value.length > 10 && !isValid(parseISO(value))) return null;
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  // Reject 2025-02-31 and the like (Date.UTC would roll it over to March).
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) return null;
  const precision: DatePrecision = m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
  return { day: Math.floor(ms / MS_PER_DAY), precision };
}

/** Day number of a date string, or null. */
export function toDay(value: unknown): Day | null {
  return parseFhirDate(value)?.day ?? null;
}

/** ISO calendar date ("2025-03-01") of a day number. */
export function isoDate(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The asOf option as a day number; throws on a malformed asOf because that is a caller error, not data. */
export function asOfDay(asOf: string): Day {
  const d = toDay(asOf);
  if (d === null) throw new Error(`asOf is not a valid date: ${String(asOf)}`);
  return d;
}

export function weeks(days: number): number {
  return days / 7;
}

/** "10 weeks", "4 weeks", "5 days": whole weeks for durations of two weeks or more. */
export function describeDuration(days: number): string {
  if (days >= 14) {
    const w = Math.floor(days / 7);
    return `${w} weeks`;
  }
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Whole months between two days (30.44-day months), for episode durations. */
export function monthsBetween(from: Day, to: Day): number {
  return Math.floor((to - from) / 30.4375);
}

/** Days in a FHIR Duration / Quantity of time ("30 d", "4 wk", "1 mo"), or null when not a time quantity. */
export function durationDays(q: { value?: unknown; unit?: unknown; code?: unknown } | undefined): number | null {
  if (!q || typeof q.value !== 'number' || !Number.isFinite(q.value) || q.value <= 0) return null;
  const unit = String(q.code ?? q.unit ?? 'd').toLowerCase();
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
