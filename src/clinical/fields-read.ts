/**
 * What the engine reads of a resource. Resources of the types below are read in full; of any other type (Claim,
 * ExplanationOfBenefit, Immunization, DiagnosticReport, Goal, ...) only the fields in FIELDS_READ_OF_OTHER_TYPES: the
 * reference it is accounted under, whether it is another patient's or entered in error, and the Medication it would
 * bring along. Of an Observation whose code is none the engine uses (vital signs and laboratory results other than
 * blood pressure and drug levels: most of an EHR export's Observations), it reads those fields and the code, which says
 * why it is not used. `npm run derive` relies on this to account for such resources without parsing them whole (they
 * are more than half of an EHR export's bytes); test/clinical/engine/fields-read.test.ts derives records both ways.
 * A classifier for a new type must add the type here.
 */
import { readObservationCode } from './pipeline/1-classify/memo';

export const TYPES_READ_IN_FULL: ReadonlySet<string> = new Set([
  'Patient',
  'Medication',
  'MedicationStatement',
  'MedicationRequest',
  'MedicationDispense',
  'Condition',
  'Observation',
  'Procedure',
  'Device',
  'AllergyIntolerance',
  'Encounter',
  'CarePlan',
]);

export const FIELDS_READ_OF_OTHER_TYPES: readonly string[] = ['resourceType', 'id', 'status', 'subject', 'patient', 'medicationReference'];

/** The fields read of an Observation whose code the engine does not use (observationReadInFull is false). */
export const FIELDS_READ_OF_UNUSED_OBSERVATIONS: readonly string[] = [...FIELDS_READ_OF_OTHER_TYPES, 'code'];

/**
 * Whether the engine reads an Observation with this code beyond FIELDS_READ_OF_UNUSED_OBSERVATIONS: a cognition score,
 * a symptom scale, blood pressure or a drug level (its value and date are read), decided by the same reading of the
 * code as the observation classifier's.
 */
export function observationReadInFull(code: unknown): boolean {
  const { cognition, facts } = readObservationCode(code);
  return cognition !== null || facts.bloodPressure !== null || facts.instrument !== null || facts.drugLevel !== null;
}

/** The part of a resource the engine reads: the resource itself, or, for other types, only the fields it reads. */
export function fieldsRead(resource: unknown): unknown {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) return resource;
  const r = resource as Record<string, unknown>;
  if (typeof r.resourceType !== 'string') return resource;
  let fields: readonly string[];
  if (r.resourceType === 'Observation' && !observationReadInFull(r.code)) fields = FIELDS_READ_OF_UNUSED_OBSERVATIONS;
  else if (TYPES_READ_IN_FULL.has(r.resourceType)) return resource;
  else fields = FIELDS_READ_OF_OTHER_TYPES;
  const kept: Record<string, unknown> = {};
  for (const f of fields) if (Object.hasOwn(r, f)) kept[f] = r[f];
  return kept;
}
