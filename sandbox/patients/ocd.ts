import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

const UCUM = 'http://unitsofmeasure.org';

/**
 * Obsessive-compulsive disorder: fluoxetine 20 mg for 8 weeks (too short and too low for OCD), then fluvoxamine up to
 * 300 mg/day (100 mg morning + 200 mg bedtime) for 14 weeks and sertraline 200 mg for over a year, Y-BOCS never
 * below 25 (< 35% reduction); exposure and response prevention done; clomipramine being titrated. Two adequate
 * high-dose SRI trials of >= 12 weeks failed, and the ERP course did not help (Y-BOCS 25 -> 26): deep TMS (H7 coil,
 * FDA de novo 2018) is the interventional option once the clomipramine trial (5 of 12 weeks) is judged, and the headline
 * is to complete that trial; ERP is reported as given, and intensified ERP (an intensive or residential programme)
 * alongside the SRI is the first option to consider. Antipsychotic augmentation names
 * clomipramine as the SRI it would augment and waits for the clomipramine trial to be judged; the
 * clomipramine label's cautions (ECG and QT, seizure threshold, overdose) lead the page.
 */
export const ocd: DemoPatient = {
  id: 'ocd',
  name: 'Hannah Kowalski',
  summary: 'OCD: fluvoxamine 300 mg x 14 wk and sertraline 200 mg x 64 wk failed (Y-BOCS), fluoxetine too short; complete clomipramine, then deep TMS.',
  build(today) {
    const b = new RecordBuilder(today, 'ocd');
    b.patient({ given: ['Hannah'], family: 'Kowalski', gender: 'female', ageYears: 27 });
    b.condition('ocd', { ...DX.ocd, text: 'Obsessive-compulsive disorder (contamination, checking)', onset: 900 });
    b.course('fluoxetine', {
      start: 840,
      steps: [{ product: 'fluoxetine20', perDay: 1, days: 56 }],
      stopReason: 'Little effect after 8 weeks; switched to fluvoxamine',
    });
    b.course('fluvoxamine', {
      start: 777,
      steps: [
        { product: 'fluvoxamine100', perDay: 1, days: 14 },
        { product: 'fluvoxamine100', perDay: 2, days: 14, style: 'bid' },
        {
          product: 'fluvoxamine100',
          perDay: 3,
          days: 98,
          // The larger part of the dose at bedtime, as usual for fluvoxamine above 100 mg.
          dosage: [
            {
              sequence: 1,
              text: '100 mg by mouth in the morning',
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } },
              doseAndRate: [{ doseQuantity: { value: 100, unit: 'mg', system: UCUM, code: 'mg' } }],
            },
            {
              sequence: 2,
              text: '200 mg by mouth at bedtime',
              timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } },
              doseAndRate: [{ doseQuantity: { value: 200, unit: 'mg', system: UCUM, code: 'mg' } }],
            },
          ],
        },
      ],
      stopReason: 'No meaningful response after 14 weeks at 300 mg/day',
    });
    b.course('sertraline', {
      start: 644,
      steps: [
        { product: 'sertraline100', perDay: 1, days: 14 },
        { product: 'sertraline150', perDay: 1, days: 14 },
        { product: 'sertraline200', perDay: 1, days: 560 },
      ],
      stopReason: 'Persistent symptoms at maximum dose; cross-taper to clomipramine',
    });
    b.procedure('erp', {
      kind: 'psychotherapy',
      text: 'Exposure and response prevention (CBT for OCD), 20 sessions',
      start: 480,
      end: 340,
    });
    b.course('clomipramine', {
      start: 50,
      steps: [
        { product: 'clomipramine50', perDay: 1, days: 14 },
        { product: 'clomipramine75', perDay: 2, days: null, style: 'bid' },
      ],
    });
    b.scores('ybocs', [
      [842, 30],
      [786, 29],
      [780, 29],
      [700, 28],
      [655, 27],
      [646, 27],
      [560, 26],
      [504, 25],
      [400, 26],
      [300, 25],
      [200, 26],
      [100, 25],
      [60, 26],
      [10, 25],
    ]);
    return b.bundle();
  },
  expected: {
    assessments: { ocd: { failedAdequateTrials: 2 }, mdd: 'absent' },
    trials: {
      fluoxetine: { adequate: false, ongoing: false },
      fluvoxamine: { adequate: true, outcome: 'nonresponse', ongoing: false },
      sertraline: { adequate: true, outcome: 'nonresponse', ongoing: false },
      clomipramine: { ongoing: true },
    },
    trialCount: 4,
    suggestions: {
      // The clomipramine trial is completed and judged first: deep TMS if it fails.
      'deep-tms': 'consider',
      // ERP was given (20 sessions) and did not help: intensified ERP alongside the SRI is to consider.
      erp: 'consider',
      // Clomipramine, the SRI it would augment, is still short of an adequate trial: wait for it.
      'ocd-antipsychotic-augmentation': 'consider',
      tms: 'not-applicable',
      esketamine: 'not-applicable',
    },
    safety: ['clomipramine'],
  },
};
