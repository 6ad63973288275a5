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
  return { ingredient: d.ingredient, maxDailyDoseMg: d.maxSustainedDoseMg, durationDays: d.end - d.start + 1, start: isoDate(d.start), end: d.ongoing ? null : isoDate(d.end) };
}
