/**
 * ocd: deep TMS and antipsychotic augmentation wait on the running clomipramine trial. The engine says what they wait
 * on as a field (`startsAfter`: "after the clomipramine trial (5 more weeks)"), which the card draws beside its status,
 * so the badge reads "Consider after the clomipramine trial (5 more weeks)"; the WHY gating line is then one short
 * sentence, no longer repeating the weeks and doses the next step gives.
 */
import { describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

describe('ocd: the deep TMS badge carries what it waits on', () => {
  const d = demoDerivation('ocd', TODAY);
  const option = (id: string) => d.suggestions.find((s) => s.intervention === id)!;
  const clomipramine = d.assessments.find((a) => a.condition === 'ocd')!.trialToComplete!;

  it('deep TMS and augmentation each wait on the clomipramine trial, 5 more weeks, resting on its records', () => {
    expect(option('deep-tms').startsAfter).toEqual({ text: 'after the clomipramine trial (5 more weeks)', sources: clomipramine.sources });
    expect(option('ocd-antipsychotic-augmentation').startsAfter).toEqual({ text: 'after the clomipramine trial (5 more weeks)', sources: clomipramine.sources });
  });

  it('the deep TMS gating line is one short sentence with its source', () => {
    expect(option('deep-tms').reasons[0]!.text).toBe(
      'Eligible if the clomipramine trial fails: in OCD the running SRI trial is judged first, after 12 weeks in all (APA OCD guideline 2007; local working rule (unverified): in OCD a running SRI trial is completed and judged before augmentation or deep TMS, even once earlier SRI trials have failed).',
    );
  });

  it('the augmentation gating line is one short sentence with its source', () => {
    expect(option('ocd-antipsychotic-augmentation').reasons[0]!.text).toBe(
      'Not before the clomipramine trial is judged, unless clomipramine is not continued (Gaynes 2020; local working rule (unverified): a trial in progress is completed and judged before an interventional option that treatment resistance would indicate).',
    );
  });

  it('the card head reads "Consider after the clomipramine trial (5 more weeks)"', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'ocd' })} asOf="2026-12-05" />);
    const head = document.querySelector('.option-card[data-intervention="deep-tms"] .option-card__head')!;
    const badge = head.querySelector('.badge')!;
    expect(`${badge.textContent} ${badge.nextElementSibling!.textContent}`).toBe('Consider after the clomipramine trial (5 more weeks)');
    cleanup();
  });
});

describe('mdd-one-failure: rTMS, eligible if vortioxetine fails, carries the same field', () => {
  const d = demoDerivation('mdd-one-failure', TODAY);
  const tms = d.suggestions.find((s) => s.intervention === 'tms')!;

  it('rTMS waits on the vortioxetine trial, with the weeks it still needs', () => {
    expect(tms.startsAfter).toEqual({ text: 'after the vortioxetine trial (3 more weeks)', sources: d.assessments.find((a) => a.condition === 'mdd')!.trialToComplete!.sources });
    expect(tms.reasons[0]!.text.split(' (')[0]).toBe('Eligible if the vortioxetine trial fails: major depressive disorder does not meet its treatment-resistance criteria');
  });
});
