/**
 * The frame (plot left and right of the width) and the time axis's ticks and labels.
 */
import { type ScaleTime } from 'd3-scale';
import { timeDay, timeMonth, timeWeek, timeYear, type TimeInterval } from 'd3-time';
import { estimateTextWidth } from './packing';

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
const MIN_WIDTH = 640;

export function frameFor(containerWidth: number): Frame {
  const width = Math.max(MIN_WIDTH, Math.floor(containerWidth));
  const gutter = width < 900 ? 150 : 190;
  return { width, plotLeft: gutter, plotRight: width - 24 };
}

export interface AxisTick {
  x: number;
  /** Null where the label would be cut at the timeline's edge: the grid line stays, unlabelled. */
  label: string | null;
}

// English labels from a table, not Intl.DateTimeFormat: the first Intl formatter of a page loads the browser's locale
// data, which cost ~70 ms of the launch on a 2-core machine, for twelve fixed words.
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2024", in local time like the rest of the timeline. */
export const formatYear = (d: Date): string => String(d.getFullYear());

/** "Mar 2024" (what Intl's English short month and numeric year give), in local time. */
export const formatMonthYear = (d: Date): string => `${MONTH_ABBREVIATIONS[d.getMonth()]} ${d.getFullYear()}`;

/** "3 Mar 2024", for ticks closer than a month, in local time. */
const formatDayMonthYear = (d: Date): string => `${d.getDate()} ${formatMonthYear(d)}`;

const DAY_MS = 86_400_000;

/** Tick steps from finest to coarsest, each with the label that names its ticks without repeating a word. */
const TICK_STEPS: readonly { interval: TimeInterval; days: number; format: (d: Date) => string }[] = [
  { interval: timeDay, days: 1, format: formatDayMonthYear },
  { interval: timeWeek, days: 7, format: formatDayMonthYear },
  { interval: timeWeek.every(2)!, days: 14, format: formatDayMonthYear },
  { interval: timeMonth, days: 30, format: formatMonthYear },
  { interval: timeMonth.every(3)!, days: 91, format: formatMonthYear },
  { interval: timeMonth.every(6)!, days: 182, format: formatMonthYear },
  { interval: timeYear, days: 365, format: formatYear },
  { interval: timeYear.every(2)!, days: 730, format: formatYear },
  { interval: timeYear.every(5)!, days: 1826, format: formatYear },
  { interval: timeYear.every(10)!, days: 3652, format: formatYear },
  { interval: timeYear.every(20)!, days: 7305, format: formatYear },
  { interval: timeYear.every(50)!, days: 18262, format: formatYear },
];

/** Grid lines closer than this make the plot busy, whatever their labels. */
const MIN_TICK_SPACING = 80;
/** The least room between neighbouring labels, by the text-width estimate (which runs a little wide). */
const MIN_LABEL_GAP = 12;

/**
 * The finest tick step whose labels all keep apart at this width: the density follows the room per tick, so a
 * 4-year range at 1024 px gets half-years, not quarters printed into one another.
 */
export function axisTicks(scale: ScaleTime<number, number>, frame: Frame): AxisTick[] {
  const [d0, d1] = scale.domain() as [Date, Date];
  const pxPerDay = Math.abs(scale(d1) - scale(d0)) / Math.max(1, (d1.getTime() - d0.getTime()) / DAY_MS);
  const fits = (ticks: AxisTick[]) => {
    const labelled = ticks.filter((t) => t.label !== null);
    return labelled.every((t, i) => {
      if (i === 0) return true;
      const prev = labelled[i - 1]!;
      const room = t.x - prev.x;
      const halves = (estimateTextWidth(prev.label!) + estimateTextWidth(t.label!)) / 2;
      return room >= MIN_TICK_SPACING && room - halves >= MIN_LABEL_GAP;
    });
  };
  const candidates = TICK_STEPS
    // Steps far too fine for the width are not even placed (a day step over 30 years is 11,000 dates).
    .filter((step) => step.days * pxPerDay >= MIN_TICK_SPACING * 0.8 || step === TICK_STEPS[TICK_STEPS.length - 1])
    .map((step) => scale.ticks(step.interval).map((d) => labelledTick(scale(d), step.format(d), frame)))
    .filter(fits);
  // At least two labels to read the scale by, where any step gives them; else the finest that fits.
  return candidates.find((ticks) => ticks.filter((t) => t.label !== null).length >= 2) ?? candidates[0] ?? [];
}

function labelledTick(x: number, label: string, frame: Frame): AxisTick {
  const half = estimateTextWidth(label) / 2;
  return { x, label: x - half >= 0 && x + half <= frame.width ? label : null };
}
