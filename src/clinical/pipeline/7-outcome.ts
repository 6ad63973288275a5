/**
 * Outcome of a trial. In order of strength of evidence:
 *  1. recorded intolerance (stopped for an adverse event, or the agent in AllergyIntolerance): not a failure;
 *     a reason naming both lack of effect and a side effect counts as intolerance only when the trial was not
 *     yet adequate (an adequate trial that did not help is a failure even if it also had side effects);
 *  2. measured from symptom scores: baseline before/near the start against the latest score on adequate dose
 *     (else the latest during the trial), with the scale's remission/response thresholds;
 *  3. recorded lack of effect (status reason);
 *  4. ongoing;
 *  5. replaced by another agent: non-response inferred from the switch (lower confidence);
 *  6. unknown.
 */
import type { AdequacyResult } from './6-adequacy';
import type { IntoleranceEvidence } from '../events';
import { type Day, isoDate } from '../dates';
import { BASELINE_DAYS_AFTER, BASELINE_DAYS_BEFORE, FOLLOW_UP_DAYS_AFTER_END, R, SUSTAINED_REMISSION_WEEKS } from '../engine-rules';
import { firstIndexWhere } from '../sorted';
import { cutoffsOf } from '../cutoffs';
import { instrumentLabel } from '../vocabulary';
import type { TrialDraft } from './2-trials';
import type { ConditionKey, DrugClass, Instrument, Outcome, OutcomeBasis, RuleRef } from '../types';
import { withFields } from '../with-fields';

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
  /** The patient's day of death, when the record ends there (a trial running then ends at death, not by a stop). */
  deathDay?: Day | null;
}

export function judgeOutcome(input: OutcomeInput): OutcomeResult {
  const condition = input.condition ?? defaultCondition(input.trial.drugClass);
  const measured = measure(input, condition);
  const judged = judge(input, measured, condition);
  return withFields(judged, { scores: measured?.scores ?? null });
}

function judge(input: OutcomeInput, measured: OutcomeResult | null, condition: ConditionKey): Omit<OutcomeResult, 'scores'> {
  const { trial, adequacy, intolerances, replacedBy } = input;

  const adverse =
    trial.events.find((e) => e.stopReason?.kind === 'adverse') ??
    (adequacy.adequate ? undefined : trial.events.find((e) => e.stopReason?.kind === 'mixed'));
  if (adverse) {
    return {
      outcome: 'intolerance',
      basis: 'recorded',
      detail: `stopped for an adverse effect: "${adverse.stopReason!.text}" (${adverse.reference})`,
      sources: [adverse.reference],
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

  if (measured) {
    const stillEarly = trial.ongoing && !adequacy.adequate;
    const good = measured.outcome === 'remission' || measured.outcome === 'response';
    if (!stillEarly || good) {
      if (trial.ongoing) measured.detail += ' (trial ongoing)';
      return measured;
    }
    return { ...measured, outcome: 'ongoing', detail: `ongoing, not yet an adequate trial; so far ${measured.detail}` };
  }

  const ineffective = trial.events.find((e) => e.stopReason?.kind === 'ineffective' || e.stopReason?.kind === 'mixed');
  if (ineffective && !trial.ongoing) {
    return {
      outcome: 'nonresponse',
      basis: 'recorded',
      detail: `stopped for lack of effect: "${ineffective.stopReason!.text}" (${ineffective.reference})`,
      sources: [ineffective.reference],
      rules: [],
    };
  }
  if (trial.ongoing) {
    return { outcome: 'ongoing', basis: 'recorded', detail: `ongoing as of the last record; no scores to judge it`, sources: [], rules: [] };
  }
  if (replacedBy) {
    return {
      outcome: 'nonresponse',
      basis: 'inferred',
      detail: `switched to ${replacedBy.ingredient} on ${isoDate(replacedBy.start)}; non-response inferred from the switch (lower confidence: no scores or stated reason)`,
      sources: [],
      rules: [R.switchInference],
    };
  }
  return unknownOutcome(input, condition);
}

/**
 * No outcome can be established. Says truthfully why: scores taken during the trial that cannot be measured (no
 * baseline within the baseline window, R.baseline; only the baseline itself; a baseline at the scale's floor) are
 * named, and a trial that ran until death ended there, not by a stop.
 */
function unknownOutcome(input: OutcomeInput, condition: ConditionKey): Omit<OutcomeResult, 'scores'> {
  const { trial, deathDay } = input;
  const atDeath = deathDay !== undefined && deathDay !== null && trial.end === deathDay;
  const scored = scoresAround(input, condition);
  if (!scored) {
    const detail = atDeath
      ? `ended at death (${isoDate(trial.end)}) without scores or a stated reason`
      : 'ended without scores, stated reason or a following agent';
    return { outcome: 'unknown', basis: 'inferred', detail, sources: [], rules: [] };
  }
  const { instrument, baseline, later } = scored;
  const label = cutoffsOf(instrument)?.label || instrumentLabel(instrument);
  const listed = later.map((s) => `${s.value} on ${isoDate(s.day)}`).join(', ');
  const why = !baseline
    ? `${label} ${listed} during the trial, but no baseline score within ${BASELINE_DAYS_BEFORE} days before or ` +
      `${BASELINE_DAYS_AFTER} days after its start (${isoDate(trial.start)}) to measure them against`
    : later.length === 0
      ? `only a baseline ${label} (${baseline.value} on ${isoDate(baseline.day)}), no later score during the trial`
      : `${label} ${listed} during the trial, but the baseline (${baseline.value} on ${isoDate(baseline.day)}) leaves no reduction to measure`;
  const detail = `${atDeath ? `ended at death (${isoDate(trial.end)})` : 'ended'}; ${why}; ${atDeath ? 'no stated reason' : 'no stated reason or following agent'}`;
  const sources = [...(baseline ? [baseline.source] : []), ...later.map((s) => s.source)];
  return { outcome: 'unknown', basis: 'inferred', detail, sources, rules: [R.baseline] };
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
      `${label} ${baseline.value} → ${last.value} (${pct >= 0 ? '−' : '+'}${Math.abs(pct)}%, ${isoDate(baseline.day)} → ${isoDate(last.day)})` +
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
): { score: DatedScore; onAdequateDose: boolean } | null {
  let latestAdequate: DatedScore | null = null;
  let latest: DatedScore | null = null;
  const threshold = adequacy.adequateDoseMg;
  const end = followUpEndIndex(series, trial);
  for (let i = firstFollowUpIndex(series, baseline, trial); i < end; i++) {
    const s = series[i]!;
    latest = s;
    if (threshold !== null && onDoseAtLeast(trial, adequacy, s.day, threshold)) latestAdequate = s;
  }
  if (latestAdequate) return { score: latestAdequate, onAdequateDose: true };
  return latest ? { score: latest, onAdequateDose: false } : null;
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
