/**
 * Generic evaluator of the catalog: one small function per criterion kind and per risk kind, no per-option code.
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
import type {
  Assessment,
  ComorbidityKey,
  ProcedureKind,
  ProcedureMark,
  ConditionKey,
  Derivation,
  DiagnosisSpan,
  Finding,
  RuleRef,
  Suggestion,
  SuggestionStatus,
  Trial,
} from '../types';
import { type Day, toDay } from '../dates';
import { ACTIVE_CLINICAL_STATUSES } from '../terminology/systems';
import { CONDITION_NAME, CONDITION_SHORT, OUTCOME_WORDS, VERIFICATION_WORDS, describeTrial } from '../vocabulary';
import { REFERENCES } from '../references/registry';
import {
  CATALOG,
  RECENT_SUICIDAL_IDEATION_DAYS,
  WINDOW_SOURCES,
  src,
  type AgeLimit,
  type CatalogOption,
  type Criterion,
  type EligibilityPath,
  type RiskMatch,
  type RiskRow,
  type SourceRef,
  type UrgencySignal,
} from './catalog';

/** What the suggestion rules read: the derivation so far (demographics optional, for records built by hand). */
export type DerivedRecord = Omit<Derivation, 'suggestions' | 'safety' | 'demographics'> & { demographics?: Derivation['demographics'] };

// ---------------------------------------------------------------------------------------------
// Plain words
// ---------------------------------------------------------------------------------------------

/** The sources in words, as the rules panel shows them: "Spravato label: section 8.1". */
export function sourceWords(source: SourceRef): string {
  const names = source.refs.map((id) => REFERENCES[id].short).join('; ');
  return source.detail ? `${names}: ${source.detail}` : names;
}

/** The sources in words with the verification tag, as a reason shows them. */
export function cite(source: SourceRef): string {
  return `${sourceWords(source)} [${VERIFICATION_WORDS[source.verification]}]`;
}

/** A trial with its outcome, as a reason names it: "sertraline 100 mg/day for 9 weeks (non-response, measured)". */
function trialWithOutcome(trial: Trial): string {
  const basis = trial.outcomeBasis === 'inferred' ? ', inferred' : trial.outcomeBasis === 'measured' ? ', measured' : '';
  return `${describeTrial(trial)} (${OUTCOME_WORDS[trial.outcome]}${basis})`;
}

/** trialWithOutcome, once per trial and patient: several criteria and risks name the same trials. */
function described(trial: Trial, context: Context): string {
  let text = context.described.get(trial);
  if (text === undefined) context.described.set(trial, (text = trialWithOutcome(trial)));
  return text;
}

function trialsFinding(prefix: string, trials: Trial[], context: Context): Finding {
  return {
    text: `${prefix}: ${trials.map((t) => described(t, context)).join('; ')}`,
    sources: unique(trials.flatMap((t) => t.sources)),
  };
}

