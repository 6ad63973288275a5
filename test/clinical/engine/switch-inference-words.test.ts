/**
 * A non-response inferred from a switch says why it is of lower confidence in words true of the record: "no scores"
 * only when the record has none around the trial, "no score during the trial" beside a baseline alone, and the scores
 * themselves when they exist but cannot judge the trial (demo case "ptsd": PCL-5, a scale without a response threshold).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical/index';
import { derive, mdd, patient, phq9, statement, trialOf, weeksAfter, addDays } from './builders';

const START = '2025-01-01';

/** A demo patient's derivation; `withoutReason` picks the records whose stop reason (statusReason) is left out. */
function demo(id: string, today: Date, withoutReason: (r: Resource) => boolean = () => false) {
  const p = demoPatients.find((x) => x.id === id)!;
  const resources = (p.build(today).entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Resource => Boolean(r))
    .map((r) => (withoutReason(r) ? ({ ...r, statusReason: undefined } as Resource) : r));
  return derivePatient({ patientId: id, resources }, { asOf: today.toISOString().slice(0, 10) });
}

describe('a non-response inferred from a switch', () => {
  it('ptsd without sertraline\'s stop reason: sertraline, with PCL-5 scores from 2 days before its start to its end, names them and that PCL-5 has no response threshold', () => {
    const sertraline = trialOf(demo('ptsd', new Date('2026-11-22T08:00:00Z'), (r) => r.resourceType === 'MedicationRequest' && /sertraline/.test(r.id ?? '')), 'sertraline');
    expect(sertraline.outcome).toBe('nonresponse');
    expect(sertraline.outcomeBasis).toBe('inferred');
    expect(sertraline.outcomeDetail).toBe(
      'switched to paroxetine on 2024-07-22; non-response inferred from the switch (lower confidence: PCL-5 62 → 58 (−6%, 2024-02-24 → 2024-07-20) ' +
        'during the trial, but PCL-5 has no response threshold; no stated reason)',
    );
  });

  it('with a baseline PHQ-9 and no later score: "no score during the trial", never "no scores"', () => {
    const a = statement('sertraline', 100, START, weeksAfter(START, 10));
    const b = statement('venlafaxine', 150, weeksAfter(START, 10), weeksAfter(START, 20));
    const t = trialOf(derive([patient(), mdd('2024-12-01'), phq9(addDays(START, -2), 21), a, b]), 'sertraline');
    expect(t.outcomeDetail).toBe(
      `switched to venlafaxine on ${weeksAfter(START, 10)}; non-response inferred from the switch (lower confidence: no score during the trial, ` +
        `only the baseline PHQ-9 21 on ${addDays(START, -2)}; no stated reason)`,
    );
  });

  it('with no score of any scale around it: "no scores or stated reason"', () => {
    const a = statement('sertraline', 100, START, weeksAfter(START, 10));
    const b = statement('venlafaxine', 150, weeksAfter(START, 10), weeksAfter(START, 20));
    const t = trialOf(derive([patient(), mdd('2024-12-01'), a, b]), 'sertraline');
    expect(t.outcomeDetail).toBe(
      `switched to venlafaxine on ${weeksAfter(START, 10)}; non-response inferred from the switch (lower confidence: no scores or stated reason)`,
    );
  });
});
