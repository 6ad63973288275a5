/**
 * The Observation codes the app searches for by code (src/fhir/queries.ts): the LOINC codes of the scale table, blood
 * pressure's and the drug levels', which are exactly the LOINC codes observations.ts recognises. Kept apart from observations.ts so
 * that the app's first script, which starts the searches, carries the code lists and not the classifiers.
 */
import { SCALE_TABLE } from './scales';

/** Blood-pressure codes (LOINC), recognised and searched for by code. */
export const BLOOD_PRESSURE_LOINC = [
  { code: '85354-9', display: 'Blood pressure panel', part: 'panel' },
  /** Older "Blood pressure systolic and diastolic" panel, still sent by some EHRs (not confirmed: U). */
  { code: '55284-4', display: 'Blood pressure systolic and diastolic', part: 'panel' },
  { code: '8480-6', display: 'Systolic blood pressure', part: 'systolic' },
  { code: '8462-4', display: 'Diastolic blood pressure', part: 'diastolic' },
] as const;

/** Drug-level codes (LOINC), recognised and searched for by code: a level is adherence and, for these drugs, adequacy evidence. */
export const DRUG_LEVEL_LOINC = [
  { code: '14334-7', display: 'Lithium [Moles/volume] in Serum or Plasma', ingredient: 'lithium' },
  { code: '4086-5', display: 'Valproate [Mass/volume] in Serum or Plasma', ingredient: 'valproate' },
] as const;

/**
 * Every Observation code the app searches for by code (src/fhir/queries.ts): the scales' LOINC codes, blood
 * pressure's and the drug levels'. Scores coded otherwise still arrive through the `category=survey` search.
 */
export const QUERIED_OBSERVATION_LOINC: readonly { code: string; display: string }[] = [
  ...SCALE_TABLE.flatMap((s) => s.loinc.map(({ code, display }) => ({ code, display }))),
  ...BLOOD_PRESSURE_LOINC.map(({ code, display }) => ({ code, display })),
  ...DRUG_LEVEL_LOINC.map(({ code, display }) => ({ code, display })),
];
