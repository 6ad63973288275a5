/** Everything derived for one patient, with the accounting of every resource read, or the error that broke it. */
import type { Assessment, Episode } from './assessments';
import type { DiagnosisSpan } from './diagnoses';
import type { CareEvent, OtherTreatment, ProcedureMark, PsychotherapyCourse, SubstanceUseEvidence } from './history';
import type { BloodPressurePoint, ScorePoint } from './measurements';
import type { Finding } from './rules';
import type { Demographics, SafetyItem } from './safety';
import type { NextStep, Suggestion } from './suggestions';
import type { Trial } from './trials';

export interface UsedResource {
  reference: string;
  /** What it was used for ("trial sertraline@2025-01-10", "PHQ-9 score", "MDD episode"). */
  usedFor: string;
}

export interface UnusedResource {
  reference: string;
  /** Why it was not used ("no date", "not a psychiatric medication: atorvastatin", "entered-in-error"). */
  reason: string;
}

/** Everything derived for one patient: what `npm run derive` prints and the app renders. */
export interface Derivation {
  patient: string;
  asOf: string;
  /** Age and death from the Patient resource. */
  demographics: Demographics;
  /** The safety items, most urgent first: they head every view and every note. */
  safety: SafetyItem[];
  trials: Trial[];
  assessments: Assessment[];
  suggestions: Suggestion[];
  /** The headline, chosen by the engine from the suggestions and the assessments (never by a view). */
  nextStep: NextStep;
  scores: ScorePoint[];
  diagnoses: DiagnosisSpan[];
  episodes: Episode[];
  procedures: ProcedureMark[];
  bloodPressure: BloodPressurePoint[];
  /** Each input resource appears exactly once across `used` and `unused`. */
  used: UsedResource[];
  unused: UnusedResource[];
  /** Notes about the record as a whole ("no psychiatric history found"). */
  notes: string[];
  /** Psychiatric admissions, detox stays and overdose visits (from Encounter). */
  careEvents: CareEvent[];
  /** Substance use seen anywhere in the record, or null when none. */
  substanceUse: SubstanceUseEvidence | null;
  /** Medications kept on the record but not psychiatric trials (epilepsy, ADHD, dementia, opioids). */
  otherTreatments: OtherTreatment[];
  /** Psychotherapy given, one course per modality and source. */
  psychotherapy: PsychotherapyCourse[];
  /** Short notes about the data a clinician can act on (screening without a score, dates before birth, ...). */
  dataNotes: Finding[];
}

/** What `derive` prints for a patient whose data broke the engine; the other patients go on. */
export interface DerivationError {
  patient: string;
  error: string;
}
