/**
 * What a clinician reads is written in clinical words, never in the developers' words about the app: no "design
 * choice", "heuristic", "engine", "pipeline", "fallback", "default" or "project" in a rule's summary or source, in a
 * registry citation, or in any text of a demo patient's derivation (notes, data notes, reasons, "not used, because").
 */
import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../../sandbox/patients';
import { RULES } from '../../../src/clinical/all-rules';
import { derivePatient } from '../../../src/clinical/index';
import { REFERENCES } from '../../../src/clinical/references/registry';

const PROJECT_WORDS = /design choice|heuristic|\bengine\b|pipeline|fall-?back|\bdefault\b|\bproject('s)?\b/i;
const TODAY = new Date('2026-12-05T08:00:00Z');

/** Every text in a value, with where it was found; ids ("trials.add-on", "Patient/x") are not text a clinician reads. */
function textsIn(value: unknown, path: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') {
    if (/\s/.test(value)) out.push({ path, text: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => textsIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) textsIn(v, `${path}.${k}`, out);
  return out;
}

describe('clinician-facing texts carry no project language', () => {
  it('no rule summary or source', () => {
    expect(RULES.filter((r) => PROJECT_WORDS.test(`${r.summary} ${r.source}`)).map((r) => `${r.id}: ${r.source}`)).toEqual([]);
  });
  it('no registry citation', () => {
    expect(Object.entries(REFERENCES).filter(([, r]) => PROJECT_WORDS.test(`${r.short} ${r.citation}`)).map(([id]) => id)).toEqual([]);
  });
  it('no text of any demo patient derivation', () => {
    const found = demoPatients.flatMap((demo) => {
      const resources = (demo.build(TODAY).entry ?? []).map((e) => e.resource).filter((r): r is Resource => Boolean(r));
      const d = derivePatient({ patientId: demo.id, resources }, { asOf: TODAY.toISOString().slice(0, 10) });
      return textsIn(d, demo.id).filter((t) => PROJECT_WORDS.test(t.text));
    });
    expect(found).toEqual([]);
  });
});
