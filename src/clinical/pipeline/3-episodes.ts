/**
 * Episodes per condition from Condition onset/abatement, and the assignment of trials to them.
 * Overlapping diagnoses of one condition form one episode; a diagnosis without abatement runs to asOf unless its
 * clinical status says it resolved. The current episode is the one covering asOf.
 */
import { type Day, isoDate, toDay } from '../dates';
import { EPISODE_ONSET_TOLERANCE_DAYS, RELAPSE_PHQ9_MIN } from '../engine-rules';
import type { DatedScore } from './7-outcome';
import { firstIndexWhere } from '../sorted';
import { cutoffsOf } from '../cutoffs';
import { isConditionKey } from '../vocabulary';
import type { TrialDraft } from './2-trials';
import type { ConditionKey, DiagnosisSpan, DrugClass, Episode } from '../types';

export const ASSESSED_CONDITIONS: ConditionKey[] = ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'];
const CLOSED_STATUSES = new Set(['resolved', 'remission', 'inactive']);

/** Episode with day numbers for the engine's own use. */
export interface EpisodeSpan {
  episode: Episode;
  start: Day | null;
  /** Inclusive last day; asOf for open episodes. */
  end: Day;
}

interface Span {
  start: Day | null;
  end: Day | null;
  closedWithoutDate: boolean;
  source: string;
  basis: string;
}

/** Depressive conditions whose diagnosed spans are split at a documented remission followed by relapse. */
const SPLIT_BY_PHQ9 = new Set<ConditionKey>(['mdd', 'bipolar-depression']);

interface Piece {
  start: Day | null;
  end: Day | null;
  sources: string[];
  bases: string[];
  /** A diagnosis of it closed (resolved, remission, inactive) without an abatement date. */
  endUndated: boolean;
}

/**
 * Splits a diagnosed span at each documented remission (PHQ-9 at remission level) followed by a relapse (PHQ-9 >=
 * RELAPSE_PHQ9_MIN): one episode ends on the remission score's day, the next starts on the relapse score's day.
 */
function splitAtRemission(piece: Piece, phq9: DatedScore[] | undefined, asOf: Day): Piece[] {
  const cut = cutoffsOf('phq9');
  if (!phq9 || phq9.length < 2 || !cut) return [piece];
  const out: Piece[] = [];
  let current: Piece = piece;
  let remission: DatedScore | null = null;
  const end = piece.end ?? asOf;
  // The series is sorted by day: start at the piece's first score and stop after its end.
  const from = piece.start === null ? 0 : firstIndexWhere(phq9, (s) => s.day >= piece.start!);
  for (let i = from; i < phq9.length; i++) {
    const s = phq9[i]!;
    if (s.day > end) break;
    if (cut.isRemission(s.value)) {
      if (!remission) remission = s;
    } else if (remission && s.value >= RELAPSE_PHQ9_MIN) {
      out.push({ ...current, end: remission.day, sources: [...current.sources, remission.source], bases: [...current.bases, `ended at remission (PHQ-9 ${remission.value} on ${isoDate(remission.day)})`] });
      current = {
        start: s.day,
        end: piece.end,
        endUndated: piece.endUndated,
        sources: [...piece.sources, s.source],
        bases: [...piece.bases, `relapse (PHQ-9 ${s.value} on ${isoDate(s.day)}) after remission (PHQ-9 ${remission.value} on ${isoDate(remission.day)})`],
      };
      remission = null;
    } else if (s.value >= RELAPSE_PHQ9_MIN) remission = null;
  }
  out.push(current);
  return out;
}

/**
 * Episodes per assessed condition. An episode still open when the patient died (deathDay on or before asOf) ends at
 * death: nothing about a dead patient is current or ongoing.
 */
