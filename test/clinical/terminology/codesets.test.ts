import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Device, Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import {
  classifyCondition,
  classifyDevice,
  classifyObservation,
  classifyProcedure,
  conditionNotRecognisedReason,
  observationNotUsedReason,
  TERMINOLOGY_RULES,
} from '../../../src/clinical/terminology';
import { classifyProcedureWithRule } from '../../../src/clinical/terminology/procedure-codes';
import { schizophreniaSubtypeOf } from '../../../src/clinical/terminology/schizophrenia-subtypes';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const icd = (code: string, display?: string) => ({ coding: [{ system: ICD, code, ...(display ? { display } : {}) }] });
const sct = (code: string, display?: string) => ({ coding: [{ system: SCT, code, ...(display ? { display } : {}) }] });

describe('classifyCondition: assessed conditions (ICD-10-CM, SNOMED CT)', () => {
  it.each([
    ['F32.1', 'mdd'],
    ['F33.2', 'mdd'],
    ['F33.41', 'mdd'],
    ['f332', 'mdd'],
    ['F31.32', 'bipolar-depression'],
    ['F31.4', 'bipolar-depression'],
    ['F31.76', 'bipolar-depression'],
    ['F20.0', 'schizophrenia'],
    ['F25.1', 'schizophrenia'],
    ['F42.2', 'ocd'],
    ['F43.12', 'ptsd'],
  ])('ICD-10-CM %s -> %s', (code, kind) => {
    expect(classifyCondition(icd(code))?.kind).toBe(kind);
  });
  it('F32.3 is MDD and implies psychotic features', () => {
    const c = classifyCondition(icd('F32.3'));
    expect(c).toMatchObject({ kind: 'mdd', alsoImplies: ['psychotic-features'] });
    expect(c?.rule.verification).toBe('V');
  });
  it('F31.5 is bipolar depression with psychotic features', () => {
    expect(classifyCondition(icd('F31.5'))).toMatchObject({ kind: 'bipolar-depression', alsoImplies: ['psychotic-features'] });
  });
  it('F32.A is counted as depression with a non-specific note (VSAC: excluded from the Major Depression value sets)', () => {
    const c = classifyCondition(icd('F32.A'));
    expect(c?.kind).toBe('mdd');
    expect(c?.note).toMatch(/not a major-depression code/);
  });
  it('bipolar II (F31.81) has no stated polarity: counted as bipolar depression, marked as a judgement (U)', () => {
    const c = classifyCondition(icd('F31.81'));
    expect(c?.kind).toBe('bipolar-depression');
    expect(c?.rule.verification).toBe('U');
    expect(c?.note).toMatch(/judgement/);
  });
  it('a manic episode (F31.12) is not bipolar depression', () => {
    expect(classifyCondition(icd('F31.12'))?.kind).toBe('other');
  });
  it('F31.64 (mixed, severe, psychotic) implies psychotic features but is not a depressive episode', () => {
    expect(classifyCondition(icd('F31.64'))).toMatchObject({ kind: 'other', alsoImplies: ['psychotic-features'] });
  });
  it('hoarding (F42.3) is not OCD', () => {
    expect(classifyCondition(icd('F42.3'))?.kind).toBe('other');
  });
  it.each([
    ['370143000', 'mdd'],
    ['1153570009', 'mdd'],
    ['66344007', 'mdd'],
    ['58214004', 'schizophrenia'],
    ['68890003', 'schizophrenia'],
    ['191736004', 'ocd'],
    ['47505003', 'ptsd'],
    ['84757009', 'epilepsy'],
    ['77386006', 'pregnancy'],
  ])('SNOMED CT %s -> %s', (code, kind) => {
    expect(classifyCondition(sct(code))?.kind).toBe(kind);
  });
  it('a SNOMED member of the VSAC Bipolar Disorder set with a depressed episode (191627008) is bipolar depression', () => {
    expect(classifyCondition(sct('191627008', 'Bipolar affective disorder, current episode depression'))?.kind).toBe('bipolar-depression');
  });
  it('a SNOMED member of VSAC Major Depression with psychotic features (73867007) implies psychotic features', () => {
    expect(classifyCondition(sct('73867007'))).toMatchObject({ kind: 'mdd', alsoImplies: ['psychotic-features'] });
  });
  it('a catatonic MDD SNOMED code (39809009) implies catatonia', () => {
    expect(classifyCondition(sct('39809009'))?.alsoImplies).toContain('catatonia');
  });
});

