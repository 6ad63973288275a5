/**
 * The safety strip's items (src/clinical/safety): each kind with its case, the dates and resources it names, and death.
 */
import { describe, expect, it } from 'vitest';
import type { Patient, Resource } from 'fhir/r4';
import { demographicsOf } from '../../../src/clinical/demographics';
import { deriveSafety, diagnosesForTimeline, regimenNow, SAFETY_RULES, SCREEN_POSITIVE, safetyItemHeading } from '../../../src/clinical/safety';
import { derivePatient } from '../../../src/clinical/derive';
import { classifyCondition } from '../../../src/clinical/terminology';
import { assessment, diagnosis, flag, mdd, record, score, trial } from '../suggestions/builder';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
/** A PHQ-9 total of this week: the episode's monitoring is current, so only the item under test is on the strip. */
const PHQ9_NOW = score('phq9', 18, '2026-11-17');

describe('suicidality', () => {
  it('a positive PHQ-9 item 9 asks for a risk assessment, with its value and date, and is not called acute ideation (Kroenke 2001)', () => {
    const [item] = deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 2, '2026-11-17')] }));
    expect(item).toMatchObject({ kind: 'suicidality-screen', title: 'PHQ-9 item 9 = 2, thoughts of death or self-harm', date: '2026-11-17', sources: ['Observation/phq9-item9-2026-11-17'] });
    // The answer in the questionnaire's own words: what the title's number means.
    expect(item?.detail).toBe('“More than half the days” over the last 2 weeks (2 of 3): a positive screen.');
    expect(item?.action).toMatch(/Assess suicide risk and record it \(C-SSRS\)/);
  });

  it('a C-SSRS recorded after the screen is shown instead of the request for one; 4 or more is high risk (Posner 2011)', () => {
    const items = deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 2, '2026-11-17'), score('cssrs', 4, '2026-11-19')] }));
    expect(items.map((i) => i.kind)).toEqual(['suicidality-screen', 'suicide-risk-assessment']);
    expect(items[0]?.action).toBeUndefined();
    expect(items[0]?.detail).toMatch(/A risk assessment \(C-SSRS\) followed on 2026-11-19\.$/);
    expect(items[1]).toMatchObject({ title: 'C-SSRS 4, high risk', date: '2026-11-19', detail: 'Columbia Suicide Severity Rating Scale: ideation with intent or plan, or recent behaviour.' });
  });

  it('coded suicidal ideation with a C-SSRS since refers to that assessment, whose line gives the action once; never asks for one already recorded (pregnant-trd)', () => {
    const si = diagnosis('suicidal-ideation', { display: 'Suicidal ideations', code: 'R45.851', onset: '2026-11-19' });
    const high = deriveSafety(mdd(2, { diagnoses: [si], scores: [PHQ9_NOW, score('cssrs', 4, '2026-11-19')] }));
    const ideation = high.find((i) => i.kind === 'suicidal-ideation')!;
    expect(ideation.action).toBe('Assessed by the C-SSRS of 2026-11-19 (4, high risk): see its action.');
    expect(high.find((i) => i.kind === 'suicide-risk-assessment')!.action).toBe('Same-day safety assessment and safety plan; decide on the level of care now.');
    expect(high.map((i) => i.action ?? '').join(' ')).not.toMatch(/Assess suicide risk now|record a risk assessment/);
    const low = deriveSafety(mdd(2, { diagnoses: [si], scores: [PHQ9_NOW, score('cssrs', 2, '2026-11-20')] }));
    expect(low.find((i) => i.kind === 'suicidal-ideation')?.action).toBe('Assessed by the C-SSRS of 2026-11-20 (2, below high risk): see its action.');
    expect(low.find((i) => i.kind === 'suicide-risk-assessment')?.action).toBe('Agree or review a safety plan and reassess at each visit.');
    // A C-SSRS of 0 with no positive screen is not on the strip: the ideation line then says what follows from it.
    const zero = deriveSafety(mdd(2, { diagnoses: [si], scores: [PHQ9_NOW, score('cssrs', 0, '2026-11-20')] }));
    expect(zero.map((i) => i.kind)).not.toContain('suicide-risk-assessment');
    expect(zero.find((i) => i.kind === 'suicidal-ideation')?.action).toBe('Assessed by the C-SSRS of 2026-11-20 (0, below high risk): agree or review a safety plan and reassess at each visit.');
    // A C-SSRS from before the ideation was coded does not assess it.
    const before = deriveSafety(mdd(2, { diagnoses: [si], scores: [PHQ9_NOW, score('cssrs', 2, '2026-11-01')] }));
    expect(before.find((i) => i.kind === 'suicidal-ideation')?.action).toBe('Assess suicide risk now and record it (C-SSRS); agree a safety plan.');
  });

  it('the positive-screen threshold is one table row: item 9 at 1 or more is positive, 0 is not', () => {
    expect(SCREEN_POSITIVE['phq9-item9']?.atOrAbove).toBe(1);
    expect(deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 0, '2026-11-17')] }))).toEqual([]);
    expect(deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 1, '2026-11-17')] }))[0]?.kind).toBe('suicidality-screen');
  });

  it('a positive answer earlier in the episode followed by 0 stays on the strip as history, apart from a current positive; a positive answer as the latest is current (Simon 2013)', () => {
    const history = deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 1, '2026-03-01'), score('phq9-item9', 0, '2026-11-01')] }));
    expect(history).toEqual([
      {
        kind: 'suicidality-history',
        title: 'PHQ-9 item 9 positive once earlier in this episode',
        detail: '0 since 2026-11-01 (1 answer).',
        date: '2026-03-01',
        dateLabel: 'last',
        action: 'Ask about suicidal thoughts before referring or changing treatment.',
        sources: ['Observation/phq9-item9-2026-03-01', 'Observation/phq9-item9-2026-11-01'],
        references: ['simon2013', 'projectWorkingRule'],
      },
    ]);
    expect(deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 0, '2026-03-01'), score('phq9-item9', 1, '2026-09-01')] }))[0]?.kind).toBe('suicidality-screen');
  });

  it('a positive answer before the current episode began, or more than 365 days ago, is not history of this episode', () => {
    const beforeEpisode = record({ assessments: [assessment('mdd', { episodeStart: '2026-06-01' })], scores: [PHQ9_NOW, score('phq9-item9', 2, '2026-05-31'), score('phq9-item9', 0, '2026-11-01')] });
    expect(deriveSafety(beforeEpisode)).toEqual([]);
    const inEpisode = record({ assessments: [assessment('mdd', { episodeStart: '2026-06-01' })], scores: [PHQ9_NOW, score('phq9-item9', 2, '2026-06-01'), score('phq9-item9', 0, '2026-11-01')] });
    expect(deriveSafety(inEpisode).map((i) => i.kind)).toEqual(['suicidality-history']);
    const longEpisode = mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 2, '2025-11-21'), score('phq9-item9', 0, '2026-11-01')] });
    expect(longEpisode.episodes[0]?.start).toBe('2025-01-01');
    expect(deriveSafety(longEpisode)).toEqual([]);
    const within = deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 2, '2025-11-22'), score('phq9-item9', 0, '2026-11-01')] }));
    expect(within.map((i) => i.kind)).toEqual(['suicidality-history']);
  });

  it('coded suicidal ideation resolved earlier in the episode stays as history, with its status and the C-SSRS since', () => {
    const si = diagnosis('suicidal-ideation', { display: 'Suicidal ideations', code: 'R45.851', onset: '2026-05-02', clinicalStatus: 'resolved', abatement: '2026-06-01' });
    const [item] = deriveSafety(mdd(2, { diagnoses: [si], scores: [PHQ9_NOW, score('phq9-item9', 0, '2026-11-17'), score('cssrs', 0, '2026-10-01')] }));
    expect(item).toMatchObject({
      kind: 'suicidality-history',
      title: 'Suicidal ideation earlier in this episode',
      detail: 'Resolved on 2026-06-01. A risk assessment (C-SSRS) followed on 2026-10-01 (0).',
      date: '2026-05-02',
      dateLabel: 'onset',
      action: 'Ask about suicidal thoughts before referring or changing treatment.',
      sources: ['Condition/suicidal-ideation', 'Observation/cssrs-2026-10-01'],
    });
  });

  it('suicide attempts, intentional overdoses and self-harm are shown at any date, with how long ago (the date stands beside the title), the record’s words where they tell more, and no code', () => {
    const items = deriveSafety(
      record({
        diagnoses: [
          diagnosis('suicide-attempt', { display: 'Suicide attempt', code: 'T14.91XA', onset: '2015-04-02', clinicalStatus: 'resolved' }),
          diagnosis('overdose', { display: 'Poisoning by SNRI, intentional self-harm', code: 'T43.212A', onset: '2024-10-01', clinicalStatus: 'resolved' }),
        ],
      }),
    );
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ['suicide-attempt', '2015-04-02'],
      ['overdose', '2024-10-01'],
    ]);
    expect(items[0]?.detail).toBe('11 years ago.');
    expect(items[1]?.detail).toBe('“Poisoning by SNRI, intentional self-harm”; 2 years ago.');
  });
});

