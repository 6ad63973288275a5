/**
 * Tables for the psychiatric picture beyond diagnoses and trials, as EHRs record it: which encounters are
 * psychiatric admissions, detox stays or overdose visits; which procedure and care-plan activity codes are
 * psychotherapy (and of which modality); which ingredients are opioids; which anticonvulsants and benzodiazepines
 * treat epilepsy as often as a psychiatric disorder (their indication decides); what screening and cognition
 * records look like; and the year each common psychiatric drug was first approved in the US (a date before it is a
 * data error worth a note). Each row names its source; rows without a primary source read here are tagged 'U'.
 */
import type { CodeableConcept } from 'fhir/r4';
import type { ReferenceId } from '../references/registry';
import type { CareEventKind, ConditionKey, PsychotherapyModality, RuleRef } from '../types';
import { rule } from './medication-rules';
import { codingsOf, conceptText, systemKeyOf } from './systems';

const SNOMED_BROWSER = 'SNOMED CT concept as displayed in the record (SNOMED International browser, https://browser.ihtsdotools.org)';

// ---------------------------------------------------------------------------------------------
// Encounters
// ---------------------------------------------------------------------------------------------

const HISTORY_RULES = {
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
  'A Procedure or CarePlan activity coded or named as psychotherapy (CBT, trauma-focused therapy, psychodynamic, interpersonal, group, family therapy, counselling) is psychotherapy given, with its modality. Drug or alcohol counselling (SNOMED CT 313071005, 60112009, 24165007, 266707007, or so named) is substance-use counselling: shown with the substance use (safety strip, substance-use option, history line), never as psychotherapy of an assessed disorder.',
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
  '313071005': 'substance-use', // Counseling for substance abuse
  '60112009': 'substance-use', // Drug addiction counseling
  '24165007': 'substance-use', // Alcoholism counseling
  '266707007': 'substance-use', // Drug addiction therapy
  '75516001': 'other', // Psychotherapy
  '18512000': 'other', // Individual psychotherapy
};

/** Text patterns, specific first. */
const PSYCHOTHERAPY_TEXT: Array<[RegExp, PsychotherapyModality]> = [
  [/\b(drug|alcohol(ism)?|substance|addiction|opioid)\b.*\b(counsel+ing|therapy)\b|\b(counsel+ing|therapy) for (drug|alcohol|substance|addiction)/i, 'substance-use'],
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
  'substance-use': 'substance-use counselling',
  other: 'psychotherapy',
};

/** Where a resistance definition counts a psychotherapy course as a treatment trial, and when the course is adequate. */
export interface TherapyCounted {
  modalities: PsychotherapyModality[];
  /** Sessions for an adequate course ... */
  minSessions: number;
  /** ... or, when the record does not count the sessions, weeks of a completed course. */
  minWeeks: number;
  rule: RuleRef;
}

export const THERAPY_COUNTED: Partial<Record<ConditionKey, TherapyCounted>> = {
  ptsd: {
    modalities: ['trauma-focused'],
    minSessions: 8,
    minWeeks: 8,
    rule: rule(
      'resistance.ptsd.psychotherapy',
      'PTSD: a course of trauma-focused psychotherapy (prolonged exposure, cognitive processing therapy, EMDR, trauma-focused CBT) counts as a treatment trial beside the medication trials, as the E-TRIP counts every adequately delivered first-line treatment. Adequate with at least 8 sessions, or a completed course of at least 8 weeks when the sessions are not recorded; failed when the CAPS-5 or PCL-5 from its start to its end (up to 2 weeks after) shows no response, with the thresholds used for medication trials. The course counts once, like an agent.',
      'Dunlop 2014 (E-TRIP: adequately delivered medications and psychotherapies are both counted); VA/DoD PTSD guideline 2023 (individual trauma-focused psychotherapy first); the 8-session minimum is a working rule',
      'U',
      ['dunlop2014', 'vaDodPtsd2023', 'projectWorkingRule'],
    ),
  },
  ocd: {
    modalities: ['cbt'],
    minSessions: 13,
    minWeeks: 13,
    rule: rule(
      'resistance.ocd.psychotherapy',
      'OCD: a course of CBT (exposure and response prevention, the first-line psychological treatment) counts as a treatment trial beside the SRI trials. Adequate with at least 13 sessions (about 13–20 weekly sessions), or a completed course of at least 13 weeks when the sessions are not recorded; failed when the Y-BOCS from its start to its end (up to 2 weeks after) shows no response (less than 35% reduction). The course counts once, like an agent.',
      'APA OCD guideline 2007 (CBT with ERP and SRIs are the first-line treatments; 13–20 weekly sessions); counting it in the resistance definition is a working rule',
      'U',
      ['apaOcd2007', 'projectWorkingRule'],
    ),
  },
};

