/**
 * Generic evaluator of the catalog, option by option, with no per-option code: criteria.ts and risks.ts check a row's
 * criteria and risks against the patient's context (context.ts), order.ts ranks the results.
 * Pure: "today" is `derived.asOf`.
 *
 * Status, per option:
 *   - no eligibility path holds                     -> not-eligible (reasons say what is missing, naming what is there)
 *   - a path holds and a contraindication is found  -> contraindicated
 *   - a path holds                                  -> the path's status (suggested or consider), lowered to consider
 *     when a high-risk condition is found, or when most failed trials were not adequate (pseudo-resistance first)
 *     unless the need is urgent.
 * Nothing is suggested or considered without at least one reason backed by a resource of the record.
 */
import type { ConditionKey, Episode, Finding, OptionFinding, RuleRef, Suggestion, SuggestionStatus, TherapyTrial, UnconfirmedTrial } from '../types';
import {
  CONDITION_NAME,
  CONDITION_SHORT,
  ROUTINE_WHEN_RULED_OUT,
  adequacyVerdictOf,
  agentToAugmentWords,
  capitalise,
  augmentationWaitsWords,
  afterTrialWords,
  criterionWords,
  onlyIfJudgedFailedWords,
  bracketsAsClause,
  noAgentToAugmentWords,
  notForAcuteRiskWords,
  routineNotAcuteWords,
  takenNowWords,
  andList,
  orList,
} from '../vocabulary';
import {
  CAUTION_WEIGHT_RANK,
  CATALOG,
  REFER_NOW_START_AFTER,
  REMEASURE_BEFORE_REFERRAL,
  RUNNING_TRIAL_ONCE_RESISTANT,
  RUNNING_TRIAL_POLICY_WORDS,
  FAILED_TRIAL_CRITERIA,
  NOT_FOR_ACUTE_RISK,
  RECENT_SUICIDAL_IDEATION_DAYS,
  src,
  WORKING,
  type AgeLimit,
  type CatalogOption,
  type CautionWeight,
  type EligibilityPath,
  type RiskRow,
  type SourceRef,
  type UrgencySignal,
  URGENCY_SIGNAL_RULES,
  ADHERENCE_UNCERTAIN_ADVICE,
  ADHERENCE_UNCERTAIN_CAUTION,
} from './catalog';
import { checkRisk, notOfferedReason, riskFinding } from './risks';
import { checkCriterion, priorResponses } from './criteria';
import {
  type Context,
  type CriterionResult,
  type DerivedRecord,
  unique,
  trialsOf,
  FAILED,
  sourceWords,
  CSSRS_HIGH_RISK,
  PHQ9_ITEM9_POSITIVE,
  cite,
  olderDiagnoses,
  diagnosisFinding,
  buildContext,
} from './context';
import { type Evaluated, orderSuggestions } from './order';

// ---------------------------------------------------------------------------------------------
// Pseudo-resistance
// ---------------------------------------------------------------------------------------------

/** Failed trials of the assessed conditions' current episodes, split by adequacy. */
function pseudoResistance(context: Context): OptionFinding | null {
  const ids = unique(context.derived.assessments.flatMap((a) => a.trialIds));
  const failed = trialsOf(context, ids).filter((t) => FAILED.has(t.outcome));
  // A trial no adequacy rule covers is not an inadequate one.
  const inadequate = failed.filter((t) => adequacyVerdictOf(t) === 'not-adequate');
  // "Most": strictly more than half of the failures were not adequate trials.
  if (inadequate.length === 0 || inadequate.length * 2 <= failed.length) return null;
  return {
    text: `${inadequate.length} of ${failed.length} failed trials were not adequate (${inadequate
      .map((t) => `${t.ingredient}: ${t.adequacyReason}`)
      .join('; ')}): address dose, duration and adherence before interventional options`,
    sources: unique(inadequate.flatMap((t) => t.sources)),
  };
}

const PSEUDO_RESISTANCE_SOURCE = src(['gaynes2020'], 'S', 'a failed trial needs an adequate dose, duration and adherence');

export const PSEUDO_RESISTANCE_RULE: RuleRef = {
  id: 'suggest.pseudo-resistance-first',
  summary:
    'When most failed trials were not adequate (dose, duration, adherence), the pseudo-resistance steps come first and interventional options are lowered to "consider" unless the need is urgent.',
  source: sourceWords(PSEUDO_RESISTANCE_SOURCE),
  verification: PSEUDO_RESISTANCE_SOURCE.verification,
  references: PSEUDO_RESISTANCE_SOURCE.refs,
};

const URGENCY_SOURCE = src(['fdaEct2018', 'apaEct2001', 'spravatoLabel', 'posner2011', 'jointCommission2018', 'projectWorkingRule'], 'U', 'ECT: rapid response due to severity; esketamine: acute suicidal ideation or behaviour; a positive suicide-risk screen needs a risk assessment before care goes on; 30-day window, C-SSRS cut-off and no option urgency for an unassessed positive screen are working rules');

export const URGENCY_RULE: RuleRef = {
  id: 'suggest.urgent',
  summary: `Urgent when suicidal ideation or behaviour is coded (ideation, attempt, self-harm, intentional or undetermined overdose) within ${RECENT_SUICIDAL_IDEATION_DAYS} days, a C-SSRS of ${CSSRS_HIGH_RISK} or more is recorded within ${RECENT_SUICIDAL_IDEATION_DAYS} days, or catatonia or psychotic features are active; ECT carries all three, esketamine suicidal ideation only (psychosis is a caution for it). A positive PHQ-9 item 9 (${PHQ9_ITEM9_POSITIVE} or more) as the latest answer within ${RECENT_SUICIDAL_IDEATION_DAYS} days with no C-SSRS since makes the risk assessment urgent (the safety strip's action), not an option: it is a screen, not an indication. Urgency attaches only to options still offered, and only an urgent option's referral starts at urgent priority; every other referral starts routine (the clinician may change it), and an offered option that does not answer an acute suicide risk says so.`,
  source: sourceWords(URGENCY_SOURCE),
  verification: URGENCY_SOURCE.verification,
  references: URGENCY_SOURCE.refs,
};

