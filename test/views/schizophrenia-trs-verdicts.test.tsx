/**
 * schizophrenia-trs as the app read it before its plasma levels reached it (the levels left out of the record): the
 * failed-trial count and the non-response markers are one verdict ("2 failed trials, adequacy possibly met (no plasma
 * level)", never "0 failed" beside red failures), and the missing-level action is one that can be carried out for a
 * past trial (the chart; a level of the antipsychotic running now).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation } from '../../src/clinical/types';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';

const TODAY = new Date('2026-11-22T08:00:00Z');

const isLevel = (r: Resource) => r.resourceType === 'Observation' && /level/.test(r.id ?? '');

function derivationWithoutLevels(): Derivation {
  const demo = demoPatients.find((p) => p.id === 'schizophrenia-trs')!;
  const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource!).filter((r) => !isLevel(r));
  return derivePatient({ patientId: demo.id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

afterEach(cleanup);

describe('schizophrenia-trs without its plasma levels', () => {
  const d = derivationWithoutLevels();
  const a = d.assessments.find((x) => x.condition === 'schizophrenia')!;

  it('the engine counts olanzapine and aripiprazole as failed trials whose adequacy is possibly met (no plasma level)', () => {
    expect(a.status).toBe('possibly-meets');
    expect(a.failedAdequateTrials).toBe(0);
    expect(a.unconfirmedTrials.map((u) => [u.ingredient, u.failedPendingAdequacy])).toEqual([
      ['olanzapine', 'no plasma level'],
      ['aripiprazole', 'no plasma level'],
    ]);
    expect(a.conclusion).toMatch(/^Possibly meets treatment-resistant schizophrenia \(TRRIP\): 2 failed trials in the current episode, adequacy possibly met \(no plasma level\) \(olanzapine: /);
    expect(a.conclusion).not.toMatch(/\b0 failed/);
  });

  it('the missing-level action of a past trial is the chart, and a level of the antipsychotic running now (haloperidol)', () => {
    const olanzapine = a.unconfirmedTrials.find((u) => u.ingredient === 'olanzapine')!;
    expect(olanzapine.confirm).toMatch(
      /^an olanzapine plasma level drawn during the trial \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\), if the chart has one: it cannot be drawn now; a haloperidol plasma level now checks adherence to the current treatment$/,
    );
  });

  it('the summary line says "2 failed trials, adequacy possibly met (no plasma level)", never "no failed adequate trial"', () => {
    const page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    const line = page.container.querySelector('[data-condition="schizophrenia"] .trp-condition-facts')!.textContent;
    expect(line).toMatch(/^ · 2 failed trials, adequacy possibly met \(no plasma level\): olanzapine, aripiprazole · definition:/);
    expect(line).not.toMatch(/no failed adequate trial/);
  });

  it('the copied note gives the same verdict', () => {
    const note = copyToNoteText(d);
    expect(note).toMatch(/2 failed trials in the current episode, adequacy possibly met \(no plasma level\)/);
    expect(note).not.toMatch(/\b0 failed adequate trials/);
  });
});

describe('schizophrenia-trs as the demo stands (both levels read)', () => {
  it('meets TRRIP with 2 failed adequate trials, nothing left to confirm', () => {
    const demo = demoPatients.find((p) => p.id === 'schizophrenia-trs')!;
    const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource!);
    const a = derivePatient({ patientId: demo.id, resources }, { asOf: TODAY.toISOString().slice(0, 10) }).assessments.find((x) => x.condition === 'schizophrenia')!;
    expect(a.status).toBe('meets');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.unconfirmedTrials).toEqual([]);
  });
});
