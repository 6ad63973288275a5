/**
 * Psychiatric ingredients: class, RxNorm ingredient code (with its tier: A in the CPIC database, B agreeing across code bases, U unconfirmed), ATC codes, brand names and
 * other names seen in records. Anything not in this table is "not a psychiatric medication" for the engine.
 *
 * Class judgements: aripiprazole, brexpiprazole, cariprazine and quetiapine are antipsychotics here; whether a trial
 * of them is an augmentation (added to an antidepressant) is the engine's judgement from the overlap, not ours.
 * Lithium is a mood stabilizer (its augmentation role is likewise decided by the engine); liothyronine is only ever
 * an augmentation agent in this domain.
 */
import type { DrugClass } from '../types';

export type RxcuiTier = 'A' | 'B' | 'U';

export interface IngredientRow {
  /** Lower-case generic name used everywhere as the ingredient key. */
  name: string;
  drugClass: DrugClass;
  /** RxNorm ingredient (IN) RXCUIs; empty when none is verified (tier U). */
  rxcuis: string[];
  rxcuiTier: RxcuiTier;
  /** WHO ATC codes (WHO ATC index) where listed; empty when none is listed. */
  atc: string[];
  /** Other names a record may use: salts spelled out, old names, abbreviations (lower case). */
  synonyms?: string[];
  note?: string;
  /** The unit its doses are written in when not mg: liothyronine is prescribed in micrograms (Cytomel 5, 25, 50 mcg). */
  doseUnit?: 'mcg';
}

const ing = (
  name: string,
  drugClass: DrugClass,
  rxcui: string | string[] | null,
  rxcuiTier: RxcuiTier,
  atc: string | string[] | null,
  extra: Partial<Pick<IngredientRow, 'synonyms' | 'note' | 'doseUnit'>> = {},
): IngredientRow => ({
  name,
  drugClass,
  rxcuis: rxcui === null ? [] : Array.isArray(rxcui) ? rxcui : [rxcui],
  rxcuiTier,
  atc: atc === null ? [] : Array.isArray(atc) ? atc : [atc],
  ...extra,
});

