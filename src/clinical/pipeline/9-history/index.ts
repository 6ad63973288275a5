/**
 * The psychiatric picture beyond trials, as EHRs record it: diagnoses given as visit reasons, psychiatric
 * admissions, detox stays and overdose visits (encounters.ts); psychotherapy given (psychotherapy.ts); medications
 * that treat something else: anticonvulsants and benzodiazepines for epilepsy, stimulants for ADHD, cognitive
 * enhancers, opioids (other-treatments.ts); substance use gathered from all of these (substance-use.ts); data notes a
 * clinician can act on (data-notes.ts); and the summary of a history without an assessed condition
 * (history-summary.ts). Pure functions over the classified record; every resource they look at is settled in the
 * ledger. The first pass gathers their inputs (history-inputs.ts).
 */
export { emptyHistoryInputs, type HistoryInputs, PSYCHIATRIC_KINDS } from './history-inputs';
export {
  classifyEncounter,
  type EncounterCodeReaders,
  encounterTypeFacts,
  type EncounterTypeFacts,
  settleVisitReasons,
} from './encounters';
export { classifyCarePlan, mergePsychotherapy, psychotherapyFromProcedure } from './psychotherapy';
export { otherTreatments, separateByIndication } from './other-treatments';
export { substanceUseOf } from './substance-use';
export { type DatedRecord, dataNotesOf } from './data-notes';
export { psychiatricHistorySummary } from './history-summary';
