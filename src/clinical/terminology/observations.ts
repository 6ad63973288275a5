/**
 * Observation codes: symptom-scale totals (LOINC where verified, the project's local scale code system, or the
 * scale's name in the text) and blood pressure.
 *
 * Policy for codes: a coding from a known system decides; if the Observation carries codings only from systems this
 * project does not know, it is NOT matched by text (the engine reports "code from unknown system"); text matching is
 * used when there is no coding at all or when known-system codes are not in the table.
 */
import type { CodeableConcept, Observation } from 'fhir/r4';
import type { Instrument, RuleRef } from '../types';
import { INGREDIENT_NAMES, ingredientByName } from './ingredients';
import { rule } from './rules';
import { SCORE_RANGES } from './scales';
import { SRC } from './sources';
import { codingsOf, conceptText, systemKeyOf, unknownSystemsOf } from './systems';

export type ObservationClass =
  | { instrument: Instrument; value: number; rule: RuleRef }
  | { bloodPressure: { systolic: number | null; diastolic: number | null }; rule: RuleRef };

export const LOINC = {
  phq9Total: '44261-6',
  phq9TeenTotal: '89204-2',
  phq9Item9: '44260-8',
  phq9Panel: '44249-1',
  phq2Total: '55758-7',
  gad7Total: '70274-6',
  cssrsPanel: '93373-9',
  bpPanel: '85354-9',
  /** Older "Blood pressure systolic and diastolic" panel, still sent by some EHRs (not confirmed: U). */
  bpPanelOld: '55284-4',
  systolic: '8480-6',
  diastolic: '8462-4',
  /** Lithium [Moles/volume] in Serum or Plasma. */
  lithiumLevel: '14334-7',
  /** Valproate [Mass/volume] in Serum or Plasma. */
  valproateLevel: '4086-5',
} as const;

const R = {
  phq9: rule('terminology.observation.phq9', 'LOINC 44261-6 (or 89204-2, teen version) is a PHQ-9 total score.', SRC.loincPhq9, 'V'),
  phq9Item9: rule('terminology.observation.phq9-item9', 'LOINC 44260-8 is PHQ-9 item 9 (thoughts of being better off dead or self-harm).', SRC.loincPhq9Item9, 'V'),
  phq2: rule('terminology.observation.phq2', 'LOINC 55758-7 is a PHQ-2 total score.', SRC.loincPhq2, 'S'),
  gad7: rule('terminology.observation.gad7', 'LOINC 70274-6 is a GAD-7 total score.', SRC.loincGad7, 'V'),
  cssrs: rule('terminology.observation.cssrs', 'LOINC 93373-9 is the C-SSRS screener (recent).', SRC.loincCssrs, 'S'),
  bp: rule('terminology.observation.blood-pressure', 'LOINC 85354-9 (panel), 8480-6 (systolic), 8462-4 (diastolic) are blood pressure.', SRC.loincBp, 'V'),
  local: rule(
    'terminology.observation.local-scale',
    'MADRS, HAM-D, QIDS-SR16, Y-BOCS, PANSS, BPRS, CAPS-5, PCL-5 have no verified LOINC code: matched by the local scale code system or by name.',
    SRC.localScales,
    'U',
  ),
  levelLoinc: rule(
    'terminology.observation.drug-level-loinc',
    'LOINC 14334-7 is a serum or plasma lithium level (mmol/L, the same number as mEq/L); 4086-5 a serum or plasma valproate level (µg/mL).',
    'LOINC 14334-7 "Lithium [Moles/volume] in Serum or Plasma", 4086-5 "Valproate [Mass/volume] in Serum or Plasma"',
    'S',
  ),
  levelName: rule(
    'terminology.observation.drug-level-name',
    'An Observation whose name gives a psychiatric drug and a level word ("clozapine level", "Olanzapine [Mass/volume] in Serum or Plasma") is that drug\'s plasma level; "not detected", "< limit" or 0 is an undetectable level.',
    'LOINC names drug levels "<drug> [Mass/volume] in Serum or Plasma"; no LOINC code confirmed here for antipsychotic levels, so they are matched by name: working rule',
    'U',
  ),
  text: rule(
    'terminology.observation.scale-name',
    'A scale named in the Observation text ("PHQ-9", "MADRS", "Yale-Brown") identifies the scale when no code does.',
    SRC.localScales,
    'U',
  ),
} as const;

