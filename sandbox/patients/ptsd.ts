import type { MedicationRequest } from 'fhir/r4';
import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Chronic PTSD after combat trauma: sertraline 200 mg for 14 weeks and paroxetine 40 mg for 12 weeks (PCL-5 62 -> 57,
 * 58 -> 54), cognitive processing therapy with modest benefit, prazosin for nightmares (text only, not an
 * antidepressant), venlafaxine started 5 weeks ago. No accepted definition of treatment resistance in PTSD exists:
 * the app should count the failed adequate trials and say the rule is a working rule.
 */
export const ptsd: DemoPatient = {
  id: 'ptsd',
  name: 'Kevin Ramirez',
  summary: 'Chronic PTSD: sertraline 200 mg and paroxetine 40 mg failed (PCL-5), CPT done, prazosin; no MDD assessment.',
  build(today) {
    const b = new RecordBuilder(today, 'ptsd');
    b.patient({ given: ['Kevin'], family: 'Ramirez', gender: 'male', ageYears: 44 });
    b.condition('ptsd', { ...DX.ptsdChronic, text: 'Post-traumatic stress disorder, chronic (combat-related)', onset: 1800 });
    b.course('sertraline', {
      start: 1000,
      steps: [
        { product: 'sertraline50', perDay: 1, days: 14 },
        { product: 'sertraline100', perDay: 1, days: 28 },
        { product: 'sertraline200', perDay: 1, days: 98 },
      ],
      stopReason: 'Minimal change in PTSD symptoms after 14 weeks at 200 mg',
    });
    b.course('paroxetine', {
      start: 853,
      steps: [
        { product: 'paroxetine20', perDay: 1, days: 14 },
        { product: 'paroxetine40', perDay: 1, days: 84 },
      ],
      stopReason: 'No response after 12 weeks at 40 mg',
    });
    b.procedure('cpt', {
      kind: 'psychotherapy',
      text: 'Cognitive processing therapy (trauma-focused), 12 sessions',
      start: 700,
      end: 610,
    });
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('prazosin-1'),
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { text: 'prazosin 2 MG Oral Capsule' },
      subject: b.subject,
      authoredOn: b.day(600),
      requester: { reference: 'Practitioner/dr-demo' },
      dosageInstruction: [{ text: 'take 1 capsule by mouth at bedtime for nightmares' }],
    });
    b.course('venlafaxine', {
      start: 35,
      steps: [
        { product: 'venlafaxine75', perDay: 1, days: 14 },
        { product: 'venlafaxine150', perDay: 1, days: null },
      ],
    });
    b.scores('pcl5', [
      [1002, 62],
      [960, 60],
      [900, 58],
      [862, 57],
      [855, 58],
      [800, 56],
      [771, 54],
      [700, 55],
      [610, 50],
      [300, 52],
      [40, 53],
      [5, 52],
    ]);
    return b.bundle();
  },
  expected: {
    assessments: { ptsd: { failedAdequateTrials: 2 }, mdd: 'absent' },
    trials: {
      sertraline: { adequate: true, outcome: 'nonresponse', ongoing: false },
      paroxetine: { adequate: true, outcome: 'nonresponse', ongoing: false },
      venlafaxine: { ongoing: true },
    },
    // Cognitive processing therapy is recorded as done: reported as given, and a different trauma-focused therapy is to consider.
    suggestions: { esketamine: 'not-applicable', tms: 'not-applicable', vns: 'not-applicable', 'trauma-focused-therapy': 'consider' },
    safety: [],
  },
};
