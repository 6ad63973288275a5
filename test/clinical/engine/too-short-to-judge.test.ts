/**
 * A trial that ended before its minimum duration is too short to judge, never a non-response, in the trial, the note
 * and the reasons alike (pseudo-resistance: sertraline 50 mg for 3 weeks; ocd: fluoxetine 20 mg for 8 of 12 weeks).
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import type { Derivation } from '../../../src/clinical/types';
import { demoDerivation } from '../../views/demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const trialOf = (d: Derivation, ingredient: string) => d.trials.find((t) => t.ingredient === ingredient)!;

describe('too short to judge', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const sertraline = trialOf(d, 'sertraline');

  it('pseudo-resistance: sertraline for 3 weeks is too short to judge, with its scores kept after the reason', () => {
    expect(sertraline.outcome).toBe('too-short');
    expect(sertraline.outcomeDetail).toMatch(/^3 weeks of the 6 needed; PHQ-9 20 → 19 \(−5%/);
  });

  it('pseudo-resistance: no text calls the 3-week sertraline trial a non-response', () => {
    const texts = [copyToNoteText(d), ...d.suggestions.flatMap((s) => s.reasons.map((r) => r.text))].join('\n');
    expect(texts).not.toMatch(/sertraline 50 mg\/day for 3 weeks \(non-response/);
    expect(copyToNoteText(d)).toContain('outcome: Too short to judge: 3 weeks of the 6 needed; PHQ-9 20 → 19');
  });

  it('pseudo-resistance: the 3-week trial is not among the trials that did not work', () => {
    const tms = d.suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.reasons.map((r) => r.text).join('\n')).not.toContain('sertraline');
  });

  it('ocd: fluoxetine for 8 weeks, of the 12 the OCD rule needs, is too short to judge', () => {
    const fluoxetine = trialOf(demoDerivation('ocd', TODAY), 'fluoxetine');
    expect(fluoxetine.outcome).toBe('too-short');
    expect(fluoxetine.outcomeDetail).toMatch(/^8 weeks of the 12 needed; Y-BOCS 30 → 29/);
  });
});
