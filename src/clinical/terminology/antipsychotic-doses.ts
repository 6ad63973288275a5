/**
 * Antipsychotic dose equivalence for TRRIP's adequate dose (>= 600 mg/day chlorpromazine equivalent), as data:
 *
 * 1. Gardner 2010's international consensus where it covers the drug and route (oral, and its long-acting
 *    injectable rows, per injection interval): the clinically used equivalence.
 * 2. The depot's own label where it converts oral doses to depot doses (paliperidone palmitate, olanzapine pamoate),
 *    applied to Gardner's oral equivalent.
 * 3. Otherwise Leucht 2020's dose-response olanzapine equivalents, anchored at olanzapine 20 mg/day ≡ 600 mg/day
 *    chlorpromazine (Gardner): two methods mixed, so the rule says so.
 *
 * Where that equivalent lies above the maximum licensed dose (cariprazine, brexpiprazole, lurasidone, iloperidone,
 * aripiprazole depots), a trial at the maximum licensed dose is counted adequate: a working rule, labelled as such,
 * so that no antipsychotic is excluded from ever being an adequate trial by arithmetic alone.
 */
import { CPZ_GARDNER_2010, CPZ_LEUCHT_2016, OLZ_LEUCHT_2020 } from '../data/cpz-tables.generated';
import type { ReferenceId } from '../references/registry';
import type { RuleRef } from '../types';
import { ingredientByName } from './ingredients';
import { rule } from './medication-rules';
import { TRRIP_CPZ_MG_PER_DAY } from '../engine-rules';

/** Gardner 2010: olanzapine 20 mg/day ≡ chlorpromazine 600 mg/day (the anchor for Leucht 2020's olanzapine equivalents). */
const OLANZAPINE_MG_AT_600_CPZ = 20;

export type AntipsychoticRoute = 'oral' | 'lai';
export type EquivalenceMethod = 'gardner2010' | 'label-conversion' | 'leucht2020-via-olanzapine';

/** The dose of a drug equivalent to 600 mg/day chlorpromazine: `mg` every `days` days. */
export interface Equivalence600 {
  drug: string;
  route: AntipsychoticRoute;
  mg: number;
  days: number;
  method: EquivalenceMethod;
  rule: RuleRef;
  /** Set when two methods are mixed or the product cannot be told apart. */
  note?: string;
}

/** Maximum licensed daily dose (or per injection interval), with the label it is read from. */
export interface MaxLicensedDose {
  drug: string;
  route: AntipsychoticRoute;
  mg: number;
  days: number;
  /** Product and label section. */
  label: string;
  references: readonly ReferenceId[];
}

const us = (drug: string, mg: number, label: string, route: AntipsychoticRoute = 'oral', days = 1): MaxLicensedDose => ({
  drug,
  route,
  mg,
  days,
  label,
  references: ['dailyMed'],
});
const eu = (drug: string, mg: number, label: string): MaxLicensedDose => ({ drug, route: 'oral', mg, days: 1, label, references: ['emcSmpc'] });

