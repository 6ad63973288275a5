/** What goes in: the resources read for one patient and the date the derivation is made as of. */
import type { Resource } from 'fhir/r4';

/** Everything read for one patient. `resources` holds each resource once, Medication resources included. */
export interface PatientRecord {
  /** The Patient id (not the reference), e.g. "trd-2-failed". */
  patientId: string;
  /** All resources read for this patient, in any order. May include the Patient itself. */
  resources: Resource[];
}

export interface DeriveOptions {
  /** The "as of" date; every "recent", "ongoing" and "current episode" judgement is made against it. */
  asOf: string;
}
