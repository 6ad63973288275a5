/**
 * Text written for the chart states what the clinician proposes first; when the engine's own next step is not among the
 * proposed options it is written as decision support's suggestion that was not proposed, never as the plan's next step:
 * on tms-contraindicated, ticking ECT alone while the engine leads with esketamine.
 */
import { describe, expect, it } from 'vitest';
import { nextStepWords } from '../../src/clinical/suggestions/next-step';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-06T08:00:00Z');
const NOT_PROPOSED = 'Decision support suggested Esketamine nasal spray (Spravato) first; not proposed here.';

describe('tms-contraindicated: ECT proposed alone while the engine leads with esketamine', () => {
  const d = demoDerivation('tms-contraindicated', TODAY);
  const draft = demoDraft(d, ['ect'], '2026-12-06');

  it('the engine leads with esketamine (the first screen’s headline)', () => {
    expect(nextStepWords(d)).toBe('Esketamine nasal spray (Spravato) (suggested)');
  });

  it('the CarePlan description states the proposed option first, then the suggestion not proposed', () => {
    const safety = draft.preview[1];
    expect(safety).toMatch(/^Safety: Implant in or near the head/);
    expect(draft.carePlan.description).toBe(`${safety} Options proposed for review: Electroconvulsive therapy (ECT). ${NOT_PROPOSED}`);
    expect(draft.carePlan.description).not.toContain('Next step:');
  });

  it('the narrative, the preview and the plan note never call esketamine the next step, and say it after ECT', () => {
    const div = draft.carePlan.text!.div;
    const text = carePlanAsText(draft);
    const preview = draft.preview.join('\n');
    for (const written of [div, text, preview]) {
      expect(written).not.toContain('Next step:');
      expect(written).toContain(NOT_PROPOSED);
      expect(written.indexOf('Electroconvulsive therapy (ECT)')).toBeLessThan(written.indexOf(NOT_PROPOSED));
    }
  });

  it('the safety line still leads the preview and the plan note', () => {
    expect(draft.preview[1]).toMatch(/^Safety: Implant in or near the head/);
    expect(carePlanAsText(draft).split('\n')[2]).toMatch(/^Safety: Implant in or near the head/);
  });

  it('ticking esketamine keeps it the plan’s next step', () => {
    const esk = demoDraft(d, ['esketamine'], '2026-12-06');
    expect(esk.preview[2]).toBe('Next step: Esketamine nasal spray (Spravato) (suggested).');
    expect(esk.carePlan.description).toContain('Next step: Esketamine nasal spray (Spravato) (suggested). Options proposed for review: Esketamine nasal spray (Spravato).');
    expect(esk.carePlan.description).not.toContain('Decision support suggested');
  });
});
