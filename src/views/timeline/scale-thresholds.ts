/**
 * The response and remission thresholds the score charts draw, in the shape the charts need.
 * The numbers belong to the terminology layer (src/clinical/terminology `scaleThresholds`, each with its
 * source); this file only adapts them, so no clinical number is duplicated in the view.
 */
import { SCORE_CHART_RANGES, scaleThresholds } from '../../clinical/terminology';
import { SCREEN_POSITIVE } from '../../clinical/safety';
import type { Instrument, Verification } from '../../clinical/types';
import { type ScoreRangeLookup } from './layout/scores';

export interface ScaleThresholdsView {
  /** Scores at or below this value count as remission; null when the scale has no remission cut-off. */
  remissionMax: number | null;
  /** Response = at least this fraction reduction from baseline (0.5 = 50%), measured above `floor`; null when none. */
  responseReduction: number | null;
  /** Lowest possible score (PANSS starts at 30): reductions are measured above it. */
  floor: number;
  /** Highest possible score, for the chart's y axis; null when unknown. */
  ceiling: number | null;
  /** Citation of the numbers, shown in the chart's description. */
  source: string;
  /** The weakest verification among the rules behind the numbers. */
  verification: Verification;
}

export type ThresholdLookup = (instrument: Instrument) => ScaleThresholdsView | null;

const WEAKEST: Verification[] = ['U', 'S', 'derived', 'V'];

export const terminologyThresholds: ThresholdLookup = (instrument) => {
  const t = scaleThresholds(instrument);
  if (!t) return null;
  const rules = [t.rules.remission, t.rules.response].filter((r) => r !== undefined);
  const verification = WEAKEST.find((v) => rules.some((r) => r.verification === v)) ?? 'U';
  return {
    remissionMax: t.remissionMax,
    responseReduction: t.responseReduction,
    floor: t.min,
    ceiling: t.max,
    source: [...new Set(rules.map((r) => r.source))].join('; '),
    verification,
  };
};

/**
 * Each scale's chart range from the terminology table (PHQ-9 item 9: 0-3; PANSS: 30 to its chart top, 120), with the threshold mark of a
 * screening item from the safety rules' table (PHQ-9 item 9 positive at 1 or more; C-SSRS high risk at 4 or more).
 */
export const terminologyRanges: ScoreRangeLookup = (instrument) => {
  const range = SCORE_CHART_RANGES[instrument];
  if (!range) return null;
  const flag = SCREEN_POSITIVE[instrument];
  return flag ? { min: range.min, max: range.max, flagAtOrAbove: flag.atOrAbove, flagText: flag.words } : { min: range.min, max: range.max };
};
