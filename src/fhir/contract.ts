/**
 * Contracts of the FHIR layer that other modules build on (views, write-back, tests).
 * The implementation lives beside this file; keep these shapes stable.
 */
import type { Patient, Resource } from 'fhir/r4';

/** One HTTP exchange with the FHIR server, relative to its base URL ("MedicationRequest?patient=…"). */
export interface FhirHttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the FHIR base ("CarePlan?identifier=…"), or absolute when following a server's `next` link. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Abort after this many milliseconds (a stalled server must not hang the page). */
  timeoutMs?: number;
  /** Added by the FHIR layer: abort from outside (the overall read deadline, a page leaving). Optional. */
  signal?: AbortSignal;
}

export interface FhirHttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, otherwise null (see `text`). */
  body: unknown;
  text: string;
}

/**
 * Authorised HTTP to the FHIR server: adds the bearer token, refreshes it before it expires and once on a 401 when a
 * refresh token is available, retries 429/503 a bounded number of times honouring Retry-After.
 * Resolves for every HTTP status; rejects only on network failure or timeout (FhirNetworkError).
 */
export interface FhirHttp {
  send(request: FhirHttpRequest): Promise<FhirHttpResponse>;
}

/** What the launch established: who the patient is, who the user is, what we may do. */
export interface SmartSession {
  fhirBaseUrl: string;
  patientId: string;
  /** The launching user as a FHIR reference ("Practitioner/123"), from the id token's fhirUser claim. */
  userReference: string | null;
  /** false when the EHR said `need_patient_banner: false` (it shows its own). */
  needPatientBanner: boolean;
  grantedScopes: string[];
  http: FhirHttp;
}

export type QueryStatus = 'pending' | 'done' | 'partial' | 'failed';

/** One line of the "what was queried" panel. No tokens in here; the query string is shown only in the app. */
export interface QueryLogEntry {
  /** Resource type queried ("MedicationRequest"). */
  resourceType: string;
  /** The first page's query, relative to the base. */
  query: string;
  status: QueryStatus;
  /** Resources of this query kept so far. */
  count: number;
  pages: number;
  /** HTTP status of the failure, if any. */
  httpStatus?: number;
  /** Plain-words reason when partial or failed ("403: scope not granted", "next link repeated a page"). */
  error?: string;
}

export interface PatientReadResult {
  patientId: string;
  patient: Patient | null;
  /** Every resource read, each once (deduplicated by type/id), Medication resources included. */
  resources: Resource[];
  queries: QueryLogEntry[];
  /** True when every query finished without error. */
  complete: boolean;
}
