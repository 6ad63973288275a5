import type { MedicationRequest } from 'fhir/r4';
import { DX, RecordBuilder } from './fhir';
import type { DemoPatient } from './demo-patient';

/**
 * A patient with no psychiatric history at all (hypertension, hyperlipidaemia, a negative PHQ-2 screen): the app must
 * say so plainly, derive no trial and suggest nothing, and list the non-psychiatric medications as not used.
 */
export const noPsychiatricHistory: DemoPatient = {
  id: 'no-psychiatric-history',
  name: 'Helen Foster',
  summary: 'No psychiatric history (hypertension, statin, negative PHQ-2): nothing to derive, nothing suggested.',
  build(today) {
    const b = new RecordBuilder(today, 'no-psychiatric-history');
    b.patient({ given: ['Helen'], family: 'Foster', gender: 'female', ageYears: 67 });
    b.condition('hypertension', { ...DX.hypertension, text: 'Essential hypertension', onset: 3000 });
    b.condition('hyperlipidaemia', { ...DX.hyperlipidaemia, text: 'Hyperlipidaemia', onset: 2500 });
    for (const [slug, text, start] of [
      ['lisinopril-1', 'lisinopril 10 MG Oral Tablet', 2990],
      ['atorvastatin-1', 'atorvastatin 20 MG Oral Tablet', 2490],
    ] as const) {
      b.add<MedicationRequest>({
        resourceType: 'MedicationRequest',
        id: b.id(slug),
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text },
        subject: b.subject,
        authoredOn: b.day(start),
        requester: { reference: 'Practitioner/dr-demo' },
        dosageInstruction: [{ text: 'take 1 tablet by mouth daily' }],
      });
    }
    b.score('phq2', 30, 0);
    b.bloodPressure(400, 138, 86);
    b.bloodPressure(200, 132, 84);
    b.bloodPressure(30, 130, 82);
    return b.bundle();
  },
  expected: {
    assessments: { mdd: 'absent', 'bipolar-depression': 'absent', schizophrenia: 'absent', ocd: 'absent', ptsd: 'absent' },
    trialCount: 0,
    suggestions: { tms: 'not-applicable', esketamine: 'not-applicable', ect: 'not-applicable', vns: 'not-applicable', clozapine: 'not-applicable' },
    safety: [],
    unused: ['MedicationRequest/no-psychiatric-history-atorvastatin-1', 'MedicationRequest/no-psychiatric-history-lisinopril-1'],
  },
};
