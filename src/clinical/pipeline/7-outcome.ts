/**
 * Outcome of a trial. In order of strength of evidence:
 *  1. recorded intolerance (stopped for an adverse event, or the agent in AllergyIntolerance): not a failure;
 *     a reason naming both lack of effect and a side effect counts as intolerance only when the trial was not
 *     yet adequate (an adequate trial that did not help is a failure even if it also had side effects);
 *  2. measured from symptom scores: baseline before/near the start against the latest score on adequate dose
 *     (else the latest during the trial), with the scale's remission/response/partial-response thresholds; without a
 *     baseline, an adequate trial whose latest score lies above what a response could reach from the scale's maximum
 *     (a partial response when the scores during the trial fell by the partial band, else a non-response);
 *  3. recorded lack of effect (status reason);
 *  4. ongoing;
 *  5. replaced by another agent: non-response inferred from the switch (lower confidence);
 *  6. unknown.
 */
import type { AdequacyResult } from './6-adequacy';
import type { IntoleranceEvidence } from '../events';
import { type Day, isoDate } from '../dates';
import {
  BASELINE_DAYS_AFTER,
  BASELINE_DAYS_BEFORE,
  FOLLOW_UP_DAYS_AFTER_END,
  R,
  SUSTAINED_REMISSION_WEEKS,
  SWITCH_WINDOW_DAYS,
} from '../engine-rules';
import { firstIndexWhere } from '../sorted';
import { type ScaleCutoffs, cutoffsOf } from '../cutoffs';
import {
  NO_SCORES_OR_STATED_REASON,
  NO_SCORE_BEFORE_DEATH,
  baselineOnlyWords,
  capitalise,
  describeDuration,
  instrumentLabel,
  quotedRecordText,
  scoreChangeText,
  scoresWithoutThresholdWords,
  switchInferenceWords,
  tooShortToJudgeWords,
} from '../vocabulary';
import type { TrialDraft } from './2-trials';
import type { ConditionKey, DrugClass, Instrument, Outcome, OutcomeBasis, RuleRef } from '../types';

export interface DatedScore {
  day: Day;
  value: number;
  source: string;
}

export interface OutcomeResult {
  outcome: Outcome;
  basis: OutcomeBasis;
  detail: string;
  /** Scores and allergy records the outcome rests on. */
  sources: string[];
  rules: RuleRef[];
  /**
   * The baseline and follow-up scores of the scale the trial is measured by, whenever the record has both, also when
   * the outcome rests on something stronger (a recorded intolerance): the timeline draws them.
   */
  scores: MeasuredScores | null;
  /**
   * Bipolar depression: the latest score is at remission level but the run of remission-level scores is shorter than
   * the sustained remission the definition asks for (from `since`, `weeks` long). A possible failure, not a remission.
   */
  remissionNotSustained?: { since: Day; weeks: number };
  /**
   * An ongoing trial without a measured outcome whose record has scores: why they do not judge it ("PHQ-9 12 on
   * 2025-03-16 during the trial, but no baseline score ..."), so what is missing is said from the record.
   */
  unmeasured?: string;
  /** A non-response judged without a baseline: the score it rests on (the trial's follow-up score, with no baseline). */
  judgedBy?: { instrument: Instrument; score: DatedScore };
}

/** A trial's baseline score (BASELINE_DAYS_BEFORE/AFTER around its start) and the follow-up score it is judged by. */
export interface MeasuredScores {
  instrument: Instrument;
  baseline: DatedScore;
  followUp: DatedScore;
}

/** Scales that measure the target symptoms of each condition, in order of preference. */
export const INSTRUMENTS_FOR: Record<ConditionKey, Instrument[]> = {
  mdd: ['phq9', 'madrs', 'hamd17', 'qids-sr16'],
  'bipolar-depression': ['madrs', 'hamd17', 'phq9', 'qids-sr16'],
  schizophrenia: ['panss', 'bprs'],
  ocd: ['ybocs'],
  ptsd: ['caps5', 'pcl5'],
};

