/**
 * Adequacy of a trial, as data-driven rules: which dose threshold applies (ATRQ minimum dose, TRRIP
 * chlorpromazine-equivalent, the studied dose in bipolar depression or augmentation, a drug level where one decides,
 * none), for how long (each rule set's minimum duration, named in durations.ts), and adherence from dispenses and
 * levels. The reason is given in plain words ("dose below 50 mg", "4 weeks only", "adherence 55%", "lithium level
 * 0.4 mmol/L on 2025-03-01, below 0.5").
 */
import { type AdherenceStatus, type DrugLevelPoint, adherenceEvidence } from './5-adherence';
import { isoDate } from '../dates';
import { describeDuration } from '../vocabulary';
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
import type { AdequateDose, AdequateLevel, ConditionKey, RuleRef, TrialRole } from '../types';

/** Why a trial fell short; drives the pseudo-resistance flags. */
export type ShortfallKind =
  | 'dose-unknown'
  | 'dose-below'
  /** Maintenance from before the episode at a maintenance-range level below the acute one: a breakthrough on prophylaxis. */
  | 'breakthrough-on-maintenance'
  | 'too-short'
  | 'ongoing-short'
  | 'duration-unknown'
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
  shortfalls: ShortfallKind[];
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
  drugMg?: number;
  atMaximum?: boolean;
  /** Micrograms for liothyronine. */
  doseUnit?: 'mg' | 'mcg';
  /** A level that decides adequacy where recorded; with none, the dose under `noLevelRule`. */
  level?: LevelThreshold;
  noLevelRule?: RuleRef;
  /** The trial ran as prophylaxis before the episode began: only the episode's levels and days count. */
  prophylaxis?: { rule: RuleRef; episodeStart: number };
}

function thresholdFor(trial: TrialDraft, ctx: AdequacyContext): Threshold | null | 'no-cpz' | { notAntidepressant: RuleRef; product: string } {
  // TRRIP's 600 mg CPZ-eq is a schizophrenia rule; antipsychotics used to augment an antidepressant or in
  // bipolar depression are judged by their own minimum dose (if any), else duration alone.
  const trrip = trial.drugClass === 'antipsychotic' && (ctx.condition === 'schizophrenia' || (ctx.condition === null && ctx.role === 'monotherapy'));
  if (trrip) {
    const lai = trial.events.some((e) => e.identity.longActingInjectable);
    const dose = trripDoseOf(trial.ingredient, lai);
    if (!dose) return 'no-cpz';
    return {
      mg: dose.cpzMg,
      comparable: (mg) => cpzOf(trial.ingredient, mg, lai)?.cpzMg ?? null,
      rules: [R.antipsychoticDose, ...dose.rules],
      unitLabel: 'mg/day CPZ-eq',
      drugMg: dose.drugMg,
      atMaximum: dose.atMaximum,
    };
  }
  if (ctx.condition === 'ocd') {
    const o = ocdMinimumDose(trial.ingredient);
    if (o) return { mg: o.minMgPerDay, comparable: doseAsWritten, rules: [o.rule], unitLabel: 'mg' };
  }
  const names = trial.events.map((e) => e.identity.display);
  const others = trial.events
    .flatMap((e) => (e.identity as MedicationIdentityDetail).components?.map((c) => c.ingredient) ?? [])
    .filter((i) => i !== trial.ingredient);
  // Bipolar depression: each guideline agent's studied dose; augmentation: lithium by level, liothyronine by dose.
  const studiedTable = ctx.condition === 'bipolar-depression' ? BIPOLAR_DEPRESSION_DOSES : ctx.role === 'augmentation' ? AUGMENTATION_DOSES : null;
  // Elsewhere lithium is judged by its level alone (LEVEL_JUDGED_DOSES).
  const row = (studiedTable ? studiedDoseOf(studiedTable, trial.ingredient, others) : null) ?? studiedDoseOf(LEVEL_JUDGED_DOSES, trial.ingredient, others);
  const studied = row && (!row.forConditions || row.forConditions.includes(ctx.condition)) ? row : null;
  if (studied) {
    const level = studied.level;
    const prophylaxis =
      ctx.prophylaxisBrokenOn !== undefined && studied.prophylaxis ? { rule: studied.prophylaxis, episodeStart: ctx.prophylaxisBrokenOn } : null;
    return {
      mg: studied.minMgPerDay,
      comparable: doseAsWritten,
      rules: [studied.rule],
      unitLabel: 'mg',
      doseUnit: studied.doseUnit,
      ...(level ? { level } : {}),
      ...(studied.noLevelRule ? { noLevelRule: studied.noLevelRule } : {}),
      ...(prophylaxis ? { prophylaxis } : {}),
    };
  }
  const product = productDoseOf(trial.ingredient, names, others);
  if (product) {
    if (product.minMgPerDay === null) return { notAntidepressant: product.rule, product: product.product };
    return { mg: product.minMgPerDay, comparable: doseAsWritten, rules: [R.minDose, product.rule], unitLabel: 'mg' };
  }
  const minimum = adequateDoseOf(trial.ingredient, ctx.role === 'augmentation');
  if (!minimum) return null;
  return { mg: minimum.mg, comparable: doseAsWritten, rules: [R.minDose, minimum.rule], unitLabel: 'mg' };
}