const LOINC_INSTRUMENTS: Record<string, { instrument: Instrument; rule: RuleRef }> = {
  [LOINC.phq9Total]: { instrument: 'phq9', rule: R.phq9 },
  [LOINC.phq9TeenTotal]: { instrument: 'phq9', rule: R.phq9 },
  [LOINC.phq9Item9]: { instrument: 'phq9-item9', rule: R.phq9Item9 },
  [LOINC.phq2Total]: { instrument: 'phq2', rule: R.phq2 },
  [LOINC.gad7Total]: { instrument: 'gad7', rule: R.gad7 },
  [LOINC.cssrsPanel]: { instrument: 'cssrs', rule: R.cssrs },
};

/** Local codes (system http://example.org/trd-timeline/CodeSystem/scales) are the Instrument names, plus a few aliases. */
const LOCAL_SCALE_CODES: Record<string, Instrument> = {
  phq9: 'phq9', 'phq-9': 'phq9', 'phq9-item9': 'phq9-item9', phq2: 'phq2', gad7: 'gad7', madrs: 'madrs', hamd17: 'hamd17',
  'ham-d': 'hamd17', hamd: 'hamd17', 'qids-sr16': 'qids-sr16', qids: 'qids-sr16', ybocs: 'ybocs', 'y-bocs': 'ybocs',
  cssrs: 'cssrs', panss: 'panss', bprs: 'bprs', caps5: 'caps5', 'caps-5': 'caps5', pcl5: 'pcl5', 'pcl-5': 'pcl5',
};

/** Scale names in text. Hamilton needs "depression" or "HAM-D/HDRS" so the Hamilton Anxiety scale is not taken for it. */
const TEXT_PATTERNS: Array<[RegExp, Instrument]> = [
  [/\bphq-?9\b.*\bitem\s*9\b|\bitem\s*9\b.*\bphq-?9\b/i, 'phq9-item9'],
  [/\bphq-?9\b|patient health questionnaire[- ]9/i, 'phq9'],
  [/\bphq-?2\b/i, 'phq2'],
  [/\bgad-?7\b|generalized anxiety disorder 7/i, 'gad7'],
  [/\bmadrs\b|montgomery/i, 'madrs'],
  [/\bham-?d(17)?\b|\bhdrs\b|hamilton[^a-z]*(rating scale for )?depression/i, 'hamd17'],
  [/\bqids\b/i, 'qids-sr16'],
  [/\by-?bocs\b|yale[- ]brown/i, 'ybocs'],
  [/\bc-?ssrs\b|columbia[- ]suicide/i, 'cssrs'],
  [/\bpanss\b|positive and negative syndrome/i, 'panss'],
  [/\bbprs\b|brief psychiatric rating/i, 'bprs'],
  [/\bcaps-?5\b|clinician-administered ptsd/i, 'caps5'],
  [/\bpcl-?5\b|ptsd checklist/i, 'pcl5'],
];

/** PHQ-9 item answers coded with LOINC answer codes (LA6568-5 "Not at all" = 0 ... LA6571-9 "Nearly every day" = 3). */
const PHQ_ANSWERS: Record<string, number> = { 'LA6568-5': 0, 'LA6569-3': 1, 'LA6570-1': 2, 'LA6571-9': 3 };

/** A plasma or serum level of a psychiatric drug, read from an Observation. */
export interface DrugLevelClass {
  ingredient: string;
  /** The number as recorded; null when only "not detected" or "< limit" is given. */
  value: number | null;
  /** The recorded unit (UCUM code or text), or null. */
  unit: string | null;
  /** Not detected, below the limit of quantification, or 0: the drug was not being taken. */
  undetectable: boolean;
  rule: RuleRef;
}

