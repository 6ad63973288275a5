import type { Dosage } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { dailyDoseOf } from '../../../src/clinical/dose/daily-dose';
import { DoseMemo } from '../../../src/clinical/dose/dose-memo';
import { identifyMedication } from '../../../src/clinical/medication';
import type { MedicationIdentity } from '../../../src/clinical/types';

const sertraline50 = identifyMedication({ text: 'sertraline 50 MG Oral Tablet' });
const sertralineNoStrength = identifyMedication({ text: 'sertraline' });
const fluoxetineSolution = identifyMedication({ text: 'fluoxetine 4 MG/ML Oral Solution' });
const paliperidoneLai: MedicationIdentity = { ...identifyMedication({ text: 'Invega Sustenna' }), strengthMg: null };
const haloperidolDecanoate = identifyMedication({ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1719803' }] });

const q = (value: number, unit: string) => ({ doseAndRate: [{ doseQuantity: { value, unit } }] });
const daily = (frequency = 1, period = 1, periodUnit: 'd' | 'wk' | 'h' | 'mo' = 'd') => ({ timing: { repeat: { frequency, period, periodUnit } } });
const code = (c: string) => ({ timing: { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: c }] } } });

describe('structured doses', () => {
  it('doseQuantity in mg once daily: 100 mg/day', () => {
    expect(dailyDoseOf([{ ...q(100, 'mg'), ...daily() }], sertraline50)).toMatchObject({ amount: 100, unit: 'mg' });
  });
  it('tablets × product strength: 2 × 50 mg tablet once daily = 100 mg/day', () => {
    const d = dailyDoseOf([{ ...q(2, 'tablet'), ...daily() }], sertraline50);
    expect(d).toMatchObject({ amount: 100, unit: 'mg' });
    expect(d.basis).toMatch(/2 × 50 mg tablet/);
  });
  it('UCUM {tbl} unit is a tablet', () => {
    expect(dailyDoseOf([{ doseAndRate: [{ doseQuantity: { value: 1, code: '{tbl}' } }], ...daily(2) }], sertraline50).amount).toBe(100);
  });
  it.each([
    ['BID', 100],
    ['TID', 150],
    ['QID', 200],
    ['QD', 50],
    ['QOD', 25],
    ['HS', 50],
    ['QAM', 50],
    ['QPM', 50],
  ])('timing code %s with 1 × 50 mg tablet = %s mg/day', (c, mg) => {
    expect(dailyDoseOf([{ ...q(1, 'tablet'), ...code(c) }], sertraline50).amount).toBe(mg);
  });
  it('every other day (frequency 1 per 2 d) = 0.5 administrations a day', () => {
    expect(dailyDoseOf([{ ...q(100, 'mg'), ...daily(1, 2) }], sertraline50).amount).toBe(50);
  });
  it('weekly dosing (1 per wk) averages to a seventh', () => {
    expect(dailyDoseOf([{ ...q(70, 'mg'), ...daily(1, 1, 'wk') }], sertraline50).amount).toBe(10);
  });
  it('every 12 hours = twice daily', () => {
    expect(dailyDoseOf([{ ...q(50, 'mg'), ...daily(1, 12, 'h') }], sertraline50).amount).toBe(100);
  });
  it('timeOfDay with two times = twice daily', () => {
    expect(dailyDoseOf([{ ...q(50, 'mg'), timing: { repeat: { timeOfDay: ['08:00:00', '20:00:00'] } } }], sertraline50).amount).toBe(100);
  });
  it('doseRange counts at its low end and says so', () => {
    const d = dailyDoseOf([{ doseAndRate: [{ doseRange: { low: { value: 1, unit: 'tablet' }, high: { value: 2, unit: 'tablet' } } }], ...daily() }], sertraline50);
    expect(d.amount).toBe(50);
    expect(d.note).toMatch(/low end/);
    expect(d.rules?.map((r) => r.id)).toContain('terminology.dose.range-low-end');
  });
  it('no timing: assumed once daily, and said', () => {
    const d = dailyDoseOf([q(150, 'mg')], sertraline50);
    expect(d.amount).toBe(150);
    expect(d.note).toMatch(/assumed once daily/);
  });
  it('asNeeded is flagged', () => {
    const d = dailyDoseOf([{ ...q(50, 'mg'), ...daily(), asNeededBoolean: true }], sertraline50);
    expect(d.asNeeded).toBe(true);
    expect(d.note).toMatch(/as needed/);
  });
});

