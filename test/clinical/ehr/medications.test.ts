/**
 * Medications as EHRs send them: unitless doses of products with a known strength, RxNorm SCD/SBD/branded names,
 * Epic-style sigs, contained and referenced Medications, and what each MedicationRequest status means for the span
 * of a trial (active and on-hold run on; stopped, completed, cancelled and entered-in-error as FHIR defines them).
 */
import type { Medication, MedicationRequest, MedicationStatement, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPLY_DAYS, REORDER_PERMISSIBLE_GAP_DAYS, derivePatient } from '../../../src/clinical';
import type { Derivation } from '../../../src/clinical/types';
import { AS_OF, PID, RXNORM, patient, ref, rxOrder, snomedCondition } from './ehr-builders';

function derive(resources: Resource[], asOf = AS_OF): Derivation {
  return derivePatient({ patientId: PID, resources: [patient(), ...resources] }, { asOf });
}
const ptsd = () => snomedCondition('47505003', 'Posttraumatic stress disorder', '2015-06-19');
const mdd = () => snomedCondition('370143000', 'Major depression disorder', '1993-01-09');

describe('unitless doses of a product with a known strength', () => {
  it('"Sertraline 100MG" (RxNorm 328670) with doseQuantity {value: 1} once a day is 100 mg/day', () => {
    const order = rxOrder('328670', 'Sertraline 100MG', '2015-07-03', 'active');
    const d = derive([ptsd(), order]);
    const t = d.trials.find((x) => x.ingredient === 'sertraline')!;
    expect(t.maxDailyDoseMg).toBe(100);
    expect(t.doseSteps[0]!.basis).toBe('1 × 100 mg (dose without a unit: units of the ordered product), once daily');
    expect(t.adequate).toBe(true);
  });

  it.each([
    ['SCD', '312941', 'sertraline 50 MG Oral Tablet', 2, 100],
    ['SBD', '208161', 'sertraline 100 MG Oral Tablet [Zoloft]', 1, 100],
    ['branded name', '208161', 'Zoloft 50 MG', 3, 150],
    ['SCDC without a space', '406022', 'Fluoxetine 25MG', 1, 25],
  ])('%s "%s" × %s unit(s) a day', (_kind, code, display, units, mg) => {
    const d = derive([mdd(), rxOrder(code, display, '2020-01-01', 'active', { units: units })]);
    expect(d.trials).toHaveLength(1);
    expect(d.trials[0]!.maxDailyDoseMg).toBe(mg);
  });

  it('"Clonazepam [Klonopin]" without a strength: the dose stays unknown and says why', () => {
    const anxiety = snomedCondition('197480006', 'Anxiety disorder', '2007-06-01');
    const d = derive([anxiety, rxOrder('1153378', 'Clonazepam [Klonopin]', '2007-06-04', 'active')]);
    const t = d.trials.find((x) => x.ingredient === 'clonazepam')!;
    expect(t.maxDailyDoseMg).toBeNull();
    expect(t.notes.join(' ')).toMatch(/dose 1 has no unit and the product's strength is unknown/);
  });
});

describe('Epic-style sigs in text', () => {
  it.each([
    ['Take 1 tablet (50 mg total) by mouth 2 (two) times daily.', 100],
    ['Take 2 tablets (100 mg total) by mouth nightly.', 100],
    ['Take 1 tablet by mouth every 12 (twelve) hours', 100],
    ['Take 1 tablet by mouth 3 (three) times daily as needed for anxiety.', 150],
    ['TAKE 1 TABLET BY MOUTH EVERY DAY', 50],
  ])('"%s" on sertraline 50 mg tablets is %s mg/day', (text, mg) => {
    const order = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2025-01-01', 'active', {
      units: null,
      extra: { dosageInstruction: [{ text }] },
    });
    expect(derive([mdd(), order]).trials[0]!.maxDailyDoseMg).toBe(mg);
  });
});

