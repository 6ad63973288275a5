/**
 * Notes about the data a clinician can act on: screenings without a score, cognition scores, dates before birth or
 * before a drug's first US approval, open orders nothing has renewed for years.
 */
import type { MedicationEvent } from '../../events';
import { type Day, isoDate, toDay, yearOf } from '../../dates';
import { COGNITION_LABEL, FIRST_US_APPROVAL, firstUsApproval } from '../../terminology/history-codes';
import { REFERENCES } from '../../references/registry';
import type { Finding, OtherTreatment } from '../../types';
import type { HistoryInputs } from './history-inputs';

/** Where each approval year was read, in words: the same for every patient, so said once, not per note. */
const APPROVAL_READ_IN = new Map(
  FIRST_US_APPROVAL.map((row) => [row.ingredient, row.references.length ? row.references.map((id) => REFERENCES[id].short).join('; ') : 'year not checked in a label']),
);

/**
 * A record of a drug dated before its first US approval, in the words the data note and the trial beside it share:
 * "recorded from 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error".
 */
export function beforeApprovalWords(ingredient: string, first: Day): string {
  const row = firstUsApproval(ingredient)!;
  const where = APPROVAL_READ_IN.get(ingredient)!;
  return `recorded from ${isoDate(first)}, before its first US approval (${row.year}; ${where}${row.verification === 'U' ? ', unverified' : ''}): most likely a data error`;
}

/** A dated record as a data note names it ("sertraline record 1960-01-01"). */
export interface DatedRecord {
  day: Day;
  source: string;
  what: string;
}

export function dataNotesOf(args: {
  h: HistoryInputs;
  events: MedicationEvent[];
  others: OtherTreatment[];
  /** The symptom scores (their dates are read only when there are screenings to match). */
  scores: readonly { date: string }[];
  birthDay: Day | null;
  /** The dated records before a day, in the record's order. */
  datedBefore: (day: Day) => DatedRecord[];
}): Finding[] {
  const notes: Finding[] = [];
  // Screening without a recorded score: a score within a day of the screening counts as its result.
  const unscored = unscoredScreenings(args.h.screenings, args.scores);
  if (unscored.length > 0) {
    const days = unscored.map((s) => isoDate(s.day));
    notes.push({
      text: `${unscored.length} depression or mental-health screening${unscored.length > 1 ? 's' : ''} (${summariseDays(days)}) without a recorded score: whether a screen was positive is not in the record.`,
      sources: unscored.map((s) => s.source),
    });
  }
  // Cognition scores read as such.
  for (const instrument of ['mmse', 'moca'] as const) {
    const list = args.h.cognition.filter((c) => c.instrument === instrument).sort((a, b) => a.day - b.day);
    if (list.length === 0) continue;
    const values = list.map((c) => `${c.value ?? '?'} (${isoDate(c.day)})`);
    const shown = values.length > 4 ? [values[0], '…', values[values.length - 1]] : values;
    notes.push({
      text: `${COGNITION_LABEL[instrument]} ${shown.join(' → ')}: cognitive scores (0-30, lower is worse), not a symptom scale; not used for treatment outcomes.`,
      sources: list.map((c) => c.source),
    });
  }
  // Dates before birth.
  if (args.birthDay !== null) {
    const before = args.datedBefore(args.birthDay);
    if (before.length > 0)
      notes.push({
        text: `${before.length} record${before.length > 1 ? 's' : ''} dated before the patient's birth (${isoDate(args.birthDay)}): ${before.slice(0, 3).map((d) => `${d.what} ${isoDate(d.day)}`).join(', ')}${before.length > 3 ? ', …' : ''}: a data error.`,
        sources: before.map((d) => d.source),
      });
  }
  // Medication dates before the drug's first US approval.
  const early = new Map<string, { first: Day; sources: string[] }>();
  for (const e of args.events) {
    const row = firstUsApproval(e.ingredient);
    if (!row || yearOf(e.start) >= row.year) continue;
    const seen = early.get(e.ingredient);
    if (seen) {
      seen.first = Math.min(seen.first, e.start);
      seen.sources.push(e.reference);
    } else early.set(e.ingredient, { first: e.start, sources: [e.reference] });
  }
  for (const [ingredient, { first, sources }] of early) {
    notes.push({ text: `${ingredient} ${beforeApprovalWords(ingredient, first)}; check the date.`, sources });
  }
  // Open orders with nothing since for years (the trial notes say it per record; here once per agent).
  for (const e of args.events) {
    const stale = e.notes.find((n) => n.includes('nothing has renewed, dispensed or restated'));
    if (stale && !notes.some((n) => n.sources.includes(e.reference))) notes.push({ text: stale, sources: [e.reference] });
  }
  return notes;
}

function unscoredScreenings<S extends { day: Day }>(screenings: readonly S[], scores: readonly { date: string }[]): S[] {
  if (screenings.length === 0) return [];
  const scored = new Set<Day>();
  for (const s of scores) {
    const day = toDay(s.date);
    if (day !== null) scored.add(day);
  }
  return screenings.filter((s) => !scored.has(s.day) && !scored.has(s.day - 1) && !scored.has(s.day + 1));
}

function summariseDays(days: string[]): string {
  const sorted = [...days].sort();
  if (sorted.length <= 3) return sorted.join(', ');
  return `${sorted[0]} to ${sorted[sorted.length - 1]}`;
}
