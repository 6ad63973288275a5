/**
 * "About the rules" lists first the rules this patient's conclusions rest on: each assessment's definition, the trials'
 * adequacy rules, and every rule the options applied (the path that made an option suggested or to consider, a risk
 * row found, an age limit, what a completed course leaves, a gate on a running trial, a ranking line). ocd: the rule on
 * what a completed course of ERP leaves (intensified ERP alongside the SRI) and ERP's place first among the options
 * to consider are among them, not only in the full list behind the toggle.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, cleanup } from '@testing-library/react';
import { RulesPanel } from '../../src/views/timeline/RulesPanel';
import { rulesUsedBy } from '../../src/clinical/rules-used';
import { RULES } from '../../src/clinical/all-rules';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

/** ocd's rules beside its definition (resistance.ocd) and adequacy rules: each option's path, what it waits on, its cautions and its place. */
const EXPECTED = [
  'deep-tms.age.1',
  'deep-tms.caution.clomipramine',
  'erp.after-given',
  'ocd-antipsychotic-augmentation.caution.clomipramine',
  'order.erp-first-in-ocd',
  'resistance.ocd',
  'suggest.complete-running-trial-first',
  'suggest.deep-tms.ocd-failure',
  'suggest.digital-therapy.adjunct',
  'suggest.erp.ocd',
  'suggest.ocd-antipsychotic-augmentation.sri-failure',
  'suggest.pgx.failure-or-intolerance',
  'suggest.running-trial-once-resistant.ocd',
];

describe('ocd: every rule the derivation applied is among the rules used for this patient', () => {
  const d = demoDerivation('ocd', TODAY);

  it('the options’ rules: intensified ERP after a completed course, ERP first, the running clomipramine trial, deep TMS and augmentation and their cautions', () => {
    const used = [...rulesUsedBy(d)].filter((id) => !/^(definition|adequacy)\./.test(id)).sort();
    expect(used).toEqual(EXPECTED);
    // Every id is a row of the rules list.
    expect(used.filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it('the panel lists the after-course rule among the used rules, before the toggle to the others', () => {
    const panel = render(<RulesPanel rules={RULES} derivation={d} />);
    const details = panel.container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const before = details.textContent.split('Show the ')[0]!;
    expect(before).toContain(RULES.find((r) => r.id === 'erp.after-given')!.summary);
    expect(before).toContain(RULES.find((r) => r.id === 'order.erp-first-in-ocd')!.summary);
    cleanup();
  });
});
