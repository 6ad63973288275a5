/**
 * What belongs to which trial, found across the record: scores by scale, intolerance records, drug levels, and the
 * agent of the same purpose that replaced an ended trial (a switch).
 */
import type { Ledger } from './accounting';
import type { IntoleranceEvidence } from './events';
import { type Day, isoDate, toDay } from './dates';
import { SWITCH_WINDOW_DAYS } from './engine-rules';
import { hypnoticDoseOf } from './pipeline/6-adequacy';
import { type DrugLevelPoint, LEVEL_AFTER_TRIAL_DAYS } from './pipeline/5-adherence';
import type { DatedScore } from './pipeline/7-outcome';
import type { RoleResult } from './pipeline/4-roles';
import type { TrialDraft } from './pipeline/2-trials';
import { ANTIDEPRESSANT_CLASSES } from './terminology/ingredients';
import { firstIndexWhere } from './sorted';
import type { DrugClass, Instrument } from './types';

export function scoresByInstrument(scores: { instrument: Instrument; date: string; value: number; source: string }[]): Map<Instrument, DatedScore[]> {
  const map = new Map<Instrument, DatedScore[]>();
  for (const s of scores) {
    const day = toDay(s.date);
    if (day === null) continue;
    const list = map.get(s.instrument) ?? [];
    list.push({ day, value: s.value, source: s.source });
    map.set(s.instrument, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.day - b.day);
  return map;
}

/**
 * An allergy/intolerance record belongs to the latest trial of that agent that started before it was recorded
 * (plus a month's slack); without a date, to the agent's last trial.
 */
export function matchIntolerances(evidence: IntoleranceEvidence[], trials: TrialDraft[], ledger: Ledger): Map<string, IntoleranceEvidence[]> {
  const byIngredient = new Map<string, TrialDraft[]>();
  for (const t of trials) {
    const list = byIngredient.get(t.ingredient) ?? [];
    list.push(t);
    byIngredient.set(t.ingredient, list);
  }
  const out = new Map<string, IntoleranceEvidence[]>();
  for (const ev of evidence) {
    const candidates = byIngredient.get(ev.ingredient) ?? [];
    let match: TrialDraft | undefined;
    for (const t of candidates) if (ev.day === null || t.start <= ev.day + 30) match = t;
    if (!match) {
      ledger.unused(ev.reference, `intolerance to ${ev.ingredient}, but no ${ev.ingredient} trial in the record`);
      continue;
    }
    ledger.use(ev.reference, `intolerance evidence for trial ${match.id}`);
    const list = out.get(match.id) ?? [];
    list.push(ev);
    out.set(match.id, list);
  }
  return out;
}

/**
 * A drug level belongs to the trial of that agent (or of a drug it also evidences: 9-hydroxyrisperidone for
 * risperidone) it was drawn during, up to LEVEL_AFTER_TRIAL_DAYS after its last recorded day; a level drawn outside
 * every such trial is listed as not used.
 */
export function matchLevels(levels: DrugLevelPoint[], trials: TrialDraft[], ledger: Ledger): Map<string, DrugLevelPoint[]> {
  const out = new Map<string, DrugLevelPoint[]>();
  for (const level of levels) {
    const ofTrial = (t: TrialDraft) => t.ingredient === level.ingredient || (level.alsoFor?.includes(t.ingredient) ?? false);
    const match = trials.find((t) => ofTrial(t) && level.day >= t.start && level.day <= t.end + LEVEL_AFTER_TRIAL_DAYS);
    if (!match) {
      const drugs = [level.ingredient, ...(level.alsoFor ?? [])].join(' or ');
      ledger.unused(level.source, `${level.ingredient} level on ${isoDate(level.day)}, drawn outside every ${drugs} trial in the record`);
      continue;
    }
    ledger.use(level.source, `${level.ingredient} level drawn during trial ${match.id}`);
    const list = out.get(match.id) ?? [];
    list.push(level);
    out.set(match.id, list);
  }
  return out;
}

/** Classes that can replace each other (a switch), by purpose. */
function purposeOf(c: DrugClass): string {
  if (ANTIDEPRESSANT_CLASSES.has(c)) return 'antidepressant';
  if (c === 'antipsychotic') return 'antipsychotic';
  if (c === 'mood-stabilizer') return 'mood-stabilizer';
  return c;
}

/**
 * For each ended monotherapy/combination trial, the first trial of the same purpose starting within
 * SWITCH_WINDOW_DAYS of its end (and not added on top of it); failing that, the first starting later than the window.
 * Trials are sorted by start; a binary search finds the window, so this stays near-linear.
 */
export function findReplacements(trials: TrialDraft[], roles: Map<string, RoleResult>): Replacements {
  const sorted = [...trials].sort((a, b) => a.start - b.start);
  const replacedBy = new Map<string, TrialDraft>();
  const followedBy = new Map<string, TrialDraft>();
  for (const t of trials) {
    if (t.ongoing || roles.get(t.id)?.role === 'augmentation' || hypnoticDoseOf(t)) continue;
    const from: Day = t.end - SWITCH_WINDOW_DAYS;
    let i = firstIndexWhere(sorted, (u) => u.start >= from);
    for (; i < sorted.length; i++) {
      const u = sorted[i]!;
      if (u === t || u.start <= t.start || u.ingredient === t.ingredient || hypnoticDoseOf(u)) continue;
      if (purposeOf(u.drugClass) !== purposeOf(t.drugClass)) continue;
      if (roles.get(u.id)?.addedTo === t.id) continue;
      // Started after the window: not a switch, but the agent that came next (an unknown outcome names it).
      (u.start <= t.end + SWITCH_WINDOW_DAYS ? replacedBy : followedBy).set(t.id, u);
      break;
    }
  }
  return { replacedBy, followedBy };
}

/** By ended trial id: the agent that replaced it (a switch), or else the next agent of its purpose, started later. */
export interface Replacements {
  replacedBy: Map<string, TrialDraft>;
  followedBy: Map<string, TrialDraft>;
}
