/**
 * Staging and episode rules with small cases, each naming the source it checks.
 *
 * Worked examples: the papers that define the staging methods were searched for worked examples to encode as tests
 * (Thase & Rush 1997; Fava 2003, which defines MGH-S; Fekadu 2009 and the 2018 standardisation framework of the
 * Maudsley method, Table 3; Petersen 2005, which compared TR-S and MGH-S on charts; Ruhé 2012's review of staging
 * methods). None of the texts reachable here gives a scored example patient: each defines the stages or points only.
 * The cases below are therefore built from the definitions themselves, one per clause.
 */
import { describe, expect, it } from 'vitest';
import { EPISODE_ONSET_TOLERANCE_DAYS } from '../../../src/clinical';
import { MGHS_DURATION_OPTIMISATION_WEEKS } from '../../../src/clinical/durations';
import { ENGINE_RULES } from '../../../src/clinical/engine-rules';
import { addDays, assessmentOf, condition, derive, ect, mdd, patient, phq9, statement, trialOf, weeksAfter } from './builders';

/** Consecutive 10-week trials, each stopped for lack of effect (recorded non-response), starting 2024-01-01. */
function failedSeries(drugs: [string, number][]) {
  let start = '2024-01-01';
  return drugs.map(([name, mg]) => {
    const end = weeksAfter(start, 10);
    const s = statement(name, mg, start, end, { status: 'stopped', statusReason: [{ text: 'no response' }] });
    start = addDays(end, 1);
    return s;
  });
}

describe('Thase-Rush (Thase 1997: each stage requires the earlier ones)', () => {
  it('two SSRIs failing is stage I (one class)', () => {
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...failedSeries([['sertraline', 100], ['citalopram', 40]])]), 'mdd');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.thaseRush).toBe(1);
  });
  it('SSRI, SNRI, TCA and MAOI failing is stage IV, its basis naming the classes in clinical words', () => {
    const recs = failedSeries([['sertraline', 100], ['venlafaxine', 225], ['nortriptyline', 100], ['phenelzine', 60]]);
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...recs]), 'mdd');
    expect(a.thaseRush).toBe(4);
    expect(a.thaseRushBasis).toMatch(/^4 failed adequate trials in 4 classes: SSRI, SNRI, Tricyclic, MAOI;/);
  });
  it('stage IV plus ECT in the still-current episode without a recorded outcome stays stage IV (ECT not counted as failed)', () => {
    const recs = failedSeries([['sertraline', 100], ['venlafaxine', 225], ['nortriptyline', 100], ['phenelzine', 60]]);
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...recs, ect('2025-06-01')]), 'mdd');
    expect(a.thaseRush).toBe(4);
    expect(a.thaseRushBasis).toMatch(/ECT in the episode without a recorded failure/);
  });
  it('stage IV plus an ECT course recorded as not helping is stage V (Thase 1997: failure of bilateral ECT)', () => {
    const recs = failedSeries([['sertraline', 100], ['venlafaxine', 225], ['nortriptyline', 100], ['phenelzine', 60]]);
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...recs, ect('2025-06-01', 'No improvement after 12 treatments')]), 'mdd');
    expect(a.thaseRush).toBe(5);
  });
  it('a TCA and an MAOI failing, and nothing else, is stage II, not IV (stages III and IV require stage II first)', () => {
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...failedSeries([['nortriptyline', 100], ['phenelzine', 60]])]), 'mdd');
    expect(a.thaseRush).toBe(2);
    expect(a.thaseRushBasis).toMatch(/stage III needs stage II first/);
  });
  it('SSRI and TCA failing is stage II; SSRI, SNRI and TCA is stage III', () => {
    expect(assessmentOf(derive([patient(), mdd('2023-12-01'), ...failedSeries([['sertraline', 100], ['nortriptyline', 100]])]), 'mdd').thaseRush).toBe(2);
    const three = failedSeries([['sertraline', 100], ['venlafaxine', 225], ['nortriptyline', 100]]);
    expect(assessmentOf(derive([patient(), mdd('2023-12-01'), ...three]), 'mdd').thaseRush).toBe(3);
  });
});

