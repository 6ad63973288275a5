/**
 * What a psychiatrist reviewing the running app found repeated, contradictory or mislabelled, checked on the demo
 * patients where it was found, on the page (timeline details, tables, summary, cards), in the copied note and in the
 * draft plan's text: each finding said once per card, the outcome's evidence note matching its outcome, psychotherapy
 * named only when recorded, a titrated trial's dose beside its length, one duration per trial, the pregnancy's date
 * labelled and stated once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import { RULES } from '../../src/clinical/all-rules';
import type { Derivation, Suggestion } from '../../src/clinical/types';
import { describeTrial } from '../../src/clinical/vocabulary';
import { TreatmentResistancePage } from '../../src/views/timeline/index';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { buildWriteBack, carePlanAsText } from '../../src/fhir/writeback/build';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-11-22T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

const derivationOf = (id: string): Derivation => demoDerivation(id, TODAY);

const derivations = new Map(demoPatients.map((p) => [p.id, derivationOf(p.id)]));
const derivation = (id: string) => derivations.get(id)!;

function planText(d: Derivation): string {
  const offered = d.suggestions.filter((s) => s.status === 'suggested' || s.status === 'consider');
  if (offered.length === 0) return '';
  const draft = buildWriteBack({
    derivation: d,
    chosen: offered,
    note: '',
    overrideReasons: {},
    patientId: d.patient,
    userReference: 'Practitioner/dr-demo',
    app: { name: 'test' },
    date: AS_OF,
  });
  return `${carePlanAsText(draft)}\n${draft.carePlan.text?.div ?? ''}`;
}

const cardText = (s: Suggestion) => [...s.reasons, ...s.cautions, ...s.contraindications].map((f) => f.text).join('\n');

afterEach(cleanup);

describe('each finding is said once per card', () => {
  it.each(demoPatients.map((p) => [p.id]))('%s: no card says "none recorded" twice, or a finding twice, or an engine code for a word', (id) => {
    const slips: string[] = [];
    for (const s of derivation(id).suggestions) {
      const texts = s.reasons.map((r) => r.text);
      const negatives = texts.filter((t) => /^No\b/.test(t));
      if (negatives.length > 1) slips.push(`${s.intervention}: ${negatives.join(' / ')}`);
      if (new Set(texts).size !== texts.length) slips.push(`${s.intervention}: a reason repeated`);
      // A diagnosis kind or flag id where a clinical word belongs ("No substance-use is recorded", "psychosocial-stressor").
      for (const t of texts) if (/\b(?:substance-use|psychosocial-stressor|poor adherence flag|too short flag) (?:is|was)\b/.test(t)) slips.push(`${s.intervention}: "${t}"`);
    }
    expect(slips).toEqual([]);
  });

  it('trd-two-failures: the dual-diagnosis card says once that no substance-use disorder is recorded', () => {
    const card = derivation('trd-two-failures').suggestions.find((s) => s.intervention === 'integrated-dual-diagnosis')!;
    expect(card.reasons.map((r) => r.text)).toEqual(['No current substance-use disorder is recorded.']);
  });

  it('trd-two-failures: the VNS card gives what it needs, then the two failed trials, without restating the count', () => {
    const card = derivation('trd-two-failures').suggestions.find((s) => s.intervention === 'vns')!;
    expect(card.status).toBe('not-eligible');
    expect(card.reasons.map((r) => r.text.split(':')[0])).toEqual([
      'VNS needs chronic or recurrent depression (unipolar or bipolar) with at least 4 failed adequate antidepressant treatments.',
      '2 failed adequate trials in the current MDD episode',
    ]);
  });

  it('schizophrenia-trs: a past substance-use disorder is named with its dates and record, not contradicted by "none recorded"', () => {
    const card = derivation('schizophrenia-trs').suggestions.find((s) => s.intervention === 'integrated-dual-diagnosis')!;
    expect(card.reasons.map((r) => r.text)).toEqual([
      'No current substance-use disorder is recorded.',
      expect.stringMatching(/^In the past: Cannabis dependence, uncomplicated, \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, resolved$/),
    ]);
    expect(card.reasons[1]!.sources).toHaveLength(1);
  });
});

describe('the outcome\'s evidence note matches the outcome', () => {
  it('statement-only: an unknown outcome carries no "(inferred from a switch or stop)" on the page, in the note or in a card', () => {
    const d = derivation('statement-only');
    expect(d.trials.some((t) => t.outcome === 'unknown')).toBe(true);
    const note = copyToNoteText(d);
    expect(note).toMatch(/outcome: Outcome unknown: ended without scores or a stated reason; the next agent of its purpose, citalopram, started/);
    const texts = [note, pageText(d), ...d.suggestions.map(cardText), planText(d)];
    for (const text of texts) {
      expect(text).not.toMatch(/Outcome unknown \(/i);
      expect(text).not.toMatch(/outcome unknown, inferred/i);
    }
  });

  it('ehr-export-mdd: without a baseline, sertraline (PHQ-9 22 -> 15, -32%, during the trial) reads as a partial response (insufficient) and bupropion (PHQ-9 16) as a non-response by the scale maximum, never "outcome not recorded"', () => {
    const d = derivation('ehr-export-mdd');
    const note = copyToNoteText(d);
    expect(note).toMatch(
      /outcome: Partial response \(insufficient\) \(measured by symptom scores\): PHQ-9 22 on \S+ → 15 on \S+ \(−32%\) during the trial on adequate dose, after \d+ weeks at or above it: a partial response, insufficient/,
    );
    expect(note).not.toMatch(/sertraline[^\n]*\n[^\n]*\n\s*outcome: Non-response/);
    expect(note).toMatch(/outcome: Non-response \(measured by symptom scores\): PHQ-9 16 on \S+ on adequate dose, after 14 weeks at or above it: not a response from any baseline/);
    for (const text of [note, pageText(d), ...d.suggestions.map(cardText), planText(d)]) {
      expect(text).not.toMatch(/outcome not recorded|no score, stated reason or following agent|no PHQ-9[^.]*score to judge it/i);
    }
  });

  it('deceased: the lithium trial that ended at death with PHQ-9 18 at its end reads as a non-response from the scale maximum', () => {
    const note = copyToNoteText(derivation('deceased'));
    expect(note).toMatch(/outcome: Non-response \(measured by symptom scores\): PHQ-9 18 on \S+, after \d+ weeks: not a response from any baseline/);
  });

  it('statement-only: an outcome inferred from a switch still says so', () => {
    expect(copyToNoteText(derivation('statement-only'))).toMatch(/outcome: Non-response \(inferred from a switch or stop\): switched to/);
  });
});

describe('the regimen line: an adequate trial is good news only when it responded', () => {
  /** The regimen line's standing words and how they are drawn, for each running trial. */
  function regimen(id: string): { text: string; standing: string | null; className: string }[] {
    const page = render(<TreatmentResistancePage derivation={derivation(id)} rules={RULES} />);
    const spans = [...page.getByTestId('current-regimen').querySelectorAll('[data-standing]')];
    const out = spans.map((e) => ({ text: e.textContent ?? '', standing: e.getAttribute('data-standing'), className: e.className }));
    cleanup();
    return out;
  }

  it('trd-multi-failures: tranylcypromine 40 mg/day, adequate and failed (PHQ-9 20 → 19), is not drawn green as "adequate trial reached"', () => {
    const [t] = regimen('trd-multi-failures');
    expect(t!.text).toMatch(/^adequate dose and time but non-response \(PHQ-9 20 → 19, \d{4}-\d\d-\d\d\)$/);
    expect(t!.standing).toBe('not-responding');
    expect(t!.className).toBe('trp-regimen-failing');
  });

  it('ehr-export-mdd: bupropion, adequate with PHQ-9 16 in week 14, reads as a non-response, not as good news', () => {
    const [t] = regimen('ehr-export-mdd');
    // The score the non-response rests on, with its date: a judgement 20 months old reads as such.
    expect(t!.text).toMatch(/^adequate dose and time but non-response \(PHQ-9 16, \d{4}-\d\d-\d\d; no score since: re-measure before referral\)$/);
    expect(t!.className).toBe('trp-regimen-failing');
  });

  it('no demo patient\'s running trial is drawn green unless it responded or remitted', () => {
    for (const p of demoPatients) {
      for (const t of regimen(p.id)) expect(t.className === 'trp-adequate-reached').toBe(/ with (remission|response)/.test(t.text));
    }
  });
});

