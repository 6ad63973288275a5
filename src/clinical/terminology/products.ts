/**
 * RxNorm products (SCD/SBD) and the parser for RxNorm normalized names.
 *
 * RxNorm names are regular: "[<volume> ML ][<n> HR ]<ingredient> [<salt>] <strength> <unit>[ / <ingredient 2> ...] <dose form>[ [Brand]]",
 * e.g. "sertraline 50 MG Oral Tablet", "24 HR selegiline 0.25 MG/HR Transdermal System",
 * "0.6 ML risperidone 150 MG/ML Prefilled Syringe", "fluoxetine 25 MG / olanzapine 6 MG Oral Capsule".
 * The same parser reads the product table (rxnorm_by_ingredient.tsv) and free text that follows the convention.
 */
import { builtOnFirstUse } from '../built-on-first-use';
import { RXNORM_PRODUCT_ROWS } from '../data/rxnorm-products.generated';
import { INGREDIENT_NAMES, ingredientByName, type IngredientRow } from './ingredients';

export interface ParsedComponent {
  /** Lower-case name as written, salt removed ("bupropion"). */
  name: string;
  /** The project's ingredient row when the name is a known psychiatric ingredient. */
  row: IngredientRow | undefined;
  /** mg per unit (tablet, capsule, patch-day, syringe), or mg per mL for liquids (see `perMl`). */
  strengthMg: number | null;
  /** True when strengthMg is a concentration (mg/mL) and the unit is a volume. */
  perMl: boolean;
  /** The salt or ester written after the name ("hydrochloride", "decanoate"). */
  salt: string | null;
}

export interface ParsedProductName {
  components: ParsedComponent[];
  doseForm: string;
  brand: string | null;
  /** Leading "0.6 ML" of a prefilled syringe or vial. */
  volumeMl: number | null;
  /** Leading "24 HR": extended release (tablets) or patch duration. */
  hours: number | null;
}

/** Salts and esters RxNorm writes after the base name; esters mark long-acting injectables. */
const SALTS = [
  'hydrochloride', 'hcl', 'hydrobromide', 'sodium', 'potassium', 'maleate', 'mesylate', 'fumarate', 'succinate',
  'citrate', 'carbonate', 'sulfate', 'tartrate', 'besylate', 'oxalate', 'pamoate', 'monohydrate', 'lactate',
  'acetate', 'aspartate', 'hemifumarate', 'hydrochloride monohydrate', 'decanoate', 'palmitate', 'lauroxil',
  'enanthate', 'monohydrate', 'xinafoate', 'bromide',
];
export const LAI_ESTERS = ['decanoate', 'palmitate', 'lauroxil', 'enanthate'];

const UNIT_FACTORS: Record<string, { factor: number; perMl: boolean; perHour?: boolean }> = {
  MG: { factor: 1, perMl: false },
  G: { factor: 1000, perMl: false },
  MCG: { factor: 0.001, perMl: false },
  UG: { factor: 0.001, perMl: false },
  'MG/ML': { factor: 1, perMl: true },
  'MCG/ML': { factor: 0.001, perMl: true },
  'MG/HR': { factor: 24, perMl: false, perHour: true },
  // Nasal sprays and inhalers: strength per actuation (one spray is the unit).
  'MG/ACTUAT': { factor: 1, perMl: false },
};

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const VOLUME_RE = new RegExp(String.raw`^${NUM}\s*ML\s+`, 'i');
const COMPONENT_RE = new RegExp(String.raw`^(.+?)\s+${NUM}\s*(MG/ML|MCG/ML|MG/HR|MG/ACTUAT|MG|MCG|UG|G)\b\s*(.*)$`, 'i');

/**
 * Parses a name written in the RxNorm convention. Returns null when no "<name> <number> <unit>" part is found.
 * Strengths are converted to mg (MCG -> /1000, G -> *1000); a "MG/HR" patch is expressed per 24 h.
 */