describe('classifyCondition: comorbidities', () => {
  it.each([
    ['F10.20', 'substance-use'],
    ['F12.20', 'substance-use'],
    ['F41.1', 'anxiety'],
    ['F60.3', 'personality-disorder'],
    ['Z56.0', 'psychosocial-stressor'],
    ['Z62.810', 'trauma'],
    ['G40.909', 'epilepsy'],
    ['Z33.1', 'pregnancy'],
    ['O26.891', 'pregnancy'],
    ['F06.1', 'catatonia'],
    ['R45.851', 'suicidal-ideation'],
    ['I61.9', 'intracerebral-haemorrhage'],
    ['I62.00', 'intracerebral-haemorrhage'],
    ['I67.1', 'aneurysm-or-avm'],
    ['I71.4', 'aneurysm-or-avm'],
    ['Q28.2', 'aneurysm-or-avm'],
    ['G93.2', 'raised-intracranial-pressure'],
    ['I21.4', 'recent-myocardial-infarction'],
    ['I63.9', 'recent-stroke'],
    ['I10', 'hypertension'],
    ['I16.0', 'hypertension'],
    ['Z96.21', 'head-implant'],
    ['Z95.0', 'cardiac-device'],
    ['Z95.810', 'cardiac-device'],
    ['F23', 'psychotic-features'],
  ])('ICD-10-CM %s -> %s', (code, kind) => {
    expect(classifyCondition(icd(code))?.kind).toBe(kind);
  });
  it('nicotine dependence (F17) is not a substance use disorder (VSAC Substance Use Disorder excludes F17)', () => {
    expect(classifyCondition(icd('F17.210'))?.kind).toBe('other');
  });
  it('comorbidity codes not in a value set used here are tagged U with the tabular-list note', () => {
    const c = classifyCondition(icd('I61.9'));
    expect(c?.rule.verification).toBe('U');
    expect(c?.note).toBe('ICD-10-CM code not found in a value set used here; checked against the ICD-10-CM tabular list only by name');
  });
  it('substance use from the VSAC value set is V', () => {
    expect(classifyCondition(icd('F10.20'))?.rule.verification).toBe('V');
  });
  it('a SNOMED substance-use member of the VSAC set is recognised', () => {
    const c = classifyCondition(sct('7200002', 'Alcoholism'));
    expect(c === null || c.kind === 'substance-use').toBe(true);
  });
});

describe('classifyCondition: unknown systems, text, irrelevant codes', () => {
  it('a code from an unknown system gives null and the reason names the system', () => {
    const concept = { coding: [{ system: 'http://example.org/legacy-emr/problem-codes', code: 'DEP-07', display: 'Major depressive disorder' }] };
    expect(classifyCondition(concept)).toBeNull();
    expect(conditionNotRecognisedReason(concept)).toBe('code from unknown system http://example.org/legacy-emr/problem-codes');
  });
  it('text only: "Major depressive disorder, recurrent" is recognised by text (U)', () => {
    const c = classifyCondition({ text: 'Major depressive disorder, recurrent' });
    expect(c?.kind).toBe('mdd');
    expect(c?.rule.verification).toBe('U');
  });
  it('text only: vagotomy history', () => {
    expect(classifyCondition({ text: 'History of left cervical vagotomy' })?.kind).toBe('vagotomy');
  });
  it('negated text is not a diagnosis', () => {
    expect(classifyCondition({ text: 'No history of epilepsy' })).toBeNull();
  });
  it('a family history is not the patient\'s diagnosis', () => {
    expect(classifyCondition({ coding: [{ system: SCT, code: '000000', display: 'Family history of epilepsy' }] })).toBeNull();
  });
  it('a known-system code outside the code sets is not relevant, with a reason', () => {
    const concept = icd('E78.5', 'Hyperlipidemia, unspecified');
    expect(classifyCondition(concept)).toBeNull();
    expect(conditionNotRecognisedReason(concept)).toMatch(/not relevant.*E78.5/);
  });
  it('no code and no text', () => {
    expect(classifyCondition(undefined)).toBeNull();
    expect(conditionNotRecognisedReason({})).toBe('Condition without a code or text');
  });
});

