/**
 * Tables for the psychiatric picture beyond diagnoses and trials, as EHRs record it: which encounters are
 * psychiatric admissions, detox stays or overdose visits; which procedure and care-plan activity codes are
 * psychotherapy (and of which modality); which ingredients are opioids; which anticonvulsants and benzodiazepines
 * treat epilepsy as often as a psychiatric disorder (their indication decides); what screening and cognition
 * records look like; and the year each common psychiatric drug was first approved in the US (a date before it is a
 * data error worth a note). Each row names its source; rows without a primary source read here are tagged 'U'.
 */
import type { CodeableConcept } from 'fhir/r4';
import type { CareEventKind, PsychotherapyModality, RuleRef } from '../types';
import { rule } from './rules';
import { codingsOf, conceptText, systemKeyOf } from './systems';

const SNOMED_BROWSER = 'SNOMED CT concept as displayed in the record (SNOMED International browser, https://browser.ihtsdotools.org)';

// ---------------------------------------------------------------------------------------------
// Encounters
// ---------------------------------------------------------------------------------------------

export const HISTORY_RULES = {
  detox: rule(
    'history.encounter.detox',
    'An encounter of type "Drug rehabilitation and detoxification" (SNOMED CT 56876005), or named as a detoxification or withdrawal-management stay, is a detox stay: substance-use history.',
    SNOMED_BROWSER,
    'U',
  ),
  psychiatricAdmission: rule(
    'history.encounter.psychiatric-admission',
    'An inpatient encounter (class IMP, ACUTE or NONAC) whose reason or diagnosis is a psychiatric disorder, or whose type names a psychiatric admission, is a psychiatric admission.',
    'HL7 v3 ActCode encounter classes (IMP inpatient, ACUTE, NONAC); FHIR R4 Encounter.class, type, reasonCode, diagnosis',
    'U',
  ),
  overdoseVisit: rule(
    'history.encounter.overdose',
    'An encounter whose reason is a drug overdose (SNOMED CT 55680006) is an overdose, whatever its class.',
    SNOMED_BROWSER,
    'U',
  ),
  visitReason: rule(
    'history.encounter.reason',
    'A psychiatric diagnosis given only as the reason of visits (Encounter.reasonCode) counts as diagnosed from the first such visit, without an end (no Condition says it resolved).',
    'FHIR R4 Encounter.reasonCode ("coded reason the encounter takes place"); a working rule of this app',
    'U',
  ),
} as const satisfies Record<string, RuleRef>;

const DETOX_TYPE_CODES = new Set(['56876005']);
const DETOX_TEXT = /detox|withdrawal management|drug rehabilitation|alcohol rehabilitation|substance (use|abuse) (rehabilitation|treatment program)/i;
const PSYCHIATRIC_ADMISSION_TEXT = /psychiatr\w* (admission|inpatient|unit|ward|hospital)|admission to (a )?psychiatr|involuntary (admission|commitment)/i;
const INPATIENT_CLASSES = new Set(['IMP', 'ACUTE', 'NONAC', 'inpatient']);

export function isDetoxEncounterType(types: CodeableConcept[]): boolean {
  for (const t of types) {
    if (codingsOf(t).some((c) => systemKeyOf(c.system) === 'snomed' && DETOX_TYPE_CODES.has(c.code!.trim()))) return true;
    if (DETOX_TEXT.test(conceptText(t)) || codingsOf(t).some((c) => DETOX_TEXT.test(c.display ?? ''))) return true;
  }
  return false;
}

export function isPsychiatricAdmissionType(types: CodeableConcept[]): boolean {
  return types.some((t) => PSYCHIATRIC_ADMISSION_TEXT.test(conceptText(t)) || codingsOf(t).some((c) => PSYCHIATRIC_ADMISSION_TEXT.test(c.display ?? '')));
}

export function isInpatientClass(code: string | null): boolean {
  return code !== null && INPATIENT_CLASSES.has(code);
}

export const CARE_EVENT_LABEL: Record<CareEventKind, string> = {
  'psychiatric-admission': 'psychiatric admission',
  detox: 'detox stay',
  'overdose-visit': 'overdose',
};

// ---------------------------------------------------------------------------------------------
// Psychotherapy
// ---------------------------------------------------------------------------------------------

