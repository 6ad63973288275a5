/**
 * The words for the engine's codes, one table each, used alike by the engine's sentences, the write-back and the
 * views, so a condition, an outcome, a scale or a trial reads the same on the page, in the note and in the chart.
 * Words only: no clinical judgement here.
 */
import { BASELINE_DAYS_AFTER, BASELINE_DAYS_BEFORE } from './engine-rules';
import { ingredientByName } from './terminology/ingredients';
import { SCALE_TABLE } from './terminology/scales';
import type {
  ComorbidityKey,
  ConditionKey,
  DiagnosisKind,
  DrugClass,
  FlagKind,
  Instrument,
  Outcome,
  OutcomeBasis,
  ProcedureKind,
  ResistanceStatus,
  Trial,
  TrialRole,
  Verification,
} from './types';

/** A condition in a sentence ("no posttraumatic stress disorder is recorded"); DSM-5 spelling. */
export const CONDITION_NAME: Record<ConditionKey, string> = {
  mdd: 'major depressive disorder',
  'bipolar-depression': 'bipolar depression',
  schizophrenia: 'schizophrenia',
  ocd: 'obsessive-compulsive disorder',
  ptsd: 'posttraumatic stress disorder',
};

/** Whether a diagnosis kind is one of the five assessed conditions (those with a condition name above). */
export function isConditionKey(kind: string): kind is ConditionKey {
  return Object.hasOwn(CONDITION_NAME, kind);
}

/** A condition as a heading or label ("Posttraumatic stress disorder"). */
export const CONDITION_LABEL: Record<ConditionKey, string> = {
  mdd: capitalise(CONDITION_NAME.mdd),
  'bipolar-depression': capitalise(CONDITION_NAME['bipolar-depression']),
  schizophrenia: capitalise(CONDITION_NAME.schizophrenia),
  ocd: capitalise(CONDITION_NAME.ocd),
  ptsd: capitalise(CONDITION_NAME.ptsd),
};

/** The short form clinicians write ("MDD", "PTSD"). */
export const CONDITION_SHORT: Record<ConditionKey, string> = {
  mdd: 'MDD',
  'bipolar-depression': 'bipolar depression',
  schizophrenia: 'schizophrenia',
  ocd: 'OCD',
  ptsd: 'PTSD',
};

/** A comorbidity or other diagnosis kind as a label ("Epilepsy / seizures"); the five assessed conditions are above. */
const COMORBIDITY_LABEL: Record<ComorbidityKey, string> = {
  'substance-use': 'Substance use',
  'psychosocial-stressor': 'Psychosocial stressor',
  trauma: 'Trauma',
  'personality-disorder': 'Personality disorder',
  anxiety: 'Anxiety disorder',
  epilepsy: 'Epilepsy / seizures',
  pregnancy: 'Pregnancy',
  'psychotic-features': 'Psychotic features',
  catatonia: 'Catatonia',
  'suicidal-ideation': 'Suicidal ideation',
  'suicide-attempt': 'Suicide attempt',
  'self-harm': 'Self-harm',
  overdose: 'Overdose (intentional or undetermined)',
  postpartum: 'Postpartum',
  breastfeeding: 'Breastfeeding',
  'intracerebral-haemorrhage': 'Intracerebral haemorrhage',
  'aneurysm-or-avm': 'Aneurysm or AVM',
  'raised-intracranial-pressure': 'Raised intracranial pressure',
  'recent-myocardial-infarction': 'Recent myocardial infarction',
  'recent-stroke': 'Recent stroke',
  hypertension: 'Hypertension',
  'head-implant': 'Implant in or near the head',
  'cardiac-device': 'Cardiac pacemaker, defibrillator or lead',
  vagotomy: 'Vagotomy',
  adhd: 'ADHD',
  dementia: 'Dementia',
  'brain-injury': 'Brain injury',
  other: 'Other',
};

/** Any diagnosis kind as a label: an assessed condition's label, else the comorbidity's. */
export function diagnosisKindLabel(kind: DiagnosisKind): string {
  return (CONDITION_LABEL as Record<string, string>)[kind] ?? COMORBIDITY_LABEL[kind as ComorbidityKey] ?? kind;
}

/** A drug class as a label ("Tricyclic"). */
export const DRUG_CLASS_LABEL: Record<DrugClass, string> = {
  ssri: 'SSRI',
  snri: 'SNRI',
  tca: 'Tricyclic',
  maoi: 'MAOI',
  'atypical-antidepressant': 'Other antidepressant',
  antipsychotic: 'Antipsychotic',
  'mood-stabilizer': 'Mood stabiliser',
  'augmentation-agent': 'Augmentation agent',
  'nmda-antagonist': 'NMDA antagonist',
  'other-psychotropic': 'Other psychotropic',
  unknown: 'Unrecognised class',
};

/** A trial's role in a sentence ("augmentation"); a hypnotic dose is said not to count. */
export const ROLE_LABEL: Record<TrialRole, string> = {
  monotherapy: 'monotherapy',
  augmentation: 'augmentation',
  combination: 'combination',
  hypnotic: 'hypnotic use (not counted)',
};

/** A past interventional procedure as a label ("ECT"). */
export const PROCEDURE_LABEL: Record<ProcedureKind, string> = {
  ect: 'ECT',
  tms: 'TMS',
  esketamine: 'Esketamine',
  ketamine: 'Ketamine',
  vns: 'VNS',
  dbs: 'DBS',
  psychotherapy: 'Psychotherapy',
  other: 'Other procedure',
};

