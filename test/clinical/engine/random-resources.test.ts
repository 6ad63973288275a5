/**
 * Property-based test: random and malformed resources never make the engine throw, and the accounting lists exactly
 * the inputs: each resource once, under its own type and id, in used or unused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountingHolds, derivePatient } from '../../../src/clinical';

const dateLike = fc.oneof(
  fc.constantFrom('2025-01-01', '2024-02-29', '2025-13-45', '0001-01-01', '9999-12-31', '', 'yesterday', '2025', '2025-06', '2025-06-01T10:00:00+02:00'),
  fc.date({ min: new Date('1850-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer(),
  fc.constant(null),
);
const weird = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const drugName = fc.constantFrom('sertraline', 'venlafaxine 75 MG Extended Release Oral Capsule', 'Zoloft', 'olanzapine', 'lithium carbonate 300 MG', 'atorvastatin', 'xyzzy', '');
const bigNumber = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(0, -5, 1e12, Number.MAX_VALUE, Infinity));
const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), weird);
const ref = fc.oneof(fc.constantFrom('Patient/p1', 'Patient/p2', 'Medication/a', 'Medication/b', '#c', 'MedicationRequest/a', 'urn:uuid:1'), weird);

const dosage = fc.record(
  {
    text: fc.oneof(fc.string(), fc.constantFrom('take 2 tablets by mouth daily', '1 tab bid', '150 mg at bedtime')),
    timing: fc.oneof(weird, fc.record({ repeat: fc.record({ frequency: fc.oneof(fc.integer(), weird), period: fc.oneof(bigNumber, weird), periodUnit: fc.oneof(fc.constantFrom('d', 'wk', 'h', 'mo'), weird) }) })),
    doseAndRate: fc.oneof(weird, fc.array(fc.record({ doseQuantity: fc.record({ value: fc.oneof(bigNumber, weird), unit: fc.oneof(fc.constantFrom('mg', 'g', 'mcg', 'tablet', 'mL', 'furlong'), weird) }) }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const medRecord = fc.record(
  {
    resourceType: fc.constantFrom('MedicationStatement', 'MedicationRequest', 'MedicationDispense'),
    id,
    status: fc.oneof(fc.constantFrom('active', 'completed', 'stopped', 'entered-in-error', 'not-taken', 'cancelled', 'intended'), weird),
    subject: fc.oneof(fc.record({ reference: ref }), weird),
    medicationCodeableConcept: fc.oneof(fc.record({ text: drugName }), weird),
    medicationReference: fc.oneof(fc.record({ reference: ref }), weird),
    effectivePeriod: fc.oneof(fc.record({ start: dateLike, end: dateLike }, { requiredKeys: [] }), weird),
    effectiveDateTime: dateLike,
    authoredOn: dateLike,
    whenHandedOver: dateLike,
    daysSupply: fc.oneof(fc.record({ value: fc.oneof(bigNumber, weird), unit: fc.oneof(fc.string(), weird) }), weird),
    dosage: fc.oneof(fc.array(dosage, { maxLength: 3 }), weird),
    dosageInstruction: fc.oneof(fc.array(dosage, { maxLength: 3 }), weird),
    dispenseRequest: fc.oneof(
      fc.record({ expectedSupplyDuration: fc.record({ value: fc.oneof(bigNumber, weird), unit: fc.oneof(fc.constantFrom('d', 'days', 'wk'), weird) }), numberOfRepeatsAllowed: fc.oneof(fc.integer(), weird), quantity: fc.record({ value: fc.oneof(bigNumber, weird) }) }, { requiredKeys: [] }),
      weird,
    ),
    statusReason: fc.oneof(fc.array(fc.record({ text: fc.constantFrom('side effects', 'ineffective', 'moved') })), fc.record({ text: fc.string() }), weird),
    contained: fc.oneof(fc.array(fc.record({ resourceType: fc.constant('Medication'), id: fc.constantFrom('c', 'd'), code: fc.record({ text: drugName }) }), { maxLength: 2 }), weird),
  },
  { requiredKeys: ['resourceType'] },
);

const codeable = fc.oneof(
  fc.record({ coding: fc.array(fc.record({ system: fc.oneof(fc.constantFrom('http://hl7.org/fhir/sid/icd-10-cm', 'http://snomed.info/sct', 'http://loinc.org', 'urn:unknown'), weird), code: fc.oneof(fc.constantFrom('F33.1', 'F20.0', 'F42.2', 'F43.10', 'F31.4', 'F10.20', '44261-6', '44260-8', '370143000', 'Z96.21'), weird) }), { maxLength: 2 }), text: fc.oneof(fc.string(), weird) }, { requiredKeys: [] }),
  weird,
);

const otherResource = fc.record(
  {
    resourceType: fc.constantFrom('Condition', 'Observation', 'Procedure', 'Device', 'AllergyIntolerance', 'Medication', 'Patient', 'Encounter', 'Bundle'),
    id,
    code: codeable,
    type: codeable,
    subject: fc.oneof(fc.record({ reference: ref }), weird),
    patient: fc.oneof(fc.record({ reference: ref }), weird),
    onsetDateTime: dateLike,
    abatementDateTime: dateLike,
    recordedDate: dateLike,
    effectiveDateTime: dateLike,
    performedDateTime: dateLike,
    performedPeriod: fc.oneof(fc.record({ start: dateLike, end: dateLike }), weird),
    valueQuantity: fc.oneof(fc.record({ value: fc.oneof(bigNumber, weird) }), weird),
    valueInteger: fc.oneof(fc.integer(), weird),
    clinicalStatus: codeable,
    verificationStatus: codeable,
    component: fc.oneof(fc.array(fc.record({ code: codeable, valueQuantity: fc.record({ value: bigNumber }) }), { maxLength: 2 }), weird),
    status: fc.oneof(fc.constantFrom('final', 'entered-in-error', 'completed', 'active'), weird),
    reaction: weird,
  },
  { requiredKeys: ['resourceType'] },
);

/**
 * The reference each input must be listed under: "Type/id" for a resource with an id; a later copy of the same
 * Type/id, a resource without an id and an item that is not a resource each under a name that says which input it is.
 */
