/**
 * Assessments per condition: trials of the current episode, failed adequate trials, whether the
 * condition meets its treatment-resistance definition (as data: which classes count, how many failures, whether
 * they must be different agents), flags, and for MDD the three staging scores.
 */
import { type ShortfallKind, judgeAdequacy } from './6-adequacy';
import type { DrugLevelPoint } from './5-adherence';
import { type Day, isoDate, toDay } from '../dates';
import { PHQ9_MONITORING_DAYS, R, SUSTAINED_REMISSION_WEEKS } from '../engine-rules';
import { type EpisodeSpan, currentEpisodeOf, latestEpisodeOf, trialInEpisode } from './3-episodes';
import { BIPOLAR_DEPRESSION_DOSES } from '../terminology/dose-tables';
import { type DatedScore, judgeOutcome } from './7-outcome';
import { INSTRUMENTS_FOR } from './7-outcome';
import {
  andList,
  capitalise,
  CONDITION_SHORT,
  describeDuration,
  describeTrial,
  describeCurrentDose,
  saidOfEpisodeUntilDeath,
  describeTrialDoses,
  failedPendingAdequacyWords,
  FLAG_WORDS,
  orderCoverageWords,
  inferredBasisText,
  inferredFailuresWords,
  instrumentLabel,
  measuredChangeWords,
  psychotherapyCourseWords,
  RESISTANCE_VERDICT_WORDS,
  trialToCompleteWords,
  weeksNeededWords,
  orList,
} from '../vocabulary';
import { THERAPY_NOT_COUNTED } from '../terminology/history-codes';
import type {
  Assessment,
  ConditionKey,
  DiagnosisSpan,
  Finding,
  Flag,
  Instrument,
  OutcomeBasis,
  ProcedureMark,
  PsychotherapyCourse,
  ResistanceStatus,
  RuleRef,
  TherapyTrial,
  UnconfirmedTrial,
  TrialToComplete,
} from '../types';
import { ANTIDEPRESSANT_CLASSES } from '../terminology/ingredients';
import { LOCAL_WORKING_RULE } from '../references/registry';
import { type JudgedTrial, countedAugmentations, describedTrial, isFailedAdequate } from '../staging/judged';
import { describeTherapyTrial, judgeTherapyTrials } from '../staging/therapy-trials';
import { maudsleyScore } from '../staging/maudsley';
import { mghsScore } from '../staging/mghs';
import { thaseRushStage } from '../staging/thase-rush';

/** Treatment-resistance definitions as data. */
interface Definition {
  rule: RuleRef;
  /** Display name in conclusions. */
  name: string;
  /** The criteria the verdict badge names, with their source: "treatment-resistant depression (Gaynes 2020)". */
  criteria: string;
  /** Which trials count toward the failure count. */
  counts: (t: JudgedTrial) => boolean;
  /** Failures needed, counted as different agents (a second trial of the same agent is not a second treatment). */
  minFailures: number;
  /** Bipolar: failure to remit, so response without remission counts. */
  responseWithoutRemissionFails: boolean;
  /**
   * Which kinds of outcome evidence establish a failure. TRRIP defines non-response on a rating scale, so for
   * schizophrenia a stated or switch-inferred non-response only makes the trial a possible failure.
   */
  failureEvidence: readonly OutcomeBasis[];
  /**
   * TRRIP: adherence must be known from the record (dispenses or a plasma level); with neither, an adequate trial
   * without response is only a possible failure.
   */
  adherenceRequired: boolean;
  /**
   * TRRIP's minimum criteria ask for at least one antipsychotic plasma level in each trial (the optimum, two levels
   * at least 2 weeks apart): without one, a non-response with adherence from dispenses alone is a possible failure.
   */
  plasmaLevelRequired: boolean;
  /** Which trials are shown as belonging to the condition's episode. */
  relevant: (t: JudgedTrial) => boolean;
}

/** SRIs for OCD: SSRIs and clomipramine (APA 2007 OCD guideline). */
const isSri = (t: JudgedTrial) => t.draft.drugClass === 'ssri' || t.draft.ingredient === 'clomipramine';
const isAntidepressant = (t: JudgedTrial) => ANTIDEPRESSANT_CLASSES.has(t.draft.drugClass);

/**
 * Agents treated as guideline-recommended treatments for bipolar depression: the rows of the bipolar-depression dose
 * table (each with its studied dose). The list is the app's reading of common guidelines (working rule).
 */
const BIPOLAR_DEPRESSION_TREATMENTS: ReadonlySet<string> = new Set(BIPOLAR_DEPRESSION_DOSES.map((r) => r.drug));

const ANY_EVIDENCE: readonly OutcomeBasis[] = ['measured', 'recorded', 'inferred'];