/** Why psychotherapy (and admissions) are listed but not counted by the other definitions and the staging scales. */
export const THERAPY_NOT_COUNTED: Record<Exclude<ConditionKey, 'ptsd' | 'ocd'>, string> = {
  mdd: 'the definition counts antidepressant treatments (Gaynes 2020), and none of the staging scales computed here (Thase-Rush, MGH-S, Maudsley) has a psychotherapy item',
  'bipolar-depression': 'the definition counts guideline-recommended medication trials; a psychological treatment counts only toward multi-therapy resistance (Hidalgo-Mazzei 2019)',
  schizophrenia: 'TRRIP counts antipsychotic trials only (Howes 2017)',
};

const THERAPY_NOT_COUNTED_RULE = rule(
  'resistance.psychotherapy-not-counted',
  'Psychotherapy given and psychiatric admissions are listed, not counted, where the definition or scale does not count them: MDD (two failed antidepressant treatments), Thase-Rush, MGH-S and Maudsley (their items are medication trials, augmentation, ECT, duration and symptom severity; no psychotherapy or hospitalisation item), bipolar depression (a psychological treatment counts only toward multi-therapy resistance) and schizophrenia (TRRIP: antipsychotic trials). The Dutch Measure (DM-TRD) counts failed psychotherapy and intensified (inpatient) treatment, but is not computed here.',
  'Gaynes 2020; Thase 1997; Fava 2003; Fekadu 2018 Table 3; Hidalgo-Mazzei 2019; Howes 2017; Peeters 2016 (DM-TRD items)',
  'S',
  ['gaynes2020', 'thase1997', 'fava2003', 'fekadu2018', 'hidalgoMazzei2019', 'howes2017', 'peeters2016'],
);

// ---------------------------------------------------------------------------------------------
// Medications that are not psychiatric trials by themselves
// ---------------------------------------------------------------------------------------------