// Demo case "ehr-export-mdd": the last PHQ-9 was 20 months old and its item 9 never recorded, with nothing on the strip.
describe('a missing or out-of-date suicidality screen in a current depressive episode', () => {
  it('PHQ-9 totals without item 9, the last 20 months old: "No recent PHQ-9 or suicidality screen", dated by the last PHQ-9, leading the strip', () => {
    const items = deriveSafety(mdd(2, { scores: [score('phq9', 16, '2025-03-16')], diagnoses: [diagnosis('substance-use', { code: 'F10.20' })] }));
    expect(items.map((i) => i.kind)).toEqual(['screening-gap', 'substance-use']);
    expect(items[0]).toMatchObject({
      title: 'No recent PHQ-9 or suicidality screen',
      detail: 'The last PHQ-9 (16) is 20 months old; its item 9 (thoughts of death or self-harm) was never recorded, nor a C-SSRS.',
      date: '2025-03-16',
      dateLabel: 'last PHQ-9',
      sources: ['Observation/phq9-2025-03-16'],
    });
    expect(safetyItemHeading(items[0]!)).toBe('No recent PHQ-9 or suicidality screen (last PHQ-9 2025-03-16)');
    expect(items[0]?.action).toBe('Repeat the PHQ-9 now with its item 9 recorded (or a C-SSRS), and ask about suicidal thoughts, before deciding on treatment.');
  });

  it('a PHQ-9 this month with item 9 answered 0 leaves nothing on the strip; 121 days without a PHQ-9 is out of date (four months)', () => {
    expect(deriveSafety(mdd(2, { scores: [PHQ9_NOW, score('phq9-item9', 0, '2026-11-17')] }))).toEqual([]);
    const old = deriveSafety(mdd(2, { scores: [score('phq9', 12, '2026-07-24'), score('phq9-item9', 0, '2026-07-24')] }));
    expect(old.map((i) => i.title)).toEqual(['No recent PHQ-9']);
    expect(deriveSafety(mdd(2, { scores: [score('phq9', 12, '2026-07-25'), score('phq9-item9', 0, '2026-07-25')] }))).toEqual([]);
  });

  it('a recent PHQ-9 total without item 9: "No recent suicidality screen", asking for the answer now', () => {
    const [i] = deriveSafety(mdd(1, { scores: [PHQ9_NOW] }));
    expect(i).toMatchObject({ kind: 'screening-gap', title: 'No recent suicidality screen', action: 'Ask about suicidal thoughts now and record the answer (PHQ-9 item 9 or a C-SSRS).' });
  });

  it('no current depressive episode, or a deceased patient: no screening item', () => {
    expect(deriveSafety(record({ assessments: [{ ...assessment('mdd'), currentEpisode: null }] }))).toEqual([]);
    const dead = { ...mdd(1), demographics: { birthDate: '1960-01-01', ageYears: 66, deceased: true, deceasedDate: '2026-10-13', source: 'Patient/p1' } };
    expect(deriveSafety(dead).map((i) => i.kind)).toEqual(['deceased']);
  });
});

