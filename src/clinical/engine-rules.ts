/**
 * The engine's own rules and named constants (trials, adherence, adequacy, outcome, episodes, staging), each with
 * its source and verification tag (FACTS.md). Terminology tables (dose minimums, CPZ equivalents, scale
 * thresholds, code sets) belong to the terminology module; this file holds only what the engine decides.
 */
import type { ReferenceId } from './references/registry';
import type { RuleRef } from './types';

/** MGH-S counts trials of >= 6 weeks at adequate dose; consensus 4-6 weeks; ATRQ's own duration is unverified. */
export const MIN_ADEQUATE_TRIAL_WEEKS = 6;
/** OCD: an SRI trial lasts >= 12 weeks in all (NICE CG31; APA 2007: 8-12 weeks) ... */
export const MIN_ADEQUATE_OCD_TRIAL_WEEKS = 12;
/** ... with >= 6 of them at the OCD target dose (APA 2007: 4-6 weeks at the maximal tolerated dose). */
export const MIN_OCD_WEEKS_AT_DOSE = 6;
/** TRRIP: adequate antipsychotic trial = >= 600 mg/day chlorpromazine-equivalent. */
export const TRRIP_MIN_CPZ_MG = 600;
/** Proportion of days covered below which a trial is not adequate (TRRIP adherence >= 80%). */
export const MIN_ADHERENCE_PDC = 0.8;
/** A gap between records of one agent longer than this starts a new trial (design choice, no source). */
export const TRIAL_GAP_DAYS = 30;
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
/** A trial ending this close to another agent's start is "replaced by" it (switch -> inferred non-response). */
export const SWITCH_WINDOW_DAYS = 30;
/** PHQ-9 at or above this after a documented remission is a relapse that starts a new episode (Kroenke 2001 "moderate"). */
export const RELAPSE_PHQ9_MIN = 10;
/** Trials starting up to this long before a diagnosis' onset still belong to that episode (onsets are often recorded late). */
export const EPISODE_ONSET_TOLERANCE_DAYS = 60;

const rule = (
  id: string,
  summary: string,
  source: string,
  verification: RuleRef['verification'],
  references: readonly ReferenceId[] = [],
): RuleRef => ({
  id,
  summary,
  source,
  references,
  verification,
});

