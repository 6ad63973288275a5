/**
 * RxNorm clinical drugs (SCD) used by the demo patients. Codes and displays copied from
 * src/clinical/data/rxnorm_by_ingredient.tsv (NLM VSAC expansions [V]); `strengthMg` is the strength in the
 * display. Lithium has no SCD in that table: its ingredient RXCUI 6448 is tier B ([S]), the product is text only.
 */
export interface Product {
  ingredient: string;
  /** RxNorm RXCUI, null when no verified code exists (then the record carries text only). */
  rxcui: string | null;
  display: string;
  strengthMg: number;
  /** Dose form word used in plain-language sigs. */
  unit: 'tablet' | 'capsule';
}

const p = (ingredient: string, rxcui: string | null, display: string, strengthMg: number, unit: Product['unit'] = 'tablet'): Product => ({
  ingredient,
  rxcui,
  display,
  strengthMg,
  unit,
});

export const PRODUCTS = {
  sertraline25: p('sertraline', '312940', 'sertraline 25 MG Oral Tablet', 25),
  sertraline50: p('sertraline', '312941', 'sertraline 50 MG Oral Tablet', 50),
  sertraline100: p('sertraline', '312938', 'sertraline 100 MG Oral Tablet', 100),
  sertraline150: p('sertraline', '410584', 'sertraline 150 MG Oral Capsule', 150, 'capsule'),
  sertraline200: p('sertraline', '251201', 'sertraline 200 MG Oral Capsule', 200, 'capsule'),
  escitalopram10: p('escitalopram', '349332', 'escitalopram 10 MG Oral Tablet', 10),
  escitalopram20: p('escitalopram', '351250', 'escitalopram 20 MG Oral Tablet', 20),
  citalopram10: p('citalopram', '283672', 'citalopram 10 MG Oral Tablet', 10),
  citalopram20: p('citalopram', '200371', 'citalopram 20 MG Oral Tablet', 20),
  fluoxetine20: p('fluoxetine', '310385', 'fluoxetine 20 MG Oral Capsule', 20, 'capsule'),
  fluoxetine40: p('fluoxetine', '313989', 'fluoxetine 40 MG Oral Capsule', 40, 'capsule'),
  paroxetine20: p('paroxetine', '1738495', 'paroxetine hydrochloride 20 MG Oral Tablet', 20),
  paroxetine40: p('paroxetine', '1738511', 'paroxetine hydrochloride 40 MG Oral Tablet', 40),
  fluvoxamine100: p('fluvoxamine', '903884', 'fluvoxamine maleate 100 MG Oral Tablet', 100),
  venlafaxine75: p('venlafaxine', '313585', '24 HR venlafaxine 75 MG Extended Release Oral Capsule', 75, 'capsule'),
  venlafaxine150: p('venlafaxine', '313581', '24 HR venlafaxine 150 MG Extended Release Oral Capsule', 150, 'capsule'),
  duloxetine30: p('duloxetine', '596930', 'duloxetine 30 MG Delayed Release Oral Capsule', 30, 'capsule'),
  duloxetine60: p('duloxetine', '596934', 'duloxetine 60 MG Delayed Release Oral Capsule', 60, 'capsule'),
  bupropion150: p('bupropion', '993541', '24 HR bupropion hydrochloride 150 MG Extended Release Oral Tablet', 150),
  bupropion300: p('bupropion', '993557', '24 HR bupropion hydrochloride 300 MG Extended Release Oral Tablet', 300),
  mirtazapine15: p('mirtazapine', '311725', 'mirtazapine 15 MG Oral Tablet', 15),
  mirtazapine30: p('mirtazapine', '314111', 'mirtazapine 30 MG Oral Tablet', 30),
  vortioxetine10: p('vortioxetine', '1439808', 'vortioxetine 10 MG Oral Tablet', 10),
  trazodone50: p('trazodone', '856377', 'trazodone hydrochloride 50 MG Oral Tablet', 50),
  nortriptyline25: p('nortriptyline', '317136', 'nortriptyline 25 MG Oral Capsule', 25, 'capsule'),
  nortriptyline50: p('nortriptyline', '198046', 'nortriptyline 50 MG Oral Capsule', 50, 'capsule'),
  amitriptyline50: p('amitriptyline', '856845', 'amitriptyline hydrochloride 50 MG Oral Tablet', 50),
  clomipramine50: p('clomipramine', '857301', 'clomipramine hydrochloride 50 MG Oral Capsule', 50, 'capsule'),
  clomipramine75: p('clomipramine', '857305', 'clomipramine hydrochloride 75 MG Oral Capsule', 75, 'capsule'),
  tranylcypromine10: p('tranylcypromine', '313447', 'tranylcypromine 10 MG Oral Tablet', 10),
  phenelzine15: p('phenelzine', '312347', 'phenelzine 15 MG Oral Tablet', 15),
  aripiprazole5: p('aripiprazole', '402131', 'aripiprazole 5 MG Oral Tablet', 5),
  aripiprazole15: p('aripiprazole', '349490', 'aripiprazole 15 MG Oral Tablet', 15),
  aripiprazole30: p('aripiprazole', '349547', 'aripiprazole 30 MG Oral Tablet', 30),
  olanzapine10: p('olanzapine', '314154', 'olanzapine 10 MG Oral Tablet', 10),
  olanzapine20: p('olanzapine', '283639', 'olanzapine 20 MG Oral Tablet', 20),
  risperidone2: p('risperidone', '312831', 'risperidone 2 MG Oral Tablet', 2),
  haloperidol5: p('haloperidol', '310672', 'haloperidol 5 MG Oral Tablet', 5),
  haloperidol10: p('haloperidol', '314035', 'haloperidol 10 MG Oral Tablet', 10),
  clozapine25: p('clozapine', '197536', 'clozapine 25 MG Oral Tablet', 25),
  clozapine100: p('clozapine', '197535', 'clozapine 100 MG Oral Tablet', 100),
  quetiapine100: p('quetiapine', '312743', 'quetiapine 100 MG Oral Tablet', 100),
  quetiapine300: p('quetiapine', '312745', 'quetiapine 300 MG Oral Tablet', 300),
  quetiapine150: p('quetiapine', '389201', 'quetiapine 150 MG Oral Tablet', 150),
  lurasidone40: p('lurasidone', '1040031', 'lurasidone hydrochloride 40 MG Oral Tablet', 40),
  lurasidone80: p('lurasidone', '1040041', 'lurasidone hydrochloride 80 MG Oral Tablet', 80),
  lamotrigine100: p('lamotrigine', '198427', 'lamotrigine 100 MG Oral Tablet', 100),
  lamotrigine200: p('lamotrigine', '198429', 'lamotrigine 200 MG Oral Tablet', 200),
  lithium300: p('lithium', null, 'lithium carbonate 300 MG Oral Capsule', 300, 'capsule'),
} satisfies Record<string, Product>;

export type ProductKey = keyof typeof PRODUCTS;
