/**
 * Span rows below the medication lanes: episodes, psychotherapy, diagnoses and procedures.
 */
import { type ScaleTime } from 'd3-scale';
import { differenceInCalendarDays } from 'date-fns';
import type {
  DiagnosisSpan, Episode, ProcedureMark,
  PsychotherapyCourse
} from '../../../clinical/types';
import { PROCEDURE_LABEL, recordedDiagnosisName } from '../../../clinical/vocabulary';
import { ACTIVE_CLINICAL_STATUSES } from '../../../clinical/terminology/systems';
import { isEventDiagnosis } from '../../../clinical/terminology/event-diagnoses';
import { parseDate } from './domain';
import { type Frame } from './axis';
import { packRows, estimateTextWidth, fitText } from './packing';

// ---------------------------------------------------------------------------------------------
// Spans: diagnoses, episodes, procedures
// ---------------------------------------------------------------------------------------------

export interface SpanLayout<T> {
  item: T;
  x0: number;
  x1: number;
  top: number;
  height: number;
  /** A point in time (no end): drawn as a mark, not a span. */
  point: boolean;
  label: string | null;
  /** The label's full text (the drawn `label` may be cut to the room left in the plot). */
  fullLabel: string;
  /** Where the label starts (x), and whether it runs right of that x or ends at it (near the right edge). */
  labelX: number;
  labelAnchor: 'start' | 'end';
}

/** Label placement: inside/after the visible part of the item; flipped left when it would run off the plot. */
function placeLabel(x0: number, x1: number, point: boolean, text: string, frame: Frame): { labelX: number; labelAnchor: 'start' | 'end' } {
  const start = Math.max(x0, frame.plotLeft) + (point ? 10 : 4);
  const width = estimateTextWidth(text);
  if (start + width <= frame.plotRight) return { labelX: start, labelAnchor: 'start' };
  // A short span or a mark near "today": the label ends just left of it, where there is more room.
  const before = x0 - (point ? 10 : 4);
  if (before - frame.plotLeft > frame.plotRight - start && (point || x1 - x0 < width)) return { labelX: before, labelAnchor: 'end' };
  return { labelX: start, labelAnchor: 'start' };
}

export interface SpanRows<T> {
  spans: SpanLayout<T>[];
  height: number;
  unplaced: { item: T; reason: string }[];
}

function layoutSpans<T>(
  items: T[],
  dates: (item: T) => { start: Date | null; end: Date | null; point: boolean },
  labelOf: (item: T) => string,
  x: ScaleTime<number, number>,
  frame: Frame,
  top: number,
  rowHeight: number,
  unplacedReason: (item: T) => string,
): SpanRows<T> {
  const unplaced: SpanRows<T>['unplaced'] = [];
  const placed: { item: T; x0: number; x1: number; point: boolean }[] = [];
  for (const item of items) {
    const d = dates(item);
    if (!d.start) {
      unplaced.push({ item, reason: unplacedReason(item) });
      continue;
    }
    const x0 = x(d.start);
    const x1 = d.point || !d.end ? x0 : Math.max(x(d.end), x0 + 2);
    placed.push({ item, x0, x1, point: d.point || !d.end });
  }
  // Labels are part of the packed width, so that no two labels overlap.
  const labelWidth = (p: (typeof placed)[number]) => estimateTextWidth(labelOf(p.item));
  const rows = packRows(
    placed,
    (p) => p.x0 - (p.point ? 6 : 0),
    (p) => Math.max(p.x1, p.x0 + labelWidth(p) + (p.point ? 10 : 4)),
    4,
  );
  const rowCount = placed.length === 0 ? 0 : Math.max(...rows) + 1;
  const spans = placed.map((p, i) => {
    const text = labelOf(p.item);
    const visible = p.x1 >= frame.plotLeft && p.x0 <= frame.plotRight;
    const place = placeLabel(p.x0, p.x1, p.point, text, frame);
    const room = place.labelAnchor === 'start' ? frame.plotRight - place.labelX : place.labelX - frame.plotLeft;
    const shown = visible ? fitText(text, room) : '';
    return {
      item: p.item,
      x0: p.x0,
      x1: p.x1,
      top: top + rows[i]! * rowHeight,
      height: rowHeight,
      point: p.point,
      label: shown === '' ? null : shown,
      fullLabel: text,
      ...place,
    };
  });
  return { spans, height: rowCount * rowHeight, unplaced };
}

