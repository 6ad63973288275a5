/**
 * The psychiatric history beyond trials: care events, substance use, other treatments, psychotherapy and past interventional procedures.
 */
import type { Finding } from './rules';

/**
 * Stays and visits that belong to the psychiatric history (Encounter type, class and reason): psychiatric
 * admissions, drug or alcohol detoxification stays, emergency visits for an overdose.
 */
export type CareEventKind = 'psychiatric-admission' | 'detox' | 'overdose-visit';

export interface CareEvent {
  kind: CareEventKind;
  start: string;
  end: string | null;
  /** "Drug rehabilitation and detoxification", "Emergency Room Admission for Drug overdose". */
  display: string;
  source: string;
}

/** What the record shows of substance use: the substances and each piece of evidence with its resources. */
export interface SubstanceUseEvidence {
  /** 'opioid', 'alcohol', 'tobacco', 'cannabis', 'stimulant', 'sedative', 'unspecified'. */
  substances: string[];
  /** Active or past substance use disorder diagnoses, overdoses, detox stays, opioid orders alongside them. */
  findings: Finding[];
  /** An opioid use disorder diagnosis, or opioid orders alongside an overdose or a detox stay (a clinician confirms). */
  probableOpioidUseDisorder: boolean;
  /** Opioid orders open as of asOf (ongoing), when there is any other evidence of substance use. */
  activeOpioidOrders: string[];
  /**
   * Substance use the record shows by events rather than by a coded disorder: detox stays, overdoses of drugs of
   * abuse, opioid orders alongside them, as one finding with their dates ("detox stay 2019-03-02; overdose
   * 2020-05-01"); null when there are none. Where no active substance use disorder is coded, this raises the
   * substance-use flag, safety item and cautions.
   */
  shownByEvents: Finding | null;
}

/**
 * A medication on the record that is not a psychiatric trial: an anticonvulsant or benzodiazepine for epilepsy, a
 * stimulant for ADHD, a cognitive enhancer, an opioid. Listed so the clinician sees it, not assessed.
 */
export interface OtherTreatment {
  ingredient: string;
  /** Why it is not a psychiatric trial ("for epilepsy, no mood or anxiety disorder recorded"). */
  indication: string;
  /** The last known daily dose in words ("20 mg/day"), or null when no record gives an amount. */
  dose: string | null;
  category: 'epilepsy' | 'adhd' | 'dementia' | 'opioid' | 'tobacco' | 'other';
  start: string;
  /** null when ongoing. */
  end: string | null;
  sources: string[];
}

export type PsychotherapyModality =
  | 'cbt'
  | 'trauma-focused'
  | 'psychodynamic'
  | 'interpersonal'
  | 'group'
  | 'family'
  | 'counselling'
  /** Drug or alcohol counselling: treatment of the substance use, not psychotherapy of an assessed disorder. */
  | 'substance-use'
  | 'other';

/** Psychotherapy given (Procedure, or a CarePlan activity completed or in progress): its own lane on the timeline. */
export interface PsychotherapyCourse {
  modality: PsychotherapyModality;
  display: string;
  start: string;
  /** null when still going on. */
  end: string | null;
  /** completed, in progress (a CarePlan activity not yet completed) or a single session (a Procedure). */
  status: 'completed' | 'in-progress' | 'session';
  /** Sessions recorded (one Procedure each); null when the record does not count them (a CarePlan activity). */
  sessions: number | null;
  sources: string[];
}

export type ProcedureKind = 'ect' | 'tms' | 'esketamine' | 'ketamine' | 'vns' | 'dbs' | 'psychotherapy' | 'other';

/** A past interventional procedure (a session, or a course when the Procedure has a period). */
export interface ProcedureMark {
  kind: ProcedureKind;
  display: string;
  start: string;
  end: string | null;
  source: string;
  /** Procedure.outcome as recorded ("no improvement", "remission"), when the record states one. */
  outcome?: string;
}
