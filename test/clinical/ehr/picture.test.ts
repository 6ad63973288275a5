/**
 * The whole psychiatric picture from EHR-shaped records: diagnoses given as visit reasons, psychiatric admissions,
 * detox stays and overdoses, substance use with opioid orders, comorbidities (ADHD, dementia), indication of
 * anticonvulsants and benzodiazepines, psychotherapy from care plans and procedures, and the data notes.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { accountingHolds } from '../../../src/clinical/accounting';
import type { Derivation } from '../../../src/clinical/types';
import {
  AS_OF,
  PID,
  carePlan,
  encounter,
  loincObservation,
  patient,
  ref,
  rxOrder,
  snomedCondition,
  snomedProcedure,
} from './ehr-builders';

function derive(resources: Resource[], extraPatient = {}): Derivation {
  const all = [patient(extraPatient), ...resources];
  const d = derivePatient({ patientId: PID, resources: all }, { asOf: AS_OF });
  expect(accountingHolds(all.length, d.used, d.unused)).toBe(true);
  return d;
}
const usedFor = (d: Derivation, r: Resource) => d.used.find((u) => u.reference === ref(r))?.usedFor;
const PTSD: [string, string] = ['47505003', 'Posttraumatic stress disorder'];
const OVERDOSE: [string, string] = ['55680006', 'Drug overdose'];
const DETOX: [string, string] = ['56876005', 'Drug rehabilitation and detoxification'];
const ER: [string, string] = ['50849002', 'Emergency Room Admission'];

describe('diagnoses from visit reasons', () => {
  it('PTSD recorded only as the reason of visits is a PTSD diagnosis from the first visit, and the sertraline trial is assessed for it', () => {
    const v1 = encounter('AMB', ['185347001', 'Encounter for problem'], '2016-03-01', { reason: PTSD });
    const v2 = encounter('AMB', ['185347001', 'Encounter for problem'], '2016-05-01', { reason: PTSD });
    const order = rxOrder('328670', 'Sertraline 100MG', '2016-03-01', 'active');
    const d = derive([v1, v2, order]);
    const ptsd = d.diagnoses.find((x) => x.kind === 'ptsd')!;
    expect(ptsd).toMatchObject({ onset: '2016-03-01', abatement: null, source: ref(v1) });
    expect(ptsd.display).toBe('Posttraumatic stress disorder (reason of visits from 2016-03-01; no Condition recorded)');
    expect(d.assessments.map((a) => a.condition)).toEqual(['ptsd']);
    expect(d.notes.join(' ')).not.toMatch(/no diagnosis/);
    expect(usedFor(d, v2)).toBe('visit for Posttraumatic stress disorder');
  });

  it('a visit for a diagnosis a Condition already records adds no second diagnosis', () => {
    const condition = snomedCondition(PTSD[0], PTSD[1], '2015-06-19', '2017-03-14');
    const visit = encounter('AMB', ['185347001', 'Encounter for problem'], '2015-07-01', { reason: PTSD });
    const d = derive([condition, visit]);
    expect(d.diagnoses.filter((x) => x.kind === 'ptsd').map((x) => x.source)).toEqual([ref(condition)]);
  });

  it('an inpatient stay for depression is a psychiatric admission; a prenatal visit gives no diagnosis', () => {
    const stay = encounter('IMP', ['183452005', 'Encounter Inpatient'], '2020-02-01', { end: '2020-02-14', reason: ['36923009', 'Major depression, single episode'] });
    const prenatal = encounter('AMB', ['424619006', 'Prenatal visit'], '2021-01-01', { reason: ['72892002', 'Normal pregnancy'] });
    const d = derive([stay, prenatal]);
    expect(d.careEvents).toEqual([
      { kind: 'psychiatric-admission', start: '2020-02-01', end: '2020-02-14', display: 'Encounter Inpatient for Major depression, single episode', source: ref(stay) },
    ]);
    expect(d.diagnoses.map((x) => x.kind)).toEqual(['mdd']);
    expect(d.unused.find((u) => u.reference === ref(prenatal))?.reason).toBe('encounter without a psychiatric reason, admission or detox');
  });
});

describe('overdoses, detox stays and substance use', () => {
  it('an overdose Condition and its ER visit are one overdose; a later ER overdose is another; detox stays and an active opioid order make probable opioid use disorder', () => {
    const od = snomedCondition(OVERDOSE[0], OVERDOSE[1], '2002-11-22');
    const odVisit = encounter('EMER', ER, '2002-11-22', { reason: OVERDOSE });
    const odVisit2 = encounter('EMER', ER, '2018-04-28', { reason: OVERDOSE });
    const detox1 = encounter('IMP', DETOX, '2011-05-31', { end: '2011-06-07' });
    const detox2 = encounter('IMP', DETOX, '2019-12-22', { end: '2019-12-29' });
    const opioid = rxOrder('856980', 'Acetaminophen/Hydrocodone', '2015-07-03', 'active', { units: null });
    const d = derive([od, odVisit, odVisit2, detox1, detox2, opioid]);
    expect(d.diagnoses.filter((x) => x.kind === 'overdose').map((x) => x.onset)).toEqual(['2002-11-22', '2018-04-28']);
    expect(d.careEvents.map((e) => [e.kind, e.start])).toEqual([
      ['overdose-visit', '2002-11-22'],
      ['detox', '2011-05-31'],
      ['overdose-visit', '2018-04-28'],
      ['detox', '2019-12-22'],
    ]);
    expect(d.otherTreatments).toEqual([
      { ingredient: 'hydrocodone', indication: 'opioid analgesic', dose: null, category: 'opioid', start: '2015-07-03', end: null, sources: [ref(opioid)] },
    ]);
    expect(d.substanceUse).toMatchObject({ substances: ['opioid'], probableOpioidUseDisorder: true, activeOpioidOrders: [ref(opioid)] });
    expect(d.substanceUse!.findings.map((f) => f.text)).toEqual([
      '2 overdoses (2002-11-22, 2018-04-28)',
      '2 detox stays (2011-05-31, 2019-12-22)',
      '1 opioid course ordered (hydrocodone, 2015-07-03 to now); 1 still active',
    ]);
    expect(d.notes).toContain('Psychiatric history without a diagnosis the app assesses for treatment resistance: 2 overdoses; 2 detox stays. Nothing to stage.');
    expect(usedFor(d, detox1)).toBe('detox stay');
    expect(usedFor(d, opioid)).toBe('other treatment: hydrocodone (opioid analgesic; not a psychiatric trial)');
  });

  it('opioid orders for chronic pain without any sign of substance use are other treatment, not substance use', () => {
    const pain = snomedCondition('82423001', 'Chronic pain', '2010-01-01');
    const opioid = rxOrder('1049221', 'Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet', '2012-01-01', 'stopped', { units: null });
    const d = derive([pain, opioid]);
    expect(d.substanceUse).toBeNull();
    expect(d.otherTreatments.map((o) => o.ingredient)).toEqual(['oxycodone']);
    expect(d.notes[0]).toMatch(/^No psychiatric history found/);
  });

  it('alcoholism and daily smoking: substance use (alcohol, tobacco), a psychiatric history naming both', () => {
    const alcohol = snomedCondition('7200002', 'Alcoholism', '2001-08-13');
    const smoking = snomedCondition('449868002', 'Smokes tobacco daily', '2003-08-18');
    const d = derive([alcohol, smoking]);
    expect(d.substanceUse?.substances).toEqual(['alcohol', 'tobacco']);
    expect(d.notes).toContain('Psychiatric history without a diagnosis the app assesses for treatment resistance: Alcoholism; Smokes tobacco daily. Nothing to stage.');
  });
});

describe('indication: anticonvulsants and benzodiazepines', () => {
  const epilepsy = () => snomedCondition('84757009', 'Epilepsy', '2007-06-04');
  it('clonazepam and carbamazepine in epilepsy without a mood or anxiety disorder are treatment of the epilepsy, not trials', () => {
    const clonazepam = rxOrder('1153378', 'Clonazepam [Klonopin]', '2007-06-04', 'active', { units: null });
    const carbamazepine = rxOrder('308971', 'Carbamazepine[Tegretol]', '2007-08-20', 'active', { units: null });
    const d = derive([epilepsy(), clonazepam, carbamazepine]);
    expect(d.trials).toEqual([]);
    expect(d.otherTreatments.map((o) => [o.ingredient, o.category, o.indication, o.end])).toEqual([
      ['clonazepam', 'epilepsy', 'benzodiazepine for epilepsy: no mood or anxiety disorder is recorded', null],
      ['carbamazepine', 'epilepsy', 'anticonvulsant for epilepsy: no mood or anxiety disorder is recorded', null],
    ]);
    expect(d.notes[0]).toMatch(/^No psychiatric history found/);
    expect(usedFor(d, carbamazepine)).toBe('other treatment: carbamazepine (anticonvulsant for epilepsy: no mood or anxiety disorder is recorded; not a psychiatric trial)');
  });

  it('lamotrigine in bipolar disorder with epilepsy is a mood-stabiliser trial', () => {
    const bipolar = snomedCondition('13746004', 'Bipolar disorder', '2015-01-01');
    const lamotrigine = rxOrder('198429', 'lamotrigine 100 MG Oral Tablet', '2016-01-01', 'active', { units: 2 });
    const d = derive([epilepsy(), bipolar, lamotrigine]);
    expect(d.trials.map((t) => [t.ingredient, t.class])).toEqual([['lamotrigine', 'mood-stabilizer']]);
    expect(d.otherTreatments).toEqual([]);
  });

  it("an order's own reason decides: carbamazepine ordered for epilepsy in a patient with depression is not a trial", () => {
    const ep = epilepsy();
    const depression = snomedCondition('370143000', 'Major depression disorder', '2010-01-01');
    const carbamazepine = rxOrder('308971', 'Carbamazepine[Tegretol]', '2011-01-01', 'active', { units: null, reason: ref(ep) });
    const d = derive([ep, depression, carbamazepine]);
    expect(d.trials).toEqual([]);
    expect(d.otherTreatments[0]?.indication).toBe('anticonvulsant ordered for epilepsy');
  });
});

describe('comorbidities: ADHD and dementia', () => {
  it('ADHD with methylphenidate ordered for it: a psychiatric history, the stimulant listed as ADHD treatment', () => {
    const adhd = snomedCondition('192127007', 'Child attention deficit disorder', '2018-09-06');
    const mph = rxOrder('1091392', 'Methylphenidate Hydrochloride 20 MG Oral Tablet', '2018-09-06', 'active', { units: null, reason: ref(adhd) });
    const d = derive([adhd, mph], { birthDate: '2010-09-07' });
    expect(d.diagnoses.map((x) => x.kind)).toEqual(['adhd']);
    expect(d.otherTreatments.map((o) => [o.ingredient, o.category])).toEqual([['methylphenidate', 'adhd']]);
    expect(d.notes).toContain('Psychiatric history without a diagnosis the app assesses for treatment resistance: Child attention deficit disorder. Nothing to stage.');
  });

  it("Alzheimer's disease with MMSE scores: dementia as history, the MMSE read as cognition in a data note", () => {
    const ad = snomedCondition('26929004', "Alzheimer's disease (disorder)", '2020-03-25');
    const m1 = loincObservation('72106-8', 'Total score [MMSE]', '2020-03-25', 23.84);
    const m2 = loincObservation('72106-8', 'Total score [MMSE]', '2022-03-25', 15.9);
    const d = derive([ad, m1, m2]);
    expect(d.diagnoses.map((x) => x.kind)).toEqual(['dementia']);
    expect(d.scores).toEqual([]);
    expect(d.dataNotes).toContainEqual({
      text: 'MMSE 23.8 (2020-03-25) → 15.9 (2022-03-25): cognitive scores (0-30, lower is worse), not a symptom scale; not used for treatment outcomes.',
      sources: [ref(m1), ref(m2)],
    });
    expect(usedFor(d, m1)).toBe('MMSE score (cognition, in the data notes)');
  });
});

describe('psychotherapy', () => {
  it('a completed care plan with trauma therapy and group psychotherapy gives two courses with dates; other activities are not therapy', () => {
    const plan = carePlan('completed', ['718347000', 'Mental health care plan'], '2015-07-03', '2017-03-14', [
      ['385724002', 'Coping Support Management', 'completed'],
      ['406185000', 'Trauma Therapy', 'completed'],
      ['225337009', 'Suicide Risk Assessment', 'completed'],
      ['76168009', 'Group psychotherapy (regime/therapy)', 'completed'],
    ]);
    const draft = carePlan('draft', ['736254008', 'Psychiatry care plan'], '2026-11-01', null, [['406185000', 'Trauma Therapy', 'not-started']]);
    const d = derive([snomedCondition(PTSD[0], PTSD[1], '2015-06-19'), plan, draft]);
    expect(d.psychotherapy).toEqual([
      { modality: 'trauma-focused', display: 'Trauma Therapy', start: '2015-07-03', end: '2017-03-14', status: 'completed', sessions: null, sources: [ref(plan)] },
      { modality: 'group', display: 'Group psychotherapy (regime/therapy)', start: '2015-07-03', end: '2017-03-14', status: 'completed', sessions: null, sources: [ref(plan)] },
    ]);
    expect(usedFor(d, plan)).toBe('psychotherapy: Trauma Therapy, Group psychotherapy (regime/therapy)');
    expect(d.unused.find((u) => u.reference === ref(draft))?.reason).toBe('draft care plan (not carried out)');
  });

  it('an active psychiatry care plan with CBT in progress is an ongoing course', () => {
    const plan = carePlan('active', ['736254008', 'Psychiatry care plan'], '1993-01-09', null, [
      ['425680009', 'Cognitive behavioral therapy by multidisciplinary team', 'in-progress'],
    ]);
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '1993-01-09'), plan]);
    expect(d.psychotherapy).toEqual([
      { modality: 'cbt', display: 'Cognitive behavioral therapy by multidisciplinary team', start: '1993-01-09', end: null, status: 'in-progress', sessions: null, sources: [ref(plan)] },
    ]);
  });

  it('CBT sessions recorded as procedures weeks apart form one course', () => {
    const sessions = ['2024-01-10', '2024-01-24', '2024-02-07'].map((day) => snomedProcedure('228557008', 'Cognitive and behavioral therapy (regime/therapy)', day));
    const d = derive([snomedCondition('370143000', 'Major depression disorder', '2023-12-01'), ...sessions]);
    expect(d.psychotherapy).toEqual([
      { modality: 'cbt', display: 'cognitive behavioural therapy sessions', start: '2024-01-10', end: '2024-02-07', status: 'completed', sessions: 3, sources: sessions.map(ref) },
    ]);
  });
});

describe('data notes', () => {
  it('depression screenings without a score get one note; a screening with a PHQ-9 the same day does not', () => {
    const s1 = snomedProcedure('171207006', 'Depression screening', '2017-06-20');
    const s2 = snomedProcedure('171207006', 'Depression screening', '2018-10-25');
    const s3 = snomedProcedure('171207006', 'Depression screening', '2019-11-12');
    const phq = loincObservation('44261-6', 'PHQ-9 total score', '2019-11-12', 4);
    const d = derive([s1, s2, s3, phq]);
    expect(d.dataNotes).toContainEqual({
      text: '2 depression or mental-health screenings (2017-06-20, 2018-10-25) without a recorded score: whether a screen was positive is not in the record.',
      sources: [ref(s1), ref(s2)],
    });
  });

  it('a fluoxetine order dated 1955 is before the drug existed; a diagnosis before birth is a data error', () => {
    const mdd = snomedCondition('370143000', 'Major depression disorder', '1955-11-22');
    const order = rxOrder('406022', 'Fluoxetine 25MG', '1955-11-22', 'stopped');
    const d = derive([mdd, order], { birthDate: '1960-01-01' });
    const texts = d.dataNotes.map((n) => n.text);
    expect(texts).toContain(
      'fluoxetine recorded from 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error; check the date.',
    );
    expect(texts.find((t) => t.includes("before the patient's birth"))).toBe(
      "2 records dated before the patient's birth (1960-01-01): fluoxetine record 1955-11-22, Major depression disorder 1955-11-22: a data error.",
    );
  });
});

describe('a therapy already given', () => {
  it('PTSD after a completed course of trauma therapy: it is reported as given, not suggested as new, and a different trauma-focused therapy is to consider', () => {
    const ptsd = snomedCondition(PTSD[0], PTSD[1], '2015-06-19');
    const plan = carePlan('completed', ['718347000', 'Mental health care plan'], '2015-07-03', '2017-03-14', [['406185000', 'Trauma Therapy', 'completed']]);
    const d = derive([ptsd, plan]);
    const s = d.suggestions.find((x) => x.intervention === 'trauma-focused-therapy')!;
    expect(s.status).toBe('consider');
    // The record does not name which therapy was given: every alternative is named.
    expect(s.reasons[0]!.text).toMatch(/^A different trauma-focused therapy from the one given: prolonged exposure, cognitive processing therapy or EMDR \(VA\/DoD PTSD guideline 2023; /);
    expect(s.reasons[1]).toEqual({ text: 'Already given: Trauma Therapy, 2015-07-03 to 2017-03-14 (completed); not suggested as new.', sources: [ref(plan)] });
  });

  it('PTSD without trauma-focused therapy given: it is suggested', () => {
    const d = derive([snomedCondition(PTSD[0], PTSD[1], '2015-06-19')]);
    expect(d.suggestions.find((x) => x.intervention === 'trauma-focused-therapy')?.status).toBe('suggested');
  });
});
