/**
 * Tobacco use named where substance use is (the safety strip's line, the history line, and so the note), beside
 * clozapine or olanzapine on its own (smoking lowers their levels: CYP1A2), and nicotine replacement listed as a
 * treatment of tobacco use rather than an unrecognised medication. Records are hand-made in the sandbox's shapes.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { accountingHolds } from '../../../src/clinical/accounting';
import { otherTreatmentWords } from '../../../src/clinical/other-treatment-words';
import { deriveSafety } from '../../../src/clinical/safety';
import type { Derivation } from '../../../src/clinical/types';
import { diagnosis, record, trial } from '../suggestions/builder';
import { AS_OF, PID, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  const all = [patient(), ...resources];
  const d = derivePatient({ patientId: PID, resources: all }, { asOf: AS_OF });
  expect(accountingHolds(all.length, d.used, d.unused)).toBe(true);
  return d;
}

describe('tobacco use', () => {
  const alcoholism = snomedCondition('7200002', 'Alcoholism', '2001-08-13');
  const smokes = snomedCondition('449868002', 'Smokes tobacco daily', '2003-08-18');
  const patch = rxOrder('198031', '24hr nicotine transdermal patch', '2001-08-13', 'active', { units: null });

  it('alcoholism and daily smoking: the safety strip\'s substance-use line and the history line name the tobacco use', () => {
    const d = derive([alcoholism, smokes, patch]);
    const item = d.safety.find((i) => i.kind === 'substance-use')!;
    expect(item.detail).toBe('“Alcoholism”; onset 25 years ago, still active; tobacco: “Smokes tobacco daily” since 2003-08-18.');
    expect(item.sources).toEqual([ref(alcoholism), ref(smokes)]);
    expect(d.notes[0]).toBe('Psychiatric history without a diagnosis the app assesses for treatment resistance: Alcoholism; Smokes tobacco daily. Nothing to stage.');
  });

  it('a nicotine patch is an other treatment, "nicotine replacement (tobacco use)", not an unrecognised medication', () => {
    const d = derive([alcoholism, smokes, patch]);
    expect(d.otherTreatments.map((o) => [o.category, otherTreatmentWords(o), o.sources])).toEqual([['tobacco', 'nicotine replacement (tobacco use), since 2001-08-13', [ref(patch)]]]);
    expect(d.unused.filter((u) => u.reference === ref(patch))).toEqual([]);
  });

  it('tobacco alone beside clozapine taken now leads the strip with what smoking does to its level; without clozapine or olanzapine it does not', () => {
    const smoker = diagnosis('other', { display: 'Smokes tobacco daily', code: '449868002', onset: '2010-05-01' });
    const withClozapine = record({ diagnoses: [smoker], trials: [trial('clozapine', { class: 'antipsychotic', end: null, start: '2026-01-01' })] });
    const item = deriveSafety(withClozapine).find((i) => i.kind === 'substance-use')!;
    expect([item.title, item.detail, item.action]).toEqual([
      'Tobacco use',
      '“Smokes tobacco daily” since 2010-05-01: smoking lowers clozapine levels (CYP1A2); a change in smoking changes them.',
      'Ask about smoking at each visit; when it stops or starts, check the level and adjust the dose.',
    ]);
    expect(item.references).toEqual(['spravatoLabel', 'projectWorkingRule', 'clozarilLabel', 'olanzapineLabel']);
    const withSertraline = record({ diagnoses: [smoker], trials: [trial('sertraline', { end: null, start: '2026-01-01' })] });
    expect(deriveSafety(withSertraline).some((i) => i.kind === 'substance-use')).toBe(false);
  });
});
