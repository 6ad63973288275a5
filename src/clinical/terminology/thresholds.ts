/**
 * Minimum adequate daily doses and chlorpromazine equivalents, as data with a RuleRef per row.
 *
 * Antidepressants: MGH-ATRQ minimum doses, COMP006 trial-specific form [S] (atrq_min_doses.tsv, FACTS.md §1.3).
 * Antipsychotics: TRRIP adequate dose = 600 mg/day chlorpromazine equivalents [V] (FACTS.md §4.1), converted with
 * Leucht 2016 by default (mg ≡ 100 mg CPZ, ×6 for 600 = derived arithmetic), Gardner 2010 on request, and Leucht 2020
 * (olanzapine equivalents, via olanzapine 20 mg ≈ CPZ 600 mg) for brexpiprazole and cariprazine (method mixing, flagged).
 */
import type { RuleRef } from '../types';
import { CPZ_GARDNER_2010, CPZ_LEUCHT_2016, OLZ_LEUCHT_2020 } from '../data/cpz-tables.generated';
import { ingredientByName } from './ingredients';
import { rule } from './rules';
import { SRC } from './sources';

/** TRRIP's adequate antipsychotic dose, in mg/day chlorpromazine equivalents (Howes 2017 [V], FACTS.md §4.1). */
export const TRRIP_MIN_CPZ_MG_PER_DAY = 600;
/** Olanzapine 20 mg/day ≈ chlorpromazine 600 mg/day (Gardner 2010 median and Leucht 2016 ×6), FACTS.md §4.3 [derived]. */
const CPZ_MG_PER_OLANZAPINE_MG = 30;

export interface DoseThreshold {
  ingredient: string;
  /** Minimum adequate daily dose: mg/day of the drug ('mg'), or mg/day chlorpromazine equivalents ('mg-cpz-eq'). */
  mgPerDay: number;
  scale: 'mg' | 'mg-cpz-eq';
  /** Antipsychotics: the drug's own mg/day that equals the CPZ threshold in the default table (olanzapine 20). */
  drugMgPerDay: number | null;
  rule: RuleRef;
  note?: string;
}

interface AtrqRow {
  drug: string;
  brandOnForm: string;
  minMgPerDay: number;
  /** The cell as printed in atrq_min_doses.tsv, kept for the citation. */
  cell: string;
  note?: string;
}

const atrq = (drug: string, brandOnForm: string, minMgPerDay: number, cell: string, note?: string): AtrqRow => ({
  drug,
  brandOnForm,
  minMgPerDay,
  cell,
  ...(note ? { note } : {}),
});

/** atrq_min_doses.tsv, one row per line of the file (FACTS.md §1.3, tag [S]). */
export const ATRQ_MIN_DOSES: readonly AtrqRow[] = [
  atrq('sertraline', 'Zoloft', 50, '50 mg/d'),
  atrq('fluoxetine', 'Prozac', 20, '20 mg/d'),
  atrq('paroxetine', 'Paxil', 20, '20 mg/d (25 mg/d CR)', 'controlled-release paroxetine: 25 mg/day'),
  atrq('citalopram', 'Celexa', 20, '20 mg/d'),
  atrq('escitalopram', 'Lexapro', 10, '10 mg/d'),
  atrq('fluvoxamine', 'Luvox', 50, '50 mg/d'),
  atrq('venlafaxine', 'Effexor', 150, '150 mg/d'),
  atrq('desvenlafaxine', 'Pristiq', 50, '50 mg/d'),
  atrq('duloxetine', 'Cymbalta', 60, '60 mg/d'),
  atrq('levomilnacipran', 'Fetzima', 40, '40 mg/d'),
  atrq('milnacipran', 'Savella', 100, '100 mg/d'),
  atrq('bupropion', 'Wellbutrin', 300, '300 mg/d'),
  atrq('mirtazapine', 'Remeron', 15, '15 mg/d'),
  atrq('vortioxetine', 'Brintellix', 10, '10 mg/d'),
  atrq('vilazodone', 'Viibryd', 40, '40 mg/d'),
  atrq('trazodone', 'Desyrel', 300, '300 mg/d'),
  atrq('nefazodone', 'Serzone', 300, '300 mg/d'),
  atrq('amitriptyline', 'Endep/Elavil', 150, '150 mg/d'),
  atrq('nortriptyline', 'Pamelor', 75, '75 mg/d'),
  atrq('imipramine', 'Tofranil', 150, '150 mg/d'),
  atrq('desipramine', 'Norpramin', 150, '150 mg/d'),
  atrq('clomipramine', 'Anafranil', 150, '150 mg/d'),
  atrq('doxepin', 'Adapin/Sinequan', 150, '150 mg/d'),
  atrq('trimipramine', 'Surmontil', 150, '150 mg/d'),
  atrq('protriptyline', 'Vivactil', 30, '30 mg/d'),
  atrq('amoxapine', 'Asendin', 150, '150 mg/d'),
  atrq('maprotiline', 'Ludiomil', 150, '150 mg/d'),
  atrq('phenelzine', 'Nardil', 45, '45 mg/d'),
  atrq('tranylcypromine', 'Parnate', 30, '30 mg/d'),
  atrq('isocarboxazid', 'Marplan', 30, '30 mg/d'),
  atrq('selegiline', 'Emsam', 6, '6 mg/24 h', 'transdermal selegiline (Emsam) only: 6 mg/24 h patch'),
  atrq('moclobemide', 'Aurorix', 300, '300 mg/d', 'not marketed in the US'),
  atrq('agomelatine', 'Valdoxan', 25, '25 mg/d', 'not marketed in the US'),
  atrq('tianeptine', 'Stablon', 37.5, '37.5 mg/d', 'not marketed in the US'),
  atrq('reboxetine', 'Edronax', 4, '4 mg/d', 'not marketed in the US'),
  atrq('mianserin', 'Tolvon etc', 30, '30 mg/d', 'not marketed in the US'),
];

