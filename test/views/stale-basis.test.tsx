/**
 * ehr-export-mdd: rTMS rests on failed trials judged by a PHQ-9 of 2025-03-29 with no score since; the engine marks
 * that basis stale, and the plan preview says so as the card and the copied note do.
 */
import { describe, expect, it } from 'vitest';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const STALE = /^The failed trials behind this rest on the PHQ-9 of 2025-03-29 \(20 months ago\), with no score since: re-measure before referral\.$/;

describe('a stale basis beside an option that rests on failed trials', () => {
  const d = demoDerivation('ehr-export-mdd', TODAY);
  const a = d.assessments.find((x) => x.condition === 'mdd')!;

  it('the engine marks the basis stale', () => {
    expect(a.staleBasis?.text).toMatch(STALE);
  });

  it('the plan preview of rTMS carries the stale-basis line under the option', () => {
    const draft = demoDraft(d, ['tms'], '2026-12-05');
    expect(draft.preview).toContainEqual(expect.stringMatching(new RegExp(`^ {2}Reason: ${STALE.source.slice(1)}`)));
  });
});
