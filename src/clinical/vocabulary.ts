/**
 * The words for the engine's codes, one table each, used alike by the engine's sentences, the write-back and the
 * views, so a condition, an outcome, a scale or a trial reads the same on the page, in the note and in the chart.
 * Words only: no clinical judgement here.
 */
import { BASELINE_DAYS_AFTER, BASELINE_DAYS_BEFORE, DEFAULT_SUPPLY_DAYS } from './engine-rules';
import { LOCAL_WORKING_RULE } from './references/registry';
import { ingredientByName } from './terminology/ingredients';
import { SCALE_TABLE } from './terminology/scales';
import { schizophreniaSubtypeOf } from './terminology/schizophrenia-subtypes';
import { saidOfStopEvent, shortOfStopEvent } from './terminology/stop-reasons';
import type {
  Assessment,
  ComorbidityKey,
  ConditionKey,
  DiagnosisKind,
  DiagnosisSpan,
  DrugClass,
  Episode,
  FlagKind,
  Instrument,
  MaudsleyItem,
  Outcome,
  OutcomeBasis,
  PoisoningIntent,
  ProcedureKind,
  PsychotherapyCourse,
  ResistanceStatus,
  StopReasonKind,
  Trial,
  TrialRole,
  UnconfirmedTrial,
  Verification,
  SafetyKind,
} from './types';

/** A condition in a sentence ("no posttraumatic stress disorder is recorded"); DSM-5 spelling. */
export const CONDITION_NAME: Record<ConditionKey, string> = {
  mdd: 'major depressive disorder',
  'bipolar-depression': 'bipolar depression',
  schizophrenia: 'schizophrenia',
  ocd: 'obsessive-compulsive disorder',
  ptsd: 'posttraumatic stress disorder',
};

/** Whether a diagnosis kind is one of the five assessed conditions (those with a condition name above). */
export function isConditionKey(kind: string): kind is ConditionKey {
  return Object.hasOwn(CONDITION_NAME, kind);
}

/** A condition as a heading or label ("Posttraumatic stress disorder"). */
export const CONDITION_LABEL: Record<ConditionKey, string> = {
  mdd: capitalise(CONDITION_NAME.mdd),
  'bipolar-depression': capitalise(CONDITION_NAME['bipolar-depression']),
  schizophrenia: capitalise(CONDITION_NAME.schizophrenia),
  ocd: capitalise(CONDITION_NAME.ocd),
  ptsd: capitalise(CONDITION_NAME.ptsd),
};

/** The short form clinicians write ("MDD", "PTSD"). */
export const CONDITION_SHORT: Record<ConditionKey, string> = {
  mdd: 'MDD',
  'bipolar-depression': 'bipolar depression',
  schizophrenia: 'schizophrenia',
  ocd: 'OCD',
  ptsd: 'PTSD',
};

/**
 * An overdose whose code carries no intent (SNOMED CT 55680006 "Drug overdose", an emergency visit for it, text
 * without an intent word): the record does not say whether it was intentional, so neither does the app.
 */
const OVERDOSE_INTENT_NOT_RECORDED = 'Overdose (intent not recorded)';

/** A comorbidity or other diagnosis kind as a label ("Epilepsy / seizures"); the five assessed conditions are above. */
const COMORBIDITY_LABEL: Record<ComorbidityKey, string> = {
  'substance-use': 'Substance use',
  'psychosocial-stressor': 'Psychosocial stressor',
  trauma: 'Trauma',
  'personality-disorder': 'Personality disorder',
  anxiety: 'Anxiety disorder',
  epilepsy: 'Epilepsy / seizures',
  pregnancy: 'Pregnancy',
  'psychotic-features': 'Psychotic features',
  catatonia: 'Catatonia',
  'suicidal-ideation': 'Suicidal ideation',
  'suicide-attempt': 'Suicide attempt',
  'self-harm': 'Self-harm',
  overdose: OVERDOSE_INTENT_NOT_RECORDED,
  postpartum: 'Postpartum',
  breastfeeding: 'Breastfeeding',
  'intracerebral-haemorrhage': 'Intracerebral haemorrhage',
  'aneurysm-or-avm': 'Aneurysm or AVM',
  'raised-intracranial-pressure': 'Raised intracranial pressure',
  'recent-myocardial-infarction': 'Recent myocardial infarction',
  'recent-stroke': 'Recent stroke',
  hypertension: 'Hypertension',
  'head-implant': 'Implant in or near the head',
  'cardiac-device': 'Cardiac pacemaker, defibrillator or lead',
  vagotomy: 'Vagotomy',
  adhd: 'ADHD',
  dementia: 'Dementia',
  'brain-injury': 'Brain injury',
  other: 'Other',
};

/** Any diagnosis kind as a label: an assessed condition's label, else the comorbidity's. */
function diagnosisKindLabel(kind: DiagnosisKind): string {
  return (CONDITION_LABEL as Record<string, string>)[kind] ?? COMORBIDITY_LABEL[kind as ComorbidityKey] ?? kind;
}

/**
 * An overdose by what its code says of the intent (ICD-10-CM T36-T50, sixth character; ICD-10 X60-X69, Y10-Y19; text
 * naming it); "intent not recorded" for a code that does not say (SNOMED CT 55680006, text without an intent word).
 */
const OVERDOSE_LABEL: Record<PoisoningIntent, string> = {
  'intentional-self-harm': 'Intentional self-harm: overdose',
  undetermined: 'Overdose of undetermined intent',
  accidental: 'Overdose, accidental',
  assault: 'Poisoning by another person (assault)',
};

/** A diagnosis as a label: its kind's label, with an overdose's intent when its code states it. */
export function diagnosisLabel(d: Pick<DiagnosisSpan, 'kind' | 'intent'>): string {
  return d.kind === 'overdose' && d.intent ? OVERDOSE_LABEL[d.intent] : diagnosisKindLabel(d.kind);
}

/**
 * A recorded diagnosis by its own name, as the chart gives it ("Generalized anxiety disorder", "Cannabis dependence,
 * uncomplicated"), not the class the rules file it under ("Anxiety disorder", "Substance use"); the label above
 * when the record names it by its code alone.
 */
export function recordedDiagnosisName(d: Pick<DiagnosisSpan, 'kind' | 'intent' | 'display' | 'code'>): string {
  // A poisoning code's name puts the intent last ("Poisoning by … reuptake inhibitors, intentional self-harm, initial
  // encounter"), where a label cut to its room loses it: the intent it states leads instead.
  if (d.kind === 'overdose' && d.intent) return diagnosisLabel(d);
  const shown = d.display.trim();
  return shown !== '' && shown !== d.code ? shown : diagnosisLabel(d);
}

