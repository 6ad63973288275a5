/**
 * Terminology layer (pure): code sets, dose tables, scale thresholds and classifiers, each returning the rule
 * (RuleRef: source + verification tag) it applied. Medication identity and daily dose live beside it in
 * src/clinical/medication.ts and src/clinical/dose.ts.
 */
import type { RuleRef } from '../types';
import { CONDITION_RULES, snomedValueSetRules } from './conditions';
import { HISTORY_TERMINOLOGY_RULES } from './history';
import { OBSERVATION_RULES } from './observations';
import { PROCEDURE_RULES } from './procedures';
import { DOSE_RULES, MEDICATION_RULES } from './rules';
import { scaleRules } from './scales';
import { doseTableRules } from './thresholds';

export { classifyCondition, conditionNotRecognisedReason, ICD10_RULES, SNOMED_RULES } from './conditions';
export type { ConditionClass, ConditionKind } from './conditions';
export { classifyDrugLevel, classifyObservation, instrumentOf, observationNotUsedReason } from './observations';
export { BLOOD_PRESSURE_LOINC, DRUG_LEVEL_LOINC, QUERIED_OBSERVATION_LOINC } from './observation-codes';
export type { DrugLevelClass, ObservationClass } from './observations';
export { classifyProcedure, classifyProcedureWithRule, classifyDevice, classifyDeviceWithRule } from './procedures';
export { scaleThresholds, classifyScoreChange, scaleOf, SCALE_TABLE, SCORE_RANGES } from './scales';
export type { Instrument, Scale, ScaleThresholds, ScaleOutcome } from './scales';
export {
  minimumAdequateDose,
  chlorpromazineEquivalent,
  ATRQ_MIN_DOSES,
  TRRIP_MIN_CPZ_MG_PER_DAY,
} from './thresholds';
export type { DoseThreshold, DoseUse, CpzEquivalent, CpzTable } from './thresholds';
export { INGREDIENTS, BRANDS, ANTIDEPRESSANT_CLASSES, ingredientByName } from './ingredients';
export type { IngredientRow, BrandRow } from './ingredients';
export { parseRxNormName, productByRxcui } from './products';
export { SYSTEM_URIS, systemKeyOf, unknownSystemsOf, conceptText, codingsOf } from './systems';
export { MEDICATION_RULES, DOSE_RULES } from './rules';

function dedupe(rules: RuleRef[]): RuleRef[] {
  const seen = new Map<string, RuleRef>();
  for (const r of rules) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

/** Every rule the terminology layer can apply, for the "about the rules" panel (src/clinical/rules.ts aggregates it). */
export const TERMINOLOGY_RULES: RuleRef[] = dedupe([
  ...Object.values(MEDICATION_RULES),
  ...Object.values(DOSE_RULES),
  ...doseTableRules(),
  ...scaleRules(),
  ...CONDITION_RULES,
  ...snomedValueSetRules(),
  ...OBSERVATION_RULES,
  ...PROCEDURE_RULES,
  ...HISTORY_TERMINOLOGY_RULES,
]);