const PSYCHOTHERAPY_RULE = rule(
  'history.psychotherapy',
  'A Procedure or CarePlan activity coded or named as psychotherapy (CBT, trauma-focused therapy, psychodynamic, interpersonal, group, family therapy, counselling) is psychotherapy given, with its modality.',
  `${SNOMED_BROWSER}; FHIR R4 CarePlan.activity.detail (status completed or in-progress)`,
  'U',
);

/** SNOMED CT regime/therapy and procedure codes seen in EHR care plans, with the modality each names. */
const PSYCHOTHERAPY_CODES: Record<string, PsychotherapyModality> = {
  '425680009': 'cbt', // Cognitive behavioral therapy by multidisciplinary team
  '228557008': 'cbt', // Cognitive and behavioral therapy
  '406185000': 'trauma-focused', // Trauma therapy
  '304822001': 'psychodynamic', // Psychodynamic interpersonal psychotherapy
  '76168009': 'group', // Group psychotherapy
  '38756009': 'family', // Family psychotherapy
  '409063005': 'counselling', // Counseling
  '313071005': 'counselling', // Counseling for substance abuse
  '60112009': 'counselling', // Drug addiction counseling
  '24165007': 'counselling', // Alcoholism counseling
  '266707007': 'counselling', // Drug addiction therapy
  '75516001': 'other', // Psychotherapy
  '18512000': 'other', // Individual psychotherapy
};

/** Text patterns, specific first. */
const PSYCHOTHERAPY_TEXT: Array<[RegExp, PsychotherapyModality]> = [
  [/trauma[- ]focused|trauma therapy|prolonged exposure|cognitive processing therapy|\bcpt\b|\bemdr\b|eye movement desensiti/i, 'trauma-focused'],
  [/cognitive[- ]behavio|\bcbt\b|exposure and response prevention|\berp\b|behaviou?ral activation|\bdbt\b|dialectical/i, 'cbt'],
  [/psychodynamic|psychoanaly/i, 'psychodynamic'],
  [/interpersonal (psycho)?therapy|\bipt\b/i, 'interpersonal'],
  [/group (psycho)?therapy/i, 'group'],
  [/family (psycho)?therapy|couples therapy/i, 'family'],
  [/psychotherapy/i, 'other'],
  [/counsel+ing/i, 'counselling'],
];

/** The psychotherapy modality a code names, or null when it is not psychotherapy. */
export function psychotherapyModality(code: CodeableConcept | undefined): PsychotherapyModality | null {
  for (const c of codingsOf(code)) {
    if (systemKeyOf(c.system) === 'snomed' && PSYCHOTHERAPY_CODES[c.code!.trim()]) return PSYCHOTHERAPY_CODES[c.code!.trim()]!;
  }
  const text = [conceptText(code), ...codingsOf(code).map((c) => c.display ?? '')].join(' | ');
  if (/smoking cessation|nutrition|diet|exercise|genetic counsel|counseling for termination|lactation|contracepti/i.test(text)) return null;
  for (const [re, modality] of PSYCHOTHERAPY_TEXT) if (re.test(text)) return modality;
  return null;
}

export const MODALITY_LABEL: Record<PsychotherapyModality, string> = {
  cbt: 'cognitive behavioural therapy',
  'trauma-focused': 'trauma-focused therapy',
  psychodynamic: 'psychodynamic therapy',
  interpersonal: 'interpersonal therapy',
  group: 'group psychotherapy',
  family: 'family therapy',
  counselling: 'counselling',
  other: 'psychotherapy',
};

// ---------------------------------------------------------------------------------------------
// Medications that are not psychiatric trials by themselves
// ---------------------------------------------------------------------------------------------

export const INDICATION_RULES = {
  epilepsy: rule(
    'indication.epilepsy',
    'An anticonvulsant (carbamazepine, valproate, lamotrigine) or benzodiazepine (clonazepam, diazepam, lorazepam, ...) in a patient with epilepsy and no mood or anxiety disorder, or ordered for epilepsy, treats the epilepsy: not a psychiatric trial. With bipolar disorder, valproate, lamotrigine and carbamazepine are mood-stabiliser trials; with an anxiety disorder, benzodiazepines are anxiolytic treatment.',
    'US labels list both uses (carbamazepine: epilepsy, trigeminal neuralgia, and bipolar I as Equetro; valproate: epilepsy, mania, migraine; lamotrigine: epilepsy and bipolar I maintenance; clonazepam: seizure and panic disorders; diazepam: anxiety, alcohol withdrawal, adjunct in convulsive disorders), so the diagnosis decides; a working rule of this app',
    'U',
  ),
  reason: rule(
    'indication.reason',
    'An order\'s own reason (reasonCode, or reasonReference to a Condition) decides what it treats before the patient\'s other diagnoses do.',
    'FHIR R4 MedicationRequest.reasonCode / reasonReference ("reason or indication for ordering")',
    'V',
  ),
  opioid: rule(
    'indication.opioid',
    'Opioid analgesics (oxycodone, hydrocodone, morphine, fentanyl, hydromorphone, ...) are not psychiatric trials; alongside an overdose, a detox stay or a substance use disorder they are part of the substance-use picture.',
    'ATC N02A opioids; a working rule of this app',
    'U',
  ),
} as const satisfies Record<string, RuleRef>;

