/** The contract's Trial (src/clinical/types) from a judged trial: dates in ISO, doses per stretch, sources gathered. */
import { isoDate } from './dates';
import { ADHERENCE_UNCERTAIN, DURATION_UNKNOWN, describeDuration, orderCoverageWords, unconfirmedOpenOrderWords } from './vocabulary';
import type { EpisodeSpan } from './pipeline/3-episodes';
import type { MeasuredScores, OutcomeResult } from './pipeline/7-outcome';
import type { JudgedTrial } from './staging/judged';
import { cpzOf } from './cutoffs';
import type { DrugLevelPoint } from './pipeline/5-adherence';
import type { TrialDraft } from './pipeline/2-trials';
import type { ShortfallKind } from './pipeline/6-adequacy';
import { beforeApprovalWords } from './pipeline/9-history/data-notes';
import type { DoseStep, ScorePoint, Trial, TrialRole, TrialStopReason } from './types';

export function toTrial(
  j: JudgedTrial,
  ep: EpisodeSpan | null,
  pdc: number | null,
  levels: readonly DrugLevelPoint[],
  alongside: readonly TrialDraft[] = [],
): Trial {
  const d = j.draft;
  const role = outputRole(j, alongside);
  const isAntipsychotic = d.drugClass === 'antipsychotic';
  const lai = d.events.some((e) => e.identity.longActingInjectable);
  // Every step and every trial is built with all its fields, those that do not apply undefined (left out of the JSON
  // output as before): one shape each, however the trial is made.
  const doseSteps: DoseStep[] = d.segments.map((s) => ({
    start: isoDate(s.start),
    end: isoDate(s.end),
    dailyDoseMg: s.doseMg,
    basis: s.basis,
    source: s.source,
    cpzEquivalentMg: !isAntipsychotic ? undefined : s.doseMg === null ? null : (cpzOf(d.ingredient, s.doseMg, lai)?.cpzMg ?? null),
  }));
  const sources = new Set<string>();
  for (const e of d.events) {
    sources.add(e.reference);
    if (e.medicationSource) sources.add(e.medicationSource);
  }
  for (const s of j.outcome.sources) sources.add(s);
  // Every recorded stop reason, once per wording (a renewed order repeats its reason), whatever it says.
  const stopReasons: TrialStopReason[] = [];
  for (const e of d.events) {
    const r = e.stopReason;
    if (r && !stopReasons.some((x) => x.text === r.text)) stopReasons.push({ text: r.text, kind: r.kind, effects: r.effects, ...(r.safetyEvents ? { safetyEvents: r.safetyEvents } : {}), source: e.reference });
  }
  for (const s of j.adequacy.levelSources) sources.add(s);
  return {
    id: d.id,
    ingredient: d.ingredient,
    class: d.drugClass,
    start: isoDate(d.start),
    end: d.ongoing ? null : isoDate(d.end),
    durationDays: d.end - d.start + 1,
    durationText: durationTextOf(d),
    doseSteps,
    maxDailyDoseMg: d.maxSustainedDoseMg,
    doseRange: d.doseRange,
    daysAtMaxDailyDose: d.daysAtMaxSustainedDose,
    adequateDose: j.adequacy.adequateDose,
    adequateLevel: j.adequacy.adequateLevel,
    daysAtAdequateDose: j.adequacy.daysAtAdequateDose,
    adequate: j.adequacy.adequate,
    adequacyPending: !j.adequacy.adequate && j.adequacy.shortfalls.length > 0 && j.adequacy.shortfalls.every((f) => f === 'ongoing-short'),
    adequacyReason: j.adequacy.reason,
    adequacyRules: j.adequacy.rules,
    adherencePdc: pdc === null ? null : Math.round(pdc * 1000) / 1000,
    plasmaLevels: isAntipsychotic
      ? [...levels]
          .sort((a, b) => a.day - b.day)
          .map((l) => ({ value: l.value, unit: l.unit, date: isoDate(l.day), undetectable: l.undetectable, source: l.source }))
      : null,
    outcome: j.outcome.outcome,
    outcomeBasis: j.outcome.basis,
    outcomeDetail: j.outcome.detail,
    stopReasons: stopReasons.length ? stopReasons : undefined,
    baselineScore: scorePoint(j.outcome.scores, 'baseline'),
    followUpScore: scorePoint(j.outcome.scores, 'followUp') ?? judgedByPoint(j.outcome.judgedBy),
    role,
    episodeId: ep?.episode.id ?? null,
    sources: [...sources],
    notes: d.notes,
    addedTo: j.addedTo ? j.addedTo : undefined,
    alongside: (role === 'adjunct' || role === 'concurrent') && alongside.length ? alongside.map((t) => t.id) : undefined,
    adequacyUnconfirmed: adequacyUnconfirmedBy(j.adequacy.shortfalls) ? true : undefined,
    adequacyNotJudged: j.adequacy.kind === 'not-judged' ? true : undefined,
    unconfirmed: unconfirmedOf(d),
    startBeforeApproval: startBeforeApprovalOf(d),
    orderCoverage: orderCoverageOf(d),
  };
}

