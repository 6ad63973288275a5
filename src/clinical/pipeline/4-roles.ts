/**
 * Augmentation and combination: an agent overlapping an antidepressant trial for at least
 * MIN_ADD_ON_OVERLAP_WEEKS, started after it, is added to it: antipsychotics, mood stabilizers (lithium) and
 * augmentation agents (liothyronine) as augmentation, another antidepressant as combination. In a patient with
 * schizophrenia or bipolar disorder, antipsychotics and mood stabilizers are the primary treatment, not add-ons.
 */
import { MIN_ADD_ON_OVERLAP_WEEKS } from '../engine-rules';
import { firstIndexWhere } from '../sorted';
import { ANTIDEPRESSANT_CLASSES } from '../terminology/ingredients';
import type { TrialDraft } from './2-trials';
import type { ConditionKey, DrugClass, TrialRole } from '../types';

const AUGMENTERS = new Set<DrugClass>(['antipsychotic', 'mood-stabilizer', 'augmentation-agent']);

export interface RoleResult {
  role: TrialRole;
  addedTo?: string;
}

export function assignRoles(trials: TrialDraft[], conditions: Set<ConditionKey>): Map<string, RoleResult> {
  const roles = new Map<string, RoleResult>();
  const primaryAntipsychotic = conditions.has('schizophrenia') || conditions.has('bipolar-depression');
  const primaryMoodStabilizer = conditions.has('bipolar-depression');
  const base = trials.filter((t) => ANTIDEPRESSANT_CLASSES.has(t.drugClass)).sort((a, b) => a.start - b.start);
  const minOverlap = MIN_ADD_ON_OVERLAP_WEEKS * 7;
  // Latest end among the bases started so far: lets the search below stop as soon as no earlier base can still be
  // running long enough, so a long sequential history is not compared pair by pair.
  const latestEndSoFar: number[] = [];
  for (const b of base) latestEndSoFar.push(Math.max(b.end, latestEndSoFar[latestEndSoFar.length - 1] ?? -Infinity));
  for (const t of trials) {
    let role: TrialRole = 'monotherapy';
    const isAd = ANTIDEPRESSANT_CLASSES.has(t.drugClass);
    const isAug =
      AUGMENTERS.has(t.drugClass) &&
      !(t.drugClass === 'antipsychotic' && primaryAntipsychotic) &&
      !(t.drugClass === 'mood-stabilizer' && primaryMoodStabilizer);
    if (!isAd && !isAug) {
      roles.set(t.id, { role });
      continue;
    }
    // The latest-started base that overlaps long enough wins: search backwards from the last base started by then.
    let addedTo: TrialDraft | undefined;
    const mustRunUntil = t.start + minOverlap - 1;
    for (let i = firstIndexWhere(base, (b) => b.start > t.start) - 1; i >= 0; i--) {
      if (latestEndSoFar[i]! < mustRunUntil) break;
      const b = base[i]!;
      if (b === t || b.ingredient === t.ingredient) continue;
      if (b.start === t.start && isAd) continue; // two antidepressants started together: neither is "added"
      const overlap = Math.min(b.end, t.end) - Math.max(b.start, t.start) + 1;
      if (overlap >= minOverlap) {
        addedTo = b;
        break;
      }
    }
    if (addedTo) role = isAd ? 'combination' : 'augmentation';
    roles.set(t.id, addedTo ? { role, addedTo: addedTo.id } : { role });
  }
  return roles;
}