export function parseRxNormName(display: string): ParsedProductName | null {
  let text = display.trim();
  let brand: string | null = null;
  const brandMatch = /\[([^\]]+)\]\s*$/.exec(text);
  if (brandMatch) {
    brand = brandMatch[1]?.trim() ?? null;
    text = text.slice(0, brandMatch.index).trim();
  }
  let volumeMl: number | null = null;
  const vol = VOLUME_RE.exec(text);
  if (vol) {
    volumeMl = Number(vol[1]);
    text = text.slice(vol[0].length);
  }
  let hours: number | null = null;
  const hr = /^(\d+)\s*HR\s+/i.exec(text);
  if (hr) {
    hours = Number(hr[1]);
    text = text.slice(hr[0].length);
  }
  const parts = text.split(/\s+\/\s+/);
  const components: ParsedComponent[] = [];
  let doseForm = '';
  for (let i = 0; i < parts.length; i++) {
    const m = COMPONENT_RE.exec(parts[i] ?? '');
    if (!m) return null;
    const [, rawName = '', value = '', unitRaw = '', rest = ''] = m;
    const unit = UNIT_FACTORS[unitRaw.toUpperCase()];
    if (!unit) return null;
    const { name, salt } = splitSalt(rawName);
    const hourly = unit.perHour === true;
    components.push({
      name,
      row: ingredientByName(name),
      strengthMg: round(Number(value) * (hourly ? 24 : unit.factor)),
      perMl: unit.perMl,
      salt,
    });
    if (i === parts.length - 1) doseForm = rest.trim();
  }
  if (components.length === 0) return null;
  return { components, doseForm, brand, volumeMl, hours };
}

function splitSalt(rawName: string): { name: string; salt: string | null } {
  const words = rawName.trim().toLowerCase().split(/\s+/);
  const saltWords: string[] = [];
  while (words.length > 1 && SALTS.includes(words[words.length - 1] ?? '')) saltWords.unshift(words.pop() ?? '');
  // Prefer the longest known name: "lithium carbonate" is a synonym row, "divalproex sodium" too.
  const full = [...words, ...saltWords].join(' ');
  if (saltWords.length && ingredientByName(full)) return { name: full, salt: null };
  const name = words.join(' ');
  // "Smoking Cessation 12 HR bupropion": a known ingredient inside a longer prefix still counts.
  if (!ingredientByName(name)) {
    const known = findIngredientName(name);
    if (known) return { name: known, salt: saltWords.length ? saltWords.join(' ') : null };
  }
  return { name, salt: saltWords.length ? saltWords.join(' ') : null };
}

const NAME_RE = new RegExp(String.raw`(?:^|[^a-z])(${INGREDIENT_NAMES.map(escapeRe).join('|')})(?![a-z])`, 'i');

/** The longest known ingredient name (or synonym) written as a word inside `text`, lower case, or null. */
function findIngredientName(text: string): string | null {
  const m = NAME_RE.exec(text);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** Every distinct known ingredient row named in `text`, in order of appearance. */
const NAME_RE_GLOBAL = new RegExp(NAME_RE.source, 'gi');
export function findIngredientRows(text: string): IngredientRow[] {
  const rows: IngredientRow[] = [];
  // matchAll searches with its own copy of the expression, so no search position is left behind in the shared one.
  for (const m of text.matchAll(NAME_RE_GLOBAL)) {
    const row = m[1] ? ingredientByName(m[1]) : undefined;
    if (row && !rows.includes(row)) rows.push(row);
  }
  return rows;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export interface ProductEntry {
  rxcui: string;
  display: string;
  parsed: ParsedProductName;
}

/**
 * The product table by RXCUI, parsed on first use (parsing all 360 names up front would cost the app's start for records
 * that never ask).
 */
const productIndex = builtOnFirstUse(() => {
  const index = new Map<string, ProductEntry>();
  for (const [code, display] of RXNORM_PRODUCT_ROWS) {
    const parsed = parseRxNormName(display);
    if (parsed) index.set(code, { rxcui: code, display, parsed });
  }
  return index;
});

/** The RxNorm SCD/SBD product for an RXCUI from the project's product table. */
export function productByRxcui(rxcui: string): ProductEntry | undefined {
  return productIndex().get(rxcui.trim());
}

/**
 * Long-acting injectable antipsychotic? Esters (decanoate, palmitate, lauroxil, enanthate) always are; plain
 * risperidone, aripiprazole and paliperidone injectables are depot forms (Consta/Perseris/Uzedy, Maintena, Sustenna);
 * olanzapine injections of 150 mg or more are the pamoate depot (Relprevv), the 10 mg vial is the short-acting IM form.
 */
export function isLongActingInjectable(component: ParsedComponent, doseForm: string, volumeMl: number | null): boolean {
  const form = doseForm.toLowerCase();
  const injectable = /inject|syringe|suspension/.test(form) && !/oral/.test(form);
  if (!injectable) return false;
  if (component.salt && LAI_ESTERS.some((e) => component.salt?.includes(e))) return true;
  if (component.row?.drugClass !== 'antipsychotic') return false;
  if (['risperidone', 'aripiprazole', 'paliperidone'].includes(component.name)) return true;
  if (component.name === 'olanzapine') {
    const total = component.perMl && volumeMl ? (component.strengthMg ?? 0) * volumeMl : component.strengthMg ?? 0;
    return total >= 150;
  }
  return false;
}
