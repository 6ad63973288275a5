/**
 * The clinical engine's contract: what goes in (plain FHIR R4 resources read for one patient) and what
 * comes out (trials, assessments, suggestions and an accounting of every resource).
 *
 * The contract is shared by src/clinical (which produces it), src/fhir (which feeds it and writes back from it),
 * src/views (which renders it) and `npm run derive` (which prints it). Change it deliberately.
 * One file per output area; import from here (src/clinical/types).
 * Dates are ISO 8601 calendar dates ("2025-03-01") unless a field says otherwise.
 */
export type * from './input';
export type * from './rules';
export type * from './drugs';
export type * from './measurements';
export type * from './diagnoses';
export type * from './history';
export type * from './trials';
export type * from './assessments';
export type * from './suggestions';
export type * from './safety';
export type * from './derivation';