/** RXCUI (RxNorm, CPIC database) and ATC (WHO index); rows without codes are matched by name only. */
export const INGREDIENTS: readonly IngredientRow[] = [
  // SSRIs
  ing('sertraline', 'ssri', '36437', 'A', 'N06AB06'),
  ing('fluoxetine', 'ssri', '4493', 'A', 'N06AB03'),
  ing('paroxetine', 'ssri', '32937', 'A', 'N06AB05'),
  ing('citalopram', 'ssri', '2556', 'A', 'N06AB04'),
  ing('escitalopram', 'ssri', '321988', 'A', 'N06AB10'),
  ing('fluvoxamine', 'ssri', '42355', 'A', 'N06AB08'),
  // SNRIs
  ing('venlafaxine', 'snri', '39786', 'A', 'N06AX16'),
  ing('desvenlafaxine', 'snri', '734064', 'B', 'N06AX23'),
  ing('duloxetine', 'snri', '72625', 'A', 'N06AX21'),
  ing('levomilnacipran', 'snri', '1433212', 'B', 'N06AX28'),
  ing('milnacipran', 'snri', null, 'U', null, { note: 'US label is for fibromyalgia; on the MGH-ATRQ form' }),
  // Other (atypical) antidepressants
  ing('bupropion', 'atypical-antidepressant', '42347', 'A', 'N06AX12'),
  ing('mirtazapine', 'atypical-antidepressant', '15996', 'A', 'N06AX11'),
  ing('vortioxetine', 'atypical-antidepressant', '1455099', 'A', 'N06AX26'),
  ing('vilazodone', 'atypical-antidepressant', null, 'U', 'N06AX24'),
  ing('trazodone', 'atypical-antidepressant', '10737', 'B', 'N06AX05'),
  ing('nefazodone', 'atypical-antidepressant', null, 'U', 'N06AX06', { note: 'RXCUI 31565 seen once, not verified' }),
  ing('agomelatine', 'atypical-antidepressant', null, 'U', null, { note: 'not marketed in the US' }),
  ing('tianeptine', 'atypical-antidepressant', null, 'U', null, { note: 'not marketed in the US' }),
  ing('reboxetine', 'atypical-antidepressant', null, 'U', null, { note: 'not marketed in the US' }),
  ing('mianserin', 'atypical-antidepressant', null, 'U', null, { note: 'not marketed in the US' }),
  // Tricyclics (and tetracyclics, as on the MGH-ATRQ form)
  ing('amitriptyline', 'tca', '704', 'A', 'N06AA09'),
  ing('nortriptyline', 'tca', '7531', 'A', 'N06AA10'),
  ing('imipramine', 'tca', '5691', 'A', 'N06AA02'),
  ing('desipramine', 'tca', '3247', 'A', 'N06AA01'),
  ing('clomipramine', 'tca', '2597', 'A', 'N06AA04'),
  ing('doxepin', 'tca', '3638', 'A', 'N06AA12', { note: 'low-dose doxepin (3-6 mg, Silenor) is a hypnotic, not an antidepressant trial' }),
  ing('protriptyline', 'tca', '8886', 'A', 'N06AA11'),
  ing('trimipramine', 'tca', '10834', 'A', 'N06AA06'),
  ing('amoxapine', 'tca', '722', 'B', 'N06AA17'),
  ing('maprotiline', 'tca', null, 'U', 'N06AA21'),
  // MAOIs
  ing('phenelzine', 'maoi', '8123', 'B', 'N06AF03'),
  ing('tranylcypromine', 'maoi', '10734', 'B', 'N06AF04'),
  ing('isocarboxazid', 'maoi', null, 'U', 'N06AF01', { note: 'RXCUI 6011 seen once, not verified' }),
  ing('selegiline', 'maoi', null, 'U', 'N04BD01', {
    note: 'antidepressant only as the transdermal system (Emsam); ATC N04BD01 is the oral antiparkinson use (no N06 code for the patch)',
  }),
  ing('moclobemide', 'maoi', null, 'U', null, { note: 'reversible MAO-A inhibitor, not marketed in the US' }),
  // Antipsychotics
  ing('aripiprazole', 'antipsychotic', '89013', 'A', 'N05AX12'),
  ing('brexpiprazole', 'antipsychotic', '1658314', 'A', 'N05AX16'),
  ing('cariprazine', 'antipsychotic', null, 'U', 'N05AX15'),
  ing('quetiapine', 'antipsychotic', '51272', 'B', 'N05AH04'),
  ing('clozapine', 'antipsychotic', '2626', 'A', 'N05AH02'),
  ing('olanzapine', 'antipsychotic', '61381', 'A', 'N05AH03'),
  ing('risperidone', 'antipsychotic', '35636', 'A', 'N05AX08'),
  ing('haloperidol', 'antipsychotic', '5093', 'A', 'N05AD01'),
  ing('paliperidone', 'antipsychotic', null, 'U', 'N05AX13', { note: 'RXCUI 679314 in one table only, not verified' }),
  ing('ziprasidone', 'antipsychotic', '115698', 'B', 'N05AE04'),
  ing('lurasidone', 'antipsychotic', null, 'U', 'N05AE05'),
  ing('chlorpromazine', 'antipsychotic', null, 'U', null),
  ing('perphenazine', 'antipsychotic', null, 'U', null),
  ing('fluphenazine', 'antipsychotic', null, 'U', null),
  ing('trifluoperazine', 'antipsychotic', null, 'U', null),
  ing('thiothixene', 'antipsychotic', null, 'U', null, { synonyms: ['tiotixene'] }),
  ing('thioridazine', 'antipsychotic', null, 'U', null),
  ing('loxapine', 'antipsychotic', null, 'U', null),
  ing('molindone', 'antipsychotic', null, 'U', null),
  ing('pimozide', 'antipsychotic', null, 'U', null),
  ing('amisulpride', 'antipsychotic', null, 'U', null),
  ing('sulpiride', 'antipsychotic', null, 'U', null),
  ing('asenapine', 'antipsychotic', null, 'U', null),
  ing('iloperidone', 'antipsychotic', null, 'U', null),
  ing('lumateperone', 'antipsychotic', null, 'U', null, { note: "no chlorpromazine equivalent in this app's tables" }),
  ing('zuclopenthixol', 'antipsychotic', null, 'U', null),
  ing('flupentixol', 'antipsychotic', null, 'U', null, { synonyms: ['flupenthixol'] }),
  // Mood stabilizers
  ing('lithium', 'mood-stabilizer', '6448', 'B', 'N05AN01', { synonyms: ['lithium carbonate', 'lithium citrate'] }),
  ing('lamotrigine', 'mood-stabilizer', '28439', 'A', 'N03AX09'),
  ing('valproate', 'mood-stabilizer', ['11118', '266856'], 'A', 'N03AG01', {
    synonyms: ['valproic acid', 'divalproex', 'divalproex sodium', 'sodium valproate', 'valproate sodium', 'valpro'],
    note: 'valproic acid (11118) and divalproex sodium (266856) are one ingredient here',
  }),
  ing('carbamazepine', 'mood-stabilizer', null, 'U', null),
  // Augmentation agents
  ing('liothyronine', 'augmentation-agent', null, 'U', 'H03AA02', {
    synonyms: ['liothyronine sodium'],
    note: 'RXCUI sources conflict: matched by name and ATC only',
    doseUnit: 'mcg',
  }),
  // NMDA antagonists
  ing('esketamine', 'nmda-antagonist', null, 'U', 'N06AX27'),
  ing('ketamine', 'nmda-antagonist', null, 'U', 'N01AX03'),
  // Other psychotropics (recognised so they are not reported as unknown; no trial rules)
  ing('buspirone', 'other-psychotropic', null, 'U', null),
  ing('lorazepam', 'other-psychotropic', null, 'U', null),
  ing('clonazepam', 'other-psychotropic', null, 'U', null),
  ing('alprazolam', 'other-psychotropic', null, 'U', null),
  ing('diazepam', 'other-psychotropic', null, 'U', null),
  ing('zolpidem', 'other-psychotropic', null, 'U', null),
  ing('prazosin', 'other-psychotropic', null, 'U', null, { note: 'used for PTSD nightmares; an antihypertensive otherwise' }),
];