/** Maximum licensed doses for schizophrenia (adults), US labels unless the drug is not marketed there. */
export const MAX_LICENSED_DOSES: readonly MaxLicensedDose[] = [
  us('aripiprazole', 30, 'Abilify (aripiprazole) tablets, section 2.1: maximum 30 mg/day'),
  us('asenapine', 20, 'Saphris (asenapine) sublingual tablets, section 2.1: up to 10 mg twice daily'),
  us('brexpiprazole', 4, 'Rexulti (brexpiprazole), section 2.3: maximum 4 mg/day in schizophrenia'),
  us('cariprazine', 6, 'Vraylar (cariprazine), section 2.2: maximum 6 mg/day in schizophrenia'),
  us('chlorpromazine', 1000, 'chlorpromazine tablets, dosage in psychiatric outpatients and inpatients: usually no more than 1,000 mg/day'),
  us('clozapine', 900, 'Clozaril (clozapine), section 2.2: maximum 900 mg/day'),
  us('fluphenazine', 40, 'fluphenazine hydrochloride tablets, dosage: up to 40 mg/day'),
  us('haloperidol', 100, 'haloperidol tablets, dosage: up to 100 mg/day in severely resistant patients'),
  us('iloperidone', 24, 'Fanapt (iloperidone), section 2.1: target range 12-24 mg/day'),
  us('loxapine', 250, 'loxapine capsules, dosage: maximum 250 mg/day'),
  us('lumateperone', 42, 'Caplyta (lumateperone), section 2: 42 mg once daily (the only dose)'),
  us('lurasidone', 160, 'Latuda (lurasidone), section 2.2: maximum 160 mg/day in schizophrenia'),
  us('molindone', 225, 'molindone tablets, dosage: up to 225 mg/day'),
  us('olanzapine', 20, 'Zyprexa (olanzapine), section 2.1: maximum 20 mg/day'),
  us('paliperidone', 12, 'Invega (paliperidone) extended-release tablets, section 2.1: maximum 12 mg/day'),
  us('perphenazine', 64, 'perphenazine tablets, dosage: hospitalised patients up to 64 mg/day'),
  us('pimozide', 10, 'Orap (pimozide), dosage: maximum 10 mg/day (licensed for Tourette disorder)'),
  us('quetiapine', 750, 'Seroquel (quetiapine), section 2.2: schizophrenia, up to 750 mg/day (maintenance up to 800 mg/day)'),
  us('risperidone', 16, 'Risperdal (risperidone), section 2.1: doses above 16 mg/day not evaluated'),
  us('thioridazine', 800, 'thioridazine tablets, dosage: maximum 800 mg/day'),
  us('thiothixene', 60, 'thiothixene capsules, dosage: up to 60 mg/day'),
  us('trifluoperazine', 40, 'trifluoperazine tablets, dosage: hospitalised patients, 40 mg/day or more rarely needed'),
  us('ziprasidone', 160, 'Geodon (ziprasidone), section 2.1: maximum 80 mg twice daily'),
  eu('amisulpride', 1200, 'Solian (amisulpride) SmPC, section 4.2: maximum 1,200 mg/day'),
  eu('flupentixol', 18, 'Depixol (flupentixol) tablets SmPC, section 4.2: maximum 18 mg/day'),
  eu('sulpiride', 2400, 'sulpiride SmPC, section 4.2: maximum 2,400 mg/day'),
  eu('zuclopenthixol', 150, 'Clopixol (zuclopenthixol) tablets SmPC, section 4.2: maximum 150 mg/day'),
  us('aripiprazole', 400, 'Abilify Maintena (aripiprazole monohydrate), section 2.1: 400 mg monthly', 'lai', 28),
  us('haloperidol', 450, 'Haldol Decanoate, dosage: initial monthly dose not above 100 mg per injection; monthly doses above 450 mg not established', 'lai', 28),
  us('olanzapine', 300, 'Zyprexa Relprevv (olanzapine pamoate), section 2.1: up to 300 mg every 2 weeks', 'lai', 14),
  us('paliperidone', 234, 'Invega Sustenna (paliperidone palmitate), section 2.2: maintenance up to 234 mg monthly', 'lai', 28),
  us('risperidone', 50, 'Risperdal Consta (risperidone microspheres), section 2.1: maximum 50 mg every 2 weeks', 'lai', 14),
  us('fluphenazine', 100, 'fluphenazine decanoate injection, dosage: doses above 100 mg per injection need caution (every 2-4 weeks)', 'lai', 14),
];

export function maxLicensedDose(drug: string, route: AntipsychoticRoute): MaxLicensedDose | undefined {
  return MAX_LICENSED_DOSES.find((r) => r.drug === drug && r.route === route);
}

/**
 * Depot doses converted from oral doses by the depot's own label, for depots Gardner 2010 has no row for. The dose
 * is in mg of the product as labelled (paliperidone palmitate: mg of the palmitate ester, as RxNorm names it).
 */