export interface OutcomeInput {
  trial: TrialDraft;
  adequacy: AdequacyResult;
  condition: ConditionKey | null;
  /** Scores by instrument, sorted by day. */
  scores: Map<Instrument, DatedScore[]>;
  /** Allergy/intolerance records matched to this trial. */
  intolerances: IntoleranceEvidence[];
  /** The trial that replaced this one, if any. */
  replacedBy: TrialDraft | null;
  /**
   * The next agent of the same purpose started after this trial ended but outside the switch window (not read as a
   * switch): an unknown outcome names it, so "no following agent" is never said of a record that has one.
   */
  followedBy?: TrialDraft | null;
  /** The patient's day of death, when the record ends there (a trial running then ends at death, not by a stop). */
  deathDay?: Day | null;
}

export function judgeOutcome(input: OutcomeInput): OutcomeResult {
  const condition = input.condition ?? defaultCondition(input.trial.drugClass);
  const measured = measure(input, condition);
  const judged = tooShortToJudge(input, judge(input, measured, condition));
  // Every outcome with the same fields in the same order (those a judgement has no use for are undefined): the stages
  // after this one read outcomes of every kind at one shape.
  return {
    outcome: judged.outcome,
    basis: judged.basis,
    detail: judged.detail,
    sources: judged.sources,
    rules: judged.rules,
    scores: measured?.scores ?? null,
    remissionNotSustained: judged.remissionNotSustained,
    unmeasured: judged.unmeasured,
    judgedBy: judged.judgedBy,
  };
}

/**
 * A lack of response in a trial that ended before its minimum duration is not an outcome: it is too short to judge
 * (R.tooShortToJudge), so it is never said, or later counted, as a non-response. What the scores or reason showed is
 * kept after it.
 */
function tooShortToJudge(input: OutcomeInput, judged: Omit<OutcomeResult, 'scores'>): Omit<OutcomeResult, 'scores'> {
  const { trial, adequacy } = input;
  if (trial.ongoing || (judged.outcome !== 'nonresponse' && judged.outcome !== 'partial')) return judged;
  const days = trial.end - trial.start + 1;
  if (adequacy.minDaysInAll <= 0 || days >= adequacy.minDaysInAll) return judged;
  return {
    ...judged,
    outcome: 'too-short',
    detail: `${tooShortToJudgeWords(describeDuration(days), Math.round(adequacy.minDaysInAll / 7))}; ${judged.detail}`,
    rules: [...judged.rules, R.tooShortToJudge],
  };
}

function judge(input: OutcomeInput, measured: OutcomeResult | null, condition: ConditionKey): Omit<OutcomeResult, 'scores'> {
  const { trial, adequacy, intolerances, replacedBy } = input;

  const adverse =
    trial.events.find((e) => e.stopReason?.kind === 'adverse') ??
    (adequacy.adequate ? undefined : trial.events.find((e) => e.stopReason?.kind === 'mixed'));
  if (adverse) {
    // What the scores showed before the stop is kept beside it: a response stopped for a side effect is still a response
    // to the drug, at a dose that was not tolerated.
    return {
      outcome: 'intolerance',
      basis: 'recorded',
      detail: `stopped for an adverse effect: ${quotedRecordText(adverse.stopReason!.text)} (${adverse.reference})${measured ? `; before the stop: ${measured.detail}` : ''}`,
      sources: [adverse.reference, ...(measured?.sources ?? [])],
      rules: [R.intolerance],
    };
  }
  if (intolerances.length > 0) {
    return {
      outcome: 'intolerance',
      basis: 'recorded',
      detail: `recorded as ${intolerances.map((i) => i.text).join('; ')}`,
      sources: intolerances.map((i) => i.reference),
      rules: [R.intolerance],
    };
  }

  const scored = measured ?? noResponseFromAnyBaseline(input, condition);
  if (scored) {
    const stillEarly = trial.ongoing && !adequacy.adequate;
    const good = scored.outcome === 'remission' || scored.outcome === 'response';
    if (!stillEarly || good) {
      if (trial.ongoing) scored.detail += ' (trial ongoing)';
      return scored;
    }
    return { ...scored, outcome: 'ongoing', detail: `ongoing, not yet an adequate trial; so far ${scored.detail}` };
  }

  const ineffective = trial.events.find((e) => e.stopReason?.kind === 'ineffective' || e.stopReason?.kind === 'mixed');
  if (ineffective && !trial.ongoing) {
    return {
      outcome: 'nonresponse',
      basis: 'recorded',
      detail: `stopped for lack of effect: ${quotedRecordText(ineffective.stopReason!.text)} (${ineffective.reference})`,
      sources: [ineffective.reference],
      rules: [],
    };
  }
  if (trial.ongoing) return ongoingOutcome(input, condition);
  if (replacedBy) {
    return {
      outcome: 'nonresponse',
      basis: 'inferred',
      detail: switchInferenceWords(replacedBy.ingredient, isoDate(replacedBy.start), switchEvidenceWords(input, condition)),
      sources: [],
      rules: [R.switchInference],
    };
  }
  return unknownOutcome(input, condition);
}

