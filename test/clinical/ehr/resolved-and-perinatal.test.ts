/**
 * A disorder whose episode resolved (a Condition with an abatement date or a resolved status, no current episode), and
 * safety events dated inside a recorded pregnancy, in the shapes of the public SMART sandbox's Synthea patients.
 * Records are hand-made in those shapes; nothing is copied from its bundles.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { accountingHolds } from '../../../src/clinical/accounting';
import { SUGGESTION_RULES } from '../../../src/clinical/suggestions/rule-list';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, carePlan, encounter, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[], who = patient()): Derivation {
  const all = [who, ...resources];
  const d = derivePatient({ patientId: PID, resources: all }, { asOf: AS_OF });
  expect(accountingHolds(all.length, d.used, d.unused)).toBe(true);
  return d;
}

/** PTSD from 2015-06-19 resolved 2017-03-14, the day a completed mental-health care plan with trauma therapy ended; sertraline still ordered. */
function resolvedPtsd() {
  const ptsd = snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19', '2017-03-14');
  const sertraline = rxOrder('328670', 'Sertraline 100MG', '2015-07-03', 'active');
  const plan = carePlan('completed', ['718347000', 'Mental health care plan (record artifact)'], '2015-07-03', '2017-03-14', [
    ['385724002', 'Coping Support Management', 'completed'],
    ['406185000', 'Trauma Therapy', 'completed'],
    ['88848003', 'Psychiatric Follow-up', 'completed'],
  ]);
  return { ptsd, sertraline, plan, resources: [ptsd, sertraline, plan] };
}

