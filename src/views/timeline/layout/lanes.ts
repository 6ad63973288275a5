/**
 * The medication lanes of the timeline: one lane per agent, each trial a bar of dose steps with its threshold line,
 * outcome mark and label. Like the rest of layout/ (domain, axis, packing, spans, scores), pure functions of the
 * Derivation, the visible time domain and the width: no React, so every position the SVG draws can be tested.
 */
import { scaleLinear, type ScaleLinear, type ScaleTime } from 'd3-scale';
import type {
  DoseStep, Trial
} from '../../../clinical/types';
import { ADEQUACY_VERDICT_SHORT, OUTCOME_SHORT, adequacyVerdictOf, describeTrialDoses, measuredChangeWords, latestLevelWords, latestPlasmaLevelWords, stopSafetyEventWords } from '../../../clinical/vocabulary';
import { parseDate } from './domain';
import { type Frame } from './axis';
import { packRows, estimateTextWidth } from './packing';

// ---------------------------------------------------------------------------------------------
// Medication lanes
// ---------------------------------------------------------------------------------------------

/** The dose of a step in the unit of the trial's threshold (Trial.adequateDose.unit), which the bar is drawn in. */
function comparableDose(step: DoseStep, trial: Trial): number | null {
  if (trial.adequateDose?.unit === 'mg/day CPZ-eq') return step.cpzEquivalentMg ?? null;
  return step.dailyDoseMg;
}

/**
 * How a stretch of a bar is filled. 'level-unmeasured': the dose is known, but the engine judges the agent's adequacy
 * by a drug level and none was recorded (its verdict "adequacy unconfirmed"), so neither "below" nor "no threshold".
 */
export type DoseLevel = 'at-or-above' | 'below' | 'unknown' | 'no-threshold' | 'level-unmeasured';

export function doseLevel(step: DoseStep, trial: Trial): DoseLevel {
  // Where a drug level decided adequacy, the engine's level verdict colours the whole bar (the dose had no threshold).
  if (trial.adequateLevel) return trial.adequateLevel.reached ? 'at-or-above' : 'below';
  const dose = comparableDose(step, trial);
  if (dose === null) return 'unknown';
  // Only a level-decided trial has no dose threshold while unconfirmed; one unconfirmed for its dates is drawn by its dose.
  if (trial.adequacyUnconfirmed && trial.adequateDose === null) return 'level-unmeasured';
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
  /**
   * Outcome word printed beside the marker, or null when it would collide with the next bar. For a running bar: its
   * drug, dose, "running" and latest level, inside the bar (`labelInside`), as much as fits.
   */
  label: string | null;
  /** Where the label starts (or ends, `labelAnchor` 'end'): clear of the outcome mark's widest shape and its stroke. */
  labelX: number;
  /** 'end' for words placed before the bar or inside it before its outcome mark: `labelX` is where they end. */
  labelAnchor: 'start' | 'end';
  /** The label is drawn inside the bar (with a halo, over the dose fill). */
  labelInside: boolean;
  /** The latest plasma level, left of the bar, when the words beside its end have no room for it; else null. */
  levelLabel: string | null;
  /** Where the level words end (they are anchored at their end, a few px before the bar). */
  levelLabelX: number;
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

function doseMaxOf(trials: Trial[]): number {
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
    labelX: markerX + OUTCOME_LABEL_OFFSET,
    labelAnchor: 'start',
    labelInside: false,
    levelLabel: null,
    levelLabelX: x0 - LEVEL_LABEL_GAP,
    offscreen: p.end < domainStart || p.start > domainEnd,
    clippedLeft: rawX0 < frame.plotLeft,
    clippedRight: rawX1 > frame.plotRight,
  };
}

/** Radius of the outcome marks (marks.tsx draws them at this size, glyphs at 12 px). */
export const OUTCOME_MARK_RADIUS = 8;
/** The widest mark reaches r + 2 (the ongoing arrow) plus its 2 px stroke; the label starts a few px beyond. */
const OUTCOME_LABEL_OFFSET = OUTCOME_MARK_RADIUS + 7;

