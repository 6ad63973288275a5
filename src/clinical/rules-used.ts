/**
 * The rules a patient's conclusions rest on, by id: each assessment's definition, the trials' adequacy rules, and every
 * rule the options applied (their eligibility, risks, age limits, gates and ranking). The rules panel lists these as
 * "used for this patient", the others behind a toggle.
 */
import type { Derivation } from './types';

export function rulesUsedBy(derivation: Pick<Derivation, 'assessments' | 'trials' | 'suggestions'>): Set<string> {
  const ids = new Set<string>();
  for (const a of derivation.assessments) ids.add(a.definition.id);
  for (const t of derivation.trials) for (const r of t.adequacyRules) ids.add(r.id);
  for (const s of derivation.suggestions) for (const id of s.rules ?? []) ids.add(id);
  return ids;
}
