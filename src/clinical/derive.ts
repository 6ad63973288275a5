/**
 * The per-patient pipeline shared by the app and `npm run derive`:
 * resources -> ledger -> classification -> trials -> episodes -> roles -> adherence/adequacy -> outcome ->
 * assessments -> suggestions, with every resource accounted for. Pure: no I/O, "today" is options.asOf.
 */
import type { Resource } from 'fhir/r4';
import { Ledger } from './accounting';
import { hypnoticDoseOf, judgeAdequacy } from './pipeline/6-adequacy';
import { type DrugLevelPoint, LEVEL_AFTER_TRIAL_DAYS, proportionOfDaysCovered } from './pipeline/5-adherence';
import { classifyResources } from './pipeline/1-classify';
import type { IntoleranceEvidence } from './events';
import { type Day, asOfDay, isoDate, toDay } from './dates';
import { describeDuration } from './vocabulary';
import { SWITCH_WINDOW_DAYS } from './engine-rules';
import { ASSESSED_CONDITIONS, type EpisodeSpan, assignEpisode, buildEpisodes } from './pipeline/3-episodes';
import { type DatedScore, type MeasuredScores, judgeOutcome } from './pipeline/7-outcome';
import { assignRoles, type RoleResult } from './pipeline/4-roles';
import { assess, makeRejudge } from './pipeline/8-resistance';
import type { JudgedTrial } from './staging/judged';
import { ANTIDEPRESSANT_CLASSES } from './terminology/ingredients';
import { evaluateSuggestions } from './suggestions';
import { demographicsOf, deriveSafety } from './safety';
import {
  dataNotesOf,
  isTobaccoUse,
  mergePsychotherapy,
  otherTreatments,
  PSYCHIATRIC_KINDS,
  substanceUseOf,
} from './pipeline/9-history';
import { CARE_EVENT_LABEL } from './terminology/history-codes';
import { cpzOf } from './cutoffs';
import type { TrialDraft } from './pipeline/2-trials';
import { buildTrials } from './pipeline/2-trials';
import { compareCodeUnits, firstIndexWhere } from './sorted';
import type {
  ConditionKey,
  DeriveOptions,
  Derivation,
  DerivationError,
  DoseStep,
  DrugClass,
  Instrument,
  PatientRecord,
  ScorePoint,
  Suggestion,
  Trial,
} from './types';
import { countOf } from './plain-text';

