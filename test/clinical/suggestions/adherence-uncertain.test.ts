/**
 * Two failed adequate trials kept up only by orders re-issued weeks after each supply ran out (no dispenses): adherence
 * is uncertain, so adherence support is offered with the coverage named, and the neuromodulation and esketamine
 * options offered for those failures carry a caution saying so. Hand-made records of the ehr-export-mdd demo's shape.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';
import { SUGGESTION_RULES } from '../../../src/clinical/suggestions/rule-list';
import { AS_OF, PID, loincObservation, patient, ref, rxOrder, snomedCondition } from '../ehr/ehr-builders';

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}

/** Sertraline 100 mg then bupropion 300 mg (two 150 mg tablets), each re-ordered 66 to 75 days apart with no supply stated; PHQ-9 stays high. */
function twoTrialsOrderedLate() {
  const sertraline = ['2023-01-10', '2023-03-16', '2023-05-25', '2023-08-08', '2023-10-15', '2023-12-26'].map((day) => rxOrder('328670', 'Sertraline 100MG', day, 'stopped'));
  const bupropion = ['2024-02-10', '2024-04-16', '2024-06-25', '2024-09-08', '2024-11-15', '2025-01-26'].map((day) => rxOrder('993541', 'Bupropion 150MG', day, 'stopped', { units: 2 }));
  const d = derive([
    snomedCondition('370143000', 'Major depression disorder', '2023-01-01'),
    ...sertraline,
    ...bupropion,
    loincObservation('44261-6', 'PHQ-9 total score', '2023-01-05', 21),
    loincObservation('44261-6', 'PHQ-9 total score', '2023-07-01', 20),
    loincObservation('44261-6', 'PHQ-9 total score', '2024-02-05', 20),
    loincObservation('44261-6', 'PHQ-9 total score', '2024-08-01', 19),
  ]);
  return { d, sources: [...sertraline, ...bupropion].map(ref) };
}

const COVERAGE =
  'sertraline orders cover about 47% of days (refill gaps 35-45 days; no supply stated, each assumed 30 days); bupropion orders cover about 47% of days (refill gaps 36-45 days; no supply stated, each assumed 30 days)';
const CONFIRM = "confirm with the patient and the pharmacy's fill history before counting these trials as failures";
const CITED = "(Howes 2017; local working rule (unverified): TRRIP's 80% of prescribed doses, borrowed for coverage by orders rather than dispenses: working rule)";

describe('failed adequate trials whose orders leave days uncovered', () => {
  it('adherence support is to consider, its reason naming the coverage and what to confirm', () => {
    const { d, sources } = twoTrialsOrderedLate();
    const support = d.suggestions.find((s) => s.intervention === 'adherence-support')!;
    expect(support.status).toBe('consider');
    expect(support.reasons[0]).toEqual({ text: `${COVERAGE}: ${CONFIRM}`, sources });
  });

  it('adherence support leads the options to consider, ahead of accelerated iTBS and IV ketamine; suggested rTMS, ECT and esketamine stay above it', () => {
    const { d } = twoTrialsOrderedLate();
    expect(d.suggestions.slice(0, 6).map((s) => [s.intervention, s.status])).toEqual([
      ['tms', 'suggested'],
      ['ect', 'suggested'],
      ['esketamine', 'suggested'],
      ['adherence-support', 'consider'],
      ['accelerated-tms', 'consider'],
      ['iv-ketamine', 'consider'],
    ]);
  });

  it('rTMS, ECT, esketamine, accelerated iTBS and IV ketamine each carry the adherence-uncertain caution, last', () => {
    const { d, sources } = twoTrialsOrderedLate();
    const caution = {
      text: `Adherence uncertain: ${COVERAGE}: the failures this option rests on may not be failures; ${CONFIRM} ${CITED}`,
      sources,
      kind: 'caution',
    };
    for (const id of ['tms', 'ect', 'esketamine', 'accelerated-tms', 'iv-ketamine']) expect(d.suggestions.find((s) => s.intervention === id)!.cautions.at(-1)).toEqual(caution);
    expect(d.suggestions.find((s) => s.intervention === 'pharmacogenomic-testing')!.cautions.map((c) => c.text.startsWith('Adherence uncertain'))).toEqual([false]);
  });

  it('the rules applied are working rules (U) after Howes 2017', () => {
    const ids = ['suggest.adherence-support.adherence-uncertain', 'suggest.adherence-uncertain-caution', 'order.adherence-support-first-when-adherence-uncertain'];
    expect(SUGGESTION_RULES.filter((r) => ids.includes(r.id)).map((r) => [r.id, r.verification, r.references])).toEqual([
      ['suggest.adherence-support.adherence-uncertain', 'U', ['howes2017', 'projectWorkingRule']],
      ['order.adherence-support-first-when-adherence-uncertain', 'U', ['howes2017', 'projectWorkingRule']],
      ['suggest.adherence-uncertain-caution', 'U', ['howes2017', 'projectWorkingRule']],
    ]);
  });
});

describe('orders that cover the trial', () => {
  it('adherence support is not offered and says no trial was flagged', () => {
    const orders = ['2024-01-10', '2024-02-09', '2024-03-10', '2024-04-09'].map((day) => rxOrder('328670', 'Sertraline 100MG', day, 'stopped'));
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '2024-01-01'), ...orders]);
    const support = d.suggestions.find((s) => s.intervention === 'adherence-support')!;
    expect([support.status, support.reasons.map((r) => r.text)]).toEqual(['not-eligible', ['No trial was flagged for poor adherence.']]);
  });
});
