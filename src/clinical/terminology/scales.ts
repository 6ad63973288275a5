/**
 * Symptom scales: score range, remission cut-off and response / partial-response reductions, each with its source.
 * All scales here score higher = worse. Numbers without a primary source are marked 'U' and say so.
 */
import type { Instrument, RuleRef } from '../types';
import { rule } from './rules';
import { SRC } from './sources';
import { INSTRUMENT_LABEL } from '../vocabulary';

export interface ScaleThresholds {
  instrument: Instrument;
  name: string;
  min: number;
  max: number;
  /** A score at or below this is remission; null when no remission cut-off is used. */
  remissionMax: number | null;
  /** Reduction from baseline (fraction) that counts as response (0.5 = 50%). */
  responseReduction: number | null;
  /** Reduction from baseline that counts as partial response (below `responseReduction`); below it is non-response. */
  partialReduction: number | null;
  rules: { remission?: RuleRef; response?: RuleRef; partial?: RuleRef };
  note?: string;
}

/** Non-response < 25% reduction, partial 25-49% (ATRQ clinician guide) [S]; used for every depression scale. */
const PARTIAL_DEPRESSION = rule(
  'scale.depression.partial-response',
  'Partial response = 25-49% reduction from baseline; non-response < 25%.',
  SRC.thresholdsPartial,
  'S',
);

const depression = (
  instrument: Instrument,
  name: string,
  max: number,
  remissionMax: number,
  remissionText: string,
  source: string,
  verification: RuleRef['verification'],
): ScaleThresholds => ({
  instrument,
  name,
  min: 0,
  max,
  remissionMax,
  responseReduction: 0.5,
  partialReduction: 0.25,
  rules: {
    remission: rule(`scale.${instrument}.remission`, `${name} remission: ${remissionText}.`, source, verification),
    response: rule(`scale.${instrument}.response`, `${name} response: >= 50% reduction from baseline.`, source, verification),
    partial: PARTIAL_DEPRESSION,
  },
});

export const SCALES: Record<Instrument, ScaleThresholds | null> = {
  phq9: depression('phq9', INSTRUMENT_LABEL.phq9, 27, 4, 'total < 5', SRC.thresholdsPhq9, 'S'),
  'qids-sr16': depression('qids-sr16', INSTRUMENT_LABEL['qids-sr16'], 27, 5, 'total <= 5', SRC.thresholdsQids, 'V'),
  hamd17: depression('hamd17', INSTRUMENT_LABEL.hamd17, 52, 7, 'total <= 7', SRC.thresholdsHamd, 'V'),
  madrs: depression('madrs', INSTRUMENT_LABEL.madrs, 60, 9, 'total < 10', SRC.thresholdsMadrs, 'V'),
  ybocs: {
    instrument: 'ybocs',
    name: INSTRUMENT_LABEL.ybocs,
    min: 0,
    max: 40,
    remissionMax: 12,
    responseReduction: 0.35,
    partialReduction: 0.25,
    rules: {
      remission: rule('scale.ybocs.remission', 'Y-BOCS remission: post-treatment score <= 12.', SRC.thresholdsYbocs, 'V'),
      response: rule('scale.ybocs.response', 'Y-BOCS response: >= 35% reduction from baseline.', SRC.thresholdsYbocs, 'V'),
      partial: rule(
        'scale.ybocs.partial-response',
        'Y-BOCS partial response: 25-34% reduction (unverified).',
        'Commonly used OCD partial-response band; not confirmed in a primary source',
        'U',
      ),
    },
  },
  gad7: {
    instrument: 'gad7',
    name: INSTRUMENT_LABEL.gad7,
    min: 0,
    max: 21,
    remissionMax: 4,
    responseReduction: 0.5,
    partialReduction: 0.25,
    rules: {
      remission: rule('scale.gad7.remission', 'GAD-7 remission: total < 5 (unverified).', 'GAD-7 "minimal anxiety" band 0-4; not confirmed in a primary source', 'U'),
      response: rule('scale.gad7.response', 'GAD-7 response: >= 50% reduction (unverified).', 'By analogy with PHQ-9; not confirmed in a primary source', 'U'),
      partial: PARTIAL_DEPRESSION,
    },
    note: 'GAD-7 thresholds have no primary source here (unverified)',
  },
  panss: {
    instrument: 'panss',
    name: INSTRUMENT_LABEL.panss,
    min: 30,
    max: 210,
    remissionMax: null,
    responseReduction: 0.2,
    partialReduction: null,
    rules: {
      response: rule('scale.panss.response', 'PANSS: < 20% reduction over >= 6 weeks is non-response (TRRIP).', SRC.thresholdsTrrip, 'V'),
    },
    note: 'reduction is computed above the scale floor (PANSS total minus 30), as is usual for TRRIP',
  },
  bprs: {
    instrument: 'bprs',
    name: INSTRUMENT_LABEL.bprs,
    min: 18,
    max: 126,
    remissionMax: null,
    responseReduction: 0.2,
    partialReduction: null,
    rules: {
      response: rule('scale.bprs.response', 'BPRS: < 20% reduction over >= 6 weeks is non-response (TRRIP).', SRC.thresholdsTrrip, 'V'),
    },
  },
  caps5: {
    instrument: 'caps5',
    name: INSTRUMENT_LABEL.caps5,
    min: 0,
    max: 80,
    remissionMax: null,
    responseReduction: 0.3,
    partialReduction: null,
    rules: {
      response: rule('scale.caps5.response', 'CAPS-5 response: >= 30% reduction (unverified).', 'Common PTSD trial convention; not confirmed in a primary source', 'U'),
    },
    note: 'PTSD scale thresholds have no primary source here (unverified)',
  },
  pcl5: {
    instrument: 'pcl5',
    name: INSTRUMENT_LABEL.pcl5,
    min: 0,
    max: 80,
    remissionMax: null,
    responseReduction: null,
    partialReduction: null,
    rules: {},
    note: 'no response threshold with a primary source for PCL-5',
  },
  // Item and screening scores: no treatment-outcome thresholds.
  'phq9-item9': null,
  phq2: null,
  cssrs: null,
};

/** Valid score ranges, including the scales without outcome thresholds. */
export const SCORE_RANGES: Record<Instrument, { min: number; max: number }> = {
  phq9: { min: 0, max: 27 },
  'phq9-item9': { min: 0, max: 3 },
  phq2: { min: 0, max: 6 },
  gad7: { min: 0, max: 21 },
  madrs: { min: 0, max: 60 },
  hamd17: { min: 0, max: 52 },
  'qids-sr16': { min: 0, max: 27 },
  ybocs: { min: 0, max: 40 },
  cssrs: { min: 0, max: 6 },
  panss: { min: 30, max: 210 },
  bprs: { min: 18, max: 126 },
  caps5: { min: 0, max: 80 },
  pcl5: { min: 0, max: 80 },
};

/** Response/remission thresholds of a scale with their sources, or null for item/screening scores (PHQ-9 item 9, PHQ-2, C-SSRS). */
export function scaleThresholds(instrument: Instrument): ScaleThresholds | null {
  return SCALES[instrument] ?? null;
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

export function scaleRules(): RuleRef[] {
  const out: RuleRef[] = [];
  for (const s of Object.values(SCALES)) {
    if (!s) continue;
    for (const r of [s.rules.remission, s.rules.response, s.rules.partial]) if (r && !out.some((o) => o.id === r.id)) out.push(r);
  }
  return out;
}