describe('several dosage lines', () => {
  it('50 mg in the morning + 100 mg at bedtime (two lines, no sequence) = 150 mg/day', () => {
    const lines: Dosage[] = [
      { ...q(50, 'mg'), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } } },
      { ...q(100, 'mg'), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } } },
    ];
    expect(dailyDoseOf(lines, sertraline50).amount).toBe(150);
  });
  it('parts of a day numbered 1 and 2 without time bounds are summed: fluvoxamine 100 mg morning + 200 mg bedtime = 300 mg/day', () => {
    const lines: Dosage[] = [
      { sequence: 1, ...q(100, 'mg'), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } } },
      { sequence: 2, ...q(200, 'mg'), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } } },
    ];
    expect(dailyDoseOf(lines, sertraline50).amount).toBe(300);
  });
  it('sequential steps (sequence 1 for 7 days, then 2): the last step is the daily dose', () => {
    const lines: Dosage[] = [
      { sequence: 1, ...q(25, 'mg'), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 7, unit: 'd' } } } },
      { sequence: 2, ...q(50, 'mg'), ...daily() },
    ];
    const d = dailyDoseOf(lines, sertraline50);
    expect(d.amount).toBe(50);
    expect(d.note).toMatch(/last step/);
  });
});

describe('units', () => {
  it('g is converted to mg', () => {
    expect(dailyDoseOf([{ ...q(0.1, 'g'), ...daily() }], sertraline50).amount).toBe(100);
  });
  it('mcg is converted to mg (liothyronine 25 mcg = 0.025 mg)', () => {
    const t3 = identifyMedication({ text: 'liothyronine' });
    expect(dailyDoseOf([{ ...q(25, 'mcg'), ...daily() }], t3).amount).toBe(0.025);
  });
  it('mL with the product concentration: 5 mL × 4 mg/mL fluoxetine solution = 20 mg/day', () => {
    expect(dailyDoseOf([{ ...q(5, 'mL'), ...daily() }], fluoxetineSolution).amount).toBe(20);
  });
  it('mL without a known concentration: dose unknown with a note', () => {
    const d = dailyDoseOf([{ ...q(5, 'mL'), ...daily() }], sertraline50);
    expect(d.amount).toBeNull();
    expect(d.note).toMatch(/concentration/);
  });
  it('tablets without a known strength: dose unknown with a note', () => {
    const d = dailyDoseOf([{ ...q(2, 'tablet'), ...daily() }], sertralineNoStrength);
    expect(d).toMatchObject({ amount: null, unit: null });
    expect(d.note).toMatch(/strength of one unit is unknown/);
  });
  it('an unknown unit gives amount null with the unit named', () => {
    const d = dailyDoseOf([{ ...q(3, 'puff-o-matic'), ...daily() }], sertraline50);
    expect(d.amount).toBeNull();
    expect(d.note).toMatch(/puff-o-matic/);
  });
  it('mg/kg cannot be converted without weight', () => {
    expect(dailyDoseOf([{ ...q(0.5, 'mg/kg'), ...daily() }], sertraline50).note).toMatch(/per kg/);
  });
  it('no dosage at all: dose unknown', () => {
    const d = dailyDoseOf(undefined, sertraline50);
    expect(d.amount).toBeNull();
    expect(d.note).toMatch(/no dosage/);
  });
});

describe('long-acting injectables', () => {
  it('paliperidone palmitate 156 mg every 28 days = 5.571 mg/day, with the interval kept', () => {
    const d = dailyDoseOf([{ ...q(156, 'mg'), timing: { repeat: { frequency: 1, period: 28, periodUnit: 'd' } } }], paliperidoneLai);
    expect(d.amount).toBeCloseTo(5.571, 3);
    expect(d.perInterval).toEqual({ amountMg: 156, days: 28 });
    expect(d.note).toMatch(/long-acting injectable: 156 mg every 28 days/);
  });
  it('haloperidol decanoate 1 mL (100 mg/mL) every 4 weeks', () => {
    const d = dailyDoseOf([{ ...q(1, 'mL'), timing: { repeat: { frequency: 1, period: 4, periodUnit: 'wk' } } }], haloperidolDecanoate);
    expect(d.perInterval).toEqual({ amountMg: 100, days: 28 });
    expect(d.amount).toBeCloseTo(3.571, 3);
  });
  it('free text "150 mg every 4 weeks" for an LAI', () => {
    const d = dailyDoseOf([{ text: '150 mg IM every 4 weeks' }], paliperidoneLai);
    expect(d.amount).toBeCloseTo(150 / 28, 3);
    expect(d.perInterval?.days).toBe(28);
  });
});

