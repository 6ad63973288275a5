/**
 * Citations used by the terminology tables, written once so every row points at the same words.
 * FACTS.md is the team's fact sheet (copied facts, each with its own source); the citation names the
 * original source and the FACTS.md section where it was checked.
 */
export const SRC = {
  rxnormTierA:
    'RxNorm ingredient RXCUI, CPIC database (cpicpgx/cpic-data, drug.sql) [tier A]; FACTS.md §7.1',
  rxnormTierB:
    'RxNorm ingredient RXCUI agreeing across >=2 public code bases, one citing NIH RxNav [tier B]; FACTS.md §7.1',
  rxnormTierU: 'RxNorm ingredient RXCUI not verified (FACTS.md §7.1 tier U): matched by name and ATC only',
  atc: 'WHO ATC index scrape dated 2025-08-19 (vanhungtran/atcddd); FACTS.md §7.1',
  rxnormProducts:
    'RxNorm SCD codes from NLM VSAC expansions (Antidepressant Medication 2.16.840.1.113883.3.464.1003.196.12.1213, Adult Depression Medications 2.16.840.1.113883.3.526.3.1566 and others), rxnorm_by_ingredient.tsv; FACTS.md §7.1',
  rxnormNameParse:
    'RxNorm normalized name convention "<ingredient> <strength> <unit> <dose form>" (SCD) with "[Brand]" (SBD); parsed by pattern, not looked up',
  brands: 'Brand names as printed on the MGH-ATRQ form (atrq_min_doses.tsv) and US product labels; project table, not verified against RxNorm',
  atrq:
    'MGH-ATRQ minimum adequate daily dose, COMP006 trial-specific form (CyrusODN/Pre-Screening protocols.ts, IC6 mghAtrqPoland), atrq_min_doses.tsv; FACTS.md §1.3',
  leucht2016:
    'Leucht et al. 2016, Schizophr Bull 42 suppl 1 (DDD method): mg equivalent to 100 mg oral chlorpromazine, cpz_leucht2016.csv (ropensci/chlorpromazineR); FACTS.md §4.3',
  gardner2010:
    'Gardner et al. 2010, Am J Psychiatry 167:686 (international consensus): median dose equivalent to chlorpromazine 600 mg/day, cpz_gardner2010.csv (ropensci/chlorpromazineR); FACTS.md §4.3',
  leucht2020:
    'Leucht et al. 2020, Am J Psychiatry (dose-response): olanzapine-1-mg equivalents, cpz_leucht2020.csv (ropensci/chlorpromazineR); FACTS.md §4.3',
  trrip:
    'TRRIP consensus, Howes et al. 2017, Am J Psychiatry 174:216-229: adequate antipsychotic trial >= 600 mg/day chlorpromazine equivalent for >= 6 weeks; FACTS.md §4.1',
  vsacMajorDepression:
    'VSAC "Major Depression" 2.16.840.1.113883.3.464.1003.105.12.1007 and "Major Depression Including Remission" 2.16.840.113883.3.67.1.101.3.2444 (ICD-10-CM 2024, expansion Jan 2025); FACTS.md §7.2',
  vsacDepression: 'VSAC "Depression" 2.16.840.1.113762.1.4.1248.169 (ICD-10-CM 2024, expansion Jan 2025); FACTS.md §7.2',
  vsacBipolar: 'VSAC "Bipolar Disorder" 2.16.840.1.113883.3.67.1.101.1.128 (expansion Jan 2025); FACTS.md §7.2',
  vsacSchizophrenia:
    'VSAC "Schizophrenia or Psychotic Disorder" 2.16.840.1.113883.3.464.1003.105.12.1104 (expansion Jan 2025); FACTS.md §7.2',
  vsacAnxiety:
    'VSAC "Generalized Anxiety Disorder" 2.16.840.1.113883.3.464.1003.105.12.1210 (expansion Jan 2025); FACTS.md §7.2/§7.3',
  vsacSubstance:
    'VSAC "Substance Use Disorder" 2.16.840.1.113883.3.464.1003.106.12.1001 (F10-F19 without F17; expansion Jan 2025); FACTS.md §7.2',
  vsacEpilepsy: 'VSAC "Epilepsy" 2.16.840.1.113762.1.4.1248.171 (G40 codes + R56.1, R56.9; expansion Jan 2025); FACTS.md §7.2',
  vsacPregnancy:
    'VSAC "Pregnancy" 2.16.840.1.113883.3.526.3.378 (O09-O9A, Z32/Z33/Z34/Z3A; SNOMED 77386006; expansion Jan 2025); FACTS.md §7.2/§7.3',
  vsacMental:
    'VSAC "Mental Behavioral and Neurodevelopmental Disorders" 2.16.840.1.113883.3.464.1003.105.12.1203 (SNOMED 2023-09); FACTS.md §7.3',
  icdUnverified:
    'ICD-10-CM code, not verified in FACTS.md; check against the ICD-10-CM tabular list',
  loincPhq9: 'LOINC 44261-6 / 89204-2, VSAC "PHQ 9 and PHQ 9M Tools" 2.16.840.1.113883.3.67.1.101.1.263; FACTS.md §3.2',
  loincPhq9Item9: 'LOINC 44260-8, MII IG PRO PHQ-9 Questionnaire; FACTS.md §3.2',
  loincPhq2: 'LOINC 55758-7 (Synthea-style FHIR output and FHIR apps, secondary); FACTS.md §3.2',
  loincGad7: 'LOINC 70274-6, MII IG PRO GAD-7 Questionnaire/Score mapping; FACTS.md §3.2',
  loincCssrs: 'LOINC 93373-9 C-SSRS screener panel (FHIR Questionnaire and app code, secondary); FACTS.md §3.2',
  loincBp:
    'LOINC 85354-9 blood pressure panel with 8480-6 systolic and 8462-4 diastolic (FHIR R4 vital-signs profile)',
  localScales:
    'No verified LOINC code (FACTS.md §3.2 [U]): matched by the project\'s local code system http://example.org/trd-timeline/CodeSystem/scales or by the scale\'s name in the text',
  thresholdsPhq9:
    'PHQ-9 remission < 5, response >= 50% reduction (ICSI guideline citing Kroenke 2001; CMS measure CBE 1885); FACTS.md §3.1',
  thresholdsPartial:
    'Non-response < 25% reduction, partial response 25-49% (Desseilles et al., JCP, ATRQ clinician guide); FACTS.md §1.1',
  thresholdsQids: 'QIDS-SR16 remission <= 5, response >= 50% (STAR*D, Trivedi et al. AJP 2006;163:28); FACTS.md §3.1',
  thresholdsHamd: 'HAM-D17 remission <= 7 (STAR*D primary), response >= 50% (conventional), Trivedi 2006; FACTS.md §3.1',
  thresholdsMadrs: 'MADRS remission < 10 (<= 9, optimal vs CGI, PubMed 12200208), response >= 50%; FACTS.md §3.1',
  thresholdsYbocs:
    'Y-BOCS response >= 35% reduction, remission (wellness) post-score <= 12 (Farris et al. JCP 2013, PMC3959901; Lewin 2011); FACTS.md §3.1',
  thresholdsTrrip: 'TRRIP: non-response = < 20% symptom reduction over >= 6 weeks (Howes 2017); FACTS.md §4.1',
  vnsProcedure: 'SNOMED CT 445319001 Insertion of vagal nerve stimulator, VSAC 2.16.840.1.113762.1.4.1248.251; FACTS.md §7.3',
  procedureUnverified:
    'No verified SNOMED CT code for this procedure (FACTS.md §7.3 [U]): matched by text and the project\'s local code system http://example.org/trd-timeline/CodeSystem/procedures',
  cptUnverified: 'CPT code widely used for this procedure, not verified in FACTS.md',
  tmsImplants:
    'TMS device labels: conductive/ferromagnetic implants within 30 cm of the coil (cochlear implants, aneurysm clips/coils, DBS/VNS stimulators) [S]; FACTS.md §6.1',
} as const;
