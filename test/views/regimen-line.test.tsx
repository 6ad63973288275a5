/**
 * The current-regimen line's words on two demo patients: ehr-export-mdd's bupropion non-response rests on a PHQ-9 the
 * engine calls stale (it says to re-measure), and ptsd's prazosin, which no adequacy rule covers, reads as not judged.
 */
import { describe, expect, it } from 'vitest';
import { regimenVerdict } from '../../src/clinical/regimen-verdict';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

describe('the current-regimen line', () => {
  it("ehr-export-mdd: the running trial's non-response, judged by the stale PHQ-9, says it must be re-measured", () => {
    const d = demoDerivation('ehr-export-mdd', TODAY);
    const bupropion = d.trials.filter((t) => t.ingredient === 'bupropion').at(-1)!;
    const staleBases = d.assessments.flatMap((x) => (x.staleBasis ? [x.staleBasis] : []));
    expect(regimenVerdict(bupropion, staleBases).text).toBe('adequate dose and time but non-response (PHQ-9 16, 2025-03-29; no score since: re-measure before referral)');
    expect(regimenVerdict(bupropion).text).toBe('adequate dose and time but non-response (PHQ-9 16, 2025-03-29)');
  });

  it('ptsd: prazosin, judged by no adequacy rule, reads "adequacy not judged", never "not adequate"', () => {
    const prazosin = demoDerivation('ptsd', TODAY).trials.find((t) => t.ingredient === 'prazosin')!;
    expect(regimenVerdict(prazosin)).toEqual({ standing: 'adequacy-not-judged', text: 'adequacy not judged: prazosin is not a trial of a core treatment of the disorder and does not count toward treatment resistance' });
  });
});
