/**
 * Property: whatever the engine hands over (odd dates, unknown kinds, dangling trial ids, nulls), the evaluator
 * returns one explained suggestion per catalog row and never proposes an option without a sourced reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, evaluateSuggestions } from '../../../src/clinical/suggestions';
import type { ComorbidityKey, ConditionKey, Instrument, Outcome, ProcedureKind } from '../../../src/clinical/types';
import { assessment, diagnosis, record, trial } from './builder';

const conditions: ConditionKey[] = ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'];
const comorbidities: ComorbidityKey[] = [
  'substance-use', 'psychosocial-stressor', 'trauma', 'personality-disorder', 'anxiety', 'epilepsy', 'pregnancy',
  'psychotic-features', 'catatonia', 'suicidal-ideation', 'intracerebral-haemorrhage', 'aneurysm-or-avm',
  'raised-intracranial-pressure', 'recent-myocardial-infarction', 'recent-stroke', 'hypertension', 'head-implant', 'cardiac-device',
  'vagotomy', 'other',
];
const outcomes: Outcome[] = ['remission', 'response', 'partial', 'nonresponse', 'intolerance', 'ongoing', 'unknown'];
const instruments: Instrument[] = ['phq9', 'phq9-item9', 'gad7', 'ybocs'];
const procedureKinds: ProcedureKind[] = ['ect', 'tms', 'esketamine', 'ketamine', 'vns', 'dbs', 'psychotherapy', 'other'];

const date = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('', 'not a date', '2026-02-30', '2026'),
);

const trialArb = fc.record({
  ingredient: fc.constantFrom('sertraline', 'venlafaxine', 'clozapine', 'ketamine', 'risperidone', ''),
  outcome: fc.constantFrom(...outcomes),
  adequate: fc.boolean(),
  start: date,
  dose: fc.option(fc.double({ min: -10, max: 1e9, noNaN: true }), { nil: null }),
  days: fc.integer({ min: -100, max: 20_000 }),
});

const derivedArb = fc
  .record({
    trials: fc.array(trialArb, { maxLength: 8 }),
    conditions: fc.uniqueArray(fc.constantFrom(...conditions), { maxLength: 5 }),
    resistant: fc.boolean(),
    ghostIds: fc.array(fc.string(), { maxLength: 2 }),
    diagnoses: fc.array(fc.record({ kind: fc.constantFrom(...comorbidities), onset: fc.option(date, { nil: null }), status: fc.constantFrom('active', 'resolved', null, 'weird') }), { maxLength: 6 }),
    scores: fc.array(fc.record({ instrument: fc.constantFrom(...instruments), value: fc.integer({ min: -5, max: 30 }), date }), { maxLength: 5 }),
    procedures: fc.array(fc.record({ kind: fc.constantFrom(...procedureKinds), start: date }), { maxLength: 3 }),
    asOf: date,
  })
  .map((g) => {
    const trials = g.trials.map((t, i) =>
      trial(t.ingredient, { id: `t${i}`, outcome: t.outcome, adequate: t.adequate, start: t.start, maxDailyDoseMg: t.dose, durationDays: t.days }),
    );
    const assessments = g.conditions.map((condition) => {
      const a = assessment(condition, { trials, treatmentResistant: g.resistant });
      a.failedAdequateTrialIds.push(...g.ghostIds);
      return a;
    });
    return record({
      asOf: g.asOf,
      trials,
      assessments,
      diagnoses: g.diagnoses.map((d) => diagnosis(d.kind, { onset: d.onset, clinicalStatus: d.status })),
      scores: g.scores.map((s) => ({ ...s, source: 'Observation/s' })),
      procedures: g.procedures.map((p) => ({ kind: p.kind, display: '', start: p.start, end: null, source: 'Procedure/p' })),
    });
  });

describe('evaluateSuggestions on arbitrary derivations', () => {
  it('never throws; one explained suggestion per option; no proposal without a sourced reason', () => {
    fc.assert(
      fc.property(derivedArb, (derived) => {
        const suggestions = evaluateSuggestions(derived);
        expect(suggestions).toHaveLength(CATALOG.length);
        expect(new Set(suggestions.map((s) => s.order)).size).toBe(CATALOG.length);
        for (const s of suggestions) {
          expect(s.reasons.length).toBeGreaterThan(0);
          if (s.status === 'suggested' || s.status === 'consider') expect(s.reasons.some((r) => r.sources.length > 0)).toBe(true);
          if (s.status === 'contraindicated') expect(s.contraindications.length).toBeGreaterThan(0);
          if (s.urgent) expect(['ect', 'esketamine']).toContain(s.intervention);
        }
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});
