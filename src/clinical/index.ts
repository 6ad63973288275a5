/**
 * The clinical engine's entry points (pure: no I/O). The app and `npm run derive` both call derivePatient.
 */
export { derivePatient, deriveSafely } from './derive';
export { groupResourcesByPatient, patientIdOf, medicationReferencesOf } from './group-by-patient';
export type { GroupedResources } from './group-by-patient';
export { RULES } from './all-rules';
export { accountingHolds } from './accounting';
export * from './engine-rules';
export * from './durations';
