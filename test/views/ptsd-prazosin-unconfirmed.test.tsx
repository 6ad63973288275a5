/**
 * Demo case "ptsd": prazosin rests on one open order that nothing has renewed, dispensed or restated since 2025-04-15.
 * The current-regimen line and the note's trial line say it is unconfirmed, with the time in months from the one
 * vocabulary (20 months, never "1 year"), as the data note does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { RULES } from '../../src/clinical/all-rules';
import { describeElapsed } from '../../src/clinical/vocabulary';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation } from './demo-derivation';

const TODAY = new Date('2026-12-06T08:00:00Z');
const UNCONFIRMED = 'unconfirmed: no renewal or dispense since 2025-04-15 (20 months); confirm with the patient';

afterEach(cleanup);

describe('ptsd: prazosin on an open order unrenewed for 20 months reads as unconfirmed', () => {
  const d = demoDerivation('ptsd', TODAY);

  it('the engine marks the prazosin trial unconfirmed, citing its order', () => {
    expect(d.trials.find((t) => t.ingredient === 'prazosin')!.unconfirmed).toEqual({ text: UNCONFIRMED, sources: ['MedicationRequest/ptsd-prazosin-1'] });
    expect(d.trials.filter((t) => t.unconfirmed).map((t) => t.ingredient)).toEqual(['prazosin']);
  });

  it('the data note says 20 months, not "1 year"', () => {
    expect(d.dataNotes.find((n) => n.sources.includes('MedicationRequest/ptsd-prazosin-1'))!.text).toBe(
      'MedicationRequest/ptsd-prazosin-1 is still open, but nothing has renewed, dispensed or restated prazosin since 2025-04-15 (20 months): counted as taken to 2026-12-06; confirm with the patient',
    );
  });

  it('the current-regimen line carries it on the prazosin entry only', () => {
    const page = render(<TreatmentResistancePage derivation={d} rules={RULES} />);
    const entries = [...page.getByTestId('current-regimen').querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(entries.filter((e) => e.includes(UNCONFIRMED)).map((e) => e.split(' ')[0])).toEqual(['prazosin']);
  });

  it("the note's prazosin line carries it after the period", () => {
    const line = copyToNoteText(d).split('\n').find((l) => l.startsWith('- prazosin '))!;
    expect(line.endsWith(`to now (ongoing), 85 weeks; ${UNCONFIRMED}`)).toBe(true);
  });

  it('durations in months: weeks below two months, months below two years, then years and months', () => {
    expect([30, 600, 730, 1100].map(describeElapsed)).toEqual(['4 weeks', '20 months', '2 years', '3 years']);
  });
});
