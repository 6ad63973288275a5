/**
 * Adequacy of a trial, as data-driven rules: which dose threshold applies (ATRQ minimum dose, TRRIP
 * chlorpromazine-equivalent, the studied dose in bipolar depression or augmentation, a drug level where one decides,
 * none), for how long (each rule set's minimum duration, named in durations.ts), and adherence from dispenses and
 * levels. The reason is given in plain words ("dose below 50 mg", "4 weeks only", "adherence 55%", "lithium level
 * 0.4 mmol/L on 2025-03-01, below 0.5").
 */
import { type AdherenceEvidence, type AdherenceStatus, type DrugLevelPoint, adherenceEvidence } from './5-adherence';
import { type Day, isoDate } from '../dates';
import { describeDuration, weeksNeededWords } from '../vocabulary';
import type { MedicationIdentityDetail } from '../medication';
import {
  AUGMENTATION_DOSES,
  BIPOLAR_DEPRESSION_DOSES,
  LEVEL_JUDGED_DOSES,
  type LevelThreshold,
  hypnoticCeilingOf,
  ocdMinimumDose,
  productDoseOf,
  studiedDoseOf,
} from '../terminology/dose-tables';
import {
  MIN_ADEQUATE_OCD_TRIAL_WEEKS,
  MIN_ANTIDEPRESSANT_TRIAL_WEEKS,
  MIN_ANTIPSYCHOTIC_TRIAL_WEEKS,
  MIN_AUGMENTATION_TRIAL_WEEKS,
  MIN_OCD_WEEKS_AT_DOSE,
} from '../durations';
import { MIN_ADHERENCE_PDC, R } from '../engine-rules';
import { adequateDoseOf, cpzOf, trripDoseOf } from '../cutoffs';
import { type DaySegment, type TrialDraft, daysAtOrAbove } from './2-trials';
import type { AdequacyKind, AdequateDose, AdequateLevel, ConditionKey, DrugClass, RuleRef, TrialRole } from '../types';

/** Why a trial fell short; drives the pseudo-resistance flags. */
export type ShortfallKind =
  | 'dose-unknown'
  | 'dose-below'
  /** Maintenance from before the episode at a maintenance-range level below the acute one: a breakthrough on prophylaxis. */
  | 'breakthrough-on-maintenance'
  | 'too-short'
  | 'ongoing-short'
  | 'duration-unknown'
  /** The first record predates the drug's first US approval and no later record starts the count: duration unknown. */
  | 'start-before-approval'
  | 'poor-adherence'
  | 'no-threshold'
  /** A level decides adequacy (lithium) and none was recorded during the trial: unconfirmed, pending a level. */
  | 'level-not-recorded'
  /** At or below a hypnotic dose: listed as hypnotic use, not counted as a trial or augmentation. */
  | 'hypnotic-dose'
  /** A form of the drug that is not an antidepressant treatment (oral selegiline). */
  | 'not-antidepressant-form';

export interface AdequacyResult {
  adequate: boolean;
  /** The verdict kind: 'not-judged' when no adequacy rule covers the agent (then `adequate` is false, and no shortfall). */
  kind: AdequacyKind;
  reason: string;
  rules: RuleRef[];
  /** Threshold applied: mg/day, or CPZ-eq mg/day for antipsychotics under TRRIP. */
  adequateDoseMg: number | null;
  /** The same threshold with its unit, as the trial carries it (types/trials.ts, Trial.adequateDose). */
  adequateDose: AdequateDose | null;
  /** The level that decided adequacy (then `adequateDose` is null: the dose threshold did not apply). */
  adequateLevel: AdequateLevel | null;
  daysAtAdequateDose: number;
  /** The days at or above the threshold the rule set asks for (0 when no rule judged the trial). */
  minDaysAtDose: number;
  /** The days the whole trial must last (OCD: 12 weeks in all, of which 6 at dose; elsewhere the same as minDaysAtDose). */
  minDaysInAll: number;
  shortfalls: ShortfallKind[];
  /** What each shortfall is, in words, in the order of `shortfalls` (a flag names its own shortfall alone). */
  shortfallReasons: string[];
  /** CPZ-equivalent of each dose segment, when the TRRIP rule applied. */
  cpzBySegment: Map<DaySegment, number | null> | null;
  /** Adherence from dispenses and levels: unknown when the record has neither (TRRIP then allows only a possible failure). */
  adherence: AdherenceStatus;
  /** The level Observations this judgement read. */
  levelSources: string[];
}

