/**
 * Adherence from the evidence a record holds: the proportion of days covered (PDC) by dispenses over the trial window,
 * and plasma levels of the agent drawn during the trial (TRRIP asks for both kinds of evidence, Howes 2017).
 * Early refills are shifted forward (the usual PDC convention), so overlapping supplies are not double counted,
 * and coverage is capped at the window's end.
 */
import type { MedicationEvent } from '../events';
import { type Day, isoDate } from '../dates';

export interface AdherenceResult {
  pdc: number;
  coveredDays: number;
  windowDays: number;
  dispenses: number;
}

/**
 * PDC over [first dispense, trial end]: the window starts at the first dispense, because before it the agent may
 * have been supplied outside the pharmacy data (samples, another pharmacy), which dispenses cannot show.
 * Null without dispenses.
 */
export function proportionOfDaysCovered(events: MedicationEvent[], trialEnd: Day): AdherenceResult | null {
  const dispenses = events.filter((e) => e.kind === 'dispense').sort((a, b) => a.start - b.start);
  if (dispenses.length === 0) return null;
  const windowStart = dispenses[0]!.start;
  const windowDays = trialEnd - windowStart + 1;
  if (windowDays <= 0) return null;
  let covered = 0;
  let suppliedUntil = windowStart - 1; // last day already covered
  for (const d of dispenses) {
    const days = d.daysSupply ?? d.end - d.start + 1;
    const from = Math.max(d.start, suppliedUntil + 1);
    const to = Math.min(from + days - 1, trialEnd);
    if (to >= from) {
      covered += to - from + 1;
      suppliedUntil = to;
    }
  }
  return { pdc: Math.min(1, covered / windowDays), coveredDays: covered, windowDays, dispenses: dispenses.length };
}

/** A plasma or serum level of a psychiatric drug on a day (from an Observation). */
export interface DrugLevelPoint {
  ingredient: string;
  day: Day;
  /** As recorded; null when the record gives only "not detected" or "< limit". */
  value: number | null;
  unit: string | null;
  /** Not detected or below the limit of quantification. */
  undetectable: boolean;
  source: string;
  /** Other drugs whose trials the level also evidences (a 9-hydroxyrisperidone level for risperidone). */
  alsoFor?: readonly string[];
}

/** A level drawn up to this many days after the last recorded day of a trial still reflects it (a missed stop date). */
export const LEVEL_AFTER_TRIAL_DAYS = 7;

/**
 * What the record says about adherence to one trial: poor (dispenses below the threshold, or an undetectable level),
 * evidenced (dispenses at or above it, or a measurable level), or unknown (neither dispenses nor levels).
 */
export type AdherenceStatus = 'poor' | 'evidenced' | 'unknown';

export interface AdherenceEvidence {
  status: AdherenceStatus;
  pdc: number | null;
  /** Levels of the trial's agent drawn during it. */
  levels: DrugLevelPoint[];
  /** Why adherence is poor ("adherence 55%", "level undetectable on 2025-03-01"); empty otherwise. */
  poorReasons: string[];
}

export function adherenceEvidence(pdc: number | null, levels: readonly DrugLevelPoint[], minPdc: number): AdherenceEvidence {
  const poorReasons: string[] = [];
  if (pdc !== null && pdc < minPdc) poorReasons.push(`adherence ${Math.round(pdc * 100)}%`);
  for (const l of levels) if (l.undetectable) poorReasons.push(`${l.ingredient} level undetectable on ${isoDate(l.day)}`);
  const measurable = levels.some((l) => !l.undetectable);
  const status: AdherenceStatus = poorReasons.length > 0 ? 'poor' : (pdc !== null || measurable) ? 'evidenced' : 'unknown';
  return { status, pdc, levels: [...levels], poorReasons };
}
