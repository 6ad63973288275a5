import type { Medication, MedicationRequest } from 'fhir/r4';
import { DX, RXNORM, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * What many EHR exports hold: prescriptions only (no dispenses, no medication list). Fluoxetine 20 mg for 90 days
 * (30-day supply + 2 refills), PHQ-9 21 -> 19; then duloxetine 60 mg, ordered through a Medication resource and with
 * a free-text sig only ("take 1 capsule by mouth daily"), started 5 weeks ago. Trial ends come from expected supply.
 */
export const requestOnly: DemoPatient = {
  id: 'request-only',
  name: 'Grace Thompson',
  summary: 'MedicationRequest only: fluoxetine 20 mg x 90 days (supply + refills) failed; duloxetine via Medication resource, text sig.',
  build(today) {
    const b = new RecordBuilder(today, 'request-only');
    b.patient({ given: ['Grace'], family: 'Thompson', gender: 'female', ageYears: 52 });
    b.condition('mdd', { ...DX.mddSingleSevere, text: 'Major depressive disorder, single episode, severe', onset: 185 });
    b.course('fluoxetine', {
      start: 175,
      steps: [{ product: 'fluoxetine20', perDay: 1, days: 90 }],
      fillDays: 30,
      dispenses: 'none',
    });
    const duloxetine = b.add<Medication>({
      resourceType: 'Medication',
      id: b.id('duloxetine-60'),
      code: {
        coding: [{ system: RXNORM, code: '596934', display: 'duloxetine 60 MG Delayed Release Oral Capsule' }],
        text: 'Cymbalta 60 mg capsule',
      },
      form: { text: 'delayed release capsule' },
    });
    b.add<MedicationRequest>({
      resourceType: 'MedicationRequest',
      id: b.id('duloxetine-1'),
      status: 'active',
      intent: 'order',
      medicationReference: { reference: `Medication/${duloxetine.id}` },
      subject: b.subject,
      authoredOn: b.day(35),
      requester: { reference: 'Practitioner/dr-demo' },
      dosageInstruction: [{ text: 'take 1 capsule by mouth daily' }],
      dispenseRequest: {
        numberOfRepeatsAllowed: 2,
        quantity: { value: 30, unit: 'capsule' },
        expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
      },
    });
    b.phq9([
      [176, 21, 1],
      [145, 20, 0],
      [115, 20, 0],
      [88, 19, 0],
      [36, 19, 0],
      [6, 18, 0],
    ]);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: { failedAdequateTrials: 1, treatmentResistant: false, thaseRush: 1 } },
    trials: {
      fluoxetine: { adequate: true, outcome: 'nonresponse', outcomeBasis: 'measured', ongoing: false },
      duloxetine: { outcome: 'ongoing', ongoing: true },
    },
    trialCount: 2,
    // TMS eligible after one failure, but duloxetine is still running: completing it is the next step.
    suggestions: { tms: 'consider', esketamine: 'not-eligible' },
    safety: ['suicidality-history'],
  },
};