const DEFINITIONS: Record<ConditionKey, Definition> = {
  mdd: {
    rule: R.tdrMdd,
    name: 'treatment-resistant depression',
    criteria: 'treatment-resistant depression (Gaynes 2020)',
    counts: isAntidepressant,
    minFailures: 2,
    responseWithoutRemissionFails: false,
    failureEvidence: ANY_EVIDENCE,
    adherenceRequired: false,
    plasmaLevelRequired: false,
    relevant: (t) => isAntidepressant(t) || t.role !== 'monotherapy' || t.draft.drugClass === 'nmda-antagonist',
  },
  'bipolar-depression': {
    rule: R.trbd,
    name: `treatment-resistant bipolar depression by a ${LOCAL_WORKING_RULE} after Hidalgo-Mazzei 2019`,
    criteria: `treatment-resistant bipolar depression by a ${LOCAL_WORKING_RULE} after Hidalgo-Mazzei 2019`,
    counts: (t) => BIPOLAR_DEPRESSION_TREATMENTS.has(t.draft.ingredient),
    minFailures: 2,
    responseWithoutRemissionFails: true,
    failureEvidence: ANY_EVIDENCE,
    adherenceRequired: false,
    plasmaLevelRequired: false,
    relevant: (t) => t.draft.drugClass !== 'other-psychotropic' && t.draft.drugClass !== 'unknown',
  },
  schizophrenia: {
    rule: R.trs,
    name: 'treatment-resistant schizophrenia (TRRIP)',
    criteria: 'treatment-resistant schizophrenia, TRRIP minimum criteria (Howes 2017)',
    counts: (t) => t.draft.drugClass === 'antipsychotic',
    minFailures: 2,
    responseWithoutRemissionFails: false,
    failureEvidence: ['measured'],
    adherenceRequired: true,
    plasmaLevelRequired: true,
    relevant: (t) => t.draft.drugClass === 'antipsychotic' || t.draft.drugClass === 'mood-stabilizer',
  },
  ocd: {
    rule: R.trOcd,
    name: `treatment-resistant OCD by a ${LOCAL_WORKING_RULE}`,
    criteria: `treatment-resistant OCD by a ${LOCAL_WORKING_RULE}`,
    counts: isSri,
    minFailures: 2,
    responseWithoutRemissionFails: false,
    failureEvidence: ANY_EVIDENCE,
    adherenceRequired: false,
    plasmaLevelRequired: false,
    relevant: (t) => isSri(t) || t.role === 'augmentation',
  },
  ptsd: {
    rule: R.trPtsd,
    name: `treatment-resistant PTSD by a ${LOCAL_WORKING_RULE}`,
    criteria: `treatment-resistant PTSD by a ${LOCAL_WORKING_RULE}`,
    counts: (t) => isAntidepressant(t),
    minFailures: 2,
    responseWithoutRemissionFails: false,
    failureEvidence: ANY_EVIDENCE,
    adherenceRequired: false,
    plasmaLevelRequired: false,
    relevant: (t) => isAntidepressant(t) || t.draft.drugClass === 'antipsychotic',
  },
};

export interface AssessmentInput {
  condition: ConditionKey;
  episodes: EpisodeSpan[];
  /** Every trial, judged in its own context (trial.condition). */
  trials: JudgedTrial[];
  /** Re-judges a trial in this condition's context (e.g. OCD's 12 weeks), for counting. */
  rejudge: (t: JudgedTrial, condition: ConditionKey) => JudgedTrial;
  diagnoses: DiagnosisSpan[];
  procedures: ProcedureMark[];
  scores: Map<Instrument, DatedScore[]>;
  asOf: Day;
  /** Psychotherapy given (merged courses): trials of that therapy where the definition counts it, else listed. */
  psychotherapy: PsychotherapyCourse[];
  /** Substance use the record shows by events (detox stays, overdoses, opioid orders) rather than a coded disorder. */
  substanceShownByEvents: Finding | null;
}

