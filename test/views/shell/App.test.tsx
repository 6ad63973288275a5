/**
 * The shell's visible states: launching, loading with progress and a bounded
 * wait, ready with banner / partial-read notice / query panel, and an explanatory page for each launch failure.
 */
import { describe, expect, it, vi } from 'vitest';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appState, fakeServices, query, readResult, renderApp, session } from './fakes';
import { App } from '../../../src/views/App';
import { ServicesProvider } from '../../../src/views/shell/services';

/** The parts drawn right after the first screen: a bound on the wait for them, generous for a loaded machine (jsdom renders them slowly). */
const DEFERRED = { timeout: 10_000 };

describe('launching and loading', () => {
  it('shows that it is connecting while ready() runs, and marks the page "launching"', async () => {
    renderApp(fakeServices({ session: { status: 'launching' } }));
    expect(screen.getByText(/connecting to the ehr/i)).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('launching'));
  });

  it('lists the resource types still loading and how many were read so far', async () => {
    const progress = [
      query('MedicationRequest', { status: 'done', count: 40, pages: 2 }),
      query('Observation', { status: 'pending', count: 12, pages: 1 }),
      query('MedicationDispense', { status: 'pending', count: 0, pages: 0 }),
    ];
    renderApp(fakeServices({ record: { progress, isLoading: true } }));
    expect(screen.getByRole('status').textContent).toBe(
      '52 resources read so far; still loading: Observation, MedicationDispense.',
    );
    const list = screen.getByRole('list', { name: /progress per resource type/i });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('40 read, 2 pages')).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('loading'));
  });

  it('says when loading takes longer than usual', async () => {
    renderApp(fakeServices({ record: { progress: [query('Observation', { status: 'pending' })], isLoading: true }, slowNoticeMs: 10 }));
    expect(await screen.findByText(/taking longer than usual/i)).toBeInTheDocument();
  });

  it('never spins forever: after the overall bound it shows an explanation and marks the page "error"', async () => {
    renderApp(fakeServices({ record: { progress: [query('Observation', { status: 'pending' })], isLoading: true }, readTimeoutMs: 20 }));
    expect(await screen.findByRole('heading', { level: 1, name: /reading the record took too long/i })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /try again/i })).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('error'));
  });
});

