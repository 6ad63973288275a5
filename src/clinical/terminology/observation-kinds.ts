/**
 * Observation codes: symptom-scale totals (LOINC where verified, the project's local scale code system, or the
 * scale's name in the text) and blood pressure.
 *
 * Policy for codes: a coding from a known system decides; if the Observation carries codings only from systems this
 * project does not know, it is NOT matched by text (the engine reports "code from unknown system"); text matching is
 * used when there is no coding at all or when known-system codes are not in the table.
 */
import type { CodeableConcept, Coding, Observation, ObservationComponent } from 'fhir/r4';
import type { Instrument, RuleRef } from '../types';
import { INGREDIENT_NAMES, ingredientByName } from './ingredients';
import { rule } from './medication-rules';
import { BLOOD_PRESSURE_LOINC, DRUG_LEVEL_LOINC, type DrugLevelCode } from './observation-codes';
import { SCALE_TABLE, SCORE_RANGES, scaleCodeRules } from './scales';
import { SRC } from './sources';
import { codingsOf, conceptText, systemKeyOf, unknownSystemsIn } from './systems';

export type ObservationClass =
  | { instrument: Instrument; value: number; rule: RuleRef }
  | { bloodPressure: { systolic: number | null; diastolic: number | null }; rule: RuleRef };

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

const R = {
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
    'An Observation whose name gives a psychiatric drug and a level word ("aripiprazole level", "Aripiprazole [Mass/volume] in Serum or Plasma") is that drug\'s plasma level; "not detected", "< limit" or 0 is an undetectable level.',
    'LOINC names drug levels "<drug> [Mass/volume] in Serum or Plasma"; levels without a confirmed LOINC code here (aripiprazole, other drugs) or sent without a code are matched by name: working rule',
    'U',
  ),
  text: rule(
    'terminology.observation.scale-name',
    'A scale named in the Observation text ("PHQ-9", "MADRS", "Yale-Brown") identifies the scale when no code does.',
    SRC.localScales,
    'U',
  ),
} as const;

/** One recognition rule per antipsychotic-level code, citing the registry row that confirms it. */
const ANTIPSYCHOTIC_LEVEL_RULES = new Map<string, RuleRef>(
  DRUG_LEVEL_LOINC.filter((l) => !l.references.includes('loinc')).map((l) => [
    l.code,
    rule(
      `terminology.observation.drug-level-loinc.${l.code}`,
      `LOINC ${l.code} is a serum or plasma ${l.analyte} level: evidence that ${[l.ingredient, ...(l.alsoFor ?? [])].join(' or ')} was being taken.`,
      `LOINC ${l.code} "${l.display}", confirmed by a laboratory catalog stating code and analyte (see the reference)`,
      'S',
      l.references,
    ),
  ]),
);

/** LOINC code -> scale and the rule that recognises it, from the scale table. */
const LOINC_INSTRUMENTS = new Map<string, { instrument: Instrument; rule: RuleRef }>(
  SCALE_TABLE.flatMap((s) => s.loinc.map((c) => [c.code, { instrument: s.instrument, rule: c.rule }] as const)),
);

/** Local codes (system http://example.org/trd-timeline/CodeSystem/scales), from the scale table. */
const LOCAL_SCALE_CODES = new Map<string, Instrument>(SCALE_TABLE.flatMap((s) => s.localCodes.map((code) => [code, s.instrument] as const)));

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
  /** Other drugs whose intake the level also shows (a 9-hydroxyrisperidone level for a risperidone trial). */
  alsoFor?: readonly string[];
}

/** The drug a level's code or name gives, the other drugs it also evidences, and the rule that recognised it. */
interface DrugLevelMatch {
  ingredient: string;
  alsoFor?: readonly string[];
  rule: RuleRef;
}

const LEVEL_LOINC = new Map<string, DrugLevelCode>(DRUG_LEVEL_LOINC.map((l) => [l.code, l] as const));
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

/** The drug an Observation code names the level of, with the rule that recognised it, or null. */
function drugLevelOf(code: CodeableConcept | undefined, codings: readonly Coding[] = codingsOf(code)): DrugLevelMatch | null {
  for (const c of codings) {
    const row = systemKeyOf(c.system) === 'loinc' && c.code ? LEVEL_LOINC.get(c.code) : undefined;
    if (row) return { ingredient: row.ingredient, ...(row.alsoFor ? { alsoFor: row.alsoFor } : {}), rule: ANTIPSYCHOTIC_LEVEL_RULES.get(row.code) ?? R.levelLoinc };
  }
  const text = [conceptText(code), ...codings.map((c) => c.display)].filter((t): t is string => typeof t === 'string').join(' | ');
  const ingredient = levelIngredientIn(text);
  return ingredient === null ? null : { ingredient, rule: R.levelName };
}

/**
 * A drug level (lithium, valproate and the antipsychotics of DRUG_LEVEL_LOINC by LOINC; other drugs and uncoded levels
 * by name), or null when the Observation is not one. Levels are adherence evidence (TRRIP) and, for lithium and
 * valproate, adequacy evidence. `facts`: what observationCodeFacts says of this Observation's code, when the caller
 * has it already.
 */