const COMPLETE_TRIAL_SOURCE = WORKING('a trial in progress is completed and judged before an interventional option that treatment resistance would indicate', ['gaynes2020']);

export const COMPLETE_TRIAL_RULE: RuleRef = {
  id: 'suggest.complete-running-trial-first',
  summary:
    'While a trial of the condition is still running, not yet adequate only because it is short so far, and the condition does not meet its treatment-resistance criteria, completing that trial is the next step: an interventional option otherwise suggested is lowered to "consider", eligible if that trial fails, unless the need is urgent.',
  source: sourceWords(COMPLETE_TRIAL_SOURCE),
  verification: COMPLETE_TRIAL_SOURCE.verification,
  references: COMPLETE_TRIAL_SOURCE.refs,
};

/** The rules above cited as a reason cites them, worded once when the module loads. */
const COMPLETE_TRIAL_CITED = cite(COMPLETE_TRIAL_SOURCE);
const NOT_FOR_ACUTE_RISK_CITED = cite(NOT_FOR_ACUTE_RISK);

/** What a running trial short of adequacy means once resistance is met on earlier trials, per condition (the rules panel's rows). */
export const RUNNING_TRIAL_ONCE_RESISTANT_RULES: RuleRef[] = Object.values(RUNNING_TRIAL_ONCE_RESISTANT).map((row) => ({
  id: `suggest.running-trial-once-resistant.${row.condition}`,
  summary: `${CONDITION_NAME[row.condition].replace(/^./, (c) => c.toUpperCase())} meeting its treatment-resistance criteria on earlier trials, with a trial still running short of adequacy: ${RUNNING_TRIAL_POLICY_WORDS[row.policy]}; ${row.why}.`,
  source: sourceWords(row.source),
  verification: row.source.verification,
  references: row.source.refs,
}));

/**
 * The running trial an option waits on, for an option indicated by a condition whose resistance is not met, or that is
 * met but whose row (RUNNING_TRIAL_ONCE_RESISTANT) still gates on the running trial: `refer` when the option stays
 * suggested and only its start waits.
 */
function trialToCompleteFor(
  option: CatalogOption,
  context: Context,
): { ingredient: string; text: string; after: string; sources: string[]; source: SourceRef; rule: string; refer: boolean } | undefined {
  const assessment = context.derived.assessments.find(
    (a) => option.indications.includes(a.condition) && (!a.treatmentResistant || RUNNING_TRIAL_ONCE_RESISTANT[a.condition].policy !== 'not-gated') && a.trialToComplete,
  );
  const trial = assessment?.trialToComplete;
  if (!trial) return undefined;
  const name = CONDITION_NAME[assessment.condition];
  // The weeks still needed are said beside the status (`after`); the gating line says only why it waits.
  const after = afterTrialWords(trial.ingredient, trial.weeksToJudge);
  if (!assessment.treatmentResistant) {
    return { ingredient: trial.ingredient, text: `${name} does not meet its treatment-resistance criteria`, after, sources: trial.sources, source: COMPLETE_TRIAL_SOURCE, rule: COMPLETE_TRIAL_RULE.id, refer: false };
  }
  const row = RUNNING_TRIAL_ONCE_RESISTANT[assessment.condition];
  if (row.notGating?.includes(option.id)) return undefined;
  const refer = row.policy === 'refer-while-completing';
  return {
    ingredient: trial.ingredient,
    // The trial-in-progress line already says resistance is met on the earlier trials.
    text: refer ? `${trial.text}; ${row.why}` : (row.gate ?? row.why),
    after,
    sources: trial.sources,
    source: row.source,
    rule: `suggest.running-trial-once-resistant.${row.condition}`,
    refer,
  };
}

// ---------------------------------------------------------------------------------------------
// One option
// ---------------------------------------------------------------------------------------------

function ruleWords(path: EligibilityPath): string {
  return criterionWords(path.rule.summary, cite(path.rule.source));
}

/**
 * The catalog's words that are the same for every patient, worded once when the module loads: each path's rule (the
 * last reason of an option it holds for), each option's requirements as cautions, its age limits, and the urgency
 * signals that make it urgent (URGENCY_SIGNAL_RULES).
 */
const RULE_WORDS: ReadonlyMap<EligibilityPath, string> = new Map(CATALOG.flatMap((o) => o.eligibility.map((p) => [p, ruleWords(p)] as const)));
const REQUIREMENT_WORDS: ReadonlyMap<CatalogOption['requirements'][number], string> = new Map(
  CATALOG.flatMap((o) => o.requirements.map((r) => [r, requirementWords(r)] as const)),
);
const AGE_LIMIT_WORDS: ReadonlyMap<CatalogOption, string> = new Map(CATALOG.map((o) => [o, ageLimitWords(o)]));
const URGENT_OPTION_SIGNALS: ReadonlyMap<CatalogOption, readonly UrgencySignal[]> = new Map(CATALOG.map((o) => [o, urgentOptionSignals(o)]));

function requirementWords(requirement: CatalogOption['requirements'][number]): string {
  return `${requirement.text} (${cite(requirement.source)})`;
}

function ageLimitWords(option: CatalogOption): string {
  return option.ageLimits.map((l) => `${l.text} (${cite(l.source)})`).join('; ');
}

function urgentOptionSignals(option: CatalogOption): readonly UrgencySignal[] {
  return option.urgentFor.filter((signal) => URGENCY_SIGNAL_RULES[signal].urgentOption);
}

function ruleFinding(path: EligibilityPath): OptionFinding {
  return { text: RULE_WORDS.get(path) ?? ruleWords(path), sources: [], kind: 'criterion' };
}

function hasRecordReason(reasons: OptionFinding[]): boolean {
  return reasons.some((r) => r.sources.length > 0);
}

