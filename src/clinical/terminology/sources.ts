/**
 * Citations used by the terminology tables, written once so every row points at the same words, and the primary
 * sources (reference registry ids) behind each, so every rule that cites one of these texts links its sources.
 */
import type { ReferenceId } from '../references/registry';
import type { RuleRef } from '../types';

export const SRC = {
  rxnormTierA: 'RxNorm ingredient RXCUI as listed in the CPIC database (drug table)',
  rxnormTierB: 'RxNorm ingredient RXCUI agreeing across two or more public code bases (not confirmed in an authoritative table)',
  rxnormTierU: 'RxNorm ingredient RXCUI not verified: matched by name and ATC only',
  atc: 'WHO ATC index (index of 2025)',
  rxnormProducts:
    'RxNorm SCD codes from the VSAC medication value sets (Antidepressant Medication 2.16.840.1.113883.3.464.1003.196.12.1213, Adult Depression Medications 2.16.840.1.113883.3.526.3.1566 and others)',
  rxnormNameParse:
    'RxNorm normalized name convention "<ingredient> <strength> <unit> <dose form>" (SCD) with "[Brand]" (SBD); parsed by pattern, not looked up',
  brands: "Brand names as printed on US product labels and the MGH-ATRQ form; this app's table, not verified against RxNorm",
  atrq: 'MGH-ATRQ minimum adequate daily dose (trial-specific form of the questionnaire)',
  leucht2016: 'Leucht 2016 (defined-daily-dose method): mg equivalent to 100 mg oral chlorpromazine',
  gardner2010: 'Gardner 2010 (international consensus): median dose equivalent to chlorpromazine 600 mg/day',
  leucht2020: 'Leucht 2020 (dose-response): olanzapine-1-mg equivalents',
  trrip: 'TRRIP consensus (Howes 2017): adequate antipsychotic trial ≥ 600 mg/day chlorpromazine equivalent for ≥ 6 weeks',
  vsacMajorDepression:
    'VSAC "Major Depression" 2.16.840.1.113883.3.464.1003.105.12.1007 and "Major Depression Including Remission" 2.16.840.113883.3.67.1.101.3.2444 (ICD-10-CM 2024, expansion Jan 2025)',
  vsacDepression: 'VSAC "Depression" 2.16.840.1.113762.1.4.1248.169 (ICD-10-CM 2024, expansion Jan 2025)',
  vsacBipolar: 'VSAC "Bipolar Disorder" 2.16.840.1.113883.3.67.1.101.1.128 (expansion Jan 2025)',
  vsacSchizophrenia: 'VSAC "Schizophrenia or Psychotic Disorder" 2.16.840.1.113883.3.464.1003.105.12.1104 (expansion Jan 2025)',
  vsacAnxiety: 'VSAC "Generalized Anxiety Disorder" 2.16.840.1.113883.3.464.1003.105.12.1210 (expansion Jan 2025)',
  vsacSubstance: 'VSAC "Substance Use Disorder" 2.16.840.1.113883.3.464.1003.106.12.1001 (F10-F19 without F17; expansion Jan 2025)',
  vsacEpilepsy: 'VSAC "Epilepsy" 2.16.840.1.113762.1.4.1248.171 (G40 codes + R56.1, R56.9; expansion Jan 2025)',
  vsacPregnancy: 'VSAC "Pregnancy" 2.16.840.1.113883.3.526.3.378 (O09-O9A, Z32/Z33/Z34/Z3A; SNOMED 77386006; expansion Jan 2025)',
  vsacMental: 'VSAC "Mental Behavioral and Neurodevelopmental Disorders" 2.16.840.1.113883.3.464.1003.105.12.1203 (SNOMED 2023-09)',
  icdUnverified: 'ICD-10-CM code not found in a value set used here; checked against the ICD-10-CM tabular list only by name',
  loincPhq9: 'LOINC 44261-6 / 89204-2, VSAC "PHQ 9 and PHQ 9M Tools" 2.16.840.1.113883.3.67.1.101.1.263',
  loincPhq9Item9: 'LOINC 44260-8 (PHQ-9 item 9)',
  loincPhq2: 'LOINC 55758-7 (PHQ-2 total score)',
  loincGad7: 'LOINC 70274-6 (GAD-7 total score)',
  loincCssrs: 'LOINC 93373-9 C-SSRS screener panel',
  loincBp: 'LOINC 85354-9 blood pressure panel with 8480-6 systolic and 8462-4 diastolic (FHIR R4 vital-signs profile)',
  localScales:
    "No LOINC code confirmed: matched by this app's local code system http://example.org/trd-timeline/CodeSystem/scales or by the scale's name in the text",
  thresholdsPhq9: 'PHQ-9 remission < 5, response ≥ 50% reduction (Kroenke 2001)',
  thresholdsPartial: 'Non-response < 25% reduction, partial response 25-49% (Nierenberg 2001; ATRQ clinician guide, Desseilles 2011)',
  thresholdsQids: 'QIDS-SR16 remission ≤ 5, response ≥ 50% (STAR*D, Trivedi 2006)',
  thresholdsHamd: 'HAM-D17 remission ≤ 7 (STAR*D primary), response ≥ 50% (Trivedi 2006)',
  thresholdsMadrs: 'MADRS remission < 10 (≤ 9, optimal against CGI, Hawley 2002), response ≥ 50%',
  thresholdsYbocs: 'Y-BOCS response ≥ 35% reduction, remission (wellness) post-score ≤ 12 (Farris 2013)',
  thresholdsTrrip: 'TRRIP: non-response = < 20% symptom reduction over ≥ 6 weeks (Howes 2017)',
  panssChartTop: 'Leucht 2005: "severely ill" on the CGI corresponds to a PANSS total of about 116 (equipercentile linking)',
  vnsProcedure: 'SNOMED CT 445319001 Insertion of vagal nerve stimulator, VSAC 2.16.840.1.113762.1.4.1248.251',
  procedureUnverified:
    "No SNOMED CT code confirmed for this procedure: matched by text and this app's local code system http://example.org/trd-timeline/CodeSystem/procedures",
  cptUnverified: 'CPT code widely used for this procedure, not confirmed in a primary source here',
  tmsImplants:
    'TMS device labels and IFCN guidelines (Rossi 2021): conductive or ferromagnetic implants near the coil (cochlear implants, aneurysm clips or coils, DBS/VNS stimulators)',
} as const;

