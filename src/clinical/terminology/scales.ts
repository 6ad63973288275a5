/**
 * Symptom scales, ONE row each: the codes that identify the scale's score (each with the rule that says so: its
 * source and verification tag), the names that identify it in text, its valid range, and its outcome thresholds
 * (remission cut-off, response and partial-response reductions, each with its source). The same rows feed the
 * recognition of Observations (observation-kinds.ts), the codes the app searches for (src/fhir/queries.ts) and the
 * judgement of outcomes. All scales here score higher = worse. Numbers without a primary source are marked 'U'.
 */
import { MIN_ANTIPSYCHOTIC_TRIAL_WEEKS } from '../durations';
import type { RuleRef } from '../types';
import { rule, SRC } from './sources';

/** A LOINC code of a scale's score, with the rule that recognises it. */
export interface ScaleCode {
  code: string;
  display: string;
  rule: RuleRef;
}

/** Outcome thresholds of a scale; the reductions are fractions of the baseline above the scale's floor. */
export interface OutcomeThresholds {
  /** A score at or below this is remission; null when no remission cut-off is used. */
  remissionMax: number | null;
  /** Reduction from baseline (fraction) that counts as response (0.5 = 50%). */
  responseReduction: number | null;
  /** Reduction from baseline that counts as partial response (below `responseReduction`); below it is non-response. */
  partialReduction: number | null;
  rules: { remission?: RuleRef; response?: RuleRef; partial?: RuleRef };
}

interface ScaleRow<I extends string> {
  instrument: I;
  name: string;
  /** Valid scores, inclusive: a value outside is not used. */
  min: number;
  max: number;
  /** LOINC codes of the score (searched by code and recognised). */
  loinc: ScaleCode[];
  /** Codes of the project's local system http://example.org/trd-timeline/CodeSystem/scales (lower case). */
  localCodes: string[];
  /** The scale's name in an Observation's text or a coding's display, when no code decides. */
  namePattern: RegExp;
  /**
   * The top of the score chart, where the valid range runs far above the scores seen in practice (PANSS 210): drawn to
   * its maximum, a change that matters would be a few pixels tall. A score above it still widens the chart.
   */
  chartMax?: { value: number; source: string };
  /** Null for item and screening scores (PHQ-9 item 9, PHQ-2, C-SSRS): no treatment-outcome thresholds. */
  outcome: OutcomeThresholds | null;
  note?: string;
}

/** Non-response < 25% reduction, partial 25-49% (ATRQ clinician guide) [S]; used for every depression scale. */
const PARTIAL_DEPRESSION = rule(
  'scale.depression.partial-response',
  'Partial response = 25-49% reduction from baseline (insufficient: for treatment resistance a failed trial, as a non-response); non-response < 25%.',
  SRC.thresholdsPartial,
  'S',
);

const depressionOutcome = (
  instrument: string,
  name: string,
  remissionMax: number,
  remissionText: string,
  source: string,
  verification: RuleRef['verification'],
): OutcomeThresholds => ({
  remissionMax,
  responseReduction: 0.5,
  partialReduction: 0.25,
  rules: {
    remission: rule(`scale.${instrument}.remission`, `${name} remission: ${remissionText}.`, source, verification),
    response: rule(`scale.${instrument}.response`, `${name} response: ≥ 50% reduction from baseline.`, source, verification),
    partial: PARTIAL_DEPRESSION,
  },
});

const PHQ9_LOINC = rule('terminology.observation.phq9', 'LOINC 44261-6 (or 89204-2, teen version) is a PHQ-9 total score.', SRC.loincPhq9, 'V');

/** Infers the union of the rows' instrument literals: the table is the one list of scales. */
function defineScales<I extends string>(rows: readonly ScaleRow<I>[]): readonly ScaleRow<I>[] {
  return rows;
}

/**
 * In order of precedence when a text names two scales: PHQ-9 item 9 before PHQ-9 (its name pattern asks for both
 * "PHQ-9" and "item 9").
 */