/** The rule set a trial is judged by, chosen from the condition it is counted for and its role. */
export interface AdequacyContext {
  condition: ConditionKey | null;
  role: TrialRole;
  adherencePdc: number | null;
  /** Levels of the trial's agent drawn during the trial. */
  levels?: readonly DrugLevelPoint[];
  /**
   * The start of the episode the trial is counted in, when the trial started before it: it was running as prophylaxis
   * when the episode began, and an agent with a prophylaxis rule (lithium) counts only once optimised in the episode.
   */
  prophylaxisBrokenOn?: number;
}

interface Threshold {
  mg: number;
  comparable: (mg: number) => number | null;
  rules: RuleRef[];
  unitLabel: string;
  /** Antipsychotics: the drug's own mg/day at the threshold, and whether it is the maximum licensed dose. */
  drugMg: number | undefined;
  atMaximum: boolean | undefined;
  /** Micrograms for liothyronine. */
  doseUnit: 'mg' | 'mcg' | undefined;
  /** A level that decides adequacy where recorded; with none, the dose under `noLevelRule`. */
  level: LevelThreshold | undefined;
  noLevelRule: RuleRef | undefined;
  /** The trial ran as prophylaxis before the episode began: only the episode's levels and days count. */
  prophylaxis: { rule: RuleRef; episodeStart: number } | undefined;
}

/** Every threshold is built here, with all its fields in one order, so the judging reads them at one shape. */
function makeThreshold(mg: number, comparable: (mg: number) => number | null, rules: RuleRef[], unitLabel: string, more?: Partial<Threshold>): Threshold {
  return {
    mg,
    comparable,
    rules,
    unitLabel,
    drugMg: more?.drugMg,
    atMaximum: more?.atMaximum,
    doseUnit: more?.doseUnit,
    level: more?.level,
    noLevelRule: more?.noLevelRule,
    prophylaxis: more?.prophylaxis,
  };
}

function thresholdFor(trial: TrialDraft, ctx: AdequacyContext): Threshold | null | 'no-cpz' | { notAntidepressant: RuleRef; product: string } {
  // TRRIP's 600 mg CPZ-eq is a schizophrenia rule; antipsychotics used to augment an antidepressant or in
  // bipolar depression are judged by their own minimum dose (if any), else duration alone.
  const trrip = trial.drugClass === 'antipsychotic' && (ctx.condition === 'schizophrenia' || (ctx.condition === null && ctx.role === 'monotherapy'));
  if (trrip) {
    const lai = trial.events.some((e) => e.identity.longActingInjectable);
    const dose = trripDoseOf(trial.ingredient, lai);
    if (!dose) return 'no-cpz';
    return makeThreshold(dose.cpzMg, (mg) => cpzOf(trial.ingredient, mg, lai)?.cpzMg ?? null, [R.antipsychoticDose, ...dose.rules], 'mg/day CPZ-eq', {
      drugMg: dose.drugMg,
      atMaximum: dose.atMaximum,
    });
  }
  if (ctx.condition === 'ocd') {
    const o = ocdMinimumDose(trial.ingredient);
    if (o) return makeThreshold(o.minMgPerDay, doseAsWritten, [o.rule], 'mg');
  }
  const names = trial.events.map((e) => e.identity.display);
  const others = otherIngredientsOf(trial);
  // Bipolar depression: each guideline agent's studied dose; augmentation: lithium by level, liothyronine by dose.
  const studiedTable = ctx.condition === 'bipolar-depression' ? BIPOLAR_DEPRESSION_DOSES : ctx.role === 'augmentation' ? AUGMENTATION_DOSES : null;
  // Elsewhere lithium is judged by its level alone (LEVEL_JUDGED_DOSES).
  const row = (studiedTable ? studiedDoseOf(studiedTable, trial.ingredient, others) : null) ?? studiedDoseOf(LEVEL_JUDGED_DOSES, trial.ingredient, others);
  const studied = row && (!row.forConditions || row.forConditions.includes(ctx.condition)) ? row : null;
  if (studied) {
    const level = studied.level;
    const prophylaxis =
      ctx.prophylaxisBrokenOn !== undefined && studied.prophylaxis ? { rule: studied.prophylaxis, episodeStart: ctx.prophylaxisBrokenOn } : null;
    return makeThreshold(studied.minMgPerDay, doseAsWritten, [studied.rule], 'mg', {
      doseUnit: studied.doseUnit,
      level,
      noLevelRule: studied.noLevelRule,
      prophylaxis: prophylaxis ?? undefined,
    });
  }
  const product = productDoseOf(trial.ingredient, names, others);
  if (product) {
    if (product.minMgPerDay === null) return { notAntidepressant: product.rule, product: product.product };
    return makeThreshold(product.minMgPerDay, doseAsWritten, [R.minDose, product.rule], 'mg');
  }
  const minimum = adequateDoseOf(trial.ingredient, ctx.role === 'augmentation');
  if (!minimum) return null;
  return makeThreshold(minimum.mg, doseAsWritten, [R.minDose, minimum.rule], 'mg');
}

