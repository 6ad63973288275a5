/**
 * The clinical engine's contract: what goes in (plain FHIR R4 resources read for one patient) and what
 * comes out (trials, assessments, suggestions and an accounting of every resource).
 *
 * This file is shared by src/clinical (which produces it), src/fhir (which feeds it and writes back from it),
 * src/views (which renders it) and `npm run derive` (which prints it). Change it deliberately.
 * Dates are ISO 8601 calendar dates ("2025-03-01") unless a field says otherwise.
 */
import type { Resource } from 'fhir/r4';
import type { ReferenceId } from './references/registry';
import type { InterventionId } from './suggestions/catalog';
import type { Instrument } from './terminology/scales';

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** Everything read for one patient. `resources` holds each resource once, Medication resources included. */
export interface PatientRecord {
  /** The Patient id (not the reference), e.g. "trd-2-failed". */
  patientId: string;
  /** All resources read for this patient, in any order. May include the Patient itself. */
  resources: Resource[];
}

export interface DeriveOptions {
  /** The "as of" date; every "recent", "ongoing" and "current episode" judgement is made against it. */
  asOf: string;
}

// ---------------------------------------------------------------------------------------------
// Rules and their sources: every conclusion names the rule it applied.
// ---------------------------------------------------------------------------------------------

/**
 * Verification tag: V = read in a primary source, S = secondary source,
 * U = unverified (shown as such in the app), derived = arithmetic on verified numbers.
 */
export type Verification = 'V' | 'S' | 'U' | 'derived';

/** A rule or table row a clinician can read beside its reference. */
export interface RuleRef {
  /** Stable id, e.g. "adequacy.min-duration-weeks". */
  id: string;
  /** The rule in one plain sentence. */
  summary: string;
  /**
   * Where in its sources the rule is found, in words ("row \"oral,olanzapine\"", "Table 3"), or why it is a working
   * rule. Shown beside the short names of `references`; never names a file outside the project.
   */
  source: string;
  /**
   * The primary sources, as ids of the reference registry (src/clinical/references/registry.ts, docs/sources.md),
   * so a user can open each. Empty or absent only for a working rule without one, which is then tagged 'U'.
   */
  references?: readonly ReferenceId[];
  verification: Verification;
}

/** A statement backed by resources from the record ("PHQ-9 item 9 = 2 on 2026-10-01"). */
export interface Finding {
  text: string;
  /** Resource references ("Observation/abc") behind the statement; empty only for absence-based statements. */
  sources: string[];
}

// ---------------------------------------------------------------------------------------------
// Terminology
// ---------------------------------------------------------------------------------------------

export type DrugClass =
  | 'ssri'
  | 'snri'
  | 'tca'
  | 'maoi'
  | 'atypical-antidepressant'
  | 'antipsychotic'
  | 'mood-stabilizer'
  | 'augmentation-agent'
  | 'nmda-antagonist'
  | 'other-psychotropic'
  | 'unknown';

/** How a medication was recognised, in the order the engine tries them. */
export type MedicationMatch = 'rxnorm' | 'atc' | 'medication-resource' | 'text' | 'brand' | 'none';

export interface MedicationIdentity {
  /** Lower-case generic ingredient name ("sertraline"), or null when not recognised. */
  ingredient: string | null;
  drugClass: DrugClass;
  /** Strength of one unit (tablet, capsule, mL) in mg when known ("sertraline 50 MG Oral Tablet" -> 50). */
  strengthMg: number | null;
  /** True for long-acting injectables (dose then per interval, not per day). */
  longActingInjectable: boolean;
  matchedBy: MedicationMatch;
  /** What the record called it, for display and for the "unknown medication" note. */
  display: string;
  note?: string;
}

/** A daily dose derived from dosage instructions, product strength or free text. */
export interface DailyDose {
  /** Amount per day, or null when it could not be determined. */
  amount: number | null;
  /** Unit of `amount`, normally "mg"; null with a null amount. */
  unit: string | null;
  /** How it was computed ("2 × 50 mg tablet, once daily"). */
  basis: string;
  /** Why it could not be determined or converted, when it could not. */
  note?: string;
}

/** A symptom scale: the rows of the scale table (src/clinical/terminology/scales.ts). */
export type { Instrument };