/** A brand name and what it contains. `lai` brands are long-acting injectables. */
export interface BrandRow {
  brand: string;
  /** Ingredients in the order the product is usually named; the first psychiatric one leads. */
  ingredients: string[];
  lai?: boolean;
}

const b = (brand: string, ingredients: string | string[], lai = false): BrandRow => ({
  brand,
  ingredients: Array.isArray(ingredients) ? ingredients : [ingredients],
  ...(lai ? { lai } : {}),
});

/** Brand names (the MGH-ATRQ form's own list plus US labels). Longer brands first where one contains another. */
export const BRANDS: readonly BrandRow[] = [
  b('Zoloft', 'sertraline'),
  b('Prozac', 'fluoxetine'),
  b('Sarafem', 'fluoxetine'),
  b('Paxil', 'paroxetine'),
  b('Pexeva', 'paroxetine'),
  b('Celexa', 'citalopram'),
  b('Lexapro', 'escitalopram'),
  b('Cipralex', 'escitalopram'),
  b('Luvox', 'fluvoxamine'),
  b('Effexor', 'venlafaxine'),
  b('Pristiq', 'desvenlafaxine'),
  b('Khedezla', 'desvenlafaxine'),
  b('Cymbalta', 'duloxetine'),
  b('Drizalma', 'duloxetine'),
  b('Fetzima', 'levomilnacipran'),
  b('Savella', 'milnacipran'),
  b('Wellbutrin', 'bupropion'),
  b('Aplenzin', 'bupropion'),
  b('Forfivo', 'bupropion'),
  b('Zyban', 'bupropion'),
  b('Remeron', 'mirtazapine'),
  b('Trintellix', 'vortioxetine'),
  b('Brintellix', 'vortioxetine'),
  b('Viibryd', 'vilazodone'),
  b('Desyrel', 'trazodone'),
  b('Oleptro', 'trazodone'),
  b('Serzone', 'nefazodone'),
  b('Valdoxan', 'agomelatine'),
  b('Stablon', 'tianeptine'),
  b('Edronax', 'reboxetine'),
  b('Tolvon', 'mianserin'),
  b('Elavil', 'amitriptyline'),
  b('Endep', 'amitriptyline'),
  b('Pamelor', 'nortriptyline'),
  b('Aventyl', 'nortriptyline'),
  b('Tofranil', 'imipramine'),
  b('Norpramin', 'desipramine'),
  b('Anafranil', 'clomipramine'),
  b('Sinequan', 'doxepin'),
  b('Adapin', 'doxepin'),
  b('Silenor', 'doxepin'),
  b('Surmontil', 'trimipramine'),
  b('Vivactil', 'protriptyline'),
  b('Asendin', 'amoxapine'),
  b('Ludiomil', 'maprotiline'),
  b('Nardil', 'phenelzine'),
  b('Parnate', 'tranylcypromine'),
  b('Marplan', 'isocarboxazid'),
  b('Emsam', 'selegiline'),
  b('Aurorix', 'moclobemide'),
  b('Manerix', 'moclobemide'),
  b('Abilify Maintena', 'aripiprazole', true),
  b('Abilify Asimtufii', 'aripiprazole', true),
  b('Aristada', 'aripiprazole', true),
  b('Abilify', 'aripiprazole'),
  b('Rexulti', 'brexpiprazole'),
  b('Vraylar', 'cariprazine'),
  b('Seroquel', 'quetiapine'),
  b('Clozaril', 'clozapine'),
  b('FazaClo', 'clozapine'),
  b('Versacloz', 'clozapine'),
  b('Zyprexa Relprevv', 'olanzapine', true),
  b('Zyprexa', 'olanzapine'),
  b('Risperdal Consta', 'risperidone', true),
  b('Perseris', 'risperidone', true),
  b('Uzedy', 'risperidone', true),
  b('Rykindo', 'risperidone', true),
  b('Risperdal', 'risperidone'),
  b('Haldol Decanoate', 'haloperidol', true),
  b('Haldol', 'haloperidol'),
  b('Invega Sustenna', 'paliperidone', true),
  b('Invega Trinza', 'paliperidone', true),
  b('Invega Hafyera', 'paliperidone', true),
  b('Invega', 'paliperidone'),
  b('Geodon', 'ziprasidone'),
  b('Latuda', 'lurasidone'),
  b('Thorazine', 'chlorpromazine'),
  b('Trilafon', 'perphenazine'),
  b('Prolixin', 'fluphenazine'),
  b('Saphris', 'asenapine'),
  b('Fanapt', 'iloperidone'),
  b('Caplyta', 'lumateperone'),
  b('Solian', 'amisulpride'),
  b('Lithobid', 'lithium'),
  b('Eskalith', 'lithium'),
  b('Lamictal', 'lamotrigine'),
  b('Depakote', 'valproate'),
  b('Depakene', 'valproate'),
  b('Tegretol', 'carbamazepine'),
  b('Equetro', 'carbamazepine'),
  b('Cytomel', 'liothyronine'),
  b('Spravato', 'esketamine'),
  b('Ketalar', 'ketamine'),
  b('Buspar', 'buspirone'),
  // Combination products: the engine gets the leading psychiatric ingredient and the components (see medication.ts).
  b('Symbyax', ['olanzapine', 'fluoxetine']),
  b('Auvelity', ['dextromethorphan', 'bupropion']),
  b('Lybalvi', ['olanzapine', 'samidorphan']),
  b('Contrave', ['naltrexone', 'bupropion']),
  b('Limbitrol', ['chlordiazepoxide', 'amitriptyline']),
  b('Triavil', ['perphenazine', 'amitriptyline']),
];

