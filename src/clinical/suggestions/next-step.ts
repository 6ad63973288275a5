/**
 * The headline ("Next step") the page and the note lead with, chosen here from the ordered suggestions and the
 * assessments, so no view picks it: an urgent option always leads; a trial still running short of adequacy is completed
 * first while treatment resistance is not met, and once it is, as its condition's row says (RUNNING_TRIAL_ONCE_RESISTANT:
 * completed first with the reason no referral is suggested yet, or the referrals made while it finishes and started
 * once it is judged); when no option is more than "consider", none is indicated, and the headline says so (with the
 * trial to complete, if one runs); a leading referral resting on a stale score is preceded by re-measuring
 * (REMEASURE_BEFORE_REFERRAL); otherwise the first offered option leads.
 */
import type { Assessment, Derivation, InterventionId, NextStep, Suggestion } from '../types';
import { NO_OPTION_INDICATED, completeTrialWords, instrumentLabel, orList } from '../vocabulary';
import { catalogOption, REMEASURE_BEFORE_REFERRAL, RUNNING_TRIAL_ONCE_RESISTANT, type RunningTrialOnceResistantRow } from './catalog';
import { REFERENCES } from '../references/registry';
import { VERIFICATION_WORDS } from '../vocabulary';
import { shortName } from './order';

const offered = (s: Suggestion) => s.status === 'suggested' || s.status === 'consider';

/**
 * Each row's sources by name, worded once: the headline cites briefly, the option's reason in full. A working rule's
 * name already says it is unverified; other sources carry their tag.
 */
const BRIEF_CITATION: ReadonlyMap<RunningTrialOnceResistantRow, string> = new Map(
  Object.values(RUNNING_TRIAL_ONCE_RESISTANT).map((row) => {
    const names = row.source.refs.map((id) => REFERENCES[id].short).join('; ');
    return [row, row.source.refs.includes('projectWorkingRule') ? names : `${names} [${VERIFICATION_WORDS[row.source.verification]}]`];
  }),
);


/**
 * The running trial that leads the headline, with what follows it: none while resistance is not met; once it is, the
 * reason no referral is suggested yet (complete-first), or the suggested referrals it is judged before.
 */
function trialToComplete(assessments: readonly Assessment[], ranked: readonly Suggestion[]): { text: string; sources: string[] } | undefined {
  for (const a of assessments) {
    const trial = a.trialToComplete;
    if (!trial) continue;
    if (!a.treatmentResistant) return { text: completeTrialWords(trial.text), sources: trial.sources };
    const row = RUNNING_TRIAL_ONCE_RESISTANT[a.condition];
    if (row.policy === 'not-gated') continue;
    if (row.policy === 'complete-first') {
      return { text: `${completeTrialWords(trial.text)}; ${row.headline ?? row.why} (${BRIEF_CITATION.get(row)!})`, sources: trial.sources };
    }
    const referrals = ranked.filter((s) => s.status === 'suggested' && catalogOption(s.intervention).group === 'interventional' && catalogOption(s.intervention).indications.includes(a.condition));
    const before = referrals.length ? `judge it before starting ${orList(referrals.map(shortName))}` : 'judge it before the next step';
    return { text: `${completeTrialWords(trial.text)}; ${before}`, sources: trial.sources };
  }
  return undefined;
}

/** The scale to repeat before the leading referral, which rests on its stale score: "Re-measure (PHQ-9 with item 9) before referral". */
function remeasureFirst(leading: Suggestion, assessments: readonly Assessment[]): { text: string; sources: string[] } | undefined {
  const indications = catalogOption(leading.intervention).indications;
  const a = assessments.find((x) => x.staleBasis && x.staleBasisInstrument && indications.includes(x.condition));
  if (!a?.staleBasis || !a.staleBasisInstrument) return undefined;
  const scale = REMEASURE_BEFORE_REFERRAL.scaleWords[a.staleBasisInstrument] ?? instrumentLabel(a.staleBasisInstrument);
  return { text: `Re-measure (${scale}) before referral`, sources: a.staleBasis.sources };
}

/**
 * The options held only on trials not yet judged, with what to record to judge them: "record the response to
 * fluoxetine (a PHQ-9 … score now): rTMS only if fluoxetine is judged a failure". Undefined when none is.
 */
