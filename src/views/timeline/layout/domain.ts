/**
 * The timeline's time domain: dates read, the record's full span, the range choices, zoom and pan, the time scale.
 */
import { scaleTime, type ScaleTime } from 'd3-scale';
import { addDays, differenceInCalendarDays, subYears } from 'date-fns';
import { isoDate, parseFhirDate } from '../../../clinical/dates';
import type { Derivation } from '../../../clinical/types';
import { BASELINE_DAYS_BEFORE } from '../../../clinical/engine-rules';

// ---------------------------------------------------------------------------------------------
// Dates and domains
// ---------------------------------------------------------------------------------------------

export interface TimeDomain {
  start: Date;
  end: Date;
}

export type RangeChoice = 'two-years' | 'current-episode' | 'all' | 'trials';

/**
 * A date of the derivation -> the local midnight of its calendar day (d3's time scale draws in local time), or null.
 * Read by the engine's one date parser, so the page accepts exactly the dates the engine does.
 */
export function parseDate(value: string | null | undefined): Date | null {
  const parsed = parseFhirDate(value);
  if (!parsed) return null;
  const [year, month, day] = isoDate(parsed.day).split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
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

/**
 * Room after the last date ("today", or death): a week, whatever the span, so no range runs weeks past today. The arrow
 * of a running trial needs no more: it is drawn into the margin right of the plot.
 */
const END_PAD_DAYS = 7;

function padEnd(last: Date): Date {
  return addDays(last, END_PAD_DAYS);
}

/** Everything in the record, from its first dated item to a little after "as of". */
export function fullDomain(derivation: Derivation): TimeDomain {
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  const dates = datesOf(derivation);
  const first = dates.reduce((min, d) => (d < min ? d : min), asOf);
  const last = dates.reduce((max, d) => (d > max ? d : max), asOf);
  const start0 = differenceInCalendarDays(asOf, first) < 60 ? addDays(asOf, -365) : first;
  const span = Math.max(1, differenceInCalendarDays(last, start0));
  return { start: addDays(start0, -Math.max(14, Math.round(span * 0.02))), end: padEnd(last) };
}

export interface RangeResult {
  domain: TimeDomain;
  /** Said to the user when the choice could not be honoured as asked. */
  note?: string;
}

/** Every range choice, in the order the buttons show them. */
const RANGE_CHOICES: readonly RangeChoice[] = ['two-years', 'current-episode', 'all', 'trials'];

/** How near two ranges' ends may lie, as a share of the longer range, for the two to show the same picture. */
const SAME_RANGE_SHARE = 0.1;

function sameRange(a: TimeDomain, b: TimeDomain): boolean {
  const span = Math.max(a.end.getTime() - a.start.getTime(), b.end.getTime() - b.start.getTime());
  const near = Math.max(SAME_RANGE_SHARE * span, 7 * 86_400_000);
  return Math.abs(a.start.getTime() - b.start.getTime()) <= near && Math.abs(a.end.getTime() - b.end.getTime()) <= near;
}

export interface RangeButton {
  /** The range this button shows. */
  choice: RangeChoice;
  /** Every choice it stands for: itself and the choices whose range would look the same. */
  covers: RangeChoice[];
  /** The choices its label names: those it covers, less a "current episode" that fell back to the whole record. */
  named: RangeChoice[];
}

/**
 * The range buttons worth showing: where two choices would show (nearly) the same span, one button stands for both,
 * the one the page opens on (`preferred`) or else the earlier, so no two buttons do the same thing.
 */
export function rangeButtons(derivation: Derivation, preferred: RangeChoice): RangeButton[] {
  const domains = new Map(RANGE_CHOICES.map((c) => [c, rangeDomain(derivation, c)] as const));
  const buttons: RangeButton[] = [];
  for (const choice of RANGE_CHOICES) {
    const result = domains.get(choice)!;
    // A choice that fell back to another (no current episode) is the same as the one it fell back to.
    const twin = buttons.find((b) => sameRange(domains.get(b.choice)!.domain, result.domain));
    const named = result.note === undefined;
    if (!twin) {
      buttons.push({ choice, covers: [choice], named: named ? [choice] : [] });
      continue;
    }
    twin.covers.push(choice);
    if (named) twin.named.push(choice);
    if (choice === preferred) twin.choice = choice;
  }
  // The trials the verdict rests on, when they have a button of their own, come first: that is where the page opens.
  const trials = buttons.findIndex((b) => b.choice === 'trials');
  if (trials > 0) buttons.unshift(...buttons.splice(trials, 1));
  return buttons;
}

/**
 * An episode longer than this is not where a psychiatrist looks first: drawn whole at 1024 px, 12-week trials of the
 * last year are slivers beside their words (schizophrenia dated from its onset eight years ago).
 */
const LONG_EPISODE_DAYS = 2 * 365;
const TRIALS_SHARE_OF_EPISODE = 0.5;

/** The span of the current episode (or the episode at death), from its start to its end or "as of". */
function currentEpisodeSpan(derivation: Derivation, asOf: Date): TimeDomain | null {
  const episodes = derivation.episodes
    // A deceased patient's episode open at death is the one the page opens on.
    .filter((e) => (e.current || e.endedAtDeath) && parseDate(e.start) !== null);
  if (episodes.length === 0) return null;
  const start = episodes.map((e) => parseDate(e.start)!).reduce((min, d) => (d < min ? d : min));
  const end = episodes.map((e) => (e.end === null ? asOf : parseDate(e.end) ?? asOf)).reduce((max, d) => (d > max ? d : max));
  return { start, end };
}

/**
 * The trials that matter now, when the current episode is too long to show them readably: from the baseline window
 * before the first trial of the episode that the engine's verdict rests on (failed adequate, adequate with an outcome
 * to confirm, or running now) to the episode's end. Earlier trials of the episode are still counted "outside this
 * range" and listed in the tables. Null when the episode is short enough to be drawn whole, or when these trials span
 * more than half of it (its whole span then reads as well).
 */
function trialsAssessedDomain(derivation: Derivation, asOf: Date): TimeDomain | null {
  const episode = currentEpisodeSpan(derivation, asOf);
  if (!episode || differenceInCalendarDays(episode.end, episode.start) <= LONG_EPISODE_DAYS) return null;
  const ids = new Set<string>();
  for (const a of derivation.assessments) {
    for (const id of a.failedAdequateTrialIds) ids.add(id);
    for (const u of a.unconfirmedTrials) ids.add(u.trialId);
    for (const t of derivation.trials) if (a.trialIds.includes(t.id) && t.end === null) ids.add(t.id);
  }
  // A regimen started before the episode enters from the left edge, as in "Current episode".
  const starts = derivation.trials
    .filter((t) => ids.has(t.id))
    .map((t) => parseDate(t.start))
    .filter((d): d is Date => d !== null && d >= episode.start);
  if (starts.length === 0) return null;
  const first = starts.reduce((min, d) => (d < min ? d : min));
  const domain = { start: addDays(first, -BASELINE_DAYS_BEFORE), end: padEnd(episode.end) };
  const whole = { start: addDays(episode.start, -BASELINE_DAYS_BEFORE), end: padEnd(episode.end) };
  // Only where it changes what is readable: the trials take at most half of the episode's span.
  const share = (domain.end.getTime() - domain.start.getTime()) / (whole.end.getTime() - whole.start.getTime());
  return share > TRIALS_SHARE_OF_EPISODE || sameRange(domain, whole) ? null : domain;
}

/** Whether the page opens on the trials the verdict rests on rather than on the whole current episode (see above). */
export function opensOnTrialsAssessed(derivation: Derivation): boolean {
  return trialsAssessedDomain(derivation, parseDate(derivation.asOf) ?? new Date(0)) !== null;
}

export function rangeDomain(derivation: Derivation, choice: RangeChoice): RangeResult {
  const asOf = parseDate(derivation.asOf) ?? new Date(0);
  if (choice === 'two-years') {
    // Two years exactly: a regimen started earlier enters from the left edge, marked as continuing from before.
    return { domain: { start: subYears(asOf, 2), end: padEnd(asOf) } };
  }
  if (choice === 'trials') {
    const trials = trialsAssessedDomain(derivation, asOf);
    // Otherwise the same as "Current episode" (its button stands for both, named for the episode only).
    if (trials) return { domain: trials };
    return { ...rangeDomain(derivation, 'current-episode'), note: 'The current episode shows its trials readably; showing it whole.' };
  }
  if (choice === 'current-episode') {
    // The episode's own span as the engine gives it: from its start to its end (death), or to "as of" while it runs.
    const episode = currentEpisodeSpan(derivation, asOf);
    if (!episode) {
      return { domain: fullDomain(derivation), note: 'No current episode with a start date was found; showing the whole record.' };
    }
    const { start: first, end: last } = episode;
    // Back by the engine's baseline window, so the baseline scores of the episode's first trials stay visible. A
    // regimen started before the episode is drawn cut at the left edge, still running, rather than widening the range
    // to its start (which made this range the same as "Last 2 years" for a long-standing mood stabiliser).
    const start = addDays(first, -BASELINE_DAYS_BEFORE);
    return { domain: { start, end: padEnd(last) } };
  }
  return { domain: fullDomain(derivation) };
}

const MIN_VISIBLE_DAYS = 28;

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
