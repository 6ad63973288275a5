/**
 * Geometry of the timeline, as pure functions of the Derivation, the visible time domain and the width.
 * No React here, so every position the SVG draws can be checked directly in tests.
 */
import { scaleLinear, scaleTime, type ScaleLinear, type ScaleTime } from 'd3-scale';
import { addDays, differenceInCalendarDays, isValid, parseISO, subYears } from 'date-fns';
import type {
  Derivation,
  DiagnosisSpan,
  DoseStep,
  Episode,
  Instrument,
  ProcedureMark,
  PsychotherapyCourse,
  ScorePoint,
  Trial,
} from '../../clinical/types';
import {
  INSTRUMENT_LABEL,
  INSTRUMENT_ORDER,
  OUTCOME_SHORT,
  PROCEDURE_LABEL,
  diagnosisKindLabel,
} from './labels';
import type { ScaleThresholdsView } from './thresholds';
import { BASELINE_DAYS_BEFORE } from '../../clinical/engine-rules';
import { ACTIVE_CLINICAL_STATUSES } from '../../clinical/terminology/systems';

// ---------------------------------------------------------------------------------------------
// Dates and domains
// ---------------------------------------------------------------------------------------------

export interface TimeDomain {
  start: Date;
  end: Date;
}

export type RangeChoice = 'two-years' | 'current-episode' | 'all';

/** FHIR date or dateTime ("2025", "2025-03", "2025-03-01", "2025-03-01T10:00:00Z") -> Date, or null. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const parsed = parseISO(value);
  return isValid(parsed) ? parsed : null;
}

function datesOf(derivation: Derivation): Date[] {
  const values: (string | null)[] = [derivation.asOf];
  for (const t of derivation.trials) values.push(t.start, t.end);
  for (const s of derivation.scores) values.push(s.date);
  for (const d of derivation.diagnoses) values.push(d.onset, d.abatement);
  for (const e of derivation.episodes) values.push(e.start, e.end);
  for (const p of derivation.procedures) values.push(p.start, p.end);
  return values.map(parseDate).filter((d): d is Date => d !== null);
}

/** Room after "today" so the arrow of an ongoing trial stays visible. */
function padEnd(asOf: Date, spanDays: number): Date {
  return addDays(asOf, Math.max(14, Math.round(spanDays * 0.03)));
}

/** Everything in the record, from its first dated item to a little after "as of". */
export function fullDomain(derivation: Derivation): TimeDomain {
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  const dates = datesOf(derivation);
  const first = dates.reduce((min, d) => (d < min ? d : min), asOf);
  const last = dates.reduce((max, d) => (d > max ? d : max), asOf);
  const start0 = differenceInCalendarDays(asOf, first) < 60 ? addDays(asOf, -365) : first;
  const span = Math.max(1, differenceInCalendarDays(last, start0));
  return { start: addDays(start0, -Math.max(14, Math.round(span * 0.02))), end: padEnd(last, span) };
}

export interface RangeResult {
  domain: TimeDomain;
  /** Said to the user when the choice could not be honoured as asked. */
  note?: string;
}

/** The earliest start of a trial still running: every preset range reaches back to it, so the current regimen shows. */
function currentTrialStart(derivation: Derivation): Date | null {
  const starts = derivation.trials
    .filter((t) => t.end === null)
    .map((t) => parseDate(t.start))
    .filter((d): d is Date => d !== null);
  return starts.length === 0 ? null : starts.reduce((min, d) => (d < min ? d : min));
}

function withCurrentTrials(derivation: Derivation, domain: TimeDomain): TimeDomain {
  const current = currentTrialStart(derivation);
  if (!current) return domain;
  const start = addDays(current, -14);
  return start < domain.start ? { start, end: domain.end } : domain;
}

export function rangeDomain(derivation: Derivation, choice: RangeChoice): RangeResult {
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  if (choice === 'two-years') {
    const start = subYears(asOf, 2);
    return { domain: withCurrentTrials(derivation, { start, end: padEnd(asOf, 730) }) };
  }
  if (choice === 'current-episode') {
    const starts = derivation.episodes
      .filter((e) => e.current)
      .map((e) => parseDate(e.start))
      .filter((d): d is Date => d !== null);
    if (starts.length === 0) {
      return { domain: fullDomain(derivation), note: 'No current episode with a start date was found; showing the whole record.' };
    }
    const first = starts.reduce((min, d) => (d < min ? d : min));
    // Back by the engine's baseline window, so the baseline scores of the episode's first trials stay visible.
    const start = addDays(first, -BASELINE_DAYS_BEFORE);
    return { domain: withCurrentTrials(derivation, { start, end: padEnd(asOf, differenceInCalendarDays(asOf, start)) }) };
  }
  return { domain: fullDomain(derivation) };
}

