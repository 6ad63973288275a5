import { describe, expect, it } from 'vitest';
import { assessmentOf, condition, derive, ect, level, mdd, panss, patient, phq9, statement, weeksAfter } from './builders';

/** Two failed adequate trials in the current episode: sertraline 100 mg/day for 10 weeks, venlafaxine 150 mg/day for 8 weeks. */
function twoFailures() {
  const s1 = '2025-01-01';
  const s2 = weeksAfter(s1, 10);
  return [
    patient(),
    mdd('2024-11-01'),
    statement('sertraline', 100, s1, s2),
    statement('venlafaxine', 150, s2, weeksAfter(s2, 8)),
    phq9('2024-12-28', 22),
    phq9(weeksAfter(s1, 9), 20),
    phq9(weeksAfter(s2, 7), 19),
  ];
}

describe('assessments', () => {
  it('MDD with 2 failed adequate trials in the current episode meets TRD (Gaynes 2020 [V])', () => {
    const a = assessmentOf(derive(twoFailures()), 'mdd');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.treatmentResistant).toBe(true);
    expect(a.definition.id).toBe('resistance.mdd');
    expect(a.conclusion).toBe(
      'Meets treatment-resistant depression: 2 failed adequate trials in the current episode (sertraline 100 mg/day for 10 weeks; venlafaxine 150 mg/day for 8 weeks).',
    );
  });

  it('Thase-Rush stage II for failures in two classes (SSRI, SNRI) (Thase 1997 [S])', () => {
    expect(assessmentOf(derive(twoFailures()), 'mdd').thaseRush).toBe(2);
  });

  it('MGH-S = 2 for two failed adequate trials without optimisation, augmentation or ECT (Fava 2003 MGH-S [V])', () => {
    expect(assessmentOf(derive(twoFailures()), 'mdd').mghs).toBe(2);
  });

  it('MGH-S adds 3 for ECT and Maudsley scores ECT 1', () => {
    const a = assessmentOf(derive([...twoFailures(), ect('2025-09-01')]), 'mdd');
    expect(a.mghs).toBe(5);
    expect(a.maudsley?.items.find((i) => i.item === 'ect')?.points).toBe(1);
  });

  it('Maudsley: duration 13-24 months = 2, moderate coded severity F33.1 = 3, 1-2 failures = 1 -> 6, mild band', () => {
    const m = assessmentOf(derive(twoFailures()), 'mdd').maudsley!;
    expect(m.items.find((i) => i.item === 'duration')).toMatchObject({ points: 2, basis: 'data' });
    expect(m.items.find((i) => i.item === 'severity')).toMatchObject({ points: 3, basis: 'data' });
    expect(m.items.find((i) => i.item === 'antidepressant-failures')).toMatchObject({ points: 1 });
    expect(m.score).toBe(6);
    expect(m.band).toBe('mild');
  });

  it('trials of an earlier, ended episode do not count for the current one', () => {
    const old = [mdd('2019-01-01', '2019-12-31'), statement('sertraline', 100, '2019-02-01', '2019-06-01'), statement('citalopram', 40, '2019-06-01', '2019-10-01')];
    const a = assessmentOf(derive([patient(), ...old, mdd('2025-06-01'), statement('escitalopram', 20, '2025-06-15', null)]), 'mdd');
    expect(a.currentEpisode?.start).toBe('2025-06-01');
    expect(a.trialIds).toEqual(['escitalopram@2025-06-15']);
    expect(a.failedAdequateTrials).toBe(0);
    expect(a.treatmentResistant).toBe(false);
    expect(a.thaseRush).toBe(0);
  });

  it('one failed trial and one under-dosed trial: not TRD, with an inadequate-dose flag', () => {
    const s1 = '2025-01-01';
    const s2 = weeksAfter(s1, 10);
    const d = derive([patient(), mdd('2024-11-01'), statement('sertraline', 100, s1, s2), statement('venlafaxine', 75, s2, weeksAfter(s2, 8)), phq9('2024-12-28', 22), phq9(weeksAfter(s1, 9), 20)]);
    const a = assessmentOf(d, 'mdd');
    expect(a.failedAdequateTrials).toBe(1);
    expect(a.treatmentResistant).toBe(false);
    expect(a.conclusion).toMatch(/^Does not meet treatment-resistant depression: 1 failed adequate trial/);
    expect(a.flags.map((f) => f.kind)).toContain('inadequate-dose');
  });

  it('intolerance is not a failure', () => {
    const s1 = '2025-01-01';
    const d = derive([
      patient(),
      mdd('2024-11-01'),
      statement('sertraline', 100, s1, weeksAfter(s1, 8), { status: 'stopped', statusReason: [{ text: 'adverse reaction: hyponatraemia' }] }),
      statement('venlafaxine', 150, weeksAfter(s1, 8), weeksAfter(s1, 18)),
      phq9(weeksAfter(s1, 7), 21),
      phq9(weeksAfter(s1, 17), 20),
    ]);
    expect(assessmentOf(d, 'mdd').failedAdequateTrials).toBe(1);
  });

  it('substance use and Z-code stressors become flags', () => {
    const d = derive([...twoFailures(), condition('F10.20', 'Alcohol dependence, uncomplicated', '2023-01-01'), condition('Z59.0', 'Homelessness', '2025-01-01')]);
    const kinds = assessmentOf(d, 'mdd').flags.map((f) => f.kind);
    expect(kinds).toContain('substance-use');
    expect(kinds).toContain('trauma-or-stressors');
  });

  it('schizophrenia: 2 failed adequate trials of 2 different antipsychotics (PANSS) meet TRRIP', () => {
    const s1 = '2024-01-01';
    const s2 = weeksAfter(s1, 12);
    const d = derive([
      patient(),
      condition('F20.0', 'Paranoid schizophrenia', '2018-01-01'),
      statement('risperidone', 10, s1, s2, { status: 'stopped', statusReason: [{ text: 'no response' }] }),
      statement('olanzapine', 20, s2, weeksAfter(s2, 12), { status: 'stopped', statusReason: [{ text: 'ineffective' }] }),
      panss('2023-12-28', 100),
      panss(weeksAfter(s1, 11), 95),
      panss(weeksAfter(s2, 11), 92),
      // Adherence known from a plasma level during each trial (TRRIP, Howes 2017).
      level('risperidone', weeksAfter(s1, 6), 20, 'ng/mL'),
      level('olanzapine', weeksAfter(s2, 6), 30, 'ng/mL'),
    ]);
    const a = assessmentOf(d, 'schizophrenia');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.treatmentResistant).toBe(true);
    expect(a.definition.id).toBe('resistance.schizophrenia');
  });

  it('schizophrenia: the same antipsychotic failing twice is not TRRIP resistance (2 different agents needed)', () => {
    const d = derive([
      patient(),
      condition('F20.0', 'Paranoid schizophrenia', '2018-01-01'),
      statement('olanzapine', 20, '2022-01-01', '2022-06-01', { status: 'stopped', statusReason: [{ text: 'no response' }] }),
      statement('olanzapine', 25, '2023-01-01', '2023-06-01', { status: 'stopped', statusReason: [{ text: 'no response' }] }),
      panss('2021-12-28', 100),
      panss('2022-05-20', 97),
      panss('2022-12-28', 99),
      panss('2023-05-20', 96),
      level('olanzapine', '2022-03-01', 30, 'ng/mL'),
      level('olanzapine', '2023-03-01', 35, 'ng/mL'),
    ]);
    const a = assessmentOf(d, 'schizophrenia');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.treatmentResistant).toBe(false);
    expect(a.status).toBe('does-not-meet');
    expect(a.conclusion).toMatch(/^Does not meet treatment-resistant schizophrenia \(TRRIP\): 2 failed adequate trials of 1 agent/);
  });

  it('PTSD uses an explicitly unverified working rule', () => {
    const a = assessmentOf(derive([patient(), condition('F43.10', 'Post-traumatic stress disorder, unspecified', '2020-01-01')]), 'ptsd');
    expect(a.definition.verification).toBe('U');
    expect(a.conclusion).toMatch(/working rule/);
  });

  it('a patient with no psychiatric history gets a note, no assessments, and no crash', () => {
    const d = derive([patient()]);
    expect(d.assessments).toEqual([]);
    expect(d.notes.join(' ')).toMatch(/No psychiatric history/);
  });
});
