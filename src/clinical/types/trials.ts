/** Trials: one agent's course with its doses, adequacy (threshold and unit), outcome, role and scores. */
import type { DrugClass } from './drugs';
import type { ScorePoint } from './measurements';
import type { RuleRef } from './rules';

/** The adequacy step's verdict on a trial: adequate, not adequate, or not judged (no adequacy rule covers its agent). */
export type AdequacyKind = 'adequate' | 'not-adequate' | 'not-judged';
/** too-short: the trial ended before its minimum duration, so a lack of response in it is not judged (not a failure). */
export type Outcome = 'remission' | 'response' | 'partial' | 'nonresponse' | 'too-short' | 'intolerance' | 'ongoing' | 'unknown';
/** measured: from symptom scores; inferred: from a switch or stop (lower confidence); recorded: stated in the record (status reason, AllergyIntolerance). */
export type OutcomeBasis = 'measured' | 'inferred' | 'recorded';
/**
 * hypnotic: taken at or below a hypnotic dose (trazodone 50 mg at night): listed, not counted as a trial or add-on.
 * The derivation's trials also say, of a trial no add-on rule placed: adjunct (an agent that is not a trial of a core
 * treatment, such as prazosin or a benzodiazepine), concurrent (another psychiatric medication ran alongside it, see
 * Trial.alongside), else monotherapy.
 */
export type TrialRole = 'monotherapy' | 'augmentation' | 'combination' | 'hypnotic' | 'adjunct' | 'concurrent';

/** What a recorded stop reason says: an adverse effect, a lack of effect, both, or neither (tolerability unknown). */
export type StopReasonKind = 'adverse' | 'ineffective' | 'mixed' | 'unclassified';

/** A stop reason the record gives for a trial (a status reason or note), as written, with what it says. */
export interface TrialStopReason {
  text: string;
  kind: StopReasonKind;
  /** The named adverse effects it mentions ("hyperprolactinaemia"), empty when none is named. */
  effects: string[];
  /** The safety events it names ("an intentional overdose"), said before what it says of effect or tolerability; absent when none. */
  safetyEvents?: string[];
  /** The record that gives it. */
  source: string;
}

/** The daily dose over one stretch of a trial. */
export interface DoseStep {
  start: string;
  end: string;
  /** mg/day, or null when the dose of this stretch is unknown. */
  dailyDoseMg: number | null;
  /** Chlorpromazine-equivalent mg/day, antipsychotics only. */
  cpzEquivalentMg?: number | null;
  /** How the dose was obtained, or why it is unknown. */
  basis: string;
  source: string;
}

/** The lowest and highest known daily doses of a trial, in mg. */
export interface DoseRange {
  lowestMg: number;
  highestMg: number;
}

/**
 * The unit an adequate-dose threshold is in, and so the unit every dose of the trial is compared (and drawn) in: the
 * agent's own mg/day, or chlorpromazine-equivalent mg/day where TRRIP's threshold applies (DoseStep.cpzEquivalentMg).
 */
export type ThresholdUnit = 'mg/day' | 'mg/day CPZ-eq';

/** The minimum adequate daily dose applied to a trial, in the unit it is compared in. */
export interface AdequateDose {
  amount: number;
  unit: ThresholdUnit;
  /** In chlorpromazine equivalents: the agent's own mg/day at the threshold, by the equivalence the rules name. */
  agentMgPerDay?: number;
}

/**
 * The drug level that decided a trial's adequacy (lithium, valproate): where one is recorded it is the verdict, whatever
 * the mg/day, so the trial then carries no dose threshold (Trial.adequateDose is null) and is drawn by this verdict.
 */
export interface AdequateLevel {
  /** The level read: the highest measurable one drawn during the trial. */
  value: number;
  unit: string;
  date: string;
  /** The threshold of the rule applied, in `unit`. */
  min: number;
  reached: boolean;
  source: string;
}

/** A drug level recorded during a trial, as the record gives it. */
export interface TrialDrugLevel {
  /** Null when the record gives only "not detected" or "< limit". */
  value: number | null;
  unit: string | null;
  date: string;
  /** Not detected or below the limit of quantification. */
  undetectable: boolean;
  source: string;
}