export function assess(input: AssessmentInput): Assessment {
  const { condition, episodes, asOf } = input;
  const def = DEFINITIONS[condition];
  const current = currentEpisodeOf(episodes, condition);
  const span = current ?? latestEpisodeOf(episodes, condition);
  const conditionSources = input.diagnoses.filter((d) => d.kind === condition).map((d) => d.source);

  const inEpisode = span ? input.trials.filter((t) => trialInEpisode(t.draft, span)) : [];
  const judged = inEpisode.filter((t) => t.role !== 'hypnotic' && def.relevant(t)).map((t) => input.rejudge(t, condition));
  const counted = judged.filter(def.counts);
  const failed = counted.filter((t) => isEstablishedFailure(t, def));
  const failedAgents = new Set(failed.map((t) => t.draft.ingredient));
  // What runs now (or ran at the end of the record): a level of it is the one that can still be drawn.
  const running = counted.filter((t) => t.draft.ongoing);
  // No current episode and the latest one ended before death: the disorder resolved. A trial running when it resolved
  // is maintenance, whose response is the resolution itself: nothing to confirm.
  const resolvedSpan = !current && span && !span.episode.endedAtDeath && span.episode.end !== null ? span : null;
  const maintained = resolvedSpan ? judged.filter((t) => t.draft.end >= resolvedSpan.end) : [];
  // Adequate trials of agents not already failed whose outcome is not established: counted apart, to confirm.
  const unconfirmed = counted
    .filter((t) => !failedAgents.has(t.draft.ingredient) && !maintained.includes(t))
    .map((t) => unconfirmedTrial(t, def, condition, running, span?.episode.endedAtDeath === true))
    .filter((u): u is UnconfirmedTrial => u !== null);
  // A failed course of a therapy the definition counts is one more treatment (a modality counts once, like an agent).
  const therapyTrials = judgeTherapyTrials(condition, input.psychotherapy, span, input.scores, asOf);
  const failedTherapies = therapyTrials.filter((t) => t.failed);
  const failedTreatments = failedAgents.size + new Set(failedTherapies.map((t) => t.modality)).size;
  const possibleAgents = new Set([...failedAgents, ...unconfirmed.map((u) => u.ingredient)]);
  const possibleTreatments = possibleAgents.size + failedTreatments - failedAgents.size;
  const status: ResistanceStatus =
    failedTreatments >= def.minFailures ? 'meets' : possibleTreatments >= def.minFailures ? 'possibly-meets' : 'does-not-meet';
  const treatmentResistant = status === 'meets';
  const notCounted = condition in THERAPY_NOT_COUNTED ? THERAPY_NOT_COUNTED[condition as keyof typeof THERAPY_NOT_COUNTED] : null;
  const therapyInEpisode = span ? input.psychotherapy.filter((c) => overlaps(c, span, asOf)) : [];
  const therapyNote = therapySentence(therapyTrials, notCounted, therapyInEpisode);
  const therapyGiven = psychotherapyGiven(therapyInEpisode, failedTherapies);

  const flags = flagsFor(judged, input.diagnoses, asOf, input.substanceShownByEvents);
  const stale = status === 'does-not-meet' ? null : staleBasisOf(failed, input.scores, asOf);
  const inProgress = trialsInProgressOf(judged, def, status);
  const inferredBasis = inferredBasisOf(status, failed);
  const toComplete = trialToCompleteOf(judged);
  const assessment: Assessment = {
    condition,
    conditionSources,
    currentEpisode: current?.episode ?? null,
    trialIds: judged.map((t) => t.draft.id),
    failedAdequateTrials: failed.length,
    failedAdequateTrialIds: failed.map((t) => t.draft.id),
    therapyTrials,
    ...(therapyGiven.length ? { psychotherapyGiven: therapyGiven } : {}),
    treatmentResistant,
    status,
    verdict: `${RESISTANCE_VERDICT_WORDS[status]}${stale ? ` (on the ${instrumentLabel(stale.instrument)} of ${isoDate(stale.score.day)}; no score since: re-measure before referral)` : ''}${inferredFailuresClause(failed)}: ${def.criteria}`,
    ...(stale
      ? {
          staleBasis: {
            text: `The failed trials behind this rest on the ${instrumentLabel(stale.instrument)} of ${isoDate(stale.score.day)} (${monthsAgo(asOf - stale.score.day)}), with no score since: re-measure before referral.`,
            sources: [stale.score.source],
          },
          staleBasisInstrument: stale.instrument,
        }
      : {}),
    ...(inferredBasis ? { inferredBasis } : {}),
    ...(inProgress ? { trialsInProgress: inProgress } : {}),
    ...(toComplete ? { trialToComplete: toComplete } : {}),
    unconfirmedTrials: unconfirmed,
    ...(resolvedSpan ? { resolved: resolvedFinding(condition, resolvedSpan, maintained.filter((t) => t.draft.ongoing)) } : {}),
    // Nothing of a dead patient is current: the definition names the episode that ended at death.
    definition: !current && span?.episode.endedAtDeath ? { ...def.rule, summary: saidOfEpisodeUntilDeath(def.rule.summary) } : def.rule,
    conclusion: conclusionFor(def, status, failed, unconfirmed, counted, current, span, failedTherapies) + therapyNote,
    flags,
  };

  if (condition === 'mdd') {
    const ect = span ? input.procedures.filter((p) => p.kind === 'ect' && inSpan(toDay(p.start), span)) : [];
    const adTrials = counted;
    // One list of add-ons for both scores, so Maudsley and MGH-S count the same augmentations.
    const addOns = countedAugmentations(judged);
    const tr = thaseRushStage(adTrials, ect, span?.episode.endedAtDeath === true);
    assessment.thaseRush = tr.stage;
    assessment.thaseRushBasis = tr.basis;
    const phq9 = (input.scores.get('phq9') ?? []).filter((s) => (span ? inSpan(s.day, span) : false));
    const episodeDiagnoses = input.diagnoses.filter((d) => d.kind === 'mdd' && span?.episode.sources.includes(d.source));
    const psychotic = input.diagnoses.filter((d) => d.kind === 'psychotic-features' && active(d, asOf));
    assessment.maudsley = maudsleyScore({
      episodeStart: span?.start ?? null,
      asOf,
      ...(span?.episode.endedAtDeath ? { deathDay: span.end } : {}),
      episodeDiagnoses,
      psychoticFeatures: psychotic,
      phq9,
      antidepressantTrials: adTrials,
      augmentations: addOns,
      ectInEpisode: ect,
    });
    const mghs = mghsScore(adTrials, addOns, ect);
    assessment.mghs = mghs.score;
    assessment.mghsBasis = mghs.basis;
  }
  return assessment;
}

