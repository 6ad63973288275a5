/**
 * Roles from the add-on table: an antipsychotic or a second mood stabilizer started on top of a running mood
 * stabilizer in bipolar disorder is combination with it (the labels' "adjunctive to lithium or valproate"), never
 * "monotherapy"; in depression the antidepressant rules are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/clinical/all-rules';
import { condition, derive, mdd, patient, statement, trialOf } from './builders';

const bipolarDepressed = () => condition('F31.4', 'Bipolar disorder, current episode depressed, severe', '2023-12-01');

describe('add-ons to a mood stabilizer in bipolar disorder', () => {
  it('quetiapine started while lithium runs is combination, added to lithium; lithium is not monotherapy but has quetiapine alongside', () => {
    const d = derive([patient(), bipolarDepressed(), statement('lithium', 900, '2022-01-01', null), statement('quetiapine', 300, '2024-01-01', '2024-04-01')]);
    expect(trialOf(d, 'quetiapine')).toMatchObject({ role: 'combination', addedTo: 'lithium@2022-01-01' });
    expect(trialOf(d, 'lithium')).toMatchObject({ role: 'concurrent', alongside: ['quetiapine@2024-01-01'] });
  });

  it('lamotrigine added to valproate for longer than 4 weeks is combination', () => {
    const d = derive([patient(), bipolarDepressed(), statement('valproate', 1000, '2023-01-01', '2024-06-01'), statement('lamotrigine', 200, '2024-01-01', '2024-05-01')]);
    expect(trialOf(d, 'lamotrigine')).toMatchObject({ role: 'combination', addedTo: 'valproate@2023-01-01' });
  });

  it('quetiapine alone (lithium stopped before it started) is monotherapy', () => {
    const d = derive([patient(), bipolarDepressed(), statement('lithium', 900, '2022-01-01', '2023-06-01'), statement('quetiapine', 300, '2024-01-01', '2024-04-01')]);
    expect(trialOf(d, 'quetiapine').role).toBe('monotherapy');
    expect(trialOf(d, 'quetiapine').addedTo).toBeUndefined();
  });

  it('an overlap shorter than 4 weeks is not an add-on', () => {
    const d = derive([patient(), bipolarDepressed(), statement('lithium', 900, '2022-01-01', '2024-01-20'), statement('quetiapine', 300, '2024-01-01', '2024-04-01')]);
    expect(trialOf(d, 'quetiapine').role).toBe('monotherapy');
  });
});

describe('depression: the antidepressant add-on rules are unchanged', () => {
  it('quetiapine on top of sertraline in MDD is augmentation; lithium on its own after an antidepressant is monotherapy', () => {
    const d = derive([patient(), mdd('2023-12-01'), statement('sertraline', 100, '2024-01-01', '2024-06-01'), statement('quetiapine', 150, '2024-02-01', '2024-05-01')]);
    expect(trialOf(d, 'quetiapine')).toMatchObject({ role: 'augmentation', addedTo: 'sertraline@2024-01-01' });
    const alone = derive([patient(), mdd('2023-12-01'), statement('sertraline', 100, '2024-01-01', '2024-03-01'), statement('lithium', 900, '2024-05-01', '2024-09-01')]);
    expect(trialOf(alone, 'lithium').role).toBe('monotherapy');
  });
});

describe('the alongside rule is a row of the rules list, with its source', () => {
  it('trials.alongside: monotherapy only with nothing alongside for the 4-week add-on overlap; a working rule on MGH staging', () => {
    expect(RULES.find((r) => r.id === 'trials.alongside')).toEqual({
      id: 'trials.alongside',
      summary:
        'A trial that is not an augmentation or a combination is monotherapy only when no other psychiatric medication ran alongside it for ≥ 4 weeks (the add-on overlap); otherwise it is said to run alongside them ("SNRI, alongside prazosin"). A shorter overlap is a switch (a cross-taper), not a regimen of two. An agent of a class no trial rule covers (prazosin, a benzodiazepine) is an adjunct beside them, not counted toward treatment resistance. The treatment-resistance counts do not change with it.',
      source: 'Monotherapy, augmentation and combination as MGH staging counts them (Fava 2003); naming what ran alongside, and the 4-week overlap, are a working rule',
      references: ['fava2003', 'projectWorkingRule'],
      verification: 'U',
    });
  });
});
