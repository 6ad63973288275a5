import { describe, expect, it } from 'vitest';
import { accountingHolds } from '../../../src/clinical';
import type { Resource } from 'fhir/r4';
import { derive, mdd, medication, patient, request, statement } from './builders';

function accountedOnce(resources: unknown[]) {
  const d = derive(resources as Resource[]);
  expect(accountingHolds(resources.length, d.used, d.unused)).toBe(true);
  return d;
}

describe('accounting: every input exactly once in used or unused', () => {
  it('a referenced Medication is used with its trial; an unreferenced one is not used, with the reason', () => {
    const med = medication('med-sert', 'sertraline 50 MG Oral Tablet');
    const lonely = medication('med-lonely', 'fluoxetine 20 MG Oral Capsule');
    const r = request('x', 100, '2025-01-01', 90);
    delete r.medicationCodeableConcept;
    r.medicationReference = { reference: 'Medication/med-sert' };
    const d = accountedOnce([patient(), mdd('2024-12-01'), r, med, lonely]);
    expect(d.trials[0]?.ingredient).toBe('sertraline');
    expect(d.used.find((u) => u.reference === 'Medication/med-sert')?.usedFor).toMatch(/medication of trial sertraline/);
    expect(d.unused.find((u) => u.reference === 'Medication/med-lonely')?.reason).toBe('Medication not referenced by any medication record');
  });

  it('a dangling medication reference is a note, the record still accounted for', () => {
    const r = request('x', 100, '2025-01-01', 90);
    delete r.medicationCodeableConcept;
    r.medicationReference = { reference: 'Medication/missing' };
    accountedOnce([patient(), r]);
  });

  it('a non-psychiatric medication is not used, naming it', () => {
    const d = accountedOnce([patient(), statement('atorvastatin 20 MG Oral Tablet', 20, '2025-01-01', null)]);
    expect(d.unused[0]?.reason).toMatch(/not a psychiatric medication: atorvastatin/);
  });

  it('entered-in-error records are not used', () => {
    const s = statement('sertraline', 100, '2025-01-01', null, { status: 'entered-in-error' });
    const d = accountedOnce([patient(), s]);
    expect(d.unused.find((u) => u.reference === `MedicationStatement/${s.id}`)?.reason).toBe('entered-in-error');
    expect(d.trials).toHaveLength(0);
  });

  it('unknown resource types, resources of another patient, non-resources and duplicates are each accounted once', () => {
    const other = statement('sertraline', 100, '2025-01-01', null);
    other.subject = { reference: 'Patient/someone-else' };
    const p = patient();
    const d = accountedOnce([p, p, { resourceType: 'Claim', id: 'e1' }, other, null, 42, 'text', { id: 'no-type' }]);
    expect(d.unused.map((u) => u.reason)).toEqual(
      expect.arrayContaining([
        'resource type Claim is not used by this app',
        'belongs to another patient (Patient/someone-else)',
        'not a FHIR resource (no resourceType)',
        'duplicate of Patient/p1 in the input',
      ]),
    );
  });

  it('a resource without id still appears once', () => {
    const s = statement('sertraline', 100, '2025-01-01', null);
    delete s.id;
    const d = accountedOnce([patient(), s]);
    expect(d.used.some((u) => u.reference.startsWith('MedicationStatement/(no id'))).toBe(true);
  });
});

describe('accounting: Medication resources of records that are not used', () => {
  it('say which record referenced them and why that record is not used', () => {
    const med = medication('med-statin', 'atorvastatin 20 MG Oral Tablet');
    const r = request('x', 20, '2025-01-01', 90);
    delete r.medicationCodeableConcept;
    r.medicationReference = { reference: 'Medication/med-statin' };
    const d = accountedOnce([med, patient(), r]);
    expect(d.unused.find((u) => u.reference === 'Medication/med-statin')?.reason).toBe(
      `Medication of MedicationRequest/${r.id}, which is not used (not a psychiatric medication: atorvastatin)`,
    );
  });
});
