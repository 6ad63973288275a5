/**
 * The catalog of interventional options and pseudo-resistance steps, AS DATA.
 *
 * Each row says when the option fits (eligibility paths, interpreted by the generic evaluator in evaluate.ts),
 * for whom (age limits), what speaks for it (an earlier response), what speaks against it (risk rows: `avoid` and
 * contraindications block the option, high-risk cautions lower it, cautions and notes are listed), its usual course,
 * regulatory status and references. Every source is a row of the reference registry (src/clinical/references) with
 * a verification tag; a rule whose primary source could not be read is tagged 'U' and shown as unverified, and the
 * numbers that are this project's own choices cite the working-rule row.
 */
import { MIN_ADEQUATE_OCD_TRIAL_WEEKS, MIN_ANTIDEPRESSANT_TRIAL_WEEKS, MIN_ANTIPSYCHOTIC_TRIAL_WEEKS } from '../durations';
import type { ReferenceId } from '../references/registry';
import { TRRIP_CPZ_MG_PER_DAY } from '../engine-rules';
import { LITHIUM_TARGET_LEVEL } from '../terminology/dose-tables';
import type {
  ComorbidityKey,
  ConditionKey,
  DrugClass,
  FlagKind,
  Instrument,
  Outcome,
  ProcedureKind,
  PsychotherapyModality,
  Verification,
} from '../types';
import { type ReceivingService, type ReceivingServiceId, receivingService } from './receiving-services';

/** A rule's sources: registry ids, the verification tag, and optionally what in them the rule rests on. */
export interface SourceRef {
  refs: ReferenceId[];
  verification: Verification;
  /** The part of the sources the rule uses ("section 8.1", "boxed warning"); plain words, no internal ids. */
  detail?: string;
  /**
   * What the rule adds where its sources are silent ("monitoring schedule"): cited as a local working rule after what
   * the sources say, so the marker never falls on the sources' own words.
   */
  local?: string;
}

/** Shorthand for a SourceRef. */
export const src = (refs: ReferenceId[], verification: Verification, detail?: string): SourceRef =>
  detail === undefined ? { refs, verification } : { refs, verification, detail };

/** A working rule of this project where the sources are silent: always unverified. */
export const WORKING = (detail: string, refs: ReferenceId[] = []): SourceRef => src([...refs, 'projectWorkingRule'], 'U', detail);

/** A rule resting on what its sources say (`said`) with a part of this project's own (`local`): unverified as a whole. */
export const SAID_WITH_LOCAL = (refs: ReferenceId[], said: string, local: string): SourceRef => ({
  refs: [...refs, 'projectWorkingRule'],
  verification: 'U',
  detail: said,
  local,
});

/** The lithium target level in words, from the level table. */
const LITHIUM_TARGET_WORDS = `${LITHIUM_TARGET_LEVEL.min.toFixed(1)}–${LITHIUM_TARGET_LEVEL.max.toFixed(1)} ${LITHIUM_TARGET_LEVEL.unit}`;

/**
 * How an option fits beside another offered one while an agent is taken now, given the agent's last level in words
 * ("last level 0.7 mmol/L on 2026-08-08"): on screen before the choice (`text`), and as the plan writes it with the
 * other option chosen too (`together`) or not (`apart`).
 */
export interface AlongsideRow<Id extends string = string> {
  option: Id;
  whenTaking: string[];
  text: (level: string) => string;
  together: (level: string) => string;
  apart: (level: string) => string;
  source: SourceRef;
}

/**
 * Signals that make a referral urgent. suicidal-ideation: coded suicidal ideation or behaviour, or a high-risk
 * C-SSRS (the Spravato indication's "acute suicidal ideation or behavior"; the ECT order's "rapid response due to the
 * severity of the condition"). unassessed-positive-screen: a recent positive PHQ-9 item 9 with no risk assessment
 * since; no indication by itself (a screen, not ideation), and no urgency for an option (URGENCY_SIGNAL_RULES).
 */
export type UrgencySignal = 'suicidal-ideation' | 'unassessed-positive-screen' | 'catatonia' | 'psychotic-features';

/**
 * Which signals make an offered option (and its referral) urgent, each with its source. An unassessed positive
 * screen makes the risk assessment urgent (the safety strip's action), not a referral: item 9 is a screen, not an
 * indication, and the sources of urgency (the ECT order's severity, the Spravato indication) speak of assessed risk.
 */
export const URGENCY_SIGNAL_RULES: Record<UrgencySignal, { urgentOption: boolean; source: SourceRef }> = {
  'suicidal-ideation': { urgentOption: true, source: src(['fdaEct2018', 'spravatoLabel', 'posner2011'], 'S', 'rapid response due to severity; acute suicidal ideation or behaviour; C-SSRS high risk') },
  'unassessed-positive-screen': {
    urgentOption: false,
    source: SAID_WITH_LOCAL(['jointCommission2018', 'posner2011'], 'a positive screen needs a risk assessment before care goes on', 'no urgency to an option until the assessment finds high risk'),
  },
  catatonia: { urgentOption: true, source: src(['fdaEct2018', 'apaEct2001'], 'S', 'catatonia: rapid response due to severity') },
  'psychotic-features': { urgentOption: true, source: src(['fdaEct2018', 'apaEct2001'], 'S', 'psychotic depression: rapid response due to severity') },
};

/**
 * An offered option whose rule does not name the acute suicide risk is not urgent and says so beside it: a course of
 * weeks does not answer that risk, which asks for a same-day assessment and the options labelled for it.
 */
export const NOT_FOR_ACUTE_RISK: SourceRef = SAID_WITH_LOCAL(
  ['fdaEct2018', 'spravatoLabel', 'posner2011'],
  'acute suicidal ideation with intent or plan needs a same-day safety assessment and plan, ECT answers a need for a rapid response due to severity, and esketamine is labelled for acute suicidal ideation or behaviour',
  'other options as routine referrals',
);

/** One condition of an eligibility path. Each is checked by a small function in evaluate.ts. */
export type Criterion =
  /** The engine assessed one of these conditions for this patient. */
  | { kind: 'assessed'; conditions: ConditionKey[] }
  /** At least `min` (and at most `max`) failed adequate trials in the current episode of one of the conditions; intolerances count when `orIntolerance`. */
  | { kind: 'failed-adequate-trials'; conditions: ConditionKey[]; min: number; max?: number; orIntolerance?: boolean }
  /** The engine concluded treatment resistance for one of the conditions (its own cited definition). */
  | { kind: 'treatment-resistant'; conditions: ConditionKey[] }
  /** Chronic (current episode longer than `chronicDays`) or recurrent (recurrent-episode code, or an earlier episode). */
  | { kind: 'chronic-or-recurrent'; conditions: ConditionKey[]; chronicDays: number }
  /** An active diagnosis of one of these kinds. */
  | { kind: 'diagnosis'; kinds: ComorbidityKey[] }
  /** One of the urgency signals is present. */
  | { kind: 'urgent'; signals: UrgencySignal[] }
  /** One of these pseudo-resistance / complexity flags is raised on an assessment. */
  /** `advice`, when given, follows each flag's findings (its words after the flag's name) as what to do about them. */
  | { kind: 'flag'; flags: FlagKind[]; advice?: string }
  /**
   * A trial flagged with one of these shortfalls that can still be optimised: it did not respond and was tolerated,
   * and it is either running now, or past while the condition's treatment resistance is not established.
   */
  /**
   * retryResponders: a past trial that responded below the adequate dose is to retry at an adequate dose, either while
   * treatment resistance is not established ('before-resistance') or only once it is ('once-resistant').
   */
  | { kind: 'optimisable-trials'; flags: FlagKind[]; conditions: ConditionKey[]; retryResponders?: RetryResponders }
  /** At least `min` trials (any condition) that failed (non-response, partial response) or were not tolerated. */
  | { kind: 'failed-or-intolerant-trials'; min: number }
  /** A trial of `ingredient` that failed (non-response or partial response). */
  | { kind: 'ingredient-failed'; ingredient: string }
  /** No trial of `ingredient` yet (so it is still an option to start). */
  | { kind: 'no-trial-of'; ingredient: string }
  /** An earlier course of one of these procedures, or a trial of one of these agents, that brought response or remission. */
  | { kind: 'prior-response'; procedures: ProcedureKind[]; ingredients: string[] }
  /**
   * Substance use or an overdose as the safety strip's substance-use item finds it, tobacco alone aside: a current coded
   * substance use disorder, or detox stays and overdoses of drugs of abuse (with opioid orders beside them); with
   * `past`, a disorder no longer active. Its findings name the medication treatment of each substance found
   * (SUBSTANCE_TREATMENTS).
   */
  | { kind: 'substance-use'; past?: true };

/** A substance whose use disorder has a medication treatment the substance-use option names. */
export type TreatedSubstance = 'opioid' | 'alcohol';

export interface SubstanceTreatmentRow {
  id: string;
  substance: TreatedSubstance;
  /** The disorder and its treatment, as the option's reason says it after "For ". */
  words: string;
  source: SourceRef;
}

/**
 * The medication treatment of each substance use disorder the substance-use option names, with its guideline: opioids
 * (a coded opioid use disorder, or opioid orders beside overdoses or detox stays: probable opioid use disorder) and
 * alcohol.
 */
export const SUBSTANCE_TREATMENTS: readonly SubstanceTreatmentRow[] = [
  {
    id: 'substance-use.opioid-medication',
    substance: 'opioid',
    words: 'opioid use disorder: buprenorphine or methadone, and naloxone to take home for the patient and family',
    source: src(
      ['asamOud2020', 'samhsaTip63'],
      'S',
      'methadone, buprenorphine and naltrexone are the approved medications for opioid use disorder; naloxone prescribed to patients treated for opioid use disorder and to their families',
    ),
  },
  {
    id: 'substance-use.alcohol-medication',
    substance: 'alcohol',
    words: 'alcohol use disorder: naltrexone or acamprosate, with a psychological intervention (after assisted withdrawal where dependence is moderate or severe)',
    source: src(
      ['apaAud2018', 'niceCg115'],
      'S',
      'naltrexone or acamprosate offered in moderate to severe alcohol use disorder; after assisted withdrawal, acamprosate or oral naltrexone with an individual psychological intervention',
    ),
  },
];

/** Every condition the app assesses: the second disorder that integrated dual-diagnosis treatment needs. */
const ASSESSED_DISORDERS: ConditionKey[] = ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'];

/**
 * What a running trial short of adequacy means once the condition already meets its treatment-resistance criteria on
 * earlier trials, one row per condition (while resistance is not met, the running trial is always completed first):
 * - `complete-first`: the running trial is completed and judged before any interventional option, which waits on it
 *   ("consider", eligible if the trial fails); the headline is to complete it, saying what waits on it.
 * - `refer-while-completing`: the referrals stay suggested (their waiting lists are long), each carrying the gating
 *   line; the headline is to complete the trial and judge it before starting them.
 * - `not-gated`: the running trial does not hold the next step back.
 */
export type RunningTrialPolicy = 'complete-first' | 'refer-while-completing' | 'not-gated';

export interface RunningTrialOnceResistantRow {
  condition: ConditionKey;
  policy: RunningTrialPolicy;
  /** Why, in words a clinician reads beside the headline and the options. */
  why: string;
  source: SourceRef;
  /** What the headline says after "Complete the current trial: …;": what waits on it, and why (complete-first). */
  headline?: string;
  /** What a waiting option's line says after "Eligible if the <agent> trial fails:" (complete-first); absent, `why`. */
  gate?: string;
  /** Options the running trial does not gate: a test that informs the next choice is done while the trial runs. */
  notGating?: readonly string[];
}

/** Each policy in the rules panel's words. */
export const RUNNING_TRIAL_POLICY_WORDS: Record<RunningTrialPolicy, string> = {
  'complete-first': 'the running trial is completed and judged first; the interventional options wait on it ("consider", eligible if the trial fails) and the headline is to complete it',
  'refer-while-completing': 'the referrals stay suggested, each saying it starts only once the running trial is judged; the headline is to complete that trial and judge it before starting them',
  'not-gated': 'the running trial does not hold the next step back',
};

/** The gating line a referral made while the running trial finishes carries, before the trial's words. */
export const REFER_NOW_START_AFTER = 'Refer now; start once the current trial is judged';

const REFER_WHILE_COMPLETING: Omit<RunningTrialOnceResistantRow, 'condition'> = {
  policy: 'refer-while-completing',
  why: 'referral waiting lists are long, and judging the running trial first shows which treatment helped',
  source: WORKING('referring while the running trial finishes, and starting the referred treatment once that trial is judged at an adequate dose and duration', ['gaynes2020']),
  notGating: ['pharmacogenomic-testing'],
};

