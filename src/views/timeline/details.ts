/**
 * Plain-words descriptions of every timeline item: the same text feeds the details panel,
 * the SVG items' aria-labels and the table, so what is seen, heard and copied agrees.
 */
import type {
  AdequateDose,
  DiagnosisKind,
  DiagnosisSpan,
  Episode,
  ProcedureMark,
  PsychotherapyCourse,
  ScorePoint,
  Trial,
} from '../../clinical/types';
import {
  ADEQUACY_VERDICT_TRIAL_WORDS,
  adequacyVerdictOf,
  CONDITION_LABEL,
  INSTRUMENT_LABEL,
  PROCEDURE_LABEL,
  ROLE_LABEL,
  trialKindWords,
  capitalise,
  describeTrialDosesAndTime,
  clinicalStatusWords,
  diagnosisLabelWithCode,
  recordedDiagnosisName,
  episodeEndWords,
  episodeWords,
  outcomeLabelWithBasis,
  latestPlasmaLevelWords,
  plasmaLevelsText,
} from '../../clinical/vocabulary';
import { adequacyReasonText, displayDate, doseText, trialDoseText } from './labels';
import { plainText } from '../../clinical/plain-text';
import { codeSystemName } from '../../clinical/terminology/systems';
import { BASELINE_WORDS, describePeriod, ingredientOfTrialId, stopReasonsLine, stopSafetyEventWords } from '../../clinical/vocabulary';

export interface ItemDetails {
  id: string;
  title: string;
  lines: string[];
  sources: string[];
  notes: string[];
  /** What a screen reader says for the item, when it differs from title + lines (trials: agent, dates, dose, outcome). */
  ariaLabel?: string;
}

export const trialItemId = (trial: Trial) => `trial:${trial.id}`;
export const episodeItemId = (episode: Episode) => `episode:${episode.id}`;
const diagnosisItemId = (index: number) => `diagnosis:${index}`;
const procedureItemId = (index: number) => `procedure:${index}`;
const scoreItemId = (point: ScorePoint, index: number) => `score:${point.instrument}:${index}`;

/** "50 mg/day", "600 mg/day CPZ-eq (olanzapine 20 mg/day)": the engine's threshold in its own unit. */
export function adequateDoseText(dose: AdequateDose, ingredient: string): string {
  const agent = dose.agentMgPerDay === undefined ? '' : ` (${ingredient} ${doseText(dose.agentMgPerDay)})`;
  return `${dose.unit === 'mg/day' ? trialDoseText(dose.amount, ingredient) : doseText(dose.amount, dose.unit)}${agent}`;
}

/** "level ≥ 0.8 mmol/L (0.7 on 25 Jul 2026)": the level threshold that decided a trial, with the level read. */
export function adequateLevelText(trial: Trial): string | null {
  const l = trial.adequateLevel;
  return l ? `${trial.ingredient} level ≥ ${l.min} ${l.unit} (${l.value} on ${displayDate(l.date)})` : null;
}

/** "2025-05-04 to 2025-08-09, 14 weeks": the trial's dates and length in the vocabulary's one wording. */
export function trialPeriod(trial: Trial): string {
  return describePeriod(displayDate(trial.start), trial.end === null ? null : displayDate(trial.end), trial.durationText);
}

/** Dispense coverage, then an antipsychotic trial's plasma levels (or that none was recorded), as the engine gives them. */
export function adherenceText(trial: Trial): string {
  // Without dispenses, orders that leave days uncovered are said as the engine weighs them.
  const covered =
    trial.adherencePdc !== null ? `${Math.round(trial.adherencePdc * 100)}% of days covered` : trial.orderCoverage ? trial.orderCoverage.text : 'no dispense data';
  const levels = plasmaLevelsText(trial);
  return levels === null ? covered : `${covered}; ${levels}`;
}

function outcomeText(trial: Trial): string {
  return outcomeLabelWithBasis(trial);
}

export function trialDetails(trial: Trial): ItemDetails {
  const level = adequateLevelText(trial);
  const threshold = level
    ? `adequate at ${level}`
    : trial.adequateDose === null
      ? 'no adequate-dose threshold known'
      : `adequate dose from ${adequateDoseText(trial.adequateDose, trial.ingredient)}`;
  return {
    id: trialItemId(trial),
    title: `${capitalise(trial.ingredient)} (${trialKindWords(trial)})`,
    lines: [
      trialPeriod(trial),
      ...(trial.startBeforeApproval ? [capitalise(trial.startBeforeApproval.text)] : []),
      `Dose: ${describeTrialDosesAndTime(trial)}; ${threshold}`,
      `Dose steps: ${
        trial.doseSteps.length === 0
          ? 'none recorded'
          : trial.doseSteps.map((s) => `${displayDate(s.start)}–${displayDate(s.end)} ${trialDoseText(s.dailyDoseMg, trial.ingredient)}`).join('; ')
      }`,
      `${capitalise(ADEQUACY_VERDICT_TRIAL_WORDS[adequacyVerdictOf(trial)])}: ${adequacyReasonText(trial.adequacyReason)}`,
      `Adherence: ${adherenceText(trial)}`,
      `Outcome: ${outcomeText(trial)}${trial.outcomeDetail ? `: ${plainText(trial.outcomeDetail)}` : ''}`,
      ...(stopReasonsLine(trial) === null ? [] : [plainText(stopReasonsLine(trial) ?? '')]),
    ],
    sources: trial.sources,
    notes: trial.notes,
    ariaLabel: trialAriaLabel(trial),
  };
}

