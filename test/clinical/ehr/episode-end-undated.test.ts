/**
 * A disorder recorded as resolved without an abatement date: its episode says so in a field of its own
 * (`Episode.endUndated`), which the resolution and the options read, so its end (the onset, a placeholder) is never
 * given as the day it resolved. Hand-made records in the public sandbox's shapes; nothing copied from its bundles.
 */
import type { Condition, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, patient, ref, snomedCondition } from './ehr-builders';

function derive(resources: Resource[]): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf: AS_OF });
}

/** PTSD from 2015-06-19 whose clinical status is resolved, with no abatement date. */
function ptsdResolvedUndated(): Condition {
  return {
    ...snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19'),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
  };
}

describe('PTSD resolved with no abatement date', () => {
  it('the episode carries endUndated; its end is the onset, a placeholder', () => {
    const d = derive([ptsdResolvedUndated()]);
    expect(d.episodes).toHaveLength(1);
    expect(d.episodes[0]).toMatchObject({ condition: 'ptsd', start: '2015-06-19', end: '2015-06-19', current: false, endUndated: true });
  });

  it('the resolution has no date, and the options say the date is not recorded', () => {
    const ptsd = ptsdResolvedUndated();
    const d = derive([ptsd]);
    expect(d.assessments[0]!.resolved).toEqual({ text: 'PTSD resolved (date not recorded; no current episode)', sources: [ref(ptsd)], on: null });
    expect(d.suggestions.find((s) => s.intervention === 'trauma-focused-therapy')!.reasons[0]!.text).toBe(
      'PTSD resolved (date not recorded) (no current episode); re-assess if symptoms return (local working rule (unverified): a disorder with no current episode is not treated as active).',
    );
  });
});

describe('PTSD resolved on a recorded day', () => {
  it('the episode has no endUndated, and the resolution carries the day', () => {
    const ptsd = snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19', '2017-03-14');
    const d = derive([ptsd]);
    expect(d.episodes[0]!.endUndated).toBeUndefined();
    expect(d.assessments[0]!.resolved?.on).toBe('2017-03-14');
  });
});
