/**
 * The frame (plot left and right of the width) and the time axis's ticks and labels.
 */
import { type ScaleTime } from 'd3-scale';
import { differenceInCalendarDays } from 'date-fns';
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

export function axisTicks(scale: ScaleTime<number, number>, frame: Frame): AxisTick[] {
  const count = Math.max(2, Math.floor((frame.plotRight - frame.plotLeft) / 90));
  const [d0, d1] = scale.domain() as [Date, Date];
  const spanDays = differenceInCalendarDays(d1, d0);
  const format = spanDays > 4 * 365 ? formatYear : formatMonthYear;
  return scale.ticks(count).map((d) => {
    const x = scale(d);
    const label = format(d);
    const half = estimateTextWidth(label) / 2;
    return { x, label: x - half >= 0 && x + half <= frame.width ? label : null };
  });
}
