/**
 * Adherence as the proportion of days covered (PDC) by dispenses over the trial window.
 * Early refills are shifted forward (the usual PDC convention), so overlapping supplies are not double counted,
 * and coverage is capped at the window's end.
 */
import type { MedicationEvent } from '../events';
import type { Day } from '../dates';

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
