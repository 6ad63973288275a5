import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Two antidepressants stopped for side effects, neither a failure: paroxetine after 12 days (nausea, agitation;
 * recorded as an AllergyIntolerance of type intolerance) and mirtazapine after 4 weeks (sedation, weight gain; stop
 * reason on the prescription). Interpersonal therapy in between; vortioxetine started 4 weeks ago. 0 failed trials,
 * but intolerance counts for TMS under the Medicare LCD wording ("failed ... or intolerance").
 */
export const intolerance: DemoPatient = {
  id: 'intolerance',
  name: 'Aisha Rahman',
  summary: 'Intolerance, not failure: paroxetine (nausea, AllergyIntolerance) and mirtazapine (sedation) stopped early; vortioxetine now.',
  build(today) {
    const b = new RecordBuilder(today, 'intolerance');
    b.patient({ given: ['Aisha'], family: 'Rahman', gender: 'female', ageYears: 29 });
    b.condition('mdd', { ...DX.mddRecurrentModerate, text: 'Major depressive disorder, recurrent, moderate', onset: 200 });
    b.course('paroxetine', {
      start: 190,
      steps: [{ product: 'paroxetine20', perDay: 1, days: 12 }],
      stopReason: 'Adverse drug reaction: severe nausea, agitation and insomnia',
    });
    b.intolerance('paroxetine-intolerance', {
      ingredient: 'paroxetine',
      rxcui: '32937',
      reaction: 'Severe nausea, agitation and insomnia',
      recorded: 178,
    });
    b.course('mirtazapine', {
      start: 170,
      steps: [
        { product: 'mirtazapine15', perDay: 1, days: 14 },
        { product: 'mirtazapine30', perDay: 1, days: 14 },
      ],
      stopReason: 'Side effects: excessive daytime sedation and 6 kg weight gain',
    });
    b.procedure('ipt', {
      kind: 'psychotherapy',
      text: 'Interpersonal psychotherapy, 12 weekly sessions',
      start: 130,
      end: 46,
    });
    b.course('vortioxetine', { start: 28, steps: [{ product: 'vortioxetine10', perDay: 1, days: null }] });
    b.phq9([
      [192, 18, 0],
      [176, 18, 0],
      [150, 17, 0],
      [120, 17, 0],
      [80, 16, 0],
      [40, 17, 0],
      [5, 16, 0],
    ]);
    b.bloodPressure(192, 112, 70);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 0, treatmentResistant: false } },
    trials: {
      paroxetine: { adequate: false, outcome: 'intolerance', outcomeBasis: 'recorded' },
      mirtazapine: { adequate: false, outcome: 'intolerance', outcomeBasis: 'recorded' },
      vortioxetine: { outcome: 'ongoing', ongoing: true },
    },
    trialCount: 3,
    // rTMS is eligible (failure or intolerance), but vortioxetine is still running: completing it is the next step.
    suggestions: { tms: 'consider', esketamine: 'not-eligible', vns: 'not-eligible' },
    safety: [],
  },
};
