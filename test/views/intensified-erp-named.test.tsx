/**
 * ocd: after a completed course of ERP that did not help (Y-BOCS 25 → 26), what is proposed is intensified ERP
 * (an intensive or residential programme) alongside the SRI. Every text names that, not plain ERP: the card's title
 * and description, the copied note, the plan preview, the plan note, the referral (ServiceRequest), the CarePlan and
 * the referral letter. The reason says why it is proposed (the completed course and its Y-BOCS); the course given is
 * history ("Given before: …"), never "not suggested as new" beside the referral that proposes it.
 */
import { describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { ReviewPanel } from '../../src/views/review/ReviewPanel';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { fakeServices, session, withServices } from './shell/fakes';
import { demoDerivation, demoDraft, renderReferralLetter } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';
const NAME = 'Intensified ERP (intensive or residential programme), alongside the SRI';
const SUMMARY =
  'Exposure and response prevention again in an intensive format (daily sessions in an intensive outpatient or day programme, or a residential programme), with the SRI continued, after a standard course that did not help.';
const WHY =
  'Intensified ERP (intensive or residential programme), alongside the SRI, after a completed course of ERP that did not help (Y-BOCS 25 → 26, +4%, 2025-07-19 → 2025-10-31) (APA OCD guideline 2007; NICE CG31; local working rule (unverified): offering ERP again in an intensive, day-programme or residential format after a standard course that did not help is a working rule; the guidelines recommend ERP with the SRI after a partial response).';
const GIVEN = 'Given before: Exposure and response prevention (CBT for OCD), 20 sessions, 2025-08-12 to 2025-12-30 (completed).';

describe('ocd: intensified ERP is named and described as what is proposed, in every text', () => {
  const d = demoDerivation('ocd', TODAY);
  const erp = d.suggestions.find((s) => s.intervention === 'erp')!;
  const draft = demoDraft(d, ['erp'], AS_OF);

  it('the engine names it, describes the intensified format, and gives the course and its Y-BOCS as the reason, the course as history', () => {
    expect([erp.status, erp.name, erp.summary]).toEqual(['consider', NAME, SUMMARY]);
    expect(erp.reasons.slice(0, 2).map((r) => [r.text, r.kind])).toEqual([
      [WHY, undefined],
      [GIVEN, 'history'],
    ]);
    expect(erp.reasons[0]!.sources).toEqual(['Procedure/ocd-erp', 'Observation/ocd-ybocs-d504', 'Observation/ocd-ybocs-d400']);
  });

  it('the card title and description', () => {
    withServices(fakeServices({ derivation: d }), <ReviewPanel derivation={d} session={session({ patientId: 'ocd' })} asOf={AS_OF} />);
    const card = document.querySelector('.option-card[data-intervention="erp"]')!;
    expect([card.querySelector('.option-card__name')!.textContent, card.querySelector('.option-card__summary')!.textContent]).toEqual([NAME, SUMMARY]);
    cleanup();
  });

  it('the copied note lists it by that name first among the options to consider', () => {
    const line = copyToNoteText(d).split('\n').find((l) => l.startsWith('To consider ('))!;
    expect(line.startsWith(`To consider (5): ${NAME}; Deep TMS for OCD (H7 coil)`)).toBe(true);
  });

  it('the plan preview proposes it, with the reason and the course as history', () => {
    const at = draft.preview.indexOf(`Proposes ${NAME}: a draft referral to the Psychological therapies service, priority routine.`);
    expect(at).toBeGreaterThan(0);
    expect(draft.preview.slice(at + 1, at + 3)).toEqual([`  Reason: ${WHY}`, `  ${GIVEN}`]);
  });

  it('the plan note refers for it, with the reason and the course as history', () => {
    const lines = draft.text.split('\n');
    const at = lines.indexOf(`- Referral to Psychological therapies service: ${NAME} (draft referral, priority routine)`);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([`    Reason: ${WHY}`, `    ${GIVEN}`]);
  });

  it('the ServiceRequest and the CarePlan name it and describe the intensified format', () => {
    const sr = draft.serviceRequests[0]!;
    expect([sr.code!.text, sr.orderDetail![0]!.text]).toEqual([`Referral to Psychological therapies service: ${NAME}`, NAME]);
    expect(sr.note!.map((n) => n.text).slice(1, 4)).toEqual([
      `${NAME}: ${SUMMARY} Usual course: Daily sessions of 1–2 hours over about 3 weeks in an intensive outpatient programme, or several weeks in a day or residential programme, with exposure practice between sessions.`,
      `Reason: ${WHY}`,
      GIVEN,
    ]);
    expect(draft.carePlan.activity![0]!.reference!.display).toBe(`Referral to Psychological therapies service: ${NAME}`);
    expect(draft.carePlan.description!.endsWith(`Options proposed for review: ${NAME}.`)).toBe(true);
    expect(JSON.stringify(draft.bundle)).not.toContain('not suggested as new');
  });

  it('the referral letter is headed by it; the course given is under the treatment history, not the reasons', () => {
    const letter = renderReferralLetter(d, erp, AS_OF);
    const lists = (heading: string) => {
      const h3 = [...letter.container.querySelectorAll('h3')].find((h) => h.textContent === heading)!;
      return [...h3.nextElementSibling!.querySelectorAll('li')].map((li) => li.textContent);
    };
    expect(letter.container.querySelector('h2')!.textContent).toBe(`Referral: ${NAME}`);
    expect(lists('Reasons')).toEqual([WHY]);
    expect(lists('Treatment history')[0]).toBe(GIVEN);
    cleanup();
  });
});