/** The Poland-specific quetiapine add-on row of that form (augmentation only; not on the base form). */
const QUETIAPINE_AUGMENTATION = atrq(
  'quetiapine',
  '-',
  150,
  '150 mg/d',
  'quetiapine as antidepressant augmentation: trial-specific (Poland) addition, not on the base MGH-ATRQ form',
);

function atrqRule(row: AtrqRow): RuleRef {
  return rule(
    `adequacy.min-dose.atrq.${row.drug}`,
    `${row.drug}: minimum adequate antidepressant dose ${row.minMgPerDay} mg/day (MGH-ATRQ${row.drug === 'quetiapine' ? ', augmentation' : ''}).`,
    `${SRC.atrq}; row "${row.drug === 'quetiapine' ? 'quetiapine (adjunct, Poland-specific add-on)' : row.drug}" (${row.cell})`,
    'S',
  );
}

export type DoseUse = 'antidepressant' | 'antipsychotic' | 'augmentation';

/**
 * The minimum adequate daily dose for an ingredient, or null when no table has one (lithium, lamotrigine, esketamine...).
 * `use` picks the table for agents with two roles (quetiapine: antipsychotic by default, 150 mg/day as augmentation).
 */
export function minimumAdequateDose(ingredient: string, use?: DoseUse): DoseThreshold | null {
  const name = ingredient.trim().toLowerCase();
  const row = ingredientByName(name);
  const key = row?.name ?? name;
  if (use === 'augmentation' && key === 'quetiapine') {
    return { ingredient: key, mgPerDay: 150, scale: 'mg', drugMgPerDay: 150, rule: atrqRule(QUETIAPINE_AUGMENTATION), note: QUETIAPINE_AUGMENTATION.note! };
  }
  const isAntipsychotic = row?.drugClass === 'antipsychotic';
  if (isAntipsychotic && use !== 'antidepressant') return antipsychoticThreshold(key);
  const a = ATRQ_MIN_DOSES.find((r) => r.drug === key);
  if (!a) return null;
  return { ingredient: key, mgPerDay: a.minMgPerDay, scale: 'mg', drugMgPerDay: a.minMgPerDay, rule: atrqRule(a), ...(a.note ? { note: a.note } : {}) };
}

