/**
 * The engine's view of the terminology tables it judges against: minimum adequate doses, chlorpromazine
 * equivalents and scale thresholds. The tables themselves (and their sources) live in src/clinical/terminology;
 * this module only adapts their answers to the few numbers the engine needs, in one place.
 */
import { builtOnFirstUse } from './built-on-first-use';
import { chlorpromazineEquivalent, minimumAdequateDose, SCALE_TABLE, scaleThresholds } from './terminology';
import { antipsychoticAdequateDose } from './terminology/antipsychotic-doses';
import type { Instrument, RuleRef } from './types';

export interface AdequateDose {
  mg: number;
  rule: RuleRef;
}

/**
 * The minimum adequate daily dose in the drug's own mg (ATRQ table), or null. Antipsychotic CPZ thresholds are not
 * returned here: whether TRRIP applies is the engine's judgement (see pipeline/6-adequacy.ts), made with cpzOf.
 * `asAugmentation` picks the add-on row where one exists (quetiapine 150 mg/day).
 */
export function adequateDoseOf(ingredient: string, asAugmentation = false): AdequateDose | null {
  const row = minimumAdequateDose(ingredient, asAugmentation ? 'augmentation' : 'antidepressant');
  if (!row || row.scale !== 'mg') return null;
  return { mg: row.mgPerDay, rule: row.rule };
}

/** Chlorpromazine-equivalent mg/day (Gardner 2010 first; depot equivalents for LAIs), or null when no source covers it. */
export function cpzOf(ingredient: string, mgPerDay: number, longActing = false): { cpzMg: number; rule: RuleRef } | null {
  const eq = chlorpromazineEquivalent(ingredient, mgPerDay, longActing ? { route: 'lai' } : {});
  if (!eq) return null;
  return { cpzMg: eq.cpzMgPerDay, rule: eq.rule };
}

/**
 * TRRIP's adequate dose for an antipsychotic (oral or depot), in mg/day chlorpromazine equivalents (600, or less where
 * the equivalent lies above the maximum licensed dose), with the drug's own mg/day and the rules; null when no
 * equivalence source covers the drug.
 */
export function trripDoseOf(
  ingredient: string,
  longActing: boolean,
): { cpzMg: number; drugMg: number; atMaximum: boolean; rules: RuleRef[] } | null {
  const a = antipsychoticAdequateDose(ingredient, longActing ? 'lai' : 'oral');
  if (!a) return null;
  return { cpzMg: a.cpzMgPerDay, drugMg: a.drugMgPerDay, atMaximum: a.cappedAtMaximum, rules: a.rules };
}

export interface ScaleCutoffs {
  /** Fractional reduction from baseline that counts as response (0.5 = 50%). */
  responseReduction: number;
  /** Fractional reduction that counts as partial response (0.25); 1 when the scale defines none. */
  partialReduction: number;
  /** Lowest possible score (PANSS starts at 30): reductions are measured above it. */
  floor: number;
  /** Highest possible score (PHQ-9 27): no baseline lies above it. */
  ceiling: number;
  isRemission: (value: number) => boolean;
  /** "PHQ-9 ≤ 4". */
  remissionText: string;
  label: string;
  rules: RuleRef[];
}

/** Each scale's cut-offs, frozen: a lookup table of constant data (asked for every trial and every episode). */
const cutoffsByInstrument = builtOnFirstUse(() => {
  const table = new Map<Instrument, Readonly<ScaleCutoffs>>();
  for (const { instrument } of SCALE_TABLE) {
    const cutoffs = buildCutoffs(instrument);
    if (!cutoffs) continue;
    Object.freeze(cutoffs.rules);
    table.set(instrument, Object.freeze(cutoffs));
  }
  return table;
});

export function cutoffsOf(instrument: Instrument): Readonly<ScaleCutoffs> | null {
  return cutoffsByInstrument().get(instrument) ?? null;
}

function buildCutoffs(instrument: Instrument): ScaleCutoffs | null {
  const t = scaleThresholds(instrument);
  if (!t || t.responseReduction === null) return null;
  const remissionMax = t.remissionMax;
  const rules = [t.rules.remission, t.rules.response, t.rules.partial].filter((r): r is RuleRef => !!r);
  return {
    responseReduction: t.responseReduction,
    partialReduction: t.partialReduction ?? t.responseReduction,
    floor: t.min,
    ceiling: t.max,
    isRemission: (v) => remissionMax !== null && v <= remissionMax,
    remissionText: remissionMax === null ? 'no remission cut-off' : `${t.name} ≤ ${remissionMax}`,
    label: t.name,
    rules,
  };
}
