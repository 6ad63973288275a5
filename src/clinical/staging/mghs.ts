/**
 * MGH staging (Fava 2003): +1 per adequate (long enough at adequate dose) non-responsive antidepressant trial, +0.5 per
 * optimisation of dose, +0.5 per optimisation of duration, +0.5 per augmentation or combination, +3 for ECT.
 * Optimisation of dose is raising the dose beyond the minimum adequate dose (titrating up to it is how every trial
 * starts); optimisation of duration, for which the paper gives no threshold, is holding the adequate dose for at least
 * twice the adequate duration (working rule, MGHS_DURATION_OPTIMISATION_WEEKS).
 */
import { MGHS_DURATION_OPTIMISATION_WEEKS } from '../durations';
import type { ProcedureMark } from '../types';
import { type CountedAugmentations, type JudgedTrial, describeAddOns, isFailedAdequate } from './judged';
import { countOf } from '../plain-text';
import { LOCAL_WORKING_RULE } from '../references/registry';

/** True when, after a stretch at or above the adequate dose, the dose was raised further. */
function optimisedBeyondAdequate(t: JudgedTrial): boolean {
  const threshold = t.adequacy.adequateDoseMg;
  if (threshold === null) return false;
  const cpz = t.adequacy.cpzBySegment;
  let adequateDose: number | null = null;
  for (const s of t.draft.segments) {
    if (s.doseMg === null) continue;
    // The dose as the threshold is stated: chlorpromazine equivalents where the adequacy rule uses them.
    const c = cpz ? cpz.get(s) ?? null : s.doseMg;
    if (c === null) continue;
    if (adequateDose !== null && s.doseMg > adequateDose) return true;
    if (c >= threshold) adequateDose = adequateDose === null ? s.doseMg : Math.max(adequateDose, s.doseMg);
  }
  return false;
}

/** True when the trial was held at or above its adequate dose for at least MGHS_DURATION_OPTIMISATION_WEEKS. */
function optimisedDuration(t: JudgedTrial): boolean {
  return t.adequacy.daysAtAdequateDose >= MGHS_DURATION_OPTIMISATION_WEEKS * 7;
}

export function mghsScore(
  antidepressantTrials: JudgedTrial[],
  augmentations: CountedAugmentations,
  ectInEpisode: ProcedureMark[],
): { score: number; basis: string } {
  const failed = antidepressantTrials.filter((t) => isFailedAdequate(t));
  // Dose optimisation counted on non-responsive trials, where raising the dose was an attempt to rescue it.
  const optimised = failed.filter(optimisedBeyondAdequate);
  // Duration optimisation likewise: a non-responsive trial given longer than an adequate trial needs.
  const prolonged = failed.filter(optimisedDuration);
  // The same add-ons Maudsley's augmentation item counts (countedAugmentations): adequate ones only.
  const addOns = augmentations.counted;
  const ect = ectInEpisode.length > 0 ? 3 : 0;
  const score = failed.length + 0.5 * optimised.length + 0.5 * prolonged.length + 0.5 * addOns.length + ect;
  const basis = [
    `${countOf(failed.length, 'failed adequate trial')} × 1`,
    `${countOf(optimised.length, 'dose optimisation')} beyond the minimum adequate dose × 0.5`,
    `${countOf(prolonged.length, 'duration optimisation')} (≥ ${MGHS_DURATION_OPTIMISATION_WEEKS} weeks at adequate dose, ${LOCAL_WORKING_RULE}) × 0.5`,
    `${countOf(addOns.length, 'adequate augmentation or combination', 'adequate augmentations or combinations')}${addOns.length ? ` (${describeAddOns(addOns)})` : ''} × 0.5`,
    ect ? 'ECT + 3' : 'no ECT',
  ].join(' + ');
  return { score, basis };
}
