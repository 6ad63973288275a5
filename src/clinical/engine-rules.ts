/**
 * The engine's own rules and named constants (trials, adherence, adequacy, outcome, episodes, staging), each with
 * its primary sources (reference registry ids) and verification tag. Terminology tables (dose minimums, CPZ equivalents, scale
 * thresholds, code sets) belong to the terminology module; this file holds only what the engine decides.
 */
import type { EventKind } from './events';
import type { RuleRef } from './types';
import { rule } from './terminology/sources';
import { LOCAL_WORKING_RULE } from './references/registry';
import {
  MIN_ADEQUATE_OCD_TRIAL_WEEKS,
  MGHS_DURATION_OPTIMISATION_WEEKS,
  MIN_ANTIDEPRESSANT_TRIAL_WEEKS,
  MIN_ANTIPSYCHOTIC_TRIAL_WEEKS,
  MIN_OCD_WEEKS_AT_DOSE,
} from './durations';

/**
 * A score older than this no longer says how the patient is now (the PHQ-9 utilization measure asks for one in each
 * four-month period): the safety strip names a current episode without a PHQ-9 this recent, and a resistance verdict
 * resting on an older score says the score's date and asks for it to be repeated.
 */
export const PHQ9_MONITORING_DAYS = 120;
/** TRRIP's adequate antipsychotic dose, in mg/day chlorpromazine equivalents (Howes 2017, Table 2). */
export const TRRIP_CPZ_MG_PER_DAY = 600;
/** Proportion of days covered below which a trial is not adequate (TRRIP adherence >= 80%). */
export const MIN_ADHERENCE_PDC = 0.8;
/** A gap between records of one agent longer than this starts a new trial (OHDSI drug eras: 30-day persistence window). */
export const TRIAL_GAP_DAYS = 30;
/**
 * A re-order (a later MedicationRequest of the same ingredient) issued up to this many days after the previous order's
 * supply ended, stated or assumed, continues the same trial (Burton 2012: a course of antidepressant prescriptions ends
 * when the next is issued more than 60 days after the expected end of the last). Orders are renewed at follow-up
 * visits, so the permissible gap between orders is wider than between fills or statements.
 */
export const REORDER_PERMISSIBLE_GAP_DAYS = 60;
/** A request without end, supply duration or quantity is assumed to cover this many days (design choice). */
export const DEFAULT_SUPPLY_DAYS = 30;
/** An open order (active, on-hold) or statement with no renewal, dispense or later record for this long gets a note. */
export const STALE_ORDER_DAYS = 365;
/** "Highest sustained dose": held at least this long, or to the end of the trial (see Trial.maxDailyDoseMg). */
export const SUSTAINED_DOSE_DAYS = 28;
/** A second agent overlapping an antidepressant trial this long is augmentation/combination (design choice). */
export const MIN_ADD_ON_OVERLAP_WEEKS = 4;
/** Baseline score: the last score up to this many days before the trial start ... */
export const BASELINE_DAYS_BEFORE = 30;
/** ... or, if none before, the first within this many days after it (design choice). */
export const BASELINE_DAYS_AFTER = 14;
/** Scores up to this many days after a trial's last dose still reflect the trial: the effect fades slowly (design choice). */
export const FOLLOW_UP_DAYS_AFTER_END = 14;
/** A trial ending this close to another agent's start is "replaced by" it (switch -> inferred non-response). */
export const SWITCH_WINDOW_DAYS = 30;
/** PHQ-9 at or above this after a documented remission is a relapse that starts a new episode (Kroenke 2001 "moderate"). */
export const RELAPSE_PHQ9_MIN = 10;
/** Bipolar depression: remission counts when it lasts this long (Hidalgo-Mazzei 2019: 8 consecutive weeks). */
export const SUSTAINED_REMISSION_WEEKS = 8;
/** Trials starting up to this long before a diagnosis' onset still belong to that episode (onsets are often recorded late). */
export const EPISODE_ONSET_TOLERANCE_DAYS = 60;