/** One symptom-scale score from an Observation. */
export interface ScorePoint {
  instrument: Instrument;
  /** Date (or dateTime) of the observation; scores without any date go to `unused`. */
  date: string;
  value: number;
  source: string;
}

export type ConditionKey = 'mdd' | 'bipolar-depression' | 'schizophrenia' | 'ocd' | 'ptsd';

/** Conditions that matter for flags, cautions and contraindications, beyond the five assessed ones. */
export type ComorbidityKey =
  | 'substance-use'
  | 'psychosocial-stressor'
  | 'trauma'
  | 'personality-disorder'
  | 'anxiety'
  | 'epilepsy'
  | 'pregnancy'
  | 'psychotic-features'
  | 'catatonia'
  | 'suicidal-ideation'
  /** Suicide attempt, or a personal history of suicidal behaviour. */
  | 'suicide-attempt'
  /** Intentional self-harm (non-suicidal or of unstated intent). */
  | 'self-harm'
  /** Poisoning by drugs of intentional or undetermined intent (an overdose). */
  | 'overdose'
  | 'postpartum'
  | 'breastfeeding'
  | 'intracerebral-haemorrhage'
  | 'aneurysm-or-avm'
  | 'raised-intracranial-pressure'
  | 'recent-myocardial-infarction'
  | 'recent-stroke'
  | 'hypertension'
  | 'head-implant'
  | 'cardiac-device'
  | 'vagotomy'
  | 'adhd'
  | 'dementia'
  | 'brain-injury'
   
  | 'other';

/**
 * A diagnosis found in the record, with the span it covers. Devices (Device resources: cochlear implant,
 * stimulators, aneurysm clips) and implant-status codes are also reported here, as kind 'head-implant'; cardiac
 * pacemakers, implanted defibrillators and intracardiac leads as kind 'cardiac-device'.
 */
export interface DiagnosisSpan {
  /** What the engine recognised it as; 'other' for codes it keeps for display only. */
  kind: ConditionKey | ComorbidityKey;
  code: string;
  system: string;
  display: string;
  onset: string | null;
  abatement: string | null;
  /** clinicalStatus code ("active", "resolved", …) or null. */
  clinicalStatus: string | null;
  source: string;
}

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
  category: 'epilepsy' | 'adhd' | 'dementia' | 'opioid' | 'other';
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

/**
 * A psychotherapy course judged as a trial of that therapy, where a resistance definition counts psychotherapy
 * (trauma-focused therapy in PTSD, CBT with exposure and response prevention in OCD).
 */