describe('plain dosage text', () => {
  it.each([
    ['take 2 tablets by mouth daily', 100],
    ['1 tab bid', 100],
    ['150 mg at bedtime', 150],
    ['half a tablet daily', 25],
    ['100mg qd', 100],
    ['Take one tablet twice a day', 100],
    ['take 1 tablet by mouth every other day', 25],
    ['50 mg three times daily', 150],
    ['1 1/2 tablets every morning', 75],
    ['50 mg in the morning and 100 mg at bedtime', 150],
    ['25 mg daily for 1 week then 50 mg daily', 50],
    ['2 tabs qhs', 100],
    ['take 50 mg every 12 hours', 100],
    ['200mg/day', 200],
    ['100 mg per day', 100],
    ['take 1-2 tablets at bedtime', 50],
    ['50-100 mg daily', 50],
  ])('"%s" of a 50 mg tablet = %s mg/day', (text, mg) => {
    expect(dailyDoseOf([{ text }], sertraline50).amount).toBe(mg);
  });
  it('text with a structured timing: amount from text, frequency from timing', () => {
    expect(dailyDoseOf([{ text: 'take 1 tablet', ...code('BID') }], sertraline50).amount).toBe(100);
  });
  it('a range in the text counts at its low end and says so', () => {
    expect(dailyDoseOf([{ text: 'take 1-2 tablets at bedtime' }], sertraline50).note).toMatch(/low end/);
  });
  it('a concentration in the text is not a dose: "20 mg/mL solution, 5 mL daily"', () => {
    expect(dailyDoseOf([{ text: 'take 5 mL daily' }], fluoxetineSolution).amount).toBe(20);
  });
  it('"as needed" in the text is flagged', () => {
    expect(dailyDoseOf([{ text: '50 mg daily as needed for anxiety' }], sertraline50).asNeeded).toBe(true);
  });
  it('text without an amount: dose unknown with a note', () => {
    const d = dailyDoseOf([{ text: 'as directed' }], sertraline50);
    expect(d.amount).toBeNull();
    expect(d.note).toMatch(/no dose amount|could not read/);
  });
  it('text amount with an unknown strength: dose unknown', () => {
    expect(dailyDoseOf([{ text: 'take 2 tablets daily' }], sertralineNoStrength).amount).toBeNull();
  });
  it('patientInstruction is read when text is absent', () => {
    expect(dailyDoseOf([{ patientInstruction: 'Take 3 tablets at bedtime' }], sertraline50).amount).toBe(150);
  });
  it('never throws on malformed input', () => {
    expect(() => dailyDoseOf([null as never, { doseAndRate: 'x' } as never, { timing: { repeat: { period: -1 } } }], sertraline50)).not.toThrow();
    expect(dailyDoseOf('nope' as never, sertraline50).amount).toBeNull();
  });
});

describe('overflowing arithmetic', () => {
  it('a timing period of 5e-324 days gives dose unknown, not Infinity mg/day (property-test counterexample)', () => {
    const d = dailyDoseOf([{ text: '150 mg every 4 weeks', timing: { repeat: { period: 5e-324 } } }], sertraline50);
    expect(d).toMatchObject({ amount: null, unit: null });
    expect(d.note).toMatch(/non-finite/);
  });
});

