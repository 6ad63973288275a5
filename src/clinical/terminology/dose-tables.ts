/**
 * Minimum adequate daily doses and chlorpromazine equivalents, as data with a RuleRef per row.
 *
 * Antidepressants: MGH-ATRQ minimum doses (trial-specific form of the questionnaire) [S].
 * Antipsychotics: TRRIP adequate dose = 600 mg/day chlorpromazine equivalents (Howes 2017) [V], by the equivalence
 * hierarchy of antipsychotic-doses.ts (Gardner 2010 consensus first; Leucht 2016's defined-daily-dose factors are
 * kept for comparison only, since DDD equivalents mislead clinically).
 */
import type { ReferenceId } from '../references/registry';
import type { ConditionKey, RuleRef } from '../types';
import { CPZ_LEUCHT_2016 } from '../data/cpz-tables.generated';
import {
  type EquivalenceMethod,
  MAX_LICENSED_DOSES,
  antipsychoticAdequateDose,
  cpzEquivalentOf,
  findRow,
} from './antipsychotic-doses';
import { ingredientByName } from './ingredients';
import { rule } from './medication-rules';
import { TRRIP_CPZ_MG_PER_DAY } from '../engine-rules';

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

/** atrq_min_doses.tsv, one row per line of the file (trial-specific MGH-ATRQ form, secondary source). */
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
    `MGH-ATRQ minimum-dose column as transcribed from a trial-specific form of the questionnaire, row "${row.drug === 'quetiapine' ? 'quetiapine (adjunct, Poland-specific add-on)' : row.drug}" (${row.cell})`,
    'S',
    ['chandler2010', 'desseilles2011'],
  );
}

/**
 * Where the product label sets a higher effective antidepressant dose than the ATRQ transcription, the label wins
 * (an adequate trial must reach a dose that is effective by the label).
 */
interface LabelDoseRow {
  drug: string;
  minMgPerDay: number;
  rule: RuleRef;
}
const LABEL_MIN_DOSES: readonly LabelDoseRow[] = [
  {
    drug: 'reboxetine',
    minMgPerDay: 8,
    rule: rule(
      'adequacy.min-dose.label.reboxetine',
      'reboxetine: minimum adequate antidepressant dose 8 mg/day (4 mg twice daily), not the 4 mg/day of the ATRQ transcription.',
      'Edronax (reboxetine) SmPC, section 4.2: 4 mg twice daily (8 mg/day)',
      'V',
      ['emcSmpc'],
    ),
  },
  {
    drug: 'fluvoxamine',
    minMgPerDay: 100,
    rule: rule(
      'adequacy.min-dose.label.fluvoxamine',
      'fluvoxamine for depression: minimum adequate dose 100 mg/day (the usual effective daily dose), not the 50 mg starting dose.',
      'Faverin (fluvoxamine) SmPC, section 4.2, depression: usual effective daily dose 100 mg (US labels cover OCD only)',
      'V',
      ['emcSmpc'],
    ),
  },
];