/** The words beside a trial's end: its outcome, and whether it was adequate when it was not. */
export function trialLabel(trial: Trial): string {
  const adequacy = ADEQUACY_VERDICT_SHORT[adequacyVerdictOf(trial)];
  // A response on a trial that was not adequate says its scores, so "not an adequate trial" cannot be read as the response's.
  const change = adequacy && (trial.outcome === 'response' || trial.outcome === 'partial') ? measuredChangeWords(trial) : null;
  return `${OUTCOME_SHORT[trial.outcome]}${change ? ` (${change})` : ''}${adequacy ? `, ${adequacy}` : ''}`;
}

/** The gap between the level words and the bar they belong to. */
const LEVEL_LABEL_GAP = 6;

/**
 * A running bar's words, longest first, inside the bar: drug, dose, "running" and the latest level; then without the
 * level, without the dose, and the drug alone. Every form names the drug.
 */
function runningLabels(trial: Trial): string[] {
  const dose = trial.maxDailyDoseMg === null ? null : describeTrialDoses(trial);
  const level = latestLevelWords(trial);
  const running = dose ? `${trial.ingredient} ${dose}, running` : `${trial.ingredient}, running`;
  return [...(level ? [`${running} · ${level}`] : []), running, `${trial.ingredient}, running`, trial.ingredient];
}

/** The label with an antipsychotic trial's latest plasma level, as the engine lists it ("non-response · level 32 ng/mL on 2025-12-07"). */
function trialLabelWithLevel(trial: Trial): string {
  const level = latestPlasmaLevelWords(trial);
  return level ? `${trialLabel(trial)} · ${level}` : trialLabel(trial);
}

/** The outcome label is semi-bold (timeline.css): about an eighth wider than the plain-text estimate. */
function labelWidth(text: string): number {
  return estimateTextWidth(text) * 1.12;
}

/**
 * A bar's words, in the order they are tried: right of its outcome mark (finished bars), inside it (running bars, and
 * finished bars ending where nothing fits after them, such as at death), and else before the bar, where they also
 * name the drug and dose, since there they stand apart from the bar's lane label and end. Nowhere do they run into
 * the words or marks of the bars beside them in the row.
 */
function assignLabels(bars: TrialBar[], rows: number[], frame: Frame): void {
  const byRow = new Map<number, TrialBar[]>();
  bars.forEach((bar, i) => {
    const list = byRow.get(rows[i]!) ?? [];
    list.push(bar);
    byRow.set(rows[i]!, list);
  });
  for (const list of byRow.values()) {
    list.sort((a, b) => a.x0 - b.x0);
    // Where the words and marks of the bars to the left end: words placed before a bar must start after it.
    let leftEdge = frame.plotLeft;
    list.forEach((bar, i) => {
      if (bar.offscreen) return;
      const next = list[i + 1];
      const markEnd = bar.showOutcomeMark ? bar.marker.x + OUTCOME_MARK_RADIUS + 2 : bar.x1;
      // Words right-aligned just before the bar, as long as they start clear of what lies to their left.
      const beforeBar = (texts: string[]): boolean => {
        if (bar.clippedLeft) return false;
        const end = bar.x0 - LEVEL_LABEL_GAP;
        const text = texts.find((t) => end - labelWidth(t) >= leftEdge + LEVEL_LABEL_GAP);
        if (!text) return false;
        placeWords(bar, text, end, 'end', false);
        return true;
      };
      if (bar.ongoing) {
        // A running bar has no end to label: its words go before it, clear of its fill, where there is room; else
        // inside it (a bar entering from the range's left edge), as many as fit before its outcome mark or arrow.
        if (!beforeBar(runningLabelsBefore(bar.trial, bar.showOutcomeMark))) {
          const start = Math.max(bar.x0, frame.plotLeft) + RUNNING_LABEL_INSET;
          const end = (bar.showOutcomeMark ? bar.marker.x - OUTCOME_MARK_RADIUS : Math.min(bar.x1, frame.plotRight)) - RUNNING_LABEL_INSET;
          bar.label = runningLabels(bar.trial).find((t) => labelWidth(t) <= end - start) ?? null;
          bar.labelX = start;
          bar.labelInside = bar.label !== null;
        }
        leftEdge = Math.max(leftEdge, bar.x1);
        return;
      }
      // A bar cut at the edge has no visible end to label.
      const visible = !bar.clippedRight && bar.marker.x >= frame.plotLeft && bar.marker.x <= frame.plotRight;
      if (!visible) {
        leftEdge = Math.max(leftEdge, bar.x1);
        return;
      }
      const full = trialLabelWithLevel(bar.trial);
      const forms = finishedLabels(bar.trial);
      const room = (next ? next.x0 : frame.plotRight) - bar.labelX;
      // A stop for a safety event is said first, shorter where room is short; then the level goes with the outcome
      // where there is room; the outcome alone otherwise, and the level then before the bar where that is free (the
      // details name it too).
      const after = forms.find((t) => labelWidth(t) <= room) ?? null;
      const insideStart = Math.max(bar.x0, frame.plotLeft) + RUNNING_LABEL_INSET;
      const insideEnd = bar.marker.x - OUTCOME_MARK_RADIUS - 2 - RUNNING_LABEL_INSET;
      const inside = after ? null : forms.find((t) => labelWidth(t) <= insideEnd - insideStart) ?? null;
      if (after) {
        bar.label = after;
      } else if (inside) {
        placeWords(bar, inside, insideEnd, 'end', true);
      } else if (beforeBar(finishedLabelsBefore(bar.trial))) {
        leftEdge = Math.max(leftEdge, markEnd);
        return;
      }
      const level = latestPlasmaLevelWords(bar.trial);
      if (level && bar.label !== full && !bar.clippedLeft && bar.levelLabelX - estimateTextWidth(level) >= leftEdge + LEVEL_LABEL_GAP) bar.levelLabel = level;
      leftEdge = Math.max(leftEdge, after ? bar.labelX + labelWidth(after) : markEnd);
    });
  }
}

