/**
 * Loads the demo patients written by the demo-data engineer (sandbox/patients/index.ts: `demoPatients`, and
 * sandbox/patients/shared.ts: `sharedResources()`), building every bundle relative to today.
 * The import is resolved at run time so the sandbox also starts (with a note) while that module is incomplete.
 */
import type { Bundle, Resource } from 'fhir/r4';
import type { DemoPatient } from './patients/types';
import { putTransaction, type SandboxData } from './server';

export interface LoadedDemoData extends SandboxData {
  /** Why no or fewer patients were loaded, for the start-up message. */
  warnings: string[];
}

export async function loadDemoData(today: () => Date = () => new Date()): Promise<LoadedDemoData> {
  const warnings: string[] = [];
  let demoPatients: DemoPatient[] = [];
  let shared: Resource[] = [];
  try {
    const indexModule = './patients/index';
    const mod = (await import(indexModule)) as { demoPatients?: DemoPatient[] };
    if (Array.isArray(mod.demoPatients)) demoPatients = mod.demoPatients;
    else warnings.push('sandbox/patients/index.ts does not export demoPatients');
  } catch (error) {
    warnings.push(`demo patients not loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const sharedModule = './patients/shared';
    const mod = (await import(sharedModule)) as { sharedResources?: () => Resource[] };
    if (typeof mod.sharedResources === 'function') shared = mod.sharedResources();
  } catch (error) {
    warnings.push(`shared resources not loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    warnings,
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
