/** A trial together with the engine's judgements of it in one condition's context (used by staging and assessments). */
import type { AdequacyResult } from '../pipeline/6-adequacy';
import type { OutcomeResult } from '../pipeline/7-outcome';
import type { TrialDraft } from '../pipeline/2-trials';
import type { TrialRole } from '../types';
import { isoDate } from '../dates';
import type { DescribedTrial } from '../vocabulary';

export interface JudgedTrial {
  draft: TrialDraft;
  adequacy: AdequacyResult;
  outcome: OutcomeResult;
  role: TrialRole;
  addedTo?: string;
}

/** A failure in the sense of the TRD definitions: an adequate trial without (sufficient) response. Intolerance is not one. */
export function isFailedAdequate(t: JudgedTrial, countResponseWithoutRemission = false): boolean {
  if (!t.adequacy.adequate) return false;
  const o = t.outcome.outcome;
  return o === 'nonresponse' || o === 'partial' || (countResponseWithoutRemission && o === 'response');
}

/** What the vocabulary's describeTrial reads, of a trial the engine is still judging. */
export function describedTrial(t: JudgedTrial): DescribedTrial {
  const d = t.draft;
  return {
    ingredient: d.ingredient,
    maxDailyDoseMg: d.maxSustainedDoseMg,
    doseRange: d.doseRange,
    daysAtMaxDailyDose: d.daysAtMaxSustainedDose,
    durationDays: d.end - d.start + 1,
    start: isoDate(d.start),
    end: d.ongoing ? null : isoDate(d.end),
  };
}

/** The add-ons (augmentation or combination) among an episode's trials, counted and not, for the staging scores. */
export interface CountedAugmentations {
  /** Adequate by the augmentation rules: what Maudsley's item and MGH-S's 0.5 points count. */
  counted: JudgedTrial[];
  /** Add-ons not counted, with why (not adequate: too short, below the dose or level, ...). */
  notCounted: JudgedTrial[];
}

/**
 * One list of augmentations for both staging scores, so Maudsley and MGH-S agree on what they count: every
 * augmentation or combination trial of the episode that was adequate by the augmentation rules (hypnotic doses are
 * not add-ons at all).
 */
export function countedAugmentations(trials: readonly JudgedTrial[]): CountedAugmentations {
  const addOns = trials.filter((t) => t.role === 'augmentation' || t.role === 'combination');
  return { counted: addOns.filter((t) => t.adequacy.adequate), notCounted: addOns.filter((t) => !t.adequacy.adequate) };
}

/** "lithium (augmentation), mirtazapine (combination)" */
export function describeAddOns(trials: readonly JudgedTrial[]): string {
  return trials.map((t) => `${t.draft.ingredient} (${t.role})`).join(', ');
}
