/**
 * Every rule the app applies, for the "about the rules" panel: the engine's own rules, the terminology tables'
 * rules and the suggestion rules, each with its source and verification tag. Each module owns its list; this file
 * only aggregates them (first occurrence of an id wins, so the panel shows each rule once).
 */
import { ENGINE_RULES } from './engine-rules';
import { SUGGESTION_RULES } from './suggestions';
import { TERMINOLOGY_RULES } from './terminology';
import type { RuleRef } from './types';

function unique(lists: RuleRef[][]): RuleRef[] {
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const list of lists)
    for (const r of list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  return out;
}

export const RULES: RuleRef[] = unique([ENGINE_RULES, TERMINOLOGY_RULES, SUGGESTION_RULES]);