export interface TherapyTrial {
  modality: PsychotherapyModality;
  display: string;
  start: string;
  end: string | null;
  sessions: number | null;
  adequate: boolean;
  /** "12 sessions (8 needed)", "sessions not recorded; completed course of 20 weeks". */
  adequacyReason: string;
  outcome: Outcome;
  /** "PCL-5 62 → 58 (−7%, 2019-01-02 → 2019-04-20)", or why it could not be measured. */
  outcomeDetail: string;
  /** Adequate and measured as non-response or partial response: a failed trial of the therapy. */
  failed: boolean;
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

// ---------------------------------------------------------------------------------------------
// Trials
// ---------------------------------------------------------------------------------------------

export type Outcome = 'remission' | 'response' | 'partial' | 'nonresponse' | 'intolerance' | 'ongoing' | 'unknown';
/** measured: from symptom scores; inferred: from a switch or stop (lower confidence); recorded: stated in the record (status reason, AllergyIntolerance). */
export type OutcomeBasis = 'measured' | 'inferred' | 'recorded';
/** hypnotic: taken at or below a hypnotic dose (trazodone 50 mg at night): listed, not counted as a trial or add-on. */
export type TrialRole = 'monotherapy' | 'augmentation' | 'combination' | 'hypnotic';

/** The daily dose over one stretch of a trial. */
export interface DoseStep {
  start: string;
  end: string;
  /** mg/day, or null when the dose of this stretch is unknown. */
  dailyDoseMg: number | null;
  /** Chlorpromazine-equivalent mg/day, antipsychotics only. */
  cpzEquivalentMg?: number | null;
  /** How the dose was obtained, or why it is unknown. */
  basis: string;
  source: string;
}

/**
 * The unit an adequate-dose threshold is in, and so the unit every dose of the trial is compared (and drawn) in: the
 * agent's own mg/day, or chlorpromazine-equivalent mg/day where TRRIP's threshold applies (DoseStep.cpzEquivalentMg).
 */
export type ThresholdUnit = 'mg/day' | 'mg/day CPZ-eq';

/** The minimum adequate daily dose applied to a trial, in the unit it is compared in. */
export interface AdequateDose {
  amount: number;
  unit: ThresholdUnit;
  /** In chlorpromazine equivalents: the agent's own mg/day at the threshold, by the equivalence the rules name. */
  agentMgPerDay?: number;
}

export interface Trial {
  /** Stable within one derivation: `${ingredient}@${start}`. */
  id: string;
  ingredient: string;
  class: DrugClass;
  start: string;
  /** null when ongoing. */
  end: string | null;
  durationDays: number;
  /** The duration in words, the same wherever a trial is described ("9 weeks", "10 days"). */
  durationText: string;
  doseSteps: DoseStep[];
  /** Highest daily dose (mg) held for at least 4 weeks or to the end of the trial; null when unknown. */
  maxDailyDoseMg: number | null;
  /**
   * The minimum adequate daily dose applied to this trial, with its unit: mg/day of the agent (augmentation: of the
   * augmenting agent), or chlorpromazine-equivalent mg/day under TRRIP; null when no dose threshold applies.
   */
  adequateDose: AdequateDose | null;
  /** Days spent at or above `adequateDose`. */
  daysAtAdequateDose: number;
  adequate: boolean;
  /** Plain words: "adequate: 150 mg/day for 10 weeks", "dose below 50 mg", "4 weeks only", "adherence 55%". */
  adequacyReason: string;
  /** The rules applied (dose table row, duration threshold, adherence threshold). */
  adequacyRules: RuleRef[];
  /** Proportion of days covered by dispenses (0–1), null without dispense data. */
  adherencePdc: number | null;
  outcome: Outcome;
  outcomeBasis: OutcomeBasis;
  /** "PHQ-9 21 → 17 (−19%) on adequate dose", "switched to venlafaxine on 2025-03-01". */
  outcomeDetail: string;
  /**
   * The scores of the scale the trial is measured by: the baseline (the last in the 30 days up to its start, else the
   * first in its first 14 days) and the follow-up it is judged by; null when the record has no such pair.
   */
  baselineScore: ScorePoint | null;
  followUpScore: ScorePoint | null;
  role: TrialRole;
  /** For augmentation/combination: the trial id of the agent it was added to. */
  addedTo?: string;
  /** Episode this trial belongs to (see Episode.id), or null when none could be assigned. */
  episodeId: string | null;
  /** Every resource that contributed ("MedicationRequest/123"). */
  sources: string[];
  /** Anything odd: free-text dose, unknown unit, contradictory dates, duplicates merged. */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Episodes and assessments
// ---------------------------------------------------------------------------------------------

export interface Episode {
  id: string;
  condition: ConditionKey;
  start: string | null;
  /** null when ongoing. */
  end: string | null;
  current: boolean;
  /** How the episode was delimited ("Condition onset 2024-02-01, no abatement"). */
  basis: string;
  sources: string[];
}

export type FlagKind =
  | 'inadequate-dose'
  | 'too-short'
  | 'poor-adherence'
  | 'substance-use'
  | 'trauma-or-stressors'
  | 'personality-disorder'
  | 'comorbid-anxiety';

export interface Flag extends Finding {
  kind: FlagKind;
}

export interface MaudsleyItem {
  item: 'duration' | 'severity' | 'antidepressant-failures' | 'augmentation' | 'ect';
  points: number;
  /** estimated: derived from data with assumptions; missing: no data, scored at its minimum. */
  basis: 'data' | 'estimated' | 'missing';
  explanation: string;
}

/**
 * Whether a condition meets its treatment-resistance definition. `possibly-meets`: the failures the record
 * establishes are too few, but adequate trials whose outcome (or, under TRRIP, adherence) is not recorded would
 * make up the number if they failed; the clinician confirms them (see Assessment.unconfirmedTrials).
 */
export type ResistanceStatus = 'meets' | 'possibly-meets' | 'does-not-meet';

/** An adequate trial that would count as a failure if its outcome were confirmed. */
export interface UnconfirmedTrial {
  trialId: string;
  ingredient: string;
  /** What is missing: "no score, stated reason or following agent", "non-response only inferred from a switch". */
  missing: string;
  /** What to record to decide: "the response to olanzapine (a PANSS or BPRS score, or the clinical notes)". */
  confirm: string;
}

export interface Assessment {
  condition: ConditionKey;
  /** meets / possibly meets / does not meet the definition; `treatmentResistant` is `status === 'meets'`. */
  status: ResistanceStatus;
  /** Adequate trials counted apart because their outcome is not established (drive `possibly-meets`). */
  unconfirmedTrials: UnconfirmedTrial[];
  /** Condition resources that establish it. */
  conditionSources: string[];
  currentEpisode: Episode | null;
  /** Trials counted for this condition in the current episode. */
  trialIds: string[];
  failedAdequateTrials: number;
  failedAdequateTrialIds: string[];
  /**
   * Psychotherapy courses of the episode judged as trials, where the definition counts psychotherapy; a failed one
   * counts as one more treatment (a modality counts once, like an agent).
   */
  therapyTrials: TherapyTrial[];
  treatmentResistant: boolean;
  /** The definition applied, with its source and verification tag. */
  definition: RuleRef;
  /** One sentence a clinician reads first. */
  conclusion: string;
  flags: Flag[];
  /** Depression (mdd) only. */
  thaseRush?: number;
  thaseRushBasis?: string;
  maudsley?: { score: number; band: 'mild' | 'moderate' | 'severe'; items: MaudsleyItem[] };
  mghs?: number;
  mghsBasis?: string;
}

// ---------------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------------

/** The options are the rows of the suggestion catalog; their ids are derived from it. */
export type { InterventionId };

/**
 * not-applicable: the option is for conditions this patient does not have (listed apart from not-eligible, which is
 * for the patient's own conditions when the record does not meet the option's criteria).
 */
export type SuggestionStatus = 'suggested' | 'consider' | 'contraindicated' | 'not-eligible' | 'not-applicable';

export interface Suggestion {
  intervention: InterventionId;
  /** Display name ("Repetitive transcranial magnetic stimulation (rTMS)"). */
  name: string;
  status: SuggestionStatus;
  urgent: boolean;
  /** Why this status, each naming the trials, conditions or scores behind it. */
  reasons: Finding[];
  cautions: Finding[];
  contraindications: Finding[];
  /** Lower first; pseudo-resistance steps come before interventional options when most failures are inadequate. */
  order: number;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

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

/** A blood-pressure reading (for esketamine's pre-dose BP caution and uncontrolled hypertension). */
export interface BloodPressurePoint {
  date: string;
  systolic: number | null;
  diastolic: number | null;
  source: string;
}

/** What the Patient resource says that the rules use: age limits and death. */
export interface Demographics {
  /** Patient.birthDate as recorded, or null. */
  birthDate: string | null;
  /** Whole years at asOf (or at death), or null without a readable birth date. */
  ageYears: number | null;
  deceased: boolean;
  /** Date of death (deceasedDateTime), or null when only deceasedBoolean says so. */
  deceasedDate: string | null;
  /** "Patient/<id>", or null when the Patient resource was not read. */
  source: string | null;
}

export type SafetyKind =
  | 'deceased'
  | 'suicidality-screen'
  | 'suicide-risk-assessment'
  | 'suicidal-ideation'
  | 'suicide-attempt'
  | 'self-harm'
  | 'overdose'
  | 'pregnancy'
  | 'postpartum'
  | 'breastfeeding'
  | 'maoi'
  | 'clozapine'
  | 'lithium'
  | 'psychotic-features'
  | 'catatonia'
  | 'substance-use';

/**
 * One item of the safety strip that heads every view and every note: what was found, when, in which resources, and
 * what it asks of the clinician. Never a resource id in the words: the resources are in `sources` (links).
 */
export interface SafetyItem {
  kind: SafetyKind;
  /** A few words: "Pregnancy, 16 weeks", "Suicidal thoughts on PHQ-9 item 9". */
  title: string;
  /** One sentence: what the record shows, with values. */
  detail: string;
  /** The date of the finding (ISO), or null when the record gives none. */
  date: string | null;
  /** What it asks for ("Assess suicide risk now (C-SSRS)"), when it asks for something. */
  action?: string;
  /** Resource references behind it ("Observation/abc"). */
  sources: string[];
  /** The rule's sources (registry ids), for the sources page. */
  references: ReferenceId[];
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
