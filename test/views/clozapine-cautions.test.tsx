/**
 * Demo case "schizophrenia-trs" (past cannabis dependence, clozapine suggested): clozapine's cautions lead with the
 * baseline checks before starting, then follow the catalog's weight column (the life-threatening risks before the
 * record's substance use), and the smoking/CYP1A2 advice is said once, in clozapine's smoking caution: not again in
 * the substance-use caution or the safety strip, so the plan preview and the copied note say it once.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);
const d = demoDerivation('schizophrenia-trs', TODAY);
const clozapine = d.suggestions.find((s) => s.intervention === 'clozapine')!;
const count = (text: string, word: string) => text.split(word).length - 1;

describe('schizophrenia-trs: clozapine cautions', () => {
  it('lead with the baseline checks before starting (ANC, myocarditis, metabolic), then the life-threatening risks; the substance-use caution comes after them, the smoking interaction last', () => {
    expect(clozapine.cautions.map((c) => c.text.split(/[:(]/)[0])).toEqual([
      'Severe neutropenia',
      'Myocarditis and cardiomyopathy',
      'Metabolic changes',
      'Seizures are dose-related',
      'Gastrointestinal hypomotility ',
      'Orthostatic hypotension, bradycardia and syncope, mostly during titration',
      'Past',
      'Taken now',
      'Smoking',
    ]);
    expect(clozapine.cautions.map((c) => c.beforeStarting === true)).toEqual([true, true, true, false, false, false, false, false, false]);
  });

  it('say the smoking/CYP1A2 advice once, in the smoking caution', () => {
    expect(clozapine.cautions.filter((c) => c.text.includes('CYP1A2')).map((c) => c.text.slice(0, 8))).toEqual(['Smoking:']);
    expect(d.safety.filter((s) => (s.action ?? '').includes('CYP1A2'))).toEqual([]);
  });

  // "induces CYP1A2": the advice itself, not the label section its citation names.
  it('the plan preview and the copied note give the CYP1A2 advice once', () => {
    expect(count(demoDraft(d, ['clozapine'], AS_OF).preview.join('\n'), 'induces CYP1A2')).toBe(1);
    expect(count(copyToNoteText(d), 'induces CYP1A2')).toBe(1);
  });
});
