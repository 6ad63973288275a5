import type { Medication, MedicationRequest, MedicationStatement, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { identifyMedication, isPsychiatric, medicationOf } from '../../../src/clinical/medication';
import { BRANDS, INGREDIENTS } from '../../../src/clinical/terminology';
import { parseRxNormName } from '../../../src/clinical/terminology/products';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ATC = 'http://www.whocc.no/atc';

describe('identifyMedication: RxNorm codes', () => {
  it('an RxNorm ingredient code identifies sertraline (RxNorm RXCUI 36437, tier A)', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '36437', display: 'sertraline' }] });
    expect(id).toMatchObject({ ingredient: 'sertraline', drugClass: 'ssri', matchedBy: 'rxnorm', strengthMg: null });
    expect(id.rule?.verification).toBe('V');
  });

  it('a tier-B ingredient code is tagged S (RxNorm RXCUI 10737 trazodone, tier B)', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '10737' }] });
    expect(id.ingredient).toBe('trazodone');
    expect(id.rule?.verification).toBe('S');
  });

  it('an SCD product code gives ingredient and strength (rxnorm_by_ingredient.tsv row 312940 "sertraline 25 MG Oral Tablet")', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '312940' }] });
    expect(id).toMatchObject({ ingredient: 'sertraline', strengthMg: 25, matchedBy: 'rxnorm', rxcui: '312940' });
  });

  it('the product code wins over a display that disagrees (code 312940 is the 25 mg tablet)', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '312940', display: 'sertraline 50 MG Oral Tablet' }] });
    expect(id.strengthMg).toBe(25);
  });

  it('an ingredient code with an RxNorm-style display takes the strength from the display', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '39786', display: 'venlafaxine 75 MG Oral Tablet' }] });
    expect(id).toMatchObject({ ingredient: 'venlafaxine', drugClass: 'snri', strengthMg: 75, matchedBy: 'rxnorm' });
  });

  it('urn:oid RxNorm system is accepted', () => {
    const id = identifyMedication({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.88', code: '42347' }] });
    expect(id.ingredient).toBe('bupropion');
  });

  it('valproic acid and divalproex are one ingredient (RxNorm RXCUI 11118 / 266856)', () => {
    expect(identifyMedication({ coding: [{ system: RXNORM, code: '11118' }] }).ingredient).toBe('valproate');
    expect(identifyMedication({ coding: [{ system: RXNORM, code: '266856' }] }).ingredient).toBe('valproate');
  });
});

describe('identifyMedication: ATC', () => {
  it('ATC N06AX16 is venlafaxine (WHO ATC index 2025-08-19)', () => {
    const id = identifyMedication({ coding: [{ system: ATC, code: 'N06AX16' }] });
    expect(id).toMatchObject({ ingredient: 'venlafaxine', matchedBy: 'atc' });
  });
  it('ATC N06AX27 is esketamine, an NMDA antagonist (WHO ATC index)', () => {
    expect(identifyMedication({ coding: [{ system: ATC, code: 'N06AX27' }] })).toMatchObject({ ingredient: 'esketamine', drugClass: 'nmda-antagonist' });
  });
  it('RxNorm is tried before ATC', () => {
    const id = identifyMedication({ coding: [{ system: ATC, code: 'N06AX16' }, { system: RXNORM, code: '36437' }] });
    expect(id.ingredient).toBe('sertraline');
  });
});

describe('identifyMedication: Medication resource', () => {
  it('uses the Medication code when the concept is absent', () => {
    const med: Medication = { resourceType: 'Medication', id: 'm1', code: { coding: [{ system: RXNORM, code: '312940' }] } };
    expect(identifyMedication(undefined, med)).toMatchObject({ ingredient: 'sertraline', strengthMg: 25, matchedBy: 'medication-resource' });
  });
  it('falls back to ingredient[].itemCodeableConcept and its strength ratio', () => {
    const med: Medication = {
      resourceType: 'Medication',
      code: { text: 'House formulary item 123' },
      ingredient: [
        {
          itemCodeableConcept: { coding: [{ system: RXNORM, code: '2626', display: 'clozapine' }] },
          strength: { numerator: { value: 100, unit: 'mg', code: 'mg' }, denominator: { value: 1, unit: 'tablet' } },
        },
      ],
    };
    expect(identifyMedication(undefined, med)).toMatchObject({ ingredient: 'clozapine', drugClass: 'antipsychotic', strengthMg: 100, matchedBy: 'medication-resource' });
  });
  it('reads the Medication code text when nothing is coded', () => {
    const med: Medication = { resourceType: 'Medication', code: { text: 'lithium carbonate 300 MG Oral Capsule' } };
    expect(identifyMedication(undefined, med)).toMatchObject({ ingredient: 'lithium', drugClass: 'mood-stabilizer', strengthMg: 300, matchedBy: 'medication-resource' });
  });
});

