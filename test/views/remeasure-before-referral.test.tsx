/**
 * ehr-export-mdd: the failed trials behind treatment-resistant depression rest on a PHQ-9 of 2025-03-29 with no score
 * since. The next step is then to re-measure, on the first screen, the options tab, the plan's preview, its text and the
 * CarePlan; every referral resting on that score says it follows the re-measuring, on its card and in the summary note.
 */
import { describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { nextStepWords } from '../../src/clinical/suggestions/next-step';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation, demoDraft, pageText } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const HEADLINE = 'Re-measure (PHQ-9 with item 9) before referral';

describe('ehr-export-mdd: a resistance verdict on a 20-month-old PHQ-9 makes re-measuring the next step', () => {
  const d = demoDerivation('ehr-export-mdd', TODAY);

  it('the engine’s next step is to re-measure, resting on the stale PHQ-9', () => {
    expect(d.nextStep).toEqual({ kind: 're-measure', text: HEADLINE, sources: d.assessments.find((a) => a.condition === 'mdd')!.staleBasis!.sources });
    expect(nextStepWords(d)).toBe(HEADLINE);
  });

  it('the first screen leads with it', () => {
    expect(pageText(d)).toContain(`Next step${HEADLINE}`);
  });

  it('the options tab leads with it, and each referral resting on the stale score says "after re-measuring" beside its status', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'ehr-export-mdd' })} asOf="2026-12-05" />);
    expect(screen.getByTestId('options-next-step').textContent).toBe(`Next step ${HEADLINE}`);
    const after = [...document.querySelectorAll('.option-card')].flatMap((card) =>
      card.querySelector('.option-card__after') ? [`${card.getAttribute('data-intervention')}: ${card.querySelector('.badge')!.textContent} ${card.querySelector('.option-card__after')!.textContent}`] : [],
    );
    expect(after).toEqual([
      'tms: Suggested after re-measuring',
      'ect: Suggested after re-measuring',
      'esketamine: Suggested after re-measuring',
      'accelerated-tms: Consider after re-measuring',
      'iv-ketamine: Consider after re-measuring',
      'psychedelic-trial: Consider after re-measuring',
    ]);
    cleanup();
  });

  it('the plan’s preview, its text and the CarePlan follow the safety lines with it', () => {
    const draft = demoDraft(d, ['tms'], '2026-12-05');
    const line = `Next step: ${HEADLINE}.`;
    expect(draft.preview[1 + d.safety.length]).toBe(line);
    expect(carePlanAsText(draft).split('\n')[2 + d.safety.length + 1]).toBe(line);
    expect(draft.carePlan.description).toContain(`${line} Options proposed for review:`);
    expect(draft.carePlan.text?.div).toContain(line);
  });

  it('the summary note leads its next steps with re-measuring, and each suggested referral says it comes after', () => {
    const lines = copyToNoteText(d).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Next steps'));
    expect(lines[at + 1]).toBe(`- ${HEADLINE}.`);
    expect(lines.slice(at + 1).filter((l) => l.startsWith('- ')).slice(0, 4)).toEqual([
      `- ${HEADLINE}.`,
      '- Repetitive transcranial magnetic stimulation (rTMS) (suggested, after re-measuring): refer to the Neuromodulation clinic (TMS, VNS) (routine priority).',
      '- Electroconvulsive therapy (ECT) (suggested, after re-measuring): refer to the ECT service (routine priority).',
      '- Esketamine nasal spray (Spravato) (suggested, after re-measuring): refer to the Ketamine / esketamine treatment clinic (routine priority).',
    ]);
  });
});

describe('trd-two-failures: a verdict on recent scores leaves the next step to the running trial', () => {
  it('no referral says "after re-measuring"', () => {
    const d = demoDerivation('trd-two-failures', TODAY);
    expect(d.nextStep.kind).toBe('complete-trial');
    // They wait on the running trial instead (gate-in-every-text.test.tsx).
    expect(d.suggestions.filter((s) => s.startsAfter?.text === 'after re-measuring').map((s) => s.intervention)).toEqual([]);
  });
});
