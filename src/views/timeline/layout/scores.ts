/**
 * Symptom score charts, one per instrument: dots, baselines, response and remission lines.
 */
import { scaleLinear, type ScaleTime } from 'd3-scale';
import type {
  Instrument, ScorePoint,
  Trial
} from '../../../clinical/types';
import { INSTRUMENT_LABEL } from '../../../clinical/vocabulary';
import { INSTRUMENT_ORDER } from '../labels';
import { responseScore } from '../../../clinical/terminology';
import type { ScaleThresholdsView } from '../scale-thresholds';
import { parseDate } from './domain';

// ---------------------------------------------------------------------------------------------
// Symptom score charts
// ---------------------------------------------------------------------------------------------

/** A scale's valid range and, for safety items, the score from which a line is drawn (terminology tables). */
export interface ScoreRangeView {
  min: number;
  max: number;
  flagAtOrAbove?: number | null;
  flagText?: string;
}

export type ScoreRangeLookup = (instrument: Instrument) => ScoreRangeView | null;

export interface ScoreDot {
  x: number;
  y: number;
  point: ScorePoint;
  baseline: boolean;
}

export interface ResponseSegment {
  x0: number;
  x1: number;
  y: number;
  baselineValue: number;
  responseValue: number;
  trialId: string;
}

export interface ScoreChart {
  instrument: Instrument;
  label: string;
  top: number;
  height: number;
  /** The y axis runs from the scale's minimum to its maximum. */
  yMin: number;
  yMax: number;
  yTicks: { y: number; value: number }[];
  /** A safety threshold line (PHQ-9 item 9: any answer above 0), null when the scale has none. */
  flag: { y: number; value: number; text: string } | null;
  dots: ScoreDot[];
  /** The remission cut-off line ("< 5" or "≤ 7"). */
  remission: { y: number; value: number; text: string } | null;
  responses: ResponseSegment[];
  thresholds: ScaleThresholdsView | null;
}

export function remissionText(t: ScaleThresholdsView): string {
  return t.remissionMax === null ? 'no remission cut-off' : `remission ≤ ${t.remissionMax}`;
}

/** The score a trial must reach for "response", by the engine's rule for the scale. */
export function responseValueOf(baseline: number, t: ScaleThresholdsView): number | null {
  return responseScore({ min: t.floor, responseReduction: t.responseReduction }, baseline);
}

export function layoutScoreCharts(
  scores: ScorePoint[],
  trials: Trial[],
  thresholdsOf: (instrument: Instrument) => ScaleThresholdsView | null,
  asOf: Date,
  x: ScaleTime<number, number>,
  top: number,
  chartHeight: number,
  gap: number,
  rangeOf: ScoreRangeLookup = () => null,
): { charts: ScoreChart[]; height: number } {
  const byInstrument = new Map<Instrument, ScorePoint[]>();
  for (const s of scores) {
    if (!parseDate(s.date)) continue;
    const list = byInstrument.get(s.instrument) ?? [];
    list.push(s);
    byInstrument.set(s.instrument, list);
  }
  // A scale the order does not name (one added to the scale table since) comes after those it names.
  const rank = (i: Instrument) => (INSTRUMENT_ORDER.includes(i) ? INSTRUMENT_ORDER.indexOf(i) : INSTRUMENT_ORDER.length);
  const instruments = [...byInstrument.keys()].sort((a, b) => rank(a) - rank(b));
  const charts: ScoreChart[] = [];
  let y0 = top;
  for (const instrument of instruments) {
    const points = byInstrument.get(instrument)!.slice().sort((a, b) => parseDate(a.date)!.getTime() - parseDate(b.date)!.getTime());
    const thresholds = thresholdsOf(instrument);
    const range = rangeOf(instrument);
    // The scale's whole range (PHQ-9 item 9 is 0-3, PANSS 30-210), so a score reads against its scale, not
    // against the other scores; a value outside the range (a data error) widens it rather than falling off the chart.
    const scaleMin = range?.min ?? thresholds?.floor ?? 0;
    const scaleMax = range?.max ?? thresholds?.ceiling ?? null;
    const maxValue = Math.max(...points.map((p) => p.value), scaleMax ?? 1);
    const minValue = Math.min(...points.map((p) => p.value), scaleMin);
    const base = scaleLinear().domain([minValue, maxValue]);
    const yScale = (scaleMax === null ? base.nice(4) : base).range([y0 + chartHeight - 4, y0 + 6]);
    const [yMin, yMax] = yScale.domain() as [number, number];
    // Both ends of the scale are labelled; inner ticks only where they do not crowd an end label.
    const inner = yScale.ticks(3).filter((v) => Math.abs(yScale(v) - yScale(yMin)) >= 14 && Math.abs(yScale(v) - yScale(yMax)) >= 14);
    const tickValues = [yMin, ...inner, yMax];

    const baselineSources = new Set<string>();
    const responses: ResponseSegment[] = [];
    for (const trial of trials) {
      // The engine's baseline: the score the trial's outcome is measured from, on the scale it is measured by.
      const base = trial.baselineScore;
      if (!base || base.instrument !== instrument) continue;
      const responseValue = thresholds ? responseValueOf(base.value, thresholds) : null;
      // A baseline is marked only where a response is measured from it (not on item 9, C-SSRS or a scale without one).
      if (responseValue === null) continue;
      baselineSources.add(base.source);
      const start = parseDate(base.date)!;
      const end = trial.end === null ? asOf : parseDate(trial.end);
      if (!end) continue;
      responses.push({ x0: x(start), x1: x(end), y: yScale(responseValue), baselineValue: base.value, responseValue, trialId: trial.id });
    }
    charts.push({
      instrument,
      label: INSTRUMENT_LABEL[instrument] ?? instrument,
      top: y0,
      height: chartHeight,
      yMax,
      yMin,
      yTicks: tickValues.map((value) => ({ value, y: yScale(value) })),
      flag:
        range?.flagAtOrAbove == null
          ? null
          : { value: range.flagAtOrAbove, y: yScale(range.flagAtOrAbove), text: range.flagText ?? `≥ ${range.flagAtOrAbove}` },
      dots: points.map((point) => ({
        x: x(parseDate(point.date)!),
        y: yScale(point.value),
        point,
        baseline: baselineSources.has(point.source),
      })),
      remission:
        thresholds?.remissionMax == null
          ? null
          : { value: thresholds.remissionMax, y: yScale(thresholds.remissionMax), text: remissionText(thresholds) },
      responses,
      thresholds,
    });
    y0 += chartHeight + gap;
  }
  return { charts, height: Math.max(0, y0 - top - gap) };
}
