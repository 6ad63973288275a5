/** One vocabulary: a trial's duration and description read the same in the engine's sentences and in the views. */
import { describe, expect, it } from 'vitest';
import {
  CONDITION_LABEL,
  CONDITION_NAME,
  capitalise,
  describeDuration,
  describePeriod,
  describeTrial,
  diagnosisLabelWithCode,
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

describe('a schizophrenia-spectrum diagnosis is labelled by its code\'s subtype, never "with psychotic features"', () => {
  const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
  const schizophrenia = (code: string, system = ICD10CM) => ({ kind: 'schizophrenia' as const, code, system });
  it.each([
    ['F20.0', 'Schizophrenia (F20.0, paranoid)'],
    ['F20.1', 'Schizophrenia (F20.1, disorganized)'],
    ['F20.3', 'Schizophrenia (F20.3, undifferentiated)'],
    ['F20.5', 'Schizophrenia (F20.5, residual)'],
    ['F20.81', 'Schizophrenia (F20.81, schizophreniform disorder)'],
    ['F20.89', 'Schizophrenia (F20.89, other schizophrenia)'],
    ['F20.9', 'Schizophrenia (F20.9, unspecified)'],
    ['F25.0', 'Schizophrenia (F25.0, schizoaffective disorder, bipolar type)'],
    ['F25.1', 'Schizophrenia (F25.1, schizoaffective disorder, depressive type)'],
    ['F25.8', 'Schizophrenia (F25.8, other schizoaffective disorders)'],
    ['F25.9', 'Schizophrenia (F25.9, schizoaffective disorder, unspecified)'],
  ])('%s with psychotic features stated by its code reads %s', (code, label) => {
    expect(diagnosisLabelWithCode(schizophrenia(code), ['psychotic-features'], code)).toBe(label);
  });
  it('F20.2 reads catatonic once: "Schizophrenia (F20.2, catatonic)", not "with catatonia" beside it', () => {
    expect(diagnosisLabelWithCode(schizophrenia('F20.2'), ['psychotic-features', 'catatonia'], 'F20.2')).toBe('Schizophrenia (F20.2, catatonic)');
  });
  it('the code words given are kept as given (the details name the code system): "Schizophrenia (ICD-10-CM F20.0, paranoid)"', () => {
    expect(diagnosisLabelWithCode(schizophrenia('F20.0'), ['psychotic-features'], 'ICD-10-CM F20.0')).toBe('Schizophrenia (ICD-10-CM F20.0, paranoid)');
  });
  it('a code outside the ICD-10-CM subtype table has no subtype: "Schizophrenia (SNOMED CT 58214004)"', () => {
    expect(diagnosisLabelWithCode(schizophrenia('58214004', 'http://snomed.info/sct'), ['psychotic-features'], 'SNOMED CT 58214004')).toBe('Schizophrenia (SNOMED CT 58214004)');
  });
  it('a mood disorder keeps its qualifier: "Major depressive disorder, with psychotic features (F33.3)"', () => {
    expect(diagnosisLabelWithCode({ kind: 'mdd', code: 'F33.3', system: ICD10CM }, ['psychotic-features'], 'F33.3')).toBe('Major depressive disorder, with psychotic features (F33.3)');
  });
});
