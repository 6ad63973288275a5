/**
 * What the engine reads of a resource. Resources of the types below are read in full; of any other type (Claim,
 * ExplanationOfBenefit, Immunization, DiagnosticReport, Goal, ...) only the fields in FIELDS_READ_OF_OTHER_TYPES: the
 * reference it is accounted under, whether it is another patient's or entered in error, and the Medication it would
 * bring along. `npm run derive` relies on this to account for such resources without parsing them whole (they are
 * about half of an EHR export's bytes); test/clinical/engine/fields-read.test.ts derives records both ways.
 * A classifier for a new type must add the type here.
 */
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

/** The part of a resource the engine reads: the resource itself, or, for other types, only the fields it reads. */
export function fieldsRead(resource: unknown): unknown {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) return resource;
  const r = resource as Record<string, unknown>;
  if (typeof r.resourceType !== 'string' || TYPES_READ_IN_FULL.has(r.resourceType)) return resource;
  const kept: Record<string, unknown> = {};
  for (const f of FIELDS_READ_OF_OTHER_TYPES) if (Object.hasOwn(r, f)) kept[f] = r[f];
  return kept;
}
