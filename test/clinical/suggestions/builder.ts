/**
 * Hand-made `Omit<Derivation, 'suggestions'>` objects, so the suggestion rules are tested without the engine.
 */
import type {
  Assessment,
  BloodPressurePoint,
  ComorbidityKey,
  ConditionKey,
  DiagnosisSpan,
  Episode,
  Flag,
  FlagKind,
  ProcedureKind,
  ProcedureMark,
  ScorePoint,
  Suggestion,
  Trial,
} from '../../../src/clinical/types';
import type { DerivedRecord } from '../../../src/clinical/suggestions';
import { evaluateSuggestions } from '../../../src/clinical/suggestions';
import type { InterventionId } from '../../../src/clinical/types';

const AS_OF = '2026-11-22';

let counter = 0;

/** A failed adequate antidepressant trial unless told otherwise. */
export function trial(ingredient: string, overrides: Partial<Trial> = {}): Trial {
  counter += 1;
  const start = overrides.start ?? `2025-0${(counter % 9) + 1}-01`;
  const base: Omit<Trial, 'doseRange' | 'daysAtMaxDailyDose'> = {
    id: `${ingredient}@${start}`,
    ingredient,
    class: 'ssri',
    start,
    end: '2025-12-01',
    durationDays: 70,
    durationText: '10 weeks',
    doseSteps: [],
    maxDailyDoseMg: 100,
    adequateDose: { amount: 50, unit: 'mg/day' },
    adequateLevel: null,
    daysAtAdequateDose: 70,
    adequate: true,
    adequacyPending: false,
    adequacyReason: 'adequate: 100 mg/day for 10 weeks',
    adequacyRules: [],
    adherencePdc: null,
    plasmaLevels: null,
    outcome: 'nonresponse',
    outcomeBasis: 'measured',
    outcomeDetail: 'PHQ-9 20 → 18',
    baselineScore: null,
    followUpScore: null,
    role: 'monotherapy',
    episodeId: 'mdd-1',
    sources: [`MedicationRequest/${ingredient}-${counter}`],
    notes: [],
  };
  const merged = { ...base, ...overrides };
  // One dose held throughout unless told otherwise.
  const max = merged.maxDailyDoseMg;
  return {
    ...merged,
    doseRange: overrides.doseRange !== undefined ? overrides.doseRange : max === null ? null : { lowestMg: max, highestMg: max },
    daysAtMaxDailyDose: overrides.daysAtMaxDailyDose ?? (max === null ? 0 : merged.durationDays),
    id: overrides.id ?? `${ingredient}@${merged.start}`,
  };
}

export function inadequate(ingredient: string, reason = 'dose below 50 mg'): Trial {
  return trial(ingredient, { adequate: false, adequacyReason: reason, maxDailyDoseMg: 25, daysAtAdequateDose: 0 });
}

export function flag(kind: FlagKind, text: string, sources: string[] = ['MedicationRequest/x']): Flag {
  return { kind, text, sources };
}

export interface AssessmentOptions {
  trials?: Trial[];
  treatmentResistant?: boolean;
  /** Defaults to 'meets' when treatmentResistant, else 'does-not-meet'. */
  status?: Assessment['status'];
  unconfirmedTrials?: Assessment['unconfirmedTrials'];
  flags?: Flag[];
  conditionSources?: string[];
  episodeStart?: string;
}