describe('identifyMedication: text and brands', () => {
  it('parses an RxNorm normalized name: "sertraline 50 MG Oral Tablet" -> sertraline 50 mg', () => {
    expect(identifyMedication({ text: 'sertraline 50 MG Oral Tablet' })).toMatchObject({ ingredient: 'sertraline', strengthMg: 50, matchedBy: 'text' });
  });
  it('parses an SBD-style name with the brand in brackets: "sertraline 100 MG Oral Tablet [Zoloft]"', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '208161', display: 'sertraline 100 MG Oral Tablet [Zoloft]' }] });
    expect(id).toMatchObject({ ingredient: 'sertraline', strengthMg: 100, matchedBy: 'text' });
  });
  it('parses an extended-release name: "24 HR venlafaxine 150 MG Extended Release Oral Capsule"', () => {
    expect(identifyMedication({ text: '24 HR venlafaxine 150 MG Extended Release Oral Capsule' })).toMatchObject({ ingredient: 'venlafaxine', strengthMg: 150 });
  });
  it('parses a per-actuation strength: "esketamine 14 MG/ACTUAT Nasal Spray" (esketamine RXCUI is tier U, so by name)', () => {
    expect(identifyMedication({ text: 'esketamine 14 MG/ACTUAT Nasal Spray' })).toMatchObject({ ingredient: 'esketamine', drugClass: 'nmda-antagonist', strengthMg: 14 });
  });
  it('parses a salt and abbreviations: "sertraline HCl 100mg tab"', () => {
    expect(identifyMedication({ text: 'sertraline HCl 100mg tab' })).toMatchObject({ ingredient: 'sertraline', strengthMg: 100, matchedBy: 'text' });
  });
  it('resolves a brand with strength: "Zoloft 50 mg" (atrq_min_doses.tsv brand_on_form Zoloft)', () => {
    expect(identifyMedication({ text: 'Zoloft 50 mg' })).toMatchObject({ ingredient: 'sertraline', strengthMg: 50, matchedBy: 'brand' });
  });
  it.each([
    ['Lexapro 10 mg', 'escitalopram'],
    ['Effexor XR 75 mg capsule', 'venlafaxine'],
    ['Pristiq', 'desvenlafaxine'],
    ['Cymbalta 60mg', 'duloxetine'],
    ['Wellbutrin XL 300 mg', 'bupropion'],
    ['Spravato 28 mg nasal spray', 'esketamine'],
    ['Ketalar', 'ketamine'],
    ['Cytomel 25 mcg', 'liothyronine'],
    ['Lithobid 300 mg', 'lithium'],
    ['Depakote ER 500', 'valproate'],
    ['Abilify 5 mg', 'aripiprazole'],
    ['Emsam patch', 'selegiline'],
  ])('brand "%s" is %s', (text, ingredient) => {
    expect(identifyMedication({ text }).ingredient).toBe(ingredient);
  });
  it('every brand in the table points at a known ingredient (or a named non-psychiatric component)', () => {
    const names = new Set(INGREDIENTS.map((r) => r.name));
    for (const b of BRANDS) expect(b.ingredients.some((i) => names.has(i))).toBe(true);
  });
  it('"desvenlafaxine" is not read as venlafaxine (longest name wins)', () => {
    expect(identifyMedication({ text: 'desvenlafaxine ER 50 mg' }).ingredient).toBe('desvenlafaxine');
  });
  it('mcg strengths are converted to mg: liothyronine 25 mcg = 0.025 mg', () => {
    expect(identifyMedication({ text: 'liothyronine 25 mcg tablet' }).strengthMg).toBe(0.025);
  });
});