describe('the dose memo returns what a fresh computation would', () => {
  // The memo is keyed on the dosage lines (structurally) and the identity fields the computation reads.
  it('same text, different doseQuantity: different doses', () => {
    const a = dailyDoseOf([{ text: 'take as directed', ...q(50, 'mg'), ...daily() }], sertraline50);
    const b = dailyDoseOf([{ text: 'take as directed', ...q(150, 'mg'), ...daily() }], sertraline50);
    expect([a.amount, b.amount]).toEqual([50, 150]);
  });
  it('same lines, different product strength: different doses', () => {
    const lines = (): Dosage[] => [{ text: '1 tablet daily (memo test)', ...q(1, 'tablet'), ...daily() }];
    const sertraline100 = identifyMedication({ text: 'sertraline 100 MG Oral Tablet' });
    expect(dailyDoseOf(lines(), sertraline50).amount).toBe(50);
    expect(dailyDoseOf(lines(), sertraline100).amount).toBe(100);
    expect(dailyDoseOf(lines(), sertralineNoStrength).amount).toBeNull();
  });
  it('same lines, key order differs or a field is added: still the right dose', () => {
    const base = dailyDoseOf([{ text: 'memo order', ...q(2, 'tablet'), ...daily(2) }], sertraline50);
    const reordered = dailyDoseOf([{ ...daily(2), ...q(2, 'tablet'), text: 'memo order' }], sertraline50);
    const withSequence = dailyDoseOf([{ text: 'memo order', ...q(2, 'tablet'), ...daily(2), sequence: 1 }], sertraline50);
    expect([base.amount, reordered.amount, withSequence.amount]).toEqual([200, 200, 200]);
    const twoLines = dailyDoseOf([{ text: 'memo order', ...q(2, 'tablet'), ...daily(2) }, { ...q(1, 'tablet'), ...daily() }], sertraline50);
    expect(twoLines.amount).toBe(250);
  });
  it('changing the caller\'s dosage after a call does not change a later answer', () => {
    const lines: Dosage[] = [{ text: 'memo mutation', ...q(25, 'mg'), ...daily() }];
    expect(dailyDoseOf(lines, sertraline50).amount).toBe(25);
    lines[0]!.doseAndRate![0]!.doseQuantity!.value = 75;
    expect(dailyDoseOf(lines, sertraline50).amount).toBe(75);
  });
  it('cyclic dosage objects neither throw nor hang', () => {
    const cyclic: Record<string, unknown> = { text: 'memo cycle', ...q(10, 'mg'), ...daily() };
    cyclic.self = cyclic;
    cyclic.many = [cyclic, cyclic, cyclic, cyclic, cyclic, cyclic, cyclic, cyclic];
    expect(dailyDoseOf([cyclic as Dosage], sertraline50).amount).toBe(10);
    expect(dailyDoseOf([cyclic as Dosage], sertraline50).amount).toBe(10);
  });
});

