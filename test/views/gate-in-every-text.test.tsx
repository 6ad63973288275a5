/**
 * An option waiting on a running trial says so beside its status wherever it is listed. trd-two-failures (MDD met on
 * sertraline and venlafaxine, bupropion 2 weeks short): rTMS, ECT and esketamine are referred now and started once the
 * bupropion trial is judged, so their cards carry "after the bupropion trial (2 more weeks)" as ocd's deep TMS carries
 * its clomipramine trial; the copied note says the same gate in the suggested lines and in the "To consider" list.
 */
import { describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

/** The note's next-steps block: from its heading to the blank line after it. */
function nextStepsOf(note: string): string[] {
  const lines = note.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Next steps'));
  return lines.slice(at, lines.indexOf('', at));
}

describe('trd-two-failures: the referrals started once bupropion is judged carry that gate', () => {
  const d = demoDerivation('trd-two-failures', TODAY);
  const bupropion = d.assessments.find((a) => a.condition === 'mdd')!.trialToComplete!;
  const option = (id: string) => d.suggestions.find((s) => s.intervention === id)!;

  it('rTMS, ECT, esketamine and the referrals to consider wait on the bupropion trial, 2 more weeks, resting on its records', () => {
    for (const id of ['tms', 'ect', 'esketamine', 'accelerated-tms', 'iv-ketamine', 'psychedelic-trial']) {
      expect(option(id).startsAfter, id).toEqual({ text: 'after the bupropion trial (2 more weeks)', sources: bupropion.sources });
    }
    // A genotype informs the next choice: it does not wait on the running trial.
    expect(option('pharmacogenomic-testing').startsAfter).toBeUndefined();
  });

  it('the rTMS card head reads "Suggested after the bupropion trial (2 more weeks)"', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'trd-two-failures' })} asOf="2026-12-05" />);
    const head = document.querySelector('.option-card[data-intervention="tms"] .option-card__head')!;
    const badge = head.querySelector('.badge')!;
    expect(`${badge.textContent} ${badge.nextElementSibling!.textContent}`).toBe('Suggested after the bupropion trial (2 more weeks)');
    cleanup();
  });

  it('the copied note says the gate beside each suggested option and each option to consider', () => {
    const block = nextStepsOf(copyToNoteText(d));
    expect(block.filter((l) => /^- (Repetitive|Electroconvulsive|Esketamine)/.test(l))).toEqual([
      '- Repetitive transcranial magnetic stimulation (rTMS) (suggested, after the bupropion trial, 2 more weeks): refer to the Neuromodulation clinic (TMS, VNS) (routine priority).',
      '- Electroconvulsive therapy (ECT) (suggested, after the bupropion trial, 2 more weeks): refer to the ECT service (routine priority).',
      '- Esketamine nasal spray (Spravato) (suggested, after the bupropion trial, 2 more weeks): refer to the Ketamine / esketamine treatment clinic (routine priority).',
    ]);
    expect(block.at(-1)).toBe(
      'To consider (5): Accelerated iTBS (SAINT / Stanford neuromodulation therapy) (after the bupropion trial, 2 more weeks); Intravenous ketamine (off-label) (after the bupropion trial, 2 more weeks); Pharmacogenomic testing; Psilocybin clinical trial (referral) (after the bupropion trial, 2 more weeks); Digital therapy (app-based CBT).',
    );
  });
});

describe('ocd: the options to consider that wait on clomipramine say so in the note list', () => {
  it('deep TMS and antipsychotic augmentation carry "after the clomipramine trial, 5 more weeks"', () => {
    const block = nextStepsOf(copyToNoteText(demoDerivation('ocd', TODAY)));
    expect(block.at(-1)).toBe(
      'To consider (5): Intensified ERP (intensive or residential programme), alongside the SRI; Deep TMS for OCD (H7 coil) (after the clomipramine trial, 5 more weeks); Antipsychotic augmentation of the SRI (OCD) (after the clomipramine trial, 5 more weeks); Pharmacogenomic testing; Digital therapy (app-based CBT).',
    );
  });
});
