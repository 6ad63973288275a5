/**
 * deceased: nothing of a dead patient is current. The summary note says "2 failed adequate trials in the episode until
 * death", and the definition beside it says the same episode, not "the current episode". A long outcome is said in
 * short sentences.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');

describe('deceased: the definition of an episode that ended at death', () => {
  const d = demoDerivation('deceased', TODAY);
  it('reads "in the episode until death" in the note, never "the current episode"', () => {
    const note = copyToNoteText(d);
    expect(note).toContain('  Definition: Treatment-resistant depression: failure of ≥ 2 adequate antidepressant treatments (different agents) in the episode until death. [');
    expect(note).not.toContain('current episode');
  });
});

describe('deceased: the lithium outcome in short sentences', () => {
  const d = demoDerivation('deceased', TODAY);
  it('says the score, why it is no response, the partial bound, the change during the trial and the missing baseline each as a sentence', () => {
    const lithium = d.trials.find((t) => t.ingredient === 'lithium')!;
    expect(lithium.outcomeDetail).toMatch(
      /^PHQ-9 18 on 2026-10-\d\d, after \d+ weeks: not a response from any baseline, as a 50% fall from the scale's maximum \(27\) reaches 13\.5 or less\. At most a partial response, which would be insufficient too\. PHQ-9 17 on 2025-0\d-\d\d → 18 \(\+6%\) during the trial\. No baseline score within 30 days before or 14 days after its start, 2025-0\d-\d\d$/,
    );
  });
});
