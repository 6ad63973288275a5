/**
 * The dose table as the labels and guidelines set it: reboxetine, fluvoxamine, selegiline routes, paroxetine CR,
 * dextromethorphan-bupropion as itself, OCD doses, and hypnotic doses listed but not counted.
 */
import { describe, expect, it } from 'vitest';
import { assessmentOf, condition, derive, mdd, patient, phq9, statement, trialOf, weeksAfter } from './builders';

const START = '2025-01-01';
const eightWeeks = (name: string, mg: number) => derive([patient(), mdd('2024-12-01'), statement(name, mg, START, weeksAfter(START, 8))]);

describe('antidepressant dose table corrected against the labels', () => {
  it('reboxetine 4 mg/day is below the labelled 4 mg twice daily (8 mg/day, Edronax SmPC)', () => {
    const t = trialOf(eightWeeks('reboxetine', 4), 'reboxetine');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toBe('dose below 8 mg (highest 4 mg/day)');
    expect(trialOf(eightWeeks('reboxetine', 8), 'reboxetine').adequate).toBe(true);
  });

  it('fluvoxamine 50 mg/day is below the depression dose of 100 mg/day (Faverin SmPC)', () => {
    expect(trialOf(eightWeeks('fluvoxamine', 50), 'fluvoxamine').adequate).toBe(false);
    expect(trialOf(eightWeeks('fluvoxamine', 100), 'fluvoxamine').adequate).toBe(true);
  });

  it('oral selegiline 10 mg/day is not an antidepressant trial; transdermal selegiline 6 mg/24 h is (Emsam label)', () => {
    const oral = trialOf(eightWeeks('selegiline 5 MG Oral Tablet', 10), 'selegiline');
    expect(oral.adequate).toBe(false);
    expect(oral.adequacyReason).toBe('oral selegiline is not an antidepressant treatment: not counted as a trial');
    const patch = trialOf(eightWeeks('Emsam (selegiline) 6 MG/24HR transdermal system', 6), 'selegiline');
    expect(patch.adequate).toBe(true);
  });

  it('controlled-release paroxetine needs 25 mg/day (paroxetine CR 20 mg is below it; plain paroxetine 20 mg is adequate)', () => {
    expect(trialOf(eightWeeks('paroxetine 20 MG 24 HR Extended Release Oral Tablet', 20), 'paroxetine').adequacyReason).toBe('dose below 25 mg (highest 20 mg/day)');
    expect(trialOf(eightWeeks('paroxetine 20 MG Oral Tablet', 20), 'paroxetine').adequate).toBe(true);
  });

  it('dextromethorphan-bupropion at its labelled dose (45/105 mg twice daily = bupropion 210 mg/day) is adequate, judged as itself', () => {
    const d = derive([
      patient(),
      mdd('2024-12-01'),
      statement('dextromethorphan hydrobromide 45 MG / bupropion hydrochloride 105 MG Extended Release Oral Tablet', 210, START, weeksAfter(START, 8)),
    ]);
    const t = trialOf(d, 'bupropion');
    expect(t.adequate).toBe(true);
    expect(t.adequacyRules.map((r) => r.id)).toContain('adequacy.min-dose.dextromethorphan-bupropion');
  });
});

describe('hypnotic doses are listed as hypnotic use, not counted as trials or augmentations', () => {
  it('trazodone 50 mg at night for 20 weeks is hypnotic use: role hypnotic, not a trial of the MDD assessment', () => {
    const d = derive([patient(), mdd('2024-12-01'), statement('trazodone', 50, START, weeksAfter(START, 20))]);
    const t = trialOf(d, 'trazodone');
    expect(t.role).toBe('hypnotic');
    expect(t.adequacyReason).toBe('hypnotic dose (highest 50 mg/day, at or below 100 mg/day): listed as hypnotic use, not counted as a trial or augmentation');
    expect(assessmentOf(d, 'mdd').trialIds).toEqual([]);
  });

  it('quetiapine 25 mg added to sertraline is not an augmentation (no Maudsley augmentation point, no MGH-S 0.5)', () => {
    const d = derive([
      patient(),
      mdd('2024-12-01'),
      statement('sertraline', 100, START, weeksAfter(START, 16)),
      statement('quetiapine', 25, weeksAfter(START, 2), weeksAfter(START, 16)),
      phq9('2024-12-28', 20),
      phq9(weeksAfter(START, 15), 19),
    ]);
    expect(trialOf(d, 'quetiapine').role).toBe('hypnotic');
    const a = assessmentOf(d, 'mdd');
    expect(a.maudsley!.items.find((i) => i.item === 'augmentation')!.points).toBe(0);
    expect(a.mghs).toBe(1.5); // 1 failed trial + 0.5 for 16 weeks at adequate dose (duration optimisation); no augmentation
    expect(a.mghsBasis).toContain('0 adequate augmentations or combinations × 0.5');
  });

  it('doxepin 6 mg is hypnotic (Silenor), doxepin 150 mg is an antidepressant trial', () => {
    expect(trialOf(eightWeeks('doxepin', 6), 'doxepin').role).toBe('hypnotic');
    expect(trialOf(eightWeeks('doxepin', 150), 'doxepin').adequate).toBe(true);
  });

  it('a hypnotic dose started after an antidepressant ends is not a switch (no inferred non-response)', () => {
    const d = derive([patient(), mdd('2024-12-01'), statement('sertraline', 100, START, weeksAfter(START, 10)), statement('trazodone', 50, weeksAfter(START, 10), null)]);
    expect(trialOf(d, 'sertraline').outcome).toBe('unknown');
  });
});

describe('OCD doses and durations (APA 2007 OCD guideline; NICE CG31)', () => {
  const ocd = () => condition('F42.2', 'Mixed obsessional thoughts and acts', '2020-01-01');
  it('fluoxetine 20 mg for 16 weeks is below the OCD dose (40 mg/day)', () => {
    const t = trialOf(derive([patient(), ocd(), statement('fluoxetine', 20, START, weeksAfter(START, 16))]), 'fluoxetine');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toBe('dose below 40 mg (highest 20 mg/day)');
  });
  it('fluoxetine 60 mg for 12 weeks is adequate; for 10 weeks it is too short', () => {
    expect(trialOf(derive([patient(), ocd(), statement('fluoxetine', 60, START, weeksAfter(START, 12))]), 'fluoxetine').adequate).toBe(true);
    expect(trialOf(derive([patient(), ocd(), statement('fluoxetine', 60, START, weeksAfter(START, 10))]), 'fluoxetine').adequacyReason).toMatch(/\(6 weeks at dose and 12 in all needed\)$/);
  });
  it('clomipramine 150 mg for 12 weeks is adequate for OCD (target 100-250 mg)', () => {
    expect(trialOf(derive([patient(), ocd(), statement('clomipramine', 150, START, weeksAfter(START, 12))]), 'clomipramine').adequate).toBe(true);
  });
  it('sertraline 100 mg is adequate for depression but below the OCD target of 200 mg', () => {
    expect(trialOf(derive([patient(), ocd(), statement('sertraline', 100, START, weeksAfter(START, 14))]), 'sertraline').adequacyReason).toBe('dose below 200 mg (highest 100 mg/day)');
  });
});
