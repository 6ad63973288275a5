/**
 * The clinical engine's entry points (pure: no I/O). The app and `npm run derive` both call derivePatient.
 */
export { derivePatient, deriveSafely, groupResourcesByPatient, patientIdOf, medicationReferencesOf } from './derive';
export type { GroupedResources } from './derive';
export { RULES } from './rules';
export { accountingHolds } from './accounting';
export * from './engine-rules';
export * from './durations';
