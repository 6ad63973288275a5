/**
 * Psychotic features lead the strip when they are a safety signal for the options, and say why: in a depressive
 * episode they call for a rapid response (ECT urgent). Psychosis coded by the schizophrenia diagnosis the page assesses
 * is that diagnosis, not an item beside it.
 */
import { describe, expect, it } from 'vitest';
import { deriveSafety } from '../../../src/clinical/safety';
import { assessment, diagnosis, mdd, record } from '../suggestions/builder';

const F20 = { code: 'F20.0', display: 'Paranoid schizophrenia', source: 'Condition/f20', onset: '2018-11-07' };
const F33_3 = { code: 'F33.3', display: 'Major depressive disorder, recurrent, severe with psychotic symptoms', source: 'Condition/f33', onset: '2026-09-01' };

describe('the psychotic-features safety item', () => {
  it('assessed schizophrenia: the schizophrenia code’s own psychosis is no item', () => {
    const items = deriveSafety(record({ diagnoses: [diagnosis('schizophrenia', F20), diagnosis('psychotic-features', F20)], assessments: [assessment('schizophrenia')] }));
    expect(items.map((i) => i.kind)).toEqual([]);
  });

  it('assessed schizophrenia with a separate psychosis code (puerperal psychosis): that one is still shown', () => {
    const f53 = { code: 'F53.1', display: 'Puerperal psychosis', source: 'Condition/f53', onset: '2026-10-01' };
    const items = deriveSafety(
      record({ diagnoses: [diagnosis('schizophrenia', F20), diagnosis('psychotic-features', F20), diagnosis('psychotic-features', f53)], assessments: [assessment('schizophrenia')] }),
    );
    expect(items.filter((i) => i.kind === 'psychotic-features').map((i) => i.sources)).toEqual([['Condition/f53']]);
  });

  it('psychotic depression: shown, with why it matters for the options', () => {
    const items = deriveSafety(mdd(2, { diagnoses: [diagnosis('mdd', F33_3), diagnosis('psychotic-features', F33_3)] }));
    const item = items.find((i) => i.kind === 'psychotic-features')!;
    expect(item.title).toBe('Psychotic features');
    expect(item.action).toBe(
      'A depressive episode with psychotic features needs a rapid response: ECT is offered as urgent; esketamine and psychedelic trials weigh the psychosis.',
    );
  });
});