/** Products judged as themselves, not by their ingredient's plain row. Matched on the recorded product name or its other ingredient. */
export interface ProductDoseRow {
  drug: string;
  /** The product, in words. */
  product: string;
  /** Matches the recorded product name. */
  pattern?: RegExp;
  /** A combination product containing this other ingredient. */
  withIngredient?: string;
  /** Minimum adequate antidepressant dose (mg/day of `drug`), or null: this form is not an antidepressant treatment. */
  minMgPerDay: number | null;
  rule: RuleRef;
}
const PRODUCT_DOSES: readonly ProductDoseRow[] = [
  {
    drug: 'paroxetine',
    product: 'controlled-release paroxetine',
    pattern: /\b(cr|controlled[- ]release|extended[- ]release|er|24 hr)\b/i,
    minMgPerDay: 25,
    rule: rule(
      'adequacy.min-dose.atrq.paroxetine-cr',
      'controlled-release paroxetine: minimum adequate antidepressant dose 25 mg/day.',
      'MGH-ATRQ minimum-dose column, row "paroxetine" (20 mg/d, 25 mg/d CR); Paxil CR label section 2.1: 25 mg/day starting dose',
      'S',
      ['chandler2010', 'desseilles2011', 'dailyMed'],
    ),
  },
  {
    drug: 'selegiline',
    product: 'transdermal selegiline',
    pattern: /transdermal|patch|emsam|\/\s*24\s*h/i,
    minMgPerDay: 6,
    rule: rule(
      'adequacy.min-dose.selegiline-transdermal',
      'transdermal selegiline (Emsam): minimum adequate antidepressant dose 6 mg/24 h.',
      'Emsam label, section 2.1: 6 mg/24 h is the starting and target dose; MGH-ATRQ row "selegiline transdermal"',
      'V',
      ['dailyMed', 'chandler2010'],
    ),
  },
  {
    drug: 'selegiline',
    product: 'oral selegiline',
    minMgPerDay: null,
    rule: rule(
      'adequacy.selegiline-oral',
      'oral selegiline (5-10 mg/day, a selective MAO-B inhibitor for Parkinson disease) is not an antidepressant trial; only transdermal selegiline is licensed for depression.',
      'Emsam label, section 1 (major depressive disorder); oral selegiline (Eldepryl) label, section 1 (Parkinson disease)',
      'V',
      ['dailyMed'],
    ),
  },
  {
    drug: 'bupropion',
    product: 'dextromethorphan-bupropion (Auvelity)',
    withIngredient: 'dextromethorphan',
    minMgPerDay: 210,
    rule: rule(
      'adequacy.min-dose.dextromethorphan-bupropion',
      'dextromethorphan-bupropion (Auvelity) is judged as itself: adequate at its labelled dose, one 45/105 mg tablet twice daily (bupropion 210 mg/day), not at bupropion\'s 300 mg/day.',
      'Auvelity label, section 2.1: one tablet (45 mg dextromethorphan / 105 mg bupropion) twice daily after the first 3 days',
      'V',
      ['dailyMed'],
    ),
  },
];

/** The product row a trial's records match (their names and other ingredients), or null. */
export function productDoseOf(drug: string, names: readonly string[], otherIngredients: readonly string[]): ProductDoseRow | null {
  for (const row of PRODUCT_DOSES) {
    if (row.drug !== drug) continue;
    if (row.withIngredient !== undefined) {
      if (otherIngredients.includes(row.withIngredient)) return row;
      continue;
    }
    if (row.pattern === undefined || names.some((n) => row.pattern!.test(n))) return row;
  }
  return null;
}

/**
 * OCD: serotonin reuptake inhibitors need higher doses than in depression. The minimum adequate dose is the lower
 * end of the usual target dose (APA 2007, Table 2); maxima as there.
 */
export interface OcdDoseRow {
  drug: string;
  minMgPerDay: number;
  maxMgPerDay: number;
  rule: RuleRef;
}
const ocd = (drug: string, min: number, max: number, target: string): OcdDoseRow => ({
  drug,
  minMgPerDay: min,
  maxMgPerDay: max,
  rule: rule(
    `adequacy.min-dose.ocd.${drug}`,
    `${drug} for OCD: adequate from ${min} mg/day (usual target ${target} mg/day; usual maximum ${max} mg/day).`,
    `APA OCD practice guideline 2007, Table 2 (starting, usual target and maximum doses of SRIs), row "${drug}"`,
    'S',
    ['apaOcd2007'],
  ),
});
const OCD_MIN_DOSES: readonly OcdDoseRow[] = [
  ocd('citalopram', 40, 80, '40-60'),
  ocd('clomipramine', 100, 250, '100-250'),
  ocd('escitalopram', 20, 40, '20'),
  ocd('fluoxetine', 40, 80, '40-60'),
  ocd('fluvoxamine', 200, 300, '200'),
  ocd('paroxetine', 40, 60, '40-60'),
  ocd('sertraline', 200, 200, '200'),
];