/** The ingredients of the trial's combination products besides its own, in the records' order. */
function otherIngredientsOf(trial: TrialDraft): string[] {
  const others: string[] = [];
  for (const e of trial.events) {
    const components = (e.identity as MedicationIdentityDetail).components;
    if (components) for (const c of components) if (c.ingredient !== trial.ingredient) others.push(c.ingredient);
  }
  return others;
}

/**
 * A threshold in the drug's own mg compares the dose as written. One shared function rather than a closure per
 * trial: the engine judges every trial again for each condition it is staged under.
 */
function doseAsWritten(mg: number): number {
  return mg;
}

/**
 * Classes whose trials are shown on the timeline but whose adequacy no rule here covers, each with why in a clinician's
 * words (its dose is shown beside it; the class's internal name is not).
 */
const NOT_JUDGED: Partial<Record<DrugClass, (ingredient: string) => string>> = {
  // Prazosin, benzodiazepines, buspirone, hypnotics: no condition's resistance counts them (8-resistance).
  'other-psychotropic': (d) => `${d} is not a trial of a core treatment of the disorder and does not count toward treatment resistance`,
  // Esketamine: a course is a matter of sessions, not of a daily dose.
  'nmda-antagonist': (d) => `${d} is given in sessions, not as a daily dose`,
  unknown: (d) => `${d} is not a medicine this app recognises`,
};

/** The hypnotic-dose row a trial falls under (every known dose at or below its ceiling), or null. */
export function hypnoticDoseOf(trial: TrialDraft): ReturnType<typeof hypnoticCeilingOf> {
  const hypnotic = hypnoticCeilingOf(trial.ingredient);
  if (!hypnotic || trial.segments.length === 0) return null;
  for (const s of trial.segments) if (s.doseMg === null || s.doseMg > hypnotic.maxMgPerDay) return null;
  return hypnotic;
}

export function judgeAdequacy(trial: TrialDraft, ctx: AdequacyContext): AdequacyResult {
  const levels = ctx.levels ?? [];
  const adherence = adherenceEvidence(ctx.adherencePdc, levels, MIN_ADHERENCE_PDC);
  const levelSources = levels.map((l) => l.source);
  // E.g. prazosin, benzodiazepines, esketamine (adequacy of esketamine is a matter of sessions, not daily dose).
  const notJudgedBecause = NOT_JUDGED[trial.drugClass];
  if (notJudgedBecause) return notJudged(notJudgedBecause(trial.ingredient), adherence.status, levelSources);
  const hypnotic = hypnoticDoseOf(trial);
  if (hypnotic) return hypnoticUse(trial, hypnotic, adherence.status, levelSources);
  const threshold = thresholdFor(trial, ctx);
  if (threshold !== null && threshold !== 'no-cpz' && 'notAntidepressant' in threshold) {
    return notAdequate(
      `${threshold.product} is not an antidepressant treatment: not counted as a trial`,
      [threshold.notAntidepressant],
      ['not-antidepressant-form'],
      adherence.status,
      levelSources,
    );
  }
  const early = trial.startBeforeApproval;
  if (early === null) return judgeByRuleSet(trial, ctx, threshold, levels, adherence, levelSources, false);
  // A start before the drug existed is no start: the time counts from the first record after approval, or is unknown.
  const judged =
    early.countedFrom === null
      ? judgeByRuleSet(trial, ctx, threshold, levels, adherence, levelSources, true)
      : judgeByRuleSet(countedFrom(trial, early.countedFrom), ctx, threshold, levels, adherence, levelSources, false);
  judged.rules.push(R.startBeforeApproval);
  return judged;
}