/** What an option's risk rows find in the record: contraindications, cautions, and whether one is a high risk. */
interface RisksFound {
  contraindications: OptionFinding[];
  cautions: OptionFinding[];
  /** What must come first for each high-risk condition found, in clinical words, with the records behind it (empty: none). */
  highRisk: OptionFinding[];
  /** The conditions of substantial risk found, each in a few words with the resources behind it (a high-risk row, or a row marked substantialRisk). */
  substantialRisks: OptionFinding[];
  /** The ids of the risk rows found (a finding now, or history). */
  rules: string[];
}

function risksOf(option: CatalogOption, context: Context): RisksFound {
  const contraindications: OptionFinding[] = [];
  const cautions: WeighedCaution[] = [];
  const highRisk: OptionFinding[] = [];
  const substantialRisks: OptionFinding[] = [];
  const rules: string[] = [];
  for (const row of option.risks) {
    const found = checkRisk(row, context);
    if (found.length) {
      rules.push(row.id);
      const finding = riskFinding(row, found);
      if (row.severity === 'contraindication' || row.severity === 'avoid') contraindications.push(finding);
      else cautions.push({ finding, weight: row.weight });
      if (row.severity === 'high-risk') highRisk.push({ text: row.onlyAfter ?? `${capitalise(row.text)}: only after the teams it names have weighed it`, sources: finding.sources });
      if (row.severity === 'high-risk' || row.substantialRisk) substantialRisks.push({ text: row.substantialRisk ?? 'a high-risk condition', sources: finding.sources });
    }
    const history = historyFinding(row, context);
    if (history) {
      cautions.push({ finding: history, weight: row.weight });
      rules.push(row.id);
    }
  }
  for (const requirement of option.requirements) {
    const text = REQUIREMENT_WORDS.get(requirement) ?? requirementWords(requirement);
    cautions.push({
      finding: requirement.beforeStarting ? { text, sources: [], kind: 'caution', beforeStarting: true } : { text, sources: [], kind: 'caution' },
      weight: requirement.weight,
    });
  }
  return { contraindications, cautions: byWeight(cautions), highRisk, substantialRisks, rules };
}

interface WeighedCaution {
  finding: OptionFinding;
  weight: CautionWeight | undefined;
}

function cautionRank(c: WeighedCaution): number {
  // The baseline checks before starting lead, heaviest first among them; then the others by weight.
  return CAUTION_WEIGHT_RANK[c.weight ?? 'serious'] - (c.finding.beforeStarting ? BEFORE_STARTING_FIRST : 0);
}

/** Larger than any weight rank: a check before starting comes before every other caution. */
const BEFORE_STARTING_FIRST = 100;

/**
 * The checks before starting first, then cautions heaviest first by the catalog's weight column, catalog order within
 * a weight (Array.prototype.sort is stable). The rank is a function of the module, not a closure made per option.
 */
function byWeight(cautions: WeighedCaution[]): OptionFinding[] {
  return cautions.sort((a, b) => cautionRank(a) - cautionRank(b)).map((c) => c.finding);
}

interface Eligibility {
  status: SuggestionStatus;
  reasons: OptionFinding[];
  stale?: OptionFinding;
  /** Held only if trials not yet judged are judged failures ("consider — confirm"): said beside the status. */
  onlyIf?: Finding;
  /** Why a path resting on established failures does not hold on trials not yet judged (not-eligible only). */
  notOnUnjudged?: OptionFinding;
  /** The ids of the rules applied: the path that holds, or the established-failures rule that held one back. */
  rules: string[];
}

/** The status the first eligibility path that holds gives, with its reasons; not-eligible with none when no path holds. */
function eligibilityOf(option: CatalogOption, context: Context): Eligibility {
  let status: SuggestionStatus = 'not-eligible';
  let reasons: OptionFinding[] = [];
  let holding: EligibilityPath | null = null;
  // The first path that holds with resistance only possibly met (unrecorded outcomes): "consider — confirm".
  let confirmPath: { path: EligibilityPath; findings: OptionFinding[]; confirm: OptionFinding[] } | null = null;
  // A path that would be "consider — confirm" but rests on established failures only.
  let heldBack: EligibilityPath | null = null;
  for (const path of option.eligibility) {
    // Criteria after the first unmet one are never shown (missingReasons names the first unmet only): not evaluated.
    const results: CriterionResult[] = [];
    const confirm: OptionFinding[] = [];
    for (const criterion of path.all) {
      const r = checkCriterion(criterion, context);
      if (!r.met && !r.possible) break;
      if (!r.met && r.possible) confirm.push(r.possible);
      results.push(r);
    }
    if (results.length !== path.all.length) continue;
    if (!confirm.length) {
      status = path.status;
      reasons = [...results.flatMap((r) => r.findings), ...staleBases(path, context), ...trialsInProgress(path, context), ruleFinding(path)];
      holding = path;
      confirmPath = null;
      break;
    }
    if (path.establishedFailures) heldBack ??= path;
    else confirmPath ??= { path, findings: results.flatMap((r) => (r.met ? r.findings : [])), confirm };
  }
  if (status === 'not-eligible' && confirmPath) {
    status = 'consider';
    reasons = [
      { text: `Consider — confirm: the record possibly meets what ${option.name} needs.`, sources: [] },
      ...confirmPath.confirm,
      ...confirmPath.findings,
      ...staleBases(confirmPath.path, context),
      ...trialsInProgress(confirmPath.path, context),
      ruleFinding(confirmPath.path),
    ];
    holding = confirmPath.path;
  }
  const stale = holding ? staleBasisOf(holding, context) : undefined;
  const result: Eligibility = stale ? { status, reasons, stale, rules: [] } : { status, reasons, rules: [] };
  if (holding) result.rules.push(holding.rule.id);
  if (holding && holding === confirmPath?.path) {
    const onlyIf = onlyIfJudged(holding, context);
    if (onlyIf) result.onlyIf = onlyIf;
  }
  if (status === 'not-eligible' && heldBack?.establishedFailures) {
    const unjudged = unjudgedOf(heldBack, context);
    const rule = heldBack.establishedFailures;
    result.rules.push(rule.id);
    result.notOnUnjudged = {
      text: `Not on a trial not yet judged (${andList(unique(unjudged.map((u) => u.ingredient)))}): ${rule.summary} (${cite(rule.source)}).`,
      sources: unique(trialsOf(context, unjudged.map((u) => u.trialId)).flatMap((t) => t.sources)),
    };
  }
  return result;
}

