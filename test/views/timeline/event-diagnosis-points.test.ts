/**
 * An event recorded as a diagnosis (an overdose, the reason for an emergency visit) is a point on its date, never a
 * diagnosis bar running to today; a resolved diagnosis is a bar from its onset to its abatement. Hand-made record
 * shaped like the public sandbox's Synthea patients (nothing copied from its bundles).
 */
import type { Condition, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { derivePatient } from '../../../src/clinical';
import { diagnosesForTimeline } from '../../../src/clinical/safety';
import { RULES } from '../../../src/clinical/all-rules';
import type { Derivation } from '../../../src/clinical/types';
import { frameFor } from '../../../src/views/timeline/layout/axis';
import { parseDate, timeScale } from '../../../src/views/timeline/layout/domain';
import { layoutDiagnoses } from '../../../src/views/timeline/layout/spans';
import { AS_OF, PID, encounter, icdCondition, patient, snomedCondition } from '../../clinical/ehr/ehr-builders';

const frame = frameFor(1000);

/** PTSD 2015-06-19 to 2017-03-14, a drug overdose in 2002 with no abatement, an emergency visit for one in 2018. */
function ptsdAndOverdoses(): Derivation {
  const resources: Resource[] = [
    patient(),
    snomedCondition('55680006', 'Drug overdose', '2002-11-22'),
    snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19', '2017-03-14'),
    encounter('EMER', ['50849002', 'Emergency Room Admission'], '2018-04-28', { reason: ['55680006', 'Drug overdose'] }),
  ];
  return derivePatient({ patientId: PID, resources }, { asOf: AS_OF });
}

function layout(d: Derivation, from: string, to: string) {
  const x = timeScale({ start: parseDate(from)!, end: parseDate(to)! }, frame.plotLeft, frame.plotRight);
  const rows = layoutDiagnoses(diagnosesForTimeline(d.diagnoses), parseDate(AS_OF)!, x, frame, 0, 20);
  return { x, spans: rows.spans };
}

describe('event diagnoses are points on their date', () => {
  it('the 2002 "Drug overdose" without an abatement is a point on 2002-11-22, not a bar to today', () => {
    const { x, spans } = layout(ptsdAndOverdoses(), '2001-01-01', AS_OF);
    const overdose = spans.find((s) => s.item.display === 'Drug overdose')!;
    expect(overdose.point).toBe(true);
    expect(overdose.x0).toBe(x(parseDate('2002-11-22')!));
    expect(overdose.x1).toBe(overdose.x0);
  });

  it('the emergency visit for a drug overdose is a point on its date', () => {
    const { x, spans } = layout(ptsdAndOverdoses(), '2001-01-01', AS_OF);
    const visit = spans.find((s) => s.item.source.startsWith('Encounter/'))!;
    expect(visit.point).toBe(true);
    expect(visit.x0).toBe(x(parseDate('2018-04-28')!));
  });

  it('an ICD-10 injury code is a point, however its status reads', () => {
    const { abatementDateTime: _abated, ...concussion } = icdCondition('S06.0X0A', 'Concussion without loss of consciousness, initial encounter', '2020-05-02');
    const active: Condition = { ...concussion, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } };
    const d = derivePatient({ patientId: PID, resources: [patient(), active] }, { asOf: AS_OF });
    const { spans } = layout(d, '2019-01-01', AS_OF);
    expect(spans.map((s) => [s.item.code, s.point])).toEqual([['S06.0X0A', true]]);
  });

  it('the resolved PTSD is a bar from 2015-06-19 to 2017-03-14 when that range is in view', () => {
    const { x, spans } = layout(ptsdAndOverdoses(), '2015-01-01', '2018-01-01');
    const ptsd = spans.find((s) => s.item.kind === 'ptsd')!;
    expect(ptsd.point).toBe(false);
    expect([ptsd.x0, ptsd.x1]).toEqual([x(parseDate('2015-06-19')!), x(parseDate('2017-03-14')!)]);
  });

  it('the rule is listed with its source', () => {
    const rule = RULES.find((r) => r.id === 'condition.event')!;
    expect(rule.verification).toBe('U');
    expect(rule.references).toEqual(['icd10cm', 'projectWorkingRule']);
  });
});
