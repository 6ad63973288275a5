import { describe, expect, it } from 'vitest';
import {
  ATRQ_MIN_DOSES,
  chlorpromazineEquivalent,
  classifyScoreChange,
  minimumAdequateDose,
  scaleThresholds,
} from '../../../src/clinical/terminology';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('minimumAdequateDose: MGH-ATRQ (atrq_min_doses.tsv, FACTS §1.3 [S])', () => {
  it('venlafaxine 75 mg is below the ATRQ minimum of 150 mg (atrq_min_doses.tsv row venlafaxine)', () => {
    const t = minimumAdequateDose('venlafaxine');
    expect(t).toMatchObject({ mgPerDay: 150, scale: 'mg' });
    expect(75 < t!.mgPerDay).toBe(true);
    expect(t!.rule.verification).toBe('S');
    expect(t!.rule.source).toMatch(/COMP006 trial-specific/);
    expect(t!.rule.source).toMatch(/row "venlafaxine"/);
  });
  it.each([
    ['sertraline', 50],
    ['escitalopram', 10],
    ['bupropion', 300],
    ['mirtazapine', 15],
    ['nortriptyline', 75],
    ['phenelzine', 45],
    ['tranylcypromine', 30],
    ['vortioxetine', 10],
  ])('%s: %s mg/day', (drug, mg) => {
    expect(minimumAdequateDose(drug)?.mgPerDay).toBe(mg);
  });
  it('paroxetine notes the CR form (row paroxetine "20 mg/d (25 mg/d CR)")', () => {
    expect(minimumAdequateDose('paroxetine')).toMatchObject({ mgPerDay: 20, note: 'controlled-release paroxetine: 25 mg/day' });
  });
  it('the typed table matches the copied TSV line for line', () => {
    const tsv = readFileSync(resolve(process.cwd(), 'src/clinical/data/atrq_min_doses.tsv'), 'utf8')
      .split('\n').slice(1).filter((l) => l.trim() && !l.startsWith('quetiapine'));
    expect(tsv).toHaveLength(ATRQ_MIN_DOSES.length);
    tsv.forEach((line, i) => {
      const [drug, , cell] = line.split('\t');
      const row = ATRQ_MIN_DOSES[i]!;
      expect(drug!.startsWith(row.drug)).toBe(true);
      expect(cell).toBe(row.cell);
      expect(cell!.startsWith(String(row.minMgPerDay))).toBe(true);
    });
  });
  it('quetiapine is an antipsychotic by default, 150 mg/day as augmentation (Poland-specific add-on row)', () => {
    expect(minimumAdequateDose('quetiapine')).toMatchObject({ scale: 'mg-cpz-eq', mgPerDay: 600, drugMgPerDay: 800 });
    expect(minimumAdequateDose('quetiapine', 'augmentation')).toMatchObject({ scale: 'mg', mgPerDay: 150 });
  });
  it('lithium, lamotrigine and esketamine have no dose row', () => {
    expect(minimumAdequateDose('lithium')).toBeNull();
    expect(minimumAdequateDose('lamotrigine')).toBeNull();
    expect(minimumAdequateDose('esketamine')).toBeNull();
  });
});

