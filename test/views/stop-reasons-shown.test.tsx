/**
 * Every recorded stop reason reaches the trial table, the trial's details and the copied note, on the demo patients
 * where the review found them dropped (ocd fluoxetine, bipolar-depression quetiapine, deceased venlafaxine).
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { trialDetails } from '../../src/views/timeline/details';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

describe('recorded stop reasons are shown', () => {
  it('ocd: fluoxetine\'s reason is in the page, its details and the note, as lack of effect', () => {
    const d = demoDerivation('ocd', TODAY);
    const fluoxetine = d.trials.find((t) => t.ingredient === 'fluoxetine')!;
    const line = 'Stop reason: "Little effect after 8 weeks; switched to fluvoxamine" (stopped for lack of effect)';
    expect(trialDetails(fluoxetine).lines).toContain(line);
    expect(pageText(d)).toContain(line);
    expect(copyToNoteText(d)).toContain('  stop reason: "Little effect after 8 weeks; switched to fluvoxamine" (stopped for lack of effect)');
  });

  it('bipolar-depression: quetiapine\'s daytime sedation is in the note beside its measured non-response', () => {
    const note = copyToNoteText(demoDerivation('bipolar-depression', TODAY));
    expect(note).toContain(
      '  stop reason: "No improvement of depression after 12 weeks at 300 mg; daytime sedation" (stopped for lack of effect and an adverse effect: sedation)',
    );
  });

  it('deceased: venlafaxine\'s stop after an intentional overdose is in the note', () => {
    const note = copyToNoteText(demoDerivation('deceased', TODAY));
    expect(note).toContain('  stop reason: "Stopped after an intentional overdose; no response" (stopped after an intentional overdose, and for lack of effect)');
  });
});