describe('pregnancy, the puerperium, breastfeeding', () => {
  it('a current pregnancy with its gestation from the Z3A code, advanced to today', () => {
    const items = deriveSafety(
      record({
        diagnoses: [
          diagnosis('pregnancy', { display: 'Pregnant state, incidental', code: 'Z33.1', onset: '2026-08-02' }),
          diagnosis('pregnancy', { display: '16 weeks gestation of pregnancy', code: 'Z3A.16', onset: '2026-11-08' }),
        ],
      }),
    );
    expect(items).toHaveLength(1);
    // The date beside the title is the pregnancy's recorded onset, labelled so; the gestation says where it comes from.
    expect(items[0]).toMatchObject({ kind: 'pregnancy', title: "Pregnant, 18 weeks' gestation", date: '2026-08-02', dateLabel: 'onset recorded' });
    expect(items[0]?.detail).toBe('Counted from the weeks-of-gestation code of 2026-11-08 (16 weeks then).');
    expect(safetyItemHeading(items[0]!)).toBe("Pregnant, 18 weeks' gestation (onset recorded 2026-08-02)");
    expect(items[0]?.action).toMatch(/Esketamine, IV ketamine and psilocybin trials are not offered; ECT is not contraindicated/);
  });

  it('a pregnancy coded more than 42 weeks ago is not current; without a Z3A code the gestation is said to be unrecorded', () => {
    expect(deriveSafety(record({ diagnoses: [diagnosis('pregnancy', { onset: '2024-01-01' })] }))).toEqual([]);
    expect(deriveSafety(record({ diagnoses: [diagnosis('pregnancy', { onset: '2026-10-01' })] }))[0]?.detail).toMatch(/gestation not recorded/);
  });

  it('a weeks-of-gestation code is part of the pregnancy coded beside it: the timeline draws one pregnancy, not two', () => {
    const pregnancy = diagnosis('pregnancy', { display: 'Pregnant state, incidental', code: 'Z33.1', onset: '2026-08-02' });
    const weeks = diagnosis('pregnancy', { display: '16 weeks gestation of pregnancy', code: 'Z3A.16', onset: '2026-11-08' });
    const mddCode = diagnosis('mdd', { code: 'F33.2', onset: '2025-01-01' });
    expect(diagnosesForTimeline([mddCode, pregnancy, weeks])).toEqual([mddCode, pregnancy]);
    // Alone, the gestation code is the only sign of the pregnancy and is drawn.
    expect(diagnosesForTimeline([mddCode, weeks])).toEqual([mddCode, weeks]);
  });

  it('one F20.0 Condition is one recorded condition: its psychotic features are implied by the schizophrenia and drawn once (schizophrenia-trs)', () => {
    const condition: Resource = {
      resourceType: 'Condition', id: 'scz', subject: { reference: 'Patient/p' },
      code: { coding: [{ system: ICD, code: 'F20.0', display: 'Paranoid schizophrenia' }] },
      clinicalStatus: { coding: [{ code: 'active' }] }, onsetDateTime: '2018-11-08',
    } as Resource;
    const { diagnoses } = derivePatient({ patientId: 'p', resources: [{ resourceType: 'Patient', id: 'p' }, condition] }, { asOf: '2026-12-06' });
    // The rules still see both kinds (clozapine, psychotic-features cautions); the second names the first.
    expect(diagnoses.map((d) => [d.kind, d.impliedBy ?? null, d.source])).toEqual([
      ['schizophrenia', null, 'Condition/scz'],
      ['psychotic-features', 'schizophrenia', 'Condition/scz'],
    ]);
    expect(diagnosesForTimeline(diagnoses).map((d) => d.kind)).toEqual(['schizophrenia']);
    // A catatonic schizophrenia code states two further kinds: still one condition on the timeline.
    const catatonic = { ...condition, id: 'cat', code: { coding: [{ system: ICD, code: 'F20.2', display: 'Catatonic schizophrenia' }] } } as Resource;
    const both = derivePatient({ patientId: 'p', resources: [{ resourceType: 'Patient', id: 'p' }, catatonic] }, { asOf: '2026-12-06' }).diagnoses;
    expect(both.map((d) => d.kind)).toEqual(['schizophrenia', 'psychotic-features', 'catatonia']);
    expect(diagnosesForTimeline(both).map((d) => d.display)).toEqual(['Catatonic schizophrenia']);
  });

  it('postpartum within a year and breastfeeding are shown', () => {
    const items = deriveSafety(
      record({ diagnoses: [diagnosis('postpartum', { code: 'Z39.2', onset: '2026-06-01' }), diagnosis('breastfeeding', { code: 'Z39.1', onset: '2026-06-01' })] }),
    );
    expect(items.map((i) => i.kind)).toEqual(['postpartum', 'breastfeeding']);
  });
});

