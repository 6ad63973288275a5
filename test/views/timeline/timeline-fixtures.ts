/**
 * Hand-made Derivations for the view tests and the dev harness: the view is built against the contract
 * (src/clinical/types/), independent of the engine's progress.
 */
import type { Assessment, Derivation, DrugClass, Outcome, OutcomeBasis, RuleRef, ScorePoint, Trial } from '../../../src/clinical/types';
import type { ScaleThresholdsView } from '../../../src/views/timeline/scale-thresholds';
import { toDay } from '../../../src/clinical/dates';
import { chooseNextStep } from '../../../src/clinical/suggestions/next-step';
import { findBaseline } from '../../../src/clinical/pipeline/7-outcome';
import { describeDuration, RESISTANCE_VERDICT_WORDS } from '../../../src/clinical/vocabulary';

export const AS_OF = '2026-11-22';

export const RULE_DURATION: RuleRef = {
  id: 'adequacy.min-duration-weeks',
  summary: 'An antidepressant trial counts as adequate after at least 6 weeks at or above the minimum dose.',
  source: 'MGH-S (PLoS One 2020, PMC7392234)',
  verification: 'V',
};
export const RULE_TRD: RuleRef = {
  id: 'definition.trd.mdd',
  summary: 'Treatment-resistant depression: at least 2 failed adequate antidepressant trials in the current episode.',
  source: 'EU-PEARL Delphi, Sforzini et al. 2022 (PMC9095475)',
  verification: 'V',
};
const RULE_OCD_U: RuleRef = {
  id: 'definition.ocd.resistance',
  summary: 'Treatment-resistant OCD: at least 2 failed SRI trials including clomipramine.',
  source: 'Commonly cited; not read in a primary text',
  verification: 'U',
};

/** Test-only thresholds shaped like the terminology layer's (PHQ-9 per Kroenke 2001, tagged S). */
export const testThresholds = (instrument: string): ScaleThresholdsView | null =>
  instrument === 'phq9'
    ? { remissionMax: 4, responseReduction: 0.5, floor: 0, ceiling: 27, source: 'Kroenke 2001 via ICSI', verification: 'S' }
    : instrument === 'gad7'
      ? { remissionMax: 4, responseReduction: 0.5, floor: 0, ceiling: 21, source: 'test value', verification: 'U' }
      : null;

const DAY = 86_400_000;
function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

export interface TrialSpec {
  ingredient: string;
  drugClass?: DrugClass;
  start: string;
  end: string | null;
  /** [mg/day, days] per step; null mg = unknown dose. */
  steps: [number | null, number][];
  adequateDoseMg?: number | null;
  /** A level decided adequacy (lithium, valproate): the trial then carries no dose threshold. */
  adequateLevel?: Trial['adequateLevel'];
  adequate?: boolean;
  /** Not adequate only because the running trial is still short (Trial.adequacyPending). */
  adequacyPending?: boolean;
  outcome?: Outcome;
  basis?: OutcomeBasis;
  detail?: string;
  role?: Trial['role'];
  addedTo?: string;
  episodeId?: string | null;
  sources?: string[];
  notes?: string[];
  /** The threshold is in chlorpromazine equivalents (TRRIP); fixture CPZ-eq = mg × 20. */
  cpz?: boolean;
}

