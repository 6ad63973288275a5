/**
 * Episodes and assessments: whether a condition meets its treatment-resistance definition, with flags, stagings and therapy trials.
 */
import type { ConditionKey } from './diagnoses';
import type { PsychotherapyModality } from './history';
import type { Finding, RuleRef } from './rules';
import type { Outcome } from './trials';
import type { Instrument } from './measurements';

/**
 * A psychotherapy course judged as a trial of that therapy, where a resistance definition counts psychotherapy
 * (trauma-focused therapy in PTSD, CBT with exposure and response prevention in OCD).
 */
export interface TherapyTrial {
  modality: PsychotherapyModality;
  display: string;
  start: string;
  end: string | null;
  sessions: number | null;
  adequate: boolean;
  /** "12 sessions (8 needed)", "sessions not recorded; completed course of 20 weeks". */
  adequacyReason: string;
  outcome: Outcome;
  /** "PCL-5 62 → 58 (−7%, 2019-01-02 → 2019-04-20)", or why it could not be measured. */
  outcomeDetail: string;
  /** Adequate and measured as non-response or partial response: a failed trial of the therapy. */
  failed: boolean;
  sources: string[];
}

export interface Episode {
  id: string;
  condition: ConditionKey;
  start: string | null;
  /** null when ongoing; the date of death for an episode open when the patient died. */
  end: string | null;
  /** Covers "as of"; never for a patient who has died. */
  current: boolean;
  /** The episode was open when the patient died: it ends at the date of death ("until death on <date>"). */
  endedAtDeath?: true;
  /**
   * A diagnosis of the episode was closed (resolved, remission, inactive) without an abatement date: `end` is then no
   * day of resolution (an undated one is placed at its onset). Present only then.
   */
  endUndated?: true;
  /** How the episode was delimited ("Condition onset 2024-02-01, no abatement"). */
  basis: string;
  sources: string[];
}

export type FlagKind =
  | 'inadequate-dose'
  /** A trial that responded at a dose below the adequate one: room to optimise, not the pseudo-resistance of a failed trial. */
  | 'response-below-adequate-dose'
  /** Maintenance (lithium) from before the episode, below the acute level: a breakthrough, neither pseudo-resistance nor a dose problem. */
  | 'breakthrough-on-maintenance'
  | 'too-short'
  | 'poor-adherence'
  /** A failed adequate trial of orders only whose orders' supplies cover less than the adherence threshold. */
  | 'adherence-uncertain'
  | 'substance-use'
  | 'trauma-or-stressors'
  | 'personality-disorder'
  | 'comorbid-anxiety';

export interface Flag extends Finding {
  kind: FlagKind;
}

export interface MaudsleyItem {
  item: 'duration' | 'severity' | 'antidepressant-failures' | 'augmentation' | 'ect';
  points: number;
  /** estimated: derived from data with assumptions; missing: no data, scored at its minimum. */
  basis: 'data' | 'estimated' | 'missing';
  explanation: string;
}

/**
 * Whether a condition meets its treatment-resistance definition. `possibly-meets`: the failures the record
 * establishes are too few, but adequate trials whose outcome (or, under TRRIP, adherence) is not recorded would
 * make up the number if they failed; the clinician confirms them (see Assessment.unconfirmedTrials).
 */
export type ResistanceStatus = 'meets' | 'possibly-meets' | 'does-not-meet';

/** An adequate trial that would count as a failure if its outcome were confirmed. */
export interface UnconfirmedTrial {
  trialId: string;
  ingredient: string;
  /** What is missing, from the trial's own outcome: "outcome unknown (ended; PHQ-9 12 on ... but no baseline score ...)", "non-response only inferred from a switch". */
  missing: string;
  /**
   * What to record to decide: "the response to olanzapine (a PANSS or BPRS score, or the clinical notes)". Absent when
   * nothing can be recorded any more (the trial's episode ended at death): the outcome stays as `missing` says.
   */
  confirm?: string;
  /**
   * Present when the trial failed by the definition's outcome rule (non-response on the rating scale) and only its
   * adequacy evidence is missing, in a few words ("no plasma level"): a failed trial whose adequacy is possibly met,
   * counted as such beside the established failures, never as "no failed trial".
   */
  failedPendingAdequacy?: string;
}

