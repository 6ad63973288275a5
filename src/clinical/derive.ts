/**
 * The per-patient pipeline shared by the app and `npm run derive`:
 * resources -> ledger -> classification -> trials -> episodes -> roles -> adherence/adequacy -> outcome ->
 * assessments -> suggestions, with every resource accounted for. Pure: no I/O, "today" is options.asOf.
 */
import { explainUnusedMedications, Ledger } from './accounting';
import { judgeAdequacy } from './pipeline/6-adequacy';
import { proportionOfDaysCovered } from './pipeline/5-adherence';
import { classifyResources } from './pipeline/1-classify';
import { asOfDay, type Day, isoDate, toDay } from './dates';
import { ASSESSED_CONDITIONS, type EpisodeSpan, assignEpisode, buildEpisodes } from './pipeline/3-episodes';
import { judgeOutcome } from './pipeline/7-outcome';
import { assignRoles } from './pipeline/4-roles';
import { assess, makeRejudge } from './pipeline/8-resistance';
import type { JudgedTrial } from './staging/judged';
import { evaluateSuggestions } from './suggestions';
import { demographicsOf } from './demographics';
import { deriveSafety } from './safety';
import {
  dataNotesOf,
  isTobaccoUse,
  mergePsychotherapy,
  otherTreatments,
  PSYCHIATRIC_KINDS,
  psychiatricHistorySummary,
  substanceUseOf,
} from './pipeline/9-history';
import { buildTrials } from './pipeline/2-trials';
import { compareCodeUnits } from './sorted';
import { findReplacements, matchIntolerances, matchLevels, scoresByInstrument } from './trial-evidence';
import { toTrial } from './trial-output';
import type { ConditionKey, DeriveOptions, Derivation, DerivationError, PatientRecord, Suggestion } from './types';
import { countOf } from './plain-text';
import { withFields } from './with-fields';

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
  const { replacedBy, followedBy } = findReplacements(drafts, roles);
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
    const prophylaxisBrokenOn = ep !== null && ep.start !== null && draft.start < ep.start ? ep.start : undefined;
    const adequacy = judgeAdequacy(draft, {
      condition,
      role: role.role,
      adherencePdc: pdc,
      levels: levelsByTrial.get(draft.id) ?? [],
      ...(prophylaxisBrokenOn !== undefined ? { prophylaxisBrokenOn } : {}),
    });
    const outcome = judgeOutcome({
      trial: draft,
      adequacy,
      condition,
      scores,
      intolerances: intolerancesByTrial.get(draft.id) ?? [],
      replacedBy: replacedBy.get(draft.id) ?? null,
      followedBy: followedBy.get(draft.id) ?? null,
      deathDay: c.deathDay,
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
      followedBy: followedBy.get(t.draft.id) ?? null,
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

  const trials = judged.map((j) => toTrial(j, episodeOf.get(j.draft.id) ?? null, pdcOf.get(j.draft.id) ?? null, levelsByTrial.get(j.draft.id) ?? []));
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
  return withFields(derived, { safety, suggestions });
}

/** derivePatient that never throws: a broken record gives `{ patient, error }` (used by `npm run derive`). */
export function deriveSafely(record: PatientRecord, options: DeriveOptions): Derivation | DerivationError {
  try {
    return derivePatient(record, options);
  } catch (e) {
    return { patient: String(record?.patientId), error: e instanceof Error ? e.message : String(e) };
  }
}
