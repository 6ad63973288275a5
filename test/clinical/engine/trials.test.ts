import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPLY_DAYS, TRIAL_GAP_DAYS } from '../../../src/clinical';
import { addDays, condition, derive, dispense, mdd, patient, request, statement, trialOf, weeksAfter } from './builders';

describe('trials', () => {
  it('merges a statement, a request and dispenses of one ingredient into one trial with its sources', () => {
    const s = statement('sertraline', 100, '2025-03-01', '2025-06-01');
    const r = request('sertraline', 100, '2025-03-01', 30, 2);
    const d1 = dispense('sertraline', 100, '2025-03-02', 30);
    const d = derive([patient(), mdd('2025-02-01'), s, r, d1]);
    expect(d.trials).toHaveLength(1);
    const t = trialOf(d, 'sertraline');
    expect(t.start).toBe('2025-03-01');
    expect(t.end).toBe('2025-06-01');
    expect(t.sources).toEqual(expect.arrayContaining([`MedicationStatement/${s.id}`, `MedicationRequest/${r.id}`, `MedicationDispense/${d1.id}`]));
  });

  it('a statement marked completed whose end date is after today says so once and how it is counted (to today, not ongoing)', () => {
    const s = statement('sertraline', 100, '2025-10-01', '2026-03-01');
    const t = trialOf(derive([patient(), mdd('2025-09-01'), s]), 'sertraline');
    expect(s.status).toBe('completed');
    expect(t.end).toBe('2026-01-01');
    expect(t.notes).toEqual([`MedicationStatement/${s.id} is marked completed but its end date (2026-03-01) is after 2026-01-01: counted as running to 2026-01-01`]);
  });

  it('a dispense handed over (status completed) whose supply runs past today is no conflict: no note', () => {
    const r = request('sertraline', 100, '2025-11-20', 30, 5, { status: 'active' });
    const d1 = dispense('sertraline', 100, '2025-12-20', 30);
    const t = trialOf(derive([patient(), mdd('2025-09-01'), r, d1]), 'sertraline');
    expect(d1.status).toBe('completed');
    expect(t.end).toBeNull();
    expect(t.notes.filter((n) => /completed|end date/.test(n))).toEqual([]);
  });

  it(`a gap longer than TRIAL_GAP_DAYS (${TRIAL_GAP_DAYS}, the OHDSI drug-era persistence window) starts a new trial`, () => {
    const a = statement('sertraline', 100, '2024-01-01', '2024-03-01');
    const b = statement('sertraline', 100, addDays('2024-03-01', TRIAL_GAP_DAYS + 2), '2024-08-01');
    const d = derive([patient(), a, b]);
    expect(d.trials.filter((t) => t.ingredient === 'sertraline')).toHaveLength(2);
  });

  it('a gap of at most TRIAL_GAP_DAYS keeps one trial', () => {
    const a = statement('sertraline', 100, '2024-01-01', '2024-03-01');
    const b = statement('sertraline', 100, addDays('2024-03-01', TRIAL_GAP_DAYS), '2024-08-01');
    const d = derive([patient(), a, b]);
    expect(d.trials).toHaveLength(1);
  });

  it('records dose steps over time (50 then 100 mg) and the highest sustained dose', () => {
    const a = statement('sertraline', 50, '2025-01-01', '2025-01-28');
    const b = statement('sertraline', 100, '2025-01-29', '2025-04-30');
    const t = trialOf(derive([patient(), a, b]), 'sertraline');
    expect(t.doseSteps.map((s) => s.dailyDoseMg)).toEqual([50, 100]);
    expect(t.maxDailyDoseMg).toBe(100);
  });

  it('a dose held only one week in the middle of a trial is not its sustained dose', () => {
    const a = statement('sertraline', 50, '2025-01-01', '2025-04-30');
    const b = statement('sertraline', 200, '2025-02-01', '2025-02-07');
    const t = trialOf(derive([patient(), a, b]), 'sertraline');
    expect(t.maxDailyDoseMg).toBe(50);
  });

  it('an active statement without end is ongoing: end null', () => {
    const t = trialOf(derive([patient(), statement('escitalopram', 10, '2025-10-01', null)]), 'escitalopram');
    expect(t.end).toBeNull();
    expect(t.outcome).toBe('ongoing');
  });

  it('a request without end uses expectedSupplyDuration × (1 + numberOfRepeatsAllowed)', () => {
    const t = trialOf(derive([patient(), request('sertraline', 100, '2025-01-01', 30, 2)]), 'sertraline');
    expect(t.durationDays).toBe(90);
    expect(t.end).toBe(addDays('2025-01-01', 89));
  });

  it('a request without supply uses the quantity and the daily dose', () => {
    const r = request('sertraline 50 MG Oral Tablet', 100, '2025-01-01', 30, 0);
    r.dispenseRequest = { quantity: { value: 120, unit: 'tablet' } };
    const t = trialOf(derive([patient(), r]), 'sertraline');
    expect(t.durationDays).toBe(60);
  });

  it(`a request with no end, supply or quantity is assumed to cover ${DEFAULT_SUPPLY_DAYS} days, with a note`, () => {
    const r = request('sertraline', 100, '2025-01-01', 30);
    delete r.dispenseRequest;
    const t = trialOf(derive([patient(), r]), 'sertraline');
    expect(t.durationDays).toBe(DEFAULT_SUPPLY_DAYS);
    expect(t.notes).toContain(`no end, supply or quantity in MedicationRequest/${r.id}: assumed to cover 30 days, a usual dispensing period`);
  });

  it('duplicate records of the same prescription from two sources are merged with a note', () => {
    const a = request('venlafaxine', 150, '2025-01-01', 90);
    const b = request('venlafaxine', 150, '2025-01-01', 90);
    const d = derive([patient(), a, b]);
    expect(d.trials).toHaveLength(1);
    expect(trialOf(d, 'venlafaxine').notes.join(' ')).toMatch(/duplicate records of the same prescription merged/);
  });

  it('future dates, end before start and missing dates are listed as not used, never thrown', () => {
    const future = statement('sertraline', 100, '2027-01-01', null);
    const backwards = statement('sertraline', 100, '2025-05-01', '2025-01-01');
    const undated = statement('sertraline', 100, '2025-05-01', null);
    delete undated.effectivePeriod;
    const d = derive([patient(), future, backwards, undated]);
    expect(d.trials).toHaveLength(0);
    const reason = (id?: string) => d.unused.find((u) => u.reference === `MedicationStatement/${id}`)?.reason;
    expect(reason(future.id)).toMatch(/future/);
    expect(reason(backwards.id)).toMatch(/contradictory dates/);
    expect(reason(undated.id)).toMatch(/no usable date/);
  });

  it('an antipsychotic added to an antidepressant for >= 4 weeks is augmentation, another antidepressant is combination', () => {
    const s = statement('sertraline', 150, '2025-01-01', '2025-09-01');
    const a = statement('aripiprazole', 5, '2025-04-01', '2025-08-01');
    const b = statement('bupropion', 300, '2025-05-01', '2025-08-01');
    const d = derive([patient(), mdd('2024-12-01'), s, a, b]);
    const sert = trialOf(d, 'sertraline');
    expect(trialOf(d, 'aripiprazole').role).toBe('augmentation');
    expect(trialOf(d, 'aripiprazole').addedTo).toBe(sert.id);
    expect(trialOf(d, 'bupropion').role).toBe('combination');
    // Sertraline ran with both: not monotherapy.
    expect(sert).toMatchObject({ role: 'concurrent', alongside: [trialOf(d, 'aripiprazole').id, trialOf(d, 'bupropion').id] });
  });

  it('an antipsychotic in a patient with schizophrenia is not called augmentation: it ran alongside the antidepressant', () => {
    const s = statement('sertraline', 150, '2025-01-01', '2025-09-01');
    const a = statement('olanzapine', 20, '2025-02-01', '2025-08-01');
    const d = derive([patient(), condition('F20.0', 'Paranoid schizophrenia', '2020-01-01'), s, a]);
    expect(trialOf(d, 'olanzapine')).toMatchObject({ role: 'concurrent', alongside: [trialOf(d, 'sertraline').id] });
    expect(trialOf(d, 'olanzapine').addedTo).toBeUndefined();
  });

  it('dispenses give adherence as proportion of days covered', () => {
    const r = request('sertraline', 100, '2025-01-01', 30, 5); // 180 days prescribed
    const fills = [0, 60, 120].map((day) => dispense('sertraline', 100, addDays('2025-01-01', day), 30));
    const t = trialOf(derive([patient(), r, ...fills]), 'sertraline');
    // 90 days covered over 180 days from the first fill.
    expect(t.adherencePdc).toBeCloseTo(0.5, 2);
    expect(t.adequacyReason).toMatch(/adherence 50%/);
    expect(weeksAfter('2025-01-01', 1)).toBe('2025-01-08');
  });
});
