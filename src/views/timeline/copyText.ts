/**
 * The plain text a clinician pastes into a note: the conclusions, staging and flags, then the trials.
 * It holds no name, birth date or identifier: the note already belongs to the patient.
 */
import type { Assessment, Derivation, Episode, Suggestion, Trial } from '../../clinical/types';
import {
  AT_DEATH,
  adequacyVerdictOf,
  type AdequacyVerdict,
  CONDITION_LABEL,
  capitalise,
  definitionSourceWords,
  describeTrialDosesAndTime,
  failedPendingAdequacyWords,
  maudsleyWords,
  outcomeLabelWithBasis,
  bracketsAsClause,
  stopReasonsLine,
  trialKindWords,
} from '../../clinical/vocabulary';
import { displayDate } from './labels';
import { adequateDoseText, adequateLevelText, adherenceText, trialPeriod } from './details';
import { adequacyReasonText } from './labels';
import { safetyItemText } from '../../clinical/safety';
import { compareCodeUnits } from '../../clinical/sorted';
import { catalogOption, defaultServiceFor } from '../../clinical/suggestions/catalog';
import { alongsideReasons, cautionLines, hasHighRiskCaution, summaryNoteReasons } from '../../clinical/suggestions/describe';
import { plainText, writtenText } from '../../clinical/plain-text';
import { nextStepWords } from '../../clinical/suggestions/next-step';
import { nextStep } from './labels';
import { groupByStatus } from '../review/selection';
import { OTHER_TREATMENTS_HEADING, otherTreatmentWords } from '../../clinical/other-treatment-words';

export const DISCLAIMER =
  'Decision support, not a diagnosis: derived automatically from coded chart data, which may be incomplete. Verify against the chart before acting.';

/** The staging lines; `untilDeath`: of the episode that ended at death, each said as at death. */
function stagingLines(a: Assessment, untilDeath: boolean): string[] {
  const when = untilDeath ? ` ${AT_DEATH}` : '';
  const lines: string[] = [];
  if (a.thaseRush !== undefined) lines.push(`Thase-Rush stage ${a.thaseRush}${when}${a.thaseRushBasis ? ` (${a.thaseRushBasis})` : ''}`);
  if (a.maudsley) lines.push(maudsleyWords(a.maudsley, when));
  if (a.mghs !== undefined) lines.push(`MGH-S ${a.mghs}${when}${a.mghsBasis ? ` (${a.mghsBasis})` : ''}`);
  return lines;
}

/** The note's adequacy word: a trial that is not adequate stands out in capitals; one pending a level says so. */
const COPIED_ADEQUACY: Record<AdequacyVerdict, string> = {
  adequate: 'adequate',
  'not-adequate': 'NOT adequate',
  unconfirmed: 'adequacy unconfirmed',
  'not-judged': 'adequacy not judged',
};

function trialLine(t: Trial): string {
  const dose = t.maxDailyDoseMg === null ? 'dose unknown' : `dose ${describeTrialDosesAndTime(t)}`;
  const level = adequateLevelText(t);
  const threshold = level ? `; adequate at ${level}` : t.adequateDose === null ? '' : `; adequate dose from ${adequateDoseText(t.adequateDose, t.ingredient)}`;
  return [
    `- ${t.ingredient} [${trialKindWords(t)}], ${trialPeriod(t)}${t.startBeforeApproval ? `; ${t.startBeforeApproval.text}` : ''}${t.unconfirmed ? `; ${t.unconfirmed.text}` : ''}`,
    `  ${dose}${threshold}; ${COPIED_ADEQUACY[adequacyVerdictOf(t)]}: ${adequacyReasonText(t.adequacyReason)}; adherence: ${adherenceText(t)}`,
    `  outcome: ${outcomeLabelWithBasis(t)}${t.outcomeDetail ? `: ${plainText(t.outcomeDetail)}` : ''}`,
    ...(stopReasonsLine(t) === null ? [] : [`  ${plainText(stopReasonsLine(t) ?? '').replace(/^S/, 's')}`]),
  ].join('\n');
}

/**
 * The condition's verdict and its failed trials by name: the figures of each trial (dose, weeks, outcome) are said
 * once, in the trial list below, not again here.
 */
