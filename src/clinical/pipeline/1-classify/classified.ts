/** What the first pass reads (medication records) and what it makes of a patient's resources. */
import type { MedicationDispense, MedicationRequest, MedicationStatement } from 'fhir/r4';
import type { Day } from '../../dates';
import type { IntoleranceEvidence, MedicationEvent } from '../../events';
import type { DrugLevelPoint } from '../5-adherence';
import type { HistoryInputs } from '../9-history';
import type { BloodPressurePoint, DiagnosisSpan, ProcedureMark, ScorePoint } from '../../types';

/** The records of a medication taken, ordered or handed over. */
export type MedicationRecord = MedicationStatement | MedicationRequest | MedicationDispense;

export interface Classified {
  events: MedicationEvent[];
  diagnoses: DiagnosisSpan[];
  scores: ScorePoint[];
  bloodPressure: BloodPressurePoint[];
  procedures: ProcedureMark[];
  intolerances: IntoleranceEvidence[];
  /** Plasma levels of psychiatric drugs; the engine settles each (used for a trial, or not used) once trials exist. */
  levels: DrugLevelPoint[];
  notes: string[];
  /** Day of death from Patient.deceasedDateTime; null when alive or the date is not recorded. */
  deathDay: Day | null;
  /** Patient.deceasedBoolean true, or a deceasedDateTime. */
  deceased: boolean;
  /** Patient.birthDate as a day, when given. */
  birthDay: Day | null;
  /** Encounters, care plans, other medications, screenings and cognition scores (see 9-history/). */
  history: HistoryInputs;
}
