/** Grouping resources by patient (Bundles with several patients, Bulk Data), for `npm run derive` and the bench. */
import type { Resource } from 'fhir/r4';
import type { PatientRecord } from './types';

/**
 * The Patient id a resource belongs to: the Patient's own id, or the id in subject/patient/beneficiary
 * ("Patient/123", "https://x/fhir/Patient/123", "urn:uuid:..." resolved by the caller). Null for shared
 * resources (Medication, Practitioner, ...).
 */
export function patientIdOf(resource: unknown): string | null {
  if (typeof resource !== 'object' || resource === null) return null;
  const r = resource as { resourceType?: unknown; id?: unknown; subject?: unknown; patient?: unknown };
  if (r.resourceType === 'Patient') return typeof r.id === 'string' ? r.id : null;
  for (const holder of [r.subject, r.patient]) {
    const ref = (holder as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') {
      const m = /(?:^|\/)Patient\/([^/?#]+)/.exec(ref);
      if (m) return m[1]!;
    }
  }
  return null;
}

/** "Medication/abc" references a medication record makes (for attaching shared Medication resources). */
export function medicationReferencesOf(resource: unknown): string[] {
  const ref = (resource as { medicationReference?: { reference?: unknown } } | null)?.medicationReference?.reference;
  if (typeof ref !== 'string') return [];
  const m = /(?:^|\/)Medication\/([^/?#]+)$/.exec(ref);
  return m ? [`Medication/${m[1]}`] : [];
}

export interface GroupedResources {
  records: PatientRecord[];
  /** Resources that belong to no patient and were not attached (e.g. Practitioner, unreferenced Medication). */
  unattached: Resource[];
}

/**
 * Groups resources of many patients into one PatientRecord each (in order of first appearance). Medication
 * resources are shared: each patient gets the ones its records reference.
 */
export function groupResourcesByPatient(resources: readonly unknown[]): GroupedResources {
  const medications = new Map<string, Resource>();
  const byPatient = new Map<string, Resource[]>();
  const unattached: Resource[] = [];
  for (const r of resources) {
    if (typeof r !== 'object' || r === null) continue;
    const res = r as Resource;
    if (res.resourceType === 'Medication' && typeof res.id === 'string') {
      medications.set(`Medication/${res.id}`, res);
      continue;
    }
    const pid = patientIdOf(res);
    if (pid === null) {
      unattached.push(res);
      continue;
    }
    const list = byPatient.get(pid);
    if (list) list.push(res);
    else byPatient.set(pid, [res]);
  }
  const referenced = new Set<string>();
  const records: PatientRecord[] = [];
  for (const [patientId, list] of byPatient) {
    const attached = new Set<string>();
    for (const r of list) for (const ref of medicationReferencesOf(r)) if (medications.has(ref)) attached.add(ref);
    for (const ref of attached) {
      list.push(medications.get(ref)!);
      referenced.add(ref);
    }
    records.push({ patientId, resources: list });
  }
  for (const [ref, med] of medications) if (!referenced.has(ref)) unattached.push(med);
  return { records, unattached };
}