export function classifyDrugLevel(obs: Observation, facts?: ObservationCodeFacts): DrugLevelClass | null {
  if (!obs || typeof obs !== 'object') return null;
  const drug = facts ? facts.drugLevel : drugLevelOf(obs.code);
  if (drug === null) return null;
  const { ingredient, rule: matched } = drug;
  const also = drug.alsoFor ? { alsoFor: drug.alsoFor } : {};
  const q = obs.valueQuantity;
  const unit = typeof q?.code === 'string' ? q.code : typeof q?.unit === 'string' ? q.unit : null;
  if (q && typeof q.value === 'number' && Number.isFinite(q.value)) {
    const below = q.comparator === '<' || q.comparator === '<=';
    return { ingredient, value: q.value, unit, undetectable: below || q.value <= 0, rule: matched, ...also };
  }
  const text = typeof obs.valueString === 'string' ? obs.valueString : conceptText(obs.valueCodeableConcept);
  if (UNDETECTABLE.test(text)) return { ingredient, value: null, unit, undetectable: true, rule: matched, ...also };
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) {
    const value = Number(text);
    return { ingredient, value, unit, undetectable: value <= 0, rule: matched, ...also };
  }
  return null;
}

/** Which instrument an Observation code denotes (no value check), with the rule, or null. */
export function instrumentOf(code: CodeableConcept | undefined, codings: readonly Coding[] = codingsOf(code)): { instrument: Instrument; rule: RuleRef } | null {
  for (const c of codings) {
    const key = systemKeyOf(c.system);
    const byLoinc = key === 'loinc' ? LOINC_INSTRUMENTS.get(c.code!) : undefined;
    if (byLoinc) return byLoinc;
    if (key === 'local-scales') {
      // "madrs" and "madrs-total" are the same local code.
      const instrument = LOCAL_SCALE_CODES.get(c.code!.toLowerCase().replace(/-total$/, ''));
      if (instrument) return { instrument, rule: R.local };
    }
  }
  if (codings.length > 0 && unknownSystemsIn(codings).length === codings.length) return null;
  const text = [code && typeof code === 'object' ? code.text : undefined, ...codings.map((c) => c.display)]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .join(' | ');
  for (const s of SCALE_TABLE) if (s.namePattern.test(text)) return { instrument: s.instrument, rule: R.text };
  return null;
}

function isBloodPressure(codings: readonly Coding[]): 'panel' | 'systolic' | 'diastolic' | null {
  for (const c of codings) {
    if (systemKeyOf(c.system) !== 'loinc') continue;
    const row = BLOOD_PRESSURE_LOINC.find((b) => b.code === c.code);
    if (row) return row.part;
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
export function classifyObservation(obs: Observation, facts?: ObservationCodeFacts): ObservationClass | null {
  if (!obs || typeof obs !== 'object') return null;
  const f = facts ?? observationCodeFacts(obs.code);
  const bp = f.bloodPressure;
  if (bp) {
    const components = Array.isArray(obs.component) ? obs.component : [];
    let systolic = componentValue(components, SYSTOLIC);
    let diastolic = componentValue(components, DIASTOLIC);
    if (bp === 'systolic') systolic = systolic ?? numericValue(obs);
    if (bp === 'diastolic') diastolic = diastolic ?? numericValue(obs);
    if (systolic === null && diastolic === null) return null;
    return { bloodPressure: { systolic, diastolic }, rule: R.bp };
  }
  const found = f.instrument;
  if (!found) return null;
  const value = numericValue(obs);
  if (value === null) return null;
  const range = SCORE_RANGES[found.instrument];
  if (value < range.min || value > range.max) return null;
  return { instrument: found.instrument, value, rule: found.rule };
}

/** The numeric value of the component coded with this LOINC code (a blood pressure's systolic or diastolic). */
function componentValue(components: readonly ObservationComponent[], loinc: string): number | null {
  for (const c of components) {
    for (const x of codingsOf(c?.code)) if (x.code === loinc && systemKeyOf(x.system) === 'loinc') return numericValue(c);
  }
  return null;
}

/** Why an Observation is not a usable score or blood pressure (for the engine's "not used, because" list). */
export function observationNotUsedReason(obs: Observation, facts?: ObservationCodeFacts): string {
  if (!obs || typeof obs !== 'object') return 'not an Observation';
  const f = facts ?? observationCodeFacts(obs.code);
  if (f.bloodPressure) return 'blood pressure without a numeric systolic or diastolic value';
  const found = f.instrument;
  if (found) {
    const value = numericValue(obs);
    if (value === null) return `${found.instrument} without a numeric value`;
    const range = SCORE_RANGES[found.instrument];
    if (value < range.min || value > range.max) return `${found.instrument} value ${value} outside its range ${range.min}-${range.max}`;
    return 'used';
  }
  const level = f.drugLevel;
  if (level) return classifyDrugLevel(obs, f) ? 'used' : `${level.ingredient} level without a numeric value or "not detected"`;
  return f.otherReason;
}

/**
 * What an Observation's code alone says, before any value is read: the same for every Observation with that code, so
 * the engine reads it once per distinct code of a record (vital signs and labs repeat a few codes hundreds of times).
 */
export interface ObservationCodeFacts {
  bloodPressure: 'panel' | 'systolic' | 'diastolic' | null;
  instrument: { instrument: Instrument; rule: RuleRef } | null;
  drugLevel: DrugLevelMatch | null;
  /** Why an Observation with this code is not used when it is none of the above. */
  otherReason: string;
}

export function observationCodeFacts(code: CodeableConcept | undefined): ObservationCodeFacts {
  // The codings read once for every question asked of them.
  const codings = codingsOf(code);
  const unknown = unknownSystemsIn(codings);
  const text = conceptText(code);
  return {
    bloodPressure: isBloodPressure(codings),
    instrument: instrumentOf(code, codings),
    drugLevel: drugLevelOf(code, codings),
    otherReason:
      unknown.length > 0 && unknown.length === codings.length
        ? `code from unknown system ${unknown.join(', ')}`
        : text
          ? `not a symptom scale or blood pressure the app uses: ${text}`
          : 'Observation without a code or text',
  };
}

export const OBSERVATION_RULES: RuleRef[] = [...scaleCodeRules(), ...Object.values(R), ...ANTIPSYCHOTIC_LEVEL_RULES.values()];
