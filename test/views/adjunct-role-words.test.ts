/**
 * Demo case "ptsd": prazosin is not a trial of PTSD's core treatment and ran beside venlafaxine. The copied note says
 * what it is in clinical words (an adjunct, beside venlafaxine, not counted), never the internal class label
 * "Other psychotropic" nor "monotherapy"; venlafaxine, which ran with prazosin, is not called monotherapy either.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

describe('ptsd: the note words a trial by its role beside the others', () => {
  const d = demoDerivation('ptsd', TODAY);
  const note = copyToNoteText(d);

  it('prazosin is an adjunct beside venlafaxine, not counted toward treatment resistance', () => {
    expect(d.trials.find((t) => t.ingredient === 'prazosin')!.role).toBe('adjunct');
    expect(note).toContain('- prazosin [adjunct beside venlafaxine; not counted toward treatment resistance], ');
    expect(note).not.toContain('Other psychotropic');
  });

  it('venlafaxine, with prazosin alongside for 4 weeks or more, is not called monotherapy', () => {
    expect(d.trials.find((t) => t.ingredient === 'venlafaxine')!.role).toBe('concurrent');
    expect(note).toContain('- venlafaxine [SNRI, alongside prazosin], ');
  });

  it('sertraline, which ran alone, stays monotherapy', () => {
    expect(note).toContain('- sertraline [SSRI, monotherapy], ');
  });
});
