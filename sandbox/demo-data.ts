/**
 * The demo patients (sandbox/patients) and the resources they share, as the sandbox serves them: every bundle is
 * built when the data is (re)loaded, relative to that day.
 */
import type { Bundle } from 'fhir/r4';
import { demoPatients, sharedResources } from './patients';
import { putTransaction, type SandboxData } from './server';

export function loadDemoData(today: () => Date = () => new Date()): SandboxData {
  const shared = sharedResources();
  return {
    patients: demoPatients.map((p) => ({ id: p.id, name: p.name, summary: p.summary })),
    bundles: () => {
      const now = today();
      const bundles: Bundle[] = [];
      if (shared.length) bundles.push(putTransaction(shared));
      for (const patient of demoPatients) bundles.push(patient.build(now));
      return bundles;
    },
  };
}