/** The safety item's heading for overdoses: the intent their codes state, "intent not recorded" where none does. */
export function overdoseHeading(found: ReadonlyArray<Pick<DiagnosisSpan, 'intent'>>): string {
  const intents = [...new Set(found.map((d) => d.intent))];
  if (intents.length === 1 && intents[0]) return OVERDOSE_LABEL[intents[0]];
  if (intents.length === 1) return OVERDOSE_INTENT_NOT_RECORDED;
  return `Overdoses (${intents.map((i) => (i ? OVERDOSE_LABEL[i].toLowerCase() : 'intent not recorded')).join('; ')})`;
}

/** An episode's name: "Current episode", "Episode until death on 2026-10-26" (nothing of a dead patient is current), "Episode". */
export function episodeWords(e: Pick<Episode, 'current' | 'endedAtDeath' | 'end'>): string {
  if (e.current) return 'Current episode';
  return e.endedAtDeath ? `Episode until death on ${e.end}` : 'Episode';
}

/** Where an episode ends, for a "to" column: the date, "death on <date>", or "ongoing". */
export function episodeEndWords(e: Pick<Episode, 'endedAtDeath' | 'end'>): string {
  if (e.end === null) return 'ongoing';
  return e.endedAtDeath ? `death on ${e.end}` : e.end;
}

/**
 * A diagnosis's clinical status as recorded; for a patient who has died, an active status is the record's at death
 * ("active in the record at death on 2026-10-26"), never a current one.
 */
export function clinicalStatusWords(status: string, deathDate: string | null | undefined): string {
  return deathDate && ['active', 'recurrence', 'relapse'].includes(status) ? `${status} in the record at death on ${deathDate}` : status;
}

