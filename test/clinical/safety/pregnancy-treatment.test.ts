/**
 * pregnant-trd: the pregnancy safety item says what pregnancy asks of the medication actually in the record (here,
 * none running since venlafaxine was stopped because of the pregnancy), and rTMS carries what is known of TMS in
 * pregnancy (not a contraindication, few data) rather than a warning that reads as a risk.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';

const TODAY = new Date('2026-11-22T08:00:00Z');

function derive(id: string): Derivation {
  const demo = demoPatients.find((p) => p.id === id)!;
  const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  return derivePatient({ patientId: id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
}

describe('pregnant-trd: pregnancy and the treatment in the record', () => {
  const derivation = derive('pregnant-trd');

  it('the pregnancy item says no psychiatric medication runs since venlafaxine was stopped because of the pregnancy', () => {
    const venlafaxine = derivation.trials.find((t) => t.ingredient === 'venlafaxine')!;
    const pregnancy = derivation.safety.find((s) => s.kind === 'pregnancy')!;
    expect(pregnancy.action).toBe(
      `Esketamine, IV ketamine and psilocybin trials are not offered; ECT is not contraindicated (plan with obstetrics); no psychiatric medication is running since venlafaxine was stopped on ${venlafaxine.end} because of the pregnancy: discuss restarting treatment with obstetrics.`,
    );
  });

  it('rTMS notes that pregnancy is not a contraindication, with the review of 67 births, not a caution that TMS is unsafe', () => {
    const tms = derivation.suggestions.find((s) => s.intervention === 'tms')!;
    const texts = tms.cautions.map((c) => c.text);
    expect(texts.some((t) => t.includes('pregnancy is not a contraindication for TMS; its safety data are few (reports of 67 births'))).toBe(true);
    expect(texts.some((t) => t.includes('not established'))).toBe(false);
  });
});
