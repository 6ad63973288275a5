/**
 * Orders re-issued weeks after the last one's supply ran out (an EHR export's re-orders without dispenses): the trial
 * is one, but the days between supplies are not taken as covered silently. The proportion of the trial's days its
 * orders' supplies cover is said beside the trial, and below 80% it is a pseudo-resistance caution on the assessment.
 * Hand-made records of the shape the public sandbox's records and the ehr-export-mdd demo show.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, loincObservation, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}

/** Sertraline 100 mg re-ordered 66 to 75 days apart, each order stopped at renewal with no supply stated; PHQ-9 20 → 19. */
function sertralineReorderedLate() {
  const orders = ['2024-01-10', '2024-03-16', '2024-05-25', '2024-08-08', '2024-10-15', '2024-12-26'].map((day) => rxOrder('328670', 'Sertraline 100MG', day, 'stopped'));
  const d = derive([
    snomedCondition('370143000', 'Major depression disorder', '2024-01-01'),
    ...orders,
    loincObservation('44261-6', 'PHQ-9 total score', '2024-01-05', 20),
    loincObservation('44261-6', 'PHQ-9 total score', '2024-06-01', 19),
  ]);
  return { d, orders, trial: d.trials[0]! };
}

const WORDS = 'orders cover about 47% of days (refill gaps 36-45 days; no supply stated, each assumed 30 days)';

describe('sertraline re-ordered 36-45 days after each 30-day supply ran out, no dispenses', () => {
  it('one trial, still adequate by dose and time, with the coverage of its orders beside it: adherence uncertain', () => {
    const { d, orders, trial } = sertralineReorderedLate();
    expect(d.trials).toHaveLength(1);
    expect(trial.adequate).toBe(true);
    expect(trial.adherencePdc).toBeNull();
    expect(trial.orderCoverage).toEqual({ pdc: 0.472, text: `${WORDS}: adherence uncertain`, sources: orders.map(ref) });
  });

  it('the rule applied is a working rule (U) after TRRIP\'s 80% (Howes 2017)', () => {
    const { trial } = sertralineReorderedLate();
    expect(trial.adequacyRules.find((r) => r.id === 'adequacy.order-coverage')).toMatchObject({ verification: 'U', references: ['howes2017', 'projectWorkingRule'] });
  });

  it('the failed trial raises a pseudo-resistance flag on the MDD assessment', () => {
    const { d, orders } = sertralineReorderedLate();
    const mdd = d.assessments.find((a) => a.condition === 'mdd')!;
    expect(mdd.failedAdequateTrialIds).toEqual(['sertraline@2024-01-10']);
    expect(mdd.flags.find((f) => f.kind === 'adherence-uncertain')).toEqual({
      kind: 'adherence-uncertain',
      text: `adherence uncertain: sertraline ${WORDS}`,
      sources: orders.map(ref),
    });
  });
});

describe('orders that leave no gap, or a trial with dispenses', () => {
  it('sertraline re-ordered every 30 days: no coverage note and no flag', () => {
    const orders = ['2024-01-10', '2024-02-09', '2024-03-10', '2024-04-09'].map((day) => rxOrder('328670', 'Sertraline 100MG', day, 'stopped'));
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '2024-01-01'), ...orders]);
    expect(d.trials[0]!.orderCoverage).toBeUndefined();
    expect(d.assessments[0]!.flags.map((f) => f.kind)).not.toContain('adherence-uncertain');
  });
});