/** Any diagnosis kind in a sentence ("no current substance use is recorded"); an acronym keeps its capitals (ADHD). */
export function diagnosisKindName(kind: DiagnosisKind): string {
  if (isConditionKey(kind)) return CONDITION_NAME[kind];
  const label = diagnosisKindLabel(kind);
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A diagnosis as the rules file it, with the further kinds its code states ("Schizophrenia, with psychotic features",
 * "Schizophrenia, with psychotic features and catatonia"), so one row of the chart says all it is counted as.
 */
function diagnosisLabelStating(d: Pick<DiagnosisSpan, 'kind' | 'intent'>, alsoStated: readonly DiagnosisKind[]): string {
  if (alsoStated.length === 0) return diagnosisLabel(d);
  return `${diagnosisLabel(d)}, with ${andList(alsoStated.map(diagnosisKindName))}`;
}

/**
 * A diagnosis's label with its code (`codeWords`: "F33.3", or "ICD-10-CM F33.3" where the system is named): "Major
 * depressive disorder, with psychotic features (F33.3)". A schizophrenia-spectrum code adds its subtype instead of what
 * it implies ("Schizophrenia (F20.0, paranoid)"): schizophrenia is psychotic by definition, so "with psychotic
 * features", a qualifier of mood disorders, is never said of it.
 */
export function diagnosisLabelWithCode(d: Pick<DiagnosisSpan, 'kind' | 'intent' | 'code' | 'system'>, alsoStated: readonly DiagnosisKind[], codeWords: string): string {
  if (d.kind !== 'schizophrenia') return `${diagnosisLabelStating(d, alsoStated)} (${codeWords})`;
  const subtype = schizophreniaSubtypeOf(d.code, d.system);
  const further = alsoStated.filter((k) => k !== 'psychotic-features' && !subtype?.says?.includes(k));
  return `${diagnosisLabelStating(d, further)} (${codeWords}${subtype ? `, ${subtype.words}` : ''})`;
}

/**
 * The note of a prescription whose end is dated from its supply and repeats ("end date from the supply prescribed:
 * 90 days × 4 fills on …"): the figures after the colon, so a list of such notes can give each drug its own.
 */
export const SUPPLY_DATED_END = 'end date from the supply prescribed';

/** The supply taken for an order or dispense that states none, and why that length: a usual dispensing period. */
export const ASSUMED_SUPPLY_WORDS = `assumed to cover ${DEFAULT_SUPPLY_DAYS} days, a usual dispensing period`;

/**
 * How much of a trial of orders only its orders' supplies cover, with the gaps they leave and whether the supplies were
 * stated: "orders cover about 47% of days (refill gaps 36-45 days; no supply stated, each assumed 30 days)".
 */
export function orderCoverageWords(c: { pdc: number; gapMin: number; gapMax: number; orders: number; assumedSupplies: number }): string {
  const gaps = c.gapMin === c.gapMax ? `refill gaps of ${c.gapMax} days` : `refill gaps ${c.gapMin}-${c.gapMax} days`;
  const supplies =
    c.assumedSupplies === 0
      ? ''
      : c.assumedSupplies === c.orders
        ? `; no supply stated, each assumed ${DEFAULT_SUPPLY_DAYS} days`
        : `; ${c.assumedSupplies} of ${c.orders} orders state no supply, each assumed ${DEFAULT_SUPPLY_DAYS} days`;
  return `orders cover about ${Math.round(c.pdc * 100)}% of days (${gaps}${supplies})`;
}

/** What low coverage by orders means for a trial, said after the coverage. */
export const ADHERENCE_UNCERTAIN = 'adherence uncertain';

/** A drug class as a label ("Tricyclic"). */
export const DRUG_CLASS_LABEL: Record<DrugClass, string> = {
  ssri: 'SSRI',
  snri: 'SNRI',
  tca: 'Tricyclic',
  maoi: 'MAOI',
  'atypical-antidepressant': 'Other antidepressant',
  antipsychotic: 'Antipsychotic',
  'mood-stabilizer': 'Mood stabiliser',
  'augmentation-agent': 'Augmentation agent',
  'nmda-antagonist': 'NMDA antagonist',
  'other-psychotropic': 'Other psychotropic',
  unknown: 'Unrecognised class',
};

/** A trial's role in a sentence ("augmentation"); a hypnotic dose and an adjunct are said not to count. */
export const ROLE_LABEL: Record<TrialRole, string> = {
  monotherapy: 'monotherapy',
  augmentation: 'augmentation',
  combination: 'combination',
  hypnotic: 'hypnotic dose, not counted toward treatment resistance',
  adjunct: 'adjunct, not counted toward treatment resistance',
  concurrent: 'with another psychiatric medication alongside',
};

/**
 * What a trial is, in the words a psychiatrist uses of it: the class and role of a trial ("SSRI, monotherapy",
 * "SNRI, alongside prazosin", "Antipsychotic, augmentation to duloxetine"); an agent that is not a trial of a core
 * treatment by what it ran beside, without the class it is filed under ("adjunct beside venlafaxine; not counted
 * toward treatment resistance"), and a hypnotic dose as such ("hypnotic dose; not counted toward treatment resistance").
 */
export function trialKindWords(t: Pick<Trial, 'class' | 'role' | 'addedTo' | 'alongside'>): string {
  const beside = t.alongside?.length ? andList([...new Set(t.alongside.map(ingredientOfTrialId))]) : null;
  if (t.role === 'hypnotic') return 'hypnotic dose; not counted toward treatment resistance';
  if (t.role === 'adjunct') return `adjunct${beside ? ` beside ${beside}` : ''}; not counted toward treatment resistance`;
  if (t.role === 'concurrent' && beside) return `${DRUG_CLASS_LABEL[t.class]}, alongside ${beside}`;
  return `${DRUG_CLASS_LABEL[t.class]}, ${ROLE_LABEL[t.role]}${t.addedTo ? ` to ${ingredientOfTrialId(t.addedTo)}` : ''}`;
}

/** A trial's ingredient from its id ("venlafaxine@2026-10-18"). */
export function ingredientOfTrialId(id: string): string {
  return id.split('@')[0]!;
}

/** Items in a sentence: "A", "A and B", "A, B and C". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** Alternatives in a sentence: "A", "A or B", "A, B or C". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

/** A past interventional procedure as a label ("ECT"). */
export const PROCEDURE_LABEL: Record<ProcedureKind, string> = {
  ect: 'ECT',
  tms: 'TMS',
  esketamine: 'Esketamine',
  ketamine: 'Ketamine',
  vns: 'VNS',
  dbs: 'DBS',
  psychotherapy: 'Psychotherapy',
  other: 'Other procedure',
};

/** A pseudo-resistance or complexity flag in words: the start of the flag's own text ("trial too short: ..."). */
export const FLAG_WORDS: Record<FlagKind, string> = {
  'inadequate-dose': 'inadequate dose',
  'response-below-adequate-dose': 'response below an adequate dose, room to optimise',
  'breakthrough-on-maintenance': 'breakthrough episode on maintenance treatment',
  'too-short': 'trial too short',
  'poor-adherence': 'poor adherence',
  'adherence-uncertain': ADHERENCE_UNCERTAIN,
  'substance-use': 'co-occurring substance use',
  'trauma-or-stressors': 'trauma or psychosocial stressors',
  'personality-disorder': 'personality disorder',
  'comorbid-anxiety': 'comorbid anxiety disorder',
};

/**
 * What a flag is about: pseudo-resistance (failed trials short of adequacy), a response below an adequate dose (room
 * to optimise), a breakthrough on maintenance, or what complicates treatment.
 */
export type FlagGroup = 'pseudo-resistance' | 'optimisation' | 'breakthrough' | 'complexity';

/** Each flag kind's group: the views draw flags under their group's heading, never under another group's name. */
export const FLAG_GROUP: Record<FlagKind, FlagGroup> = {
  'inadequate-dose': 'pseudo-resistance',
  'too-short': 'pseudo-resistance',
  'poor-adherence': 'pseudo-resistance',
  'adherence-uncertain': 'pseudo-resistance',
  'response-below-adequate-dose': 'optimisation',
  'breakthrough-on-maintenance': 'breakthrough',
  'substance-use': 'complexity',
  'trauma-or-stressors': 'complexity',
  'personality-disorder': 'complexity',
  'comorbid-anxiety': 'complexity',
};

/** The headings of the flag groups, in the order they are shown. */
export const FLAG_GROUP_HEADING: Record<FlagGroup, string> = {
  'pseudo-resistance': 'Possible pseudo-resistance: dose, duration, adherence',
  optimisation: 'Response below an adequate dose: room to optimise',
  breakthrough: 'Breakthrough on maintenance treatment',
  complexity: 'Complicating factors',
};

/** A trial's outcome in a sentence; capitalised as a label. */
/**
 * The resistance verdict's words: what the badge says is whether the treatment-resistance criteria of a definition are
 * met, never the diagnosis itself (the condition is named beside it).
 */
export const RESISTANCE_VERDICT_WORDS: Record<ResistanceStatus, string> = {
  meets: 'Treatment-resistance criteria met',
  'possibly-meets': 'Treatment-resistance criteria possibly met',
  'does-not-meet': 'Treatment-resistance criteria not met',
};

/**
 * The staging figures in one short line for the first screen ("Thase-Rush stage 2 · Maudsley 6, mild · MGH-S 3"), so
 * the stage is read beside the verdict without opening the details; null when the condition is not staged.
 */
export function stagingFiguresWords(a: Pick<Assessment, 'thaseRush' | 'maudsley' | 'mghs'>, untilDeath = false): string | null {
  const figures = [
    a.thaseRush !== undefined ? `Thase-Rush stage ${a.thaseRush}` : null,
    a.maudsley ? maudsleyWords(a.maudsley) : null,
    a.mghs !== undefined ? `MGH-S ${a.mghs}` : null,
  ].filter((f): f is string => f !== null);
  return figures.length ? `${untilDeath ? `staging ${AT_DEATH}: ` : ''}${figures.join(' · ')}` : null;
}

/**
 * The Maudsley Staging Method's total-score bands (3-6, 7-10, 11-15; Fekadu 2009): levels of treatment resistance,
 * never the severity of the depression, which is one of its items.
 */
const MAUDSLEY_BAND_WORDS: Record<NonNullable<Assessment['maudsley']>['band'], string> = {
  mild: 'mild resistance',
  moderate: 'moderate resistance',
  severe: 'severe resistance',
};

/** A Maudsley item by name, as said when it was scored without data. */
const MAUDSLEY_ITEM_WORDS: Record<MaudsleyItem['item'], string> = {
  duration: 'episode duration',
  severity: 'severity',
  'antidepressant-failures': 'failed antidepressant trials',
  augmentation: 'augmentation',
  ect: 'ECT',
};

/**
 * The Maudsley score after its figure, wherever it is shown: "(total-score band: mild resistance)", and in the same
 * line the items scored without data: "; severity not recorded (scored at its minimum)".
 */
export function maudsleyBandWords(m: NonNullable<Assessment['maudsley']>): string {
  const assumed = m.items
    .filter((i) => i.basis !== 'data')
    .map((i) => `${MAUDSLEY_ITEM_WORDS[i.item]} ${i.basis === 'missing' ? 'not recorded (scored at its minimum)' : 'estimated'}`);
  return `(total-score band: ${MAUDSLEY_BAND_WORDS[m.band]})${assumed.length ? `; ${assumed.join(', ')}` : ''}`;
}

/** "Maudsley Staging Method 6 (total-score band: mild resistance)"; `when` follows the figure (" at death"). */
export function maudsleyWords(m: NonNullable<Assessment['maudsley']>, when = ''): string {
  return `Maudsley Staging Method ${m.score}${when} ${maudsleyBandWords(m)}`;
}

/** What a staging of the episode that ended at death is said to be (nothing of a dead patient is current). */
export const AT_DEATH = 'at death';

/**
 * Adequate trials whose outcome is not established, counted on a condition line: "2 to confirm", or, where nothing
 * can be recorded any more (the episode ended at death), "1 not established before death".
 */
export function unconfirmedCountWords(n: number, canBeRecorded: boolean): string {
  return canBeRecorded ? `${n} to confirm` : `${n} not established before death`;
}

/**
 * How many of the failed trials a verdict counts rest on a non-response inferred from a switch (lower confidence):
 * "1 of them inferred from a switch, lower confidence", with the agents where `agents` is given.
 */
export function inferredFailuresWords(inferred: number, failed: number, agents?: readonly string[]): string {
  const which = inferred === failed ? (failed === 1 ? 'inferred' : failed === 2 ? 'both inferred' : `all ${failed} of them inferred`) : `${inferred} of them inferred`;
  return `${which} from a switch${agents?.length ? ` (${agents.join(', ')})` : ''}, lower confidence`;
}

/**
 * The same, as a sentence an option resting on those failures carries: "1 of the 2 failed trials behind this
 * (sertraline) is a non-response inferred from a switch, not measured: lower confidence."
 */
export function inferredBasisText(inferred: number, failed: number, agents: readonly string[]): string {
  const one = inferred === 1;
  const which = inferred < failed ? `${inferred} of the ${failed} failed trials` : one ? 'The failed trial' : failed === 2 ? 'Both failed trials' : `All ${failed} failed trials`;
  return `${which} behind this (${agents.join(', ')}) ${one ? 'is a non-response' : 'are non-responses'} inferred from a switch, not measured: lower confidence.`;
}

/**
 * A trial's adequacy verdict: adequate, not adequate, unconfirmed (its deciding level was never recorded), or not
 * judged (no adequacy rule covers its agent: neither adequate nor inadequate).
 */
export type AdequacyVerdict = 'adequate' | 'not-adequate' | 'unconfirmed' | 'not-judged';

export function adequacyVerdictOf(trial: Pick<Trial, 'adequate' | 'adequacyUnconfirmed' | 'adequacyNotJudged'>): AdequacyVerdict {
  if (trial.adequate) return 'adequate';
  if (trial.adequacyNotJudged) return 'not-judged';
  return trial.adequacyUnconfirmed ? 'unconfirmed' : 'not-adequate';
}

/** The verdict as a heading ("Adequate", "Adequacy unconfirmed") and as a trial's words in a sentence. */
export const ADEQUACY_VERDICT_LABEL: Record<AdequacyVerdict, string> = {
  adequate: 'Adequate',
  'not-adequate': 'Not adequate',
  unconfirmed: 'Adequacy unconfirmed',
  'not-judged': 'Adequacy not judged',
};
export const ADEQUACY_VERDICT_TRIAL_WORDS: Record<AdequacyVerdict, string> = {
  adequate: 'adequate trial',
  'not-adequate': 'not an adequate trial',
  unconfirmed: 'adequacy unconfirmed',
  'not-judged': 'adequacy not judged',
};
/** The words beside a trial's outcome on the timeline when it was not adequate ("not an adequate trial"); none when it was. */
export const ADEQUACY_VERDICT_SHORT: Record<AdequacyVerdict, string> = {
  adequate: '',
  'not-adequate': ADEQUACY_VERDICT_TRIAL_WORDS['not-adequate'],
  unconfirmed: ADEQUACY_VERDICT_TRIAL_WORDS.unconfirmed,
  'not-judged': ADEQUACY_VERDICT_TRIAL_WORDS['not-judged'],
};

/** A trial that ended before its minimum duration: its lack of response is not an outcome. */
const TOO_SHORT_TO_JUDGE = 'too short to judge';

/** Why a trial is too short to judge, after those words: "3 weeks of the 6 needed". */
export function tooShortToJudgeWords(duration: string, weeksNeeded: number): string {
  return `${duration} of the ${weeksNeeded} needed`;
}

/** How a psychotherapy course stands, as a summary lists it. */
const PSYCHOTHERAPY_STATUS_WORDS: Record<PsychotherapyCourse['status'], string> = {
  completed: 'completed',
  'in-progress': 'in progress',
  session: 'one session',
};

/**
 * A psychotherapy course in one line: "Cognitive processing therapy (trauma-focused), 12 sessions, 2025-01-05 to
 * 2025-04-05, completed"; the number of sessions is added when the record counts them and its name does not say it.
 */
export function psychotherapyCourseWords(c: PsychotherapyCourse): string {
  const sessions = c.sessions !== null && c.status !== 'session' && !/\bsessions?\b/i.test(c.display) ? `, ${c.sessions} session${c.sessions === 1 ? '' : 's'}` : '';
  const when = c.status === 'session' ? c.start : `${c.start} to ${c.end ?? 'now'}`;
  return `${c.display}${sessions}, ${when}, ${PSYCHOTHERAPY_STATUS_WORDS[c.status]}`;
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  remission: 'remission',
  response: 'response',
  // A partial response is not enough: for treatment resistance it is a failed trial, as a non-response is.
  partial: 'partial response (insufficient)',
  nonresponse: 'non-response',
  'too-short': TOO_SHORT_TO_JUDGE,
  intolerance: 'not tolerated',
  ongoing: 'ongoing',
  unknown: 'outcome unknown',
};

/** A trial's outcome as a label ("Partial response"). */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  remission: capitalise(OUTCOME_WORDS.remission),
  response: capitalise(OUTCOME_WORDS.response),
  partial: capitalise(OUTCOME_WORDS.partial),
  nonresponse: capitalise(OUTCOME_WORDS.nonresponse),
  'too-short': capitalise(OUTCOME_WORDS['too-short']),
  intolerance: capitalise(OUTCOME_WORDS.intolerance),
  ongoing: capitalise(OUTCOME_WORDS.ongoing),
  unknown: capitalise(OUTCOME_WORDS.unknown),
};