const obs = (coding: { system: string; code: string }[] | undefined, value: Partial<Observation>, text?: string): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { ...(coding ? { coding } : {}), ...(text ? { text } : {}) },
  ...value,
});

describe('classifyObservation (LOINC codes, scale names)', () => {
  it.each([
    ['44261-6', 'phq9', 17],
    ['89204-2', 'phq9', 12],
    ['44260-8', 'phq9-item9', 2],
    ['55758-7', 'phq2', 4],
    ['70274-6', 'gad7', 9],
  ])('LOINC %s -> %s', (code, instrument, value) => {
    expect(classifyObservation(obs([{ system: LOINC, code }], { valueInteger: value }))).toMatchObject({ instrument, value });
  });
  it('valueQuantity is read', () => {
    expect(classifyObservation(obs([{ system: LOINC, code: '44261-6' }], { valueQuantity: { value: 21, unit: '{score}' } }))).toMatchObject({ value: 21 });
  });
  it('PHQ-9 item 9 answer coded LA6570-1 ("More than half the days") = 2', () => {
    const o = obs([{ system: LOINC, code: '44260-8' }], { valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA6570-1' }] } });
    expect(classifyObservation(o)).toMatchObject({ instrument: 'phq9-item9', value: 2 });
  });
  it.each([
    ['madrs', 'madrs'],
    ['madrs-total', 'madrs'],
    ['ybocs-total', 'ybocs'],
    ['hamd17', 'hamd17'],
    ['qids-sr16', 'qids-sr16'],
    ['panss-total', 'panss'],
  ])('local scale code %s -> %s', (code, instrument) => {
    const o = obs([{ system: 'http://example.org/trd-timeline/CodeSystem/scales', code }], { valueInteger: instrument === 'panss' ? 70 : 20 });
    expect(classifyObservation(o)?.['instrument' as never]).toBe(instrument);
  });
  it.each([
    ['MADRS total score', 'madrs'],
    ['Montgomery-Asberg Depression Rating Scale', 'madrs'],
    ['Y-BOCS', 'ybocs'],
    ['Yale-Brown Obsessive Compulsive Scale total', 'ybocs'],
    ['HAM-D 17 total', 'hamd17'],
    ['Hamilton Rating Scale for Depression', 'hamd17'],
    ['QIDS-SR16', 'qids-sr16'],
  ])('text "%s" -> %s (no verified LOINC [U])', (text, instrument) => {
    const r = classifyObservation(obs(undefined, { valueInteger: 10 }, text));
    expect(r).toMatchObject({ instrument });
    expect(r && 'rule' in r ? r.rule.verification : null).toBe('U');
  });
  it('Hamilton Anxiety is not taken for HAM-D', () => {
    expect(classifyObservation(obs(undefined, { valueInteger: 10 }, 'Hamilton Anxiety Rating Scale'))).toBeNull();
  });
  it('blood pressure panel with components (LOINC 85354-9, 8480-6, 8462-4)', () => {
    const o: Observation = {
      resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '85354-9' }] },
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: 152, unit: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 95, unit: 'mm[Hg]' } },
      ],
    };
    expect(classifyObservation(o)).toMatchObject({ bloodPressure: { systolic: 152, diastolic: 95 } });
  });
  it('a lone systolic observation', () => {
    expect(classifyObservation(obs([{ system: LOINC, code: '8480-6' }], { valueQuantity: { value: 130 } }))).toMatchObject({ bloodPressure: { systolic: 130, diastolic: null } });
  });
  it('a PHQ-9 value outside 0-27 is not used, with the reason', () => {
    const o = obs([{ system: LOINC, code: '44261-6' }], { valueInteger: 35 });
    expect(classifyObservation(o)).toBeNull();
    expect(observationNotUsedReason(o)).toBe('phq9 value 35 outside its range 0-27');
  });
  it('a PHQ-9 without a value is not used', () => {
    expect(observationNotUsedReason(obs([{ system: LOINC, code: '44261-6' }], {}))).toMatch(/without a numeric value/);
  });
  it('an unknown code system is named', () => {
    const o = obs([{ system: 'http://example.org/other', code: 'x' }], { valueInteger: 3 }, 'PHQ-9');
    expect(classifyObservation(o)).toBeNull();
    expect(observationNotUsedReason(o)).toBe('code from unknown system http://example.org/other');
  });
  it('an unrelated LOINC (body weight) is not a score', () => {
    const o = obs([{ system: LOINC, code: '29463-7' }], { valueQuantity: { value: 80 } }, 'Body weight');
    expect(classifyObservation(o)).toBeNull();
    expect(observationNotUsedReason(o)).toMatch(/not a symptom scale/);
  });
});

