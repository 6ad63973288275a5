/**
 * The page a clinician reads carries no project language: ehr-export-mdd's data notes say its unstated supplies are
 * assumed to be a usual dispensing period (not a "design choice"), and nothing on the page says design choice,
 * heuristic, engine, pipeline, fallback or project.
 */
import { describe, expect, it } from 'vitest';
import { demoDerivation, pageText } from './demo-derivation';

const TODAY = new Date('2026-12-05T08:00:00Z');
const PROJECT_WORDS = /design choice|heuristic|\bengine\b|pipeline|fall-?back|\bproject('s)?\b/gi;

describe('ehr-export-mdd: the page in clinical words', () => {
  const text = pageText(demoDerivation('ehr-export-mdd', TODAY));
  it('the data note says each unstated supply is assumed to cover 30 days, a usual dispensing period', () => {
    expect(text).toContain(
      'Sertraline: no end, supply or quantity in 10 orders: 10 prescriptions (all stopped, the stop dates not recorded); each assumed to cover 30 days, a usual dispensing period; bupropion: the same, 9 prescriptions (all stopped, the stop dates not recorded); each assumed to cover 30 days, a usual dispensing period.',
    );
  });
  it('no project language anywhere on the page', () => {
    expect(text.match(PROJECT_WORDS)).toBeNull();
  });
});
