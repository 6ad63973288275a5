/**
 * ocd: a completed course of exposure and response prevention did not help. In treatment-resistant OCD, intensified
 * ERP (an intensive or residential programme) alongside the SRI is a standard next option, so ERP is to consider,
 * not "not eligible"; its card leads with intensified ERP and says what was given second, and ERP, the first-line
 * psychological treatment of OCD, ranks first among the options to consider (a table row with its source).
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import { FIRST_LINE_ORDER } from '../../../src/clinical/suggestions/order';
import { RULES } from '../../../src/clinical/all-rules';

const TODAY = new Date('2026-11-22T08:00:00Z');

function deriveOcd() {
  const bundle = demoPatients.find((p) => p.id === 'ocd')!.build(TODAY);
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: 'ocd', resources }, { asOf: '2026-11-22' });
}

const ROW = 'order.erp-first-in-ocd';

describe('ocd: intensified ERP after a completed course of ERP is to consider, and ranks first among the options to consider', () => {
  it('the ordering is a table row for OCD, a working rule on the APA 2007 guideline and NICE CG31', () => {
    expect(FIRST_LINE_ORDER.filter((r) => r.id === ROW).map((r) => [r.condition, r.lead, r.source.verification, r.source.refs])).toEqual([
      ['ocd', 'erp', 'U', ['apaOcd2007', 'niceCg31', 'projectWorkingRule']],
    ]);
    expect(RULES.filter((r) => r.id === ROW).map((r) => [r.verification, r.references])).toEqual([['U', ['apaOcd2007', 'niceCg31', 'projectWorkingRule']]]);
  });

  it('what a completed course of ERP leaves is a rules-list row of its own, a working rule on the same guidelines', () => {
    expect(RULES.filter((r) => r.id === 'erp.after-given').map((r) => [r.verification, r.references])).toEqual([['U', ['apaOcd2007', 'niceCg31', 'projectWorkingRule']]]);
  });

  it('the considered options run: ERP, deep TMS, antipsychotic augmentation, pharmacogenomic testing, digital therapy', () => {
    const considered = deriveOcd().suggestions.filter((s) => s.status === 'consider').map((s) => s.intervention);
    expect(considered).toEqual(['erp', 'deep-tms', 'ocd-antipsychotic-augmentation', 'pharmacogenomic-testing', 'digital-therapy']);
  });

  it('the ERP card leads with intensified ERP alongside the SRI and the Y-BOCS of the course that did not help, then the course as history, then why it ranks first, then the diagnosis', () => {
    const card = deriveOcd().suggestions.find((s) => s.intervention === 'erp')!;
    expect(card.status).toBe('consider');
    expect(card.reasons.map((r) => r.text)).toEqual([
      'Intensified ERP (intensive or residential programme), alongside the SRI, after a completed course of ERP that did not help (Y-BOCS 25 → 26, +4%, 2025-07-06 → 2025-10-18) (APA OCD guideline 2007; NICE CG31; local working rule (unverified): offering ERP again in an intensive, day-programme or residential format after a standard course that did not help is a working rule; the guidelines recommend ERP with the SRI after a partial response).',
      'Given before: Exposure and response prevention (CBT for OCD), 20 sessions, 2025-07-30 to 2025-12-17 (completed).',
      'Ranked before deep TMS, antipsychotic augmentation, pharmacogenomic testing and digital CBT: in OCD, ERP is the first-line psychological treatment, added to the SRI when the SRI has not been enough (APA OCD guideline 2007; NICE CG31; local working rule (unverified): ranking ERP before the other options to consider in OCD)',
      'Obsessive-compulsive disorder recorded',
    ]);
    // The course and the Y-BOCS scores that judged it; the course alone beside "Given before".
    expect(card.reasons[0]!.sources).toEqual([...card.reasons[1]!.sources, 'Observation/ocd-ybocs-d504', 'Observation/ocd-ybocs-d400']);
    expect(card.reasons[2]!.sources).toEqual(card.reasons[3]!.sources);
  });
});