export function trial(spec: TrialSpec, asOf = AS_OF): Trial {
  const end = spec.end ?? asOf;
  let cursor = spec.start;
  const doseSteps = spec.steps.map(([mg, days], i) => {
    const stepEnd = i === spec.steps.length - 1 ? end : addDaysIso(cursor, days);
    const step = {
      start: cursor,
      end: stepEnd,
      dailyDoseMg: mg,
      // As the engine does, every antipsychotic step carries its CPZ equivalent; `cpz` makes it the threshold's unit.
      ...(spec.cpz || spec.drugClass === 'antipsychotic' ? { cpzEquivalentMg: mg === null ? null : mg * 20 } : {}),
      basis: mg === null ? 'free-text dose could not be read' : `${mg} mg once daily`,
      source: `MedicationRequest/${spec.ingredient}-${spec.start}-${i}`,
    };
    cursor = stepEnd;
    return step;
  });
  const known = spec.steps.map(([mg]) => mg).filter((m): m is number => m !== null);
  const id = `${spec.ingredient}@${spec.start}`;
  const adequateDoseMg = spec.adequateDoseMg === undefined ? 50 : spec.adequateDoseMg;
  const durationDays = daysBetween(spec.start, end);
  return {
    id,
    ingredient: spec.ingredient,
    class: spec.drugClass ?? 'ssri',
    start: spec.start,
    end: spec.end,
    durationDays,
    durationText: describeDuration(durationDays),
    doseSteps,
    maxDailyDoseMg: known.length ? Math.max(...known) : null,
    doseRange: known.length ? { lowestMg: Math.min(...known), highestMg: Math.max(...known) } : null,
    daysAtMaxDailyDose: known.length
      ? doseSteps.filter((s) => s.dailyDoseMg === Math.max(...known)).reduce((days, s) => days + daysBetween(s.start, s.end), 0)
      : 0,
    adequateDose: adequateDoseMg === null || spec.adequateLevel ? null : { amount: adequateDoseMg, unit: spec.cpz ? 'mg/day CPZ-eq' : 'mg/day' },
    adequateLevel: spec.adequateLevel ?? null,
    daysAtAdequateDose: daysBetween(spec.start, end),
    adequate: spec.adequate ?? true,
    adequacyPending: spec.adequacyPending ?? false,
    adequacyReason: spec.adequate === false ? 'dose below minimum for 5 weeks only' : `adequate: ${known.length ? Math.max(...known) : '?'} mg/day for ${Math.round(daysBetween(spec.start, end) / 7)} weeks`,
    adequacyRules: [RULE_DURATION],
    adherencePdc: 0.92,
    plasmaLevels: null,
    outcome: spec.outcome ?? (spec.end === null ? 'ongoing' : 'nonresponse'),
    outcomeBasis: spec.basis ?? 'measured',
    outcomeDetail: spec.detail ?? '',
    baselineScore: null,
    followUpScore: null,
    role: spec.role ?? 'monotherapy',
    ...(spec.addedTo ? { addedTo: spec.addedTo } : {}),
    episodeId: spec.episodeId === undefined ? 'mdd-1' : spec.episodeId,
    sources: spec.sources ?? doseSteps.map((s) => s.source),
    notes: spec.notes ?? [],
  };
}

function phq(dates: [string, number][]): ScorePoint[] {
  return dates.map(([date, value], i) => ({ instrument: 'phq9', date, value, source: `Observation/phq9-${i}` }));
}

function mddAssessment(partial: Partial<Assessment>): Assessment {
  return {
    condition: 'mdd',
    conditionSources: ['Condition/mdd'],
    currentEpisode: { id: 'mdd-1', condition: 'mdd', start: '2024-06-01', end: null, current: true, basis: 'Condition onset 2024-06-01, no abatement', sources: ['Condition/mdd'] },
    trialIds: [],
    failedAdequateTrials: 0,
    failedAdequateTrialIds: [],
    therapyTrials: [],
    treatmentResistant: false,
    definition: RULE_TRD,
    conclusion: 'Does not meet treatment-resistant depression.',
    flags: [],
    ...partial,
    status: partial.status ?? (partial.treatmentResistant ? 'meets' : 'does-not-meet'),
    verdict:
      partial.verdict ??
      `${RESISTANCE_VERDICT_WORDS[partial.status ?? (partial.treatmentResistant ? 'meets' : 'does-not-meet')]}: treatment-resistant depression (Gaynes 2020)`,
    unconfirmedTrials: partial.unconfirmedTrials ?? [],
  };
}

/**
 * The trials' baseline and follow-up scores as the engine picks them (its baseline rule, findBaseline; the follow-up
 * is the latest score after the baseline up to 14 days after the trial), from the fixture's own scores.
 */
