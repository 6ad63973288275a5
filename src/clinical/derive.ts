/**
 * The per-patient pipeline shared by the app and `npm run derive`:
 * resources -> ledger -> classification -> trials -> episodes -> roles -> adherence/adequacy -> outcome ->
 * assessments -> suggestions, with every resource accounted for. Pure: no I/O, "today" is options.asOf.
 */
import { explainUnusedMedications, Ledger } from './accounting';
import { judgeAdequacy } from './pipeline/6-adequacy';
import { type DrugLevelPoint, proportionOfDaysCovered } from './pipeline/5-adherence';
import { classifyResources } from './pipeline/1-classify';
import type { Classified } from './pipeline/1-classify/classified';
import { asOfDay, type Day, isoDate, toDay } from './dates';
import { ASSESSED_CONDITIONS, type EpisodeSpan, assignEpisode, buildEpisodes } from './pipeline/3-episodes';
import { type DatedScore, judgeOutcome } from './pipeline/7-outcome';
import { type RoleResult, alongsideOf, assignRoles } from './pipeline/4-roles';
import { assess, makeRejudge } from './pipeline/8-resistance';
import type { JudgedTrial } from './staging/judged';
import { evaluateSuggestions } from './suggestions';
import { chooseNextStep } from './suggestions/next-step';
import { demographicsOf } from './demographics';
import { isTobaccoUse } from './terminology/history-codes';
import { deriveSafety } from './safety';
import {
  type DatedRecord,
  dataNotesOf,
  mergePsychotherapy,
  otherTreatments,
  PSYCHIATRIC_KINDS,
  psychiatricHistorySummary,
  substanceUseOf,
} from './pipeline/9-history';
import { type TrialDraft, buildTrials } from './pipeline/2-trials';
import { compareCodeUnits } from './sorted';
import { findReplacements, matchIntolerances, matchLevels, scoresByInstrument } from './trial-evidence';
import { toTrial } from './trial-output';
import type { IntoleranceEvidence } from './events';
import type { CareEvent, ConditionKey, DeriveOptions, Derivation, DerivationError, Instrument, NextStep, PatientRecord, Suggestion } from './types';
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
  const episodes = buildEpisodes(c.diagnoses, asOf, scores.get('phq9'), c.deathDay);
  const conditions = new Set<ConditionKey>(episodes.map((e) => e.episode.condition));
  const roles = assignRoles(drafts, conditions);
  const intolerancesByTrial = matchIntolerances(c.intolerances, drafts, ledger);
  const { replacedBy, followedBy } = findReplacements(drafts, roles);
  const levelsByTrial = matchLevels(c.levels, drafts, ledger);

  const episodeOf = new Map<string, EpisodeSpan | null>();
  const pdcOf = new Map<string, number | null>();
  const judging: TrialJudging = {
    episodes,
    roles,
    scores,
    intolerancesByTrial,
    replacedBy,
    followedBy,
    levelsByTrial,
    deathDay: c.deathDay,
    episodeOf,
    pdcOf,
  };
  const judged = drafts.map((draft) => judgeTrial(draft, judging));

  const rejudge = makeRejudge(
    (t) => ({ pdc: pdcOf.get(t.draft.id) ?? null, levels: levelsByTrial.get(t.draft.id) ?? [] }),
    (t) => ({
      trial: t.draft,
      adequacy: t.adequacy,
      condition: null,
      scores,
      intolerances: intolerancesByTrial.get(t.draft.id) ?? [],
      replacedBy: replacedBy.get(t.draft.id) ?? null,
      followedBy: followedBy.get(t.draft.id) ?? null,
    }),
    (t) => episodeOf.get(t.draft.id)?.episode.condition ?? null,
  );
  const others = otherTreatments(c.history, ledger);
  const psychotherapy = mergePsychotherapy(c.history.psychotherapy);
  // Drug or alcohol counselling treats the substance use, not the disorder an assessment judges.
  const disorderTherapy = psychotherapy.filter((course) => course.modality !== 'substance-use');
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
      psychotherapy: disorderTherapy,
      substanceShownByEvents: substanceUse?.shownByEvents ?? null,
    }),
  );

  // A hypnotic dose is no companion: the trial it runs beside stays monotherapy (R.alongsideHypnoticDose).
  const companions = alongsideOf(judged.filter((j) => j.role !== 'hypnotic').map((j) => j.draft));
  const trials = judged.map((j) =>
    toTrial(j, episodeOf.get(j.draft.id) ?? null, pdcOf.get(j.draft.id) ?? null, levelsByTrial.get(j.draft.id) ?? [], companions.get(j.draft.id) ?? []),
  );
  markTrialRecordsUsed(ledger, judged);

  const psychiatricDiagnoses = c.diagnoses.filter((d) => PSYCHIATRIC_KINDS.has(d.kind));
  const history = psychiatricHistorySummary(psychiatricDiagnoses, careEvents, disorderTherapy.length, substanceUse !== null, tobacco, disorderTherapy.length < psychotherapy.length);
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
  // Built whole, with the suggestions, the safety items and the headline filled in last (they are derived from the
  // rest): one object of one shape, not a copy with three fields added.
  const derivation: Derivation = {
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
      scores: c.scores,
      birthDay: c.birthDay,
      datedBefore(day) {
        return recordsDatedBefore(day, c, careEvents);
      },
    }),
    safety: [],
    suggestions: [],
    nextStep: NOT_YET_CHOSEN,
  };
  let suggestions: Suggestion[] = [];
  try {
    // Nothing is proposed for a patient who has died.
    if (!demographics.deceased) suggestions = evaluateSuggestions(derivation);
  } catch (e) {
    // The derivation stands on its own; a failure in the suggestion rules must not hide the timeline.
    notes.push(`Suggestions could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
  }
  let safety: Derivation['safety'] = [];
  try {
    safety = deriveSafety(derivation);
  } catch (e) {
    notes.push(`Safety items could not be derived: ${e instanceof Error ? e.message : String(e)}`);
  }
  derivation.safety = safety;
  derivation.suggestions = suggestions;
  derivation.nextStep = chooseNextStep(suggestions, assessments);
  return derivation;
}

/** The headline's place until the suggestions are weighed (chooseNextStep fills it in). */
const NOT_YET_CHOSEN: NextStep = { kind: 'nothing', text: '', sources: [] };

/** What judging one trial reads besides the trial, found once per derivation. */
interface TrialJudging {
  episodes: EpisodeSpan[];
  roles: Map<string, RoleResult>;
  scores: Map<Instrument, DatedScore[]>;
  intolerancesByTrial: Map<string, IntoleranceEvidence[]>;
  replacedBy: Map<string, TrialDraft>;
  followedBy: Map<string, TrialDraft>;
  levelsByTrial: Map<string, DrugLevelPoint[]>;
  deathDay: Day | null;
  /** Filled as each trial is judged: its episode and adherence, which the assessments and the output read again. */
  episodeOf: Map<string, EpisodeSpan | null>;
  pdcOf: Map<string, number | null>;
}

/** A trial judged in the episode it falls in: adequacy, outcome and role. */
function judgeTrial(draft: TrialDraft, j: TrialJudging): JudgedTrial {
  const ep = assignEpisode(draft, j.episodes);
  j.episodeOf.set(draft.id, ep);
  const pdc = proportionOfDaysCovered(draft.events, draft.end)?.pdc ?? null;
  j.pdcOf.set(draft.id, pdc);
  const role = j.roles.get(draft.id) ?? { role: 'monotherapy' as const };
  const condition = ep?.episode.condition ?? null;
  const prophylaxisBrokenOn = ep !== null && ep.start !== null && draft.start < ep.start ? ep.start : undefined;
  const adequacy = judgeAdequacy(draft, {
    condition,
    role: role.role,
    adherencePdc: pdc,
    levels: j.levelsByTrial.get(draft.id) ?? [],
    prophylaxisBrokenOn,
  });
  const outcome = judgeOutcome({
    trial: draft,
    adequacy,
    condition,
    scores: j.scores,
    intolerances: j.intolerancesByTrial.get(draft.id) ?? [],
    replacedBy: j.replacedBy.get(draft.id) ?? null,
    followedBy: j.followedBy.get(draft.id) ?? null,
    deathDay: j.deathDay,
  });
  // A hypnotic dose is listed as such: not a trial of its own, and not an add-on to the trial it overlaps. Both kinds
  // of judged trial have the same fields, so the stages after this one read them at one shape.
  if (adequacy.shortfalls.includes('hypnotic-dose')) return { draft, adequacy, outcome, role: 'hypnotic', addedTo: undefined };
  return { draft, adequacy, outcome, role: role.role, addedTo: role.addedTo };
}

/**
 * Each trial's records (and their Medication resources) as used. A loop of its own, outside derivePatient: a loop in
 * derivePatient's body let V8 compile the rest of derivePatient from the loop on (on-stack replacement), and that
 * code, once it met an object of another shape, was re-entered and thrown away again on every later patient.
 */
function markTrialRecordsUsed(ledger: Ledger, judged: readonly JudgedTrial[]): void {
  for (const t of judged) {
    // The same two words for every record of the trial: made once per trial, not once per record.
    const trialUse = `trial ${t.draft.id}`;
    let medicationUse: string | null = null;
    for (const e of t.draft.events) {
      ledger.use(e.reference, trialUse);
      if (e.medicationSource) ledger.use(e.medicationSource, (medicationUse ??= `medication of trial ${t.draft.id}`));
    }
  }
}

/**
 * The dated records before `day` (the patient's birth) as the data notes name them, in the record's order: medication
 * records, diagnoses with an onset, care events. Built only for the records before it (nearly always none).
 */
function recordsDatedBefore(day: Day, c: Classified, careEvents: readonly CareEvent[]): DatedRecord[] {
  const before: DatedRecord[] = [];
  for (const e of c.events) if (e.start < day) before.push({ day: e.start, source: e.reference, what: `${e.ingredient} record` });
  for (const d of c.diagnoses) {
    const onset = toDay(d.onset);
    if (onset !== null && onset < day) before.push({ day: onset, source: d.source, what: d.display });
  }
  for (const e of careEvents) {
    const start = toDay(e.start)!;
    if (start < day) before.push({ day: start, source: e.source, what: e.display });
  }
  return before;
}

/** derivePatient that never throws: a broken record gives `{ patient, error }` (used by `npm run derive`). */
export function deriveSafely(record: PatientRecord, options: DeriveOptions): Derivation | DerivationError {
  try {
    return derivePatient(record, options);
  } catch (e) {
    return { patient: String(record?.patientId), error: e instanceof Error ? e.message : String(e) };
  }
}
