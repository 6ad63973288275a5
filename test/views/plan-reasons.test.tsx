/**
 * The plan preview ("What will be written, in plain words") shows what the CarePlan writes: under each option the
 * same reason lines, from the same builder, and a sentence every option gives (the trial in progress beside the
 * failed-trial count) once, for the plan. The written reasons leave out what every patient the option is for meets
 * (the diagnosis recorded, the age within its limits), which the card keeps; the app's own rules read as a "local
 * working rule (unverified)".
 */
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import type { Derivation } from '../../src/clinical/types';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';
const IN_PROGRESS = 'Trial in progress, not counted: bupropion 150–300 mg/day since 2026-10-10';

/** The narrative's paragraphs as the chart shows them (entities decoded). */
function narrativeParagraphs(div: string): string[] {
  const doc = new DOMParser().parseFromString(div, 'application/xhtml+xml');
  return [...doc.getElementsByTagName('p')].map((p) => p.textContent ?? '');
}

/** The indented lines under the line at `at`, up to the next line that is not indented. */
function under(lines: string[], at: number): string[] {
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('  ')) break;
    out.push(line.trim());
  }
  return out;
}

const suggested = (d: Derivation) => d.suggestions.filter((s) => s.status === 'suggested').map((s) => s.intervention);

describe('trd-two-failures, rTMS, ECT and esketamine ticked: the preview shows what the CarePlan writes', () => {
  const d = demoDerivation('trd-two-failures', TODAY);
  const draft = demoDraft(d, ['tms', 'ect', 'esketamine'], AS_OF);
  const narrative = narrativeParagraphs(draft.carePlan.text!.div);

  it('says the trial in progress once, for the plan, in the preview, the narrative and the plan text', () => {
    const line = new RegExp(`^For every option: ${IN_PROGRESS}.*met on the earlier trials alone\\.$`);
    for (const lines of [draft.preview, narrative, draft.text.split('\n')]) {
      const found = lines.filter((l) => l.includes(IN_PROGRESS));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(line);
    }
  });

  it('gives under each option the reason lines the plan text and the narrative write under it', () => {
    const text = draft.text.split('\n');
    for (const name of ['Repetitive transcranial magnetic stimulation (rTMS)', 'Electroconvulsive therapy (ECT)', 'Esketamine nasal spray (Spravato)']) {
      const inPreview = under(draft.preview, draft.preview.findIndex((l) => l.startsWith(`Proposes ${name}:`)));
      const inText = under(text, text.findIndex((l) => l.startsWith('- ') && l.includes(`: ${name} (draft referral`)));
      expect(inPreview.length, name).toBeGreaterThan(0);
      expect(inPreview, name).toEqual(inText);
      const at = narrative.findIndex((l) => l.startsWith(`${name}: referral to`));
      expect(narrative.slice(at + 1, at + 1 + inPreview.length), name).toEqual(inPreview);
    }
    const rtms = under(draft.preview, draft.preview.findIndex((l) => l.startsWith('Proposes Repetitive transcranial')));
    expect(rtms[0]).toMatch(/^Reason: 2 failed adequate trials in the current MDD episode: sertraline 50–100 mg\/day for 10 weeks/);
  });

  it('each referral, read on its own, keeps the trial in progress among its notes', () => {
    const referrals = draft.bundle.entry!.map((e) => e.resource).filter((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest');
    expect(referrals).toHaveLength(3);
    for (const sr of referrals) expect(sr.note!.filter((n) => n.text.includes('Trial in progress, not counted: bupropion'))).toHaveLength(1);
  });

  it('writes no "Major depressive disorder recorded" nor "within the age limit"; the card keeps both', () => {
    const tms = d.suggestions.find((s) => s.intervention === 'tms')!;
    expect(tms.reasons.map((r) => r.text)).toContain('Major depressive disorder recorded');
    expect(tms.reasons.some((r) => r.text.startsWith('Age 40: within the age limit'))).toBe(true);
    const written = [...draft.preview, ...narrative, draft.text, JSON.stringify(draft.bundle)].join('\n');
    expect(written).not.toContain('disorder recorded');
    expect(written).not.toContain('within the age limit');
  });
});

describe('esketamine-contraindicated, ECT and rTMS ticked: the app’s own rules are local working rules', () => {
  const d = demoDerivation('esketamine-contraindicated', TODAY);
  const draft = demoDraft(d, ['ect', 'tms'], AS_OF);

  it('the haemorrhage caution reads "local working rule (unverified)", never "this project’s rule [UNVERIFIED]"', () => {
    const caution = draft.preview.find((l) => l.startsWith('  Caution: Nontraumatic intracerebral hemorrhage'))!;
    expect(caution).toContain('(APA ECT task force 2001: bleeding or unstable vascular malformations');
    expect(caution).toMatch(/; a past haemorrhage treated as needing the same assessment: local working rule \(unverified\)\)$/);
  });
});

describe.each(demoPatients.map((p) => p.id))('%s, every suggested option ticked: what is written', (id) => {
  const d = demoDerivation(id, TODAY);
  const ids = suggested(d);
  it.runIf(ids.length > 0)('carries no internal tag, no entry criterion, and each preview option’s lines are the narrative’s', () => {
    const draft = demoDraft(d, ids, AS_OF);
    const narrative = narrativeParagraphs(draft.carePlan.text!.div);
    const written = [...draft.preview, ...narrative, draft.text, JSON.stringify(draft.bundle)].join('\n');
    expect(written).not.toMatch(/\[UNVERIFIED\]|this project's rule| recorded"|within the age limit/);
    const text = draft.text.split('\n');
    const proposals = draft.preview.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('Proposes '));
    const options = text.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('- '));
    expect(proposals).toHaveLength(ids.length);
    expect(proposals.map(([, i]) => under(draft.preview, i))).toEqual(options.map(([, i]) => under(text, i)));
  });
});