function withScores(trials: Trial[], scores: ScorePoint[]): Trial[] {
  return trials.map((t) => {
    if (t.baselineScore !== null) return t;
    for (const instrument of ['phq9', 'madrs', 'hamd17', 'qids-sr16', 'ybocs', 'panss', 'pcl5'] as const) {
      const series = scores
        .filter((s) => s.instrument === instrument)
        .map((s) => ({ day: toDay(s.date)!, value: s.value, source: s.source, point: s }))
        .sort((a, b) => a.day - b.day);
      const start = toDay(t.start)!;
      const baseline = findBaseline(series, start) as (typeof series)[number] | null;
      if (!baseline) continue;
      const last = toDay(t.end ?? AS_OF)! + 14;
      const followUp = series.filter((s) => s.day > baseline.day && s.day >= start && s.day <= last).at(-1);
      if (!followUp) continue;
      return { ...t, baselineScore: baseline.point, followUpScore: followUp.point };
    }
    return t;
  });
}

function base(partial: Partial<Derivation>): Derivation {
  const d = withScoresOf({
    patient: 'fixture',
    asOf: AS_OF,
    demographics: { birthDate: '1980-05-17', ageYears: 46, deceased: false, deceasedDate: null, source: 'Patient/fixture' },
    safety: [],
    trials: [],
    assessments: [],
    suggestions: [],
    scores: [],
    diagnoses: [],
    episodes: [],
    procedures: [],
    bloodPressure: [],
    used: [],
    careEvents: [], substanceUse: null, otherTreatments: [], psychotherapy: [], dataNotes: [],
    unused: [],
    notes: [],
    nextStep: { kind: 'nothing', text: '', sources: [] },
    ...partial,
  });
  return { ...d, nextStep: partial.nextStep ?? chooseNextStep(d.suggestions, d.assessments) };
}

function withScoresOf(derivation: Derivation): Derivation {
  return { ...derivation, trials: withScores(derivation.trials, derivation.scores) };
}

const mddDiagnosis = {
  kind: 'mdd' as const,
  code: 'F33.1',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  display: 'Major depressive disorder, recurrent, moderate',
  onset: '2024-06-01',
  abatement: null,
  clinicalStatus: 'active',
  source: 'Condition/mdd',
};
const mddEpisode = { id: 'mdd-1', condition: 'mdd' as const, start: '2024-06-01', end: null, current: true, basis: 'Condition onset 2024-06-01, no abatement', sources: ['Condition/mdd'] };

export function mddResponder(): Derivation {
  const sertraline = trial({ ingredient: 'sertraline', start: '2025-09-01', end: null, steps: [[50, 28], [100, 0]], outcome: 'remission', detail: 'PHQ-9 19 → 4 (−79%) on adequate dose' });
  return base({
    trials: [sertraline],
    scores: phq([['2025-08-25', 19], ['2025-10-01', 14], ['2025-11-15', 8], ['2026-01-10', 4], ['2026-06-01', 3]]),
    diagnoses: [mddDiagnosis],
    episodes: [mddEpisode],
    assessments: [mddAssessment({ trialIds: [sertraline.id], conclusion: 'Does not meet treatment-resistant depression: the one trial in the current episode (sertraline 100 mg/day for 64 weeks) led to remission.' })],
    used: [{ reference: 'Condition/mdd', usedFor: 'MDD episode' }],
  });
}