export const MIN_VISIBLE_DAYS = 28;

function clampDomain(domain: TimeDomain, limit: TimeDomain): TimeDomain {
  const width = domain.end.getTime() - domain.start.getTime();
  const limitWidth = limit.end.getTime() - limit.start.getTime();
  if (width >= limitWidth) return limit;
  let start = domain.start.getTime();
  if (start < limit.start.getTime()) start = limit.start.getTime();
  if (start + width > limit.end.getTime()) start = limit.end.getTime() - width;
  return { start: new Date(start), end: new Date(start + width) };
}

export function unionDomain(a: TimeDomain, b: TimeDomain): TimeDomain {
  return {
    start: a.start < b.start ? a.start : b.start,
    end: a.end > b.end ? a.end : b.end,
  };
}

/**
 * Halve the visible span, down to four weeks: around its centre, or, when "today" is in view, keeping the right
 * end, so zooming into the recent past never pushes the current regimen out of view.
 */
export function zoomIn(domain: TimeDomain, asOf?: Date): TimeDomain {
  const width = domain.end.getTime() - domain.start.getTime();
  const newWidth = Math.max(MIN_VISIBLE_DAYS * 86_400_000, width / 2);
  if (asOf && asOf >= domain.start && asOf <= domain.end) {
    return { start: new Date(domain.end.getTime() - newWidth), end: domain.end };
  }
  const centre = domain.start.getTime() + width / 2;
  return { start: new Date(centre - newWidth / 2), end: new Date(centre + newWidth / 2) };
}

/** Double the visible span around its centre, never beyond `limit`. */
export function zoomOut(domain: TimeDomain, limit: TimeDomain): TimeDomain {
  const width = domain.end.getTime() - domain.start.getTime();
  const centre = domain.start.getTime() + width / 2;
  return clampDomain({ start: new Date(centre - width), end: new Date(centre + width) }, limit);
}

/** Move by a quarter of the visible span (direction -1 = earlier, +1 = later), inside `limit`. */
export function pan(domain: TimeDomain, direction: -1 | 1, limit: TimeDomain): TimeDomain {
  const shift = ((domain.end.getTime() - domain.start.getTime()) / 4) * direction;
  return clampDomain(
    { start: new Date(domain.start.getTime() + shift), end: new Date(domain.end.getTime() + shift) },
    limit,
  );
}

export function timeScale(domain: TimeDomain, plotLeft: number, plotRight: number): ScaleTime<number, number> {
  return scaleTime().domain([domain.start, domain.end]).range([plotLeft, plotRight]);
}

// ---------------------------------------------------------------------------------------------
// Frame
// ---------------------------------------------------------------------------------------------

export interface Frame {
  width: number;
  /** Lane labels live left of this x. */
  plotLeft: number;
  plotRight: number;
}

/** The SVG never gets narrower than this; below it the page would be unusable anyway (brief: 1024 px frame). */
export const MIN_WIDTH = 640;

export function frameFor(containerWidth: number): Frame {
  const width = Math.max(MIN_WIDTH, Math.floor(containerWidth));
  const gutter = width < 900 ? 150 : 190;
  return { width, plotLeft: gutter, plotRight: width - 24 };
}

export interface AxisTick {
  x: number;
  label: string;
}

// English labels from a table, not Intl.DateTimeFormat: the first Intl formatter of a page loads the browser's locale
// data, which cost ~70 ms of the launch on a 2-core machine, for twelve fixed words.
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2024", in local time like the rest of the timeline. */
export const formatYear = (d: Date): string => String(d.getFullYear());

/** "Mar 2024" (what Intl's English short month and numeric year give), in local time. */
export const formatMonthYear = (d: Date): string => `${MONTH_ABBREVIATIONS[d.getMonth()]} ${d.getFullYear()}`;

