/**
 * Every recorded stop reason is kept and shown, on the demo patients where the review found them dropped: a named
 * side effect (hyperprolactinaemia) is an adverse effect, a reason naming neither a side effect nor a lack of effect
 * leaves tolerability unknown, and no higher-dose retry is offered of a drug stopped for a side effect.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import { classifyStopReason } from '../../../src/clinical/terminology/stop-reasons';
import type { Derivation, Trial } from '../../../src/clinical/types';
import { stopReasonsLine } from '../../../src/clinical/vocabulary';

const TODAY = new Date('2026-11-22T08:00:00Z');

function derive(id: string): Derivation {
  const demo = demoPatients.find((p) => p.id === id)!;
  const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

const trialOf = (d: Derivation, ingredient: string): Trial => d.trials.find((t) => t.ingredient === ingredient)!;
const reasonsOf = (t: Trial) => (t.stopReasons ?? []).map((r) => ({ text: r.text, kind: r.kind, effects: r.effects }));

describe('stop reasons are classified by the named side-effect table', () => {
  it('hyperprolactinaemia is an adverse effect, named', () => {
    expect(classifyStopReason('Hyperprolactinaemia')).toEqual({ kind: 'adverse', effects: ['hyperprolactinaemia'] });
  });
  it('a reason naming neither a side effect nor a lack of effect is unclassified, never tolerated', () => {
    expect(classifyStopReason('Stopped when the patient moved away')).toEqual({ kind: 'unclassified', effects: [] });
  });
  it('a lack of effect with daytime sedation is mixed and names sedation', () => {
    expect(classifyStopReason('No improvement of depression after 12 weeks at 300 mg; daytime sedation')).toEqual({ kind: 'mixed', effects: ['sedation'] });
  });
});

describe('schizophrenia-trs: risperidone stopped for hyperprolactinaemia', () => {
  const d = derive('schizophrenia-trs');
  const risperidone = trialOf(d, 'risperidone');

  it('keeps the stop reason as an adverse effect, and the trial is not tolerated', () => {
    expect(reasonsOf(risperidone)).toEqual([{ text: 'Hyperprolactinaemia', kind: 'adverse', effects: ['hyperprolactinaemia'] }]);
    expect(risperidone.outcome).toBe('intolerance');
  });

  it('offers no retry of risperidone at a higher dose, and says why it is passed over', () => {
    const optimisation = d.suggestions.find((s) => s.intervention === 'dose-optimization')!;
    expect(optimisation.status).toBe('not-eligible');
    const said = optimisation.reasons.map((f) => f.text).join('\n');
    expect(said).not.toMatch(/retry(ing)? (risperidone )?at an adequate dose: risperidone/);
    expect(said).toContain('stopped for a side effect ("Hyperprolactinaemia"): a tolerability problem, not a dose to raise');
  });
});

describe('stop reasons that decide no outcome are still shown', () => {
  it('bipolar-depression: quetiapine says its lack of effect and daytime sedation', () => {
    const quetiapine = trialOf(derive('bipolar-depression'), 'quetiapine');
    expect(stopReasonsLine(quetiapine)).toBe(
      'Stop reason: "No improvement of depression after 12 weeks at 300 mg; daytime sedation" (stopped for lack of effect and an adverse effect: sedation)',
    );
  });
  it('ocd: fluoxetine\'s reason is shown as lack of effect', () => {
    const fluoxetine = trialOf(derive('ocd'), 'fluoxetine');
    expect(stopReasonsLine(fluoxetine)).toBe('Stop reason: "Little effect after 8 weeks; switched to fluvoxamine" (stopped for lack of effect)');
  });
  it('pregnant-trd: venlafaxine\'s reason is shown as stopped because of pregnancy', () => {
    const venlafaxine = trialOf(derive('pregnant-trd'), 'venlafaxine');
    expect(stopReasonsLine(venlafaxine)).toBe('Stop reason: "Stopped by patient on learning she was pregnant" (stopped because of pregnancy)');
  });
  it('deceased: venlafaxine\'s reason names the intentional overdose', () => {
    const venlafaxine = trialOf(derive('deceased'), 'venlafaxine');
    expect(reasonsOf(venlafaxine)).toEqual([{ text: 'Stopped after an intentional overdose; no response', kind: 'ineffective', effects: [] }]);
    expect(venlafaxine.stopReasons?.[0]?.safetyEvents).toEqual(['an intentional overdose']);
    expect(stopReasonsLine(venlafaxine)).toBe('Stop reason: "Stopped after an intentional overdose; no response" (stopped after an intentional overdose, and for lack of effect)');
  });
});