/** Anticonvulsants and benzodiazepines whose indication (epilepsy or psychiatric) the record decides. */
export const EPILEPSY_OR_PSYCHIATRIC: Record<string, 'anticonvulsant' | 'benzodiazepine'> = {
  carbamazepine: 'anticonvulsant',
  valproate: 'anticonvulsant',
  lamotrigine: 'anticonvulsant',
  clonazepam: 'benzodiazepine',
  diazepam: 'benzodiazepine',
  lorazepam: 'benzodiazepine',
  alprazolam: 'benzodiazepine',
};

/** Opioid ingredients (ATC N02A, N07BC) as RxNorm names spell them, lower case. */
export const OPIOIDS = [
  'oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'hydromorphone', 'oxymorphone', 'codeine', 'tramadol', 'tapentadol',
  'methadone', 'buprenorphine', 'meperidine', 'levorphanol', 'pentazocine',
] as const;
const OPIOID_RE = new RegExp(String.raw`\b(${OPIOIDS.join('|')})\b`, 'i');

/** The opioid named in a medication's text ("Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet"), or null. */
export function opioidIn(text: string): string | null {
  const m = OPIOID_RE.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/** Medications for ADHD and dementia: treatment of a comorbidity, listed but not assessed. */
export const COMORBIDITY_TREATMENTS: Record<string, 'adhd' | 'dementia'> = {
  methylphenidate: 'adhd',
  dexmethylphenidate: 'adhd',
  amphetamine: 'adhd',
  dextroamphetamine: 'adhd',
  lisdexamfetamine: 'adhd',
  atomoxetine: 'adhd',
  guanfacine: 'adhd',
  donepezil: 'dementia',
  galantamine: 'dementia',
  rivastigmine: 'dementia',
  memantine: 'dementia',
};
const COMORBIDITY_TREATMENT_RE = new RegExp(String.raw`\b(${Object.keys(COMORBIDITY_TREATMENTS).join('|')})\b`, 'i');
export function comorbidityTreatmentIn(text: string): { ingredient: string; category: 'adhd' | 'dementia' } | null {
  const m = COMORBIDITY_TREATMENT_RE.exec(text);
  if (!m) return null;
  const ingredient = m[1]!.toLowerCase();
  return { ingredient, category: COMORBIDITY_TREATMENTS[ingredient]! };
}

// ---------------------------------------------------------------------------------------------
// Screening and cognition
// ---------------------------------------------------------------------------------------------

export const DATA_NOTE_RULES = {
  screeningWithoutScore: rule(
    'data.screening-without-score',
    'A depression or mental-health screening procedure without a score recorded in the record cannot tell whether the screen was positive.',
    'FHIR R4 Procedure (a screening procedure carries no result); a working rule of this app',
    'U',
  ),
  cognition: rule(
    'data.cognition-score',
    'MMSE (LOINC 72106-8) and MoCA (LOINC 72172-0) totals are cognitive scores (0-30, lower is worse), not symptom scales: shown as cognition, not used for treatment outcomes.',
    'LOINC 72106-8 "Total score [MMSE]", 72172-0 "Total score [MoCA]" (https://loinc.org)',
    'V',
  ),
  beforeBirth: rule('data.before-birth', 'A record dated before the patient\'s birth date is a data error.', 'Arithmetic on the record\'s dates against its FHIR R4 Patient.birthDate', 'derived'),
  beforeApproval: rule(
    'data.before-approval',
    'A medication record dated before the year the drug was first approved in the US is most likely a data error (or a date of another meaning): the note asks to check it.',
    'First US approval years from Drugs@FDA (https://www.accessdata.fda.gov/scripts/cder/daf/), listed per drug below; years not yet checked against the application are marked unverified',
    'U',
  ),
} as const satisfies Record<string, RuleRef>;

/** Procedures that are a screening or assessment of mood or mental health (a score belongs beside them). */
const SCREENING_CODES = new Set(['171207006', '715252007', '385892002', '454711000124102', '428211000124100']);
const SCREENING_TEXT = /depression screening|mental health screening|screening for depression|phq-?[29] screening|anxiety screening/i;
export function isMentalHealthScreening(code: CodeableConcept | undefined): boolean {
  if (codingsOf(code).some((c) => systemKeyOf(c.system) === 'snomed' && SCREENING_CODES.has(c.code!.trim()))) return true;
  return SCREENING_TEXT.test([conceptText(code), ...codingsOf(code).map((c) => c.display ?? '')].join(' | '));
}

export type CognitionInstrument = 'mmse' | 'moca';
const COGNITION_LOINC: Record<string, CognitionInstrument> = { '72106-8': 'mmse', '72172-0': 'moca' };
export function cognitionInstrument(code: CodeableConcept | undefined): CognitionInstrument | null {
  for (const c of codingsOf(code)) if (systemKeyOf(c.system) === 'loinc' && COGNITION_LOINC[c.code!.trim()]) return COGNITION_LOINC[c.code!.trim()]!;
  const text = conceptText(code);
  if (/\bmmse\b|mini[- ]mental state/i.test(text)) return 'mmse';
  if (/\bmoca\b|montreal cognitive/i.test(text)) return 'moca';
  return null;
}
export const COGNITION_LABEL: Record<CognitionInstrument, string> = { mmse: 'MMSE', moca: 'MoCA' };

// ---------------------------------------------------------------------------------------------
// First US approval years
// ---------------------------------------------------------------------------------------------

export interface ApprovalRow {
  ingredient: string;
  /** Year of the first US approval of the ingredient (any indication). */
  year: number;
  /** The NDA of the first approval in Drugs@FDA. */
  application: string;
  verification: 'U';
}

/**
 * Years recalled from the Drugs@FDA histories of the original applications; each links to its application and is
 * marked unverified until checked there. Only used to flag a record dated before the drug existed in the US.
 */
export const FIRST_US_APPROVAL: readonly ApprovalRow[] = [
  { ingredient: 'fluoxetine', year: 1987, application: '018936', verification: 'U' },
  { ingredient: 'sertraline', year: 1991, application: '019839', verification: 'U' },
  { ingredient: 'paroxetine', year: 1992, application: '020031', verification: 'U' },
  { ingredient: 'citalopram', year: 1998, application: '020822', verification: 'U' },
  { ingredient: 'escitalopram', year: 2002, application: '021323', verification: 'U' },
  { ingredient: 'venlafaxine', year: 1993, application: '020151', verification: 'U' },
  { ingredient: 'duloxetine', year: 2004, application: '021427', verification: 'U' },
  { ingredient: 'bupropion', year: 1985, application: '018644', verification: 'U' },
  { ingredient: 'mirtazapine', year: 1996, application: '020415', verification: 'U' },
  { ingredient: 'vortioxetine', year: 2013, application: '204447', verification: 'U' },
  { ingredient: 'aripiprazole', year: 2002, application: '021436', verification: 'U' },
  { ingredient: 'quetiapine', year: 1997, application: '020639', verification: 'U' },
  { ingredient: 'olanzapine', year: 1996, application: '020592', verification: 'U' },
  { ingredient: 'risperidone', year: 1993, application: '020272', verification: 'U' },
  { ingredient: 'clozapine', year: 1989, application: '019758', verification: 'U' },
  { ingredient: 'lamotrigine', year: 1994, application: '020241', verification: 'U' },
  { ingredient: 'esketamine', year: 2019, application: '211243', verification: 'U' },
];
const APPROVAL_BY_INGREDIENT = new Map(FIRST_US_APPROVAL.map((r) => [r.ingredient, r]));
export function firstUsApproval(ingredient: string): ApprovalRow | undefined {
  return APPROVAL_BY_INGREDIENT.get(ingredient);
}
export function drugsAtFdaUrl(application: string): string {
  return `https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=${application}`;
}

export const HISTORY_TERMINOLOGY_RULES: RuleRef[] = [
  ...Object.values(HISTORY_RULES),
  PSYCHOTHERAPY_RULE,
  ...Object.values(INDICATION_RULES),
  ...Object.values(DATA_NOTE_RULES),
];
