/**
 * The primary sources the rules cite: papers, product labels, guidelines, value sets and standards.
 *
 * Every rule names the ids of its sources (never a prose citation of its own), so the app, the written chart note
 * and docs/sources.md (generated from this table by `npm run sources`) all show the same reference. A row's `short`
 * is what a clinician reads beside a reason ("Howes 2017"); `citation` is the full reference; `url` is where a user
 * can open it (a DOI, PubMed, PMC, the FDA label, the value set in VSAC).
 */
export type ReferenceKind = 'paper' | 'label' | 'guideline' | 'value-set' | 'standard' | 'registry' | 'project';

export interface Reference {
  /** What a clinician reads beside a reason: "Howes 2017", "Spravato label". */
  short: string;
  /** The full reference: authors, title, journal, year, volume and pages; or the label's name, holder and revision date. */
  citation: string;
  /** Where a user can open it; omitted only for the project's own working rules. */
  url?: string;
  kind: ReferenceKind;
}

/**
 * The table. Ids are camelCase and stable (the rules and docs/sources.md anchor on them).
 * Keep rows in alphabetical order of id so parallel additions merge cleanly.
 */
export const REFERENCES = {
  apaOcd2007: {
    short: 'APA OCD guideline 2007',
    citation:
      'American Psychiatric Association (Koran LM, Hanna GL, Hollander E, Nestadt G, Simpson HB). Practice guideline for the treatment of patients with obsessive-compulsive disorder. Am J Psychiatry. 2007;164(7 Suppl):5-53.',
    url: 'https://psychiatryonline.org/pb/assets/raw/sitewide/practice_guidelines/guidelines/ocd.pdf',
    kind: 'guideline',
  },
  chandler2010: {
    short: 'Chandler 2010',
    citation:
      'Chandler GM, Iosifescu DV, Pollack MH, Targum SD, Fava M. Validation of the Massachusetts General Hospital Antidepressant Treatment History Questionnaire (ATRQ). CNS Neurosci Ther. 2010;16(5):322-325.',
    url: 'https://doi.org/10.1111/j.1755-5949.2009.00102.x',
    kind: 'paper',
  },
  dailyMed: {
    short: 'DailyMed',
    citation:
      'US prescribing information (FDA-approved product labels), National Library of Medicine DailyMed. The rule names the product and label section.',
    url: 'https://dailymed.nlm.nih.gov/dailymed/',
    kind: 'label',
  },
  desseilles2011: {
    short: 'Desseilles 2011',
    citation:
      'Desseilles M, Witte J, Chang TE, et al. Assessing the adequacy of past antidepressant trials: a clinician\'s guide to the antidepressant treatment response questionnaire. J Clin Psychiatry. 2011;72(8):1152-1154.',
    url: 'https://doi.org/10.4088/JCP.11ac07225',
    kind: 'paper',
  },
  emcSmpc: {
    short: 'EU SmPC',
    citation:
      'Summaries of Product Characteristics (UK/EU licensed products), electronic medicines compendium. The rule names the product and section.',
    url: 'https://www.medicines.org.uk/emc',
    kind: 'label',
  },
  fhirR4: {
    short: 'FHIR R4',
    citation: 'HL7 FHIR Release 4 (v4.0.1), HL7 International, 2019.',
    url: 'https://hl7.org/fhir/R4/',
    kind: 'standard',
  },
  gardner2010: {
    short: 'Gardner 2010',
    citation:
      'Gardner DM, Murphy AL, O\'Donnell H, Centorrino F, Baldessarini RJ. International consensus study of antipsychotic dosing. Am J Psychiatry. 2010;167(6):686-693.',
    url: 'https://doi.org/10.1176/appi.ajp.2009.09060802',
    kind: 'paper',
  },
  howes2017: {
    short: 'Howes 2017',
    citation:
      'Howes OD, McCutcheon R, Agid O, et al. Treatment-Resistant Schizophrenia: Treatment Response and Resistance in Psychosis (TRRIP) Working Group Consensus Guidelines on Diagnosis and Terminology. Am J Psychiatry. 2017;174(3):216-229.',
    url: 'https://doi.org/10.1176/appi.ajp.2016.16050503',
    kind: 'guideline',
  },
  leucht2016: {
    short: 'Leucht 2016',
    citation:
      'Leucht S, Samara M, Heres S, Davis JM. Dose Equivalents for Antipsychotic Drugs: The DDD Method. Schizophr Bull. 2016;42 Suppl 1:S90-S94.',
    url: 'https://doi.org/10.1093/schbul/sbv167',
    kind: 'paper',
  },
  leucht2020: {
    short: 'Leucht 2020',
    citation:
      'Leucht S, Crippa A, Siafis S, Patel MX, Orsini N, Davis JM. Dose-Response Meta-Analysis of Antipsychotic Drugs for Acute Schizophrenia. Am J Psychiatry. 2020;177(4):342-353.',
    url: 'https://doi.org/10.1176/appi.ajp.2019.19010034',
    kind: 'paper',
  },
  niceCg31: {
    short: 'NICE CG31',
    citation:
      'National Institute for Health and Care Excellence. Obsessive-compulsive disorder and body dysmorphic disorder: treatment. Clinical guideline CG31, 2005.',
    url: 'https://www.nice.org.uk/guidance/cg31',
    kind: 'guideline',
  },
  projectWorkingRule: {
    short: 'working rule',
    citation:
      'A working rule of this project where the sources are silent: shown to the clinician as unverified, to be confirmed clinically.',
    kind: 'project',
  },
  sateia2017: {
    short: 'Sateia 2017',
    citation:
      'Sateia MJ, Buysse DJ, Krystal AD, Neubauer DN, Heald JL. Clinical Practice Guideline for the Pharmacologic Treatment of Chronic Insomnia in Adults: An American Academy of Sleep Medicine Clinical Practice Guideline. J Clin Sleep Med. 2017;13(2):307-349.',
    url: 'https://doi.org/10.5664/jcsm.6470',
    kind: 'guideline',
  },
} as const satisfies Record<string, Reference>;

export type ReferenceId = keyof typeof REFERENCES;

export function reference(id: ReferenceId): Reference {
  return REFERENCES[id];
}

/** The anchor of a reference on the sources page ("#howes2017"). */
export function referenceAnchor(id: ReferenceId): string {
  return `#${id}`;
}

/** The references a rule cites, in its order, each with its id (for the link to docs/sources.md#id). */
export function referencesOf(rule: { references?: readonly ReferenceId[] }): (Reference & { id: ReferenceId })[] {
  return (rule.references ?? []).map((id) => ({ id, ...REFERENCES[id] }));
}
