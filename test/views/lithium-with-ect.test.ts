/**
 * bipolar-depression (maintenance lithium 900 mg/day, level 0.7 mmol/L): with ECT and dose optimisation both in
 * the plan, the written lithium instruction is one sentence for that plan (check a level now, lower or hold lithium for
 * the ECT course, then aim for the target level from the level table), never "if ECT is chosen instead"; the copied
 * note names the drug and the target.
 */
import { describe, expect, it } from 'vitest';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { LITHIUM_TARGET_LEVEL } from '../../src/clinical/terminology/dose-tables';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

describe('bipolar-depression: lithium with ECT in the same plan', () => {
  const d = demoDerivation('bipolar-depression', TODAY);
  const level = /level 0\.7 mmol\/L on 2026-08-0\d/;

  it('the target level comes from the level table: 0.8–1.0 mmol/L after an insufficient response (Nolen 2019)', () => {
    expect([LITHIUM_TARGET_LEVEL.min, LITHIUM_TARGET_LEVEL.max, LITHIUM_TARGET_LEVEL.unit]).toEqual([0.8, 1.0, 'mmol/L']);
    expect(LITHIUM_TARGET_LEVEL.rule.references).toContain('nolen2019');
  });

  it('with both chosen, the preview and plan text say: check a level now; lower or hold it for the ECT course; afterwards aim for 0.8–1.0 mmol/L', () => {
    const draft = demoDraft(d, ['ect', 'dose-optimization'], AS_OF);
    for (const lines of [draft.preview, draft.text.split('\n')]) {
      const lithium = lines.filter((l) => /Lithium: /.test(l));
      expect(lithium).toHaveLength(1);
      expect(lithium[0]!.trim()).toMatch(
        /^Reason: Lithium: check a level now \(level 0\.7 mmol\/L on 2026-08-0\d\); lower or hold lithium for the ECT course \(with the ECT team\); afterwards aim for 0\.8–1\.0 mmol\/L \(APA ECT task force 2001/,
      );
      expect(lines.join('\n')).not.toMatch(/If ECT is chosen instead/);
    }
  });

  it('with dose optimisation chosen without ECT, the plan says to aim for the target now', () => {
    const draft = demoDraft(d, ['dose-optimization'], AS_OF);
    const lithium = draft.preview.filter((l) => /Lithium: /.test(l));
    expect(lithium).toHaveLength(1);
    expect(lithium[0]!.trim()).toMatch(/^Reason: Lithium: check a level now \(level 0\.7 mmol\/L on 2026-08-0\d\) and aim for 0\.8–1\.0 mmol\/L now; if ECT is chosen later, lower or hold lithium for its course \(/);
  });

  it('the copied note names lithium, its last level and the target under dose optimisation', () => {
    const note = copyToNoteText(d).split('\n');
    const at = note.findIndex((l) => l.startsWith('- Dose and duration optimisation (suggested)'));
    expect(at).toBeGreaterThan(0);
    const end = note.findIndex((l, i) => i > at && !l.startsWith('    '));
    const under = note.slice(at + 1, end);
    expect(under.some((l) => level.test(l) && l.includes('aim for 0.8–1.0 mmol/L') && l.trim().startsWith('Lithium: check a level now'))).toBe(true);
  });
});
