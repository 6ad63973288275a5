/**
 * Demo case "schizophrenia-trs": risperidone was stopped for hyperprolactinaemia at 4 mg (an intolerance). A trial
 * stopped for a side effect is not pseudo-resistance and not a dose to raise: it is not flagged "inadequate dose",
 * and dose optimisation still says why no trial is left to optimise, naming risperidone and its side effect.
 */
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';

const TODAY = new Date('2026-11-22T08:00:00Z');
const bundle = demoPatients.find((p) => p.id === 'schizophrenia-trs')!.build(TODAY);
const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
const d = derivePatient({ patientId: 'schizophrenia-trs', resources }, { asOf: TODAY.toISOString().slice(0, 10) });
const schizophrenia = d.assessments.find((a) => a.condition === 'schizophrenia')!;

describe('schizophrenia-trs: risperidone, stopped for hyperprolactinaemia', () => {
  it('is an intolerance', () => {
    expect(d.trials.find((t) => t.ingredient === 'risperidone')!.outcome).toBe('intolerance');
  });

  it('is not flagged as possible pseudo-resistance (inadequate dose, too short, poor adherence)', () => {
    expect(schizophrenia.flags.filter((f) => f.text.includes('risperidone')).map((f) => f.kind)).toEqual([]);
  });

  it('dose optimisation is not eligible and still says why risperidone is not to optimise', () => {
    const s = d.suggestions.find((x) => x.intervention === 'dose-optimization')!;
    expect(s.status).toBe('not-eligible');
    expect(s.reasons.map((r) => r.text.split(': ')[0])).toEqual([
      'No trial to optimise',
      'Trials below an adequate dose or length, and why none is to optimise:',
      'risperidone 2–4 mg/day for 8 weeks, 6 weeks at 4 mg/day (not tolerated)',
    ]);
    expect(s.reasons[2]!.text).toContain('stopped for a side effect ("Hyperprolactinaemia"): a tolerability problem, not a dose to raise');
    expect(s.reasons[2]!.sources).toContain('MedicationRequest/schizophrenia-trs-risperidone-2');
  });
});
