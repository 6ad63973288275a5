/**
 * Eligibility criteria of the catalog checked against the record, each kind as one small function, and earlier
 * responses to an option (a reason in favour).
 */
import type {
  Assessment, ProcedureKind,
  ProcedureMark,
  ConditionKey, Finding, FlagKind, Trial
} from '../types';
import { CONDITION_NAME, CONDITION_SHORT, FLAG_WORDS, OUTCOME_WORDS, adequacyVerdictOf, capitalise, definitionSourceWords, diagnosisKindName, psychotherapyCourseWords, quotedRecordText } from '../vocabulary';
import {
  type Criterion,
  type RetryResponders,
  type TreatedSubstance,
  SUBSTANCE_TREATMENTS,
} from './catalog';
import {
  type Context,
  type CriterionResult,
  trialsFinding,
  trialsOf,
  unique,
  described,
  trimPeriod,
  daysBefore,
  diagnosisFinding,
  pastDiagnosisFinding,
  currentDiagnoses,
  cite,
  FAILED,
} from './context';

// ---------------------------------------------------------------------------------------------
// Earlier responses (a reason in favour, never a caution)
// ---------------------------------------------------------------------------------------------

/** Words of a recorded procedure outcome (or of its text) that mean it helped, and that it did not. */
const RESPONDED = /\b(remission|remitted|responded|response|improved|recovered|resolved)\b/i;
const DID_NOT_RESPOND = /\b(no|non|not|without|poor|partial|minimal|failed)[- ]?(response|respon\w*|remission|improve\w*|benefit)|\bineffective\b|\bno (benefit|effect)\b/i;

export type ProcedureResponse = 'responded' | 'did-not-respond' | 'unknown';

/** What an earlier course brought, from its recorded outcome, or else from words in its description. */
export function procedureResponse(procedure: ProcedureMark): ProcedureResponse {
  for (const text of [procedure.outcome ?? '', procedure.display]) {
    if (!text) continue;
    if (DID_NOT_RESPOND.test(text)) return 'did-not-respond';
    if (RESPONDED.test(text)) return 'responded';
  }
  return 'unknown';
}

export function priorResponses(context: Context, procedures: readonly ProcedureKind[], ingredients: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of context.derived.procedures) {
    if (!procedures.includes(p.kind) || procedureResponse(p) !== 'responded') continue;
    const span = p.end && p.end !== p.start ? `${p.start.slice(0, 10)} to ${p.end.slice(0, 10)}` : p.start.slice(0, 10);
    const outcome = p.outcome ? `: ${p.outcome}` : '';
    findings.push({ text: `Earlier course that helped: ${p.display || p.kind} (${span}${outcome})`, sources: [p.source], inSummaryNote: true });
  }
  const trials = context.derived.trials.filter((t) => ingredients.includes(t.ingredient) && (t.outcome === 'response' || t.outcome === 'remission'));
  if (trials.length) findings.push({ ...trialsFinding('Earlier trial that helped', trials, context), inSummaryNote: true });
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Trials to optimise
// ---------------------------------------------------------------------------------------------

const RESPONDED_OUTCOMES: ReadonlySet<Trial['outcome']> = new Set(['response', 'remission']);

/** The flags of a trial short of an adequate dose or length. */
const SHORTFALL_FLAGS: ReadonlySet<FlagKind> = new Set<FlagKind>(['inadequate-dose', 'too-short']);

/**
 * The flagged trials (below an adequate dose or level, or too short) that can still be optimised, and those passed
 * over with why (with the trials stopped for a side effect short of adequacy, which carry no flag): a trial that responded or was not tolerated is not optimised; a past one is not offered again once
 * the condition's resistance is established by adequate trials (the next step follows the resistance). Where the rule
 * retries responders, a past trial that responded below the adequate dose (and was tolerated: not an intolerance) is
 * the agent to retry at an adequate dose: 'before-resistance' while resistance is not established, 'once-resistant'
 * only after (and then only that retry, beside the next step).
 */
