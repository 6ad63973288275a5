/**
 * How a running trial stands, as the summary's regimen line says it. Adequacy (dose × time) is not success: an adequate
 * trial is good news only when it responded; one without response reads as a failing trial, one not yet judged by a
 * score reads as unjudged. A table by outcome, so the words and the standing are read side by side.
 */
import { ADEQUACY_VERDICT_TRIAL_WORDS, adequacyVerdictOf, CONDITION_SHORT, instrumentLabel, OUTCOME_WORDS } from './vocabulary';
import type { Assessment, Finding, Outcome, Trial } from './types';

/** responding (the only good news), not-responding, adequate-unjudged, or short of adequacy (not yet, unconfirmed, or not). */
export type RegimenStanding =
  | 'responding'
  | 'maintenance'
  | 'not-responding'
  | 'adequate-unjudged'
  | 'adequacy-not-judged'
  | 'not-yet-adequate'
  | 'adequacy-unconfirmed'
  | 'not-adequate';

interface RegimenVerdict {
  standing: RegimenStanding;
  /** "adequate dose and time, but non-response (PHQ-9 20 → 19, 2026-11-21)" */
  text: string;
}

/** An adequate running trial by its outcome: its standing, and the words after "adequate dose and time". */
const ADEQUATE_BY_OUTCOME: Record<Outcome, { standing: RegimenStanding; words: string }> = {
  remission: { standing: 'responding', words: `with ${OUTCOME_WORDS.remission}` },
  response: { standing: 'responding', words: `with ${OUTCOME_WORDS.response}` },
  partial: { standing: 'not-responding', words: `but only a ${OUTCOME_WORDS.partial}` },
  nonresponse: { standing: 'not-responding', words: `but ${OUTCOME_WORDS.nonresponse}` },
  // Only an ended trial is too short to judge; a running one is judged as it goes.
  'too-short': { standing: 'adequate-unjudged', words: `reached; ${OUTCOME_WORDS['too-short']}` },
  intolerance: { standing: 'not-responding', words: `but ${OUTCOME_WORDS.intolerance}` },
  ongoing: { standing: 'adequate-unjudged', words: 'reached; no score judges the response yet' },
  unknown: { standing: 'adequate-unjudged', words: `reached; ${OUTCOME_WORDS.unknown}` },
};

/**
 * The engine's verdict on a running trial: adequacy first, then, for an adequate one, whether it works. `staleBases`
 * are the assessments' stale bases: an outcome resting on a score one of them names says it must be re-measured.
 */
export function regimenVerdict(trial: Trial, staleBases: readonly Finding[] = [], assessments: readonly Assessment[] = []): RegimenVerdict {
  if (!trial.adequate) {
    // No rule judged it: say so, never "not adequate".
    if (adequacyVerdictOf(trial) === 'not-judged')
      return { standing: 'adequacy-not-judged', text: `${ADEQUACY_VERDICT_TRIAL_WORDS['not-judged']}: ${trial.adequacyReason}` };
    const reason = trial.adequacyReason.replace(/^(?:(?:not\s+)?adequate|adequacy unconfirmed):\s*/i, '');
    if (trial.adequacyUnconfirmed) return { standing: 'adequacy-unconfirmed', text: `adequacy unconfirmed: ${reason}` };
    return trial.adequacyPending ? { standing: 'not-yet-adequate', text: `not yet adequate: ${reason}` } : { standing: 'not-adequate', text: `not adequate: ${reason}` };
  }
  const row = ADEQUATE_BY_OUTCOME[trial.outcome];
  // Running on after its disorder resolved: the resolution is its outcome, and no score is awaited.
  const resolved = row.standing === 'adequate-unjudged' ? assessments.find((a) => a.resolved?.sources.some((s) => trial.sources.includes(s))) : undefined;
  if (resolved?.resolved)
    return { standing: 'maintenance', text: `adequate dose and time; maintenance since ${CONDITION_SHORT[resolved.condition]} resolved${resolved.resolved.on ? ` ${resolved.resolved.on}` : ''}` };
  const b = trial.baselineScore;
  const f = trial.followUpScore;
  // The scores the outcome rests on, with the date it was judged: an old judgement reads as old.
  const stale = f !== null && staleBases.some((s) => s.sources.includes(f.source)) ? '; no score since: re-measure before referral' : '';
  const scores =
    !f || row.standing === 'adequate-unjudged'
      ? ''
      : b
        ? ` (${instrumentLabel(f.instrument)} ${b.value} → ${f.value}, ${f.date}${stale})`
        : ` (${instrumentLabel(f.instrument)} ${f.value}, ${f.date}${stale})`;
  return { standing: row.standing, text: `adequate dose and time ${row.words}${scores}` };
}