/**
 * When the failures a verdict counts rest on a score older than PHQ9_MONITORING_DAYS and none of that scale followed
 * it, that score: the verdict says its date (" (on the PHQ-9 of 2025-03-29; no score since: re-measure before
 * referral)") and the assessment carries it. Null otherwise.
 */
function staleBasisOf(failed: readonly JudgedTrial[], scores: ReadonlyMap<Instrument, DatedScore[]>, asOf: Day): { instrument: Instrument; score: DatedScore } | null {
  let basis: { instrument: Instrument; score: DatedScore } | null = null;
  for (const t of failed) {
    if (t.outcome.basis !== 'measured') continue;
    const rests = t.outcome.judgedBy ?? (t.outcome.scores ? { instrument: t.outcome.scores.instrument, score: t.outcome.scores.followUp } : null);
    if (rests && (basis === null || rests.score.day > basis.score.day)) basis = rests;
  }
  if (basis === null || asOf - basis.score.day <= PHQ9_MONITORING_DAYS) return null;
  const latest = basis;
  if ((scores.get(latest.instrument) ?? []).some((s) => s.day > latest.score.day && s.day <= asOf)) return null;
  return latest;
}

/** "20 months ago": the age of a stale score (always beyond PHQ9_MONITORING_DAYS, so in months). */
function monthsAgo(days: number): string {
  return `${Math.floor(days / 30.44)} months ago`;
}

function overlaps(c: PsychotherapyCourse, span: EpisodeSpan, asOf: Day): boolean {
  const start = toDay(c.start);
  const end = toDay(c.end) ?? asOf;
  return start !== null && start <= span.end && (span.start === null || end >= span.start);
}

/**
 * What the conclusion says of psychotherapy in the episode: the courses counted as trials that did not fail (given,
 * not adequate or outcome unknown), or, where the definition does not count psychotherapy, that it is listed only.
 */
function therapySentence(trials: TherapyTrial[], notCounted: string | null, inEpisode: PsychotherapyCourse[]): string {
  const open = trials.filter((t) => !t.failed);
  if (open.length)
    return ` Psychotherapy the definition counts when an adequate course fails, not failed here: ${open
      .map((t) => `${describeTherapyTrial(t)}${t.adequate ? '' : `, not adequate: ${t.adequacyReason}`}`)
      .join('; ')}.`;
  if (notCounted && inEpisode.length)
    return ` Psychotherapy given in this episode (${inEpisode.map((c) => `${c.display} ${c.start} to ${c.end ?? 'now'}`).join('; ')}) is listed, not counted: ${notCounted}.`;
  return '';
}

/** The episode's psychotherapy, one line per course, less the failed courses the count already names with their outcome. */
function psychotherapyGiven(inEpisode: PsychotherapyCourse[], failed: TherapyTrial[]): Finding[] {
  return inEpisode
    .filter((c) => !failed.some((t) => t.modality === c.modality && t.start === c.start && t.display === c.display))
    .map((c) => ({ text: psychotherapyCourseWords(c), sources: c.sources }));
}

function inSpan(day: Day | null, span: EpisodeSpan): boolean {
  if (day === null) return false;
  return (span.start === null || day >= span.start) && day <= span.end;
}

/** An adequate trial without (sufficient) response, established as the definition asks (evidence kind, adherence, sustained remission). */
function isEstablishedFailure(t: JudgedTrial, def: Definition): boolean {
  return (
    isFailedAdequate(t, def.responseWithoutRemissionFails) &&
    def.failureEvidence.includes(t.outcome.basis) &&
    !(def.adherenceRequired && t.adequacy.adherence !== 'evidenced') &&
    !(def.plasmaLevelRequired && t.adequacy.levelSources.length === 0) &&
    t.outcome.remissionNotSustained === undefined
  );
}

/** "PTSD resolved 2017-03-14 (no current episode); sertraline continued (maintenance)", with the episode's and the trials' records. */
function resolvedFinding(condition: ConditionKey, span: EpisodeSpan, continued: readonly JudgedTrial[]): NonNullable<Assessment['resolved']> {
  const on = span.episode.endUndated ? null : span.episode.end;
  const when = on === null ? '(date not recorded; no current episode)' : `${on} (no current episode)`;
  const names = [...new Set(continued.map((t) => t.draft.ingredient))];
  return {
    text: `${capitalise(CONDITION_SHORT[condition])} resolved ${when}${names.length ? `; ${andList(names)} continued (maintenance)` : ''}`,
    sources: [...new Set([...span.episode.sources, ...continued.flatMap((t) => t.draft.events.map((e) => e.reference))])],
    on,
  };
}

/**
 * Why an adequate trial is a possible (not an established) failure, and what would settle it; null when its
 * outcome is established either way, or the trial is not adequate.
 */