describe('identifyMedication: multi-ingredient, LAI, unknown', () => {
  it('Symbyax (olanzapine/fluoxetine) leads with fluoxetine and lists both components', () => {
    const id = identifyMedication({ text: 'Symbyax 6-25' });
    expect(id.ingredient).toBe('fluoxetine');
    expect(id.components?.map((c) => c.ingredient).sort()).toEqual(['fluoxetine', 'olanzapine']);
    expect(id.note).toMatch(/combination product/);
  });
  it('an SCD combination code (fluoxetine 25 MG / olanzapine 6 MG Oral Capsule) keeps both strengths', () => {
    const parsed = parseRxNormName('fluoxetine 25 MG / olanzapine 6 MG Oral Capsule');
    expect(parsed?.components.map((c) => [c.name, c.strengthMg])).toEqual([
      ['fluoxetine', 25],
      ['olanzapine', 6],
    ]);
    const id = identifyMedication({ text: 'fluoxetine 25 MG / olanzapine 6 MG Oral Capsule' });
    expect(id).toMatchObject({ ingredient: 'fluoxetine', strengthMg: 25 });
    expect(id.components).toHaveLength(2);
  });
  it('haloperidol decanoate is a long-acting injectable (rxnorm_by_ingredient.tsv row 1719803 "1 ML haloperidol decanoate 100 MG/ML Injection")', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '1719803' }] });
    expect(id).toMatchObject({ ingredient: 'haloperidol', longActingInjectable: true, strengthMg: 100, concentrationMgPerMl: 100 });
  });
  it('short-acting haloperidol 5 MG/ML injection is not long-acting (row 1719646)', () => {
    expect(identifyMedication({ coding: [{ system: RXNORM, code: '1719646' }] }).longActingInjectable).toBe(false);
  });
  it('a prefilled risperidone syringe is one unit of volume × concentration (row 2055675 "0.6 ML risperidone 150 MG/ML Prefilled Syringe" = 90 mg)', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '2055675' }] });
    expect(id).toMatchObject({ ingredient: 'risperidone', strengthMg: 90, longActingInjectable: true });
  });
  it('brand Invega Sustenna is long-acting paliperidone', () => {
    expect(identifyMedication({ text: 'Invega Sustenna 156 mg' })).toMatchObject({ ingredient: 'paliperidone', longActingInjectable: true });
  });
  it('selegiline patch strength per hour becomes mg per 24 h (row 865206 "24 HR selegiline 0.25 MG/HR Transdermal System" = 6 mg/24 h)', () => {
    expect(identifyMedication({ coding: [{ system: RXNORM, code: '865206' }] }).strengthMg).toBe(6);
  });
  it('a non-psychiatric medication keeps its name with class unknown', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '617310', display: 'atorvastatin 20 MG Oral Tablet' }] });
    expect(id).toMatchObject({ ingredient: 'atorvastatin', drugClass: 'unknown' });
    expect(isPsychiatric(id)).toBe(false);
    expect(id.note).toMatch(/not a psychiatric medication/);
  });
  it('an unrecognisable medication is kept with ingredient null and a note', () => {
    const id = identifyMedication({ text: 'the blue pill from the other doctor' });
    expect(id).toMatchObject({ ingredient: null, drugClass: 'unknown', matchedBy: 'none' });
    expect(id.note).toMatch(/not recognised/);
  });
  it('an RxNorm code outside the tables without a readable display says so', () => {
    const id = identifyMedication({ coding: [{ system: RXNORM, code: '999999' }] });
    expect(id.ingredient).toBeNull();
    expect(id.note).toMatch(/RxNorm 999999 is not in this app's tables/);
  });
  it('no concept at all does not throw', () => {
    expect(identifyMedication(undefined).matchedBy).toBe('none');
    expect(identifyMedication({ coding: 'oops' } as never).matchedBy).toBe('none');
  });
});

describe('medicationOf', () => {
  const med: Medication = { resourceType: 'Medication', id: 'med-1', code: { coding: [{ system: RXNORM, code: '312940' }] } };
  const resolve = (ref: string): Resource | undefined => (ref === 'Medication/med-1' ? med : undefined);

  it('reads medicationCodeableConcept', () => {
    const r: MedicationStatement = {
      resourceType: 'MedicationStatement', status: 'active', subject: { reference: 'Patient/p' },
      medicationCodeableConcept: { text: 'escitalopram 10 MG Oral Tablet' },
    };
    const out = medicationOf(r, resolve);
    expect(out.identity).toMatchObject({ ingredient: 'escitalopram', strengthMg: 10 });
    expect(out.medicationSource).toBeUndefined();
  });
  it('resolves Medication/id and reports it as the medication source', () => {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationReference: { reference: 'Medication/med-1' },
    };
    const out = medicationOf(r, resolve);
    expect(out.identity.ingredient).toBe('sertraline');
    expect(out.medicationSource).toBe('Medication/med-1');
  });
  it('resolves an absolute reference through its relative form', () => {
    const r = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationReference: { reference: 'https://ehr.example/fhir/Medication/med-1' },
    } as MedicationRequest;
    expect(medicationOf(r, resolve).medicationSource).toBe('Medication/med-1');
  });
  it('resolves a contained #id Medication without a medicationSource', () => {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      contained: [{ resourceType: 'Medication', id: 'c1', code: { text: 'Zoloft 100 mg' } } as Medication],
      medicationReference: { reference: '#c1' },
    };
    const out = medicationOf(r, resolve);
    expect(out.identity).toMatchObject({ ingredient: 'sertraline', strengthMg: 100 });
    expect(out.medicationSource).toBeUndefined();
  });
  it('a dangling reference gives a note and falls back to the reference display', () => {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationReference: { reference: 'Medication/gone', display: 'bupropion XL 300 mg' },
    };
    const out = medicationOf(r, resolve);
    expect(out.note).toMatch(/dangling reference/);
    expect(out.identity.ingredient).toBe('bupropion');
  });
  it('a dangling reference without display is kept as unknown', () => {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationReference: { reference: 'Medication/gone' },
    };
    const out = medicationOf(r, resolve);
    expect(out.identity.ingredient).toBeNull();
    expect(out.note).toMatch(/not found/);
  });
  it('a missing contained resource gives a note', () => {
    const r: MedicationRequest = {
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
      medicationReference: { reference: '#nope' },
    };
    expect(medicationOf(r, resolve).note).toMatch(/contained medication #nope not found/);
  });
});
