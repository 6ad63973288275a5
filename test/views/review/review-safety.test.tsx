/**
 * Safety defects a psychiatrist's review found on the options screen, its preview and its letters, each on the demo
 * patient where it was found: pregnant-trd's rTMS card, preview, plan text and letter agree on a routine priority.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Derivation, Suggestion } from '../../../src/clinical/types';
import { SuggestionCard } from '../../../src/views/review/SuggestionCard';
import { ReferralFields, ReferralLetter } from '../../../src/views/review/ReferralLetter';
import { carePlanAsText } from '../../../src/fhir/writeback/build';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import { Summary } from '../../../src/views/timeline/Summary';
import { demoDerivation, demoDraft } from '../demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

afterEach(cleanup);

const option = (d: Derivation, id: Suggestion['intervention']) => d.suggestions.find((s) => s.intervention === id)!;

function card(s: Suggestion) {
  return render(
    <ul>
      <SuggestionCard suggestion={s} ticked={false} tickable overrideReason="" disabled={false} onTick={() => {}} onOverrideReason={() => {}} />
    </ul>,
  );
}

function letter(d: Derivation, s: Suggestion) {
  return render(
    <ReferralLetter suggestion={s} choice={{ serviceId: 'neuromodulation-clinic', priority: s.referralPriority }} serviceName="Neuromodulation clinic" derivation={d} patient={null} patientId={d.patient} date={AS_OF} selected />,
  );
}

describe('pregnant-trd: the rTMS referral is routine everywhere, and its card says it does not answer the acute risk', () => {
  const d = demoDerivation('pregnant-trd', TODAY);
  const tms = option(d, 'tms');

  it('the card has no Urgent badge and a caution that it is not for the acute risk, naming ECT', () => {
    const { container } = card(tms);
    expect(container.querySelector('.badge--urgent')).toBeNull();
    const cautions = screen.getByRole('heading', { name: 'Cautions' }).parentElement!;
    expect(within(cautions).getByText(/^Not for the acute risk: C-SSRS 4 on 2026-12-03/).textContent).toMatch(
      /it does not answer acute suicide risk; the same-day safety assessment and plan come first, and Electroconvulsive therapy \(ECT\) is the option here that answers it/,
    );
  });

  it('the priority picker starts at routine and says why', () => {
    render(<ReferralFields suggestion={tms} choice={{ serviceId: 's', priority: tms.referralPriority }} services={[]} disabled={false} onChange={() => {}} onPrint={() => {}} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Priority').value).toBe('routine');
    expect(screen.getByText(/^Routine until the clinician chooses: the suicidality signal makes urgent only the options that answer acute risk/)).toBeInstanceOf(HTMLElement);
  });

  it('the preview, the plan text and the letter say routine; the ECT referral stays urgent', () => {
    const draft = demoDraft(d, ['tms', 'ect'], AS_OF);
    const preview = draft.preview.join('\n');
    expect(preview).toContain('Proposes Repetitive transcranial magnetic stimulation (rTMS): a draft referral to the Neuromodulation clinic (TMS, VNS), priority routine.');
    expect(preview).toMatch(/Proposes Electroconvulsive therapy \(ECT\): a draft referral to the ECT service, priority urgent\./);
    expect(draft.serviceRequests.map((r) => [r.orderDetail?.[0]?.text, r.priority])).toEqual([
      ['Electroconvulsive therapy (ECT)', 'urgent'],
      ['Repetitive transcranial magnetic stimulation (rTMS)', 'routine'],
    ]);
    expect(carePlanAsText(draft)).not.toMatch(/rTMS\)[^\n]*priority urgent/);
    letter(d, tms);
    expect(screen.getByTestId('referral-letter-tms').textContent).toContain('Priority: Routine');
  });
});

describe('tms-contraindicated: the cochlear implant is a safety item of the ECT referral, its note and its preview', () => {
  const d = demoDerivation('tms-contraindicated', TODAY);
  const ect = option(d, 'ect');

  it('the ECT letter names the implant under Safety (never "No safety items"), and says its one reason once', () => {
    letter(d, ect);
    const article = screen.getByTestId('referral-letter-ect');
    const safety = within(article).getByRole('heading', { name: 'Safety' }).nextElementSibling!;
    expect(safety.tagName).toBe('UL');
    const lines = [...safety.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(lines.filter((l) => l.startsWith('Implant in or near the head'))).toHaveLength(1);
    expect(lines.filter((l) => /cochlear-implant makers contraindicate ECT/.test(l))).toHaveLength(1);
    expect(article.textContent).not.toContain('No safety items were found');
    const items = [...article.querySelectorAll('li')].map((li) => li.textContent ?? '');
    const meets = items.filter((l) => l.startsWith('Meets treatment-resistant depression: 2 failed adequate trials'));
    expect(meets).toHaveLength(1);
  });

  it('the ECT card shows the implant caution', () => {
    card(ect);
    const cautions = screen.getByRole('heading', { name: 'Cautions' }).parentElement!;
    expect(within(cautions).getByText(/^High risk: Cochlear implant status/).textContent).toMatch(/the cochlear-implant makers contraindicate ECT/);
  });

  it('the preview of an ECT referral and the copied note name the implant', () => {
    const preview = demoDraft(d, ['ect'], AS_OF).preview.join('\n');
    expect(preview).toMatch(/Implant in or near the head/);
    expect(preview).toMatch(/cochlear-implant makers contraindicate ECT/);
    expect(copyToNoteText(d)).toMatch(/Implant in or near the head \(recorded 2015-12-23\): .*TMS is contraindicated \(rTMS, accelerated iTBS and deep TMS are not offered\); ECT: the cochlear-implant makers contraindicate it/);
  });
});

describe('the first screen\'s "Next step" is never an option with a substantial-risk caution while an equal one has none', () => {
  const nextStepText = (id: string) => {
    const d = demoDerivation(id, TODAY);
    render(<Summary derivation={d} onShowItems={() => {}} />);
    const text = screen.getByTestId('next-step').textContent;
    cleanup();
    return text;
  };

  it('esketamine-contraindicated (past intracerebral haemorrhage): rTMS, not ECT', () => {
    expect(nextStepText('esketamine-contraindicated')).toMatch(/^Next stepRepetitive transcranial magnetic stimulation \(rTMS\) \(suggested\)/);
  });

  it('tms-contraindicated (cochlear implant): esketamine, not ECT', () => {
    expect(nextStepText('tms-contraindicated')).toMatch(/^Next stepEsketamine nasal spray \(Spravato\) \(suggested\)/);
  });
});
