/**
 * What the suggestions need from one patient's derivation, computed once: plain words, dates relative to "as of",
 * current and older diagnoses, urgency signals, the trials by id.
 */
import type { Assessment, ComorbidityKey, ConditionKey, Derivation, DiagnosisSpan, Finding, ScorePoint, Trial } from '../types';
import { type Day, toDay } from '../dates';
import { ACTIVE_CLINICAL_STATUSES } from '../terminology/systems';
import { VERIFICATION_WORDS, capitalise, describeTrialWithOutcome, diagnosisKindName } from '../vocabulary';
import { LOCAL_WORKING_RULE, REFERENCES } from '../references/registry';
import {
  RECENT_SUICIDAL_IDEATION_DAYS, type Criterion, type SourceRef,
  type UrgencySignal, CATALOG, RUNNING_TRIAL_ONCE_RESISTANT, URGENCY_SIGNAL_RULES
} from './catalog';

/** What the suggestion rules read: the derivation so far (demographics optional, for records built by hand). */
export type DerivedRecord = Omit<Derivation, 'suggestions' | 'safety' | 'demographics' | 'nextStep'> & { demographics?: Derivation['demographics'] };

export interface CriterionResult {
  met: boolean;
  /** Met: the findings that make it hold. Not met: what the record shows instead (may be empty). */
  findings: Finding[];
  /** Not met: what is missing, in plain words. */
  missing?: string;
  /**
   * Not met, and `missing` only says that the criterion's requirement is not met (or what `findings` already say): a
   * not-eligible option's own text (notEligibleText) says that once, so its card leaves this sentence out.
   */
  restates?: true;
  /**
   * Not met, but it would be if adequate trials whose outcome is not recorded failed (the "possibly meets" tier):
   * what to record to decide. A path that holds only this way is "consider — confirm".
   */
  possible?: Finding;
}

// ---------------------------------------------------------------------------------------------
// Plain words
// ---------------------------------------------------------------------------------------------

/** The sources in words, as the rules panel shows them: "Spravato label: section 8.1". */
export function sourceWords(source: SourceRef): string {
  if (source.local !== undefined) {
    const names = source.refs.filter((id) => id !== 'projectWorkingRule').map((id) => REFERENCES[id].short).join('; ');
    return `${source.detail ? `${names}: ${source.detail}` : names}; ${source.local}: ${LOCAL_WORKING_RULE}`;
  }
  const names = source.refs.map((id) => REFERENCES[id].short).join('; ');
  return source.detail ? `${names}: ${source.detail}` : names;
}

function citation(source: SourceRef): string {
  const words = sourceWords(source);
  return words.includes(LOCAL_WORKING_RULE) ? words : `${words} [${VERIFICATION_WORDS[source.verification]}]`;
}

/**
 * The catalog's sources cited, worded once when the module loads: every patient's reasons cite the same rules, age
 * limits, requirements and risk rows.
 */
const CATALOG_CITATIONS: ReadonlyMap<SourceRef, string> = new Map(
  CATALOG.flatMap((o) => [
    ...o.eligibility.map((p) => p.rule.source),
    ...o.requirements.map((r) => r.source),
    ...o.ageLimits.map((l) => l.source),
    ...o.risks.map((r) => r.source),
    ...(o.priorResponse ? [o.priorResponse.source] : []),
    ...(o.alongside ?? []).map((a) => a.source),
    ...(o.augments ? [o.augments.source] : []),
  ])
    .concat(Object.values(RUNNING_TRIAL_ONCE_RESISTANT).map((r) => r.source))
    .map((source) => [source, citation(source)]),
);

/** The sources in words with the verification tag, as a reason shows them. */
export function cite(source: SourceRef): string {
  return CATALOG_CITATIONS.get(source) ?? citation(source);
}

/** A trial with its outcome (describeTrialWithOutcome), once per trial and patient: several criteria and risks name the same trials. */
export function described(trial: Trial, context: Context): string {
  let text = context.described.get(trial);
  if (text === undefined) context.described.set(trial, (text = describeTrialWithOutcome(trial)));
  return text;
}

