/** One vocabulary: a trial's duration and description read the same in the engine's sentences and in the views. */
import { describe, expect, it } from 'vitest';
import {
  CONDITION_LABEL,
  CONDITION_NAME,
  capitalise,
  describeDuration,
  describePeriod,
  describeTrial,
  FLAG_WORDS,
  OUTCOME_LABEL,
  OUTCOME_WORDS,
} from '../../../src/clinical/vocabulary';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import { assessmentOf, condition, derive, patient, statement } from './builders';
import { trialDetails } from '../../../src/views/timeline/details';
import { trial } from '../../views/timeline/timeline-fixtures';

describe('a trial\'s period: one wording', () => {
  // Demo case "trd-multi-failures": the note read "2026-06-07 to now (ongoing) (26 weeks)".
  it('says an ended and an ongoing trial with their length after a comma, one pair of brackets at most', () => {
    expect(describePeriod('2025-05-04', '2025-08-09', '14 weeks')).toBe('2025-05-04 to 2025-08-09, 14 weeks');
    expect(describePeriod('2026-06-07', null, '26 weeks')).toBe('2026-06-07 to now (ongoing), 26 weeks');
  });
});

describe('durations: one week rounding', () => {
  it('counts whole weeks completed from two weeks on, days below', () => {
    expect(describeDuration(69)).toBe('9 weeks');
    expect(describeDuration(70)).toBe('10 weeks');
    expect(describeDuration(41)).toBe('5 weeks'); // not "6 weeks": 41 days fall short of a 6-week trial
    expect(describeDuration(14)).toBe('2 weeks');
    expect(describeDuration(13)).toBe('13 days');
    expect(describeDuration(1)).toBe('1 day');
  });

  it('a 69-day trial reads "9 weeks" in the engine\'s description and in the view\'s details', () => {
    const t = trial({ ingredient: 'sertraline', start: '2025-01-01', end: '2025-03-11', steps: [[100, 0]] });
    expect(t.durationDays).toBe(69);
    expect(describeTrial(t)).toBe('sertraline 100 mg/day for 9 weeks');
    expect(trialDetails(t).lines[0]).toBe('2025-01-01 to 2025-03-11, 9 weeks');
  });

  it('describes an ongoing trial by its start and an unknown dose as such', () => {
    expect(describeTrial({ ingredient: 'bupropion', maxDailyDoseMg: null, durationDays: 30, start: '2026-10-01', end: null })).toBe(
      'bupropion (dose unknown) since 2026-10-01',
    );
  });
});

describe('condition and outcome words', () => {
  it('names a condition one way, as a label and in a sentence', () => {
    expect(CONDITION_NAME.ptsd).toBe('posttraumatic stress disorder');
    expect(CONDITION_LABEL.ptsd).toBe('Posttraumatic stress disorder');
  });

  it('labels are the sentence words capitalised', () => {
    for (const [outcome, words] of Object.entries(OUTCOME_WORDS)) expect(OUTCOME_LABEL[outcome as keyof typeof OUTCOME_LABEL].toLowerCase()).toBe(words);
  });
});

describe('flag words', () => {
  it("the engine's flag texts start with the flag's words, and the copied note says them once, capitalised", () => {
    const d = derive([
      patient(),
      condition('F33.1', 'Major depressive disorder, recurrent, moderate', '2024-01-01'),
      condition('F41.1', 'Generalized anxiety disorder', '2023-01-10'),
      statement('sertraline', 25, '2025-01-01', '2025-04-01'),
    ]);
    const flags = assessmentOf(d, 'mdd').flags;
    expect(flags.map((f) => f.kind).sort()).toEqual(['comorbid-anxiety', 'inadequate-dose']);
    for (const f of flags) expect(f.text.startsWith(`${FLAG_WORDS[f.kind]}: `)).toBe(true);
    const note = copyToNoteText(d);
    expect(note).toContain('  Flag: Comorbid anxiety disorder: Generalized anxiety disorder');
    for (const f of flags) expect(note).toContain(`  Flag: ${capitalise(f.text)}`);
  });
});
