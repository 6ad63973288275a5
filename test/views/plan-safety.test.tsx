/**
 * Wherever an option is proposed (plan preview, CarePlan activity, referral ServiceRequest, copied notes, referral
 * letter) it carries the monitoring and cautions its card shows, from the engine's own rows; and an option proposed
 * against a contraindication reads as an override, with the written reason once and a routine starting priority.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { demoPatients } from '../../sandbox/patients';
import type { Derivation, InterventionId, Suggestion } from '../../src/clinical/types';
import { copyToNoteText } from '../../src/views/timeline/copyText';
import { carePlanAsText } from '../../src/fhir/writeback/build';
import { cautionLines } from '../../src/clinical/suggestions/describe';
import { demoDerivation, demoDraft, renderReferralLetter } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const AS_OF = TODAY.toISOString().slice(0, 10);

const cache = new Map<string, Derivation>();
const derivation = (id: string) => {
  if (!cache.has(id)) cache.set(id, demoDerivation(id, TODAY));
  return cache.get(id)!;
};

function draftOf(d: Derivation, ids: InterventionId[], overrideReasons: Partial<Record<InterventionId, string>> = {}) {
  return demoDraft(d, ids, AS_OF, overrideReasons);
}

function letterText(d: Derivation, s: Suggestion, overrideReason?: string): string {
  const { container } = renderReferralLetter(d, s, AS_OF, overrideReason);
  const text = [...container.querySelectorAll('li')].map((li) => li.textContent ?? '').join('\n');
  cleanup();
  return text;
}

afterEach(cleanup);

describe('schizophrenia-trs: clozapine proposed with its boxed-warning monitoring everywhere', () => {
  const d = derivation('schizophrenia-trs');
  const clozapine = d.suggestions.find((s) => s.intervention === 'clozapine')!;
  const draft = draftOf(d, ['clozapine']);

  it('the engine lists ANC and myocarditis monitoring among clozapine’s cautions (the rows its card shows)', () => {
    expect(clozapine.status).toBe('suggested');
    expect(clozapine.cautions.some((c) => c.text.startsWith('Severe neutropenia: absolute neutrophil count (ANC)'))).toBe(true);
    expect(clozapine.cautions.some((c) => c.text.startsWith('Myocarditis and cardiomyopathy'))).toBe(true);
  });

  it('the preview gives the ANC and myocarditis lines right under "Proposes Clozapine"', () => {
    const at = draft.preview.findIndex((l) => l.startsWith('Proposes Clozapine'));
    expect(at).toBeGreaterThan(0);
    const under = draft.preview.slice(at + 1).filter((l) => l.startsWith('  '));
    expect(under.some((l) => l.startsWith('  Before starting: Severe neutropenia: absolute neutrophil count (ANC)'))).toBe(true);
    expect(under.some((l) => l.startsWith('  Before starting: Myocarditis and cardiomyopathy'))).toBe(true);
  });

  it('the CarePlan activity’s own description carries the ANC and myocarditis monitoring', () => {
    const description = draft.carePlan.activity?.[0]?.detail?.description ?? '';
    expect(description).toContain('Before starting: Severe neutropenia: absolute neutrophil count (ANC)');
    expect(description).toContain('Before starting: Myocarditis and cardiomyopathy');
  });

  it('the copied history note gives the monitoring under "Clozapine (suggested): add to the care plan."', () => {
    const lines = copyToNoteText(d).split('\n');
    const at = lines.findIndex((l) => l === '- Clozapine (suggested): add to the care plan.');
    expect(at).toBeGreaterThan(0);
    const under = lines.slice(at + 1, at + 1 + clozapine.cautions.length);
    expect(under).toEqual(cautionLines(clozapine).map((c) => `    ${c}`));
  });
});

describe('every offered option of every demo patient carries its cautions wherever it is proposed', () => {
  for (const demo of demoPatients) {
    it(`${demo.id}: preview, plan text, CarePlan or ServiceRequest and letter list each caution line`, () => {
      const d = derivation(demo.id);
      for (const s of d.suggestions.filter((x) => (x.status === 'suggested' || x.status === 'consider') && x.cautions.length)) {
        const draft = draftOf(d, [s.intervention]);
        const written = [
          ...(draft.carePlan.activity ?? []).map((a) => a.detail?.description ?? ''),
          ...draft.serviceRequests.flatMap((r) => (r.note ?? []).map((n) => n.text)),
        ].join('\n');
        const letter = draft.serviceRequests.length ? letterText(d, s) : '';
        for (const line of cautionLines(s)) {
          expect(draft.preview, `${s.intervention} preview`).toContain(`  ${line}`);
          expect(carePlanAsText(draft), `${s.intervention} plan text`).toContain(line);
          // The FHIR notes escape markdown; the caution's words are there up to its first escaped character.
          expect(written, `${s.intervention} CarePlan/ServiceRequest`).toContain(line.slice(0, 40).split(/[*_[\]()#`\\<>!|-]/)[0]!);
          if (draft.serviceRequests.length) expect(letter, `${s.intervention} letter`).toContain(line);
        }
      }
    });
  }
});

const REASON = 'Patient declines ECT after full discussion; obstetric team consulted.';

describe('pregnant-trd: esketamine proposed against the pregnancy contraindication reads as an override', () => {
  const d = derivation('pregnant-trd');
  const esketamine = d.suggestions.find((s) => s.intervention === 'esketamine')!;
  const draft = draftOf(d, ['esketamine'], { esketamine: REASON });
  const count = (text: string) => text.split(REASON).length - 1;

  it('the engine starts the contraindicated option at routine and says why, while offered options stay urgent', () => {
    expect(esketamine.status).toBe('contraindicated');
    expect(esketamine.referralPriority).toBe('routine');
    expect(esketamine.priorityReasons).toEqual([]);
    expect(esketamine.priorityNote?.text).toMatch(/^Routine until the clinician chooses: the record rules this option out/);
    expect(d.suggestions.find((s) => s.intervention === 'ect')!.referralPriority).toBe('urgent');
    expect(draft.serviceRequests[0]!.priority).toBe('routine');
  });

  it('the preview says "as an override", never "Not offered" beside the proposal, and states the reason once', () => {
    const preview = draft.preview.join('\n');
    expect(preview).toContain('Proposes Esketamine nasal spray (Spravato) as an override: a draft referral');
    expect(preview).toContain('priority routine.');
    expect(preview).toContain(`  Proposed against the pregnancy contraindication, reason given by the clinician: “${REASON}”`);
    expect(preview).toContain('  Contraindication overridden: Pregnancy: esketamine is not recommended in pregnancy');
    expect(preview).not.toMatch(/^ {2}Not offered/m);
    expect(count(preview)).toBe(1);
  });

  it('safety lines still lead the preview and the plan text, naming the override without repeating the reason', () => {
    expect(draft.preview[1]).toMatch(/^Safety: /);
    const pregnancy = draft.preview.find((l) => l.startsWith('Safety: Pregnant'))!;
    expect(pregnancy).toContain('esketamine: contraindicated in pregnancy, proposed by the clinician as an override (reason given with the option)');
    const text = carePlanAsText(draft);
    expect(text.split('\n')[2]).toMatch(/^Safety: /);
    expect(count(text)).toBe(1);
    expect(text).toMatch(/\n {4}Proposed against the pregnancy contraindication, reason given by the clinician: “/);
    expect(text).not.toMatch(/\n {4}Not offered/);
  });

  it('the referral letter names the override once and never "Not offered"', () => {
    const letter = letterText(d, esketamine, REASON);
    expect(count(letter)).toBe(1);
    expect(letter).toContain('Proposed against the pregnancy contraindication, reason given by the clinician');
    expect(letter).not.toMatch(/^Not offered/m);
  });
});
