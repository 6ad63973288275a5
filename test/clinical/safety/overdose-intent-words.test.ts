/**
 * An overdose is said with the intent its code states, and no more: a code that carries no intent (SNOMED CT 55680006
 * "Drug overdose", an emergency visit for it, text without an intent word) reads "Overdose (intent not recorded)";
 * intentional or undetermined wording only for the codes that state it (ICD-10-CM T36-T50 sixth character 2 or 4,
 * ICD-10 X60-X69 intentional self-poisoning, Y10-Y19 poisoning of undetermined intent) or text that names it.
 */
import type { Condition, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { classifyCondition } from '../../../src/clinical/terminology/condition-codes';
import { diagnosisLabel, overdoseHeading } from '../../../src/clinical/vocabulary';
import { AS_OF, PID, encounter, icdCondition, patient, snomedCondition } from '../ehr/ehr-builders';

function safetyOverdose(resources: Resource[]) {
  const d = derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
  return d.safety.find((s) => s.kind === 'overdose');
}

const textCondition = (text: string): Condition['code'] => ({ text });

describe('an overdose whose code carries no intent', () => {
  it('SNOMED CT 55680006 "Drug overdose" heads the safety item as "Overdose (intent not recorded)"', () => {
    expect(safetyOverdose([snomedCondition('55680006', 'Drug overdose', '2024-11-22')])?.title).toBe('Overdose (intent not recorded)');
  });

  it('an emergency visit for a drug overdose reads the same', () => {
    const visit = encounter('EMER', ['50849002', 'Emergency Room Admission'], '2025-04-28', { reason: ['55680006', 'Drug overdose'] });
    expect(safetyOverdose([visit])?.title).toBe('Overdose (intent not recorded)');
  });

  it('the label of such a diagnosis is "Overdose (intent not recorded)"', () => {
    expect(diagnosisLabel({ kind: 'overdose' })).toBe('Overdose (intent not recorded)');
  });

  it('text naming an overdose without an intent word keeps no intent', () => {
    expect(classifyCondition(textCondition('Overdose of opiate'))?.intent).toBeUndefined();
  });
});

describe('an overdose whose code or text states the intent', () => {
  it('ICD-10-CM T43.212A reads "Intentional self-harm: overdose" and T42.4X4A "Overdose of undetermined intent"', () => {
    expect(safetyOverdose([icdCondition('T43.212A', 'Poisoning by selective serotonin reuptake inhibitors, intentional self-harm, initial encounter', '2025-01-10')])?.title).toBe(
      'Intentional self-harm: overdose',
    );
    expect(safetyOverdose([icdCondition('T42.4X4A', 'Poisoning by benzodiazepines, undetermined, initial encounter', '2025-01-10')])?.title).toBe('Overdose of undetermined intent');
  });

  it('ICD-10 X61 (intentional self-poisoning) is an overdose of intentional self-harm, Y11 one of undetermined intent', () => {
    expect(classifyCondition({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'X61', display: 'Intentional self-poisoning by psychotropic drugs' }] })).toMatchObject({
      kind: 'overdose',
      intent: 'intentional-self-harm',
    });
    expect(classifyCondition({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'Y11', display: 'Poisoning by psychotropic drugs, undetermined intent' }] })).toMatchObject({
      kind: 'overdose',
      intent: 'undetermined',
    });
  });

  it('text naming the intent carries it: "Intentional overdose" intentional self-harm, "Overdose, undetermined intent" undetermined', () => {
    expect(classifyCondition(textCondition('Intentional overdose'))).toMatchObject({ kind: 'overdose', intent: 'intentional-self-harm' });
    expect(classifyCondition(textCondition('Overdose, undetermined intent'))).toMatchObject({ kind: 'overdose', intent: 'undetermined' });
  });

  it('overdoses of a stated and of no recorded intent head the item with both', () => {
    expect(overdoseHeading([{ intent: 'intentional-self-harm' }, {}])).toBe('Overdoses (intentional self-harm: overdose; intent not recorded)');
  });
});