/**
 * A threshold in the drug's own mg compares the dose as written. One shared function rather than a closure per
 * trial: the engine judges every trial again for each condition it is staged under.
 */
function doseAsWritten(mg: number): number {
  return mg;
}

/** Classes whose trials are shown on the timeline but whose adequacy no rule here covers. */
const NOT_JUDGED = new Set(['other-psychotropic', 'nmda-antagonist', 'unknown']);

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
  if (NOT_JUDGED.has(trial.drugClass)) {
    // E.g. prazosin, benzodiazepines, esketamine (adequacy of esketamine is a matter of sessions, not daily dose).
    return notAdequate(`adequacy not judged: no adequacy rule for ${trial.ingredient} (${trial.drugClass})`, [], [], adherence.status, levelSources);
  }
  const hypnotic = hypnoticDoseOf(trial);
  if (hypnotic) {
    const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
    return notAdequate(
      `hypnotic dose (highest ${fmt(highest)} mg/day, at or below ${fmt(hypnotic.maxMgPerDay)} mg/day): listed as hypnotic use, not counted as a trial or augmentation`,
      [hypnotic.rule],
      ['hypnotic-dose'],
      adherence.status,
      levelSources,
    );
  }
  const isOcd = ctx.condition === 'ocd';
  const threshold = thresholdFor(trial, ctx);
  const minWeeks = minimumWeeks(isOcd, threshold === 'no-cpz' || (threshold !== null && 'unitLabel' in threshold && threshold.unitLabel !== 'mg'), ctx.role);
  const minDays = minWeeks * 7;
  const rules: RuleRef[] = [isOcd ? R.ocdDuration : R.minDuration];
  const shortfalls: ShortfallKind[] = [];
  const reasons: string[] = [];
  const prophylaxis = threshold !== null && threshold !== 'no-cpz' && 'unitLabel' in threshold ? (threshold.prophylaxis ?? null) : null;
  // A trial running as prophylaxis is judged as a trial of the episode: its days and levels from the episode's start.
  const duration = prophylaxis ? trial.end - Math.max(trial.start, prophylaxis.episodeStart) + 1 : trial.end - trial.start + 1;
  let adequateDoseMg: number | null = null;
  let adequateDose: AdequateDose | null = null;
  let daysAtAdequate = 0;
  let cpzBySegment: Map<DaySegment, number | null> | null = null;
  const doseKnown = trial.segments.some((s) => s.doseMg !== null);
  /** How a level-decided trial was judged: the level that reached its threshold, or a note that none was recorded. */
  let levelNote: string | null = null;
  let reachedByLevel = false;
  let adequateLevel: AdequateLevel | null = null;

  if (threshold !== null && threshold !== 'no-cpz' && 'notAntidepressant' in threshold) {
    return notAdequate(
      `${threshold.product} is not an antidepressant treatment: not counted as a trial`,
      [threshold.notAntidepressant],
      ['not-antidepressant-form'],
      adherence.status,
      levelSources,
    );
  }
  if (threshold === 'no-cpz') {
    shortfalls.push('no-threshold');
    reasons.push(`no chlorpromazine equivalent known for ${trial.ingredient}`);
    rules.push(R.antipsychoticDose);
  } else if (threshold === null) {
    // No dose row: duration alone decides (marked unverified).
    rules.push(R.noDoseRow);
    daysAtAdequate = duration;
    if (duration < minDays) pushShort(trial, duration, minWeeks, shortfalls, reasons, null);
  } else {
    adequateDoseMg = threshold.mg;
    adequateDose =
      threshold.unitLabel === 'mg'
        ? { amount: threshold.mg, unit: 'mg/day' }
        : { amount: threshold.mg, unit: 'mg/day CPZ-eq', ...(threshold.drugMg !== undefined ? { agentMgPerDay: threshold.drugMg } : {}) };
    if (threshold.unitLabel !== 'mg') {
      cpzBySegment = new Map();
      for (const s of trial.segments) cpzBySegment.set(s, s.doseMg === null ? null : threshold.comparable(s.doseMg));
    }
    const episodeLevels = prophylaxis ? levels.filter((l) => l.day >= prophylaxis.episodeStart) : levels;
    const byLevel = threshold.level ? levelVerdict(threshold.level, episodeLevels) : null;
    if (prophylaxis) rules.push(prophylaxis.rule);
    if (threshold.level && byLevel) {
      // A recorded level decides, whatever the dose: it is what the dose achieved.
      rules.push(threshold.level.rule);
      // The level is the verdict: the dose threshold (read only when no level is recorded) is not applied.
      adequateDose = null;
      adequateLevel = {
        value: byLevel.level.value!,
        unit: threshold.level.unit,
        date: isoDate(byLevel.level.day),
        min: threshold.level.min,
        reached: byLevel.reached,
        source: byLevel.level.source,
      };
      const shown = `${trial.ingredient} level ${fmt(byLevel.level.value!)} ${threshold.level.unit} on ${isoDate(byLevel.level.day)}`;
      if (byLevel.reached) {
        levelNote = shown;
        reachedByLevel = true;
        daysAtAdequate = duration;
        if (duration < minDays) pushShort(trial, duration, minWeeks, shortfalls, reasons, null);
      } else {
        shortfalls.push(prophylaxis ? 'breakthrough-on-maintenance' : 'dose-below');
        reasons.push(
          prophylaxis
            ? `${breakthroughWords(trial)}, ${fmt(byLevel.level.value!)} ${threshold.level.unit} on ${isoDate(byLevel.level.day)}, below the acute ${fmt(threshold.level.min)}: a breakthrough episode on prophylaxis, not an adequate acute trial`
            : `${shown}, below ${fmt(threshold.level.min)} ${threshold.level.unit}`,
        );
      }
    } else if (threshold.level && !threshold.noLevelRule) {
      // No dose stands in for the level: neither adequate nor inadequate until a level is drawn.
      rules.push(...threshold.rules);
      if (!rules.includes(threshold.level.rule)) rules.push(threshold.level.rule);
      adequateDoseMg = null;
      adequateDose = null;
      shortfalls.push('level-not-recorded');
      const during = prophylaxis ? 'in this episode' : 'during the trial';
      const judged = `adequacy is judged by the serum level, ${fmt(threshold.level.min)} ${threshold.level.unit} or more`;
      reasons.push(
        // A level can still be drawn only while the trial runs: an ended trial (or one ended by death) is simply unconfirmed.
        prophylaxis
          ? `${breakthroughWords(trial)}, no ${trial.ingredient} level recorded ${during}: a breakthrough episode on prophylaxis, an acute trial only once optimised (${judged} in the episode)${trial.ongoing ? '; pending a level' : ''}`
          : trial.ongoing
            ? `adequacy unconfirmed: no ${trial.ingredient} level recorded ${during} (${judged}); pending a level`
            : `adequacy unconfirmed: no ${trial.ingredient} level was recorded ${during} (${judged})`,
      );
      if (duration < minDays) pushShort(trial, duration, minWeeks, shortfalls, reasons, null);
    } else {
      rules.push(...(threshold.level && threshold.noLevelRule ? [threshold.noLevelRule] : threshold.rules));
      if (threshold.level) levelNote = `${trial.ingredient} level not recorded; judged by dose (from ${doseText(threshold.mg, threshold.doseUnit)}/day)`;
      if (!doseKnown) {
        shortfalls.push('dose-unknown');
        reasons.push(threshold.level ? `dose unknown and ${trial.ingredient} level not recorded` : 'dose unknown');
      } else {
        daysAtAdequate = daysAtOrAbove(trial.segments, threshold.mg, threshold.comparable);
        if (daysAtAdequate === 0) {
          shortfalls.push('dose-below');
          const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
          reasons.push(
            threshold.unitLabel === 'mg'
              ? `dose below ${doseText(threshold.mg, threshold.doseUnit)} (highest ${doseText(highest, threshold.doseUnit)}/day)${threshold.level ? `; ${trial.ingredient} level not recorded` : ''}`
              : `dose below ${fmt(threshold.drugMg ?? 0)} mg/day${threshold.atMaximum ? ', the maximum licensed dose,' : ''} (≡ ${fmt(threshold.mg)} mg/day chlorpromazine; highest ${fmt(highest)} mg/day ≈ ${fmt(threshold.comparable(highest) ?? 0)} CPZ-eq)`,
          );
        } else if (daysAtAdequate < minDays) {
          pushShort(trial, daysAtAdequate, minWeeks, shortfalls, reasons, threshold.mg);
        }
      }
    }
  }

  const shortAlready = shortfalls.some((f) => f === 'too-short' || f === 'ongoing-short' || f === 'duration-unknown');
  if (isOcd && !shortAlready && duration < MIN_ADEQUATE_OCD_TRIAL_WEEKS * 7)
    pushShort(trial, duration, MIN_ADEQUATE_OCD_TRIAL_WEEKS, shortfalls, reasons, null);

  const antipsychotic = trial.drugClass === 'antipsychotic';
  if (ctx.adherencePdc !== null) rules.push(antipsychotic ? R.adherenceAntipsychotic : R.adherenceOther);
  if (levels.length > 0) rules.push(antipsychotic ? R.adherenceLevelAntipsychotic : R.adherenceLevelOther);
  if (adherence.status === 'poor') {
    shortfalls.push('poor-adherence');
    reasons.push(...adherence.poorReasons);
  }

  const adequate = shortfalls.length === 0;
  let reason: string;
  if (adequate) {
    if (reachedByLevel && threshold && threshold !== 'no-cpz' && threshold.level)
      reason = prophylaxis
        ? `adequate: ${levelNote} (at or above the ${fmt(threshold.level.min)} ${threshold.level.unit} acute level: optimised in this episode) over ${describeDuration(duration)} of the episode; ${breakthroughWords(trial)}`
        : `adequate: ${levelNote} (at or above ${fmt(threshold.level.min)} ${threshold.level.unit}) over ${describeDuration(duration)}`;
    else if (threshold && threshold !== 'no-cpz')
      // The time at or above the threshold, without the highest dose beside it: that dose was not held all that time.
      reason = `adequate: ${describeDuration(daysAtAdequate)} at or above ${threshold.unitLabel === 'mg' ? doseText(threshold.mg, threshold.doseUnit) : `${fmt(threshold.mg)} ${threshold.unitLabel}`}${levelNote ? ` (${levelNote})` : ''}`;
    else reason = `adequate by duration (${describeDuration(duration)}); no minimum dose known for ${trial.ingredient}`;
  } else reason = reasons.join('; ');
  // TRRIP asks for adherence checked from the record (>= 80% of doses, >= 1 antipsychotic plasma level): say what is missing.
  const underTrrip = threshold !== null && threshold !== 'no-cpz' && threshold.unitLabel !== 'mg';
  if (underTrrip && adherence.status === 'unknown') {
    reason += '; adherence unknown (no dispensing record or plasma level; TRRIP asks for at least 80% of doses taken and at least one plasma level): at most a possible failure';
    if (!rules.includes(R.adherenceAntipsychotic)) rules.push(R.adherenceAntipsychotic);
  } else if (underTrrip && adequate && adherence.status === 'evidenced' && levels.length === 0) {
    reason += `; no ${trial.ingredient} plasma level recorded (TRRIP minimum criteria ask for at least one)`;
  }
  return {
    adequate,
    reason,
    rules,
    adequateDoseMg,
    adequateDose,
    adequateLevel,
    daysAtAdequateDose: daysAtAdequate,
    minDaysAtDose: minDays,
    shortfalls,
    cpzBySegment,
    adherence: adherence.status,
    levelSources,
  };
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
    reason,
    rules,
    adequateDoseMg: null,
    adequateDose: null,
    adequateLevel: null,
    daysAtAdequateDose: 0,
    minDaysAtDose: 0,
    shortfalls,
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

function pushShort(
  trial: TrialDraft,
  days: number,
  minWeeks: number,
  shortfalls: ShortfallKind[],
  reasons: string[],
  doseMg: number | null,
): void {
  const at = doseMg === null ? '' : ' at adequate dose';
  if (trial.durationUnknown) {
    // Not "too short": the record does not say how long it was taken (no pseudo-resistance flag).
    shortfalls.push('duration-unknown');
    reasons.push('duration unknown (no end date recorded)');
  } else if (trial.ongoing) {
    shortfalls.push('ongoing-short');
    reasons.push(`${describeDuration(days)}${at} so far (ongoing since ${isoDate(trial.start)}; ${minWeeks} weeks needed)`);
  } else {
    shortfalls.push('too-short');
    reasons.push(`${describeDuration(days)} only${at} (${minWeeks} weeks needed)`);
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}
