// Dev harness: renders a hand-made Derivation (?fixture=) or a demo patient run through the real engine (?demo=),
// so the page can be looked at without the sandbox. Not part of the build.
import { createRoot } from 'react-dom/client';
import type { Resource } from 'fhir/r4';
import { TreatmentResistancePage } from '../../../../src/views/timeline/index';
import { derivePatient, RULES } from '../../../../src/clinical/index';
import { demoPatients, sharedResources } from '../../../../sandbox/patients/index';
import { FIXTURES } from '../timeline-fixtures';
import type { Derivation } from '../../../../src/clinical/types';

function demoDerivation(id: string): Derivation | null {
  const patient = demoPatients.find((p) => p.id === id);
  if (!patient) return null;
  const today = new Date();
  const resources = [...sharedResources(), ...(patient.build(today).entry ?? []).map((e) => e.resource as Resource)];
  return derivePatient({ patientId: id, resources }, { asOf: today.toISOString().slice(0, 10) });
}

const params = new URLSearchParams(location.search);
const demo = params.get('demo');
const name = params.get('fixture') ?? 'trd-two-failures';
const derivation = (demo && demoDerivation(demo)) || (FIXTURES[name] ?? FIXTURES['trd-two-failures']!)();
createRoot(document.getElementById('root')!).render(
  <TreatmentResistancePage derivation={derivation} rules={RULES} onSelectSources={(r) => console.info('sources', r.length)} />,
);
