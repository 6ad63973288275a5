/**
 * The review & write-back screen: options grouped by status with reasons, cautions and
 * contraindications; tick, note, plain-words preview and raw FHIR; an explicit confirmation that writes once even on a
 * double click; missing write scope explained with copy/download still available; errors with OperationOutcome text
 * and retry; after writing, the created ids and the read-back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewPanel } from '../../../src/views/review/ReviewPanel';
import type { DraftRequest, ShellServices } from '../../../src/views/shell/services';
import { derivation, fakeDraft, fakeServices, fakeWriteBack, session, suggestion, withServices } from '../shell/fakes';

function renderReview(options: Parameters<typeof fakeServices>[0] = {}) {
  const services = fakeServices(options);
  const view = withServices(services, <ReviewPanel derivation={derivation()} session={session()} asOf="2026-11-22" />);
  return { services, view, user: userEvent.setup() };
}

const tmsBox = () => screen.getByRole('checkbox', { name: /transcranial magnetic stimulation/i });
const writeButton = () => screen.getByRole('button', { name: 'Write to the chart…' });

/** Opens the confirmation and confirms the draft as it stands. */
async function confirmWrite(user: ReturnType<typeof userEvent.setup>) {
  await user.click(writeButton());
  await user.click(screen.getByRole('button', { name: 'Write a draft CarePlan to the chart' }));
}

