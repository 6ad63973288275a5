/**
 * `SANDBOX_EXTRA_PATIENTS=<folder>`: every *.json FHIR Bundle of a folder (e.g. the public SMART sandbox's Synthea
 * patients, one transaction bundle each) served besides the demo patients, each patient listed on the EHR page and
 * launchable. The files are read into memory only; nothing is written anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleEntry, HumanName, Patient, Resource } from 'fhir/r4';
import { resolveUrnReferences, resourcesOfJson } from '../src/clinical/bundle';
import type { PickablePatient } from './auth-server';
import type { SandboxData } from './server';

export interface ExtraPatients {
  patients: PickablePatient[];
  /** One transaction per file, each resource PUT under its own id (a fresh copy on every call: the data reloads). */
  bundles: () => Bundle[];
  /** One line per file (or folder) that could not be read, saying which and why. */
  problems: string[];
}

export function readExtraPatients(folder: string): ExtraPatients {
  const patients: PickablePatient[] = [];
  const transactions: string[] = [];
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.json')).sort();
  } catch (error) {
    return { patients, bundles: () => [], problems: [`${folder}: cannot read the folder (${reason(error)})`] };
  }
  if (files.length === 0) problems.push(`${folder}: no *.json file in the folder`);
  const listed = new Set<string>();
  for (const file of files) {
    try {
      const { transaction, filePatients } = readBundleFile(join(folder, file));
      const again = filePatients.find((p) => listed.has(p.id));
      if (again) throw new Error(`Patient/${again.id} is already loaded from another file`);
      for (const p of filePatients) {
        listed.add(p.id);
        patients.push({ id: p.id, name: p.name, summary: `from ${file}` });
      }
      transactions.push(JSON.stringify(transaction));
    } catch (error) {
      problems.push(`${file}: not loaded (${reason(error)})`);
    }
  }
  return { patients, bundles: () => transactions.map((t) => JSON.parse(t) as Bundle), problems };
}

/** The demo data with the extra patients listed after the demo ones and their bundles loaded after the demo bundles. */
export function withExtraPatients(data: SandboxData, extra: ExtraPatients): SandboxData {
  return {
    patients: [...data.patients, ...extra.patients],
    bundles: () => [...data.bundles(), ...extra.bundles()],
  };
}

function readBundleFile(path: string): { transaction: Bundle; filePatients: { id: string; name: string }[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(error instanceof SyntaxError ? `not valid JSON: ${error.message}` : reason(error), { cause: error });
  }
  if ((doc as { resourceType?: unknown } | null)?.resourceType !== 'Bundle') throw new Error('not a FHIR Bundle');
  giveUrnEntriesTheirIds(doc as { entry?: unknown });
  // Medplum's transaction resolves urn:uuid references too, but POSTs give every resource a new random id on each
  // (re)load; PUT under the file's own ids keeps the patient ids of the file (and of the public sandbox) stable.
  const resources = resolveUrnReferences(resourcesOfJson(doc), doc).filter(isResource);
  const filePatients = resources.filter((r): r is Patient & { id: string } => r.resourceType === 'Patient' && typeof r.id === 'string')
    .map((p) => ({ id: p.id, name: displayName(p) }));
  if (filePatients.length === 0) throw new Error('the bundle holds no Patient with an id');
  const entry: BundleEntry[] = resources.map((resource) => ({
    resource,
    request: typeof resource.id === 'string'
      ? { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` }
      : { method: 'POST' as const, url: resource.resourceType },
  }));
  return { transaction: { resourceType: 'Bundle', type: 'transaction', entry }, filePatients };
}

/** A transaction entry may leave the id to the server and name itself by its fullUrl alone: keep that uuid as its id. */
function giveUrnEntriesTheirIds(bundle: { entry?: unknown }): void {
  for (const e of Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : []) {
    const { fullUrl, resource } = (e ?? {}) as { fullUrl?: unknown; resource?: unknown };
    if (isResource(resource) && resource.id === undefined && typeof fullUrl === 'string' && fullUrl.startsWith('urn:uuid:')) {
      resource.id = fullUrl.slice('urn:uuid:'.length);
    }
  }
}

function isResource(value: unknown): value is Resource {
  return typeof value === 'object' && value !== null && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

function displayName(patient: Patient & { id: string }): string {
  const names: HumanName[] = Array.isArray(patient.name) ? patient.name : [];
  const name = names.find((n) => n.use === 'official') ?? names[0];
  const text = name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ').trim();
  return text || `Patient/${patient.id}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