describe('classifyProcedure and classifyDevice (SNOMED CT, device text)', () => {
  const LOCAL = 'http://example.org/trd-timeline/CodeSystem/procedures';
  it('VNS insertion SNOMED 445319001 [V]', () => {
    expect(classifyProcedure(sct('445319001'))).toBe('vns');
  });
  it('removal of VNS (446256001) is not a VNS treatment', () => {
    expect(classifyProcedure(sct('446256001', 'Removal of vagal nerve stimulator'))).toBeNull();
  });
  it.each([
    ['ect', 'ect'],
    ['tms', 'tms'],
    ['itbs', 'tms'],
    ['esketamine', 'esketamine'],
    ['ketamine', 'ketamine'],
    ['psychotherapy', 'psychotherapy'],
  ])('local procedure code %s -> %s', (code, kind) => {
    expect(classifyProcedure({ coding: [{ system: LOCAL, code }] })).toBe(kind);
  });
  it.each([
    ['Electroconvulsive therapy', 'ect'],
    ['Bilateral ECT session', 'ect'],
    ['Repetitive transcranial magnetic stimulation', 'tms'],
    ['iTBS course', 'tms'],
    ['Deep TMS (H7 coil)', 'tms'],
    ['Esketamine nasal spray session', 'esketamine'],
    ['IV ketamine infusion', 'ketamine'],
    ['Deep brain stimulation', 'dbs'],
    ['Exposure and response prevention', 'psychotherapy'],
  ])('text "%s" -> %s (SNOMED unverified [U])', (text, kind) => {
    expect(classifyProcedure({ text })).toBe(kind);
  });
  it('CPT 90870 is ECT and 90868 is TMS (U)', () => {
    expect(classifyProcedure({ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '90870' }] })).toBe('ect');
    expect(classifyProcedure({ coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '90868' }] })).toBe('tms');
  });
  it.each([
    'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
    'urn:oid:2.16.840.1.113883.6.285',
    'urn:oid:2.16.840.1.113883.6.14',
  ])('HCPCS G2082 and G2083 in %s are esketamine sessions, citing the CMS rule that created them', (system) => {
    expect(classifyProcedureWithRule({ coding: [{ system, code: 'G2082' }] })).toMatchObject({
      kind: 'esketamine',
      rule: { id: 'procedure.hcpcs.esketamine', references: ['cmsPfs2020'], verification: 'S' },
    });
    expect(classifyProcedure({ coding: [{ system, code: 'g2083' }] })).toBe('esketamine');
  });
  it('CPT in its urn:oid spelling, and a CPT code in the retired all-levels HCPCS system, are read as CPT', () => {
    expect(classifyProcedure({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.12', code: '90870' }] })).toBe('ect');
    expect(classifyProcedure({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.14', code: '90868' }] })).toBe('tms');
  });
  it('an unrelated procedure is null', () => {
    expect(classifyProcedure({ text: 'Appendectomy' })).toBeNull();
  });
  const device = (d: Partial<Device>): Device => ({ resourceType: 'Device', ...d });
  it('a cochlear implant is a head implant (local device code)', () => {
    expect(classifyDevice(device({ type: { coding: [{ system: 'http://example.org/trd-timeline/CodeSystem/devices', code: 'cochlear-implant' }] } }))).toBe('head-implant');
  });
  it.each(['Cochlear implant, left', 'Vagus nerve stimulator', 'Deep brain stimulator', 'Intracranial aneurysm clip'])('device "%s" is a head implant', (name) => {
    expect(classifyDevice(device({ deviceName: [{ name, type: 'user-friendly-name' }] }))).toBe('head-implant');
  });
  it.each(['Dual-chamber cardiac pacemaker', 'Implantable cardioverter-defibrillator', 'CRT-D'])('device "%s" is a cardiac device', (name) => {
    expect(classifyDevice(device({ deviceName: [{ name, type: 'user-friendly-name' }] }))).toBe('cardiac-device');
  });
  it('a cardiac device by local code; a head implant named beside it still wins', () => {
    const local = { system: 'http://example.org/trd-timeline/CodeSystem/devices', code: 'implantable-cardioverter-defibrillator' };
    expect(classifyDevice(device({ type: { coding: [local] } }))).toBe('cardiac-device');
    expect(classifyDevice(device({ type: { text: 'Vagus nerve stimulator (pacemaker-like generator)' } }))).toBe('head-implant');
  });
  it('a knee prosthesis is not', () => {
    expect(classifyDevice(device({ type: { text: 'Knee joint prosthesis' } }))).toBeNull();
  });
});

describe('TERMINOLOGY_RULES', () => {
  it('every rule has an id, a source and a verification tag, ids are unique', () => {
    const ids = new Set<string>();
    for (const r of TERMINOLOGY_RULES) {
      expect(r.id).toMatch(/^\S+$/);
      expect(r.source).toMatch(/\S/);
      expect(['V', 'S', 'U', 'derived']).toContain(r.verification);
      expect(ids.has(r.id)).toBe(false);
      ids.add(r.id);
    }
    expect(ids.has('adequacy.min-dose.atrq.sertraline')).toBe(true);
    expect(ids.has('scale.phq9.remission')).toBe(true);
  });
});

describe('schizophrenia-spectrum subtypes: one row per F20 and F25 code of the value set, in its title\'s words', () => {
  const titles = readFileSync(resolve(process.cwd(), 'src/clinical/data/valuesets.txt'), 'utf8')
    .split('\n')
    .map((line) => /^\s+icd-10-cm \d{4} (F2[05]\.\d+) \| (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  it('the value set lists the 12 codes', () => {
    expect([...new Set(titles.map((m) => m[1]))]).toEqual(['F20.0', 'F20.1', 'F20.2', 'F20.3', 'F20.5', 'F20.81', 'F20.89', 'F20.9', 'F25.0', 'F25.1', 'F25.8', 'F25.9']);
  });
  it('each code is counted as schizophrenia and its subtype words are part of its title', () => {
    for (const [, code, title] of titles) {
      expect(classifyCondition(icd(code!))?.kind).toBe('schizophrenia');
      expect(title!.toLowerCase()).toContain(schizophreniaSubtypeOf(code!, ICD)!.words);
    }
  });
});
