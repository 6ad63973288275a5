import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Bipolar I disorder, current depressive episode for 7 months, on lithium maintenance for 4 years (level 0.7 mmol/L,
 * within the 0.6-0.8 maintenance range but below the 0.8 acute level: the episode broke through prophylaxis, so lithium
 * is not a failed acute trial of it, and optimising it is offered); quetiapine
 * 300 mg at bedtime for 12 weeks without response, lurasidone 40 -> 80 mg since 3 months; a course of ECT 5 years
 * ago brought a severe psychotic depressive episode to remission. Must be assessed as bipolar depression, not as MDD
 * (so no MDD staging and no esketamine: its label is for MDD).
 */
export const bipolarDepression: DemoPatient = {
  id: 'bipolar-depression',
  name: 'Sophie Laurent',
  summary: 'Bipolar I, depressed: breakthrough on lithium maintenance, quetiapine 300 mg x 12 wk no response, lurasidone now; not counted as MDD.',
  build(today) {
    const b = new RecordBuilder(today, 'bipolar-depression');
    b.patient({ given: ['Sophie'], family: 'Laurent', gender: 'female', ageYears: 36 });
    b.condition('bipolar', {
      ...DX.bipolarDepressedModerate,
      text: 'Bipolar I disorder, current episode depressed, moderate',
      onset: 210,
      note: 'First manic episode at age 27 (hospitalised); lithium since then',
    });
    b.procedure('ect', {
      kind: 'ect',
      text: 'Electroconvulsive therapy, bilateral, 9 treatments (severe bipolar depression with psychotic features; remission)',
      start: 1830,
      end: 1800,
    });
    b.course('lithium', {
      start: 1500,
      steps: [{ product: 'lithium300', perDay: 3, days: null, style: 'units' }],
      fillDays: 90,
    });
    b.course('quetiapine', {
      start: 200,
      steps: [
        { product: 'quetiapine100', perDay: 1, days: 14 },
        {
          product: 'quetiapine300',
          perDay: 1,
          days: 84,
          dosage: [
            {
              text: 'take 1 tablet by mouth at bedtime',
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } },
              doseAndRate: [{ doseQuantity: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
            },
          ],
        },
      ],
      stopReason: 'No improvement of depression after 12 weeks at 300 mg; daytime sedation',
    });
    b.course('lurasidone', {
      start: 95,
      steps: [
        { product: 'lurasidone40', perDay: 1, days: 14 },
        { product: 'lurasidone80', perDay: 1, days: null },
      ],
    });
    b.drugLevel('lithium', 120, 0.7, { ucum: 'mmol/L', text: 'mmol/L' }, '14334-7');
    b.phq9([
      [205, 19, 0],
      [170, 18, 0],
      [140, 18, 0],
      [104, 17, 0],
      [60, 16, 0],
      [20, 15, 0],
    ]);
    b.bloodPressure(205, 116, 74);
    return b.bundle();
  },
  expected: {
    assessments: { 'bipolar-depression': {}, mdd: 'absent' },
    trials: { lithium: { ongoing: true, adequate: false }, quetiapine: { adequate: true, ongoing: false }, lurasidone: { ongoing: true } },
    trialCount: 3,
    suggestions: { ect: 'suggested', esketamine: 'not-applicable', vns: 'not-eligible', clozapine: 'not-applicable' },
    safety: ['lithium'],
  },
};