export const R = {
  staleVerdictBasis: rule(
    'resistance.stale-basis',
    `A resistance verdict whose failed trials rest on a score older than ${PHQ9_MONITORING_DAYS} days, with no score of that scale since, says the score's date and asks for it to be repeated before referral.`,
    'a completed PHQ-9 in each four-month period of depression care (MNCM PHQ-9 utilization measure); applying that window to the verdict is a working rule',
    'U',
    ['mncmPhq9Utilization', 'projectWorkingRule'],
  ),
  minDuration: rule(
    'adequacy.min-duration-weeks',
    `An antidepressant trial is adequate only after at least ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks at or above the minimum adequate dose.`,
    'MGH staging counts trials of at least 6 weeks at an adequate dose (Fava 2003); the EU-PEARL consensus does not count a drug stopped before week 4 (Sforzini 2022)',
    'V',
    ['fava2003', 'sforzini2022'],
  ),
  minDose: rule(
    'adequacy.min-dose',
    'An antidepressant trial must reach the minimum adequate daily dose of that agent.',
    'MGH-ATRQ: adequacy of dose and duration of each trial in the current episode (Chandler 2010; Desseilles 2011), doses per row of the dose table',
    'S',
    ['chandler2010', 'desseilles2011'],
  ),
  noDoseRow: rule(
    'adequacy.no-dose-row',
    'For agents without a minimum-dose row (lithium or liothyronine outside augmentation and bipolar depression, lamotrigine outside bipolar depression, ...) adequacy is judged on duration alone.',
    'No minimum dose for these agents in the sources used here: working rule',
    'U',
    ['projectWorkingRule'],
  ),
  startBeforeApproval: rule(
    'adequacy.start-before-approval',
    "A trial whose first record predates the drug's first US approval has no usable start: its duration is counted from its first record dated in or after the approval year, and with none it is unknown (adequacy unconfirmed, never adequate on the recorded dates).",
    'The first US approval year of each drug, read in its FDA label ("Initial U.S. Approval"; the rules data.first-approval.*); counting the duration from the first record after it is a working rule',
    'U',
    ['dailyMed', 'projectWorkingRule'],
  ),
  antipsychoticDose: rule(
    'adequacy.antipsychotic-cpz',
    `An antipsychotic trial is adequate at ≥ ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine equivalent for ≥ ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks at that dose; equivalents from the Gardner 2010 consensus (depots by their own rows or labels; Leucht 2020 for drugs Gardner does not cover, flagged as mixed methods).`,
    'TRRIP consensus (Howes 2017, Table 2): adequate dose ≥ 600 mg/day chlorpromazine equivalent, ≥ 6 weeks; TRRIP names no conversion table, Gardner 2010 is the clinically used consensus',
    'V',
    ['howes2017', 'gardner2010'],
  ),
  ocdDuration: rule(
    'adequacy.ocd-duration',
    `An SRI trial counted for OCD needs at least ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks in all, at least ${MIN_OCD_WEEKS_AT_DOSE} of them at the OCD target dose (higher than in depression).`,
    'APA OCD practice guideline 2007: an adequate SRI trial lasts 8-12 weeks with at least 4-6 weeks at the maximal tolerable dose; NICE CG31: 12 weeks at an adequate dose before judging response',
    'S',
    ['apaOcd2007', 'niceCg31'],
  ),
  adherenceAntipsychotic: rule(
    'adequacy.adherence-antipsychotic',
    `Adherence below ${MIN_ADHERENCE_PDC * 100}% (proportion of days covered by dispenses) makes an antipsychotic trial inadequate; with neither dispenses nor a plasma level adherence is unknown, and under TRRIP the trial is at most a possible failure.`,
    'TRRIP (Howes 2017, Table 2): adherence ≥ 80% of prescribed doses taken, assessed from ≥ 2 sources (pill counts, dispensing charts, patient or carer report), with antipsychotic plasma levels monitored on ≥ 1 occasion',
    'V',
    ['howes2017'],
  ),
  adherenceOther: rule(
    'adequacy.adherence-other',
    `Adherence below ${MIN_ADHERENCE_PDC * 100}% (proportion of days covered) makes a non-antipsychotic trial inadequate.`,
    'TRRIP\'s 80% for antipsychotics (Howes 2017), borrowed for other agents: working rule',
    'U',
    ['howes2017', 'projectWorkingRule'],
  ),
  orderCoverage: rule(
    'adequacy.order-coverage',
    `A trial with neither dispenses nor statements is weighed by its orders: when their supplies (stated, or ${DEFAULT_SUPPLY_DAYS} days each when none is stated) cover less than ${MIN_ADHERENCE_PDC * 100}% of its days, the trial says how much they cover and the refill gaps beside it, adherence is uncertain, and a failed adequate trial raises a pseudo-resistance flag; it stays adequate (orders are not fills, and a supply not stated may be longer than assumed).`,
    'TRRIP\'s 80% of prescribed doses (Howes 2017), borrowed for other agents and for coverage by orders rather than dispenses: working rule',
    'U',
    ['howes2017', 'projectWorkingRule'],
  ),
  adherenceLevelAntipsychotic: rule(
    'adequacy.adherence-level-antipsychotic',
    'A measurable plasma level of the antipsychotic drawn during the trial is evidence that it was taken; an undetectable level is evidence that it was not, and makes the trial inadequate.',
    'TRRIP (Howes 2017, Table 2): antipsychotic plasma levels to monitor adherence, at least once (optimally twice, 2 weeks apart, unannounced)',
    'V',
    ['howes2017'],
  ),
  adherenceLevelOther: rule(
    'adequacy.adherence-level-other',
    'A measurable level of the agent (lithium, valproate, a tricyclic) drawn during the trial is evidence that it was taken; an undetectable level makes the trial inadequate.',
    'TRRIP\'s use of plasma levels for antipsychotics (Howes 2017), applied to other agents: working rule',
    'U',
    ['howes2017', 'projectWorkingRule'],
  ),
  trialGap: rule(
    'trials.gap-days',
    `A gap of more than ${TRIAL_GAP_DAYS} days without any record of an agent starts a new trial.`,
    'OHDSI standard drug eras: exposures to the same ingredient with at most 30 days between them are one era (persistence window of 30 days)',
    'V',
    ['ohdsiDrugEra'],
  ),
  reorderGap: rule(
    'trials.reorder-gap',
    `A re-order of an agent (a later prescription of the same ingredient) issued up to ${REORDER_PERMISSIBLE_GAP_DAYS} days after the previous prescription's supply ended (as stated, or the ${DEFAULT_SUPPLY_DAYS} days assumed when the prescription states none) continues the same trial: the days between are counted as taken at the previous dose, and the trial's notes name them as assumed.`,
    'Burton 2012: antidepressant treatment courses from primary-care prescriptions end when the next prescription is issued more than 60 days after the expected end of the last; counting the days between as taken is this app\'s reading',
    'S',
    ['burton2012', 'projectWorkingRule'],
  ),
  defaultSupply: rule(
    'trials.default-supply',
    `A prescription without end date, expected supply duration or quantity is assumed to cover ${DEFAULT_SUPPLY_DAYS} days.`,
    'No source: working rule (a common dispensing period)',
    'U',
    ['projectWorkingRule'],
  ),
  addOn: rule(
    'trials.add-on',
    `An agent overlapping an antidepressant trial for ≥ ${MIN_ADD_ON_OVERLAP_WEEKS} weeks is augmentation (antipsychotic, lithium, liothyronine, other augmentation agent) or combination (another antidepressant).`,
    'Augmentation and combination as MGH staging counts them (Fava 2003); the overlap length is a working rule',
    'U',
    ['fava2003', 'projectWorkingRule'],
  ),
  addOnMoodStabilizer: rule(
    'trials.add-on-mood-stabilizer',
    `In bipolar disorder, an antipsychotic or another mood stabilizer overlapping a mood-stabilizer trial (lithium, valproate, lamotrigine) for ≥ ${MIN_ADD_ON_OVERLAP_WEEKS} weeks, started after it, is combination with it (adjunctive therapy), not monotherapy.`,
    'Latuda label, section 1 (bipolar depression: as monotherapy and as adjunctive therapy with lithium or valproate); Seroquel label, section 1 (bipolar I disorder: adjunct to lithium or divalproex); the overlap length is a working rule',
    'U',
    ['dailyMed', 'seroquelLabel', 'projectWorkingRule'],
  ),
  alongside: rule(
    'trials.alongside',
    `A trial that is not an augmentation or a combination is monotherapy only when no other psychiatric medication ran alongside it for ≥ ${MIN_ADD_ON_OVERLAP_WEEKS} weeks (the add-on overlap); otherwise it is said to run alongside them ("SNRI, alongside prazosin"). A shorter overlap is a switch (a cross-taper), not a regimen of two. An agent of a class no trial rule covers (prazosin, a benzodiazepine) is an adjunct beside them, not counted toward treatment resistance. The treatment-resistance counts do not change with it.`,
    `Monotherapy, augmentation and combination as MGH staging counts them (Fava 2003); naming what ran alongside, and the ${MIN_ADD_ON_OVERLAP_WEEKS}-week overlap, are a working rule`,
    'U',
    ['fava2003', 'projectWorkingRule'],
  ),
  alongsideHypnoticDose: rule(
    'trials.alongside.hypnotic-dose',
    'A drug taken at a hypnotic dose (every dose at or below its hypnotic-dose row: trazodone, mirtazapine, quetiapine, doxepin) is not an antidepressant or antipsychotic trial: it does not make the trial it runs beside concurrent (a trial with nothing else alongside stays monotherapy), and it is listed as a hypnotic dose, not counted toward treatment resistance.',
    'The hypnotic-dose rows (AASM 2017 insomnia guideline: trazodone 50 mg and doxepin 3-6 mg studied for sleep; the labels\' antidepressant doses); augmentation and combination as MGH staging counts them (Fava 2003); not counting a hypnotic dose beside a trial is a working rule',
    'U',
    ['sateia2017', 'fava2003', 'projectWorkingRule'],
  ),
  baseline: rule(
    'outcome.baseline',
    `Baseline = the last score within ${BASELINE_DAYS_BEFORE} days before the trial start, else the first within ${BASELINE_DAYS_AFTER} days after; compared with the latest score on adequate dose (else the latest during the trial).`,
    'The windows are a working rule; response and remission thresholds per scale as in the scale table',
    'U',
    ['projectWorkingRule'],
  ),
  noResponseFromAnyBaseline: rule(
    'outcome.no-response-from-any-baseline',
    'An adequate trial whose latest score on the adequate dose, taken once the trial was adequate, lies above what a response would reach even from the scale\'s maximum (PHQ-9 above 13.5 of 27: 14 or more) is a non-response (at most a partial response), with or without a baseline score.',
    'Response = ≥ 50% reduction from baseline (PHQ-9: Kroenke 2001; QIDS-SR16, HAM-D17: Trivedi 2006), as the scale table says; no baseline exceeds the scale\'s maximum, so the bound is arithmetic on those numbers',
    'derived',
    ['kroenke2001', 'trivedi2006'],
  ),
  partialWithinTrial: rule(
    'outcome.partial-within-trial',
    'An adequate trial without a baseline score, judged by the rule above (its latest score on the adequate dose is above what a response could reach), whose scores fell during the trial by the partial-response band (depression scales: 25-49%, from the first score in the trial to the latest on the adequate dose) is a partial response: an insufficient response, so a failed trial, like a non-response. The first score in the trial stands in for the missing baseline.',
    'Partial response = 25-49% reduction, response ≥ 50% (Nierenberg 2001; Desseilles 2011); measuring from the first score in the trial when no baseline was taken is a working rule',
    'U',
    ['nierenberg2001', 'desseilles2011', 'projectWorkingRule'],
  ),
  switchInference: rule(
    'outcome.switch',
    'A trial that ends when another agent of the same purpose starts is a non-response inferred from the switch (lower confidence; under TRRIP only a possible failure).',
    'Read from claims data, not a validated rule: working rule',
    'U',
    ['projectWorkingRule'],
  ),
  intolerance: rule(
    'outcome.intolerance',
    'A trial stopped for an adverse event, or whose agent appears in AllergyIntolerance, is an intolerance, not a failure.',
    'EU-PEARL consensus: a drug stopped before the end of week 4 without clear non-response is not a failure (Sforzini 2022, Table 1)',
    'V',
    ['sforzini2022'],
  ),
  tooShortToJudge: rule(
    'outcome.too-short-to-judge',
    'A trial that ended shorter than the minimum duration its adequacy rule asks for is too short to judge: a lack of response in it is neither a non-response nor a failure, whatever the scores or the stated reason.',
    'EU-PEARL consensus: a drug stopped before the end of week 4 without clear non-response is not a failure (Sforzini 2022, Table 1); applying it up to the adequacy rule\'s minimum duration is a working rule',
    'U',
    ['sforzini2022', 'projectWorkingRule'],
  ),
  episodeSplit: rule(
    'episodes.remission-split',
    `Within a diagnosed depressive span, a PHQ-9 at remission level followed later by a PHQ-9 ≥ ${RELAPSE_PHQ9_MIN} ends one episode at the remission score and starts the next at the relapse score.`,
    'Remission PHQ-9 < 5 and the moderate band from 10 (Kroenke 2001); splitting one long problem-list entry into episodes is a working rule',
    'U',
    ['kroenke2001', 'projectWorkingRule'],
  ),
  tdrMdd: rule(
    'resistance.mdd',
    // Psychotherapy given in the episode is named by the conclusion (listed, not counted), only when some is recorded.
    'Treatment-resistant depression: failure of ≥ 2 adequate antidepressant treatments (different agents) in the current episode.',
    'Gaynes 2020: the most common definition is ≥ 2 treatment failures with adequate dose and duration; EU-PEARL (Sforzini 2022) agrees',
    'V',
    ['gaynes2020', 'sforzini2022'],
  ),
  trs: rule(
    'resistance.schizophrenia',
    'Treatment-resistant schizophrenia (TRRIP minimum criteria): non-response (< 20% reduction on a rating scale) to ≥ 2 adequate trials of ≥ 2 different antipsychotics, with adherence checked: ≥ 80% of doses taken and at least one antipsychotic plasma level in each trial. A failure whose adherence rests on dispenses alone, with no plasma level, is a possible failure to confirm.',
    'TRRIP consensus (Howes 2017, Table 2): adherence ≥ 80% of prescribed doses and antipsychotic plasma levels on at least one occasion (minimum criteria; optimum: two levels at least 2 weeks apart, and one long-acting injectable trial)',
    'V',
    ['howes2017'],
  ),
  trbd: rule(
    'resistance.bipolar-depression',
    `Treatment-resistant bipolar depression (after Hidalgo-Mazzei 2019): no sustained remission (${SUSTAINED_REMISSION_WEEKS} consecutive weeks) after ≥ 2 different adequate trials of guideline-recommended treatments, each at its studied dose (bipolar-depression dose table) for ≥ ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks. A psychological treatment counts only toward multi-therapy resistance, which is not assessed here.`,
    `Hidalgo-Mazzei 2019 consensus (a proposal; no accepted definition exists, Gaynes 2020); studied doses from the labels and trials in the dose table; the list of treatments and the trial length: ${LOCAL_WORKING_RULE}`,
    'U',
    ['hidalgoMazzei2019', 'gaynes2020', 'projectWorkingRule'],
  ),
  sustainedRemission: rule(
    'outcome.sustained-remission',
    `In bipolar depression a trial has brought remission only when scores stay at remission level for ${SUSTAINED_REMISSION_WEEKS} consecutive weeks: the run of remission-level scores ending at the latest one spans at least ${SUSTAINED_REMISSION_WEEKS} weeks. A shorter run is remission not (yet) sustained: a possible failure, to confirm with a later score.`,
    'Hidalgo-Mazzei 2019: failure to reach sustained symptomatic remission for 8 consecutive weeks; reading it from dated scores is a working rule',
    'S',
    ['hidalgoMazzei2019', 'projectWorkingRule'],
  ),
  trOcd: rule(
    'resistance.ocd',
    `Treatment-resistant OCD: ≥ 2 failed adequate treatments: SRI trials of different agents (OCD doses, ≥ ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks), and a failed adequate course of CBT with exposure and response prevention counting as one.`,
    `Adequate SRI trials as in the APA 2007 OCD guideline; the number of failures: ${LOCAL_WORKING_RULE}`,
    'U',
    ['apaOcd2007', 'projectWorkingRule'],
  ),
  trPtsd: rule(
    'resistance.ptsd',
    'PTSD has no accepted definition of treatment resistance; this app counts ≥ 2 failed adequate treatments: medication trials of different agents, and a failed adequate course of trauma-focused psychotherapy counting as one (the E-TRIP counts both).',
    `E-TRIP counts adequately delivered failed treatments (Dunlop 2014); the threshold of 2: ${LOCAL_WORKING_RULE}`,
    'U',
    ['dunlop2014', 'projectWorkingRule'],
  ),
  thaseRush: rule(
    'staging.thase-rush',
    'Thase-Rush stage 0-5, each stage requiring the earlier ones: I a failed adequate trial; II failures in two different classes; III stage II (without the TCA) plus a failed TCA; IV stage III plus a failed MAOI; V stage IV plus an ECT course recorded as not helping. Psychotherapy and admissions are not items of the scale.',
    'Thase 1997',
    'S',
    ['thase1997'],
  ),
  maudsley: rule(
    'staging.maudsley',
    'Maudsley Staging Method: duration (1-3) + severity (1-5) + antidepressant failures (1-5) + augmentation (0-1) + ECT (0-1); 3-6 mild, 7-10 moderate, 11-15 severe. Psychotherapy and admissions are not items of the scale.',
    'Fekadu 2018, Table 3; severity estimated from PHQ-9 bands (Kroenke 2001) is this app\'s mapping',
    'V',
    ['fekadu2018', 'kroenke2001'],
  ),
  mghs: rule(
    'staging.mgh-s',
    `MGH staging: +1 per adequate (≥ ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks, adequate dose) non-responsive antidepressant trial, +0.5 per dose optimisation beyond the minimum adequate dose, +0.5 per duration optimisation (its threshold a working rule: staging.mgh-s.duration-optimisation), +0.5 per augmentation/combination, +3 for ECT. Psychotherapy and admissions are not items of the scale.`,
    'Fava 2003',
    'V',
    ['fava2003'],
  ),
  mghsDuration: rule(
    'staging.mgh-s.duration-optimisation',
    `MGH-S optimisation of duration: a non-responsive adequate antidepressant trial held at or above its adequate dose for ≥ ${MGHS_DURATION_OPTIMISATION_WEEKS} weeks (twice the ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS}-week adequate trial) scores +0.5, as a dose optimisation does.`,
    'Fava 2003 adds 0.5 per trial for optimisation of duration (with optimisation of dose and augmentation or combination) but gives no threshold; twice the adequate duration is a working rule',
    'U',
    ['fava2003', 'petersen2005', 'projectWorkingRule'],
  ),
  stagingAugmentations: rule(
    'staging.augmentations',
    'Maudsley\'s augmentation item and MGH-S\'s 0.5 per augmentation count the same add-ons: each augmentation or combination trial of the episode that was adequate by the augmentation rules (lithium by level or dose, liothyronine by dose, others by dose and duration). One augmentation is one augmentation in both.',
    'Fekadu 2018, Table 3 (augmentation used); Fava 2003 (augmentation or combination, 0.5 per trial); counting combinations under Maudsley\'s item and requiring adequacy in both is a working rule',
    'U',
    ['fekadu2018', 'fava2003', 'projectWorkingRule'],
  ),
  flags: rule(
    'flags.pseudo-resistance',
    'Flags for pseudo-resistance or complexity: inadequate dose, too short, poor adherence (trials in the current episode); active substance use (a coded disorder, or detox stays, overdoses and opioid orders that show it), trauma or psychosocial stressors (Z55-Z65), personality disorder, comorbid anxiety.',
    'DM-TRD adds comorbid anxiety, personality disorder and psychosocial stressors to the Maudsley method (Peeters 2016)',
    'V',
    ['peeters2016'],
  ),
} as const;

export const ENGINE_RULES: RuleRef[] = Object.values(R);

/** How long a stretch without records of an agent may last, after an earlier record of one kind and before a later one. */
export interface PermissibleGap {
  earlier: EventKind | 'any';
  later: EventKind | 'any';
  /** Days from the last day the earlier record supplies to the later record's start, at most. */
  days: number;
  rule: RuleRef;
}

/**
 * The permissible gaps between two records of one agent that keep them in one trial: the first row matching the
 * kinds of the earlier and the later record applies; the last row applies to any pair.
 */
export const PERMISSIBLE_GAPS: readonly PermissibleGap[] = [
  { earlier: 'request', later: 'request', days: REORDER_PERMISSIBLE_GAP_DAYS, rule: R.reorderGap },
  { earlier: 'any', later: 'any', days: TRIAL_GAP_DAYS, rule: R.trialGap },
];