describe('the ready page', () => {
  it('shows the patient banner (name, birth date and age, gender, id) and the timeline page, marked "ready"', async () => {
    renderApp(fakeServices());
    const banner = screen.getByRole('region', { name: 'Patient' });
    expect(within(banner).getByText('Alex Rivera')).toBeInTheDocument();
    expect(banner.textContent).toMatch(/Born 1980-05-17 \(\d+ y\)/);
    expect(within(banner).getByText('Female')).toBeInTheDocument();
    expect(within(banner).getByText('ID trd-two-failures')).toBeInTheDocument();
    expect(screen.getByText('Timeline page for trd-two-failures')).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('ready'));
  });

  it('hides the banner when the EHR launch said need_patient_banner: false', () => {
    renderApp(fakeServices({ session: { status: 'ready', session: session({ needPatientBanner: false }) } }));
    expect(screen.queryByRole('region', { name: 'Patient' })).toBeNull();
    expect(screen.queryByText('Alex Rivera')).toBeNull();
    expect(screen.getByText('Timeline page for trd-two-failures')).toBeInTheDocument();
  });

  it('derives with today as asOf in local time and the resources read', () => {
    const derive = vi.fn(() => fakeServices().derive({ patientId: 'x', resources: [] }, '2026-01-01'));
    renderApp(fakeServices({ derive }));
    const [record, asOf] = derive.mock.calls[0] as unknown as [{ patientId: string }, string];
    expect(record.patientId).toBe('trd-two-failures');
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names each type that could not be read and why, and still shows what was read', async () => {
    const queries = [
      query('MedicationRequest', { count: 12 }),
      query('MedicationDispense', { status: 'failed', count: 0, pages: 0, httpStatus: 403, error: 'scope not granted' }),
      query('Condition', { status: 'partial', count: 50, pages: 1, error: 'next link repeated a page' }),
    ];
    renderApp(fakeServices({ record: { result: readResult({ queries, complete: false }), progress: queries, isLoading: false } }));
    const notice = screen.getByRole('region', { name: /part of the record could not be read/i });
    expect(within(notice).getByText('MedicationDispense could not be read: 403, scope not granted.')).toBeInTheDocument();
    expect(within(notice).getByText('Condition was read only in part (50 kept from 1 page): next link repeated a page.')).toBeInTheDocument();
    expect(screen.getByText('Timeline page for trd-two-failures')).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('ready'));
  });

  it('has no read notice when everything was read', () => {
    renderApp(fakeServices());
    expect(screen.queryByText(/could not be read/i)).toBeNull();
  });

  it('lists each query in the "what was queried" panel with its count, pages and error', async () => {
    const queries = [
      query('MedicationRequest', { count: 12, pages: 2 }),
      query('MedicationDispense', { status: 'failed', count: 0, pages: 0, httpStatus: 500, error: 'server error' }),
    ];
    renderApp(fakeServices({ record: { result: readResult({ queries }), progress: queries, isLoading: false } }));
    const summary = await screen.findByText(/what was queried \(2 queries, 12 resources, 1 with problems\)/i, {}, DEFERRED);
    await userEvent.click(summary);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells(rows[1]!)).toEqual(['MedicationRequest', 'MedicationRequest?patient=trd-two-failures', 'complete', '12', '2', '']);
    expect(cells(rows[2]!)).toEqual(['MedicationDispense', 'MedicationDispense?patient=trd-two-failures', 'failed', '0', '0', '500, server error']);
  });

  it('switches between the history and the options tabs, keeping both mounted', async () => {
    renderApp(fakeServices());
    const optionsTab = screen.getByRole('tab', { name: /options and care plan/i });
    expect(optionsTab.textContent).toBe('Options and care plan (2) Urgent');
    await userEvent.click(optionsTab);
    expect(optionsTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: /interventional options and draft care plan/i })).toBeInTheDocument();
    expect(screen.getByText('Timeline page for trd-two-failures').closest('[role=tabpanel]')?.hasAttribute('hidden')).toBe(true);
  });

  it('draws the options tab after the history, in the background, and keeps its choices across tab switches', async () => {
    renderApp(fakeServices());
    const optionsPanel = document.getElementById('panel-options')!;
    // The first render carries the history only; the options follow right after it, before anyone opens the tab.
    expect(optionsPanel.childElementCount).toBe(0);
    await waitFor(() => expect(within(optionsPanel).getByRole('heading', { name: /interventional options and draft care plan/i, hidden: true })).toBeInTheDocument());
    await userEvent.click(screen.getByRole('tab', { name: /options and care plan/i }));
    const firstBox = within(optionsPanel).getAllByRole('checkbox')[0]!;
    await userEvent.click(firstBox);
    expect((firstBox as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole('tab', { name: /treatment history/i }));
    await userEvent.click(screen.getByRole('tab', { name: /options and care plan/i }));
    expect((within(optionsPanel).getAllByRole('checkbox')[0] as HTMLInputElement).checked).toBe(true);
  });

  it('keeps the options and query panel when the timeline fails to render', async () => {
    renderApp(
      fakeServices({
        renderPage: () => {
          throw new Error('bad geometry');
        },
      }),
    );
    expect(screen.getByText(/timeline could not be drawn/i)).toBeInTheDocument();
    expect(await screen.findByText(/what was queried/i, {}, DEFERRED)).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('ready'));
  });

  it('shows an explanation, not conclusions, when the engine fails on the record', async () => {
    renderApp(
      fakeServices({
        derive: () => {
          throw new Error('engine broke');
        },
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: /could not be analysed/i })).toBeInTheDocument();
    expect(screen.getByText(/what was queried/i)).toBeInTheDocument();
    expect(screen.queryByText('engine broke')).toBeNull();
    await waitFor(() => expect(appState()).toBe('error'));
  });
});

