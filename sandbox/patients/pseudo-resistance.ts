import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Looks resistant ("three antidepressants, still depressed") but no trial was adequate: sertraline stopped after
 * 3 weeks, citalopram held at 10 mg for 12 weeks, escitalopram 20 mg collected only 4 times in 5 months (PDC ~63%);
 * alcohol dependence and unemployment on the problem list. The app should flag pseudo-resistance and put dose
 * optimisation, adherence support and integrated dual-diagnosis care before any interventional option.
 */
export const pseudoResistance: DemoPatient = {
  id: 'pseudo-resistance',
  name: 'Daniel Whitaker',
  summary: 'Pseudo-resistance: 3 inadequate trials (3 weeks only; 10 mg citalopram; 63% adherence) with alcohol dependence.',
  build(today) {
    const b = new RecordBuilder(today, 'pseudo-resistance');
    b.patient({ given: ['Daniel'], family: 'Whitaker', gender: 'male', ageYears: 38 });
    b.condition('mdd', { ...DX.mddSingleModerate, text: 'Major depressive disorder, single episode, moderate', onset: 300 });
    b.condition('alcohol', { ...DX.alcoholDependence, text: 'Alcohol dependence', onset: 2000 });
    b.condition('unemployment', { ...DX.unemployment, text: 'Unemployment', onset: 400, category: 'encounter-diagnosis' });
    b.course('sertraline', {
      start: 280,
      steps: [{ product: 'sertraline50', perDay: 1, days: 21 }],
      stopReason: 'Patient stopped after 3 weeks: "not working"',
    });
    b.course('citalopram', {
      start: 252,
      steps: [{ product: 'citalopram10', perDay: 1, days: 84 }],
      stopReason: 'No improvement',
    });
    b.course('escitalopram', {
      start: 150,
      steps: [{ product: 'escitalopram20', perDay: 1, days: null }],
      // Filled 4 times in 150 days: about 63% of days covered.
      dispenses: [150, 95, 45, 5],
    });
    b.phq9([
      [282, 20, 0],
      [255, 19, 0],
      [200, 19, 0],
      [170, 18, 0],
      [152, 19, 0],
      [100, 18, 0],
      [50, 19, 0],
      [10, 18, 0],
    ]);
    b.bloodPressure(152, 134, 86);
    return b.bundle();
  },
  expected: {
    assessments: {
      mdd: {
        failedAdequateTrials: 0,
        treatmentResistant: false,
        flags: ['inadequate-dose', 'too-short', 'poor-adherence', 'substance-use', 'trauma-or-stressors'],
      },
    },
    trials: {
      sertraline: { adequate: false, ongoing: false },
      citalopram: { adequate: false, ongoing: false },
      escitalopram: { adequate: false, ongoing: true },
    },
    trialCount: 3,
    suggestions: {
      'dose-optimization': 'suggested',
      'adherence-support': 'suggested',
      'integrated-dual-diagnosis': 'suggested',
      esketamine: 'not-eligible',
      tms: 'not-eligible',
      vns: 'not-eligible',
    },
    safety: ['substance-use'],
  },
};
