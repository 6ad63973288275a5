import { generateRealisticPatient } from './realistic';
import type { DemoPatient } from './demo-patient';

/** The options used for the demo patient. */
const EHR_EXPORT_MDD_OPTIONS = { story: 'mdd', years: 14, seed: 18 } as const;

/**
 * A record of the size and shape of an EHR export (sandbox/patients/realistic.ts): about 330 resources over 14 years,
 * most of them encounters, claims, vital signs and laboratory results the engine does not use; recurrent depression
 * treated with sertraline for 21 months, then bupropion, still taken. Orders are written as such exports write them:
 * one tablet a day with no unit and no supply, re-ordered at follow-up visits and renewed between them every 12 weeks
 * at most, each order `stopped` when renewed and the latest bupropion order still `active` with no end. Read as one
 * continuous trial per drug (re-orders within the permissible gap), bupropion ongoing. A few PHQ-9 totals (none near
 * either trial's start) and a care plan with psychotherapy. The launch benchmark's realistic-size record.
 */
export const ehrExportMdd: DemoPatient = {
  id: 'ehr-export-mdd',
  name: 'Rosa Chartwell',
  summary: 'EHR-export size and shape: ~330 resources (encounters, claims, labs); MDD, sertraline then bupropion (ongoing) as unitless re-orders.',
  build(today) {
    return generateRealisticPatient({
      id: 'ehr-export-mdd',
      today,
      ...EHR_EXPORT_MDD_OPTIONS,
      name: { given: 'Rosa', family: 'Chartwell', gender: 'female' },
    });
  },
  expected: {
    // PHQ-9 15 at the end of sertraline and 16 in week 14 of bupropion, both adequate: neither can be a 50% fall from
    // any baseline (the scale's maximum is 27), so both failed although no baseline score was taken. Sertraline's
    // PHQ-9 fell 22 -> 15 (-32%) during the trial: a partial response, insufficient (a failed trial all the same).
    assessments: { mdd: { failedAdequateTrials: 2, status: 'meets' } },
    trials: { sertraline: { adequate: true, outcome: 'partial', outcomeBasis: 'measured' }, bupropion: { adequate: true, ongoing: true, outcome: 'nonresponse' } },
    // The last PHQ-9 is 20 months old and its item 9 was never recorded: that leads the strip.
    safety: ['screening-gap'],
    trialCount: 2,
  },
};
