/**
 * Adequacy of a trial, as data-driven rules: which dose threshold applies (ATRQ minimum dose,
 * TRRIP chlorpromazine-equivalent, none), for how long (each rule set's minimum duration, named in engine-rules.ts),
 * and adherence. The reason is given in plain words ("dose below 50 mg", "4 weeks only", "adherence 55%").
 */
import { isoDate } from '../dates';
import { describeDuration } from '../vocabulary';
import type { MedicationIdentityDetail } from '../medication';
import { hypnoticCeilingOf, ocdMinimumDose, productDoseOf } from '../terminology/dose-tables';
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
import type { AdequateDose, ConditionKey, RuleRef, TrialRole } from '../types';

/** Why a trial fell short; drives the pseudo-resistance flags. */
export type ShortfallKind =
  | 'dose-unknown'
  | 'dose-below'
  | 'too-short'
  | 'ongoing-short'
  | 'duration-unknown'
  | 'poor-adherence'
  | 'no-threshold'
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
  /** The same threshold with its unit, as the trial carries it (types.ts, Trial.adequateDose). */
  adequateDose: AdequateDose | null;
  daysAtAdequateDose: number;
  shortfalls: ShortfallKind[];
  /** CPZ-equivalent of each dose segment, when the TRRIP rule applied. */
  cpzBySegment: Map<DaySegment, number | null> | null;
}

/** The rule set a trial is judged by, chosen from the condition it is counted for and its role. */
export interface AdequacyContext {
  condition: ConditionKey | null;
  role: TrialRole;
  adherencePdc: number | null;
}

interface Threshold {
  mg: number;
  comparable: (mg: number) => number | null;
  rules: RuleRef[];
  unitLabel: string;
  /** Antipsychotics: the drug's own mg/day at the threshold, and whether it is the maximum licensed dose. */
  drugMg?: number;
  atMaximum?: boolean;
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
    if (o) return { mg: o.minMgPerDay, comparable: (mg) => mg, rules: [o.rule], unitLabel: 'mg' };
  }
  const names = trial.events.map((e) => e.identity.display);
  const others = trial.events.flatMap((e) => (e.identity as MedicationIdentityDetail).components?.map((c) => c.ingredient) ?? []);
  const product = productDoseOf(trial.ingredient, names, others.filter((i) => i !== trial.ingredient));
  if (product) {
    if (product.minMgPerDay === null) return { notAntidepressant: product.rule, product: product.product };
    return { mg: product.minMgPerDay, comparable: (mg) => mg, rules: [R.minDose, product.rule], unitLabel: 'mg' };
  }
  const row = adequateDoseOf(trial.ingredient, ctx.role === 'augmentation');
  if (!row) return null;
  return { mg: row.mg, comparable: (mg) => mg, rules: [R.minDose, row.rule], unitLabel: 'mg' };
}

/** Classes whose trials are shown on the timeline but whose adequacy no rule here covers. */
const NOT_JUDGED = new Set(['other-psychotropic', 'nmda-antagonist', 'unknown']);

/** The hypnotic-dose row a trial falls under (every known dose at or below its ceiling), or null. */
export function hypnoticDoseOf(trial: TrialDraft): ReturnType<typeof hypnoticCeilingOf> {
  const hypnotic = hypnoticCeilingOf(trial.ingredient);
  const doses = trial.segments.map((s) => s.doseMg);
  return hypnotic && doses.length > 0 && doses.every((d) => d !== null && d <= hypnotic.maxMgPerDay) ? hypnotic : null;
}

