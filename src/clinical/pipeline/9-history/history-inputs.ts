/**
 * What the first pass gathers for the history stage while it reads the record (visit reasons, care events,
 * psychotherapy, medications that are not psychiatric trials, screenings, cognition scores), and which diagnosis
 * kinds make a psychiatric history.
 */
import type { MedicationEvent } from '../../events';
import type { Day } from '../../dates';
import type { CognitionInstrument } from '../../terminology/history-codes';
import type { CareEvent, DiagnosisKind, OtherTreatment, PsychotherapyCourse } from '../../types';

/** Kinds that make a psychiatric history (the five assessed conditions and the psychiatric comorbidities). */
export const PSYCHIATRIC_KINDS: ReadonlySet<DiagnosisKind> = new Set<DiagnosisKind>([
  'mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd',
  'substance-use', 'anxiety', 'adhd', 'dementia', 'overdose', 'personality-disorder', 'psychotic-features', 'catatonia',
  'suicidal-ideation', 'trauma', 'brain-injury',
]);

/** A psychiatric diagnosis given as a visit's reason; settled into diagnoses once every Condition has been seen. */
export interface VisitReason {
  kind: DiagnosisKind;
  code: string;
  system: string;
  display: string;
  day: Day;
  source: string;
}

export interface CognitionScore {
  instrument: CognitionInstrument;
  day: Day;
  value: number | null;
  source: string;
}

/** A medication record that is not a psychiatric trial, with why. */
export interface OtherMedicationEvent {
  event: MedicationEvent;
  category: OtherTreatment['category'];
  indication: string;
}

export interface HistoryInputs {
  visitReasons: VisitReason[];
  careEvents: CareEvent[];
  psychotherapy: PsychotherapyCourse[];
  otherMedications: OtherMedicationEvent[];
  screenings: { day: Day; source: string; display: string }[];
  cognition: CognitionScore[];
}

export function emptyHistoryInputs(): HistoryInputs {
  return { visitReasons: [], careEvents: [], psychotherapy: [], otherMedications: [], screenings: [], cognition: [] };
}
