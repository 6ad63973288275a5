import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * First episode of moderate depression; escitalopram 10 mg for 20 weeks with PHQ-9 18 -> 4 (remission).
 * Nothing is resistant here: the app should say so and suggest no interventional option.
 */
export const mddResponder: DemoPatient = {
  id: 'mdd-responder',
  name: 'Emily Carter',
  summary: 'MDD, single episode: escitalopram 10 mg for 20 weeks, PHQ-9 18 -> 4 (remission); 0 failed trials, no intervention.',
  build(today) {
    const b = new RecordBuilder(today, 'mdd-responder');
    b.patient({ given: ['Emily'], family: 'Carter', gender: 'female', ageYears: 34 });
    b.condition('mdd', { ...DX.mddSingleModerate, text: 'Major depressive disorder, single episode, moderate', onset: 150 });
    b.course('escitalopram', {
      start: 140,
      steps: [{ product: 'escitalopram10', perDay: 1, days: null }],
    });
    b.phq9([
      [142, 18, 1],
      [112, 14, 0],
      [84, 9, 0],
      [56, 6, 0],
      [28, 4, 0],
    ]);
    b.scores('gad7', [
      [142, 11],
      [84, 7],
      [28, 4],
    ]);
    b.bloodPressure(142, 118, 76);
    return b.bundle();
  },
  expected: {
    assessments: {
      mdd: { failedAdequateTrials: 0, treatmentResistant: false, thaseRush: 0 },
      'bipolar-depression': 'absent',
      schizophrenia: 'absent',
    },
    trials: { escitalopram: { adequate: true, outcome: 'remission', outcomeBasis: 'measured' } },
    trialCount: 1,
    suggestions: { tms: 'not-eligible', esketamine: 'not-eligible', vns: 'not-eligible', clozapine: 'not-applicable' },
    safety: ['suicidality-history'],
  },
};