function antipsychoticThreshold(drug: string): DoseThreshold {
  const leucht = findRow(CPZ_LEUCHT_2016, drug, 'oral');
  if (leucht) {
    const drugMg = round(leuchtFactor(leucht) * (TRRIP_MIN_CPZ_MG_PER_DAY / 100), 1);
    return {
      ingredient: drug,
      mgPerDay: TRRIP_MIN_CPZ_MG_PER_DAY,
      scale: 'mg-cpz-eq',
      drugMgPerDay: drugMg,
      rule: rule(
        `adequacy.min-dose.trrip-cpz.${drug}`,
        `${drug}: adequate antipsychotic dose >= 600 mg/day chlorpromazine equivalents = ${drugMg} mg/day (Leucht 2016 ${leucht[2]} mg ≡ 100 mg CPZ, ×6).`,
        `${SRC.trrip}; ${SRC.leucht2016}, row "oral,${drug}"; ×6 is derived arithmetic (TRRIP names no conversion table)`,
        'derived',
      ),
    };
  }
  const olz = findRow(OLZ_LEUCHT_2020, drug, 'oral');
  if (olz) {
    const drugMg = round((olz[2] * TRRIP_MIN_CPZ_MG_PER_DAY) / CPZ_MG_PER_OLANZAPINE_MG, 1);
    return {
      ingredient: drug,
      mgPerDay: TRRIP_MIN_CPZ_MG_PER_DAY,
      scale: 'mg-cpz-eq',
      drugMgPerDay: drugMg,
      rule: rule(
        `adequacy.min-dose.trrip-cpz.${drug}`,
        `${drug}: adequate antipsychotic dose >= 600 mg/day chlorpromazine equivalents ≈ ${drugMg} mg/day (Leucht 2020 olanzapine equivalents, via olanzapine 20 mg ≈ CPZ 600 mg).`,
        `${SRC.trrip}; ${SRC.leucht2020}, row "oral,${drug}"; mixing the 2020 dose-response and the 2016 DDD methods is derived and flagged`,
        'derived',
      ),
      note: 'method mixing: Leucht 2020 olanzapine equivalents converted to chlorpromazine via olanzapine 20 mg ≈ 600 mg',
    };
  }
  return {
    ingredient: drug,
    mgPerDay: TRRIP_MIN_CPZ_MG_PER_DAY,
    scale: 'mg-cpz-eq',
    drugMgPerDay: null,
    rule: rule(
      `adequacy.min-dose.trrip-cpz.${drug}`,
      `${drug}: adequate antipsychotic dose >= 600 mg/day chlorpromazine equivalents; no equivalence for ${drug} in the project tables.`,
      SRC.trrip,
      'V',
    ),
    note: `no chlorpromazine equivalent known for ${drug}: the dose cannot be compared with the threshold`,
  };
}

export type CpzTable = 'leucht2016' | 'gardner2010';

export interface CpzEquivalent {
  ingredient: string;
  /** mg/day chlorpromazine equivalents. */
  cpzMgPerDay: number;
  table: CpzTable | 'leucht2020-via-olanzapine';
  rule: RuleRef;
  note?: string;
}

/**
 * Chlorpromazine-equivalent mg/day of an antipsychotic daily dose. `route: 'lai'` uses the long-acting keys
 * (pass the average mg/day, i.e. the dose per interval divided by the interval in days). Returns null for an
 * ingredient no table covers.
 */