function trimPeriod(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Dates (ISO strings; arithmetic only, no clock)
// ---------------------------------------------------------------------------------------------

/** Days from `iso` to asOf (positive = in the past); null when a date is missing or unreadable. */
function daysBefore(iso: string | null, asOf: Day | null): number | null {
  const day = iso && asOf !== null ? toDay(iso) : null;
  return day === null || asOf === null ? null : asOf - day;
}

// ---------------------------------------------------------------------------------------------
// Context computed once per patient
// ---------------------------------------------------------------------------------------------

/**
 * Diagnoses that count as history whatever their clinical status: a resolved intracerebral haemorrhage, a clipped
 * aneurysm, an implant or a vagotomy still matter (the TMS, Spravato and VNS labels speak of a "history of").
 */
const HISTORY_KINDS: ReadonlySet<ComorbidityKey | ConditionKey> = new Set([
  'intracerebral-haemorrhage',
  'aneurysm-or-avm',
  'head-implant',
  'cardiac-device',
  'vagotomy',
  'epilepsy',
  'trauma',
  'suicide-attempt',
  'self-harm',
  'overdose',
]);

/** Kinds that are acute suicidal ideation or behaviour when recent (the esketamine indication's words). */
const SUICIDAL_KINDS: readonly ComorbidityKey[] = ['suicidal-ideation', 'suicide-attempt', 'self-harm', 'overdose'];

/** A C-SSRS at or above this (yes to ideation with intent, with a plan, or recent behaviour) is high risk. */
export const CSSRS_HIGH_RISK = 4;


interface Context {
  derived: DerivedRecord;
  asOf: string;
  /** asOf as a day number (null only for a record built by hand with an unreadable date). */
  asOfDay: Day | null;
  /** Whole years at asOf, or null when the birth date is not known. */
  age: number | null;
  trialsById: Map<string, Trial>;
  assessments: Map<ConditionKey, Assessment>;
  urgency: Map<UrgencySignal, Finding[]>;
  /**
   * Each criterion's result for this patient: options share criteria, and an option that is not eligible looks at
   * its criteria again to say what is missing. Results are read, never changed, so they can be shared.
   */
  criteria: Map<Criterion, CriterionResult>;
  described: Map<Trial, string>;
}

function isCurrent(diagnosis: DiagnosisSpan, asOfDay: Day | null): boolean {
  if (HISTORY_KINDS.has(diagnosis.kind)) return (daysBefore(diagnosis.onset, asOfDay) ?? 0) >= 0;
  if (diagnosis.clinicalStatus !== null && !ACTIVE_CLINICAL_STATUSES.has(diagnosis.clinicalStatus)) return false;
  const abated = daysBefore(diagnosis.abatement, asOfDay);
  if (abated !== null && abated >= 0) return false;
  // A diagnosis dated after asOf is not known yet.
  return (daysBefore(diagnosis.onset, asOfDay) ?? 0) >= 0;
}

/** A diagnosis as a finding: its name and dates in words; the code is in the linked record, not in the sentence. */
function diagnosisFinding(diagnosis: DiagnosisSpan): Finding {
  const since = diagnosis.onset ? `, since ${diagnosis.onset.slice(0, 10)}` : ', onset date not recorded';
  const status = diagnosis.clinicalStatus && !ACTIVE_CLINICAL_STATUSES.has(diagnosis.clinicalStatus) ? `, ${diagnosis.clinicalStatus}` : '';
  return { text: `${diagnosis.display || (diagnosis.code ? `coded diagnosis ${diagnosis.code}` : diagnosis.kind)}${since}${status}`, sources: [diagnosis.source] };
}

/**
 * Current diagnoses of these kinds; with maxAgeDays, only those that began within it. Unknown onset: kept (better a
 * visible caution than a silent miss), unless `datedOnly` (urgency needs a date to call something acute).
 */
function currentDiagnoses(context: Context, kinds: readonly ComorbidityKey[], maxAgeDays?: number, datedOnly = false): DiagnosisSpan[] {
  return context.derived.diagnoses.filter((d) => {
    if (!(kinds as readonly string[]).includes(d.kind) || !isCurrent(d, context.asOfDay)) return false;
    if (maxAgeDays === undefined) return true;
    const age = daysBefore(d.onset, context.asOfDay);
    return age === null ? !datedOnly : age <= maxAgeDays;
  });
}

/** Diagnoses of these kinds that began longer ago than maxAgeDays: history, not recent. */
function olderDiagnoses(context: Context, kinds: readonly ComorbidityKey[], maxAgeDays: number): DiagnosisSpan[] {
  return context.derived.diagnoses.filter((d) => {
    if (!(kinds as readonly string[]).includes(d.kind)) return false;
    const age = daysBefore(d.onset, context.asOfDay);
    return age !== null && age > maxAgeDays;
  });
}

/**
 * Urgency signals. Suicidal ideation: coded suicidal ideation or behaviour (ideation, attempt, self-harm, intentional
 * or undetermined overdose) dated within the last RECENT_SUICIDAL_IDEATION_DAYS, or a high-risk C-SSRS as recent.
 * A positive PHQ-9 item 9 is a screen: the safety strip asks for a risk assessment; it does not make anything urgent.
 */
function urgencySignals(derived: DerivedRecord, contextBase: Omit<Context, 'urgency' | 'criteria' | 'described'>): Map<UrgencySignal, Finding[]> {
  const signals = new Map<UrgencySignal, Finding[]>();
  const add = (signal: UrgencySignal, finding: Finding) => signals.set(signal, [...(signals.get(signal) ?? []), finding]);

  for (const score of derived.scores) {
    if (score.instrument !== 'cssrs' || score.value < CSSRS_HIGH_RISK) continue;
    const age = daysBefore(score.date, contextBase.asOfDay);
    if (age === null || age < 0 || age > RECENT_SUICIDAL_IDEATION_DAYS) continue;
    add('suicidal-ideation', {
      text: `C-SSRS ${score.value} on ${score.date.slice(0, 10)} (high risk: ideation with intent or plan, or recent behaviour)`,
      sources: [score.source],
    });
  }
  const context = { ...contextBase, urgency: signals, criteria: new Map<Criterion, CriterionResult>(), described: new Map<Trial, string>() };
  for (const diagnosis of currentDiagnoses(context, SUICIDAL_KINDS, RECENT_SUICIDAL_IDEATION_DAYS, true)) add('suicidal-ideation', diagnosisFinding(diagnosis));
  for (const signal of ['catatonia', 'psychotic-features'] as const) {
    for (const diagnosis of currentDiagnoses(context, [signal])) add(signal, diagnosisFinding(diagnosis));
  }
  return signals;
}

function buildContext(derived: DerivedRecord): Context {
  const base = {
    derived,
    asOf: derived.asOf,
    asOfDay: toDay(derived.asOf),
    age: derived.demographics?.ageYears ?? null,
    trialsById: new Map(derived.trials.map((t) => [t.id, t])),
    assessments: new Map(derived.assessments.map((a) => [a.condition, a])),
  };
  return { ...base, urgency: urgencySignals(derived, base), criteria: new Map(), described: new Map() };
}

function trialsOf(context: Context, ids: readonly string[]): Trial[] {
  return ids.map((id) => context.trialsById.get(id)).filter((t): t is Trial => t !== undefined);
}

const FAILED: ReadonlySet<Trial['outcome']> = new Set(['nonresponse', 'partial']);

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

function priorResponses(context: Context, procedures: readonly ProcedureKind[], ingredients: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const p of context.derived.procedures) {
    if (!procedures.includes(p.kind) || procedureResponse(p) !== 'responded') continue;
    const span = p.end && p.end !== p.start ? `${p.start.slice(0, 10)} to ${p.end.slice(0, 10)}` : p.start.slice(0, 10);
    const outcome = p.outcome ? `: ${p.outcome}` : '';
    findings.push({ text: `Earlier course that helped: ${p.display || p.kind} (${span}${outcome})`, sources: [p.source] });
  }
  const trials = context.derived.trials.filter((t) => ingredients.includes(t.ingredient) && (t.outcome === 'response' || t.outcome === 'remission'));
  if (trials.length) findings.push(trialsFinding('Earlier trial that helped', trials, context));
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------------

interface CriterionResult {
  met: boolean;
  /** Met: the findings that make it hold. Not met: what the record shows instead (may be empty). */
  findings: Finding[];
  /** Not met: what is missing, in plain words. */
  missing?: string;
  /**
   * Not met, but it would be if adequate trials whose outcome is not recorded failed (the "possibly meets" tier):
   * what to record to decide. A path that holds only this way is "consider — confirm".
   */
  possible?: Finding;
}

/** What to record to confirm the unconfirmed adequate trials of some assessments, as one finding. */
function confirmFinding(assessments: Assessment[], context: Context): Finding | undefined {
  const unconfirmed = assessments.flatMap((a) => a.unconfirmedTrials ?? []);
  if (!unconfirmed.length) return undefined;
  const trials = trialsOf(context, unconfirmed.map((u) => u.trialId));
  return {
    text: `Possibly meets: ${unconfirmed.length} adequate trial${unconfirmed.length === 1 ? ' not established as a failure' : 's not established as failures'} (${unconfirmed
      .map((u) => `${u.ingredient}: ${u.missing}`)
      .join('; ')}). To decide, record ${unconfirmed.map((u) => u.confirm).join('; ')}`,
    sources: unique(trials.flatMap((t) => t.sources)),
  };
}

function assessedAmong(context: Context, conditions: readonly ConditionKey[]): Assessment[] {
  return conditions.map((c) => context.assessments.get(c)).filter((a): a is Assessment => a !== undefined);
}

function conditionFinding(assessment: Assessment, context: Context): Finding {
  const sources = assessment.conditionSources.length
    ? assessment.conditionSources
    : unique(trialsOf(context, assessment.trialIds).flatMap((t) => t.sources));
  const words = CONDITION_NAME[assessment.condition];
  return { text: `${words.charAt(0).toUpperCase()}${words.slice(1)} recorded`, sources };
}

function noneRecorded(conditions: readonly ConditionKey[]): string {
  return `No ${conditions.map((c) => CONDITION_NAME[c]).join(' or ')} is recorded.`;
}

type CriterionCheck<K extends Criterion['kind']> = (criterion: Extract<Criterion, { kind: K }>, context: Context) => CriterionResult;

const CRITERIA: { [K in Criterion['kind']]: CriterionCheck<K> } = {
  assessed(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    return found.length
      ? { met: true, findings: found.map((a) => conditionFinding(a, context)) }
      : { met: false, findings: [], missing: noneRecorded(criterion.conditions) };
  },

  'failed-adequate-trials'(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    if (!found.length) return { met: false, findings: [], missing: noneRecorded(criterion.conditions) };
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
      if (failed.length) findings.push(trialsFinding(`${count} failed adequate trial${count === 1 ? '' : 's'} in the current ${label} episode`, failed, context));
      if (intolerant.length) findings.push(trialsFinding(`Not tolerated in the current ${label} episode`, intolerant, context));
      const total = count + intolerant.length;
      const withinMax = criterion.max === undefined || count <= criterion.max;
      if (total >= criterion.min && withinMax) {
        best = { met: true, findings: [conditionFinding(assessment, context), ...findings] };
        break;
      }
      shown.push(...findings);
      if (!withinMax) {
        shown.push({ text: `${count} failed adequate trials: more than the ${criterion.min}–${criterion.max} this option is for`, sources: unique(failed.flatMap((t) => t.sources)) });
      }
    }
    if (best) return best;
    // Possibly met: adequate trials without a recorded outcome would make up the number if they failed.
    const possibleAmong = found.filter((a) => {
      const count = Math.max(a.failedAdequateTrials, a.failedAdequateTrialIds.length);
      const unconfirmed = (a.unconfirmedTrials ?? []).length;
      return unconfirmed > 0 && count + unconfirmed >= criterion.min && (criterion.max === undefined || count <= criterion.max);
    });
    const possible = possibleAmong.length ? confirmFinding(possibleAmong, context) : undefined;
    const needed = `${criterion.min}${criterion.max !== undefined ? `–${criterion.max}` : ' or more'} failed adequate trial${criterion.min === 1 && criterion.max === undefined ? '' : 's'}${criterion.orIntolerance ? ' (or intolerances)' : ''}`;
    const counts = found.map((a) => `${a.failedAdequateTrials} in the current ${CONDITION_SHORT[a.condition]} episode`).join(', ');
    return { met: false, findings: shown, missing: `Needs ${needed}; the record shows ${counts}.`, ...(possible ? { possible } : {}) };
  },

  'treatment-resistant'(criterion, context) {
    const found = assessedAmong(context, criterion.conditions);
    if (!found.length) return { met: false, findings: [], missing: noneRecorded(criterion.conditions) };
    const resistant = found.filter((a) => a.treatmentResistant);
    const finding = (a: Assessment): Finding => {
      const failed = trialsOf(context, a.failedAdequateTrialIds);
      // Name the trials unless the engine's conclusion already does.
      const unnamed = failed.filter((t) => !a.conclusion.includes(t.ingredient));
      const named = unnamed.length ? ` Failed adequate trials: ${unnamed.map((t) => described(t, context)).join('; ')}.` : '';
      const tag = a.definition.source.includes(`[${a.definition.verification}]`) ? '' : ` [${VERIFICATION_WORDS[a.definition.verification]}]`;
      return {
        text: `${trimPeriod(a.conclusion)}.${named} (definition: ${trimPeriod(a.definition.summary)}; ${trimPeriod(a.definition.source)}${tag})`,
        sources: unique([...a.conditionSources, ...failed.flatMap((t) => t.sources)]),
      };
    };
    if (resistant.length) return { met: true, findings: resistant.map(finding) };
    const possible = confirmFinding(found.filter((a) => a.status === 'possibly-meets'), context);
    return {
      met: false,
      findings: found.map(finding),
      missing: `Not treatment-resistant by the definition applied (${found.map((a) => CONDITION_SHORT[a.condition]).join(', ')}).`,
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
      for (const d of recurrentCodes) findings.push({ ...diagnosisFinding(d), text: `Recurrent: ${diagnosisFinding(d).text}` });
    }
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No record shows the depression as chronic (current episode of ${Math.round(criterion.chronicDays / 365)} years or more) or recurrent.` };
  },

  diagnosis(criterion, context) {
    const found = currentDiagnoses(context, criterion.kinds);
    return found.length
      ? { met: true, findings: found.map(diagnosisFinding) }
      : { met: false, findings: [], missing: `No ${criterion.kinds.join(' or ')} is recorded.` };
  },

  urgent(criterion, context) {
    const findings = criterion.signals.flatMap((signal) => context.urgency.get(signal) ?? []);
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No ${criterion.signals.join(', ').replace(/-/g, ' ')} recorded recently.` };
  },

  flag(criterion, context) {
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const assessment of context.derived.assessments) {
      for (const flag of assessment.flags) {
        if (!criterion.flags.includes(flag.kind) || seen.has(flag.text)) continue;
        seen.add(flag.text);
        findings.push({ text: flag.text, sources: flag.sources });
      }
    }
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: `No ${criterion.flags.join(' or ').replace(/-/g, ' ')} flag was raised.` };
  },

  'failed-or-intolerant-trials'(criterion, context) {
    const trials = context.derived.trials.filter((t) => FAILED.has(t.outcome) || t.outcome === 'intolerance');
    return trials.length >= criterion.min
      ? { met: true, findings: [trialsFinding('Trials that did not work or were not tolerated', trials, context)] }
      : { met: false, findings: [], missing: `Needs at least ${criterion.min} trial that failed or was not tolerated; none is recorded.` };
  },

  'ingredient-failed'(criterion, context) {
    const trials = context.derived.trials.filter((t) => t.ingredient === criterion.ingredient);
    const failed = trials.filter((t) => FAILED.has(t.outcome));
    if (failed.length) return { met: true, findings: [trialsFinding(`${criterion.ingredient} did not work`, failed, context)] };
    return trials.length
      ? { met: false, findings: [trialsFinding(`${criterion.ingredient} in the record`, trials, context)], missing: `No failed ${criterion.ingredient} trial is recorded.` }
      : { met: false, findings: [], missing: `No ${criterion.ingredient} trial is recorded.` };
  },

  'prior-response'(criterion, context) {
    const findings = priorResponses(context, criterion.procedures, criterion.ingredients);
    return findings.length
      ? { met: true, findings }
      : { met: false, findings: [], missing: 'No earlier course of this treatment with a recorded response.' };
  },

  'no-trial-of'(criterion, context) {
    const trials = context.derived.trials.filter((t) => t.ingredient === criterion.ingredient);
    return trials.length
      ? { met: false, findings: [trialsFinding(`${criterion.ingredient} was already tried`, trials, context)], missing: `${criterion.ingredient} has already been tried.` }
      : { met: true, findings: [{ text: `No ${criterion.ingredient} trial in the record`, sources: [] }] };
  },
};

