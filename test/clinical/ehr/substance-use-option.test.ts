/**
 * Substance use as an option of its own: "Substance-use assessment and treatment" (the addiction service, with the
 * medication treatment of each substance found) whenever the record shows substance use or an overdose of a drug of
 * abuse, with or without a psychiatric diagnosis the app assesses; integrated dual-diagnosis treatment only beside a
 * second disorder the app assesses. Records are hand-made in the public sandbox's shapes.
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { defaultServiceFor } from '../../../src/clinical/suggestions/catalog';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, encounter, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}
const option = (d: Derivation, id: string) => d.suggestions.find((s) => s.intervention === id)!;

const ALCOHOLISM: [string, string] = ['7200002', 'Alcoholism'];
const OPIOID_ABUSE: [string, string] = ['5602001', 'Opioid abuse (disorder)'];
const TOBACCO: [string, string] = ['449868002', 'Smokes tobacco daily'];
const MDD: [string, string] = ['370143000', 'Major depression disorder'];
const OVERDOSE: [string, string] = ['55680006', 'Drug overdose'];
const DETOX: [string, string] = ['56876005', 'Drug rehabilitation and detoxification'];

const CRITERION =
  'Criterion: Substance use or an overdose of a drug of abuse in the record (a current substance use disorder, detox stays, overdoses): assessment and treatment by the addiction service, with the medication treatment of each substance found. (SAMHSA TIP 42; ASAM OUD guideline 2020; APA alcohol use disorder guideline 2018: assessment and treatment of substance use disorders; medications for opioid and alcohol use disorder [secondary source])';
const FOR_ALCOHOL =
  'For alcohol use disorder: naltrexone or acamprosate, with a psychological intervention (after assisted withdrawal where dependence is moderate or severe) (APA alcohol use disorder guideline 2018; NICE CG115: naltrexone or acamprosate offered in moderate to severe alcohol use disorder; after assisted withdrawal, acamprosate or oral naltrexone with an individual psychological intervention [secondary source])';
const FOR_OPIOIDS =
  'For opioid use disorder: buprenorphine or methadone, and naloxone to take home for the patient and family (ASAM OUD guideline 2020; SAMHSA TIP 63: methadone, buprenorphine and naltrexone are the approved medications for opioid use disorder; naloxone prescribed to patients treated for opioid use disorder and to their families [secondary source])';
const DUAL_NOT_APPLICABLE =
  'Not applicable: Integrated dual-diagnosis treatment is for major depressive disorder, bipolar depression, schizophrenia, obsessive-compulsive disorder, posttraumatic stress disorder, and none is recorded.';

describe('substance-use assessment and treatment', () => {
  it('alcoholism alone (no second disorder): the substance-use option is suggested with naltrexone or acamprosate, leads the next step and goes to the addiction service; dual diagnosis is not applicable', () => {
    const alcoholism = snomedCondition(ALCOHOLISM[0], ALCOHOLISM[1], '2001-08-13');
    const d = derive([alcoholism]);
    const s = option(d, 'substance-use-treatment');
    expect(s.name).toBe('Substance-use assessment and treatment');
    expect(s.status).toBe('suggested');
    expect(s.reasons.map((r) => r.text)).toEqual(['Alcoholism, since 2001-08-13', FOR_ALCOHOL, CRITERION]);
    expect(s.reasons[0]!.sources).toEqual([ref(alcoholism)]);
    expect(d.nextStep).toEqual({ kind: 'option', intervention: 'substance-use-treatment', text: '', sources: [] });
    expect(defaultServiceFor('substance-use-treatment').name).toBe('Addiction service');
    expect(option(d, 'integrated-dual-diagnosis').status).toBe('not-applicable');
    expect(option(d, 'integrated-dual-diagnosis').reasons.map((r) => r.text)).toEqual([DUAL_NOT_APPLICABLE]);
  });

  it('opioid abuse alone: buprenorphine or methadone, and naloxone; dual diagnosis is not applicable', () => {
    const d = derive([snomedCondition(OPIOID_ABUSE[0], OPIOID_ABUSE[1], '1988-10-25')]);
    expect(option(d, 'substance-use-treatment').reasons.map((r) => r.text)).toEqual(['Opioid abuse (disorder), since 1988-10-25', FOR_OPIOIDS, CRITERION]);
    expect(option(d, 'integrated-dual-diagnosis').status).toBe('not-applicable');
  });

  it('overdoses, a detox stay and opioid orders with no disorder coded (probable opioid use disorder): suggested, with the events and the opioid treatment', () => {
    const od = snomedCondition(OVERDOSE[0], OVERDOSE[1], '2017-08-29');
    const detox = encounter('IMP', DETOX, '2017-09-05', { end: '2017-09-12' });
    const opioid = rxOrder('856980', 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet', '2016-03-01', 'stopped', { units: null });
    const d = derive([od, detox, opioid]);
    const s = option(d, 'substance-use-treatment');
    expect(s.status).toBe('suggested');
    expect(s.reasons.map((r) => r.text)).toEqual([
      'Detox stay 2017-09-05; overdose 2017-08-29 (Drug overdose); hydrocodone ordered 2016-03-01 to 2016-03-30',
      FOR_OPIOIDS,
      CRITERION,
    ]);
    expect(s.reasons[0]!.sources).toEqual([ref(detox), ref(od), ref(opioid)]);
    expect(option(d, 'integrated-dual-diagnosis').status).toBe('not-applicable');
  });

  it('overdoses and detox stays that name no substance: asking which comes first', () => {
    const d = derive([snomedCondition(OVERDOSE[0], OVERDOSE[1], '2003-01-23'), encounter('IMP', DETOX, '2013-03-03', { end: '2013-03-10' })]);
    expect(option(d, 'substance-use-treatment').reasons.map((r) => r.text)).toEqual([
      'Detox stay 2013-03-03; overdose 2003-01-23 (Drug overdose)',
      'The substances are not recorded: ask which were used, and treat each',
      CRITERION,
    ]);
  });

  it('MDD with alcoholism: integrated dual-diagnosis treatment and the substance-use option are both suggested', () => {
    const d = derive([snomedCondition(MDD[0], MDD[1], '2020-01-01'), snomedCondition(ALCOHOLISM[0], ALCOHOLISM[1], '2019-05-01')]);
    expect(option(d, 'integrated-dual-diagnosis').status).toBe('suggested');
    expect(option(d, 'substance-use-treatment').status).toBe('suggested');
  });

  it('a resolved alcohol disorder only: to consider, asking about current use', () => {
    const d = derive([snomedCondition(ALCOHOLISM[0], ALCOHOLISM[1], '2010-01-01', '2015-06-30')]);
    const s = option(d, 'substance-use-treatment');
    expect(s.status).toBe('consider');
    expect(s.reasons.map((r) => r.text)).toEqual([
      'Past: Alcoholism, 2010-01-01 to 2015-06-30, resolved',
      FOR_ALCOHOL,
      'Criterion: A past substance use disorder only: ask about current use; assessment by the addiction service if use continues or relapse threatens. (SAMHSA TIP 42; local working rule (unverified): offering assessment after a past substance use disorder, to ask about current use and relapse)',
    ]);
  });

  it('tobacco use alone, and no substance use at all: not eligible (never "not applicable"), saying why', () => {
    const tobacco = option(derive([snomedCondition(TOBACCO[0], TOBACCO[1], '2003-08-18')]), 'substance-use-treatment');
    expect([tobacco.status, tobacco.reasons.map((r) => r.text)]).toEqual([
      'not-eligible',
      [
        'No substance use other than tobacco, and no overdose of a drug of abuse, is recorded.',
        'Tobacco use alone is not a reason for this option:',
        'Smokes tobacco daily since 2003-08-18',
      ],
    ]);
    const none = option(derive([snomedCondition(MDD[0], MDD[1], '2020-01-01')]), 'substance-use-treatment');
    expect([none.status, none.reasons.map((r) => r.text)]).toEqual(['not-eligible', ['No substance use other than tobacco, and no overdose of a drug of abuse, is recorded.']]);
  });

  it('the safety strip asks for integrated treatment only beside a second disorder; substance use alone is referred to the addiction service', () => {
    const alone = derive([snomedCondition(ALCOHOLISM[0], ALCOHOLISM[1], '2001-08-13')]).safety.find((i) => i.kind === 'substance-use')!;
    expect(alone.action).toBe(
      'Ask about current use; refer to the addiction service for assessment and treatment; before esketamine or ketamine, assess the risk of abuse or misuse (a history of substance use disorder raises it).',
    );
    const events = derive([snomedCondition(OVERDOSE[0], OVERDOSE[1], '2003-01-23'), encounter('IMP', DETOX, '2013-03-03', { end: '2013-03-10' })]).safety.find((i) => i.kind === 'substance-use')!;
    expect(events.action).toBe(alone.action);
    const withMdd = derive([snomedCondition(MDD[0], MDD[1], '2020-01-01'), snomedCondition(ALCOHOLISM[0], ALCOHOLISM[1], '2019-05-01')]).safety.find((i) => i.kind === 'substance-use')!;
    expect(withMdd.action).toMatch(/^Ask about current use; treat both disorders together \(integrated treatment\); /);
  });
});