export const SCALE_TABLE = defineScales([
  {
    instrument: 'phq9-item9',
    name: 'PHQ-9 item 9',
    min: 0,
    max: 3,
    loinc: [
      {
        code: '44260-8',
        display: 'PHQ-9 item 9',
        rule: rule('terminology.observation.phq9-item9', 'LOINC 44260-8 is PHQ-9 item 9 (thoughts of being better off dead or self-harm).', SRC.loincPhq9Item9, 'V'),
      },
    ],
    localCodes: ['phq9-item9'],
    namePattern: /\bphq-?9\b.*\bitem\s*9\b|\bitem\s*9\b.*\bphq-?9\b/i,
    outcome: null,
  },
  {
    instrument: 'phq9',
    name: 'PHQ-9',
    min: 0,
    max: 27,
    loinc: [
      { code: '44261-6', display: 'PHQ-9 total score', rule: PHQ9_LOINC },
      { code: '89204-2', display: 'PHQ-9 modified for teens total', rule: PHQ9_LOINC },
    ],
    localCodes: ['phq9', 'phq-9'],
    namePattern: /\bphq-?9\b|patient health questionnaire[- ]9/i,
    outcome: depressionOutcome('phq9', 'PHQ-9', 4, 'total < 5', SRC.thresholdsPhq9, 'S'),
  },
  {
    instrument: 'phq2',
    name: 'PHQ-2',
    min: 0,
    max: 6,
    loinc: [
      { code: '55758-7', display: 'PHQ-2 total score', rule: rule('terminology.observation.phq2', 'LOINC 55758-7 is a PHQ-2 total score.', SRC.loincPhq2, 'S') },
    ],
    localCodes: ['phq2'],
    namePattern: /\bphq-?2\b/i,
    outcome: null,
  },
  {
    instrument: 'gad7',
    name: 'GAD-7',
    min: 0,
    max: 21,
    loinc: [
      { code: '70274-6', display: 'GAD-7 total score', rule: rule('terminology.observation.gad7', 'LOINC 70274-6 is a GAD-7 total score.', SRC.loincGad7, 'V') },
    ],
    localCodes: ['gad7'],
    namePattern: /\bgad-?7\b|generalized anxiety disorder 7/i,
    outcome: {
      remissionMax: 4,
      responseReduction: 0.5,
      partialReduction: 0.25,
      rules: {
        remission: rule('scale.gad7.remission', 'GAD-7 remission: total < 5 (unverified).', 'GAD-7 "minimal anxiety" band 0-4; not confirmed in a primary source', 'U'),
        response: rule('scale.gad7.response', 'GAD-7 response: ≥ 50% reduction (unverified).', 'By analogy with PHQ-9; not confirmed in a primary source', 'U'),
        partial: PARTIAL_DEPRESSION,
      },
    },
    note: 'GAD-7 thresholds have no primary source here (unverified)',
  },
  {
    instrument: 'madrs',
    name: 'MADRS',
    min: 0,
    max: 60,
    loinc: [],
    localCodes: ['madrs'],
    namePattern: /\bmadrs\b|montgomery/i,
    outcome: depressionOutcome('madrs', 'MADRS', 9, 'total < 10', SRC.thresholdsMadrs, 'V'),
  },
  {
    instrument: 'hamd17',
    name: 'HAM-D17',
    min: 0,
    max: 52,
    loinc: [],
    localCodes: ['hamd17', 'ham-d', 'hamd'],
    // Needs "depression" or "HAM-D/HDRS" so the Hamilton Anxiety scale is not taken for it.
    namePattern: /\bham-?d(17)?\b|\bhdrs\b|hamilton[^a-z]*(rating scale for )?depression/i,
    outcome: depressionOutcome('hamd17', 'HAM-D17', 7, 'total ≤ 7', SRC.thresholdsHamd, 'V'),
  },
  {
    instrument: 'qids-sr16',
    name: 'QIDS-SR16',
    min: 0,
    max: 27,
    loinc: [],
    localCodes: ['qids-sr16', 'qids'],
    namePattern: /\bqids\b/i,
    outcome: depressionOutcome('qids-sr16', 'QIDS-SR16', 5, 'total ≤ 5', SRC.thresholdsQids, 'V'),
  },
  {
    instrument: 'ybocs',
    name: 'Y-BOCS',
    min: 0,
    max: 40,
    loinc: [],
    localCodes: ['ybocs', 'y-bocs'],
    namePattern: /\by-?bocs\b|yale[- ]brown/i,
    outcome: {
      remissionMax: 12,
      responseReduction: 0.35,
      partialReduction: 0.25,
      rules: {
        remission: rule('scale.ybocs.remission', 'Y-BOCS remission: post-treatment score ≤ 12.', SRC.thresholdsYbocs, 'V'),
        response: rule('scale.ybocs.response', 'Y-BOCS response: ≥ 35% reduction from baseline.', SRC.thresholdsYbocs, 'V'),
        partial: rule(
          'scale.ybocs.partial-response',
          'Y-BOCS partial response: 25-34% reduction (unverified).',
          'Commonly used OCD partial-response band; not confirmed in a primary source',
          'U',
        ),
      },
    },
  },
  {
    instrument: 'cssrs',
    name: 'C-SSRS',
    min: 0,
    max: 6,
    loinc: [
      { code: '93373-9', display: 'C-SSRS screener', rule: rule('terminology.observation.cssrs', 'LOINC 93373-9 is the C-SSRS screener (recent).', SRC.loincCssrs, 'S') },
    ],
    localCodes: ['cssrs'],
    namePattern: /\bc-?ssrs\b|columbia[- ]suicide/i,
    outcome: null,
  },
  {
    instrument: 'panss',
    name: 'PANSS',
    min: 30,
    max: 210,
    // Just above "severely ill" (about 116), so a 98 -> 84 change reads as a change.
    chartMax: { value: 120, source: SRC.panssChartTop },
    loinc: [],
    localCodes: ['panss'],
    namePattern: /\bpanss\b|positive and negative syndrome/i,
    outcome: {
      remissionMax: null,
      responseReduction: 0.2,
      partialReduction: null,
      rules: {
        response: rule('scale.panss.response', `PANSS: < 20% reduction over ≥ ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks is non-response (TRRIP).`, SRC.thresholdsTrrip, 'V'),
      },
    },
    note: 'reduction is computed above the scale floor (PANSS total minus 30), as is usual for TRRIP',
  },
  {
    instrument: 'bprs',
    name: 'BPRS',
    min: 18,
    max: 126,
    loinc: [],
    localCodes: ['bprs'],
    namePattern: /\bbprs\b|brief psychiatric rating/i,
    outcome: {
      remissionMax: null,
      responseReduction: 0.2,
      partialReduction: null,
      rules: {
        response: rule('scale.bprs.response', `BPRS: < 20% reduction over ≥ ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks is non-response (TRRIP).`, SRC.thresholdsTrrip, 'V'),
      },
    },
  },
  {
    instrument: 'caps5',
    name: 'CAPS-5',
    min: 0,
    max: 80,
    loinc: [],
    localCodes: ['caps5', 'caps-5'],
    namePattern: /\bcaps-?5\b|clinician-administered ptsd/i,
    outcome: {
      remissionMax: null,
      responseReduction: 0.3,
      partialReduction: null,
      rules: {
        response: rule('scale.caps5.response', 'CAPS-5 response: ≥ 30% reduction (unverified).', 'Common PTSD trial convention; not confirmed in a primary source', 'U'),
      },
    },
    note: 'PTSD scale thresholds have no primary source here (unverified)',
  },
  {
    instrument: 'pcl5',
    name: 'PCL-5',
    min: 0,
    max: 80,
    loinc: [],
    localCodes: ['pcl5', 'pcl-5'],
    namePattern: /\bpcl-?5\b|ptsd checklist/i,
    outcome: { remissionMax: null, responseReduction: null, partialReduction: null, rules: {} },
    note: 'no response threshold with a primary source for PCL-5',
  },
]);

