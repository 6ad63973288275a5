/**
 * The scale table (src/clinical/terminology/scales.ts) is the one place a scale's codes, range and thresholds live:
 * recognition, the FHIR searches and outcome judgement all read it. These tests hold the table to that.
 */
import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import {
  BLOOD_PRESSURE_LOINC,
  classifyObservation,
  DRUG_LEVEL_LOINC,
  instrumentOf,
  observationNotUsedReason,
  SCALE_TABLE,
  SCORE_CHART_RANGES,
  SCORE_RANGES,
  scaleThresholds,
} from '../../../src/clinical/terminology';
import { plannedSearches } from '../../../src/fhir/queries';

const LOINC = 'http://loinc.org';
const LOCAL = 'http://example.org/trd-timeline/CodeSystem/scales';
const observation = (system: string, code: string, value: number): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system, code }] },
  effectiveDateTime: '2025-01-01',
  valueQuantity: { value },
});

describe('scale table', () => {
  it('maps no code to two scales (LOINC codes, local codes, and none shared with blood pressure)', () => {
    const owners = new Map<string, string[]>();
    const own = (key: string, instrument: string) => owners.set(key, [...(owners.get(key) ?? []), instrument]);
    for (const s of SCALE_TABLE) {
      for (const c of s.loinc) own(`${LOINC}|${c.code}`, s.instrument);
      for (const c of s.localCodes) own(`${LOCAL}|${c}`, s.instrument);
    }
    for (const b of BLOOD_PRESSURE_LOINC) own(`${LOINC}|${b.code}`, 'blood pressure');
    for (const l of DRUG_LEVEL_LOINC) own(`${LOINC}|${l.code}`, `${l.ingredient} level`);
    const shared = [...owners].filter(([, instruments]) => instruments.length > 1);
    expect(shared).toEqual([]);
    expect(new Set(SCALE_TABLE.map((s) => s.instrument)).size).toBe(SCALE_TABLE.length);
  });

  it('recognises every code of a row as that row\'s scale, with the code\'s own rule for LOINC', () => {
    for (const s of SCALE_TABLE) {
      for (const c of s.loinc) expect(instrumentOf({ coding: [{ system: LOINC, code: c.code }] }), c.code).toEqual({ instrument: s.instrument, rule: c.rule });
      for (const c of s.localCodes) expect(instrumentOf({ coding: [{ system: LOCAL, code: c }] })?.instrument, c).toBe(s.instrument);
    }
  });

  it('gives every LOINC code a display and a recognition rule with a source and a verification tag', () => {
    for (const c of SCALE_TABLE.flatMap((s) => s.loinc)) {
      expect(c.display, c.code).not.toBe('');
      expect(c.rule.source, c.code).not.toBe('');
      expect(['V', 'S', 'U', 'derived']).toContain(c.rule.verification);
    }
  });

  it('searches by code for exactly the LOINC codes it recognises (every scale code, blood pressure and the drug levels)', () => {
    const search = plannedSearches('p1').find((q) => q.resourceType === 'Observation' && q.query.includes('code='))!;
    const codes = new URLSearchParams(search.query.slice(search.query.indexOf('?') + 1)).get('code')!.split(',');
    const recognised = [...SCALE_TABLE.flatMap((s) => s.loinc.map((c) => c.code)), ...BLOOD_PRESSURE_LOINC.map((b) => b.code), ...DRUG_LEVEL_LOINC.map((l) => l.code)];
    expect(codes.sort()).toEqual(recognised.map((c) => `${LOINC}|${c}`).sort());
  });

  it('charts PANSS up to 120, just above "severely ill" (about 116, Leucht 2005); every other scale over its whole valid range', () => {
    for (const s of SCALE_TABLE) {
      expect(SCORE_CHART_RANGES[s.instrument]).toEqual({ min: s.min, max: s.instrument === 'panss' ? 120 : s.max });
    }
    const panss = SCALE_TABLE.find((s) => s.instrument === 'panss')!;
    expect('chartMax' in panss && panss.chartMax?.source).toMatch(/^Leucht 2005: "severely ill" on the CGI corresponds to a PANSS total of about 116/);
  });

  it('uses each row\'s range to accept or refuse a value: the ends are used, one beyond is not', () => {
    for (const s of SCALE_TABLE) {
      const code = s.localCodes[0]!;
      expect(SCORE_RANGES[s.instrument]).toEqual({ min: s.min, max: s.max });
      expect(classifyObservation(observation(LOCAL, code, s.min)), `${s.instrument} ${s.min}`).toMatchObject({ instrument: s.instrument, value: s.min });
      expect(classifyObservation(observation(LOCAL, code, s.max)), `${s.instrument} ${s.max}`).toMatchObject({ instrument: s.instrument, value: s.max });
      expect(classifyObservation(observation(LOCAL, code, s.max + 1))).toBeNull();
      expect(observationNotUsedReason(observation(LOCAL, code, s.max + 1))).toBe(`${s.instrument} value ${s.max + 1} outside its range ${s.min}-${s.max}`);
    }
  });

  it('keeps each remission cut-off inside its scale\'s range, and thresholds only where the row has them', () => {
    for (const s of SCALE_TABLE) {
      const t = scaleThresholds(s.instrument);
      if (s.outcome === null) {
        expect(t, s.instrument).toBeNull();
        continue;
      }
      expect(t).toMatchObject({ instrument: s.instrument, min: s.min, max: s.max, remissionMax: s.outcome.remissionMax });
      if (s.outcome.remissionMax !== null) {
        expect(s.outcome.remissionMax).toBeGreaterThanOrEqual(s.min);
        expect(s.outcome.remissionMax).toBeLessThan(s.max);
      }
    }
  });
});
