/**
 * The engine's headline (Derivation.nextStep) leads the options tab, the plan's preview, the plan as text for a note and
 * the CarePlan (its narrative and description), in the words the first screen and the summary note use (nextStepWords):
 * on trd-two-failures (complete bupropion before the referrals), ocd (complete clomipramine, no referral yet) and
 * intolerance (complete vortioxetine).
 */
import { describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { InterventionId } from '../../src/clinical/types';
import { nextStepWords } from '../../src/clinical/suggestions/next-step';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation, demoDraft, pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

const CASES: [string, string, InterventionId][] = [
  ['trd-two-failures', 'Complete the current trial: bupropion 300 mg/day, 2 more weeks at an adequate dose; judge it before starting rTMS, ECT or esketamine', 'esketamine'],
  [
    'ocd',
    'Complete the current trial: clomipramine 150 mg/day, 1 more week at an adequate dose and 5 more in all; no neuromodulation or augmentation before it is judged: in OCD the running SRI trial is itself the next step, judged after 12 weeks; ERP alongside the SRI need not wait for it (APA OCD guideline 2007; local working rule (unverified))',
    'deep-tms',
  ],
  ['intolerance', 'Complete the current trial: vortioxetine 10 mg/day, 2 more weeks at an adequate dose', 'tms'],
];

describe.each(CASES)('%s: the headline leads every view and note', (id, headline, ticked) => {
  const d = demoDerivation(id, TODAY);

  it('is the engine’s headline in words, as the first screen shows it', () => {
    expect(nextStepWords(d)).toBe(headline);
    expect(pageText(d)).toContain(`Next step${headline}`);
  });

  it('leads the options tab, after the safety strip and before the option groups', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: id })} asOf="2026-11-22" />);
    const line = screen.getByTestId('options-next-step');
    expect(line.textContent).toBe(`Next step ${headline}`);
    const firstGroup = screen.getAllByRole('heading', { level: 3 }).find((h) => /^(Suggested|Consider) \(/.test(h.textContent ?? ''))!;
    expect(line.compareDocumentPosition(firstGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    const strip = screen.queryByTestId('safety-strip');
    if (strip) expect(strip.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    cleanup();
  });

  it('follows the safety lines in the preview, the plan’s text, and the CarePlan’s narrative and description', () => {
    const draft = demoDraft(d, [ticked], '2026-11-22');
    const line = `Next step: ${headline}.`;
    const safety = d.safety.length;
    expect(draft.preview[1 + safety]).toBe(line);
    const text = carePlanAsText(draft).split('\n');
    expect(text[2 + (safety ? safety + 1 : 0)]).toBe(line);
    expect(draft.carePlan.description).toContain(`${line} Options proposed for review:`);
    expect(draft.carePlan.text?.div).toContain(line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});