function unconfirmedTrial(
  t: JudgedTrial,
  def: Definition,
  condition: ConditionKey,
  running: readonly JudgedTrial[],
  /** The episode ended at death: what is missing stays missing, and nothing is asked to be recorded. */
  untilDeath: boolean,
): UnconfirmedTrial | null {
  if (!t.adequacy.adequate) return null;
  const o = t.outcome;
  const scales = INSTRUMENTS_FOR[condition].map(instrumentLabel);
  const scaleText = orList(scales);
  const missing: string[] = [];
  const confirm: string[] = [];
  const failedIfConfirmed = isFailedAdequate(t, def.responseWithoutRemissionFails);
  // An unknown or ongoing outcome is said from its own detail: which scores the record has and why they do not judge it.
  if (o.outcome === 'unknown') missing.push(`outcome unknown (${o.detail})`);
  else if (o.outcome === 'ongoing')
    missing.push(o.unmeasured ? `ongoing at an adequate dose; ${o.unmeasured}` : `ongoing at an adequate dose with no ${scaleText} score to judge it`);
  else if (o.remissionNotSustained)
    missing.push(`remission-level scores for ${o.remissionNotSustained.weeks} week${o.remissionNotSustained.weeks === 1 ? '' : 's'} only; ${def.name} counts remission sustained for ${SUSTAINED_REMISSION_WEEKS} consecutive weeks`);
  else if (failedIfConfirmed && !def.failureEvidence.includes(o.basis))
    missing.push(
      o.basis === 'inferred'
        ? `non-response only inferred from a switch; ${def.name} needs it measured on a rating scale`
        : `non-response stated without a rating-scale score; ${def.name} needs it measured on a rating scale`,
    );
  if (missing.length > 0) {
    const when = o.remissionNotSustained
      ? `a ${scaleText} score ${SUSTAINED_REMISSION_WEEKS} weeks or more after ${isoDate(o.remissionNotSustained.since)}`
      : o.outcome === 'ongoing'
        ? `a ${scaleText} score now`
        : `a ${scaleText} score from the trial, or the clinical notes`;
    confirm.push(`the response to ${t.draft.ingredient} (${when})`);
  }
  const mayFail = failedIfConfirmed || missing.length > 0;
  const outcomeMissing = missing.length > 0;
  let adequacyMissing: string | null = null;
  if (def.adherenceRequired && t.adequacy.adherence === 'unknown' && mayFail) {
    missing.push('adherence unknown (no dispensing record or plasma level; TRRIP asks for at least 80% of doses taken and at least one plasma level)');
    confirm.push(
      t.draft.ongoing
        ? `adherence to ${t.draft.ingredient} (dispensing record, pill count or a plasma level now)`
        : `adherence to ${t.draft.ingredient} during the trial (the dispensing record, a pill count or a plasma level from then, if the chart has one)`,
    );
    adequacyMissing = 'adherence unknown';
  } else if (def.plasmaLevelRequired && t.adequacy.levelSources.length === 0 && mayFail) {
    missing.push(`no ${t.draft.ingredient} plasma level recorded during the trial (TRRIP minimum criteria ask for at least one)`);
    confirm.push(levelAction(t, running));
    adequacyMissing = 'no plasma level';
  }
  if (missing.length === 0) return null;
  return {
    trialId: t.draft.id,
    ingredient: t.draft.ingredient,
    missing: missing.join('; '),
    ...(untilDeath ? {} : { confirm: confirm.join(' and ') }),
    ...(failedIfConfirmed && !outcomeMissing && adequacyMissing ? { failedPendingAdequacy: adequacyMissing } : {}),
  };
}

/**
 * The plasma-level action that can be carried out: for a running trial a level now; for a past one a level drawn
 * then can only be looked for in the chart, and what can be drawn now is a level of the antipsychotic running today.
 */
function levelAction(t: JudgedTrial, running: readonly JudgedTrial[]): string {
  const a = (drug: string) => `${/^[aeiou]/.test(drug) ? 'an' : 'a'} ${drug}`;
  if (t.draft.ongoing) return `${a(t.draft.ingredient)} plasma level now`;
  const now = running.filter((r) => r !== t).map((r) => r.draft.ingredient);
  const during = `${isoDate(t.draft.start)} to ${isoDate(t.draft.end)}`;
  return (
    `${a(t.draft.ingredient)} plasma level drawn during the trial (${during}), if the chart has one: it cannot be drawn now` +
    (now.length ? `; ${a(now.join(' or '))} plasma level now checks adherence to the current treatment` : '')
  );
}

/** How the definition stands on the trials counted, when a trial in progress is left out of them. */
const ON_EARLIER_TRIALS: Record<ResistanceStatus, string> = {
  meets: 'is met on the earlier trials alone',
  'possibly-meets': 'is possibly met on the earlier trials alone',
  'does-not-meet': 'is not met on the earlier trials; the trial in progress counts once it is adequate, if it fails',
};

