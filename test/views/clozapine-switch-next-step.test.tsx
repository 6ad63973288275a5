/**
 * schizophrenia-trs: clozapine is suggested while haloperidol runs. The next step names the switch where the decision
 * is made (first screen, options tab, preview, plan text, CarePlan), and clozapine's card groups the baseline checks
 * (ANC, myocarditis, metabolic) as "Before starting", ahead of the other cautions.
 */
import { describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import { derivePatient } from '../../src/clinical/index';
import { nextStepWords } from '../../src/clinical/suggestions/next-step';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation, demoDraft, pageText } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const HEADLINE = 'Clozapine (suggested): switch from haloperidol by cross-titration';

describe('schizophrenia-trs: the next step says the switch from haloperidol', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);

  it('in the engine’s words', () => {
    expect(d.nextStep.kind).toBe('option');
    expect(d.nextStep.intervention).toBe('clozapine');
    expect(nextStepWords(d)).toBe(HEADLINE);
  });

  it('on the first screen', () => {
    expect(pageText(d)).toContain(`Next step${HEADLINE}Timeline`);
  });

  it('on the options tab, and the card groups the baseline checks as "Before starting" before the other cautions', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'schizophrenia-trs' })} asOf="2026-12-05" />);
    expect(document.querySelector('[data-testid="options-next-step"]')!.textContent).toBe(`Next step ${HEADLINE}`);
    const card = document.querySelector('.option-card[data-intervention="clozapine"]')!;
    const lists = [...card.querySelectorAll('.finding-list--caution')].map((list) => [
      list.querySelector('.finding-list__title')!.textContent,
      ...[...list.querySelectorAll(':scope > ul > li')].map((li) => (li.firstChild?.textContent ?? '').split(/[:(]/)[0]),
    ]);
    expect(lists).toEqual([
      ['Before starting', 'Severe neutropenia', 'Myocarditis and cardiomyopathy', 'Metabolic changes'],
      ['Cautions', 'Seizures are dose-related', 'Gastrointestinal hypomotility ', 'Orthostatic hypotension, bradycardia and syncope, mostly during titration', 'Past', 'Taken now', 'Smoking'],
    ]);
    cleanup();
  });

  it('in the plan’s preview, its text and the CarePlan', () => {
    const draft = demoDraft(d, ['clozapine'], '2026-12-05');
    const line = `Next step: ${HEADLINE}.`;
    expect(draft.preview[1 + d.safety.length]).toBe(line);
    expect(carePlanAsText(draft).split('\n')[2 + (d.safety.length ? d.safety.length + 1 : 0)]).toBe(line);
    expect(draft.carePlan.description).toContain(`${line} Options proposed for review:`);
  });
});

describe('schizophrenia-trs without haloperidol in the record: no switch to name', () => {
  it('the next step is clozapine alone', () => {
    const bundle = demoPatients.find((p) => p.id === 'schizophrenia-trs')!.build(TODAY);
    const resources = (bundle.entry ?? []).flatMap((e) => (e.resource && !(e.resource.id ?? '').includes('haloperidol') ? [e.resource] : []));
    const d = derivePatient({ patientId: 'schizophrenia-trs', resources }, { asOf: '2026-12-05' });
    expect(nextStepWords(d)).toBe('Clozapine (suggested)');
  });
});
