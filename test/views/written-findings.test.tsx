/**
 * What the chart is given (the plan preview, "Copy as text for a note", the CarePlan and its referrals, the summary
 * note) carries the clinical content of the findings, not the screen's machinery: an option's criterion reads
 * "Criterion: …" (never "Reason: Rule: …"), the ranking lines that explain the order on screen are not written, and an
 * unverified rule of the app's own reads "local working rule (unverified)", on screen and in writing alike.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import type { Derivation, InterventionId } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { demoDerivation, demoDraft } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = '2026-12-05';

const offered = (d: Derivation) => d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider').map((s) => s.intervention);

/** Every text the chart is given for the plan with `ids` ticked, and the summary note. */
function written(d: Derivation, ids: InterventionId[]): string {
  const draft = demoDraft(d, ids, AS_OF);
  return [...draft.preview, draft.text, draft.carePlan.text!.div, JSON.stringify(draft.bundle), copyToNoteText(d)].join('\n');
}

describe('esketamine-contraindicated, rTMS and ECT ticked', () => {
  const d = demoDerivation('esketamine-contraindicated', TODAY);
  const draft = demoDraft(d, ['tms', 'ect'], AS_OF);

  it('the ECT card still says on screen why it is ranked after rTMS', () => {
    const ect = d.suggestions.find((s) => s.intervention === 'ect')!;
    expect(ect.reasons.filter((r) => r.kind === 'ranking').map((r) => r.text.slice(0, 40))).toEqual(['Ranked after rTMS, equally suggested: EC']);
  });

  it('the preview writes no ranking line and gives each option its criterion as "Criterion: …"', () => {
    expect(draft.preview.filter((l) => /Ranked (after|before)|equally (suggested|to consider)/.test(l))).toEqual([]);
    expect(draft.preview.filter((l) => l.includes('Rule: '))).toEqual([]);
    expect(draft.preview.filter((l) => l.trim().startsWith('Criterion: ')).map((l) => l.trim().slice(0, 40))).toEqual([
      'Criterion: rTMS fits MDD after at least ',
      'Criterion: ECT fits treatment-resistant ',
    ]);
  });

  it('the ECT hypertension caution marks only checking control as "local working rule (unverified)", on the card and in the preview', () => {
    const ect = d.suggestions.find((s) => s.intervention === 'ect')!;
    const onScreen = ect.cautions.find((c) => c.text.startsWith('Essential (primary) hypertension'))!;
    expect(onScreen.text).toContain('(APA ECT task force 2001: the transient rise in blood pressure with each treatment and the pre-ECT medical evaluation; checking control before the course: local working rule (unverified)');
    const inPreview = draft.preview.find((l) => l.trim().startsWith('Caution: Essential (primary) hypertension'))!;
    expect(inPreview).toContain('(APA ECT task force 2001: the transient rise in blood pressure with each treatment and the pre-ECT medical evaluation; checking control before the course: local working rule (unverified)');
  });
});

describe('pseudo-resistance, every offered option ticked', () => {
  const d = demoDerivation('pseudo-resistance', TODAY);
  const draft = demoDraft(d, offered(d), AS_OF);

  it('dose optimisation keeps "Ranked after adherence support …" on screen and writes it nowhere', () => {
    const dose = d.suggestions.find((s) => s.intervention === 'dose-optimization')!;
    expect(dose.reasons.filter((r) => r.kind === 'ranking').map((r) => r.text.slice(0, 37))).toEqual(['Ranked after adherence support, integ']);
    expect([...draft.preview, draft.text].filter((l) => l.includes('Ranked after'))).toEqual([]);
  });
});

describe('tms-contraindicated, esketamine ticked: the referral', () => {
  const d = demoDerivation('tms-contraindicated', TODAY);
  const draft = demoDraft(d, ['esketamine'], AS_OF);
  const referral = draft.bundle.entry!.map((e) => e.resource).find((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest')!;

  it('gives its criterion as "Criterion: Esketamine fits …", never "Reason: Rule: …"', () => {
    const notes = referral.note!.map((n) => n.text);
    expect(notes.filter((n) => n.includes('Rule: '))).toEqual([]);
    expect(notes.filter((n) => n.startsWith('Criterion: ')).map((n) => n.slice(0, 45))).toEqual(['Criterion: Esketamine fits treatment-resistan']);
  });
});

describe('ocd, deep TMS', () => {
  const d = demoDerivation('ocd', TODAY);
  const draft = demoDraft(d, ['deep-tms'], AS_OF);

  it('the one-failure threshold is "a local working rule (unverified)" in the criterion\'s citation, once, on the card and in the preview', () => {
    const card = d.suggestions.find((s) => s.intervention === 'deep-tms')!;
    const criterion = card.reasons.find((r) => r.kind === 'criterion')!;
    expect(criterion.text).toContain('(FDA DEN170078; Carmi 2019: adjunctive use in adults with OCD; one failed adequate SRI trial before deep TMS: local working rule (unverified))');
    expect(draft.preview.filter((l) => l.includes('one failed adequate SRI trial before deep TMS: local working rule (unverified)'))).toHaveLength(1);
  });
});

describe.each(demoPatients.map((p) => p.id))('%s, every offered option ticked: what the chart is given', (id) => {
  const d = demoDerivation(id, TODAY);
  const ids = offered(d);
  it.runIf(ids.length > 0)('carries no ranking line, no "Rule: " and none of the old names for a local working rule', () => {
    const text = written(d, ids);
    expect(text).not.toMatch(/Ranked (after|before)|equally suggested|equally to consider|Rule: |this project|(?<!local )working rule:/);
  });
});