export function derivePatient(record: PatientRecord, options: DeriveOptions): Derivation {
  const inputs: unknown[] = Array.isArray(record?.resources) ? record.resources : [];
  const asOf = asOfDay(options.asOf);
  // Age and death: age limits of the options; a deceased patient gets no suggestions (records end at death in classify).
  const demographics = demographicsOf(inputs, String(record.patientId), isoDate(asOf));
  const ledger = new Ledger(inputs);
  const notes: string[] = [];
  const c = classifyResources(ledger, String(record.patientId), asOf);

  const drafts = buildTrials(c.events);
  const scores = scoresByInstrument(c.scores);
  const episodes = buildEpisodes(c.diagnoses, asOf, scores.get('phq9'));
  const conditions = new Set<ConditionKey>(episodes.map((e) => e.episode.condition));
  const roles = assignRoles(drafts, conditions);
  const intolerancesByTrial = matchIntolerances(c.intolerances, drafts, ledger);
  const replacedBy = findReplacements(drafts, roles);
  const levelsByTrial = matchLevels(c.levels, drafts, ledger);

  const episodeOf = new Map<string, EpisodeSpan | null>();
  const pdcOf = new Map<string, number | null>();
  const judged: JudgedTrial[] = drafts.map((draft) => {
    const ep = assignEpisode(draft, episodes);
    episodeOf.set(draft.id, ep);
    const pdc = proportionOfDaysCovered(draft.events, draft.end)?.pdc ?? null;
    pdcOf.set(draft.id, pdc);
    const role = roles.get(draft.id) ?? { role: 'monotherapy' as const };
    const condition = ep?.episode.condition ?? null;
    const adequacy = judgeAdequacy(draft, { condition, role: role.role, adherencePdc: pdc, levels: levelsByTrial.get(draft.id) ?? [] });
    const outcome = judgeOutcome({
      trial: draft,
      adequacy,
      condition,
      scores,
      intolerances: intolerancesByTrial.get(draft.id) ?? [],
      replacedBy: replacedBy.get(draft.id) ?? null,
    });
    // A hypnotic dose is listed as such: not a trial of its own, and not an add-on to the trial it overlaps.
    if (adequacy.shortfalls.includes('hypnotic-dose')) return { draft, adequacy, outcome, role: 'hypnotic' as const };
    return { draft, adequacy, outcome, role: role.role, addedTo: role.addedTo };
  });

  const rejudge = makeRejudge(
    (t) => ({ pdc: pdcOf.get(t.draft.id) ?? null, levels: levelsByTrial.get(t.draft.id) ?? [] }),
    (t) => ({
      trial: t.draft,
      adequacy: t.adequacy,
      condition: null,
      scores,
      intolerances: intolerancesByTrial.get(t.draft.id) ?? [],
      replacedBy: replacedBy.get(t.draft.id) ?? null,
    }),
    (t) => episodeOf.get(t.draft.id)?.episode.condition ?? null,
  );
  const others = otherTreatments(c.history, ledger);
  const psychotherapy = mergePsychotherapy(c.history.psychotherapy);
  const careEvents = [...c.history.careEvents].sort((a, b) => compareCodeUnits(a.start, b.start));
  const tobacco = c.diagnoses.filter((d) => d.kind === 'other' && isTobaccoUse(d));
  const substanceUse = substanceUseOf(c.diagnoses, careEvents, others, tobacco);

  const assessments = ASSESSED_CONDITIONS.filter((k) => conditions.has(k)).map((condition) =>
    assess({
      condition,
      episodes,
      trials: judged,
      rejudge,
      diagnoses: c.diagnoses,
      procedures: c.procedures,
      scores,
      asOf,
      psychotherapy,
      substanceShownByEvents: substanceUse?.shownByEvents ?? null,
    }),
  );

  const trials = judged.map((j) => toTrial(j, episodeOf.get(j.draft.id) ?? null, pdcOf.get(j.draft.id) ?? null));
  for (const t of judged) {
    for (const e of t.draft.events) {
      ledger.use(e.reference, `trial ${t.draft.id}`);
      if (e.medicationSource) ledger.use(e.medicationSource, `medication of trial ${t.draft.id}`);
    }
  }

  const psychiatricDiagnoses = c.diagnoses.filter((d) => PSYCHIATRIC_KINDS.has(d.kind));
  const history = psychiatricHistorySummary(psychiatricDiagnoses, careEvents, psychotherapy.length, substanceUse !== null);
  if (conditions.size === 0 && drafts.length === 0 && history === null)
    notes.push('No psychiatric history found: no psychiatric diagnosis, admission, detox stay, overdose, psychotherapy or psychiatric medication.');
  else if (conditions.size === 0 && drafts.length === 0)
    notes.push(`Psychiatric history without a diagnosis the app assesses for treatment resistance: ${history}. Nothing to stage.`);
  else if (conditions.size === 0) notes.push('Psychiatric medications found but no diagnosis of MDD, bipolar depression, schizophrenia, OCD or PTSD: trials are shown without an assessment.');
  const unassigned = trials.filter((t) => t.episodeId === null).length;
  if (unassigned > 0 && conditions.size > 0) notes.push(`${countOf(unassigned, 'trial')} ${unassigned === 1 ? 'falls' : 'fall'} outside every dated episode of a diagnosed condition.`);
  notes.push(...c.notes);

  explainUnusedMedications(ledger);
  const closed = ledger.close();
  notes.push(...closed.notes);
  // Death is said once, by the first safety item (which leads the page, the note and derive's output), not again here.
  const derived: Omit<Derivation, 'suggestions' | 'safety'> = {
    patient: String(record.patientId),
    // A deceased patient's record is shown as it stood at death: the views' "as of" and the timeline end there.
    asOf: demographics.deceasedDate ?? isoDate(asOf),
    demographics,
    trials,
    assessments,
    scores: c.scores.sort((a, b) => compareCodeUnits(a.date, b.date)),
    diagnoses: c.diagnoses,
    episodes: episodes.map((e) => e.episode),
    procedures: c.procedures.sort((a, b) => compareCodeUnits(a.start, b.start)),
    bloodPressure: c.bloodPressure.sort((a, b) => compareCodeUnits(a.date, b.date)),
    used: closed.used,
    unused: closed.unused,
    notes,
    careEvents,
    substanceUse,
    otherTreatments: others,
    psychotherapy,
    dataNotes: dataNotesOf({
      h: c.history,
      events: c.events,
      others,
      scoreDays: c.scores.map((s) => toDay(s.date)).filter((d): d is Day => d !== null),
      birthDay: c.birthDay,
      dated: [
        ...c.events.map((e) => ({ day: e.start, source: e.reference, what: `${e.ingredient} record` })),
        ...c.diagnoses.flatMap((d) => {
          const day = toDay(d.onset);
          return day === null ? [] : [{ day, source: d.source, what: d.display }];
        }),
        ...careEvents.map((e) => ({ day: toDay(e.start)!, source: e.source, what: e.display })),
      ],
    }),
  };
  let suggestions: Suggestion[] = [];
  try {
    // Nothing is proposed for a patient who has died.
    if (!demographics.deceased) suggestions = evaluateSuggestions(derived);
  } catch (e) {
    // The derivation stands on its own; a failure in the suggestion rules must not hide the timeline.
    notes.push(`Suggestions could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
  }
  let safety: Derivation['safety'] = [];
  try {
    safety = deriveSafety(derived);
  } catch (e) {
    notes.push(`Safety items could not be derived: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...derived, safety, suggestions };
}

/** What makes a psychiatric history when no assessed condition or trial does ("ADHD; 2 overdoses; 3 detox stays"), or null. */
function psychiatricHistorySummary(
  diagnoses: { kind: string; display: string }[],
  careEvents: { kind: keyof typeof CARE_EVENT_LABEL }[],
  therapies: number,
  substanceUse: boolean,
): string | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const d of diagnoses) {
    if (d.kind === 'overdose' || seen.has(d.kind)) continue;
    seen.add(d.kind);
    parts.push(d.display.replace(/ \(reason of visits.*\)$/, ''));
  }
  const overdoses = diagnoses.filter((d) => d.kind === 'overdose').length;
  if (overdoses) parts.push(`${overdoses} overdose${overdoses > 1 ? 's' : ''}`);
  for (const kind of ['psychiatric-admission', 'detox'] as const) {
    const n = careEvents.filter((e) => e.kind === kind).length;
    if (n) parts.push(`${n} ${CARE_EVENT_LABEL[kind]}${n > 1 ? 's' : ''}`);
  }
  if (therapies) parts.push('psychotherapy');
  if (parts.length === 0 && substanceUse) parts.push('substance use');
  return parts.length ? parts.join('; ') : null;
}

