import { describe, expect, it } from 'vitest';
import {
  MIN_ADEQUATE_OCD_TRIAL_WEEKS,
  MIN_ANTIDEPRESSANT_TRIAL_WEEKS,
  MIN_ANTIPSYCHOTIC_TRIAL_WEEKS,
  MIN_AUGMENTATION_TRIAL_WEEKS,
  MIN_OCD_WEEKS_AT_DOSE,
  R,
} from '../../../src/clinical';
import { addDays, condition, derive, mdd, patient, statement, trialOf, weeksAfter } from './builders';

const START = '2025-01-01';

describe('adequacy', () => {
  it('sertraline 25 mg for 10 weeks: dose below the ATRQ minimum of 50 mg (atrq_min_doses.tsv row sertraline)', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), statement('sertraline', 25, START, weeksAfter(START, 10))]), 'sertraline');
    expect(t.adequate).toBe(false);
    expect(t.adequateDose).toEqual({ amount: 50, unit: 'mg/day' });
    expect(t.adequacyReason).toMatch(/dose below 50 mg/);
  });

  it(`venlafaxine 150 mg for 4 weeks: "4 weeks only" (MIN_ANTIDEPRESSANT_TRIAL_WEEKS = ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS}, MGH-S)`, () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), statement('venlafaxine', 150, START, weeksAfter(START, 4))]), 'venlafaxine');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toMatch(/4 weeks only/);
  });

  it('sertraline 100 mg for 10 weeks is adequate and says so', () => {
    const t = trialOf(derive([patient(), mdd('2024-12-01'), statement('sertraline', 100, START, weeksAfter(START, 10))]), 'sertraline');
    expect(t.adequate).toBe(true);
    expect(t.adequacyReason).toMatch(/^adequate: 10 weeks at or above 50 mg/);
    expect(t.adequacyRules.map((r) => r.id)).toContain('adequacy.min-duration-weeks');
  });

  it('a trial whose dose cannot be read is not adequate: "dose unknown"', () => {
    const s = statement('sertraline', null, START, weeksAfter(START, 10));
    s.dosage = [{ text: 'as directed' }];
    const t = trialOf(derive([patient(), mdd('2024-12-01'), s]), 'sertraline');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toMatch(/dose unknown/);
  });

  it('olanzapine 10 mg/day in schizophrenia is below 600 mg CPZ-eq (TRRIP; Gardner 2010 olanzapine 20 mg ≡ 600 mg CPZ)', () => {
    const d = derive([patient(), condition('F20.0', 'Paranoid schizophrenia', '2020-01-01'), statement('olanzapine', 10, START, weeksAfter(START, 12))]);
    const t = trialOf(d, 'olanzapine');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toBe(
      'dose below 20 mg/day (≡ 600 mg/day chlorpromazine; highest 10 mg/day ≈ 300 CPZ-eq); adherence unknown (no dispensing record or plasma level; TRRIP asks for at least 80% of doses taken and at least one plasma level): at most a possible failure',
    );
    expect(t.doseSteps[0]!.cpzEquivalentMg).toBe(300);
  });

  it('risperidone 6 mg/day and haloperidol 10 mg/day for 8 weeks in schizophrenia are adequate (Gardner 2010 ≡ 600 mg CPZ)', () => {
    const sz = condition('F20.0', 'Paranoid schizophrenia', '2020-01-01');
    const risperidone = trialOf(derive([patient(), sz, statement('risperidone', 6, START, weeksAfter(START, 8))]), 'risperidone');
    expect(risperidone.adequate).toBe(true);
    expect(risperidone.adequacyReason).toMatch(/; adherence unknown \(no dispensing record or plasma level; .*\): at most a possible failure$/);
    expect(trialOf(derive([patient(), sz, statement('haloperidol', 10, START, weeksAfter(START, 8))]), 'haloperidol').adequate).toBe(true);
  });

  it('cariprazine 6 mg/day (the maximum licensed dose) for 8 weeks in schizophrenia is adequate, by the working rule for drugs whose equivalent exceeds the licence', () => {
    const d = derive([patient(), condition('F20.0', 'Paranoid schizophrenia', '2020-01-01'), statement('cariprazine', 6, START, weeksAfter(START, 8))]);
    const t = trialOf(d, 'cariprazine');
    expect(t.adequate).toBe(true);
    expect(t.adequateDose).toEqual({ amount: 360, unit: 'mg/day CPZ-eq', agentMgPerDay: 6 });
    expect(t.adequacyRules.map((r) => r.id)).toContain('adequacy.antipsychotic-at-maximum.oral.cariprazine');
  });

  it('olanzapine 20 mg/day for 8 weeks in schizophrenia is adequate (≈600 mg CPZ-eq, TRRIP)', () => {
    const d = derive([patient(), condition('F20.0', 'Paranoid schizophrenia', '2020-01-01'), statement('olanzapine', 20, START, weeksAfter(START, 8))]);
    expect(trialOf(d, 'olanzapine').adequate).toBe(true);
  });

  it('an SRI trial counted for OCD needs 12 weeks: fluoxetine 40 mg for 8 weeks is too short [S]', () => {
    const d = derive([patient(), condition('F42.2', 'Mixed obsessional thoughts and acts', '2020-01-01'), statement('fluoxetine', 40, START, weeksAfter(START, 8))]);
    const t = trialOf(d, 'fluoxetine');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toMatch(/8 weeks only \(6 weeks at dose and 12 in all needed\)/);
  });

  it('an agent without a dose row (lamotrigine added to an antidepressant) is judged on duration alone, marked unverified', () => {
    const s = statement('sertraline', 100, START, weeksAfter(START, 20));
    const lamotrigine = statement('lamotrigine', 100, weeksAfter(START, 2), weeksAfter(START, 12));
    const t = trialOf(derive([patient(), mdd('2024-12-01'), s, lamotrigine]), 'lamotrigine');
    expect(t.role).toBe('augmentation');
    expect(t.adequacyRules.find((r) => r.id === 'adequacy.no-dose-row')?.verification).toBe('U');
  });
});