export function chlorpromazineEquivalent(
  ingredient: string,
  mgPerDay: number,
  options: { table?: CpzTable; route?: 'oral' | 'lai' } = {},
): CpzEquivalent | null {
  if (!Number.isFinite(mgPerDay) || mgPerDay < 0) return null;
  const row = ingredientByName(ingredient);
  const drug = row?.name ?? ingredient.trim().toLowerCase();
  const route = options.route ?? 'oral';
  const table = options.table ?? 'leucht2016';
  const notes: string[] = [];

  if (table === 'gardner2010') {
    const g = findRow(CPZ_GARDNER_2010, drug, route) ?? (route === 'lai' ? findRow(CPZ_GARDNER_2010, drug, 'oral') : undefined);
    if (g) {
      if (route === 'lai' && g[0] !== 'lai') notes.push('no long-acting key in Gardner 2010: oral equivalence applied to the average daily dose (approximation)');
      const perDayKey = g[3] ? g[2] / g[3] : g[2];
      return {
        ingredient: drug,
        cpzMgPerDay: round((mgPerDay / perDayKey) * 600, 1),
        table,
        rule: rule(
          `cpz.gardner2010.${g[0]}.${drug}`,
          `${drug} (${g[0]}): ${g[2]} mg${g[3] ? ` per ${g[3]} days` : '/day'} ≡ 600 mg/day chlorpromazine (Gardner 2010).`,
          `${SRC.gardner2010}, row "${g[0]},${g[1]}"`,
          notes.length ? 'U' : 'V',
        ),
        ...(notes.length ? { note: notes.join('; ') } : {}),
      };
    }
  } else {
    const l = findRow(CPZ_LEUCHT_2016, drug, route) ?? (route === 'lai' ? findRow(CPZ_LEUCHT_2016, drug, 'oral') : undefined);
    if (l) {
      if (route === 'lai' && l[0] !== 'lai') notes.push('no long-acting key in Leucht 2016: oral equivalence applied to the average daily dose (approximation)');
      return {
        ingredient: drug,
        cpzMgPerDay: round((mgPerDay / leuchtFactor(l)) * 100, 1),
        table,
        rule: rule(
          `cpz.leucht2016.${l[0]}.${drug}`,
          `${drug} (${l[0]}): ${l[2]} mg/day ≡ 100 mg/day chlorpromazine (Leucht 2016).`,
          `${SRC.leucht2016}, row "${l[0]},${l[1]}"`,
          notes.length ? 'U' : 'V',
        ),
        ...(notes.length ? { note: notes.join('; ') } : {}),
      };
    }
  }
  // Brexpiprazole, cariprazine (and anything else only in Leucht 2020): via olanzapine equivalents.
  const o = findRow(OLZ_LEUCHT_2020, drug, route) ?? findRow(OLZ_LEUCHT_2020, drug, 'oral');
  if (o) {
    const olzMg = mgPerDay / o[2];
    return {
      ingredient: drug,
      cpzMgPerDay: round(olzMg * CPZ_MG_PER_OLANZAPINE_MG, 1),
      table: 'leucht2020-via-olanzapine',
      rule: rule(
        `cpz.leucht2020.${o[0]}.${drug}`,
        `${drug}: ${o[2]} mg ≡ 1 mg olanzapine (Leucht 2020); olanzapine 20 mg ≈ chlorpromazine 600 mg.`,
        `${SRC.leucht2020}, row "${o[0]},${o[1]}"; conversion to chlorpromazine mixes methods (derived, flagged)`,
        'derived',
      ),
      note: `method mixing: ${drug} is not in ${table === 'gardner2010' ? 'Gardner 2010' : 'Leucht 2016'}; Leucht 2020 olanzapine equivalents used`,
    };
  }
  return null;
}

type KeyRow = readonly [route: string, drug: string, value: number, days: number | null];

/**
 * Leucht 2016 factors are defined daily doses divided by chlorpromazine's DDD (300 mg) × 100, printed to 2 decimals
 * (risperidone 1.67 = 5/3). Restoring the exact third (round(3 × f, 1) / 3) keeps risperidone 10 mg/day at 600 mg CPZ-eq
 * instead of 598.8, which would fail the TRRIP threshold by rounding alone. Derived arithmetic.
 */
function leuchtFactor(row: KeyRow): number {
  return Math.round(row[2] * 3 * 10) / 10 / 3;
}

/** Rows are keyed by the first word of the drug name ("haloperidol decanoate" -> haloperidol), spelling variants folded. */
function findRow(rows: ReadonlyArray<KeyRow>, drug: string, route: 'oral' | 'lai'): KeyRow | undefined {
  return rows.find((r) => r[0] === route && canonical(r[1]) === drug);
}

const canonicalCache = new Map<string, string>();
function canonical(tableName: string): string {
  let c = canonicalCache.get(tableName);
  if (c === undefined) {
    const first = tableName.split(/\s+/)[0] ?? tableName;
    c = ingredientByName(tableName)?.name ?? ingredientByName(first)?.name ?? first;
    canonicalCache.set(tableName, c);
  }
  return c;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Every dose-table rule, for the rules panel. */
export function doseTableRules(): RuleRef[] {
  const rules = ATRQ_MIN_DOSES.map(atrqRule);
  rules.push(atrqRule(QUETIAPINE_AUGMENTATION));
  const antipsychotics = [...new Set(CPZ_LEUCHT_2016.filter((r) => r[0] === 'oral').map((r) => canonical(r[1])))];
  for (const drug of [...antipsychotics, 'brexpiprazole', 'cariprazine']) rules.push(antipsychoticThreshold(drug).rule);
  return rules;
}