describe('antipsychotic thresholds and chlorpromazine equivalents (FACTS §4.1, §4.3)', () => {
  it('olanzapine: 600 mg CPZ-eq = 20 mg/day (Leucht 2016 3.33 ×6, derived)', () => {
    const t = minimumAdequateDose('olanzapine');
    expect(t).toMatchObject({ scale: 'mg-cpz-eq', mgPerDay: 600, drugMgPerDay: 20 });
    expect(t!.rule.verification).toBe('derived');
    expect(t!.rule.source).toMatch(/TRRIP/);
  });
  it.each([
    ['risperidone', 10],
    ['haloperidol', 16],
    ['aripiprazole', 30],
    ['clozapine', 600],
    ['ziprasidone', 160],
    ['lurasidone', 120],
    ['paliperidone', 12],
  ])('%s threshold = %s mg/day (FACTS §4.3 table, ×6 column)', (drug, mg) => {
    expect(minimumAdequateDose(drug)?.drugMgPerDay).toBe(mg);
  });
  it('risperidone 10 mg/day is exactly 600 mg CPZ-eq (Leucht 1.67 read as 5/3, not 598.8)', () => {
    expect(chlorpromazineEquivalent('risperidone', 10)?.cpzMgPerDay).toBe(600);
  });
  it('clozapine 400 mg = 400 mg CPZ-eq by Leucht 2016 and 600 by Gardner 2010 (FACTS §4.3 rows clozapine)', () => {
    expect(chlorpromazineEquivalent('clozapine', 400)?.cpzMgPerDay).toBe(400);
    expect(chlorpromazineEquivalent('clozapine', 400, { table: 'gardner2010' })?.cpzMgPerDay).toBe(600);
  });
  it('brexpiprazole via Leucht 2020 olanzapine equivalents: 4.4 mg ≈ 600 (method mixing flagged)', () => {
    const t = minimumAdequateDose('brexpiprazole');
    expect(t?.drugMgPerDay).toBe(4.4);
    expect(t?.note).toMatch(/method mixing/);
    const e = chlorpromazineEquivalent('brexpiprazole', 4.4);
    expect(e?.cpzMgPerDay).toBe(600);
    expect(e?.table).toBe('leucht2020-via-olanzapine');
  });
  it('cariprazine 10 mg ≈ 600 mg CPZ-eq (FACTS §4.3: ≈10 mg, derived)', () => {
    expect(chlorpromazineEquivalent('cariprazine', 10)?.cpzMgPerDay).toBe(600);
    expect(minimumAdequateDose('cariprazine')?.drugMgPerDay).toBe(10);
  });
  it('LAI: haloperidol decanoate 100 mg / 28 days with the Leucht 2016 LAI key (1.10 mg/day ≡ 100 mg CPZ)', () => {
    const e = chlorpromazineEquivalent('haloperidol', 100 / 28, { route: 'lai' });
    expect(e?.cpzMgPerDay).toBeCloseTo(324.7, 0);
    expect(e?.rule.id).toBe('cpz.leucht2016.lai.haloperidol');
  });
  it('LAI by Gardner 2010: haloperidol decanoate 150 mg / 28 d ≡ 600 mg CPZ', () => {
    expect(chlorpromazineEquivalent('haloperidol', 150 / 28, { route: 'lai', table: 'gardner2010' })?.cpzMgPerDay).toBe(600);
  });
  it('an LAI without a long-acting key falls back to the oral key with a note (aripiprazole)', () => {
    const e = chlorpromazineEquivalent('aripiprazole', 400 / 28, { route: 'lai' });
    expect(e?.note).toMatch(/approximation/);
    expect(e?.rule.verification).toBe('U');
  });
  it('an ingredient no table covers gives null', () => {
    expect(chlorpromazineEquivalent('lumateperone', 42)).toBeNull();
    expect(chlorpromazineEquivalent('olanzapine', Number.NaN)).toBeNull();
  });
});

describe('scale thresholds (FACTS §3.1)', () => {
  it('PHQ-9: remission < 5, response >= 50%, partial 25-49%', () => {
    const s = scaleThresholds('phq9')!;
    expect(s).toMatchObject({ remissionMax: 4, responseReduction: 0.5, partialReduction: 0.25 });
    expect(classifyScoreChange('phq9', 20, 4)?.outcome).toBe('remission');
    expect(classifyScoreChange('phq9', 20, 10)?.outcome).toBe('response');
    expect(classifyScoreChange('phq9', 20, 14)?.outcome).toBe('partial');
    expect(classifyScoreChange('phq9', 20, 16)?.outcome).toBe('nonresponse');
  });
  it('PHQ-9 22 -> 19 is non-response (-14%)', () => {
    const r = classifyScoreChange('phq9', 22, 19)!;
    expect(r.outcome).toBe('nonresponse');
    expect(r.reduction).toBeCloseTo(3 / 22, 5);
  });
  it('Y-BOCS: response >= 35%, remission <= 12', () => {
    expect(classifyScoreChange('ybocs', 30, 19)?.outcome).toBe('response');
    expect(classifyScoreChange('ybocs', 30, 12)?.outcome).toBe('remission');
    expect(classifyScoreChange('ybocs', 30, 22)?.outcome).toBe('partial');
    expect(scaleThresholds('ybocs')!.rules.partial!.verification).toBe('U');
  });
  it('QIDS-SR16 remission <= 5, HAM-D17 <= 7, MADRS < 10 (V)', () => {
    expect(scaleThresholds('qids-sr16')).toMatchObject({ remissionMax: 5 });
    expect(scaleThresholds('hamd17')).toMatchObject({ remissionMax: 7 });
    expect(scaleThresholds('madrs')).toMatchObject({ remissionMax: 9 });
    expect(scaleThresholds('madrs')!.rules.remission!.verification).toBe('V');
  });
  it('GAD-7 thresholds are not in FACTS.md and are marked U', () => {
    expect(scaleThresholds('gad7')!.rules.remission!.verification).toBe('U');
  });
  it('PANSS reduction is computed above its floor of 30 (TRRIP < 20% = non-response)', () => {
    expect(classifyScoreChange('panss', 100, 90)?.outcome).toBe('nonresponse');
    expect(classifyScoreChange('panss', 100, 85)?.outcome).toBe('response');
  });
  it('item and screening scores have no thresholds', () => {
    expect(scaleThresholds('phq9-item9')).toBeNull();
    expect(scaleThresholds('phq2')).toBeNull();
    expect(classifyScoreChange('phq2', 5, 1)).toBeNull();
  });
});
