/**
 * An option's cautions are listed by the catalog's weight column, heaviest first: esketamine's REMS monitoring (mandatory)
 * and its boxed warning lead the record's own cautions (demo cases "esketamine-contraindicated": hypertension;
 * "pseudo-resistance": alcohol dependence), as clozapine's ANC monitoring leads on "schizophrenia-trs".
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../../sandbox/patients';
import { derivePatient } from '../../../src/clinical/index';

const TODAY = new Date('2026-11-22T08:00:00Z');

function esketamineCautions(id: string): string[] {
  const p = demoPatients.find((x) => x.id === id)!;
  const resources = (p.build(TODAY).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
  const d = derivePatient({ patientId: id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
  return d.suggestions.find((s) => s.intervention === 'esketamine')!.cautions.map((c) => c.text.split(/[:,(]/)[0]!);
}

describe('esketamine cautions by weight', () => {
  it('esketamine-contraindicated: REMS monitoring, then the boxed warning, then the recorded hypertension', () => {
    expect(esketamineCautions('esketamine-contraindicated')).toEqual(['REMS', 'Boxed warning', 'Essential ']);
  });

  it('pseudo-resistance: REMS monitoring, then the boxed warning, then the recorded alcohol dependence', () => {
    expect(esketamineCautions('pseudo-resistance')).toEqual(['REMS', 'Boxed warning', 'Alcohol dependence']);
  });
});
