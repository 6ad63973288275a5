/**
 * The plan as text for a note and as FHIR: the safety items lead every rendering; the note text is plain (no markdown
 * escapes), the FHIR markdown notes are escaped exactly once; each finding is said once, with one label.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from 'fhir/r4';
import { carePlanAsText } from '../../../src/fhir/writeback/build';
import { escapeMarkdown } from '../../../src/fhir/writeback/escape';
import type { Suggestion } from '../../../src/clinical/types';
import { chosen, derivationForWrite, draft } from './fixture';

const pregnancy = { kind: 'pregnancy' as const, title: "Pregnant, 16 weeks' gestation", detail: 'Pregnant state on 2026-08-02.', date: '2026-08-02', action: 'Review every medication for pregnancy.', sources: ['Condition/p1'], references: [] };

/** ECT with record-like words that markdown would escape, a weighted caution and a contraindication. */
function ectWith(overrides: Partial<Suggestion>): Suggestion {
  return { ...chosen(['ect'])[0]!, ...overrides };
}

const tricky = ectWith({
  reasons: [
    { text: 'Meets TRD: failure of >= 2 adequate treatments', sources: [] },
    { text: 'Age 31: adults, as enrolled in its trials [protocol v2]', sources: [] },
  ],
  cautions: [
    { text: 'Note: Pregnant state, since 2026-08-15: pregnancy is not a contraindication for ECT (APA 2001)', sources: [] },
    { text: 'Blood pressure 150/95 on 2026-10-01', sources: [] },
  ],
});

function withSafety() {
  return draft({ derivation: { ...derivationForWrite(), safety: [pregnancy] }, chosen: [tricky, ...chosen(['dose-optimization'])] });
}

describe('the plan as text for a note', () => {
  it('puts the safety lines right after the title, before every proposed option', () => {
    const lines = carePlanAsText(withSafety()).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Proposed interventional options (2026-11-22)',
      '',
      "Safety: Pregnant, 16 weeks' gestation (2026-08-02): Pregnant state on 2026-08-02. Review every medication for pregnancy.",
    ]);
    const firstOption = lines.findIndex((l) => l.startsWith('- '));
    expect(firstOption).toBeGreaterThan(2);
    expect(lines.slice(firstOption).some((l) => l.startsWith('Safety:'))).toBe(false);
    expect(lines.at(-2)).toBe('Draft proposed with decision support (treatment-resistance timeline app): verify against the chart before acting.');
  });

  it('carries no markdown escapes: brackets and >= read as typed, in referrals and activities alike', () => {
    const text = carePlanAsText(withSafety());
    expect(text).not.toContain('\\');
    expect(text).toContain('    Reason: Meets TRD: failure of >= 2 adequate treatments');
    expect(text).toContain('    Reason: Age 31: adults, as enrolled in its trials [protocol v2]');
  });

  it('gives a weighted caution one prefix ("Note: …"), a plain one "Caution: …"', () => {
    const text = carePlanAsText(withSafety());
    expect(text).not.toContain('Caution: Note:');
    expect(text).toContain('    Note: Pregnant state, since 2026-08-15: pregnancy is not a contraindication for ECT (APA 2001)');
    expect(text).toContain('    Caution: Blood pressure 150/95 on 2026-10-01');
  });

  it('says an overridden contraindication once, as overridden, not again as the "Not offered" reason', () => {
    const contra = { text: 'Not offered: Raised intracranial pressure recorded: ECT is avoided (APA 2001)', sources: ['Condition/icp'] };
    const blocked = ectWith({
      status: 'contraindicated',
      contraindications: [contra],
      reasons: [{ text: 'Not offered: Raised intracranial pressure recorded: ECT is avoided (APA 2001)', sources: ['Condition/icp'] }, { text: 'Major depressive disorder recorded', sources: [] }],
    });
    const text = carePlanAsText(draft({ chosen: [blocked], overrideReasons: { ect: 'Discussed with anaesthesia' } }));
    expect(text.split('Raised intracranial pressure').length - 1).toBe(1);
    expect(text).toContain('    Contraindication overridden: Raised intracranial pressure recorded: ECT is avoided (APA 2001)');
    expect(text).not.toContain('Not offered');
    expect(text).toContain('    Reason: Major depressive disorder recorded');
  });
});

describe('the CarePlan written to the EHR', () => {
  it('leads its description, narrative, notes and preview with the safety items', () => {
    const d = withSafety();
    expect(d.carePlan.description).toBe(
      "Safety: Pregnant, 16 weeks' gestation (2026-08-02): Pregnant state on 2026-08-02. Review every medication for pregnancy. Options proposed for review: Electroconvulsive therapy (ECT); Dose and duration optimisation.",
    );
    const paragraphs = [...d.carePlan.text!.div.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
    expect(paragraphs[1]).toBe('Safety: Pregnant, 16 weeks&#39; gestation (2026-08-02): Pregnant state on 2026-08-02. Review every medication for pregnancy.');
    expect(paragraphs.slice(2).some((p) => p!.startsWith('Safety:'))).toBe(false);
    expect(d.carePlan.note?.[0]?.text).toMatch(/^Safety: Pregnant, 16 weeks/);
    expect(d.preview[1]).toBe("Safety: Pregnant, 16 weeks' gestation (2026-08-02): Pregnant state on 2026-08-02. Review every medication for pregnancy.");
    expect(d.preview.findIndex((l) => l.startsWith('Proposes '))).toBeGreaterThan(1);
  });

  it('escapes each markdown note exactly once, the same way for every line', () => {
    const d = withSafety();
    const sr = d.bundle.entry!.map((e) => e.resource).find((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest')!;
    const notes = (sr.note ?? []).map((n) => n.text);
    expect(notes).toContain('Reason: Age 31: adults, as enrolled in its trials \\[protocol v2\\]');
    expect(notes).toContain('Reason: Meets TRD: failure of \\>= 2 adequate treatments');
    for (const note of [...notes, ...(d.carePlan.note ?? []).map((n) => n.text)]) {
      expect(note).not.toMatch(/\\\\/);
      // Escaping the unescaped text again gives the same note: once, consistently.
      expect(escapeMarkdown(note.replace(/\\(.)/g, '$1'))).toBe(note);
    }
    // Plain string fields carry the words as they are.
    const activity = d.carePlan.activity!.find((a) => a.detail)!;
    expect(activity.detail!.reasonCode!.every((c) => !c.text!.includes('\\'))).toBe(true);
  });
});