/**
 * Trials still running and not yet adequate only because they are too short so far: the count leaves them out, and a
 * clinician weighing an option that rests on failed trials needs to see them, with the verdict on the earlier trials.
 */
function inProgress(judged: JudgedTrial[]): JudgedTrial[] {
  return judged.filter(
    (t) => t.draft.ongoing && !t.adequacy.adequate && t.adequacy.shortfalls.length > 0 && t.adequacy.shortfalls.every((f) => f === 'ongoing-short'),
  );
}

/** The first trial in progress, with the weeks it still needs at an adequate dose (and in all, where the rule asks). */
function trialToCompleteOf(judged: JudgedTrial[]): TrialToComplete | null {
  const t = inProgress(judged)[0];
  if (!t) return null;
  const d = describedTrial(t);
  const moreAtDose = Math.max(0, Math.ceil((t.adequacy.minDaysAtDose - t.adequacy.daysAtAdequateDose) / 7));
  const moreInAll = Math.max(0, Math.ceil((t.adequacy.minDaysInAll - d.durationDays) / 7));
  return {
    trialId: t.draft.id,
    ingredient: t.draft.ingredient,
    text: `${d.ingredient} ${describeCurrentDose(t.draft.segments, d.ingredient)}, ${trialToCompleteWords(moreAtDose, moreInAll)}`,
    weeksToJudge: Math.max(moreAtDose, moreInAll),
    sources: [...new Set(t.draft.events.map((e) => e.reference))],
  };
}

function trialsInProgressOf(judged: JudgedTrial[], def: Definition, status: ResistanceStatus): Finding | null {
  const running = inProgress(judged);
  if (!running.length) return null;
  const words = running.map((t) => {
    const d = describedTrial(t);
    const weeksAtDose = Math.round(t.adequacy.minDaysAtDose / 7);
    const needed = weeksNeededWords(weeksAtDose, Math.round(t.adequacy.minDaysInAll / 7), ' at an adequate dose');
    const total = describeDuration(d.durationDays);
    const atDose = describeDuration(t.adequacy.daysAtAdequateDose);
    return `${d.ingredient} ${describeTrialDoses(d)} since ${d.start}, ${total}${atDose === total ? '' : ` (${atDose} at an adequate dose)`}: not yet an adequate trial (${needed})`;
  });
  return {
    text: `Trial in progress, not counted: ${words.join('; ')}. ${capitalise(def.name)} ${ON_EARLIER_TRIALS[status]}.`,
    sources: [...new Set(running.flatMap((t) => t.draft.events.map((e) => e.reference)))],
  };
}

/** Failures inferred from a switch (outcome basis 'inferred'), which the verdict must not present as measured. */
function inferredFailuresOf(failed: readonly JudgedTrial[]): JudgedTrial[] {
  return failed.filter((t) => t.outcome.basis === 'inferred');
}

/** The finding an option resting on the verdict carries when some of its failures are inferred from a switch. */
function inferredBasisOf(status: ResistanceStatus, failed: readonly JudgedTrial[]): Finding | null {
  const inferred = inferredFailuresOf(failed);
  if (status === 'does-not-meet' || inferred.length === 0) return null;
  return {
    text: inferredBasisText(inferred.length, failed.length, [...new Set(inferred.map((t) => t.draft.ingredient))]),
    sources: [...new Set(inferred.flatMap((t) => t.draft.events.map((e) => e.reference)))],
  };
}

/** " (2 failed trials, 1 of them inferred from a switch, lower confidence)" beside the verdict; empty when none is. */
function inferredFailuresClause(failed: readonly JudgedTrial[]): string {
  const inferred = inferredFailuresOf(failed).length;
  const n = failed.length;
  return inferred === 0 ? '' : ` (${n} failed trial${n === 1 ? '' : 's'}, ${inferredFailuresWords(inferred, n)})`;
}

