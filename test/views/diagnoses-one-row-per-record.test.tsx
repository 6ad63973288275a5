/**
 * Demo case "schizophrenia-trs": one F20.0 Condition in the chart is one row of the diagnoses table, as the chart's
 * problem list has it, not listed as a second diagnosis with the same code and the same record. Schizophrenia is
 * psychotic by definition: the row names the code's subtype ("Schizophrenia (F20.0, paranoid)"), never "with
 * psychotic features", a qualifier of mood disorders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { diagnosesByRecord } from '../../src/clinical/safety';
import { DiagnosesTable } from '../../src/views/timeline/Tables';
import { describeDiagnosis } from '../../src/views/timeline/details';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

afterEach(cleanup);

describe('schizophrenia-trs: the diagnoses table lists each recorded condition once', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);

  it('the F20.0 Condition is one row, Schizophrenia (F20.0, paranoid); the caption counts 3 rows', () => {
    render(<DiagnosesTable derivation={d} onSelectSources={() => {}} />);
    const table = screen.getByRole('table', { name: 'Diagnoses and episodes (3)' });
    const heads = within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(heads).toEqual([
      'Current episode: Schizophrenia',
      'Paranoid schizophreniaSchizophrenia (F20.0, paranoid)',
      'Cannabis dependence, uncomplicatedSubstance use (F12.20)',
    ]);
  });
});

describe('schizophrenia-trs: the timeline item of that diagnosis says the same', () => {
  const d = demoDerivation('schizophrenia-trs', TODAY);

  it('its details say it is recognised as schizophrenia, paranoid, under its ICD-10-CM code', () => {
    const [record] = diagnosesByRecord(d.diagnoses);
    const details = describeDiagnosis(record!.diagnosis, 0, null, record!.alsoStated);
    expect(details.lines[0]).toBe('Recognised as: Schizophrenia (ICD-10-CM F20.0, paranoid)');
  });
});