describe('psychotherapy in the resistance definition', () => {
  it.each(demoPatients.map((p) => [p.id]))('%s: "listed, not counted" only where psychotherapy in the episode is recorded, naming it', (id) => {
    const d = derivation(id);
    const texts = [copyToNoteText(d), ...d.suggestions.map(cardText)];
    for (const a of d.assessments) {
      expect(a.definition.summary).not.toMatch(/listed, not counted|not counted/i);
      if (/listed, not counted/.test(a.conclusion)) expect(a.conclusion).toMatch(/Psychotherapy given in this episode \(.+\) is listed, not counted/);
    }
    if (d.psychotherapy.length === 0) for (const text of texts) expect(text).not.toMatch(/psychotherapy[^.]*listed, not counted/i);
  });

  it('trd-multi-failures: the CBT course of the episode is named where it is listed, not counted', () => {
    expect(derivation('trd-multi-failures').assessments[0]!.conclusion).toMatch(/Psychotherapy given in this episode \(Cognitive behavioural therapy for depression, .*\) is listed, not counted/);
  });
});

describe('a titrated trial\'s dose beside its length', () => {
  it('pregnant-trd: sertraline 4 weeks at 100 mg then 8 weeks at 150 mg never reads "150 mg/day for 12 weeks"', () => {
    const d = derivation('pregnant-trd');
    const sertraline = d.trials.find((t) => t.ingredient === 'sertraline')!;
    expect(sertraline).toMatchObject({ maxDailyDoseMg: 150, doseRange: { lowestMg: 100, highestMg: 150 }, durationText: '12 weeks' });
    expect(describeTrial(sertraline)).toBe('sertraline 100–150 mg/day for 12 weeks, 8 weeks at 150 mg/day');
    const note = copyToNoteText(d);
    expect(note).toContain('  dose 100–150 mg/day, 8 weeks at 150 mg/day; adequate dose from 50 mg/day; adequate: 12 weeks at or above 50 mg;');
    // The note says the trial's figures once, in its trial list; the summary names the failed trials.
    expect(note).toContain('2 failed adequate trials in the current episode: sertraline, venlafaxine (doses and outcomes in the trial list below).');
    const page = pageText(d);
    expect(page).toContain('(sertraline 100–150 mg/day for 12 weeks, 8 weeks at 150 mg/day; venlafaxine');
    for (const text of [note, page, ...d.suggestions.map(cardText), planText(d)]) {
      expect(text).not.toMatch(/sertraline 150 mg\/day for 12 weeks|150 mg\/day for 12 weeks at or above/);
    }
    expect(d.suggestions.find((s) => s.intervention === 'tms')!.reasons.map((r) => r.text).join('\n')).toContain(
      'sertraline 100–150 mg/day for 12 weeks, 8 weeks at 150 mg/day (non-response, measured)',
    );
  });
});

