// The copy-to-note text (src/views/timeline/copyText.ts): summary + trials, plain text, no identifiers.
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import { noPsychiatricHistory, trdTwoFailures } from './timeline-fixtures';

describe('copyToNoteText', () => {
  const text = copyToNoteText({ ...trdTwoFailures(), patient: 'patient-id-should-not-appear' });

  it('starts with the as-of date and holds each conclusion with its definition and staging', () => {
    expect(text.split('\n')[0]).toBe('Treatment-resistance summary as of 2026-11-22');
    expect(text).toMatch(/Major depressive disorder: .*\n {2}2 failed adequate trials in the current episode: /);
    expect(text).toContain('Definition: Treatment-resistant depression: at least 2 failed adequate antidepressant trials in the current episode.');
    expect(text).toContain('Thase-Rush stage 2');
    expect(text).toContain('Maudsley Staging Method 7 (total-score band: moderate resistance); severity estimated, ECT not recorded (scored at its minimum)');
    expect(text).toContain('Flag: Comorbid anxiety disorder: Generalized anxiety disorder active since 2023-01-10');
  });

  it('lists the trials in date order with dose, adequacy, adherence and outcome basis', () => {
    expect(text).toContain('Medication trials (5):');
    const order = ['sertraline', 'venlafaxine', 'mirtazapine', 'bupropion', 'aripiprazole'].map((n) => text.indexOf(`- ${n} [`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('  dose 15 mg/day; adequate dose from 30 mg/day; NOT adequate');
    expect(text).toContain('outcome: Not tolerated (recorded in the chart): stopped: weight gain (AllergyIntolerance)');
    expect(text).toContain('aripiprazole [Antipsychotic, augmentation to bupropion], 2026-03-01 to now (ongoing)');
  });

  it('gives an ongoing trial its period and length in one wording, without a second pair of brackets', () => {
    expect(text).toMatch(/aripiprazole \[Antipsychotic, augmentation to bupropion\], 2026-03-01 to now \(ongoing\), \d+ (weeks|days)\n/);
    expect(text).not.toMatch(/\(ongoing\) \(/);
  });

  it('ends with the disclaimer and carries no patient identifier', () => {
    expect(text.trim().endsWith('Verify against the chart before acting.')).toBe(true);
    expect(text).not.toContain('patient-id-should-not-appear');
  });

  it('says so when nothing was found', () => {
    const empty = copyToNoteText(noPsychiatricHistory());
    expect(empty).toContain('No assessed psychiatric condition was found in the coded record.');
    expect(empty).toContain('Medication trials: none found.');
  });
});