/**
 * A drug level that decides adequacy where one is recorded (lithium, valproate): at or above `min`, the dose was
 * adequate whatever the mg/day. `units` are the spellings of the unit the number is read in (mmol/L = mEq/L for
 * lithium; µg/mL = mg/L for valproate); a level in another unit is not compared.
 */
export interface LevelThreshold {
  min: number;
  unit: string;
  units: readonly string[];
  rule: RuleRef;
}

const LITHIUM_UNITS = ['mmol/l', 'meq/l', 'mmol/liter', 'meq/liter'] as const;
const VALPROATE_UNITS = ['ug/ml', 'µg/ml', 'mcg/ml', 'mg/l', '[ug]/ml'] as const;

/**
 * The dose an agent was studied at for one use: bipolar depression (each guideline agent's trial or label dose) or
 * augmentation of an antidepressant (lithium, liothyronine). Where a level decides (`level`), `minMgPerDay` is the
 * dose read when no level is recorded, under `noLevelRule`.
 */
export interface StudiedDoseRow {
  drug: string;
  /**
   * A trial started before the current episode was running as prophylaxis: the episode broke through it. It counts as
   * a trial of the episode only when optimised for it (the acute `level` drawn in the episode, held for the trial
   * length within the episode); otherwise it is a prophylaxis failure, not a failed acute trial.
   */
  prophylaxis?: RuleRef;
  /** The product or use, in words ("olanzapine with fluoxetine"). */
  product: string;
  /** Applies only to a product that also contains this ingredient (olanzapine-fluoxetine). */
  withIngredient?: string;
  minMgPerDay: number;
  /** How the dose is written: liothyronine in micrograms. */
  doseUnit: 'mg' | 'mcg';
  level?: LevelThreshold;
  /**
   * The rule for the dose when a level decides but none is recorded (a working rule where no source gives a dose).
   * Without one, a level-decided trial with no level recorded has its adequacy unconfirmed until a level is drawn.
   */
  noLevelRule?: RuleRef;
  /** The conditions the row's source covers (null: a trial outside any episode); absent for every condition. */
  forConditions?: readonly (ConditionKey | null)[];
  rule: RuleRef;
}

const bipolar = (id: string, summary: string, source: string, verification: RuleRef['verification'], references: readonly ReferenceId[]) =>
  rule(`adequacy.bipolar-depression.${id}`, summary, source, verification, references);

const LITHIUM_BIPOLAR_LEVEL = bipolar(
  'lithium-level',
  'lithium for bipolar depression: adequate at a serum level of 0.8 mmol/L (mEq/L) or more.',
  'Lithium carbonate label, section 2 (acute treatment: serum lithium 0.8-1.2 mEq/L)',
  'V',
  ['dailyMed'],
);
const LITHIUM_PROPHYLAXIS = bipolar(
  'lithium-prophylaxis',
  'lithium started before the current episode (maintenance): the episode is a breakthrough on prophylaxis, not a failed acute trial, unless lithium was optimised for the episode: a serum level of 0.8 mmol/L (mEq/L) or more drawn in the episode, and at least 6 weeks of the episode after the episode began.',
  'CINP guidelines define resistance apart for acute bipolar depression and for the maintenance phase (Fountoulakis 2020); lithium non-response counts after adequate plasma levels (Pacchiarotti 2009); 0.6-0.8 mmol/L is the maintenance range, 0.8-1.0 for insufficient response (Nolen 2019); counting a maintenance trial only once optimised in the episode is a working rule',
  'U',
  ['fountoulakis2020', 'pacchiarotti2009', 'nolen2019', 'projectWorkingRule'],
);
/** The lithium level to aim for after an insufficient response with good tolerance (the plan's target when lithium is optimised). */
export const LITHIUM_TARGET_LEVEL = {
  min: 0.8,
  max: 1.0,
  unit: 'mmol/L',
  rule: bipolar(
    'lithium-target',
    'lithium after an insufficient response, tolerated: aim for a serum level of 0.8-1.0 mmol/L.',
    'Nolen 2019 (ISBD/IGSLI): 0.80-1.00 mmol/L for insufficient response with good tolerance',
    'S',
    ['nolen2019'],
  ),
} as const;
const VALPROATE_BIPOLAR_LEVEL = bipolar(
  'valproate-level',
  'valproate for bipolar depression: adequate at a trough level of 50 µg/mL or more.',
  'Depakote label, section 2.1 (mania: trough 50-125 µg/mL)',
  'S',
  ['dailyMed'],
);
const LITHIUM_AUGMENTATION_LEVEL = rule(
  'adequacy.augmentation.lithium-level',
  'lithium augmentation: adequate at a serum level of 0.5 mmol/L (mEq/L) or more.',
  'Bauer 1999 meta-analysis: lithium augmentation trials with serum levels ≥ 0.5 mEq/L (or ≥ 800 mg/day) for ≥ 2 weeks',
  'S',
  ['bauer1999'],
);