const LEVEL_LOINC: Record<string, string> = { [LOINC.lithiumLevel]: 'lithium', [LOINC.valproateLevel]: 'valproate' };
const LEVEL_WORDS = /\b(levels?|concentrations?|serum|plasma|trough|serpl)\b|\[(mass|moles)\/volume\]/i;
const UNDETECTABLE = /undetect|not detected|none detected|below (the )?(limit|detection|quantification)|^\s*<\s*\d/i;

/** The drug a level's name gives (the longest ingredient name found as a whole word), or null. */
function levelIngredientIn(text: string): string | null {
  if (!LEVEL_WORDS.test(text)) return null;
  const lower = text.toLowerCase();
  for (const name of INGREDIENT_NAMES) {
    if (name.length < 5) continue;
    const at = lower.indexOf(name);
    if (at < 0) continue;
    const before = at === 0 ? '' : lower[at - 1]!;
    const after = lower[at + name.length] ?? '';
    if (/[a-z]/.test(before) || /[a-z]/.test(after)) continue; // "norclozapine" is a metabolite, not clozapine
    return ingredientByName(name)?.name ?? null;
  }
  return null;
}

/** The drug an Observation measures the level of, with the rule that recognised it, or null. */
function drugLevelOf(obs: Observation): { ingredient: string; rule: RuleRef } | null {
  if (!obs || typeof obs !== 'object') return null;
  for (const c of codingsOf(obs.code)) {
    if (systemKeyOf(c.system) === 'loinc' && c.code && LEVEL_LOINC[c.code]) return { ingredient: LEVEL_LOINC[c.code]!, rule: R.levelLoinc };
  }
  const text = [conceptText(obs.code), ...codingsOf(obs.code).map((c) => c.display)].filter((t): t is string => typeof t === 'string').join(' | ');
  const ingredient = levelIngredientIn(text);
  return ingredient === null ? null : { ingredient, rule: R.levelName };
}

/**
 * A drug level (lithium, valproate by LOINC; other drugs, antipsychotics above all, by name), or null when the
 * Observation is not one. Levels are adherence evidence (TRRIP) and, for lithium and valproate, adequacy evidence.
 */
export function classifyDrugLevel(obs: Observation): DrugLevelClass | null {
  const drug = drugLevelOf(obs);
  if (drug === null) return null;
  const { ingredient, rule: matched } = drug;
  const q = obs.valueQuantity;
  const unit = typeof q?.code === 'string' ? q.code : typeof q?.unit === 'string' ? q.unit : null;
  if (q && typeof q.value === 'number' && Number.isFinite(q.value)) {
    const below = q.comparator === '<' || q.comparator === '<=';
    return { ingredient, value: q.value, unit, undetectable: below || q.value <= 0, rule: matched };
  }
  const text = typeof obs.valueString === 'string' ? obs.valueString : conceptText(obs.valueCodeableConcept);
  if (UNDETECTABLE.test(text)) return { ingredient, value: null, unit, undetectable: true, rule: matched };
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) {
    const value = Number(text);
    return { ingredient, value, unit, undetectable: value <= 0, rule: matched };
  }
  return null;
}

/** Which instrument an Observation code denotes (no value check), with the rule, or null. */
export function instrumentOf(code: CodeableConcept | undefined): { instrument: Instrument; rule: RuleRef } | null {
  for (const c of codingsOf(code)) {
    const key = systemKeyOf(c.system);
    if (key === 'loinc' && LOINC_INSTRUMENTS[c.code!]) return LOINC_INSTRUMENTS[c.code!]!;
    if (key === 'local-scales') {
      // "madrs" and "madrs-total" are the same local code.
      const instrument = LOCAL_SCALE_CODES[c.code!.toLowerCase().replace(/-total$/, '')];
      if (instrument) return { instrument, rule: R.local };
    }
  }
  if (codingsOf(code).length > 0 && unknownSystemsOf(code).length === codingsOf(code).length) return null;
  const text = [code && typeof code === 'object' ? code.text : undefined, ...codingsOf(code).map((c) => c.display)]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .join(' | ');
  for (const [re, instrument] of TEXT_PATTERNS) if (re.test(text)) return { instrument, rule: R.text };
  return null;
}