export function trialsFinding(prefix: string, trials: Trial[], context: Context): Finding {
  return {
    text: `${prefix}: ${trials.map((t) => described(t, context)).join('; ')}`,
    sources: sourcesOf(trials),
  };
}

/** The trials' sources, each once, in order (without the flattened list: criteria quote the same trials often). */
function sourcesOf(trials: readonly Trial[]): string[] {
  const sources = new Set<string>();
  for (const t of trials) for (const s of t.sources) sources.add(s);
  return [...sources];
}

/** The text trimmed, without the full stops that end it. */
export function trimPeriod(text: string): string {
  const trimmed = text.trim();
  let end = trimmed.length;
  // A loop rather than /\.+$/, which tries a match at every position of a long conclusion.
  while (end > 0 && trimmed.charCodeAt(end - 1) === FULL_STOP) end--;
  return end === trimmed.length ? trimmed : trimmed.slice(0, end);
}

const FULL_STOP = 46;

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Dates (ISO strings; arithmetic only, no clock)
// ---------------------------------------------------------------------------------------------

/** Days from `iso` to asOf (positive = in the past); null when a date is missing or unreadable. */
export function daysBefore(iso: string | null, asOf: Day | null): number | null {
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
/** A PHQ-9 item 9 answer at or above this (thoughts of death or self-harm on at least several days) is a positive screen. */
export const PHQ9_ITEM9_POSITIVE = 1;

export interface Context {
  derived: DerivedRecord;
  asOf: string;
  /** asOf as a day number (null only for a record built by hand with an unreadable date). */
  asOfDay: Day | null;
  /** Whole years at asOf, or null when the birth date is not known. */
  age: number | null;
  trialsById: Map<string, Trial>;
  assessments: Map<ConditionKey, Assessment>;
  /** The kinds of the record's diagnoses: the catalog asks about many kinds a record has none of, answered from this. */
  diagnosisKinds: Set<string>;
  urgency: Map<UrgencySignal, Finding[]>;
  /** The findings of the suicidality signals that make an option urgent (URGENCY_SIGNAL_RULES), if the record has any. */
  acuteRisk: Finding[];
  /**
   * Each criterion's result for this patient: options share criteria, and an option that is not eligible looks at
   * its criteria again to say what is missing. Results are read, never changed, so they can be shared.
   */
  criteria: Map<Criterion, CriterionResult>;
  described: Map<Trial, string>;
  /** Whether an assessment names a trial still in progress, or a stale or inferred basis (most patients: neither). */
  anyTrialsInProgress: boolean;
  anyStaleOrInferredBasis: boolean;
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
export function diagnosisFinding(diagnosis: DiagnosisSpan): Finding {
  const since = diagnosis.onset ? `, since ${diagnosis.onset.slice(0, 10)}` : ', onset date not recorded';
  const status = diagnosis.clinicalStatus && !ACTIVE_CLINICAL_STATUSES.has(diagnosis.clinicalStatus) ? `, ${diagnosis.clinicalStatus}` : '';
  return { text: `${diagnosisName(diagnosis)}${since}${status}`, sources: [diagnosis.source] };
}

/**
 * Kinds the safety strip states once, with the records behind them (a current pregnancy): a caution or
 * contraindication names the kind in clinical words ("Pregnancy: ..."), citing the same records, instead of repeating
 * each code's display and dates.
 */
const STATED_ON_SAFETY_STRIP: ReadonlySet<ComorbidityKey | ConditionKey> = new Set(['pregnancy']);

/** Current diagnoses as findings: one per diagnosis, or one per kind the safety strip states (STATED_ON_SAFETY_STRIP). */
export function currentDiagnosisFindings(diagnoses: readonly DiagnosisSpan[]): Finding[] {
  // Most risk rows find no diagnosis of their kinds.
  if (diagnoses.length === 0) return [];
  const findings: Finding[] = [];
  const byKind = new Map<string, Finding>();
  for (const d of diagnoses) {
    if (!STATED_ON_SAFETY_STRIP.has(d.kind)) {
      findings.push(diagnosisFinding(d));
      continue;
    }
    const named = byKind.get(d.kind);
    if (named) {
      if (!named.sources.includes(d.source)) named.sources.push(d.source);
      continue;
    }
    const finding: Finding = { text: capitalise(diagnosisKindName(d.kind)), sources: [d.source] };
    byKind.set(d.kind, finding);
    findings.push(finding);
  }
  return findings;
}

/** A past diagnosis as a finding: its name, its dates and its status, citing its record. */
export function pastDiagnosisFinding(diagnosis: DiagnosisSpan): Finding {
  const dates = `${diagnosis.onset?.slice(0, 10) ?? 'onset not recorded'} to ${diagnosis.abatement?.slice(0, 10) ?? 'end not recorded'}`;
  return { text: `${diagnosisName(diagnosis)}, ${dates}, ${diagnosis.clinicalStatus ?? 'status not recorded'}`, sources: [diagnosis.source] };
}

function diagnosisName(diagnosis: DiagnosisSpan): string {
  return diagnosis.display || (diagnosis.code ? `coded diagnosis ${diagnosis.code}` : diagnosis.kind);
}

/** What finding the current diagnoses of some kinds reads. */
type DiagnosisContext = Pick<Context, 'derived' | 'asOfDay' | 'diagnosisKinds'>;

/**
 * Current diagnoses of these kinds; with maxAgeDays, only those that began within it. Unknown onset: kept (better a
 * visible caution than a silent miss), unless `datedOnly` (urgency needs a date to call something acute).
 */
export function currentDiagnoses(context: DiagnosisContext, kinds: readonly ComorbidityKey[], maxAgeDays?: number, datedOnly = false): DiagnosisSpan[] {
  if (!anyKindRecorded(context, kinds)) return [];
  return context.derived.diagnoses.filter((d) => {
    if (!(kinds as readonly string[]).includes(d.kind) || !isCurrent(d, context.asOfDay)) return false;
    if (maxAgeDays === undefined) return true;
    const age = daysBefore(d.onset, context.asOfDay);
    return age === null ? !datedOnly : age <= maxAgeDays;
  });
}

/** Whether the record has a diagnosis of any of these kinds (most catalog rows ask about kinds a record lacks). */
function anyKindRecorded(context: DiagnosisContext, kinds: readonly ComorbidityKey[]): boolean {
  for (const k of kinds) if (context.diagnosisKinds.has(k)) return true;
  return false;
}

/** Diagnoses of these kinds that began longer ago than maxAgeDays: history, not recent. */
export function olderDiagnoses(context: Context, kinds: readonly ComorbidityKey[], maxAgeDays: number): DiagnosisSpan[] {
  if (!anyKindRecorded(context, kinds)) return [];
  return context.derived.diagnoses.filter((d) => {
    if (!(kinds as readonly string[]).includes(d.kind)) return false;
    const age = daysBefore(d.onset, context.asOfDay);
    return age !== null && age > maxAgeDays;
  });
}

/**
 * Urgency signals. Suicidal ideation: coded suicidal ideation or behaviour (ideation, attempt, self-harm, intentional
 * or undetermined overdose) dated within the last RECENT_SUICIDAL_IDEATION_DAYS, or a high-risk C-SSRS as recent.
 * A positive PHQ-9 item 9 is a screen, not ideation: while it is the latest answer, recent, and no C-SSRS followed it,
 * it is its own signal (unassessed-positive-screen), which makes the plan urgent but is no indication by itself.
 */
function latestScore(scores: readonly ScorePoint[]): ScorePoint | undefined {
  let best: ScorePoint | undefined;
  for (const s of scores) if (best === undefined || s.date > best.date) best = s;
  return best;
}

function addSignal(signals: Map<UrgencySignal, Finding[]>, signal: UrgencySignal, finding: Finding): void {
  signals.set(signal, [...(signals.get(signal) ?? []), finding]);
}

function urgencySignals(context: DiagnosisContext): Map<UrgencySignal, Finding[]> {
  const { derived, asOfDay } = context;
  const signals = new Map<UrgencySignal, Finding[]>();

  for (const score of derived.scores) {
    if (score.instrument !== 'cssrs' || score.value < CSSRS_HIGH_RISK) continue;
    const age = daysBefore(score.date, asOfDay);
    if (age === null || age < 0 || age > RECENT_SUICIDAL_IDEATION_DAYS) continue;
    addSignal(signals, 'suicidal-ideation', {
      text: `C-SSRS ${score.value} on ${score.date.slice(0, 10)} (high risk: ideation with intent or plan, or recent behaviour)`,
      sources: [score.source],
    });
  }
  // The latest item 9 answer, when positive and recent with no C-SSRS since: the risk it screens for is not assessed,
  // so the plan cannot wait (a C-SSRS that followed decides instead, through the rule above).
  const item9 = latestScore(derived.scores.filter((s) => s.instrument === 'phq9-item9' && (daysBefore(s.date, asOfDay) ?? -1) >= 0));
  const item9Age = item9 ? daysBefore(item9.date, asOfDay) : null;
  if (item9 && item9.value >= PHQ9_ITEM9_POSITIVE && item9Age !== null && item9Age <= RECENT_SUICIDAL_IDEATION_DAYS) {
    const assessedSince = derived.scores.some((s) => s.instrument === 'cssrs' && s.date.slice(0, 10) >= item9.date.slice(0, 10));
    if (!assessedSince) {
      addSignal(signals, 'unassessed-positive-screen', {
        text: `PHQ-9 item 9 = ${item9.value} on ${item9.date.slice(0, 10)} (thoughts of death or self-harm), no risk assessment (C-SSRS) recorded since`,
        sources: [item9.source],
      });
    }
  }
  for (const diagnosis of currentDiagnoses(context, SUICIDAL_KINDS, RECENT_SUICIDAL_IDEATION_DAYS, true)) addSignal(signals, 'suicidal-ideation', diagnosisFinding(diagnosis));
  for (const signal of ['catatonia', 'psychotic-features'] as const) {
    for (const diagnosis of currentDiagnoses(context, [signal])) addSignal(signals, signal, diagnosisFinding(diagnosis));
  }
  return signals;
}

const ACUTE_RISK_SIGNALS = (['suicidal-ideation', 'unassessed-positive-screen'] as const).filter((s) => URGENCY_SIGNAL_RULES[s].urgentOption);

export function buildContext(derived: DerivedRecord): Context {
  const asOfDay = toDay(derived.asOf);
  const diagnosisKinds = new Set<string>(derived.diagnoses.map((d) => d.kind));
  const urgency = urgencySignals({ derived, asOfDay, diagnosisKinds });
  // Every field in one literal: one shape of context for every patient.
  return {
    derived,
    asOf: derived.asOf,
    asOfDay,
    age: derived.demographics?.ageYears ?? null,
    trialsById: new Map(derived.trials.map((t) => [t.id, t])),
    assessments: new Map(derived.assessments.map((a) => [a.condition, a])),
    diagnosisKinds,
    urgency,
    acuteRisk: ACUTE_RISK_SIGNALS.flatMap((s) => urgency.get(s) ?? []),
    criteria: new Map<Criterion, CriterionResult>(),
    described: new Map<Trial, string>(),
    anyTrialsInProgress: derived.assessments.some((a) => Boolean(a.trialsInProgress)),
    anyStaleOrInferredBasis: derived.assessments.some((a) => Boolean(a.staleBasis) || Boolean(a.inferredBasis)),
  };
}

export function trialsOf(context: Context, ids: readonly string[]): Trial[] {
  return ids.map((id) => context.trialsById.get(id)).filter((t): t is Trial => t !== undefined);
}

export const FAILED: ReadonlySet<Trial['outcome']> = new Set(['nonresponse', 'partial']);
