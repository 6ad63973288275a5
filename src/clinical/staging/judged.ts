/** A trial together with the engine's judgements of it in one condition's context (used by staging and assessments). */
import type { AdequacyResult } from '../adequacy';
import type { OutcomeResult } from '../outcome';
import type { TrialDraft } from '../trials';
import type { DrugClass, TrialRole } from '../types';

export interface JudgedTrial {
  draft: TrialDraft;
  adequacy: AdequacyResult;
  outcome: OutcomeResult;
  role: TrialRole;
  addedTo?: string;
}

export const ANTIDEPRESSANT_CLASSES = new Set<DrugClass>(['ssri', 'snri', 'tca', 'maoi', 'atypical-antidepressant']);

/** A failure in the sense of the TRD definitions: an adequate trial without (sufficient) response. Intolerance is not one. */
export function isFailedAdequate(t: JudgedTrial, countResponseWithoutRemission = false): boolean {
  if (!t.adequacy.adequate) return false;
  const o = t.outcome.outcome;
  return o === 'nonresponse' || o === 'partial' || (countResponseWithoutRemission && o === 'response');
}

/** "sertraline 100 mg × 10 weeks" */
export function describeTrial(t: JudgedTrial): string {
  const weeks = Math.floor((t.draft.end - t.draft.start + 1) / 7);
  const dose = t.draft.maxSustainedDoseMg === null ? 'dose unknown' : `${t.draft.maxSustainedDoseMg} mg`;
  return `${t.draft.ingredient} ${dose} × ${weeks} weeks`;
}