/** A trial of orders only whose orders leave days uncovered, in words beside it (R.orderCoverage). */
function orderCoverageOf(d: TrialDraft): Trial['orderCoverage'] {
  const c = d.orderCoverage;
  if (c === null) return undefined;
  return { pdc: Math.round(c.pdc * 1000) / 1000, text: `${orderCoverageWords(c)}: ${ADHERENCE_UNCERTAIN}`, sources: c.sources };
}

/** What leaves a trial's adequacy unconfirmed rather than short: a deciding level never drawn, a start before approval. */
const UNCONFIRMING: ReadonlySet<ShortfallKind> = new Set(['level-not-recorded', 'start-before-approval']);
/** Shortfalls beside which adequacy is still only unconfirmed (a running trial's time so far). */
const BESIDE_UNCONFIRMING: ReadonlySet<ShortfallKind> = new Set(['level-not-recorded', 'start-before-approval', 'ongoing-short']);

function adequacyUnconfirmedBy(shortfalls: readonly ShortfallKind[]): boolean {
  return shortfalls.some((f) => UNCONFIRMING.has(f)) && shortfalls.every((f) => BESIDE_UNCONFIRMING.has(f));
}

/** The trial's length in words: from its start, or from its first record after approval, or unknown (R.startBeforeApproval). */
function durationTextOf(d: TrialDraft): string {
  const early = d.startBeforeApproval;
  if (early === null) return describeDuration(d.end - d.start + 1);
  return early.countedFrom === null ? DURATION_UNKNOWN : describeDuration(d.end - early.countedFrom + 1);
}

/** A trial recorded from before its drug's first US approval: the data error, said beside the trial, and what is counted. */
function startBeforeApprovalOf(d: TrialDraft): Trial['startBeforeApproval'] {
  const early = d.startBeforeApproval;
  if (early === null) return undefined;
  const counted =
    early.countedFrom === null ? 'check the date' : `duration counted from ${isoDate(early.countedFrom)}, its first record dated ${early.approvalYear} or later`;
  return { text: `${beforeApprovalWords(d.ingredient, d.start)}; ${counted}`, sources: early.sources };
}

/** A running trial kept up by an open record that nothing has renewed, dispensed or restated for long. */
function unconfirmedOf(d: TrialDraft): Trial['unconfirmed'] {
  if (!d.ongoing) return undefined;
  const stale = d.events.filter((e) => e.ongoing && e.unconfirmedSince);
  if (!stale.length) return undefined;
  const since = stale[0]!.unconfirmedSince!;
  return { text: unconfirmedOpenOrderWords(isoDate(since.day), since.days), sources: stale.map((e) => e.reference) };
}

function scorePoint(scores: MeasuredScores | null, which: 'baseline' | 'followUp'): ScorePoint | null {
  if (!scores) return null;
  const s = scores[which];
  return { instrument: scores.instrument, date: isoDate(s.day), value: s.value, source: s.source };
}

/** The score a non-response without a baseline rests on, as the trial's follow-up score. */
function judgedByPoint(judged: OutcomeResult['judgedBy']): ScorePoint | null {
  return judged ? { instrument: judged.instrument, date: isoDate(judged.score.day), value: judged.score.value, source: judged.score.source } : null;
}

/**
 * The role the derivation states. An agent of a class no trial rule covers (prazosin, a benzodiazepine) is an adjunct:
 * it is not a trial of a core treatment. A trial no add-on rule placed is monotherapy only when no other psychiatric
 * medication ran alongside it. The resistance counts read the engine's own role (JudgedTrial.role), not this one.
 */
function outputRole(j: JudgedTrial, alongside: readonly TrialDraft[]): TrialRole {
  if (j.role !== 'monotherapy') return j.role;
  if (j.draft.drugClass === 'other-psychotropic') return 'adjunct';
  return alongside.length ? 'concurrent' : 'monotherapy';
}
