/**
 * The response and remission thresholds the score charts draw, in the shape the charts need.
 * The numbers themselves belong to the terminology layer (src/clinical/terminology, `scaleThresholds`);
 * this file only adapts them, so no clinical number is duplicated in the view.
 */
import type { Instrument, Verification } from '../../clinical/types';

export interface ScaleThresholdsView {
  /** Remission cut-off (scores below it, or at or below it when inclusive); null when the scale has none. */
  remissionMax: number | null;
  remissionInclusive: boolean;
  /** Response = at least this fraction reduction from baseline (0.5 = 50%); null when none. */
  responseReduction: number | null;
  /** Citation of the numbers, shown in the legend. */
  source: string;
  verification: Verification;
}

export type ThresholdLookup = (instrument: Instrument) => ScaleThresholdsView | null;

/** Used until the terminology layer provides thresholds: the charts then say so instead of drawing lines. */
export const noThresholds: ThresholdLookup = () => null;
