import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { durationDays, isoDate, parseFhirDate, toDay, wholeYearsBetween, yearOf } from '../../../src/clinical/dates';

describe('dates: FHIR date parsing by calendar day', () => {
  it('round-trips every day from 1900 to 2150 against Date', () => {
    for (let d = -25567; d < 65000; d += 37) expect(isoDate(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    expect(toDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });
  it('yearOf gives the calendar year of every day from 1887 to 2243, New Year and leap days included', () => {
    for (let d = -30681; d < 99000; d++) expect(yearOf(d)).toBe(new Date(d * 86_400_000).getUTCFullYear());
  });
  it("a dateTime's day is the day written in it, whatever its zone", () => {
    expect(isoDate(toDay('2025-06-01T23:30:00-08:00')!)).toBe('2025-06-01');
  });
  it('partial dates keep their precision; impossible and absurd dates are rejected', () => {
    expect(parseFhirDate('2025')?.precision).toBe('year');
    expect(parseFhirDate('2025-06')?.precision).toBe('month');
    for (const bad of ['2025-02-29', '2025-13-01', '0001-01-01', '9999-12-31', '2025-06-01T25:00:00Z', 'yesterday', 20250601, null]) expect(parseFhirDate(bad)).toBeNull();
  });
  it('2025-02-31 is no date (not 3 March): the one parser every part of the engine uses rejects it', () => {
    expect(toDay('2025-02-31')).toBeNull();
    expect(toDay('2025-02-31T10:00:00Z')).toBeNull();
    expect(toDay('2025-03-03')).not.toBeNull();
  });
  it('whole years count a birthday only once it is reached', () => {
    expect(wholeYearsBetween(toDay('1980-05-17')!, toDay('2026-05-16')!)).toBe(45);
    expect(wholeYearsBetween(toDay('1980-05-17')!, toDay('2026-05-17')!)).toBe(46);
    expect(wholeYearsBetween(toDay('2000-02-29')!, toDay('2021-02-28')!)).toBe(20);
    expect(wholeYearsBetween(toDay('2000-02-29')!, toDay('2021-03-01')!)).toBe(21);
  });
  it('durations in days, weeks and months', () => {
    expect(durationDays({ value: 30, unit: 'days' })).toBe(30);
    expect(durationDays({ value: 4, code: 'wk' })).toBe(28);
    expect(durationDays({ value: 1, code: 'mo' })).toBe(30);
    expect(durationDays({ value: -1, code: 'd' })).toBeNull();
    expect(durationDays({ value: 2, unit: 'furlongs' })).toBeNull();
  });
});

/** The day number of a matched year, month and day, or null outside 1900-2200 or for a date the calendar lacks. */
function dayByCalendar(m: RegExpExecArray): number | null {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1) return null;
  return Math.round(probe.getTime() / 86_400_000);
}

describe('parseFhirDate: the digit-by-digit path for "YYYY-MM-DD" agrees with the FHIR date pattern', () => {
  /** The pattern-only reading of a full date, as the general path reads it. */
  const byPattern = (v: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m ? dayByCalendar(m) : null;
  };
  it('on any ten characters of digits, hyphens and look-alikes', () => {
    const char = fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', '٣', 'a');
    fc.assert(
      fc.property(fc.array(char, { minLength: 10, maxLength: 10 }), fc.integer({ min: 1900, max: 2200 }), (chars, year) => {
        const text = chars.join('');
        const dated = `${year}-${text.slice(5, 7)}-${text.slice(8, 10)}`;
        for (const v of [text, dated]) expect(parseFhirDate(v)?.day ?? null).toBe(byPattern(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseFhirDate: the digit-by-digit path for "YYYY-MM-DDThh:mm:ss" with a zone agrees with the FHIR dateTime pattern', () => {
  /** The pattern-only reading of a dateTime's day, as the general path reads it. */
  const byPattern = (v: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/.exec(v);
    return m ? dayByCalendar(m) : null;
  };
  it('on dateTimes with one to three characters changed', () => {
    const char = fc.constantFrom('0', '1', '2', '3', '5', '6', '9', '-', '+', ':', 'T', 'Z', 'z', '.', ' ', '٣');
    const shapes = ['2000-06-21T08:50:00Z', '2024-02-29T23:59:59+05:30', '1999-12-31T00:00:00-12:00', '2023-02-28T12:00:00Z'];
    fc.assert(
      fc.property(fc.constantFrom(...shapes), fc.array(fc.tuple(fc.nat(24), char), { minLength: 1, maxLength: 3 }), (shape, changes) => {
        const chars = shape.split('');
        for (const [at, c] of changes) chars[at % chars.length] = c;
        const v = chars.join('');
        expect(parseFhirDate(v)?.day ?? null).toBe(byPattern(v));
      }),
      { numRuns: 5000 },
    );
    for (const v of ['2025-06-01T24:00:00Z', '2025-06-01T23:60:00Z', '2025-06-01T23:00:60Z', '2025-06-01T23:00:00+24:00', '2025-06-01T23:00:00z', '2025-02-29T10:00:00Z'])
      expect(parseFhirDate(v), v).toBeNull();
    expect(parseFhirDate('2025-06-01T23:59:59-03:30')).toEqual({ day: toDay('2025-06-01'), precision: 'day' });
  });
});