export function trdTwoFailures(): Derivation {
  const sertraline = trial({ ingredient: 'sertraline', start: '2024-07-01', end: '2024-09-09', steps: [[50, 14], [100, 0]], outcome: 'nonresponse', detail: 'PHQ-9 21 → 18 (−14%) on adequate dose' });
  const venlafaxine = trial({ ingredient: 'venlafaxine', drugClass: 'snri', start: '2024-09-10', end: '2024-11-05', steps: [[75, 14], [150, 0]], adequateDoseMg: 150, outcome: 'nonresponse', detail: 'PHQ-9 18 → 16 (−11%)' });
  const mirtazapine = trial({ ingredient: 'mirtazapine', drugClass: 'atypical-antidepressant', start: '2024-11-20', end: '2025-01-02', steps: [[15, 0]], adequateDoseMg: 30, adequate: false, outcome: 'intolerance', basis: 'recorded', detail: 'stopped: weight gain (AllergyIntolerance)' });
  const bupropion = trial({ ingredient: 'bupropion', drugClass: 'atypical-antidepressant', start: '2025-02-01', end: null, steps: [[150, 30], [300, 0]], adequateDoseMg: 300, outcome: 'ongoing' });
  const aripiprazole = trial({ ingredient: 'aripiprazole', drugClass: 'antipsychotic', start: '2026-03-01', end: null, steps: [[2, 30], [5, 0]], adequateDoseMg: 100, cpz: true, role: 'augmentation', addedTo: bupropion.id, outcome: 'ongoing', basis: 'inferred' });
  const trials = [sertraline, venlafaxine, mirtazapine, bupropion, aripiprazole];
  return base({
    trials,
    scores: [
      ...phq([['2024-06-20', 21], ['2024-08-15', 19], ['2024-09-05', 18], ['2024-10-20', 17], ['2024-11-01', 16], ['2025-01-25', 17], ['2025-04-01', 14], ['2025-09-01', 12], ['2026-02-15', 13], ['2026-06-01', 9], ['2026-10-01', 8]]),
      { instrument: 'gad7', date: '2024-06-20', value: 14, source: 'Observation/gad7-0' },
      { instrument: 'gad7', date: '2025-04-01', value: 11, source: 'Observation/gad7-1' },
      { instrument: 'gad7', date: '2026-10-01', value: 7, source: 'Observation/gad7-2' },
    ],
    diagnoses: [mddDiagnosis, { kind: 'anxiety', code: 'F41.1', system: 'http://hl7.org/fhir/sid/icd-10-cm', display: 'Generalized anxiety disorder', onset: '2023-01-10', abatement: null, clinicalStatus: 'active', source: 'Condition/gad' }],
    episodes: [mddEpisode, { id: 'mdd-0', condition: 'mdd', start: '2021-02-01', end: '2021-12-01', current: false, basis: 'Condition abated 2021-12-01', sources: ['Condition/mdd-old'] }],
    procedures: [{ kind: 'tms', display: 'rTMS course (consultation only)', start: '2026-08-01', end: null, source: 'Procedure/tms-consult' }],
    assessments: [
      mddAssessment({
        trialIds: trials.map((t) => t.id),
        failedAdequateTrials: 2,
        failedAdequateTrialIds: [sertraline.id, venlafaxine.id],
        treatmentResistant: true,
        conclusion:
          'Meets treatment-resistant depression: 2 failed adequate trials in the current episode (sertraline 100 mg/day for 10 weeks, venlafaxine 150 mg/day for 8 weeks).',
        flags: [{ kind: 'comorbid-anxiety', text: 'comorbid anxiety disorder: Generalized anxiety disorder active since 2023-01-10', sources: ['Condition/gad'] }, { kind: 'inadequate-dose', text: 'inadequate dose: mirtazapine (15 mg/day, below 30 mg/day)', sources: mirtazapine.sources }],
        thaseRush: 2,
        thaseRushBasis: 'two failed adequate trials of different classes (SSRI, SNRI)',
        maudsley: {
          score: 7,
          band: 'moderate',
          items: [
            { item: 'duration', points: 2, basis: 'data', explanation: 'episode 29 months (13–24+ months)' },
            { item: 'severity', points: 3, basis: 'estimated', explanation: 'PHQ-9 21 taken as severe' },
            { item: 'antidepressant-failures', points: 1, basis: 'data', explanation: '2 failed trials' },
            { item: 'augmentation', points: 1, basis: 'data', explanation: 'aripiprazole augmentation' },
            { item: 'ect', points: 0, basis: 'missing', explanation: 'no ECT recorded' },
          ],
        },
        mghs: 2,
        mghsBasis: '1 point per adequate failed trial',
      }),
    ],
    used: [{ reference: 'Condition/mdd', usedFor: 'MDD episode' }],
    unused: [
      { reference: 'MedicationRequest/atorvastatin', reason: 'not a psychiatric medication: atorvastatin' },
      { reference: 'Observation/phq9-nodate', reason: 'PHQ-9 score without a date' },
    ],
  });
}