/** The trial from `day` on: its dose stretches cut there, so its time at dose counts from that day. */
function countedFrom(trial: TrialDraft, day: Day): TrialDraft {
  const segments: DaySegment[] = [];
  for (const s of trial.segments) if (s.end >= day) segments.push(s.start >= day ? s : { ...s, start: day });
  return { ...trial, start: day, segments };
}

/**
 * The verdict on a trial as its rule set's threshold and duration build it up. The judging is split over a few
 * functions that fill this one record, so that the common path (a dose threshold) stays small enough for V8 to
 * optimise it early, apart from the rarer level-decided and unknown-threshold paths.
 */
interface Verdict {
  rules: RuleRef[];
  shortfalls: ShortfallKind[];
  reasons: string[];
  adequateDoseMg: number | null;
  adequateDose: AdequateDose | null;
  adequateLevel: AdequateLevel | null;
  daysAtAdequate: number;
  cpzBySegment: Map<DaySegment, number | null> | null;
  /** How a level-decided trial was judged: the level that reached its threshold, or a note that none was recorded. */
  levelNote: string | null;
  reachedByLevel: boolean;
  /** OCD: the weeks the whole trial must last besides the weeks at dose, so a shortfall names both; else null. */
  weeksInAll: number | null;
}

/** A trial judged by its rule set: the threshold (or none) and the minimum duration, then adherence. */
function judgeByRuleSet(
  trial: TrialDraft,
  ctx: AdequacyContext,
  threshold: Threshold | null | 'no-cpz',
  levels: readonly DrugLevelPoint[],
  adherence: AdherenceEvidence,
  levelSources: string[],
  noUsableStart: boolean,
): AdequacyResult {
  const isOcd = ctx.condition === 'ocd';
  const rule = threshold === 'no-cpz' ? null : threshold;
  const minWeeks = minimumWeeks(isOcd, threshold === 'no-cpz' || (rule !== null && rule.unitLabel !== 'mg'), ctx.role);
  const minDays = minWeeks * 7;
  const v: Verdict = {
    rules: [isOcd ? R.ocdDuration : R.minDuration],
    shortfalls: [],
    reasons: [],
    adequateDoseMg: null,
    adequateDose: null,
    adequateLevel: null,
    daysAtAdequate: 0,
    cpzBySegment: null,
    levelNote: null,
    reachedByLevel: false,
    weeksInAll: isOcd ? MIN_ADEQUATE_OCD_TRIAL_WEEKS : null,
  };
  const prophylaxis = rule !== null ? (rule.prophylaxis ?? null) : null;
  // A trial running as prophylaxis is judged as a trial of the episode: its days and levels from the episode's start.
  const duration = prophylaxis ? trial.end - Math.max(trial.start, prophylaxis.episodeStart) + 1 : trial.end - trial.start + 1;

  if (threshold === 'no-cpz') {
    v.shortfalls.push('no-threshold');
    v.reasons.push(`no chlorpromazine equivalent known for ${trial.ingredient}`);
    v.rules.push(R.antipsychoticDose);
  } else if (threshold === null) {
    // No dose row: duration alone decides (marked unverified).
    v.rules.push(R.noDoseRow);
    v.daysAtAdequate = duration;
    if (duration < minDays) pushShort(trial, duration, minWeeks, v, null);
  } else judgeAgainstThreshold(trial, threshold, levels, prophylaxis, duration, minWeeks, v);

  const shortAlready = v.shortfalls.some((f) => f === 'too-short' || f === 'ongoing-short' || f === 'duration-unknown');
  if (isOcd && !shortAlready && duration < MIN_ADEQUATE_OCD_TRIAL_WEEKS * 7)
    pushShort(trial, duration, MIN_ADEQUATE_OCD_TRIAL_WEEKS, v, null);
  if (noUsableStart) durationFromNoUsableStart(v);

  const antipsychotic = trial.drugClass === 'antipsychotic';
  if (ctx.adherencePdc !== null) v.rules.push(antipsychotic ? R.adherenceAntipsychotic : R.adherenceOther);
  if (trial.orderCoverage !== null) v.rules.push(R.orderCoverage);
  if (levels.length > 0) v.rules.push(antipsychotic ? R.adherenceLevelAntipsychotic : R.adherenceLevelOther);
  if (adherence.status === 'poor') {
    v.shortfalls.push('poor-adherence');
    // One reason per shortfall (shortfallReasons): the adherence reasons as one.
    v.reasons.push(adherence.poorReasons.join('; '));
  }

  const adequate = v.shortfalls.length === 0;
  let reason = adequate ? adequateReason(trial, rule, v, prophylaxis, duration) : v.reasons.join('; ');
  // Unknown duration alone leaves adequacy unconfirmed, said as a pending level is (the views read the same prefix).
  if (noUsableStart && v.shortfalls.length === 1) reason = `adequacy unconfirmed: ${reason}`;
  // TRRIP asks for adherence checked from the record (>= 80% of doses, >= 1 antipsychotic plasma level): say what is missing.
  const underTrrip = rule !== null && rule.unitLabel !== 'mg';
  if (underTrrip && adherence.status === 'unknown') {
    reason += '; adherence unknown (no dispensing record or plasma level; TRRIP asks for at least 80% of doses taken and at least one plasma level): at most a possible failure';
    if (!v.rules.includes(R.adherenceAntipsychotic)) v.rules.push(R.adherenceAntipsychotic);
  } else if (underTrrip && adequate && adherence.status === 'evidenced' && levels.length === 0) {
    reason += `; no ${trial.ingredient} plasma level recorded (TRRIP minimum criteria ask for at least one)`;
  }
  return {
    adequate,
    kind: adequate ? 'adequate' : 'not-adequate',
    reason,
    rules: v.rules,
    adequateDoseMg: v.adequateDoseMg,
    adequateDose: v.adequateDose,
    adequateLevel: v.adequateLevel,
    daysAtAdequateDose: v.daysAtAdequate,
    minDaysAtDose: minDays,
    minDaysInAll: (v.weeksInAll ?? minWeeks) * 7,
    shortfalls: v.shortfalls,
    shortfallReasons: v.reasons,
    cpzBySegment: v.cpzBySegment,
    adherence: adherence.status,
    levelSources,
  };
}

