/**
 * A drug taken at a hypnotic dose (trazodone 50 mg/day) beside an antidepressant trial is not an antidepressant trial:
 * it does not make the trial beside it "concurrent", and it reads as a hypnotic dose not counted toward treatment
 * resistance. A second antidepressant at an antidepressant dose still does both.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/clinical/all-rules';
import { trialKindWords } from '../../../src/clinical/vocabulary';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import { derive, mdd, patient, statement, trialOf } from './builders';

// Hand-made: sertraline 100 mg/day for 5 months, trazodone 50 mg/day at night for 3 of them (12 weeks beside it).
const sertralineWithTrazodone = (trazodoneMg: number) => [
  patient(),
  mdd('2023-12-01'),
  statement('sertraline', 100, '2024-01-01', '2024-06-01'),
  statement('trazodone', trazodoneMg, '2024-02-01', '2024-05-01'),
];

describe('a hypnotic dose beside a trial', () => {
  it('trazodone 50 mg/day beside sertraline: sertraline stays monotherapy with nothing alongside; trazodone is a hypnotic dose', () => {
    const d = derive(sertralineWithTrazodone(50));
    expect(trialOf(d, 'sertraline')).toMatchObject({ role: 'monotherapy', alongside: undefined });
    expect(trialOf(d, 'trazodone')).toMatchObject({ role: 'hypnotic', addedTo: undefined, alongside: undefined });
  });

  it('the trials read "SSRI, monotherapy" and "hypnotic dose; not counted toward treatment resistance"', () => {
    const d = derive(sertralineWithTrazodone(50));
    expect(trialKindWords(trialOf(d, 'sertraline'))).toBe('SSRI, monotherapy');
    expect(trialKindWords(trialOf(d, 'trazodone'))).toBe('hypnotic dose; not counted toward treatment resistance');
  });

  it('the copied note names trazodone as a hypnotic dose and sertraline as monotherapy', () => {
    const note = copyToNoteText(derive(sertralineWithTrazodone(50)));
    expect(note).toContain('- trazodone [hypnotic dose; not counted toward treatment resistance], 2024-02-01 to 2024-05-01');
    expect(note).toContain('- sertraline [SSRI, monotherapy], 2024-01-01 to 2024-06-01');
  });

  it('beside a hypnotic dose and a second antidepressant, the trial has only the antidepressant alongside', () => {
    const d = derive([...sertralineWithTrazodone(50), statement('bupropion', 300, '2024-02-15', '2024-06-01')]);
    expect(trialOf(d, 'sertraline')).toMatchObject({ role: 'concurrent', alongside: ['bupropion@2024-02-15'] });
    expect(trialKindWords(trialOf(d, 'sertraline'))).toBe('SSRI, alongside bupropion');
  });

  it('trazodone at an antidepressant dose (150 mg/day) is combination with sertraline, which reads alongside trazodone', () => {
    const d = derive(sertralineWithTrazodone(150));
    expect(trialOf(d, 'trazodone')).toMatchObject({ role: 'combination', addedTo: 'sertraline@2024-01-01' });
    expect(trialOf(d, 'sertraline')).toMatchObject({ role: 'concurrent', alongside: ['trazodone@2024-02-01'] });
  });

  it('the rule is a row of the rules list, a working rule on the hypnotic-dose sources', () => {
    expect(RULES.find((r) => r.id === 'trials.alongside.hypnotic-dose')).toMatchObject({ verification: 'U', references: ['sateia2017', 'fava2003', 'projectWorkingRule'] });
  });
});