/**
 * Bipolar depression: each guideline-recommended agent at the dose it was studied or is labelled at for bipolar
 * depression. Lamotrigine and lithium have no US indication for acute bipolar depression; their rows follow their
 * labels' bipolar target dose or level.
 */
export const BIPOLAR_DEPRESSION_DOSES: readonly StudiedDoseRow[] = [
  {
    drug: 'quetiapine',
    product: 'quetiapine',
    minMgPerDay: 300,
    doseUnit: 'mg',
    rule: bipolar(
      'quetiapine',
      'quetiapine for bipolar depression: adequate from 300 mg/day (600 mg/day added no benefit).',
      'Seroquel label, section 2 (bipolar depression: 300 mg/day reached on day 4; 600 mg/day no more effective); BOLDER I (Calabrese 2005)',
      'V',
      ['dailyMed', 'calabrese2005'],
    ),
  },
  {
    drug: 'lurasidone',
    product: 'lurasidone',
    minMgPerDay: 20,
    doseUnit: 'mg',
    rule: bipolar(
      'lurasidone',
      'lurasidone for bipolar depression: adequate from 20 mg/day (effective 20-120 mg/day, starting at 20 mg).',
      'Latuda label, section 2 (bipolar depression: 20 mg once daily to start, 20-120 mg/day); PREVAIL-2 (Loebel 2014: 20-60 mg/day effective)',
      'V',
      ['dailyMed', 'loebel2014'],
    ),
  },
  {
    drug: 'cariprazine',
    product: 'cariprazine',
    minMgPerDay: 1.5,
    doseUnit: 'mg',
    rule: bipolar(
      'cariprazine',
      'cariprazine for bipolar depression: adequate from 1.5 mg/day (1.5 or 3 mg once daily).',
      'Vraylar label, section 2 (depressive episodes of bipolar I disorder: 1.5 mg once daily, may be raised to 3 mg)',
      'V',
      ['dailyMed'],
    ),
  },
  {
    drug: 'lumateperone',
    product: 'lumateperone',
    minMgPerDay: 42,
    doseUnit: 'mg',
    rule: bipolar(
      'lumateperone',
      'lumateperone for bipolar depression: adequate at 42 mg/day (the one labelled dose).',
      'Caplyta label, section 2 (bipolar depression: 42 mg once daily, no titration)',
      'V',
      ['dailyMed'],
    ),
  },
  {
    drug: 'olanzapine',
    product: 'olanzapine with fluoxetine',
    withIngredient: 'fluoxetine',
    minMgPerDay: 6,
    doseUnit: 'mg',
    rule: bipolar(
      'olanzapine-fluoxetine',
      'olanzapine-fluoxetine for bipolar depression: adequate from olanzapine 6 mg / fluoxetine 25 mg per day.',
      'Symbyax label, section 2 (bipolar I depression: 6 mg/25 mg once daily to start, effective 6-12 mg olanzapine / 25-50 mg fluoxetine); Tohen 2003',
      'V',
      ['dailyMed', 'tohen2003'],
    ),
  },
  {
    drug: 'olanzapine',
    product: 'olanzapine',
    minMgPerDay: 5,
    doseUnit: 'mg',
    rule: bipolar(
      'olanzapine',
      'olanzapine alone for bipolar depression: adequate from 5 mg/day (studied at 5-20 mg/day; not a labelled indication).',
      'Tohen 2003: olanzapine monotherapy 5-20 mg/day in bipolar I depression',
      'S',
      ['tohen2003'],
    ),
  },
  {
    drug: 'lamotrigine',
    product: 'lamotrigine',
    minMgPerDay: 200,
    doseUnit: 'mg',
    rule: bipolar(
      'lamotrigine',
      'lamotrigine for bipolar depression: adequate from the 200 mg/day target dose (100 mg/day with valproate, 400 mg/day with enzyme inducers; read at 200 here).',
      'Lamictal label, section 2 (bipolar disorder: target 200 mg/day after a 6-week titration; 100 mg/day with valproate, 400 mg/day with carbamazepine and other inducers)',
      'S',
      ['dailyMed'],
    ),
  },
  {
    drug: 'lithium',
    product: 'lithium',
    minMgPerDay: 900,
    doseUnit: 'mg',
    level: {
      min: 0.8,
      unit: 'mmol/L',
      units: LITHIUM_UNITS,
      rule: LITHIUM_BIPOLAR_LEVEL,
    },
    prophylaxis: LITHIUM_PROPHYLAXIS,
    // No dose stands in for the level: with none recorded, the trial's adequacy is unconfirmed until one is drawn.
    rule: LITHIUM_BIPOLAR_LEVEL,
  },
  {
    drug: 'valproate',
    product: 'valproate',
    minMgPerDay: 750,
    doseUnit: 'mg',
    level: {
      min: 50,
      unit: 'µg/mL',
      units: VALPROATE_UNITS,
      rule: VALPROATE_BIPOLAR_LEVEL,
    },
    noLevelRule: bipolar(
      'valproate-dose',
      'valproate for bipolar depression with no level recorded: adequate from 750 mg/day (the label\'s starting dose in mania), a working rule until a level is recorded.',
      'Depakote label, section 2.1 (mania: 750 mg daily to start); using a dose instead of a level is a working rule',
      'U',
      ['dailyMed', 'projectWorkingRule'],
    ),
    rule: VALPROATE_BIPOLAR_LEVEL,
  },
];

