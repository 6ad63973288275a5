/**
 * Display helpers of the timeline. No clinical judgement and no clinical words here: everything clinical comes from
 * the Derivation, and the words for it (conditions, diagnosis kinds, drug classes, roles, procedures, outcomes) from
 * the engine's vocabulary (src/clinical/vocabulary.ts), which the views import directly; what lives here is how the
 * timeline shows them (the score charts' order, dates cut to days, "dose unknown").
 */
import type { Derivation, Instrument, Suggestion } from '../../clinical/types';
import { plainText, REFERENCE_RUN } from '../../clinical/plain-text';
import { formatDose, formatMg } from '../../clinical/vocabulary';

/**
 * Order of the score charts, depression scales first: a display preference of the timeline (which chart is drawn
 * first), not a clinical word, so it stays with the views.
 */
export const INSTRUMENT_ORDER: Instrument[] = [
  'phq9',
  'madrs',
  'hamd17',
  'qids-sr16',
  'phq2',
  'phq9-item9',
  'cssrs',
  'gad7',
  'ybocs',
  'pcl5',
  'caps5',
  'panss',
  'bprs',
];

/**
 * The engine's adequacy reason without its leading verdict ("adequate: 150 mg/day …"), for places that already say
 * "Adequate" or "Not adequate" before it (so no "adequate: adequate:").
 */
export function adequacyReasonText(reason: string): string {
  return reason.replace(/^(?:(?:not\s+)?adequate|adequacy unconfirmed):\s*/i, '');
}

/** "2025-03-01" stays as it is; a dateTime is cut to its date, since the timeline works in days. */
export function displayDate(value: string | null | undefined): string {
  if (!value) return 'unknown date';
  return value.length > 10 ? value.slice(0, 10) : value;
}

export function doseText(mg: number | null | undefined, unit = 'mg/day'): string {
  if (mg === null || mg === undefined) return 'dose unknown';
  return `${formatMg(mg)} ${unit}`;
}

/** A daily dose of a trial's drug in the unit it is prescribed in ("100 mg/day", "12.5 mcg/day" for liothyronine). */
export function trialDoseText(mg: number | null | undefined, ingredient: string): string {
  return mg === null || mg === undefined ? 'dose unknown' : `${formatDose(mg, ingredient)}/day`;
}

/** What kind of note this is, for counting: its words before the first colon, numbers and ids left out. */
export function noteKind(note: string): string {
  const head = note.replace(REFERENCE_RUN, '').split(':')[0]!;
  return head
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.+\-Z]*)?/g, '…')
    .replace(/\d+(\.\d+)?/g, '…')
    .trim()
    .replace(/\s+(from|in|on)$/i, '')
    .trim();
}

/**
 * A note beside the first of its kind, in plain words: "the same, 28 days × 3 fills on the prescription" (its figures,
 * the words after its kind's colon), "the same" when it says just what the first says, else the whole note.
 */
export function sameKindNoteWords(first: string, note: string): string {
  const plain = plainText(note);
  if (plain === plainText(first)) return 'the same';
  const colon = plain.indexOf(': ');
  return colon < 0 ? plain : `the same, ${plain.slice(colon + 2)}`;
}

/** The option the engine's headline leads with (Derivation.nextStep), or null when the headline is not an option. */
export function nextStep(derivation: Pick<Derivation, 'suggestions' | 'nextStep'>): Suggestion | null {
  const { kind, intervention } = derivation.nextStep;
  return kind === 'option' ? (derivation.suggestions.find((s) => s.intervention === intervention) ?? null) : null;
}