export const RUNNING_TRIAL_ONCE_RESISTANT: Readonly<Record<ConditionKey, RunningTrialOnceResistantRow>> = {
  mdd: { condition: 'mdd', ...REFER_WHILE_COMPLETING },
  'bipolar-depression': { condition: 'bipolar-depression', ...REFER_WHILE_COMPLETING },
  ocd: {
    condition: 'ocd',
    policy: 'complete-first',
    why: 'in OCD the running SRI trial is itself the next step and is judged only after 12 weeks, so deep TMS and augmentation wait for it',
    headline: 'no neuromodulation or augmentation before it is judged: in OCD the running SRI trial is itself the next step, judged after 12 weeks; ERP alongside the SRI need not wait for it',
    gate: 'in OCD the running SRI trial is judged first, after 12 weeks in all',
    source: WORKING('in OCD a running SRI trial is completed and judged before augmentation or deep TMS, even once earlier SRI trials have failed', ['apaOcd2007']),
  },
  ptsd: {
    condition: 'ptsd',
    policy: 'complete-first',
    why: 'there is no interventional option for PTSD to refer to here, so the running medication trial is completed and judged, and trauma-focused psychotherapy reviewed, before the next step',
    headline: 'no referral is suggested: there is no interventional option for PTSD here; the running trial is judged, and trauma-focused psychotherapy reviewed, first',
    source: WORKING('trauma-focused psychotherapy and SSRIs or venlafaxine are the recommended treatments for PTSD; completing the running trial first once the working-rule resistance is met is a working rule', ['vaDodPtsd2023']),
  },
  schizophrenia: {
    condition: 'schizophrenia',
    policy: 'not-gated',
    why: 'once resistance is established (TRRIP), clozapine is not delayed for the running antipsychotic, which is switched by cross-titration',
    source: WORKING('clozapine after non-response to adequate trials of at least 2 antipsychotics (NICE CG178 1.5.7.2; Howes 2017); not waiting for a further running trial is a working rule', ['niceCg178', 'howes2017']),
  },
};

/**
 * A referral resting on failed trials judged by a score older than the monitoring interval, with none of that scale
 * since (the assessment's stale basis): the scale is repeated first, as the next step when such a referral leads, and
 * each such referral says it follows, beside its status.
 */
export const REMEASURE_BEFORE_REFERRAL: {
  id: string;
  summary: string;
  /** Said beside the status of each referral that waits on it. */
  after: string;
  /** The scale to repeat, where the headline names more than its name: the PHQ-9 with its suicidality item. */
  scaleWords: Partial<Record<Instrument, string>>;
  source: SourceRef;
} = {
  id: 'suggest.remeasure-before-referral',
  summary:
    'When the failed trials behind a referral rest on a score older than the monitoring interval, with none of that scale since, re-measuring (the PHQ-9 with item 9, for depression) is the next step, and each such referral is said to come after re-measuring.',
  after: 'after re-measuring',
  scaleWords: { phq9: 'PHQ-9 with item 9' },
  source: WORKING('a completed PHQ-9 in each four-month period of depression care; re-measuring before a referral that rests on an older score is a working rule', ['mncmPhq9Utilization']),
};

/** The criteria whose verdict rests on failed trials: an option meeting one names the trials still in progress beside it. */
export const FAILED_TRIAL_CRITERIA: ReadonlySet<Criterion['kind']> = new Set<Criterion['kind']>([
  'failed-adequate-trials',
  'treatment-resistant',
  'failed-or-intolerant-trials',
  'ingredient-failed',
]);

/** All criteria must hold; the first path that holds gives the status. */
/** Which past responders below an adequate dose dose optimisation retries: before resistance is established, or only after. */
export type RetryResponders = 'before-resistance' | 'once-resistant';

export interface EligibilityPath {
  status: 'suggested' | 'consider';
  all: Criterion[];
  /** The rule this path applies, as shown in the rules panel. */
  rule: { id: string; summary: string; source: SourceRef };
  /**
   * The path holds on failures the record establishes only: a trial not yet judged (no score to judge it) does not
   * make it "consider — confirm", and the option says why (a rules-list row of its own).
   */
  establishedFailures?: { id: string; summary: string; source: SourceRef };
}

export type RiskMatch =
  | {
      kind: 'diagnosis';
      kinds: ComorbidityKey[];
      /** Only when the diagnosis began within this many days (a current pregnancy, a recent infarction); older ones are history. */
      maxAgeDays?: number;
    }
  | { kind: 'procedure'; kinds: ProcedureKind[] }
  /** The latest blood pressure in the last `withinDays` days above systolic or diastolic. */
  | { kind: 'blood-pressure-above'; systolic: number; diastolic: number; withinDays: number }
  /** The engine assessed one of these conditions (e.g. schizophrenia as psychosis). */
  | { kind: 'assessed'; conditions: ConditionKey[] }
  /** A medication trial of one of these ingredients ended with one of these outcomes. */
  | { kind: 'prior-trial'; ingredients: string[]; outcomes: Outcome[] }
  /** A medication taken now (an ongoing trial) of one of these ingredients or classes. */
  | { kind: 'current-medication'; ingredients?: string[]; classes?: DrugClass[] }
  /** An earlier course of one of these procedures whose outcome is not recorded (a recorded response is a reason in favour instead). */
  | { kind: 'procedure-outcome-unknown'; kinds: ProcedureKind[] }
  /** Substance use: a coded substance use disorder (active or past), or detox stays, overdoses and opioid orders that show it. */
  | {
      kind: 'substance-use';
      /** Only where one of these conditions is assessed (a caution that belongs to the option's own indication). */
      conditions?: ConditionKey[];
    };

/**
 * avoid: a label or guideline says "should not be used", "not recommended" or "avoid": the option is not offered
 * (status `contraindicated`, never suggested or urgent). contraindication: the same, stated as a contraindication.
 * high-risk: listed, and a suggestion is lowered to `consider` (weigh with anaesthesia/cardiology). caution: listed.
 * note: listed to reassure or to ask for a check ("pregnancy is not a contraindication for ECT").
 */
export type RiskSeverity = 'avoid' | 'contraindication' | 'high-risk' | 'caution' | 'note';

/**
 * How much a caution weighs for safety: an option's cautions are listed heaviest first (monitoring the label makes
 * mandatory, then risks that can kill, then serious ones, then interactions to manage), in catalog order within a
 * weight. A row without a weight is 'serious'.
 */
export type CautionWeight = 'mandatory-monitoring' | 'life-threatening' | 'serious' | 'interaction';
export const CAUTION_WEIGHT_RANK: Record<CautionWeight, number> = {
  'mandatory-monitoring': 0,
  'life-threatening': 1,
  serious: 2,
  interaction: 3,
};

/** A statement that always accompanies an option (REMS requirement, monitoring), with its weight among the cautions. */
export interface Requirement {
  text: string;
  source: SourceRef;
  /** Absent: 'serious'. */
  weight?: CautionWeight;
  /** A baseline check to make before the option starts: listed first, under "Before starting". */
  beforeStarting?: true;
}

export interface RiskRow {
  id: string;
  match: RiskMatch;
  severity: RiskSeverity;
  /** Plain words, shown after what was found ("Cochlear implant (2019-03-01): ..."). */
  text: string;
  source: SourceRef;
  /** Where its caution stands among the option's cautions (absent: 'serious'). */
  weight?: CautionWeight;
  /**
   * For a dated event with a window (`maxAgeDays`): what to say about an older one, which is history only
   * ("not recent: history only"). Without it, older events are silently out of the rule.
   */
  historyText?: string;
  /**
   * The condition in a few words when its source counts it among the conditions of substantial risk for the option
   * ("intracerebral haemorrhage"): found, it ranks the option after an equally offered one without such a risk
   * (order.ts). Every high-risk row marks substantial risk too, named by these words or as a high-risk condition.
   */
  substantialRisk?: string;
  /**
   * Every high-risk row: what must come first, in clinical words, headed by the condition ("Implant in or near the
   * head: ECT only after the implant team and the device maker are consulted"). It is the reason the option is one to
   * consider rather than suggested, and points at the row's "High risk" line.
   */
  onlyAfter?: string;
}

/** An age limit of an option, from its label or clearance. */
export interface AgeLimit {
  /** Youngest age in whole years (inclusive). */
  min: number;
  /** Oldest age in whole years (inclusive), when the clearance states one. */
  max?: number;
  /** 'consider' caps the status (an adjunct-only or narrower clearance); absent: the option's own status stands. */
  status?: 'consider';
  /** Plain words: "adults (18 and over)". */
  text: string;
  source: SourceRef;
}

export type RegulatoryKind =
  | 'fda-cleared-device'
  | 'fda-approved-drug'
  | 'fda-approved-device'
  | 'off-label'
  | 'investigational'
  | 'not-a-product';

export interface Regulatory {
  kind: RegulatoryKind;
  text: string;
  /** Dates as the sources give them. */
  dates: string[];
  source: SourceRef;
}

export interface OptionCode {
  system: string;
  code: string;
  display: string;
  verification: Verification;
}

export type OptionGroup = 'interventional' | 'pseudo-resistance';

/** One option; `Id` is the row's own id literal, from which InterventionId is derived (see CATALOG). */
interface CatalogRow<Id extends string> {
  id: Id;
  name: string;
  /** What it is, in one line. */
  summary: string;
  group: OptionGroup;
  /** Conditions the option is for; for a patient with none of them (and no path holding) it is "not applicable". */
  indications: ConditionKey[];
  /** Evaluated in order; the first path whose criteria all hold gives the status. */
  eligibility: EligibilityPath[];
  /** Why it is not eligible when no path holds, in plain words (the evaluator adds what the record shows). */
  notEligibleText: string;
  /** Age limits; the first that holds applies. Empty: no age limit stated by the sources. */
  ageLimits: AgeLimit[];
  /** An earlier response to this treatment is a reason in favour (shown with the reasons, never as a caution). */
  priorResponse?: { procedures: ProcedureKind[]; ingredients: string[]; source: SourceRef };
  risks: RiskRow[];
  /** Statements that always accompany the option (REMS requirements, monitoring, investigational status). */
  requirements: Requirement[];
  /** The urgency signals this option carries. Empty: never urgent. */
  urgentFor: UrgencySignal[];
  usualCourse: string;
  regulatory: Regulatory;
  references: SourceRef[];
  /** A ServiceRequest "Referral to psychiatry service" is written for it. */
  referral: boolean;
  /** The receiving service the option is referred to unless the clinician picks another. */
  service: ReceivingServiceId;
  /** A verified code for the activity; null = text only (ECT and rTMS SNOMED codes are unverified). */
  code: OptionCode | null;
  /** Psychotherapy modalities that are this option: when the record shows one given, it is reported as given, not suggested. */
  givenAs?: PsychotherapyModality[];
  /**
   * What a completed course of this option leaves to consider, with the rule behind it: another of its kind (`kind`, "a
   * different trauma-focused therapy"), named from `alternatives` less the one given (each recognised in the given
   * course's name by `match`); or the same treatment in another format, said as `text` ("intensified ERP ..."), with
   * the name, description and usual course of that format (`proposed`), which every card, note, plan and referral
   * then uses in place of the option's own.
   */
  afterGiven?:
    | { kind: string; alternatives: readonly { name: string; match: RegExp }[]; source: SourceRef }
    | { text: string; proposed?: { name: string; summary: string; usualCourse: string }; source: SourceRef };
  /**
   * What this option says when another is offered too and one of these agents is taken now: how the two fit together
   * (optimising lithium beside ECT, whose course lowers or holds it). Shown with the reasons.
   */
  alongside?: AlongsideRow<Id>[];
  /**
   * An option that adds to an agent taken now (augmentation of the SRI): its reasons name that agent; while the agent's
   * trial runs short of adequacy the option waits for it ("consider" until the trial is judged or the agent is not
   * continued); with none taken now it says so and is at most "consider".
   */
  augments?: { agent: string; ingredients: string[]; classes: DrugClass[]; source: SourceRef };
  /**
   * An option that replaces an agent of these classes taken now, and how the switch is made: the headline names it
   * after the option ("Clozapine (suggested): switch from haloperidol by cross-titration").
   */
  switchFrom?: { classes: DrugClass[]; how: string; source: SourceRef };
}

// ---------------------------------------------------------------------------------------------
// Windows of "current" and "recent" (days), each with its source
// ---------------------------------------------------------------------------------------------

