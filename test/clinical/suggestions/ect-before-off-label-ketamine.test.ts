/**
 * tms-contraindicated: ECT's only condition of substantial risk is a cochlear implant, which calls for the implant team
 * and the device maker to be consulted; IV ketamine is off-label, with a consensus exclusion list not verified for this
 * app. ECT is ranked before off-label IV ketamine then (a table row with its source, said in ECT's "Ranked ..." line).
 */
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { RULES } from '../../../src/clinical/all-rules';
import { CONSULTATION_RISK_ORDER } from '../../../src/clinical/suggestions/order';
import { demoPatients } from '../../../sandbox/patients';
import type { Resource } from 'fhir/r4';

const TODAY = new Date('2026-11-22T08:00:00Z');

function deriveTmsContraindicated() {
  const bundle = demoPatients.find((p) => p.id === 'tms-contraindicated')!.build(TODAY);
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: 'tms-contraindicated', resources }, { asOf: '2026-11-22' });
}

const ROW = 'order.ect-with-implant-before-off-label-ketamine';

describe('tms-contraindicated: ECT with a cochlear implant ranks before off-label IV ketamine', () => {
  it('the ordering is a table row, a working rule on the ECT and IV ketamine sources', () => {
    expect(CONSULTATION_RISK_ORDER.map((r) => [r.id, r.lead, r.risks, r.over, r.source.verification, r.source.refs])).toEqual([
      [ROW, 'ect', ['implant in or near the head'], ['iv-ketamine'], 'U', ['heijnen2010', 'sanacora2017', 'projectWorkingRule']],
    ]);
    expect(RULES.filter((r) => r.id === ROW).map((r) => [r.verification, r.references])).toEqual([['U', ['heijnen2010', 'sanacora2017', 'projectWorkingRule']]]);
  });

  it('the considered options run: ECT, IV ketamine, pharmacogenomic testing, the psilocybin trial, digital therapy', () => {
    const considered = deriveTmsContraindicated().suggestions.filter((s) => s.status === 'consider').map((s) => s.intervention);
    expect(considered).toEqual(['ect', 'iv-ketamine', 'pharmacogenomic-testing', 'psychedelic-trial', 'digital-therapy']);
  });

  it("ECT's ranking line says it comes before IV ketamine and why, resting on the implant's records; it no longer says it is ranked after IV ketamine", () => {
    const ect = deriveTmsContraindicated().suggestions.find((s) => s.intervention === 'ect')!;
    const ranking = ect.reasons.filter((r) => r.kind === 'ranking');
    expect(ranking.map((r) => r.text)).toEqual([
      'Ranked before IV ketamine, equally to consider: ECT’s only condition of substantial risk (implant in or near the head) calls for the teams it names to be consulted first, and IV ketamine is off-label, its consensus exclusion list not verified for this app; ECT brings remission to about half of patients after failed pharmacotherapy (Heijnen 2010; Sanacora 2017; local working rule (unverified): ranking ECT whose only condition of substantial risk calls for consultation before off-label IV ketamine)',
    ]);
    expect(ranking[0]!.sources).toEqual(ect.reasons.find((r) => r.text.startsWith('Implant in or near the head'))!.sources);
  });

});