/** The few letters printed beside a trial's outcome mark on the timeline, where room is short. */
export const OUTCOME_SHORT: Record<Outcome, string> = {
  remission: 'remission',
  response: 'response',
  partial: 'partial (insufficient)',
  nonresponse: 'non-response',
  'too-short': 'too short to judge',
  intolerance: 'intolerance',
  ongoing: 'ongoing',
  unknown: 'unknown',
};

/**
 * A non-response read from a switch to the next agent, with why it is of lower confidence as the record stands
 * (`lowerConfidenceBecause`: what the record lacks or holds that could not judge the trial).
 */
export function switchInferenceWords(nextAgent: string, switchDate: string, lowerConfidenceBecause: string): string {
  return `switched to ${nextAgent} on ${switchDate}; non-response inferred from the switch (lower confidence: ${lowerConfidenceBecause})`;
}

/** Why a switch is read without scores: said only of a trial with no score of its condition's scales around it. */
export const NO_SCORES_OR_STATED_REASON = 'no scores or stated reason';

/**
 * The outcome of a trial that ran until death with no score of its condition's scales: unknown, and nothing can be
 * recorded now.
 */
export const NO_SCORE_BEFORE_DEATH = 'no score before death';

/** A baseline score with no later one: "no score during the trial, only the baseline PHQ-9 21 on 2024-12-30". */
export function baselineOnlyWords(scale: string, value: number, date: string): string {
  return `no score during the trial, only the baseline ${scale} ${value} on ${date}`;
}

