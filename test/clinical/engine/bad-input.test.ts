/** Bad input: each yields a stated reason, never an exception or a silently wrong trial. */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { condition, derive, mdd, patient, request, statement, trialOf, weeksAfter } from './builders';

describe('bad input', () => {
  it('a dose unit the engine cannot convert to mg is stated, and the trial is not called adequate', () => {
    const s = statement('sertraline', null, '2025-01-01', weeksAfter('2025-01-01', 10));
    s.dosage = [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 2, unit: 'puffs' } }] }];
    const t = trialOf(derive([patient(), mdd('2024-12-01'), s]), 'sertraline');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toMatch(/dose unknown/);
    expect(t.doseSteps[0]?.dailyDoseMg).toBeNull();
    expect(t.notes.join(' ')).not.toBe('');
  });

  it('a diagnosis coded only in an unknown system is not used: "code from unknown system"', () => {
    const c = condition('X1', 'Something', '2025-01-01');
    c.code = { coding: [{ system: 'http://example.org/legacy', code: 'DEP-7' }] };
    const d = derive([patient(), c]);
    expect(d.unused.find((u) => u.reference === `Condition/${c.id}`)?.reason).toMatch(/code from unknown system http:\/\/example.org\/legacy/);
  });

  it('a Procedure in a known system spelled otherwise is read in it: HCPCS esketamine sessions are procedures, an untracked code is named as such', () => {
    const proc = (id: string, system: string, code: string, text?: string): Resource =>
      ({ resourceType: 'Procedure', id, status: 'completed', subject: { reference: 'Patient/p1' }, performedDateTime: '2025-03-01', code: { coding: [{ system, code }], ...(text ? { text } : {}) } }) as Resource;
    const d = derive([
      patient(),
      proc('spravato', 'urn:oid:2.16.840.1.113883.6.285', 'G2082'),
      proc('cpt-oid', 'urn:oid:2.16.840.1.113883.6.12', '90870'),
      proc('injection', 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'J1234', 'Injection, other'),
      proc('cleaning', 'urn:oid:2.16.840.1.113883.6.96', '234975001', 'Dental cleaning'),
      proc('legacy', 'http://example.org/legacy-emr/procedures', 'X1', 'Chart review'),
    ]);
    expect(d.procedures.map((p) => [p.source, p.kind])).toEqual([['Procedure/spravato', 'esketamine'], ['Procedure/cpt-oid', 'ect']]);
    const reason = (id: string) => d.unused.find((u) => u.reference === `Procedure/${id}`)?.reason;
    expect(reason('injection')).toBe('not an interventional psychiatric procedure: Injection, other');
    expect(reason('cleaning')).toBe('not an interventional psychiatric procedure: Dental cleaning');
    expect(reason('legacy')).toBe('code from unknown system http://example.org/legacy-emr/procedures (Chart review)');
  });

  it('contradictory condition dates (abatement before onset) are not used, with the reason', () => {
    const c = mdd('2025-05-01', '2025-01-01');
    const d = derive([patient(), c]);
    expect(d.unused.find((u) => u.reference === `Condition/${c.id}`)?.reason).toMatch(/abatement .* before onset/);
    expect(d.assessments).toHaveLength(0);
  });

  it('a free-text-only medication that cannot be recognised is listed, not dropped', () => {
    const r = request('the usual pill', 100, '2025-01-01', 30);
    const d = derive([patient(), r]);
    expect(d.unused.find((u) => u.reference === `MedicationRequest/${r.id}`)?.reason).toMatch(/medication not recognised: the usual pill/);
  });

  it('a score without a date is not used: "no date"', () => {
    const o = { resourceType: 'Observation' as const, id: 'phq-undated', status: 'final' as const, subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, valueInteger: 12 };
    const d = derive([patient(), o]);
    expect(d.unused).toContainEqual({ reference: 'Observation/phq-undated', reason: 'no date' });
  });

  it('a 30-year record with thousands of resources derives without error and accounts for all of them', () => {
    const res: Resource[] = [patient(), mdd('1995-01-01')];
    for (let y = 0; y < 30; y++) for (let m = 0; m < 12; m++) res.push(statement('sertraline', 100 + (y % 3) * 50, `${1996 + y}-${String(m + 1).padStart(2, '0')}-01`, `${1996 + y}-${String(m + 1).padStart(2, '0')}-28`));
    const d = derive(res);
    expect(d.used.length + d.unused.length).toBe(res.length);
    expect(d.trials.length).toBeGreaterThan(0);
  });
});

describe('bad input: a completed record without an end date', () => {
  it('says the duration is unknown instead of calling the trial short, and raises no too-short flag', () => {
    const s = statement('sertraline', 100, '2025-01-01', null, { status: 'completed' });
    const d = derive([patient(), mdd('2024-12-01'), s]);
    const t = trialOf(d, 'sertraline');
    expect(t.adequate).toBe(false);
    expect(t.adequacyReason).toBe('duration unknown (no end date recorded)');
    expect(d.assessments[0]?.flags.map((f) => f.kind)).not.toContain('too-short');
  });
});
