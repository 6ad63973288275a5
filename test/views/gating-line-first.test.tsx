/**
 * ocd: deep TMS and antipsychotic augmentation wait on the running clomipramine trial. The line that says so leads
 * each card's WHY list; the lines every OCD patient of age meets (the diagnosis recorded, the age within the limit) come
 * last, after the lines that carry the decision.
 */
import { describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

/** The first words of each reason, as far as its first colon or parenthesis (enough to tell the lines apart). */
const heads = (texts: string[]) => texts.map((t) => t.split(/[:(]/)[0]!.trim());

describe('ocd: the gating line leads, the boilerplate comes last', () => {
  const d = demoDerivation('ocd', TODAY);
  const reasons = (id: string) => d.suggestions.find((s) => s.intervention === id)!.reasons.map((r) => r.text);

  it('deep TMS: "Eligible if the clomipramine trial fails" first, then the failed trials, the trial in progress and the criterion, then the diagnosis and the age', () => {
    expect(heads(reasons('deep-tms'))).toEqual([
      'Eligible if the clomipramine trial fails',
      '2 failed adequate trials in the current OCD episode',
      'Trial in progress, not counted',
      'Criterion',
      'Obsessive-compulsive disorder recorded',
      'Age 26',
    ]);
    expect(reasons('deep-tms')[0]).toMatch(/^Eligible if the clomipramine trial fails: in OCD the running SRI trial is judged first, after 12 weeks in all \(/);
  });

  it('antipsychotic augmentation: "Not before the clomipramine trial is judged" first, then the SRI to augment, the failed trials, the trial in progress and the criterion, then the diagnosis', () => {
    expect(heads(reasons('ocd-antipsychotic-augmentation'))).toEqual([
      'Not before the clomipramine trial is judged, unless clomipramine is not continued',
      'SRI to augment',
      '2 failed adequate trials in the current OCD episode',
      'Trial in progress, not counted',
      'Criterion',
      'Obsessive-compulsive disorder recorded',
    ]);
  });

  it('the deep TMS card’s WHY list shows them in that order', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'ocd' })} asOf="2026-12-05" />);
    const card = document.querySelector('.option-card[data-intervention="deep-tms"]')!;
    const items = [...card.querySelectorAll('.finding-list--reason > ul > li')].map((li) => li.firstChild?.textContent ?? '');
    expect(heads(items)).toEqual([
      'Eligible if the clomipramine trial fails',
      '2 failed adequate trials in the current OCD episode',
      'Trial in progress, not counted',
      'Criterion',
      'Obsessive-compulsive disorder recorded',
      'Age 26',
    ]);
    cleanup();
  });
});

describe('trd-two-failures: a referral made while bupropion finishes leads with when it starts', () => {
  it('rTMS: "Refer now; start once the current trial is judged" first, the diagnosis and the age last', () => {
    const d = demoDerivation('trd-two-failures', TODAY);
    const texts = d.suggestions.find((s) => s.intervention === 'tms')!.reasons.map((r) => r.text);
    expect(texts[0]).toMatch(/^Refer now; start once the current trial is judged: bupropion /);
    expect(heads(texts.slice(-2))).toEqual(['Major depressive disorder recorded', 'Age 40']);
  });
});