describe('contained and referenced Medications', () => {
  const sertraline50: Medication = {
    resourceType: 'Medication',
    id: 'sert50',
    code: { coding: [{ system: RXNORM, code: '312941', display: 'sertraline 50 MG Oral Tablet' }] },
  };
  it('a contained Medication gives ingredient and strength to a unitless dose', () => {
    const order: MedicationRequest = {
      ...rxOrder('x', 'x', '2025-01-01', 'active', { units: 2 }),
      medicationCodeableConcept: undefined,
      contained: [sertraline50],
      medicationReference: { reference: '#sert50' },
    };
    const d = derive([mdd(), order]);
    expect(d.trials[0]).toMatchObject({ ingredient: 'sertraline', maxDailyDoseMg: 100 });
  });
  it('a referenced Medication is used and accounted for with its trial', () => {
    const order: MedicationRequest = {
      ...rxOrder('x', 'x', '2025-01-01', 'active', { units: 1 }),
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/sert50' },
    };
    const d = derive([mdd(), order, sertraline50]);
    expect(d.trials[0]).toMatchObject({ ingredient: 'sertraline', maxDailyDoseMg: 50 });
    expect(d.used.find((u) => u.reference === 'Medication/sert50')?.usedFor).toBe('medication of trial sertraline@2025-01-01');
  });
});

describe('order status and the span of a trial', () => {
  it('an active order from 2015 without supply details is ongoing, with a note that nothing renewed or dispensed it', () => {
    const order = rxOrder('328670', 'Sertraline 100MG', '2015-07-03', 'active');
    const t = derive([ptsd(), order]).trials[0]!;
    expect(t).toMatchObject({ start: '2015-07-03', end: null, outcome: 'ongoing' });
    expect(t.durationDays).toBeGreaterThan(4000);
    expect(t.notes).toContain(
      `${ref(order)} is still open, but nothing has renewed, dispensed or restated sertraline since 2015-07-03 (11 years 5 months): counted as taken to 2026-12-01; confirm with the patient`,
    );
    expect(t.unconfirmed).toEqual({ text: 'unconfirmed: no renewal or dispense since 2015-07-03 (11 years 5 months); confirm with the patient', sources: [ref(order)] });
  });

  it('a stopped order followed a week later by an active one of the same drug is one ongoing trial', () => {
    const first = rxOrder('406022', 'Fluoxetine 25MG', '1993-01-09', 'stopped');
    const second = rxOrder('406022', 'Fluoxetine 25MG', '1993-01-17', 'active');
    const d = derive([mdd(), first, second]);
    expect(d.trials).toHaveLength(1);
    expect(d.trials[0]).toMatchObject({ start: '1993-01-09', end: null, maxDailyDoseMg: 25, outcome: 'ongoing' });
  });

  it('a later active order of the same drug replaces the earlier one: its dose applies from its start', () => {
    const first = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2025-01-01', 'active');
    const second = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2025-03-01', 'active', { units: 2 });
    const t = derive([mdd(), first, second]).trials[0]!;
    expect(t.doseSteps.map((s) => [s.start, s.end, s.dailyDoseMg])).toEqual([
      ['2025-01-01', '2025-02-28', 50],
      ['2025-03-01', '2026-12-01', 100],
    ]);
    expect(t.notes).toContain(`${ref(first)} is taken as replaced by the later ${ref(second)} (2025-03-01)`);
  });

  it('an on-hold order is ongoing and says it is on hold', () => {
    const order = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2026-06-01', 'on-hold');
    const t = derive([mdd(), order]).trials[0]!;
    expect(t).toMatchObject({ end: null, outcome: 'ongoing' });
    expect(t.notes).toContain(`${ref(order)} is on hold (temporarily halted, expected to resume): counted as ongoing`);
  });

  it('a completed order covers its supply; a stopped one without supply 30 days with the stop date unknown', () => {
    const completed = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2024-01-01', 'completed', {
      extra: { dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }, numberOfRepeatsAllowed: 2 } },
    });
    const stopped = rxOrder('203122', 'citalopram 20 MG Oral Tablet', '2025-01-01', 'stopped');
    const d = derive([mdd(), completed, stopped]);
    expect(d.trials.find((t) => t.ingredient === 'sertraline')).toMatchObject({ start: '2024-01-01', end: '2024-03-30' });
    const citalopram = d.trials.find((t) => t.ingredient === 'citalopram')!;
    expect(citalopram).toMatchObject({ start: '2025-01-01', end: '2025-01-30' });
    expect(citalopram.notes).toContain(`no end, supply or quantity in ${ref(stopped)} (stopped; the stop date is not recorded): assumed to cover 30 days, a usual dispensing period`);
  });

  it('cancelled and entered-in-error orders are not trials, each with its reason', () => {
    const cancelled = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2025-01-01', 'cancelled');
    const wrong = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2025-02-01', 'entered-in-error');
    const d = derive([mdd(), cancelled, wrong]);
    expect(d.trials).toHaveLength(0);
    expect(d.unused).toEqual(
      expect.arrayContaining([
        { reference: ref(cancelled), reason: 'prescription cancelled' },
        { reference: ref(wrong), reason: 'entered-in-error' },
      ]),
    );
  });

  it('an order still active at death ends at death and is not ongoing', () => {
    const order = rxOrder('406022', 'Fluoxetine 25MG', '2005-03-01', 'active');
    const d = derivePatient(
      { patientId: PID, resources: [patient({ deceasedDateTime: '2012-07-31T06:01:37+00:00' }), mdd(), order] },
      { asOf: AS_OF },
    );
    const t = d.trials[0]!;
    expect(t).toMatchObject({ start: '2005-03-01', end: '2012-07-31' });
    expect(t.outcome).not.toBe('ongoing');
    expect(t.notes).toContain(`${ref(order)} was open at the patient's death (2012-07-31): the trial ends there`);
  });
});

