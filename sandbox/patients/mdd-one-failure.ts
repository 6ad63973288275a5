import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Recurrent depression; sertraline 50 -> 100 mg for 12 weeks with PHQ-9 19 -> 17 (non-response), then vortioxetine
 * started 3 weeks ago (one week after stopping sertraline). The previous episode, 6 years ago, remitted with an rTMS
 * course. One failed adequate trial: TMS becomes an option (NeuroStar label, Medicare LCD), esketamine not yet.
 */
export const mddOneFailure: DemoPatient = {
  id: 'mdd-one-failure',
  name: 'James Okafor',
  summary: 'Recurrent MDD: 1 failed adequate trial (sertraline 50->100 mg, 12 wk, PHQ-9 19 -> 17), vortioxetine just started; TMS eligible.',
  build(today) {
    const b = new RecordBuilder(today, 'mdd-one-failure');
    b.patient({ given: ['James'], family: 'Okafor', gender: 'male', ageYears: 47 });
    b.condition('mdd-2019', {
      ...DX.mddRecurrentFullRemission,
      text: 'Major depressive disorder, recurrent, in full remission (previous episode)',
      onset: 2400,
      abatement: 2100,
    });
    b.procedure('rtms-2019', {
      kind: 'tms',
      text: 'rTMS, left DLPFC 10 Hz, 30 sessions over 6 weeks (previous episode; response)',
      start: 2250,
      end: 2208,
    });
    b.condition('mdd', { ...DX.mddRecurrentModerate, text: 'Major depressive disorder, recurrent, moderate', onset: 126 });
    b.course('sertraline', {
      start: 112,
      steps: [
        { product: 'sertraline50', perDay: 1, days: 28 },
        { product: 'sertraline100', perDay: 1, days: 56 },
      ],
      stopReason: 'Insufficient response after 8 weeks at 100 mg; switched to vortioxetine',
    });
    b.course('vortioxetine', { start: 21, steps: [{ product: 'vortioxetine10', perDay: 1, days: null }] });
    b.phq9([
      [114, 19, 0],
      [84, 18, 0],
      [56, 18, 0],
      [30, 17, 0],
      [7, 17, 0],
    ]);
    b.bloodPressure(114, 128, 82);
    b.bloodPressure(21, 126, 80);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 1, treatmentResistant: false, status: 'does-not-meet', thaseRush: 1 } },
    trials: {
      sertraline: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: false },
      vortioxetine: { adequate: false, outcome: 'ongoing', ongoing: true },
    },
    trialCount: 2,
    // TMS eligible after one failure, but vortioxetine has just started: completing it is the next step.
    suggestions: { tms: 'consider', esketamine: 'not-eligible', vns: 'not-eligible', clozapine: 'not-applicable' },
    safety: [],
  },
};
