/**
 * schizophrenia-trs: clozapine rests on the failed adequate trials (olanzapine, aripiprazole) while haloperidol 10
 * mg/day is 4 weeks in, not yet an adequate trial (6 weeks): the engine names the trial in progress with the verdict on
 * the earlier trials alone, and the card, the draft care plan and the copied note carry it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const IN_PROGRESS =
  /^Trial in progress, not counted: haloperidol 10 mg\/day since \d{4}-\d\d-\d\d, 4 weeks: not yet an adequate trial \(6 weeks at an adequate dose needed\)\. Treatment-resistant schizophrenia \(TRRIP[^)]*\) is met on the earlier trials alone\.$/;

afterEach(cleanup);

describe('a trial in progress beside an option that rests on failed trials', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);
  const a = d.assessments.find((x) => x.condition === 'schizophrenia')!;
  const clozapine = d.suggestions.find((s) => s.intervention === 'clozapine')!;

  it('the engine names haloperidol as in progress and says TRS is met on the earlier trials alone', () => {
    expect(a.status).toBe('meets');
    expect(a.trialsInProgress?.text).toMatch(IN_PROGRESS);
    expect(a.trialsInProgress?.sources.every((s) => s.includes('haloperidol'))).toBe(true);
  });

  it("clozapine's reasons name the haloperidol trial in progress", () => {
    expect(clozapine.status).toBe('suggested');
    expect(clozapine.reasons.map((r) => r.text)).toContainEqual(expect.stringMatching(IN_PROGRESS));
  });

  it('the draft care plan and the copied note carry it', () => {
    const draft = demoDraft(d, ['clozapine'], '2026-12-05');
    expect(JSON.stringify(draft.carePlan)).toContain('Trial in progress, not counted: haloperidol 10 mg/day since');
    expect(draft.preview).toContainEqual(expect.stringMatching(/^ {2}Reason: Trial in progress, not counted: haloperidol 10 mg\/day since/));
    const note = copyToNoteText(d);
    expect(note).toMatch(/^ {2}Trial in progress, not counted: haloperidol 10 mg\/day since .*met on the earlier trials alone\.$/m);
  });
});

describe('an OCD trial in progress says the OCD rule: 6 weeks at dose and 12 in all', () => {
  // ocd: clomipramine started 7 weeks ago, 5 weeks at 100 mg/day or more (APA 2007, NICE CG31: rule adequacy.ocd-duration).
  const a = demoDerivation('ocd', TODAY).assessments.find((x) => x.condition === 'ocd')!;

  it('names both durations the rule asks for, not only the weeks at dose', () => {
    expect(a.trialsInProgress?.text).toMatch(
      /^Trial in progress, not counted: clomipramine 50–150 mg\/day since \d{4}-\d\d-\d\d, 7 weeks \(5 weeks at an adequate dose\): not yet an adequate trial \(6 weeks at dose and 12 in all needed\)\./,
    );
  });

  it("the trial's adequacy reason names both durations too, not only the 6 weeks at dose", () => {
    const clomipramine = demoDerivation('ocd', TODAY).trials.find((t) => t.ingredient === 'clomipramine')!;
    expect(clomipramine.adequacyReason).toMatch(/^5 weeks at adequate dose so far \(since \d{4}-\d\d-\d\d; 6 weeks at dose and 12 in all needed\)$/);
  });
});