/**
 * Why a non-response read from a switch is of lower confidence, true of the record: no score of the condition's scales
 * around the trial at all, a baseline with no later score, scores that cannot be measured (unmeasuredScores), or scores
 * of a scale without a response threshold (PCL-5). No stated reason in every case: a stated one is read before a switch.
 */
function switchEvidenceWords(input: OutcomeInput, condition: ConditionKey): string {
  const { trial } = input;
  const around = scoresAround(input, condition);
  if (around?.baseline && around.later.length === 0) {
    const label = cutoffsOf(around.instrument)?.label || instrumentLabel(around.instrument);
    return `${baselineOnlyWords(label, around.baseline.value, isoDate(around.baseline.day))}; no stated reason`;
  }
  const unmeasured = unmeasuredScores(input, condition);
  if (unmeasured) return `${unmeasured.text}; no stated reason`;
  for (const instrument of INSTRUMENTS_FOR[condition]) {
    if (cutoffsOf(instrument)) continue;
    const series = input.scores.get(instrument) ?? [];
    const baseline = findBaseline(series, trial.start);
    const later = series.slice(firstFollowUpIndex(series, baseline, trial), followUpEndIndex(series, trial));
    const label = instrumentLabel(instrument);
    if (baseline && later.length === 0) return `${baselineOnlyWords(label, baseline.value, isoDate(baseline.day))}; no stated reason`;
    const first = baseline ?? later[0];
    const last = later.at(-1);
    if (!first || !last || first === last) continue;
    const change = first.value === 0 ? changeWords(first.value, last.value) : scoreChangeText(first.value, last.value, Math.round(((first.value - last.value) / first.value) * 100));
    return `${scoresWithoutThresholdWords(label, { value: first.value, date: isoDate(first.day) }, { value: last.value, date: isoDate(last.day) }, change)}; no stated reason`;
  }
  return NO_SCORES_OR_STATED_REASON;
}

/**
 * No outcome can be established. Says truthfully why: scores taken during the trial that cannot be measured (no
 * baseline within the baseline window, R.baseline; only the baseline itself; a baseline at the scale's floor) are
 * named, a trial that ran until death ended there, not by a stop, and an agent of the same purpose started later than
 * the switch window is named with its gap (it was not read as a switch).
 */
function unknownOutcome(input: OutcomeInput, condition: ConditionKey): Omit<OutcomeResult, 'scores'> {
  const { trial, deathDay } = input;
  const atDeath = deathDay !== undefined && deathDay !== null && trial.end === deathDay;
  const why = unmeasuredScores(input, condition);
  if (!why) {
    // A trial that ran until death needs no stop reason, and no score can be taken any more.
    const detail = atDeath
      ? NO_SCORE_BEFORE_DEATH
      : input.followedBy
        ? `ended without scores or a stated reason; ${followingWords(input)}`
        : 'ended without scores, stated reason or a following agent';
    return { outcome: 'unknown', basis: 'inferred', detail, sources: [], rules: [] };
  }
  const ended = atDeath ? `ended at death (${isoDate(trial.end)})` : 'ended';
  const after = atDeath ? 'no stated reason' : input.followedBy ? `no stated reason; ${followingWords(input)}` : 'no stated reason or following agent';
  return { outcome: 'unknown', basis: 'inferred', detail: `${ended}; ${why.text}; ${after}`, sources: why.sources, rules: [R.baseline] };
}