/** A symptom scale: a row of SCALE_TABLE. */
export type Instrument = (typeof SCALE_TABLE)[number]['instrument'];

/** Valid score ranges of every scale (the rows' own min and max). */
export const SCORE_RANGES = Object.fromEntries(SCALE_TABLE.map((s) => [s.instrument, { min: s.min, max: s.max }])) as Record<
  Instrument,
  { min: number; max: number }
>;

/** The range a scale's chart shows: from its minimum to its chart top where it has one, else to its maximum. */
export const SCORE_CHART_RANGES = Object.fromEntries(
  SCALE_TABLE.map((s) => [s.instrument, { min: s.min, max: 'chartMax' in s && s.chartMax ? s.chartMax.value : s.max }]),
) as Record<Instrument, { min: number; max: number }>;

/** A scale's outcome thresholds with its name and range, as the engine and the views read them. */
export interface ScaleThresholds extends OutcomeThresholds {
  instrument: Instrument;
  name: string;
  min: number;
  max: number;
  note?: string;
}

const THRESHOLDS = new Map<Instrument, ScaleThresholds>();
for (const s of SCALE_TABLE) {
  if (!s.outcome) continue;
  const t: ScaleThresholds = { instrument: s.instrument, name: s.name, min: s.min, max: s.max, ...s.outcome };
  if (s.note !== undefined) t.note = s.note;
  THRESHOLDS.set(s.instrument, t);
}