const CLASSES: [DrugClass, string[], number][] = [
  ['ssri', ['sertraline', 'fluoxetine', 'escitalopram', 'citalopram', 'paroxetine', 'fluvoxamine'], 50],
  ['snri', ['venlafaxine', 'duloxetine', 'desvenlafaxine', 'levomilnacipran'], 60],
  ['tca', ['nortriptyline', 'amitriptyline', 'clomipramine', 'imipramine'], 100],
  ['maoi', ['phenelzine', 'tranylcypromine'], 45],
  ['atypical-antidepressant', ['bupropion', 'mirtazapine', 'vortioxetine', 'trazodone'], 30],
  ['mood-stabilizer', ['lithium', 'lamotrigine'], 600],
  ['antipsychotic', ['aripiprazole', 'quetiapine', 'olanzapine', 'brexpiprazole'], 100],
];

/** 40 trials over 14 years: lanes, labels and the not-overlapping promise under load. */
export function trdMultiFailures(count = 40, years = 14): Derivation {
  const outcomes: Outcome[] = ['nonresponse', 'partial', 'intolerance', 'nonresponse', 'response', 'nonresponse', 'unknown'];
  const bases: OutcomeBasis[] = ['measured', 'inferred', 'recorded'];
  const agents = CLASSES.flatMap(([cls, names, threshold]) => names.map((n) => ({ cls, n, threshold })));
  const startDate = addDaysIso(AS_OF, -years * 365);
  const step = Math.floor((years * 365) / count);
  const trials: Trial[] = [];
  for (let i = 0; i < count; i++) {
    const agent = agents[(i * 7) % agents.length]!;
    const start = addDaysIso(startDate, i * step);
    const last = i === count - 1;
    const length = 35 + ((i * 13) % 70);
    trials.push(
      trial({
        ingredient: agent.n,
        drugClass: agent.cls,
        start,
        end: last ? null : addDaysIso(start, length),
        steps: [[agent.threshold * 0.5, 14], [i % 3 === 0 ? agent.threshold * 0.75 : i % 5 === 0 ? null : agent.threshold * 1.5, 0]],
        adequateDoseMg: agent.threshold,
        adequate: i % 3 !== 0,
        outcome: last ? 'ongoing' : outcomes[i % outcomes.length]!,
        basis: bases[i % bases.length]!,
        cpz: agent.cls === 'antipsychotic',
        episodeId: 'mdd-1',
      }),
    );
  }
  const scores: ScorePoint[] = [];
  for (let d = 0; d < years * 365; d += 45) {
    scores.push({ instrument: 'phq9', date: addDaysIso(startDate, d), value: 12 + Math.round(8 * Math.abs(Math.sin(d / 300))), source: `Observation/phq9-${d}` });
  }
  const failed = trials.filter((t) => t.adequate && t.outcome === 'nonresponse');
  return base({
    trials,
    scores,
    diagnoses: [{ ...mddDiagnosis, onset: startDate }],
    episodes: [{ ...mddEpisode, start: startDate }],
    procedures: [
      { kind: 'ect', display: 'ECT course, 12 sessions', start: addDaysIso(AS_OF, -900), end: addDaysIso(AS_OF, -870), source: 'Procedure/ect-course' },
      { kind: 'esketamine', display: 'Esketamine 56 mg session', start: addDaysIso(AS_OF, -200), end: null, source: 'Procedure/esk-1' },
      { kind: 'esketamine', display: 'Esketamine 56 mg session', start: addDaysIso(AS_OF, -196), end: null, source: 'Procedure/esk-2' },
    ],
    assessments: [
      mddAssessment({
        currentEpisode: { ...mddEpisode, start: startDate },
        trialIds: trials.map((t) => t.id),
        failedAdequateTrials: failed.length,
        failedAdequateTrialIds: failed.map((t) => t.id),
        treatmentResistant: true,
        conclusion: `Meets treatment-resistant depression: ${failed.length} failed adequate trials in the current episode.`,
        thaseRush: 4,
        thaseRushBasis: 'failed TCA and MAOI trials',
        maudsley: { score: 13, band: 'severe', items: [{ item: 'duration', points: 3, basis: 'data', explanation: '> 24 months' }] },
      }),
    ],
  });
}