/** The next agent of an ended trial's purpose, started later than the switch window (so not read as a switch). */
function followingWords(input: OutcomeInput): string {
  const next = input.followedBy!;
  return (
    `the next agent of its purpose, ${next.ingredient}, started ${describeDuration(next.start - input.trial.end)} after its end ` +
    `(${isoDate(next.start)}): later than the ${SWITCH_WINDOW_DAYS} days read as a switch, so no non-response is inferred`
  );
}

/** An ongoing trial without a measured outcome: said from its scores when it has some, else that it has none. */
function ongoingOutcome(input: OutcomeInput, condition: ConditionKey): Omit<OutcomeResult, 'scores'> {
  const why = unmeasuredScores(input, condition);
  if (!why) return { outcome: 'ongoing', basis: 'recorded', detail: 'ongoing as of the last record; no scores to judge it', sources: [], rules: [] };
  // The scores stay the timeline's, not the running trial's sources: nothing was concluded from them.
  return { outcome: 'ongoing', basis: 'recorded', detail: `ongoing as of the last record; ${why.text}`, sources: [], rules: [R.baseline], unmeasured: why.text };
}

/** Beyond this many, scores that cannot be measured are said as a range (first and last), not one by one. */
const MAX_SCORES_LISTED = 4;

/** Why the scores around a trial do not measure it, in words, with the scores; null when there are none. */
function unmeasuredScores(input: OutcomeInput, condition: ConditionKey): { text: string; sources: string[] } | null {
  const { trial } = input;
  const scored = scoresAround(input, condition);
  if (!scored) return null;
  const { instrument, baseline, later } = scored;
  const label = cutoffsOf(instrument)?.label || instrumentLabel(instrument);
  const listed =
    later.length > MAX_SCORES_LISTED
      ? `${later.length} ${label} scores from ${later[0]!.value} on ${isoDate(later[0]!.day)} to ${later.at(-1)!.value} on ${isoDate(later.at(-1)!.day)}`
      : `${label} ${later.map((s) => `${s.value} on ${isoDate(s.day)}`).join(', ')}`;
  const them = later.length === 1 ? 'it' : 'them';
  const text = !baseline
    ? `${listed} during the trial, but no baseline score within ${BASELINE_DAYS_BEFORE} days before or ` +
      `${BASELINE_DAYS_AFTER} days after its start (${isoDate(trial.start)}) to measure ${them} against`
    : later.length === 0
      ? `only a baseline ${label} (${baseline.value} on ${isoDate(baseline.day)}), no later score during the trial`
      : `${listed} during the trial, but the baseline (${baseline.value} on ${isoDate(baseline.day)}) leaves no reduction to measure`;
  return { text, sources: [...(baseline ? [baseline.source] : []), ...later.map((s) => s.source)] };
}

/**
 * An adequate trial without a measurable baseline whose latest score on the adequate dose, taken once the trial had
 * been adequate (its minimum time at that dose), lies above the score a response would reach even from the scale's
 * maximum: not a response from any baseline (R.noResponseFromAnyBaseline). Non-response, measured; the detail says
 * that it may be a partial response when the scale's range leaves room for one.
 */
function noResponseFromAnyBaseline(input: OutcomeInput, condition: ConditionKey): OutcomeResult | null {
  const { trial, adequacy } = input;
  // A trial pending only its deciding level (lithium with none recorded) is read too: the scores say the same, and
  // with no dose threshold the detail does not claim an adequate dose.
  const pendingLevel = adequacy.shortfalls.length > 0 && adequacy.shortfalls.every((f) => f === 'level-not-recorded');
  if (!adequacy.adequate && !pendingLevel) return null;
  const threshold = adequacy.adequateDoseMg;
  for (const instrument of INSTRUMENTS_FOR[condition]) {
    const cut = cutoffsOf(instrument);
    const series = input.scores.get(instrument);
    if (!cut || !series || series.length === 0) continue;
    const from = firstIndexWhere(series, (s) => s.day >= trial.start);
    const to = followUpEndIndex(series, trial);
    // The latest score during the trial taken on its adequate dose.
    let last: DatedScore | null = null;
    for (let i = to - 1; i >= from && last === null; i--) {
      const s = series[i]!;
      if (threshold === null || onDoseAtLeast(trial, adequacy, s.day, threshold)) last = s;
    }
    if (!last) continue;
    const daysAtDose = daysAtDoseUntil(trial, adequacy, last.day);
    const range = cut.ceiling - cut.floor;
    if (daysAtDose < adequacy.minDaysAtDose || range <= 0) return null;
    const bestFall = (cut.ceiling - last.value) / range;
    if (bestFall >= cut.responseReduction) return null;
    return aboveAnyResponse(input, instrument, cut, series.slice(from, to), last, daysAtDose, bestFall);
  }
  return null;
}

