/**
 * A trial whose first record predates the drug's first US approval (the public sandbox's Synthea patients carry
 * fluoxetine ordered in 1955, and fluoxetine was first approved in 1987): the recorded start is no usable start, so the
 * trial is never judged adequate on the time from it. Hand-made records of that shape; nothing copied from the bundles.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { RULES } from '../../../src/clinical/all-rules';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[], extraPatient = {}): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(extraPatient), ...resources] }, { asOf: AS_OF });
}

/** A man who died in 2012 with one fluoxetine order dated 1955, open at his death, and nothing else of fluoxetine. */
function fluoxetineFrom1955() {
  const mdd = snomedCondition('370143000', 'Major depression disorder', '1955-11-22');
  const order = rxOrder('406022', 'Fluoxetine 25MG', '1955-11-22', 'active');
  const d = derive([mdd, order], { birthDate: '1936-10-06', deceasedDateTime: '2012-07-31T10:00:00+00:00' });
  return { d, order, trial: d.trials[0]! };
}

describe('fluoxetine recorded from 1955, before its first US approval (1987), with no later record', () => {
  it('the duration is unknown: the trial is not judged adequate on 56 years, and its adequacy is unconfirmed', () => {
    const { trial } = fluoxetineFrom1955();
    expect(trial.start).toBe('1955-11-22');
    expect(trial.durationText).toBe('duration unknown');
    expect(trial.adequate).toBe(false);
    expect(trial.adequacyUnconfirmed).toBe(true);
    expect(trial.adequacyReason).toBe('adequacy unconfirmed: duration unknown (the recorded start predates the first US approval); to confirm');
    // The dose is known and at the adequate dose: the threshold is kept, so the bar is drawn against it.
    expect(trial.adequateDose).toEqual({ amount: 20, unit: 'mg/day' });
  });

  it('the trial carries the data-error note beside it, with the order it rests on', () => {
    const { trial, order } = fluoxetineFrom1955();
    expect(trial.startBeforeApproval).toEqual({
      text: 'recorded from 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error; check the date',
      sources: [ref(order)],
    });
  });

  it('the rule applied is a working rule (U) citing the labels the approval years are read in', () => {
    const { trial } = fluoxetineFrom1955();
    const rule = trial.adequacyRules.find((r) => r.id === 'adequacy.start-before-approval');
    expect(rule).toMatchObject({
      verification: 'U',
      references: ['dailyMed', 'projectWorkingRule'],
      summary:
        "A trial whose first record predates the drug's first US approval has no usable start: its duration is counted from its first record dated in or after the approval year, and with none it is unknown (adequacy unconfirmed, never adequate on the recorded dates).",
    });
    expect(RULES.some((r) => r.id === 'adequacy.start-before-approval')).toBe(true);
  });

  it('no failed adequate trial and nothing asked of the trial\'s response: it is not an adequate trial', () => {
    const { d } = fluoxetineFrom1955();
    const mdd = d.assessments.find((a) => a.condition === 'mdd')!;
    expect(mdd.failedAdequateTrials).toBe(0);
    expect(mdd.unconfirmedTrials).toEqual([]);
  });
});

describe('sertraline ordered in 1985 (first US approval 1991), re-ordered in 2026', () => {
  it('the duration counts from the first record dated 1991 or later: 5 weeks so far, not 41 years', () => {
    const first = rxOrder('328670', 'Sertraline 100MG', '1985-03-01', 'active');
    const renewal = rxOrder('328670', 'Sertraline 100MG', '2026-10-27', 'active');
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '2026-10-01'), first, renewal]);
    expect(d.trials).toHaveLength(1);
    const trial = d.trials[0]!;
    expect(trial.start).toBe('1985-03-01');
    expect(trial.durationText).toBe('5 weeks');
    expect(trial.adequate).toBe(false);
    expect(trial.adequacyPending).toBe(true);
    expect(trial.adequacyReason).toBe('5 weeks at adequate dose so far (since 2026-10-27; 6 weeks needed)');
    expect(trial.startBeforeApproval).toEqual({
      text: 'recorded from 1985-03-01, before its first US approval (1991; Sertraline tablets label): most likely a data error; duration counted from 2026-10-27, its first record dated 1991 or later',
      sources: [ref(first)],
    });
  });
});

describe('a trial that starts after the approval year', () => {
  it('carries no such note, and its duration is counted from its start', () => {
    const order = rxOrder('328670', 'Sertraline 100MG', '2026-01-05', 'active');
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '2026-01-01'), order]);
    const trial = d.trials[0]!;
    expect(trial.startBeforeApproval).toBeUndefined();
    expect(trial.adequate).toBe(true);
    expect(trial.adequacyReason).toBe('adequate: 47 weeks at or above 50 mg');
  });
});