/** A pregnancy diagnosis counts as current for 42 weeks from its onset (a term pregnancy; later ones need a new code). */
export const PREGNANCY_CURRENT_WEEKS = 42;
export const PREGNANCY_CURRENT_DAYS = PREGNANCY_CURRENT_WEEKS * 7;
/** A myocardial infarction is recent for 60 days (ACC/AHA 2014: wait at least 60 days before elective noncardiac surgery). */
export const RECENT_MI_DAYS = 60;
/** A stroke is recent for 9 months (Jørgensen 2014: risk under anaesthesia stays raised for about 9 months). */
export const RECENT_STROKE_DAYS = 274;
/** Coded suicidal ideation or behaviour, or a C-SSRS, counts as acute for 30 days from its date (working rule). */
export const RECENT_SUICIDAL_IDEATION_DAYS = 30;

const PREGNANCY_WINDOW = WORKING(`a pregnancy code is current for ${PREGNANCY_CURRENT_WEEKS} weeks from its onset unless a later record ends it`);

export const WINDOW_SOURCES = {
  pregnancy: PREGNANCY_WINDOW,
  mi: src(['fleisher2014'], 'S', 'at least 60 days after a myocardial infarction before elective noncardiac surgery'),
  stroke: src(['jorgensen2014'], 'S', 'risk of adverse events under anaesthesia raised for about 9 months after an ischaemic stroke'),
  suicidal: WORKING('coded suicidal ideation or behaviour, or a C-SSRS, counts as acute for 30 days'),
} as const;

// ---------------------------------------------------------------------------------------------
// Shared sources and risk rows
// ---------------------------------------------------------------------------------------------

const TMS_SAFETY = src(['rossi2021'], 'S', 'IFCN safety guidelines: implants, seizure risk');

/** Clomipramine's label warnings, read in copies of the US prescribing information and the UK SmPC. */
export const CLOMIPRAMINE_LABEL = src(
  ['anafranilLabel', 'anafranilSmpc'],
  'S',
  'warnings: seizures (dose-related), cardiovascular effects, overdosage; SmPC 4.4 and 4.5: QTc prolongation with drugs that prolong the QT interval',
);

/** Clomipramine taken now under an option that lowers the seizure threshold too (TMS, ECT). */
const CLOMIPRAMINE_SEIZURE_THRESHOLD: Omit<RiskRow, 'id'> = {
  match: { kind: 'current-medication', ingredients: ['clomipramine'] },
  severity: 'caution',
  weight: 'life-threatening',
  text: 'clomipramine lowers the seizure threshold (seizures are dose-related in its label): tell the treating team the dose, keep it at the lowest effective dose through the course',
  source: src(['anafranilLabel', 'rossi2021'], 'S', 'seizures (warnings); tricyclics among the drugs that lower the seizure threshold under TMS'),
};

/** Conductive or ferromagnetic implants in or near the head, and implanted stimulators. */
const TMS_RISKS: RiskRow[] = [
  {
    id: 'tms.contra.head-implant',
    match: { kind: 'diagnosis', kinds: ['head-implant'] },
    severity: 'contraindication',
    text: 'conductive, ferromagnetic or magnetically sensitive implant in or near the head (cochlear implant, aneurysm clips or coils, stents, stimulators) contraindicates TMS',
    source: TMS_SAFETY,
  },
  {
    id: 'tms.contra.implanted-stimulator',
    match: { kind: 'procedure', kinds: ['vns', 'dbs'] },
    severity: 'contraindication',
    text: 'an implanted deep-brain or vagus nerve stimulator contraindicates TMS (the 2021 IFCN update considers some feasible with precautions; device labels not updated)',
    source: TMS_SAFETY,
  },
  {
    id: 'tms.high-risk.cardiac-device',
    match: { kind: 'diagnosis', kinds: ['cardiac-device'] },
    severity: 'high-risk',
    onlyAfter: 'Cardiac device: TMS only after the TMS provider and cardiology have planned it',
    text: 'intracardiac electrodes or an implanted defibrillator/pacemaker are listed among TMS contraindications and cautions: plan with the TMS provider and cardiology',
    source: TMS_SAFETY,
  },
  {
    id: 'tms.high-risk.raised-icp',
    match: { kind: 'diagnosis', kinds: ['raised-intracranial-pressure'] },
    severity: 'high-risk',
    onlyAfter: 'Raised intracranial pressure: TMS only after the TMS provider and neurology have weighed it',
    text: 'raised intracranial pressure is listed among TMS contraindications and cautions',
    source: TMS_SAFETY,
  },
  {
    id: 'tms.caution.epilepsy',
    match: { kind: 'diagnosis', kinds: ['epilepsy'] },
    severity: 'caution',
    text: 'seizure history raises the seizure risk of TMS',
    source: TMS_SAFETY,
  },
  {
    id: 'tms.note.prior-course',
    match: { kind: 'procedure-outcome-unknown', kinds: ['tms'] },
    severity: 'note',
    text: 'a previous TMS course is recorded without its outcome: record its response (Medicare covers retreatment after a prior response above 50%)',
    source: src(['cmsLcdL37086'], 'S'),
  },
  { id: 'tms.caution.clomipramine', ...CLOMIPRAMINE_SEIZURE_THRESHOLD },
  {
    id: 'tms.note.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: PREGNANCY_CURRENT_DAYS },
    severity: 'note',
    text: 'pregnancy is not a contraindication for TMS; its safety data are few (reports of 67 births after TMS in every trimester found no serious event for mother or baby), and it avoids fetal drug exposure and anaesthesia: plan it with obstetric care',
    source: src(['pridmore2021'], 'S', 'review of TMS during pregnancy: 10 reports, 67 births, no serious event'),
  },
];

const ECT_APA = src(['apaEct2001'], 'S', 'no absolute contraindications; conditions of substantial risk');

/**
 * An implant in or near the head under ECT: the cochlear-implant makers contraindicate ECT (induced current, tissue or
 * device damage); the few reports of ECT in implant users planned it with the implant team. Shared with the safety
 * strip, which names the implant beside both neuromodulation options.
 */
export const ECT_HEAD_IMPLANT = {
  text: 'the cochlear-implant makers contraindicate ECT (tissue or implant damage from the induced current); for this or any active implant in or near the head, ECT only with the implant team and the device maker consulted first, with the ECT service and the anaesthetist (external processor off and removed, electrode placement planned away from the implant)',
  source: src(
    ['ectCochlearImplant2025', 'rivas2011'],
    'S',
    'manufacturers contraindicate ECT in cochlear implant users, as these reports state; the reported courses were planned with a multidisciplinary team',
  ),
} as const;

const ECT_RISKS: RiskRow[] = [
  {
    id: 'ect.caution.clomipramine',
    ...CLOMIPRAMINE_SEIZURE_THRESHOLD,
    text: 'clomipramine taken with ECT: its label says giving the two together may increase the risks, so only where the combination is needed; tell the ECT service and the anaesthetist the dose',
    source: src(['anafranilLabel'], 'S', 'precautions: electroconvulsive therapy'),
  },
  {
    id: 'ect.high-risk.head-implant',
    match: { kind: 'diagnosis', kinds: ['head-implant'] },
    severity: 'high-risk',
    substantialRisk: 'implant in or near the head',
    onlyAfter: 'Implant in or near the head: ECT only after the implant team and the device maker are consulted',
    text: ECT_HEAD_IMPLANT.text,
    source: ECT_HEAD_IMPLANT.source,
  },
  {
    id: 'ect.high-risk.raised-icp',
    match: { kind: 'diagnosis', kinds: ['raised-intracranial-pressure'] },
    severity: 'high-risk',
    onlyAfter: 'Raised intracranial pressure or a space-occupying lesion: ECT only after an anaesthetic and neurology assessment',
    text: 'space-occupying lesion or raised intracranial pressure makes ECT high-risk (no absolute contraindication)',
    source: ECT_APA,
  },
  {
    id: 'ect.high-risk.recent-mi',
    match: { kind: 'diagnosis', kinds: ['recent-myocardial-infarction'], maxAgeDays: RECENT_MI_DAYS },
    severity: 'high-risk',
    onlyAfter: 'Recent myocardial infarction: ECT only after an anaesthetic and cardiology assessment',
    text: `a myocardial infarction within the last ${RECENT_MI_DAYS} days makes ECT high-risk (APA task force; window from ACC/AHA 2014)`,
    source: src(['apaEct2001', 'fleisher2014'], 'S', 'recent myocardial infarction is a condition of substantial risk; recent = within 60 days'),
    historyText: `older than ${RECENT_MI_DAYS} days: a history of myocardial infarction, not a recent one; ask the anaesthetist to review the cardiac state`,
  },
  {
    id: 'ect.high-risk.recent-stroke',
    match: { kind: 'diagnosis', kinds: ['recent-stroke'], maxAgeDays: RECENT_STROKE_DAYS },
    severity: 'high-risk',
    onlyAfter: 'Recent stroke: ECT only after an anaesthetic and neurology assessment',
    text: `a stroke within the last 9 months makes ECT high-risk (APA task force; window from Jørgensen 2014)`,
    source: src(['apaEct2001', 'jorgensen2014'], 'S', 'recent stroke is a condition of substantial risk; recent = within 9 months'),
    historyText: 'older than 9 months: a history of stroke, not a recent one',
  },
  {
    id: 'ect.high-risk.aneurysm',
    match: { kind: 'diagnosis', kinds: ['aneurysm-or-avm'] },
    severity: 'high-risk',
    onlyAfter: 'Aneurysm or arteriovenous malformation: ECT only after an anaesthetic and neurosurgical assessment',
    text: 'an unstable or bleeding aneurysm or arteriovenous malformation makes ECT high-risk',
    source: ECT_APA,
  },
  {
    id: 'ect.caution.intracerebral-haemorrhage',
    match: { kind: 'diagnosis', kinds: ['intracerebral-haemorrhage'] },
    severity: 'caution',
    substantialRisk: 'intracerebral haemorrhage',
    text: 'the seizure raises blood pressure and intracranial pressure for a few minutes: ECT needs an anaesthetic and medical (neurology) assessment first, with blood pressure controlled through each treatment',
    source: SAID_WITH_LOCAL(['apaEct2001'], 'bleeding or unstable vascular malformations and raised intracranial pressure are conditions of substantial risk for ECT', 'a past haemorrhage treated as needing the same assessment'),
  },
  {
    id: 'ect.caution.hypertension',
    match: { kind: 'diagnosis', kinds: ['hypertension'] },
    severity: 'caution',
    text: 'ECT raises blood pressure transiently with each seizure: check it is controlled before the course and plan its control with the anaesthetist',
    source: SAID_WITH_LOCAL(['apaEct2001'], 'the transient rise in blood pressure with each treatment and the pre-ECT medical evaluation', 'checking control before the course'),
  },
  {
    id: 'ect.note.prior-course',
    match: { kind: 'procedure-outcome-unknown', kinds: ['ect'] },
    severity: 'note',
    text: 'a previous ECT course is recorded without its outcome: record its response and side effects before repeating it',
    source: WORKING('an earlier course without a recorded outcome is shown for review'),
  },
  {
    id: 'ect.note.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: PREGNANCY_CURRENT_DAYS },
    severity: 'note',
    text: 'pregnancy is not a contraindication for ECT; plan it with obstetric care',
    source: ECT_APA,
  },
  {
    id: 'ect.caution.lithium',
    match: { kind: 'current-medication', ingredients: ['lithium'] },
    severity: 'caution',
    text: 'lithium during ECT is associated with delirium and prolonged seizures: lower or hold it for the course, with the ECT team, and plan when to restart it after the course',
    source: src(['apaEct2001'], 'S', 'medications during ECT: lithium'),
  },
  {
    id: 'ect.caution.benzodiazepine',
    match: { kind: 'current-medication', ingredients: ['lorazepam', 'clonazepam', 'alprazolam', 'diazepam', 'oxazepam', 'temazepam', 'chlordiazepoxide'] },
    severity: 'caution',
    text: 'benzodiazepines raise the seizure threshold and can make ECT less effective: taper or hold them where possible, with the ECT team',
    source: src(['apaEct2001'], 'S', 'medications during ECT: anticonvulsant effect of benzodiazepines'),
  },
  {
    id: 'ect.note.maoi-anaesthesia',
    match: { kind: 'current-medication', classes: ['maoi'] },
    severity: 'note',
    text: 'an MAOI is taken now: tell the anaesthetist (hypertensive reactions with pressor agents; pethidine/meperidine and other serotonergic drugs are contraindicated with MAOIs); ECT itself is not contraindicated',
    source: src(['parnateLabel', 'apaEct2001'], 'S', 'MAOI interactions; anaesthesia planning'),
  },
];

