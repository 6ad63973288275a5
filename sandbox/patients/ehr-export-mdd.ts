import { generateRealisticPatient } from './realistic';
import type { DemoPatient } from './demo-patient';

/** The options used for the demo patient. */
const EHR_EXPORT_MDD_OPTIONS = { story: 'mdd', years: 14, seed: 18 } as const;

/**
 * A record of the size and shape of an EHR export (sandbox/patients/realistic.ts): 300 resources over 14 years, most of
 * them encounters, claims, vital signs and laboratory results the engine does not use; recurrent depression treated
 * with sertraline then bupropion, written as such exports write orders (one tablet a day with no unit, re-ordered at
 * follow-ups, the last order still `active` with no end), a few PHQ-9 totals and a care plan with psychotherapy.
 * The launch benchmark's realistic-size record.
 */
export const ehrExportMdd: DemoPatient = {
  id: 'ehr-export-mdd',
  name: 'Rosa Chartwell',
  summary: 'EHR-export size and shape: 300 resources (encounters, claims, labs), MDD with unitless, never-ending orders.',
  build(today) {
    return generateRealisticPatient({
      id: 'ehr-export-mdd',
      today,
      ...EHR_EXPORT_MDD_OPTIONS,
      name: { given: 'Rosa', family: 'Chartwell', gender: 'female' },
    });
  },
  expected: {
    assessments: { mdd: {} },
    trialCount: { min: 2 },
  },
};
