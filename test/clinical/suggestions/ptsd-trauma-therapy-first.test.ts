/**
 * ptsd: trauma-focused psychotherapy is the first-line treatment of PTSD, so after cognitive processing therapy a
 * different trauma-focused therapy ranks first among the options to consider (a table row with its source), before
 * pharmacogenomic testing; its card leads with the therapies not yet given, and says what was given second.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import { FIRST_LINE_ORDER } from '../../../src/clinical/suggestions/order';
import { RULES } from '../../../src/clinical/all-rules';

const TODAY = new Date('2026-12-06T08:00:00Z');

function derivePtsd() {
  const bundle = demoPatients.find((p) => p.id === 'ptsd')!.build(TODAY);
  const resources = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: 'ptsd', resources }, { asOf: '2026-12-06' });
}

describe('ptsd: a different trauma-focused therapy ranks first among the options to consider', () => {
  it('the ordering is a table row for PTSD, a working rule on the VA/DoD 2023 guideline', () => {
    expect(FIRST_LINE_ORDER.filter((r) => r.condition === 'ptsd').map((r) => [r.id, r.condition, r.lead, r.source.verification, r.source.refs])).toEqual([
      ['order.trauma-focused-therapy-first-in-ptsd', 'ptsd', 'trauma-focused-therapy', 'U', ['vaDodPtsd2023', 'projectWorkingRule']],
    ]);
    expect(RULES.filter((r) => r.id === 'order.trauma-focused-therapy-first-in-ptsd').map((r) => [r.verification, r.references])).toEqual([['U', ['vaDodPtsd2023', 'projectWorkingRule']]]);
  });

  it('the considered options run: trauma-focused psychotherapy, pharmacogenomic testing, digital therapy', () => {
    const considered = derivePtsd().suggestions.filter((s) => s.status === 'consider').map((s) => s.intervention);
    expect(considered).toEqual(['trauma-focused-therapy', 'pharmacogenomic-testing', 'digital-therapy']);
  });

  it('the therapy card leads with the therapies not given yet, then what was given, then why it ranks first, then the diagnosis', () => {
    const card = derivePtsd().suggestions.find((s) => s.intervention === 'trauma-focused-therapy')!;
    expect(card.reasons.find((r) => r.kind === 'ranking')!.sources).toEqual(['Condition/ptsd-ptsd']);
    expect(card.reasons.find((r) => r.kind === 'ranking')!.sources).toEqual(card.reasons.find((r) => r.text === 'Posttraumatic stress disorder recorded')!.sources);
    expect(card.reasons.map((r) => r.text)).toEqual([
      'A different trauma-focused therapy after cognitive processing therapy: prolonged exposure or EMDR (VA/DoD PTSD guideline 2023; local working rule (unverified): offering another of the guideline’s trauma-focused therapies after one that did not help is a working rule; the guideline recommends each of them).',
      'Already given: Cognitive processing therapy (trauma-focused), 12 sessions, 2025-01-05 to 2025-04-05 (completed); not suggested as new.',
      'Ranked before pharmacogenomic testing and digital CBT: in PTSD, trauma-focused psychotherapy is the first-line treatment (VA/DoD PTSD guideline 2023; local working rule (unverified): ranking trauma-focused psychotherapy before the other options to consider in PTSD)',
      'Posttraumatic stress disorder recorded',
    ]);
  });
});