const SPRAVATO = (detail: string, verification: Verification = 'S'): SourceRef => src(['spravatoLabel'], verification, detail);
const MAOI_BLOCK = SAID_WITH_LOCAL(
  ['spravatoLabel', 'parnateLabel'],
  'close blood-pressure monitoring with MAOIs (hypertensive crisis risk with an irreversible MAOI)',
  'not offering it while an MAOI is taken',
);

const ESKETAMINE_RISKS: RiskRow[] = [
  {
    id: 'esketamine.avoid.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: PREGNANCY_CURRENT_DAYS },
    severity: 'avoid',
    text: 'esketamine is not recommended in pregnancy (may cause fetal harm; label section 8.1 and Medication Guide)',
    source: SPRAVATO('use in specific populations: pregnancy (8.1)', 'V'),
  },
  {
    id: 'esketamine.avoid.breastfeeding',
    match: { kind: 'diagnosis', kinds: ['breastfeeding'] },
    severity: 'avoid',
    text: 'breastfeeding is not recommended during esketamine treatment (label section 8.2)',
    source: SPRAVATO('use in specific populations: lactation (8.2)', 'V'),
  },
  {
    id: 'esketamine.avoid.maoi',
    match: { kind: 'current-medication', classes: ['maoi'] },
    severity: 'avoid',
    text: 'an MAOI is taken now: esketamine raises blood pressure and MAOIs add to it (label: monitor closely); not offered until the MAOI is reviewed',
    source: MAOI_BLOCK,
  },
  {
    id: 'esketamine.contra.aneurysm-avm',
    match: { kind: 'diagnosis', kinds: ['aneurysm-or-avm'] },
    severity: 'contraindication',
    text: 'aneurysmal vascular disease (aorta, intracranial, peripheral arteries) or arteriovenous malformation contraindicates esketamine',
    source: SPRAVATO('contraindications'),
  },
  {
    id: 'esketamine.contra.ich',
    match: { kind: 'diagnosis', kinds: ['intracerebral-haemorrhage'] },
    severity: 'contraindication',
    text: 'a history of intracerebral haemorrhage contraindicates esketamine',
    source: SPRAVATO('contraindications'),
  },
  {
    id: 'esketamine.caution.prior-intolerance',
    match: { kind: 'prior-trial', ingredients: ['esketamine', 'ketamine'], outcomes: ['intolerance'] },
    severity: 'caution',
    text: 'ketamine or esketamine was not tolerated before: check for hypersensitivity, which contraindicates esketamine',
    source: SPRAVATO('contraindications: hypersensitivity'),
  },
  {
    id: 'esketamine.note.prior-course',
    match: { kind: 'procedure-outcome-unknown', kinds: ['esketamine'] },
    severity: 'note',
    text: 'esketamine sessions are already recorded without an outcome: record their response',
    source: WORKING('earlier sessions without a recorded outcome are shown for review'),
  },
  {
    id: 'esketamine.caution.psychosis',
    match: { kind: 'diagnosis', kinds: ['psychotic-features'] },
    severity: 'caution',
    text: 'weigh benefit and risk of esketamine in psychosis',
    source: SPRAVATO('warnings: dissociation'),
  },
  {
    id: 'esketamine.caution.psychotic-disorder',
    match: { kind: 'assessed', conditions: ['schizophrenia'] },
    severity: 'caution',
    text: 'weigh benefit and risk of esketamine in a psychotic disorder',
    source: SPRAVATO('warnings: dissociation'),
  },
  {
    id: 'esketamine.caution.substance-use',
    match: { kind: 'substance-use' },
    severity: 'caution',
    text: 'a history of substance use disorder, current or past, raises the risk of abuse and misuse of esketamine: assess that risk before prescribing and monitor for drug-seeking',
    source: SPRAVATO('boxed warning; warnings: abuse and misuse (5.3); drug abuse and dependence: abuse (9.2)'),
  },
  {
    id: 'esketamine.caution.blood-pressure',
    match: { kind: 'blood-pressure-above', systolic: 140, diastolic: 90, withinDays: 90 },
    severity: 'caution',
    text: 'blood pressure above 140/90: assess before dosing and consider delaying esketamine',
    source: SPRAVATO('warnings: increase in blood pressure'),
  },
  {
    id: 'esketamine.caution.hypertension',
    match: { kind: 'diagnosis', kinds: ['hypertension'] },
    severity: 'caution',
    text: 'hypertension (cardiovascular disease): esketamine raises blood pressure; check it is controlled',
    source: SPRAVATO('warnings: increase in blood pressure'),
  },
  {
    id: 'esketamine.caution.cerebrovascular',
    match: { kind: 'diagnosis', kinds: ['recent-stroke', 'recent-myocardial-infarction'] },
    severity: 'caution',
    text: 'cardiovascular or cerebrovascular disease is a caution for esketamine (blood-pressure rises after each dose)',
    source: SPRAVATO('warnings: increase in blood pressure'),
  },
];

/**
 * IV ketamine: no label for depression, and the consensus exclusion list was not read; the esketamine label (the
 * S-enantiomer of the same molecule) is applied by analogy. Rows about earlier esketamine use are left out.
 * Every blocking row stays blocking, the label's contraindications included (aneurysm or malformation, intracerebral
 * haemorrhage): what a label says to avoid blocks the option, and the same molecule given intravenously raises blood
 * pressure no less, so ketamine is never offered beside the same record's contraindicated esketamine.
 */
const KETAMINE_ANALOGY = (row: RiskRow): SourceRef =>
  src(['sanacora2017', 'ketalarLabel', ...row.source.refs.filter((r) => r !== 'projectWorkingRule'), 'projectWorkingRule'], 'U', `by analogy with the esketamine label (${row.source.detail ?? 'same section'})`);

const IV_KETAMINE_RISKS: RiskRow[] = ESKETAMINE_RISKS.filter((row) => !row.id.includes('.prior')).map((row) => ({
  ...row,
  id: row.id.replace('esketamine.', 'iv-ketamine.'),
  text: `${row.text.replace(/esketamine/g, 'ketamine').replace(/ \(label section 8\.\d( and Medication Guide)?\)/, '')} (by analogy with the esketamine label)`,
  source: KETAMINE_ANALOGY(row),
}));

const TRIAL_EXCLUSION = WORKING('psychedelic trials exclude pregnant or breastfeeding participants and psychotic or bipolar disorders (check the trial protocol)', ['nct05711940', 'goodwin2022']);

const TRIAL_MEDICAL_EXCLUSION = WORKING(
  'psilocybin trials exclude significant cardiovascular or cerebrovascular disease and uncontrolled hypertension, and psilocybin raises blood pressure for some hours (check the trial protocol)',
  ['goodwin2022', 'nct05711940'],
);

const PSYCHEDELIC_RISKS: RiskRow[] = [
  {
    id: 'psychedelic-trial.high-risk.cerebrovascular',
    match: { kind: 'diagnosis', kinds: ['intracerebral-haemorrhage', 'aneurysm-or-avm', 'recent-stroke', 'recent-myocardial-infarction'] },
    severity: 'high-risk',
    substantialRisk: 'cardiovascular or cerebrovascular disease',
    onlyAfter: 'Cardiovascular or cerebrovascular disease: refer to a psilocybin trial only once its exclusion criteria are checked',
    text: 'cardiovascular or cerebrovascular disease (a past intracerebral haemorrhage, an aneurysm or malformation, a stroke or a myocardial infarction) usually excludes patients from psilocybin trials, which raise blood pressure for some hours: check the trial\'s exclusion criteria before referring',
    source: TRIAL_MEDICAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.caution.hypertension',
    match: { kind: 'diagnosis', kinds: ['hypertension'] },
    severity: 'caution',
    text: 'uncontrolled hypertension excludes patients from psilocybin trials, and psilocybin raises blood pressure for some hours: check it is controlled and the trial\'s criteria before referring',
    source: TRIAL_MEDICAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.caution.blood-pressure',
    match: { kind: 'blood-pressure-above', systolic: 140, diastolic: 90, withinDays: 90 },
    severity: 'caution',
    text: 'blood pressure above 140/90: uncontrolled hypertension excludes patients from psilocybin trials; recheck it before referring',
    source: TRIAL_MEDICAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.avoid.pregnancy',
    match: { kind: 'diagnosis', kinds: ['pregnancy'], maxAgeDays: PREGNANCY_CURRENT_DAYS },
    severity: 'avoid',
    text: 'pregnancy excludes participation in psilocybin trials',
    source: TRIAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.avoid.breastfeeding',
    match: { kind: 'diagnosis', kinds: ['breastfeeding'] },
    severity: 'avoid',
    text: 'breastfeeding excludes participation in psilocybin trials',
    source: TRIAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.caution.psychosis',
    match: { kind: 'diagnosis', kinds: ['psychotic-features'] },
    severity: 'caution',
    text: 'psychotic features usually exclude patients from psychedelic trials (check the trial protocol)',
    source: TRIAL_EXCLUSION,
  },
  {
    id: 'psychedelic-trial.caution.psychotic-disorder',
    match: { kind: 'assessed', conditions: ['schizophrenia', 'bipolar-depression'] },
    severity: 'caution',
    text: 'psychotic or bipolar disorders usually exclude patients from psychedelic trials (check the trial protocol)',
    source: TRIAL_EXCLUSION,
  },
];

const CLOZARIL = (detail: string): SourceRef => src(['clozarilLabel'], 'V', detail);

const CLOZAPINE_RISKS: RiskRow[] = [
  {
    id: 'clozapine.caution.substance-use',
    match: { kind: 'substance-use', conditions: ['schizophrenia'] },
    severity: 'caution',
    // Smoking's effect on the level is the smoking caution's, said there once.
    text: 'substance use, current or past: cannabis use raises the risk of psychotic relapse; ask about current use',
    source: src(['schoeler2016'], 'V', 'continued cannabis use and relapse of psychosis'),
    weight: 'serious',
  },
  {
    id: 'clozapine.caution.epilepsy',
    match: { kind: 'diagnosis', kinds: ['epilepsy'] },
    severity: 'caution',
    text: 'seizure history: clozapine causes dose-related seizures; titrate slowly and weigh anticonvulsant cover',
    source: CLOZARIL('boxed warning: seizures'),
    weight: 'life-threatening',
  },
  {
    id: 'clozapine.caution.cardiac',
    match: { kind: 'diagnosis', kinds: ['recent-myocardial-infarction', 'cardiac-device'] },
    severity: 'caution',
    text: 'cardiac history: clozapine carries boxed warnings for myocarditis, cardiomyopathy, orthostatic hypotension and bradycardia; baseline cardiac review',
    source: CLOZARIL('boxed warning: myocarditis, cardiomyopathy; orthostatic hypotension, bradycardia, syncope'),
    weight: 'life-threatening',
  },
  {
    id: 'clozapine.caution.switch-from-antipsychotic',
    match: { kind: 'current-medication', classes: ['antipsychotic'] },
    severity: 'caution',
    text: 'switching to clozapine from the antipsychotic taken now: cross-titrate (clozapine titrated up slowly while the current antipsychotic is tapered), watching for added sedation, hypotension and anticholinergic effects',
    source: SAID_WITH_LOCAL(['clozarilLabel'], 'slow titration, orthostatic and anticholinergic warnings', 'cross-titration when switching to clozapine'),
    weight: 'serious',
  },
];