describe('launch error pages', () => {
  const relaunch = /open the app again from the patient’s chart in the EHR/i;

  it('explains a page opened without launch state (fhirclient: "No \'state\' parameter found")', async () => {
    renderApp(fakeServices({ session: { status: 'error', error: new Error("No 'state' parameter found. Please (re)launch the app.") } }));
    expect(screen.getByRole('heading', { level: 1, name: /opened without a launch from the EHR/i })).toBeInTheDocument();
    expect(screen.getByText(relaunch)).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('error'));
  });

  it('explains a denied authorization', () => {
    renderApp(fakeServices({ session: { status: 'error', error: new Error('access_denied: The user denied access') } }));
    expect(screen.getByRole('heading', { level: 1, name: /access was not granted/i })).toBeInTheDocument();
    expect(screen.getByText(/relaunch the app from the EHR and approve/i)).toBeInTheDocument();
  });

  it('shows an OAuth error description as text, never as markup', () => {
    const description = 'invalid_request: launch is unknown <img src=x onerror="alert(1)">';
    renderApp(fakeServices({ session: { status: 'error', error: new Error(description) } }));
    expect(screen.getByRole('heading', { level: 1, name: /sign-in with the EHR did not complete/i })).toBeInTheDocument();
    expect(screen.getByText(description)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(relaunch)).toBeInTheDocument();
  });

  it('explains an expired session (401 without refresh)', () => {
    const expired = Object.assign(new Error('The session with the EHR has expired.'), { name: 'SessionExpiredError' });
    renderApp(fakeServices({ record: { progress: [], isLoading: false, error: expired } }));
    expect(screen.getByRole('heading', { level: 1, name: /your session with the EHR has ended/i })).toBeInTheDocument();
    expect(screen.getByText(relaunch)).toBeInTheDocument();
  });

  it('uses the FHIR layer\'s own explanation when it has one', () => {
    renderApp(
      fakeServices({
        session: { status: 'error', error: new Error('x') },
        explainError: () => ({ kind: 'oauth-error', title: 'The EHR refused the launch', explanation: 'Because.', detail: 'launch expired', action: 'Relaunch.' }),
      }),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'The EHR refused the launch' })).toBeInTheDocument();
    expect(screen.getByText('launch expired')).toBeInTheDocument();
  });

  it('shows a page, not a blank screen, when something throws during render', async () => {
    renderApp({
      ...fakeServices(),
      useSession: () => {
        throw new Error('boom');
      },
    });
    expect(screen.getByRole('heading', { level: 1, name: /something went wrong/i })).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('error'));
  });
});

describe('session expiring mid-read', () => {
  it('shows the relaunch page and lists what had been read, without showing it as the record', () => {
    const expired = Object.assign(new Error('expired'), { name: 'SessionExpiredError' });
    renderApp(fakeServices({ record: { result: readResult(), progress: [], isLoading: false, error: expired } }));
    expect(screen.getByRole('heading', { level: 1, name: /your session with the EHR has ended/i })).toBeInTheDocument();
    expect(screen.getByText(/what was queried \(2 queries/i)).toBeInTheDocument();
    expect(screen.queryByText('Timeline page for trd-two-failures')).toBeNull();
  });
});

describe('the lazily loaded analysis part', () => {
  it('keeps showing progress until the engine and timeline have loaded, then the page', async () => {
    let status: 'loading' | 'ready' = 'loading';
    const services = { ...fakeServices(), useAnalysisStatus: () => ({ status }) };
    const view = renderApp(services);
    expect(screen.getByRole('heading', { name: /reading the patient’s record/i })).toBeInTheDocument();
    expect(screen.getByRole('status').textContent).toMatch(/finishing/);
    await waitFor(() => expect(appState()).toBe('loading'));
    status = 'ready';
    view.rerender(
      <ServicesProvider services={{ ...services }}>
        <App />
      </ServicesProvider>,
    );
    expect(screen.getByText('Timeline page for trd-two-failures')).toBeInTheDocument();
  });

  it('explains when that part could not be downloaded, with a way to try again', async () => {
    renderApp({ ...fakeServices(), useAnalysisStatus: () => ({ status: 'error', error: new Error('chunk 404') }) });
    expect(screen.getByRole('heading', { level: 1, name: /part of the app could not be loaded/i })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /try again/i })).toBeInTheDocument();
    await waitFor(() => expect(appState()).toBe('error'));
  });
});

describe('a stalled download of the analysis part', () => {
  it('ends in the "could not be loaded" page, not an endless spinner', async () => {
    renderApp({ ...fakeServices({ readTimeoutMs: 20 }), useAnalysisStatus: () => ({ status: 'loading' as const }) });
    expect(await screen.findByRole('heading', { level: 1, name: /part of the app could not be loaded/i })).toBeInTheDocument();
  });
});

describe('no patient data in the console', () => {
  it('prints nothing while showing error pages, boundaries and partial reads', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    const failing = () => {
      throw new Error('Alex Rivera, born 1980-05-17');
    };
    renderApp(fakeServices({ renderPage: failing })).unmount();
    renderApp(fakeServices({ derive: failing })).unmount();
    renderApp(fakeServices({ session: { status: 'error', error: new Error('invalid_request: bad launch') } })).unmount();
    const queries = [query('MedicationDispense', { status: 'failed', httpStatus: 403, error: 'scope not granted' })];
    renderApp(fakeServices({ record: { result: readResult({ queries }), progress: queries, isLoading: false } })).unmount();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    spies.forEach((spy) => spy.mockRestore());
  });
});
