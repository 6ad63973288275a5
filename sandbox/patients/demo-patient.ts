/**
 * Demo patients for the sandbox: FHIR R4 transaction bundles built relative to "today", each with the
 * derivation the clinical engine is expected to reach (checked in test/sandbox/demo-patients.test.ts).
 */
import type { Bundle } from 'fhir/r4';
import type {
  ConditionKey,
  FlagKind,
  InterventionId,
  Outcome,
  OutcomeBasis,
  ResistanceStatus,
  SafetyKind,
  SuggestionStatus,
} from '../../src/clinical/types';

/** An exact number, or bounds where the clinical rules leave room (e.g. whether an augmentation counts). */
export type Count = number | { min?: number; max?: number };

export interface ExpectedTrial {
  adequate?: boolean;
  outcome?: Outcome;
  outcomeBasis?: OutcomeBasis;
  /** true: the trial is still running as of today (end === null). */
  ongoing?: boolean;
}

export interface ExpectedAssessment {
  failedAdequateTrials?: Count;
  treatmentResistant?: boolean;
  /** meets / possibly meets / does not meet the condition's definition. */
  status?: ResistanceStatus;
  /** MDD only. */
  thaseRush?: number;
  /** Flags that must be raised (others may be raised too). */
  flags?: FlagKind[];
}

export interface ExpectedSuggestion {
  /** The exact status. */
  status: SuggestionStatus;
  urgent?: boolean;
  /** Words one of its cautions or contraindications must contain ("an MAOI is taken now"). */
  mentions?: string;
}

export interface ExpectedDerivation {
  /** Per condition: what its assessment must show, or 'absent' when the condition must not be assessed. */
  assessments?: Partial<Record<ConditionKey, ExpectedAssessment | 'absent'>>;
  /**
   * Per ingredient (lower-case generic name): one expected trial, or one per trial in start order.
   * `{}` only asserts that a trial of that ingredient exists.
   */
  trials?: Record<string, ExpectedTrial | ExpectedTrial[]>;
  /** Total number of trials derived. */
  trialCount?: Count;
  /** Per intervention: its exact status. A missing suggestion counts as 'not-eligible'. */
  suggestions?: Partial<Record<InterventionId, SuggestionStatus | ExpectedSuggestion>>;
  /** The safety strip's items, exactly these kinds in this order. */
  safety?: SafetyKind[];
  /** Deceased: shown as such, with no suggestions at all. */
  deceased?: boolean;
  /** References that must be reported as not used (e.g. a score without a date). */
  unused?: string[];
}

export interface DemoPatient {
  /** Patient id, fixed: tests and documentation name it. */
  id: string;
  /** Display name of the patient, e.g. "Maria Alvarez". */
  name: string;
  /** One line: what this patient shows. */
  summary: string;
  /** A transaction bundle (PUT with fixed ids); every date is computed from `today`. */
  build(today: Date): Bundle;
  expected: ExpectedDerivation;
  /**
   * References that deliberately point at nothing (malformed-record). Every other reference resolves inside the
   * bundle or to `sharedResources()`.
   */
  deliberatelyDangling?: string[];
}
