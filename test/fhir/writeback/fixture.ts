/** A draft built from a small hand-made derivation: TRD with ECT (referral) and dose optimisation (no referral). */
import { evaluateSuggestions } from '../../../src/clinical/suggestions';
import type { InterventionId, Suggestion } from '../../../src/clinical/types';
import { buildWriteBack } from '../../../src/fhir/writeback/build';
import type { WriteBackDraft, WriteBackInput } from '../../../src/fhir/writeback/write-contract';
import { assessment, flag, record, trial } from '../../clinical/suggestions/builder';

export const ALL_SCOPES = ['launch', 'openid', 'fhirUser', 'patient/*.read', 'patient/CarePlan.write', 'patient/ServiceRequest.write', 'patient/Provenance.write'];

export function derivationForWrite() {
  const sertraline = trial('sertraline', { start: '2025-01-01', sources: ['MedicationRequest/s1', 'MedicationStatement/s2'] });
  const venlafaxine = trial('venlafaxine', { start: '2025-05-01', sources: ['MedicationRequest/v1'] });
  // Running now below its minimum dose: the trial dose optimisation is for.
  const citalopram = trial('citalopram', {
    start: '2026-09-01',
    end: null,
    adequate: false,
    outcome: 'ongoing',
    adequacyReason: 'citalopram 10 mg/day: below the 20 mg minimum',
    sources: ['MedicationRequest/c1'],
  });
  const trials = [sertraline, venlafaxine, citalopram];
  const mdd = assessment('mdd', {
    trials,
    conditionSources: ['Condition/mdd-1'],
    flags: [flag('inadequate-dose', 'citalopram 10 mg/day: below the 20 mg minimum', ['MedicationRequest/c1'])],
  });
  return record({ trials, assessments: [mdd] });
}

export function chosen(ids: InterventionId[]): Suggestion[] {
  const suggestions = evaluateSuggestions(derivationForWrite());
  return ids.map((id) => {
    const found = suggestions.find((s) => s.intervention === id);
    if (!found) throw new Error(id);
    return found;
  });
}

function input(overrides: Partial<WriteBackInput> = {}): WriteBackInput {
  return {
    derivation: derivationForWrite(),
    chosen: chosen(['ect', 'dose-optimization']),
    note: 'Discussed with the patient; prefers ECT.',
    patientId: 'trd-two-failures',
    userReference: 'Practitioner/dr-demo',
    app: { name: 'TRD timeline', version: '0.1.0' },
    date: '2026-11-22',
    recorded: '2026-11-22T10:00:00Z',
    ...overrides,
  };
}

export function draft(overrides: Partial<WriteBackInput> = {}): WriteBackDraft {
  return buildWriteBack(input(overrides));
}
