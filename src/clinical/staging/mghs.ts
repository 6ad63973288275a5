/**
 * MGH staging (MGH-S), PLoS One 2020 PMC7392234 panel 1 (FACTS.md §2.3 [V]): +1 per adequate (>= 6 weeks,
 * adequate dose) non-responsive antidepressant trial, +0.5 per dose optimisation, +0.5 per augmentation or
 * combination, +3 for ECT.
 */
import type { ProcedureMark } from '../types';
import { doseWasRaised } from '../trials';
import { type JudgedTrial, isFailedAdequate } from './judged';

export function mghsScore(
  antidepressantTrials: JudgedTrial[],
  addOnTrials: JudgedTrial[],
  ectInEpisode: ProcedureMark[],
): { score: number; basis: string } {
  const failed = antidepressantTrials.filter((t) => isFailedAdequate(t));
  // Dose optimisation counted on non-responsive trials, where raising the dose was an attempt to rescue it.
  const optimised = failed.filter((t) => doseWasRaised(t.draft.segments));
  const addOns = addOnTrials.filter((t) => t.role === 'augmentation' || t.role === 'combination');
  const ect = ectInEpisode.length > 0 ? 3 : 0;
  const score = failed.length + 0.5 * optimised.length + 0.5 * addOns.length + ect;
  const basis = [
    `${failed.length} failed adequate trial(s) × 1`,
    `${optimised.length} dose optimisation(s) × 0.5`,
    `${addOns.length} augmentation/combination(s) × 0.5`,
    ect ? 'ECT + 3' : 'no ECT',
  ].join(' + ');
  return { score, basis };
}
