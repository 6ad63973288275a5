/** Diagnoses: the five assessed conditions, the comorbidities the rules use, and the span a diagnosis covers. */

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
  /** An overdose: poisoning by drugs of intentional or undetermined intent, or of no recorded intent. */
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
 * What a poisoning code says of its intent (ICD-10-CM T36-T50, sixth character: 1 accidental, 2 intentional
 * self-harm, 3 assault, 4 undetermined).
 */
export type PoisoningIntent = 'accidental' | 'intentional-self-harm' | 'assault' | 'undetermined';

/** Any kind of diagnosis the engine recognises: one of the five assessed conditions or a comorbidity. */
export type DiagnosisKind = ConditionKey | ComorbidityKey;

/**
 * A diagnosis found in the record, with the span it covers. Devices (Device resources: cochlear implant,
 * stimulators, aneurysm clips) and implant-status codes are also reported here, as kind 'head-implant'; cardiac
 * pacemakers, implanted defibrillators and intracardiac leads as kind 'cardiac-device'.
 */
export interface DiagnosisSpan {
  /** What the engine recognised it as; 'other' for codes it keeps for display only. */
  kind: DiagnosisKind;
  code: string;
  system: string;
  display: string;
  onset: string | null;
  abatement: string | null;
  /** clinicalStatus code ("active", "resolved", …) or null. */
  clinicalStatus: string | null;
  /** An overdose's intent, when its code says it; absent when it does not (SNOMED CT 55680006, text). */
  intent?: PoisoningIntent;
  /**
   * Set on a kind the code states beside its main diagnosis (F20.0 Paranoid schizophrenia: 'psychotic-features', with
   * impliedBy 'schizophrenia'): the rules see both kinds, but the record holds one condition, drawn and named once.
   */
  impliedBy?: DiagnosisKind;
  source: string;
}
