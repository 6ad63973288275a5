/**
 * The timeline draws what the engine derived: every demo patient's real derivation (sandbox/patients, through
 * derivePatient) is laid out, and each bar's dose, threshold line and adequacy is checked against the engine's verdict
 * on that trial, never against a rule of the view's own.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { DX, RecordBuilder } from '../../../sandbox/patients/fhir';
import { derivePatient } from '../../../src/clinical/index';
import type { Derivation, Trial } from '../../../src/clinical/types';
import { doseScale, layoutLanes, trialLabel, type Lane } from '../../../src/views/timeline/layout/lanes';
import { terminologyThresholds } from '../../../src/views/timeline/scale-thresholds';
import { fullDomain, parseDate, timeScale } from '../../../src/views/timeline/layout/domain';
import { frameFor } from '../../../src/views/timeline/layout/axis';
import { layoutScoreCharts } from '../../../src/views/timeline/layout/scores';
import { trialDetails } from '../../../src/views/timeline/details';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);
const ROW_HEIGHT = 30;
const BAR_MAX = ROW_HEIGHT - 9;

function derive(id: string, resources: Resource[]): Derivation {
  return derivePatient({ patientId: id, resources }, { asOf: AS_OF });
}

function lanesOf(derivation: Derivation): Lane[] {
  const frame = frameFor(1200);
  const x = timeScale(fullDomain(derivation), frame.plotLeft, frame.plotRight);
  const layout = layoutLanes(derivation.trials, x, frame, { top: 0, asOf: parseDate(derivation.asOf)!, rowHeight: ROW_HEIGHT });
  expect(layout.unplaced).toEqual([]);
  return layout.lanes;
}

/** The engine's dose of a step in the unit of the trial's threshold (types/trials.ts, Trial.adequateDose). */
function engineDose(trial: Trial, step: Trial['doseSteps'][number]): number | null {
  return trial.adequateDose?.unit === 'mg/day CPZ-eq' ? (step.cpzEquivalentMg ?? null) : step.dailyDoseMg;
}

/** Every difference between the bars of a derivation and the engine's verdicts on its trials. */
function disagreements(derivation: Derivation): string[] {
  const problems: string[] = [];
  const drawn = new Set<string>();
  for (const lane of lanesOf(derivation)) {
    for (const bar of lane.bars) {
      const t = bar.trial;
      drawn.add(t.id);
      const say = (what: string) => problems.push(`${derivation.patient} ${t.id}: ${what}`);
      const y = doseScale(lane.doseMax, bar.baseline, BAR_MAX);
      // The threshold line is the engine's threshold, in its unit, on the lane's scale.
      if (t.adequateDose === null) {
        if (bar.thresholdY !== null) say('threshold line drawn without a threshold');
      } else if (bar.thresholdY === null || Math.abs(bar.thresholdY - y(t.adequateDose.amount)) > 1e-9) {
        say(`threshold line at ${bar.thresholdY}, the engine's ${t.adequateDose.amount} ${t.adequateDose.unit} is at ${y(t.adequateDose.amount)}`);
      }
      // Each segment is an engine dose step, drawn at its dose in the threshold's unit.
      const atOrAbove = bar.segments.filter((s) => s.level === 'at-or-above');
      for (const segment of bar.segments) {
        if (!t.doseSteps.includes(segment.step) && t.doseSteps.length > 0) say('a segment that is no dose step of the trial');
        const dose = t.doseSteps.includes(segment.step) ? engineDose(t, segment.step) : null;
        if (dose === null) {
          if (segment.level !== 'unknown') say(`segment of unknown dose drawn as ${segment.level}`);
          continue;
        }
        const expectedTop = Math.min(y(dose), bar.baseline - 3);
        if (Math.abs(segment.y - expectedTop) > 1e-9) say(`segment of ${dose} drawn at ${segment.y}, not ${expectedTop}`);
        if (segment.level === 'at-or-above' && bar.thresholdY !== null && segment.y > bar.thresholdY + 1e-9) say(`segment at or above its threshold drawn below the line`);
      }
      // The engine's verdict: days at the adequate dose mean a step drawn at or above the line, and none mean none.
      if (t.adequateDose !== null && t.doseSteps.some((s) => engineDose(t, s) !== null)) {
        if (t.daysAtAdequateDose > 0 && atOrAbove.length === 0) say(`${t.daysAtAdequateDose} days at the adequate dose, but no step drawn at or above the line`);
        if (t.daysAtAdequateDose === 0 && atOrAbove.length > 0) say('no day at the adequate dose, but a step drawn at or above the line');
      }
      // A trial judged by a serum level (lithium in bipolar depression): the level's verdict, and no dose line.
      if (t.adequateLevel) {
        const expected = t.adequateLevel.reached ? 'at-or-above' : 'below';
        for (const segment of bar.segments) if (segment.level !== expected) say(`level ${t.adequateLevel.reached ? 'reached' : 'below'}, but a step drawn ${segment.level}`);
        if (t.adequateDose !== null) say('judged by a level, but carries a dose threshold');
      }
      if (t.adequate && t.adequateDose !== null && atOrAbove.length === 0) say('adequate, but no step drawn at or above its threshold');
      // The words beside the bar say the engine's adequacy.
      const suffix = t.adequate ? null : t.adequacyNotJudged ? ', adequacy not judged' : t.adequacyUnconfirmed ? ', adequacy unconfirmed' : ', not an adequate trial';
      if (suffix === null ? /, (not an adequate trial|adequacy unconfirmed|adequacy not judged)$/.test(trialLabel(t)) : !trialLabel(t).endsWith(suffix))
        say(`label "${trialLabel(t)}" disagrees with adequate = ${t.adequate}${t.adequacyUnconfirmed ? ' (unconfirmed)' : ''}${t.adequacyNotJudged ? ' (not judged)' : ''}`);
    }
  }
  for (const t of derivation.trials) if (!drawn.has(t.id)) problems.push(`${derivation.patient} ${t.id}: not drawn`);
  return problems;
}

