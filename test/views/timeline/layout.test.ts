// Geometry of the timeline (src/views/timeline/layout/), checked against the scales directly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Trial } from '../../../src/clinical/types';
import { parseISO } from 'date-fns';
import { doseLevel, layoutLanes, trialLabel } from '../../../src/views/timeline/layout/lanes';
import { AS_OF, badInput, testThresholds, trdMultiFailures, trdTwoFailures, trial } from './timeline-fixtures';
import {
  fullDomain,
  pan,
  rangeDomain,
  timeScale,
  zoomIn,
  zoomOut,
  type TimeDomain,
} from '../../../src/views/timeline/layout/domain';
import { frameFor, formatMonthYear, formatYear } from '../../../src/views/timeline/layout/axis';
import { packRows, estimateTextWidth } from '../../../src/views/timeline/layout/packing';
import { layoutProcedures } from '../../../src/views/timeline/layout/spans';
import { layoutScoreCharts, responseValueOf } from '../../../src/views/timeline/layout/scores';

const frame = frameFor(1000);
const asOf = parseISO(AS_OF);
const domain: TimeDomain = { start: parseISO('2024-01-01'), end: parseISO('2027-01-01') };
const x = timeScale(domain, frame.plotLeft, frame.plotRight);
const laneOptions = { top: 0, asOf, rowHeight: 30 };