/** A trial with a threshold: by the level that decides it where one is recorded, pending one, or by its dose. */
function judgeAgainstThreshold(
  trial: TrialDraft,
  threshold: Threshold,
  levels: readonly DrugLevelPoint[],
  prophylaxis: Threshold['prophylaxis'] | null,
  duration: number,
  minWeeks: number,
  v: Verdict,
): void {
  v.adequateDoseMg = threshold.mg;
  v.adequateDose =
    threshold.unitLabel === 'mg'
      ? { amount: threshold.mg, unit: 'mg/day' }
      : { amount: threshold.mg, unit: 'mg/day CPZ-eq', ...(threshold.drugMg !== undefined ? { agentMgPerDay: threshold.drugMg } : {}) };
  if (threshold.unitLabel !== 'mg') {
    const cpzBySegment = new Map<DaySegment, number | null>();
    for (const s of trial.segments) cpzBySegment.set(s, s.doseMg === null ? null : threshold.comparable(s.doseMg));
    v.cpzBySegment = cpzBySegment;
  }
  if (prophylaxis) v.rules.push(prophylaxis.rule);
  const level = threshold.level;
  if (level) {
    const episodeLevels = prophylaxis ? levels.filter((l) => l.day >= prophylaxis.episodeStart) : levels;
    const byLevel = levelVerdict(level, episodeLevels);
    if (byLevel) return judgeByLevel(trial, level, byLevel, prophylaxis, duration, minWeeks, v);
    if (!threshold.noLevelRule) return pendingLevel(trial, threshold, level, prophylaxis, duration, minWeeks, v);
  }
  judgeByDose(trial, threshold, minWeeks, v);
}