export function judgeAdequacy(trial: TrialDraft, ctx: AdequacyContext): AdequacyResult {
  if (NOT_JUDGED.has(trial.drugClass)) {
    // E.g. prazosin, benzodiazepines, esketamine (adequacy of esketamine is a matter of sessions, not daily dose).
    return {
      adequate: false,
      reason: `adequacy not judged: no adequacy rule for ${trial.ingredient} (${trial.drugClass})`,
      rules: [],
      adequateDoseMg: null,
      adequateDose: null,
      daysAtAdequateDose: 0,
      shortfalls: [],
      cpzBySegment: null,
    };
  }
  const hypnotic = hypnoticDoseOf(trial);
  if (hypnotic) {
    const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
    return {
      adequate: false,
      reason: `hypnotic dose (highest ${fmt(highest)} mg/day, at or below ${fmt(hypnotic.maxMgPerDay)} mg/day): listed as hypnotic use, not counted as a trial or augmentation`,
      rules: [hypnotic.rule],
      adequateDoseMg: null,
      adequateDose: null,
      daysAtAdequateDose: 0,
      shortfalls: ['hypnotic-dose'],
      cpzBySegment: null,
    };
  }
  const isOcd = ctx.condition === 'ocd';
  const threshold = thresholdFor(trial, ctx);
  const minWeeks = minimumWeeks(isOcd, threshold === 'no-cpz' || (threshold !== null && 'unitLabel' in threshold && threshold.unitLabel !== 'mg'), ctx.role);
  const minDays = minWeeks * 7;
  const rules: RuleRef[] = [isOcd ? R.ocdDuration : R.minDuration];
  const shortfalls: ShortfallKind[] = [];
  const reasons: string[] = [];
  const duration = trial.end - trial.start + 1;
  let adequateDoseMg: number | null = null;
  let adequateDose: AdequateDose | null = null;
  let daysAtAdequate = 0;
  let cpzBySegment: Map<DaySegment, number | null> | null = null;
  const doseKnown = trial.segments.some((s) => s.doseMg !== null);

  if (threshold !== null && threshold !== 'no-cpz' && 'notAntidepressant' in threshold) {
    return {
      adequate: false,
      reason: `${threshold.product} is not an antidepressant treatment: not counted as a trial`,
      rules: [threshold.notAntidepressant],
      adequateDoseMg: null,
      adequateDose: null,
      daysAtAdequateDose: 0,
      shortfalls: ['not-antidepressant-form'],
      cpzBySegment: null,
    };
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
    rules.push(...threshold.rules);
    adequateDoseMg = threshold.mg;
    adequateDose =
      threshold.unitLabel === 'mg'
        ? { amount: threshold.mg, unit: 'mg/day' }
        : { amount: threshold.mg, unit: 'mg/day CPZ-eq', ...(threshold.drugMg !== undefined ? { agentMgPerDay: threshold.drugMg } : {}) };
    if (threshold.unitLabel !== 'mg') {
      cpzBySegment = new Map();
      for (const s of trial.segments) cpzBySegment.set(s, s.doseMg === null ? null : threshold.comparable(s.doseMg));
    }
    if (!doseKnown) {
      shortfalls.push('dose-unknown');
      reasons.push('dose unknown');
    } else {
      daysAtAdequate = daysAtOrAbove(trial.segments, threshold.mg, threshold.comparable);
      if (daysAtAdequate === 0) {
        shortfalls.push('dose-below');
        const highest = Math.max(...trial.segments.map((s) => s.doseMg ?? 0));
        reasons.push(
          threshold.unitLabel === 'mg'
            ? `dose below ${fmt(threshold.mg)} mg (highest ${fmt(highest)} mg/day)`
            : `dose below ${fmt(threshold.drugMg ?? 0)} mg/day${threshold.atMaximum ? ', the maximum licensed dose,' : ''} (≡ ${fmt(threshold.mg)} mg/day chlorpromazine; highest ${fmt(highest)} mg/day ≈ ${fmt(threshold.comparable(highest) ?? 0)} CPZ-eq)`,
        );
      } else if (daysAtAdequate < minDays) {
        pushShort(trial, daysAtAdequate, minWeeks, shortfalls, reasons, threshold.mg);
      }
    }
  }

  const shortAlready = shortfalls.some((f) => f === 'too-short' || f === 'ongoing-short' || f === 'duration-unknown');
  if (isOcd && !shortAlready && duration < MIN_ADEQUATE_OCD_TRIAL_WEEKS * 7)
    pushShort(trial, duration, MIN_ADEQUATE_OCD_TRIAL_WEEKS, shortfalls, reasons, null);

  if (ctx.adherencePdc !== null) {
    rules.push(trial.drugClass === 'antipsychotic' ? R.adherenceAntipsychotic : R.adherenceOther);
    if (ctx.adherencePdc < MIN_ADHERENCE_PDC) {
      shortfalls.push('poor-adherence');
      reasons.push(`adherence ${Math.round(ctx.adherencePdc * 100)}%`);
    }
  }

  const adequate = shortfalls.length === 0;
  let reason: string;
  if (adequate) {
    reason =
      threshold && threshold !== 'no-cpz'
        ? `adequate: ${fmt(trial.maxSustainedDoseMg ?? threshold.mg)} mg/day for ${describeDuration(daysAtAdequate)} at or above ${fmt(threshold.mg)} ${threshold.unitLabel}`
        : `adequate by duration (${describeDuration(duration)}); no minimum dose known for ${trial.ingredient}`;
  } else reason = reasons.join('; ');
  // TRRIP asks for adherence checked from the record (dispensing, levels): say so when the record has none.
  const underTrrip = threshold !== null && threshold !== 'no-cpz' && !('notAntidepressant' in threshold) && threshold.unitLabel !== 'mg';
  if (underTrrip && ctx.adherencePdc === null) {
    reason += '; adherence unknown (no dispensing records to check it against TRRIP\'s 80%)';
    if (!rules.includes(R.adherenceAntipsychotic)) rules.push(R.adherenceAntipsychotic);
  }
  return { adequate, reason, rules, adequateDoseMg, adequateDose, daysAtAdequateDose: daysAtAdequate, shortfalls, cpzBySegment };
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