interface LabelConversion {
  drug: string;
  /** Oral dose (mg/day) the label maps, and the depot dose (mg per `days`) it maps to. */
  oralMgPerDay: number;
  depotMg: number;
  days: number;
  label: string;
}
const LABEL_CONVERSIONS: readonly LabelConversion[] = [
  {
    drug: 'paliperidone',
    oralMgPerDay: 9,
    depotMg: 156,
    days: 28,
    label: 'Invega Sustenna label, section 2.4: oral paliperidone 9 mg/day ≈ 156 mg paliperidone palmitate monthly',
  },
  {
    drug: 'olanzapine',
    oralMgPerDay: 20,
    depotMg: 300,
    days: 14,
    label: 'Zyprexa Relprevv label, section 2.1 (Table 1): oral olanzapine 20 mg/day ≈ 300 mg olanzapine pamoate every 2 weeks',
  },
];

type KeyRow = readonly [route: string, drug: string, value: number, days: number | null];

/** Rows are keyed by the first word of the drug name ("haloperidol decanoate" -> haloperidol), spelling variants folded. */
function canonicalOf(tableName: string): string {
  const first = tableName.split(/\s+/)[0] ?? tableName;
  return ingredientByName(tableName)?.name ?? ingredientByName(first)?.name ?? first;
}

/** The canonical drug of every row of the equivalence tables, built once when the module loads and never written after. */
const CANONICAL: ReadonlyMap<string, string> = new Map(
  [CPZ_LEUCHT_2016, CPZ_GARDNER_2010, OLZ_LEUCHT_2020].flatMap((rows) => rows.map((r) => [r[1], canonicalOf(r[1])] as const)),
);

/** The row of `rows` for `drug` (an ingredient name) by `route`. */
export function findRow(rows: ReadonlyArray<KeyRow>, drug: string, route: AntipsychoticRoute): KeyRow | undefined {
  return rows.find((r) => r[0] === route && (CANONICAL.get(r[1]) ?? canonicalOf(r[1])) === drug);
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10));
const per = (mg: number, days: number) => (days === 1 ? `${fmt(mg)} mg/day` : `${fmt(mg)} mg every ${days} days`);

/** The dose of `drug` equivalent to 600 mg/day chlorpromazine, by the hierarchy above; null when no source covers it. */
function equivalent600(drug: string, route: AntipsychoticRoute): Equivalence600 | null {
  const g = findRow(CPZ_GARDNER_2010, drug, route);
  if (g) {
    const days = g[3] ?? 1;
    return {
      drug,
      route,
      mg: g[2],
      days,
      method: 'gardner2010',
      rule: rule(
        `cpz.gardner2010.${route}.${drug}`,
        `${drug}${route === 'lai' ? ` (${g[1]})` : ''}: ${per(g[2], days)} ≡ 600 mg/day chlorpromazine (Gardner 2010 consensus).`,
        `Gardner 2010, table of median equivalent doses, row "${g[1]}"`,
        'V',
        ['gardner2010'],
      ),
      ...(route === 'lai' && drug === 'risperidone'
        ? { note: 'Gardner 2010 rates risperidone microspheres (Risperdal Consta); other risperidone depots are compared by their average daily dose' }
        : {}),
    };
  }
  if (route === 'lai') {
    const c = LABEL_CONVERSIONS.find((l) => l.drug === drug);
    const oral = findRow(CPZ_GARDNER_2010, drug, 'oral');
    if (c && oral) {
      const mg = (oral[2] / c.oralMgPerDay) * c.depotMg;
      return {
        drug,
        route,
        mg,
        days: c.days,
        method: 'label-conversion',
        rule: rule(
          `cpz.label-conversion.lai.${drug}`,
          `${drug} depot: ${per(mg, c.days)} ≡ 600 mg/day chlorpromazine (Gardner 2010 oral ${fmt(oral[2])} mg/day, converted to the depot by its label).`,
          `Gardner 2010 row "${oral[1]}"; ${c.label}`,
          'derived',
          ['gardner2010', 'dailyMed'],
        ),
      };
    }
  }
  const o = findRow(OLZ_LEUCHT_2020, drug, route);
  if (o) {
    const days = o[3] ?? 1;
    // Leucht 2020 keys: mg/day of the drug equivalent to 1 mg/day olanzapine (depots: average mg/day).
    const mg = o[2] * OLANZAPINE_MG_AT_600_CPZ * days;
    return {
      drug,
      route,
      mg,
      days,
      method: 'leucht2020-via-olanzapine',
      rule: rule(
        `cpz.leucht2020.${route}.${drug}`,
        `${drug}: ${per(mg, days)} ≡ 600 mg/day chlorpromazine (Leucht 2020 dose-response equivalent of olanzapine 20 mg/day; olanzapine 20 mg ≡ chlorpromazine 600 mg by Gardner 2010).`,
        `Leucht 2020 olanzapine equivalents, row "${o[1]}" (${o[2]} mg ≡ 1 mg olanzapine); anchored by Gardner 2010: two methods mixed`,
        'derived',
        ['leucht2020', 'gardner2010'],
      ),
      note: `method mixing: ${drug} is not in Gardner 2010; Leucht 2020 dose-response equivalents anchored at olanzapine 20 mg ≡ chlorpromazine 600 mg`,
    };
  }
  return null;
}

