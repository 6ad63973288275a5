import { generatePatient } from './synthetic';
import type { DemoPatient } from './demo-patient';

/** The options used for the demo patient (also documented in docs/notes/demodata.md). */
const THIRTY_YEARS_OPTIONS = { years: 30, trials: 40, scores: 300, statements: 2500, seed: 30 } as const;

/**
 * Thirty years of recurrent depression, built with the seeded synthetic generator (sandbox/patients/synthetic.ts):
 * about 10 episodes, 40 antidepressant trials, 300 PHQ-9 scores and 2,500 reconciliation statements, a few thousand
 * resources. Shows that the timeline stays readable and the derivation fast on a long record.
 */
export const thirtyYears: DemoPatient = {
  id: 'thirty-years',
  name: 'Paula Synth',
  summary: '30 years of recurrent MDD from the seeded generator: 40 trials, 300 PHQ-9 scores, ~3,000 resources.',
  build(today) {
    return generatePatient({
      id: 'thirty-years',
      today,
      ...THIRTY_YEARS_OPTIONS,
      name: { given: 'Paula', family: 'Synth', gender: 'female' },
    });
  },
  expected: {
    assessments: { mdd: {} },
    trialCount: { min: 30 },
  },
};