describe('the timeline draws the engine\'s verdict on every trial of every demo patient', () => {
  it.each(demoPatients.map((p) => [p.id, p] as const))('%s', (id, patient) => {
    const derivation = derive(id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
    expect(disagreements(derivation)).toEqual([]);
  });

  it('schizophrenia-trs: antipsychotic monotherapy is drawn in chlorpromazine equivalents, TRRIP\'s unit', () => {
    const patient = demoPatients.find((p) => p.id === 'schizophrenia-trs')!;
    const derivation = derive(patient.id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
    const olanzapine = derivation.trials.find((t) => t.ingredient === 'olanzapine')!;
    expect(olanzapine.adequateDose).toEqual({ amount: 600, unit: 'mg/day CPZ-eq', agentMgPerDay: 20 });
    const bar = lanesOf(derivation).flatMap((l) => l.bars).find((b) => b.trial === olanzapine)!;
    expect(bar.segments.some((s) => s.level === 'at-or-above')).toBe(olanzapine.daysAtAdequateDose > 0);
  });
});

describe('lithium judged by its serum level (bipolar-depression)', () => {
  it('bipolar-depression: maintenance lithium 900 mg/day for 4 years before the episode, level 0.7 mmol/L in it (below the acute 0.8), is drawn below, with no dose line, and labelled "not an adequate trial" (not an adequate acute trial)', () => {
    const patient = demoPatients.find((p) => p.id === 'bipolar-depression')!;
    const derivation = derive(patient.id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
    const lithium = derivation.trials.find((t) => t.ingredient === 'lithium')!;
    const bar = lanesOf(derivation).flatMap((l) => l.bars).find((b) => b.trial === lithium)!;
    expect(lithium.adequateLevel).toMatchObject({ value: 0.7, min: 0.8, reached: false });
    expect(bar.thresholdY).toBeNull();
    expect(new Set(bar.segments.map((s) => s.level))).toEqual(new Set(['below']));
    expect(trialLabel(lithium)).toBe('ongoing, not an adequate trial');
  });

  it('deceased: lithium with no level recorded is labelled "adequacy unconfirmed", not inadequate and not adequate', () => {
    const patient = demoPatients.find((p) => p.id === 'deceased')!;
    const derivation = derive(patient.id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
    const lithium = derivation.trials.find((t) => t.ingredient === 'lithium')!;
    expect(trialLabel(lithium)).toMatch(/, adequacy unconfirmed$/);
  });
});

describe('an antipsychotic added to an antidepressant is drawn in mg of the agent, the unit of its threshold', () => {
  // Recurrent MDD: sertraline 100 mg/day for 20 weeks; quetiapine 150 mg/day added after 6 weeks for 10 weeks.
  const b = new RecordBuilder(TODAY, 'quetiapine-augmentation');
  b.patient({ given: ['Test'], family: 'Augmentation', gender: 'female', ageYears: 45 });
  b.condition('mdd', { ...DX.mddRecurrentModerate, text: 'Major depressive disorder, recurrent, moderate', onset: 200 });
  b.course('sertraline', { start: 180, steps: [{ product: 'sertraline100', perDay: 1, days: 140 }], stopReason: 'No response' });
  b.course('quetiapine', { start: 138, steps: [{ product: 'quetiapine150', perDay: 1, days: 70 }], stopReason: 'No response' });
  const derivation = derive('quetiapine-augmentation', (b.bundle().entry ?? []).map((e) => e.resource!));
  const quetiapine = derivation.trials.find((t) => t.ingredient === 'quetiapine')!;

  it('the engine judges quetiapine 150 mg/day augmentation adequate against its 150 mg/day threshold', () => {
    expect(quetiapine.role).toBe('augmentation');
    expect(quetiapine.adequateDose).toEqual({ amount: 150, unit: 'mg/day' });
    expect(quetiapine.adequate).toBe(true);
  });

  it('its bar reaches its threshold line and reads adequate', () => {
    const bar = lanesOf(derivation).flatMap((l) => l.bars).find((x) => x.trial === quetiapine)!;
    expect(bar.segments.map((s) => s.level)).toEqual(['at-or-above']);
    expect(bar.segments[0]!.y).toBeCloseTo(bar.thresholdY!, 9);
    expect(trialLabel(quetiapine)).not.toContain('not an adequate trial');
    expect(disagreements(derivation)).toEqual([]);
  });
});

describe('score charts mark the engine\'s baselines', () => {
  it.each(demoPatients.map((p) => [p.id, p] as const))('%s: each response line starts at the baseline score the engine measured the trial from', (id, patient) => {
    const derivation = derive(id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
    const frame = frameFor(1200);
    const x = timeScale(fullDomain(derivation), frame.plotLeft, frame.plotRight);
    const { charts } = layoutScoreCharts(derivation.scores, derivation.trials, terminologyThresholds, parseDate(derivation.asOf)!, x, 0, 90, 10);
    for (const chart of charts) {
      for (const response of chart.responses) {
        const t = derivation.trials.find((trial) => trial.id === response.trialId)!;
        expect(t.baselineScore?.instrument).toBe(chart.instrument);
        expect(response.baselineValue).toBe(t.baselineScore!.value);
      }
      const baselines = new Set(derivation.trials.flatMap((t) => (t.baselineScore?.instrument === chart.instrument ? [t.baselineScore.source] : [])));
      expect(new Set(chart.dots.filter((d) => d.baseline).map((d) => d.point.source))).toEqual(baselines);
    }
  });
});

describe('an antipsychotic bar carries its latest plasma level (schizophrenia-trs)', () => {
  const patient = demoPatients.find((p) => p.id === 'schizophrenia-trs')!;
  const derivation = derive(patient.id, (patient.build(TODAY).entry ?? []).map((e) => e.resource!));
  const olanzapine = derivation.trials.find((t) => t.ingredient === 'olanzapine')!;

  it('schizophrenia-trs: the olanzapine bar label names the engine’s latest plasma level (value, unit, date) where there is room, and starts clear of the outcome mark', () => {
    const latest = olanzapine.plasmaLevels!.at(-1)!;
    // Two years up to today at 1024 px: the bar ends mid-plot, with room for the level.
    const frame = frameFor(1024);
    const asOf = parseDate(derivation.asOf)!;
    const x = timeScale({ start: new Date(Date.UTC(2024, 11, 1)), end: asOf }, frame.plotLeft, frame.plotRight);
    const bar = layoutLanes(derivation.trials, x, frame, { top: 0, asOf, rowHeight: ROW_HEIGHT }).lanes.flatMap((l) => l.bars).find((b) => b.trial === olanzapine)!;
    expect(bar.label).toBe(`non-response · level ${latest.value} ${latest.unit} on ${latest.date}`);
    // The widest outcome mark reaches radius + 2 and its 2 px stroke from the marker's centre.
    expect(bar.labelX - bar.marker.x).toBeGreaterThanOrEqual(8 + 2 + 2 + 2);
  });

  it('schizophrenia-trs: with no room for the level, the bar keeps its outcome words; the accessible name still says the latest level', () => {
    const bar = lanesOf(derivation).flatMap((l) => l.bars).find((b) => b.trial === olanzapine)!;
    // After the bar, or before it with the drug and dose where the plot's end leaves no room after it.
    expect(bar.label).toMatch(/^(olanzapine 10–20 mg\/day, )?non-response( · level 32 ng\/mL on \d{4}-\d\d-\d\d)?$/);
    expect(trialDetails(olanzapine).ariaLabel).toMatch(/latest plasma level 32 ng\/mL on \d{4}-\d\d-\d\d/);
  });
});