export interface AntipsychoticAdequateDose {
  drug: string;
  route: AntipsychoticRoute;
  /** The drug's dose counted adequate, mg/day (depots: average mg/day). */
  drugMgPerDay: number;
  /** The same in mg/day chlorpromazine equivalents (600, or less where capped at the maximum licensed dose). */
  cpzMgPerDay: number;
  /** The 600 mg/day equivalent lies above the maximum licensed dose: the maximum licensed dose is used. */
  cappedAtMaximum: boolean;
  equivalence: Equivalence600;
  rules: RuleRef[];
  note?: string;
}

/** TRRIP's adequate dose for one antipsychotic and route, or null when no equivalence source covers it. */
export function antipsychoticAdequateDose(drug: string, route: AntipsychoticRoute): AntipsychoticAdequateDose | null {
  const eq = equivalent600(drug, route);
  if (!eq) return null;
  const eqPerDay = eq.mg / eq.days;
  const max = maxLicensedDose(drug, route);
  const maxPerDay = max ? max.mg / max.days : null;
  if (max && maxPerDay !== null && maxPerDay < eqPerDay - 1e-9) {
    const cpz = Math.round((maxPerDay / eqPerDay) * TRRIP_CPZ_MG_PER_DAY);
    return {
      drug,
      route,
      drugMgPerDay: maxPerDay,
      cpzMgPerDay: cpz,
      cappedAtMaximum: true,
      equivalence: eq,
      rules: [
        eq.rule,
        rule(
          `adequacy.antipsychotic-at-maximum.${route}.${drug}`,
          `${drug}${route === 'lai' ? ' depot' : ''}: the 600 mg/day chlorpromazine equivalent (${per(eq.mg, eq.days)}) lies above the maximum licensed dose (${per(max.mg, max.days)}); a trial at the maximum licensed dose (≈ ${cpz} mg/day chlorpromazine equivalent) is counted adequate.`,
          `${max.label}. TRRIP does not say what to do when its threshold exceeds the licence: working rule`,
          'U',
          [...max.references, 'howes2017', 'projectWorkingRule'],
        ),
      ],
      note: `600 mg/day chlorpromazine equivalent exceeds the maximum licensed dose of ${drug}: adequate at the maximum licensed dose (working rule)`,
    };
  }
  return {
    drug,
    route,
    drugMgPerDay: eqPerDay,
    cpzMgPerDay: TRRIP_CPZ_MG_PER_DAY,
    cappedAtMaximum: false,
    equivalence: eq,
    rules: [eq.rule],
    ...(eq.note ? { note: eq.note } : {}),
  };
}

/** mg/day chlorpromazine equivalent of a daily dose (depots: average mg/day), by the same hierarchy; null when not covered. */
export function cpzEquivalentOf(drug: string, mgPerDay: number, route: AntipsychoticRoute): { cpzMgPerDay: number; equivalence: Equivalence600 } | null {
  if (!Number.isFinite(mgPerDay) || mgPerDay < 0) return null;
  const eq = equivalent600(drug, route);
  if (!eq) return null;
  return { cpzMgPerDay: Math.round((mgPerDay / (eq.mg / eq.days)) * TRRIP_CPZ_MG_PER_DAY * 10) / 10, equivalence: eq };
}