function conditionLines(a: Assessment, trials: Map<string, Trial>, episodes: readonly Episode[]): string[] {
  // Nothing about a patient who has died is current: their counts are of the episode open at death.
  const atDeath = a.currentEpisode ? undefined : episodes.find((e) => e.condition === a.condition && e.endedAtDeath);
  const where = a.currentEpisode ? 'in the current episode' : atDeath ? `in the episode until death on ${atDeath.end}` : 'in the latest episode';
  const names = (ids: string[]) => ids.map((id) => trials.get(id)?.ingredient ?? id).join(', ');
  const n = a.failedAdequateTrials;
  const failedTherapies = a.therapyTrials.filter((t) => t.failed);
  // Trials that failed on the scale and wait only on adequacy evidence are failed trials, said as such.
  const pending = (a.unconfirmedTrials ?? []).filter((u) => u.failedPendingAdequacy !== undefined);
  const pendingLine = pending.length
    ? `${failedPendingAdequacyWords(pending, n > 0, where)}: ${pending.map((u) => u.ingredient).join(', ')}.`
    : '';
  // A resolved disorder leads with its resolution; the verdict on its last episode follows.
  const lines = [
    ...(a.resolved ? [`${CONDITION_LABEL[a.condition]}: ${plainText(a.resolved.text)}.`, `  ${a.verdict}.`] : [`${CONDITION_LABEL[a.condition]}: ${a.verdict}.`]),
    `  ${
      n === 0
        ? pendingLine || `No failed adequate trial ${where}.`
        : `${n} failed adequate trial${n === 1 ? '' : 's'} ${where}: ${names(a.failedAdequateTrialIds)} (doses and outcomes in the trial list below).${pendingLine ? ` ${pendingLine}` : ''}`
    }`,
  ];
  // A trial still in progress is not in the count: said beside it, with the verdict on the earlier trials.
  if (a.trialsInProgress) lines.push(`  ${plainText(a.trialsInProgress.text)}`);
  if (a.psychotherapyGiven) lines.push(`  Psychotherapy given: ${a.psychotherapyGiven.map((f) => f.text).join('; ')}.`);
  if (failedTherapies.length) lines.push(`  Failed adequate psychotherapy: ${failedTherapies.map((t) => `${t.display} (${t.outcomeDetail})`).join('; ')}.`);
  // Where nothing can be recorded any more (the episode ended at death) the engine asks nothing: the outcome is said.
  for (const u of a.unconfirmedTrials ?? [])
    lines.push(u.confirm === undefined ? `  ${capitalise(u.ingredient)}: ${u.missing}.` : `  To confirm: ${u.ingredient}: ${u.missing}; to decide, record ${u.confirm}.`);
  return lines;
}

/** The next step of an offered option: its referral (to the service it goes to by default, at its priority) or care-plan activity. */
function nextStepLine(s: Suggestion): string {
  const option = catalogOption(s.intervention);
  const step = option.referral ? `refer to the ${defaultServiceFor(s.intervention).name} (${s.referralPriority} priority)` : 'add to the care plan';
  const urgentWhy = s.priorityReasons.map((r) => plainText(r.text));
  const line = `- ${s.urgent ? 'URGENT: ' : ''}${s.name} (${s.status === 'suggested' ? 'suggested' : 'to consider'}${s.startsAfter ? `, ${bracketsAsClause(s.startsAfter.text)}` : ''}): ${step}${urgentWhy.length ? `; urgent because: ${urgentWhy.join('; ')}` : ''}.`;
  // The option's monitoring and cautions go wherever it is proposed (ANC and myocarditis with clozapine, REMS with esketamine).
  // How it fits beside another offered option (lithium beside ECT: the drug, its level and the target) goes with it too.
  // What it acts on (the trials to optimise) and an earlier course that helped, as the plan writes them.
  const own = summaryNoteReasons(s).map((r) => `    ${writtenText(r.text)}`);
  return [line, ...own, ...alongsideReasons(s).map((r) => `    ${plainText(r.text)}`), ...cautionLines(s).map((c) => `    ${c}`)].join('\n');
}

/** An option to consider named in the note's list, with what it waits on and a high risk said after its name. */
function briefName(s: Suggestion, highRisk: boolean): string {
  const after = s.startsAfter ? ` (${bracketsAsClause(s.startsAfter.text)})` : '';
  return `${s.name}${after}${highRisk ? ' (high risk: see below)' : ''}`;
}

