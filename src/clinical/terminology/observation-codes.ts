/**
 * The Observation codes the app searches for by code (src/fhir/queries.ts): the LOINC codes of the scale table, blood
 * pressure's and the drug levels', which are exactly the LOINC codes observation-kinds.ts recognises. Kept apart from observation-kinds.ts so
 * that the app's first script, which starts the searches, carries the code lists and not the classifiers.
 */
import type { ReferenceId } from '../references/registry';
import { SCALE_TABLE } from './scales';

/** Blood-pressure codes (LOINC), recognised and searched for by code. */
export const BLOOD_PRESSURE_LOINC = [
  { code: '85354-9', display: 'Blood pressure panel', part: 'panel' },
  /** Older "Blood pressure systolic and diastolic" panel, still sent by some EHRs (not confirmed: U). */
  { code: '55284-4', display: 'Blood pressure systolic and diastolic', part: 'panel' },
  { code: '8480-6', display: 'Systolic blood pressure', part: 'systolic' },
  { code: '8462-4', display: 'Diastolic blood pressure', part: 'diastolic' },
] as const;

/**
 * Drug-level codes (LOINC), recognised and searched for by code: a level is adherence evidence (TRRIP counts a
 * measurable plasma level) and, for lithium and valproate, adequacy evidence. `ingredient` is the drug whose trial the
 * level belongs to; `alsoFor` the other drugs whose intake it shows (9-hydroxyrisperidone is paliperidone and also
 * risperidone's active metabolite). An antipsychotic code is listed only when a source states it with its name
 * (`references`, the registry rows saying which); aripiprazole's was not found, so its levels are matched by name.
 * Displays follow LOINC's naming of serum or plasma mass concentrations; the sources confirm code and analyte.
 */
export const DRUG_LEVEL_LOINC: readonly DrugLevelCode[] = [
  { code: '14334-7', display: 'Lithium [Moles/volume] in Serum or Plasma', analyte: 'lithium', ingredient: 'lithium', references: ['loinc'] },
  { code: '4086-5', display: 'Valproate [Mass/volume] in Serum or Plasma', analyte: 'valproate', ingredient: 'valproate', references: ['loinc'] },
  { code: '6896-5', display: 'Clozapine [Mass/volume] in Serum or Plasma', analyte: 'clozapine', ingredient: 'clozapine', references: ['loincClozapineLevel'] },
  { code: '10992-6', display: 'Norclozapine [Mass/volume] in Serum or Plasma', analyte: 'norclozapine', ingredient: 'clozapine', references: ['loincNorclozapineLevel'] },
  { code: '12389-3', display: 'Olanzapine [Mass/volume] in Serum or Plasma', analyte: 'olanzapine', ingredient: 'olanzapine', references: ['loincOlanzapineLevel'] },
  { code: '9393-0', display: 'Risperidone [Mass/volume] in Serum or Plasma', analyte: 'risperidone', ingredient: 'risperidone', references: ['loincRisperidoneLevel'] },
  {
    code: '9383-1',
    display: '9-Hydroxyrisperidone [Mass/volume] in Serum or Plasma',
    analyte: '9-hydroxyrisperidone (paliperidone)',
    ingredient: 'paliperidone',
    alsoFor: ['risperidone'],
    references: ['loincHydroxyrisperidoneLevel'],
  },
  { code: '3669-9', display: 'Haloperidol [Mass/volume] in Serum or Plasma', analyte: 'haloperidol', ingredient: 'haloperidol', references: ['loincHaloperidolLevel'] },
  { code: '26776-5', display: 'Quetiapine [Mass/volume] in Serum or Plasma', analyte: 'quetiapine', ingredient: 'quetiapine', references: ['loincQuetiapineLevel'] },
];

export interface DrugLevelCode {
  code: string;
  display: string;
  /** What the laboratory measures (a metabolite for norclozapine and 9-hydroxyrisperidone). */
  analyte: string;
  /** The drug whose trial the level belongs to. */
  ingredient: string;
  /** Other drugs whose intake the level also shows. */
  alsoFor?: readonly string[];
  /** The registry rows that confirm the code and name the source that did. */
  references: readonly ReferenceId[];
}

/**
 * Every Observation code the app searches for by code (src/fhir/queries.ts): the scales' LOINC codes, blood
 * pressure's and the drug levels'. Scores coded otherwise still arrive through the `category=survey` search.
 */
export const QUERIED_OBSERVATION_LOINC: readonly { code: string; display: string }[] = [
  ...SCALE_TABLE.flatMap((s) => s.loinc.map(({ code, display }) => ({ code, display }))),
  ...BLOOD_PRESSURE_LOINC.map(({ code, display }) => ({ code, display })),
  ...DRUG_LEVEL_LOINC.map(({ code, display }) => ({ code, display })),
];
