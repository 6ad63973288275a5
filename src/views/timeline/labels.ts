/**
 * Display words for the engine's codes. Pure lookup tables, no clinical judgement here:
 * everything clinical comes from the Derivation, these only name it for people. The words the engine, the
 * write-back and the views share come from the engine's vocabulary; the ones only the timeline uses live here.
 */
import type {
  ComorbidityKey,
  ConditionKey,
  DrugClass,
  FlagKind,
  Instrument,
  ProcedureKind,
  TrialRole,
} from '../../clinical/types';
import { CONDITION_LABEL, formatDose, formatMg } from '../../clinical/vocabulary';

export {
  CONDITION_LABEL,
  INSTRUMENT_LABEL,
  OUTCOME_BASIS_LABEL,
  OUTCOME_LABEL,
  OUTCOME_SHORT,
  VERIFICATION_LABEL,
  capitalise,
} from '../../clinical/vocabulary';

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

export function diagnosisKindLabel(kind: ConditionKey | ComorbidityKey): string {
  return (CONDITION_LABEL as Record<string, string>)[kind] ?? COMORBIDITY_LABEL[kind as ComorbidityKey] ?? kind;
}

export function isConditionKey(kind: string): kind is ConditionKey {
  return kind in CONDITION_LABEL;
}

export const ROLE_LABEL: Record<TrialRole, string> = {
  monotherapy: 'monotherapy',
  augmentation: 'augmentation',
  combination: 'combination',
  hypnotic: 'hypnotic use (not counted)',
};


/** Order of the score charts: depression scales first. */
export const INSTRUMENT_ORDER: Instrument[] = [
  'phq9',
  'madrs',
  'hamd17',
  'qids-sr16',
  'phq2',
  'phq9-item9',
  'cssrs',
  'gad7',
  'ybocs',
  'pcl5',
  'caps5',
  'panss',
  'bprs',
];

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

export const FLAG_LABEL: Record<FlagKind, string> = {
  'inadequate-dose': 'Inadequate dose',
  'too-short': 'Too short',
  'poor-adherence': 'Poor adherence',
  'substance-use': 'Substance use',
  'trauma-or-stressors': 'Trauma or stressors',
  'personality-disorder': 'Personality disorder',
  'comorbid-anxiety': 'Comorbid anxiety',
};

/**
 * The engine's adequacy reason without its leading verdict ("adequate: 150 mg/day …"), for places that already say
 * "Adequate" or "Not adequate" before it (so no "adequate: adequate:").
 */
export function adequacyReasonText(reason: string): string {
  return reason.replace(/^(?:not\s+)?adequate:\s*/i, '');
}

/** "2025-03-01" stays as it is; a dateTime is cut to its date, since the timeline works in days. */
export function displayDate(value: string | null | undefined): string {
  if (!value) return 'unknown date';
  return value.length > 10 ? value.slice(0, 10) : value;
}

export function doseText(mg: number | null | undefined, unit = 'mg/day'): string {
  if (mg === null || mg === undefined) return 'dose unknown';
  return `${formatMg(mg)} ${unit}`;
}

/** A daily dose of a trial's drug in the unit it is prescribed in ("100 mg/day", "12.5 mcg/day" for liothyronine). */
export function trialDoseText(mg: number | null | undefined, ingredient: string): string {
  return mg === null || mg === undefined ? 'dose unknown' : `${formatDose(mg, ingredient)}/day`;
}

export { RECORD_TYPE_WORDS, recordCountWords, resourceTypeOf } from '../../clinical/record-words';

export { plainText } from '../../clinical/plain-text';
import { REFERENCE_RUN } from '../../clinical/plain-text';

/** What kind of note this is, for counting: its words before the first colon, numbers and ids left out. */
export function noteKind(note: string): string {
  const head = note.replace(REFERENCE_RUN, '').split(':')[0]!;
  return head
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.+\-Z]*)?/g, '…')
    .replace(/\d+(\.\d+)?/g, '…')
    .trim()
    .replace(/\s+(from|in|on)$/i, '')
    .trim();
}
