/**
 * The possible-resistance tier: adequate trials whose outcome is not established are counted apart, and a
 * condition that would meet its definition if they failed "possibly meets" it, with what to confirm.
 */
import { describe, expect, it } from 'vitest';
import { addDays, assessmentOf, condition, derive, level, mdd, panss, patient, phq9, statement, weeksAfter, ybocs } from './builders';

const schizophrenia = () => condition('F20.0', 'Paranoid schizophrenia', '2018-01-01');

describe('possible resistance (meets / possibly meets / does not meet)', () => {
  it('schizophrenia: olanzapine failed on PANSS, haloperidol adequate with no outcome recorded -> possibly meets TRRIP, confirm haloperidol', () => {
    const s1 = '2024-01-01';
    const s2 = addDays(weeksAfter(s1, 12), 120); // months without an antipsychotic before haloperidol
    const a = assessmentOf(
      derive([
        patient(),
        schizophrenia(),
        statement('olanzapine', 20, s1, weeksAfter(s1, 12)),
        panss('2023-12-20', 96),
        panss(weeksAfter(s1, 11), 90),
        statement('haloperidol', 20, s2, weeksAfter(s2, 12)),
        // Plasma levels during each trial: adherence is known (TRRIP), so only the outcome is in question.
        level('olanzapine', weeksAfter(s1, 6), 30, 'ng/mL'),
        level('haloperidol', weeksAfter(s2, 6), 4, 'ng/mL'),
      ]),
      'schizophrenia',
    );
    expect(a.status).toBe('possibly-meets');
    expect(a.treatmentResistant).toBe(false);
    expect(a.failedAdequateTrials).toBe(1);
    expect(a.unconfirmedTrials).toEqual([
      {
        trialId: `haloperidol@${s2}`,
        ingredient: 'haloperidol',
        missing: 'outcome unknown (ended without scores, stated reason or a following agent)',
        confirm: 'the response to haloperidol (a PANSS or BPRS score from the trial, or the clinical notes)',
      },
    ]);
    expect(a.conclusion).toMatch(/^Possibly meets treatment-resistant schizophrenia \(TRRIP\): 1 failed adequate trial in the current episode \(olanzapine 20 mg\/day for 12 weeks\), and 1 adequate trial not established as a failure/);
    expect(a.conclusion).toMatch(/confirm the response to haloperidol/);
  });

  it('schizophrenia: non-response stated without a rating scale is a possible failure, not a failure (TRRIP: < 20% on a rating scale)', () => {
    const s1 = '2024-01-01';
    const s2 = weeksAfter(s1, 12);
    const a = assessmentOf(
      derive([
        patient(),
        schizophrenia(),
        statement('risperidone', 10, s1, s2, { status: 'stopped', statusReason: [{ text: 'no response' }] }),
        statement('olanzapine', 20, s2, weeksAfter(s2, 12), { status: 'stopped', statusReason: [{ text: 'ineffective' }] }),
        level('risperidone', weeksAfter(s1, 6), 20, 'ng/mL'),
        level('olanzapine', weeksAfter(s2, 6), 30, 'ng/mL'),
      ]),
      'schizophrenia',
    );
    expect(a.status).toBe('possibly-meets');
    expect(a.failedAdequateTrials).toBe(0);
    expect(a.unconfirmedTrials.map((u) => u.ingredient)).toEqual(['risperidone', 'olanzapine']);
    expect(a.unconfirmedTrials[0]!.missing).toBe(
      'non-response stated without a rating-scale score; treatment-resistant schizophrenia (TRRIP) needs it measured on a rating scale',
    );
  });

  it('schizophrenia: non-response inferred from a switch is a possible failure under TRRIP', () => {
    const s1 = '2024-01-01';
    const s2 = weeksAfter(s1, 12);
    const a = assessmentOf(
      derive([
        patient(),
        schizophrenia(),
        statement('risperidone', 10, s1, s2),
        statement('olanzapine', 20, s2, null),
        panss(addDays(s2, -3), 95),
        panss(weeksAfter(s2, 10), 93),
        level('risperidone', weeksAfter(s1, 6), 20, 'ng/mL'),
        level('olanzapine', weeksAfter(s2, 6), 30, 'ng/mL'),
      ]),
      'schizophrenia',
    );
    expect(a.status).toBe('possibly-meets');
    expect(a.failedAdequateTrialIds).toEqual([`olanzapine@${s2}`]);
    expect(a.unconfirmedTrials.map((u) => [u.ingredient, u.missing])).toEqual([
      ['risperidone', 'non-response only inferred from a switch; treatment-resistant schizophrenia (TRRIP) needs it measured on a rating scale'],
    ]);
  });

  it('schizophrenia: two antipsychotics failing on PANSS (< 20% reduction), each with a plasma level showing it was taken, meet TRRIP', () => {
    const s1 = '2024-01-01';
    const s2 = weeksAfter(s1, 12);
    const a = assessmentOf(
      derive([
        patient(),
        schizophrenia(),
        statement('risperidone', 10, s1, s2),
        statement('olanzapine', 20, s2, weeksAfter(s2, 12)),
        panss('2023-12-28', 100),
        panss(weeksAfter(s1, 11), 95),
        panss(weeksAfter(s2, 11), 92),
        level('risperidone', weeksAfter(s1, 6), 20, 'ng/mL'),
        level('olanzapine', weeksAfter(s2, 6), 30, 'ng/mL'),
      ]),
      'schizophrenia',
    );
    expect(a.status).toBe('meets');
    expect(a.treatmentResistant).toBe(true);
    expect(a.unconfirmedTrials).toEqual([]);
  });

  it('MDD: one failure on PHQ-9 and an ongoing adequate trial without scores -> possibly meets, confirm with a PHQ-9 now', () => {
    const s1 = '2025-01-01';
    const s2 = weeksAfter(s1, 10);
    const a = assessmentOf(
      derive([patient(), mdd('2024-11-01'), statement('sertraline', 100, s1, s2), phq9('2024-12-28', 22), phq9(weeksAfter(s1, 9), 20), statement('venlafaxine', 150, addDays(s2, 60), null)]),
      'mdd',
    );
    expect(a.status).toBe('possibly-meets');
    expect(a.unconfirmedTrials).toHaveLength(1);
    expect(a.unconfirmedTrials[0]).toMatchObject({
      ingredient: 'venlafaxine',
      missing: 'ongoing at an adequate dose with no PHQ-9, MADRS, HAM-D17 or QIDS-SR16 score to judge it',
      confirm: 'the response to venlafaxine (a PHQ-9, MADRS, HAM-D17 or QIDS-SR16 score now)',
    });
  });

  it('MDD: one failure and nothing else adequate does not meet TRD', () => {
    const s1 = '2025-01-01';
    const a = assessmentOf(derive([patient(), mdd('2024-11-01'), statement('sertraline', 100, s1, weeksAfter(s1, 10)), phq9('2024-12-28', 22), phq9(weeksAfter(s1, 9), 20)]), 'mdd');
    expect(a.status).toBe('does-not-meet');
    expect(a.unconfirmedTrials).toEqual([]);
    expect(a.conclusion).toMatch(/^Does not meet treatment-resistant depression: 1 failed adequate trial .*; 2 different agents needed\.$/);
  });

  it('OCD: three long high-dose SRI trials separated by months, no Y-BOCS -> possibly meets, not "0 failed trials" and nothing more', () => {
    const s1 = '2022-01-01';
    const s2 = addDays(weeksAfter(s1, 16), 90);
    const s3 = addDays(weeksAfter(s2, 16), 90);
    const a = assessmentOf(
      derive([
        patient(),
        condition('F42.2', 'Mixed obsessional thoughts and acts', '2020-01-01'),
        statement('fluoxetine', 60, s1, weeksAfter(s1, 16)),
        statement('sertraline', 200, s2, weeksAfter(s2, 16)),
        statement('fluvoxamine', 300, s3, weeksAfter(s3, 16)),
      ]),
      'ocd',
    );
    expect(a.status).toBe('possibly-meets');
    expect(a.failedAdequateTrials).toBe(0);
    expect(a.unconfirmedTrials.map((u) => u.ingredient)).toEqual(['fluoxetine', 'sertraline', 'fluvoxamine']);
    expect(a.unconfirmedTrials[0]!.confirm).toBe('the response to fluoxetine (a Y-BOCS score from the trial, or the clinical notes)');
  });

  it('OCD: the same failures with Y-BOCS scores (< 35% reduction) meet the working rule', () => {
    const s1 = '2022-01-01';
    const s2 = weeksAfter(s1, 16);
    const a = assessmentOf(
      derive([
        patient(),
        condition('F42.2', 'Mixed obsessional thoughts and acts', '2020-01-01'),
        statement('fluoxetine', 60, s1, s2),
        statement('sertraline', 200, s2, weeksAfter(s2, 16)),
        ybocs('2021-12-28', 30),
        ybocs(weeksAfter(s1, 15), 28),
        ybocs(weeksAfter(s2, 15), 27),
      ]),
      'ocd',
    );
    expect(a.status).toBe('meets');
  });
});
