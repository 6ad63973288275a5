import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Paranoid schizophrenia for 8 years. Risperidone 4 mg years ago (below 600 mg chlorpromazine-equivalents), stopped for
 * hyperprolactinaemia;
 * olanzapine 20 mg for 12 weeks and aripiprazole 30 mg for 10 weeks, both >= 600 mg CPZ-eq in Leucht 2016 and
 * Gardner 2010, both collected on time (PDC 100%) with a plasma level in range during each (TRRIP's adherence check),
 * PANSS 96 -> 91 and 92 -> 88 (< 20% reduction). Meets TRRIP
 * treatment resistance (Howes 2017): clozapine is due; haloperidol started 4 weeks ago as a bridge.
 */
export const schizophreniaTrs: DemoPatient = {
  id: 'schizophrenia-trs',
  name: 'Marcus Bell',
  summary: 'Schizophrenia, TRRIP-resistant: olanzapine 20 mg x 12 wk and aripiprazole 30 mg x 10 wk failed (PANSS); clozapine due.',
  build(today) {
    const b = new RecordBuilder(today, 'schizophrenia-trs');
    b.patient({ given: ['Marcus'], family: 'Bell', gender: 'male', ageYears: 31 });
    b.condition('schizophrenia', { ...DX.schizophreniaParanoid, text: 'Paranoid schizophrenia', onset: 2950 });
    b.condition('cannabis', {
      ...DX.cannabisDependence,
      text: 'Cannabis dependence, in sustained remission since 2 years',
      onset: 3300,
      abatement: 730,
    });
    b.course('risperidone', {
      start: 2200,
      steps: [
        { product: 'risperidone2', perDay: 1, days: 14 },
        { product: 'risperidone2', perDay: 2, days: 42 },
      ],
      stopReason: 'Hyperprolactinaemia',
    });
    b.course('olanzapine', {
      start: 420,
      steps: [
        { product: 'olanzapine10', perDay: 1, days: 14 },
        { product: 'olanzapine20', perDay: 1, days: 84 },
      ],
      stopReason: 'Persistent hallucinations and delusions after 12 weeks at 20 mg',
    });
    b.course('aripiprazole', {
      start: 315,
      steps: [
        { product: 'aripiprazole15', perDay: 1, days: 14 },
        { product: 'aripiprazole30', perDay: 1, days: 70, style: 'mg' },
      ],
      stopReason: 'No improvement after 10 weeks at 30 mg',
    });
    b.course('haloperidol', {
      start: 28,
      steps: [{ product: 'haloperidol5', perDay: 2, days: null, style: 'bid' }],
    });
    // The olanzapine level carries its LOINC (12389-3); the aripiprazole level is text only, as a lab may send it.
    b.drugLevel('olanzapine', 350, 32, { ucum: 'ng/mL', text: 'ng/mL' }, '12389-3');
    b.drugLevel('aripiprazole', 260, 280, { ucum: 'ng/mL', text: 'ng/mL' });
    b.scores('panss', [
      [2205, 98],
      [2150, 84],
      [422, 96],
      [380, 94],
      [336, 91],
      [318, 92],
      [270, 90],
      [233, 88],
      [30, 90],
    ]);
    b.bloodPressure(30, 128, 84);
    return b.bundle();
  },
  expected: {
    assessments: {
      schizophrenia: { failedAdequateTrials: 2, treatmentResistant: true, status: 'meets' },
      mdd: 'absent',
    },
    trials: {
      // PANSS 98 -> 84 at 4 mg/day, below the adequate 6 mg/day, but stopped for hyperprolactinaemia, a dose-related
      // adverse effect: not tolerated, so no retry at a higher dose is offered.
      risperidone: { adequate: false, ongoing: false, outcome: 'intolerance', outcomeBasis: 'recorded' },
      olanzapine: { adequate: true, outcome: 'nonresponse', ongoing: false },
      aripiprazole: { adequate: true, outcome: 'nonresponse', ongoing: false },
      haloperidol: { ongoing: true },
    },
    trialCount: 4,
    suggestions: { clozapine: 'suggested', 'dose-optimization': 'not-eligible', esketamine: 'not-applicable', tms: 'not-applicable' },
    safety: ['substance-use'],
  },
};
