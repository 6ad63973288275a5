/**
 * schizophrenia-trs: clozapine's baseline checks (ANC, myocarditis baseline, metabolic baseline) are the engine's
 * "Before starting" group; the card heads them so, and every written text says them under the same words: the plan
 * preview, the plan note, the CarePlan's narrative and activity, and the copied summary note. The other cautions keep
 * "Caution:".
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);
const d = demoDerivation('schizophrenia-trs', TODAY);
const draft = demoDraft(d, ['clozapine'], AS_OF);

/** Each caution line's label and subject ("Before starting: Severe neutropenia"), in order. */
const labelled = (lines: string[]) =>
  lines
    .map((l) => l.trim())
    .filter((l) => /^(Before starting|Caution): /.test(l))
    .map((l) => l.split(/: /).slice(0, 2).join(': ').split(' (')[0]!);

const EXPECTED = [
  'Before starting: Severe neutropenia',
  'Before starting: Myocarditis and cardiomyopathy',
  'Before starting: Metabolic changes',
  'Caution: Seizures are dose-related',
  'Caution: Gastrointestinal hypomotility',
  'Caution: Orthostatic hypotension, bradycardia and syncope, mostly during titration',
  'Caution: Past',
  'Caution: Taken now',
  'Caution: Smoking',
];

describe('schizophrenia-trs: clozapine’s baseline checks are "Before starting" in every written text', () => {
  it('the plan preview', () => {
    expect(labelled(draft.preview)).toEqual(EXPECTED);
  });

  it('the plan note', () => {
    expect(labelled(draft.text.split('\n'))).toEqual(EXPECTED);
  });

  it('the CarePlan narrative and the activity description', () => {
    const div = draft.carePlan.text!.div;
    expect(div).toContain('Before starting: Severe neutropenia: absolute neutrophil count (ANC) before starting');
    expect(div).not.toContain('Caution: Severe neutropenia');
    const description = draft.carePlan.activity![0]!.detail!.description!;
    expect(description).toContain(' Before starting: Severe neutropenia: ');
    expect(description).toContain(' Before starting: Metabolic changes: ');
    expect(description).not.toContain('Caution: Metabolic changes');
  });

  it('the copied summary note', () => {
    expect(labelled(copyToNoteText(d).split('\n'))).toEqual(EXPECTED);
  });
});
