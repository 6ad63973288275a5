import { describe, expect, it } from 'vitest';
import {
  ATRQ_MIN_DOSES,
  chlorpromazineEquivalent,
  classifyScoreChange,
  minimumAdequateDose,
  scaleThresholds,
} from '../../../src/clinical/terminology';
import { antipsychoticAdequateDose, maxLicensedDose } from '../../../src/clinical/terminology/antipsychotic-doses';
import { INGREDIENTS } from '../../../src/clinical/terminology/ingredients';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('minimumAdequateDose: MGH-ATRQ (atrq_min_doses.tsv [S])', () => {
  it('venlafaxine 75 mg is below the ATRQ minimum of 150 mg (atrq_min_doses.tsv row venlafaxine)', () => {
    const t = minimumAdequateDose('venlafaxine');
    expect(t).toMatchObject({ mgPerDay: 150, scale: 'mg' });
    expect(75 < t!.mgPerDay).toBe(true);
    expect(t!.rule.verification).toBe('S');
    expect(t!.rule.source).toMatch(/trial-specific form/);
    expect(t!.rule.references).toEqual(['chandler2010', 'desseilles2011']);
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
  it('lithium, lamotrigine and esketamine have no dose row', () => {
    expect(minimumAdequateDose('lithium')).toBeNull();
    expect(minimumAdequateDose('lamotrigine')).toBeNull();
    expect(minimumAdequateDose('esketamine')).toBeNull();
  });
});

describe('antipsychotic adequate doses: TRRIP 600 mg/day chlorpromazine equivalent by the Gardner 2010 consensus', () => {
  it.each([
    ['risperidone', 6],
    ['haloperidol', 10],
    ['olanzapine', 20],
    ['quetiapine', 750],
    ['aripiprazole', 30],
    ['clozapine', 400],
    ['ziprasidone', 160],
    ['paliperidone', 9],
    ['amisulpride', 700],
    ['perphenazine', 30],
    ['fluphenazine', 12],
  ])('%s: 600 mg/day chlorpromazine ≡ %s mg/day (Gardner 2010 median, verified)', (drug, mg) => {
    const t = minimumAdequateDose(drug);
    expect(t).toMatchObject({ scale: 'mg-cpz-eq', mgPerDay: 600, drugMgPerDay: mg });
    expect(t!.rule.verification).toBe('V');
    expect(t!.rule.references).toEqual(['howes2017', 'gardner2010']);
  });

  it('quetiapine is an antipsychotic by default (750 mg/day, Gardner), 150 mg/day as augmentation (ATRQ add-on row)', () => {
    expect(minimumAdequateDose('quetiapine')).toMatchObject({ scale: 'mg-cpz-eq', mgPerDay: 600, drugMgPerDay: 750 });
    expect(minimumAdequateDose('quetiapine', 'augmentation')).toMatchObject({ scale: 'mg', mgPerDay: 150 });
  });

  it('risperidone 6 mg/day is 600 mg/day CPZ-eq (Gardner), not 360 as by the DDD method (Leucht 2016, comparison only)', () => {
    expect(chlorpromazineEquivalent('risperidone', 6)?.cpzMgPerDay).toBe(600);
    expect(chlorpromazineEquivalent('risperidone', 6, { table: 'leucht2016' })?.cpzMgPerDay).toBe(360);
  });

  it('asenapine, not in Gardner 2010: Leucht 2020 dose-response equivalent of olanzapine 20 mg = 19.8 mg/day, flagged as mixed methods', () => {
    const t = minimumAdequateDose('asenapine');
    expect(t).toMatchObject({ mgPerDay: 600, drugMgPerDay: 19.8 });
    expect(t!.note).toMatch(/method mixing/);
    expect(t!.rule.verification).toBe('derived');
    expect(chlorpromazineEquivalent('asenapine', 19.8)?.table).toBe('leucht2020-via-olanzapine');
  });

  it.each([
    ['cariprazine', 6, 360],
    ['brexpiprazole', 4, 545],
    ['lurasidone', 160, 495],
    ['iloperidone', 24, 541],
  ])('%s: the 600 mg equivalent lies above the licence, so the maximum licensed %s mg/day (≈ %s CPZ-eq) is adequate (working rule, U)', (drug, mg, cpz) => {
    const t = minimumAdequateDose(drug)!;
    expect(t.drugMgPerDay).toBe(mg);
    expect(t.mgPerDay).toBe(cpz);
    expect(t.rule.verification).toBe('U');
    expect(t.rule.references).toContain('dailyMed');
    expect(t.note).toMatch(/exceeds the maximum licensed dose/);
  });

  it('lumateperone: no published equivalence, so no threshold (says so, unverified)', () => {
    const t = minimumAdequateDose('lumateperone')!;
    expect(t.drugMgPerDay).toBeNull();
    expect(t.rule.verification).toBe('U');
    expect(chlorpromazineEquivalent('lumateperone', 42)).toBeNull();
    expect(chlorpromazineEquivalent('olanzapine', Number.NaN)).toBeNull();
  });
});

describe('every antipsychotic has an adequate dose at or below its maximum licensed dose, or says why not', () => {
  const antipsychotics = INGREDIENTS.filter((r) => r.drugClass === 'antipsychotic').map((r) => r.name);
  it.each(antipsychotics.map((d) => [d]))('%s (oral)', (drug) => {
    const max = maxLicensedDose(drug, 'oral');
    const a = antipsychoticAdequateDose(drug, 'oral');
    if (!max || !a) {
      // The only drugs allowed here: those with no equivalence source, whose rule says so.
      expect(minimumAdequateDose(drug)?.note).toMatch(/no chlorpromazine equivalent known/);
      expect(['lumateperone']).toContain(drug);
      return;
    }
    expect(a.drugMgPerDay).toBeLessThanOrEqual(max.mg / max.days);
    if (a.cappedAtMaximum) expect(a.note).toMatch(/exceeds the maximum licensed dose/);
  });
});

describe('long-acting injectables by their depot equivalents', () => {
  it('risperidone microspheres 50 mg every 2 weeks (the maximum) ≡ 600 mg/day CPZ (Gardner LAI row), not 397', () => {
    expect(chlorpromazineEquivalent('risperidone', 50 / 14, { route: 'lai' })?.cpzMgPerDay).toBe(600);
  });
  it('haloperidol decanoate 150 mg / 28 days ≡ 600 mg/day CPZ (Gardner LAI row)', () => {
    const e = chlorpromazineEquivalent('haloperidol', 150 / 28, { route: 'lai' });
    expect(e?.cpzMgPerDay).toBe(600);
    expect(e?.rule.id).toBe('cpz.gardner2010.lai.haloperidol');
  });
  it('paliperidone palmitate is read as mg of the ester: 156 mg monthly ≡ oral paliperidone 9 mg ≡ 600 mg/day CPZ (Invega Sustenna label conversion)', () => {
    const a = antipsychoticAdequateDose('paliperidone', 'lai')!;
    expect(a.equivalence.method).toBe('label-conversion');
    expect(a.drugMgPerDay * 28).toBeCloseTo(156, 5);
    expect(chlorpromazineEquivalent('paliperidone', 234 / 28, { route: 'lai' })?.cpzMgPerDay).toBe(900);
  });
  it('olanzapine pamoate 300 mg every 2 weeks ≡ oral olanzapine 20 mg ≡ 600 mg/day CPZ (Zyprexa Relprevv label)', () => {
    expect(chlorpromazineEquivalent('olanzapine', 300 / 14, { route: 'lai' })?.cpzMgPerDay).toBe(600);
  });
  it('aripiprazole depot: the Leucht 2020 equivalent lies above Abilify Maintena 400 mg monthly, which is counted adequate (working rule)', () => {
    const a = antipsychoticAdequateDose('aripiprazole', 'lai')!;
    expect(a.cappedAtMaximum).toBe(true);
    expect(a.drugMgPerDay * 28).toBeCloseTo(400, 5);
  });
});

describe('scale thresholds (each with its source)', () => {
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
  it('GAD-7 thresholds have no verified source and are marked U', () => {
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