/** A Medication referenced only by records that are not used is not used either: say which record and why. */
function explainUnusedMedications(ledger: Ledger): void {
  for (const { reference, resource } of ledger.items) {
    if (!/^Medication(Statement|Request|Dispense)$/.test(resource.resourceType) || ledger.isUsed(reference)) continue;
    for (const med of medicationReferencesOf(resource)) {
      if (ledger.isUsed(med)) continue;
      ledger.unused(med, `Medication of ${reference}, which is not used (${ledger.unusedReasonOf(reference) ?? 'no reason'})`);
    }
  }
}

/** derivePatient that never throws: a broken record gives `{ patient, error }` (used by `npm run derive`). */
export function deriveSafely(record: PatientRecord, options: DeriveOptions): Derivation | DerivationError {
  try {
    return derivePatient(record, options);
  } catch (e) {
    return { patient: String(record?.patientId), error: e instanceof Error ? e.message : String(e) };
  }
}

function toTrial(j: JudgedTrial, ep: EpisodeSpan | null, pdc: number | null): Trial {
  const d = j.draft;
  const isAntipsychotic = d.drugClass === 'antipsychotic';
  const lai = d.events.some((e) => e.identity.longActingInjectable);
  const doseSteps: DoseStep[] = d.segments.map((s) => {
    const step: DoseStep = { start: isoDate(s.start), end: isoDate(s.end), dailyDoseMg: s.doseMg, basis: s.basis, source: s.source };
    if (isAntipsychotic) step.cpzEquivalentMg = s.doseMg === null ? null : cpzOf(d.ingredient, s.doseMg, lai)?.cpzMg ?? null;
    return step;
  });
  const sources = new Set<string>();
  for (const e of d.events) {
    sources.add(e.reference);
    if (e.medicationSource) sources.add(e.medicationSource);
  }
  for (const s of j.outcome.sources) sources.add(s);
  for (const s of j.adequacy.levelSources) sources.add(s);
  const trial: Trial = {
    id: d.id,
    ingredient: d.ingredient,
    class: d.drugClass,
    start: isoDate(d.start),
    end: d.ongoing ? null : isoDate(d.end),
    durationDays: d.end - d.start + 1,
    durationText: describeDuration(d.end - d.start + 1),
    doseSteps,
    maxDailyDoseMg: d.maxSustainedDoseMg,
    adequateDose: j.adequacy.adequateDose,
    daysAtAdequateDose: j.adequacy.daysAtAdequateDose,
    adequate: j.adequacy.adequate,
    adequacyReason: j.adequacy.reason,
    adequacyRules: j.adequacy.rules,
    adherencePdc: pdc === null ? null : Math.round(pdc * 1000) / 1000,
    outcome: j.outcome.outcome,
    outcomeBasis: j.outcome.basis,
    outcomeDetail: j.outcome.detail,
    baselineScore: scorePoint(j.outcome.scores, 'baseline'),
    followUpScore: scorePoint(j.outcome.scores, 'followUp'),
    role: j.role,
    episodeId: ep?.episode.id ?? null,
    sources: [...sources],
    notes: d.notes,
  };
  if (j.addedTo) trial.addedTo = j.addedTo;
  return trial;
}