/** Ticks TMS, then confirms. */
async function confirmTmsPlan(user: ReturnType<typeof userEvent.setup>) {
  await user.click(tmsBox());
  await confirmWrite(user);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('options', () => {
  it('groups options by status in clinical order, with urgent badge, reasons, cautions and contraindications with sources', () => {
    renderReview();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(0, 4)).toEqual(['Suggested (1)', 'Consider (1)', 'Contraindicated (1)', 'Not eligible on the current record (1)']);
    const esketamine = screen.getByRole('checkbox', { name: /esketamine/i }).closest('li')!;
    expect(within(esketamine).getByText('Urgent')).toBeInTheDocument();
    expect(within(esketamine).getByText('Blood pressure 150/95 on 2026-10-01')).toBeInTheDocument();
    // Sources are links to the records' FHIR addresses, named by type: no id in the words.
    expect(within(esketamine).getByRole('link', { name: 'Observation', hidden: true }).getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/Observation/bp-1');
    expect(esketamine.textContent).not.toContain('bp-1');
    const ect = screen.getByRole('checkbox', { name: /electroconvulsive/i }).closest('li')!;
    expect(within(ect).getByRole('heading', { name: 'Contraindications' })).toBeInTheDocument();
    expect(ect.textContent).toContain('Raised intracranial pressure recorded1 source record');
    const contraindications = within(ect).getByRole('heading', { name: 'Contraindications' }).parentElement!;
    expect(within(contraindications).getByRole('link', { name: 'Diagnosis', hidden: true }).getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/Condition/icp');
    expect(screen.getByText(/Urgent:/)).toBeInTheDocument();
  });

  it('leads the tab with the safety strip (the same items and words as the history tab), before the urgency line and the option cards', () => {
    const safety = [
      { kind: 'pregnancy' as const, title: "Pregnant, 16 weeks' gestation", detail: 'Dated by the weeks-of-gestation code of 2026-11-20.', date: '2026-08-02', dateLabel: 'onset recorded', action: 'Esketamine is not offered.', sources: ['Condition/p1'], references: [] },
      { kind: 'suicide-risk-assessment' as const, title: 'C-SSRS 4, high risk', detail: 'Columbia Suicide Severity Rating Scale.', date: '2026-12-03', action: 'Same-day safety assessment and plan.', sources: ['Observation/c1'], references: [] },
    ];
    const services = fakeServices();
    withServices(services, <ReviewPanel derivation={derivation({ safety })} session={session()} asOf="2026-12-05" />);
    const strip = screen.getByRole('region', { name: 'Safety' });
    expect(within(strip).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Pregnant, 16 weeks' gestation (onset recorded 2026-08-02): Dated by the weeks-of-gestation code of 2026-11-20. Esketamine is not offered.",
      'C-SSRS 4, high risk (2026-12-03): Columbia Suicide Severity Rating Scale. Same-day safety assessment and plan.',
    ]);
    // Before the urgency line and before the first option card, in the page's order.
    const urgent = screen.getByText(/Urgent:/);
    const firstCard = screen.getAllByRole('checkbox')[0]!;
    expect(strip.compareDocumentPosition(urgent) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(strip.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('folds source lists under a count (a trial can cite dozens of dispenses), each record a link named by its type', () => {
    const sources = ['MedicationDispense/d1', 'MedicationDispense/d2', 'MedicationDispense/d3', 'MedicationDispense/d4'];
    const services = fakeServices();
    withServices(
      services,
      <ReviewPanel
        derivation={derivation({ suggestions: [suggestion({ intervention: 'tms', reasons: [{ text: 'Two failed trials', sources }] })] })}
        session={session()}
        asOf="2026-11-22"
      />,
    );
    const folded = screen.getByText('4 source records').closest('details')!;
    expect(folded.open).toBe(false);
    expect(within(folded).getByRole('link', { name: 'Dispense 4', hidden: true }).getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/MedicationDispense/d4');
    expect(folded.textContent).not.toContain('d4');
  });

  it('shows what each option is, and its usual course, regulatory status and references from the catalog', async () => {
    const { user } = renderReview({
      describeOption: (id) =>
        id === 'tms'
          ? {
              summary: 'Magnetic pulses over the left dorsolateral prefrontal cortex.',
              usualCourse: '5 sessions a week for 4-6 weeks.',
              regulatory: 'FDA-cleared device: NeuroStar (2008), FDA 510(k)',
              references: ['O’Reardon 2007 [verified]'],
              referral: true,
            }
          : null,
    });
    const tms = tmsBox().closest('li')!;
    expect(within(tms).getByText('Magnetic pulses over the left dorsolateral prefrontal cortex.')).toBeInTheDocument();
    await user.click(within(tms).getByText(/usual course, regulatory status and references/i));
    expect(within(tms).getByText('5 sessions a week for 4-6 weeks.')).toBeInTheDocument();
    expect(within(tms).getByText('FDA-cleared device: NeuroStar (2008), FDA 510(k)')).toBeInTheDocument();
    expect(within(tms).getByText(/draft referral \(ServiceRequest\)/)).toBeInTheDocument();
    // Options the catalog does not describe still show their evaluation.
    const ect = screen.getByRole('checkbox', { name: /electroconvulsive/i }).closest('li')!;
    expect(within(ect).queryByText(/usual course/i)).toBeNull();
  });

  it('lets a contraindicated option be ticked only with a written reason, which is passed to the draft', async () => {
    const { services, user } = renderReview();
    const ect = screen.getByRole<HTMLInputElement>('checkbox', { name: /electroconvulsive/i });
    expect(ect.disabled).toBe(true);
    // The reason field of ECT (the first override field on the page).
    const reasons = screen.getAllByLabelText(/to propose this option anyway/i);
    await user.type(reasons[0]!, 'Catatonia on the ward today; ICP reviewed by neurology');
    expect(ect.disabled).toBe(false);
    await user.click(ect);
    const build = services.buildDraft as unknown as ReturnType<typeof vi.fn>;
    const request = build.mock.calls.at(-1)![0] as DraftRequest;
    expect(request.chosen.map((s) => s.intervention)).toEqual(['ect']);
    expect(request.overrideReasons).toEqual({ ect: 'Catatonia on the ward today; ICP reviewed by neurology' });
    // Emptying the reason takes the option out again.
    await user.clear(reasons[0]!);
    expect(ect.checked).toBe(false);
    expect(screen.getByText(/tick at least one option/i)).toBeInTheDocument();
  });
});

describe('preview', () => {
  it('previews the ticked options and the note in plain words, and the raw FHIR as text on request', async () => {
    const { user } = renderReview();
    expect(screen.getByText(/tick at least one option/i)).toBeInTheDocument();
    expect((writeButton() as HTMLButtonElement).disabled).toBe(true);
    await user.click(tmsBox());
    await user.type(screen.getByLabelText(/note for the care plan/i), 'Discussed with patient');
    const preview = screen.getByLabelText(/what will be written, in plain words/i);
    expect(preview.textContent).toBe('A draft CarePlan proposing: Repetitive transcranial magnetic stimulation (rTMS). Note: Discussed with patient');
    expect(screen.queryByLabelText('Raw FHIR JSON')).toBeNull();
    await user.click(screen.getByRole('button', { name: /show the raw fhir/i }));
    const raw = screen.getByLabelText('Raw FHIR JSON');
    expect(raw.tagName).toBe('PRE');
    expect(JSON.parse(raw.textContent)).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
  });

  it('says so instead of crashing when the draft cannot be built', async () => {
    const { user } = renderReview({
      buildDraft: () => {
        throw new Error('bad');
      },
    });
    await user.click(tmsBox());
    expect(screen.getByText(/draft could not be prepared/i)).toBeInTheDocument();
    expect((writeButton() as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('confirm and write', () => {
  it('writes only after the explicit confirmation, once even on a double click', async () => {
    const { services, user } = renderReview();
    const control = services.writeBackControl;
    await user.click(tmsBox());
    await user.click(writeButton());
    expect(control.write).not.toHaveBeenCalled();
    const confirm = screen.getByRole('button', { name: 'Write a draft CarePlan to the chart' });
    await user.dblClick(confirm);
    await user.click(confirm);
    expect(control.write).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Writing…' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/writing the draft care plan to the chart/i)).toBeInTheDocument();
    // Selections are locked while writing.
    expect(tmsBox()).toHaveProperty('disabled', true);
  });

  it('can be cancelled at the confirmation step', async () => {
    const { services, user } = renderReview();
    await user.click(tmsBox());
    await user.click(writeButton());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Write a draft CarePlan to the chart' })).toBeNull();
    expect(services.writeBackControl.write).not.toHaveBeenCalled();
  });

  it('after writing names what was created in clinical words (no ids), with the read-back, and moves focus to the result', async () => {
    const { services, user } = renderReview();
    await confirmTmsPlan(user);
    act(() =>
      services.writeBackControl.finish({
        written: [
          { resourceType: 'CarePlan', id: 'cp-1', label: 'Draft care plan (1 option)', outcome: 'created' },
          { resourceType: 'ServiceRequest', id: 'sr-1', label: 'Draft referral to the Neuromodulation clinic', outcome: 'created' },
          { resourceType: 'Provenance', id: 'pv-1', label: 'Provenance (who proposed it, and with which app)', outcome: 'created' },
        ],
        readBack: { confirmed: true, detail: 'all 3 resources were read back by id.' },
        how: 'in one transaction',
      }),
    );
    const done = screen.getByRole('heading', { name: /draft care plan written to the chart/i }).parentElement!;
    expect(document.activeElement).toBe(done);
    expect(done.textContent).toContain('Draft care plan (1 option) – created');
    expect(done.textContent).toContain('Draft referral to the Neuromodulation clinic – created');
    expect(done.textContent).not.toMatch(/cp-1|sr-1|pv-1/);
    expect(done.textContent).toContain('Read back from the server: all 3 resources were read back by id.');
    expect(done.textContent).toContain('Written in one transaction.');
    expect(writeButton()).toHaveProperty('disabled', true);
  });

  it('"Prepare another draft" returns to review, keeps what was written in view, and a new confirmation writes again', async () => {
    const { services, user } = renderReview();
    const control = services.writeBackControl;
    await confirmTmsPlan(user);
    act(() =>
      control.finish({
        written: [{ resourceType: 'CarePlan', id: 'cp-1', label: 'Draft care plan (1 option)', outcome: 'created' }],
        readBack: { confirmed: true, detail: 'read back by id.' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Prepare another draft' }));
    expect(control.startOver).toHaveBeenCalledOnce();
    expect(screen.queryByRole('heading', { name: /draft care plan written to the chart/i })).toBeNull();
    const earlier = screen.getByRole('heading', { name: 'Written earlier in this session' }).parentElement!;
    expect(earlier.textContent).toContain('Draft care plan (1 option)');
    // Review is open again: the options can be changed and a new plan confirmed.
    expect(writeButton()).toHaveProperty('disabled', false);
    await confirmWrite(user);
    expect(control.write).toHaveBeenCalledTimes(2);
  });

  it('shows the OperationOutcome text and offers retry for a retryable failure, never as a complete plan', async () => {
    const { services, user } = renderReview();
    const control = services.writeBackControl;
    await confirmTmsPlan(user);
    act(() =>
      control.fail({
        message: 'The server failed (500) while writing.',
        operationOutcome: 'Internal error <b>db</b>',
        retryable: true,
        written: [{ resourceType: 'CarePlan', id: 'cp-1', label: 'Draft care plan (1 option)', outcome: 'created' }],
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The care plan was not written completely');
    expect(within(alert).getByText('Internal error <b>db</b>')).toBeInTheDocument();
    expect(alert.textContent).toContain('this is not a complete plan');
    expect(alert.textContent).toContain('Draft care plan (1 option)');
    await user.dblClick(within(alert).getByRole('button', { name: 'Retry writing' }));
    expect(control.retry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry for a rejection (4xx) and shows the server text', async () => {
    const { services, user } = renderReview();
    await confirmTmsPlan(user);
    act(() =>
      services.writeBackControl.fail({ message: 'The server rejected the plan (422).', operationOutcome: 'CarePlan.subject is required', retryable: false }),
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('CarePlan.subject is required')).toBeInTheDocument();
    expect(within(alert).queryByRole('button', { name: /retry/i })).toBeNull();
    // The clinician may confirm again after a non-retryable failure only deliberately: the confirm step is still there.
    expect(screen.getByRole('button', { name: 'Write a draft CarePlan to the chart' })).toHaveProperty('disabled', false);
  });
});

describe('missing write scope', () => {
  it('explains why writing is unavailable, and still allows copy as text and download as FHIR JSON', async () => {
    const writeBack = fakeWriteBack({ canWrite: false, reasonIfNot: 'The EHR did not grant this app permission to create CarePlan records' });
    const { services, user } = renderReview({ writeBack });
    await user.click(tmsBox());
    const button = writeButton();
    expect(button).toHaveProperty('disabled', true);
    const reason = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toContain('Writing to the chart is unavailable: The EHR did not grant this app permission to create CarePlan records');
    expect(reason.textContent).toContain('copy the plan as text');

    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy as text for a note' }));
    expect(writeText).toHaveBeenCalledWith('Draft care plan: Repetitive transcranial magnetic stimulation (rTMS)');
    expect(await screen.findByText(/copied the plan as text/i)).toBeInTheDocument();

    const createObjectURL = vi.fn((_blob: Blob) => 'blob:local/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('draft-care-plan-2026-11-22.json');
    });
    await user.click(screen.getByRole('button', { name: 'Download FHIR JSON' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(JSON.parse(await blob.text())).toMatchObject({ resourceType: 'Bundle' });
    expect(services.writeBackControl.write).not.toHaveBeenCalled();
  });

  it('shows the text to copy by hand when the browser refuses the clipboard', async () => {
    const { user } = renderReview();
    // After userEvent.setup(), which installs its own clipboard stub.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) }, configurable: true });
    await user.click(tmsBox());
    await user.click(screen.getByRole('button', { name: 'Copy as text for a note' }));
    const fallback = await screen.findByLabelText<HTMLTextAreaElement>('Plan as text, selected for copying');
    expect(fallback.value).toBe('Draft care plan: Repetitive transcranial magnetic stimulation (rTMS)');
    // Selected and focused, with an instruction that is not styled as success.
    expect(document.activeElement).toBe(fallback);
    expect([fallback.selectionStart, fallback.selectionEnd]).toEqual([0, fallback.value.length]);
    const notice = fallback.closest('.notice')!;
    expect(notice.className).not.toContain('notice--ok');
    expect(notice.textContent).toMatch(/Not copied yet.*press Ctrl\+C/);
  });

  it('moves focus to the confirmation when "Write to the chart…" is pressed', async () => {
    const { user } = renderReview();
    await user.click(tmsBox());
    await user.click(writeButton());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Confirm writing to the chart' }));
  });

  it('after an expired session says nothing was written and keeps writing off until relaunch', async () => {
    const { services, user } = renderReview();
    await confirmTmsPlan(user);
    act(() => services.writeBackControl.fail({ message: 'The session with the EHR has expired, so the plan was not saved.', retryable: false, sessionExpired: true, written: [] }));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Nothing was written to the chart');
    expect(alert.textContent).toMatch(/Relaunch the app from the patient’s chart/);
    expect(within(alert).queryByRole('button', { name: 'Retry writing' })).toBeNull();
    expect(writeButton()).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Write a draft CarePlan to the chart' })).toBeNull();
  });
});

// Keep the fakes' draft builder type-checked against the service signature.
const _typed: ShellServices['buildDraft'] = fakeDraft;
void _typed;

describe('referrals and the printable letter', () => {
  const receivingServices = [
    { id: 'neuromodulation-clinic', name: 'Neuromodulation clinic (TMS, VNS)' },
    { id: 'ketamine-clinic', name: 'Ketamine / esketamine treatment clinic' },
    { id: 'psychiatry-service', name: 'Psychiatry service' },
  ];
  const describeReferral: ShellServices['describeOption'] = (id) => ({
    summary: '',
    usualCourse: '',
    regulatory: '',
    references: [],
    referral: true,
    defaultServiceId: id === 'tms' ? 'neuromodulation-clinic' : id === 'esketamine' ? 'ketamine-clinic' : 'psychiatry-service',
  });
  const safetyItem = {
    kind: 'suicidality-screen' as const,
    title: 'PHQ-9 item 9 = 2 (thoughts of death or self-harm)',
    detail: 'PHQ-9 item 9 answered 2 of 3 on 2026-11-17: a positive screen.',
    date: '2026-11-17',
    action: 'Assess suicide risk and record it (C-SSRS).',
    sources: ['Observation/i9'],
    references: [],
  };

  function renderReferrals(overrides: Parameters<typeof derivation>[0] = {}) {
    const services = { ...fakeServices({ describeOption: describeReferral }), receivingServices };
    const view = withServices(
      services,
      <ReviewPanel derivation={derivation(overrides)} session={session()} asOf="2026-11-22" patient={{ resourceType: 'Patient', id: 'p', name: [{ given: ['Alex'], family: 'Rivera' }], birthDate: '1980-05-17' }} />,
    );
    return { services, view, user: userEvent.setup() };
  }
  const fieldsOf = (name: RegExp) => screen.getByRole('group', { name });
  const selectIn = (group: HTMLElement, label: string) => within(group).getByLabelText<HTMLSelectElement>(label);

  it('pre-fills each referral with its receiving service, urgent priority for an urgent option and routine otherwise, and passes the choices and notes to the draft', async () => {
    const { services, user } = renderReferrals();
    await user.click(tmsBox());
    await user.click(screen.getByRole('checkbox', { name: /esketamine/i }));
    const tms = fieldsOf(/Referral: Repetitive transcranial magnetic stimulation/);
    const esketamine = fieldsOf(/Referral: Esketamine nasal spray/);
    expect([selectIn(tms, 'Receiving service').value, selectIn(tms, 'Priority').value]).toEqual(['neuromodulation-clinic', 'routine']);
    expect([selectIn(esketamine, 'Receiving service').value, selectIn(esketamine, 'Priority').value]).toEqual(['ketamine-clinic', 'urgent']);
    expect(within(tms).getByLabelText<HTMLTextAreaElement>('Note for this referral (optional)').value).toBe('');

    await user.selectOptions(selectIn(tms, 'Receiving service'), 'psychiatry-service');
    await user.type(within(tms).getByLabelText('Note for this referral (optional)'), 'Prefers morning sessions');
    const build = services.buildDraft as unknown as ReturnType<typeof vi.fn>;
    const request = build.mock.calls.at(-1)![0] as DraftRequest;
    expect(request.referrals).toEqual({
      tms: { serviceId: 'psychiatry-service', priority: 'routine', note: 'Prefers morning sessions' },
      esketamine: { serviceId: 'ketamine-clinic', priority: 'urgent', note: '' },
    });
    const letter = screen.getByTestId('referral-letter-tms');
    expect(letter.textContent).toContain('To: Psychiatry service');
    expect(letter.textContent).toContain('Priority: Routine');
    expect(letter.textContent).toContain('Prefers morning sessions');
    expect(screen.getByTestId('referral-letter-esketamine').textContent).toContain('Priority: Urgent');
  });

  it('the letter names the patient, leads with the patient\'s safety items (as on the strip), then the option\'s own cautions, and gives the reasons', async () => {
    const { user } = renderReferrals({ safety: [safetyItem] });
    await user.click(screen.getByRole('checkbox', { name: /esketamine/i }));
    const letter = screen.getByTestId('referral-letter-esketamine');
    expect(letter.textContent).toContain('Patient: Alex Rivera, born 1980-05-17');
    const safety = within(letter).getByRole('heading', { name: 'Safety', hidden: true }).nextElementSibling!;
    expect([...safety.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'PHQ-9 item 9 = 2 (thoughts of death or self-harm) (2026-11-17): PHQ-9 item 9 answered 2 of 3 on 2026-11-17: a positive screen. Assess suicide risk and record it (C-SSRS).',
      'Caution: Blood pressure 150/95 on 2026-10-01',
    ]);
    const reasons = within(letter).getByRole('heading', { name: 'Reasons', hidden: true }).nextElementSibling!;
    expect(reasons.textContent).toContain('Two failed adequate antidepressant trials in the current episode');
  });
});

describe('nothing eligible', () => {
  it('shows only the reason: no note, no preview, no write or copy buttons', () => {
    const services = fakeServices();
    withServices(
      services,
      <ReviewPanel
        derivation={derivation({
          suggestions: [
            suggestion({ intervention: 'ect', name: 'Electroconvulsive therapy (ECT)', status: 'contraindicated', contraindications: [{ text: 'Raised intracranial pressure recorded', sources: [] }] }),
            suggestion({ intervention: 'vns', name: 'Vagus nerve stimulation (VNS)', status: 'not-eligible', reasons: [{ text: 'VNS needs 4 failed adequate treatments; 2 found', sources: [] }] }),
          ],
        })}
        session={session()}
        asOf="2026-11-22"
      />,
    );
    expect(screen.getByTestId('nothing-eligible').textContent).toMatch(/^Nothing to propose from this record\. No option is suggested or worth considering/);
    expect(screen.queryByRole('button', { name: 'Write to the chart…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy as text for a note' })).toBeNull();
    expect(screen.queryByLabelText(/note for the care plan/i)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Preview of the draft care plan' })).toBeNull();
  });

  it('with no option evaluated at all, says that none applies and shows no form', () => {
    withServices(fakeServices(), <ReviewPanel derivation={derivation({ suggestions: [] })} session={session()} asOf="2026-11-22" />);
    expect(screen.getByTestId('nothing-eligible').textContent).toContain('No interventional option applies to the conditions found.');
    expect(screen.queryByRole('button', { name: 'Write to the chart…' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});

describe('the result screen', () => {
  it('links each record written by its clinical name to its FHIR address; no id in the words', async () => {
    const { services, user } = renderReview();
    await confirmTmsPlan(user);
    act(() =>
      services.writeBackControl.finish({
        written: [
          { resourceType: 'CarePlan', id: '0b6c8d2e-1111-4c3b-9f00-aa11bb22cc33', label: 'Draft care plan (1 option)', url: 'http://127.0.0.1:4010/fhir/CarePlan/0b6c8d2e-1111-4c3b-9f00-aa11bb22cc33', outcome: 'created' },
          { resourceType: 'ServiceRequest', id: '9f1e2d3c-2222-4c3b-9f00-aa11bb22cc33', label: 'Draft referral to the Neuromodulation clinic (TMS, VNS)', url: 'http://127.0.0.1:4010/fhir/ServiceRequest/9f1e2d3c-2222-4c3b-9f00-aa11bb22cc33', outcome: 'created' },
        ],
        readBack: { confirmed: true, detail: 'every record listed above was read back from the chart.' },
      }),
    );
    const done = screen.getByRole('heading', { name: /draft care plan written to the chart/i }).parentElement!;
    expect(within(done).getByRole('link', { name: 'Draft care plan (1 option)' }).getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/CarePlan/0b6c8d2e-1111-4c3b-9f00-aa11bb22cc33');
    expect(within(done).getByRole('link', { name: 'Draft referral to the Neuromodulation clinic (TMS, VNS)' }).getAttribute('href')).toMatch(/\/fhir\/ServiceRequest\/9f1e2d3c/);
    expect(done.textContent).not.toMatch(/0b6c8d2e|9f1e2d3c|CarePlan\/|ServiceRequest\//);
  });
});
