/**
 * Demo case "bipolar-depression": the data notes under the timeline say what a supply note means (the end date comes
 * from the supply prescribed) and give each drug's own figures; never "1 more like it (quetiapine)", which hides
 * quetiapine's 28 days × 3 fills behind lithium's 90 days × 4.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RULES } from '../../src/clinical/all-rules';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');

afterEach(cleanup);

async function dataNotes(id: string): Promise<string[]> {
  render(<TreatmentResistancePage derivation={demoDerivation(id, TODAY)} rules={RULES} />);
  const notes = await screen.findByRole('note', { name: 'Data notes' }, { timeout: 10_000 });
  return [...notes.querySelectorAll('.trp-note-counts > li')].map((li) => li.textContent);
}

describe('data notes: a kind of note said once, with each drug its own figures', () => {
  it('bipolar-depression: lithium and quetiapine each with their supply prescribed', async () => {
    expect(await dataNotes('bipolar-depression')).toEqual([
      'Lithium: end date from the supply prescribed: 90 days × 4 fills on each of 4 prescriptions; quetiapine: the same, 28 days × 3 fills on the prescription.',
    ]);
  });

  it('pregnant-trd: sertraline 28 days × 2 fills and venlafaxine 28 days × 3, not "the same" figures', async () => {
    expect(await dataNotes('pregnant-trd')).toEqual([
      'Sertraline: end date from the supply prescribed: 28 days × 2 fills on the prescription; venlafaxine: the same, 28 days × 3 fills on the prescription.',
    ]);
  });
});