/**
 * The outcome of a trial whose latest score on dose lies above any response (noResponseFromAnyBaseline): a partial
 * response measured within the trial, or a non-response. Apart from the check, which runs for every adequate trial.
 */
function aboveAnyResponse(
  input: OutcomeInput,
  instrument: Instrument,
  cut: Readonly<ScaleCutoffs>,
  during: DatedScore[],
  last: DatedScore,
  daysAtDose: number,
  bestFall: number,
): OutcomeResult {
  const { trial } = input;
  const threshold = input.adequacy.adequateDoseMg;
  const range = cut.ceiling - cut.floor;
  const label = cut.label || instrumentLabel(instrument);
  const bar = cut.floor + range * (1 - cut.responseReduction);
  const first = during.find((s) => s.day < last.day);
  const noBaseline = `no baseline score within ${BASELINE_DAYS_BEFORE} days before or ${BASELINE_DAYS_AFTER} days after its start, ${isoDate(trial.start)}`;
  const atDose = `${threshold === null ? '' : ' on adequate dose'}, after ${describeDuration(daysAtDose)}${threshold === null ? '' : ' at or above it'}`;
  const ceilingWords = `not a response from any baseline, as a ${Math.round(cut.responseReduction * 100)}% fall from the scale's maximum (${cut.ceiling}) reaches ${fmtScore(bar)} or less`;
  // The scores taken during the trial fell by the partial-response band: said as what it is, a partial response that
  // is not enough (a failed trial), rather than a non-response (R.partialWithinTrial).
  const fallAboveFloor = first && first.value > cut.floor ? (first.value - last.value) / (first.value - cut.floor) : null;
  if (first && fallAboveFloor !== null && cut.partialReduction < cut.responseReduction && fallAboveFloor >= cut.partialReduction) {
    const pct = Math.round(fallAboveFloor * 100);
    return {
      outcome: 'partial',
      basis: 'measured',
      detail:
        `${label} ${first.value} on ${isoDate(first.day)} → ${last.value} on ${isoDate(last.day)} (${scoreChangeText(first.value, last.value, pct)}) during the trial${atDose}: ` +
        `a partial response, insufficient (a fall of ${Math.round(cut.partialReduction * 100)}–${Math.round(cut.responseReduction * 100) - 1}%; a response is ${Math.round(cut.responseReduction * 100)}% or more), ` +
        `and ${ceilingWords}; ${noBaseline}, so the fall is measured from the first score during the trial`,
      sources: [first.source, last.source],
      rules: [R.partialWithinTrial, R.noResponseFromAnyBaseline, ...cut.rules],
      scores: null,
      judgedBy: { instrument, score: last },
    };
  }
  // In short sentences: the score and why it is no response, the partial bound, the change during the trial, the baseline.
  const sinceFirst = first ? ` ${label} ${first.value} on ${isoDate(first.day)} → ${last.value} (${changeWords(first.value, last.value)}) during the trial.` : '';
  const detail =
    `${label} ${last.value} on ${isoDate(last.day)}${atDose}: ${ceilingWords}.` +
    `${bestFall >= cut.partialReduction ? ' At most a partial response, which would be insufficient too.' : ''}${sinceFirst} ${capitalise(noBaseline)}`;
  return {
    outcome: 'nonresponse',
    basis: 'measured',
    detail,
    sources: [...(first ? [first.source] : []), last.source],
    rules: [R.noResponseFromAnyBaseline, ...cut.rules],
    scores: null,
    judgedBy: { instrument, score: last },
  };
}

