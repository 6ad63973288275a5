/**
 * One rule across disorders for a trial still running short of adequacy once resistance is met on earlier trials, one
 * row per condition (RUNNING_TRIAL_ONCE_RESISTANT), each checked on the demo patient where it applies: MDD refers now
 * and starts after the trial is judged (trd-two-failures); OCD and PTSD complete the trial first and say why no referral
 * is suggested (ocd, ptsd); schizophrenia does not wait for it (schizophrenia-trs).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import type { Derivation, InterventionId } from '../../../src/clinical/types';
import { RUNNING_TRIAL_ONCE_RESISTANT } from '../../../src/clinical/suggestions/catalog';
import { RULES } from '../../../src/clinical/all-rules';

const TODAY = new Date('2026-11-22T08:00:00Z');

function derive(id: string): Derivation {
  const bundle = demoPatients.find((p) => p.id === id)!.build(TODAY);
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: '2026-11-22' });
}

const statusOf = (d: Derivation) => Object.fromEntries(d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').map((s) => [s.intervention, s.status]));
const reasonsOf = (d: Derivation, id: InterventionId) => d.suggestions.find((s) => s.intervention === id)!.reasons.map((r) => r.text);

describe('a running trial short of adequacy once resistance is met: one table row per condition, with its source', () => {
  it('every assessed condition has a row; MDD and bipolar depression refer while completing, OCD and PTSD complete first, schizophrenia is not held back', () => {
    expect(Object.fromEntries(Object.values(RUNNING_TRIAL_ONCE_RESISTANT).map((r) => [r.condition, [r.policy, r.source.verification, r.source.refs]]))).toEqual({
      mdd: ['refer-while-completing', 'U', ['gaynes2020', 'projectWorkingRule']],
      'bipolar-depression': ['refer-while-completing', 'U', ['gaynes2020', 'projectWorkingRule']],
      ocd: ['complete-first', 'U', ['apaOcd2007', 'projectWorkingRule']],
      ptsd: ['complete-first', 'U', ['vaDodPtsd2023', 'projectWorkingRule']],
      schizophrenia: ['not-gated', 'U', ['niceCg178', 'howes2017', 'projectWorkingRule']],
    });
    expect(RULES.filter((r) => r.id.startsWith('suggest.running-trial-once-resistant.')).map((r) => r.id)).toEqual([
      'suggest.running-trial-once-resistant.mdd',
      'suggest.running-trial-once-resistant.bipolar-depression',
      'suggest.running-trial-once-resistant.ocd',
      'suggest.running-trial-once-resistant.ptsd',
      'suggest.running-trial-once-resistant.schizophrenia',
    ]);
  });

  it('trd-two-failures (MDD, bupropion augmentation 2 weeks short): the headline completes the trial before rTMS, ECT or esketamine, which stay suggested, each with the gating line', () => {
    const d = derive('trd-two-failures');
    expect(d.nextStep).toMatchObject({
      kind: 'complete-trial',
      text: 'Complete the current trial: bupropion 300 mg/day, 2 more weeks at an adequate dose; judge it before starting rTMS, ECT or esketamine',
    });
    expect(statusOf(d)).toMatchObject({ tms: 'suggested', ect: 'suggested', esketamine: 'suggested', 'accelerated-tms': 'consider', 'iv-ketamine': 'consider', 'psychedelic-trial': 'consider' });
    const gate =
      'Refer now; start once the current trial is judged: bupropion 300 mg/day, 2 more weeks at an adequate dose; referral waiting lists are long, and judging the running trial first shows which treatment helped (Gaynes 2020; local working rule (unverified): referring while the running trial finishes, and starting the referred treatment once that trial is judged at an adequate dose and duration).';
    for (const id of ['tms', 'ect', 'esketamine', 'accelerated-tms', 'iv-ketamine', 'psychedelic-trial'] as const) expect(reasonsOf(d, id), id).toContain(gate);
    // A genotype informs the next choice: it is not held back by the running trial.
    expect(reasonsOf(d, 'pharmacogenomic-testing').filter((r) => r.startsWith('Refer now'))).toEqual([]);
  });

  it('ocd (clomipramine 1 week short at dose): the headline completes the trial and says why no referral is suggested yet, with its source', () => {
    expect(derive('ocd').nextStep.text).toBe(
      'Complete the current trial: clomipramine 150 mg/day, 1 more week at an adequate dose and 5 more in all; no neuromodulation or augmentation before it is judged: in OCD the running SRI trial is itself the next step, judged after 12 weeks; ERP alongside the SRI need not wait for it (APA OCD guideline 2007; local working rule (unverified))',
    );
  });

  it('ptsd (venlafaxine 3 weeks short at dose): the headline completes the trial and says why no referral is suggested, with its source', () => {
    const d = derive('ptsd');
    expect(d.nextStep).toMatchObject({
      kind: 'complete-trial',
      text: 'Complete the current trial: venlafaxine 150 mg/day, 3 more weeks at an adequate dose; no referral is suggested: there is no interventional option for PTSD here; the running trial is judged, and trauma-focused psychotherapy reviewed, first (VA/DoD PTSD guideline 2023; local working rule (unverified))',
    });
    expect(Object.values(statusOf(d))).not.toContain('suggested');
  });

  it('schizophrenia-trs (haloperidol 4 weeks in, TRRIP met): clozapine leads, not held back by the running antipsychotic', () => {
    const d = derive('schizophrenia-trs');
    expect(d.nextStep).toEqual({ kind: 'option', intervention: 'clozapine', text: '', sources: [] });
    expect(reasonsOf(d, 'clozapine').filter((r) => /^(Refer now|Eligible if this trial fails)/.test(r))).toEqual([]);
  });
});
