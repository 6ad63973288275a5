// Words of bars too short (or ending too near the edge) for the words after their end, on the demo patients at the
// app's timeline width in a 1024 px window: they still say what the bar is, before it or inside it.
import { describe, expect, it } from 'vitest';
import { layoutLanes, OUTCOME_MARK_RADIUS, trialLabel } from '../../../src/views/timeline/layout/lanes';
import { parseDate, rangeDomain, timeScale, type RangeChoice } from '../../../src/views/timeline/layout/domain';
import { axisTicks, frameFor } from '../../../src/views/timeline/layout/axis';
import { estimateTextWidth } from '../../../src/views/timeline/layout/packing';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
/** The timeline container's width at 1024 × 700 (measured in the e2e run). */
const WIDTH_AT_1024 = 996;

function barsOf(id: string, range: RangeChoice) {
  const d = demoDerivation(id, TODAY);
  const frame = frameFor(WIDTH_AT_1024);
  const { domain } = rangeDomain(d, range);
  const x = timeScale(domain, frame.plotLeft, frame.plotRight);
  const lanes = layoutLanes(d.trials, x, frame, { top: 0, asOf: parseDate(d.asOf)!, rowHeight: 30 }).lanes;
  return { frame, x, bar: (ingredient: string) => lanes.find((l) => l.ingredient === ingredient)!.bars.at(-1)! };
}

/** Where a label's box lies, by the layout's width estimate for the semi-bold outcome words. */
const extent = (label: string, x: number, anchor: 'start' | 'end') => {
  const w = estimateTextWidth(label) * 1.12;
  return anchor === 'start' ? [x, x + w] : [x - w, x];
};

describe('bar words', () => {
  it('bipolar-depression at "Last 2 years": quetiapine says its outcome after its end; running lurasidone says drug, dose and outcome before the bar; lithium, entering from the left edge, names itself inside', () => {
    const { frame, bar } = barsOf('bipolar-depression', 'two-years');
    const quetiapine = bar('quetiapine');
    expect([quetiapine.label, quetiapine.labelAnchor, quetiapine.labelInside]).toEqual(['non-response', 'start', false]);
    expect(quetiapine.labelX).toBeGreaterThan(quetiapine.x1);
    const lurasidone = bar('lurasidone');
    expect([lurasidone.label, lurasidone.labelAnchor, lurasidone.labelInside]).toEqual(['lurasidone 40–80 mg/day, running, non-response', 'end', false]);
    const [left, right] = extent(lurasidone.label!, lurasidone.labelX, lurasidone.labelAnchor);
    expect(right).toBeLessThan(lurasidone.x0);
    expect(left).toBeGreaterThanOrEqual(frame.plotLeft);
    const lithium = bar('lithium');
    expect([lithium.clippedLeft, lithium.labelInside, lithium.label?.startsWith('lithium 900 mg/day, running')]).toEqual([true, true, true]);
  });

  it('trd-two-failures and trd-multi-failures at the opening range: running venlafaxine, bupropion and tranylcypromine name their drug, outside the bar where it does not enter from the left edge', () => {
    for (const [id, ingredient] of [['trd-two-failures', 'venlafaxine'], ['trd-two-failures', 'bupropion'], ['trd-multi-failures', 'tranylcypromine']] as const) {
      const { bar } = barsOf(id, 'current-episode');
      const b = bar(ingredient);
      expect(b.label?.startsWith(ingredient)).toBe(true);
      expect(b.labelInside).toBe(b.clippedLeft);
    }
  });

  it('deceased: the lithium bar ending at death says its outcome inside the bar, clear of its outcome mark', () => {
    const { frame, bar } = barsOf('deceased', 'current-episode');
    const lithium = bar('lithium');
    expect([lithium.label, lithium.labelAnchor, lithium.labelInside]).toEqual([trialLabel(lithium.trial), 'end', true]);
    expect(lithium.label).toBe('non-response, adequacy unconfirmed');
    const [left, right] = extent(lithium.label!, lithium.labelX, lithium.labelAnchor);
    expect(right).toBeLessThanOrEqual(lithium.marker.x - OUTCOME_MARK_RADIUS - 2);
    expect(left).toBeGreaterThanOrEqual(Math.max(lithium.x0, frame.plotLeft));
  });

  it('ocd: every axis tick label lies inside the timeline, the last one included', () => {
    const { frame, x } = barsOf('ocd', 'current-episode');
    const ticks = axisTicks(x, frame);
    const labelled = ticks.filter((t) => t.label !== null);
    expect(labelled.map((t) => t.label)).toEqual(['Jul 2024', 'Jan 2025', 'Jul 2025', 'Jan 2026', 'Jul 2026']);
    for (const t of labelled) {
      const half = estimateTextWidth(t.label!) / 2;
      expect(t.x - half).toBeGreaterThanOrEqual(0);
      expect(t.x + half).toBeLessThanOrEqual(frame.width);
    }
  });
});
