// The time axis's tick density follows the room per tick: neighbouring labels never touch, at any range and width.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from 'date-fns';
import { rangeDomain, timeScale } from '../../../src/views/timeline/layout/domain';
import { axisTicks, frameFor, type AxisTick } from '../../../src/views/timeline/layout/axis';
import { estimateTextWidth } from '../../../src/views/timeline/layout/packing';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
/** The timeline container's width at 1024 × 700 (measured in the e2e run). */
const WIDTH_AT_1024 = 996;

/** Room between neighbouring labels by the text-width estimate, in pixels. */
function gaps(ticks: AxisTick[]): number[] {
  const labelled = ticks.filter((t) => t.label !== null);
  return labelled.slice(1).map((t, i) => {
    const prev = labelled[i]!;
    return t.x - prev.x - (estimateTextWidth(prev.label!) + estimateTextWidth(t.label!)) / 2;
  });
}

describe('axis ticks', () => {
  it('ehr-export-mdd, current episode (Dec 2022 – Dec 2026) at 1024 px: half-year labels, not quarters run together', () => {
    const d = demoDerivation('ehr-export-mdd', TODAY);
    const frame = frameFor(WIDTH_AT_1024);
    const x = timeScale(rangeDomain(d, 'current-episode').domain, frame.plotLeft, frame.plotRight);
    const ticks = axisTicks(x, frame);
    expect(ticks.map((t) => t.label)).toEqual([
      'Jan 2023', 'Jul 2023', 'Jan 2024', 'Jul 2024', 'Jan 2025', 'Jul 2025', 'Jan 2026', 'Jul 2026',
    ]);
    expect(Math.min(...gaps(ticks))).toBeGreaterThanOrEqual(12);
  });

  it('a 5-year range at 1024 px keeps year labels', () => {
    const frame = frameFor(WIDTH_AT_1024);
    const x = timeScale({ start: new Date(2021, 10, 20), end: new Date(2026, 11, 20) }, frame.plotLeft, frame.plotRight);
    expect(axisTicks(x, frame).map((t) => t.label)).toEqual(['2022', '2023', '2024', '2025', '2026']);
  });

  it('four weeks (the deepest zoom) at 1024 px: weekly day labels, each named once', () => {
    const frame = frameFor(WIDTH_AT_1024);
    const x = timeScale({ start: new Date(2026, 10, 7), end: new Date(2026, 11, 5) }, frame.plotLeft, frame.plotRight);
    expect(axisTicks(x, frame).map((t) => t.label)).toEqual(['8 Nov 2026', '15 Nov 2026', '22 Nov 2026', '29 Nov 2026']);
  });

  it('any range from four weeks to 40 years at any width from 640 to 2400 px: at least two labels, none repeated, 12 px or more apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 28, max: 40 * 365 }), fc.integer({ min: 640, max: 2400 }), fc.integer({ min: 0, max: 20_000 }), (days, width, offset) => {
        const frame = frameFor(width);
        const start = addDays(new Date(1990, 0, 1), offset);
        const x = timeScale({ start, end: addDays(start, days) }, frame.plotLeft, frame.plotRight);
        const ticks = axisTicks(x, frame);
        const labels = ticks.flatMap((t) => (t.label === null ? [] : [t.label]));
        expect(labels.length).toBeGreaterThanOrEqual(2);
        expect(new Set(labels).size).toBe(labels.length);
        for (const gap of gaps(ticks)) expect(gap).toBeGreaterThanOrEqual(12);
      }),
      { numRuns: 300 },
    );
  });
});
