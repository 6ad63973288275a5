/**
 * Dose quantities to mg (mass units, tablets of a known strength, mL of a known concentration) and number formatting.
 */
import type { MedicationIdentity } from '../types';
import type { Quantity } from 'fhir/r4';

export type IdentityLike = MedicationIdentity & { concentrationMgPerMl?: number | null };

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

export const MASS: Record<string, number> = { mg: 1, milligram: 1, milligrams: 1, g: 1000, gram: 1000, grams: 1000, mcg: 0.001, ug: 0.001, 'µg': 0.001, microgram: 0.001, micrograms: 0.001 };
const UNIT_WORDS = new Set([
  'tab', 'tabs', 'tablet', 'tablets', 'tbl', 'cap', 'caps', 'capsule', 'capsules', 'each', 'ea', 'unit', 'units', 'pill', 'pills',
  'patch', 'patches', 'syringe', 'syringes', 'injection', 'injections', 'device', 'devices', 'spray', 'sprays', 'dose', 'doses', '1',
  'sachet', 'vial', 'vials', 'lozenge', 'troche', 'puff', 'puffs', 'inhalation', 'inhalations',
]);

export function quantityToMg(q: Quantity, identity: IdentityLike): { mg: number | null; desc: string; note?: string; unitless?: boolean } {
  const value = typeof q.value === 'number' && Number.isFinite(q.value) ? q.value : null;
  const rawUnit = String(q.code ?? q.unit ?? '').trim();
  const unit = rawUnit.toLowerCase().replace(/[{}]/g, '').replace(/\(s\)$/, '');
  if (value === null) return { mg: null, desc: 'dose without a number', note: 'dose quantity has no numeric value' };
  if (value < 0) return { mg: null, desc: `${value} ${rawUnit}`, note: `negative dose ${value} ignored` };
  if (!unit) {
    // EHR exports (Synthea, the public SMART sandbox) send {value: 1} for "one tablet of the ordered product": with a
    // product of known strength a unitless dose is that many units of it.
    const s = identity.strengthMg;
    if (s !== null && s > 0) {
      return {
        mg: round(value * s),
        desc: `${fmt(value)} × ${fmt(s)} mg (dose without a unit: units of the ordered product)`,
        note: `dose ${fmt(value)} has no unit: read as ${fmt(value)} ${value === 1 ? 'unit' : 'units'} of the ${fmt(s)} mg product`,
        unitless: true,
      };
    }
    return { mg: null, desc: `${fmt(value)} (no unit)`, note: `dose ${fmt(value)} has no unit and the product's strength is unknown: cannot convert to mg` };
  }
  const mass = MASS[unit];
  if (mass !== undefined) {
    const mg = round(value * mass);
    return { mg, desc: mass === 1 ? `${fmt(value)} mg` : `${fmt(value)} ${rawUnit} (= ${fmt(mg)} mg)` };
  }
  if (unit === 'ml' || unit === 'milliliter' || unit === 'millilitre') {
    const c = identity.concentrationMgPerMl ?? null;
    if (c) return { mg: round(value * c), desc: `${fmt(value)} mL × ${fmt(c)} mg/mL` };
    return { mg: null, desc: `${fmt(value)} mL`, note: `dose of ${fmt(value)} mL but the concentration (mg/mL) is unknown` };
  }
  if (unit.includes('/kg')) return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `dose per kg body weight (${rawUnit}): needs the weight` };
  if (UNIT_WORDS.has(unit) || /^(tab|cap)/.test(unit)) {
    const s = identity.strengthMg;
    if (s === null) {
      return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `${fmt(value)} ${rawUnit} but the strength of one unit is unknown` };
    }
    return { mg: round(value * s), desc: `${fmt(value)} × ${fmt(s)} mg ${unitNoun(unit)}` };
  }
  return { mg: null, desc: `${fmt(value)} ${rawUnit}`, note: `unit "${rawUnit}" cannot be converted to mg` };
}

function unitNoun(unit: string): string {
  if (/^tab|tbl|pill/.test(unit)) return 'tablet';
  if (/^cap/.test(unit)) return 'capsule';
  if (/patch/.test(unit)) return 'patch';
  if (/syringe|inject|vial/.test(unit)) return 'injection';
  return 'unit';
}

export function qtyText(q: Quantity): string {
  return `${q.value ?? '?'} ${q.unit ?? q.code ?? ''}`.trim();
}

// ---------------------------------------------------------------------------------------------

/**
 * Milligrams to `digits` decimals; below 1 mg to three decimals of a microgram, so microgram doses keep their
 * precision (liothyronine 12.5 µg is 0.0125 mg, not 0.013; 24.5 µg must not read as 25).
 */
export function round(n: number, digits = 3): number {
  const f = 10 ** (digits === 3 && Math.abs(n) < 1 ? 6 : digits);
  return Math.round(n * f) / f;
}

/** A number in a sentence: two decimals, four below 1 (0.0125 mg, not 0.01). */
export function fmt(n: number): string {
  return String(Math.abs(n) < 1 ? Math.round(n * 1e4) / 1e4 : round(n, 2));
}

export function uniq(list: string[]): string[] {
  return [...new Set(list)];
}