/** Augmentation of an antidepressant: lithium by level (or dose when none is recorded), liothyronine and aripiprazole by dose. */
export const AUGMENTATION_DOSES: readonly StudiedDoseRow[] = [
  {
    drug: 'lithium',
    product: 'lithium augmentation',
    minMgPerDay: 800,
    doseUnit: 'mg',
    level: {
      min: 0.5,
      unit: 'mmol/L',
      units: LITHIUM_UNITS,
      rule: LITHIUM_AUGMENTATION_LEVEL,
    },
    noLevelRule: rule(
      'adequacy.augmentation.lithium-dose',
      'lithium augmentation with no level recorded: adequate from 800 mg/day (level not recorded).',
      'Bauer 1999 meta-analysis: lithium augmentation trials with ≥ 800 mg/day or serum levels ≥ 0.5 mEq/L for ≥ 2 weeks',
      'S',
      ['bauer1999'],
    ),
    rule: LITHIUM_AUGMENTATION_LEVEL,
  },
  {
    drug: 'liothyronine',
    product: 'liothyronine augmentation',
    minMgPerDay: 0.025,
    doseUnit: 'mcg',
    rule: rule(
      'adequacy.augmentation.liothyronine',
      'liothyronine (T3) augmentation: adequate from 25 mcg/day (studied at 25-50 mcg/day).',
      'STAR*D level 3 (Nierenberg 2006): T3 25 mcg/day for a week, then 50 mcg/day',
      'S',
      ['nierenberg2006'],
    ),
  },
  {
    drug: 'aripiprazole',
    product: 'aripiprazole as adjunct to an antidepressant',
    minMgPerDay: 5,
    doseUnit: 'mg',
    forConditions: ['mdd', null],
    rule: rule(
      'adequacy.augmentation.aripiprazole',
      'aripiprazole added to an antidepressant in MDD: adequate from 5 mg/day, the lower end of the label\'s recommended adjunct dose (start 2-5 mg/day, recommended 5-10 mg/day, at most 15 mg/day).',
      'Aripiprazole label, section 2 (dosage and administration), adjunctive treatment of major depressive disorder: initial 2-5 mg/day, recommended 5-10 mg/day, maximum 15 mg/day',
      'S',
      ['aripiprazoleLabel'],
    ),
  },
];