/** A recorded level decides, whatever the dose: it is what the dose achieved. */
function judgeByLevel(
  trial: TrialDraft,
  level: LevelThreshold,
  byLevel: { level: DrugLevelPoint; reached: boolean },
  prophylaxis: Threshold['prophylaxis'] | null,
  duration: number,
  minWeeks: number,
  v: Verdict,
): void {
  v.rules.push(level.rule);
  // The level is the verdict: the dose threshold (read only when no level is recorded) is not applied.
  v.adequateDose = null;
  v.adequateLevel = {
    value: byLevel.level.value!,
    unit: level.unit,
    date: isoDate(byLevel.level.day),
    min: level.min,
    reached: byLevel.reached,
    source: byLevel.level.source,
  };
  const shown = `${trial.ingredient} level ${fmt(byLevel.level.value!)} ${level.unit} on ${isoDate(byLevel.level.day)}`;
  if (byLevel.reached) {
    v.levelNote = shown;
    v.reachedByLevel = true;
    v.daysAtAdequate = duration;
    if (duration < minWeeks * 7) pushShort(trial, duration, minWeeks, v, null);
  } else {
    v.shortfalls.push(prophylaxis ? 'breakthrough-on-maintenance' : 'dose-below');
    v.reasons.push(
      prophylaxis
        ? `${breakthroughWords(trial)}, ${fmt(byLevel.level.value!)} ${level.unit} on ${isoDate(byLevel.level.day)}, below the acute ${fmt(level.min)}: a breakthrough episode on prophylaxis, not an adequate acute trial`
        : `${shown}, below ${fmt(level.min)} ${level.unit}`,
    );
  }
}

/** No dose stands in for the level: neither adequate nor inadequate until a level is drawn. */
function pendingLevel(
  trial: TrialDraft,
  threshold: Threshold,
  level: LevelThreshold,
  prophylaxis: Threshold['prophylaxis'] | null,
  duration: number,
  minWeeks: number,
  v: Verdict,
): void {
  v.rules.push(...threshold.rules);
  if (!v.rules.includes(level.rule)) v.rules.push(level.rule);
  v.adequateDoseMg = null;
  v.adequateDose = null;
  v.shortfalls.push('level-not-recorded');
  const during = prophylaxis ? 'in this episode' : 'during the trial';
  const judged = `adequacy is judged by the serum level, ${fmt(level.min)} ${level.unit} or more`;
  v.reasons.push(
    // A level can still be drawn only while the trial runs: an ended trial (or one ended by death) is simply unconfirmed.
    prophylaxis
      ? `${breakthroughWords(trial)}, no ${trial.ingredient} level recorded ${during}: a breakthrough episode on prophylaxis, an acute trial only once optimised (${judged} in the episode)${trial.ongoing ? '; pending a level' : ''}`
      : trial.ongoing
        ? `adequacy unconfirmed: no ${trial.ingredient} level recorded ${during} (${judged}); pending a level`
        : `adequacy unconfirmed: no ${trial.ingredient} level was recorded ${during} (${judged})`,
  );
  if (duration < minWeeks * 7) pushShort(trial, duration, minWeeks, v, null);
}

/** The days at or above the dose threshold (a level-judged agent without a level is judged by its dose too). */
function judgeByDose(trial: TrialDraft, threshold: Threshold, minWeeks: number, v: Verdict): void {
  v.rules.push(...(threshold.level && threshold.noLevelRule ? [threshold.noLevelRule] : threshold.rules));
  if (threshold.level) v.levelNote = `${trial.ingredient} level not recorded; judged by dose (from ${doseText(threshold.mg, threshold.doseUnit)}/day)`;
  if (!trial.segments.some((s) => s.doseMg !== null)) {
    v.shortfalls.push('dose-unknown');
    v.reasons.push(threshold.level ? `dose unknown and ${trial.ingredient} level not recorded` : 'dose unknown');
    return;
  }
  v.daysAtAdequate = daysAtOrAbove(trial.segments, threshold.mg, threshold.comparable);
  if (v.daysAtAdequate === 0) {
    v.shortfalls.push('dose-below');
    v.reasons.push(doseBelowWords(trial, threshold));
  } else if (v.daysAtAdequate < minWeeks * 7) {
    pushShort(trial, v.daysAtAdequate, minWeeks, v, threshold.mg, firstDayAtOrAbove(trial.segments, threshold));
  }
}