/**
 * The options tab's Suggested group, each with its next step, in its order; then the options to consider, named in
 * the tab's order (the engine's ranking). An urgent one, or the headline when nothing is suggested, is a next step in
 * full; one with a high-risk caution is named in its place with its cautions under the line, never as a referral step
 * (a name alone would let the note offer what the record usually excludes). The note says the plan the screen shows,
 * never one proposal of several.
 */
function nextStepsPart(derivation: Derivation): string | null {
  if (derivation.demographics?.deceased) return null;
  const groups = groupByStatus(derivation.suggestions);
  const suggested = groups.find((g) => g.status === 'suggested')?.suggestions ?? [];
  const consider = groups.find((g) => g.status === 'consider')?.suggestions ?? [];
  // The engine's headline when it is not an option: the running trial to complete, or that none is indicated.
  const words = derivation.nextStep.text ? nextStepWords(derivation) : null;
  const headline = words ? [`- ${plainText(words)}.`] : [];
  if (suggested.length + consider.length === 0 && headline.length === 0) return 'Next step: nothing to suggest from this record.';
  const first = nextStep(derivation);
  const inFull = [...suggested, ...consider.filter((s) => s.urgent || s === first)];
  const brief = consider.filter((s) => !inFull.includes(s));
  const highRisk = brief.filter(hasHighRiskCaution);
  return [
    `Next steps (proposals for review, not orders; ${suggested.length} suggested, ${consider.length} to consider):`,
    ...headline,
    ...inFull.map(nextStepLine),
    ...(brief.length
      ? [
          `${inFull.length > suggested.length ? 'Also to consider' : 'To consider'} (${brief.length}): ${brief.map((s) => briefName(s, highRisk.includes(s))).join('; ')}.`,
          ...highRisk.flatMap((s) => cautionLines(s).map((c) => `    ${s.name}: ${c}`)),
        ]
      : []),
  ].join('\n');
}

export function copyToNoteText(derivation: Derivation): string {
  const parts: string[] = [`Treatment-resistance summary as of ${displayDate(derivation.asOf)}`];
  // Safety items head the note, as they head the page; the heading dates them, as their details say "2 days ago".
  const safety = (derivation.safety ?? []).map((i) => `- ${safetyItemText(i)}`);
  if (safety.length) parts.unshift([`Safety as of ${displayDate(derivation.asOf)}:`, ...safety].join('\n'));
  if (derivation.assessments.length === 0) parts.push('No assessed psychiatric condition was found in the coded record.');
  // The record's history the screen gives under the summary (a diagnosis not assessed, admissions, overdoses).
  if (derivation.notes.length > 0) parts.push(derivation.notes.map(plainText).join('\n'));
  const byId = new Map(derivation.trials.map((t) => [t.id, t]));
  for (const a of derivation.assessments) {
    const lines = conditionLines(a, byId, derivation.episodes);
    lines.push(`  Definition: ${a.definition.summary} [${definitionSourceWords(a.definition.source, a.definition.verification)}]`);
    const untilDeath = !a.currentEpisode && derivation.episodes.some((e) => e.condition === a.condition && e.endedAtDeath);
    for (const s of stagingLines(a, untilDeath)) lines.push(`  ${s}`);
    for (const f of a.flags) lines.push(`  Flag: ${capitalise(plainText(f.text))}`);
    parts.push(lines.join('\n'));
  }
  const trials = derivation.trials.slice().sort((a, b) => compareCodeUnits(a.start, b.start));
  parts.push(trials.length === 0 ? 'Medication trials: none found.' : `Medication trials (${trials.length}):\n${trials.map(trialLine).join('\n')}`);
  const others = derivation.otherTreatments ?? [];
  if (others.length > 0) parts.push(`${OTHER_TREATMENTS_HEADING}:\n${others.map((o) => `- ${otherTreatmentWords(o)}`).join('\n')}`);
  const recordNotes = (derivation.dataNotes ?? []).map((n) => plainText(n.text));
  if (recordNotes.length > 0) parts.push(`Data notes:\n${recordNotes.map((n) => `- ${n}`).join('\n')}`);
  const next = nextStepsPart(derivation);
  // Right under the summary's title, after the safety items: an urgent next step must never be missed.
  if (next) parts.splice(safety.length ? 2 : 1, 0, next);
  parts.push(DISCLAIMER);
  return parts.join('\n\n');
}
