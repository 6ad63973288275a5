/**
 * The headline ("Next step") the page and the note lead with, chosen here from the ordered suggestions and the
 * assessments, so no view picks it: an urgent option always leads; a trial still running while treatment resistance is
 * not met is completed first; when no option is more than "consider", none is indicated, and the headline says so
 * (with the trial to complete, if one runs); otherwise the first offered option leads.
 */
import type { Assessment, NextStep, Suggestion } from '../types';
import { NO_OPTION_INDICATED, completeTrialWords } from '../vocabulary';
import { COMPLETE_TRIAL_ONCE_RESISTANT } from './catalog';

const offered = (s: Suggestion) => s.status === 'suggested' || s.status === 'consider';

/**
 * The running trial to complete in an assessment whose resistance is not met, or whose condition completes its running
 * trial first even once it is (OCD), if any.
 */
function trialToCompleteBeforeResistance(assessments: readonly Assessment[]): Assessment['trialToComplete'] | undefined {
  return assessments.find((a) => (!a.treatmentResistant || COMPLETE_TRIAL_ONCE_RESISTANT.has(a.condition)) && a.trialToComplete)?.trialToComplete;
}

export function chooseNextStep(suggestions: readonly Suggestion[], assessments: readonly Assessment[]): NextStep {
  const ranked = suggestions.filter(offered).sort((a, b) => Number(a.status === 'consider') - Number(b.status === 'consider') || a.order - b.order);
  const first = ranked[0];
  if (!first) return { kind: 'nothing', text: '', sources: [] };
  const urgent = ranked.find((s) => s.urgent);
  if (urgent) return { kind: 'option', intervention: urgent.intervention, text: '', sources: [] };
  const toComplete = trialToCompleteBeforeResistance(assessments);
  if (toComplete) return { kind: 'complete-trial', text: completeTrialWords(toComplete.text), sources: toComplete.sources };
  if (first.status === 'consider') {
    const running = assessments.find((a) => a.trialToComplete)?.trialToComplete;
    return {
      kind: 'none-indicated',
      text: running ? `${NO_OPTION_INDICATED}; ${completeTrialWords(running.text).replace(/^C/, 'c')}` : NO_OPTION_INDICATED,
      sources: running?.sources ?? [],
    };
  }
  return { kind: 'option', intervention: first.intervention, text: '', sources: [] };
}