/** "−32%", "+6%", "unchanged": the change from one score to another, as measured outcomes write it. */
function changeWords(from: number, to: number): string {
  if (from === 0) return `${to >= from ? '+' : '−'}${Math.abs(to - from)} points`;
  const pct = Math.round(((from - to) / from) * 100);
  return scoreChangeText(from, to, pct);
}

function fmtScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Days from a trial's start to `day` at or above its adequate dose (every day when no dose threshold applies). */
function daysAtDoseUntil(trial: TrialDraft, adequacy: AdequacyResult, day: Day): number {
  const threshold = adequacy.adequateDoseMg;
  let days = 0;
  for (const s of trial.segments) {
    if (s.start > day) break;
    if (threshold !== null) {
      if (s.doseMg === null) continue;
      const comparable = adequacy.cpzBySegment ? adequacy.cpzBySegment.get(s) ?? null : s.doseMg;
      if (comparable === null || comparable < threshold) continue;
    }
    days += Math.min(s.end, day) - s.start + 1;
  }
  return days;
}

/**
 * The first of the condition's scales with a score around the trial: its baseline (as measuring finds it) and its
 * scores after that baseline up to two weeks after the trial's end, as measuring reads them.
 */
function scoresAround(
  input: OutcomeInput,
  condition: ConditionKey,
): { instrument: Instrument; baseline: DatedScore | null; later: DatedScore[] } | null {
  const { trial } = input;
  for (const instrument of INSTRUMENTS_FOR[condition]) {
    if (!cutoffsOf(instrument)) continue; // measuring passes over a scale without cut-offs too
    const series = input.scores.get(instrument) ?? [];
    const baseline = findBaseline(series, trial.start);
    const later = series.slice(firstFollowUpIndex(series, baseline, trial), followUpEndIndex(series, trial));
    if (baseline || later.length > 0) return { instrument, baseline, later };
  }
  return null;
}

function defaultCondition(c: DrugClass): ConditionKey {
  return c === 'antipsychotic' ? 'schizophrenia' : 'mdd';
}

function measure(input: OutcomeInput, condition: ConditionKey): OutcomeResult | null {
  const { trial, adequacy } = input;
  for (const instrument of INSTRUMENTS_FOR[condition]) {
    const series = input.scores.get(instrument);
    if (!series || series.length < 2) continue;
    const cut = cutoffsOf(instrument);
    if (!cut) continue;
    const baseline = findBaseline(series, trial.start);
    if (!baseline) continue;
    const followUp = findFollowUp(series, baseline, trial, adequacy);
    if (!followUp) continue;
    const { score: last, onAdequateDose } = followUp;
    const label = cut.label || instrumentLabel(instrument);
    const above = baseline.value - cut.floor;
    if (above <= 0) continue; // a baseline at the scale's floor leaves nothing to reduce
    const reduction = (baseline.value - last.value) / above;
    const byReduction: Outcome = reduction >= cut.responseReduction ? 'response' : reduction >= cut.partialReduction ? 'partial' : 'nonresponse';
    let outcome: Outcome = cut.isRemission(last.value) && !cut.isRemission(baseline.value) ? 'remission' : byReduction;
    const pct = Math.round(reduction * 100);
    let detail =
      `${label} ${baseline.value} → ${last.value} (${scoreChangeText(baseline.value, last.value, pct)}, ${isoDate(baseline.day)} → ${isoDate(last.day)})` +
      (onAdequateDose ? ' on adequate dose' : adequacy.adequate ? '' : ' (not on an adequate dose)') +
      (outcome === 'remission' ? `; remission = ${cut.remissionText}` : '');
    const rules = [R.baseline, ...cut.rules];
    let remissionNotSustained: OutcomeResult['remissionNotSustained'];
    if (outcome === 'remission' && condition === 'bipolar-depression') {
      // Hidalgo-Mazzei 2019: remission must be sustained for 8 consecutive weeks to end the episode's resistance.
      rules.push(R.sustainedRemission);
      const since = remissionRunStart(series, baseline, last, cut.isRemission);
      const weeks = Math.floor((last.day - since.day) / 7);
      if (last.day - since.day < SUSTAINED_REMISSION_WEEKS * 7) {
        outcome = byReduction;
        remissionNotSustained = { since: since.day, weeks };
        detail += `; at remission level for ${weeks} week${weeks === 1 ? '' : 's'} only (since ${isoDate(since.day)}), not the ${SUSTAINED_REMISSION_WEEKS} consecutive weeks of sustained remission`;
      } else detail += `; sustained ${weeks} weeks (since ${isoDate(since.day)})`;
    }
    return {
      outcome,
      basis: 'measured',
      detail,
      sources: [baseline.source, last.source],
      rules,
      scores: { instrument, baseline, followUp: last },
      ...(remissionNotSustained ? { remissionNotSustained } : {}),
    };
  }
  return null;
}