/**
 * Agents whose adequacy is a serum level wherever no other table row judges them (lithium in depression outside
 * augmentation): with no level recorded, adequacy is unconfirmed; no dose stands in for it.
 */
export const LEVEL_JUDGED_DOSES: readonly StudiedDoseRow[] = [
  {
    drug: 'lithium',
    product: 'lithium',
    minMgPerDay: 0,
    doseUnit: 'mg',
    level: {
      min: 0.8,
      unit: 'mmol/L',
      units: LITHIUM_UNITS,
      rule: rule(
        'adequacy.lithium-level',
        'lithium outside augmentation and bipolar depression: adequacy is judged by the serum level, adequate at 0.8 mmol/L (mEq/L) or more; with no level recorded it is unconfirmed.',
        'Lithium carbonate label, section 2 (acute treatment: serum lithium 0.8-1.2 mEq/L; levels guide the dose); reading that level for a lithium trial in depression is a working rule',
        'U',
        ['dailyMed', 'projectWorkingRule'],
      ),
    },
    rule: rule(
      'adequacy.lithium-level-pending',
      'lithium with no serum level recorded: adequacy unconfirmed (pending a level while the trial runs; no dose stands in for it).',
      'Lithium carbonate label, section 2 (the dose is adjusted to the serum level); working rule',
      'U',
      ['dailyMed', 'projectWorkingRule'],
    ),
  },
];

/** The row of a studied-dose table for a trial's agent (its product's other ingredients decide combination rows). */
export function studiedDoseOf(table: readonly StudiedDoseRow[], drug: string, otherIngredients: readonly string[]): StudiedDoseRow | null {
  const rows = table.filter((r) => r.drug === drug);
  return rows.find((r) => r.withIngredient !== undefined && otherIngredients.includes(r.withIngredient)) ?? rows.find((r) => r.withIngredient === undefined) ?? null;
}

/**
 * Doses at or below these are hypnotic use, not an antidepressant or antipsychotic trial or augmentation: listed on the
 * timeline as such and not counted.
 */