/** The trials not yet judged that a path's failure criteria would count if they failed, with what each needs. */
function unjudgedOf(path: EligibilityPath, context: Context): UnconfirmedTrial[] {
  const conditions = unique(path.all.flatMap((c) => (c.kind === 'failed-adequate-trials' || c.kind === 'treatment-resistant' ? c.conditions : [])));
  return conditions.flatMap((c) => context.assessments.get(c)?.unconfirmedTrials ?? []);
}

/**
 * What a "consider — confirm" option waits on, said beside its status: "only if fluoxetine is judged a failure", with
 * how many of the trials not yet judged must fail where the path counts them.
 */
function onlyIfJudged(path: EligibilityPath, context: Context): Finding | undefined {
  const unjudged = unjudgedOf(path, context);
  if (!unjudged.length) return undefined;
  let needed: number | undefined;
  for (const c of path.all) {
    if (c.kind !== 'failed-adequate-trials') continue;
    for (const condition of c.conditions) {
      const a = context.assessments.get(condition);
      if (!a?.unconfirmedTrials?.length) continue;
      const intolerant = c.orIntolerance ? trialsOf(context, a.trialIds).filter((t) => t.outcome === 'intolerance').length : 0;
      needed = c.min - Math.max(a.failedAdequateTrials, a.failedAdequateTrialIds.length) - intolerant;
      break;
    }
    if (needed !== undefined) break;
  }
  return {
    text: onlyIfJudgedFailedWords(unique(unjudged.map((u) => u.ingredient)), needed),
    sources: unique(trialsOf(context, unjudged.map((u) => u.trialId)).flatMap((t) => t.sources)),
  };
}

/** The stale score a path rests on (its failed trials or resistance verdict judged by it), if any: the first found. */
function staleBasisOf(path: EligibilityPath, context: Context): OptionFinding | undefined {
  if (!context.anyStaleOrInferredBasis) return undefined;
  for (const c of path.all) {
    if (c.kind !== 'failed-adequate-trials' && c.kind !== 'treatment-resistant') continue;
    for (const condition of c.conditions) {
      const stale = context.assessments.get(condition)?.staleBasis;
      if (stale) return stale;
    }
  }
  return undefined;
}

/**
 * A path resting on failed adequate trials or on the resistance verdict rests on the scores that judged them: where
 * the assessment says those are stale, or that some failures are inferred from a switch rather than measured, the
 * option carries it (once per assessment).
 */
function staleBases(path: EligibilityPath, context: Context): OptionFinding[] {
  if (!context.anyStaleOrInferredBasis) return [];
  const stale: OptionFinding[] = [];
  const seen: ConditionKey[] = [];
  for (const c of path.all) {
    if (c.kind !== 'failed-adequate-trials' && c.kind !== 'treatment-resistant') continue;
    for (const condition of c.conditions) {
      if (seen.includes(condition)) continue;
      seen.push(condition);
      const assessment = context.assessments.get(condition);
      if (assessment?.staleBasis) stale.push(assessment.staleBasis);
      if (assessment?.inferredBasis) stale.push(assessment.inferredBasis);
    }
  }
  return stale;
}

/**
 * A path resting on failed trials (counted, the resistance verdict, failures or intolerances, or a named agent's
 * failure) leaves out a trial of the episode still in progress: the option says it, with the verdict on the earlier
 * trials, once per assessment.
 */
function trialsInProgress(path: EligibilityPath, context: Context): OptionFinding[] {
  if (!context.anyTrialsInProgress) return [];
  const onFailures = path.all.filter((c) => FAILED_TRIAL_CRITERIA.has(c.kind));
  if (!onFailures.length) return [];
  const conditions = new Set(onFailures.flatMap((c) => ('conditions' in c ? c.conditions : [...context.assessments.keys()])));
  return [...conditions].flatMap((c) => {
    const running = context.assessments.get(c)?.trialsInProgress;
    return running ? [running] : [];
  });
}


/**
 * What a completed course leaves, naming the alternatives not given: "a different trauma-focused therapy after
 * cognitive processing therapy: prolonged exposure or EMDR"; when the course's name says none of them, all are named.
 */
function afterGivenText(after: NonNullable<CatalogOption['afterGiven']>, given: readonly { display: string }[]): string {
  if ('text' in after) return after.text;
  const done = after.alternatives.filter((a) => given.some((c) => a.match.test(c.display)));
  if (!done.length) return `${after.kind} from the one given: ${orList(after.alternatives.map((a) => a.name))}`;
  const left = after.alternatives.filter((a) => !done.includes(a));
  if (!left.length) return `${after.kind} after ${orList(done.map((a) => a.name))}: each one named here is recorded as given`;
  return `${after.kind} after ${orList(done.map((a) => a.name))}: ${orList(left.map((a) => a.name))}`;
}

/** The failed courses (adequate, measured as not helping) among those given, as the assessment judged them. */
function failedCoursesOf(option: CatalogOption, context: Context, given: readonly { display: string; start: string }[]): TherapyTrial[] {
  return option.indications.flatMap((c) =>
    (context.assessments.get(c)?.therapyTrials ?? []).filter((t) => t.failed && given.some((g) => g.display === t.display && g.start === t.start)),
  );
}

const RESOLVED_EPISODE_SOURCE = WORKING('a disorder with no current episode is not treated as active');

export const RESOLVED_EPISODE_RULE: RuleRef = {
  id: 'suggest.resolved-episode',
  summary:
    'A disorder whose episodes have all ended (resolved: abatement date or resolved status, no current episode) is not treated as active: no option for it is suggested or to consider, a course given before it resolved is not a failed one, and it is re-assessed if symptoms return.',
  source: sourceWords(RESOLVED_EPISODE_SOURCE),
  verification: RESOLVED_EPISODE_SOURCE.verification,
  references: RESOLVED_EPISODE_SOURCE.refs,
};