/** A statement taken for exactly `days` days from START (first and last day included). */
const forDays = (name: string, mg: number, days: number, from = START) => statement(name, mg, from, addDays(from, days - 1));
const SCHIZOPHRENIA = condition('F20.0', 'Paranoid schizophrenia', '2020-01-01');
const OCD = condition('F42.2', 'Mixed obsessional thoughts and acts', '2020-01-01');

describe("each rule set's minimum duration is a boundary: one day short is not adequate, the minimum is", () => {
  it(`antidepressant: sertraline 100 mg for ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks is adequate, one day less is "too short"`, () => {
    const days = MIN_ANTIDEPRESSANT_TRIAL_WEEKS * 7;
    expect(trialOf(derive([patient(), mdd('2024-12-01'), forDays('sertraline', 100, days)]), 'sertraline').adequate).toBe(true);
    const short = trialOf(derive([patient(), mdd('2024-12-01'), forDays('sertraline', 100, days - 1)]), 'sertraline');
    expect(short.adequate).toBe(false);
    expect(short.adequacyReason).toContain(`(${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks needed)`);
  });

  it(`antipsychotic under TRRIP: olanzapine 20 mg in schizophrenia for ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks is adequate, one day less is not`, () => {
    const days = MIN_ANTIPSYCHOTIC_TRIAL_WEEKS * 7;
    expect(trialOf(derive([patient(), SCHIZOPHRENIA, forDays('olanzapine', 20, days)]), 'olanzapine').adequate).toBe(true);
    const short = trialOf(derive([patient(), SCHIZOPHRENIA, forDays('olanzapine', 20, days - 1)]), 'olanzapine');
    expect(short.adequate).toBe(false);
    expect(short.adequacyReason).toContain(`(${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks needed)`);
  });

  it(`augmentation: quetiapine 150 mg added to sertraline for ${MIN_AUGMENTATION_TRIAL_WEEKS} weeks is adequate, one day less is not`, () => {
    const days = MIN_AUGMENTATION_TRIAL_WEEKS * 7;
    const sertraline = () => statement('sertraline', 100, START, weeksAfter(START, 30));
    const added = weeksAfter(START, 8);
    const full = trialOf(derive([patient(), mdd('2024-12-01'), sertraline(), forDays('quetiapine', 150, days, added)]), 'quetiapine');
    expect(full.role).toBe('augmentation');
    expect(full.adequate).toBe(true);
    const short = trialOf(derive([patient(), mdd('2024-12-01'), sertraline(), forDays('quetiapine', 150, days - 1, added)]), 'quetiapine');
    expect(short.role).toBe('augmentation');
    expect(short.adequate).toBe(false);
    expect(short.adequacyReason).toContain(`(${MIN_AUGMENTATION_TRIAL_WEEKS} weeks needed)`);
  });

  it(`OCD: fluoxetine 40 mg for ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks in all is adequate, one day less is not`, () => {
    const days = MIN_ADEQUATE_OCD_TRIAL_WEEKS * 7;
    expect(trialOf(derive([patient(), OCD, forDays('fluoxetine', 40, days)]), 'fluoxetine').adequate).toBe(true);
    const short = trialOf(derive([patient(), OCD, forDays('fluoxetine', 40, days - 1)]), 'fluoxetine');
    expect(short.adequate).toBe(false);
    expect(short.adequacyReason).toContain(`(${MIN_OCD_WEEKS_AT_DOSE} weeks at dose and ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} in all needed)`);
  });

  it(`OCD: of the whole trial, ${MIN_OCD_WEEKS_AT_DOSE} weeks at the OCD dose are enough and one day less is not`, () => {
    const atDose = MIN_OCD_WEEKS_AT_DOSE * 7;
    const total = MIN_ADEQUATE_OCD_TRIAL_WEEKS * 7;
    const trial = (daysAtDose: number) => {
      const low = forDays('fluoxetine', 20, total - daysAtDose);
      const high = forDays('fluoxetine', 40, daysAtDose, addDays(START, total - daysAtDose));
      return trialOf(derive([patient(), OCD, low, high]), 'fluoxetine');
    };
    expect(trial(atDose).adequate).toBe(true);
    const short = trial(atDose - 1);
    expect(short.adequate).toBe(false);
    expect(short.adequacyReason).toContain(`at adequate dose (${MIN_OCD_WEEKS_AT_DOSE} weeks at dose and ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} in all needed)`);
  });

  it('the rule texts state the durations the engine applies', () => {
    expect(R.minDuration.summary).toContain(`at least ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks`);
    expect(R.antipsychoticDose.summary).toContain(`≥ ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks`);
    expect(R.ocdDuration.summary).toContain(`at least ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks in all, at least ${MIN_OCD_WEEKS_AT_DOSE} of them`);
  });
});