export interface HypnoticCeilingRow {
  drug: string;
  maxMgPerDay: number;
  rule: RuleRef;
}
const HYPNOTIC_CEILINGS: readonly HypnoticCeilingRow[] = [
  {
    drug: 'doxepin',
    maxMgPerDay: 6,
    rule: rule(
      'trials.hypnotic-dose.doxepin',
      'doxepin at or below 6 mg/day is a hypnotic dose (Silenor, for insomnia: 3-6 mg), not an antidepressant trial.',
      'Silenor (doxepin) label, section 2.1: 6 mg once daily, 3 mg for some; AASM 2017 insomnia guideline (doxepin 3-6 mg)',
      'V',
      ['dailyMed', 'sateia2017'],
    ),
  },
  {
    drug: 'trazodone',
    maxMgPerDay: 100,
    rule: rule(
      'trials.hypnotic-dose.trazodone',
      'trazodone at or below 100 mg/day is taken as hypnotic use, not an antidepressant trial (antidepressant doses start at 150-300 mg/day).',
      'AASM 2017 insomnia guideline (trazodone studied at 50 mg); Desyrel label, section 2.1: depression from 150 mg/day; ceiling of 100 mg: working rule',
      'U',
      ['sateia2017', 'dailyMed', 'projectWorkingRule'],
    ),
  },
  {
    drug: 'quetiapine',
    maxMgPerDay: 50,
    rule: rule(
      'trials.hypnotic-dose.quetiapine',
      'quetiapine at or below 50 mg/day is taken as hypnotic (off-label sedative) use, not an antipsychotic trial or an augmentation.',
      'Below every licensed quetiapine dose (schizophrenia from 150 mg/day, bipolar depression 300 mg/day, MDD adjunct 150 mg/day: Seroquel and Seroquel XR labels, section 2); ceiling of 50 mg: working rule',
      'U',
      ['dailyMed', 'projectWorkingRule'],
    ),
  },
  {
    drug: 'mirtazapine',
    maxMgPerDay: 7.5,
    rule: rule(
      'trials.hypnotic-dose.mirtazapine',
      'mirtazapine at or below 7.5 mg/day is taken as hypnotic use, not an antidepressant trial (the effective antidepressant dose starts at 15 mg/day).',
      'Remeron label, section 2.1: 15 mg/day starting dose, effective range 15-45 mg; ceiling of 7.5 mg: working rule',
      'U',
      ['dailyMed', 'projectWorkingRule'],
    ),
  },
];

export function hypnoticCeilingOf(drug: string): HypnoticCeilingRow | null {
  return HYPNOTIC_CEILINGS.find((r) => r.drug === drug) ?? null;
}

export function ocdMinimumDose(drug: string): OcdDoseRow | null {
  return OCD_MIN_DOSES.find((r) => r.drug === drug) ?? null;
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
  const label = LABEL_MIN_DOSES.find((r) => r.drug === key);
  if (label) return { ingredient: key, mgPerDay: label.minMgPerDay, scale: 'mg', drugMgPerDay: label.minMgPerDay, rule: label.rule };
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
            `${drug}: adequate antipsychotic dose ≥ ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalent = ${fmtMg(a.drugMgPerDay)} mg/day.`,
            `TRRIP adequate dose (Howes 2017, Table 2); ${a.equivalence.rule.source}`,
            a.equivalence.rule.verification,
            ['howes2017', ...(a.equivalence.rule.references ?? [])],
          ),
      ...(a.note ? { note: a.note } : {}),
    };
  }
  return {
    ingredient: drug,
    mgPerDay: TRRIP_CPZ_MG_PER_DAY,
    scale: 'mg-cpz-eq',
    drugMgPerDay: null,
    rule: rule(
      `adequacy.min-dose.trrip-cpz.${drug}`,
      `${drug}: adequate antipsychotic dose ≥ ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalents; no published equivalence for ${drug} in Gardner 2010 or Leucht 2020, so its dose cannot be compared with the threshold.`,
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

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Every dose-table rule, for the rules panel. */
export function doseTableRules(): RuleRef[] {
  const rules = ATRQ_MIN_DOSES.map(atrqRule);
  rules.push(atrqRule(QUETIAPINE_AUGMENTATION));
  for (const list of [LABEL_MIN_DOSES, PRODUCT_DOSES, OCD_MIN_DOSES, HYPNOTIC_CEILINGS]) for (const r of list) rules.push(r.rule);
  for (const r of [...BIPOLAR_DEPRESSION_DOSES, ...AUGMENTATION_DOSES, ...LEVEL_JUDGED_DOSES]) {
    rules.push(r.rule);
    if (r.noLevelRule) rules.push(r.noLevelRule);
    if (r.level && r.level.rule !== r.rule) rules.push(r.level.rule);
    if (r.prophylaxis) rules.push(r.prophylaxis);
  }
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
