/**
 * The records panel: the strip's, tables' and options' "records" buttons open the records behind an item in clinical
 * words with their FHIR address; a reference not read says so; focus moves in and comes back on Escape or Close.
 */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Condition, Medication, MedicationRequest, Observation, Resource } from 'fhir/r4';
import { derivation, fakeServices, patient, readResult, renderApp, suggestion } from './fakes';
import { recordLookup } from '../../../src/views/shell/analysis-services';
import { SafetyStrip } from '../../../src/views/timeline/SafetyStrip';
import { TrialsTable } from '../../../src/views/timeline/Tables';
import { describeRecord, recordIndex } from '../../../src/clinical/record-words';
import type { Derivation, SafetyItem } from '../../../src/clinical/types';
import { trial } from '../timeline/timeline-fixtures';

const ideation: Condition = {
  resourceType: 'Condition',
  id: 'si-1',
  subject: { reference: 'Patient/trd-two-failures' },
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'R45.851', display: 'Suicidal ideations' }] },
  onsetDateTime: '2026-11-20',
  recordedDate: '2026-11-21',
};

const medication: Medication = {
  resourceType: 'Medication',
  id: 'med-1',
  code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '312940', display: 'sertraline 100 MG Oral Tablet' }] },
};

const order: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr-1',
  status: 'completed',
  intent: 'order',
  subject: { reference: 'Patient/trd-two-failures' },
  medicationReference: { reference: 'Medication/med-1' },
  authoredOn: '2026-03-01',
  dosageInstruction: [{ text: '100 mg once daily' }],
};

const phq9: Observation = {
  resourceType: 'Observation',
  id: 'phq-1',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'PHQ-9 total score' }], text: '<img src=x onerror=alert(1)>' },
  subject: { reference: 'Patient/trd-two-failures' },
  effectiveDateTime: '2026-11-17',
  valueInteger: 19,
};

const resources: Resource[] = [patient, ideation, medication, order, phq9];

const item = (sources: string[]): SafetyItem => ({
  kind: 'suicidal-ideation',
  title: 'Recent suicidal ideation',
  detail: 'Recorded 2 days ago, still active.',
  date: '2026-11-20',
  sources,
  references: [],
});

/** The app with a page that draws the real safety strip and trials table, and the real record lookup. */
function renderWithStrip(d: Derivation) {
  const services = fakeServices({
    derivation: d,
    record: { result: readResult({ resources }), progress: [], isLoading: false },
    renderPage: (page, _rules, actions) => (
      <>
        <SafetyStrip derivation={page} onSelectSources={actions?.onSelectSources} />
        <TrialsTable derivation={page} onSelectSources={actions?.onSelectSources} />
      </>
    ),
  });
  return renderApp({ ...services, recordLookup });
}

