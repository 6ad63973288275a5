/**
 * Substance use that the record shows by detox stays, overdoses and opioid orders rather than a coded disorder (as the
 * public SMART sandbox's Synthea patients record it), and psychotherapy counted as a treatment trial where the
 * resistance definition counts it. Records are hand-made in the sandbox's shapes; nothing is copied from its bundles.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { accountingHolds } from '../../../src/clinical/accounting';
import type { Derivation } from '../../../src/clinical/types';
import { assessment, diagnosis, record, suggestionOf, trial } from '../suggestions/builder';
import {
  AS_OF,
  PID,
  carePlan,
  datesFrom,
  encounter,
  icdCondition,
  patient,
  ref,
  rxOrder,
  scaleObservation,
  sessions,
  snomedCondition,
} from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  const all = [patient(), ...resources];
  const d = derivePatient({ patientId: PID, resources: all }, { asOf: AS_OF });
  expect(accountingHolds(all.length, d.used, d.unused)).toBe(true);
  return d;
}
const MDD: [string, string] = ['370143000', 'Major depression disorder'];
const PTSD: [string, string] = ['47505003', 'Posttraumatic stress disorder'];
const OCD: [string, string] = ['191736004', 'Obsessive-compulsive disorder'];
const OVERDOSE: [string, string] = ['55680006', 'Drug overdose'];
const DETOX: [string, string] = ['56876005', 'Drug rehabilitation and detoxification'];
const ER: [string, string] = ['50849002', 'Emergency Room Admission'];
const flagOf = (d: Derivation, kind: string) => d.assessments.flatMap((a) => a.flags).find((f) => f.kind === kind);
const safetyOf = (d: Derivation, kind: string) => d.safety.find((s) => s.kind === kind);

describe('substance use shown by detox stays, overdoses and opioid orders, without a coded disorder', () => {
  it('MDD with a detox stay and no substance use disorder coded: the assessment flags substance use with the stay\'s date, the safety strip shows it, and integrated treatment is suggested', () => {
    const detox = encounter('IMP', DETOX, '2019-03-02', { end: '2019-03-09' });
    const d = derive([snomedCondition(MDD[0], MDD[1], '2018-01-01'), rxOrder('328670', 'Sertraline 100MG', '2018-01-05', 'active'), detox]);
    expect(d.diagnoses.some((x) => x.kind === 'substance-use')).toBe(false);
    expect(flagOf(d, 'substance-use')).toEqual({ kind: 'substance-use', text: 'co-occurring substance use (no active disorder coded): detox stay 2019-03-02', sources: [ref(detox)] });
    expect(safetyOf(d, 'substance-use')?.detail).toBe('co-occurring substance use (no active disorder coded): detox stay 2019-03-02.');
    expect(safetyOf(d, 'substance-use')?.sources).toEqual([ref(detox)]);
    expect(d.suggestions.find((s) => s.intervention === 'integrated-dual-diagnosis')?.status).toBe('suggested');
  });

  it('a drug overdose (SNOMED CT 55680006) with opioid orders alongside: the flag names the overdose and the opioid with their dates', () => {
    const od = snomedCondition(OVERDOSE[0], OVERDOSE[1], '2020-05-01');
    const opioid = rxOrder('856980', 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet', '2019-11-01', 'stopped', { units: null });
    const d = derive([snomedCondition(MDD[0], MDD[1], '2018-01-01'), rxOrder('328670', 'Sertraline 100MG', '2018-01-05', 'active'), od, opioid]);
    expect(flagOf(d, 'substance-use')?.text).toBe('co-occurring substance use (no active disorder coded): overdose 2020-05-01 (Drug overdose); hydrocodone ordered 2019-11-01 to 2019-11-30');
    expect(flagOf(d, 'substance-use')?.sources).toEqual([ref(od), ref(opioid)]);
    expect(d.substanceUse).toMatchObject({ substances: ['opioid'], probableOpioidUseDisorder: true, activeOpioidOrders: [] });
  });

  it('an intentional antidepressant overdose (ICD-10-CM T43.212A) is an overdose on the safety strip but not substance use', () => {
    const od = icdCondition('T43.212A', 'Poisoning by selective serotonin and norepinephrine reuptake inhibitors, intentional self-harm, initial encounter', '2024-02-01');
    const d = derive([snomedCondition(MDD[0], MDD[1], '2018-01-01'), od]);
    expect(d.substanceUse).toBeNull();
    expect(safetyOf(d, 'overdose')?.sources).toEqual([ref(od)]);
    expect(safetyOf(d, 'substance-use')).toBeUndefined();
    expect(flagOf(d, 'substance-use')).toBeUndefined();
  });

  it('overdoses and detox stays with no condition the app assesses (as in the sandbox\'s opioid histories): the safety strip shows substance use with every date', () => {
    const od = snomedCondition(OVERDOSE[0], OVERDOSE[1], '2003-05-01');
    const odVisit = encounter('EMER', ER, '2013-06-01', { reason: OVERDOSE });
    const detox1 = encounter('IMP', DETOX, '2013-07-01', { end: '2013-07-08' });
    const detox2 = encounter('IMP', DETOX, '2014-02-01', { end: '2014-02-08' });
    const d = derive([od, odVisit, detox1, detox2]);
    expect(d.assessments).toEqual([]);
    const item = safetyOf(d, 'substance-use')!;
    expect(item.detail).toBe(
      'no active disorder coded: detox stays 2013-07-01, 2014-02-01; overdoses 2003-05-01 (Drug overdose), 2013-06-01 (Emergency Room Admission for Drug overdose).',
    );
    expect(item.sources).toEqual([ref(detox1), ref(detox2), ref(od), ref(odVisit)]);
    expect(d.safety.map((s) => s.kind)).toEqual(['overdose', 'substance-use']);
  });

  it('a coded opioid use disorder with a later detox stay: the safety item gives both', () => {
    const oud = snomedCondition('5602001', 'Opioid abuse (disorder)', '1988-06-01');
    const detox = encounter('IMP', DETOX, '2019-03-02', { end: '2019-03-09' });
    const d = derive([oud, detox]);
    expect(safetyOf(d, 'substance-use')?.detail).toBe('“Opioid abuse (disorder)”; onset 38 years ago, still active; detox stay 2019-03-02.');
    expect(safetyOf(d, 'substance-use')?.action).toBe('Probable opioid use disorder: assess for opioid use disorder and its treatment, offer naloxone, review suicide risk.');
  });

  it("esketamine's abuse-and-misuse caution names substance use shown by a detox stay when no disorder is coded", () => {
    const detox = { text: 'detox stay 2019-03-02', sources: ['Encounter/detox'] };
    const trials = [trial('sertraline'), trial('venlafaxine')];
    const derived = {
      ...record({ trials, assessments: [assessment('mdd', { trials })], ageYears: 40 }),
      substanceUse: { substances: ['unspecified'], findings: [detox], probableOpioidUseDisorder: false, activeOpioidOrders: [], shownByEvents: detox },
    };
    const caution = suggestionOf(derived, 'esketamine').cautions.find((c) => c.text.includes('history of substance use disorder'));
    expect(caution?.text).toMatch(/^detox stay 2019-03-02: a history of substance use disorder, current or past, raises the risk of abuse and misuse of esketamine/);
    expect(caution?.sources).toEqual(['Encounter/detox']);
  });

  it('without substance use shown by events, the caution still comes from a coded disorder only', () => {
    const trials = [trial('sertraline'), trial('venlafaxine')];
    const plain = record({ trials, assessments: [assessment('mdd', { trials })], ageYears: 40 });
    expect(suggestionOf(plain, 'esketamine').cautions.some((c) => c.text.includes('history of substance use disorder'))).toBe(false);
    const coded = record({ trials, assessments: [assessment('mdd', { trials })], diagnoses: [diagnosis('substance-use', { display: 'Alcohol dependence', code: 'F10.20' })], ageYears: 40 });
    expect(suggestionOf(coded, 'esketamine').cautions.find((c) => c.text.includes('history of substance use disorder'))?.sources).toEqual(['Condition/substance-use']);
  });
});

describe('psychotherapy counted where the definition counts it', () => {
  /** PTSD with an ongoing sertraline trial that has not helped (CAPS-5 60 → 52) and a course of trauma therapy. */
  function ptsdWithTherapy(sessionCount: number) {
    const scores = [
      scaleObservation('CAPS-5', '2019-01-01', 60),
      scaleObservation('CAPS-5', '2019-04-01', 59),
      scaleObservation('CAPS-5', '2019-07-25', 58),
      scaleObservation('CAPS-5', '2019-10-10', 52),
    ];
    const therapy = sessions('406185000', 'Trauma therapy (regime/therapy)', datesFrom('2019-08-01', sessionCount, 7));
    return { resources: [snomedCondition(PTSD[0], PTSD[1], '2018-12-01'), rxOrder('328670', 'Sertraline 100MG', '2019-01-01', 'active'), ...scores, ...therapy], therapy, scores };
  }

  it('PTSD: a failed adequate course of trauma-focused therapy (10 sessions, CAPS-5 58 → 52) counts as the second failed treatment beside sertraline', () => {
    const { resources, therapy, scores } = ptsdWithTherapy(10);
    const d = derive(resources);
    const a = d.assessments.find((x) => x.condition === 'ptsd')!;
    expect(a.therapyTrials).toEqual([
      {
        modality: 'trauma-focused',
        display: 'trauma-focused therapy sessions',
        start: '2019-08-01',
        end: '2019-10-03',
        sessions: 10,
        adequate: true,
        adequacyReason: '10 sessions (8 needed)',
        outcome: 'nonresponse',
        outcomeDetail: 'CAPS-5 58 → 52 (−10%, 2019-07-25 → 2019-10-10)',
        failed: true,
        sources: [...therapy.map(ref), ref(scores[2]!), ref(scores[3]!)],
      },
    ]);
    expect(a.failedAdequateTrials).toBe(1);
    expect(a.status).toBe('meets');
    expect(a.conclusion).toContain(
      'and 1 failed adequate psychotherapy course (trauma-focused therapy sessions (10 sessions, 2019-08-01 to 2019-10-03): CAPS-5 58 → 52 (−10%, 2019-07-25 → 2019-10-10))',
    );
  });

  it('PTSD: a course of 5 sessions is not an adequate trial and does not count; the conclusion says why', () => {
    const d = derive(ptsdWithTherapy(5).resources);
    const a = d.assessments.find((x) => x.condition === 'ptsd')!;
    expect(a.therapyTrials.map((t) => [t.adequate, t.adequacyReason, t.failed])).toEqual([[false, '5 sessions (8 needed)', false]]);
    expect(a.status).toBe('does-not-meet');
    expect(a.conclusion).toContain('not adequate: 5 sessions (8 needed)');
  });

  it('PTSD: trauma therapy given is reported as given, not suggested as new, whether or not it counted as a failure; a different one is to consider', () => {
    const d = derive(ptsdWithTherapy(10).resources);
    const s = d.suggestions.find((x) => x.intervention === 'trauma-focused-therapy')!;
    expect(s.status).toBe('consider');
    // The alternatives to consider lead; what was given comes second.
    expect(s.reasons[0]!.text).toMatch(/^A different trauma-focused therapy from the one given: prolonged exposure, cognitive processing therapy or EMDR \(/);
    expect(s.reasons[1]!.text).toBe('Already given: trauma-focused therapy sessions, 2019-08-01 to 2019-10-03 (completed); not suggested as new.');
  });

  it('OCD: a completed care-plan course of CBT without session counts is judged by its length; with Y-BOCS 30 → 27 it is a failed adequate trial of CBT, ERP is reported as given, and intensified ERP is to consider', () => {
    const plan = carePlan('completed', ['736254008', 'Psychiatry care plan'], '2021-01-04', '2021-05-03', [
      ['228557008', 'Cognitive and behavioral therapy (regime/therapy)', 'completed'],
    ]);
    const d = derive([
      snomedCondition(OCD[0], OCD[1], '2020-06-01'),
      plan,
      scaleObservation('Y-BOCS', '2021-01-02', 30),
      scaleObservation('Y-BOCS', '2021-05-10', 27),
    ]);
    const a = d.assessments.find((x) => x.condition === 'ocd')!;
    expect(a.therapyTrials.map((t) => [t.sessions, t.adequacyReason, t.outcome, t.failed])).toEqual([
      [null, 'sessions not recorded; completed course of 17 weeks (13 needed when sessions are not recorded)', 'nonresponse', true],
    ]);
    expect(a.status).toBe('does-not-meet');
    expect(a.conclusion).toMatch(/^Does not meet treatment-resistant OCD .*: 0 failed adequate trials in the current episode, and 1 failed adequate psychotherapy course \(Cognitive and behavioral therapy \(regime\/therapy\) \(2021-01-04 to 2021-05-03\): Y-BOCS 30 → 27/);
    const erp = d.suggestions.find((s) => s.intervention === 'erp')!;
    expect(erp.status).toBe('consider');
    expect(erp.reasons.slice(0, 2).map((r) => r.text.split(' (')[0])).toEqual([
      'Intensified ERP',
      'Given before: Cognitive and behavioral therapy',
    ]);
  });

  it('a Procedure with a period is one course; its sessions are counted only when its text states them', () => {
    const course = (text: string) => ({
      resourceType: 'Procedure' as const,
      id: `erp-${text.length}`,
      status: 'completed' as const,
      code: { text },
      subject: { reference: `Patient/${PID}` },
      performedPeriod: { start: '2022-03-01T10:00:00+00:00', end: '2022-07-19T10:00:00+00:00' },
    });
    const d = derive([snomedCondition(OCD[0], OCD[1], '2021-06-01'), course('Exposure and response prevention (CBT for OCD), 20 sessions'), course('Cognitive behavioural therapy')]);
    expect(d.psychotherapy.map((c) => [c.display, c.status, c.sessions])).toEqual([
      ['Exposure and response prevention (CBT for OCD), 20 sessions', 'completed', 20],
      ['Cognitive behavioural therapy', 'completed', null],
    ]);
  });

  it('MDD: CBT given in the episode is listed, not counted, and the conclusion says the definition counts antidepressant treatments', () => {
    const cbt = sessions('228557008', 'Cognitive and behavioral therapy (regime/therapy)', datesFrom('2024-01-10', 12, 7));
    const d = derive([snomedCondition(MDD[0], MDD[1], '2023-12-01'), ...cbt]);
    const a = d.assessments.find((x) => x.condition === 'mdd')!;
    expect(a.therapyTrials).toEqual([]);
    expect(a.conclusion).toContain(
      'Psychotherapy given in this episode (cognitive behavioural therapy sessions 2024-01-10 to 2024-03-27) is listed, not counted: the definition counts antidepressant treatments (Gaynes 2020), and none of the staging scales computed here (Thase-Rush, MGH-S, Maudsley) has a psychotherapy item.',
    );
  });
});