export const R = {
  minDuration: rule(
    'adequacy.min-duration-weeks',
    `An antidepressant trial is adequate only after at least ${MIN_ADEQUATE_TRIAL_WEEKS} weeks at or above the minimum adequate dose.`,
    'MGH-S: >= 6 weeks at adequate dose (PLoS One 2020, PMC7392234 panel 1) [V]; consensus minimum 4-6 weeks (Depress Anxiety 2021, PMC8049072 Table 3) [V]; the standard ATRQ duration itself is unverified (FACTS.md §1.2).',
    'V',
  ),
  minDose: rule(
    'adequacy.min-dose',
    'An antidepressant trial must reach the minimum adequate daily dose of that agent.',
    'MGH-ATRQ minimum doses as transcribed from the COMP006 trial-specific form (FACTS.md §1.3, atrq_min_doses.tsv) [S].',
    'S',
  ),
  noDoseRow: rule(
    'adequacy.no-dose-row',
    'For agents without a minimum-dose row (lithium, lamotrigine, liothyronine, ...) adequacy is judged on duration alone.',
    'Design choice of this app: no verified minimum dose in FACTS.md for these agents.',
    'U',
  ),
  antipsychoticDose: rule(
    'adequacy.antipsychotic-cpz',
    `An antipsychotic trial is adequate at >= ${TRRIP_MIN_CPZ_MG} mg/day chlorpromazine equivalent for >= 6 weeks at that dose; equivalents from the Gardner 2010 consensus (depots by their own rows or labels; Leucht 2020 for drugs Gardner does not cover, flagged as mixed methods).`,
    'TRRIP consensus (Howes 2017, Table 2): adequate dose >= 600 mg/day chlorpromazine equivalent, >= 6 weeks; TRRIP names no conversion table, Gardner 2010 is the clinically used consensus.',
    'V',
  ),
  ocdDuration: rule(
    'adequacy.ocd-duration',
    `An SRI trial counted for OCD needs at least ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks in all, at least ${MIN_OCD_WEEKS_AT_DOSE} of them at the OCD target dose (higher than in depression).`,
    'APA OCD practice guideline 2007: an adequate SRI trial lasts 8-12 weeks with at least 4-6 weeks at the maximal tolerable dose; NICE CG31: 12 weeks at an adequate dose before judging response',
    'S',
  ),
  adherenceAntipsychotic: rule(
    'adequacy.adherence-antipsychotic',
    `Adherence below ${MIN_ADHERENCE_PDC * 100}% (proportion of days covered by dispenses) makes an antipsychotic trial inadequate.`,
    'TRRIP: adherence >= 80% of prescribed doses (Howes 2017, FACTS.md §4.1) [V].',
    'V',
  ),
  adherenceOther: rule(
    'adequacy.adherence-other',
    `Adherence below ${MIN_ADHERENCE_PDC * 100}% (proportion of days covered) makes a non-antipsychotic trial inadequate.`,
    'Borrowed from TRRIP (antipsychotics) and the usual PDC >= 80% convention of adherence measures; no source in FACTS.md for antidepressants.',
    'U',
  ),
  trialGap: rule(
    'trials.gap-days',
    `A gap of more than ${TRIAL_GAP_DAYS} days without any record of an agent starts a new trial.`,
    'Design choice of this app; FACTS.md gives no threshold.',
    'U',
  ),
  defaultSupply: rule(
    'trials.default-supply',
    `A prescription without end date, expected supply duration or quantity is assumed to cover ${DEFAULT_SUPPLY_DAYS} days.`,
    'Design choice of this app.',
    'U',
  ),
  openOrder: rule(
    'trials.open-order',
    `An active or on-hold order (and an active statement) is ongoing until a later record of the agent replaces it, a record says it stopped, or the patient died; when nothing has renewed, dispensed or restated it for ${STALE_ORDER_DAYS} days it is still counted and a note asks to confirm it.`,
    'FHIR R4 MedicationRequest.status (active: "the prescription is actionable"; on-hold: "temporarily halted, expected to continue"; stopped: halted before all administrations occurred; completed: all actions occurred; cancelled: withdrawn before any administration) [V]; the one-year note threshold is this app\'s working rule (prescriptions are usually renewed yearly).',
    'U',
  ),
  addOn: rule(
    'trials.add-on',
    `An agent overlapping an antidepressant trial for >= ${MIN_ADD_ON_OVERLAP_WEEKS} weeks is augmentation (antipsychotic, lithium, liothyronine, other augmentation agent) or combination (another antidepressant).`,
    'Design choice of this app (overlap length); classes as in MGH-S (augmentation/combination count 0.5 each, PMC7392234) [V].',
    'U',
  ),
  baseline: rule(
    'outcome.baseline',
    `Baseline = the last score within ${BASELINE_DAYS_BEFORE} days before the trial start, else the first within ${BASELINE_DAYS_AFTER} days after; compared with the latest score on adequate dose (else the latest during the trial).`,
    'Design choice of this app (windows); response/remission thresholds per scale from FACTS.md §3.1.',
    'U',
  ),
  switchInference: rule(
    'outcome.switch',
    'A trial that ends when another agent of the same purpose starts is a non-response inferred from the switch (lower confidence).',
    'Issue 3 item 5; a common claims-data heuristic, not a validated rule.',
    'U',
  ),
  intolerance: rule(
    'outcome.intolerance',
    'A trial stopped for an adverse event, or whose agent appears in AllergyIntolerance, is an intolerance, not a failure.',
    'ATHF: poor tolerability-driven stops are not counted as adequate failures (FACTS.md §1.2) [S]; EU-PEARL: a drug stopped before week 4 without clear non-response is not a failure (Sforzini 2022) [V].',
    'S',
  ),
  episodeSplit: rule(
    'episodes.remission-split',
    `Within a diagnosed depressive span, a PHQ-9 at remission level followed later by a PHQ-9 >= ${RELAPSE_PHQ9_MIN} ends one episode at the remission score and starts the next at the relapse score.`,
    'Design choice of this app (problem lists often carry one "recurrent MDD" entry for years); remission = PHQ-9 < 5 (FACTS.md §3.1 [S]); relapse level = PHQ-9 moderate band (Kroenke 2001), not from FACTS.md.',
    'U',
  ),
  tdrMdd: rule(
    'resistance.mdd',
    'Treatment-resistant depression: >= 2 failed adequate antidepressant trials in the current episode.',
    'Gaynes et al., Depress Anxiety 2020 (doi 10.1002/da.22968) (FACTS.md §1.1) [V].',
    'V',
  ),
  trs: rule(
    'resistance.schizophrenia',
    'Treatment-resistant schizophrenia (TRRIP): non-response to >= 2 adequate trials of >= 2 different antipsychotics.',
    'Howes et al., AJP 2017;174:216 (PMC6231547), FACTS.md §4.1 [V].',
    'V',
  ),
  trbd: rule(
    'resistance.bipolar-depression',
    'Treatment-resistant bipolar depression: no sustained remission after >= 2 different adequate treatments (guideline-recommended monotherapies or combinations).',
    'Hidalgo-Mazzei et al., BJP 2019 (PMC7613090), FACTS.md §5 [V]; the list of agents treated as guideline monotherapies here is this app\'s (unverified).',
    'V',
  ),
  trOcd: rule(
    'resistance.ocd',
    'Treatment-resistant OCD (working rule): >= 2 failed adequate SRI trials of >= 12 weeks.',
    'SRI duration >= 12 weeks [S] (FACTS.md §5); the "2 SSRIs + clomipramine" rule is unverified.',
    'U',
  ),
  trPtsd: rule(
    'resistance.ptsd',
    'PTSD has no accepted definition of treatment resistance; working rule of this app: >= 2 failed adequate medication trials.',
    'No accepted operational definition [V: Curr Treat Options Psychiatry 2020]; E-TRIP counts adequately delivered failed treatments [V: Dunlop 2014]; the threshold of 2 is this app\'s working rule.',
    'U',
  ),
  thaseRush: rule(
    'staging.thase-rush',
    'Thase-Rush stage 0-5: 0 responds; I one failed adequate trial; II failures in two classes; III + TCA; IV + MAOI; V + bilateral ECT.',
    'Thase & Rush 1997, FACTS.md §2.1 [S].',
    'S',
  ),
  maudsley: rule(
    'staging.maudsley',
    'Maudsley Staging Method: duration (1-3) + severity (1-5) + antidepressant failures (1-5) + augmentation (0-1) + ECT (0-1); 3-6 mild, 7-10 moderate, 11-15 severe.',
    'Fekadu et al., BMC Psychiatry 2018;18:100 Table 3 (PMC5896127), FACTS.md §2.2 [V]. Severity estimated from PHQ-9 bands is this app\'s mapping.',
    'V',
  ),
  mghs: rule(
    'staging.mgh-s',
    'MGH staging: +1 per adequate (>= 6 weeks, adequate dose) non-responsive antidepressant trial, +0.5 per dose optimisation, +0.5 per augmentation/combination, +3 for ECT.',
    'PLoS One 2020, PMC7392234 panel 1, FACTS.md §2.3 [V].',
    'V',
  ),
  flags: rule(
    'flags.pseudo-resistance',
    'Flags for pseudo-resistance or complexity: inadequate dose, too short, poor adherence (trials in the current episode); active substance use, trauma or psychosocial stressors (Z55-Z65), personality disorder, comorbid anxiety.',
    'Issue 3 item 6; DM-TRD adds comorbid anxiety, personality disorder and psychosocial stressors to MSM (Peeters 2016, FACTS.md §2.5) [V].',
    'V',
  ),
} as const;

export const ENGINE_RULES: RuleRef[] = Object.values(R);