/** A pseudo-resistance or complexity flag in words: the start of the flag's own text ("trial too short: ..."). */
export const FLAG_WORDS: Record<FlagKind, string> = {
  'inadequate-dose': 'inadequate dose',
  'too-short': 'trial too short',
  'poor-adherence': 'poor adherence',
  'substance-use': 'co-occurring substance use',
  'trauma-or-stressors': 'trauma or psychosocial stressors',
  'personality-disorder': 'personality disorder',
  'comorbid-anxiety': 'comorbid anxiety disorder',
};

/** A trial's outcome in a sentence; capitalised as a label. */
/**
 * The resistance verdict's words: what the badge says is whether the treatment-resistance criteria of a definition are
 * met, never the diagnosis itself (the condition is named beside it).
 */
export const RESISTANCE_VERDICT_WORDS: Record<ResistanceStatus, string> = {
  meets: 'Treatment-resistance criteria met',
  'possibly-meets': 'Treatment-resistance criteria possibly met',
  'does-not-meet': 'Treatment-resistance criteria not met',
};

export const OUTCOME_WORDS: Record<Outcome, string> = {
  remission: 'remission',
  response: 'response',
  partial: 'partial response',
  nonresponse: 'non-response',
  intolerance: 'not tolerated',
  ongoing: 'ongoing',
  unknown: 'outcome unknown',
};

/** A trial's outcome as a label ("Partial response"). */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  remission: capitalise(OUTCOME_WORDS.remission),
  response: capitalise(OUTCOME_WORDS.response),
  partial: capitalise(OUTCOME_WORDS.partial),
  nonresponse: capitalise(OUTCOME_WORDS.nonresponse),
  intolerance: capitalise(OUTCOME_WORDS.intolerance),
  ongoing: capitalise(OUTCOME_WORDS.ongoing),
  unknown: capitalise(OUTCOME_WORDS.unknown),
};

/** The few letters printed beside a trial's outcome mark on the timeline, where room is short. */
export const OUTCOME_SHORT: Record<Outcome, string> = {
  remission: 'remission',
  response: 'response',
  partial: 'partial',
  nonresponse: 'non-response',
  intolerance: 'intolerance',
  ongoing: 'ongoing',
  unknown: 'unknown',
};

/** How an outcome is known. */
export const OUTCOME_BASIS_LABEL: Record<OutcomeBasis, string> = {
  measured: 'measured by symptom scores',
  recorded: 'recorded in the chart',
  inferred: 'inferred from a switch or stop',
};

/** A rule's verification tag as a citation prints it: "[verified]". */
export const VERIFICATION_WORDS: Record<Verification, string> = {
  V: 'verified',
  S: 'secondary source',
  U: 'UNVERIFIED',
  derived: 'derived',
};

/** What each verification tag means, where the tags are explained (rules panel, legend). */
export const VERIFICATION_LABEL: Record<Verification, string> = {
  V: 'verified (primary source)',
  S: 'secondary source',
  U: 'UNVERIFIED',
  derived: 'derived from verified numbers',
};

/** How clinicians write each instrument's name: the name in its scale's row (terminology/scales.ts). */
export const INSTRUMENT_LABEL = Object.fromEntries(SCALE_TABLE.map((s) => [s.instrument, s.name])) as Record<Instrument, string>;

export function instrumentLabel(i: Instrument): string {
  return INSTRUMENT_LABEL[i] ?? i;
}

/** Which score is a trial's baseline, in words (the engine's window, engine-rules.ts). */
export const BASELINE_WORDS = `the last score in the ${BASELINE_DAYS_BEFORE} days before the trial started, or else the first in its first ${BASELINE_DAYS_AFTER} days`;

/**
 * A duration in the one rounding used everywhere: whole weeks completed from two weeks on ("9 weeks" for 69 days,
 * as adequacy counts weeks: 41 days are not 6 weeks), days below that ("10 days").
 */
export function describeDuration(days: number): string {
  if (days >= 14) return `${Math.floor(days / 7)} weeks`;
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** What `describeTrial` reads of a trial (the engine describes trials before they are final). */
export type DescribedTrial = Pick<Trial, 'ingredient' | 'maxDailyDoseMg' | 'durationDays' | 'start' | 'end'>;

/** "sertraline 100 mg/day for 9 weeks", "bupropion (dose unknown) since 2025-02-01": one trial in a sentence. */
export function describeTrial(trial: DescribedTrial): string {
  const dose = trial.maxDailyDoseMg === null ? ' (dose unknown)' : ` ${formatDose(trial.maxDailyDoseMg, trial.ingredient)}/day`;
  const span = trial.end === null ? `since ${trial.start}` : `for ${describeDuration(trial.durationDays)}`;
  return `${trial.ingredient}${dose} ${span}`;
}

/** A dose without a float's noise: 37.5 stays, 33.333333 reads 33.33. */
export function formatMg(mg: number): string {
  return String(Math.round(mg * 100) / 100);
}

/**
 * A dose (held in mg) in the unit its drug is prescribed in: "100 mg", and "12.5 mcg" for a drug dosed in micrograms
 * (liothyronine). "mcg", not "µg", which is misread as "mg" (ISMP list of error-prone abbreviations).
 */
export function formatDose(mg: number, ingredient: string): string {
  return ingredientByName(ingredient)?.doseUnit === 'mcg' ? `${formatMg(mg * 1000)} mcg` : `${formatMg(mg)} mg`;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
