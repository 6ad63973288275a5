/**
 * Psychotherapy courses as trials of that therapy, where a resistance definition counts psychotherapy (the table
 * THERAPY_COUNTED: trauma-focused therapy in PTSD, CBT with exposure and response prevention in OCD). A course is
 * adequate by its number of sessions (or, when the record does not count them, by the length of a completed course);
 * its outcome is measured on the condition's scale from the course's start to its end, with the thresholds used for
 * medication trials. Pure: the scores are passed in.
 */
import { type Day, isoDate, toDay } from '../dates';
import { type DatedScore, INSTRUMENTS_FOR, findBaseline } from '../pipeline/7-outcome';
import { instrumentLabel, scoreChangeText } from '../vocabulary';
import { THERAPY_COUNTED } from '../terminology/history-codes';
import { cutoffsOf } from '../cutoffs';
import type { ConditionKey, Instrument, Outcome, PsychotherapyCourse, TherapyTrial } from '../types';

/** Scores up to two weeks after the last session still reflect the course (as for medication trials). */
const FOLLOW_UP_DAYS = 14;

/** The courses of the condition's counted modalities that overlap the episode, judged as trials; [] where none count. */
export function judgeTherapyTrials(
  condition: ConditionKey,
  courses: readonly PsychotherapyCourse[],
  span: { start: Day | null; end: Day } | null,
  scores: Map<Instrument, DatedScore[]>,
  asOf: Day,
): TherapyTrial[] {
  const counted = THERAPY_COUNTED[condition];
  if (!counted || !span) return [];
  const out: TherapyTrial[] = [];
  for (const course of courses) {
    if (!counted.modalities.includes(course.modality)) continue;
    const start = toDay(course.start);
    if (start === null) continue;
    const end = toDay(course.end) ?? asOf;
    if (start > span.end || (span.start !== null && end < span.start)) continue;
    const finished = course.end !== null && course.status !== 'in-progress';
    const weeks = Math.floor((end - start + 1) / 7);
    let adequate: boolean;
    let adequacyReason: string;
    if (course.sessions !== null) {
      adequate = course.sessions >= counted.minSessions;
      adequacyReason = `${course.sessions} session${course.sessions === 1 ? '' : 's'} (${counted.minSessions} needed)`;
    } else {
      adequate = finished && weeks >= counted.minWeeks;
      adequacyReason = `sessions not recorded; ${finished ? 'completed' : 'ongoing'} course of ${weeks} week${weeks === 1 ? '' : 's'} (${counted.minWeeks} needed when sessions are not recorded)`;
    }
    const measured = finished ? measureCourse(condition, start, end, scores) : null;
    const outcome: Outcome = !finished ? 'ongoing' : measured?.outcome ?? 'unknown';
    const outcomeDetail = !finished
      ? 'in progress'
      : measured?.detail ?? `outcome not measured: no ${measurable(condition)} score at its start and end`;
    out.push({
      modality: course.modality,
      display: course.display,
      start: course.start,
      end: course.end,
      sessions: course.sessions,
      adequate,
      adequacyReason,
      outcome,
      outcomeDetail,
      failed: adequate && (outcome === 'nonresponse' || outcome === 'partial'),
      sources: [...course.sources, ...(measured?.sources ?? [])],
    });
  }
  return out;
}

/** The condition's scales that have response thresholds ("CAPS-5": PCL-5 has none here). */
function measurable(condition: ConditionKey): string {
  const scales = INSTRUMENTS_FOR[condition].filter((i) => cutoffsOf(i) !== null).map(instrumentLabel);
  return scales.length ? scales.join(' or ') : 'rating-scale';
}

function measureCourse(
  condition: ConditionKey,
  start: Day,
  end: Day,
  scores: Map<Instrument, DatedScore[]>,
): { outcome: Outcome; detail: string; sources: string[] } | null {
  for (const instrument of INSTRUMENTS_FOR[condition]) {
    const series = scores.get(instrument);
    const cut = cutoffsOf(instrument);
    if (!series || series.length < 2 || !cut) continue;
    const baseline = findBaseline(series, start);
    if (!baseline) continue;
    let last: DatedScore | null = null;
    for (const s of series) if (s.day > baseline.day && s.day >= start && s.day <= end + FOLLOW_UP_DAYS) last = s;
    if (!last) continue;
    const above = baseline.value - cut.floor;
    if (above <= 0) continue;
    const reduction = (baseline.value - last.value) / above;
    const outcome: Outcome =
      cut.isRemission(last.value) && !cut.isRemission(baseline.value)
        ? 'remission'
        : reduction >= cut.responseReduction
          ? 'response'
          : reduction >= cut.partialReduction
            ? 'partial'
            : 'nonresponse';
    const pct = Math.round(reduction * 100);
    const label = cut.label || instrumentLabel(instrument);
    return {
      outcome,
      detail: `${label} ${baseline.value} → ${last.value} (${scoreChangeText(baseline.value, last.value, pct)}, ${isoDate(baseline.day)} → ${isoDate(last.day)})`,
      sources: [baseline.source, last.source],
    };
  }
  return null;
}

/** "trauma-focused therapy sessions (12 sessions, 2019-01-07 to 2019-04-01): PCL-5 62 → 58 (−7%, …)" */
export function describeTherapyTrial(t: TherapyTrial): string {
  const sessions = t.sessions !== null ? `${t.sessions} session${t.sessions === 1 ? '' : 's'}, ` : '';
  return `${t.display} (${sessions}${t.start} to ${t.end ?? 'now'}): ${t.outcomeDetail}`;
}