/**
 * Why an option is not offered when every recorded disorder it is for has resolved: "PTSD resolved 2017-03-14 after
 * Trauma Therapy; re-assess if symptoms return." (the courses of it given before the resolution); null when one is current.
 */
function resolvedReason(option: CatalogOption, context: Context, given: readonly { display: string; start: string; sources: string[] }[]): OptionFinding | null {
  const assessed = option.indications.flatMap((c) => context.assessments.get(c) ?? []);
  if (!assessed.length || assessed.some((a) => !a.resolved)) return null;
  const parts: string[] = [];
  const sources: string[] = [];
  for (const a of assessed) {
    const episode = context.derived.episodes
      .filter((e) => e.condition === a.condition && e.end !== null)
      .reduce<Episode | null>((last, e) => (last === null || e.end! > last.end! ? e : last), null);
    const dated = episode && !episode.endUndated ? episode.end! : null;
    const before = dated ? given.filter((c) => c.start <= dated) : [];
    const name = capitalise(CONDITION_SHORT[a.condition]);
    parts.push(`${name} resolved ${dated ?? '(date not recorded)'}${before.length ? ` after ${andList(unique(before.map((c) => c.display)))}` : ' (no current episode)'}`);
    sources.push(...(episode?.sources ?? a.conditionSources), ...before.flatMap((c) => c.sources));
  }
  return { text: `${andList(parts)}; re-assess if symptoms return (${cite(RESOLVED_EPISODE_SOURCE)}).`, sources: unique(sources) };
}

/**
 * One option's suggestion (its `order` set once all are sorted) with what the sorting needs besides. Its risks and
 * eligibility are read by functions of their own, so that each part is compiled (and, when an option of another shape
 * comes along, compiled again) on its own.
 */
function evaluateOption(option: CatalogOption, index: number, context: Context, pseudo: OptionFinding | null): Evaluated {
  const risks = risksOf(option, context);
  const { contraindications, cautions, highRisk, substantialRisks } = risks;
  const eligible = eligibilityOf(option, context);
  let { status, reasons } = eligible;
  // The rules applied, for the rules panel's "used for this patient".
  let rules = eligible.rules;
  let waitsOn: Finding | undefined;
  // What a completed course leaves to propose, when it is the same treatment in another format (intensified ERP).
  let proposed: { name: string; summary: string; usualCourse: string } | undefined;

  const urgencyFindings = urgencyFindingsOf(option, context);
  let urgent = false;

  const given = option.givenAs ? (context.derived.psychotherapy ?? []).filter((c) => option.givenAs!.includes(c.modality)) : [];
  const resolved = status !== 'not-eligible' ? resolvedReason(option, context, given) : null;
  if (resolved) {
    // Every disorder the option is for resolved: a course given before is no failed one, and nothing is offered.
    status = 'not-eligible';
    reasons = [resolved];
    rules = [RESOLVED_EPISODE_RULE.id];
  } else if (status !== 'not-eligible' && given.length > 0) {
    // Already given: reported as given, not proposed as new; where the option names what a completed course leaves
    // (another therapy of its kind), that is to consider once no course is still running.
    const another = option.afterGiven && given.every((c) => c.status !== 'in-progress') ? option.afterGiven : null;
    status = another ? 'consider' : 'not-eligible';
    proposed = another && 'proposed' in another ? another.proposed : undefined;
    if (another) rules.push(`${option.id}.after-given`);
    // The same treatment in another format says why: the course given did not help, as its scale measured it.
    const failed = another && 'text' in another ? failedCoursesOf(option, context, given) : [];
    const outcome = failed.length ? ` that did not help (${failed.map((t) => bracketsAsClause(t.outcomeDetail)).join('; ')})` : '';
    // What is left to consider leads: the card opens on what to offer, then says what was given.
    reasons = [
      ...(another
        ? [{ text: `${capitalise(afterGivenText(another, given))}${outcome} (${cite(another.source)}).`, sources: unique([...given.flatMap((c) => c.sources), ...failed.flatMap((t) => t.sources)]) }]
        : []),
      ...given.map((c): OptionFinding => {
        const course = `${c.display}, ${c.start} to ${c.end ?? 'now'} (${c.status === 'in-progress' ? 'in progress' : c.status === 'session' ? 'one session' : 'completed'})`;
        // Beside the same treatment in another format, the course is history; else it says why it is not proposed again
        // (alone, or beside a different therapy of its kind).
        return another && 'text' in another ? { text: `Given before: ${course}.`, sources: c.sources, kind: 'history' } : { text: `Already given: ${course}; not suggested as new.`, sources: c.sources };
      }),
      ...reasons.filter((r) => r.kind !== 'criterion'),
    ];
  } else if (status === 'not-eligible') {
    // An option with no indication (substance-use treatment) applies to everyone: it is never "not applicable".
    const applicable = option.indications.length === 0 || option.indications.some((c) => context.assessments.has(c));
    if (!applicable) {
      status = 'not-applicable';
      reasons = [{ text: `Not applicable: ${option.name} is for ${option.indications.map((c) => CONDITION_NAME[c]).join(', ')}, and none is recorded.`, sources: [] }];
    } else {
      reasons = [{ text: option.notEligibleText, sources: [] }, ...(eligible.notOnUnjudged ? [eligible.notOnUnjudged] : []), ...missingReasons(option, context)];
    }
  } else if (!hasRecordReason(reasons)) {
    // Guard: never propose an option on rule text alone.
    status = 'not-eligible';
    reasons = [{ text: `${option.notEligibleText} No finding in the record supports it.`, sources: [] }];
    rules = [];
  } else {
    const weighed = weighOffered(option, context, pseudo, status, reasons, contraindications, highRisk, urgencyFindings, rules);
    status = weighed.status;
    reasons = weighed.reasons;
    urgent = weighed.urgent;
    waitsOn = weighed.waitsOn;
  }

  // A referral is urgent only when the option's own rule names the urgency (URGENCY_SIGNAL_RULES, the option's
  // urgentFor); every other referral starts routine, and the clinician may raise it. Offered options that do not
  // answer an acute risk say so once all are weighed (addNotForAcuteRisk).
  const priorityReasons = urgent ? urgencyFindings : [];
  const ruledOut = status === 'contraindicated' || status === 'not-eligible' || status === 'not-applicable';
  const signal = context.acuteRisk;
  const priorityNote = ruledOut && signal.length ? { text: ROUTINE_WHEN_RULED_OUT, sources: unique(signal.flatMap((f) => f.sources)) } : undefined;
  const switchFrom = offeredStatus(status) && option.switchFrom ? switchFromWords(option.switchFrom, context) : undefined;
  // A referral resting on a stale score starts after re-measuring, unless it is urgent (REMEASURE_BEFORE_REFERRAL);
  // else an option waiting on a running trial says that trial and the weeks it still needs.
  // An option held only on a trial not yet judged says so in the same place ("only if fluoxetine is judged a failure").
  const onlyIf = eligible.onlyIf ? { ...eligible.onlyIf, confirm: true as const } : undefined;
  const startsAfter =
    eligible.stale && option.referral && !urgent && offeredStatus(status)
      ? { text: REMEASURE_BEFORE_REFERRAL.after, sources: eligible.stale.sources }
      : offeredStatus(status)
        ? (waitsOn ?? onlyIf)
        : undefined;
  if (offeredStatus(status) || status === 'contraindicated') rules.push(...risks.rules);
  if (startsAfter?.text === REMEASURE_BEFORE_REFERRAL.after) rules.push(REMEASURE_BEFORE_REFERRAL.id);
  return {
    suggestion: {
      intervention: option.id,
      name: proposed?.name ?? option.name,
      ...(proposed ? { summary: proposed.summary, usualCourse: proposed.usualCourse } : {}),
      status,
      urgent,
      referralPriority: urgent ? 'urgent' : 'routine',
      priorityReasons,
      ...(priorityNote ? { priorityNote } : {}),
      reasons,
      cautions,
      contraindications,
      ...(startsAfter ? { startsAfter } : {}),
      ...(switchFrom ? { switchFrom } : {}),
      order: index,
    },
    group: option.group,
    index,
    substantialRisks,
    place: 2 * index,
    rules,
  };
}