/** The day the dose first reached the threshold (a titrated trial reaches it after its start). */
function firstDayAtOrAbove(segments: readonly DaySegment[], threshold: Threshold): Day | null {
  for (const s of segments) {
    if (s.doseMg === null) continue;
    const comparable = threshold.comparable(s.doseMg);
    if (comparable !== null && comparable >= threshold.mg) return s.start;
  }
  return null;
}

function doseBelowWords(trial: TrialDraft, threshold: Threshold): string {
  const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
  return threshold.unitLabel === 'mg'
    ? `dose below ${doseText(threshold.mg, threshold.doseUnit)} (highest ${doseText(highest, threshold.doseUnit)}/day)${threshold.level ? `; ${trial.ingredient} level not recorded` : ''}`
    : `dose below ${fmt(threshold.drugMg ?? 0)} mg/day${threshold.atMaximum ? ', the maximum licensed dose,' : ''} (≡ ${fmt(threshold.mg)} mg/day chlorpromazine; highest ${fmt(highest)} mg/day ≈ ${fmt(threshold.comparable(highest) ?? 0)} CPZ-eq)`;
}

/** The reason of an adequate trial: the level that reached its threshold, the time at or above the dose, or the duration alone. */
function adequateReason(trial: TrialDraft, rule: Threshold | null, v: Verdict, prophylaxis: Threshold['prophylaxis'] | null, duration: number): string {
  if (v.reachedByLevel && rule && rule.level)
    return prophylaxis
      ? `adequate: ${v.levelNote} (at or above the ${fmt(rule.level.min)} ${rule.level.unit} acute level: optimised in this episode) over ${describeDuration(duration)} of the episode; ${breakthroughWords(trial)}`
      : `adequate: ${v.levelNote} (at or above ${fmt(rule.level.min)} ${rule.level.unit}) over ${describeDuration(duration)}`;
  if (rule)
    // The time at or above the threshold, without the highest dose beside it: that dose was not held all that time.
    return `adequate: ${describeDuration(v.daysAtAdequate)} at or above ${rule.unitLabel === 'mg' ? doseText(rule.mg, rule.doseUnit) : `${fmt(rule.mg)} ${rule.unitLabel}`}${v.levelNote ? ` (${v.levelNote})` : ''}`;
  return `adequate by duration (${describeDuration(duration)}); no minimum dose known for ${trial.ingredient}`;
}

/** A class no adequacy rule here covers, with why. */
function notJudged(because: string, adherence: AdherenceStatus, levelSources: string[]): AdequacyResult {
  return { ...notAdequate(because, [], [], adherence, levelSources), kind: 'not-judged' };
}

/** Every known dose at or below the drug's hypnotic ceiling. */
function hypnoticUse(
  trial: TrialDraft,
  hypnotic: NonNullable<ReturnType<typeof hypnoticCeilingOf>>,
  adherence: AdherenceStatus,
  levelSources: string[],
): AdequacyResult {
  const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
  return notAdequate(
    `hypnotic dose (highest ${fmt(highest)} mg/day, at or below ${fmt(hypnotic.maxMgPerDay)} mg/day): listed as hypnotic use, not counted as a trial or augmentation`,
    [hypnotic.rule],
    ['hypnotic-dose'],
    adherence,
    levelSources,
  );
}

/** A trial settled before any dose or duration is weighed (no rule for its class, a hypnotic dose, not an antidepressant form). */
function notAdequate(
  reason: string,
  rules: RuleRef[],
  shortfalls: ShortfallKind[],
  adherence: AdherenceStatus,
  levelSources: string[],
): AdequacyResult {
  return {
    adequate: false,
    kind: 'not-adequate',
    reason,
    rules,
    adequateDoseMg: null,
    adequateDose: null,
    adequateLevel: null,
    daysAtAdequateDose: 0,
    minDaysAtDose: 0,
    minDaysInAll: 0,
    shortfalls,
    shortfallReasons: shortfalls.map(() => reason),
    cpzBySegment: null,
    adherence,
    levelSources,
  };
}