export function axisTicks(scale: ScaleTime<number, number>, frame: Frame): AxisTick[] {
  const count = Math.max(2, Math.floor((frame.plotRight - frame.plotLeft) / 90));
  const [d0, d1] = scale.domain() as [Date, Date];
  const spanDays = differenceInCalendarDays(d1, d0);
  const format = spanDays > 4 * 365 ? formatYear : formatMonthYear;
  return scale.ticks(count).map((d) => ({ x: scale(d), label: format(d) }));
}

// ---------------------------------------------------------------------------------------------
// Generic interval packing (rows without overlap)
// ---------------------------------------------------------------------------------------------

/** Greedy first-fit: each interval goes into the first row whose last interval ends before it starts. */
export function packRows<T>(items: T[], x0: (item: T) => number, x1: (item: T) => number, gap = 2): number[] {
  const order = items.map((_, i) => i).sort((a, b) => x0(items[a]!) - x0(items[b]!));
  const rowEnds: number[] = [];
  const rows = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const start = x0(items[i]!);
    let row = rowEnds.findIndex((end) => end + gap <= start);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(x1(items[i]!));
    } else {
      rowEnds[row] = x1(items[i]!);
    }
    rows[i] = row;
  }
  return rows;
}

/** Rough width of a label in the 12px system font; good enough to decide whether it fits. */
export function estimateTextWidth(text: string, fontPx = 12): number {
  return text.length * fontPx * 0.56 + 4;
}

/**
 * The label whole when it fits in `roomPx`, else cut after its last whole word that fits, with an ellipsis, or
 * nothing when not even one word fits (never "Pregnan"). The item's details and accessible name keep the full text;
 * whole words keep the visible text part of that name (WCAG 2.5.3).
 */
