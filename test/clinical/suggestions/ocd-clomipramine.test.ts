/**
 * Demo case "ocd": clomipramine is being titrated (5 weeks at an adequate dose, 7 in all) after two failed SRI trials.
 * Antipsychotic augmentation names the SRI it would augment and waits for the clomipramine trial to be judged; the
 * Anafranil label's cautions (ECG and QT with an antipsychotic, seizure threshold, lethality in overdose) stand
 * wherever clomipramine is taken.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';

const TODAY = new Date('2026-11-22T08:00:00Z');

function derive(keep: (r: Resource) => boolean = () => true): Derivation {
  const bundle = demoPatients.find((p) => p.id === 'ocd')!.build(TODAY);
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource && keep(e.resource) ? [e.resource] : []));
  return derivePatient({ patientId: 'ocd', resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

const d = derive();
const augmentation = d.suggestions.find((s) => s.intervention === 'ocd-antipsychotic-augmentation')!;

describe('ocd: antipsychotic augmentation while the clomipramine trial runs', () => {
  it('is "consider", not "suggested", before the clomipramine trial is judged', () => {
    expect(augmentation.status).toBe('consider');
  });

  it('names clomipramine as the SRI it would augment', () => {
    expect(augmentation.reasons.map((r) => r.text)).toContain(
      'SRI to augment: clomipramine 50–150 mg/day since 2026-10-03, taken now (ongoing; not yet an adequate trial)',
    );
  });

  it('says it waits for the clomipramine trial, or for clomipramine not being continued', () => {
    const waits = augmentation.reasons.find((r) => r.text.startsWith('Not before the clomipramine trial is judged'));
    expect(waits?.text.split(' (')[0]).toBe('Not before the clomipramine trial is judged, unless clomipramine is not continued');
    expect(augmentation.startsAfter?.text).toBe('after the clomipramine trial (5 more weeks)');
    expect(waits?.sources).toContain('MedicationRequest/ocd-clomipramine-2');
  });

  it('carries the Anafranil label cautions: ECG and QT with an antipsychotic, seizure threshold, lethality in overdose', () => {
    const caution = augmentation.cautions.find((c) => c.text.startsWith('Taken now: clomipramine'));
    expect(caution?.text).toMatch(/QT/);
    expect(caution?.text).toMatch(/ECG/);
    expect(caution?.text).toMatch(/seizure threshold/);
    expect(caution?.text).toMatch(/lethal in overdose/);
    expect(caution?.text).toMatch(/Anafranil label/);
  });

  it('leads the safety strip with clomipramine taken now and what it asks (ECG, seizures, overdose)', () => {
    const item = d.safety.find((s) => s.kind === 'clomipramine');
    expect(item?.title).toBe('Clomipramine now');
    expect(item?.action).toMatch(/^ECG/);
    expect(item?.action).toMatch(/seizure threshold/);
    expect(item?.action).toMatch(/lethal in overdose/);
  });

  it('the headline is to complete the clomipramine trial, although OCD already meets its resistance criteria', () => {
    expect(d.nextStep).toEqual({
      kind: 'complete-trial',
      text: 'Complete the current trial: clomipramine 150 mg/day, 1 more week at an adequate dose and 5 more in all; no neuromodulation or augmentation before it is judged: in OCD the running SRI trial is itself the next step, judged after 12 weeks; ERP alongside the SRI need not wait for it (APA OCD guideline 2007; local working rule (unverified))',
      sources: d.assessments.find((a) => a.condition === 'ocd')!.trialToComplete!.sources,
    });
  });

  it('deep TMS is "consider", eligible if the clomipramine trial fails', () => {
    const deepTms = d.suggestions.find((s) => s.intervention === 'deep-tms')!;
    expect(deepTms.status).toBe('consider');
    expect(deepTms.reasons.map((r) => r.text.split(' (')[0])).toContain('Eligible if the clomipramine trial fails: in OCD the running SRI trial is judged first, after 12 weeks in all');
    // Augmentation says its own wait once, not this one as well.
    expect(augmentation.reasons.filter((r) => r.text.startsWith('Eligible if')).length).toBe(0);
  });

  it('deep TMS carries the seizure-threshold caution while clomipramine is taken', () => {
    const deepTms = d.suggestions.find((s) => s.intervention === 'deep-tms')!;
    expect(deepTms.cautions.filter((c) => c.text.startsWith('Taken now: clomipramine')).length).toBe(1);
  });
});

describe('ocd without the clomipramine orders: no SRI taken now', () => {
  const without = derive((r) => !(r.id ?? '').includes('clomipramine'));
  const s = without.suggestions.find((x) => x.intervention === 'ocd-antipsychotic-augmentation')!;

  it('is "consider" and says no SRI is taken now to augment', () => {
    expect(s.status).toBe('consider');
    expect(s.reasons.map((r) => r.text.split(' (')[0])).toContain('No SRI is taken now: augmentation adds to an SRI taken at an adequate dose; start or choose the SRI to augment first');
    expect(without.safety.filter((x) => x.kind === 'clomipramine')).toEqual([]);
  });
});
