/**
 * bipolar-depression: the maintenance lithium bar runs to today and carries words (drug, dose, "running", level), and
 * its flag sits under a heading that says what it is. schizophrenia-trs at its opening range ("Trials assessed") at
 * 1024 px: each antipsychotic's latest plasma level is on screen, before the bar when the words after it have no room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import { RULES } from '../../../src/clinical/all-rules';
import { TreatmentResistancePage } from '../../../src/views/timeline/index';
import { layoutLanes } from '../../../src/views/timeline/layout/lanes';
import { parseDate, rangeDomain, timeScale, type RangeChoice } from '../../../src/views/timeline/layout/domain';
import { frameFor } from '../../../src/views/timeline/layout/axis';
import { estimateTextWidth } from '../../../src/views/timeline/layout/packing';
import { layoutScoreCharts } from '../../../src/views/timeline/layout/scores';
import { terminologyRanges, terminologyThresholds } from '../../../src/views/timeline/scale-thresholds';
import type { Derivation } from '../../../src/clinical/types';
import { demoDerivation } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
/** The timeline's width in the app at a 1024 px window (page padding and scrollbar taken off). */
const WIDTH_AT_1024 = 980;

function lanesOf(d: Derivation, range: RangeChoice = 'current-episode') {
  const frame = frameFor(WIDTH_AT_1024);
  const { domain } = rangeDomain(d, range);
  const x = timeScale(domain, frame.plotLeft, frame.plotRight);
  return { frame, lanes: layoutLanes(d.trials, x, frame, { top: 0, asOf: parseDate(d.asOf)!, rowHeight: 30 }).lanes };
}

afterEach(cleanup);

describe('bipolar-depression: the running lithium bar and the flag headings', () => {
  const d = demoDerivation('bipolar-depression', TODAY);

  it('the lithium bar says its drug, dose, "running" and latest level inside it', () => {
    const bar = lanesOf(d).lanes.find((l) => l.ingredient === 'lithium')!.bars.at(-1)!;
    expect(bar.ongoing).toBe(true);
    expect(bar.labelInside).toBe(true);
    expect(bar.label).toMatch(/^lithium 900 mg\/day, running · level 0\.7 mmol\/L on \d{4}-\d\d-\d\d$/);
    expect(bar.labelX + estimateTextWidth(bar.label!) * 1.12).toBeLessThanOrEqual(bar.x1);
  });

  it('the breakthrough flag is headed "Breakthrough on maintenance treatment", not pseudo-resistance', async () => {
    const page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    // The condition's details are drawn right after the first screen.
    await waitFor(() => expect(page.container.querySelector('[data-condition="bipolar-depression"] [data-flag-group="breakthrough"]')).not.toBeNull(), { timeout: 10_000 });
    const group = page.container.querySelector('[data-condition="bipolar-depression"] [data-flag-group="breakthrough"]')!;
    expect(group.querySelector('h4')!.textContent).toBe('Breakthrough on maintenance treatment');
    expect(group.textContent).toMatch(/breakthrough/i);
    expect(page.container.textContent).not.toContain('Possible pseudo-resistance and other flags');
  });
});

describe('schizophrenia-trs: antipsychotic plasma levels on the opening range at 1024 px', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);

  it('olanzapine and aripiprazole show their latest level, clear of the lane labels and of the other words of the row', () => {
    const { frame, lanes } = lanesOf(d, 'trials');
    for (const ingredient of ['olanzapine', 'aripiprazole']) {
      const bar = lanes.find((l) => l.ingredient === ingredient)!.bars.at(-1)!;
      const level = d.trials.find((t) => t.id === bar.trial.id)!.plasmaLevels!.at(-1)!;
      const shown = [bar.label ?? '', bar.levelLabel ?? ''].join(' ');
      expect(shown).toContain(`level ${level.value} ${level.unit} on ${level.date}`);
      if (bar.levelLabel) {
        expect(bar.levelLabelX).toBeLessThan(bar.x0);
        expect(bar.levelLabelX - estimateTextWidth(bar.levelLabel)).toBeGreaterThanOrEqual(frame.plotLeft);
      }
    }
  });
});

describe('schizophrenia-trs: the PANSS chart reads a change that matters', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);

  it('runs from 30 to 120 (the scale table\'s chart top), so olanzapine\'s 98 -> 84 spans more than 10 px', () => {
    const frame = frameFor(WIDTH_AT_1024);
    const { domain } = rangeDomain(d, 'trials');
    const x = timeScale(domain, frame.plotLeft, frame.plotRight);
    const { charts } = layoutScoreCharts(d.scores, d.trials, terminologyThresholds, parseDate(d.asOf)!, x, 0, 92, 10, terminologyRanges);
    const panss = charts.find((c) => c.instrument === 'panss')!;
    expect([panss.yMin, panss.yMax]).toEqual([30, 120]);
    const y = (value: number) => panss.dots.find((dot) => dot.point.value === value)!.y;
    expect(y(84) - y(98)).toBeGreaterThan(10);
  });
});