export function buildEpisodes(diagnoses: DiagnosisSpan[], asOf: Day, phq9?: DatedScore[], deathDay: Day | null = null): EpisodeSpan[] {
  const death = deathDay !== null && deathDay <= asOf ? deathDay : null;
  const byCondition = new Map<ConditionKey, Span[]>();
  for (const d of diagnoses) {
    if (!isConditionKey(d.kind)) continue;
    const start = toDay(d.onset);
    let end = toDay(d.abatement);
    const closed = end === null && d.clinicalStatus !== null && CLOSED_STATUSES.has(d.clinicalStatus);
    if (closed) end = start; // resolved without a date: the episode cannot be placed beyond its onset
    const basis =
      `${d.display || d.code} (${d.source}): ` +
      (start === null ? 'onset unknown' : `onset ${isoDate(start)}`) +
      (toDay(d.abatement) !== null ? `, abatement ${d.abatement}` : closed ? `, ${d.clinicalStatus} (no abatement date)` : ', no abatement');
    const list = byCondition.get(d.kind) ?? [];
    list.push({ start, end, closedWithoutDate: closed, source: d.source, basis });
    byCondition.set(d.kind, list);
  }
  const out: EpisodeSpan[] = [];
  for (const condition of ASSESSED_CONDITIONS) {
    const spans = byCondition.get(condition);
    if (!spans) continue;
    spans.sort((a, b) => (a.start ?? -Infinity) - (b.start ?? -Infinity));
    let merged: Piece[] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      const lastEnd = last ? (last.end ?? Infinity) : -Infinity;
      if (last && (s.start ?? -Infinity) <= lastEnd) {
        last.end = last.end === null || s.end === null ? null : Math.max(last.end, s.end);
        last.sources.push(s.source);
        last.bases.push(s.basis);
        if (s.closedWithoutDate) last.endUndated = true;
      } else merged.push({ start: s.start, end: s.end, sources: [s.source], bases: [s.basis], endUndated: s.closedWithoutDate });
    }
    if (SPLIT_BY_PHQ9.has(condition)) merged = merged.flatMap((m) => splitAtRemission(m, phq9, asOf));
    merged.forEach((m, i) => {
      const endedAtDeath = death !== null && m.end === null && (m.start === null || m.start <= death);
      if (endedAtDeath) {
        m.end = death;
        m.bases.push(`until death on ${isoDate(death)}`);
      }
      const end = m.end ?? asOf;
      const current = (m.start === null || m.start <= asOf) && end >= asOf && m.end === null;
      out.push({
        episode: {
          id: `${condition}-episode-${i + 1}`,
          condition,
          start: m.start === null ? null : isoDate(m.start),
          end: m.end === null ? null : isoDate(m.end),
          current,
          ...(endedAtDeath ? { endedAtDeath: true as const } : {}),
          ...(m.endUndated ? { endUndated: true as const } : {}),
          basis: m.bases.join('; '),
          sources: m.sources,
        },
        start: m.start,
        end,
      });
    });
  }
  return out;
}

/** The episode covering asOf, else none. */
export function currentEpisodeOf(episodes: EpisodeSpan[], condition: ConditionKey): EpisodeSpan | null {
  return episodes.find((e) => e.episode.condition === condition && e.episode.current) ?? null;
}

/** The latest episode of a condition (for a patient whose episodes have all ended). */
export function latestEpisodeOf(episodes: EpisodeSpan[], condition: ConditionKey): EpisodeSpan | null {
  let best: EpisodeSpan | null = null;
  for (const e of episodes) if (e.episode.condition === condition && (!best || e.end > best.end)) best = e;
  return best;
}

/** Whether a trial falls in an episode: it overlaps it, allowing for onsets recorded after treatment began. */
export function trialInEpisode(trial: TrialDraft, ep: EpisodeSpan): boolean {
  const epStart = ep.start === null ? -Infinity : ep.start - EPISODE_ONSET_TOLERANCE_DAYS;
  return trial.end >= epStart && trial.start <= ep.end;
}

/** Which conditions an agent class is used for, most likely first (for assigning a trial to one episode). */
const PREFERENCE: Record<string, ConditionKey[]> = {
  antipsychotic: ['schizophrenia', 'bipolar-depression', 'mdd', 'ocd', 'ptsd'],
  'mood-stabilizer': ['bipolar-depression', 'mdd', 'schizophrenia', 'ptsd', 'ocd'],
  antidepressant: ['mdd', 'ocd', 'ptsd', 'bipolar-depression', 'schizophrenia'],
};

function conditionPreference(c: DrugClass): ConditionKey[] {
  if (c === 'antipsychotic') return PREFERENCE.antipsychotic!;
  if (c === 'mood-stabilizer') return PREFERENCE['mood-stabilizer']!;
  return PREFERENCE.antidepressant!;
}

/** The episode a trial belongs to, by class preference among the episodes it overlaps. */
export function assignEpisode(trial: TrialDraft, episodes: EpisodeSpan[]): EpisodeSpan | null {
  for (const condition of conditionPreference(trial.drugClass)) {
    let best: EpisodeSpan | null = null;
    for (const ep of episodes) {
      if (ep.episode.condition !== condition || !trialInEpisode(trial, ep)) continue;
      if (!best || (ep.start ?? -Infinity) > (best.start ?? -Infinity)) best = ep;
    }
    if (best) return best;
  }
  return null;
}