function optimisableTrials(
  context: Context,
  flags: readonly FlagKind[],
  conditions: readonly ConditionKey[],
  retryResponders: RetryResponders | undefined,
): { optimisable: { trial: Trial; retry: boolean }[]; passedOver: { trial: Trial; why: string }[] } {
  const optimisable: { trial: Trial; retry: boolean }[] = [];
  const passedOver: { trial: Trial; why: string }[] = [];
  const seen = new Set<string>();
  // A trial stopped for a side effect short of an adequate dose or length carries no pseudo-resistance flag (it did not
  // fail), but it is among the trials below an adequate dose or length: it is named with why it is not optimised.
  const namesIntolerant = flags.some((f) => SHORTFALL_FLAGS.has(f));
  for (const assessment of context.derived.assessments) {
    if (!conditions.includes(assessment.condition)) continue;
    const flagSources = new Set(assessment.flags.filter((f) => flags.includes(f.kind)).flatMap((f) => f.sources));
    const underDosedSources = new Set(
      assessment.flags.filter((f) => f.kind === 'inadequate-dose' || f.kind === 'response-below-adequate-dose').flatMap((f) => f.sources),
    );
    for (const trial of trialsOf(context, assessment.trialIds)) {
      if (seen.has(trial.id)) continue;
      const intolerantShort = namesIntolerant && trial.outcome === 'intolerance' && adequacyVerdictOf(trial) === 'not-adequate';
      if (!intolerantShort && !trial.sources.some((s) => flagSources.has(s))) continue;
      seen.add(trial.id);
      const onceResistant = retryResponders === 'once-resistant';
      // A higher dose is never offered of a drug stopped for a side effect, and a retry needs it to have been
      // tolerated: a stop reason not classified leaves that unknown.
      const sideEffect = (trial.stopReasons ?? []).find((r) => r.kind === 'adverse' || r.kind === 'mixed');
      const unclassified = (trial.stopReasons ?? []).find((r) => r.kind === 'unclassified');
      if (sideEffect) passedOver.push({ trial, why: `stopped for a side effect (${quotedRecordText(sideEffect.text)}): a tolerability problem, not a dose to raise` });
      else if (RESPONDED_OUTCOMES.has(trial.outcome) && unclassified && retryResponders && trial.end !== null)
        passedOver.push({ trial, why: `stopped for a reason not classified (${quotedRecordText(unclassified.text)}): tolerability unknown, so no retry at a higher dose is offered` });
      else if (RESPONDED_OUTCOMES.has(trial.outcome)) {
        if (!retryResponders || trial.end === null || !trial.sources.some((s) => underDosedSources.has(s))) passedOver.push({ trial, why: 'it responded, so there is nothing to optimise' });
        else if (onceResistant === assessment.treatmentResistant) optimisable.push({ trial, retry: true });
        else
          passedOver.push({
            trial,
            why: onceResistant
              ? `it responded below an adequate dose; ${CONDITION_NAME[assessment.condition]} does not meet its treatment-resistance criteria, so its retry is the suggested optimisation`
              : `it responded below an adequate dose, but ${CONDITION_NAME[assessment.condition]} meets its treatment-resistance criteria: the next step comes first, and a retry is at most to consider`,
          });
      } else if (trial.outcome === 'intolerance') passedOver.push({ trial, why: 'stopped for side effects: a tolerability problem, not a dose to raise' });
      else if (!onceResistant && (trial.end === null || !assessment.treatmentResistant)) optimisable.push({ trial, retry: false });
      else
        passedOver.push({
          trial,
          why: `a past trial, and ${CONDITION_NAME[assessment.condition]} already meets its treatment-resistance criteria by ${assessment.failedAdequateTrials} failed adequate trials, so the next step follows the resistance`,
        });
    }
  }
  return { optimisable, passedOver };
}

// ---------------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------------