/** Scores of a scale the engine has no response threshold for: "PCL-5 62 → 58 (−6%, ...) during the trial, but PCL-5 has no response threshold". */
export function scoresWithoutThresholdWords(scale: string, from: { value: number; date: string }, to: { value: number; date: string }, change: string): string {
  return `${scale} ${from.value} → ${to.value} (${change}, ${from.date} → ${to.date}) during the trial, but ${scale} has no response threshold`;
}

/** How an outcome is known. */
export const OUTCOME_BASIS_LABEL: Record<OutcomeBasis, string> = {
  measured: 'measured by symptom scores',
  recorded: 'recorded in the chart',
  inferred: 'inferred from a switch or stop',
};

/** How an outcome is known, as a trial named in a reason says it ("non-response, measured"); a recorded outcome needs no word. */
const OUTCOME_BASIS_SHORT: Record<OutcomeBasis, string> = {
  measured: 'measured',
  recorded: '',
  inferred: 'inferred',
};

/**
 * How the outcome of a trial is known, where that is worth saying beside it; null where the outcome's own words say
 * it: an unknown outcome's detail says why it is unknown (no switch or stop was read as a result), and an ongoing trial
 * without scores has no evidence to name. Marks, labels and sentences all read the basis through this.
 */
export function shownOutcomeBasis(trial: Pick<Trial, 'outcome' | 'outcomeBasis'>): OutcomeBasis | null {
  // Unknown and too short to judge say their own grounds: no scores read, or the trial's length.
  if (trial.outcome === 'unknown' || trial.outcome === 'too-short') return null;
  if (trial.outcome === 'ongoing' && trial.outcomeBasis !== 'measured') return null;
  return trial.outcomeBasis;
}

/** A trial's outcome as a label with how it is known: "Non-response (measured by symptom scores)", "Outcome unknown". */
export function outcomeLabelWithBasis(trial: Pick<Trial, 'outcome' | 'outcomeBasis'>): string {
  const basis = shownOutcomeBasis(trial);
  return basis === null ? OUTCOME_LABEL[trial.outcome] : `${OUTCOME_LABEL[trial.outcome]} (${OUTCOME_BASIS_LABEL[basis]})`;
}

/** What a recorded stop reason says, beside the reason as written. */
const STOP_REASON_KIND_WORDS: Record<StopReasonKind, string> = {
  adverse: 'stopped for an adverse effect',
  ineffective: 'stopped for lack of effect',
  mixed: 'stopped for lack of effect and an adverse effect',
  // Not read as tolerated: the reason is shown for the clinician to judge.
  unclassified: 'reason not classified: tolerability unknown',
};

/**
 * What one stop reason says: a safety event it names first ("stopped after an intentional overdose, and for lack of
 * effect"; "stopped because of pregnancy"), then its kind with the adverse effects it names.
 */
function stopReasonWords(r: Pick<NonNullable<Trial['stopReasons']>[number], 'kind' | 'effects' | 'safetyEvents'>): string {
  const kindWords = `${STOP_REASON_KIND_WORDS[r.kind]}${r.effects.length && r.kind !== 'unclassified' ? `: ${r.effects.join(', ')}` : ''}`;
  if (!r.safetyEvents?.length) return kindWords;
  const after = `stopped ${r.safetyEvents.map(saidOfStopEvent).join(' and ')}`;
  return r.kind === 'unclassified' ? after : `${after}, and ${kindWords.replace(/^stopped /, '')}`;
}

/**
 * A record's own words quoted in a sentence: in double quotes, with its own double quotes (straight or curly) made
 * single, so a quote within the quote reads ‘not working’, never as nested double quotes. Every writer quotes a
 * record's text with it.
 */
export function quotedRecordText(text: string): string {
  const inner = text.replace(/"([^"]*)"/g, '‘$1’').replace(/“([^”]*)”/g, '‘$1’').replace(/["“”]/g, '’');
  return `"${inner}"`;
}

/**
 * A trial's recorded stop reasons as written, each with what it says ('Stop reason: "Hyperprolactinaemia" (stopped for
 * an adverse effect: hyperprolactinaemia)'), leaving out one its outcome already quotes; null when none is left to say.
 */
export function stopReasonsLine(trial: Pick<Trial, 'stopReasons' | 'outcomeDetail'>): string | null {
  const left = (trial.stopReasons ?? []).filter((r) => !trial.outcomeDetail.includes(quotedRecordText(r.text)));
  if (!left.length) return null;
  const reasons = left.map((r) => `${quotedRecordText(r.text)} (${stopReasonWords(r)})`);
  return `${left.length === 1 ? 'Stop reason' : 'Stop reasons'}: ${reasons.join('; ')}`;
}

/**
 * The safety events a trial's stop reasons name, as a stop: "stopped because of pregnancy", "stopped after an
 * intentional overdose"; `short` where room is short: "stopped: pregnancy". Null when no stop reason names one.
 */
export function stopSafetyEventWords(trial: Pick<Trial, 'stopReasons'>, form: 'full' | 'short' = 'full'): string | null {
  const events = [...new Set((trial.stopReasons ?? []).flatMap((r) => r.safetyEvents ?? []))];
  if (!events.length) return null;
  return form === 'full' ? `stopped ${events.map(saidOfStopEvent).join(' and ')}` : `stopped: ${events.map(shortOfStopEvent).join(', ')}`;
}