export interface Trial {
  /** Stable within one derivation: `${ingredient}@${start}`. */
  id: string;
  ingredient: string;
  class: DrugClass;
  start: string;
  /** null when ongoing. */
  end: string | null;
  durationDays: number;
  /** The duration in words, the same wherever a trial is described ("9 weeks", "10 days", "duration unknown"). */
  durationText: string;
  doseSteps: DoseStep[];
  /** Highest daily dose (mg) held for at least 4 weeks or to the end of the trial; null when unknown. */
  maxDailyDoseMg: number | null;
  /** The lowest and highest known daily doses (mg) of any stretch; null when no dose is known. */
  doseRange: DoseRange | null;
  /** Days at or above `maxDailyDoseMg` (0 when it is unknown): how much of the trial was at its highest dose. */
  daysAtMaxDailyDose: number;
  /**
   * The minimum adequate daily dose applied to this trial, with its unit: mg/day of the agent (augmentation: of the
   * augmenting agent), or chlorpromazine-equivalent mg/day under TRRIP; null when no dose threshold applies.
   */
  adequateDose: AdequateDose | null;
  /** The level that decided adequacy instead of the dose, or null when the dose (or duration) decided. */
  adequateLevel: AdequateLevel | null;
  /** Days spent at or above `adequateDose`. */
  daysAtAdequateDose: number;
  adequate: boolean;
  /**
   * Not adequate only because a running trial has not yet lasted long enough at an adequate dose: it will be if it
   * continues. False for an adequate trial and for any other shortfall (dose or level below, adherence).
   */
  adequacyPending: boolean;
  /**
   * Not adequate only because the level that decides its adequacy (lithium) was never recorded: neither adequate nor
   * a shortfall until a level is drawn. Present (true) only then.
   */
  adequacyUnconfirmed?: true;
  /**
   * No adequacy rule covers the agent (prazosin, a benzodiazepine): neither adequate nor inadequate, as the adequacy
   * step's verdict kind 'not-judged' says. Present (true) only then; `adequate` is false.
   */
  adequacyNotJudged?: true;
  /**
   * Running only on an open record nothing has renewed, dispensed or restated for a year or more: "unconfirmed: no
   * renewal or dispense since 2025-04-15 (20 months); confirm with the patient", with that record. Present only then.
   */
  unconfirmed?: { text: string; sources: string[] };
  /**
   * The first record predates the drug's first US approval, a data error said beside the trial: "recorded from
   * 1955-11-22, before its first US approval (1987; Fluoxetine capsules label): most likely a data error; check the
   * date", or, when a later record starts the count, "...; duration counted from 1990-03-01, its first record dated 1987
   * or later"; with the records that predate it. Present only then (`durationText` is then "duration unknown", or the
   * time from that record).
   */
  startBeforeApproval?: { text: string; sources: string[] };
  /**
   * A trial of orders only (no dispense, no statement) whose orders' supplies cover less than 80% of its days: the
   * proportion (0-1, three decimals), and in words beside the trial "orders cover about 47% of days (refill gaps 36-45
   * days; no supply stated, each assumed 30 days): adherence uncertain", with the orders. Present only then.
   */
  orderCoverage?: { pdc: number; text: string; sources: string[] };
  /** Plain words: "adequate: 150 mg/day for 10 weeks", "dose below 50 mg", "4 weeks only", "adherence 55%". */
  adequacyReason: string;
  /** The rules applied (dose table row, duration threshold, adherence threshold). */
  adequacyRules: RuleRef[];
  /** Proportion of days covered by dispenses (0–1), null without dispense data. */
  adherencePdc: number | null;
  /**
   * An antipsychotic trial's plasma levels recorded during it, by date (empty: none recorded), the adherence evidence
   * TRRIP asks for in each trial; null for other drugs, whose levels (lithium) adequacy reads (`adequateLevel`).
   */
  plasmaLevels: TrialDrugLevel[] | null;
  outcome: Outcome;
  outcomeBasis: OutcomeBasis;
  /**
   * Every stop reason the record gives for the trial, whatever it says (one that names neither an adverse effect nor a
   * lack of effect leaves tolerability unknown); absent when none is recorded.
   */
  stopReasons?: TrialStopReason[];
  /** "PHQ-9 21 → 17 (−19%) on adequate dose", "switched to venlafaxine on 2025-03-01". */
  outcomeDetail: string;
  /**
   * The scores of the scale the trial is measured by: the baseline (the last in the 30 days up to its start, else the
   * first in its first 14 days) and the follow-up it is judged by; null when the record has no such pair. A non-response
   * judged without a baseline (the score lies above what a response reaches from the scale's maximum) has the score it
   * rests on as its follow-up and no baseline.
   */
  baselineScore: ScorePoint | null;
  followUpScore: ScorePoint | null;
  role: TrialRole;
  /** For augmentation/combination: the trial id of the agent it was added to. */
  addedTo?: string;
  /** For an adjunct or concurrent trial: the trials that ran alongside it (overlapping by the add-on overlap or more), by id. */
  alongside?: string[];
  /** Episode this trial belongs to (see Episode.id), or null when none could be assigned. */
  episodeId: string | null;
  /** Every resource that contributed ("MedicationRequest/123"). */
  sources: string[];
  /** Anything odd: free-text dose, unknown unit, contradictory dates, duplicates merged. */
  notes: string[];
}