/** Agent, dates, dose, then outcome: the order a clinician reads a trial in. */
function trialAriaLabel(trial: Trial): string {
  const role = trial.role === 'monotherapy' ? '' : ` (${ROLE_LABEL[trial.role]}${trial.addedTo ? ` to ${ingredientOfTrialId(trial.addedTo)}` : ''})`;
  return [
    `${capitalise(trial.ingredient)}${role}`,
    trialPeriod(trial),
    `highest dose ${trialDoseText(trial.maxDailyDoseMg, trial.ingredient)}, ${ADEQUACY_VERDICT_TRIAL_WORDS[adequacyVerdictOf(trial)]}`,
    ...(latestPlasmaLevelWords(trial) ? [`latest plasma ${latestPlasmaLevelWords(trial)!}`] : []),
    `outcome: ${outcomeText(trial).toLowerCase()}`,
    ...(stopSafetyEventWords(trial) ? [stopSafetyEventWords(trial)!] : []),
  ].join('; ');
}

export function describeEpisode(episode: Episode): ItemDetails {
  return {
    id: episodeItemId(episode),
    title: `${episodeWords(episode)}: ${CONDITION_LABEL[episode.condition]}`,
    lines: [
      `${displayDate(episode.start)} to ${episode.end === null ? 'now (ongoing)' : episode.endedAtDeath ? episodeEndWords(episode) : displayDate(episode.end)}`,
      `Delimited by: ${plainText(episode.basis)}`,
    ],
    sources: episode.sources,
    notes: [],
  };
}

/**
 * `deathDate`: the patient's date of death, when they have died (an active status is then the record's at death);
 * `alsoStated`: the further kinds its code states (diagnosesByRecord).
 */
export function describeDiagnosis(diagnosis: DiagnosisSpan, index: number, deathDate?: string | null, alsoStated: readonly DiagnosisKind[] = []): ItemDetails {
  return {
    id: diagnosisItemId(index),
    title: `Diagnosis: ${recordedDiagnosisName(diagnosis)}`,
    lines: [
      `Recognised as: ${diagnosisLabelWithCode(diagnosis, alsoStated, `${diagnosis.system ? `${codeSystemName(diagnosis.system)} ` : ''}${diagnosis.code}`)}`,
      `Onset ${displayDate(diagnosis.onset)}${diagnosis.abatement ? `, abated ${displayDate(diagnosis.abatement)}` : ''}`,
      `Clinical status: ${diagnosis.clinicalStatus === null ? 'not recorded' : clinicalStatusWords(diagnosis.clinicalStatus, deathDate)}`,
    ],
    sources: [diagnosis.source],
    notes: [],
  };
}

export function describeProcedure(procedure: ProcedureMark, index: number): ItemDetails {
  return {
    id: procedureItemId(index),
    title: `${PROCEDURE_LABEL[procedure.kind]}: ${procedure.display}`,
    lines: [procedure.end && procedure.end !== procedure.start ? `${displayDate(procedure.start)} to ${displayDate(procedure.end)}` : `On ${displayDate(procedure.start)}`],
    sources: [procedure.source],
    notes: [],
  };
}

const psychotherapyItemId = (index: number) => `psychotherapy:${index}`;

export function describePsychotherapy(course: PsychotherapyCourse, index: number): ItemDetails {
  const when =
    course.status === 'session'
      ? `On ${displayDate(course.start)}`
      : `${displayDate(course.start)} to ${course.end ? displayDate(course.end) : 'now (in progress)'}`;
  return {
    id: psychotherapyItemId(index),
    title: `Psychotherapy: ${course.display}`,
    lines: [when, course.status === 'completed' ? 'Completed' : course.status === 'in-progress' ? 'In progress' : 'One session'],
    sources: course.sources,
    notes: [],
  };
}

export function describeScore(point: ScorePoint, index: number, baseline: boolean): ItemDetails {
  return {
    id: scoreItemId(point, index),
    title: `${INSTRUMENT_LABEL[point.instrument]} ${point.value} on ${displayDate(point.date)}`,
    lines: baseline ? [`Baseline score of a trial: ${BASELINE_WORDS}`] : [],
    sources: [point.source],
    notes: [],
  };
}

/** The aria-label of an SVG item: title plus the lines, one sentence each. */
export function ariaLabelOf(details: ItemDetails): string {
  return details.ariaLabel ?? [details.title, ...details.lines].join('. ');
}
