/**
 * Augmentation and combination, as a table of add-on rules (ADD_ON_RULES): an agent overlapping a base trial for at
 * least MIN_ADD_ON_OVERLAP_WEEKS, started after it, is added to it. Depression: antipsychotics, mood stabilizers
 * (lithium) and augmentation agents (liothyronine) added to an antidepressant are augmentation, another
 * antidepressant is combination. Bipolar disorder: an antipsychotic or another mood stabilizer added to a running mood
 * stabilizer is combination with it (the labels' "adjunct to lithium or valproate"), not monotherapy. In schizophrenia
 * and bipolar disorder, antipsychotics and mood stabilizers are the primary treatment, not add-ons to antidepressants.
 */
import { MIN_ADD_ON_OVERLAP_WEEKS, R } from '../engine-rules';
import { firstIndexWhere } from '../sorted';
import { ANTIDEPRESSANT_CLASSES } from '../terminology/ingredients';
import type { TrialDraft } from './2-trials';
import type { ConditionKey, DrugClass, RuleRef, TrialRole } from '../types';

export interface RoleResult {
  role: TrialRole;
  addedTo?: string;
}

/** One way a trial is added to another: which base trials, which added agents, the role it takes, and the rule. */
interface AddOnRule {
  /** Classes of the trial added to. */
  base: ReadonlySet<DrugClass>;
  /** Classes of the agent added, given the patient's assessed conditions. */
  added: (drugClass: DrugClass, conditions: ReadonlySet<ConditionKey>) => TrialRole | null;
  rule: RuleRef;
}

const AUGMENTERS = new Set<DrugClass>(['antipsychotic', 'mood-stabilizer', 'augmentation-agent']);
const MOOD_STABILIZERS = new Set<DrugClass>(['mood-stabilizer']);

/** Tried in order: the first rule under which a trial is added decides its role. */
const ADD_ON_RULES: readonly AddOnRule[] = [
  {
    base: ANTIDEPRESSANT_CLASSES,
    added: (drugClass, conditions) => {
      if (ANTIDEPRESSANT_CLASSES.has(drugClass)) return 'combination';
      if (!AUGMENTERS.has(drugClass)) return null;
      // Primary treatments of schizophrenia and bipolar disorder are not add-ons to an antidepressant.
      if (drugClass === 'antipsychotic' && (conditions.has('schizophrenia') || conditions.has('bipolar-depression'))) return null;
      if (drugClass === 'mood-stabilizer' && conditions.has('bipolar-depression')) return null;
      return 'augmentation';
    },
    rule: R.addOn,
  },
  {
    base: MOOD_STABILIZERS,
    added: (drugClass, conditions) =>
      conditions.has('bipolar-depression') && (drugClass === 'antipsychotic' || drugClass === 'mood-stabilizer') ? 'combination' : null,
    rule: R.addOnMoodStabilizer,
  },
];

export function assignRoles(trials: TrialDraft[], conditions: Set<ConditionKey>): Map<string, RoleResult> {
  const roles = new Map<string, RoleResult>();
  // Each rule's base trials, gathered the first time a trial could be added under it.
  const bases: (Bases | undefined)[] = [];
  for (const t of trials) {
    let result: RoleResult = { role: 'monotherapy' };
    for (let i = 0; i < ADD_ON_RULES.length; i++) {
      const role = ADD_ON_RULES[i]!.added(t.drugClass, conditions);
      if (role === null) continue;
      const ruleBases = (bases[i] ??= basesOf(trials, ADD_ON_RULES[i]!.base));
      const addedTo = addedToOf(t, ruleBases, role === 'combination' && ADD_ON_RULES[i]!.base.has(t.drugClass));
      if (addedTo) {
        result = { role, addedTo: addedTo.id };
        break;
      }
    }
    roles.set(t.id, result);
  }
  return roles;
}

interface Bases {
  /** Trials of the base classes, by start. */
  sorted: TrialDraft[];
  /** Latest end among the bases started so far. */
  latestEndSoFar: number[];
}

function basesOf(trials: TrialDraft[], classes: ReadonlySet<DrugClass>): Bases {
  const sorted = trials.filter((t) => classes.has(t.drugClass)).sort((a, b) => a.start - b.start);
  // Lets the search below stop as soon as no earlier base can still be running long enough, so a long sequential
  // history is not compared pair by pair.
  const latestEndSoFar: number[] = [];
  for (const b of sorted) latestEndSoFar.push(Math.max(b.end, latestEndSoFar[latestEndSoFar.length - 1] ?? -Infinity));
  return { sorted, latestEndSoFar };
}

/**
 * The base a trial was added to: the latest-started one that overlaps it long enough, searched backwards from the
 * last base started by then. Two agents of the base's own kind started together: neither is "added".
 */
function addedToOf(t: TrialDraft, bases: Bases, sameKind: boolean): TrialDraft | undefined {
  const minOverlap = MIN_ADD_ON_OVERLAP_WEEKS * 7;
  const mustRunUntil = t.start + minOverlap - 1;
  const { sorted, latestEndSoFar } = bases;
  for (let i = firstIndexWhere(sorted, (b) => b.start > t.start) - 1; i >= 0; i--) {
    if (latestEndSoFar[i]! < mustRunUntil) break;
    const b = sorted[i]!;
    if (b === t || b.ingredient === t.ingredient) continue;
    if (b.start === t.start && sameKind) continue;
    const overlap = Math.min(b.end, t.end) - Math.max(b.start, t.start) + 1;
    if (overlap >= minOverlap) return b;
  }
  return undefined;
}

/**
 * For each trial, the other trials that ran alongside it for at least the add-on overlap: a trial with any such
 * companion is not monotherapy (R.alongside). A cross-taper shorter than that is a switch, not a regimen of two.
 */
export function alongsideOf(trials: readonly TrialDraft[]): Map<string, TrialDraft[]> {
  const minOverlap = MIN_ADD_ON_OVERLAP_WEEKS * 7;
  const sorted = [...trials].sort((a, b) => a.start - b.start);
  const result = new Map<string, TrialDraft[]>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    // Later-started trials only: once one starts too late to overlap a long enough, so do all after it.
    for (let k = i + 1; k < sorted.length && sorted[k]!.start + minOverlap - 1 <= a.end; k++) {
      const b = sorted[k]!;
      if (b.ingredient === a.ingredient) continue;
      if (Math.min(a.end, b.end) - b.start + 1 < minOverlap) continue;
      (result.get(a.id) ?? result.set(a.id, []).get(a.id)!).push(b);
      (result.get(b.id) ?? result.set(b.id, []).get(b.id)!).push(a);
    }
  }
  return result;
}