describe('trial bars', () => {
  it('span exactly from the scale of the start date to the scale of the end date', () => {
    const t = trial({ ingredient: 'sertraline', start: '2024-07-01', end: '2024-09-09', steps: [[50, 14], [100, 0]] });
    const bar = layoutLanes([t], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect(bar.x0).toBeCloseTo(x(parseISO('2024-07-01')), 6);
    expect(bar.x1).toBeCloseTo(x(parseISO('2024-09-09')), 6);
    // Dose steps tile the bar: the first starts at the trial's start, the last ends at its end.
    expect(bar.segments[0]!.x0).toBeCloseTo(bar.x0, 6);
    expect(bar.segments.at(-1)!.x1).toBeCloseTo(bar.x1, 6);
  });

  it('draws the adequate-dose threshold line at the height of the trial\'s adequate dose on the lane dose scale', () => {
    // Sertraline 50 -> 100 mg/day, threshold 50 mg (fixture row RULE_DOSE_SERTRALINE).
    const t = trial({ ingredient: 'sertraline', start: '2024-07-01', end: '2024-09-09', steps: [[50, 14], [100, 0]], adequateDoseMg: 50 });
    const lane = layoutLanes([t], x, frame, laneOptions).lanes[0]!;
    const bar = lane.bars[0]!;
    const barMax = 30 - 9;
    expect(lane.doseMax).toBeCloseTo(100 * 1.15, 6);
    expect(bar.thresholdY).toBeCloseTo(bar.baseline - (50 / lane.doseMax) * barMax, 6);
    // The 100 mg step reaches twice as high above the baseline as the threshold.
    const high = bar.segments[1]!;
    expect(bar.baseline - high.y).toBeCloseTo(2 * (bar.baseline - bar.thresholdY!), 6);
  });

  it('marks steps below the threshold as below, unknown doses as unknown, and has no line without a threshold', () => {
    const low = trial({ ingredient: 'mirtazapine', start: '2024-11-20', end: '2025-01-02', steps: [[15, 0]], adequateDoseMg: 30 });
    expect(doseLevel(low.doseSteps[0]!, low)).toBe('below');
    const unknown = trial({ ingredient: 'escitalopram', start: '2025-07-01', end: '2025-10-01', steps: [[null, 0]], adequateDoseMg: 10 });
    expect(doseLevel(unknown.doseSteps[0]!, unknown)).toBe('unknown');
    const none = trial({ ingredient: 'zz', start: '2025-01-01', end: '2025-02-01', steps: [[5, 0]], adequateDoseMg: null });
    expect(doseLevel(none.doseSteps[0]!, none)).toBe('no-threshold');
    const bar = layoutLanes([none], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect(bar.thresholdY).toBeNull();
  });

  it('draws a lithium trial by the engine\'s level verdict: below the level hatched, no level recorded striped, not "no threshold"', () => {
    const levelBelow: Trial = {
      ...trial({ ingredient: 'lithium', drugClass: 'mood-stabilizer', start: '2022-10-14', end: null, steps: [[900, 0]], adequateDoseMg: null }),
      adequateLevel: { value: 0.7, unit: 'mmol/L', date: '2026-08-08', min: 0.8, reached: false, source: 'Observation/li' },
    };
    expect(doseLevel(levelBelow.doseSteps[0]!, levelBelow)).toBe('below');
    const levelReached: Trial = { ...levelBelow, adequateLevel: { ...levelBelow.adequateLevel!, value: 0.9, reached: true } };
    expect(doseLevel(levelReached.doseSteps[0]!, levelReached)).toBe('at-or-above');
    const noLevel: Trial = { ...levelBelow, adequateLevel: null, adequacyUnconfirmed: true };
    expect(doseLevel(noLevel.doseSteps[0]!, noLevel)).toBe('level-unmeasured');
    const bar = layoutLanes([noLevel], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect(bar.segments.map((s) => s.level)).toEqual(['level-unmeasured']);
    expect(bar.thresholdY).toBeNull();
    // An unknown dose stays "dose unknown" whatever decides adequacy.
    const noLevelNoDose: Trial = { ...noLevel, doseSteps: [{ ...noLevel.doseSteps[0]!, dailyDoseMg: null }] };
    expect(doseLevel(noLevelNoDose.doseSteps[0]!, noLevelNoDose)).toBe('unknown');
  });

  it('compares antipsychotic doses in chlorpromazine equivalents when the threshold is in CPZ-eq', () => {
    // Fixture: cpzEquivalentMg = mg × 20; 2 mg -> 40 CPZ (below 100), 5 mg -> 100 CPZ (at threshold).
    const t = trial({ ingredient: 'aripiprazole', drugClass: 'antipsychotic', start: '2026-03-01', end: null, steps: [[2, 30], [5, 0]], adequateDoseMg: 100, cpz: true });
    expect(t.adequateDose).toEqual({ amount: 100, unit: 'mg/day CPZ-eq' });
    expect(t.doseSteps.map((s) => doseLevel(s, t))).toEqual(['below', 'at-or-above']);
  });

  it('draws an antipsychotic augmentation in mg of the agent when its threshold is in mg, at its threshold line', () => {
    // Quetiapine 150 mg/day added to an antidepressant: threshold 150 mg/day of quetiapine, not a CPZ equivalent.
    const t = trial({ ingredient: 'quetiapine', drugClass: 'antipsychotic', role: 'augmentation', start: '2025-03-01', end: '2025-06-01', steps: [[150, 0]], adequateDoseMg: 150 });
    expect(t.doseSteps[0]!.cpzEquivalentMg).toBe(3000);
    const bar = layoutLanes([t], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect(bar.segments[0]!.level).toBe('at-or-above');
    expect(bar.segments[0]!.y).toBeCloseTo(bar.thresholdY!, 6);
  });

  it('runs an ongoing trial to "as of" and ends it in an arrow, with its drug, dose and "running" before the bar, clear of its fill, no outcome word', () => {
    const t = trial({ ingredient: 'bupropion', drugClass: 'atypical-antidepressant', start: '2025-02-01', end: null, steps: [[300, 0]], adequateDoseMg: 300 });
    const bar = layoutLanes([t], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect(bar.ongoing).toBe(true);
    expect(bar.x1).toBeCloseTo(x(asOf), 6);
    expect([bar.label, bar.labelAnchor, bar.labelInside]).toEqual(['bupropion 300 mg/day, running', 'end', false]);
    expect(bar.labelX).toBeLessThan(bar.x0);
  });

  it('puts a running bar\'s words inside it only where it enters from the range\'s left edge, and they still name the drug', () => {
    const t = trial({ ingredient: 'tranylcypromine', drugClass: 'maoi', start: '2023-02-01', end: null, steps: [[20, 60], [40, 0]], adequateDoseMg: 30 });
    const bar = layoutLanes([t], x, frame, laneOptions).lanes[0]!.bars[0]!;
    expect([bar.clippedLeft, bar.label, bar.labelInside]).toEqual([true, 'tranylcypromine 20–40 mg/day, running', true]);
  });

  it('puts overlapping trials of the same agent on separate rows of one lane (duplicates stay visible)', () => {
    const d = badInput();
    const lanes = layoutLanes(d.trials, x, frame, laneOptions);
    const escitalopram = lanes.lanes.find((l) => l.ingredient === 'escitalopram')!;
    expect(escitalopram.bars).toHaveLength(2);
    expect(new Set(escitalopram.bars.map((b) => b.top)).size).toBe(2);
    expect(escitalopram.height).toBe(60);
  });

  it('orders lanes by first start date and leaves out agents with no trial in the visible range', () => {
    const d = trdTwoFailures();
    const recent: TimeDomain = { start: parseISO('2026-01-01'), end: parseISO('2026-12-01') };
    const lanes = layoutLanes(d.trials, timeScale(recent, frame.plotLeft, frame.plotRight), frame, laneOptions);
    const firstStart = (ingredient: string) => Math.min(...d.trials.filter((t) => t.ingredient === ingredient).map((t) => Date.parse(t.start)));
    const starts = lanes.lanes.map((l) => firstStart(l.ingredient));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(lanes.hiddenAgents.sort()).toEqual(['mirtazapine', 'sertraline', 'venlafaxine']);
  });

  it('with 40 trials, never lets an outcome word run into the next bar of its row, and stacks lanes without overlap', () => {
    const d = trdMultiFailures(40, 14);
    const all = fullDomain(d);
    const wide = timeScale(all, frame.plotLeft, frame.plotRight);
    const lanes = layoutLanes(d.trials, wide, frame, { ...laneOptions, rowHeight: 22 });
    const allLanes = lanes.lanes;
    expect(allLanes.reduce((n, l) => n + l.bars.length, 0)).toBe(40);
    for (const lane of allLanes) {
      const byRow = new Map<number, typeof lane.bars>();
      for (const b of lane.bars) byRow.set(b.top, [...(byRow.get(b.top) ?? []), b]);
      for (const row of byRow.values()) {
        row.sort((a, b) => a.x0 - b.x0);
        row.forEach((bar, i) => {
          const next = row[i + 1];
          if (bar.label && next) expect(bar.marker.x + 9 + estimateTextWidth(bar.label)).toBeLessThanOrEqual(next.x0);
          if (next) expect(bar.x1).toBeLessThanOrEqual(next.x0 + 1e-6);
        });
      }
    }
    for (let i = 1; i < allLanes.length; i++) expect(allLanes[i]!.top).toBeGreaterThanOrEqual(allLanes[i - 1]!.top + allLanes[i - 1]!.height);
  });

  it('labels inadequate trials as such', () => {
    expect(trialLabel(trial({ ingredient: 'a', start: '2025-01-01', end: '2025-02-01', steps: [[1, 0]], adequate: false, outcome: 'nonresponse' }))).toBe('non-response, not an adequate trial');
  });

  it('reports trials without a usable start date as unplaced instead of crashing', () => {
    const t = { ...trial({ ingredient: 'x', start: '2025-01-01', end: '2025-02-01', steps: [[1, 0]] }), start: 'not-a-date' };
    const lanes = layoutLanes([t], x, frame, laneOptions);
    expect(lanes.lanes).toHaveLength(0);
    expect(lanes.unplaced[0]!.reason).toMatch(/no usable start date/);
  });
});

describe('packRows', () => {
  it('never puts two overlapping intervals in the same row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 200 })), { maxLength: 60 }), (raw) => {
        const items = raw.map(([s, len]) => ({ s, e: s + len }));
        const rows = packRows(items, (i) => i.s, (i) => i.e, 2);
        for (let a = 0; a < items.length; a++)
          for (let b = a + 1; b < items.length; b++)
            if (rows[a] === rows[b]) expect(items[a]!.e + 2 <= items[b]!.s || items[b]!.e + 2 <= items[a]!.s).toBe(true);
      }),
    );
  });
});

describe('time ranges and zoom', () => {
  it('"last 2 years" starts two years before as-of; "current episode" a month before the episode start', () => {
    const d = trdTwoFailures();
    expect(rangeDomain(d, 'two-years').domain.start.toISOString().slice(0, 10)).toBe(parseISO('2024-11-22').toISOString().slice(0, 10));
    const episode = rangeDomain(d, 'current-episode');
    expect(episode.domain.start.getTime()).toBe(parseISO('2024-05-02').getTime());
    expect(episode.domain.end.getTime()).toBeGreaterThan(asOf.getTime());
  });

  it('falls back to the whole record with a note when there is no current episode', () => {
    const d = { ...trdTwoFailures(), episodes: [] };
    const r = rangeDomain(d, 'current-episode');
    expect(r.note).toMatch(/No current episode/);
    expect(r.domain).toEqual(fullDomain(d));
  });

  it('"all" covers every dated item, the 2021 episode included', () => {
    const all = fullDomain(trdTwoFailures());
    expect(all.start.getTime()).toBeLessThan(parseISO('2021-02-01').getTime());
    expect(all.end.getTime()).toBeGreaterThan(asOf.getTime());
  });

  it('zooms in by halving around the centre, zooms out and pans only within the limit', () => {
    const limit: TimeDomain = { start: parseISO('2020-01-01'), end: parseISO('2027-01-01') };
    const z = zoomIn(domain);
    const mid = (domain.start.getTime() + domain.end.getTime()) / 2;
    expect((z.start.getTime() + z.end.getTime()) / 2).toBeCloseTo(mid, -3);
    expect(z.end.getTime() - z.start.getTime()).toBeCloseTo((domain.end.getTime() - domain.start.getTime()) / 2, -3);
    expect(zoomOut(zoomOut(zoomOut(domain, limit), limit), limit)).toEqual(limit);
    const later = pan(domain, 1, limit);
    expect(later.end.getTime()).toBeLessThanOrEqual(limit.end.getTime());
    expect(later.end.getTime() - later.start.getTime()).toBe(domain.end.getTime() - domain.start.getTime());
  });
});

describe('score charts', () => {
  it('marks the last score before a trial start as its baseline and draws the response line relative to it', () => {
    const d = trdTwoFailures();
    const sertraline = d.trials[0]!;
    const phq = d.scores.filter((s) => s.instrument === 'phq9');
    expect(sertraline.baselineScore?.value).toBe(21); // 2024-06-20, 11 days before 2024-07-01
    expect(phq.find((s) => s.source === sertraline.baselineScore?.source)?.date).toBe('2024-06-20');
    const { charts } = layoutScoreCharts(d.scores, d.trials, testThresholds, asOf, x, 0, 90, 10);
    const chart = charts.find((c) => c.instrument === 'phq9')!;
    const seg = chart.responses.find((r) => r.trialId === sertraline.id)!;
    expect(seg.responseValue).toBe(10.5); // 50% of 21: PHQ-9 response is a 50% reduction (Kroenke 2001)
    expect(seg.x0).toBeCloseTo(x(parseISO('2024-06-20')), 6);
    expect(seg.x1).toBeCloseTo(x(parseISO('2024-09-09')), 6);
    expect(chart.dots.find((dot) => dot.point.value === 21 && dot.baseline)).toBeDefined();
    expect(chart.remission?.value).toBe(4);
    // Scale y: the remission line sits proportionally between the axis ends.
    const zero = chart.yTicks.find((t) => t.value === 0)!.y;
    const top = chart.yTicks.find((t) => t.value === 20)!.y;
    expect(chart.remission!.y).toBeCloseTo(zero + ((top - zero) * 4) / 20, 6);
  });

  it('measures response above the scale floor (PANSS starts at 30)', () => {
    expect(responseValueOf(90, { remissionMax: null, responseReduction: 0.2, floor: 30, ceiling: 210, source: '', verification: 'V' })).toBeCloseTo(78, 6);
  });

  it('draws no threshold lines when the instrument has none, and skips undated scores', () => {
    const { charts } = layoutScoreCharts(
      [
        { instrument: 'cssrs', date: '2025-01-01', value: 1, source: 'Observation/a' },
        { instrument: 'cssrs', date: '', value: 2, source: 'Observation/b' },
      ],
      [],
      () => null,
      asOf,
      x,
      0,
      90,
      10,
    );
    expect(charts[0]!.remission).toBeNull();
    expect(charts[0]!.dots).toHaveLength(1);
  });
});

describe('procedures', () => {
  it('keeps one row per kind, however many sessions', () => {
    const sessions = Array.from({ length: 20 }, (_, i) => ({ kind: 'esketamine' as const, display: 'Esketamine session', start: `2026-0${1 + Math.floor(i / 10)}-${String(1 + (i % 10) * 2).padStart(2, '0')}`, end: null, source: `Procedure/e${i}` }));
    const rows = layoutProcedures([...sessions, { kind: 'ect', display: 'ECT', start: '2025-01-01', end: '2025-02-01', source: 'Procedure/ect' }], x, frame, 0, 20);
    expect(new Set(rows.spans.map((s) => s.top)).size).toBe(2);
    expect(rows.height).toBe(40);
    expect(rows.spans.filter((s) => s.label).length).toBeLessThan(20);
  });
});

describe('axis labels', () => {
  it('say what Intl\'s English short month and numeric year say, for every month and across years', () => {
    const intlMonthYear = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric' });
    const intlYear = new Intl.DateTimeFormat('en', { year: 'numeric' });
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const d = new Date(year, month, day);
        expect(formatMonthYear(d)).toBe(intlMonthYear.format(d));
        expect(formatYear(d)).toBe(intlYear.format(d));
      }),
    );
  });
});
