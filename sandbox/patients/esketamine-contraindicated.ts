import type { MedicationRequest } from 'fhir/r4';
import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Treatment-resistant depression (citalopram 20 mg failed; venlafaxine 150 mg failed, mirtazapine added) in a woman
 * with a hypertensive intracerebral haemorrhage 5 years ago and treated hypertension: esketamine is contraindicated
 * (history of intracerebral haemorrhage, Spravato label); TMS remains.
 */
export const esketamineContraindicated: DemoPatient = {
  id: 'esketamine-contraindicated',
  name: 'Margaret O\'Brien',
  summary: 'TRD with a history of intracerebral haemorrhage and hypertension: esketamine contraindicated, TMS remains.',
  build(today) {
    const b = new RecordBuilder(today, 'esketamine-contraindicated');
    b.patient({ given: ['Margaret'], family: "O'Brien", gender: 'female', ageYears: 58 });
    b.condition('mdd', { ...DX.mddRecurrentSevere, text: 'Major depressive disorder, recurrent, severe without psychotic features', onset: 500 });
    b.condition('ich', {
      ...DX.intracerebralHaemorrhage,
      text: 'Hypertensive intracerebral haemorrhage (left basal ganglia), residual mild right-hand weakness',
      onset: 1830,
      abatement: 1790,
    });
    b.condition('hypertension', { ...DX.hypertension, text: 'Essential hypertension', onset: 3000 });
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('amlodipine-1'),
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { text: 'amlodipine 10 MG Oral Tablet' },
      subject: b.subject,
      authoredOn: b.day(1790),
      requester: { reference: 'Practitioner/dr-demo' },
      dosageInstruction: [{ text: 'take 1 tablet by mouth daily' }],
    });
    b.course('citalopram', {
      start: 480,
      steps: [{ product: 'citalopram20', perDay: 1, days: 84 }],
      stopReason: 'No response after 12 weeks',
    });
    b.course('venlafaxine', {
      start: 389,
      steps: [
        { product: 'venlafaxine75', perDay: 1, days: 14 },
        { product: 'venlafaxine150', perDay: 1, days: null },
      ],
    });
    b.course('mirtazapine', { start: 250, steps: [{ product: 'mirtazapine30', perDay: 1, days: null }] });
    b.phq9([
      [482, 20, 0],
      [430, 19, 0],
      [398, 19, 0],
      [391, 19, 0],
      [330, 18, 0],
      [280, 18, 0],
      [252, 18, 0],
      [180, 17, 0],
      [90, 18, 0],
      [10, 17, 0],
    ]);
    for (const [d, s, dia] of [
      [482, 142, 88],
      [252, 138, 86],
      [90, 136, 84],
      [10, 139, 85],
    ] as const)
      b.bloodPressure(d, s, dia);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: { min: 2, max: 3 }, treatmentResistant: true } },
    trials: {
      citalopram: { adequate: true, outcome: 'nonresponse', ongoing: false },
      venlafaxine: { adequate: true, outcome: 'nonresponse', ongoing: true },
      mirtazapine: { ongoing: true },
    },
    trialCount: 3,
    suggestions: { esketamine: 'contraindicated', tms: 'suggested' },
    // The haemorrhage (resolved) leads the strip: it rules out esketamine and shapes ECT's anaesthetic plan.
    safety: ['intracranial-vascular'],
  },
};