const INDICATION_RULES = {
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

const SUBSTANCE_USE_RULES = {
  overdose: rule(
    'substance-use.overdose',
    'A drug overdose is substance-use evidence, whatever its intent: SNOMED CT 55680006 "Drug overdose", an emergency visit for an overdose, ICD-10-CM T40 (narcotics and psychodysleptics), T42.4 (benzodiazepines) and T43.6 (psychostimulants). A poisoning coded as by another named medicine (the rest of T36-T50, e.g. T43.2 antidepressants) is self-harm with a medicine: shown as an overdose on the safety strip, not as substance use.',
    'ICD-10-CM T36-T50 categories name the drug; SNOMED CT 55680006; a working rule of this app',
    'U',
    ['icd10cm', 'snomedCt', 'projectWorkingRule'],
  ),
  shownByEvents: rule(
    'substance-use.shown-by-events',
    'Without an active coded substance use disorder, a detox stay, a substance overdose, or opioid orders alongside either is substance use the record shows: it raises the assessments\' substance-use flag (pseudo-resistance: integrated dual-diagnosis treatment), the safety strip\'s substance-use item and the esketamine abuse-and-misuse caution, each stated with its evidence and dates ("detox stay 2019-03-02; overdose 2020-05-01").',
    'A careful reading of the chart; a working rule of this app',
    'U',
    ['projectWorkingRule'],
  ),
  tobacco: rule(
    'substance-use.tobacco',
    'Tobacco use (SNOMED CT 449868002 "Smokes tobacco daily", 77176002 "Smoker", 65568007 "Cigarette smoker", 56294008 "Nicotine dependence", or the words "current smoker", "tobacco use") is named on the safety strip\'s substance-use line and on the psychiatric history line: smoking induces CYP1A2 and lowers clozapine levels, and a change in smoking changes them. Tobacco alone does not make the substance-use option.',
    'CLOZARIL label, drug interactions: CYP1A2 inducers including cigarette smoking; SNOMED CT',
    'S',
    ['clozarilLabel', 'snomedCt'],
  ),
  nicotineReplacement: rule(
    'indication.nicotine-replacement',
    'Nicotine replacement (patch, gum, lozenge, inhaler, spray) and varenicline are treatment of tobacco use: other treatments, listed as "nicotine replacement (tobacco use)", not psychiatric trials and not unrecognised.',
    'RxNorm ingredient names; a working rule of this app',
    'U',
    ['rxnorm', 'projectWorkingRule'],
  ),
} as const satisfies Record<string, RuleRef>;

const TOBACCO_CODES = new Set(['449868002', '77176002', '65568007', '56294008']);

/** Whether a diagnosis records tobacco use (SUBSTANCE_USE_RULES.tobacco). */
export function isTobaccoUse(d: { code: string; display: string }): boolean {
  return TOBACCO_CODES.has(d.code) || /smokes tobacco|tobacco (use|user|smoker)|current smoker|nicotine dependence/i.test(d.display);
}

/** Treatments of tobacco use: nicotine replacement in any form, and varenicline, with the name the lists give them. */
const TOBACCO_TREATMENTS: readonly [RegExp, string][] = [
  [/\bnicotine\b/i, 'nicotine replacement'],
  [/\bvarenicline\b/i, 'varenicline'],
];

/** The treatment of tobacco use a medication's text names ("24hr nicotine transdermal patch": nicotine replacement), or null. */
export function tobaccoTreatmentIn(text: string): string | null {
  return TOBACCO_TREATMENTS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** ICD-10-CM poisoning categories of drugs of abuse (narcotics and psychodysleptics, benzodiazepines, psychostimulants). */
const SUBSTANCE_POISONING = /^T(40|42\.?4|43\.?6)/i;
const MEDICINE_POISONING = /^T(3[6-9]|4\d|50)/i;

/** Whether an overdose is substance-use evidence (see SUBSTANCE_USE_RULES.overdose). */
export function isSubstanceOverdose(d: { code: string; display: string }): boolean {
  const code = d.code.trim();
  if (SUBSTANCE_POISONING.test(code)) return true;
  return !MEDICINE_POISONING.test(code);
}

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
const OPIOIDS = [
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
const COMORBIDITY_TREATMENTS: Record<string, 'adhd' | 'dementia'> = {
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

const DATA_NOTE_RULES = {
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
  beforeBirth: rule(
    'data.before-birth',
    'A record dated before the patient\'s birth date is a data error.',
    'Arithmetic on the record\'s dates against Patient.birthDate (FHIR R4)',
    'derived',
    ['fhirR4'],
  ),
  beforeApproval: rule(
    'data.before-approval',
    'A medication record dated before the year the drug was first approved in the US is most likely a data error (or a date of another meaning): the note asks to check it.',
    'The first US approval year of each drug, read in its FDA label ("Initial U.S. Approval"), listed per drug; a year not read in a label is marked unverified; that such a date is an error is a working rule',
    'U',
    ['dailyMed', 'projectWorkingRule'],
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
  /** Year of the first US approval of the ingredient (any indication or form). */
  year: number;
  /** V: the "Initial U.S. Approval" line read in the cited FDA label; S: a secondary report; U: not checked. */
  verification: 'V' | 'S' | 'U';
  references: ReferenceId[];
  /** Where the year was read. */
  source: string;
}

const label = (product: string, year: number) => `${product} prescribing information, Highlights: "Initial U.S. Approval: ${year}"`;

/**
 * The first US approval year of each ingredient, from the "Initial U.S. Approval" line of its FDA label (DailyMed);
 * only used to flag a record dated before the drug existed in the US.
 */
export const FIRST_US_APPROVAL: readonly ApprovalRow[] = [
  { ingredient: 'fluoxetine', year: 1987, verification: 'V', references: ['fluoxetineLabel'], source: label('Fluoxetine capsules', 1987) },
  { ingredient: 'sertraline', year: 1991, verification: 'V', references: ['sertralineLabel'], source: label('Sertraline hydrochloride tablets', 1991) },
  { ingredient: 'paroxetine', year: 1992, verification: 'V', references: ['paroxetineLabel'], source: label('Paroxetine tablets', 1992) },
  { ingredient: 'citalopram', year: 1998, verification: 'V', references: ['citalopramLabel'], source: label('Citalopram tablets', 1998) },
  { ingredient: 'escitalopram', year: 2002, verification: 'V', references: ['lexaproLabel'], source: label('Lexapro', 2002) },
  {
    ingredient: 'venlafaxine',
    year: 1993,
    verification: 'U',
    references: [],
    source: 'Not read in a label: the immediate-release label was not found, and the extended-release capsule label gives its own year (1997)',
  },
  { ingredient: 'duloxetine', year: 2004, verification: 'V', references: ['duloxetineLabel'], source: label('Duloxetine delayed-release capsules', 2004) },
  { ingredient: 'bupropion', year: 1985, verification: 'V', references: ['bupropionLabel'], source: label('Bupropion hydrochloride extended-release tablets (SR)', 1985) },
  { ingredient: 'mirtazapine', year: 1996, verification: 'V', references: ['mirtazapineLabel'], source: label('Mirtazapine tablets', 1996) },
  { ingredient: 'vortioxetine', year: 2013, verification: 'V', references: ['trintellixLabel'], source: label('Trintellix', 2013) },
  { ingredient: 'aripiprazole', year: 2002, verification: 'V', references: ['aripiprazoleLabel'], source: label('Aripiprazole tablets', 2002) },
  {
    ingredient: 'quetiapine',
    year: 1997,
    verification: 'S',
    references: ['seroquelLabel'],
    source: `${label('Seroquel', 1997)}, read in a reproduction of the label`,
  },
  { ingredient: 'olanzapine', year: 1996, verification: 'V', references: ['olanzapineLabel'], source: label('Olanzapine tablets', 1996) },
  { ingredient: 'risperidone', year: 1993, verification: 'V', references: ['risperidoneLabel'], source: label('Risperidone tablets', 1993) },
  { ingredient: 'clozapine', year: 1989, verification: 'V', references: ['clozapineLabel'], source: label('Clozapine tablets', 1989) },
  { ingredient: 'lamotrigine', year: 1994, verification: 'V', references: ['lamictalLabel'], source: label('Lamictal', 1994) },
  {
    ingredient: 'esketamine',
    year: 2019,
    verification: 'S',
    references: ['spravatoLabel'],
    source: 'Spravato (NDA 211243) first approved 5 March 2019, as the FDA announcement was reported; the label\'s own line not read here',
  },
];
const APPROVAL_BY_INGREDIENT = new Map(FIRST_US_APPROVAL.map((r) => [r.ingredient, r]));
export function firstUsApproval(ingredient: string): ApprovalRow | undefined {
  return APPROVAL_BY_INGREDIENT.get(ingredient);
}

/** One rule per approval year, so the rules panel shows each with its label (and the unchecked ones as working rules). */
const APPROVAL_RULES: RuleRef[] = FIRST_US_APPROVAL.map((r) =>
  rule(
    `data.first-approval.${r.ingredient}`,
    `${r.ingredient}: first approved in the US in ${r.year}; a record dated earlier gets a data note.`,
    r.source,
    r.verification,
    r.references,
  ),
);

export const HISTORY_TERMINOLOGY_RULES: RuleRef[] = [
  ...Object.values(HISTORY_RULES),
  PSYCHOTHERAPY_RULE,
  ...Object.values(THERAPY_COUNTED).map((t) => t.rule),
  THERAPY_NOT_COUNTED_RULE,
  ...Object.values(INDICATION_RULES),
  ...Object.values(SUBSTANCE_USE_RULES),
  ...Object.values(DATA_NOTE_RULES),
  ...APPROVAL_RULES,
];
