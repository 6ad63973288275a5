/**
 * The engine reads resources of other types than TYPES_READ_IN_FULL only through FIELDS_READ_OF_OTHER_TYPES, and
 * Observations whose code it does not use only through FIELDS_READ_OF_UNUSED_OBSERVATIONS (`npm run derive` accounts
 * for them from those fields alone, shared and frozen): a record derives the same either way.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { derivePatient } from '../../../src/clinical/derive';
import { fieldsRead, observationReadInFull, TYPES_READ_IN_FULL } from '../../../src/clinical/fields-read';
import { generateRealisticPatientResources, type RealisticStory } from '../../../sandbox/patients/realistic';
import { AS_OF, level, madrs, mdd, patient, PID, phq9, statement, weeksAfter, ybocs } from './builders';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// The fields read are frozen, as derive shares them between resources: an engine that wrote to them would fail here.
const deriveBothWays = (resources: Resource[], patientId: string, asOf: string) => ({
  whole: derivePatient({ patientId, resources }, { asOf }),
  fieldsRead: derivePatient({ patientId, resources: resources.map((r) => (r.resourceType === 'Patient' ? r : deepFreeze(structuredClone(fieldsRead(r)))) as Resource) }, { asOf }),
});

describe('fields the engine reads of other resource types', () => {
  it('EHR-export-sized records (claims, explanations of benefit, immunizations, reports, goals) derive the same from those fields', () => {
    const today = new Date('2026-11-22T08:00:00Z');
    const stories: RealisticStory[] = ['none', 'mdd', 'mdd-alcohol', 'anxiety'];
    const otherTypes = new Set<string>();
    stories.forEach((story, i) => {
      const resources = generateRealisticPatientResources({ id: `fr${i}`, today, seed: 700 + i, story });
      for (const r of resources) if (!TYPES_READ_IN_FULL.has(r.resourceType)) otherTypes.add(r.resourceType);
      const { whole, fieldsRead } = deriveBothWays(resources, `fr${i}`, '2026-11-22');
      expect(fieldsRead).toEqual(whole);
    });
    expect([...otherTypes].sort()).toEqual(['Claim', 'DiagnosticReport', 'ExplanationOfBenefit', 'Goal', 'Immunization']);
  });

  it('another patient, entered in error, a duplicate id, a Medication brought along and an unknown type derive the same', () => {
    const s1 = '2025-01-01';
    const resources = [
      patient(),
      mdd('2024-11-01'),
      statement('sertraline', 100, s1, weeksAfter(s1, 10)),
      phq9('2024-12-28', 22),
      { resourceType: 'Claim', id: 'c1', status: 'entered-in-error', patient: { reference: `Patient/${PID}` }, item: [{ sequence: 1 }] },
      { resourceType: 'Claim', id: 'c1', status: 'active', patient: { reference: `Patient/${PID}` } },
      { resourceType: 'Immunization', id: 'i1', status: 'completed', patient: { reference: 'Patient/someone-else' }, vaccineCode: { text: 'flu' } },
      {
        resourceType: 'ExplanationOfBenefit',
        id: 'e1',
        status: 'active',
        contained: [{ resourceType: 'ServiceRequest', id: 'ref', status: 'entered-in-error', subject: { reference: 'Patient/other' } }],
        patient: { reference: `Patient/${PID}` },
      },
      { resourceType: 'MedicationAdministration', id: 'ma1', status: 'completed', subject: { reference: `Patient/${PID}` }, medicationReference: { reference: 'Medication/m1' } },
      { resourceType: 'Medication', id: 'm1', code: { text: 'lithium carbonate 300 MG' } },
      { resourceType: 'Basic', id: 'b1', subject: { reference: `Patient/${PID}` }, code: { text: 'something' } },
      { resourceType: 'Goal', subject: { reference: `Patient/${PID}` }, description: { text: 'no id' } },
    ] as Resource[];
    const { whole, fieldsRead } = deriveBothWays(resources, PID, AS_OF);
    expect(fieldsRead).toEqual(whole);
    expect(whole.unused.map((u) => u.reference)).toEqual(
      expect.arrayContaining(['Claim/c1', 'Immunization/i1', 'ExplanationOfBenefit/e1', 'MedicationAdministration/ma1', 'Medication/m1', 'Basic/b1']),
    );
  });

  it('Observations whose code the engine does not use (vital signs, laboratory panels, unknown systems, no code) derive the same from those fields and the code', () => {
    const s1 = '2025-01-01';
    const obs = (id: string, code: unknown, extra: Record<string, unknown> = {}) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: `Patient/${PID}` },
      code,
      effectiveDateTime: '2025-02-01',
      valueQuantity: { value: 7, unit: 'mmol/L' },
      ...extra,
    });
    const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
    const unused = [
      obs('glucose', loinc('2339-0', 'Glucose')),
      obs('weight', loinc('29463-7', 'Body weight')),
      obs('smoking', loinc('72166-2', 'Tobacco smoking status'), { valueCodeableConcept: { text: 'Never smoked' } }),
      obs('local', { coding: [{ system: 'http://example.org/lab', code: 'X1' }] }),
      obs('no-code', undefined),
      obs('text-only', { text: 'Hemoglobin A1c' }),
      obs('cancelled', loinc('2947-0', 'Sodium'), { status: 'cancelled' }),
      obs('error', loinc('2947-0', 'Sodium'), { status: 'entered-in-error' }),
      obs('other-patient', loinc('2947-0', 'Sodium'), { subject: { reference: 'Patient/someone-else' } }),
    ];
    const used = [
      phq9('2024-12-28', 22),
      phq9('2025-03-01', 9),
      madrs('2025-03-01', 14),
      ybocs('2025-03-01', 20),
      level('lithium', '2025-02-15', 0.7, 'mmol/L'),
      level('aripiprazole', '2025-02-15', 'not detected', 'ng/mL'),
      obs('bp', loinc('85354-9', 'Blood pressure panel'), {
        valueQuantity: undefined,
        component: [
          { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: { value: 150, unit: 'mm[Hg]' } },
          { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: { value: 95, unit: 'mm[Hg]' } },
        ],
      }),
      obs('mmse', loinc('72106-8', 'Total score [MMSE]'), { valueQuantity: { value: 26 } }),
      obs('level-by-name', { text: 'Clozapine level' }, { valueQuantity: { value: 420, unit: 'ng/mL' } }),
    ];
    for (const o of unused) expect(observationReadInFull((o as { code?: unknown }).code)).toBe(false);
    for (const o of used) expect(observationReadInFull(o.code)).toBe(true);
    const resources = [patient(), mdd('2024-11-01'), statement('sertraline', 100, s1, weeksAfter(s1, 10)), statement('lithium', 600, s1, weeksAfter(s1, 10)), ...unused, ...used] as Resource[];
    const { whole, fieldsRead } = deriveBothWays(resources, PID, AS_OF);
    expect(fieldsRead).toEqual(whole);
    expect(whole.unused.find((u) => u.reference === 'Observation/glucose')?.reason).toBeDefined();
    expect(whole.used.map((u) => u.reference)).toEqual(expect.arrayContaining(['Observation/bp', 'Observation/mmse']));
    expect(fieldsRead.unused.find((u) => u.reference === 'Observation/cancelled')?.reason).toBe('observation cancelled');
  });
});