describe('medications and conditions', () => {
  it('a current MAOI, clozapine and lithium are shown with what they ask for; stopped ones are not', () => {
    const items = deriveSafety(
      record({
        trials: [
          trial('tranylcypromine', { class: 'maoi', end: null, start: '2026-05-01', maxDailyDoseMg: 40, durationDays: 206, durationText: '29 weeks' }),
          trial('clozapine', { class: 'antipsychotic', end: null, start: '2026-01-01' }),
          trial('lithium', { class: 'mood-stabilizer', end: null, start: '2025-01-01' }),
          trial('phenelzine', { class: 'maoi', end: '2025-01-01' }),
        ],
      }),
    );
    expect(items.map((i) => i.kind)).toEqual(['maoi', 'clozapine', 'lithium']);
    // The trial's own duration words, as the timeline, the cards and the note say them.
    expect(items[0]).toMatchObject({ title: 'MAOI now: tranylcypromine', detail: '40 mg/day, for 29 weeks.' });
    expect(items[0]?.action).toMatch(/No serotonergic drugs/);
    expect(items[1]?.action).toMatch(/ANC.*myocarditis.*constipation.*smoking/);
  });

  it('for a deceased patient, medications still taken at death say "at death", never "now", and ask nothing more', () => {
    const derived = record({
      trials: [
        trial('lithium', { class: 'mood-stabilizer', end: null, start: '2024-01-01', maxDailyDoseMg: 900, durationDays: 1017, durationText: '145 weeks (2 years)' }),
        trial('tranylcypromine', { class: 'maoi', end: null, start: '2026-05-01', maxDailyDoseMg: 40 }),
      ],
    });
    const dead = { ...derived, demographics: { birthDate: '1963-01-01', ageYears: 63, deceased: true, deceasedDate: '2026-10-13', source: 'Patient/p1' } };
    const items = deriveSafety(dead);
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['deceased', 'Deceased'],
      ['maoi', 'MAOI at death: tranylcypromine'],
      ['lithium', 'Lithium at death'],
    ]);
    expect(items[2]).toMatchObject({ detail: '900 mg/day, for 145 weeks (2 years) until death.' });
    expect(items[2]?.action).toBeUndefined();
    // The regimen at death: the records still open on the day of death, in the order they were started.
    const closedAtDeath = { ...dead, trials: [trial('sertraline', { end: '2025-01-01', start: '2024-06-01' }), trial('lithium', { end: '2026-10-13', start: '2024-01-01' })] };
    expect(regimenNow(closedAtDeath).map((t) => t.ingredient)).toEqual(['lithium']);
    for (const i of items) expect(`${i.title} ${i.detail}`).not.toMatch(/\bnow\b/i);
  });

  it('psychotic features, catatonia and substance use (coded or flagged) are shown', () => {
    const derived = record({
      diagnoses: [diagnosis('psychotic-features', { code: 'F32.3' }), diagnosis('catatonia', { code: 'F06.1' }), diagnosis('substance-use', { code: 'F10.20' })],
      assessments: [assessment('mdd', { flags: [flag('substance-use', 'Alcohol use disorder recorded', ['Condition/substance-use'])] })],
      scores: [PHQ9_NOW, score('phq9-item9', 0, '2026-11-17')],
    });
    expect(deriveSafety(derived).map((i) => i.kind)).toEqual(['catatonia', 'psychotic-features', 'substance-use']);
  });

  it('no item carries a resource id or a diagnosis code in its words, and every rule has sources', () => {
    const derived = mdd(2, {
      scores: [PHQ9_NOW, score('phq9-item9', 3, '2026-11-20')],
      diagnoses: [
        diagnosis('pregnancy', { display: 'Pregnant state, incidental', code: 'Z33.1', onset: '2026-09-01' }),
        diagnosis('pregnancy', { display: '12 weeks gestation of pregnancy', code: 'Z3A.12', onset: '2026-11-01' }),
        diagnosis('suicidal-ideation', { display: 'Suicidal ideations', code: 'R45.851', onset: '2026-11-20' }),
        diagnosis('overdose', { display: '', code: 'T43.212A', onset: '2024-10-01', clinicalStatus: 'resolved' }),
        diagnosis('substance-use', { display: 'Alcohol dependence, uncomplicated', code: 'F10.20' }),
      ],
    });
    const items = deriveSafety(derived);
    expect(items.map((i) => i.kind)).toEqual(['overdose', 'suicidal-ideation', 'suicidality-screen', 'pregnancy', 'substance-use']);
    for (const item of items) {
      const words = `${item.title} ${item.detail} ${item.action ?? ''}`;
      expect(words).not.toMatch(/(Observation|Condition|MedicationRequest|Patient)\//);
      expect(words, words).not.toMatch(/\b(Z33\.1|Z3A\.12|R45\.851|T43\.212A|F10\.20)\b/);
      expect(item.references.length).toBeGreaterThan(0);
    }
    for (const rule of SAFETY_RULES) expect(rule.references?.length, rule.id).toBeGreaterThan(0);
  });
});