/** A day `days` after an ISO date, as YYYY-MM-DD. */
function after(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('re-orders of one drug: one continuous trial (Burton 2012 permissible gap)', () => {
  // The EHR export's shape: sertraline re-ordered at follow-ups every 12 weeks, each order `stopped` when renewed,
  // none stating an end or a supply (so each is assumed to cover DEFAULT_SUPPLY_DAYS).
  const sertraline = (day: string, units = 1) => rxOrder('312941', 'sertraline 50 MG Oral Tablet', day, 'stopped', { units });

  it('three stopped sertraline orders 12 weeks apart, none with a supply, are one trial from the first order to the last supply', () => {
    const orders = [sertraline('2023-01-16'), sertraline('2023-04-10'), sertraline('2023-07-03', 2)];
    const d = derive([mdd(), ...orders]);
    const trials = d.trials.filter((t) => t.ingredient === 'sertraline');
    expect(trials).toHaveLength(1);
    const t = trials[0]!;
    expect(t).toMatchObject({ start: '2023-01-16', end: after('2023-07-03', DEFAULT_SUPPLY_DAYS - 1), maxDailyDoseMg: 100 });
    expect(t.sources).toEqual(expect.arrayContaining(orders.map(ref)));
  });

  it('the dose history follows the orders: 50 mg/day over the first two orders and the gaps between, then 100 mg/day', () => {
    const t = derive([mdd(), sertraline('2023-01-16'), sertraline('2023-04-10'), sertraline('2023-07-03', 2)]).trials[0]!;
    expect(t.doseSteps.map((s) => [s.start, s.end, s.dailyDoseMg])).toEqual([
      ['2023-01-16', '2023-07-02', 50],
      ['2023-07-03', '2023-08-01', 100],
    ]);
  });

  it('the trial says which days are assumed: the gaps between supplies and the supplies themselves', () => {
    const orders = [sertraline('2023-01-16'), sertraline('2023-04-10'), sertraline('2023-07-03')];
    const t = derive([mdd(), ...orders]).trials[0]!;
    expect(t.notes).toContain(
      `re-ordered within the permissible gap: 2 re-orders of sertraline (${ref(orders[1]!)}, ${ref(orders[2]!)}) came 55 days after the last day supplied by the order before, within the permissible ${REORDER_PERMISSIBLE_GAP_DAYS} days; one continuous trial, 108 days between supplies assumed taken at the previous dose; those supplies are themselves assumed (30 days each: the orders state none)`,
    );
    // The orders' assumed supplies are said once for the trial, not once per order.
    expect(t.notes).toContain(`no end, supply or quantity in 3 orders: ${orders.map(ref).join(', ')} (all stopped, the stop dates not recorded); each assumed to cover 30 days, a usual dispensing period`);
    expect(t.notes.filter((n) => n.startsWith('no end, supply or quantity'))).toHaveLength(1);
  });

  it('the notes name their kind before the first colon, so the data notes count them by kind across drugs', () => {
    const bupropion = (day: string) => rxOrder('993541', '24 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet', day, 'stopped');
    const d = derive([mdd(), sertraline('2023-01-16'), sertraline('2023-04-10'), bupropion('2024-01-02'), bupropion('2024-03-26')]);
    const heads = d.trials.flatMap((t) => t.notes.map((n) => n.split(':')[0]));
    expect(heads.filter((h) => h === 're-ordered within the permissible gap')).toHaveLength(2);
    expect(heads.filter((h) => h === 'no end, supply or quantity in 2 orders')).toHaveLength(2);
  });

  it(`a re-order issued ${REORDER_PERMISSIBLE_GAP_DAYS} days after the last supplied day still continues the trial`, () => {
    const first = sertraline('2024-01-01');
    const lastSupplied = after('2024-01-01', DEFAULT_SUPPLY_DAYS - 1);
    const second = sertraline(after(lastSupplied, REORDER_PERMISSIBLE_GAP_DAYS));
    const d = derive([mdd(), first, second]);
    expect(d.trials).toHaveLength(1);
    expect(d.trials[0]!.notes).toContain(
      `re-ordered within the permissible gap: ${ref(second)} re-orders sertraline 60 days after the last day supplied by ${ref(first)} (${lastSupplied}), within the permissible 60 days; one continuous trial, the 59 days between assumed taken at the previous dose; that supply is itself assumed (30 days: the order states none)`,
    );
  });

  it(`a re-order issued ${REORDER_PERMISSIBLE_GAP_DAYS + 1} days after the last supplied day starts a new trial`, () => {
    const lastSupplied = after('2024-01-01', DEFAULT_SUPPLY_DAYS - 1);
    const d = derive([mdd(), sertraline('2024-01-01'), sertraline(after(lastSupplied, REORDER_PERMISSIBLE_GAP_DAYS + 1))]);
    expect(d.trials.map((t) => t.start)).toEqual(['2024-01-01', after(lastSupplied, REORDER_PERMISSIBLE_GAP_DAYS + 1)]);
  });

  it('a stated supply is not called assumed: a 90-day order re-ordered 45 days after it ran out', () => {
    const first = rxOrder('312941', 'sertraline 50 MG Oral Tablet', '2024-01-01', 'completed', {
      extra: { dispenseRequest: { expectedSupplyDuration: { value: 90, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } },
    });
    const second = sertraline(after('2024-01-01', 89 + 45));
    const t = derive([mdd(), first, second]).trials[0]!;
    expect(t.notes).toContain(
      `re-ordered within the permissible gap: ${ref(second)} re-orders sertraline 45 days after the last day supplied by ${ref(first)} (2024-03-30), within the permissible 60 days; one continuous trial, the 44 days between assumed taken at the previous dose`,
    );
  });

  it('a statement after the same gap is not a re-order: the 30-day gap of any two records applies', () => {
    const first = sertraline('2024-01-01');
    const statement: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: 'statement-after-gap',
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: '312941', display: 'sertraline 50 MG Oral Tablet' }] },
      subject: { reference: `Patient/${PID}` },
      effectivePeriod: { start: '2024-03-15' },
      dosage: [{ doseAndRate: [{ doseQuantity: { value: 50, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }], timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
    };
    expect(derive([mdd(), first, statement]).trials).toHaveLength(2);
  });
});
