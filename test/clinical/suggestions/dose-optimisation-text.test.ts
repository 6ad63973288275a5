/**
 * The dose-optimisation card's rule is the patient's condition's own: a bipolar patient's card speaks of studied doses
 * and lithium levels, never of TRRIP, clozapine or OCD; a schizophrenia patient's of TRRIP and clozapine.
 */
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../../src/clinical/types';
import { condition, derive, patient, statement } from '../engine/builders';

const bipolarDepressed = () => condition('F31.4', 'Bipolar disorder, current episode depressed, severe', '2023-12-01');
const schizophrenia = () => condition('F20.0', 'Paranoid schizophrenia', '2018-01-01');

const ruleText = (s: Suggestion) => s.reasons.filter((r) => r.kind === 'criterion').map((r) => r.text).join('\n');

describe('dose optimisation in each condition’s own words', () => {
  it('bipolar depression (quetiapine 100 mg/day running, below its studied 300): the rule names studied doses and lithium levels, not TRRIP, clozapine or OCD', () => {
    const d = derive([patient(), bipolarDepressed(), statement('quetiapine', 100, '2024-01-01', null)], '2024-04-01');
    const card = d.suggestions.find((s) => s.intervention === 'dose-optimization')!;
    expect(card.status).toBe('suggested');
    const text = ruleText(card);
    expect(text).toMatch(/^Criterion: Optimise a bipolar-depression trial below its studied dose or serum level \(lithium: the acute level, also when maintenance lithium was running before the episode\)/);
    expect(text).not.toMatch(/TRRIP|clozapine|OCD|chlorpromazine/i);
  });

  it('schizophrenia (risperidone 2 mg/day running, below 600 mg/day CPZ-eq): the rule names TRRIP and clozapine', () => {
    const d = derive([patient(), schizophrenia(), statement('risperidone', 2, '2024-01-01', null)], '2024-04-01');
    const card = d.suggestions.find((s) => s.intervention === 'dose-optimization')!;
    expect(card.status).toBe('suggested');
    expect(ruleText(card)).toMatch(/^Criterion: Optimise an antipsychotic trial below 600 mg\/day chlorpromazine-equivalent .*clozapine is due/);
  });
});