export function fitText(text: string, roomPx: number, fontPx = 12): string {
  if (estimateTextWidth(text, fontPx) <= roomPx) return text;
  const chars = Math.floor((roomPx - 4) / (fontPx * 0.56)) - 1;
  const cut = text.slice(0, Math.max(0, chars + 1));
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace <= 0 ? '' : `${cut.slice(0, lastSpace).replace(/[\s,;:(]+$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Medication lanes
// ---------------------------------------------------------------------------------------------

/** The dose of a step in the unit of the trial's threshold (Trial.adequateDose.unit), which the bar is drawn in. */
export function comparableDose(step: DoseStep, trial: Trial): number | null {
  if (trial.adequateDose?.unit === 'mg/day CPZ-eq') return step.cpzEquivalentMg ?? null;
  return step.dailyDoseMg;
}

export type DoseLevel = 'at-or-above' | 'below' | 'unknown' | 'no-threshold';

export function doseLevel(step: DoseStep, trial: Trial): DoseLevel {
  const dose = comparableDose(step, trial);
  if (dose === null) return 'unknown';
  if (trial.adequateDose === null) return 'no-threshold';
  return dose >= trial.adequateDose.amount ? 'at-or-above' : 'below';
}

export interface DoseSegment {
  x0: number;
  x1: number;
  /** Top of the bar; its bottom is the row's baseline. */
  y: number;
  height: number;
  level: DoseLevel;
  step: DoseStep;
}

export interface TrialBar {
  trial: Trial;
  x0: number;
  x1: number;
  /** Row top and height (inside the lane). */
  top: number;
  rowHeight: number;
  baseline: number;
  segments: DoseSegment[];
  /** y of the adequate-dose threshold line, null when the trial has no threshold. */
  thresholdY: number | null;
  ongoing: boolean;
  marker: { x: number; y: number };
  /**
   * Whether the outcome mark is drawn: not for an ongoing trial without a result yet, not when the trial's end is cut
   * off at the plot's right edge, and not for an ongoing trial too short to hold it before "today".
   */
  showOutcomeMark: boolean;
  /** Outcome word printed beside the marker, or null when it would collide with the next bar. */
  label: string | null;
  /** The trial's dates lie outside the visible range. */
  offscreen: boolean;
  /** The bar was cut at the plot's left or right edge (its true start or end is outside the visible range). */
  clippedLeft: boolean;
  clippedRight: boolean;
}

export interface Lane {
  ingredient: string;
  drugClass: Trial['class'];
  /** The agent this one was added to (augmentation or combination), drawn right above it; null otherwise. */
  augments: string | null;
  top: number;
  height: number;
  bars: TrialBar[];
  /** Dose at the top of the lane's bars, in the unit of its trials' thresholds; shared by all trials of the agent. */
  doseMax: number;
}

export interface LaneLayout {
  /** One lane per agent, in the order the agents were first tried; an augmenting agent right after its base drug. */
  lanes: Lane[];
  height: number;
  /** Agents left out because none of their trials touch the visible range. */
  hiddenAgents: string[];
  /** Trials that could not be drawn, with why (bad dates). */
  unplaced: { trial: Trial; reason: string }[];
}

export interface LaneOptions {
  top: number;
  asOf: Date;
  /** Height of one trial row; lanes with overlapping trials of the same agent get several rows. */
  rowHeight: number;
}

/** Row height that keeps one trial and forty trials both legible. */
export function rowHeightFor(laneCount: number): number {
  return laneCount <= 12 ? 30 : laneCount <= 24 ? 26 : 22;
}

function trialDates(trial: Trial, asOf: Date): { start: Date; end: Date; ongoing: boolean } | null {
  const start = parseDate(trial.start);
  if (!start) return null;
  // An unreadable end date leaves only the start to draw (the page lists it under "Data notes").
  const end = trial.end === null ? asOf : parseDate(trial.end) ?? start;
  return { start, end: end < start ? start : end, ongoing: trial.end === null };
}

export function doseMaxOf(trials: Trial[]): number {
  let max = 0;
  for (const t of trials) {
    if (t.adequateDose !== null) max = Math.max(max, t.adequateDose.amount);
    for (const s of t.doseSteps) max = Math.max(max, comparableDose(s, t) ?? 0);
  }
  // Headroom above the highest dose so the threshold line never sits on the lane's top edge.
  return max > 0 ? max * 1.15 : 1;
}

/** Bar heights: the dose as a share of the lane's dose maximum, with a floor so tiny doses stay visible. */
export function doseScale(doseMax: number, baseline: number, barMaxHeight: number): ScaleLinear<number, number> {
  return scaleLinear().domain([0, doseMax]).range([baseline, baseline - barMaxHeight]).clamp(true);
}

export function layoutLanes(
  trials: Trial[],
  x: ScaleTime<number, number>,
  frame: Frame,
  options: LaneOptions,
): LaneLayout {
  const unplaced: LaneLayout['unplaced'] = [];
  const placeable: { trial: Trial; start: Date; end: Date; ongoing: boolean }[] = [];
  for (const trial of trials) {
    const dates = trialDates(trial, options.asOf);
    if (dates) placeable.push({ trial, ...dates });
    else unplaced.push({ trial, reason: `no usable start date ("${trial.start}")` });
  }

  const byIngredient = new Map<string, typeof placeable>();
  for (const p of placeable) {
    const lane = byIngredient.get(p.trial.ingredient) ?? [];
    lane.push(p);
    byIngredient.set(p.trial.ingredient, lane);
  }
  // Which lane a trial id lives in, so an augmentation can be drawn under the drug it was added to.
  const laneOfTrial = new Map<string, string>();
  for (const p of placeable) laneOfTrial.set(p.trial.id, p.trial.ingredient);
  const augments = (items: typeof placeable): string | null => {
    const added = items.find((p) => p.trial.role !== 'monotherapy' && p.trial.addedTo && laneOfTrial.get(p.trial.addedTo) !== p.trial.ingredient);
    return added?.trial.addedTo ? (laneOfTrial.get(added.trial.addedTo) ?? null) : null;
  };

  const [domainStart, domainEnd] = x.domain() as [Date, Date];
  const hiddenAgents: string[] = [];
  const firstStart = (items: typeof placeable) => Math.min(...items.map((p) => p.start.getTime()));
  // Agents in the order they were first tried, so the lanes read like the history.
  const visible = [...byIngredient.entries()]
    .filter(([ingredient, items]) => {
      const shown = items.some((p) => p.end >= domainStart && p.start <= domainEnd);
      if (!shown) hiddenAgents.push(ingredient);
      return shown;
    })
    .sort(([a, ia], [b, ib]) => firstStart(ia) - firstStart(ib) || (a < b ? -1 : a > b ? 1 : 0));
  // An augmenting agent follows the lane of the drug it was added to (when that lane is shown), then the rest in order.
  const visibleNames = new Set(visible.map(([name]) => name));
  const baseOf = new Map(visible.map(([name, items]) => [name, augments(items)] as const));
  const ordered: [string, typeof placeable][] = [];
  const placedNames = new Set<string>();
  const place = (entry: [string, typeof placeable]) => {
    if (placedNames.has(entry[0])) return;
    placedNames.add(entry[0]);
    ordered.push(entry);
    for (const other of visible) {
      const base = baseOf.get(other[0]);
      if (base === entry[0]) place(other);
    }
  };
  for (const entry of visible) {
    const base = baseOf.get(entry[0]);
    if (base && base !== entry[0] && visibleNames.has(base) && !placedNames.has(base)) continue;
    place(entry);
  }
  // Anything left (an augmentation cycle) keeps its chronological place.
  for (const entry of visible) place(entry);

  const lanes: Lane[] = [];
  let y = options.top;
  for (const [ingredient, items] of ordered) {
    const rows = packRows(
      items,
      (p) => p.start.getTime(),
      (p) => p.end.getTime(),
      1,
    );
    const rowCount = Math.max(...rows) + 1;
    const doseMax = doseMaxOf(items.map((p) => p.trial));
    const base = baseOf.get(ingredient) ?? null;
    const lane: Lane = {
      ingredient,
      drugClass: items[0]!.trial.class,
      augments: base && visibleNames.has(base) ? base : null,
      top: y,
      height: rowCount * options.rowHeight,
      bars: [],
      doseMax,
    };
    items.forEach((p, i) => {
      const rowTop = y + rows[i]! * options.rowHeight;
      lane.bars.push(layoutBar(p, rowTop, options.rowHeight, doseMax, x, frame, options.asOf, domainStart, domainEnd));
    });
    assignLabels(lane.bars, rows, frame);
    lanes.push(lane);
    y += lane.height;
  }
  return { lanes, height: y - options.top, unplaced, hiddenAgents };
}

function layoutBar(
  p: { trial: Trial; start: Date; end: Date; ongoing: boolean },
  rowTop: number,
  rowHeight: number,
  doseMax: number,
  x: ScaleTime<number, number>,
  frame: Frame,
  asOf: Date,
  domainStart: Date,
  domainEnd: Date,
): TrialBar {
  const { trial } = p;
  const baseline = rowTop + rowHeight - 5;
  const barMax = rowHeight - 9;
  const y = doseScale(doseMax, baseline, barMax);
  // Bars are cut at the plot's edges (a zoomed-in bar never runs into the labels or off the page).
  const clip = (value: number) => Math.min(frame.plotRight, Math.max(frame.plotLeft, value));
  const rawX0 = x(p.start);
  const rawX1 = Math.max(x(p.end), rawX0 + 2);
  const x0 = clip(rawX0);
  // A one-day trial still gets a visible sliver.
  const x1 = Math.max(clip(rawX1), Math.min(x0 + 2, frame.plotRight));
  const segments: DoseSegment[] = [];
  for (const step of trial.doseSteps) {
    const s = parseDate(step.start);
    const e = parseDate(step.end);
    if (!s || !e) continue;
    const level = doseLevel(step, trial);
    const dose = comparableDose(step, trial);
    // Unknown doses are drawn at half height, patterned, so they are neither mistaken for low nor for high.
    const top = dose === null ? baseline - barMax / 2 : Math.min(y(dose), baseline - 3);
    const sx0 = Math.max(clip(x(s)), x0);
    const sx1 = Math.min(Math.max(clip(x(e)), sx0 + 1), x1);
    if (sx1 <= sx0 && (x(e) < frame.plotLeft || x(s) > frame.plotRight)) continue;
    segments.push({ x0: sx0, x1: sx1, y: top, height: baseline - top, level, step });
  }
  if (segments.length === 0) {
    // No dose steps at all: one unknown-dose segment over the whole trial.
    segments.push({
      x0,
      x1,
      y: baseline - barMax / 2,
      height: barMax / 2,
      level: 'unknown',
      step: { start: trial.start, end: trial.end ?? trial.start, dailyDoseMg: null, basis: 'no dose recorded', source: '' },
    });
  }
  // An ongoing trial's outcome so far sits inside its bar, left of "today": nothing is drawn as if it were known after today.
  const todayX = x(asOf);
  const markerX = p.ongoing ? Math.min(x1, todayX) - OUTCOME_MARK_RADIUS - 2 : x1;
  const rawEnd = p.ongoing ? Math.min(rawX1, todayX) : rawX1;
  const showOutcomeMark =
    trial.outcome !== 'ongoing' && rawEnd <= frame.plotRight && (!p.ongoing || markerX - OUTCOME_MARK_RADIUS >= rawX0 - 1);
  return {
    trial,
    x0,
    x1,
    top: rowTop,
    rowHeight,
    baseline,
    segments,
    thresholdY: trial.adequateDose === null ? null : y(trial.adequateDose.amount),
    ongoing: p.ongoing,
    marker: { x: markerX, y: baseline - barMax / 2 },
    showOutcomeMark,
    label: null,
    offscreen: p.end < domainStart || p.start > domainEnd,
    clippedLeft: rawX0 < frame.plotLeft,
    clippedRight: rawX1 > frame.plotRight,
  };
}

/** Radius of the outcome marks (marks.tsx draws them at this size, glyphs at 12 px). */
export const OUTCOME_MARK_RADIUS = 8;

/** The words beside a trial's end: its outcome, and whether it was adequate when it was not. */
export function trialLabel(trial: Trial): string {
  return `${OUTCOME_SHORT[trial.outcome]}${trial.adequate ? '' : ', inadequate'}`;
}

/** Outcome words go right of the marker only where they do not run into the next bar of the same row. */
function assignLabels(bars: TrialBar[], rows: number[], frame: Frame): void {
  const byRow = new Map<number, TrialBar[]>();
  bars.forEach((bar, i) => {
    const list = byRow.get(rows[i]!) ?? [];
    list.push(bar);
    byRow.set(rows[i]!, list);
  });
  for (const list of byRow.values()) {
    list.sort((a, b) => a.x0 - b.x0);
    list.forEach((bar, i) => {
      const text = trialLabel(bar.trial);
      const next = list[i + 1];
      const room = (next ? next.x0 : frame.plotRight) - (bar.marker.x + 10);
      // Words after an ongoing bar would sit after "today"; a bar cut at the edge has no visible end to label.
      if (bar.ongoing || bar.clippedRight || bar.offscreen) {
        bar.label = null;
        return;
      }
      const visible = bar.marker.x >= frame.plotLeft && bar.marker.x <= frame.plotRight;
      bar.label = visible && estimateTextWidth(text) <= room ? text : null;
    });
  }
}

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
export function placeLabel(x0: number, x1: number, point: boolean, text: string, frame: Frame): { labelX: number; labelAnchor: 'start' | 'end' } {
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
      const abatement = parseDate(d.abatement);
      // Still active without an abatement date: runs to "as of"; resolved without one: only its onset is known.
      const openEnded = !abatement && (d.clinicalStatus === null || ACTIVE_CLINICAL_STATUSES.has(d.clinicalStatus));
      return { start, end: abatement ?? (openEnded ? asOf : null), point: !abatement && !openEnded };
    },
    (d) => diagnosisKindLabel(d.kind) === 'Other' ? d.display : diagnosisKindLabel(d.kind),
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

// ---------------------------------------------------------------------------------------------
// Symptom score charts
// ---------------------------------------------------------------------------------------------

/** A scale's valid range and, for safety items, the score from which a line is drawn (terminology tables). */
export interface ScoreRangeView {
  min: number;
  max: number;
  flagAtOrAbove?: number | null;
  flagText?: string;
}

export type ScoreRangeLookup = (instrument: Instrument) => ScoreRangeView | null;

export interface ScoreDot {
  x: number;
  y: number;
  point: ScorePoint;
  baseline: boolean;
}

export interface ResponseSegment {
  x0: number;
  x1: number;
  y: number;
  baselineValue: number;
  responseValue: number;
  trialId: string;
}

export interface ScoreChart {
  instrument: Instrument;
  label: string;
  top: number;
  height: number;
  /** The y axis runs from the scale's minimum to its maximum. */
  yMin: number;
  yMax: number;
  yTicks: { y: number; value: number }[];
  /** A safety threshold line (PHQ-9 item 9: any answer above 0), null when the scale has none. */
  flag: { y: number; value: number; text: string } | null;
  dots: ScoreDot[];
  /** The remission cut-off line ("< 5" or "≤ 7"). */
  remission: { y: number; value: number; text: string } | null;
  responses: ResponseSegment[];
  thresholds: ScaleThresholdsView | null;
}

export function remissionText(t: ScaleThresholdsView): string {
  return t.remissionMax === null ? 'no remission cut-off' : `remission ≤ ${t.remissionMax}`;
}

/** The score a trial must reach for "response": the reduction is measured above the scale's floor (PANSS starts at 30). */
export function responseValueOf(baseline: number, t: ScaleThresholdsView): number | null {
  if (t.responseReduction === null) return null;
  return t.floor + (baseline - t.floor) * (1 - t.responseReduction);
}

export function layoutScoreCharts(
  scores: ScorePoint[],
  trials: Trial[],
  thresholdsOf: (instrument: Instrument) => ScaleThresholdsView | null,
  asOf: Date,
  x: ScaleTime<number, number>,
  top: number,
  chartHeight: number,
  gap: number,
  rangeOf: ScoreRangeLookup = () => null,
): { charts: ScoreChart[]; height: number } {
  const byInstrument = new Map<Instrument, ScorePoint[]>();
  for (const s of scores) {
    if (!parseDate(s.date)) continue;
    const list = byInstrument.get(s.instrument) ?? [];
    list.push(s);
    byInstrument.set(s.instrument, list);
  }
  const instruments = [...byInstrument.keys()].sort((a, b) => INSTRUMENT_ORDER.indexOf(a) - INSTRUMENT_ORDER.indexOf(b));
  const charts: ScoreChart[] = [];
  let y0 = top;
  for (const instrument of instruments) {
    const points = byInstrument.get(instrument)!.slice().sort((a, b) => parseDate(a.date)!.getTime() - parseDate(b.date)!.getTime());
    const thresholds = thresholdsOf(instrument);
    const range = rangeOf(instrument);
    // The scale's whole range (PHQ-9 item 9 is 0-3, PANSS 30-210), so a score reads against its scale, not
    // against the other scores; a value outside the range (a data error) widens it rather than falling off the chart.
    const scaleMin = range?.min ?? thresholds?.floor ?? 0;
    const scaleMax = range?.max ?? thresholds?.ceiling ?? null;
    const maxValue = Math.max(...points.map((p) => p.value), scaleMax ?? 1);
    const minValue = Math.min(...points.map((p) => p.value), scaleMin);
    const base = scaleLinear().domain([minValue, maxValue]);
    const yScale = (scaleMax === null ? base.nice(4) : base).range([y0 + chartHeight - 4, y0 + 6]);
    const [yMin, yMax] = yScale.domain() as [number, number];
    // Both ends of the scale are labelled; inner ticks only where they do not crowd an end label.
    const inner = yScale.ticks(3).filter((v) => Math.abs(yScale(v) - yScale(yMin)) >= 14 && Math.abs(yScale(v) - yScale(yMax)) >= 14);
    const tickValues = [yMin, ...inner, yMax];

    const baselineSources = new Set<string>();
    const responses: ResponseSegment[] = [];
    for (const trial of trials) {
      // The engine's baseline: the score the trial's outcome is measured from, on the scale it is measured by.
      const base = trial.baselineScore;
      if (!base || base.instrument !== instrument) continue;
      const responseValue = thresholds ? responseValueOf(base.value, thresholds) : null;
      // A baseline is marked only where a response is measured from it (not on item 9, C-SSRS or a scale without one).
      if (responseValue === null) continue;
      baselineSources.add(base.source);
      const start = parseDate(base.date)!;
      const end = trial.end === null ? asOf : parseDate(trial.end);
      if (!end) continue;
      responses.push({ x0: x(start), x1: x(end), y: yScale(responseValue), baselineValue: base.value, responseValue, trialId: trial.id });
    }
    charts.push({
      instrument,
      label: INSTRUMENT_LABEL[instrument] ?? instrument,
      top: y0,
      height: chartHeight,
      yMax,
      yMin,
      yTicks: tickValues.map((value) => ({ value, y: yScale(value) })),
      flag:
        range?.flagAtOrAbove == null
          ? null
          : { value: range.flagAtOrAbove, y: yScale(range.flagAtOrAbove), text: range.flagText ?? `≥ ${range.flagAtOrAbove}` },
      dots: points.map((point) => ({
        x: x(parseDate(point.date)!),
        y: yScale(point.value),
        point,
        baseline: baselineSources.has(point.source),
      })),
      remission:
        thresholds?.remissionMax == null
          ? null
          : { value: thresholds.remissionMax, y: yScale(thresholds.remissionMax), text: remissionText(thresholds) },
      responses,
      thresholds,
    });
    y0 += chartHeight + gap;
  }
  return { charts, height: Math.max(0, y0 - top - gap) };
}
