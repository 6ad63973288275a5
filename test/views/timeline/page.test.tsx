// TreatmentResistancePage rendered from hand-made Derivations (fixtures.ts): summary sentences, links to the
// timeline, details with sources, tables, the not-used list, copy-to-note and bad inputs.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TreatmentResistancePage } from '../../../src/views/timeline/index';
import { regimenVerdict } from '../../../src/clinical/regimen-verdict';
import { OCD_UNVERIFIED, RULE_DURATION, RULE_TRD, badInput, mddResponder, noPsychiatricHistory, testThresholds, thirtyYears, trdMultiFailures, trdTwoFailures } from './timeline-fixtures';

const rules = [RULE_DURATION, RULE_TRD];
/** The parts drawn right after the first screen: a bound on the wait for them, generous for a loaded machine (jsdom renders them slowly). */
const DEFERRED = { timeout: 10_000 };

function renderPage(derivation = trdTwoFailures(), onSelectSources = vi.fn()) {
  const view = render(<TreatmentResistancePage derivation={derivation} rules={rules} thresholds={testThresholds} onSelectSources={onSelectSources} />);
  return { ...view, onSelectSources };
}

describe('summary', () => {
  it('gives one line per condition: the condition, its treatment-resistance criteria met by which definition (never "Meets <diagnosis>"), failed trials, stage figures and definition; the conclusion, staging basis and flags open from it', async () => {
    const user = userEvent.setup();
    const { container } = renderPage();
    const line = container.querySelector<HTMLElement>('[data-condition="mdd"]')!;
    expect(within(line).getByText('Treatment-resistance criteria met: treatment-resistant depression (Gaynes 2020)').className).toContain('trp-verdict');
    expect(line.querySelector('.trp-condition-line')!.textContent).toMatch(
      /^Major depressive disorder Treatment-resistance criteria met: treatment-resistant depression \(Gaynes 2020\) · 2 failed adequate trials: sertraline, venlafaxine · Thase-Rush stage 2 · Maudsley Staging Method 7 \(total-score band: moderate resistance\); severity estimated, ECT not recorded \(scored at its minimum\) · MGH-S 2 · definition: Treatment-resistant depression/,
    );
    expect(line.querySelector('.trp-condition-line')!.textContent).not.toMatch(/Meets Major depressive disorder/);
    const details = line.querySelector<HTMLElement>('.trp-condition-details')!;
    expect(details.hidden).toBe(true);
    await user.click(within(line).getByRole('button', { name: 'Details' }));
    expect(details.hidden).toBe(false);
    expect(within(details).queryByText(/Meets treatment-resistant depression: 2 failed adequate trials in the current episode/)).not.toBeNull();
    expect(within(details).queryByText(/EU-PEARL Delphi/)).not.toBeNull();
    expect(within(details).queryByText('Verified')).not.toBeNull();
    // Staging: one expandable line per scale.
    expect(within(details).getByText('Thase-Rush stage').closest('summary')?.tagName).toBe('SUMMARY');
    expect(within(details).getByText('Maudsley Staging Method').closest('summary')?.tagName).toBe('SUMMARY');
    expect(within(details).queryByText(/two failed adequate trials of different classes/)).not.toBeNull();
    const maudsley = within(details).getByRole('table', { name: 'Maudsley items', hidden: true });
    expect(within(maudsley).queryByText('estimated')).not.toBeNull();
    expect(within(maudsley).queryByText('missing (scored at minimum)')).not.toBeNull();
    expect(within(details).queryByText(/Generalized anxiety disorder active since 2023-01-10/)).not.toBeNull();
  });

  it('names the current regimen with its dose, weeks on it and the engine\'s adequacy judgement, and the next step', () => {
    renderPage();
    const regimen = screen.getByTestId('current-regimen');
    expect(regimen.textContent).toMatch(/^Current regimen/);
    for (const t of trdTwoFailures().trials.filter((x) => x.end === null)) {
      expect(regimen.textContent).toContain(t.ingredient);
      expect(regimen.textContent).toContain(regimenVerdict(t).text);
      expect(regimen.textContent).not.toContain('adequate trial reached');
    }
    expect(screen.getByTestId('next-step').textContent).toMatch(/^Next step/);
  });

  it('a running trial below its level reads "not adequate" (not "not yet"); one short only of weeks reads "not yet adequate" (Trial.adequacyPending)', () => {
    const living = trdTwoFailures();
    const running = living.trials.filter((t) => t.end === null);
    const lithium = {
      ...running[0]!,
      id: 'lithium@2022-10-14',
      ingredient: 'lithium',
      class: 'mood-stabilizer' as const,
      adequate: false,
      adequacyPending: false,
      adequateDose: null,
      adequateLevel: { value: 0.7, unit: 'mmol/L', date: '2026-07-25', min: 0.8, reached: false, source: 'Observation/li' },
      adequacyReason: 'lithium level 0.7 mmol/L on 2026-07-25, below 0.8 mmol/L',
    };
    const short = { ...running[1]!, adequate: false, adequacyPending: true, adequacyReason: '4 weeks at adequate dose so far (ongoing since 2026-10-25; 6 weeks needed)' };
    renderPage({ ...living, trials: [...living.trials.filter((t) => t.end !== null), lithium, short] });
    const regimen = screen.getByTestId('current-regimen').textContent;
    expect(regimen).toContain('not adequate: lithium level 0.7 mmol/L on 2026-07-25, below 0.8 mmol/L');
    expect(regimen).not.toContain('not yet adequate: lithium');
    expect(regimen).toContain('not yet adequate: 4 weeks at adequate dose so far');
  });

  it('for a deceased patient names the regimen at death (records open on the day of death) and no next step', () => {
    const living = trdTwoFailures();
    const deathDate = '2026-10-13';
    const running = living.trials.filter((t) => t.end === null);
    const derivation = {
      ...living,
      demographics: { ...living.demographics, deceased: true, deceasedDate: deathDate },
      trials: living.trials.map((t) => (t.end === null ? { ...t, end: deathDate } : t)),
      suggestions: [],
    };
    renderPage(derivation);
    const regimen = screen.getByTestId('current-regimen');
    expect(regimen.textContent).toMatch(/^Regimen at death/);
    for (const t of running) expect(regimen.textContent).toContain(t.ingredient);
    expect(screen.getByTestId('next-step').textContent).toBe('Next stepnone: the patient has died');
  });

  it('links each failed adequate trial to its bar: clicking highlights it and moves focus to it', async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame'] });
    try {
      const { container } = renderPage();
      fireEvent.click(screen.getByRole('button', { name: 'sertraline, from 2024-07-01: show on the timeline' }));
      await act(async () => {
        vi.advanceTimersToNextFrame();
      });
      const bar = container.querySelector('[data-item-id="trial:sertraline@2024-07-01"]')!;
      expect(bar.getAttribute('class')).toContain('is-highlighted');
      expect(document.activeElement).toBe(bar);
      // Focus shows the trial's details; its source records are counted, not listed as ids.
      const details = screen.getByTestId('trp-details');
      expect(within(details).queryByText(/Sertraline \(SSRI, monotherapy\)/)).not.toBeNull();
      expect(within(details).queryByText(/From 2 source records/)).not.toBeNull();
      expect(details.textContent).not.toMatch(/MedicationRequest\//);
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks an unverified definition visibly', async () => {
    const { container } = render(<TreatmentResistancePage derivation={OCD_UNVERIFIED} rules={[]} />);
    const ocd = container.querySelector<HTMLElement>('[data-condition="ocd"]')!;
    // In the condition's details, drawn right after the first screen.
    expect(await within(ocd).findByText(/not verified against a primary source/, {}, DEFERRED)).toBeInTheDocument();
    expect(within(ocd).queryByText('Unverified')).not.toBeNull();
  });
});

describe('timeline items', () => {
  it('are focusable, labelled in words (outcome not by colour alone), and pin their details on Enter', async () => {
    const user = userEvent.setup();
    const { container, onSelectSources } = renderPage();
    const bar = container.querySelector<SVGGElement>('[data-item-id="trial:mirtazapine@2024-11-20"]')!;
    expect(bar.getAttribute('tabindex')).toBe('0');
    expect(bar.getAttribute('aria-label')).toMatch(/^Mirtazapine; 2024-11-20 to 2025-01-02, .*not an adequate trial; outcome: not tolerated \(recorded in the chart\)/);
    bar.focus();
    await user.keyboard('{Enter}');
    const details = screen.getByTestId('trp-details');
    await user.click(within(details).getByRole('button', { name: 'record' }));
    expect(onSelectSources).toHaveBeenCalledWith(['MedicationRequest/mirtazapine-2024-11-20-0'], 'Mirtazapine (Other antidepressant, monotherapy)');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('trp-details')).toBeNull();
  });

  it('draws a pregnancy and its weeks-of-gestation code as one pregnancy bar', () => {
    const living = trdTwoFailures();
    const icd = 'http://hl7.org/fhir/sid/icd-10-cm';
    const derivation = {
      ...living,
      diagnoses: [
        { kind: 'pregnancy' as const, code: 'Z33.1', system: icd, display: 'Pregnant state, incidental', onset: '2026-08-02', abatement: null, clinicalStatus: 'active', source: 'Condition/preg' },
        { kind: 'pregnancy' as const, code: 'Z3A.16', system: icd, display: '16 weeks gestation of pregnancy', onset: '2026-11-20', abatement: null, clinicalStatus: 'active', source: 'Condition/weeks' },
      ],
    };
    const { container } = renderPage(derivation);
    const bars = [...container.querySelectorAll('.trp-dx')];
    expect(bars.map((b) => b.getAttribute('data-item-id'))).toEqual(['diagnosis:0']);
    expect(bars[0]!.getAttribute('aria-label')).toMatch(/Pregnant state, incidental/);
  });

  it('steps through a score series with the arrow keys', async () => {
    const user = userEvent.setup();
    const { container } = renderPage();
    const series = container.querySelector<SVGGElement>('[data-item-id="series:phq9"]')!;
    series.focus();
    await user.keyboard('{Home}');
    expect(within(screen.getByTestId('trp-details')).queryByText('PHQ-9 21 on 2024-06-20')).not.toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(within(screen.getByTestId('trp-details')).queryByText('PHQ-9 19 on 2024-08-15')).not.toBeNull();
  });

  it('opens on the current episode and switches ranges; agents outside the range are named', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(screen.getByRole('radio', { name: 'Current episode' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('radio', { name: 'Last 2 years' }));
    expect(screen.queryByText(/Not shown in this range \(no trial within it\): .*sertraline/)).not.toBeNull();
    await user.click(screen.getByRole('radio', { name: 'All' }));
    expect(screen.queryByText(/Not shown in this range/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByRole('button', { name: 'Reset' })).toHaveProperty('disabled', false);
  });

  it('draws 40 trials with one lane per agent, each trial in its agent’s lane; 30 years draw too', async () => {
    const user = userEvent.setup();
    const derivation = trdMultiFailures();
    const { container } = renderPage(derivation);
    // Its current episode is the whole record: one button, "Current episode / All".
    await user.click(screen.getByRole('radio', { name: /All$/ }));
    const lanes = [...container.querySelectorAll('g.trp-lane')].map((g) => g.getAttribute('data-lane'));
    expect(lanes.sort()).toEqual([...new Set(derivation.trials.map((t) => t.ingredient))].sort());
    for (const trial of derivation.trials) {
      const mark = container.querySelector(`[data-item-id="trial:${trial.id}"]`);
      expect(mark?.closest('g.trp-lane')?.getAttribute('data-lane'), trial.id).toBe(trial.ingredient);
    }
    expect(await screen.findByRole('table', { name: 'Medication trials (40)' }, DEFERRED)).toBeInTheDocument();
    const { container: c30 } = render(<TreatmentResistancePage derivation={thirtyYears()} rules={[]} />);
    expect(c30.querySelector('svg.trp-timeline-svg')).toBeInTheDocument();
  });
});

describe('tables and the not-used list', () => {
  it('draws the summary and the timeline first; the data notes, the legend, the tables, the not-used list, the rules and the sources right after, not in it', async () => {
    const { container } = renderPage();
    // Text queries, not role queries: the page is large and role queries over it are slow in jsdom.
    expect(screen.getByText('Summary', { selector: 'h2' })).toBeInTheDocument();
    expect(container.querySelectorAll('[data-item-id^="trial:"]').length).toBeGreaterThan(0);
    expect(screen.queryByText('Data notes', { selector: 'h3' })).toBeNull();
    expect(screen.queryByText('Legend', { selector: 'h3' })).toBeNull();
    expect(screen.queryByText('Table view', { selector: 'h2' })).toBeNull();
    expect(screen.queryByText('Not used, because…', { selector: 'h2' })).toBeNull();
    expect(screen.queryByText(/About the rules/)).toBeNull();
    expect(await screen.findByText('Table view', { selector: 'h2' }, DEFERRED)).toBeInTheDocument();
    expect(screen.getByText('Data notes', { selector: 'h3' })).toBeInTheDocument();
    expect(screen.getByText('Legend', { selector: 'h3' })).toBeInTheDocument();
    expect(screen.getByText('Not used, because…', { selector: 'h2' })).toBeInTheDocument();
    expect(screen.getByText(/About the rules/)).toBeInTheDocument();
  });

  it('lists every trial with dose, adequacy reason, adherence, outcome and basis, and its records counted in words, not ids', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Medication trials (5)' }, DEFERRED);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(6);
    const mirtazapine = rows.find((r) => r.textContent?.includes('mirtazapine'))!;
    expect(mirtazapine.textContent).toMatch(/Not adequate/);
    expect(mirtazapine.textContent).toMatch(/adequate ≥ 30 mg\/day/);
    expect(mirtazapine.textContent).toMatch(/92% of days covered/);
    expect(mirtazapine.textContent).toMatch(/Not tolerated.*recorded in the chart/);
    expect(mirtazapine.textContent).toMatch(/1 medication order/);
    expect(mirtazapine.textContent).not.toMatch(/MedicationRequest\//);
  });

  it('shows every unused resource with its reason, and points to it from the timeline notes', async () => {
    renderPage();
    const unused = await screen.findByRole('table', { name: 'Not used, because… (2)' }, DEFERRED);
    expect(within(unused).queryByText('PHQ-9 score without a date')).not.toBeNull();
    expect(within(unused).queryByText('not a psychiatric medication: atorvastatin')).not.toBeNull();
    expect(screen.queryByText(/2 resources were read but not used/)).not.toBeNull();
  });

  it('bad inputs: both escitalopram records drawn, the free-text dose and the diagnosis without onset noted, the ongoing trial marked', async () => {
    const { container } = renderPage(badInput());
    expect(container.querySelectorAll('[data-item-id^="trial:escitalopram"]')).toHaveLength(2);
    const table = await screen.findByRole('table', { name: 'Medication trials (4)' }, DEFERRED);
    expect(within(table).queryByText(/free-text dose "as directed" could not be read/)).not.toBeNull();
    // Under the timeline one sentence per kind of note, with its own words and drug; each one opens behind "show details".
    const notes = screen.getByRole('note', { name: 'Data notes' });
    expect(within(notes).queryByText('Escitalopram: free-text dose "as directed" could not be read.')).not.toBeNull();
    expect(notes.textContent).not.toMatch(/By kind| … /);
    expect(within(notes).queryByText(/Alcohol dependence/)).toBeNull();
    fireEvent.click(within(notes).getByRole('button', { name: /show details/ }));
    expect(within(notes).queryByText(/Diagnosis "Alcohol dependence": no onset date, listed in the table only/)).not.toBeNull();
    expect(within(notes).queryByText('Escitalopram (from 2025-07-01): free-text dose "as directed" could not be read')).not.toBeNull();
    expect(within(table).getAllByText(/ongoing/).length).toBeGreaterThan(0);
  });

  it('says plainly when there is no psychiatric history, and what was read', async () => {
    const { container } = renderPage(noPsychiatricHistory());
    expect(screen.queryByText('No psychiatric medication trials, diagnoses or scores were found')).not.toBeNull();
    expect(screen.queryByText('MedicationRequest: 1 (0 used, 1 not used)')).not.toBeNull();
    expect(container.querySelector('svg.trp-timeline-svg')).toBeNull();
    expect(await screen.findByRole('table', { name: 'Not used, because… (3)' }, DEFERRED)).toBeInTheDocument();
  });

  it('treats a lone screening score as no psychiatric history, but still draws it', () => {
    const { container } = renderPage({ ...noPsychiatricHistory(), scores: [{ instrument: 'phq2', date: '2026-10-01', value: 0, source: 'Observation/phq2' }] });
    expect(screen.queryByText('No psychiatric medication trials or psychiatric diagnoses were found')).not.toBeNull();
    expect(container.querySelector('[data-item-id="series:phq2"]')).toBeInTheDocument();
  });

  it('shows the disclaimer and the rules used for this patient first, by topic, without ids; the other rules behind a toggle', async () => {
    const unused = { id: 'scale.gad7.remission', summary: 'GAD-7 remission: total < 5.', source: 'test source', verification: 'U' as const };
    render(<TreatmentResistancePage derivation={trdTwoFailures()} rules={[...rules, unused]} thresholds={testThresholds} />);
    expect(screen.queryByText('Decision support, not a diagnosis.')).not.toBeNull();
    const rulesPanel = (await screen.findByText(/About the rules \(2 used for this patient\)/, {}, DEFERRED)).closest('details')!;
    // The list is built when the panel opens.
    expect(within(rulesPanel).queryByText(/MGH-S \(PLoS One 2020/)).toBeNull();
    rulesPanel.open = true;
    fireEvent(rulesPanel, new Event('toggle'));
    const headings = within(rulesPanel).getAllByRole('heading').map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(['Treatment-resistance definitions', 'Adequate trials (dose and duration)']);
    expect(within(rulesPanel).queryByText(/MGH-S \(PLoS One 2020/)).not.toBeNull();
    expect(rulesPanel.textContent).not.toMatch(/definition\.trd\.mdd|adequacy\.min-duration-weeks/);
    expect(within(rulesPanel).queryByText(/GAD-7 remission/)).toBeNull();
    fireEvent.click(within(rulesPanel).getByRole('button', { name: 'Show the 1 other rules of the app' }));
    expect(within(rulesPanel).queryByText(/GAD-7 remission/)).not.toBeNull();
  });
});

describe('copy to note', () => {
  it('copies the summary and trials as plain text and confirms it visibly', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(mddResponder());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy summary to note' }));
    });
    expect(writeText).toHaveBeenCalledOnce();
    expect(writeText.mock.calls[0]![0]).toMatch(/Major depressive disorder: Treatment-resistance criteria not met: treatment-resistant depression/);
    expect(screen.getByRole('status').textContent).toMatch(/Copied: summary and 1 trial/);
  });

  it('falls back to selectable text when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) }, configurable: true });
    renderPage(mddResponder());
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy summary to note' }));
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/Not copied yet: .*press Ctrl\+C/);
    expect(status.className).toContain('is-manual');
    const area = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Summary text, selected for copying' });
    expect(area.value).toMatch(/sertraline/);
    expect(document.activeElement).toBe(area);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
  });
});
