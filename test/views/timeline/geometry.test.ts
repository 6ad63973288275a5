// Geometry of the timeline's reading order and bounds: lane order, augmentations, "today", scale ranges, presets,
// clipping, label fitting and the 30-year record, each checked on the pure layout (src/views/timeline/layout/).
import { readFileSync } from 'node:fs';
import { parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { OUTCOME_MARK_RADIUS, layoutLanes, rowHeightFor } from '../../../src/views/timeline/layout/lanes';
import { terminologyRanges, terminologyThresholds } from '../../../src/views/timeline/scale-thresholds';
import { SCREEN_POSITIVE } from '../../../src/clinical/safety';
import { ariaLabelOf, trialDetails } from '../../../src/views/timeline/details';
import { AS_OF, thirtyYears, trdTwoFailures, trial } from './timeline-fixtures';
import {
  fullDomain,
  rangeDomain,
  timeScale,
  zoomIn,
  type RangeChoice,
  type TimeDomain,
} from '../../../src/views/timeline/layout/domain';
import { frameFor } from '../../../src/views/timeline/layout/axis';
import { estimateTextWidth, fitText } from '../../../src/views/timeline/layout/packing';
import { layoutDiagnoses } from '../../../src/views/timeline/layout/spans';
import { layoutScoreCharts } from '../../../src/views/timeline/layout/scores';

const frame = frameFor(1000);
const asOf = parseISO(AS_OF);
const laneOptions = { top: 0, asOf, rowHeight: 30 };
const scaleOf = (domain: TimeDomain) => timeScale(domain, frame.plotLeft, frame.plotRight);

describe('lane order', () => {
  it('orders lanes by the first start date of each agent, not by drug class', () => {
    const trials = [
      trial({ ingredient: 'tranylcypromine', drugClass: 'maoi', start: '2026-06-01', end: null, steps: [[30, 0]] }),
      trial({ ingredient: 'mirtazapine', drugClass: 'atypical-antidepressant', start: '2026-02-01', end: '2026-05-01', steps: [[30, 0]] }),
      trial({ ingredient: 'sertraline', drugClass: 'ssri', start: '2025-01-01', end: '2025-06-01', steps: [[100, 0]] }),
    ];
    const x = scaleOf({ start: parseISO('2024-06-01'), end: parseISO('2027-01-01') });
    const lanes = layoutLanes(trials, x, frame, laneOptions).lanes;
    expect(lanes.map((l) => l.ingredient)).toEqual(['sertraline', 'mirtazapine', 'tranylcypromine']);
    expect(lanes[1]!.top).toBeLessThan(lanes[2]!.top);
  });

  it('draws an augmenting agent directly under the drug it augments, even when a later agent started in between', () => {
    const venlafaxine = trial({ ingredient: 'venlafaxine', drugClass: 'snri', start: '2025-01-01', end: '2025-12-01', steps: [[225, 0]] });
    const trials = [
      trial({ ingredient: 'sertraline', start: '2024-01-01', end: '2024-12-01', steps: [[100, 0]] }),
      venlafaxine,
      trial({ ingredient: 'lithium', drugClass: 'mood-stabilizer', start: '2025-03-01', end: '2025-06-01', steps: [[600, 0]] }),
      trial({ ingredient: 'aripiprazole', drugClass: 'antipsychotic', start: '2025-05-01', end: '2025-12-01', steps: [[5, 0]], role: 'augmentation', addedTo: venlafaxine.id }),
    ];
    const x = scaleOf({ start: parseISO('2023-12-01'), end: parseISO('2026-01-01') });
    const lanes = layoutLanes(trials, x, frame, laneOptions).lanes;
    expect(lanes.map((l) => l.ingredient)).toEqual(['sertraline', 'venlafaxine', 'aripiprazole', 'lithium']);
    const aripiprazole = lanes[2]!;
    expect(aripiprazole.augments).toBe('venlafaxine');
    expect(aripiprazole.top).toBe(lanes[1]!.top + lanes[1]!.height);
  });
});

describe('today', () => {
  it('never places an ongoing trial\'s outcome mark, arrow start or words after the today line (its words sit inside the bar or before it)', () => {
    const ongoing = [
      trial({ ingredient: 'vortioxetine', start: '2026-10-01', end: null, steps: [[10, 0]], outcome: 'nonresponse', basis: 'measured' }),
      trial({ ingredient: 'bupropion', start: '2026-11-20', end: null, steps: [[150, 0]], outcome: 'partial', basis: 'measured' }),
      trial({ ingredient: 'lithium', start: '2025-01-01', end: null, steps: [[600, 0]], outcome: 'response', basis: 'recorded' }),
    ];
    for (const range of ['two-years', 'current-episode', 'all'] as RangeChoice[]) {
      const derivation = { ...trdTwoFailures(), trials: ongoing };
      const x = scaleOf(rangeDomain(derivation, range).domain);
      const today = x(asOf);
      for (const bar of layoutLanes(ongoing, x, frame, laneOptions).lanes.flatMap((l) => l.bars)) {
        if (bar.showOutcomeMark) expect(bar.marker.x + OUTCOME_MARK_RADIUS).toBeLessThanOrEqual(today + 1e-6);
        // Two days into a trial there is no room before today for a mark: none is drawn.
        if (bar.trial.ingredient === 'bupropion' && range === 'all') expect(bar.showOutcomeMark).toBe(false);
        expect(bar.x1).toBeLessThanOrEqual(today + 2 + 1e-6);
        // A running bar's words sit inside it, ending before its outcome mark (or its end) and so before today; where
        // the bar is too short for them, they end before the bar starts.
        if (bar.label !== null && bar.labelInside) {
          expect(bar.labelAnchor).toBe('start');
          expect(bar.labelX).toBeGreaterThanOrEqual(bar.x0);
          expect(bar.labelX + estimateTextWidth(bar.label) * 1.12).toBeLessThanOrEqual((bar.showOutcomeMark ? bar.marker.x - OUTCOME_MARK_RADIUS : bar.x1) + 1e-6);
        } else if (bar.label !== null) {
          expect(bar.labelAnchor).toBe('end');
          expect(bar.labelX).toBeLessThan(bar.x0);
        }
      }
    }
  });
});

describe('score scales', () => {
  const x = scaleOf({ start: parseISO('2025-01-01'), end: parseISO('2027-01-01') });

  it('draws PHQ-9 item 9 on its whole 0-3 range, so a 1 sits at a third of the height, not at the top', () => {
    const scores = [
      { instrument: 'phq9-item9' as const, date: '2026-03-01', value: 1, source: 'Observation/i1' },
      { instrument: 'phq9-item9' as const, date: '2026-06-01', value: 0, source: 'Observation/i2' },
    ];
    const chart = layoutScoreCharts(scores, [], terminologyThresholds, asOf, x, 0, 92, 16, terminologyRanges).charts[0]!;
    expect([chart.yMin, chart.yMax]).toEqual([0, 3]);
    const bottom = chart.yTicks.find((t) => t.value === 0)!.y;
    const top = chart.yTicks.find((t) => t.value === 3)!.y;
    const one = chart.dots.find((d) => d.point.value === 1)!;
    expect((bottom - one.y) / (bottom - top)).toBeCloseTo(1 / 3, 6);
  });

  it('draws PANSS from 30 to its chart top 120 and PHQ-9 from 0 to 27, with both ends labelled; a PANSS above 120 widens its chart', () => {
    const scores = [
      { instrument: 'panss' as const, date: '2026-03-01', value: 95, source: 'Observation/p1' },
      { instrument: 'panss' as const, date: '2026-06-01', value: 88, source: 'Observation/p2' },
      { instrument: 'phq9' as const, date: '2026-06-01', value: 19, source: 'Observation/q1' },
    ];
    const charts = layoutScoreCharts(scores, [], terminologyThresholds, asOf, x, 0, 92, 16, terminologyRanges).charts;
    const panss = charts.find((c) => c.instrument === 'panss')!;
    const phq9 = charts.find((c) => c.instrument === 'phq9')!;
    expect([panss.yMin, panss.yMax]).toEqual([30, 120]);
    expect([phq9.yMin, phq9.yMax]).toEqual([0, 27]);
    const severe = layoutScoreCharts([{ instrument: 'panss' as const, date: '2026-03-01', value: 140, source: 'Observation/p3' }], [], terminologyThresholds, asOf, x, 0, 92, 16, terminologyRanges).charts[0]!;
    expect([severe.yMin, severe.yMax]).toEqual([30, 140]);
    for (const chart of [panss, phq9]) {
      expect(chart.yTicks[0]!.value).toBe(chart.yMin);
      expect(chart.yTicks.at(-1)!.value).toBe(chart.yMax);
      // Tick labels never crowd each other.
      const ys = chart.yTicks.map((t) => t.y).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
    }
  });

  it('marks the positive screen on the PHQ-9 item 9 chart at 1, a third of the way up, from the safety rules\' table', () => {
    const scores = [
      { instrument: 'phq9-item9' as const, date: '2026-03-01', value: 0, source: 'Observation/i1' },
      { instrument: 'phq9-item9' as const, date: '2026-06-01', value: 2, source: 'Observation/i2' },
    ];
    const chart = layoutScoreCharts(scores, [], terminologyThresholds, asOf, x, 0, 92, 16, terminologyRanges).charts[0]!;
    const bottom = chart.yTicks.find((t) => t.value === 0)!.y;
    const top = chart.yTicks.find((t) => t.value === 3)!.y;
    expect(chart.flag).toMatchObject({ value: SCREEN_POSITIVE['phq9-item9']!.atOrAbove, text: 'positive screen (≥ 1)' });
    expect(chart.flag!.y).toBeCloseTo(bottom + (top - bottom) / 3, 6);
    // Inside the chart: the 2 lies above the mark, the 0 below it.
    expect(chart.flag!.y).toBeGreaterThan(chart.top);
    expect(chart.flag!.y).toBeLessThan(chart.top + chart.height);
    expect(chart.dots.find((d) => d.point.value === 2)!.y).toBeLessThan(chart.flag!.y);
    expect(chart.dots.find((d) => d.point.value === 0)!.y).toBeGreaterThan(chart.flag!.y);
    // A scale without a screening threshold gets no mark.
    const phq9 = layoutScoreCharts([{ instrument: 'phq9' as const, date: '2026-03-01', value: 19, source: 'Observation/q1' }], [], terminologyThresholds, asOf, x, 0, 92, 16, terminologyRanges).charts[0]!;
    expect(phq9.flag).toBeNull();
  });

  it('draws a threshold line where the range lookup gives one', () => {
    const scores = [{ instrument: 'phq9-item9' as const, date: '2026-03-01', value: 2, source: 'Observation/i1' }];
    const ranges = () => ({ min: 0, max: 3, flagAtOrAbove: 1, flagText: 'any thoughts of self-harm (≥ 1)' });
    const chart = layoutScoreCharts(scores, [], () => null, asOf, x, 0, 92, 16, ranges).charts[0]!;
    const bottom = chart.yTicks.find((t) => t.value === 0)!.y;
    const top = chart.yTicks.find((t) => t.value === 3)!.y;
    expect(chart.flag?.value).toBe(1);
    expect(chart.flag!.y).toBeCloseTo(bottom + (top - bottom) / 3, 6);
  });
});

describe('preset ranges', () => {
  it('keep the current trial in view in every preset (cut at the left edge where it began earlier), and after zooming in from the last two years', () => {
    // A current trial that started three years ago: "Last 2 years" and "Current episode" keep their own spans and
    // draw it cut at the plot's left edge, still running; "All" reaches back to it.
    const long = trial({ ingredient: 'lithium', drugClass: 'mood-stabilizer', start: '2023-09-01', end: null, steps: [[800, 0]] });
    const derivation = { ...trdTwoFailures(), trials: [...trdTwoFailures().trials, long] };
    const all = rangeDomain(derivation, 'all').domain;
    expect(all.start.getTime()).toBeLessThanOrEqual(parseISO(long.start).getTime());
    for (const range of ['two-years', 'current-episode'] as RangeChoice[]) {
      const { domain } = rangeDomain(derivation, range);
      expect(domain.start.getTime()).toBeGreaterThan(parseISO(long.start).getTime());
      expect(domain.end.getTime()).toBeGreaterThan(asOf.getTime());
      const bar = layoutLanes(derivation.trials, scaleOf(domain), frame, laneOptions).lanes.flatMap((l) => l.bars).find((b) => b.trial === long)!;
      expect([bar.offscreen, bar.clippedLeft, bar.ongoing, bar.x0]).toEqual([false, true, true, frame.plotLeft]);
    }
    let zoomed = rangeDomain(trdTwoFailures(), 'two-years').domain;
    for (let i = 0; i < 3; i++) {
      zoomed = zoomIn(zoomed, asOf);
      expect(zoomed.start.getTime()).toBeLessThan(asOf.getTime());
      expect(zoomed.end.getTime()).toBeGreaterThan(asOf.getTime());
      const current = layoutLanes(trdTwoFailures().trials, scaleOf(zoomed), frame, laneOptions).lanes.flatMap((l) => l.bars).filter((b) => b.ongoing);
      expect(current.length).toBeGreaterThan(0);
      for (const bar of current) expect(bar.offscreen).toBe(false);
    }
  });
});

describe('clipping', () => {
  it('keeps every bar, dose segment and outcome mark inside the plot when zoomed in', () => {
    const d = trdTwoFailures();
    let domain = rangeDomain(d, 'all').domain;
    for (let i = 0; i < 4; i++) domain = zoomIn(domain);
    const x = scaleOf(domain);
    for (const bar of layoutLanes(d.trials, x, frame, laneOptions).lanes.flatMap((l) => l.bars)) {
      if (bar.offscreen) continue;
      expect(bar.x0).toBeGreaterThanOrEqual(frame.plotLeft);
      expect(bar.x1).toBeLessThanOrEqual(frame.plotRight);
      for (const seg of bar.segments) {
        expect(seg.x0).toBeGreaterThanOrEqual(frame.plotLeft);
        expect(seg.x1).toBeLessThanOrEqual(frame.plotRight);
      }
      if (bar.label) expect(bar.marker.x + 11 + estimateTextWidth(bar.label)).toBeLessThanOrEqual(frame.plotRight + 1e-6);
    }
  });
});

describe('labels', () => {
  it('keep a diagnosis label whole when it fits, else cut it with an ellipsis inside the plot, the full text kept', () => {
    const diagnoses = [
      { kind: 'pregnancy' as const, code: 'Z33.1', system: 'http://hl7.org/fhir/sid/icd-10-cm', display: 'Pregnant state', onset: '2026-11-01', abatement: null, clinicalStatus: 'active', source: 'Condition/p' },
      { kind: 'mdd' as const, code: 'F33.1', system: 'http://hl7.org/fhir/sid/icd-10-cm', display: 'Major depressive disorder, recurrent, moderate', onset: '2024-01-01', abatement: null, clinicalStatus: 'active', source: 'Condition/m' },
    ];
    const x = scaleOf({ start: parseISO('2023-12-01'), end: parseISO('2026-12-01') });
    const rows = layoutDiagnoses(diagnoses, asOf, x, frame, 0, 20);
    for (const span of rows.spans) {
      expect(span.fullLabel.length).toBeGreaterThan(0);
      if (span.label === null) continue;
      if (span.label !== span.fullLabel) expect(span.label.endsWith('…')).toBe(true);
      const right = span.labelAnchor === 'start' ? span.labelX + estimateTextWidth(span.label) : span.labelX;
      expect(right).toBeLessThanOrEqual(frame.plotRight + 1e-6);
    }
    // A lane names the condition recorded (its display), not the class the rules file it under.
    expect(rows.spans.find((s) => s.item.kind === 'mdd')!.label).toBe('Major depressive disorder, recurrent, moderate');
    // Whole words only: a word is never cut ("Pregnan"), a label is cut after its last whole word that fits.
    expect(fitText('Pregnancy', 45)).toBe('');
    expect(fitText('Pregnancy', 200)).toBe('Pregnancy');
    expect(fitText('Major depressive disorder', 130)).toBe('Major depressive…');
  });

  it('name a diagnosis by its recorded display, the class only for a condition recorded by its code alone', () => {
    const icd = 'http://hl7.org/fhir/sid/icd-10-cm';
    const gad = { kind: 'anxiety' as const, code: 'F41.1', system: icd, display: 'Generalized anxiety disorder', onset: '2024-01-01', abatement: null, clinicalStatus: 'active', source: 'Condition/gad' };
    const cannabis = { kind: 'substance-use' as const, code: 'F12.20', system: icd, display: 'Cannabis dependence, uncomplicated', onset: '2024-02-01', abatement: null, clinicalStatus: 'active', source: 'Condition/c' };
    const codeOnly = { kind: 'anxiety' as const, code: 'F41.9', system: icd, display: 'F41.9', onset: '2024-03-01', abatement: null, clinicalStatus: 'active', source: 'Condition/a' };
    const x = scaleOf({ start: parseISO('2023-12-01'), end: parseISO('2026-12-01') });
    // An overdose whose code states the intent leads with it: the record's name puts it last, where a cut label loses it.
    const overdose = { kind: 'overdose' as const, intent: 'intentional-self-harm' as const, code: 'T43.212A', system: icd, display: 'Poisoning by selective serotonin and norepinephrine reuptake inhibitors, intentional self-harm, initial encounter', onset: '2024-04-01', abatement: null, clinicalStatus: 'active', source: 'Condition/o' };
    const rows = layoutDiagnoses([gad, cannabis, codeOnly, overdose], asOf, x, frame, 0, 20);
    expect(rows.spans.map((s) => s.fullLabel)).toEqual(['Generalized anxiety disorder', 'Cannabis dependence, uncomplicated', 'Anxiety disorder', 'Intentional self-harm: overdose']);
  });

  it('read a trial to a screen reader as agent, dates, dose, then outcome', () => {
    const t = trial({ ingredient: 'sertraline', start: '2024-07-01', end: '2024-09-09', steps: [[50, 14], [100, 0]], outcome: 'nonresponse' });
    const label = ariaLabelOf(trialDetails(t));
    const at = (word: string) => label.toLowerCase().indexOf(word);
    expect(label.startsWith('Sertraline')).toBe(true);
    expect(at('2024-07-01')).toBeGreaterThan(0);
    expect(at('100 mg/day')).toBeGreaterThan(at('2024-09-09'));
    expect(at('non-response')).toBeGreaterThan(at('100 mg/day'));
  });

  it('show a microgram-dosed drug\'s doses and threshold in mcg (liothyronine 12.5 mcg/day, adequate from 25 mcg/day), others in mg', () => {
    const t = trial({ ingredient: 'liothyronine', drugClass: 'augmentation-agent', start: '2024-07-01', end: '2024-10-01', steps: [[0.0125, 0]], adequateDoseMg: 0.025 });
    const lines = trialDetails(t).lines.join('\n');
    expect(lines).toContain('Dose: 12.5 mcg/day; adequate dose from 25 mcg/day');
    expect(lines).toMatch(/2024-07-01–2024-10-01 12\.5 mcg\/day/);
    expect(ariaLabelOf(trialDetails(t))).toContain('highest dose 12.5 mcg/day');
    const s = trial({ ingredient: 'sertraline', start: '2024-07-01', end: '2024-10-01', steps: [[100, 0]] });
    expect(trialDetails(s).lines.join('\n')).toContain('Dose: 100 mg/day; adequate dose from 50 mg/day');
  });

  it('use no text smaller than 12 px in the timeline styles or SVG attributes', () => {
    const css = readFileSync('src/views/timeline/timeline.css', 'utf8');
    const sizes = [...css.matchAll(/font-size:\s*([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
    for (const file of ['Timeline.tsx', 'marks.tsx', 'Legend.tsx']) {
      const source = readFileSync(`src/views/timeline/${file}`, 'utf8');
      for (const m of source.matchAll(/fontSize=\{(\d+(?:\.\d+)?)\}/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('the thirty-year record at "All"', () => {
  it('stacks every lane without overlap, rows at least 22 px high, and no outcome word runs into the next bar', () => {
    const d = thirtyYears();
    const x = scaleOf(fullDomain(d));
    const laneCount = new Set(d.trials.map((t) => t.ingredient)).size;
    const layout = layoutLanes(d.trials, x, frame, { top: 0, asOf, rowHeight: rowHeightFor(laneCount) });
    expect(rowHeightFor(laneCount)).toBeGreaterThanOrEqual(22);
    expect(layout.lanes.reduce((n, l) => n + l.bars.length, 0)).toBe(d.trials.filter((t) => parseISO(t.start).getTime() > 0).length);
    for (let i = 1; i < layout.lanes.length; i++) expect(layout.lanes[i]!.top).toBe(layout.lanes[i - 1]!.top + layout.lanes[i - 1]!.height);
    for (const lane of layout.lanes) {
      const byRow = new Map<number, typeof lane.bars>();
      for (const b of lane.bars) byRow.set(b.top, [...(byRow.get(b.top) ?? []), b]);
      for (const row of byRow.values()) {
        row.sort((a, b) => a.x0 - b.x0);
        row.forEach((bar, i) => {
          const next = row[i + 1];
          if (bar.label && next) expect(bar.marker.x + 11 + estimateTextWidth(bar.label)).toBeLessThanOrEqual(next.x0 + 1e-6);
        });
      }
    }
  });
});