/** Response/remission thresholds of a scale with their sources, or null for item/screening scores (PHQ-9 item 9, PHQ-2, C-SSRS). */
export function scaleThresholds(instrument: Instrument): ScaleThresholds | null {
  return THRESHOLDS.get(instrument) ?? null;
}

/**
 * The score at which a trial measured from `baseline` has responded (the reduction `classifyScoreChange` calls a
 * response, measured above the scale's floor: PANSS starts at 30); null when the scale has no response cut-off.
 */
export function responseScore(scale: Pick<ScaleThresholds, 'min' | 'responseReduction'>, baseline: number): number | null {
  if (scale.responseReduction === null) return null;
  return scale.min + (baseline - scale.min) * (1 - scale.responseReduction);
}

export type ScaleOutcome = 'remission' | 'response' | 'partial' | 'nonresponse';

/**
 * Outcome of a baseline -> latest pair on one scale, with the rule applied. Remission is checked first (a remitted
 * patient is not also called a responder). Returns null when the scale has no thresholds or the baseline is 0.
 */
export function classifyScoreChange(
  instrument: Instrument,
  baseline: number,
  latest: number,
): { outcome: ScaleOutcome; reduction: number; rule: RuleRef } | null {
  const s = scaleThresholds(instrument);
  if (!s || !Number.isFinite(baseline) || !Number.isFinite(latest)) return null;
  const floor = s.min;
  const denominator = baseline - floor;
  const reduction = denominator > 0 ? (baseline - latest) / denominator : 0;
  if (s.remissionMax !== null && latest <= s.remissionMax && s.rules.remission) {
    return { outcome: 'remission', reduction, rule: s.rules.remission };
  }
  if (denominator <= 0) return null;
  if (s.responseReduction !== null && reduction >= s.responseReduction && s.rules.response) {
    return { outcome: 'response', reduction, rule: s.rules.response };
  }
  if (s.partialReduction !== null && reduction >= s.partialReduction && s.rules.partial) {
    return { outcome: 'partial', reduction, rule: s.rules.partial };
  }
  const r = s.rules.partial ?? s.rules.response;
  return r ? { outcome: 'nonresponse', reduction, rule: r } : null;
}

/** The outcome-threshold rules of every scale, each once. */
export function scaleRules(): RuleRef[] {
  const out: RuleRef[] = [];
  for (const s of SCALE_TABLE) {
    if (!s.outcome) continue;
    for (const r of [s.outcome.rules.remission, s.outcome.rules.response, s.outcome.rules.partial]) if (r && !out.some((o) => o.id === r.id)) out.push(r);
  }
  return out;
}

/** The rules that recognise a scale by its LOINC code, each once. */
export function scaleCodeRules(): RuleRef[] {
  const out: RuleRef[] = [];
  for (const s of SCALE_TABLE) for (const c of s.loinc) if (!out.includes(c.rule)) out.push(c.rule);
  return out;
}