function checkCriterion(criterion: Criterion, context: Context): CriterionResult {
  let result = context.criteria.get(criterion);
  if (!result) {
    // The mapped table guarantees the right function for each kind.
    result = (CRITERIA[criterion.kind] as CriterionCheck<typeof criterion.kind>)(criterion, context);
    context.criteria.set(criterion, result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Risks
// ---------------------------------------------------------------------------------------------

type RiskCheck<K extends RiskMatch['kind']> = (match: Extract<RiskMatch, { kind: K }>, context: Context) => Finding[];

const RISKS: { [K in RiskMatch['kind']]: RiskCheck<K> } = {
  diagnosis: (match, context) => currentDiagnoses(context, match.kinds, match.maxAgeDays).map(diagnosisFinding),
  procedure: (match, context) =>
    context.derived.procedures
      .filter((p) => match.kinds.includes(p.kind))
      .map((p) => ({ text: `${p.display || p.kind} on ${p.start.slice(0, 10)}`, sources: [p.source] })),
  'blood-pressure-above': (match, context) => {
    const recent = context.derived.bloodPressure
      .filter((bp) => {
        const age = daysBefore(bp.date, context.asOfDay);
        return age !== null && age >= 0 && age <= match.withinDays;
      })
      .sort((a, b) => (a.date < b.date ? 1 : -1));
    const latest = recent[0];
    if (!latest) return [];
    const high = (latest.systolic ?? 0) > match.systolic || (latest.diastolic ?? 0) > match.diastolic;
    return high
      ? [{ text: `Blood pressure ${latest.systolic ?? '?'}/${latest.diastolic ?? '?'} mmHg on ${latest.date.slice(0, 10)} (latest)`, sources: [latest.source] }]
      : [];
  },
  assessed: (match, context) => assessedAmong(context, match.conditions).map((a) => conditionFinding(a, context)),
  'prior-trial': (match, context) => {
    const trials = context.derived.trials.filter((t) => match.ingredients.includes(t.ingredient) && match.outcomes.includes(t.outcome));
    return trials.length ? [trialsFinding('Earlier trial', trials, context)] : [];
  },
  'current-medication': (match, context) => {
    const trials = context.derived.trials.filter(
      (t) => (t.end === null || t.end >= context.asOf) && ((match.ingredients ?? []).includes(t.ingredient) || (match.classes ?? []).includes(t.class)),
    );
    return trials.length ? [trialsFinding('Taken now', trials, context)] : [];
  },
  'procedure-outcome-unknown': (match, context) =>
    context.derived.procedures
      .filter((p) => match.kinds.includes(p.kind) && procedureResponse(p) === 'unknown')
      .map((p) => ({
        text: `${p.display || p.kind} on ${p.start.slice(0, 10)} (outcome not recorded)`,
        sources: [p.source],
      })),
  'substance-use': (_match, context) => {
    const disorders = context.derived.diagnoses.filter((d) => d.kind === 'substance-use' && (daysBefore(d.onset, context.asOfDay) ?? 0) >= 0).map(diagnosisFinding);
    const events = context.derived.substanceUse?.shownByEvents;
    return events ? [...disorders, events] : disorders;
  },
};

function checkRisk(row: RiskRow, context: Context): Finding[] {
  return (RISKS[row.match.kind] as RiskCheck<typeof row.match.kind>)(row.match, context);
}

const SEVERITY_PREFIX: Record<RiskRow['severity'], string> = {
  avoid: 'Not offered: ',
  contraindication: '',
  'high-risk': 'High risk: ',
  caution: '',
  note: 'Note: ',
};

function riskFinding(row: RiskRow, found: Finding[]): Finding {
  return {
    text: `${SEVERITY_PREFIX[row.severity]}${found.map((f) => f.text).join('; ')}: ${row.text} (${cite(row.source)})`,
    sources: unique(found.flatMap((f) => f.sources)),
  };
}

// ---------------------------------------------------------------------------------------------
// Pseudo-resistance
// ---------------------------------------------------------------------------------------------

/** Failed trials of the assessed conditions' current episodes, split by adequacy. */
function pseudoResistance(context: Context): Finding | null {
  const ids = unique(context.derived.assessments.flatMap((a) => a.trialIds));
  const failed = trialsOf(context, ids).filter((t) => FAILED.has(t.outcome));
  const inadequate = failed.filter((t) => !t.adequate);
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

const URGENCY_SOURCE = src(['fdaEct2018', 'apaEct2001', 'spravatoLabel', 'posner2011', 'projectWorkingRule'], 'U', 'ECT: rapid response due to severity; esketamine: acute suicidal ideation or behaviour; 30-day window and C-SSRS cut-off are working rules');

export const URGENCY_RULE: RuleRef = {
  id: 'suggest.urgent',
  summary: `Urgent when suicidal ideation or behaviour is coded (ideation, attempt, self-harm, intentional or undetermined overdose) within ${RECENT_SUICIDAL_IDEATION_DAYS} days, a C-SSRS of ${CSSRS_HIGH_RISK} or more is recorded within ${RECENT_SUICIDAL_IDEATION_DAYS} days, or catatonia or psychotic features are active; ECT carries all three, esketamine suicidal ideation only (psychosis is a caution for it). A positive PHQ-9 item 9 alone asks for a risk assessment (safety strip), not urgency. Urgency attaches only to options still offered.`,
  source: sourceWords(URGENCY_SOURCE),
  verification: URGENCY_SOURCE.verification,
  references: URGENCY_SOURCE.refs,
};

// ---------------------------------------------------------------------------------------------
// One option
// ---------------------------------------------------------------------------------------------

function ruleFinding(path: EligibilityPath): Finding {
  return { text: `Rule: ${path.rule.summary} (${cite(path.rule.source)})`, sources: [] };
}

function hasRecordReason(reasons: Finding[]): boolean {
  return reasons.some((r) => r.sources.length > 0);
}

/** One option's suggestion (its `order` set once all are sorted) with what the sorting needs besides. */
interface Evaluated {
  suggestion: Suggestion;
  group: CatalogOption['group'];
  index: number;
}

function evaluateOption(option: CatalogOption, index: number, context: Context, pseudo: Finding | null): Evaluated {
  const contraindications: Finding[] = [];
  const cautions: Finding[] = [];
  let highRisk = false;
  for (const row of option.risks) {
    const found = checkRisk(row, context);
    if (found.length) {
      const finding = riskFinding(row, found);
      if (row.severity === 'contraindication' || row.severity === 'avoid') contraindications.push(finding);
      else cautions.push(finding);
      if (row.severity === 'high-risk') highRisk = true;
    }
    const history = historyFinding(row, context);
    if (history) cautions.push(history);
  }

  let status: SuggestionStatus = 'not-eligible';
  let reasons: Finding[] = [];
  // The first path that holds with resistance only possibly met (unrecorded outcomes): "consider — confirm".
  let confirmPath: { path: EligibilityPath; findings: Finding[]; confirm: Finding[] } | null = null;
  for (const path of option.eligibility) {
    // Criteria after the first unmet one are never shown (missingReasons names the first unmet only): not evaluated.
    const results: CriterionResult[] = [];
    const confirm: Finding[] = [];
    for (const criterion of path.all) {
      const r = checkCriterion(criterion, context);
      if (!r.met && !r.possible) break;
      if (!r.met && r.possible) confirm.push(r.possible);
      results.push(r);
    }
    if (results.length !== path.all.length) continue;
    if (!confirm.length) {
      status = path.status;
      reasons = [...results.flatMap((r) => r.findings), ruleFinding(path)];
      confirmPath = null;
      break;
    }
    confirmPath ??= { path, findings: results.flatMap((r) => (r.met ? r.findings : [])), confirm };
  }
  if (status === 'not-eligible' && confirmPath) {
    status = 'consider';
    reasons = [
      { text: `Consider — confirm: the record possibly meets what ${option.name} needs.`, sources: [] },
      ...confirmPath.confirm,
      ...confirmPath.findings,
      ruleFinding(confirmPath.path),
    ];
  }

  const urgencyFindings = option.urgentFor.flatMap((signal) => context.urgency.get(signal) ?? []);
  let urgent = false;

  const given = option.givenAs ? (context.derived.psychotherapy ?? []).filter((c) => option.givenAs!.includes(c.modality)) : [];
  if (status !== 'not-eligible' && given.length > 0) {
    // Already given: reported as given, not proposed as new (a further course is the clinician's call).
    status = 'not-eligible';
    reasons = [
      ...given.map((c) => ({
        text: `Already given: ${c.display}, ${c.start} to ${c.end ?? 'now'} (${c.status === 'in-progress' ? 'in progress' : c.status === 'session' ? 'one session' : 'completed'}); not suggested as new.`,
        sources: c.sources,
      })),
      ...reasons.filter((r) => !r.text.startsWith('Rule: ')),
    ];
  } else if (status === 'not-eligible') {
    const applicable = option.indications.some((c) => context.assessments.has(c));
    if (!applicable) {
      status = 'not-applicable';
      reasons = [{ text: `Not applicable: ${option.name} is for ${option.indications.map((c) => CONDITION_NAME[c]).join(', ')}, and none is recorded.`, sources: [] }];
    } else {
      reasons = [{ text: option.notEligibleText, sources: [] }, ...missingReasons(option, context)];
    }
  } else if (!hasRecordReason(reasons)) {
    // Guard: never propose an option on rule text alone.
    status = 'not-eligible';
    reasons = [{ text: `${option.notEligibleText} No finding in the record supports it.`, sources: [] }];
  } else {
    const age = ageCheck(option, context);
    if (age.finding) reasons.push(age.finding);
    const favour = option.priorResponse ? priorResponses(context, option.priorResponse.procedures, option.priorResponse.ingredients) : [];
    for (const f of favour) {
      const text = `In favour: ${f.text} (${cite(option.priorResponse!.source)})`;
      if (!reasons.some((r) => r.text === f.text || r.text === text)) reasons.push({ ...f, text });
    }
    if (age.outside) {
      status = 'not-eligible';
      reasons = [age.finding!, ...reasons.filter((r) => r !== age.finding)];
    } else if (contraindications.length) {
      // Blocking: never suggested, never urgent.
      status = 'contraindicated';
      reasons = [{ text: `Not offered: ${contraindications.map((c) => c.text.replace(/^Not offered: /, '')).join(' ')}`, sources: unique(contraindications.flatMap((c) => c.sources)) }, ...reasons];
    } else {
      urgent = urgencyFindings.length > 0;
      if (age.capToConsider && status === 'suggested') {
        status = 'consider';
        reasons.push({ text: `Lowered to "consider": at this age the option is cleared only as ${age.limit!.text}.`, sources: [] });
      }
      if (status === 'suggested' && highRisk) {
        status = 'consider';
        reasons.push({ text: 'Lowered to "consider": a high-risk condition is recorded (see cautions); weigh it with the anaesthetic and medical teams.', sources: [] });
      }
      if (status === 'suggested' && pseudo && option.group === 'interventional' && !urgent) {
        status = 'consider';
        reasons.push({ ...pseudo, text: `Lowered to "consider": ${pseudo.text}.` });
      }
      if (urgent) {
        for (const finding of urgencyFindings) if (!reasons.some((r) => r.text === finding.text)) reasons.unshift({ ...finding, text: `Urgent: ${finding.text}` });
      }
    }
  }

  for (const requirement of option.requirements) {
    cautions.push({ text: `${requirement.text} (${cite(requirement.source)})`, sources: [] });
  }

  return {
    suggestion: { intervention: option.id, name: option.name, status, urgent, reasons, cautions, contraindications, order: index },
    group: option.group,
    index,
  };
}

/** An older dated event of a windowed risk row: history, said as such with the window's source. */
function historyFinding(row: RiskRow, context: Context): Finding | null {
  if (!row.historyText || row.match.kind !== 'diagnosis' || row.match.maxAgeDays === undefined) return null;
  const older = olderDiagnoses(context, row.match.kinds, row.match.maxAgeDays);
  if (!older.length) return null;
  return {
    text: `Note: ${older.map((d) => diagnosisFinding(d).text).join('; ')}: ${row.historyText} (${cite(row.source)})`,
    sources: older.map((d) => d.source),
  };
}

interface AgeResult {
  /** The age and the limit that applies, shown with the reasons. */
  finding?: Finding;
  /** The patient is outside every age limit of the option. */
  outside: boolean;
  /** The limit that applies caps the status at "consider" (an adjunct-only clearance). */
  capToConsider: boolean;
  limit?: AgeLimit;
}

function ageCheck(option: CatalogOption, context: Context): AgeResult {
  if (!option.ageLimits.length) return { outside: false, capToConsider: false };
  const limits = option.ageLimits.map((l) => `${l.text} (${cite(l.source)})`).join('; ');
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
    finding: { text: `Age ${age}: within the age limit, ${limit.text} (${cite(limit.source)}).`, sources: patient },
  };
}

/** What each eligibility path lacks (first unmet criterion), naming what the record does show. */
function missingReasons(option: CatalogOption, context: Context): Finding[] {
  const out: Finding[] = [];
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
    for (const finding of [...(unmet.missing ? [{ text: unmet.missing, sources: [] as string[] }] : []), ...unmet.findings]) {
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

const STATUS_RANK: Record<SuggestionStatus, number> = { suggested: 0, consider: 1, contraindicated: 2, 'not-eligible': 3, 'not-applicable': 4 };

export function evaluateSuggestions(derived: DerivedRecord): Suggestion[] {
  const context = buildContext(derived);
  const pseudo = pseudoResistance(context);
  const evaluated = CATALOG.map((option, index) => evaluateOption(option, index, context, pseudo));

  // Urgent first, then by status; within a status, pseudo-resistance steps lead when most failures were inadequate
  // (interventional options are also lowered to "consider" then), otherwise interventional options lead.
  const groupRank = (e: Evaluated): number => ((e.group === 'pseudo-resistance') === (pseudo !== null) ? 0 : 1);
  evaluated.sort(
    (a, b) =>
      Number(b.suggestion.urgent) - Number(a.suggestion.urgent) ||
      STATUS_RANK[a.suggestion.status] - STATUS_RANK[b.suggestion.status] ||
      groupRank(a) - groupRank(b) ||
      a.index - b.index,
  );
  // The suggestions were made just above for this patient: numbering them in place copies nothing (a rest-and-spread
  // copy of every suggestion was a tenth of population mode's time).
  return evaluated.map(({ suggestion }, order) => {
    suggestion.order = order;
    return suggestion;
  });
}

// ---------------------------------------------------------------------------------------------
// Rules panel
// ---------------------------------------------------------------------------------------------

function ruleRef(id: string, summary: string, source: SourceRef): RuleRef {
  return { id, summary, source: sourceWords(source), verification: source.verification, references: source.refs };
}

function ruleRefs(): RuleRef[] {
  const rules = new Map<string, RuleRef>();
  const put = (rule: RuleRef) => rules.set(rule.id, rule);
  for (const option of CATALOG) {
    for (const path of option.eligibility) put(ruleRef(path.rule.id, path.rule.summary, path.rule.source));
    for (const row of option.risks) put(ruleRef(row.id, `${option.name}: ${row.severity} — ${row.text}.`, row.source));
    option.ageLimits.forEach((limit, i) => put(ruleRef(`${option.id}.age.${i + 1}`, `${option.name}: age limit — ${limit.text}.`, limit.source)));
    if (option.priorResponse) put(ruleRef(`${option.id}.prior-response`, `${option.name}: an earlier response to it is a reason in favour.`, option.priorResponse.source));
  }
  put(ruleRef('window.pregnancy', 'A pregnancy code is current for 42 weeks from its onset.', WINDOW_SOURCES.pregnancy));
  put(ruleRef('window.recent-mi', 'A myocardial infarction is recent for 60 days; older ones are history.', WINDOW_SOURCES.mi));
  put(ruleRef('window.recent-stroke', 'A stroke is recent for 9 months; older ones are history.', WINDOW_SOURCES.stroke));
  put(PSEUDO_RESISTANCE_RULE);
  put(URGENCY_RULE);
  return [...rules.values()];
}

/** Every rule the suggestions apply, for the app's "about the rules" panel. */
export const SUGGESTION_RULES: RuleRef[] = ruleRefs();