describe('death (Patient.deceasedDateTime / deceasedBoolean)', () => {
  const patient = (extra: Partial<Patient>): Patient => ({ resourceType: 'Patient', id: 'p1', birthDate: '1960-03-15', ...extra });

  it('reads the date of death; the age is taken at death', () => {
    expect(demographicsOf([patient({ deceasedDateTime: '2026-10-13T04:00:00Z' })], 'p1', '2026-11-22')).toEqual({
      birthDate: '1960-03-15',
      ageYears: 66,
      deceased: true,
      deceasedDate: '2026-10-13',
      source: 'Patient/p1',
    });
    expect(demographicsOf([patient({ deceasedBoolean: true })], 'p1', '2026-11-22')).toMatchObject({ deceased: true, deceasedDate: null });
    expect(demographicsOf([patient({})], 'p1', '2026-11-22')).toMatchObject({ deceased: false, ageYears: 66 });
    expect(demographicsOf([], 'p1', '2026-11-22')).toMatchObject({ deceased: false, ageYears: null, source: null });
  });

  it('a deceased patient gets the deceased item first, no suggestions, and a derivation that ends at death', () => {
    const resources: Resource[] = [
      patient({ deceasedDateTime: '2026-10-13' }),
      {
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/p1' },
        code: { coding: [{ system: ICD, code: 'F33.2' }] },
        clinicalStatus: { coding: [{ code: 'active' }] },
        onsetDateTime: '2024-01-01',
      } as Resource,
    ];
    const d = derivePatient({ patientId: 'p1', resources }, { asOf: '2026-11-22' });
    expect(d.demographics).toMatchObject({ deceased: true, deceasedDate: '2026-10-13' });
    expect(d.suggestions).toEqual([]);
    expect(d.safety[0]).toMatchObject({ kind: 'deceased', title: 'Deceased', date: '2026-10-13', sources: ['Patient/p1'] });
    expect(`${d.safety[0]?.detail} ${d.safety[0]?.action ?? ''}`).toMatch(/No options are suggested and nothing is written back/);
    expect(d.notes.join(' ')).not.toMatch(/died/);
  });
});

describe('safety condition codes (ICD-10-CM)', () => {
  const kindOf = (code: string) => classifyCondition({ coding: [{ system: ICD, code }] })?.kind ?? null;
  it('recognises intentional (6th character 2) and undetermined (4) drug poisonings as overdoses, not accidental ones (1)', () => {
    expect(kindOf('T43.212A')).toBe('overdose');
    expect(kindOf('T42.4X4A')).toBe('overdose');
    expect(kindOf('T43.211A')).toBeNull();
  });
  it('recognises suicide attempt, self-harm, postpartum and breastfeeding codes', () => {
    expect(kindOf('T14.91XA')).toBe('suicide-attempt');
    expect(kindOf('Z91.51')).toBe('suicide-attempt');
    expect(kindOf('R45.88')).toBe('self-harm');
    expect(kindOf('X78.9XXA')).toBe('self-harm');
    expect(kindOf('O90.6')).toBe('postpartum');
    expect(kindOf('Z39.1')).toBe('breastfeeding');
    expect(kindOf('R45.851')).toBe('suicidal-ideation');
  });
});
