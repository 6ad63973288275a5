/**
 * Demo case "schizophrenia-trs" with risperidone's stop reason (hyperprolactinaemia) left out, so it reads as a tolerated
 * trial: risperidone 2-4 mg/day (below TRRIP's 6 mg/day) with PANSS 98 -> 84 (-21%) is a
 * response below an adequate dose: room to optimise, a flag of its own, not "Possible pseudo-resistance: inadequate
 * dose" (which is about failed trials); and its bar says which part is not adequate ("not an adequate trial"), with
 * the score change, never the ambiguous "response, inadequate".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { FLAG_GROUP, FLAG_GROUP_HEADING } from '../../src/clinical/vocabulary';
import { trialLabel } from '../../src/views/timeline/layout/lanes';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import { pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const d = (() => {
  const demo = demoPatients.find((p) => p.id === 'schizophrenia-trs')!;
  const resources = (demo.build(TODAY).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])).map((r: Resource) =>
    r.resourceType === 'MedicationRequest' && /risperidone/.test(r.id ?? '') ? { ...r, statusReason: undefined } : r,
  );
  return derivePatient({ patientId: 'schizophrenia-trs', resources }, { asOf: TODAY.toISOString().slice(0, 10) });
})();
const scz = d.assessments.find((a) => a.condition === 'schizophrenia')!;
const risperidone = d.trials.find((t) => t.ingredient === 'risperidone')!;

afterEach(cleanup);

describe('schizophrenia-trs, risperidone tolerated: a response below an adequate dose', () => {
  it('raises a flag of its own kind, with the scores it rests on among its sources, and no inadequate-dose flag', () => {
    expect(scz.flags.map((f) => f.kind)).toEqual(['response-below-adequate-dose']);
    const flag = scz.flags[0]!;
    expect(flag.text).toBe(
      'response below an adequate dose, room to optimise: risperidone (dose below 6 mg/day (≡ 600 mg/day chlorpromazine; highest 4 mg/day ≈ 400 CPZ-eq); PANSS 98 → 84, −21%)',
    );
    expect(flag.sources).toEqual(expect.arrayContaining(['Observation/schizophrenia-trs-panss-d2205', 'Observation/schizophrenia-trs-panss-d2150']));
    expect(FLAG_GROUP[flag.kind]).toBe('optimisation');
    expect(FLAG_GROUP_HEADING.optimisation).toBe('Response below an adequate dose: room to optimise');
  });

  it('the page lists it under its own heading, not under possible pseudo-resistance', () => {
    const page = pageText(d);
    // Matched as booleans: a failure would otherwise print the whole page.
    expect(page.includes('Response below an adequate dose: room to optimise')).toBe(true);
    expect(page.includes('Possible pseudo-resistance')).toBe(false);
  });

  it('its bar says the response with its score change and that the trial was not adequate', () => {
    expect(trialLabel(risperidone)).toBe('response (PANSS 98 → 84, −21%), not an adequate trial');
  });

  it('the dose-optimisation option still offers its retry at an adequate dose, after clozapine', () => {
    const dose = d.suggestions.find((s) => s.intervention === 'dose-optimization')!;
    expect(dose.status).toBe('consider');
    expect(dose.reasons[0]!.text).toMatch(/^Past trial that responded below an adequate dose, at most to consider retrying/);
  });
});