describe('Maudsley Staging Method (Fekadu 2018, Table 3)', () => {
  it('severity estimated from the first PHQ-9 of the episode when the code carries none (PHQ-9 22 -> severe, 4)', () => {
    const c = condition('F33.9', 'Major depressive disorder, recurrent, unspecified', '2025-03-01');
    const m = assessmentOf(derive([patient(), c, phq9('2025-03-05', 22)]), 'mdd').maudsley!;
    expect(m.items.find((i) => i.item === 'severity')).toMatchObject({ points: 4, basis: 'estimated' });
  });
  it('psychotic features score severity 5 (data)', () => {
    const c = condition('F33.3', 'Major depressive disorder, recurrent, severe with psychotic symptoms', '2025-03-01');
    const m = assessmentOf(derive([patient(), c]), 'mdd').maudsley!;
    expect(m.items.find((i) => i.item === 'severity')).toMatchObject({ points: 5, basis: 'data' });
  });
  it('an episode over 24 months is chronic (3); augmentation used adds 1; band from the total', () => {
    const s = statement('sertraline', 150, '2023-01-01', '2024-01-01');
    const li = statement('lithium', 900, '2023-03-01', '2023-09-01');
    const m = assessmentOf(derive([patient(), mdd('2022-06-01'), s, li]), 'mdd').maudsley!;
    expect(m.items.find((i) => i.item === 'duration')?.points).toBe(3);
    expect(m.items.find((i) => i.item === 'augmentation')?.points).toBe(1);
    expect(m.band).toBe(m.score <= 6 ? 'mild' : m.score <= 10 ? 'moderate' : 'severe');
  });
  it('no onset date: duration is missing and scored at its minimum', () => {
    const m = assessmentOf(derive([patient(), mdd(null)]), 'mdd').maudsley!;
    expect(m.items.find((i) => i.item === 'duration')).toMatchObject({ points: 1, basis: 'missing' });
  });
});

describe('MGH-S (Fava 2003)', () => {
  it('+1 per failure, +0.5 per dose optimisation of a failed trial, +0.5 per duration optimisation, +0.5 per augmentation', () => {
    const s1 = statement('sertraline', 50, '2024-01-01', '2024-02-15');
    const s2 = statement('sertraline', 150, '2024-02-16', '2024-05-01', { status: 'stopped', statusReason: [{ text: 'no response' }] });
    const ari = statement('aripiprazole', 5, '2024-03-01', '2024-05-01');
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), s1, s2, ari]), 'mdd');
    expect(a.failedAdequateTrials).toBe(1);
    // 1 + 0.5 (50 -> 150 mg, beyond the adequate 50 mg) + 0.5 (17 weeks at >= 50 mg) + 0.5 (aripiprazole)
    expect(a.mghs).toBe(2.5);
  });
  it('an ECT course adds 3 (two failed trials in two classes + ECT = 5)', () => {
    const recs = failedSeries([['sertraline', 100], ['venlafaxine', 225]]);
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...recs, ect('2025-06-01')]), 'mdd');
    expect(a.mghs).toBe(5);
    expect(a.mghsBasis).toMatch(/ \+ ECT \+ 3$/);
  });
  it('a trial below the minimum adequate dose scores nothing (sertraline 25 mg for 10 weeks: 0)', () => {
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), ...failedSeries([['sertraline', 25]])]), 'mdd');
    expect(a.mghs).toBe(0);
    expect(a.thaseRush).toBe(0);
  });
  it('titration up to the minimum adequate dose is not an optimisation (sertraline 25 -> 50 mg: +1 only; Fava 2003)', () => {
    const s1 = statement('sertraline', 25, '2024-01-01', '2024-01-14');
    const s2 = statement('sertraline', 50, '2024-01-15', '2024-03-31', { status: 'stopped', statusReason: [{ text: 'no response' }] });
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), s1, s2]), 'mdd');
    expect(a.failedAdequateTrials).toBe(1);
    expect(a.mghs).toBe(1); // 11 weeks at 50 mg: neither a dose nor a duration optimisation
    expect(a.mghsBasis).toMatch(/^1 failed adequate trial × 1 \+ 0 dose optimisations/);
  });
});

describe(`MGH-S optimisation of duration (Fava 2003 names it without a threshold; working rule: >= ${MGHS_DURATION_OPTIMISATION_WEEKS} weeks at adequate dose)`, () => {
  const failedSertraline = (end: string) => statement('sertraline', 100, '2024-01-01', end, { status: 'stopped', statusReason: [{ text: 'no response' }] });
  it('a failed trial held at adequate dose for 11 weeks scores +1 only; for 12 weeks +1.5, with the working rule named in the basis', () => {
    const short = assessmentOf(derive([patient(), mdd('2023-12-01'), failedSertraline(addDays('2024-01-01', 11 * 7 - 1))]), 'mdd');
    expect(short.mghs).toBe(1);
    expect(short.mghsBasis).toContain('0 duration optimisations (≥ 12 weeks at adequate dose, local working rule (unverified)) × 0.5');
    const long = assessmentOf(derive([patient(), mdd('2023-12-01'), failedSertraline(addDays('2024-01-01', 12 * 7 - 1))]), 'mdd');
    expect(long.mghs).toBe(1.5);
    expect(long.mghsBasis).toContain('1 duration optimisation (≥ 12 weeks at adequate dose, local working rule (unverified)) × 0.5');
  });
  it('weeks below the adequate dose do not count: 8 weeks at 25 mg then 8 weeks at 50 mg is 8 weeks at adequate dose (+1 only)', () => {
    const s1 = statement('sertraline', 25, '2024-01-01', addDays('2024-01-01', 55));
    const s2 = statement('sertraline', 50, addDays('2024-01-01', 56), addDays('2024-01-01', 111), { status: 'stopped', statusReason: [{ text: 'no response' }] });
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), s1, s2]), 'mdd');
    expect(a.failedAdequateTrials).toBe(1);
    expect(a.mghs).toBe(1);
  });
  it('a trial that responded scores nothing however long it ran (sertraline 100 mg for 20 weeks with remission)', () => {
    const s = statement('sertraline', 100, '2024-01-01', addDays('2024-01-01', 20 * 7 - 1));
    const a = assessmentOf(derive([patient(), mdd('2023-12-01'), s, phq9('2023-12-28', 20), phq9(addDays('2024-01-01', 19 * 7), 4)]), 'mdd');
    expect(a.mghs).toBe(0);
  });
  it('is listed among the rules as unverified (U), citing Fava 2003 and the project\'s working rule', () => {
    const r = ENGINE_RULES.find((x) => x.id === 'staging.mgh-s.duration-optimisation')!;
    expect(r.verification).toBe('U');
    expect(r.references).toEqual(['fava2003', 'petersen2005', 'projectWorkingRule']);
  });
});

