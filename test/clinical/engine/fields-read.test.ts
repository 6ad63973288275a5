/**
 * The engine reads resources of other types than TYPES_READ_IN_FULL only through FIELDS_READ_OF_OTHER_TYPES
 * (`npm run derive` accounts for them from those fields alone): a record derives the same either way.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { derivePatient } from '../../../src/clinical/derive';
import { fieldsRead, TYPES_READ_IN_FULL } from '../../../src/clinical/fields-read';
import { generateRealisticPatientResources, type RealisticStory } from '../../../sandbox/patients/realistic';
import { AS_OF, mdd, patient, PID, phq9, statement, weeksAfter } from './builders';

const deriveBothWays = (resources: Resource[], patientId: string, asOf: string) => ({
  whole: derivePatient({ patientId, resources }, { asOf }),
  fieldsRead: derivePatient({ patientId, resources: resources.map((r) => fieldsRead(r) as Resource) }, { asOf }),
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
});