/** What to record to confirm the unconfirmed adequate trials of some assessments, as one finding. */
function confirmFinding(assessments: Assessment[], context: Context): Finding | undefined {
  const unconfirmed = assessments.flatMap((a) => a.unconfirmedTrials ?? []);
  if (!unconfirmed.length) return undefined;
  const trials = trialsOf(context, unconfirmed.map((u) => u.trialId));
  const asks = unconfirmed.flatMap((u) => (u.confirm === undefined ? [] : [u.confirm]));
  return {
    text: `Possibly meets: ${unconfirmed.length} adequate trial${unconfirmed.length === 1 ? ' not established as a failure' : 's not established as failures'} (${unconfirmed
      .map((u) => `${u.ingredient}: ${u.missing}`)
      .join('; ')})${asks.length ? `. To decide, record ${asks.join('; ')}` : ''}`,
    sources: unique(trials.flatMap((t) => t.sources)),
  };
}

export function assessedAmong(context: Context, conditions: readonly ConditionKey[]): Assessment[] {
  return conditions.map((c) => context.assessments.get(c)).filter((a): a is Assessment => a !== undefined);
}

export function conditionFinding(assessment: Assessment, context: Context): Finding {
  const sources = assessment.conditionSources.length
    ? assessment.conditionSources
    : unique(trialsOf(context, assessment.trialIds).flatMap((t) => t.sources));
  const words = CONDITION_NAME[assessment.condition];
  return { text: `${words.charAt(0).toUpperCase()}${words.slice(1)} recorded`, sources, entryCriterion: true };
}

function noneRecorded(conditions: readonly ConditionKey[]): string {
  return `No ${conditions.map((c) => CONDITION_NAME[c]).join(' or ')} is recorded.`;
}

/** An assessment's resistance verdict as a finding, with the definition applied and the failed trials behind it. */
function resistanceFinding(a: Assessment, context: Context): Finding {
  const failed = trialsOf(context, a.failedAdequateTrialIds);
  // Name the trials unless the engine's conclusion already does.
  const unnamed = failed.filter((t) => !a.conclusion.includes(t.ingredient));
  const named = unnamed.length ? ` Failed adequate trials: ${unnamed.map((t) => described(t, context)).join('; ')}.` : '';
  return {
    text: `${trimPeriod(a.conclusion)}.${named} (definition: ${trimPeriod(a.definition.summary)}; ${definitionSourceWords(trimPeriod(a.definition.source), a.definition.verification)})`,
    sources: unique([...a.conditionSources, ...failed.flatMap((t) => t.sources)]),
  };
}

type CriterionCheck<K extends Criterion['kind']> = (criterion: Extract<Criterion, { kind: K }>, context: Context) => CriterionResult;