const CLOZAPINE_MONITORING: Requirement[] = [
  {
    text: 'Severe neutropenia: absolute neutrophil count (ANC) before starting and during treatment on the schedule the current label sets; stop or interrupt by its ANC thresholds.',
    source: CLOZARIL('boxed warning and dosage: severe neutropenia, ANC monitoring'),
    weight: 'mandatory-monitoring',
    beforeStarting: true,
  },
  {
    text: 'Myocarditis and cardiomyopathy: highest risk in the first two months; ask about chest pain, breathlessness, palpitations, fever; check heart rate and inflammatory/cardiac markers by local protocol.',
    source: CLOZARIL('boxed warning: myocarditis, pericarditis, cardiomyopathy'),
    weight: 'life-threatening',
    beforeStarting: true,
  },
  {
    text: 'Seizures are dose-related: titrate slowly; caution with a seizure history and seizure-threshold-lowering drugs.',
    source: CLOZARIL('boxed warning: seizures'),
    weight: 'life-threatening',
  },
  {
    text: 'Gastrointestinal hypomotility (constipation up to ileus, which can be fatal): ask about bowel habit at every visit, treat constipation early, avoid other anticholinergic drugs where possible.',
    source: CLOZARIL('warnings: gastrointestinal hypomotility with severe complications'),
    weight: 'life-threatening',
  },
  {
    text: 'Smoking: cigarette smoke induces CYP1A2, so stopping smoking raises clozapine levels (toxicity) and starting lowers them; ask about smoking, check levels and adjust the dose when smoking changes.',
    source: CLOZARIL('drug interactions: CYP1A2 inducers (cigarette smoking)'),
    weight: 'interaction',
  },
  {
    text: 'Orthostatic hypotension, bradycardia and syncope, mostly during titration: start low and titrate slowly; restart from a low dose after a break of two days or more.',
    source: CLOZARIL('boxed warning: orthostatic hypotension, bradycardia, syncope'),
    weight: 'life-threatening',
  },
  {
    text: 'Metabolic changes: weight gain, hyperglycaemia and diabetes, dyslipidaemia: weight, fasting glucose (or HbA1c) and lipids before starting and during treatment.',
    source: SAID_WITH_LOCAL(['clozarilLabel'], 'warnings and precautions: metabolic changes (hyperglycaemia, dyslipidaemia, weight gain)', 'monitoring schedule'),
    weight: 'serious',
    beforeStarting: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Eligibility rules and limits used by more than one option
// ---------------------------------------------------------------------------------------------

const TMS_RULE: EligibilityPath = {
  status: 'suggested',
  all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 1, orIntolerance: true }],
  rule: {
    id: 'suggest.tms.one-failure',
    summary:
      'rTMS fits MDD after at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    source: src(['oreardon2007', 'cmsLcdL34998'], 'S', 'pivotal trial entry criterion; Medicare: failure of at least one adequate trial or intolerance'),
  },
};

const ADULTS = (source: SourceRef): AgeLimit => ({ min: 18, text: 'adults (18 and over)', source });

const TMS_AGES: AgeLimit[] = [
  ADULTS(src(['oreardon2007', 'cmsLcdL34998'], 'S', 'rTMS devices are cleared for adults')),
  {
    min: 15,
    max: 21,
    status: 'consider',
    text: 'ages 15–21 as an adjunct to antidepressant medication (one device, NeuroStar, cleared in 2024)',
    source: src(['fdaK231926'], 'V'),
  },
];

const ECT_AGES: AgeLimit[] = [{ min: 13, text: 'age 13 and over (FDA class II indication)', source: src(['fdaEct2018'], 'V') }];

