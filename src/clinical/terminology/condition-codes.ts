/**
 * Condition code sets: which diagnoses the engine assesses (ConditionKey) and which matter for flags, cautions and
 * contraindications (ComorbidityKey). ICD-10-CM rules are exact codes or prefixes (longest match wins); SNOMED CT
 * rules come from the VSAC value-set members (generated table, see scripts/build-terminology.ts) plus SNOMED CT concepts named in those value sets.
 *
 * Codes not in a value set carry verification 'U' with the note "ICD-10-CM code, not in a value set used here; check against
 * the ICD-10-CM tabular list". Judgements (e.g. which bipolar codes mean a depressive episode) are marked as such.
 *
 * Unknown systems: a concept whose codings all come from systems this project does not know gives null (the engine
 * records "code from unknown system <system>", see `conditionNotRecognisedReason`); the text is used only when the
 * concept has no coding at all, or known-system codes that are not in these tables.
 */
import type { CodeableConcept } from 'fhir/r4';
import type { ComorbidityKey, DiagnosisKind, PoisoningIntent, RuleRef, Verification } from '../types';
import { SNOMED_VALUE_SETS, SNOMED_VALUE_SET_ROWS } from '../data/valuesets.generated';
import { builtOnFirstUse } from '../built-on-first-use';
import { rule } from './medication-rules';
import { SRC } from './sources';
import { codingsOf, conceptText, normalizeIcd10, systemKeyOf, unknownSystemsOf } from './systems';


export interface ConditionClass {
  kind: DiagnosisKind;
  code: string;
  system: string;
  display: string;
  rule: RuleRef;
  /** Further kinds the same code states (F32.3: MDD with psychotic features -> ['psychotic-features']). */
  alsoImplies?: ComorbidityKey[];
  /** An overdose's intent, when the code says it (see POISONING_INTENT). */
  intent?: PoisoningIntent;
  note?: string;
}

interface CodeRule {
  id: string;
  kind: DiagnosisKind;
  summary: string;
  /** Exact normalised codes. */
  codes?: string[];
  /** Code prefixes (category level), e.g. "F10", "I21". */
  prefixes?: string[];
  implies?: ComorbidityKey[];
  note?: string;
  source: string;
  verification: Verification;
}

