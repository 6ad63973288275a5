import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyDoseOf } from '../../../src/clinical/dose';
import { identifyMedication, medicationOf } from '../../../src/clinical/medication';
import {
  chlorpromazineEquivalent,
  classifyCondition,
  classifyDevice,
  classifyObservation,
  classifyProcedure,
  conditionNotRecognisedReason,
  minimumAdequateDose,
  observationNotUsedReason,
} from '../../../src/clinical/terminology';

/** Arbitrary JSON-ish values, with a bias towards the shapes the functions look into. */
const junk = fc.anything({ maxDepth: 3, withNullPrototype: false });
const systems = fc.constantFrom(
  'http://www.nlm.nih.gov/research/umls/rxnorm',
  'http://www.whocc.no/atc',
  'http://snomed.info/sct',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'http://loinc.org',
  'http://example.org/trd-timeline/CodeSystem/scales',
  'http://example.org/unknown',
);
const coding = fc.record({ system: fc.oneof(systems, junk), code: fc.oneof(fc.string(), fc.constantFrom('36437', '312940', 'F33.2', '44261-6', 'N06AX16'), junk), display: fc.oneof(fc.string(), junk) }, { requiredKeys: [] });
const concept = fc.oneof(
  fc.record({ coding: fc.oneof(fc.array(fc.oneof(coding, junk), { maxLength: 3 }), junk), text: fc.oneof(fc.string(), fc.constantFrom('Zoloft 50 mg', 'take 2 tabs bid', 'sertraline 50 MG Oral Tablet'), junk) }, { requiredKeys: [] }),
  junk,
);
const quantity = fc.record({ value: fc.oneof(fc.double(), fc.integer(), junk), unit: fc.oneof(fc.constantFrom('mg', 'g', 'mcg', 'mL', 'tablet', '{tbl}', 'mg/kg', 'zz'), junk), code: fc.oneof(fc.string(), junk) }, { requiredKeys: [] });
const dosage = fc.oneof(
  fc.record(
    {
      sequence: fc.oneof(fc.integer(), junk),
      text: fc.oneof(fc.string(), fc.constantFrom('1 tab bid', 'half a tablet daily then 2 tabs qhs', '150 mg every 4 weeks'), junk),
      doseAndRate: fc.oneof(fc.array(fc.record({ doseQuantity: quantity, doseRange: fc.record({ low: quantity, high: quantity }, { requiredKeys: [] }) }, { requiredKeys: [] })), junk),
      timing: fc.oneof(
        fc.record({ repeat: fc.record({ frequency: fc.oneof(fc.integer({ min: -3, max: 10 }), junk), period: fc.oneof(fc.double(), junk), periodUnit: fc.oneof(fc.constantFrom('d', 'h', 'wk', 'mo', 'x'), junk) }, { requiredKeys: [] }), code: concept }, { requiredKeys: [] }),
        junk,
      ),
      asNeededBoolean: fc.oneof(fc.boolean(), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);

describe('terminology functions never throw on malformed input (property-based)', () => {
  it('identifyMedication and dailyDoseOf', () => {
    fc.assert(
      fc.property(concept, fc.oneof(fc.constant(undefined), junk), fc.oneof(fc.array(dosage, { maxLength: 3 }), junk), (c, med, dosages) => {
        const id = identifyMedication(c as never, med as never);
        expect(typeof id.display).toBe('string');
        const d = dailyDoseOf(dosages as never, id);
        expect(d.amount === null || Number.isFinite(d.amount)).toBe(true);
        expect(d.amount === null ? d.unit === null : d.unit === 'mg').toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('medicationOf with junk references and a resolver returning junk', () => {
    fc.assert(
      fc.property(junk, junk, (resource, resolved) => {
        const r = { resourceType: 'MedicationRequest', ...(typeof resource === 'object' && resource ? resource : {}) };
        const out = medicationOf(r, () => resolved as never);
        expect(typeof out.identity.drugClass).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('classifiers and tables', () => {
    fc.assert(
      fc.property(concept, junk, fc.string(), fc.double(), (c, anything, name, mg) => {
        classifyCondition(c as never);
        conditionNotRecognisedReason(c as never);
        classifyProcedure(c as never);
        classifyDevice({ resourceType: 'Device', type: c, deviceName: anything } as never);
        const obs = { resourceType: 'Observation', code: c, valueQuantity: anything, component: anything };
        classifyObservation(obs as never);
        expect(typeof observationNotUsedReason(obs as never)).toBe('string');
        minimumAdequateDose(name);
        const e = chlorpromazineEquivalent(name, mg);
        expect(e === null || Number.isFinite(e.cpzMgPerDay)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('cyclic objects do not hang or throw', () => {
    const cyclic: Record<string, unknown> = { text: 'sertraline 50 mg' };
    cyclic.self = cyclic;
    expect(identifyMedication(cyclic as never).ingredient).toBe('sertraline');
    const dose: Record<string, unknown> = { text: '1 tab daily' };
    dose.self = dose;
    expect(dailyDoseOf([dose as never], identifyMedication({ text: 'sertraline 50 MG Oral Tablet' })).amount).toBe(50);
  });
});