/** The agents taken now that an option replaces, and how: "switch from haloperidol by cross-titration"; none taken, undefined. */
function switchFromWords(switchFrom: NonNullable<CatalogOption['switchFrom']>, context: Context): OptionFinding | undefined {
  const taken = context.derived.trials.filter((t) => (t.end === null || t.end >= context.asOf) && switchFrom.classes.includes(t.class));
  if (!taken.length) return undefined;
  const names = unique(taken.map((t) => t.ingredient));
  return { text: `switch from ${andList(names)} ${switchFrom.how}`, sources: unique(taken.flatMap((t) => t.sources)) };
}

/** The findings of the urgency signals that make this option urgent (none for most patients: no signal recorded). */
function urgencyFindingsOf(option: CatalogOption, context: Context): OptionFinding[] {
  if (context.urgency.size === 0) return [];
  return (URGENT_OPTION_SIGNALS.get(option) ?? urgentOptionSignals(option)).flatMap((signal) => context.urgency.get(signal) ?? []);
}

/**
 * An option a path holds for, with a finding of the record behind it: its age limits, earlier responses in favour,
 * then what blocks or lowers it (a contraindication, an adjunct-only clearance, a high risk, pseudo-resistance) or
 * makes it urgent. A function of its own: the evaluation of every option passes here only for the offered ones.
 */
function weighOffered(
  option: CatalogOption,
  context: Context,
  pseudo: OptionFinding | null,
  eligibleStatus: SuggestionStatus,
  eligibleReasons: OptionFinding[],
  contraindications: OptionFinding[],
  highRisk: OptionFinding[],
  urgencyFindings: OptionFinding[],
  rules: string[],
): { status: SuggestionStatus; reasons: OptionFinding[]; urgent: boolean; waitsOn?: Finding } {
  let status = eligibleStatus;
  let waitsOn: Finding | undefined;
  let reasons = eligibleReasons;
  let urgent = false;
  const age = ageCheck(option, context);
  if (age.finding) reasons.push(age.finding);
  if (age.limit) rules.push(`${option.id}.age.${option.ageLimits.indexOf(age.limit) + 1}`);
  const favour = option.priorResponse ? priorResponses(context, option.priorResponse.procedures, option.priorResponse.ingredients) : [];
  for (const f of favour) {
    const text = `In favour: ${f.text} (${cite(option.priorResponse!.source)})`;
    if (!reasons.some((r) => r.text === f.text || r.text === text)) reasons.push({ text, sources: f.sources, inSummaryNote: true });
  }
  if (favour.length) rules.push(`${option.id}.prior-response`);
  if (age.outside) {
    status = 'not-eligible';
    reasons = [age.finding!, ...reasons.filter((r) => r !== age.finding)];
  } else if (contraindications.length) {
    // Blocking: never suggested, never urgent.
    status = 'contraindicated';
    reasons = [notOfferedReason(contraindications), ...reasons];
  } else {
    urgent = urgencyFindings.length > 0;
    if (age.capToConsider && status === 'suggested') {
      status = 'consider';
      reasons.push({ text: `At this age cleared only for ${age.limit!.text}.`, sources: [] });
    }
    if (status === 'suggested' && highRisk.length) {
      status = 'consider';
      reasons.push({ text: `${unique(highRisk.map((r) => r.text)).join('; ')} (see High risk).`, sources: unique(highRisk.flatMap((r) => r.sources)) });
    }
    if (status === 'suggested' && pseudo && option.group === 'interventional' && !urgent) {
      status = 'consider';
      reasons.push({ text: `${capitalise(pseudo.text)}.`, sources: pseudo.sources });
      rules.push(PSEUDO_RESISTANCE_RULE.id);
    }
    // An option that augments the running agent says its own wait (weighAugmented).
    const running = (status === 'suggested' || status === 'consider') && option.group === 'interventional' && !urgent && !option.augments ? trialToCompleteFor(option, context) : undefined;
    if (running && (running.refer || status === 'suggested')) rules.push(running.rule);
    if (running?.refer) {
      // Referred now, started only once the running trial is judged.
      reasons.push({ text: `${REFER_NOW_START_AFTER}: ${running.text} (${cite(running.source)}).`, sources: running.sources, kind: 'gate' });
      waitsOn = { text: running.after, sources: running.sources };
    } else if (running && status === 'suggested') {
      // Eligible is not the next step: the running trial is completed first, and the option waits on its failure.
      status = 'consider';
      reasons.push({ text: `Eligible if the ${running.ingredient} trial fails: ${running.text} (${cite(running.source)}).`, sources: running.sources, kind: 'gate' });
      waitsOn = { text: running.after, sources: running.sources };
    }
    if (option.augments && (status === 'suggested' || status === 'consider')) {
      const augmented = weighAugmented(option.augments, context, status, reasons);
      status = augmented.status;
      waitsOn = augmented.waitsOn;
      if (waitsOn) rules.push(COMPLETE_TRIAL_RULE.id);
    }
    reasons = gateFirst(reasons);
    if (urgent) {
      rules.push(URGENCY_RULE.id);
      for (const finding of urgencyFindings) if (!reasons.some((r) => r.text === finding.text)) reasons.unshift({ text: `Urgent: ${finding.text}`, sources: finding.sources });
    }
  }
  return waitsOn ? { status, reasons, urgent, waitsOn } : { status, reasons, urgent };
}

