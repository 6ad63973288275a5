/**
 * The searches the app runs for one patient, as data: which types, which codes, which status lists.
 *
 * Status lists are explicit because some EHRs filter by default (Epic returns only active medications
 * unless `status` is given). Each list holds every code of the R4 value
 * set, so listing it never hides anything. Types whose status element is optional in R4 (Condition's
 * clinicalStatus, AllergyIntolerance's clinicalStatus, Device.status) are NOT filtered: a status filter
 * would silently drop resources that lack the element.
 */
import { QUERIED_OBSERVATION_LOINC } from '../clinical/terminology/observation-codes';

/**
 * Page size asked for. R4 lets a server return fewer than `_count` (and most lower it to their maximum, often
 * 100–1000), and bigger pages mean fewer sequential round trips for long records: the 30-year demo record's 2,500
 * statements are 3 pages instead of 13 at 200.
 */
export const PAGE_SIZE = 1000;

/**
 * Asked instead when a server refuses PAGE_SIZE outright (HTTP 400 or 422, as some do for a `_count` above their
 * maximum instead of lowering it): the first page is requested once more with this size.
 */
export const FALLBACK_PAGE_SIZE = 100;

/** http://hl7.org/fhir/R4/valueset-medication-statement-status.html */
export const MEDICATION_STATEMENT_STATUSES = [
  'active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken',
] as const;
/** http://hl7.org/fhir/R4/valueset-medicationrequest-status.html */
export const MEDICATION_REQUEST_STATUSES = [
  'active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown',
] as const;
/** http://hl7.org/fhir/R4/valueset-medicationdispense-status.html */
export const MEDICATION_DISPENSE_STATUSES = [
  'preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'declined', 'unknown',
] as const;
/** http://hl7.org/fhir/R4/valueset-event-status.html (Procedure.status, required in R4). */
const PROCEDURE_STATUSES = [
  'preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown',
] as const;
/** http://hl7.org/fhir/R4/valueset-observation-status.html (Observation.status, required in R4). */
const OBSERVATION_STATUSES = [
  'registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown',
] as const;

/** http://hl7.org/fhir/R4/valueset-encounter-status.html (Encounter.status, required in R4). */
export const ENCOUNTER_STATUSES = [
  'planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown',
] as const;
/** http://hl7.org/fhir/R4/valueset-request-status.html (CarePlan.status, required in R4). */
export const CARE_PLAN_STATUSES = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'] as const;

export interface PlannedQuery {
  resourceType: string;
  /** Relative to the FHIR base. */
  query: string;
}

const LOINC = 'http://loinc.org';

/** Observation categories searched besides the LOINC codes (http://terminology.hl7.org/CodeSystem/observation-category). */
export const OBSERVATION_CATEGORIES = ['survey', 'laboratory'] as const;

function search(resourceType: string, params: Record<string, string>): PlannedQuery {
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%7C/g, '|')}`)
    .join('&');
  return { resourceType, query: `${resourceType}?${qs}` };
}

/** Every patient-compartment search of one read, in a stable order (the "what was queried" panel keeps it). */
export function plannedSearches(patientId: string): PlannedQuery[] {
  const patient = patientId;
  const count = String(PAGE_SIZE);
  return [
    search('MedicationStatement', { patient, status: MEDICATION_STATEMENT_STATUSES.join(','), _count: count }),
    search('MedicationRequest', { patient, status: MEDICATION_REQUEST_STATUSES.join(','), _count: count }),
    search('MedicationDispense', { patient, status: MEDICATION_DISPENSE_STATUSES.join(','), _count: count }),
    search('Condition', { patient, _count: count }),
    search('Observation', {
      patient,
      // The codes the engine recognises by LOINC (its scale table, blood pressure and drug levels: about 30 codes, a
      // URL well under 2 kB, so one GET); scores and drug levels coded otherwise arrive through the category search below.
      code: QUERIED_OBSERVATION_LOINC.map((c) => `${LOINC}|${c.code}`).join(','),
      status: OBSERVATION_STATUSES.join(','),
      _count: count,
    }),
    // Surveys (scores without a LOINC) and laboratory results (drug levels a lab sends with a local code or text only,
    // which the engine recognises by name, as it does reading a file): one search, the comma ORs the two categories,
    // so no request is added; vital signs, the bulk of most records' Observations, are still not read.
    search('Observation', { patient, category: OBSERVATION_CATEGORIES.join(','), status: OBSERVATION_STATUSES.join(','), _count: count }),
    search('Procedure', { patient, status: PROCEDURE_STATUSES.join(','), _count: count }),
    search('AllergyIntolerance', { patient, _count: count }),
    search('Device', { patient, _count: count }),
    // Encounters carry diagnoses as visit reasons, psychiatric admissions, detox stays and emergency visits for
    // overdoses; care plans carry psychotherapy given (the app's own draft plans are read back here too).
    search('Encounter', { patient, status: ENCOUNTER_STATUSES.join(','), _count: count }),
    search('CarePlan', { patient, status: CARE_PLAN_STATUSES.join(','), _count: count }),
  ];
}

/** Medication ids per request; keeps the URL short (servers and proxies limit URLs to a few kB). */
const MEDICATION_BATCH_SIZE = 50;

export function medicationBatchQueries(ids: string[]): PlannedQuery[] {
  const queries: PlannedQuery[] = [];
  for (let i = 0; i < ids.length; i += MEDICATION_BATCH_SIZE) {
    const chunk = ids.slice(i, i + MEDICATION_BATCH_SIZE);
    queries.push(search('Medication', { _id: chunk.join(','), _count: String(Math.max(chunk.length, 1)) }));
  }
  return queries;
}