function judgeFirst(ranked: readonly Suggestion[], assessments: readonly Assessment[]): { text: string; sources: string[] } | undefined {
  const held = ranked.filter((s) => s.startsAfter?.confirm);
  if (!held.length) return undefined;
  const conditions = new Set(held.flatMap((s) => catalogOption(s.intervention).indications));
  const confirm = [...new Set(assessments.filter((a) => conditions.has(a.condition)).flatMap((a) => (a.unconfirmedTrials ?? []).map((u) => u.confirm)))];
  // Options waiting on the same trials are named together.
  const byCondition = new Map<string, Suggestion[]>();
  for (const s of held) byCondition.set(s.startsAfter!.text, [...(byCondition.get(s.startsAfter!.text) ?? []), s]);
  const options = [...byCondition.entries()].map(([onlyIf, list]) => `${orList(list.map(shortName))} ${onlyIf}`).join('; ');
  return { text: `${confirm.length ? `record ${confirm.join('; ')}: ` : ''}${options}`, sources: [...new Set(held.flatMap((s) => s.startsAfter!.sources))] };
}

export function chooseNextStep(suggestions: readonly Suggestion[], assessments: readonly Assessment[]): NextStep {
  const ranked = suggestions.filter(offered).sort((a, b) => Number(a.status === 'consider') - Number(b.status === 'consider') || a.order - b.order);
  const first = ranked[0];
  if (!first) return { kind: 'nothing', text: '', sources: [] };
  const urgent = ranked.find((s) => s.urgent);
  if (urgent) return { kind: 'option', intervention: urgent.intervention, text: '', sources: [] };
  const toComplete = trialToComplete(assessments, ranked);
  if (toComplete) return { kind: 'complete-trial', ...toComplete };
  const remeasure = first.status === 'suggested' && first.startsAfter ? remeasureFirst(first, assessments) : undefined;
  if (remeasure) return { kind: 're-measure', ...remeasure };
  if (first.status === 'consider') {
    const running = assessments.find((a) => a.trialToComplete)?.trialToComplete;
    const toJudge = judgeFirst(ranked, assessments);
    return {
      kind: 'none-indicated',
      text: [NO_OPTION_INDICATED, ...(running ? [completeTrialWords(running.text).replace(/^C/, 'c')] : []), ...(toJudge ? [toJudge.text] : [])].join('; '),
      sources: [...(running?.sources ?? []), ...(toJudge?.sources ?? [])],
    };
  }
  return { kind: 'option', intervention: first.intervention, text: '', sources: [] };
}

/**
 * The headline in words, as every view and note leads with it (the first screen, the options tab, the summary note,
 * the plan's preview, text and CarePlan): the engine's words for a running trial to complete, a score to repeat or none indicated, else
 * the leading option's name with its status ("Electroconvulsive therapy (ECT) (suggested, urgent)"), and the agent
 * taken now it replaces ("Clozapine (suggested): switch from haloperidol by cross-titration"). Null when there is
 * nothing to suggest.
 */
export function nextStepWords(derivation: Pick<Derivation, 'nextStep' | 'suggestions'>): string | null {
  const { kind, intervention, text } = derivation.nextStep;
  if (kind === 'complete-trial' || kind === 're-measure' || kind === 'none-indicated') return text || null;
  if (kind !== 'option') return null;
  const leading = derivation.suggestions.find((s) => s.intervention === intervention);
  if (!leading) return null;
  return `${leading.name} (${leading.status === 'suggested' ? 'suggested' : 'to consider'}${leading.urgent ? ', urgent' : ''})${leading.switchFrom ? `: ${leading.switchFrom.text}` : ''}`;
}

/**
 * The headline as a plan proposing `proposed` writes it for the chart, where it reads as the clinician's own plan:
 * "Next step: …" when it is a running trial, a score to repeat, none indicated or an option the plan proposes; when the
 * engine's leading option is not among the proposed ones, only as decision support's suggestion not proposed, said
 * after what is proposed. One decision for the preview, the plan note and the CarePlan.
 */
export function planHeadline(
  derivation: Pick<Derivation, 'nextStep' | 'suggestions'>,
  proposed: readonly InterventionId[],
): { nextStep: string | null; notProposed: string | null } {
  const words = nextStepWords(derivation);
  const { kind, intervention } = derivation.nextStep;
  if (!words || kind !== 'option' || !intervention || proposed.includes(intervention)) return { nextStep: words, notProposed: null };
  const leading = derivation.suggestions.find((s) => s.intervention === intervention)!;
  return { nextStep: null, notProposed: `Decision support suggested ${leading.name} first${leading.urgent ? ' (urgent)' : ''}; not proposed here` };
}