function isBloodPressure(code: CodeableConcept | undefined): 'panel' | 'systolic' | 'diastolic' | null {
  for (const c of codingsOf(code)) {
    if (systemKeyOf(c.system) !== 'loinc') continue;
    if (c.code === LOINC.bpPanel || c.code === LOINC.bpPanelOld) return 'panel';
    if (c.code === LOINC.systolic) return 'systolic';
    if (c.code === LOINC.diastolic) return 'diastolic';
  }
  return null;
}

function numericValue(o: { valueQuantity?: { value?: number }; valueInteger?: number; valueString?: string; valueCodeableConcept?: CodeableConcept } | undefined): number | null {
  if (!o) return null;
  if (typeof o.valueQuantity?.value === 'number' && Number.isFinite(o.valueQuantity.value)) return o.valueQuantity.value;
  if (typeof o.valueInteger === 'number' && Number.isFinite(o.valueInteger)) return o.valueInteger;
  if (typeof o.valueString === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(o.valueString)) return Number(o.valueString);
  for (const c of codingsOf(o.valueCodeableConcept)) {
    if (c.code && PHQ_ANSWERS[c.code] !== undefined) return PHQ_ANSWERS[c.code]!;
  }
  return null;
}

/**
 * A symptom-scale score (instrument + value) or a blood-pressure reading, or null. Use `observationNotUsedReason`
 * for the reason when null.
 */
export function classifyObservation(obs: Observation): ObservationClass | null {
  if (!obs || typeof obs !== 'object') return null;
  const bp = isBloodPressure(obs.code);
  if (bp) {
    const components = Array.isArray(obs.component) ? obs.component : [];
    const fromComponent = (loinc: string) =>
      numericValue(components.find((c) => codingsOf(c?.code).some((x) => x.code === loinc && systemKeyOf(x.system) === 'loinc')));
    let systolic = fromComponent(LOINC.systolic);
    let diastolic = fromComponent(LOINC.diastolic);
    if (bp === 'systolic') systolic = systolic ?? numericValue(obs);
    if (bp === 'diastolic') diastolic = diastolic ?? numericValue(obs);
    if (systolic === null && diastolic === null) return null;
    return { bloodPressure: { systolic, diastolic }, rule: R.bp };
  }
  const found = instrumentOf(obs.code);
  if (!found) return null;
  const value = numericValue(obs);
  if (value === null) return null;
  const range = SCORE_RANGES[found.instrument];
  if (value < range.min || value > range.max) return null;
  return { instrument: found.instrument, value, rule: found.rule };
}

/** Why an Observation is not a usable score or blood pressure (for the engine's "not used, because" list). */
export function observationNotUsedReason(obs: Observation): string {
  if (!obs || typeof obs !== 'object') return 'not an Observation';
  if (isBloodPressure(obs.code)) return 'blood pressure without a numeric systolic or diastolic value';
  const found = instrumentOf(obs.code);
  if (found) {
    const value = numericValue(obs);
    if (value === null) return `${found.instrument} without a numeric value`;
    const range = SCORE_RANGES[found.instrument];
    if (value < range.min || value > range.max) return `${found.instrument} value ${value} outside its range ${range.min}-${range.max}`;
    return 'used';
  }
  const level = drugLevelOf(obs);
  if (level) return classifyDrugLevel(obs) ? 'used' : `${level.ingredient} level without a numeric value or "not detected"`;
  const unknown = unknownSystemsOf(obs.code);
  if (unknown.length > 0 && unknown.length === codingsOf(obs.code).length) return `code from unknown system ${unknown.join(', ')}`;
  const text = conceptText(obs.code);
  return text ? `not a symptom scale or blood pressure the app uses: ${text}` : 'Observation without a code or text';
}

export const OBSERVATION_RULES: RuleRef[] = Object.values(R);