/** The first score of the unbroken run of remission-level scores (after the baseline) that ends at `last`. */
function remissionRunStart(series: DatedScore[], baseline: DatedScore, last: DatedScore, isRemission: (v: number) => boolean): DatedScore {
  let first = last;
  for (let i = series.indexOf(last) - 1; i >= 0; i--) {
    const s = series[i]!;
    if (s.day <= baseline.day || !isRemission(s.value)) break;
    first = s;
  }
  return first;
}

/** Last score in [start − BEFORE, start], else the first in (start, start + AFTER]. Series sorted by day. */
export function findBaseline(series: DatedScore[], start: Day): DatedScore | null {
  const from = firstIndexWhere(series, (s) => s.day >= start - BASELINE_DAYS_BEFORE);
  let before: DatedScore | null = null;
  let i = from;
  for (; i < series.length && series[i]!.day <= start; i++) before = series[i]!;
  if (before) return before;
  const after = series[i];
  return after && after.day <= start + BASELINE_DAYS_AFTER ? after : null;
}

function findFollowUp(
  series: DatedScore[],
  baseline: DatedScore,
  trial: TrialDraft,
  adequacy: AdequacyResult,
): { onAdequateDose: boolean; score: DatedScore } | null {
  let latestAdequate: DatedScore | null = null;
  let latest: DatedScore | null = null;
  const threshold = adequacy.adequateDoseMg;
  const end = followUpEndIndex(series, trial);
  for (let i = firstFollowUpIndex(series, baseline, trial); i < end; i++) {
    const s = series[i]!;
    latest = s;
    if (threshold !== null && onDoseAtLeast(trial, adequacy, s.day, threshold)) latestAdequate = s;
  }
  // onAdequateDose first: an object literal that starts with `score` shares its hidden class with the staging scores'
  // ({ score: 2.5, ... }), and a score record stored there would turn their number field into a generic one.
  if (latestAdequate) return { onAdequateDose: true, score: latestAdequate };
  return latest ? { onAdequateDose: false, score: latest } : null;
}

/** The first score a trial's outcome may be judged by: after its baseline (when there is one) and from its start. */
function firstFollowUpIndex(series: DatedScore[], baseline: DatedScore | null, trial: TrialDraft): number {
  return firstIndexWhere(series, (s) => (!baseline || s.day > baseline.day) && s.day >= trial.start);
}

/** Past the last score that still reflects the trial (FOLLOW_UP_DAYS_AFTER_END after its last dose). */
function followUpEndIndex(series: DatedScore[], trial: TrialDraft): number {
  return firstIndexWhere(series, (s) => s.day > trial.end + FOLLOW_UP_DAYS_AFTER_END);
}

function onDoseAtLeast(trial: TrialDraft, adequacy: AdequacyResult, day: Day, threshold: number): boolean {
  const d = Math.min(day, trial.end);
  for (const s of trial.segments) {
    if (d < s.start || d > s.end) continue;
    if (s.doseMg === null) return false;
    const comparable = adequacy.cpzBySegment ? adequacy.cpzBySegment.get(s) ?? null : s.doseMg;
    return comparable !== null && comparable >= threshold;
  }
  return false;
}