/** A rule's verification tag as a citation prints it: "[verified]". */
export const VERIFICATION_WORDS: Record<Verification, string> = {
  V: 'verified',
  S: 'secondary source',
  U: 'UNVERIFIED',
  derived: 'derived',
};

/**
 * A definition's source as a note or a reason cites it: "Gaynes 2020: …" for a verified one (no marker), a secondary
 * or unverified one marked in words once; a source that names its local working rule already says it is unverified.
 */
export function definitionSourceWords(source: string, verification: Verification): string {
  if (verification === 'S') return `${source}; secondary source`;
  if (verification === 'U' && !source.includes(LOCAL_WORKING_RULE)) return `${source}; unverified`;
  return source;
}

/** What each verification tag means, where the tags are explained (rules panel, legend). */
export const VERIFICATION_LABEL: Record<Verification, string> = {
  V: 'verified (primary source)',
  S: 'secondary source',
  U: 'UNVERIFIED',
  derived: 'derived from verified numbers',
};

/** How clinicians write each instrument's name: the name in its scale's row (terminology/scales.ts). */
export const INSTRUMENT_LABEL = Object.fromEntries(SCALE_TABLE.map((s) => [s.instrument, s.name])) as Record<Instrument, string>;

export function instrumentLabel(i: Instrument): string {
  return INSTRUMENT_LABEL[i] ?? i;
}

/** Which score is a trial's baseline, in words (the engine's window, engine-rules.ts). */
export const BASELINE_WORDS = `the last score in the ${BASELINE_DAYS_BEFORE} days before the trial started, or else the first in its first ${BASELINE_DAYS_AFTER} days`;

const DAYS_PER_YEAR = 365.25;

/**
 * A duration in the one rounding used everywhere: whole weeks completed from two weeks on ("9 weeks" for 69 days,
 * as adequacy counts weeks: 41 days are not 6 weeks), days below that ("10 days"); from two years on the whole years
 * completed follow the weeks ("214 weeks (4 years)"), which are hard to read at that length.
 */
/**
 * The durations a rule set asks of an adequate trial, as reasons say them: OCD's two ("6 weeks at dose and 12 in all
 * needed"), or the weeks at dose alone.
 */
export function weeksNeededWords(weeksAtDose: number, weeksInAll: number | null, atDoseWords: string): string {
  return weeksInAll !== null && weeksInAll > weeksAtDose ? `${weeksAtDose} weeks at dose and ${weeksInAll} in all needed` : `${weeksAtDose} weeks${atDoseWords} needed`;
}

/** The headline when no option is more than "consider". */
export const NO_OPTION_INDICATED = 'No interventional option is indicated now';

/** The headline that puts a running trial first: "Complete the current trial: vortioxetine 10 mg/day, 2 more weeks at an adequate dose". */
export function completeTrialWords(trial: string): string {
  return `Complete the current trial: ${trial}`;
}

/** The agent an augmentation adds to, named with its trial: "SRI to augment: clomipramine 50–150 mg/day since 2026-10-03, taken now (…)". */
export function agentToAugmentWords(agent: string, trials: readonly string[]): string {
  return `${agent} to augment: ${trials.join('; ')}`;
}

/** A running trial named as taken now, with where its adequacy stands. */
export function takenNowWords(trial: DescribedTrial & Pick<Trial, 'adequate' | 'adequacyPending'>): string {
  const standing = trial.adequate ? 'an adequate trial' : trial.adequacyPending ? 'not yet an adequate trial' : 'not an adequate trial';
  return `${trial.ingredient} ${trial.maxDailyDoseMg === null ? '(dose unknown)' : describeTrialDoses(trial)} since ${trial.start}, taken now (ongoing; ${standing})`;
}

/** No agent to augment is taken now. */
export function noAgentToAugmentWords(agent: string): string {
  return `No ${agent} is taken now: augmentation adds to ${/^[AEFHILMNORSX]/.test(agent) ? 'an' : 'a'} ${agent} taken at an adequate dose; start or choose the ${agent} to augment first`;
}

/** An augmentation that waits for the running trial of the agent it adds to (the weeks it needs are said beside the status). */
export function augmentationWaitsWords(ingredient: string): string {
  return `Not before the ${ingredient} trial is judged, unless ${ingredient} is not continued`;
}

/** What an option waits on, said beside its status: "after the clomipramine trial (5 more weeks)". */
export function afterTrialWords(ingredient: string, weeksToJudge: number): string {
  return weeksToJudge > 0 ? `after the ${ingredient} trial (${weeksToJudge} more week${weeksToJudge === 1 ? '' : 's'})` : `after the ${ingredient} trial is judged`;
}

/**
 * What an option held on trials not yet judged waits on: "only if fluoxetine is judged a failure"; with several, how
 * many must fail when that is known ("only if fluoxetine or sertraline is judged a failure", "... are judged failures").
 */
export function onlyIfJudgedFailedWords(ingredients: readonly string[], needed?: number): string {
  if (ingredients.length === 1) return `only if ${ingredients[0]} is judged a failure`;
  if (needed === 1) return `only if ${orList(ingredients)} is judged a failure`;
  if (needed !== undefined && needed >= ingredients.length) return `only if ${andList(ingredients)} are judged failures`;
  return `only if enough of ${andList(ingredients)} are judged failures`;
}

/**
 * Words said inside brackets ("Deep TMS for OCD (H7 coil) (after the clomipramine trial, 5 more weeks)", "did not help
 * (Y-BOCS 25 → 26, +4%, …)"): their own closing bracketed part becomes a clause, so no bracket opens inside another.
 */
export function bracketsAsClause(text: string): string {
  return text.replace(/ \(([^()]*)\)$/, ', $1');
}

/** How long after a day an event fell, in whole days, weeks or months: "5 days", "6 weeks", "7 months". */
export function timeAfterWords(days: number): string {
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (days < 14) return unit(days, 'day');
  if (days < 91) return unit(Math.round(days / 7), 'week');
  return unit(Math.round(days / 30.44), 'month');
}

/** Suicidal behaviour named mid-sentence: "overdose 2018-12-27 during pregnancy", "overdose 2020-08-12, 6 weeks after a pregnancy ended". */
export const SUICIDAL_BEHAVIOUR_WORD: Partial<Record<SafetyKind, string>> = { overdose: 'overdose', 'suicide-attempt': 'suicide attempt', 'self-harm': 'self-harm' };