const ECT_PATHS: EligibilityPath[] = [
  {
    status: 'suggested',
    all: [{ kind: 'urgent', signals: ['catatonia'] }],
    rule: {
      id: 'suggest.ect.catatonia',
      summary: 'ECT fits catatonia.',
      source: src(['fdaEct2018', 'apaEct2001'], 'V', 'class II indication: catatonia'),
    },
  },
  {
    status: 'suggested',
    all: [
      { kind: 'assessed', conditions: ['mdd', 'bipolar-depression'] },
      { kind: 'urgent', signals: ['suicidal-ideation', 'psychotic-features'] },
    ],
    rule: {
      id: 'suggest.ect.rapid-response',
      summary:
        'ECT fits a severe depressive episode (MDD or bipolar) that needs a rapid response: coded suicidal ideation or behaviour, or psychotic features.',
      source: src(['fdaEct2018', 'apaEct2001'], 'V', 'severe major depressive episode needing a rapid response due to the severity of the condition'),
    },
  },
  {
    status: 'suggested',
    all: [{ kind: 'treatment-resistant', conditions: ['mdd', 'bipolar-depression'] }],
    rule: {
      id: 'suggest.ect.treatment-resistant',
      summary: 'ECT fits treatment-resistant depression, unipolar or bipolar.',
      source: src(['fdaEct2018'], 'V', 'severe major depressive episode in MDD or bipolar disorder, treatment-resistant'),
    },
  },
  {
    status: 'consider',
    all: [
      { kind: 'assessed', conditions: ['mdd', 'bipolar-depression'] },
      { kind: 'prior-response', procedures: ['ect'], ingredients: [] },
    ],
    rule: {
      id: 'suggest.ect.prior-response',
      summary: 'ECT may be considered again in a depressive episode when an earlier ECT course brought response or remission.',
      source: src(['apaEct2001'], 'S', 'a history of good response to ECT is among the indications for its use'),
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------------------------

/**
 * Infers the union of the rows' id literals, so the catalog is the one list of options: a new row is a new
 * InterventionId, and every table keyed by InterventionId then asks for it.
 */
function defineCatalog<Id extends string>(rows: readonly CatalogRow<Id>[]): readonly CatalogRow<Id>[] {
  return rows.map(oneShape);
}

/**
 * A row with every field in one order (the optional ones undefined when absent), its risk rows likewise: the evaluator
 * reads each option at the same sites, and rows written with their fields in another order or without the optional
 * ones would each meet it at another shape.
 */
function oneShape<Id extends string>(r: CatalogRow<Id>): CatalogRow<Id> {
  return {
    id: r.id,
    name: r.name,
    summary: r.summary,
    group: r.group,
    indications: r.indications,
    eligibility: r.eligibility,
    notEligibleText: r.notEligibleText,
    ageLimits: r.ageLimits,
    priorResponse: r.priorResponse,
    risks: r.risks.map((row) => ({ id: row.id, match: row.match, severity: row.severity, text: row.text, source: row.source, historyText: row.historyText, substantialRisk: row.substantialRisk, onlyAfter: row.onlyAfter, weight: row.weight })),
    requirements: r.requirements,
    urgentFor: r.urgentFor,
    usualCourse: r.usualCourse,
    regulatory: r.regulatory,
    references: r.references,
    referral: r.referral,
    service: r.service,
    code: r.code,
    givenAs: r.givenAs,
    afterGiven: r.afterGiven,
    alongside: r.alongside,
    augments: r.augments,
    switchFrom: r.switchFrom,
  };
}

const OPTIMISE_WHEN = 'when it did not respond and was tolerated: the running trial always; a past one only while';

/**
 * Dose and duration optimisation, in each condition's own rule set: what makes a trial adequate there (dose, level,
 * length) and what the next step is once resistance is established by adequate trials.
 */
const DOSE_OPTIMISATION_RULES: readonly { condition: ConditionKey; id: string; summary: string; source: SourceRef; retryResponders?: RetryResponders }[] = [
  {
    condition: 'mdd',
    id: 'mdd',
    summary: `Optimise an antidepressant trial below its minimum adequate dose (MGH-ATRQ; an augmenting agent: its studied dose or level) or shorter than ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks at it, ${OPTIMISE_WHEN} treatment-resistant depression is not established. Once it is, an under-dosed past agent is not offered again in place of the next step.`,
    source: SAID_WITH_LOCAL(['gaynes2020'], 'a failed trial needs an adequate dose for an adequate duration', 'leaving out responded and past trials once resistance is established'),
  },
  {
    condition: 'bipolar-depression',
    id: 'bipolar-depression',
    summary: `Optimise a bipolar-depression trial below its studied dose or serum level (lithium: the acute level, also when maintenance lithium was running before the episode) or shorter than ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks at it, ${OPTIMISE_WHEN} treatment-resistant bipolar depression is not established.`,
    source: SAID_WITH_LOCAL(['hidalgoMazzei2019', 'nolen2019'], 'adequate trials at the studied dose (Hidalgo-Mazzei 2019), lithium 0.8-1.0 mmol/L after an insufficient response (Nolen 2019)', 'leaving out responded and past trials once resistance is established'),
  },
  {
    condition: 'schizophrenia',
    id: 'schizophrenia',
    summary: `Optimise an antipsychotic trial below ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine-equivalent or shorter than ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks at it (TRRIP), ${OPTIMISE_WHEN} TRRIP treatment resistance is not established. A past antipsychotic that responded (a reduction of 20% or more) at a dose below ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine-equivalent and was tolerated is the one to retry at an adequate dose. Once resistance is established, clozapine is due and no under-dosed past antipsychotic is suggested in its place (a past responder's retry is at most to consider, after clozapine).`,
    source: SAID_WITH_LOCAL(['howes2017'], 'adequate antipsychotic trials and clozapine after TRRIP resistance', 'leaving out responded and past trials then, and retrying a past responder whose dose was below the adequate dose'),
    retryResponders: 'before-resistance',
  },
  {
    condition: 'ocd',
    id: 'ocd',
    summary: `Optimise an SRI trial below its OCD dose or shorter than ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks, ${OPTIMISE_WHEN} treatment-resistant OCD is not established.`,
    source: SAID_WITH_LOCAL(['apaOcd2007'], 'OCD: 8–12 weeks at a moderate-to-high dose', 'leaving out responded and past trials once resistance is established'),
  },
  {
    condition: 'ptsd',
    id: 'ptsd',
    summary: `Optimise an antidepressant trial for PTSD below its minimum adequate dose or shorter than ${MIN_ANTIDEPRESSANT_TRIAL_WEEKS} weeks at it, ${OPTIMISE_WHEN} treatment-resistant PTSD (working rule) is not established.`,
    source: SAID_WITH_LOCAL(['vaDodPtsd2023'], 'adequate dose and duration as for depression', 'leaving out responded and past trials once resistance is established'),
  },
];

/**
 * Once TRRIP treatment resistance is established, clozapine comes first: a past partial responder's retry at an
 * adequate dose is at most "consider", shown after clozapine, and must not delay it. The last path of dose
 * optimisation, so that every "suggested" path is tried before it.
 */
const RETRY_AFTER_TRS_PATH: EligibilityPath = {
  status: 'consider',
  all: [{ kind: 'optimisable-trials', flags: ['inadequate-dose', 'response-below-adequate-dose'], conditions: ['schizophrenia'], retryResponders: 'once-resistant' }],
  rule: {
    id: 'suggest.dose-optimization.schizophrenia-retry-after-resistance',
    summary: `With treatment-resistant schizophrenia established (TRRIP), clozapine is offered first; a past antipsychotic that responded (a reduction of 20% or more) at a dose below ${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine-equivalent and was tolerated may be considered for a retry at an adequate dose, ranked after clozapine: the retry must not delay clozapine.`,
    source: SAID_WITH_LOCAL(['niceCg178', 'howes2017'], 'clozapine after non-response to adequate doses of at least 2 different antipsychotics (NICE CG178 1.5.7.2; Howes 2017)', 'a partial responder\'s retry held at "consider" and never in place of clozapine'),
  },
};

/** What to do when failed trials are kept up only by orders that leave days uncovered. */
export const ADHERENCE_UNCERTAIN_ADVICE = "confirm with the patient and the pharmacy's fill history before counting these trials as failures";

/**
 * Options offered for failed trials that, when those trials' adherence is uncertain, say so as a caution: a course of
 * neuromodulation or esketamine rests on failures that may not be failures.
 */
export const ADHERENCE_UNCERTAIN_CAUTION = {
  id: 'suggest.adherence-uncertain-caution',
  options: ['tms', 'accelerated-tms', 'deep-tms', 'ect', 'esketamine', 'iv-ketamine', 'vns'] as readonly InterventionId[],
  summary:
    'When a failed adequate trial is kept up only by orders that leave days uncovered (adherence uncertain), neuromodulation and esketamine options, offered for those failures, carry a caution naming the coverage.',
  source: src(['howes2017', 'projectWorkingRule'], 'U', "TRRIP's 80% of prescribed doses, borrowed for coverage by orders rather than dispenses: working rule"),
};

export const CATALOG = defineCatalog([
  {
    id: 'tms',
    name: 'Repetitive transcranial magnetic stimulation (rTMS)',
    summary: 'Magnetic pulses over the left dorsolateral prefrontal cortex in daily outpatient sessions, no anaesthesia.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      TMS_RULE,
      {
        status: 'consider',
        all: [
          { kind: 'assessed', conditions: ['mdd'] },
          { kind: 'prior-response', procedures: ['tms'], ingredients: [] },
        ],
        rule: {
          id: 'suggest.tms.prior-response',
          summary: 'rTMS may be considered again in MDD when an earlier course brought a response (Medicare covers retreatment after a response above 50%).',
          source: src(['cmsLcdL37086'], 'S'),
        },
      },
    ],
    notEligibleText:
      'rTMS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    ageLimits: TMS_AGES,
    priorResponse: { procedures: ['tms'], ingredients: [], source: src(['cmsLcdL37086'], 'S', 'retreatment after a prior response') },
    risks: TMS_RISKS,
    requirements: [],
    urgentFor: [],
    usualCourse: '5 sessions a week for 4–6 weeks (10 Hz, 3,000 pulses per session, 120% motor threshold; O’Reardon 2007).',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'FDA-cleared (NeuroStar, product code OBP) for adults with MDD who failed one prior antidepressant in the current episode; one device cleared in 2024 as an adjunct for ages 15–21.',
      dates: ['October 2008', '22 March 2024 (ages 15–21, K231926)'],
      source: src(['oreardon2007', 'fdaK231926'], 'S', 'the 2008 clearance date from secondary sources; the 2024 clearance read in the FDA database'),
    },
    references: [src(['oreardon2007'], 'V', 'randomised trial, n=301, protocol'), src(['cmsLcdL34998'], 'S')],
    referral: true,
    service: 'neuromodulation-clinic',
    code: null,
  },
  {
    id: 'accelerated-tms',
    name: 'Accelerated iTBS (SAINT / Stanford neuromodulation therapy)',
    summary:
      'Ten MRI-guided intermittent theta-burst sessions a day for five days, targeting the prefrontal spot most anticorrelated with the subgenual cingulate.',
    group: 'interventional',
    indications: ['mdd'],
    // Same entry criterion as rTMS, but only "consider": few centres, fcMRI neuronavigation, small pivotal data.
    eligibility: [
      {
        ...TMS_RULE,
        status: 'consider',
        rule: { ...TMS_RULE.rule, id: 'suggest.accelerated-tms.one-failure', summary: 'Accelerated iTBS (SAINT) may be considered where rTMS fits: MDD after at least one failed adequate trial or an intolerance; pivotal data are small (n=21 open, 29 sham-controlled).', source: src(['cole2020'], 'S', 'open-label and sham-controlled pivotal data') },
        establishedFailures: {
          id: 'suggest.accelerated-tms.established-failures',
          summary:
            'accelerated iTBS (SAINT) rests on failures the record establishes: its sham-controlled trial enrolled patients with treatment-resistant depression, and its clearance is for adults who have failed to achieve satisfactory improvement from prior antidepressant medication in the current episode',
          source: src(['cole2022', 'fdaK220177'], 'S', 'participants with treatment-resistant depression; indications for use'),
        },
      },
    ],
    notEligibleText:
      'Accelerated iTBS needs major depressive disorder with at least one failed adequate antidepressant trial or an intolerance in the current episode.',
    ageLimits: [ADULTS(WORKING('adults, as enrolled in its trials', ['cole2020']))],
    risks: TMS_RISKS.map((row) => ({ ...row, id: row.id.replace('tms.', 'accelerated-tms.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: '10 iTBS sessions a day × 5 days (50 sessions, 1,800 pulses each, 50 minutes apart), fcMRI-guided target.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'Magnus Medical SAINT system cleared by the FDA.',
      dates: ['6 Sep 2022'],
      source: WORKING('clearance date from a professional society statement; FDA record not read', ['cole2020']),
    },
    references: [src(['cole2020'], 'V', 'SAINT protocol')],
    referral: true,
    service: 'neuromodulation-clinic',
    code: null,
  },
  {
    id: 'deep-tms',
    name: 'Deep TMS for OCD (H7 coil)',
    summary: 'Deep transcranial magnetic stimulation with symptom provocation, as an add-on to an SRI and/or behavioural therapy.',
    group: 'interventional',
    indications: ['ocd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'failed-adequate-trials', conditions: ['ocd'], min: 1 }],
        rule: {
          id: 'suggest.deep-tms.ocd-failure',
          summary:
            `Deep TMS fits OCD as an add-on after at least one failed adequate SRI trial (${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks at a high dose).`,
          source: SAID_WITH_LOCAL(['fdaDen170078', 'carmi2019'], 'adjunctive use in adults with OCD', 'one failed adequate SRI trial before deep TMS'),
        },
      },
    ],
    notEligibleText: 'Deep TMS is the OCD option: it needs OCD with at least one failed adequate SRI trial.',
    ageLimits: [ADULTS(src(['fdaDen170078'], 'S', 'authorised for adult patients'))],
    risks: TMS_RISKS.map((row) => ({ ...row, id: row.id.replace('tms.', 'deep-tms.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: '5 sessions a week for 6 weeks with individualised symptom provocation.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'FDA de novo marketing authorisation (BrainsWay H7, DEN170078, product code QCI) as adjunct to SRI and/or behavioural therapy in adults with OCD.',
      dates: ['August 2018'],
      source: src(['fdaDen170078'], 'V'),
    },
    references: [src(['carmi2019'], 'V', 'pivotal randomised trial, n=99')],
    referral: true,
    service: 'neuromodulation-clinic',
    code: null,
  },
  {
    id: 'erp',
    name: 'Exposure and response prevention (ERP)',
    summary: 'Cognitive-behavioural therapy with exposure and response prevention, the first-line psychological treatment for OCD, alone or with an SRI.',
    group: 'interventional',
    indications: ['ocd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['ocd'] }],
        rule: {
          id: 'suggest.erp.ocd',
          summary: 'OCD: cognitive-behavioural therapy with exposure and response prevention is a first-line treatment, and is added when an SRI has not been enough.',
          source: src(['apaOcd2007', 'niceCg31'], 'S', 'first-line treatments; combined treatment after partial response'),
        },
      },
    ],
    notEligibleText: 'ERP is the psychological treatment of OCD; no OCD is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'About 13–20 weekly sessions with between-session exposure practice (APA 2007); more intensive formats exist.',
    regulatory: { kind: 'not-a-product', text: 'Psychological treatment.', dates: [], source: src(['apaOcd2007'], 'S') },
    references: [src(['apaOcd2007'], 'S'), src(['niceCg31'], 'S')],
    referral: true,
    service: 'psychological-therapies',
    code: null,
    // CBT is how records name ERP (the CBT of OCD): a course given is reported as given.
    givenAs: ['cbt'],
    afterGiven: {
      text: 'intensified ERP (intensive or residential programme), alongside the SRI, after a completed course of ERP',
      proposed: {
        name: 'Intensified ERP (intensive or residential programme), alongside the SRI',
        summary:
          'Exposure and response prevention again in an intensive format (daily sessions in an intensive outpatient or day programme, or a residential programme), with the SRI continued, after a standard course that did not help.',
        usualCourse:
          'Daily sessions of 1–2 hours over about 3 weeks in an intensive outpatient programme, or several weeks in a day or residential programme, with exposure practice between sessions.',
      },
      source: WORKING(
        'offering ERP again in an intensive, day-programme or residential format after a standard course that did not help is a working rule; the guidelines recommend ERP with the SRI after a partial response',
        ['apaOcd2007', 'niceCg31'],
      ),
    },
  },
  {
    id: 'ocd-antipsychotic-augmentation',
    name: 'Antipsychotic augmentation of the SRI (OCD)',
    summary: 'A low-dose antipsychotic (risperidone or aripiprazole best studied) added to an SRI taken at an adequate dose for an adequate time.',
    group: 'interventional',
    indications: ['ocd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'failed-adequate-trials', conditions: ['ocd'], min: 1 }],
        rule: {
          id: 'suggest.ocd-antipsychotic-augmentation.sri-failure',
          summary:
            `OCD after at least one failed adequate SRI trial (maximum tolerated dose, at least ${MIN_ADEQUATE_OCD_TRIAL_WEEKS} weeks): antipsychotic augmentation helps about a third of SRI-refractory patients.`,
          source: src(['bloch2006', 'apaOcd2007'], 'S', 'meta-analysis of augmentation trials in SRI-refractory OCD'),
        },
      },
    ],
    notEligibleText: 'Antipsychotic augmentation is for OCD after at least one failed adequate SRI trial.',
    ageLimits: [],
    risks: [
      {
        id: 'ocd-antipsychotic-augmentation.caution.clomipramine',
        match: { kind: 'current-medication', ingredients: ['clomipramine'] },
        severity: 'caution',
        weight: 'life-threatening',
        text: 'clomipramine with an antipsychotic: both prolong the QT interval: ECG before adding the antipsychotic and after each dose change, potassium corrected first; both lower the seizure threshold (clomipramine’s seizures are dose-related); a tricyclic is lethal in overdose: limit the quantity supplied',
        source: CLOMIPRAMINE_LABEL,
      },
    ],
    augments: {
      agent: 'SRI',
      ingredients: ['clomipramine'],
      classes: ['ssri'],
      source: src(['bloch2006', 'apaOcd2007'], 'S', 'augmentation of an SRI taken at an adequate dose for an adequate time'),
    },
    requirements: [
      { text: 'Review the response after 4–8 weeks and stop it if there is none; monitor weight, glucose and lipids as for any antipsychotic.', source: src(['bloch2006', 'apaOcd2007'], 'S') },
    ],
    urgentFor: [],
    usualCourse: 'Risperidone 0.5–2 mg/day or aripiprazole 5–10 mg/day added to the SRI; judge the response after 4–8 weeks.',
    regulatory: { kind: 'off-label', text: 'No antipsychotic is FDA-approved for OCD (off-label augmentation).', dates: [], source: src(['apaOcd2007'], 'S') },
    references: [src(['bloch2006'], 'S'), src(['apaOcd2007'], 'S')],
    referral: false,
    service: 'psychiatry-service',
    code: null,
  },
  {
    id: 'ect',
    name: 'Electroconvulsive therapy (ECT)',
    summary: 'A series of brief, anaesthetised, electrically induced seizures; the most effective acute treatment for severe depression.',
    group: 'interventional',
    indications: ['mdd', 'bipolar-depression'],
    eligibility: ECT_PATHS,
    notEligibleText:
      'ECT fits treatment-resistant depression (MDD or bipolar), catatonia, psychotic depression, a depressive episode needing a rapid response, or an earlier response to ECT; none is recorded.',
    ageLimits: ECT_AGES,
    priorResponse: { procedures: ['ect'], ingredients: [], source: src(['apaEct2001'], 'S', 'a history of good response to ECT') },
    risks: ECT_RISKS,
    requirements: [],
    urgentFor: ['suicidal-ideation', 'unassessed-positive-screen', 'catatonia', 'psychotic-features'],
    usualCourse: '6–12 treatments, 2–3 a week over about 2–4 weeks; stop at remission or plateau; continuation every 1–4 weeks.',
    regulatory: {
      kind: 'fda-cleared-device',
      text: 'ECT devices are Class II for catatonia or a severe major depressive episode (MDD or bipolar), age ≥13, treatment-resistant or needing a rapid response; other uses remain Class III.',
      dates: ['FDA final order 26 Dec 2018 (83 FR 66103)'],
      source: src(['fdaEct2018'], 'V'),
    },
    references: [src(['apaEct2001'], 'S'), src(['fdaEct2018'], 'V')],
    referral: true,
    service: 'ect-service',
    code: null,
  },
  {
    id: 'esketamine',
    name: 'Esketamine nasal spray (Spravato)',
    summary: 'An NMDA-receptor antagonist given intranasally under observation in a certified setting.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 2 }],
        rule: {
          id: 'suggest.esketamine.trd',
          summary: 'Esketamine fits treatment-resistant depression: MDD with at least 2 failed adequate antidepressant trials in the current episode.',
          source: SPRAVATO('indications: treatment-resistant depression in adults'),
        },
      },
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['mdd'] }, { kind: 'urgent', signals: ['suicidal-ideation'] }],
        rule: {
          id: 'suggest.esketamine.suicidal-ideation',
          summary: 'Esketamine fits MDD with acute suicidal ideation or behaviour (with an oral antidepressant): coded ideation or behaviour, or a high-risk C-SSRS; a positive PHQ-9 item 9 alone is a screen, not this indication.',
          source: SPRAVATO('indications: depressive symptoms in adults with MDD with acute suicidal ideation or behavior'),
        },
      },
    ],
    notEligibleText:
      'Esketamine needs MDD with at least 2 failed adequate antidepressant trials in the current episode, or MDD with acute suicidal ideation or behaviour.',
    ageLimits: [ADULTS(SPRAVATO('indications: adults', 'V'))],
    priorResponse: { procedures: ['esketamine'], ingredients: ['esketamine'], source: WORKING('an earlier response to esketamine is a reason to use it again') },
    risks: ESKETAMINE_RISKS,
    requirements: [
      {
        text: 'REMS: only in a certified healthcare setting, patient enrolled, self-administered under direct observation, monitored for at least 2 hours until sedation, dissociation and respiratory depression resolve; never dispensed for home use; a Patient Monitoring Form after each outpatient session.',
        source: src(['spravatoRems'], 'V'),
        weight: 'mandatory-monitoring',
      },
      {
        text: 'Boxed warning: sedation, dissociation, abuse and misuse, suicidal thoughts and behaviours; blood pressure before dosing, about 40 minutes after, and before discharge.',
        source: SPRAVATO('boxed warning; warnings: increase in blood pressure'),
        weight: 'life-threatening',
      },
    ],
    urgentFor: ['suicidal-ideation', 'unassessed-positive-screen'],
    usualCourse: 'TRD: twice weekly weeks 1–4 (56 mg day 1, then 56 or 84 mg), weekly weeks 5–8, then every 1–2 weeks. MDD with suicidal ideation: 84 mg twice weekly for 4 weeks.',
    regulatory: {
      kind: 'fda-approved-drug',
      text: 'FDA-approved for TRD in adults (monotherapy since 21 Jan 2025) and for depressive symptoms in MDD with acute suicidal ideation; REMS-restricted.',
      dates: ['2019 (first label)', '21 Jan 2025 (monotherapy)'],
      source: SPRAVATO('indications; monotherapy date from secondary sources'),
    },
    references: [SPRAVATO('full prescribing information'), src(['spravatoRems'], 'V')],
    referral: true,
    service: 'ketamine-clinic',
    code: null,
  },
  {
    id: 'iv-ketamine',
    name: 'Intravenous ketamine (off-label)',
    summary: 'Ketamine infusions, usually 0.5 mg/kg over 40 minutes, as a short series; not FDA-approved for depression.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'treatment-resistant', conditions: ['mdd'] }],
        rule: {
          id: 'suggest.iv-ketamine.trd',
          summary: 'IV ketamine may be considered off-label in treatment-resistant depression (the APA research council consensus guides its use).',
          source: src(['sanacora2017'], 'V'),
        },
      },
    ],
    notEligibleText: 'IV ketamine is considered only in treatment-resistant depression (MDD with at least 2 failed adequate trials).',
    ageLimits: [ADULTS(WORKING('the consensus statement addresses adults', ['sanacora2017']))],
    priorResponse: { procedures: ['ketamine'], ingredients: ['ketamine'], source: WORKING('an earlier response to ketamine is a reason to use it again') },
    risks: IV_KETAMINE_RISKS,
    requirements: [
      {
        text: 'Off-label: not FDA-approved for depression; the consensus exclusion list was not verified for this app.',
        source: WORKING('the consensus statement\'s exclusions to be checked before referral', ['sanacora2017']),
      },
    ],
    urgentFor: [],
    usualCourse: '0.5 mg/kg over 40 minutes; a single infusion or a short series, maintenance individualised.',
    regulatory: {
      kind: 'off-label',
      text: 'Not FDA-approved for depression (off-label use).',
      dates: [],
      source: src(['sanacora2017', 'ketalarLabel'], 'V'),
    },
    references: [src(['andrade2017'], 'V', 'dosing'), src(['sanacora2017'], 'V')],
    referral: true,
    service: 'ketamine-clinic',
    code: null,
  },
  {
    id: 'vns',
    name: 'Vagus nerve stimulation (VNS)',
    summary: 'An implanted pulse generator stimulating the left vagus nerve, as long-term adjunctive treatment.',
    group: 'interventional',
    indications: ['mdd', 'bipolar-depression'],
    eligibility: [
      {
        // "consider", never "suggested": Medicare covers it only within an approved trial.
        status: 'consider',
        all: [
          { kind: 'failed-adequate-trials', conditions: ['mdd', 'bipolar-depression'], min: 4 },
          { kind: 'chronic-or-recurrent', conditions: ['mdd', 'bipolar-depression'], chronicDays: 730 },
        ],
        rule: {
          id: 'suggest.vns.four-failures',
          summary:
            'VNS fits chronic (2 years or more) or recurrent depression, unipolar or bipolar, after at least 4 failed adequate antidepressant treatments; Medicare covers it only within an approved trial.',
          source: src(['fdaVnsP970003', 'cmsNcd16018'], 'S', 'indication: chronic or recurrent depression, major depressive episode in unipolar or bipolar depression, four or more adequate treatments'),
        },
      },
    ],
    notEligibleText:
      'VNS needs chronic or recurrent depression (unipolar or bipolar) with at least 4 failed adequate antidepressant treatments.',
    ageLimits: [ADULTS(src(['fdaVnsP970003'], 'S', 'patients 18 years or older'))],
    risks: [
      {
        id: 'vns.contra.vagotomy',
        match: { kind: 'diagnosis', kinds: ['vagotomy'] },
        severity: 'contraindication',
        text: 'prior bilateral or left cervical vagotomy contraindicates VNS',
        source: src(['cmsNcd16018'], 'S', 'coverage analysis quoting the manufacturer'),
      },
    ],
    requirements: [
      {
        text: 'No short-wave, microwave or therapeutic-ultrasound diathermy after implantation. Medicare: coverage with evidence development only (approved RCT, RECOVER).',
        source: src(['cmsNcd16018'], 'S'),
      },
    ],
    urgentFor: [],
    usualCourse: 'Surgical implantation, then long-term stimulation with gradual titration; benefit accrues over months.',
    regulatory: {
      kind: 'fda-approved-device',
      text: 'FDA approval for adjunctive long-term treatment of chronic or recurrent depression (unipolar or bipolar, ≥18 years) after ≥4 adequate antidepressant treatments.',
      dates: ['15 Jul 2005'],
      source: src(['fdaVnsP970003'], 'S'),
    },
    references: [src(['cmsNcd16018'], 'S'), src(['fdaVnsP970003'], 'S')],
    referral: true,
    service: 'neuromodulation-clinic',
    code: { system: 'http://snomed.info/sct', code: '445319001', display: 'Insertion of vagal nerve stimulator', verification: 'V' },
  },
  {
    id: 'clozapine',
    name: 'Clozapine',
    summary: 'The one antipsychotic shown effective in treatment-resistant schizophrenia.',
    group: 'interventional',
    indications: ['schizophrenia'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'treatment-resistant', conditions: ['schizophrenia'] }, { kind: 'no-trial-of', ingredient: 'clozapine' }],
        rule: {
          id: 'suggest.clozapine.trrip',
          summary:
            `Clozapine fits treatment-resistant schizophrenia by TRRIP: non-response to at least 2 adequate trials (${TRRIP_CPZ_MG_PER_DAY} mg/day chlorpromazine-equivalent for at least ${MIN_ANTIPSYCHOTIC_TRIAL_WEEKS} weeks) of different antipsychotics.`,
          source: src(['howes2017', 'petrides2015'], 'V'),
        },
      },
    ],
    notEligibleText:
      'Clozapine is proposed for treatment-resistant schizophrenia by TRRIP (2 failed adequate antipsychotic trials) when it has not been tried yet.',
    ageLimits: [],
    risks: CLOZAPINE_RISKS,
    requirements: CLOZAPINE_MONITORING,
    switchFrom: {
      classes: ['antipsychotic'],
      how: 'by cross-titration',
      source: SAID_WITH_LOCAL(['clozarilLabel'], 'slow titration, orthostatic and anticholinergic warnings', 'cross-titration when switching to clozapine'),
    },
    urgentFor: [],
    usualCourse: 'Slow titration with the monitoring its label requires; judge response after an adequate trial (TRRIP: 3 months at a level above 350 ng/mL before calling it failed).',
    regulatory: {
      kind: 'fda-approved-drug',
      text: 'FDA-approved antipsychotic for treatment-resistant schizophrenia.',
      dates: [],
      source: CLOZARIL('indications'),
    },
    references: [src(['petrides2015'], 'V', '45–70% still respond poorly'), CLOZARIL('full prescribing information')],
    referral: false,
    service: 'clozapine-clinic',
    code: null,
  },
  {
    id: 'ect-clozapine-augmentation',
    name: 'ECT augmentation of clozapine',
    summary: 'Bilateral ECT added to an unchanged clozapine dose in clozapine-resistant schizophrenia.',
    group: 'interventional',
    indications: ['schizophrenia'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['schizophrenia'] }, { kind: 'ingredient-failed', ingredient: 'clozapine' }],
        rule: {
          id: 'suggest.ect-clozapine.clozapine-failed',
          summary: 'ECT augmentation fits schizophrenia when clozapine has failed (Petrides RCT: 50% response with ECT + clozapine vs 0%).',
          source: src(['petrides2015'], 'V'),
        },
      },
    ],
    notEligibleText: 'ECT augmentation is proposed in schizophrenia when a clozapine trial has failed.',
    ageLimits: ECT_AGES,
    risks: ECT_RISKS.map((row) => ({ ...row, id: row.id.replace('ect.', 'ect-clozapine-augmentation.') })),
    requirements: [],
    urgentFor: [],
    usualCourse: 'Bilateral ECT 3 a week for 4 weeks, then 2 a week for 4 weeks, clozapine dose unchanged (Petrides 2015).',
    regulatory: {
      kind: 'off-label',
      text: 'ECT for schizophrenia is outside the FDA Class II indications (catatonia, severe MDE): Class III use.',
      dates: ['FDA final order 26 Dec 2018'],
      source: src(['fdaEct2018'], 'V'),
    },
    references: [src(['petrides2015'], 'V')],
    referral: true,
    service: 'ect-service',
    code: null,
  },
  {
    id: 'pharmacogenomic-testing',
    name: 'Pharmacogenomic testing',
    summary: 'A genotype panel (e.g. CYP2D6, CYP2C19) to guide the choice and dose of the next medication.',
    group: 'interventional',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'failed-or-intolerant-trials', min: 1 }],
        rule: {
          id: 'suggest.pgx.failure-or-intolerance',
          summary:
            'Pharmacogenomic testing may be considered after a failed or poorly tolerated medication trial; CPIC guides dosing by genotype, evidence that testing improves outcomes is mixed.',
          source: WORKING('threshold of 1 failure or intolerance', ['bousman2023']),
        },
      },
    ],
    notEligibleText: 'Pharmacogenomic testing is considered after a failed or poorly tolerated medication trial; none is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [
      {
        text: 'Evidence level: results inform the dosing of some agents (CYP2D6/CYP2C19, CPIC) but do not by themselves pick a drug.',
        source: src(['bousman2023'], 'S'),
      },
    ],
    urgentFor: [],
    usualCourse: 'One test (cheek swab or blood); results in days to weeks.',
    regulatory: { kind: 'not-a-product', text: 'Laboratory test; coverage varies.', dates: [], source: WORKING('regulatory status of test panels not reviewed') },
    references: [src(['bousman2023'], 'S')],
    referral: false,
    service: 'pgx-laboratory',
    code: null,
  },
  {
    id: 'psychedelic-trial',
    name: 'Psilocybin clinical trial (referral)',
    summary: 'Referral to a clinical trial of psilocybin therapy; investigational, not approved anywhere in the sources read.',
    group: 'interventional',
    indications: ['mdd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'failed-adequate-trials', conditions: ['mdd'], min: 2, max: 4 }],
        rule: {
          id: 'suggest.psychedelic-trial.comp-criteria',
          summary:
            'A psilocybin trial referral may be considered in TRD with 2–4 failed treatments in the current episode (the entry criterion of the psilocybin TRD trials).',
          source: src(['goodwin2022', 'nct05711940'], 'S', 'treatment-resistant episode: 2–4 failed treatments'),
        },
      },
    ],
    notEligibleText: 'Psilocybin trials enrol TRD with 2–4 failed treatments in the current episode.',
    ageLimits: [ADULTS(src(['nct05711940'], 'S', 'adult participants'))],
    risks: PSYCHEDELIC_RISKS,
    requirements: [
      {
        text: 'Investigational: clinical-trial referral only. Psilocybin (COMP360) is not approved.',
        source: src(['nct05711940'], 'S'),
      },
    ],
    urgentFor: [],
    usualCourse: 'As the trial protocol sets (COMP006: 2 doses 3 weeks apart with psychological support).',
    regulatory: {
      kind: 'investigational',
      text: 'Investigational; phase 3 trials (COMP005, COMP006) reported, new drug application under review per company statements.',
      dates: [],
      source: WORKING('regulatory status from company statements', ['nct05711940']),
    },
    references: [src(['goodwin2022'], 'V', 'phase 2b trial'), src(['nct05711940'], 'S')],
    referral: true,
    service: 'trial-unit',
    code: null,
  },
  // ---- Steps that address pseudo-resistance and complexity first ----
  {
    id: 'dose-optimization',
    name: 'Dose and duration optimisation',
    summary: 'Bring an under-dosed or too-short trial to an adequate dose for an adequate time before calling it a failure.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    // One path per condition, each with its own rule set's words: the dose or level and the length that make a trial
    // adequate there, and what follows once resistance is established.
    eligibility: [
      ...DOSE_OPTIMISATION_RULES.map(({ condition, id, summary, source, retryResponders }): EligibilityPath => ({
      status: 'suggested' as const,
      all: [
        {
          kind: 'optimisable-trials' as const,
          flags: ['inadequate-dose', 'response-below-adequate-dose', 'breakthrough-on-maintenance', 'too-short'] as FlagKind[],
          conditions: [condition],
          ...(retryResponders ? { retryResponders } : {}),
        },
      ],
      rule: { id: `suggest.dose-optimization.${id}`, summary, source },
      })),
      RETRY_AFTER_TRS_PATH,
    ],
    notEligibleText: 'No trial to optimise: none is under-dosed or too short, or those that are responded, were not tolerated, or are past while treatment resistance is established by adequate trials.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    alongside: [
      {
        option: 'ect',
        whenTaking: ['lithium'],
        text: (level) =>
          `Lithium: check a level now (${level}); if ECT is chosen, lower or hold lithium for the ECT course (with the ECT team) and afterwards aim for ${LITHIUM_TARGET_WORDS}; if not, aim for ${LITHIUM_TARGET_WORDS} now`,
        together: (level) =>
          `Lithium: check a level now (${level}); lower or hold lithium for the ECT course (with the ECT team); afterwards aim for ${LITHIUM_TARGET_WORDS}`,
        apart: (level) => `Lithium: check a level now (${level}) and aim for ${LITHIUM_TARGET_WORDS} now; if ECT is chosen later, lower or hold lithium for its course`,
        source: src(['apaEct2001', ...(LITHIUM_TARGET_LEVEL.rule.references ?? [])], 'S', 'medications during ECT: lithium; the target level after an insufficient response with good tolerance'),
      },
    ],
    usualCourse: 'Raise to at least the adequate dose (or level) of the condition’s rule and hold it for the adequate length that rule names (see the rule above).',
    regulatory: { kind: 'not-a-product', text: 'Clinical practice step.', dates: [], source: src(['gaynes2020'], 'S') },
    references: [src(['gaynes2020'], 'S')],
    referral: false,
    service: 'psychiatry-service',
    code: null,
  },
  {
    id: 'adherence-support',
    name: 'Adherence support',
    summary: 'Address why doses were missed (side effects, cost, beliefs, routine) before counting a trial as failed.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'flag', flags: ['poor-adherence'] }],
        rule: {
          id: 'suggest.adherence-support.poor-adherence',
          summary: 'Support adherence when dispensing shows poor adherence (TRRIP asks for at least 80% of prescribed doses).',
          source: src(['howes2017'], 'V', 'adherence of at least 80% of prescribed doses'),
        },
      },
      {
        status: 'consider',
        all: [{ kind: 'flag', flags: ['adherence-uncertain'], advice: ADHERENCE_UNCERTAIN_ADVICE }],
        rule: {
          id: 'suggest.adherence-support.adherence-uncertain',
          summary: `Consider adherence support when failed adequate trials are kept up only by orders that leave days uncovered (adherence uncertain): ${ADHERENCE_UNCERTAIN_ADVICE}.`,
          source: src(['howes2017', 'projectWorkingRule'], 'U', "TRRIP's 80% of prescribed doses, borrowed for coverage by orders rather than dispenses: working rule"),
        },
      },
    ],
    notEligibleText: 'No trial was flagged for poor adherence.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Review at each visit; consider a long-acting injectable where an antipsychotic is involved.',
    regulatory: { kind: 'not-a-product', text: 'Clinical practice step.', dates: [], source: src(['howes2017'], 'V') },
    references: [src(['howes2017'], 'V', 'adherence criterion')],
    referral: false,
    service: 'community-mental-health-team',
    code: null,
  },
  {
    id: 'integrated-dual-diagnosis',
    name: 'Integrated dual-diagnosis treatment',
    summary: 'Treat the substance use and the psychiatric disorder together, in one team.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    // Dual diagnosis needs two: substance use and a second psychiatric disorder the app assesses. Substance use on its
    // own is the substance-use option's (below).
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'flag', flags: ['substance-use'] }],
        rule: {
          id: 'suggest.dual-diagnosis.substance-use',
          summary: 'Co-occurring substance use beside a psychiatric disorder the app assesses can mimic treatment resistance: treat both together.',
          source: src(['samhsaTip42'], 'S', 'integrated treatment of co-occurring disorders'),
        },
      },
      {
        status: 'suggested',
        all: [
          { kind: 'assessed', conditions: ASSESSED_DISORDERS },
          { kind: 'diagnosis', kinds: ['substance-use'] },
        ],
        rule: {
          id: 'suggest.dual-diagnosis.substance-use-diagnosis',
          summary: 'A recorded substance-use disorder beside a psychiatric disorder the app assesses: treat both together.',
          source: src(['samhsaTip42'], 'S', 'integrated treatment of co-occurring disorders'),
        },
      },
    ],
    notEligibleText: 'No current substance-use disorder is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Ongoing, within one team.',
    regulatory: { kind: 'not-a-product', text: 'Service model.', dates: [], source: src(['samhsaTip42'], 'S') },
    references: [src(['samhsaTip42'], 'S')],
    referral: false,
    service: 'dual-diagnosis-service',
    code: null,
  },
  {
    id: 'substance-use-treatment',
    name: 'Substance-use assessment and treatment',
    summary:
      'Assessment and treatment by the addiction service: for opioid use disorder buprenorphine or methadone, and naloxone; for alcohol use disorder naltrexone or acamprosate; with psychological treatment.',
    group: 'pseudo-resistance',
    // Substance use is treated whatever else is recorded: no psychiatric diagnosis is needed (no "not applicable").
    indications: [],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'substance-use' }],
        rule: {
          id: 'suggest.substance-use.current',
          summary:
            'Substance use or an overdose of a drug of abuse in the record (a current substance use disorder, detox stays, overdoses): assessment and treatment by the addiction service, with the medication treatment of each substance found.',
          source: src(['samhsaTip42', 'asamOud2020', 'apaAud2018'], 'S', 'assessment and treatment of substance use disorders; medications for opioid and alcohol use disorder'),
        },
      },
      {
        status: 'consider',
        all: [{ kind: 'substance-use', past: true }],
        rule: {
          id: 'suggest.substance-use.past',
          summary: 'A past substance use disorder only: ask about current use; assessment by the addiction service if use continues or relapse threatens.',
          source: WORKING('offering assessment after a past substance use disorder, to ask about current use and relapse', ['samhsaTip42']),
        },
      },
    ],
    notEligibleText: 'No substance use other than tobacco, and no overdose of a drug of abuse, is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'Assessment by the addiction service, then medication and psychological treatment as long as they help (no set end for opioid use disorder medication).',
    regulatory: { kind: 'not-a-product', text: 'Service and medication treatment.', dates: [], source: src(['asamOud2020'], 'S') },
    references: [src(['asamOud2020'], 'S'), src(['samhsaTip63'], 'S'), src(['apaAud2018'], 'S'), src(['niceCg115'], 'S'), src(['samhsaTip42'], 'S')],
    referral: true,
    service: 'addiction-service',
    code: null,
  },
  {
    id: 'trauma-focused-therapy',
    name: 'Trauma-focused psychotherapy',
    summary: 'A trauma-focused psychological treatment (e.g. prolonged exposure, cognitive processing therapy, EMDR).',
    group: 'pseudo-resistance',
    indications: ['ptsd', 'mdd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'assessed', conditions: ['ptsd'] }],
        rule: {
          id: 'suggest.trauma-therapy.ptsd',
          summary: 'PTSD: trauma-focused therapy (about 9–15 sessions).',
          source: src(['vaDodPtsd2023'], 'S', 'individual trauma-focused psychotherapy recommended first'),
        },
      },
      {
        status: 'suggested',
        all: [{ kind: 'diagnosis', kinds: ['trauma'] }],
        rule: {
          id: 'suggest.trauma-therapy.trauma',
          summary: 'Recorded trauma: consider whether trauma-focused therapy addresses what medication has not.',
          source: WORKING('recorded trauma as a reason to consider trauma-focused therapy', ['vaDodPtsd2023']),
        },
      },
    ],
    notEligibleText: 'No PTSD or trauma is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'About 9–15 sessions.',
    regulatory: { kind: 'not-a-product', text: 'Psychological treatment.', dates: [], source: src(['vaDodPtsd2023'], 'S') },
    references: [src(['vaDodPtsd2023'], 'S'), src(['dunlop2014'], 'V', 'E-TRIP')],
    referral: false,
    service: 'psychological-therapies',
    code: null,
    givenAs: ['trauma-focused'],
    afterGiven: {
      kind: 'a different trauma-focused therapy',
      alternatives: [
        { name: 'prolonged exposure', match: /prolonged exposure/i },
        { name: 'cognitive processing therapy', match: /cognitive processing therapy|\bcpt\b/i },
        { name: 'EMDR', match: /\bemdr\b|eye movement desensiti/i },
      ],
      source: WORKING('offering another of the guideline’s trauma-focused therapies after one that did not help is a working rule; the guideline recommends each of them', ['vaDodPtsd2023']),
    },
  },
  {
    id: 'psychosocial-support',
    name: 'Psychosocial support',
    summary: 'Social work and support for housing, employment, money, relationships or legal problems that sustain the illness.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd'],
    eligibility: [
      {
        status: 'suggested',
        all: [{ kind: 'diagnosis', kinds: ['psychosocial-stressor'] }],
        rule: {
          id: 'suggest.psychosocial.z55-z65',
          summary: 'Recorded psychosocial stressors (ICD-10-CM Z55–Z65): address them alongside treatment.',
          source: src(['peeters2016'], 'S', 'psychosocial stressors add to treatment resistance in the DM-TRD'),
        },
      },
    ],
    notEligibleText: 'No current psychosocial stressor (Z55–Z65) is recorded.',
    ageLimits: [],
    risks: [],
    requirements: [],
    urgentFor: [],
    usualCourse: 'As needed; social-work assessment first.',
    regulatory: { kind: 'not-a-product', text: 'Service.', dates: [], source: WORKING('a service, not a regulated product') },
    references: [src(['peeters2016'], 'S')],
    referral: false,
    service: 'community-mental-health-team',
    code: null,
  },
  {
    id: 'digital-therapy',
    name: 'Digital therapy (app-based CBT)',
    summary: 'A structured digital cognitive-behavioural programme as an adjunct to treatment.',
    group: 'pseudo-resistance',
    indications: ['mdd', 'ptsd', 'ocd'],
    eligibility: [
      {
        status: 'consider',
        all: [{ kind: 'assessed', conditions: ['mdd', 'ocd', 'ptsd'] }, { kind: 'failed-or-intolerant-trials', min: 1 }],
        rule: {
          id: 'suggest.digital-therapy.adjunct',
          summary: 'A digital CBT programme may be considered as an adjunct after a medication trial did not work; evidence and regulatory status not verified for this app.',
          source: WORKING('digital CBT as an adjunct; products and evidence not reviewed'),
        },
      },
    ],
    notEligibleText: 'Digital therapy is considered as an adjunct in depression, OCD or PTSD after a trial that did not work.',
    ageLimits: [],
    risks: [],
    requirements: [
      { text: 'Evidence and regulatory status of specific products were not verified for this app.', source: WORKING('products not reviewed') },
    ],
    urgentFor: [],
    usualCourse: 'Several weeks of app-based sessions alongside usual care.',
    regulatory: { kind: 'not-a-product', text: 'Product-specific; not verified.', dates: [], source: WORKING('products not reviewed') },
    references: [],
    referral: false,
    service: 'psychological-therapies',
    code: null,
  },
]);

/** The id of an option: one of the catalog's rows. */
export type InterventionId = (typeof CATALOG)[number]['id'];

export type CatalogOption = CatalogRow<InterventionId>;

const BY_ID = new Map(CATALOG.map((option) => [option.id, option]));

export function catalogOption(id: InterventionId): CatalogOption {
  const option = BY_ID.get(id);
  // InterventionId is derived from the catalog's rows: a miss is a programming error.
  if (!option) throw new Error(`No catalog row for intervention ${id}`);
  return option;
}

/** The service an option is referred to unless the clinician picks another (the catalog row's `service`). */
export function defaultServiceFor(option: InterventionId): ReceivingService {
  return receivingService(catalogOption(option).service);
}
