/** The "about the rules" registry (src/clinical/all-rules.ts) lists every rule a derivation can cite, each once, with a source. */
import { describe, expect, it } from 'vitest';
import { RULES, derivePatient } from '../../../src/clinical';
import { demoPatients } from '../../../sandbox/patients';
import { sharedResources } from '../../../sandbox/patients/shared';

describe('RULES registry', () => {
  it('has unique ids, and every rule has a summary, a source and a verification tag', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.summary.length).toBeGreaterThan(10);
      expect(r.source.length).toBeGreaterThan(5);
      expect(['V', 'S', 'U', 'derived']).toContain(r.verification);
    }
  });

  it('contains every rule the demo patients\' derivations cite (trials and assessments)', () => {
    const known = new Set(RULES.map((r) => r.id));
    const missing = new Set<string>();
    for (const p of demoPatients) {
      const resources = [...(p.build(new Date('2026-01-01T00:00:00Z')).entry ?? []).map((e) => e.resource!), ...sharedResources()];
      const d = derivePatient({ patientId: p.id, resources }, { asOf: '2026-01-01' });
      for (const t of d.trials) for (const r of t.adequacyRules) if (!known.has(r.id)) missing.add(r.id);
      for (const a of d.assessments) if (!known.has(a.definition.id)) missing.add(a.definition.id);
    }
    expect([...missing]).toEqual([]);
  });
});
