/**
 * The safety strip reads "title (date): detail action". Over every demo patient's strip, the detail adds to its title
 * instead of saying it again: it neither starts with one of the title's words, nor repeats the title's lead phrase,
 * nor repeats the date printed beside the title (and the title carries no date of its own).
 */
import { describe, expect, it } from 'vitest';
import type { Bundle, Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical/index';
import type { SafetyItem } from '../../../src/clinical/types';
import { deriveSafety, safetyItemHeading } from '../../../src/clinical/safety';
import { diagnosis, mdd, record, score, trial } from '../suggestions/builder';

const TODAY = new Date('2026-11-22T08:00:00Z');
const asOf = TODAY.toISOString().slice(0, 10);
const resourcesOf = (bundle: Bundle): Resource[] => (bundle.entry ?? []).map((e) => e.resource!).filter(Boolean);

const FILLER = new Set(['the', 'and', 'for', 'with', 'now', 'not', 'from', 'since', 'was', 'has', 'are', 'its']);
/** Meaningful words, lower case, without a plural s: "Suicidal ideations" and "suicidal ideation" are the same words. */
const words = (text: string) => (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !FILLER.has(w)).map((w) => w.replace(/s$/, ''));
/** The title's lead phrase: up to its first comma, colon or bracket ("Recent suicidal ideation", "MAOI now"). */
const leadPhrase = (title: string) => title.split(/[,:(]/)[0]!.trim().toLowerCase();

/**
 * What reads as repetition in one strip item, in words; empty when the detail only adds. The record's own names,
 * quoted, count for the first word but not as a repeat of the title's phrase.
 */
function repetitions(item: SafetyItem): string[] {
  const problems: string[] = [];
  const titleWords = words(item.title);
  const first = words(item.detail)[0];
  if (first !== undefined && titleWords.includes(first)) problems.push(`the detail starts with the title's word "${first}"`);
  const lead = leadPhrase(item.title);
  // The record's own names are quoted: they may use the title's words ("Intentional self-harm by sharp object").
  const ownWords = item.detail.replace(/“[^”]*”/g, '');
  if (lead.length > 2 && ownWords.toLowerCase().includes(lead)) problems.push(`the detail repeats the title's "${lead}"`);
  if (item.date && item.detail.includes(item.date)) problems.push(`the detail repeats the date ${item.date} printed beside the title`);
  if (/\d{4}-\d{2}-\d{2}/.test(item.title)) problems.push('the title carries a date (the strip prints the date beside it)');
  if (item.detail.trim().length === 0) problems.push('the detail is empty');
  return problems;
}

const strips = demoPatients.map((p) => {
  const derivation = derivePatient({ patientId: p.id, resources: resourcesOf(p.build(TODAY)) }, { asOf });
  return [p.id, derivation.safety ?? []] as const;
});

describe('the safety strip’s wording over every demo patient', () => {
  it('has items to check (suicidality, pregnancy, death, medications, diagnoses)', () => {
    const kinds = new Set(strips.flatMap(([, items]) => items.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual(['clomipramine', 'deceased', 'lithium', 'maoi', 'overdose', 'pregnancy', 'substance-use', 'suicidal-ideation', 'suicide-risk-assessment', 'suicidality-screen', 'suicidality-history', 'screening-gap', 'intracranial-vascular', 'head-implant'].sort());
  });

  it.each(strips.filter(([, items]) => items.length > 0))('%s: no detail starts with or repeats its title, or repeats its date', (_id, items) => {
    const found = items.map((i) => ({ item: `${i.title}: ${i.detail}`, problems: repetitions(i) })).filter((x) => x.problems.length > 0);
    expect(found).toEqual([]);
  });

  it('holds for every kind of item, each built from a record that has it, the record’s own names included', () => {
    const diagnoses = [
      diagnosis('suicide-attempt', { display: 'Suicide attempt', onset: '2015-04-02', clinicalStatus: 'resolved' }),
      diagnosis('overdose', { display: 'Poisoning by SNRI, intentional self-harm', code: 'T43.212A', onset: '2024-10-01', clinicalStatus: 'resolved' }),
      diagnosis('self-harm', { display: 'Intentional self-harm by sharp object', onset: '2023-02-01', clinicalStatus: 'resolved' }),
      diagnosis('suicidal-ideation', { display: 'Suicidal ideations', onset: '2026-11-20' }),
      diagnosis('suicidal-ideation', { display: 'Suicidal thoughts', onset: '2026-06-01' }),
      diagnosis('pregnancy', { display: 'Pregnant state, incidental', code: 'Z33.1', onset: '2026-08-02' }),
      diagnosis('pregnancy', { display: '16 weeks gestation of pregnancy', code: 'Z3A.16', onset: '2026-11-08' }),
      diagnosis('postpartum', { display: 'Postpartum care and examination', code: 'Z39.2', onset: '2026-06-01' }),
      diagnosis('breastfeeding', { display: 'Lactating mother', code: 'Z39.1', onset: '2026-06-01' }),
      diagnosis('catatonia', { display: 'Catatonic disorder due to known physiological condition', code: 'F06.1', onset: '2026-10-01' }),
      diagnosis('psychotic-features', { display: 'Major depressive disorder, recurrent, severe with psychotic symptoms', code: 'F33.3', onset: '2026-09-01' }),
      diagnosis('substance-use', { display: 'Alcohol dependence, uncomplicated', code: 'F10.20', onset: '2021-06-01' }),
    ];
    const trials = [
      trial('tranylcypromine', { class: 'maoi', end: null, start: '2026-05-01', maxDailyDoseMg: 40 }),
      trial('clozapine', { class: 'antipsychotic', end: null, start: '2026-01-01', maxDailyDoseMg: 400 }),
      trial('lithium', { class: 'mood-stabilizer', end: null, start: '2025-01-01', maxDailyDoseMg: 900 }),
      trial('clomipramine', { class: 'tca', end: null, start: '2026-09-01', maxDailyDoseMg: 150 }),
    ];
    const scores = [score('phq9-item9', 2, '2026-11-17'), score('cssrs', 4, '2026-11-19')];
    const items = deriveSafety(record({ diagnoses, trials, scores }));
    const dead = deriveSafety({ ...record({ trials: [trials[2]!] }), demographics: { birthDate: '1963-01-01', ageYears: 63, deceased: true, deceasedDate: '2026-10-13', source: 'Patient/p1' } });
    // A current MDD episode with item 9 and a C-SSRS this week but no PHQ-9 total in four months.
    const gap = deriveSafety(mdd(1, { scores: [score('phq9', 17, '2026-05-02'), score('phq9-item9', 0, '2026-11-17')] }));
    const all = [...items, ...dead, ...gap];
    expect(new Set(all.map((i) => i.kind)).size).toBe(18);
    expect(all.map((i) => ({ item: `${i.title}: ${i.detail}`, problems: repetitions(i) })).filter((x) => x.problems.length > 0)).toEqual([]);
  });

  it('catches the repetition it is there for', () => {
    const repeated: SafetyItem = { kind: 'suicidal-ideation', title: 'Suicidal ideation (recent)', detail: 'Suicidal ideations on 2026-11-20.', date: '2026-11-20', sources: [], references: [] };
    expect(repetitions(repeated)).toEqual([
      'the detail starts with the title\'s word "suicidal"',
      'the detail repeats the title\'s "suicidal ideation"',
      'the detail repeats the date 2026-11-20 printed beside the title',
    ]);
  });
});

describe('the strip of pregnant-trd, as a psychiatrist reads it', () => {
  it('says what each title does not: the onset’s age, the answer in the questionnaire’s words, the scale’s meaning, the dating', () => {
    const items = strips.find(([id]) => id === 'pregnant-trd')![1];
    expect(items.map((i) => `${safetyItemHeading(i)}: ${i.detail}`)).toEqual([
      'Recent suicidal ideation (onset 2026-11-20): Onset 2 days ago, still active.',
      'PHQ-9 item 9 = 2, thoughts of death or self-harm (recorded 2026-11-17): “More than half the days” over the last 2 weeks (2 of 3): a positive screen. A risk assessment (C-SSRS) followed on 2026-11-20.',
      'C-SSRS 4, high risk (recorded 2026-11-20): Columbia Suicide Severity Rating Scale: ideation with intent or plan, or recent behaviour.',
      // The date beside the gestation is the pregnancy's recorded onset, labelled so; the gestation names its source.
      "Pregnant, 16 weeks' gestation (onset recorded 2026-08-02): Dated by the weeks-of-gestation code of 2026-11-20.",
    ]);
  });
});
