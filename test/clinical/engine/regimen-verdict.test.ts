/** The regimen line's verdict on a running trial: adequacy (dose × time) is not success; only a response is good news. */
import { describe, expect, it } from 'vitest';
import { regimenVerdict } from '../../../src/clinical/regimen-verdict';
import { derive, mdd, patient, phq9, statement, trialOf, weeksAfter } from './builders';

const START = '2026-01-01';
const AS_OF = '2026-11-22';
const running = (...scores: [number, number][]) =>
  trialOf(derive([patient(), mdd('2025-12-01'), statement('sertraline', 100, START, null), ...scores.map(([w, v]) => phq9(weeksAfter(START, w), v))], AS_OF), 'sertraline');

describe('regimen verdict', () => {
  // Demo case "trd-multi-failures": tranylcypromine adequate, PHQ-9 20 → 19, was drawn green "adequate trial reached".
  it('an adequate running trial without response is not-responding, with its scores', () => {
    const v = regimenVerdict(running([0, 20], [20, 19]));
    expect(v).toEqual({ standing: 'not-responding', text: `adequate dose and time but non-response (PHQ-9 20 → 19, ${weeksAfter(START, 20)})` });
  });

  // Demo case "ehr-export-mdd": bupropion, PHQ-9 16 in week 14 and no baseline, judged by the scale's maximum.
  it('a non-response judged without a baseline names the score it rests on and its date', () => {
    const t = running([14, 16]);
    expect(t.baselineScore).toBeNull();
    expect(t.followUpScore).toMatchObject({ instrument: 'phq9', value: 16, date: weeksAfter(START, 14) });
    expect(regimenVerdict(t)).toEqual({ standing: 'not-responding', text: `adequate dose and time but non-response (PHQ-9 16, ${weeksAfter(START, 14)})` });
  });

  it('an adequate running trial with a partial response is not-responding too (a failure by the TRD definitions)', () => {
    expect(regimenVerdict(running([0, 20], [20, 13])).standing).toBe('not-responding');
  });

  it('an adequate running trial that remitted is the only good news', () => {
    expect(regimenVerdict(running([0, 20], [20, 3]))).toEqual({ standing: 'responding', text: `adequate dose and time with remission (PHQ-9 20 → 3, ${weeksAfter(START, 20)})` });
  });

  it('an adequate running trial without scores is unjudged, not good news', () => {
    expect(regimenVerdict(running())).toEqual({ standing: 'adequate-unjudged', text: 'adequate dose and time reached; no score judges the response yet' });
  });

  it('a running trial short only of weeks is not yet adequate, with the engine\'s reason', () => {
    const t = trialOf(derive([patient(), mdd('2026-10-01'), statement('sertraline', 100, '2026-11-01', null)], AS_OF), 'sertraline');
    expect(regimenVerdict(t)).toEqual({ standing: 'not-yet-adequate', text: `not yet adequate: ${t.adequacyReason}` });
  });
});
