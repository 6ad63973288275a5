import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * Medication history known only from reconciled MedicationStatements (outside prescribers, no dispenses, no scores):
 * fluoxetine in a previous, remitted episode; in the current episode citalopram 20 mg for 14 weeks, then bupropion XL
 * 300 mg for 23 weeks, each replaced by the next agent; sertraline 150 mg now. Without scores the two failures are
 * inferred from the switches (lower confidence), which still meets the >= 2 failed trials definition.
 */
export const statementOnly: DemoPatient = {
  id: 'statement-only',
  name: 'Thomas Becker',
  summary: 'MedicationStatement only, no scores: citalopram and bupropion replaced in turn (non-response inferred from switch).',
  build(today) {
    const b = new RecordBuilder(today, 'statement-only');
    b.patient({ given: ['Thomas'], family: 'Becker', gender: 'male', ageYears: 61 });
    b.condition('mdd-previous', {
      ...DX.mddRecurrentFullRemission,
      text: 'Major depressive disorder, recurrent, in full remission (previous episode)',
      onset: 2100,
      abatement: 1700,
    });
    b.condition('mdd', { ...DX.mddRecurrentModerate, text: 'Major depressive disorder, recurrent, moderate', onset: 550 });
    b.statement('fluoxetine', {
      product: 'fluoxetine20',
      perDay: 1,
      start: 2050,
      end: 1750,
      note: 'Previous episode; remitted, tapered off after 10 months',
    });
    b.statement('citalopram', { product: 'citalopram20', perDay: 1, start: 520, end: 422 });
    b.statement('bupropion', { product: 'bupropion300', perDay: 1, start: 415, end: 254, style: 'mg' });
    b.statement('sertraline', { product: 'sertraline150', perDay: 1, start: 247, style: 'text' });
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 2, treatmentResistant: true, status: 'meets', thaseRush: 2 } },
    trials: {
      fluoxetine: { ongoing: false },
      citalopram: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'inferred', ongoing: false },
      bupropion: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'inferred', ongoing: false },
      sertraline: { outcome: 'ongoing', ongoing: true },
    },
    trialCount: 4,
    suggestions: { esketamine: 'suggested', tms: 'suggested', vns: 'not-eligible' },
    // No PHQ-9 and no suicidality screen at all in a current depressive episode: the strip says so first.
    safety: ['screening-gap'],
  },
};