export function noPsychiatricHistory(): Derivation {
  return base({
    used: [],
    unused: [
      { reference: 'MedicationRequest/atorvastatin', reason: 'not a psychiatric medication: atorvastatin' },
      { reference: 'Condition/hypertension', reason: 'not a psychiatric condition: essential hypertension' },
      { reference: 'Observation/bmi', reason: 'not a symptom score' },
    ],
    notes: ['No psychiatric history found.'],
  });
}

/** The brief's bad inputs in one record. */
export function badInput(): Derivation {
  const ongoing = trial({ ingredient: 'sertraline', start: '2026-05-01', end: null, steps: [[100, 0]], outcome: 'ongoing' });
  const dupA = trial({ ingredient: 'escitalopram', start: '2025-06-01', end: '2025-09-01', steps: [[10, 0]], adequateDoseMg: 10, sources: ['MedicationStatement/esc-a'] });
  const dupB = trial({ ingredient: 'escitalopram', start: '2025-07-01', end: '2025-10-01', steps: [[null, 0]], adequateDoseMg: 10, sources: ['MedicationRequest/esc-b'], notes: ['free-text dose "as directed" could not be read'] });
  const unknownAgent = trial({ ingredient: 'zz-unknown-capsule', drugClass: 'unknown', start: '2025-01-01', end: '2025-02-01', steps: [], adequateDoseMg: null, outcome: 'unknown', basis: 'inferred' });
  return base({
    trials: [ongoing, { ...dupB, id: 'escitalopram@2025-07-01' }, dupA, unknownAgent],
    scores: phq([['2025-05-20', 20], ['2025-08-01', 15], ['2026-04-20', 16], ['2026-09-01', 10]]),
    diagnoses: [mddDiagnosis, { ...mddDiagnosis, kind: 'substance-use', code: 'F10.20', display: 'Alcohol dependence', onset: null, source: 'Condition/aud' }],
    episodes: [mddEpisode],
    assessments: [mddAssessment({ trialIds: [ongoing.id, dupA.id], failedAdequateTrials: 1, failedAdequateTrialIds: [dupA.id], conclusion: 'Does not meet treatment-resistant depression: 1 failed adequate trial in the current episode.' })],
    unused: [
      { reference: 'Observation/phq9-nodate', reason: 'PHQ-9 score without a date' },
      { reference: 'MedicationRequest/broken-ref', reason: 'medication reference Medication/missing could not be resolved' },
    ],
  });
}

/** 30 years of records: the long-range axis, the default "last 2 years" range. */
export function thirtyYears(): Derivation {
  return trdMultiFailures(36, 30);
}

export const OCD_UNVERIFIED: Derivation = base({
  assessments: [
    {
      ...mddAssessment({}),
      condition: 'ocd',
      definition: RULE_OCD_U,
      conclusion: 'Does not meet treatment-resistant OCD: 1 failed adequate SRI trial.',
      currentEpisode: null,
    },
  ],
  diagnoses: [{ ...mddDiagnosis, kind: 'ocd', code: 'F42.2', display: 'Obsessive-compulsive disorder', source: 'Condition/ocd' }],
});

export const FIXTURES: Record<string, () => Derivation> = {
  'mdd-responder': mddResponder,
  'trd-two-failures': trdTwoFailures,
  'trd-multi-failures': () => trdMultiFailures(),
  'no-psychiatric-history': noPsychiatricHistory,
  'bad-input': badInput,
  'thirty-years': thirtyYears,
  'ocd-unverified': () => OCD_UNVERIFIED,
};