describe('one duration wording per trial', () => {
  it('trd-multi-failures: the MAOI trial reads "26 weeks" on the safety strip, the timeline, the note and the plan, never in months', () => {
    const d = derivation('trd-multi-failures');
    const maoi = d.trials.find((t) => t.ingredient === 'tranylcypromine')!;
    expect(maoi.durationText).toBe('26 weeks');
    const strip = d.safety.find((i) => i.kind === 'maoi')!;
    expect(strip.detail).toBe('20–40 mg/day, for 26 weeks.');
    const note = copyToNoteText(d);
    const page = pageText(d);
    const plan = planText(d);
    for (const text of [note, page, plan]) {
      expect(text).toContain('26 weeks');
      // A trial's length in months (the episode's length in the Maudsley item is not a trial's).
      expect([...text.matchAll(/.{0,80}\bfor \d+ months?\b/g)].map((m) => m[0])).toEqual([]);
    }
  });
});

describe('pregnancy, stated once with its dates labelled', () => {
  it('pregnant-trd: the safety line labels the onset date and says where the gestation comes from', () => {
    const d = derivation('pregnant-trd');
    const note = copyToNoteText(d);
    expect(note).toMatch(/- Pregnant, 16 weeks' gestation \(onset recorded \d{4}-\d\d-\d\d\): Dated by the weeks-of-gestation code of \d{4}-\d\d-\d\d\./);
    expect(planText(d)).toMatch(/Safety: Pregnant, 16 weeks' gestation \(onset recorded \d{4}-\d\d-\d\d\)/);
    expect(pageText(d)).toMatch(/Pregnant, 16 weeks' gestation \(onset recorded \d{4}-\d\d-\d\d\)/);
  });

  it('pregnant-trd: the cautions and contraindications say "Pregnancy", citing its records, and never repeat the code display', () => {
    const d = derivation('pregnant-trd');
    const pregnancySources = d.safety.find((i) => i.kind === 'pregnancy')!.sources;
    const mentions = d.suggestions.flatMap((s) => [...s.cautions, ...s.contraindications]).filter((f) => /pregnan/i.test(f.text));
    expect(mentions.length).toBeGreaterThan(0);
    for (const f of mentions) {
      expect(f.text).toMatch(/^(?:Note: |Not offered: )?Pregnancy: /);
      expect(f.text).not.toMatch(/Pregnant state|gestation of pregnancy/);
      expect(pregnancySources).toEqual(expect.arrayContaining(f.sources));
    }
    const plan = planText(d);
    expect(plan.match(/Pregnant state/g) ?? []).toEqual([]);
  });
});
