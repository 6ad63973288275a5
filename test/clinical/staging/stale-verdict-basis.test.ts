/**
 * A resistance verdict resting on an old score says so (ehr-export-mdd: both failures judged by PHQ-9s, the last one
 * some 20 months before the review, none since): the verdict names that score's date and asks for a new one, by the
 * same four-month window the safety strip's screening-gap item uses (MNCM PHQ-9 utilization measure).
 */
import { describe, expect, it } from 'vitest';
import type { Observation, Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import { PHQ9_MONITORING_DAYS } from '../../../src/clinical/engine-rules';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = '2026-11-22';

function resourcesOf(id: string): Resource[] {
  const patient = demoPatients.find((p) => p.id === id)!;
  return (patient.build(TODAY).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function phq9(date: string, value: number): Observation {
  return {
    resourceType: 'Observation',
    id: `phq9-${date}`,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total score' }] },
    subject: { reference: 'Patient/ehr-export-mdd' },
    effectiveDateTime: date,
    valueQuantity: { value },
  };
}

describe('a verdict resting on a score older than the monitoring window', () => {
  it('ehr-export-mdd: "met" says the date of the PHQ-9 it rests on and asks to re-measure before referral', () => {
    const d = derivePatient({ patientId: 'ehr-export-mdd', resources: resourcesOf('ehr-export-mdd') }, { asOf: AS_OF });
    const mdd = d.assessments.find((a) => a.condition === 'mdd')!;
    expect(mdd.status).toBe('meets');
    expect(mdd.verdict).toMatch(/^Treatment-resistance criteria met \(on the PHQ-9 of (\d{4}-\d{2}-\d{2}); no score since: re-measure before referral\): treatment-resistant depression \(Gaynes 2020\)$/);
    const date = /of (\d{4}-\d{2}-\d{2})/.exec(mdd.verdict)![1]!;
    const lastPhq9 = d.scores.filter((s) => s.instrument === 'phq9').map((s) => s.date.slice(0, 10)).sort().at(-1);
    expect(date).toBe(lastPhq9);
    expect((Date.parse(AS_OF) - Date.parse(date)) / 86_400_000).toBeGreaterThan(PHQ9_MONITORING_DAYS);
  });

  it('a PHQ-9 recorded since (within the window) removes the note: the verdict is the definition\'s alone', () => {
    const d = derivePatient({ patientId: 'ehr-export-mdd', resources: [...resourcesOf('ehr-export-mdd'), phq9('2026-11-10', 17)] }, { asOf: AS_OF });
    const mdd = d.assessments.find((a) => a.condition === 'mdd')!;
    expect(mdd.verdict).not.toMatch(/no score since/);
    expect(mdd.verdict).toMatch(/^Treatment-resistance criteria (possibly )?met: treatment-resistant depression \(Gaynes 2020\)$/);
  });
});
