import { describe, expect, it } from 'vitest';
import { derivationForWrite, draft } from './fixture';

describe('the draft CarePlan is headed by the safety items', () => {
  it('puts each safety item first in the plan notes, with its date, and no resource id in the words', () => {
    const derivation = {
      ...derivationForWrite(),
      safety: [
        { kind: 'pregnancy' as const, title: "Pregnant, 16 weeks' gestation", detail: 'Pregnant state (Z33.1) on 2026-08-02.', date: '2026-08-02', sources: ['Condition/p1'], references: [] },
      ],
    };
    const notes = (draft({ derivation }).carePlan.note ?? []).map((n) => n.text);
    expect(notes[0]).toBe("Safety: Pregnant, 16 weeks' gestation (2026-08-02): Pregnant state (Z33.1) on 2026-08-02.");
    expect(notes[0]).not.toMatch(/Condition\//);
  });
});