export function layoutEpisodes(
  episodes: Episode[],
  asOf: Date,
  x: ScaleTime<number, number>,
  frame: Frame,
  top: number,
  rowHeight: number,
  labelOf: (e: Episode) => string,
): SpanRows<Episode> {
  return layoutSpans(
    episodes,
    (e) => ({ start: parseDate(e.start), end: e.end === null ? asOf : parseDate(e.end), point: false }),
    labelOf,
    x,
    frame,
    top,
    rowHeight,
    () => 'episode without a start date',
  );
}

/** Psychotherapy courses (the engine's `psychotherapy`): packed rows like diagnoses, ongoing courses run to "as of". */
export function layoutPsychotherapy(
  courses: PsychotherapyCourse[],
  asOf: Date,
  x: ScaleTime<number, number>,
  frame: Frame,
  top: number,
  rowHeight: number,
  labelOf: (c: PsychotherapyCourse) => string,
): SpanRows<PsychotherapyCourse> {
  return layoutSpans(
    courses,
    (c) => {
      const start = parseDate(c.start);
      const end = c.end === null ? asOf : parseDate(c.end);
      return { start, end, point: c.status === 'session' };
    },
    labelOf,
    x,
    frame,
    top,
    rowHeight,
    () => 'no date',
  );
}

export function layoutDiagnoses(
  diagnoses: DiagnosisSpan[],
  asOf: Date,
  x: ScaleTime<number, number>,
  frame: Frame,
  top: number,
  rowHeight: number,
): SpanRows<DiagnosisSpan> {
  return layoutSpans(
    diagnoses,
    (d) => {
      const start = parseDate(d.onset);
      // An event (an overdose, an injury, a visit's reason) is a point on its date, never a span to today.
      if (isEventDiagnosis(d)) return { start, end: null, point: true };
      const abatement = parseDate(d.abatement);
      // Still active without an abatement date: runs to "as of"; resolved without one: only its onset is known.
      const openEnded = !abatement && (d.clinicalStatus === null || ACTIVE_CLINICAL_STATUSES.has(d.clinicalStatus));
      return { start, end: abatement ?? (openEnded ? asOf : null), point: !abatement && !openEnded };
    },
    // A lane names the condition recorded; the class the rules file it under is in its details.
    recordedDiagnosisName,
    x,
    frame,
    top,
    rowHeight,
    () => 'no onset date',
  );
}

/**
 * Procedures: one row per kind (ECT, TMS, esketamine…), since sessions come in series; only marks whose
 * label has room get one, so twenty esketamine sessions stay one readable row.
 */
export function layoutProcedures(
  procedures: ProcedureMark[],
  x: ScaleTime<number, number>,
  frame: Frame,
  top: number,
  rowHeight: number,
): SpanRows<ProcedureMark> {
  const unplaced: SpanRows<ProcedureMark>['unplaced'] = [];
  const kinds = [...new Set(procedures.map((p) => p.kind))];
  const spans: SpanLayout<ProcedureMark>[] = [];
  kinds.forEach((kind, row) => {
    const placed = procedures
      .filter((p) => p.kind === kind)
      .flatMap((p) => {
        const start = parseDate(p.start);
        if (!start) {
          unplaced.push({ item: p, reason: 'no date' });
          return [];
        }
        const end = parseDate(p.end);
        const point = !end || differenceInCalendarDays(end, start) < 1;
        return [{ p, x0: x(start), x1: point ? x(start) : Math.max(x(end), x(start) + 2), point }];
      })
      .sort((a, b) => a.x0 - b.x0);
    let labelEnd = -Infinity;
    for (const item of placed) {
      const label = PROCEDURE_LABEL[item.p.kind];
      const fits = item.x0 + 10 > labelEnd && item.x0 >= frame.plotLeft - 2 && item.x0 <= frame.plotRight;
      spans.push({
        item: item.p,
        x0: item.x0,
        x1: item.x1,
        top: top + row * rowHeight,
        height: rowHeight,
        point: item.point,
        label: fits ? label : null,
        fullLabel: label,
        ...placeLabel(item.x0, item.x1, true, label, frame),
      });
      if (fits) labelEnd = Math.max(item.x1, item.x0 + 10 + estimateTextWidth(label));
    }
  });
  return { spans, height: kinds.length * rowHeight, unplaced };
}