function conclusionFor(
  def: Definition,
  status: ResistanceStatus,
  failed: JudgedTrial[],
  unconfirmed: UnconfirmedTrial[],
  counted: JudgedTrial[],
  current: EpisodeSpan | null,
  span: EpisodeSpan | null,
  failedTherapies: TherapyTrial[],
): string {
  const where = current
    ? 'in the current episode'
    : span?.episode.endedAtDeath
      ? `in the last episode (until death on ${span.episode.end})`
      : span
        ? `in the latest episode (ended ${span.episode.end ?? 'on an unknown date'}; none current)`
        : 'with no episode dated';
  const list = failed.length ? ` (${failed.map((t) => describeTrial(describedTrial(t))).join('; ')})` : '';
  const n = failed.length;
  const agents = new Set(failed.map((t) => t.draft.ingredient)).size;
  const ofAgents = agents < n ? ` of ${agents} agent${agents === 1 ? '' : 's'}` : '';
  const therapies = failedTherapies.length
    ? `, and ${failedTherapies.length} failed adequate psychotherapy course${failedTherapies.length === 1 ? '' : 's'} (${failedTherapies.map(describeTherapyTrial).join(', ')})`
    : '';
  const inferred = inferredFailuresOf(failed);
  const inferredWords = inferred.length ? `, ${inferredFailuresWords(inferred.length, n, [...new Set(inferred.map((t) => t.draft.ingredient))])}` : '';
  const trials = `${n} failed adequate trial${n === 1 ? '' : 's'}${ofAgents} ${where}${list}${inferredWords}${therapies}`;
  const unconfirmedIds = new Set(unconfirmed.map((u) => u.trialId));
  const inadequate = counted.filter((t) => t.adequacy.kind === 'not-adequate' && t.outcome.outcome !== 'ongoing' && !unconfirmedIds.has(t.draft.id));
  const tail = inadequate.length
    ? ` ${inadequate.length} further trial${inadequate.length === 1 ? ' was' : 's were'} not adequate (${inadequate
        .map((t) => `${t.draft.ingredient}: ${t.adequacy.reason}`)
        .join('; ')}).`
    : '';
  // Definitions whose name already says they are a working rule are not labelled twice.
  const unverified = def.rule.verification === 'U' && !def.name.includes(LOCAL_WORKING_RULE) ? ` (${LOCAL_WORKING_RULE})` : '';
  if (status === 'meets') return `Meets ${def.name}: ${trials}.${tail}`;
  if (status === 'possibly-meets') {
    // Trials that failed on the scale and wait only on adequacy evidence are said as failed trials, first: a count of
    // 0 beside trials drawn as non-responses would contradict them.
    const pending = unconfirmed.filter((u) => u.failedPendingAdequacy !== undefined);
    const others = unconfirmed.filter((u) => u.failedPendingAdequacy === undefined);
    const open = (us: UnconfirmedTrial[]) => us.map((u) => `${u.ingredient}: ${u.missing}`).join('; ');
    const parts: string[] = n > 0 || !pending.length ? [trials] : [];
    if (pending.length) parts.push(`${failedPendingAdequacyWords(pending, n > 0, n > 0 ? '' : where)} (${open(pending)})`);
    if (others.length) {
      const k = others.length;
      parts.push(`${k} adequate trial${k === 1 ? '' : 's'} not established as ${k === 1 ? 'a failure' : 'failures'} (${open(others)})`);
    }
    // After death nothing can be recorded: the open trials are said, with nothing asked.
    const toConfirm = unconfirmed.flatMap((u) => (u.confirm === undefined ? [] : [u.confirm]));
    return `Possibly meets ${def.name}${unverified}: ${parts.join(', and ')}${toConfirm.length ? `; confirm ${toConfirm.join(' and ')}` : ''}.${tail}`;
  }
  const needed = `${def.minFailures} different agents needed`;
  // An adequate trial whose outcome is not recorded (no score, say) is said even when it could not tip the count.
  const open = unconfirmed.length
    ? ` Adequate trial${unconfirmed.length === 1 ? '' : 's'} without an established outcome: ${unconfirmed.map((u) => `${u.ingredient}: ${u.missing}`).join('; ')}.`
    : '';
  return `Does not meet ${def.name}${unverified}: ${trials}; ${needed}.${open}${tail}`;
}

function active(d: DiagnosisSpan, asOf: Day): boolean {
  const end = toDay(d.abatement);
  if (end !== null && end < asOf) return false;
  return !(d.clinicalStatus === 'resolved' || d.clinicalStatus === 'inactive' || d.clinicalStatus === 'remission');
}

const COMORBIDITY_FLAGS: { kinds: string[]; flag: Flag['kind'] }[] = [
  { kinds: ['substance-use'], flag: 'substance-use' },
  { kinds: ['trauma', 'psychosocial-stressor'], flag: 'trauma-or-stressors' },
  { kinds: ['personality-disorder'], flag: 'personality-disorder' },
  { kinds: ['anxiety'], flag: 'comorbid-anxiety' },
];

/**
 * A trial that responded below its adequate dose is room to optimise, flagged apart from the failed trials that are
 * possible pseudo-resistance; its flag names the scores of the response.
 */
function respondedBelowDose(t: JudgedTrial): boolean {
  return t.adequacy.shortfalls.includes('dose-below') && (t.outcome.outcome === 'response' || t.outcome.outcome === 'partial');
}

function scoresOfResponse(t: JudgedTrial): string {
  if (!respondedBelowDose(t) || !t.outcome.scores) return '';
  const { instrument, baseline, followUp } = t.outcome.scores;
  const words = measuredChangeWords({
    baselineScore: { instrument, value: baseline.value, date: '', source: baseline.source },
    followUpScore: { instrument, value: followUp.value, date: '', source: followUp.source },
  });
  return words ? `; ${words}` : '';
}

/**
 * A trial stopped for a side effect was not a failure: its dose, length or adherence is no pseudo-resistance, and no
 * dose to raise (dose optimisation names it among the trials it passes over).
 */
function tolerated(t: JudgedTrial): boolean {
  return t.outcome.outcome !== 'intolerance';
}

/** Outcomes after which a trial's adherence does not matter to resistance: it helped. */
const RESPONDED: ReadonlySet<string> = new Set(['remission', 'response']);

