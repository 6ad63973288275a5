/**
 * Minimum adequate daily doses and chlorpromazine equivalents, as data with a RuleRef per row.
 *
 * Antidepressants: MGH-ATRQ minimum doses (trial-specific form of the questionnaire) [S].
 * Antipsychotics: TRRIP adequate dose = 600 mg/day chlorpromazine equivalents (Howes 2017) [V], by the equivalence
 * hierarchy of antipsychotic-doses.ts (Gardner 2010 consensus first; Leucht 2016's defined-daily-dose factors are
 * kept for comparison only, since DDD equivalents mislead clinically).
 */
import type { RuleRef } from '../types';
import { CPZ_LEUCHT_2016 } from '../data/cpz-tables.generated';
import {
  type EquivalenceMethod,
  MAX_LICENSED_DOSES,
  antipsychoticAdequateDose,
  canonicalDrug,
  cpzEquivalentOf,
} from './antipsychotic-doses';
import { ingredientByName } from './ingredients';
import { rule } from './rules';
import { SRC } from './sources';

/** TRRIP's adequate antipsychotic dose, in mg/day chlorpromazine equivalents (Howes 2017 [V], FACTS.md §4.1). */
export const TRRIP_MIN_CPZ_MG_PER_DAY = 600;

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
  const a = antipsychoticAdequateDose(drug, 'oral');
  if (a) {
    const main = a.rules[a.rules.length - 1]!;
    return {
      ingredient: drug,
      mgPerDay: a.cpzMgPerDay,
      scale: 'mg-cpz-eq',
      drugMgPerDay: Math.round(a.drugMgPerDay * 10) / 10,
      rule: a.cappedAtMaximum
        ? main
        : rule(
            `adequacy.min-dose.trrip-cpz.${drug}`,
            `${drug}: adequate antipsychotic dose >= 600 mg/day chlorpromazine equivalent = ${fmtMg(a.drugMgPerDay)} mg/day.`,
            `TRRIP adequate dose (Howes 2017, Table 2); ${a.equivalence.rule.source}`,
            a.equivalence.rule.verification,
            ['howes2017', ...(a.equivalence.rule.references ?? [])],
          ),
      ...(a.note ? { note: a.note } : {}),
    };
  }
  return {
    ingredient: drug,
    mgPerDay: TRRIP_MIN_CPZ_MG_PER_DAY,
    scale: 'mg-cpz-eq',
    drugMgPerDay: null,
    rule: rule(
      `adequacy.min-dose.trrip-cpz.${drug}`,
      `${drug}: adequate antipsychotic dose >= 600 mg/day chlorpromazine equivalents; no published equivalence for ${drug} in Gardner 2010 or Leucht 2020, so its dose cannot be compared with the threshold.`,
      'TRRIP adequate dose (Howes 2017, Table 2); no equivalence source',
      'U',
      ['howes2017', 'gardner2010', 'leucht2020'],
    ),
    note: `no chlorpromazine equivalent known for ${drug}: the dose cannot be compared with the threshold`,
  };
}

function fmtMg(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

export type CpzTable = 'leucht2016' | 'gardner2010';

export interface CpzEquivalent {
  ingredient: string;
  /** mg/day chlorpromazine equivalents. */
  cpzMgPerDay: number;
  table: CpzTable | EquivalenceMethod;
  rule: RuleRef;
  note?: string;
}

/**
 * Chlorpromazine-equivalent mg/day of an antipsychotic daily dose. `route: 'lai'` uses the depot equivalents (pass
 * the average mg/day, i.e. the dose per interval divided by the interval in days). By default the clinical
 * hierarchy of antipsychotic-doses.ts (Gardner 2010, depot labels, Leucht 2020); `table: 'leucht2016'` gives the
 * DDD-based figure for comparison only. Returns null for an ingredient no source covers.
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
  if (options.table === 'leucht2016') {
    const l = findRow(CPZ_LEUCHT_2016, drug, route);
    if (!l) return null;
    return {
      ingredient: drug,
      cpzMgPerDay: round((mgPerDay / leuchtFactor(l)) * 100, 1),
      table: 'leucht2016',
      rule: rule(
        `cpz.leucht2016.${l[0]}.${drug}`,
        `${drug} (${l[0]}): ${l[2]} mg/day ≡ 100 mg/day chlorpromazine (Leucht 2016, defined daily doses; for comparison, not used for adequacy).`,
        `Leucht 2016, row "${l[0]},${l[1]}"`,
        'V',
        ['leucht2016'],
      ),
    };
  }
  const e = cpzEquivalentOf(drug, mgPerDay, route);
  if (!e) return null;
  return {
    ingredient: drug,
    cpzMgPerDay: e.cpzMgPerDay,
    table: e.equivalence.method,
    rule: e.equivalence.rule,
    ...(e.equivalence.note ? { note: e.equivalence.note } : {}),
  };
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

function findRow(rows: ReadonlyArray<KeyRow>, drug: string, route: 'oral' | 'lai'): KeyRow | undefined {
  return rows.find((r) => r[0] === route && canonicalDrug(r[1]) === drug);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Every dose-table rule, for the rules panel. */
export function doseTableRules(): RuleRef[] {
  const rules = ATRQ_MIN_DOSES.map(atrqRule);
  rules.push(atrqRule(QUETIAPINE_AUGMENTATION));
  const antipsychotics = [...new Set(MAX_LICENSED_DOSES.map((r) => r.drug))];
  for (const drug of antipsychotics) {
    rules.push(antipsychoticThreshold(drug).rule);
    for (const route of ['oral', 'lai'] as const) {
      const a = antipsychoticAdequateDose(drug, route);
      if (a) rules.push(...a.rules);
    }
  }
  return rules;
}
