import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * A patient who has died (Patient.deceasedDateTime 40 days ago): recurrent MDD with sertraline and venlafaxine
 * failed, an intentional venlafaxine overdose 2 years ago, lithium augmentation taken until death. The record is shown
 * as it stood at death: deceased with the date at the top, no options suggested, no write-back form, the timeline
 * ending on the day of death.
 */
export const deceased: DemoPatient = {
  id: 'deceased',
  name: 'Thomas Becker',
  summary: 'Deceased 40 days ago: TRD with an intentional overdose 2 years earlier; no suggestions, no write-back, timeline ends at death.',
  build(today) {
    const b = new RecordBuilder(today, 'deceased');
    b.patient({ given: ['Thomas'], family: 'Becker', gender: 'male', ageYears: 63, deceasedDaysAgo: 40 });
    b.condition('mdd', { ...DX.mddRecurrentSevere, text: 'Major depressive disorder, recurrent, severe without psychotic features', onset: 1100 });
    b.condition('overdose', {
      ...DX.overdoseSnriIntentional,
      text: 'Intentional overdose of venlafaxine',
      onset: 770,
      clinicalStatus: 'resolved',
      abatement: 765,
      category: 'encounter-diagnosis',
    });
    b.course('sertraline', {
      start: 1050,
      steps: [
        { product: 'sertraline100', perDay: 1, days: 28 },
        { product: 'sertraline150', perDay: 1, days: 70 },
      ],
      stopReason: 'No response after 10 weeks at 150 mg',
    });
    b.course('venlafaxine', {
      start: 940,
      steps: [
        { product: 'venlafaxine75', perDay: 1, days: 14 },
        { product: 'venlafaxine150', perDay: 1, days: 160 },
      ],
      stopReason: 'Stopped after an intentional overdose; no response',
    });
    b.course('lithium', {
      start: 700,
      steps: [{ product: 'lithium300', perDay: 3, days: 680, style: 'units' }],
      fillDays: 90,
    });
    b.phq9([
      [1050, 23, 2],
      [960, 21, 1],
      [900, 20, 1],
      [800, 21, 2],
      [600, 17, 1],
      [300, 15, 0],
      [60, 18, 1],
    ]);
    return b.bundle();
  },
  expected: {
    deceased: true,
    assessments: { mdd: { failedAdequateTrials: 2, treatmentResistant: true } },
    trials: {
      sertraline: { adequate: true, outcome: 'nonresponse', ongoing: false },
      venlafaxine: { adequate: true, ongoing: false },
    },
    safety: ['deceased', 'overdose', 'suicidality-screen', 'lithium'],
  },
};
