import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * The textbook treatment-resistant depression: recurrent severe MDD (onset 8 months ago); sertraline 50 -> 100 mg for
 * 10 weeks, PHQ-9 22 -> 19; switched to venlafaxine XR 75 -> 150 mg, still taken (22 weeks at 150 mg), PHQ-9 19 -> 16;
 * bupropion XL added 8 weeks ago (150 mg, 300 mg for the last 4 weeks: too short to judge). Two failed adequate trials of
 * two classes: Thase-Rush stage II; esketamine and TMS fit; blood pressure normal.
 */
export const trdTwoFailures: DemoPatient = {
  id: 'trd-two-failures',
  name: 'Maria Alvarez',
  summary: 'TRD: sertraline 50->100 mg x 10 wk (PHQ-9 22->19) and venlafaxine 150 mg >= 8 wk (19->16) failed; bupropion added.',
  build(today) {
    const b = new RecordBuilder(today, 'trd-two-failures');
    b.patient({ given: ['Maria', 'Luisa'], family: 'Alvarez', gender: 'female', ageYears: 41 });
    b.condition('mdd', { ...DX.mddRecurrentSevere, text: 'Major depressive disorder, recurrent, severe without psychotic features', onset: 245 });
    b.condition('gad', { ...DX.gad, text: 'Generalized anxiety disorder', onset: 1900 });
    b.course('sertraline', {
      start: 238,
      steps: [
        { product: 'sertraline50', perDay: 1, days: 28 },
        { product: 'sertraline100', perDay: 1, days: 42 },
      ],
      stopReason: 'No meaningful improvement after 6 weeks at 100 mg; cross-tapered to venlafaxine',
    });
    b.course('venlafaxine', {
      start: 168,
      steps: [
        { product: 'venlafaxine75', perDay: 1, days: 14 },
        { product: 'venlafaxine150', perDay: 1, days: null, style: 'mg' },
      ],
    });
    b.course('bupropion', {
      start: 56,
      steps: [
        { product: 'bupropion150', perDay: 1, days: 28 },
        { product: 'bupropion300', perDay: 1, days: null },
      ],
    });
    b.phq9([
      [240, 22, 1],
      [210, 21, 1],
      [182, 20, 0],
      [170, 19, 0],
      [133, 19, 0],
      [105, 18, 0],
      [84, 17, 0],
      [56, 17, 0],
      [28, 16, 0],
      [3, 16, 0],
    ]);
    b.scores('gad7', [
      [240, 14],
      [133, 13],
      [3, 12],
    ]);
    b.bloodPressure(240, 122, 78);
    b.bloodPressure(84, 124, 80);
    b.bloodPressure(3, 121, 77);
    return b.bundle();
  },
  expected: {
    assessments: {
      mdd: { failedAdequateTrials: 2, treatmentResistant: true, thaseRush: 2, flags: ['comorbid-anxiety'] },
    },
    trials: {
      sertraline: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: false },
      venlafaxine: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured' },
      bupropion: { adequate: false },
    },
    trialCount: 3,
    suggestions: {
      esketamine: 'suggested',
      tms: 'suggested',
      ect: 'suggested',
      vns: 'not-eligible',
      clozapine: 'not-applicable',
    },
    safety: ['suicidality-history'],
  },
};