function expectedReferences(inputs: readonly unknown[]): string[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const n = index + 1;
    const resourceType = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { resourceType?: unknown }).resourceType : undefined;
    if (typeof resourceType !== 'string') return `(input ${n})`;
    const id = (input as { id?: unknown }).id;
    if (typeof id !== 'string' || id === '') return `${resourceType}/(no id, input ${n})`;
    const reference = `${resourceType}/${id}`;
    if (seen.has(reference)) return `${reference} (copy ${n})`;
    seen.add(reference);
    return reference;
  });
}

const anyInput = fc.oneof({ weight: 4, arbitrary: medRecord }, { weight: 4, arbitrary: otherResource }, { weight: 1, arbitrary: weird });

describe('property: random and malformed records', () => {
  it('never throw, and list every input exactly once, by its type and id, in used or unused', () => {
    fc.assert(
      fc.property(fc.array(anyInput, { maxLength: 25 }), (inputs) => {
        const d = derivePatient({ patientId: 'p1', resources: inputs as never }, { asOf: '2026-01-01' });
        const listed = [...d.used, ...d.unused].map((entry) => entry.reference);
        expect(listed.sort()).toEqual(expectedReferences(inputs).sort());
        expect(accountingHolds(inputs.length, d.used, d.unused)).toBe(true);
        // Output must be serialisable (the CLI prints it).
        JSON.stringify(d);
      }),
      { numRuns: 300, seed: 20260101 },
    );
  });

  it('a cyclic structure (an object referencing itself) does not throw', () => {
    const cyclic: Record<string, unknown> = { resourceType: 'MedicationRequest', id: 'cyc', status: 'active', medicationCodeableConcept: { text: 'sertraline' }, authoredOn: '2025-01-01' };
    cyclic.contained = [cyclic];
    cyclic.medicationReference = { reference: '#cyc' };
    const selfRef = { resourceType: 'Medication', id: 'm', code: { text: 'sertraline' } } as Record<string, unknown>;
    selfRef.ingredient = [{ itemReference: { reference: 'Medication/m' } }];
    const d = derivePatient({ patientId: 'p1', resources: [cyclic, selfRef] as never }, { asOf: '2026-01-01' });
    expect([...d.used, ...d.unused].map((entry) => entry.reference).sort()).toEqual(['Medication/m', 'MedicationRequest/cyc']);
  });
});