const U_NOTE = SRC.icdUnverified;
const range = (letter: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${letter}${String(from + i).padStart(2, '0')}`);

/** ICD-10-CM (and, where the category is the same, WHO ICD-10). Order does not matter: exact codes beat prefixes, longer prefixes beat shorter. */
const ICD10_RULES: readonly CodeRule[] = [
  // --- Major depressive disorder
  {
    id: 'condition.icd10.mdd', kind: 'mdd', summary: 'Major depressive disorder, single episode or recurrent (F32.x, F33.x).',
    codes: ['F32.0', 'F32.1', 'F32.2', 'F32.4', 'F32.5', 'F32.9', 'F33.0', 'F33.1', 'F33.2', 'F33.40', 'F33.41', 'F33.42', 'F33.8', 'F33.9'],
    prefixes: ['F32', 'F33'], source: SRC.vsacMajorDepression, verification: 'V',
  },
  {
    id: 'condition.icd10.mdd-psychotic', kind: 'mdd', summary: 'Major depressive disorder, severe with psychotic features (F32.3, F33.3).',
    codes: ['F32.3', 'F33.3'], implies: ['psychotic-features'], source: SRC.vsacMajorDepression, verification: 'V',
  },
  {
    id: 'condition.icd10.depression-unspecified', kind: 'mdd', summary: 'F32.A "Depression, unspecified" counted as depression (non-specific code).',
    codes: ['F32.A'], source: SRC.vsacDepression, verification: 'V',
    note: 'F32.A "Depression, unspecified" is not a major-depression code (excluded from the VSAC Major Depression sets): counted as depression; confirm the diagnosis',
  },
  {
    id: 'condition.icd10.postpartum-depression', kind: 'mdd', summary: 'F53.0 postpartum depression counted as a major depressive episode (judgement).',
    codes: ['F53.0'], implies: ['postpartum'], source: `${SRC.vsacDepression}; counting it as MDD is a working rule`, verification: 'U',
    note: 'postpartum depression counted as MDD (judgement)',
  },
  {
    id: 'condition.icd10.other-depressive', kind: 'other', summary: 'Other depressive disorders (PMDD F32.81, other specified F32.89, dysthymia F34.1) are kept for display only.',
    codes: ['F32.81', 'F32.89', 'F34.1'], source: SRC.vsacDepression, verification: 'V',
    note: 'depressive disorder other than major depression: not assessed',
  },
  // --- Bipolar disorder
  {
    id: 'condition.icd10.bipolar-depressed', kind: 'bipolar-depression', summary: 'Bipolar disorder, current (or most recent) episode depressed (F31.3x, F31.4, F31.75, F31.76).',
    codes: ['F31.30', 'F31.31', 'F31.32', 'F31.4', 'F31.75', 'F31.76'], prefixes: ['F31.3'], source: SRC.vsacBipolar, verification: 'V',
  },
  {
    id: 'condition.icd10.bipolar-depressed-psychotic', kind: 'bipolar-depression', summary: 'Bipolar disorder, current episode depressed, severe, with psychotic features (F31.5).',
    codes: ['F31.5'], implies: ['psychotic-features'], source: SRC.vsacBipolar, verification: 'V',
  },
  {
    id: 'condition.icd10.bipolar-unspecified-polarity', kind: 'bipolar-depression',
    summary: 'Bipolar disorder without a stated current polarity (bipolar II F31.81, other F31.89, unspecified F31.9, in remission F31.70) is counted under bipolar depression (judgement).',
    codes: ['F31.70', 'F31.81', 'F31.89', 'F31.9'], prefixes: ['F31'], source: `${SRC.vsacBipolar}; counting them under bipolar depression is a working rule`, verification: 'U',
    note: 'bipolar disorder without a stated current episode polarity: counted under bipolar depression (judgement)',
  },
  {
    id: 'condition.icd10.bipolar-manic-mixed', kind: 'other', summary: 'Bipolar disorder with a manic, hypomanic or mixed episode (F31.0-F31.2, F31.6x, F31.71-F31.74, F31.77-F31.78, F30.x) is not a depressive episode.',
    codes: ['F31.0', 'F31.10', 'F31.11', 'F31.12', 'F31.13', 'F31.60', 'F31.61', 'F31.62', 'F31.63', 'F31.71', 'F31.72', 'F31.73', 'F31.74', 'F31.77', 'F31.78'],
    prefixes: ['F30', 'F31.1', 'F31.6'], source: SRC.vsacBipolar, verification: 'V',
    note: 'bipolar disorder, manic, hypomanic or mixed episode: not a depressive episode',
  },
  {
    id: 'condition.icd10.bipolar-manic-psychotic', kind: 'other', summary: 'Bipolar disorder, manic or mixed episode with psychotic features (F31.2, F31.64).',
    codes: ['F31.2', 'F31.64'], implies: ['psychotic-features'], source: SRC.vsacBipolar, verification: 'V',
    note: 'bipolar disorder, manic or mixed episode with psychotic features',
  },
  // --- Schizophrenia spectrum
  {
    id: 'condition.icd10.schizophrenia', kind: 'schizophrenia', summary: 'Schizophrenia (F20.x, incl. schizophreniform F20.81) and schizoaffective disorder (F25.x).',
    prefixes: ['F20', 'F25'], implies: ['psychotic-features'], source: SRC.vsacSchizophrenia, verification: 'V',
  },
  {
    id: 'condition.icd10.catatonic-schizophrenia', kind: 'schizophrenia', summary: 'Catatonic schizophrenia (F20.2).',
    codes: ['F20.2'], implies: ['psychotic-features', 'catatonia'], source: SRC.vsacSchizophrenia, verification: 'V',
  },
  {
    id: 'condition.icd10.other-psychosis', kind: 'psychotic-features', summary: 'Other psychotic disorders (brief F23, other F28, unspecified F29).',
    prefixes: ['F23', 'F28', 'F29'], source: SRC.vsacSchizophrenia, verification: 'V',
  },
  {
    id: 'condition.icd10.delusional', kind: 'psychotic-features', summary: 'Delusional disorder (F22) and shared psychotic disorder (F24).',
    prefixes: ['F22', 'F24'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  // --- OCD, PTSD
  {
    id: 'condition.icd10.ocd', kind: 'ocd', summary: 'Obsessive-compulsive disorder (F42.2, F42.8, F42.9).',
    codes: ['F42.2', 'F42.8', 'F42.9'], prefixes: ['F42'], source: 'ICD-10-CM 2024 tabular list, F42 (obsessive-compulsive disorder)', verification: 'V',
  },
  {
    id: 'condition.icd10.oc-related', kind: 'other', summary: 'Hoarding (F42.3) and excoriation (F42.4) are obsessive-compulsive related disorders, not OCD.',
    codes: ['F42.3', 'F42.4'], source: 'ICD-10-CM 2024 tabular list (F42.3 hoarding, F42.4 excoriation); not counting them as OCD is a working rule', verification: 'U',
    note: 'obsessive-compulsive related disorder (hoarding or excoriation), not OCD',
  },
  {
    id: 'condition.icd10.ptsd', kind: 'ptsd', summary: 'Post-traumatic stress disorder (F43.10, F43.11, F43.12).',
    codes: ['F43.10', 'F43.11', 'F43.12'], prefixes: ['F43.1'], source: 'ICD-10-CM 2024 tabular list, F43.1 (post-traumatic stress disorder)', verification: 'V',
  },
  // --- Comorbidities for flags
  {
    id: 'condition.icd10.substance-use', kind: 'substance-use', summary: 'Substance use disorders F10-F19 except F17 (nicotine).',
    prefixes: ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'], source: SRC.vsacSubstance, verification: 'V',
  },
  {
    id: 'condition.icd10.nicotine', kind: 'other', summary: 'Nicotine dependence (F17) is not counted as a substance use disorder here.',
    prefixes: ['F17'], source: SRC.vsacSubstance, verification: 'V', note: 'nicotine dependence: not in the substance use disorder value set',
  },
  {
    id: 'condition.icd10.anxiety', kind: 'anxiety', summary: 'Anxiety disorders (F41.0, F41.1, F41.3, F41.8, F41.9).',
    codes: ['F41.0', 'F41.1', 'F41.3', 'F41.8', 'F41.9'], source: SRC.vsacAnxiety, verification: 'V',
  },
  {
    id: 'condition.icd10.anxiety-other', kind: 'anxiety', summary: 'Phobic and other anxiety disorders (F40, F41).',
    prefixes: ['F40', 'F41'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.personality', kind: 'personality-disorder', summary: 'Specific personality disorders (F60); schizotypal disorder (F21).',
    prefixes: ['F60', 'F21'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.psychosocial', kind: 'psychosocial-stressor', summary: 'Problems related to psychosocial circumstances (Z55-Z65).',
    prefixes: range('Z', 55, 65), source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.trauma', kind: 'trauma', summary: 'History of abuse or maltreatment (Z62.81x childhood, Z91.41x adult, T74, T76, Z69).',
    prefixes: ['Z62.81', 'Z91.41', 'T74', 'T76', 'Z69'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.epilepsy', kind: 'epilepsy', summary: 'Epilepsy (G40.x) and the two seizure codes of the VSAC Epilepsy set (R56.1, R56.9).',
    codes: ['R56.1', 'R56.9'], prefixes: ['G40'], source: SRC.vsacEpilepsy, verification: 'V',
  },
  {
    id: 'condition.icd10.adhd', kind: 'adhd', summary: 'Attention-deficit hyperactivity disorders (F90).',
    prefixes: ['F90'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.dementia', kind: 'dementia', summary: "Dementia (F01-F03) and Alzheimer's disease (G30).",
    prefixes: ['F01', 'F02', 'F03', 'G30'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.brain-injury', kind: 'brain-injury', summary: 'Intracranial injury (S06) and postconcussional syndrome (F07.81).',
    codes: ['F07.81'], prefixes: ['S06'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.opioid-poisoning', kind: 'overdose', summary: 'Poisoning by narcotics and psychodysleptics (T40): an overdose.',
    prefixes: ['T40'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.pregnancy', kind: 'pregnancy', summary: 'Pregnancy: O09-O9A categories, Z32.01, Z33.1, Z33.3, Z34.x, Z3A.x (VSAC Pregnancy).',
    codes: ['Z32.01', 'Z33.1', 'Z33.3'],
    prefixes: ['O09', 'O10', 'O11', 'O12', 'O13', 'O14', 'O15', 'O16', 'O20', 'O21', 'O22', 'O23', 'O24', 'O25', 'O26', 'O28', 'O29',
      'O30', 'O31', 'O32', 'O33', 'O34', 'O35', 'O36', 'O40', 'O41', 'O42', 'O43', 'O44', 'O45', 'O46', 'O47', 'O48', 'O60', 'O71',
      'O88', 'O91', 'O92', 'O98', 'O99', 'O9A', 'Z34', 'Z3A'],
    source: SRC.vsacPregnancy, verification: 'V',
  },
  {
    id: 'condition.icd10.catatonia', kind: 'catatonia', summary: 'Catatonic disorder due to a known physiological condition (F06.1).',
    codes: ['F06.1'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.suicidal', kind: 'suicidal-ideation', summary: 'Suicidal ideation (R45.851).',
    codes: ['R45.851'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.suicide-attempt', kind: 'suicide-attempt',
    summary: 'Suicide attempt (T14.91x) and personal history of suicidal behaviour (Z91.51).',
    prefixes: ['T14.91', 'Z91.51'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.self-harm', kind: 'self-harm',
    summary: 'Non-suicidal self-harm (R45.88), personal history of self-harm (Z91.52), intentional self-harm by external cause (X71-X83).',
    codes: ['R45.88'], prefixes: ['Z91.52', ...range('X', 71, 83)], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.postpartum', kind: 'postpartum',
    summary: 'The puerperium: complications of the puerperium (O90.x), postpartum care and follow-up (Z39.0, Z39.2).',
    prefixes: ['O90', 'Z39'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.breastfeeding', kind: 'breastfeeding', summary: 'Care and examination of a lactating mother (Z39.1).',
    codes: ['Z39.1'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.puerperal-psychosis', kind: 'psychotic-features', summary: 'Puerperal psychosis (F53.1).',
    codes: ['F53.1'], implies: ['postpartum'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.ich', kind: 'intracerebral-haemorrhage', summary: 'Nontraumatic intracerebral (I61) or other intracranial haemorrhage (I62), subarachnoid haemorrhage (I60), and their sequelae (I69.0-I69.2).',
    prefixes: ['I60', 'I61', 'I62', 'I69.0', 'I69.1', 'I69.2'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.aneurysm-avm', kind: 'aneurysm-or-avm', summary: 'Cerebral aneurysm (I67.1), aortic (I71) or other aneurysm (I72), cerebral AVM (Q28.2, Q28.3).',
    prefixes: ['I67.1', 'I71', 'I72', 'Q28.2', 'Q28.3'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.raised-icp', kind: 'raised-intracranial-pressure', summary: 'Raised intracranial pressure or a space-occupying lesion: intracranial hypertension (G93.2), brain compression (G93.5), cerebral oedema (G93.6), brain tumours (C71, D33, D43).',
    prefixes: ['G93.2', 'G93.5', 'G93.6', 'C71', 'D33', 'D43'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.mi', kind: 'recent-myocardial-infarction', summary: 'Acute (I21) or subsequent (I22) myocardial infarction; "recent" is judged from the onset date.',
    prefixes: ['I21', 'I22'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.stroke', kind: 'recent-stroke', summary: 'Cerebral infarction (I63; I64 in WHO ICD-10); "recent" is judged from the onset date.',
    prefixes: ['I63', 'I64'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.hypertension', kind: 'hypertension', summary: 'Hypertensive diseases (I10-I16).',
    prefixes: range('I', 10, 16), source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.head-implant', kind: 'head-implant', summary: 'Cochlear implant status (Z96.21); presence of a neurostimulator (Z96.82, location not stated).',
    codes: ['Z96.21', 'Z96.82'], prefixes: ['Z96.21'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
  {
    id: 'condition.icd10.cardiac-device', kind: 'cardiac-device',
    summary: 'Presence of a cardiac pacemaker (Z95.0) or of an automatic implantable cardiac defibrillator (Z95.810).',
    codes: ['Z95.0', 'Z95.810'], source: U_NOTE, verification: 'U', note: U_NOTE,
  },
];

/** SNOMED CT concepts named in VSAC value sets (checked first), beyond the generated value-set members. */
/** SNOMED CT codes of a pregnancy loss (miscarriage, stillbirth): the day a pregnancy ended. */
export const PREGNANCY_LOSS_CODES: readonly string[] = Object.freeze(['19169002', '17369002', '237364002']);

const SNOMED_RULES: readonly CodeRule[] = [
  { id: 'condition.snomed.mdd', kind: 'mdd', summary: 'SNOMED CT major depressive disorder (370143000), single episode (36923009), recurrent (66344007).', codes: ['370143000', '36923009', '66344007'], source: SRC.vsacMajorDepression, verification: 'V' },
  { id: 'condition.snomed.trd', kind: 'mdd', summary: 'SNOMED CT 1153570009 Treatment resistant depression.', codes: ['1153570009'], source: SRC.vsacMental, verification: 'V', note: 'coded as treatment-resistant depression by the clinician' },
  { id: 'condition.snomed.schizophrenia', kind: 'schizophrenia', summary: 'SNOMED CT schizophrenia (58214004), schizoaffective disorder (68890003).', codes: ['58214004', '68890003'], implies: ['psychotic-features'], source: SRC.vsacSchizophrenia, verification: 'V' },
  { id: 'condition.snomed.ocd', kind: 'ocd', summary: 'SNOMED CT 191736004 Obsessive-compulsive disorder.', codes: ['191736004'], source: SRC.vsacAnxiety, verification: 'V' },
  { id: 'condition.snomed.ptsd', kind: 'ptsd', summary: 'SNOMED CT 47505003 Posttraumatic stress disorder.', codes: ['47505003'], source: SRC.vsacAnxiety, verification: 'V' },
  { id: 'condition.snomed.epilepsy', kind: 'epilepsy', summary: 'SNOMED CT 84757009 Epilepsy.', codes: ['84757009'], source: 'VSAC "Seizure Disorder" (SNOMED CT 84757009)', verification: 'V' },
  {
    id: 'condition.snomed.adhd', kind: 'adhd', summary: 'SNOMED CT attention deficit (hyperactivity) disorder: 192127007, 406506008, 31177006, 35253001, 23148009.',
    codes: ['192127007', '406506008', '31177006', '35253001', '23148009'], source: SRC.vsacMental, verification: 'V',
  },
  {
    id: 'condition.snomed.dementia', kind: 'dementia', summary: "SNOMED CT Alzheimer's disease (26929004) and dementias (52448006, 15662003, 12348006, 429998004, 230270009, 428051000124108, 430771000124100, 428351000124105, 22381000119105).",
    codes: ['26929004', '52448006', '15662003', '12348006', '429998004', '230270009', '428051000124108', '430771000124100', '428351000124105', '22381000119105'],
    source: SRC.vsacMental, verification: 'V',
  },
  {
    id: 'condition.snomed.brain-injury', kind: 'brain-injury', summary: 'SNOMED CT traumatic brain injury (127295002), concussion (110030002), postconcussion syndrome (40425004).',
    codes: ['127295002', '110030002', '40425004'], source: 'SNOMED CT concepts as displayed in the record; 40425004 is a member of VSAC "Mental Behavioral and Neurodevelopmental Disorders" 2.16.840.1.113883.3.464.1003.105.12.1203', verification: 'U',
  },
  {
    id: 'condition.snomed.overdose', kind: 'overdose', summary: 'SNOMED CT 55680006 Drug overdose (a safety item; with substance use it is part of the substance-use picture).',
    codes: ['55680006'], source: 'SNOMED CT 55680006 |Drug overdose (disorder)| as displayed in the record', verification: 'U',
  },
  {
    id: 'condition.snomed.tobacco', kind: 'other', summary: 'SNOMED CT 449868002 Smokes tobacco daily: tobacco use, shown with substance use (not a substance use disorder of the VSAC set).',
    codes: ['449868002'], source: 'SNOMED CT 449868002 as displayed in the record', verification: 'U', note: 'tobacco use',
  },
  {
    id: 'condition.snomed.pregnancy-loss', kind: 'other', summary: 'SNOMED CT pregnancy loss: 19169002 Miscarriage in first trimester, 17369002 Miscarriage, 237364002 Stillbirth. Not a current pregnancy: its date is the day a pregnancy ended, for the perinatal year.',
    codes: [...PREGNANCY_LOSS_CODES], source: 'SNOMED CT concepts as displayed in the record', verification: 'U', note: 'pregnancy loss',
  },
  { id: 'condition.snomed.pregnancy', kind: 'pregnancy', summary: 'SNOMED CT 77386006 Pregnancy.', codes: ['77386006'], source: SRC.vsacPregnancy, verification: 'V' },
];

const SNOMED_SET_SOURCES: Record<string, string> = {
  mdd: SRC.vsacMajorDepression,
  'bipolar-depression': SRC.vsacBipolar,
  schizophrenia: SRC.vsacSchizophrenia,
  'substance-use': SRC.vsacSubstance,
  pregnancy: SRC.vsacPregnancy,
};

/** The rule that counts the SNOMED CT members of one VSAC value set as one kind. */
function makeSnomedSetRule(kind: string, valueSet: number): RuleRef {
  const vs = SNOMED_VALUE_SETS[valueSet] ?? 'VSAC value set';
  const judgement = kind === 'other' || kind === 'bipolar-depression' || vs.startsWith('Generalized') || vs.startsWith('Schizophrenia');
  return rule(
    `condition.snomed-set.${kind}.${valueSet}`,
    `SNOMED CT members of ${vs} counted as ${kind}${judgement ? ' (assigned by the concept\'s display: a working rule)' : ''}.`,
    `${SNOMED_SET_SOURCES[kind] ?? vs}; value-set membership from valuesets.txt`,
    judgement ? 'derived' : 'V',
  );
}

/**
 * The value-set members by code, and one rule per value set and kind in the table's order, built on first use from the
 * generated table (constant data).
 */
const snomedTables = builtOnFirstUse(() => {
  const members = new Map<string, { kind: DiagnosisKind; implies: ComorbidityKey[]; valueSet: number }>();
  const rules = new Map<string, RuleRef>();
  for (const [c, kind, implies, vs] of SNOMED_VALUE_SET_ROWS) {
    members.set(c, { kind: kind as DiagnosisKind, implies: implies ? (implies.split(',') as ComorbidityKey[]) : [], valueSet: vs });
    const key = `${kind}@${vs}`;
    if (!rules.has(key)) rules.set(key, makeSnomedSetRule(kind, vs));
  }
  return { members, rules };
});

function snomedSetRule(kind: string, valueSet: number): RuleRef {
  return snomedTables().rules.get(`${kind}@${valueSet}`) ?? makeSnomedSetRule(kind, valueSet);
}

function snomedMember(code: string) {
  return snomedTables().members.get(code);
}

function toRuleRef(r: CodeRule): RuleRef {
  return rule(r.id, r.summary, r.source, r.verification);
}

/** One RuleRef per code rule (RULE_REFS below, built when the module loads); a rule outside the tables gets its own. */
function refOf(r: CodeRule): RuleRef {
  return RULE_REFS.get(r) ?? toRuleRef(r);
}

const ICD_EXACT = new Map<string, CodeRule>();
for (const r of ICD10_RULES) for (const c of r.codes ?? []) if (!ICD_EXACT.has(c)) ICD_EXACT.set(c, r);
/** Prefixes without the dot, longest first, so the first hit is the most specific rule. */
const ICD_PREFIXES: Array<[string, CodeRule]> = ICD10_RULES.flatMap((r) => (r.prefixes ?? []).map((p) => [p.replace('.', ''), r] as [string, CodeRule])).sort(
  (a, b) => b[0].length - a[0].length,
);

/**
 * Poisoning by drugs, medicaments and biological substances (T36-T50) carries its intent in the sixth character:
 * 2 = intentional self-harm, 4 = undetermined. Those are overdoses the safety strip shows; accidental poisoning,
 * assault, adverse effects and underdosing are not.
 */
const OVERDOSE_RULE: CodeRule = {
  id: 'condition.icd10.overdose', kind: 'overdose',
  summary: 'Poisoning by drugs (T36-T50) with intentional self-harm (sixth character 2) or undetermined intent (sixth character 4).',
  source: U_NOTE, verification: 'U', note: U_NOTE,
};
const OVERDOSE_CODE = /^T(3[6-9]|4\d|50)[0-9A-Z]{2}[24]/;

/**
 * ICD-10's external causes that state the intent of a poisoning in the category itself: X60-X69 intentional
 * self-poisoning, Y10-Y19 poisoning of undetermined intent. Overdoses the safety strip shows, with that intent.
 */
const SELF_POISONING_RULE: CodeRule = {
  id: 'condition.icd10.self-poisoning', kind: 'overdose',
  summary: 'Intentional self-poisoning (X60-X69) and poisoning of undetermined intent (Y10-Y19): an overdose, said with the intent its category states.',
  prefixes: [...range('X', 60, 69), ...range('Y', 10, 19)],
  source: U_NOTE, verification: 'U', note: U_NOTE,
};
const CATEGORY_INTENT: ReadonlyArray<{ re: RegExp; intent: PoisoningIntent }> = [
  { re: /^X6\d/, intent: 'intentional-self-harm' },
  { re: /^Y1\d/, intent: 'undetermined' },
];

/**
 * The intent an ICD-10-CM poisoning code states, by its sixth character (T43.212A: 2, intentional self-harm). Only
 * these codes say the intent; an overdose coded otherwise (SNOMED CT 55680006, text) keeps "intentional or
 * undetermined".
 */
const POISONING_INTENT: ReadonlyArray<{ character: string; intent: PoisoningIntent }> = [
  { character: '1', intent: 'accidental' },
  { character: '2', intent: 'intentional-self-harm' },
  { character: '3', intent: 'assault' },
  { character: '4', intent: 'undetermined' },
];
const POISONING_INTENT_RULE = rule(
  'condition.icd10.poisoning-intent',
  'An ICD-10-CM poisoning code (T36-T50) states its intent in the sixth character: 1 accidental, 2 intentional self-harm, 3 assault, 4 undetermined (T43.212A: intentional self-harm). ICD-10 X60-X69 (intentional self-poisoning) and Y10-Y19 (undetermined intent) state it in the category, and text may name it ("Intentional overdose"). The safety item and the timeline say that intent; an overdose coded without it (SNOMED CT 55680006 Drug overdose, an emergency visit for it, or text without an intent word) is said as "Overdose (intent not recorded)".',
  'ICD-10-CM tabular list, chapter 19, T36-T50 (intent characters); SNOMED CT 55680006 |Drug overdose (disorder)| states no intent',
  'V',
);
const POISONING_CODE = /^T(3[6-9]|4\d|50)[0-9A-Z]{2}([1-4])/;

/** The intent a poisoning code states (ICD-10-CM T36-T50; ICD-10 X60-X69, Y10-Y19), else undefined. */
function poisoningIntentOf(code: string): PoisoningIntent | undefined {
  const bare = normalizeIcd10(code).replace('.', '');
  const m = POISONING_CODE.exec(bare);
  return m ? POISONING_INTENT.find((r) => r.character === m[2])?.intent : CATEGORY_INTENT.find((r) => r.re.test(bare))?.intent;
}

/** The intent an overdose named in text states ("Intentional overdose", "overdose of undetermined intent"), else undefined. */
const TEXT_INTENT: ReadonlyArray<{ re: RegExp; intent: PoisoningIntent }> = [
  { re: /undetermined/, intent: 'undetermined' },
  { re: /intentional|deliberate|suicidal|self-harm|self-poisoning/, intent: 'intentional-self-harm' },
  { re: /accidental/, intent: 'accidental' },
];

function matchIcd(code: string): CodeRule | undefined {
  const c = normalizeIcd10(code);
  const exact = ICD_EXACT.get(c);
  if (exact) return exact;
  const bare = c.replace('.', '');
  if (OVERDOSE_CODE.test(bare)) return OVERDOSE_RULE;
  if (CATEGORY_INTENT.some((r) => r.re.test(bare))) return SELF_POISONING_RULE;
  for (const [prefix, r] of ICD_PREFIXES) if (bare.startsWith(prefix)) return r;
  return undefined;
}

/** Text rules (verification U): used only when no known-system code decided. Specific before general. */
const TEXT_RULES: Array<{ re: RegExp; kind: DiagnosisKind; implies?: ComorbidityKey[] }> = [
  { re: /treatment[- ]resistant depression/, kind: 'mdd' },
  { re: /bipolar.*depress|depress.*bipolar/, kind: 'bipolar-depression' },
  { re: /bipolar.*(manic|mania|hypomani|mixed)/, kind: 'other' },
  { re: /bipolar/, kind: 'bipolar-depression' },
  { re: /schizoaffective|schizophreni/, kind: 'schizophrenia', implies: ['psychotic-features'] },
  { re: /major depressi/, kind: 'mdd' },
  { re: /obsessive[- ]compulsive disorder|\bocd\b/, kind: 'ocd' },
  { re: /post-?traumatic stress|\bptsd\b/, kind: 'ptsd' },
  { re: /cochlear implant|deep brain stimulat|vag(us|al) nerve stimulat|neurostimulator|aneurysm clip/, kind: 'head-implant' },
  { re: /pacemaker|cardioverter|defibrillator/, kind: 'cardiac-device' },
  { re: /vagotomy/, kind: 'vagotomy' },
  { re: /intracranial hypertension|raised intracranial pressure|increased intracranial pressure|brain tumou?r/, kind: 'raised-intracranial-pressure' },
  { re: /(intracerebral|intracranial|cerebral|subarachnoid) (haemorrhage|hemorrhage|bleed)/, kind: 'intracerebral-haemorrhage' },
  { re: /aneurysm|arteriovenous malformation|\bavm\b/, kind: 'aneurysm-or-avm' },
  { re: /suicide attempt|attempted suicide|suicidal behaviou?r/, kind: 'suicide-attempt' },
  { re: /suicidal (ideation|thoughts)/, kind: 'suicidal-ideation' },
  { re: /(intentional|deliberate|undetermined intent|suicidal)[a-z ]*overdose|overdose[a-z ,]*(intentional|deliberate|undetermined|self-harm)/, kind: 'overdose' },
  { re: /self[- ]harm|self[- ]injur/, kind: 'self-harm' },
  { re: /post-?partum depress|postnatal depress/, kind: 'mdd', implies: ['postpartum'] },
  { re: /puerperal psychosis|post-?partum psychosis/, kind: 'psychotic-features', implies: ['postpartum'] },
  { re: /breast-?feeding|lactating/, kind: 'breastfeeding' },
  { re: /post-?partum|postnatal|puerperium/, kind: 'postpartum' },
  { re: /catatoni/, kind: 'catatonia' },
  { re: /pregnan/, kind: 'pregnancy' },
  { re: /epilep|seizure disorder/, kind: 'epilepsy' },
  { re: /myocardial infarction|heart attack/, kind: 'recent-myocardial-infarction' },
  { re: /\bstroke\b|cerebral infarction/, kind: 'recent-stroke' },
  { re: /hypertension/, kind: 'hypertension' },
  { re: /(alcohol|opioid|cannabis|cocaine|stimulant|substance|sedative|amphetamine)[a-z ]*(use disorder|dependence|abuse)/, kind: 'substance-use' },
  { re: /personality disorder/, kind: 'personality-disorder' },
  { re: /attention[- ]deficit|\badhd\b/, kind: 'adhd' },
  { re: /dementia|alzheimer/, kind: 'dementia' },
  { re: /traumatic brain injury|brain injury|concussion/, kind: 'brain-injury' },
  { re: /overdose/, kind: 'overdose' },
  { re: /anxiety|panic disorder|agoraphobia|social phobia/, kind: 'anxiety' },
  { re: /psychosis|psychotic disorder/, kind: 'psychotic-features' },
  { re: /\bdepressi(on|ve disorder)\b/, kind: 'mdd' },
];

const TEXT_RULE_REF = rule(
  'condition.text',
  'A diagnosis named in the Condition text is recognised by key words when no code from a known system decides (negated phrases are ignored).',
  'Text matching by key words, no code system behind it: working rule',
  'U',
);

const NEGATION = /^\s*(no|not|denies|negative for|ruled out|r\/o|history negative|without)\b/i;
/** Phrases that name a diagnosis without the patient having it ("Family history of epilepsy", "Screening for depression"). */
const NOT_THE_PATIENTS = /\bfamily history\b|\bfh of\b|\bscreening\b|\brisk of\b|\bfear of\b|\bno known\b|\bsuspected\b|\bmother\b|\bfather\b/i;

/**
 * What a Condition code means for the engine: an assessed condition, a comorbidity, 'other' (kept for display), or
 * null (not relevant, or a code from an unknown system: see `conditionNotRecognisedReason`).
 */
export function classifyCondition(code: CodeableConcept | undefined): ConditionClass | null {
  const codings = codingsOf(code);
  const display = conceptText(code);
  for (const c of codings) {
    const key = systemKeyOf(c.system);
    const cd = c.code!.trim();
    const shown = c.display?.trim() || display || cd;
    if (key === 'icd10cm' || key === 'icd10') {
      const r = matchIcd(cd);
      if (r) {
        const built = build(r.kind, normalizeIcd10(cd), c.system!, shown, refOf(r), r.implies, r.note);
        const intent = r.kind === 'overdose' ? poisoningIntentOf(cd) : undefined;
        return intent ? { ...built, intent } : built;
      }
    }
    if (key === 'snomed') {
      const explicit = SNOMED_RULES.find((r) => r.codes?.includes(cd));
      if (explicit) return build(explicit.kind, cd, c.system!, shown, refOf(explicit), explicit.implies, explicit.note);
      const member = snomedMember(cd);
      if (member) {
        const note =
          member.kind === 'bipolar-depression' && !/depress/i.test(shown)
            ? 'bipolar disorder without a stated current episode polarity: counted under bipolar depression (judgement)'
            : undefined;
        return build(member.kind, cd, c.system!, shown, snomedSetRule(member.kind, member.valueSet), member.implies, note);
      }
    }
  }
  // Codes only from unknown systems: do not guess from the text.
  if (codings.length > 0 && unknownSystemsOf(code).length === codings.length) return null;
  const text = [code?.text, ...codings.map((c) => c.display)].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  for (const t of text) {
    if (NEGATION.test(t) || NOT_THE_PATIENTS.test(t)) continue;
    const lower = t.toLowerCase();
    for (const r of TEXT_RULES) {
      if (!r.re.test(lower)) continue;
      const implies = [...(r.implies ?? [])];
      if (/with psychotic|psychotic features/.test(lower) && !/without psychotic/.test(lower) && !implies.includes('psychotic-features')) implies.push('psychotic-features');
      const first = codings[0];
      const built = build(r.kind, first?.code ?? '', first?.system ?? '', t.trim(), TEXT_RULE_REF, implies, `recognised by text ("${t.trim()}"), not by code: unverified`);
      const intent = r.kind === 'overdose' ? TEXT_INTENT.find((i) => i.re.test(lower))?.intent : undefined;
      return intent ? { ...built, intent } : built;
    }
  }
  return null;
}

function build(
  kind: DiagnosisKind,
  code: string,
  system: string,
  display: string,
  ruleRef: RuleRef,
  implies: ComorbidityKey[] | undefined,
  note: string | undefined,
): ConditionClass {
  return {
    kind,
    code,
    system,
    display,
    rule: ruleRef,
    ...(implies && implies.length ? { alsoImplies: [...implies] } : {}),
    ...(note ? { note } : {}),
  };
}

/** Why a Condition code was not recognised: unknown system, or a known code outside the project's code sets. */
export function conditionNotRecognisedReason(code: CodeableConcept | undefined): string {
  const codings = codingsOf(code);
  const unknown = unknownSystemsOf(code);
  if (codings.length > 0 && unknown.length === codings.length) return `code from unknown system ${unknown.join(', ')}`;
  const text = conceptText(code);
  if (codings.length === 0 && !text) return 'Condition without a code or text';
  const first = codings.find((c) => systemKeyOf(c.system) !== null) ?? codings[0];
  const label = first ? `${first.code}${text && text !== first.code ? ` ${text}` : ''}` : text;
  return `diagnosis not relevant to the treatment-resistance assessment: ${label}`;
}

const RULE_REFS: ReadonlyMap<CodeRule, RuleRef> = new Map([...ICD10_RULES, OVERDOSE_RULE, SELF_POISONING_RULE, ...SNOMED_RULES].map((r) => [r, toRuleRef(r)] as const));

export const CONDITION_RULES: RuleRef[] = [
  ...ICD10_RULES.map(refOf),
  refOf(OVERDOSE_RULE),
  refOf(SELF_POISONING_RULE),
  POISONING_INTENT_RULE,
  ...SNOMED_RULES.map(refOf),
  TEXT_RULE_REF,
];

/** Every VSAC-derived SNOMED rule, in the table's order (for the panel). */
export function snomedValueSetRules(): RuleRef[] {
  return [...snomedTables().rules.values()];
}

