/**
 * Terminology layer (pure): code sets, dose tables, scale thresholds and classifiers, each returning the rule
 * (RuleRef: source + verification tag) it applied. Medication identity and daily dose live beside it in
 * src/clinical/medication.ts and src/clinical/dose/.
 */
import type { RuleRef } from '../types';
import { CONDITION_RULES, snomedValueSetRules } from './condition-codes';
import { HISTORY_TERMINOLOGY_RULES } from './history-codes';
import { OBSERVATION_RULES } from './observation-kinds';
import { PROCEDURE_RULES } from './procedure-codes';
import { DOSE_RULES, MEDICATION_RULES } from './medication-rules';
import { scaleRules } from './scales';
import { doseTableRules } from './dose-tables';
import { STOP_REASON_RULES } from './stop-reasons';
import { SCHIZOPHRENIA_SUBTYPE_RULE } from './schizophrenia-subtypes';
import { EVENT_DIAGNOSIS_RULE } from './event-diagnoses';

export { classifyCondition, conditionNotRecognisedReason } from './condition-codes';
export { classifyDrugLevel, classifyObservation, instrumentOf, observationCodeFacts, observationNotUsedReason, type ObservationCodeFacts } from './observation-kinds';
export { BLOOD_PRESSURE_LOINC, DRUG_LEVEL_LOINC } from './observation-codes';
export { classifyProcedure, classifyDevice } from './procedure-codes';
export { scaleThresholds, classifyScoreChange, responseScore, SCALE_TABLE, SCORE_RANGES, SCORE_CHART_RANGES } from './scales';
export { minimumAdequateDose, chlorpromazineEquivalent, ATRQ_MIN_DOSES } from './dose-tables';
export { INGREDIENTS, BRANDS } from './ingredients';

function dedupe(rules: RuleRef[]): RuleRef[] {
  const seen = new Map<string, RuleRef>();
  for (const r of rules) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}

/** Every rule the terminology layer can apply, for the "about the rules" panel (src/clinical/all-rules.ts aggregates it). */
export const TERMINOLOGY_RULES: RuleRef[] = dedupe([
  ...Object.values(MEDICATION_RULES),
  ...Object.values(DOSE_RULES),
  ...doseTableRules(),
  ...scaleRules(),
  ...CONDITION_RULES,
  SCHIZOPHRENIA_SUBTYPE_RULE,
  EVENT_DIAGNOSIS_RULE,
  ...snomedValueSetRules(),
  ...OBSERVATION_RULES,
  ...PROCEDURE_RULES,
  ...HISTORY_TERMINOLOGY_RULES,
  ...STOP_REASON_RULES,
]);