/** What a trial in progress still needs: "2 more weeks at an adequate dose", "1 more week at dose and 5 more in all". */
export function trialToCompleteWords(moreWeeksAtDose: number, moreWeeksInAll: number): string {
  const weeks = (n: number) => `${n} more week${n === 1 ? '' : 's'}`;
  if (moreWeeksInAll > moreWeeksAtDose) return `${weeks(moreWeeksAtDose)} at an adequate dose and ${moreWeeksInAll} more in all`;
  return `${weeks(moreWeeksAtDose)} at an adequate dose`;
}

/**
 * Time elapsed since a record, in months once it passes two: "4 weeks", "20 months", "2 years", "3 years 4 months".
 * A year is never said for 20 months.
 */
export function describeElapsed(days: number): string {
  if (days < 61) return describeDuration(days);
  const months = Math.round(days / (DAYS_PER_YEAR / 12));
  if (months < 24) return `${months} months`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} years${rest ? ` ${rest} month${rest === 1 ? '' : 's'}` : ''}`;
}

/** A running trial kept up only by an open order nothing has renewed, dispensed or restated for long. */
export function unconfirmedOpenOrderWords(since: string, days: number): string {
  return `unconfirmed: no renewal or dispense since ${since} (${describeElapsed(days)}); confirm with the patient`;
}

/** A trial's length when no usable start is recorded (its first record predates the drug's approval). */
export const DURATION_UNKNOWN = 'duration unknown';

export function describeDuration(days: number): string {
  if (days >= DAYS_PER_YEAR * 2) return `${Math.floor(days / 7)} weeks (${Math.floor(days / DAYS_PER_YEAR)} years)`;
  if (days >= 14) return `${Math.floor(days / 7)} weeks`;
  return `${days} day${days === 1 ? '' : 's'}`;
}

/**
 * A trial's period with its length, in the one wording the timeline, its details and the note use: "2025-05-04 to
 * 2025-08-09, 14 weeks", "2026-06-07 to now (ongoing), 26 weeks". Dates as the caller displays them.
 */
export function describePeriod(start: string, end: string | null, durationText: string): string {
  return `${start} to ${end ?? 'now (ongoing)'}, ${durationText}`;
}

/** What `describeTrial` reads of a trial (the engine describes trials before they are final). */
export type DescribedTrial = Pick<Trial, 'ingredient' | 'maxDailyDoseMg' | 'durationDays' | 'start' | 'end'> &
  Partial<Pick<Trial, 'doseRange' | 'daysAtMaxDailyDose'>>;

/**
 * A trial's doses in words: "150 mg/day", "100–150 mg/day" when it was titrated, "dose unknown". The highest figure
 * is the highest dose of any stretch, so a range never hides a brief higher dose.
 */
/** A rule's words said of an episode that ended at death: "in the current episode" reads "in the episode until death". */
export function saidOfEpisodeUntilDeath(text: string): string {
  return text.replace(/\bthe current episode\b/g, 'the episode until death');
}

/** The dose a running trial is taken at now (its last dose with a known amount), as the regimen line names it: "clomipramine 150 mg/day". */
export function describeCurrentDose(segments: readonly { doseMg: number | null }[], ingredient: string): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const mg = segments[i]!.doseMg;
    if (mg !== null) return `${formatDose(mg, ingredient)}/day`;
  }
  return 'dose unknown';
}

export function describeTrialDoses(trial: DescribedTrial): string {
  if (trial.maxDailyDoseMg === null) return 'dose unknown';
  const lowest = Math.min(trial.doseRange?.lowestMg ?? trial.maxDailyDoseMg, trial.maxDailyDoseMg);
  const highest = Math.max(trial.doseRange?.highestMg ?? trial.maxDailyDoseMg, trial.maxDailyDoseMg);
  if (lowest === highest) return `${formatDose(highest, trial.ingredient)}/day`;
  const unit = doseUnitOf(trial.ingredient);
  return `${formatMg(inUnit(lowest, unit))}–${formatMg(inUnit(highest, unit))} ${unit}/day`;
}

/**
 * How long of the trial was at its highest sustained dose, when that is not the whole trial in the one rounding:
 * "8 weeks at 150 mg/day" ("at or above" when a higher dose was taken briefly); null when the whole trial was.
 */
function describeTimeAtMaxDose(trial: DescribedTrial): string | null {
  if (trial.maxDailyDoseMg === null || trial.daysAtMaxDailyDose === undefined) return null;
  const atMax = describeDuration(trial.daysAtMaxDailyDose);
  if (atMax === describeDuration(trial.durationDays)) return null;
  const higher = (trial.doseRange?.highestMg ?? trial.maxDailyDoseMg) > trial.maxDailyDoseMg;
  return `${atMax} at ${higher ? 'or above ' : ''}${formatDose(trial.maxDailyDoseMg, trial.ingredient)}/day`;
}

/** A trial's doses with the time at its highest dose where that was not the whole trial: "100–150 mg/day, 8 weeks at 150 mg/day". */
export function describeTrialDosesAndTime(trial: DescribedTrial): string {
  const atMax = describeTimeAtMaxDose(trial);
  return `${describeTrialDoses(trial)}${atMax ? `, ${atMax}` : ''}`;
}

/**
 * One trial in a sentence: "sertraline 100 mg/day for 9 weeks", "sertraline 100–150 mg/day for 12 weeks, 8 weeks at
 * 150 mg/day", "bupropion (dose unknown) since 2025-02-01". The dose beside the length never claims more time at the
 * highest dose than the record shows. Lists of trials are separated by semicolons, as this holds a comma.
 */
export function describeTrial(trial: DescribedTrial): string {
  const dose = trial.maxDailyDoseMg === null ? ' (dose unknown)' : ` ${describeTrialDoses(trial)}`;
  const span = trial.end === null ? `since ${trial.start}` : `for ${describeDuration(trial.durationDays)}`;
  const atMax = describeTimeAtMaxDose(trial);
  return `${trial.ingredient}${dose} ${span}${atMax ? `, ${atMax}` : ''}`;
}

/** A trial with its outcome, as a reason names it: "sertraline 100 mg/day for 9 weeks (non-response, measured)". */
export function describeTrialWithOutcome(trial: DescribedTrial & Pick<Trial, 'outcome' | 'outcomeBasis'>): string {
  const basis = shownOutcomeBasis(trial);
  const basisWords = basis === null ? '' : OUTCOME_BASIS_SHORT[basis];
  return `${describeTrial(trial)} (${OUTCOME_WORDS[trial.outcome]}${basisWords ? `, ${basisWords}` : ''})`;
}

/** A dose without a float's noise: 37.5 stays, 33.333333 reads 33.33. */
export function formatMg(mg: number): string {
  return String(Math.round(mg * 100) / 100);
}

/**
 * A dose (held in mg) in the unit its drug is prescribed in: "100 mg", and "12.5 mcg" for a drug dosed in micrograms
 * (liothyronine). "mcg", not "µg", which is misread as "mg" (ISMP list of error-prone abbreviations).
 */
export function formatDose(mg: number, ingredient: string): string {
  const unit = doseUnitOf(ingredient);
  return `${formatMg(inUnit(mg, unit))} ${unit}`;
}

function doseUnitOf(ingredient: string): 'mg' | 'mcg' {
  return ingredientByName(ingredient)?.doseUnit === 'mcg' ? 'mcg' : 'mg';
}

function inUnit(mg: number, unit: 'mg' | 'mcg'): number {
  return unit === 'mcg' ? mg * 1000 : mg;
}

/**
 * Why an option starts at routine priority although the record shows acute suicide risk: urgency belongs to the options
 * whose rule names it (URGENCY_SIGNAL_RULES); an option the record rules out, or one that does not answer the acute
 * risk, is referred routinely unless the clinician chooses otherwise.
 */
export const ROUTINE_WHEN_RULED_OUT =
  'Routine until the clinician chooses: the record rules this option out, so the suicidality signal does not make its referral urgent';

/** The same for an offered option that does not answer the acute risk, naming the offered ones that do. */
export function routineNotAcuteWords(answering: readonly string[]): string {
  return `Routine until the clinician chooses: the suicidality signal makes urgent only the options that answer acute risk${answering.length ? ` (${answering.join(', ')})` : ''}, and this one does not`;
}

/** What an offered option that does not answer acute suicide risk says beside it, naming the offered options that do. */
export function notForAcuteRiskWords(answering: readonly string[]): string {
  const which = answering.length === 0 ? '' : `, and ${answering.join(' and ')} ${answering.length === 1 ? 'is the option' : 'are the options'} here that answer${answering.length === 1 ? 's' : ''} it`;
  return `it does not answer acute suicide risk; the same-day safety assessment and plan come first${which}`;
}

/** An option's criterion (the rule of the catalog it fits), with its citation, as the card and the chart say it. */
export function criterionWords(rule: string, citation: string): string {
  return `Criterion: ${rule} (${citation})`;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * "−32%", "+6%", "unchanged": a score's change as a share, where `reductionPct` is the rounded reduction (positive =
 * fewer symptoms). Equal scores read "unchanged"; a change that rounds to zero reads "<1%" with its direction, so a
 * signed zero is never written.
 */
export function scoreChangeText(from: number, to: number, reductionPct: number): string {
  if (from === to) return 'unchanged';
  if (reductionPct === 0) return `${to < from ? '−' : '+'}<1%`;
  return `${reductionPct > 0 ? '−' : '+'}${Math.abs(reductionPct)}%`;
}

/**
 * A trial's measured change from its baseline to the score it is judged by, as the outcome measured it (the reduction
 * above the scale's floor): "PANSS 98 → 84, −21%"; null without both scores.
 */
export function measuredChangeWords(trial: Pick<Trial, 'baselineScore' | 'followUpScore'>): string | null {
  const b = trial.baselineScore;
  const f = trial.followUpScore;
  if (!b || !f) return null;
  const floor = SCALE_TABLE.find((s) => s.instrument === b.instrument)?.min ?? 0;
  const above = b.value - floor;
  const change = above > 0 ? scoreChangeText(b.value, f.value, Math.round(((b.value - f.value) / above) * 100)) : f.value === b.value ? 'unchanged' : null;
  return `${instrumentLabel(b.instrument)} ${b.value} → ${f.value}${change ? `, ${change}` : ''}`;
}

/**
 * An antipsychotic trial's plasma levels in words, each with its value, unit and date ("olanzapine plasma level
 * 35 ng/mL on 2025-12-02"), or that none was recorded; null when the trial carries no plasma levels (other drugs).
 */
export function plasmaLevelsText(trial: Pick<Trial, 'ingredient' | 'plasmaLevels'>): string | null {
  const levels = trial.plasmaLevels;
  if (levels === null) return null;
  if (levels.length === 0) return `no ${trial.ingredient} plasma level recorded during the trial`;
  const one = (l: (typeof levels)[number]) =>
    l.undetectable || l.value === null ? `undetectable on ${l.date}` : `${formatLevelValue(l.value)}${l.unit ? ` ${l.unit}` : ''} on ${l.date}`;
  return `${trial.ingredient} plasma level${levels.length === 1 ? '' : 's'} ${levels.map(one).join(', ')}`;
}

/**
 * An antipsychotic trial's latest plasma level, short, for the timeline bar ("level 32 ng/mL on 2025-12-07"); null when
 * the trial carries no plasma level (other drugs, or none recorded). The engine lists the levels by date.
 */
export function latestPlasmaLevelWords(trial: Pick<Trial, 'plasmaLevels'>): string | null {
  const l = trial.plasmaLevels?.at(-1);
  if (!l) return null;
  return l.undetectable || l.value === null ? `level undetectable on ${l.date}` : `level ${formatLevelValue(l.value)}${l.unit ? ` ${l.unit}` : ''} on ${l.date}`;
}

/**
 * The latest drug level a trial carries, in words: an antipsychotic's plasma levels, else the level its adequacy was
 * judged by (a lithium serum level); null when it carries none.
 */
export function latestLevelWords(trial: Pick<Trial, 'plasmaLevels' | 'adequateLevel'>): string | null {
  const plasma = latestPlasmaLevelWords(trial);
  if (plasma) return plasma;
  const l = trial.adequateLevel;
  return l ? `level ${formatLevelValue(l.value)} ${l.unit} on ${l.date}` : null;
}

function formatLevelValue(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * Trials that failed on the scale and wait only on adequacy evidence (a plasma level, say), as failed trials:
 * "1 more failed trial in the current episode, adequacy possibly met (no plasma level)". `afterFailed` when the
 * sentence already counted failed adequate trials; `where` placed after the count when given.
 */
export function failedPendingAdequacyWords(pending: readonly UnconfirmedTrial[], afterFailed: boolean, where = ''): string {
  const p = pending.length;
  const why = [...new Set(pending.map((u) => u.failedPendingAdequacy))].join(', ');
  return `${p}${afterFailed ? ' more' : ''} failed trial${p === 1 ? '' : 's'}${where ? ` ${where}` : ''}, adequacy possibly met (${why})`;
}

/** The heading of an option's baseline checks (the engine's `beforeStarting` cautions), on the card and in every written text. */
export const BEFORE_STARTING = 'Before starting';