function placeWords(bar: TrialBar, label: string, x: number, anchor: TrialBar['labelAnchor'], inside: boolean): void {
  bar.label = label;
  bar.labelX = x;
  bar.labelAnchor = anchor;
  bar.labelInside = inside;
}

/**
 * A finished bar's words at its end, longest first: the outcome with a safety event its stop reasons name ("non-response
 * · stopped because of pregnancy", then "· stopped: pregnancy", then the stop alone), then the outcome with the
 * latest level, then the outcome alone.
 */
function finishedLabels(trial: Trial): string[] {
  const outcome = trialLabel(trial);
  const stop = stopSafetyEventWords(trial);
  const shortStop = stopSafetyEventWords(trial, 'short');
  const safety = stop && shortStop ? [`${outcome} · ${stop}`, `${outcome} · ${shortStop}`, shortStop] : [];
  return [...new Set([...safety, trialLabelWithLevel(trial), outcome])];
}

/** A finished bar's words before it: drug, dose and outcome (with a safety stop, or the latest level, where it fits). */
function finishedLabelsBefore(trial: Trial): string[] {
  const head = `${trial.ingredient} ${describeTrialDoses(trial)}, ${trialLabel(trial)}`;
  const stop = stopSafetyEventWords(trial);
  const shortStop = stopSafetyEventWords(trial, 'short');
  const level = latestPlasmaLevelWords(trial);
  return [...(stop && shortStop ? [`${head} · ${stop}`, `${head} · ${shortStop}`] : []), ...(level ? [`${head} · ${level}`] : []), head];
}

/**
 * A running bar's words before it: drug, dose, "running" and the outcome so far where its mark shows one; shorter, the
 * outcome (its mark says it) and then the dose left out, the drug always named.
 */
function runningLabelsBefore(trial: Trial, withOutcome: boolean): string[] {
  const dosed = `${trial.ingredient} ${describeTrialDoses(trial)}, running`;
  const head = `${dosed}${withOutcome ? `, ${OUTCOME_SHORT[trial.outcome]}` : ''}`;
  const level = latestLevelWords(trial);
  return [...(level ? [`${head} · ${level}`] : []), head, dosed, `${trial.ingredient}, running`];
}

/** Space between a running bar's edges and its words. */
const RUNNING_LABEL_INSET = 5;