function scorePoint(scores: MeasuredScores | null, which: 'baseline' | 'followUp'): ScorePoint | null {
  if (!scores) return null;
  const s = scores[which];
  return { instrument: scores.instrument, date: isoDate(s.day), value: s.value, source: s.source };
}

function scoresByInstrument(scores: { instrument: Instrument; date: string; value: number; source: string }[]): Map<Instrument, DatedScore[]> {
  const map = new Map<Instrument, DatedScore[]>();
  for (const s of scores) {
    const day = toDay(s.date);
    if (day === null) continue;
    const list = map.get(s.instrument) ?? [];
    list.push({ day, value: s.value, source: s.source });
    map.set(s.instrument, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.day - b.day);
  return map;
}

/**
 * An allergy/intolerance record belongs to the latest trial of that agent that started before it was recorded
 * (plus a month's slack); without a date, to the agent's last trial.
 */
function matchIntolerances(evidence: IntoleranceEvidence[], trials: TrialDraft[], ledger: Ledger): Map<string, IntoleranceEvidence[]> {
  const byIngredient = new Map<string, TrialDraft[]>();
  for (const t of trials) {
    const list = byIngredient.get(t.ingredient) ?? [];
    list.push(t);
    byIngredient.set(t.ingredient, list);
  }
  const out = new Map<string, IntoleranceEvidence[]>();
  for (const ev of evidence) {
    const candidates = byIngredient.get(ev.ingredient) ?? [];
    let match: TrialDraft | undefined;
    for (const t of candidates) if (ev.day === null || t.start <= ev.day + 30) match = t;
    if (!match) {
      ledger.unused(ev.reference, `intolerance to ${ev.ingredient}, but no ${ev.ingredient} trial in the record`);
      continue;
    }
    ledger.use(ev.reference, `intolerance evidence for trial ${match.id}`);
    const list = out.get(match.id) ?? [];
    list.push(ev);
    out.set(match.id, list);
  }
  return out;
}

/**
 * A drug level belongs to the trial of that agent (or of a drug it also evidences: 9-hydroxyrisperidone for
 * risperidone) it was drawn during, up to LEVEL_AFTER_TRIAL_DAYS after its last recorded day; a level drawn outside
 * every such trial is listed as not used.
 */
function matchLevels(levels: DrugLevelPoint[], trials: TrialDraft[], ledger: Ledger): Map<string, DrugLevelPoint[]> {
  const out = new Map<string, DrugLevelPoint[]>();
  for (const level of levels) {
    const ofTrial = (t: TrialDraft) => t.ingredient === level.ingredient || (level.alsoFor?.includes(t.ingredient) ?? false);
    const match = trials.find((t) => ofTrial(t) && level.day >= t.start && level.day <= t.end + LEVEL_AFTER_TRIAL_DAYS);
    if (!match) {
      const drugs = [level.ingredient, ...(level.alsoFor ?? [])].join(' or ');
      ledger.unused(level.source, `${level.ingredient} level on ${isoDate(level.day)}, drawn outside every ${drugs} trial in the record`);
      continue;
    }
    ledger.use(level.source, `${level.ingredient} level drawn during trial ${match.id}`);
    const list = out.get(match.id) ?? [];
    list.push(level);
    out.set(match.id, list);
  }
  return out;
}

/** Classes that can replace each other (a switch), by purpose. */
function purposeOf(c: DrugClass): string {
  if (ANTIDEPRESSANT_CLASSES.has(c)) return 'antidepressant';
  if (c === 'antipsychotic') return 'antipsychotic';
  if (c === 'mood-stabilizer') return 'mood-stabilizer';
  return c;
}

/**
 * For each ended monotherapy/combination trial, the first trial of the same purpose starting within
 * SWITCH_WINDOW_DAYS of its end (and not added on top of it). Trials are sorted by start; a binary search finds
 * the window, so this stays near-linear.
 */
function findReplacements(trials: TrialDraft[], roles: Map<string, RoleResult>): Map<string, TrialDraft> {
  const sorted = [...trials].sort((a, b) => a.start - b.start);
  const out = new Map<string, TrialDraft>();
  for (const t of trials) {
    if (t.ongoing || roles.get(t.id)?.role === 'augmentation' || hypnoticDoseOf(t)) continue;
    const from: Day = t.end - SWITCH_WINDOW_DAYS;
    let i = firstIndexWhere(sorted, (u) => u.start >= from);
    for (; i < sorted.length && sorted[i]!.start <= t.end + SWITCH_WINDOW_DAYS; i++) {
      const u = sorted[i]!;
      if (u === t || u.start <= t.start || u.ingredient === t.ingredient || hypnoticDoseOf(u)) continue;
      if (purposeOf(u.drugClass) !== purposeOf(t.drugClass)) continue;
      if (roles.get(u.id)?.addedTo === t.id) continue;
      out.set(t.id, u);
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Grouping resources by patient (Bundles with several patients, Bulk Data)
// ---------------------------------------------------------------------------------------------

/**
 * The Patient id a resource belongs to: the Patient's own id, or the id in subject/patient/beneficiary
 * ("Patient/123", "https://x/fhir/Patient/123", "urn:uuid:..." resolved by the caller). Null for shared
 * resources (Medication, Practitioner, ...).
 */
export function patientIdOf(resource: unknown): string | null {
  if (typeof resource !== 'object' || resource === null) return null;
  const r = resource as { resourceType?: unknown; id?: unknown; subject?: unknown; patient?: unknown };
  if (r.resourceType === 'Patient') return typeof r.id === 'string' ? r.id : null;
  for (const holder of [r.subject, r.patient]) {
    const ref = (holder as { reference?: unknown } | undefined)?.reference;
    if (typeof ref === 'string') {
      const m = /(?:^|\/)Patient\/([^/?#]+)/.exec(ref);
      if (m) return m[1]!;
    }
  }
  return null;
}

/** "Medication/abc" references a medication record makes (for attaching shared Medication resources). */
export function medicationReferencesOf(resource: unknown): string[] {
  const ref = (resource as { medicationReference?: { reference?: unknown } } | null)?.medicationReference?.reference;
  if (typeof ref !== 'string') return [];
  const m = /(?:^|\/)Medication\/([^/?#]+)$/.exec(ref);
  return m ? [`Medication/${m[1]}`] : [];
}

export interface GroupedResources {
  records: PatientRecord[];
  /** Resources that belong to no patient and were not attached (e.g. Practitioner, unreferenced Medication). */
  unattached: Resource[];
}

/**
 * Groups resources of many patients into one PatientRecord each (in order of first appearance). Medication
 * resources are shared: each patient gets the ones its records reference.
 */
export function groupResourcesByPatient(resources: readonly unknown[]): GroupedResources {
  const medications = new Map<string, Resource>();
  const byPatient = new Map<string, Resource[]>();
  const unattached: Resource[] = [];
  for (const r of resources) {
    if (typeof r !== 'object' || r === null) continue;
    const res = r as Resource;
    if (res.resourceType === 'Medication' && typeof res.id === 'string') {
      medications.set(`Medication/${res.id}`, res);
      continue;
    }
    const pid = patientIdOf(res);
    if (pid === null) {
      unattached.push(res);
      continue;
    }
    const list = byPatient.get(pid);
    if (list) list.push(res);
    else byPatient.set(pid, [res]);
  }
  const referenced = new Set<string>();
  const records: PatientRecord[] = [];
  for (const [patientId, list] of byPatient) {
    const attached = new Set<string>();
    for (const r of list) for (const ref of medicationReferencesOf(r)) if (medications.has(ref)) attached.add(ref);
    for (const ref of attached) {
      list.push(medications.get(ref)!);
      referenced.add(ref);
    }
    records.push({ patientId, resources: list });
  }
  for (const [ref, med] of medications) if (!referenced.has(ref)) unattached.push(med);
  return { records, unattached };
}