describe('a disorder resolved with no current episode', () => {
  it('PTSD resolved on the day its trauma-therapy course ended: trauma-focused therapy is not indicated, with the resolution and the course as the reason', () => {
    const { ptsd, plan, resources } = resolvedPtsd();
    const d = derive(resources);
    const s = d.suggestions.find((x) => x.intervention === 'trauma-focused-therapy')!;
    expect(s.status).toBe('not-eligible');
    expect(s.reasons[0]).toEqual({ text: 'PTSD resolved 2017-03-14 after Trauma Therapy; re-assess if symptoms return (local working rule (unverified): a disorder with no current episode is not treated as active).', sources: [ref(ptsd), ref(plan)] });
    expect(s.reasons.map((r) => r.text).join(' ')).not.toContain('did not help');
  });

  it('no option is offered for a disorder whose only episode resolved', () => {
    const d = derive(resolvedPtsd().resources);
    expect(d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').map((s) => s.intervention)).toEqual([]);
  });

  it('the rule is listed with its source, a working rule (U)', () => {
    const rule = SUGGESTION_RULES.find((r) => r.id === 'suggest.resolved-episode')!;
    expect(rule.verification).toBe('U');
    expect(rule.summary).toBe(
      'A disorder whose episodes have all ended (resolved: abatement date or resolved status, no current episode) is not treated as active: no option for it is suggested or to consider, a course given before it resolved is not a failed one, and it is re-assessed if symptoms return.',
    );
  });

  it('the assessment says the disorder resolved and the running trial is maintenance, not a trial to confirm', () => {
    const { ptsd, sertraline, resources } = resolvedPtsd();
    const a = derive(resources).assessments.find((x) => x.condition === 'ptsd')!;
    expect(a.resolved).toEqual({ text: 'PTSD resolved 2017-03-14 (no current episode); sertraline continued (maintenance)', sources: [ref(ptsd), ref(sertraline)], on: '2017-03-14' });
    expect(a.unconfirmedTrials).toEqual([]);
  });

  it('a current PTSD episode has no resolution', () => {
    const ptsd = snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19');
    const a = derive([ptsd, rxOrder('328670', 'Sertraline 100MG', '2015-07-03', 'active')]).assessments.find((x) => x.condition === 'ptsd')!;
    expect(a.resolved).toBeUndefined();
  });
});

describe('a safety event dated inside a recorded pregnancy', () => {
  const woman = () => patient({ gender: 'female', birthDate: '1990-03-02' });
  const ER: [string, string] = ['50849002', 'Emergency Room Admission'];
  const OVERDOSE: [string, string] = ['55680006', 'Drug overdose'];

  it('an ER overdose 2018-12-27 inside a normal pregnancy 2018-10-25 to 2019-05-09: the overdose line says it happened during pregnancy, with the pregnancy as a source', () => {
    const pregnancy = snomedCondition('72892002', 'Normal pregnancy', '2018-10-25', '2019-05-09');
    const inside = encounter('EMER', ER, '2018-12-27', { reason: OVERDOSE });
    const later = encounter('EMER', ER, '2020-08-12', { reason: OVERDOSE });
    const first = snomedCondition(OVERDOSE[0], OVERDOSE[1], '2017-08-29');
    const d = derive([pregnancy, first, inside, later], woman());
    const line = d.safety.find((s) => s.kind === 'overdose')!;
    expect(line.detail).toBe(
      '“Emergency Room Admission for Drug overdose”; 6 years ago; earlier: “Emergency Room Admission for Drug overdose” on 2018-12-27, “Drug overdose” on 2017-08-29. Perinatal: overdose 2018-12-27 during pregnancy (Normal pregnancy 2018-10-25 to 2019-05-09).',
    );
    expect(line.sources).toContain(ref(pregnancy));
  });

  it('two overdoses each inside one of two pregnancies are both named', () => {
    const p1 = snomedCondition('72892002', 'Normal pregnancy', '2013-05-14', '2013-12-24');
    const p2 = snomedCondition('72892002', 'Normal pregnancy', '2016-04-26', '2016-12-06');
    const d = derive([p1, p2, snomedCondition(OVERDOSE[0], OVERDOSE[1], '2003-05-01'), encounter('EMER', ER, '2013-09-29', { reason: OVERDOSE }), encounter('EMER', ER, '2016-05-09', { reason: OVERDOSE })], woman());
    expect(d.safety.find((s) => s.kind === 'overdose')!.detail).toMatch(
      / Perinatal: overdose 2013-09-29 during pregnancy \(Normal pregnancy 2013-05-14 to 2013-12-24\); overdose 2016-05-09 during pregnancy \(Normal pregnancy 2016-04-26 to 2016-12-06\)\.$/,
    );
  });

  it('an ER overdose 2020-08-12, 41 days after a normal pregnancy 2020-06-11 to 2020-07-02 ended (a first-trimester miscarriage 2020-02-20 earlier): the overdose line says 6 weeks after that pregnancy ended, with it as a source', () => {
    const miscarriage = snomedCondition('19169002', 'Miscarriage in first trimester', '2020-02-20');
    const ended = snomedCondition('72892002', 'Normal pregnancy', '2020-06-11', '2020-07-02');
    const earlier = snomedCondition('72892002', 'Normal pregnancy', '2018-10-25', '2019-05-09');
    const d = derive([earlier, miscarriage, ended, encounter('EMER', ER, '2018-12-27', { reason: OVERDOSE }), encounter('EMER', ER, '2020-08-12', { reason: OVERDOSE })], woman());
    const line = d.safety.find((s) => s.kind === 'overdose')!;
    expect(line.detail).toBe(
      '“Emergency Room Admission for Drug overdose”; 6 years ago; earlier: “Emergency Room Admission for Drug overdose” on 2018-12-27. Perinatal: overdose 2018-12-27 during pregnancy (Normal pregnancy 2018-10-25 to 2019-05-09); overdose 2020-08-12, 6 weeks after a pregnancy ended (Normal pregnancy 2020-06-11 to 2020-07-02).',
    );
    expect(line.sources).toContain(ref(ended));
  });

  it('an overdose 3 months after a first-trimester miscarriage, no pregnancy recorded: the miscarriage is named as the pregnancy that ended', () => {
    const miscarriage = snomedCondition('19169002', 'Miscarriage in first trimester', '2020-02-20');
    const d = derive([miscarriage, encounter('EMER', ER, '2020-05-21', { reason: OVERDOSE })], woman());
    const line = d.safety.find((s) => s.kind === 'overdose')!;
    expect(line.detail).toMatch(/ Perinatal: overdose 2020-05-21, 3 months after a pregnancy ended \(Miscarriage in first trimester 2020-02-20\)\.$/);
    expect(line.sources).toContain(ref(miscarriage));
  });

  it('an overdose more than a year after a pregnancy ended is not said to be perinatal', () => {
    const d = derive([snomedCondition('72892002', 'Normal pregnancy', '2015-06-11', '2016-01-14'), encounter('EMER', ER, '2017-01-20', { reason: OVERDOSE })], woman());
    expect(d.safety.find((s) => s.kind === 'overdose')!.detail).not.toContain('Perinatal');
  });

  it('an overdose outside every pregnancy is not said to be perinatal', () => {
    const d = derive([snomedCondition('72892002', 'Normal pregnancy', '2015-06-11', '2016-01-14'), encounter('EMER', ER, '2018-12-27', { reason: OVERDOSE })], woman());
    expect(d.safety.find((s) => s.kind === 'overdose')!.detail).not.toContain('pregnan');
  });
});