/** The primary sources behind each citation text (empty: none could be found, the rule is unverified). */
const SRC_REFERENCES: Record<keyof typeof SRC, readonly ReferenceId[]> = {
  rxnormTierA: ['rxnorm', 'cpicData'],
  rxnormTierB: ['rxnorm'],
  rxnormTierU: ['whoAtc'],
  atc: ['whoAtc'],
  rxnormProducts: ['rxnorm', 'vsac'],
  rxnormNameParse: ['rxnorm'],
  brands: ['dailyMed'],
  atrq: ['chandler2010', 'desseilles2011'],
  leucht2016: ['leucht2016'],
  gardner2010: ['gardner2010'],
  leucht2020: ['leucht2020'],
  trrip: ['howes2017'],
  vsacMajorDepression: ['vsac', 'icd10cm'],
  vsacDepression: ['vsac', 'icd10cm'],
  vsacBipolar: ['vsac', 'icd10cm'],
  vsacSchizophrenia: ['vsac', 'icd10cm'],
  vsacAnxiety: ['vsac', 'icd10cm'],
  vsacSubstance: ['vsac', 'icd10cm'],
  vsacEpilepsy: ['vsac', 'icd10cm'],
  vsacPregnancy: ['vsac', 'icd10cm', 'snomedCt'],
  vsacMental: ['vsac', 'snomedCt'],
  icdUnverified: ['icd10cm'],
  loincPhq9: ['loinc', 'vsac'],
  loincPhq9Item9: ['loinc'],
  loincPhq2: ['loinc'],
  loincGad7: ['loinc'],
  loincCssrs: ['loinc'],
  loincBp: ['loinc', 'fhirR4'],
  localScales: ['projectWorkingRule'],
  thresholdsPhq9: ['kroenke2001'],
  thresholdsPartial: ['nierenberg2001', 'desseilles2011'],
  thresholdsQids: ['trivedi2006'],
  thresholdsHamd: ['trivedi2006'],
  thresholdsMadrs: ['hawley2002'],
  thresholdsYbocs: ['farris2013'],
  thresholdsTrrip: ['howes2017'],
  panssChartTop: ['leucht2005'],
  vnsProcedure: ['snomedCt', 'vsac'],
  procedureUnverified: ['projectWorkingRule'],
  cptUnverified: [],
  tmsImplants: ['rossi2021', 'dailyMed'],
};

/** Code systems and standards a source names in its own words, for sources written without a citation text above. */
const NAMED: readonly [RegExp, ReferenceId][] = [
  [/\bICD-10-CM\b/, 'icd10cm'],
  [/\bSNOMED\b/, 'snomedCt'],
  [/\bLOINC\b/, 'loinc'],
  [/\bVSAC\b|\bOID 2\.16\./, 'vsac'],
  [/\bRxNorm\b/, 'rxnorm'],
  [/\bFHIR\b/, 'fhirR4'],
  [/working rule/i, 'projectWorkingRule'],
];

/** The references of every citation text a rule's source contains, in the order of the table. */
function referencesForSource(source: string): ReferenceId[] {
  const out: ReferenceId[] = [];
  for (const key of Object.keys(SRC) as (keyof typeof SRC)[]) {
    if (!source.includes(SRC[key])) continue;
    for (const id of SRC_REFERENCES[key]) if (!out.includes(id)) out.push(id);
  }
  for (const [re, id] of NAMED) if (re.test(source) && !out.includes(id)) out.push(id);
  return out;
}

/** A terminology rule, its references read from its source's citation texts unless given. */
export const rule = (
  id: string,
  summary: string,
  source: string,
  verification: RuleRef['verification'],
  references: readonly ReferenceId[] = referencesForSource(source),
): RuleRef => ({
  id,
  summary,
  source,
  references,
  verification,
});
