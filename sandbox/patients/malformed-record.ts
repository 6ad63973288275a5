import type { MedicationDispense, MedicationRequest, MedicationStatement, Observation, Procedure, Condition } from 'fhir/r4';
import { DX, LOINC, PRACTITIONER_REF, RecordBuilder, SCALES, dosage, medicationConcept } from './fhir';
import { PRODUCTS } from './demo-products';
import type { DemoPatient } from './demo-patient';

const SURVEY = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }];
const PHQ9_CODE = { coding: [{ system: LOINC, code: SCALES.phq9.code, display: SCALES.phq9.display }], text: SCALES.phq9.text };

/**
 * A record as messy as real exports get. A plausible core (MDD, sertraline 100 mg for 5 months) surrounded by:
 * the same sertraline prescription recorded twice (MedicationRequest and MedicationStatement), a statement without any
 * date, a prescription whose medication is free text only, one pointing at a Medication that does not exist, a dispense
 * pointing at a deleted order, an order entered in error, an undated procedure, a Condition coded in an unknown system,
 * a dose in an unconvertible unit, and PHQ-9 scores without a date, without a value and in the future.
 * Everything must end up either in a trial or in the "not used, because" list; nothing may crash.
 */
export const malformedRecord: DemoPatient = {
  id: 'malformed-record',
  name: 'Alex Morgan',
  summary: 'Malformed entries: duplicates, missing/future dates, free-text and unknown codes, dangling references; must not crash.',
  deliberatelyDangling: ['Medication/malformed-record-missing-med', 'MedicationRequest/malformed-record-deleted-order'],
  build(today) {
    const b = new RecordBuilder(today, 'malformed-record');
    // No birth date: age unknown.
    b.add({
      resourceType: 'Patient',
      id: 'malformed-record',
      name: [{ text: 'Alex Morgan' }],
      gender: 'unknown',
    });
    b.condition('mdd', { ...DX.mddSingleModerate, text: 'Major depressive disorder, single episode, moderate', onset: 200 });
    b.add<Condition>({
      resourceType: 'Condition',
      id: b.id('unknown-code'),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [{ system: 'http://example.org/legacy-emr/problem-codes', code: 'DEP-07', display: 'Low mood (legacy)' }] },
      subject: b.subject,
    });

    // The same prescription twice: as an order and as a reconciled statement (no link between them).
    b.course('sertraline', {
      start: 150,
      steps: [{ product: 'sertraline100', perDay: 1, days: null }],
    });
    b.statement('sertraline-statement', { product: 'sertraline100', perDay: 1, start: 150, status: 'active' });

    // No effective date, no dateAsserted.
    b.add<MedicationStatement>({
      resourceType: 'MedicationStatement',
      id: b.id('escitalopram-undated'),
      status: 'completed',
      medicationCodeableConcept: medicationConcept(PRODUCTS.escitalopram10),
      subject: b.subject,
      dosage: dosage(PRODUCTS.escitalopram10, 1),
    });
    // Free-text medication only.
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('free-text-med'),
      status: 'completed',
      intent: 'order',
      // Markup in server text must reach the screen as text, never as HTML (checked in test/e2e/timeline.spec.ts).
      medicationCodeableConcept: { text: 'antidepressant <b>(name not recorded)</b> <img src="x" onerror="document.title=\'injected\'"> per outside records' },
      subject: b.subject,
      authoredOn: b.day(400),
      dosageInstruction: [{ text: 'one tablet daily' }],
    });
    // Reference to a Medication that is not in the record.
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('dangling-med'),
      status: 'completed',
      intent: 'order',
      medicationReference: { reference: 'Medication/malformed-record-missing-med' },
      subject: b.subject,
      authoredOn: b.day(320),
      requester: { reference: PRACTITIONER_REF },
      dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 2, unit: 'puffs' } }], text: '2 puffs daily' }],
    });
    // A dispense whose order was deleted.
    b.add<MedicationDispense>({
      resourceType: 'MedicationDispense',
      id: b.id('orphan-dispense'),
      status: 'completed',
      medicationCodeableConcept: medicationConcept(PRODUCTS.sertraline50),
      subject: b.subject,
      authorizingPrescription: [{ reference: 'MedicationRequest/malformed-record-deleted-order' }],
      quantity: { value: 30, unit: 'tablet' },
      daysSupply: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
      whenHandedOver: b.at(175),
    });
    // Entered in error.
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('entered-in-error'),
      status: 'entered-in-error',
      intent: 'order',
      medicationCodeableConcept: medicationConcept(PRODUCTS.fluoxetine20),
      subject: b.subject,
      authoredOn: b.day(90),
      dosageInstruction: dosage(PRODUCTS.fluoxetine20, 1),
    });
    // A procedure with no date at all.
    b.add<Procedure>({
      resourceType: 'Procedure',
      id: b.id('undated-ect'),
      status: 'completed',
      code: { text: 'ECT (outside hospital, date unknown)' },
      subject: b.subject,
    });

    b.phq9([
      [152, 18, 0],
      [100, 17, 0],
      [40, 16, 0],
    ]);
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id('phq9-undated'),
      status: 'final',
      category: SURVEY,
      code: PHQ9_CODE,
      subject: b.subject,
      valueQuantity: { value: 19, unit: '{score}' },
    });
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id('phq9-no-value'),
      status: 'final',
      category: SURVEY,
      code: PHQ9_CODE,
      subject: b.subject,
      effectiveDateTime: b.at(70),
      note: [{ text: 'See scanned form' }],
    });
    b.add<Observation>({
      resourceType: 'Observation',
      id: b.id('phq9-future'),
      status: 'final',
      category: SURVEY,
      code: PHQ9_CODE,
      subject: b.subject,
      effectiveDateTime: b.at(-30),
      valueQuantity: { value: 3, unit: '{score}' },
    });
    return b.bundle();
  },
  expected: {
    // Sertraline 100 mg with PHQ-9 16 in week 19 and no baseline: a non-response by the scale maximum (one failure).
    assessments: { mdd: { failedAdequateTrials: 1, treatmentResistant: false } },
    // The order and the statement of the same prescription (and the orphan dispense) merge into one trial.
    trials: { sertraline: {} },
    unused: [
      'Observation/malformed-record-phq9-undated',
      'Observation/malformed-record-phq9-no-value',
      'Observation/malformed-record-phq9-future',
      'MedicationRequest/malformed-record-entered-in-error',
    ],
  },
};