/**
 * What an offered option waits on (a running trial to judge) leads its reasons, the others following in the order
 * found; urgency lines are put before all of them afterwards, and the entry criteria go last (entryCriteriaLast).
 */
function gateFirst(reasons: OptionFinding[]): OptionFinding[] {
  // Most options wait on nothing: their list is kept as it is.
  if (!reasons.some((r) => r.kind === 'gate')) return reasons;
  return [...reasons.filter((r) => r.kind === 'gate'), ...reasons.filter((r) => r.kind !== 'gate')];
}

/**
 * The entry criteria every patient an option is for meets (the diagnosis recorded, the age within the limit) say
 * nothing about this patient's choice: they follow the lines that carry the decision, ranking lines included.
 */
function entryCriteriaLast(s: Suggestion): void {
  // Already last (or none): the list is kept as it is.
  const first = s.reasons.findIndex((r) => r.entryCriterion);
  if (first < 0 || s.reasons.slice(first).every((r) => r.entryCriterion)) return;
  s.reasons = [...s.reasons.filter((r) => !r.entryCriterion), ...s.reasons.filter((r) => r.entryCriterion)];
}

/**
 * An option that adds to an agent taken now names that agent beside its entry criteria. While the agent's trial is
 * still short of adequacy, the augmentation waits for it to be judged (or for the agent not to be continued): at most
 * "consider"; with no such agent taken now, there is nothing to augment yet, and it is at most "consider" too.
 */
function weighAugmented(
  augments: NonNullable<CatalogOption['augments']>,
  context: Context,
  status: SuggestionStatus,
  reasons: OptionFinding[],
): { status: SuggestionStatus; waitsOn?: Finding } {
  const taken = context.derived.trials.filter(
    (t) => (t.end === null || t.end >= context.asOf) && (augments.ingredients.includes(t.ingredient) || augments.classes.includes(t.class)),
  );
  // The agent is named before the other reasons that carry the decision (the entry criteria go last: entryCriteriaLast).
  const firstOther = reasons.findIndex((r) => !r.entryCriterion);
  const at = firstOther < 0 ? reasons.length : firstOther;
  if (!taken.length) {
    reasons.splice(at, 0, { text: `${noAgentToAugmentWords(augments.agent)} (${cite(augments.source)})`, sources: [] });
    return { status: 'consider' };
  }
  reasons.splice(at, 0, { text: agentToAugmentWords(augments.agent, taken.map(takenNowWords)), sources: unique(taken.flatMap((t) => t.sources)) });
  let result = status;
  let waitsOn: Finding | undefined;
  for (const trial of taken.filter((t) => !t.adequate && t.adequacyPending)) {
    const toComplete = context.derived.assessments.find((a) => a.trialToComplete?.trialId === trial.id)?.trialToComplete;
    const sources = toComplete?.sources ?? trial.sources;
    // The weeks it still needs are said beside the status; without them (a trial no assessment completes), its adequacy.
    reasons.push({
      text: `${augmentationWaitsWords(trial.ingredient)}${toComplete ? '' : `; ${trial.adequacyReason}`} (${COMPLETE_TRIAL_CITED}).`,
      sources,
      kind: 'gate',
    });
    waitsOn ??= { text: afterTrialWords(trial.ingredient, toComplete?.weeksToJudge ?? 0), sources };
    result = 'consider';
  }
  return waitsOn ? { status: result, waitsOn } : { status: result };
}

/** An older dated event of a windowed risk row: history, said as such with the window's source. */
function historyFinding(row: RiskRow, context: Context): OptionFinding | null {
  if (!row.historyText || row.match.kind !== 'diagnosis' || row.match.maxAgeDays === undefined) return null;
  const older = olderDiagnoses(context, row.match.kinds, row.match.maxAgeDays);
  if (!older.length) return null;
  return {
    text: `Note: ${older.map((d) => diagnosisFinding(d).text).join('; ')}: ${row.historyText} (${cite(row.source)})`,
    sources: older.map((d) => d.source),
    kind: 'caution',
  };
}

interface AgeResult {
  /** The age and the limit that applies, shown with the reasons. */
  finding?: OptionFinding;
  /** The patient is outside every age limit of the option. */
  outside: boolean;
  /** The limit that applies caps the status at "consider" (an adjunct-only clearance). */
  capToConsider: boolean;
  limit?: AgeLimit;
}