const CRITERIA: { [K in Criterion['kind']]: CriterionCheck<K> } = {
  assessed(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    return found.length
      ? { met: true, findings: found.map((a) => conditionFinding(a, context)) }
      : { met: false, findings: [], missing: noneRecorded(criterion.conditions), restates: true };
  },

  'failed-adequate-trials'(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    if (!found.length) return { met: false, findings: [], missing: noneRecorded(criterion.conditions), restates: true };
    const shown: Finding[] = [];
    let best: { met: boolean; findings: Finding[] } | null = null;
    for (const assessment of found) {
      const label = CONDITION_SHORT[assessment.condition];
      const failed = trialsOf(context, assessment.failedAdequateTrialIds);
      const count = Math.max(assessment.failedAdequateTrials, failed.length);
      const intolerant = criterion.orIntolerance
        ? trialsOf(context, assessment.trialIds).filter((t) => t.outcome === 'intolerance')
        : [];
      const findings: Finding[] = [];
      const total = count + intolerant.length;
      const withinMax = criterion.max === undefined || count <= criterion.max;
      // Too many is said with the count, once.
      const tooMany = withinMax ? '' : `, more than the ${criterion.min}–${criterion.max} this option is for`;
      if (failed.length) findings.push(trialsFinding(`${count} failed adequate trial${count === 1 ? '' : 's'} in the current ${label} episode${tooMany}`, failed, context));
      if (intolerant.length) findings.push(trialsFinding(`Not tolerated in the current ${label} episode`, intolerant, context));
      if (total >= criterion.min && withinMax) {
        best = { met: true, findings: [conditionFinding(assessment, context), ...findings] };
        break;
      }
      shown.push(...findings);
    }
    if (best) return best;
    // Possibly met: adequate trials without a recorded outcome would make up the number if they failed.
    const possibleAmong = found.filter((a) => {
      const count = Math.max(a.failedAdequateTrials, a.failedAdequateTrialIds.length);
      const unconfirmed = (a.unconfirmedTrials ?? []).length;
      return unconfirmed > 0 && count + unconfirmed >= criterion.min && (criterion.max === undefined || count <= criterion.max);
    });
    const possible = possibleAmong.length ? confirmFinding(possibleAmong, context) : undefined;
    // What the record shows, not what the option needs (its own text says that): a count the listed trials already
    // give is not said again.
    const counts = found.map((a) => {
      const n = a.failedAdequateTrials;
      return `${n === 0 ? 'no' : n} failed adequate trial${n === 1 || n === 0 ? '' : 's'} in the current ${CONDITION_SHORT[a.condition]} episode`;
    });
    const listed = found.every((a) => trialsOf(context, a.failedAdequateTrialIds).length > 0);
    return {
      met: false,
      findings: shown,
      missing: `${capitalise(counts.join(', '))}.`,
      ...(listed ? { restates: true as const } : {}),
      ...(possible ? { possible } : {}),
    };
  },

  'treatment-resistant'(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    if (!found.length) return { met: false, findings: [], missing: noneRecorded(criterion.conditions), restates: true };
    const resistant = found.filter((a) => a.treatmentResistant);
    if (resistant.length) return { met: true, findings: resistant.map((a) => resistanceFinding(a, context)) };
    const possible = confirmFinding(found.filter((a) => a.status === 'possibly-meets'), context);
    return {
      met: false,
      findings: found.map((a) => resistanceFinding(a, context)),
      missing: `Not treatment-resistant by the definition applied (${found.map((a) => CONDITION_SHORT[a.condition]).join(', ')}).`,
      // The conclusions (findings) say it, with the failed trials.
      restates: true,
      ...(possible ? { possible } : {}),
    };
  },

  'chronic-or-recurrent'(criterion, context) {
    const findings: Finding[] = [];
    for (const assessment of assessedAmong(context, criterion.conditions)) {
      const episode = assessment.currentEpisode;
      const days = episode ? daysBefore(episode.start, context.asOfDay) : null;
      if (episode && days !== null && days >= criterion.chronicDays) {
        findings.push({ text: `Chronic: the current episode began ${episode.start} (${(days / 365.25).toFixed(1)} years ago)`, sources: episode.sources });
      }
      const episodes = context.derived.episodes.filter((e) => e.condition === assessment.condition);
      if (episodes.length > 1) {
        findings.push({ text: `Recurrent: ${episodes.length} ${CONDITION_SHORT[assessment.condition]} episodes in the record`, sources: unique(episodes.flatMap((e) => e.sources)) });
      }
      // ICD-10-CM F33.x and SNOMED 66344007 are recurrent major depression (ICD-10-CM tabular list; VSAC "Major Depression Including Remission").
      const recurrentCodes = context.derived.diagnoses.filter((d) => d.kind === assessment.condition && (/^F33/i.test(d.code) || d.code === '66344007'));
      for (const d of recurrentCodes) {
        const f = diagnosisFinding(d);
        findings.push({ text: `Recurrent: ${f.text}`, sources: f.sources });
      }
    }
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No record shows the depression as chronic (current episode of ${Math.round(criterion.chronicDays / 365)} years or more) or recurrent.` };
  },

  diagnosis(criterion, context) {
    const found = currentDiagnoses(context, criterion.kinds);
    if (found.length) return { met: true, findings: found.map(diagnosisFinding) };
    // A past (resolved, inactive) diagnosis of these kinds is named with its dates: "none is recorded" would contradict
    // the timeline, and a past disorder still matters (e.g. substance use as a cause of pseudo-resistance).
    const past = context.derived.diagnoses.filter((d) => (criterion.kinds as readonly string[]).includes(d.kind));
    const kinds = criterion.kinds.map(diagnosisKindName).join(' or ');
    if (past.length === 0) return { met: false, findings: [], missing: `No ${kinds} is recorded.`, restates: true };
    const named = past.map(pastDiagnosisFinding);
    return {
      met: false,
      findings: [{ text: `In the past: ${named.map((f) => f.text).join('; ')}`, sources: unique(named.flatMap((f) => f.sources)) }],
      missing: `No current ${kinds} is recorded.`,
      restates: true,
    };
  },

  urgent(criterion, context) {
    const findings = criterion.signals.flatMap((signal) => context.urgency.get(signal) ?? []);
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No ${criterion.signals.join(' or ').replace(/-/g, ' ')} recorded recently.`, restates: true };
  },

  flag(criterion, context) {
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const assessment of context.derived.assessments) {
      for (const flag of assessment.flags) {
        if (!criterion.flags.includes(flag.kind) || seen.has(flag.text)) continue;
        seen.add(flag.text);
        const named = `${FLAG_WORDS[flag.kind]}: `;
        const text = criterion.advice
          ? `${flag.text.startsWith(named) ? flag.text.slice(named.length) : flag.text}: ${criterion.advice}`
          : flag.text;
        findings.push({ text, sources: flag.sources });
      }
    }
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No ${criterion.flags.map((f) => FLAG_WORDS[f]).join(' or ')} flag was raised.`, restates: true };
  },

  'optimisable-trials'(criterion, context) {
    const { optimisable, passedOver } = optimisableTrials(context, criterion.flags, criterion.conditions, criterion.retryResponders);
    if (optimisable.length) {
      const findings = optimisable.map(({ trial: t, retry }) => ({
        text: retry
          ? `Past trial that responded below an adequate dose, ${criterion.retryResponders === 'once-resistant' ? 'at most to consider retrying at an adequate dose now that treatment resistance is established: clozapine comes first, and the retry must not delay it' : 'to retry at an adequate dose'}: ${described(t, context)}: ${t.adequacyReason}; ${OUTCOME_WORDS[t.outcome]}: ${t.outcomeDetail}`
          : t.end === null
            ? `Running now: ${described(t, context)}: ${t.adequacyReason}`
            : `Past trial, with resistance not established: re-trial at an adequate dose if chosen again: ${described(t, context)}: ${t.adequacyReason}`,
        sources: t.sources,
        inSummaryNote: true as const,
      }));
      return { met: true, findings };
    }
    if (!passedOver.length) return { met: false, findings: [], missing: `No ${criterion.flags.map((f) => FLAG_WORDS[f]).join(' or ')} flag was raised.`, restates: true };
    return {
      met: false,
      findings: passedOver.map(({ trial, why }) => ({ text: `${described(trial, context)}: ${why}`, sources: trial.sources })),
      missing: 'Trials below an adequate dose or length, and why none is to optimise:',
    };
  },

  'failed-or-intolerant-trials'(criterion, context) {
    const trials = context.derived.trials.filter((t) => FAILED.has(t.outcome) || t.outcome === 'intolerance');
    return trials.length >= criterion.min
      ? { met: true, findings: [trialsFinding('Trials that did not work or were not tolerated', trials, context)] }
      : { met: false, findings: [], missing: `Needs at least ${criterion.min} trial that failed or was not tolerated; none is recorded.`, restates: true };
  },

  'ingredient-failed'(criterion, context) {
    const trials = context.derived.trials.filter((t) => t.ingredient === criterion.ingredient);
    const failed = trials.filter((t) => FAILED.has(t.outcome));
    if (failed.length) return { met: true, findings: [trialsFinding(`${criterion.ingredient} did not work`, failed, context)] };
    return trials.length
      ? { met: false, findings: [trialsFinding(`${criterion.ingredient} in the record`, trials, context)], missing: `No failed ${criterion.ingredient} trial is recorded.`, restates: true }
      : { met: false, findings: [], missing: `No ${criterion.ingredient} trial is recorded.` };
  },

  'prior-response'(criterion, context) {
    const findings = priorResponses(context, criterion.procedures, criterion.ingredients);
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: 'No earlier course of this treatment with a recorded response.', restates: true };
  },

  'substance-use'(criterion, context) {
    const use = context.derived.substanceUse;
    const current = currentDiagnoses(context, ['substance-use']).map(diagnosisFinding);
    const events = use?.shownByEvents ? [{ text: capitalise(use.shownByEvents.text), sources: use.shownByEvents.sources }] : [];
    const past = context.derived.diagnoses
      .filter((d) => d.kind === 'substance-use' && !current.some((f) => f.sources.includes(d.source)) && (daysBefore(d.onset, context.asOfDay) ?? 0) >= 0)
      .map((d) => ({ text: `Past: ${pastDiagnosisFinding(d).text}`, sources: [d.source] }));
    const basis = current.length || events.length ? [...current, ...events] : criterion.past ? past : [];
    if (!basis.length) {
      if (past.length) return { met: false, findings: past, missing: 'No current substance use disorder, and no detox stay or overdose of a drug of abuse, is recorded.' };
      // Tobacco is named (it is on the record) with why it does not make this option.
      const tobacco = (use?.findings ?? []).filter((f) => f.sources.some((source) => context.derived.diagnoses.some((d) => d.source === source && d.kind === 'other')));
      if (tobacco.length) return { met: false, findings: tobacco, missing: 'Tobacco use alone is not a reason for this option:' };
      return { met: false, findings: [], missing: 'No substance use or overdose of a drug of abuse is recorded.', restates: true };
    }
    // Drug or alcohol counselling already given is said with what the record shows, before the treatments to offer.
    const counselling = (context.derived.psychotherapy ?? []).filter((c) => c.modality === 'substance-use');
    const given = counselling.length
      ? [{ text: `Substance-use counselling given: ${counselling.map(psychotherapyCourseWords).join('; ')}`, sources: unique(counselling.flatMap((c) => c.sources)) }]
      : [];
    return { met: true, findings: [...basis, ...given, ...substanceTreatments(context, basis)] };
  },

  'no-trial-of'(criterion, context) {
    const trials = context.derived.trials.filter((t) => t.ingredient === criterion.ingredient);
    return trials.length
      ? { met: false, findings: [trialsFinding(`${criterion.ingredient} was already tried`, trials, context)], missing: `${criterion.ingredient} has already been tried.`, restates: true }
      : { met: true, findings: [{ text: `No ${criterion.ingredient} trial in the record`, sources: [] }] };
  },
};

export function checkCriterion(criterion: Criterion, context: Context): CriterionResult {
  let result = context.criteria.get(criterion);
  if (!result) {
    // The mapped table guarantees the right function for each kind.
    const r = (CRITERIA[criterion.kind] as CriterionCheck<typeof criterion.kind>)(criterion, context);
    // One shape for every result, whichever check made it: the evaluator reads them all at the same sites.
    result = { met: r.met, findings: r.findings, missing: r.missing, restates: r.restates, possible: r.possible };
    context.criteria.set(criterion, result);
  }
  return result;
}

/**
 * The medication treatment of each substance the record shows (SUBSTANCE_TREATMENTS): opioids where an opioid use
 * disorder is coded or probable, alcohol where an alcohol use disorder is coded; when overdoses and detox stays name no
 * substance, asking which comes first.
 */
function substanceTreatments(context: Context, basis: readonly Finding[]): Finding[] {
  const use = context.derived.substanceUse;
  if (!use) return [];
  const sources = unique(basis.flatMap((f) => f.sources));
  const found = (substance: TreatedSubstance) => (substance === 'opioid' ? use.probableOpioidUseDisorder : use.substances.includes(substance));
  const rows = SUBSTANCE_TREATMENTS.filter((row) => found(row.substance));
  const treatments = rows.map((row) => ({ text: `For ${row.words} (${cite(row.source)})`, sources }));
  if (rows.length === 0 && use.substances.includes('unspecified')) treatments.push({ text: 'The substances are not recorded: ask which were used, and treat each', sources });
  return treatments;
}
