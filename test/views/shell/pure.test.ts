/** Pure helpers of the shell: asOf/age, plain-words read problems, loading summary, error classification. */
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/views/shell/calendar';
import { ageInYears } from '../../../src/clinical/dates';
import { failureReason, loadingSummary, readProblems } from '../../../src/views/shell/read-status';
import { explainError } from '../../../src/views/shell/explain-error';
import { displayName } from '../../../src/views/shell/PatientBanner';
import { query } from './fakes';

describe('dates', () => {
  it('uses the local calendar date, not UTC, for asOf', () => {
    // 23:30 local time on 31 Dec stays 31 Dec whatever the offset.
    expect(localIsoDate(new Date(2026, 11, 31, 23, 30))).toBe('2026-12-31');
    expect(localIsoDate(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });

  it('computes whole years of age, before and after the birthday', () => {
    expect(ageInYears('1980-05-17', '2026-05-16')).toBe(45);
    expect(ageInYears('1980-05-17', '2026-05-17')).toBe(46);
    expect(ageInYears('1980', '2026-01-01')).toBe(46);
    expect(ageInYears(undefined, '2026-01-01')).toBeNull();
    expect(ageInYears('not a date', '2026-01-01')).toBeNull();
    expect(ageInYears('2030-01-01', '2026-01-01')).toBeNull();
  });
});

describe('patient name', () => {
  it('prefers the official name and falls back to text', () => {
    expect(displayName({ resourceType: 'Patient', name: [{ use: 'old', family: 'Old' }, { use: 'official', given: ['A', 'B'], family: 'C' }] })).toBe('A B C');
    expect(displayName({ resourceType: 'Patient', name: [{ text: 'Dr. X' }] })).toBe('Dr. X');
    expect(displayName({ resourceType: 'Patient' })).toBe('Name not recorded');
    expect(displayName(null)).toBe('Name not recorded');
  });
});

describe('read problems', () => {
  it('prefixes the HTTP status unless the reason already names it', () => {
    expect(failureReason(query('X', { status: 'failed', httpStatus: 403, error: 'scope not granted' }))).toBe('403, scope not granted');
    expect(failureReason(query('X', { status: 'failed', httpStatus: 404, error: '404: type not supported' }))).toBe('404: type not supported');
    expect(failureReason(query('X', { status: 'failed' }))).toBe('no reason given');
  });

  it('has one sentence per failed or partial query and none for complete ones', () => {
    expect(
      readProblems([
        query('MedicationRequest'),
        query('MedicationDispense', { status: 'failed', httpStatus: 403, error: 'scope not granted' }),
        query('Observation', { status: 'partial', count: 20, pages: 2, error: 'page 3 was not valid JSON' }),
      ]),
    ).toEqual([
      'MedicationDispense could not be read: 403, scope not granted.',
      'Observation was read only in part (20 kept from 2 pages): page 3 was not valid JSON.',
    ]);
  });

  it('summarises loading: pending types once each, resources so far', () => {
    const summary = loadingSummary([
      query('Observation', { status: 'pending', count: 5 }),
      query('Observation', { status: 'done', count: 7, query: 'Observation?category=survey' }),
      query('Condition', { status: 'done', count: 2 }),
    ]);
    expect(summary).toEqual({ pendingTypes: ['Observation'], finishedTypes: ['Condition'], resourcesSoFar: 14 });
  });
});

describe('error classification (fallback when the FHIR layer has none)', () => {
  it.each([
    ["No 'state' parameter found. Please (re)launch the app.", 'no-launch-state'],
    ['No state found! Please (re)launch the app.', 'no-launch-state'],
    ['access_denied: End-User aborted interaction', 'access-denied'],
    ['invalid_request: launch is unknown', 'oauth-error'],
    ['FHIR server answered 401', 'session-expired'],
    ['Something odd', 'unexpected'],
  ])('%s -> %s', (message, kind) => {
    expect(explainError(new Error(message)).kind).toBe(kind);
  });

  it('keeps the server text as detail for OAuth errors', () => {
    expect(explainError(new Error('invalid_request: launch is unknown')).detail).toBe('invalid_request: launch is unknown');
  });

  it('classifies by error name too', () => {
    expect(explainError(Object.assign(new Error('x'), { name: 'SessionExpiredError' })).kind).toBe('session-expired');
    expect(explainError('a string').kind).toBe('unexpected');
    expect(explainError(undefined).detail).toBeUndefined();
  });
});