function ageCheck(option: CatalogOption, context: Context): AgeResult {
  if (!option.ageLimits.length) return { outside: false, capToConsider: false };
  const limits = AGE_LIMIT_WORDS.get(option) ?? ageLimitWords(option);
  const patient = context.derived.demographics?.source ? [context.derived.demographics.source] : [];
  if (context.age === null) {
    return { outside: false, capToConsider: false, finding: { text: `Age not known (no birth date in the record): check the age limits: ${limits}.`, sources: patient } };
  }
  const age = context.age;
  const limit = option.ageLimits.find((l) => age >= l.min && (l.max === undefined || age <= l.max));
  if (!limit) {
    return { outside: true, capToConsider: false, finding: { text: `Age ${age}: outside the age limits of ${option.name}: ${limits}.`, sources: patient } };
  }
  return {
    outside: false,
    capToConsider: limit.status === 'consider',
    limit,
    finding: { text: `Age ${age}: within the age limit, ${limit.text} (${cite(limit.source)}).`, sources: patient, entryCriterion: true },
  };
}

/** What each eligibility path lacks (first unmet criterion), naming what the record does show; each finding once. */
function missingReasons(option: CatalogOption, context: Context): OptionFinding[] {
  const out: OptionFinding[] = [];
  const seen = new Set<string>();
  for (const path of option.eligibility) {
    let unmet: CriterionResult | undefined;
    for (const c of path.all) {
      const r = checkCriterion(c, context);
      if (!r.met) {
        unmet = r;
        break;
      }
    }
    if (!unmet) continue;
    // The option's own text (notEligibleText) heads the reasons: a sentence that only restates it is left out.
    const missing = unmet.missing && !unmet.restates ? [{ text: unmet.missing, sources: [] as string[] }] : [];
    for (const finding of [...missing, ...unmet.findings]) {
      if (seen.has(finding.text)) continue;
      seen.add(finding.text);
      out.push(finding);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// All options
// ---------------------------------------------------------------------------------------------

const offeredStatus = (status: SuggestionStatus) => status === 'suggested' || status === 'consider';

/** Where two offered options meet over an agent taken now, the catalog's words on how they fit together. */
function addAlongside(evaluated: Evaluated[], context: Context): void {
  // Built only when an offered option has alongside rows.
  let byId: Map<string, Suggestion> | undefined;
  for (const [index, option] of CATALOG.entries()) {
    const own = evaluated[index]!.suggestion;
    if (!option.alongside || !offeredStatus(own.status)) continue;
    byId ??= new Map(evaluated.map((e) => [e.suggestion.intervention, e.suggestion]));
    for (const row of option.alongside) {
      const other = byId.get(row.option);
      if (!other || !offeredStatus(other.status)) continue;
      const taking = context.derived.trials.filter((t) => (t.end === null || t.end >= context.asOf) && row.whenTaking.includes(t.ingredient));
      if (!taking.length) continue;
      const levels = taking.flatMap((t) => (t.adequateLevel ? [t.adequateLevel] : []));
      // The level each trial's adequacy read (its highest measurable one), the most recent of them.
      const last = levels.sort((a, b) => (a.date < b.date ? 1 : -1))[0];
      const level = last ? `level ${last.value} ${last.unit} on ${last.date}` : 'no level recorded';
      const citation = cite(row.source);
      own.reasons.push({
        text: `${row.text(level)} (${citation})`,
        sources: unique([...taking.flatMap((t) => t.sources), ...(last ? [last.source] : [])]),
        writtenWith: { option: row.option, together: `${row.together(level)} (${citation})`, apart: `${row.apart(level)} (${citation})` },
      });
    }
  }
}

/**
 * With an acute suicide risk recorded, an offered interventional option that is not urgent says it does not answer
 * that risk, naming the offered options that do, and its routine priority says why beside the picker.
 */
function addNotForAcuteRisk(evaluated: Evaluated[], context: Context): void {
  const signal = context.acuteRisk;
  if (!signal.length) return;
  const answering = evaluated.filter((e) => e.suggestion.urgent && offeredStatus(e.suggestion.status)).map((e) => e.suggestion.name);
  const sources = unique(signal.flatMap((f) => f.sources));
  for (const { suggestion, group } of evaluated) {
    if (suggestion.urgent || !offeredStatus(suggestion.status)) continue;
    suggestion.priorityNote = { text: routineNotAcuteWords(answering), sources };
    if (group !== 'interventional') continue;
    suggestion.cautions.unshift({
      text: `Not for the acute risk: ${signal.map((f) => f.text).join('; ')}: ${notForAcuteRiskWords(answering)} (${NOT_FOR_ACUTE_RISK_CITED})`,
      sources,
      kind: 'caution',
    });
  }
}

/** Neuromodulation and esketamine, offered for failures whose adherence is uncertain, say so (ADHERENCE_UNCERTAIN_CAUTION). */
function addAdherenceUncertain(evaluated: Evaluated[], context: Context): void {
  const flags = context.derived.assessments.flatMap((a) => a.flags.filter((f) => f.kind === 'adherence-uncertain'));
  if (!flags.length) return;
  const texts = unique(flags.map((f) => f.text));
  const sources = unique(flags.flatMap((f) => f.sources));
  for (const { suggestion } of evaluated) {
    if (!offeredStatus(suggestion.status) || !ADHERENCE_UNCERTAIN_CAUTION.options.includes(suggestion.intervention)) continue;
    suggestion.cautions.push({
      text: `${capitalise(texts.join('; '))}: the failures this option rests on may not be failures; ${ADHERENCE_UNCERTAIN_ADVICE} (${cite(ADHERENCE_UNCERTAIN_CAUTION.source)})`,
      sources,
      kind: 'caution',
    });
  }
}

export function evaluateSuggestions(derived: DerivedRecord): Suggestion[] {
  const context = buildContext(derived);
  const pseudo = pseudoResistance(context);
  const evaluated = CATALOG.map((option, index) => evaluateOption(option, index, context, pseudo));
  addAlongside(evaluated, context);
  addNotForAcuteRisk(evaluated, context);
  addAdherenceUncertain(evaluated, context);

  const ordered = orderSuggestions(evaluated, pseudo !== null, context);
  for (const s of ordered) entryCriteriaLast(s);
  return ordered;
}