/** failedAdequateTrials counted from the trials as the engine would (adequate and failed). */
export function assessment(condition: ConditionKey, options: AssessmentOptions = {}): Assessment {
  const trials = options.trials ?? [];
  const failed = trials.filter((t) => t.adequate && (t.outcome === 'nonresponse' || t.outcome === 'partial'));
  const resistant = options.treatmentResistant ?? (condition === 'mdd' ? failed.length >= 2 : false);
  return {
    condition,
    conditionSources: options.conditionSources ?? [`Condition/${condition}`],
    currentEpisode: {
      id: `${condition}-1`,
      condition,
      start: options.episodeStart ?? '2025-01-01',
      end: null,
      current: true,
      basis: 'Condition onset, no abatement',
      sources: [`Condition/${condition}`],
    },
    trialIds: trials.map((t) => t.id),
    failedAdequateTrials: failed.length,
    failedAdequateTrialIds: failed.map((t) => t.id),
    therapyTrials: [],
    treatmentResistant: resistant,
    status: options.status ?? (resistant ? 'meets' : 'does-not-meet'),
    verdict: `Treatment-resistance criteria ${resistant ? 'met' : 'not met'}: treatment-resistant ${condition} (Gaynes 2020)`,
    unconfirmedTrials: options.unconfirmedTrials ?? [],
    definition: { id: `tr.${condition}`, summary: '≥2 failed adequate trials in the current episode', source: 'Gaynes 2020', verification: 'V' },
    conclusion: `${failed.length} failed adequate trials`,
    flags: options.flags ?? [],
  };
}

export function diagnosis(kind: ComorbidityKey | ConditionKey, overrides: Partial<DiagnosisSpan> = {}): DiagnosisSpan {
  return {
    kind,
    code: 'X00',
    system: 'http://hl7.org/fhir/sid/icd-10-cm',
    display: kind,
    onset: '2020-01-01',
    abatement: null,
    clinicalStatus: 'active',
    source: `Condition/${kind}`,
    ...overrides,
  };
}

export function score(instrument: ScorePoint['instrument'], value: number, date: string): ScorePoint {
  return { instrument, value, date, source: `Observation/${instrument}-${date}` };
}

export function procedure(kind: ProcedureKind, start = '2019-05-01'): ProcedureMark {
  return { kind, display: kind, start, end: null, source: `Procedure/${kind}` };
}

export function bp(systolic: number, diastolic: number, date: string): BloodPressurePoint {
  return { systolic, diastolic, date, source: `Observation/bp-${date}` };
}

export interface RecordParts {
  trials?: Trial[];
  assessments?: Assessment[];
  diagnoses?: DiagnosisSpan[];
  scores?: ScorePoint[];
  procedures?: ProcedureMark[];
  bloodPressure?: BloodPressurePoint[];
  episodes?: Episode[];
  asOf?: string;
  /** Age in whole years (a birth date is made up to match); absent: no demographics, as for an unread Patient. */
  ageYears?: number;
}

export function record(parts: RecordParts): DerivedRecord {
  const assessments = parts.assessments ?? [];
  return {
    patient: 'p1',
    asOf: parts.asOf ?? AS_OF,
    careEvents: [], substanceUse: null, otherTreatments: [], psychotherapy: [], dataNotes: [],
    trials: parts.trials ?? [],
    assessments,
    scores: parts.scores ?? [],
    diagnoses: parts.diagnoses ?? [],
    episodes: parts.episodes ?? assessments.map((a) => a.currentEpisode).filter((e): e is Episode => e !== null),
    procedures: parts.procedures ?? [],
    bloodPressure: parts.bloodPressure ?? [],
    used: [],
    unused: [],
    notes: [],
    ...(parts.ageYears !== undefined
      ? { demographics: { birthDate: `${2026 - parts.ageYears - 1}-01-01`, ageYears: parts.ageYears, deceased: false, deceasedDate: null, source: 'Patient/p1' } }
      : {}),
  };
}

/** MDD with `n` failed adequate trials (distinct agents), plus extra record parts. */
export function mdd(n: number, extra: Omit<RecordParts, 'trials' | 'assessments'> & { extraTrials?: Trial[] } = {}): DerivedRecord {
  const agents = ['sertraline', 'venlafaxine', 'bupropion', 'mirtazapine', 'nortriptyline', 'phenelzine'];
  const trials = [...agents.slice(0, n).map((a) => trial(a)), ...(extra.extraTrials ?? [])];
  return record({ ...extra, trials, assessments: [assessment('mdd', { trials })] });
}

export function suggestionOf(derived: DerivedRecord, id: InterventionId): Suggestion {
  const found = evaluateSuggestions(derived).find((s) => s.intervention === id);
  if (!found) throw new Error(`no suggestion ${id}`);
  return found;
}

export function allText(findings: { text: string }[]): string {
  return findings.map((f) => f.text).join('\n');
}