const BY_NAME = new Map<string, IngredientRow>();
for (const row of INGREDIENTS) {
  BY_NAME.set(row.name, row);
  for (const s of row.synonyms ?? []) if (!BY_NAME.has(s)) BY_NAME.set(s, row);
}
const BY_RXCUI = new Map<string, IngredientRow>();
for (const row of INGREDIENTS) for (const c of row.rxcuis) BY_RXCUI.set(c, row);
const BY_ATC = new Map<string, IngredientRow>();
for (const row of INGREDIENTS) for (const c of row.atc) BY_ATC.set(c, row);

/** The ingredient row for a generic name or synonym (case-insensitive), or undefined. */
export function ingredientByName(name: string): IngredientRow | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}
export function ingredientByRxcui(rxcui: string): IngredientRow | undefined {
  return BY_RXCUI.get(rxcui.trim());
}
export function ingredientByAtc(atc: string): IngredientRow | undefined {
  return BY_ATC.get(atc.trim().toUpperCase());
}

/** Every name (generic, synonym) the text matcher looks for, longest first so "desvenlafaxine" beats "venlafaxine". */
export const INGREDIENT_NAMES: readonly string[] = [...BY_NAME.keys()].sort((a, c) => c.length - a.length);

/** Classes that count as antidepressants for trial purposes. */
export const ANTIDEPRESSANT_CLASSES: ReadonlySet<DrugClass> = new Set<DrugClass>(['ssri', 'snri', 'tca', 'maoi', 'atypical-antidepressant']);