export interface Assessment {
  condition: ConditionKey;
  /** meets / possibly meets / does not meet the definition; `treatmentResistant` is `status === 'meets'`. */
  status: ResistanceStatus;
  /**
   * The status in words with the definition it is judged by, as the badge shows it: "Treatment-resistance criteria
   * met: treatment-resistant depression (Gaynes 2020)". It names the criteria, never the diagnosis.
   */
  verdict: string;
  /**
   * The score the verdict's failed trials rest on, when it is older than the monitoring interval and no score of its
   * scale followed: the verdict says so, and every option whose reasons rest on the verdict carries it. Absent otherwise.
   */
  staleBasis?: Finding;
  /** The scale of the stale score above, to repeat before referral (the next step names it). Absent with it. */
  staleBasisInstrument?: Instrument;
  /**
   * Failed trials the verdict counts whose non-response is inferred from a switch, not measured: the verdict says how
   * many, and every option resting on the verdict or the failed trials carries this (with those trials' records).
   * Absent when none is, or when the criteria are not met.
   */
  inferredBasis?: Finding;
  /**
   * Trials of the episode still in progress and not yet adequate (too short so far), which the count above leaves out,
   * with whether the definition is met on the earlier trials alone: "Trial in progress, not counted: haloperidol
   * 10 mg/day since 2026-10-25, 4 weeks: not yet an adequate trial (6 weeks at an adequate dose needed).
   * Treatment-resistant schizophrenia (TRRIP) is met on the earlier trials alone." Absent when no trial is in progress.
   */
  trialsInProgress?: Finding;
  /**
   * The running trial to complete before it can be judged (the first in progress), with what it still needs:
   * "vortioxetine 10 mg/day, 2 more weeks at an adequate dose". Absent when no trial is in progress.
   */
  trialToComplete?: TrialToComplete;
  /** Adequate trials counted apart because their outcome is not established (drive `possibly-meets`). */
  unconfirmedTrials: UnconfirmedTrial[];
  /** Condition resources that establish it. */
  conditionSources: string[];
  currentEpisode: Episode | null;
  /**
   * No current episode, the latest ended (not at death): "PTSD resolved 2017-03-14 (no current episode); sertraline
   * continued (maintenance)", naming the trials still running. A first screen and a note lead with it; its options
   * are not offered. Absent while an episode is current, or when none is recorded.
   */
  resolved?: Finding & {
    /** The day it resolved (the episode's end); null when the record gives none. */
    on: string | null;
  };
  /** Trials counted for this condition in the current episode. */
  trialIds: string[];
  failedAdequateTrials: number;
  failedAdequateTrialIds: string[];
  /**
   * Psychotherapy courses of the episode judged as trials, where the definition counts psychotherapy; a failed one
   * counts as one more treatment (a modality counts once, like an agent).
   */
  therapyTrials: TherapyTrial[];
  /**
   * Psychotherapy given in the episode, one course each, as a summary lists it ("Cognitive processing therapy
   * (trauma-focused), 12 sessions, 2025-01-05 to 2025-04-05, completed"), less a failed course of a therapy the
   * definition counts (said with its outcome among the failures). Absent when none is recorded.
   */
  psychotherapyGiven?: Finding[];
  treatmentResistant: boolean;
  /** The definition applied, with its source and verification tag. */
  definition: RuleRef;
  /** One sentence a clinician reads first. */
  conclusion: string;
  flags: Flag[];
  /** Depression (mdd) only. */
  thaseRush?: number;
  thaseRushBasis?: string;
  maudsley?: { score: number; band: 'mild' | 'moderate' | 'severe'; items: MaudsleyItem[] };
  mghs?: number;
  mghsBasis?: string;
}

/** A running trial not yet adequate only because it is short so far: what completing it takes. */
export interface TrialToComplete {
  trialId: string;
  ingredient: string;
  /** "vortioxetine 10 mg/day, 2 more weeks at an adequate dose" */
  text: string;
  /** Weeks until it can be judged: the longer of the weeks still needed at an adequate dose and in all. */
  weeksToJudge: number;
  sources: string[];
}