/**
 * The level that decides a level-judged trial: the highest measurable level in a unit the rule reads (a record without
 * a unit is read in the rule's unit), reached or not; null when no such level was drawn.
 */
function levelVerdict(rule: LevelThreshold, levels: readonly DrugLevelPoint[]): { level: DrugLevelPoint; reached: boolean } | null {
  const readable = levels.filter(
    (l) => !l.undetectable && l.value !== null && (l.unit === null || rule.units.includes(l.unit.trim().toLowerCase().replace(/\s+/g, ''))),
  );
  if (readable.length === 0) return null;
  const highest = readable.reduce((a, b) => (b.value! > a.value! ? b : a));
  return { level: highest, reached: highest.value! >= rule.min };
}

/** How a trial running as prophylaxis before the episode is read. */
function breakthroughWords(trial: TrialDraft): string {
  return `maintenance ${trial.ingredient} from before this episode`;
}

function doseText(mg: number, unit: 'mg' | 'mcg' = 'mg'): string {
  return unit === 'mcg' ? `${fmt(Math.round(mg * 1_000_000) / 1000)} mcg` : `${fmt(mg)} mg`;
}

/**
 * The minimum weeks at adequate dose of the rule set a trial is judged by. OCD: weeks at the OCD dose; the whole
 * trial must also last MIN_ADEQUATE_OCD_TRIAL_WEEKS (checked apart).
 */
function minimumWeeks(isOcd: boolean, underTrrip: boolean, role: TrialRole): number {
  if (isOcd) return MIN_OCD_WEEKS_AT_DOSE;
  if (underTrrip) return MIN_ANTIPSYCHOTIC_TRIAL_WEEKS;
  if (role === 'augmentation') return MIN_AUGMENTATION_TRIAL_WEEKS;
  return MIN_ANTIDEPRESSANT_TRIAL_WEEKS;
}

/**
 * A trial with no usable start (R.startBeforeApproval): whatever its recorded time, at dose or in all, it is unknown.
 * Every verdict on its length gives way to that one; a dose below the threshold or poor adherence still stands. Its
 * days at dose stay the recorded ones: the bar is drawn at its dose, and no rule reads them of a trial not adequate.
 */
function durationFromNoUsableStart(v: Verdict): void {
  const kept = v.shortfalls.map((f, i) => [f, v.reasons[i]!] as const).filter(([f]) => f !== 'too-short' && f !== 'ongoing-short' && f !== 'duration-unknown');
  v.shortfalls = [...kept.map(([f]) => f), 'start-before-approval'];
  v.reasons = [...kept.map(([, r]) => r), 'duration unknown (the recorded start predates the first US approval); to confirm'];
}

function pushShort(trial: TrialDraft, days: number, minWeeks: number, v: Verdict, doseMg: number | null, atDoseSince: Day | null = null): void {
  const { shortfalls, reasons } = v;
  const at = doseMg === null ? '' : ' at adequate dose';
  // OCD asks for two durations (weeks at the OCD dose, and weeks in all): name both, whichever fell short.
  const needed = weeksNeededWords(v.weeksInAll === null ? minWeeks : MIN_OCD_WEEKS_AT_DOSE, v.weeksInAll, '');
  if (trial.durationUnknown) {
    // Not "too short": the record does not say how long it was taken (no pseudo-resistance flag).
    shortfalls.push('duration-unknown');
    reasons.push('duration unknown (no end date recorded)');
  } else if (trial.ongoing) {
    shortfalls.push('ongoing-short');
    // The weeks at adequate dose count from when the dose reached it, so that is the date beside them.
    const since = atDoseSince === null ? `ongoing since ${isoDate(trial.start)}` : `since ${isoDate(atDoseSince)}`;
    reasons.push(`${describeDuration(days)}${at} so far (${since}; ${needed})`);
  } else {
    shortfalls.push('too-short');
    reasons.push(`${describeDuration(days)} only${at} (${needed})`);
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