describe('the records panel', () => {
  it('opens from a safety item with the record in clinical words and its FHIR address, focus on the panel', async () => {
    const user = userEvent.setup();
    renderWithStrip(derivation({ safety: [item(['Condition/si-1'])] }));
    const strip = screen.getByRole('region', { name: 'Safety' });
    await user.click(within(strip).getByRole('button', { name: 'record' }));
    const panel = screen.getByRole('dialog', { name: 'The record behind “Recent suicidal ideation”' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe('Diagnosis: Suicidal ideations');
    expect(panel.textContent).toContain('Onset2026-11-20');
    expect(panel.textContent).toContain('Recorded2026-11-21');
    expect(panel.textContent).toContain('StatusActive, Confirmed');
    expect(panel.textContent).toContain('Coded asSuicidal ideations — ICD-10-CM R45.851');
    const link = within(panel).getByRole('link', { name: 'http://127.0.0.1:4010/fhir/Condition/si-1' });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/Condition/si-1');
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { level: 2 }));
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    renderWithStrip(derivation({ safety: [item(['Condition/si-1'])] }));
    const button = within(screen.getByRole('region', { name: 'Safety' })).getByRole('button', { name: 'record' });
    await user.click(button);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes with its Close button and gives focus back too', async () => {
    const user = userEvent.setup();
    renderWithStrip(derivation({ safety: [item(['Condition/si-1'])] }));
    const button = within(screen.getByRole('region', { name: 'Safety' })).getByRole('button', { name: 'record' });
    await user.click(button);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('says plainly when a referenced record is not among the records read', async () => {
    const user = userEvent.setup();
    renderWithStrip(derivation({ safety: [item(['Condition/si-1', 'MedicationDispense/gone'])] }));
    await user.click(within(screen.getByRole('region', { name: 'Safety' })).getByRole('button', { name: 'records (2)' }));
    const panel = screen.getByRole('dialog', { name: 'The 2 records behind “Recent suicidal ideation”' });
    expect(panel.textContent).toContain('A dispense this item refers to is not among the records read');
    expect(panel.textContent).not.toContain('gone');
  });

  it('opens from a trial row with the order, the medication it references and the dose', async () => {
    const user = userEvent.setup();
    const sertraline = trial({ ingredient: 'sertraline', start: '2026-03-01', end: '2026-06-01', steps: [[100, 92]], sources: ['MedicationRequest/mr-1'] });
    renderWithStrip(derivation({ trials: [sertraline] }));
    await user.click(screen.getByRole('button', { name: 'record' }));
    const panel = screen.getByRole('dialog', { name: 'The record behind “sertraline from 2026-03-01”' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe('Medication order: sertraline 100 MG Oral Tablet');
    expect(panel.textContent).toContain('Ordered2026-03-01');
    expect(panel.textContent).toContain('Dose100 mg once daily');
    expect(panel.textContent).toContain('RxNorm 312940');
    expect(within(panel).getByRole('link').getAttribute('href')).toBe('http://127.0.0.1:4010/fhir/MedicationRequest/mr-1');
  });

  it('opens from an option’s reasons on the options tab', async () => {
    const user = userEvent.setup();
    const d = derivation({ suggestions: [suggestion({ intervention: 'tms', name: 'rTMS', reasons: [{ text: 'PHQ-9 19 after two trials', sources: ['Observation/phq-1'] }] })] });
    const services = fakeServices({ derivation: d, record: { result: readResult({ resources }), progress: [], isLoading: false } });
    renderApp({ ...services, recordLookup });
    await user.click(screen.getByRole('tab', { name: /options and care plan/i }));
    await user.click(screen.getByText('1 source record'));
    await user.click(screen.getByRole('button', { name: 'read it in words' }));
    const panel = screen.getByRole('dialog', { name: 'The record behind “PHQ-9 19 after two trials”' });
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe('Questionnaire score: <img src=x onerror=alert(1)>');
    // Record text is text: the hostile display is shown, never parsed.
    expect(panel.querySelector('img')).toBeNull();
    expect(panel.textContent).toContain('Value19');
    expect(panel.textContent).toContain('Measured2026-11-17');
  });

  it('is not offered when the services cannot describe records', () => {
    const services = fakeServices({
      derivation: derivation({ safety: [item(['Condition/si-1'])] }),
      renderPage: (page, _rules, actions) => <SafetyStrip derivation={page} onSelectSources={actions?.onSelectSources} />,
    });
    renderApp(services);
    expect(within(screen.getByRole('region', { name: 'Safety' })).queryByRole('button')).toBeNull();
  });
});

describe('a record in words', () => {
  const find = recordIndex(resources);

  it('names an order by the Medication it references, with the code system in words', () => {
    expect(describeRecord('MedicationRequest/mr-1', find)).toEqual({
      reference: 'MedicationRequest/mr-1',
      resourceType: 'MedicationRequest',
      kind: 'Medication order',
      what: 'sertraline 100 MG Oral Tablet',
      codes: [{ display: 'sertraline 100 MG Oral Tablet', system: 'RxNorm', code: '312940' }],
      dates: [{ label: 'Ordered', value: '2026-03-01' }],
      status: 'Completed',
      details: [
        { label: 'Dose', value: '100 mg once daily' },
        { label: 'Intent', value: 'Order' },
      ],
    });
  });

  it('is null for a reference not among the records read', () => {
    expect(describeRecord('Condition/elsewhere', find)).toBeNull();
  });

  it('names an unknown code system by its address and a coding without a system as such', () => {
    const odd: Condition = { resourceType: 'Condition', id: 'odd', subject: { reference: 'Patient/p' }, code: { coding: [{ system: 'urn:local:dx', code: 'X1' }, { code: 'Y2', display: 'Low mood' }] } };
    expect(describeRecord('Condition/odd', recordIndex([odd]))?.codes).toEqual([
      { display: '', system: 'code system urn:local:dx', code: 'X1' },
      { display: 'Low mood', system: 'no code system given', code: 'Y2' },
    ]);
  });
});
