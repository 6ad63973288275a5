/**
 * Minor wording defects a psychiatrist's check of the running app found, each on the demo patient where it was found:
 * an implant said once, plainly (tms-contraindicated); a running trial's "at adequate dose so far" dated from when the
 * adequate dose began (trd-two-failures); the headline naming the dose taken now, as the regimen line does (ocd,
 * ptsd); each pseudo-resistance flag giving its own shortfall once (ocd).
 */
import { describe, expect, it } from 'vitest';
import type { Derivation } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const trial = (d: Derivation, ingredient: string) => d.trials.find((t) => t.ingredient === ingredient && t.end === null)!;

describe('tms-contraindicated: the implant is said once, plainly', () => {
  const d = demoDerivation('tms-contraindicated', TODAY);
  it('the safety item names the cochlear implant once with how long ago it was recorded, no "earlier … on date not recorded"', () => {
    const item = d.safety.find((i) => i.kind === 'head-implant')!;
    expect(item.detail).toBe('“Cochlear implant”; 10 years ago.');
  });
});

describe('trd-two-failures: bupropion 150 then 300 mg/day, running', () => {
  const d = demoDerivation('trd-two-failures', TODAY);
  it('"at adequate dose so far" is dated from when 300 mg/day began, not from the 150 mg start', () => {
    const bupropion = trial(d, 'bupropion');
    expect(bupropion.start).toBe('2026-10-10');
    expect(bupropion.adequacyReason).toMatch(/^\d weeks at adequate dose so far \(since 2026-1\d-\d\d; 6 weeks needed\)$/);
    expect(bupropion.adequacyReason).not.toContain('2026-10-1');
  });
});

describe('the headline names the dose taken now, as the regimen line does', () => {
  it('ocd: "Complete the current trial: clomipramine 150 mg/day, …", not the 50–150 mg/day range', () => {
    const d = demoDerivation('ocd', TODAY);
    expect(d.nextStep?.text).toMatch(/^Complete the current trial: clomipramine 150 mg\/day, /);
  });
  it('ptsd: "venlafaxine 150 mg/day, 3 more weeks …", not the 75–150 mg/day range', () => {
    const d = demoDerivation('ptsd', TODAY);
    expect(copyToNoteText(d)).toContain('Complete the current trial: venlafaxine 150 mg/day, 3 more weeks at an adequate dose');
  });
});

describe('ocd: fluoxetine 20 mg/day for 8 weeks', () => {
  const d = demoDerivation('ocd', TODAY);
  const flags = d.assessments.find((a) => a.condition === 'ocd')!.flags;
  it('the inadequate-dose flag gives the dose shortfall alone, the too-short flag the duration alone', () => {
    expect(flags.find((f) => f.kind === 'inadequate-dose')!.text).toBe('inadequate dose: fluoxetine (dose below 40 mg (highest 20 mg/day))');
    expect(flags.find((f) => f.kind === 'too-short')!.text).toBe('trial too short: fluoxetine (8 weeks only (6 weeks at dose and 12 in all needed))');
  });
});