/** The trial flags, in the order raised: the trials with the shortfall (and, where `only` is given, that pass it). */
const TRIAL_FLAGS: { kind: Flag['kind']; shortfall: ShortfallKind; only?: (t: JudgedTrial) => boolean }[] = [
  { kind: 'inadequate-dose', shortfall: 'dose-below', only: (t) => !respondedBelowDose(t) && tolerated(t) },
  { kind: 'response-below-adequate-dose', shortfall: 'dose-below', only: respondedBelowDose },
  { kind: 'breakthrough-on-maintenance', shortfall: 'breakthrough-on-maintenance' },
  { kind: 'too-short', shortfall: 'too-short', only: tolerated },
  { kind: 'poor-adherence', shortfall: 'poor-adherence', only: tolerated },
];

/** Every shortfall a trial flag is raised for, and every diagnosis kind a comorbidity flag is raised for. */
const FLAGGED_SHORTFALLS: ReadonlySet<ShortfallKind> = new Set(TRIAL_FLAGS.map((f) => f.shortfall));
const COMORBIDITY_FLAG_KINDS: ReadonlySet<string> = new Set(COMORBIDITY_FLAGS.flatMap((c) => c.kinds));

function flagsFor(trials: JudgedTrial[], diagnoses: DiagnosisSpan[], asOf: Day, substanceShownByEvents: Finding | null): Flag[] {
  const flags: Flag[] = [];
  // Most records have no trial short of adequacy and no comorbidity a flag is raised for: nothing to look through.
  const anyShortfall = trials.some((t) => t.adequacy.shortfalls.some((s) => FLAGGED_SHORTFALLS.has(s)));
  const anyComorbidity = diagnoses.some((d) => COMORBIDITY_FLAG_KINDS.has(d.kind));
  for (const { kind, shortfall, only } of anyShortfall ? TRIAL_FLAGS : []) {
    const hits = trials.filter((t) => t.adequacy.shortfalls.includes(shortfall) && (only === undefined || only(t)));
    if (hits.length)
      flags.push({
        kind,
        text: `${FLAG_WORDS[kind]}: ${hits.map((t) => `${t.draft.ingredient} (${t.adequacy.shortfallReasons[t.adequacy.shortfalls.indexOf(shortfall)] ?? t.adequacy.reason}${scoresOfResponse(t)})`).join('; ')}`,
        sources: [...new Set(hits.flatMap((t) => [...t.draft.events.map((e) => e.reference), ...(respondedBelowDose(t) ? t.outcome.sources : [])]))],
      });
  }
  // Adequate trials that did not help, kept up only by orders that leave days uncovered (R.orderCoverage).
  const uncertain = trials.filter((t) => t.draft.orderCoverage !== null && t.adequacy.adequate && tolerated(t) && !RESPONDED.has(t.outcome.outcome));
  if (uncertain.length)
    flags.push({
      kind: 'adherence-uncertain',
      text: `${FLAG_WORDS['adherence-uncertain']}: ${uncertain.map((t) => `${t.draft.ingredient} ${orderCoverageWords(t.draft.orderCoverage!)}`).join('; ')}`,
      sources: uncertain.flatMap((t) => t.draft.orderCoverage!.sources),
    });
  for (const c of COMORBIDITY_FLAGS) {
    const hits = anyComorbidity ? diagnoses.filter((d) => c.kinds.includes(d.kind) && active(d, asOf)) : [];
    if (hits.length)
      flags.push({
        kind: c.flag,
        text: `${FLAG_WORDS[c.flag]}: ${[...new Set(hits.map((d) => d.display || d.code))].join(', ')}`,
        sources: hits.map((d) => d.source),
      });
    else if (c.flag === 'substance-use' && substanceShownByEvents)
      // No active disorder coded, but detox stays, overdoses or opioid orders show substance use.
      flags.push({ kind: c.flag, text: `${FLAG_WORDS[c.flag]} (no active disorder coded): ${substanceShownByEvents.text}`, sources: substanceShownByEvents.sources });
  }
  return flags;
}

/** Re-judge a trial for another condition (adequacy rules differ, e.g. OCD 12 weeks, TRRIP for schizophrenia). */
export function makeRejudge(
  ctxOf: (t: JudgedTrial) => { pdc: number | null; levels: readonly DrugLevelPoint[] },
  outcomeInput: (t: JudgedTrial, condition: ConditionKey) => Parameters<typeof judgeOutcome>[0],
  trialCondition: (t: JudgedTrial) => ConditionKey | null,
): (t: JudgedTrial, condition: ConditionKey) => JudgedTrial {
  return (t, condition) => {
    if (trialCondition(t) === condition) return t;
    const { pdc, levels } = ctxOf(t);
    const adequacy = judgeAdequacy(t.draft, { condition, role: t.role, adherencePdc: pdc, levels, prophylaxisBrokenOn: undefined });
    const outcome = judgeOutcome({ ...outcomeInput(t, condition), adequacy, condition });
    return { ...t, adequacy, outcome };
  };
}

