/** A demo patient's derivation as the app would derive it on a given day: the view tests' shared starting point. */
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import type { Derivation } from '../../src/clinical/types';

export function demoDerivation(id: string, today: Date): Derivation {
  const demo = demoPatients.find((p) => p.id === id)!;
  const resources = (demo.build(today).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: today.toISOString().slice(0, 10) });
}
