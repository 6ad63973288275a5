/**
 * The SMART scopes the app needs, and no more (SMART App Launch: "apps SHOULD request the minimum scopes"), in v1 and
 * v2 form. The shipped smart-config.json, the development configuration and the README's list are checked against
 * these (test/fhir/launch-config.test.ts).
 *
 * - `openid fhirUser`: who proposes the care plan (its author and the Provenance agent).
 * - `online_access`: a token that expires mid-session is refreshed while the user is online; `offline_access` (a
 *   refresh token that outlives the session) only where a deployment opts in by putting it in its entry instead.
 * - Patient: read by id only (v2 `r`). Every other type read is searched (v2 `rs`, which SMART v2 pairs as the
 *   equivalent of v1 `read`).
 * - CarePlan: searched by identifier before writing (`s`), created (`c`), read back (`r`) and, when an earlier
 *   interrupted write left a plan without its referral links, completed with a PUT (`u`).
 * - ServiceRequest: searched by identifier, created, read back (`crs`). Provenance: created only (`c`); its search
 *   and read-back are attempted and a refusal is tolerated, so no read scope is asked for.
 */

/** Types the app searches (v1 `.read`, v2 `.rs`), besides Patient (read by id) and the written types. */
const SEARCHED_TYPES = [
  'MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Medication', 'Condition', 'Observation',
  'Procedure', 'AllergyIntolerance', 'Device', 'Encounter',
] as const;

/** What the app does with the types it writes, as SMART v2 permission letters (in "cruds" order). */
const WRITTEN_TYPE_PERMISSIONS = { CarePlan: 'crus', ServiceRequest: 'crs', Provenance: 'c' } as const;

const IDENTITY = ['openid', 'fhirUser', 'online_access'];

export const APP_SCOPES_V1: readonly string[] = [
  ...IDENTITY,
  'patient/Patient.read',
  ...SEARCHED_TYPES.map((type) => `patient/${type}.read`),
  ...Object.entries(WRITTEN_TYPE_PERMISSIONS).flatMap(([type, letters]) => [
    ...(/[rs]/.test(letters) ? [`patient/${type}.read`] : []),
    `patient/${type}.write`,
  ]),
];

export const APP_SCOPES_V2: readonly string[] = [
  ...IDENTITY,
  'patient/Patient.r',
  ...SEARCHED_TYPES.map((type) => `patient/${type}.rs`),
  ...Object.entries(WRITTEN_TYPE_PERMISSIONS).map(([type, letters]) => `patient/${type}.${letters}`),
];
