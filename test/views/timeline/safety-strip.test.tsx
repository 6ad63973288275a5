import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SafetyStrip } from '../../../src/views/timeline/SafetyStrip';
import { copyToNoteText } from '../../../src/views/timeline/copyText';
import type { Derivation } from '../../../src/clinical/types';
import { derivation as fakeDerivation } from '../shell/fakes';

const withSafety: Derivation = fakeDerivation({
  safety: [
    { kind: 'pregnancy', title: "Pregnant, 16 weeks' gestation", detail: 'Dated by the record of 2026-11-20; pregnancy first coded 3 months ago.', date: '2026-08-02', action: 'Esketamine is not offered.', sources: ['Condition/p1'], references: ['spravatoLabel'] },
    { kind: 'maoi', title: 'MAOI now: tranylcypromine', detail: '40 mg/day, for 6 months.', date: '2026-05-25', sources: ['MedicationRequest/m1'], references: ['parnateLabel'] },
  ],
});

describe('SafetyStrip', () => {
  it('lists each safety item with its title and date, and no resource id in the words', () => {
    render(<SafetyStrip derivation={withSafety} onSelectSources={() => {}} />);
    const strip = screen.getByRole('region', { name: 'Safety' });
    const items = within(strip).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toBe("Pregnant, 16 weeks' gestation (2026-08-02): Dated by the record of 2026-11-20; pregnancy first coded 3 months ago. Esketamine is not offered. record");
    expect(strip.textContent).not.toMatch(/Condition\/|MedicationRequest\//);
  });

  it('draws nothing without safety items', () => {
    const { container } = render(<SafetyStrip derivation={fakeDerivation({ safety: [] })} />);
    expect(container.innerHTML).toBe('');
  });

  it('heads the copy-to-note text, dated so that "3 months ago" stays readable after the day', () => {
    expect(copyToNoteText(withSafety).split('\n').slice(0, 3)).toEqual([
      'Safety as of 2026-11-22:',
      "- Pregnant, 16 weeks' gestation (2026-08-02): Dated by the record of 2026-11-20; pregnancy first coded 3 months ago. Esketamine is not offered.",
      '- MAOI now: tranylcypromine (2026-05-25): 40 mg/day, for 6 months.',
    ]);
  });
});