describe('episodes', () => {
  it(`a trial started up to ${EPISODE_ONSET_TOLERANCE_DAYS} days before the recorded onset belongs to the episode`, () => {
    const d = derive([patient(), mdd('2025-03-01'), statement('sertraline', 100, '2025-02-01', null)]);
    expect(trialOf(d, 'sertraline').episodeId).toBe('mdd-episode-1');
  });
  it('overlapping diagnoses of one condition form one episode; a resolved one without date is not current', () => {
    const d = derive([patient(), mdd('2024-01-01'), mdd('2024-06-01')]);
    expect(d.episodes).toHaveLength(1);
    const resolved = mdd('2020-01-01');
    resolved.clinicalStatus = { coding: [{ code: 'resolved' }] };
    const d2 = derive([patient(), resolved]);
    expect(d2.episodes[0]?.current).toBe(false);
    expect(assessmentOf(d2, 'mdd').conclusion).toMatch(/latest episode .*none current/);
  });
});

describe('other conditions (Hidalgo-Mazzei 2019; APA 2007 OCD guideline)', () => {
  it('bipolar depression: two different guideline treatments without remission meet TRBD (Hidalgo-Mazzei 2019 [V])', () => {
    const recs = failedSeries([['quetiapine', 300], ['lurasidone', 80]]);
    const a = assessmentOf(derive([patient(), condition('F31.4', 'Bipolar disorder, current episode depressed, severe', '2023-12-01'), ...recs]), 'bipolar-depression');
    expect(a.failedAdequateTrials).toBe(2);
    expect(a.treatmentResistant).toBe(true);
    expect(a.thaseRush).toBeUndefined();
  });
  it('OCD: two SRI trials of >= 12 weeks failing meet the working rule; the definition is tagged U', () => {
    const recs = [
      statement('fluoxetine', 60, '2023-01-01', '2023-05-01', { status: 'stopped', statusReason: [{ text: 'no response' }] }),
      statement('clomipramine', 200, '2023-05-02', '2023-09-01', { status: 'stopped', statusReason: [{ text: 'no response' }] }),
    ];
    const a = assessmentOf(derive([patient(), condition('F42.2', 'Mixed obsessional thoughts and acts', '2022-01-01'), ...recs]), 'ocd');
    expect(a.treatmentResistant).toBe(true);
    expect(a.definition.verification).toBe('U');
  });
});

describe('episodes split at documented remission and relapse (rule episodes.remission-split, U)', () => {
  it('a years-old "recurrent MDD" entry with PHQ-9 remission then relapse: failures before the remission do not count now', () => {
    const old = failedSeries([['sertraline', 100], ['citalopram', 40]]); // 2024-01-01 .. ~2024-06
    const rec = [
      patient(),
      mdd('2015-01-01'),
      ...old,
      phq9('2024-08-01', 3), // remission
      phq9('2025-05-01', 16), // relapse
      statement('escitalopram', 20, '2025-05-10', null),
    ];
    const d = derive(rec);
    const a = assessmentOf(d, 'mdd');
    expect(d.episodes).toHaveLength(2);
    expect(a.currentEpisode?.start).toBe('2025-05-01');
    expect(a.currentEpisode?.basis).toMatch(/relapse \(PHQ-9 16 on 2025-05-01\) after remission \(PHQ-9 3 on 2024-08-01\)/);
    expect(a.failedAdequateTrials).toBe(0);
  });

  it('without a remission score the diagnosed span stays one episode', () => {
    const d = derive([patient(), mdd('2015-01-01'), phq9('2024-08-01', 12), phq9('2025-05-01', 16)]);
    expect(d.episodes).toHaveLength(1);
  });
});
