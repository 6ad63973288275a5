/**
 * The headline ("Next step") is the engine's: on the demo patients where the review found it wrong. intolerance: a
 * vortioxetine trial 4 weeks in, with 0 failed adequate trials, comes before rTMS (then "eligible if this trial
 * fails"); ptsd: only options to consider remain, so none is indicated and the running venlafaxine trial is to be
 * completed; pseudo-resistance: adherence support and dual-diagnosis care lead, and past trials are to re-trial at an
 * adequate dose only if chosen again; an urgent option always leads (pregnant-trd).
 */
import { describe, expect, it } from 'vitest';
import type { Derivation, InterventionId, Suggestion } from '../../../src/clinical/types';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import { demoDerivation, pageText } from '../../views/demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const suggestion = (d: Derivation, id: InterventionId): Suggestion => d.suggestions.find((s) => s.intervention === id)!;

describe('the engine chooses the headline', () => {
  it('intolerance: completing vortioxetine is the next step, with the weeks it still needs; rTMS is "consider", eligible if the vortioxetine trial fails, after it (2 more weeks)', () => {
    const d = demoDerivation('intolerance', TODAY);
    expect(d.nextStep).toEqual({
      kind: 'complete-trial',
      text: 'Complete the current trial: vortioxetine 10 mg/day, 2 more weeks at an adequate dose',
      sources: ['MedicationRequest/intolerance-vortioxetine-1', 'MedicationDispense/intolerance-vortioxetine-1-fill-1'],
    });
    const tms = suggestion(d, 'tms');
    expect(tms.status).toBe('consider');
    expect(tms.reasons.map((r) => r.text)).toContain(
      'Eligible if the vortioxetine trial fails: major depressive disorder does not meet its treatment-resistance criteria (Gaynes 2020; local working rule (unverified): a trial in progress is completed and judged before an interventional option that treatment resistance would indicate).',
    );
    expect(tms.startsAfter?.text).toBe('after the vortioxetine trial (2 more weeks)');
  });

  it('intolerance: the page\'s first screen and the note lead with completing the trial, not rTMS', () => {
    const d = demoDerivation('intolerance', TODAY);
    expect(pageText(d)).toContain('Next stepComplete the current trial: vortioxetine 10 mg/day, 2 more weeks at an adequate dose');
    expect(copyToNoteText(d)).toContain('- Complete the current trial: vortioxetine 10 mg/day, 2 more weeks at an adequate dose.');
  });

  it('ptsd: resistance met on earlier trials, venlafaxine is to be completed, and the headline says why no referral is suggested', () => {
    const d = demoDerivation('ptsd', TODAY);
    expect(d.nextStep.kind).toBe('complete-trial');
    expect(d.nextStep.text).toBe(
      'Complete the current trial: venlafaxine 150 mg/day, 3 more weeks at an adequate dose; no referral is suggested: there is no interventional option for PTSD here; the running trial is judged, and trauma-focused psychotherapy reviewed, first (VA/DoD PTSD guideline 2023; local working rule (unverified))',
    );
    expect(pageText(d)).not.toContain('Next stepPharmacogenomic testing');
  });

  it('pseudo-resistance: adherence support leads, dual-diagnosis care and substance-use treatment next, dose optimisation after them with past trials worded as a re-trial if chosen again', () => {
    const d = demoDerivation('pseudo-resistance', TODAY);
    expect(d.nextStep).toEqual({ kind: 'option', intervention: 'adherence-support', text: '', sources: [] });
    const offered = d.suggestions.filter((s) => s.status === 'suggested').sort((a, b) => a.order - b.order).map((s) => s.intervention);
    expect(offered.slice(0, 4)).toEqual(['adherence-support', 'integrated-dual-diagnosis', 'substance-use-treatment', 'dose-optimization']);
    const dose = suggestion(d, 'dose-optimization').reasons.map((r) => r.text);
    expect(dose).toContain(
      'Past trial, with resistance not established: re-trial at an adequate dose if chosen again: citalopram 10 mg/day for 12 weeks (non-response, measured): dose below 20 mg (highest 10 mg/day)',
    );
    expect(dose.some((t) => t.startsWith('Ranked after adherence support, integrated dual-diagnosis treatment and substance-use assessment and treatment: a dose is judged only once it is taken regularly'))).toBe(true);
  });

  it('pregnant-trd: the urgent ECT leads whatever else holds', () => {
    expect(demoDerivation('pregnant-trd', TODAY).nextStep).toEqual({ kind: 'option', intervention: 'ect', text: '', sources: [] });
  });
});