describe('a derivation\'s dose memo answers each set of lines as a fresh reading would', () => {
  // The memo compares lines on the values the reading reads of them: each variant below differs from the first in one
  // of those values, so a memo that ignored it would answer with the first line's dose.
  const base = (): Dosage => ({ text: '1 tablet daily', ...q(1, 'tablet'), ...daily() });
  const variants: Array<[string, Dosage[], MedicationIdentity]> = [
    ['the base line', [base()], sertraline50],
    ['another text', [{ ...base(), text: '1 tablet daily as needed' }], sertraline50],
    ['a patient instruction', [{ ...base(), patientInstruction: 'take as needed' }], sertraline50],
    ['no text, with a text-only dose', [{ patientInstruction: '3 tablets daily' }], sertraline50],
    ['as needed (boolean)', [{ ...base(), asNeededBoolean: true }], sertraline50],
    ['as needed (concept)', [{ ...base(), asNeededCodeableConcept: { text: 'anxiety' } }], sertraline50],
    ['twice daily', [{ ...base(), ...daily(2) }], sertraline50],
    ['every other day', [{ ...base(), ...daily(1, 2) }], sertraline50],
    ['weekly', [{ ...base(), ...daily(1, 1, 'wk') }], sertraline50],
    ['times of day', [{ ...base(), timing: { repeat: { timeOfDay: ['08:00:00', '20:00:00'] } } }], sertraline50],
    ['other times of day', [{ ...base(), timing: { repeat: { timeOfDay: ['09:00:00', '21:00:00'] } } }], sertraline50],
    ['when', [{ ...base(), timing: { repeat: { when: ['MORN', 'HS', 'NOON'] } } }], sertraline50],
    ['a timing code', [{ ...base(), ...code('TID') }], sertraline50],
    ['another timing code', [{ ...base(), ...code('QID') }], sertraline50],
    ['a timing code text', [{ ...base(), timing: { code: { text: 'BID' } } }], sertraline50],
    ['another timing code text', [{ ...base(), timing: { code: { text: 'TID' } } }], sertraline50],
    ['2 tablets', [{ ...base(), ...q(2, 'tablet') }], sertraline50],
    ['1 mg', [{ ...base(), ...q(1, 'mg') }], sertraline50],
    ['1 g by code', [{ ...base(), doseAndRate: [{ doseQuantity: { value: 1, code: 'g' } }] }], sertraline50],
    ['a dose range', [{ ...base(), doseAndRate: [{ doseRange: { low: { value: 2, unit: 'tablet' }, high: { value: 3, unit: 'tablet' } } }] }], sertraline50],
    ['a dose range, other high end', [{ ...base(), doseAndRate: [{ doseRange: { low: { value: 2, unit: 'tablet' }, high: { value: 4, unit: 'tablet' } } }] }], sertraline50],
    ['two parts of a day', [base(), { ...base(), ...q(2, 'tablet') }], sertraline50],
    ['two numbered steps, bounded', [{ ...base(), sequence: 1, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 1, unit: 'wk' } } } }, { ...base(), ...q(2, 'tablet'), sequence: 2 }], sertraline50],
    ['two bounded parts, not numbered', [{ ...base(), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 1, unit: 'wk' } } } }, { ...base(), ...q(2, 'tablet') }], sertraline50],
    ['two numbered parts, unbounded', [{ ...base(), sequence: 1 }, { ...base(), ...q(2, 'tablet'), sequence: 2 }], sertraline50],
    ['another product strength', [base()], identifyMedication({ text: 'sertraline 100 MG Oral Tablet' })],
    ['no product strength', [base()], sertralineNoStrength],
    ['mL of a solution', [{ ...base(), ...q(5, 'mL') }], fluoxetineSolution],
    ['a long-acting injectable', [{ ...base(), ...q(1, 'mL'), ...daily(1, 4, 'wk') }], haloperidolDecanoate],
    ['no lines', [], sertraline50],
  ];

  it('every variant, read after any other through one memo, gets its own dose', () => {
    const fresh = variants.map(([, lines, identity]) => dailyDoseOf(lines, identity));
    // Each variant's own dose differs from the first line's.
    for (const d of fresh.slice(1)) expect(d).not.toEqual(fresh[0]);
    variants.forEach(([firstName, firstLines, firstIdentity]) => {
      const memo = new DoseMemo();
      memo.dailyDoseOf(structuredClone(firstLines), firstIdentity);
      variants.forEach(([name, lines, identity], i) => {
        expect({ after: firstName, name, dose: memo.dailyDoseOf(structuredClone(lines), identity) }).toEqual({ after: firstName, name, dose: fresh[i] });
      });
    });
  });

  it('lines that differ only where the reading does not look (route, key order) get the same answer object', () => {
    const memo = new DoseMemo();
    const first = memo.dailyDoseOf([{ ...base(), route: { text: 'oral' } }], sertraline50);
    const again = memo.dailyDoseOf([{ ...daily(), ...q(1, 'tablet'), text: '1 tablet daily', route: { text: 'by mouth' } }], sertraline50);
    expect(again).toBe(first);
    expect(first.amount).toBe(50);
  });

  it('unusual values (an object for a unit, a throwing getter, a cycle) are read as a fresh reading reads them', () => {
    const memo = new DoseMemo();
    const objectUnit = [{ ...base(), doseAndRate: [{ doseQuantity: { value: 1, unit: { toString: () => 'mg' } } }] }] as unknown as Dosage[];
    expect(memo.dailyDoseOf(objectUnit, sertraline50)).toEqual(dailyDoseOf(objectUnit, sertraline50));
    const throwing = [Object.defineProperty({ ...base() }, 'timing', { get: () => { throw new Error('getter'); }, enumerable: true })] as Dosage[];
    expect(() => memo.dailyDoseOf(throwing, sertraline50)).toThrow('getter');
    const cyclic: Record<string, unknown> = { ...base() };
    cyclic.self = cyclic;
    expect(memo.dailyDoseOf([cyclic as Dosage], sertraline50).amount).toBe(50);
    const nan = [{ ...base(), ...q(Number.NaN, 'tablet') }];
    for (let i = 0; i < 40; i++) expect(memo.dailyDoseOf(nan, sertraline50)).toEqual(dailyDoseOf(nan, sertraline50));
  });
});
