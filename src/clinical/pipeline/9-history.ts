/**
 * The psychiatric picture beyond trials, as EHRs record it: diagnoses given as visit reasons, psychiatric
 * admissions, detox stays and overdose visits (Encounter); psychotherapy given (Procedure, CarePlan activities);
 * medications that treat something else (anticonvulsants and benzodiazepines for epilepsy, stimulants for ADHD,
 * cognitive enhancers, opioids); substance use gathered from all of these; and data notes a clinician can act on.
 * Pure functions over the classified record; every resource they look at is settled in the ledger.
 */
import type { CarePlan, CodeableConcept, Encounter, Resource } from 'fhir/r4';
import type { Ledger } from '../accounting';
import type { MedicationEvent } from '../events';
import { type Day, isoDate, toDay } from '../dates';
import { buildTrials } from './2-trials';
import { classifyCondition } from '../terminology';
import {
  CARE_EVENT_LABEL,
  COGNITION_LABEL,
  type CognitionInstrument,
  EPILEPSY_OR_PSYCHIATRIC,
  firstUsApproval,
  isDetoxEncounterType,
  isInpatientClass,
  isPsychiatricAdmissionType,
  isSubstanceOverdose,
  MODALITY_LABEL,
  psychotherapyModality,
} from '../terminology/history-codes';
import { REFERENCES } from '../references/registry';
import { codingsOf, conceptText } from '../terminology/systems';
import type {
  CareEvent,
  ComorbidityKey,
  ConditionKey,
  DiagnosisSpan,
  Finding,
  OtherTreatment,
  PsychotherapyCourse,
  PsychotherapyModality,
  SubstanceUseEvidence,
} from '../types';

type Kind = ConditionKey | ComorbidityKey;

/** Kinds that make a psychiatric history (the five assessed conditions and the psychiatric comorbidities). */
export const PSYCHIATRIC_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd',
  'substance-use', 'anxiety', 'adhd', 'dementia', 'overdose', 'personality-disorder', 'psychotic-features', 'catatonia',
  'suicidal-ideation', 'trauma', 'brain-injury',
]);
/** Kinds that are not psychiatric admissions when they are an inpatient stay's only reason. */
const MEDICAL_ADMISSION_KINDS: ReadonlySet<Kind> = new Set<Kind>(['overdose', 'dementia', 'brain-injury', 'trauma']);
/** Mood and anxiety disorders: with one of these an anticonvulsant or benzodiazepine may be psychiatric treatment. */
const MOOD_OR_ANXIETY: ReadonlySet<Kind> = new Set<Kind>(['mdd', 'bipolar-depression', 'schizophrenia', 'ocd', 'ptsd', 'anxiety']);

/** A psychiatric diagnosis given as a visit's reason; settled into diagnoses once every Condition has been seen. */
export interface VisitReason {
  kind: Kind;
  code: string;
  system: string;
  display: string;
  day: Day;
  source: string;
}

export interface CognitionScore {
  instrument: CognitionInstrument;
  day: Day;
  value: number | null;
  source: string;
}

/** A medication record that is not a psychiatric trial, with why. */
export interface OtherMedicationEvent {
  event: MedicationEvent;
  category: OtherTreatment['category'];
  indication: string;
}

export interface HistoryInputs {
  visitReasons: VisitReason[];
  careEvents: CareEvent[];
  psychotherapy: PsychotherapyCourse[];
  otherMedications: OtherMedicationEvent[];
  screenings: { day: Day; source: string; display: string }[];
  cognition: CognitionScore[];
}

export function emptyHistoryInputs(): HistoryInputs {
  return { visitReasons: [], careEvents: [], psychotherapy: [], otherMedications: [], screenings: [], cognition: [] };
}

// ---------------------------------------------------------------------------------------------
// Encounters
// ---------------------------------------------------------------------------------------------

const NOT_HELD = new Set(['planned', 'cancelled']);

/** What an encounter's list of types says: a detox stay, a psychiatric admission, and the words shown for it. */
export interface EncounterTypeFacts {
  detox: boolean;
  psychiatricAdmission: boolean;
  text: string;
}

export function encounterTypeFacts(types: CodeableConcept[]): EncounterTypeFacts {
  return {
    detox: isDetoxEncounterType(types),
    psychiatricAdmission: isPsychiatricAdmissionType(types),
    text: types.map((t) => conceptText(t)).filter(Boolean)[0] ?? 'Encounter',
  };
}

/**
 * How an encounter's codes are read: directly, or through the derivation's memo (an EHR export repeats the same
 * visit types and reasons on every encounter).
 */
export interface EncounterCodeReaders {
  condition: (code: CodeableConcept | undefined) => ReturnType<typeof classifyCondition>;
  types: (types: CodeableConcept[]) => EncounterTypeFacts;
}

const DIRECT_READERS: EncounterCodeReaders = { condition: classifyCondition, types: encounterTypeFacts };

export function classifyEncounter(
  ledger: Ledger,
  ref: string,
  e: Encounter,
  asOf: Day,
  resolve: (reference: string) => Resource | undefined,
  h: HistoryInputs,
  read: EncounterCodeReaders = DIRECT_READERS,
): void {
  const status = typeof e.status === 'string' ? e.status : null;
  if (status !== null && NOT_HELD.has(status)) {
    ledger.unused(ref, `encounter ${status}, not held`);
    return;
  }
  const period = obj(e.period);
  const start = toDay(period?.start);
  if (start === null) {
    ledger.unused(ref, 'encounter without a date');
    return;
  }
  if (start > asOf) {
    ledger.unused(ref, `encounter in the future (${isoDate(start)})`);
    return;
  }
  const end = toDay(period?.end);
  const types = (Array.isArray(e.type) ? e.type : []).filter(isConcept);
  const reasons: Array<{ kind: Kind; code: string; system: string; display: string }> = [];
  for (const rc of Array.isArray(e.reasonCode) ? e.reasonCode : []) {
    if (!isConcept(rc)) continue;
    const cls = read.condition(rc);
    if (cls && PSYCHIATRIC_KINDS.has(cls.kind)) reasons.push({ kind: cls.kind, code: cls.code, system: cls.system, display: cls.display });
  }
  const diagnosisRefs = [
    ...(Array.isArray(e.diagnosis) ? e.diagnosis.map((d) => d?.condition?.reference) : []),
    ...(Array.isArray(e.reasonReference) ? e.reasonReference.map((r) => r?.reference) : []),
  ].filter((r): r is string => typeof r === 'string');
  const linkedKinds: Kind[] = [];
  for (const r of diagnosisRefs) {
    const c = resolve(r);
    if (c?.resourceType !== 'Condition') continue;
    const code = (c as unknown as { code?: unknown }).code;
    const cls = read.condition(isConcept(code) ? code : undefined);
    if (cls && PSYCHIATRIC_KINDS.has(cls.kind)) linkedKinds.push(cls.kind);
  }
  const klass = typeof e.class?.code === 'string' ? e.class.code : null;
  const typeFacts = read.types(types);
  const typeText = typeFacts.text;
  const uses: string[] = [];
  const kinds = [...reasons.map((r) => r.kind), ...linkedKinds];
  const event = (kind: CareEvent['kind'], display: string) => {
    h.careEvents.push({ kind, start: isoDate(start), end: end !== null && end >= start ? isoDate(Math.min(end, asOf)) : null, display, source: ref });
    uses.push(CARE_EVENT_LABEL[kind]);
  };
  if (typeFacts.detox) event('detox', typeText);
  else if (typeFacts.psychiatricAdmission || (isInpatientClass(klass) && kinds.some((k) => !MEDICAL_ADMISSION_KINDS.has(k))))
    event('psychiatric-admission', `${typeText}${reasons[0] ? ` for ${reasons[0].display}` : ''}`);
  if (kinds.includes('overdose')) event('overdose-visit', `${typeText} for ${reasons.find((r) => r.kind === 'overdose')?.display ?? 'overdose'}`);
  for (const r of reasons) {
    if (r.kind === 'overdose') continue;
    h.visitReasons.push({ ...r, day: start, source: ref });
    uses.push(`visit for ${r.display}`);
  }
  if (uses.length === 0 && linkedKinds.length > 0) uses.push('visit for a psychiatric diagnosis');
  if (uses.length > 0) ledger.use(ref, [...new Set(uses)].join('; '));
  else ledger.unused(ref, 'encounter without a psychiatric reason, admission or detox');
}

/**
 * Diagnoses known only from visit reasons become one span per kind, from the first such visit, without an end; a
 * kind that a Condition already records only gains the visits as evidence. Overdoses are events of their own.
 */
export function settleVisitReasons(h: HistoryInputs, diagnoses: DiagnosisSpan[]): void {
  const fromConditions = new Set(diagnoses.map((d) => d.kind));
  const first = new Map<Kind, VisitReason>();
  for (const v of h.visitReasons) {
    if (fromConditions.has(v.kind)) continue;
    const seen = first.get(v.kind);
    if (!seen || v.day < seen.day) first.set(v.kind, v);
  }
  for (const v of first.values()) {
    diagnoses.push({
      kind: v.kind,
      code: v.code,
      system: v.system,
      display: `${v.display} (reason of visits from ${isoDate(v.day)}; no Condition recorded)`,
      onset: isoDate(v.day),
      abatement: null,
      clinicalStatus: null,
      source: v.source,
    });
  }
  // Every overdose visit is an overdose of its own (a Condition records another one, not the same).
  const overdoseDays = diagnoses.filter((d) => d.kind === 'overdose').map((d) => toDay(d.onset)).filter((d): d is Day => d !== null);
  for (const e of h.careEvents) {
    if (e.kind !== 'overdose-visit') continue;
    // The visit at which an overdose Condition was recorded is that overdose, not another one.
    const day = toDay(e.start)!;
    if (overdoseDays.some((d) => Math.abs(d - day) <= 1)) continue;
    overdoseDays.push(day);
    diagnoses.push({ kind: 'overdose', code: '55680006', system: 'http://snomed.info/sct', display: e.display, onset: e.start, abatement: e.start, clinicalStatus: 'resolved', source: e.source });
  }
}

// ---------------------------------------------------------------------------------------------
// Psychotherapy: CarePlan activities and Procedures
// ---------------------------------------------------------------------------------------------

const GIVEN_ACTIVITY = new Set(['completed', 'in-progress', 'on-hold', 'stopped']);

export function classifyCarePlan(ledger: Ledger, ref: string, plan: CarePlan, asOf: Day, lastDay: Day, h: HistoryInputs): void {
  const status = typeof plan.status === 'string' ? plan.status : null;
  if (status === 'draft' || status === 'revoked') {
    ledger.unused(ref, status === 'draft' ? 'draft care plan (not carried out)' : 'care plan revoked');
    return;
  }
  const period = obj(plan.period);
  const start = toDay(period?.start) ?? toDay(plan.created);
  const end = toDay(period?.end);
  const given: string[] = [];
  for (const a of Array.isArray(plan.activity) ? plan.activity : []) {
    const detail = obj(a?.detail) as { code?: CodeableConcept; status?: unknown; scheduledPeriod?: unknown } | undefined;
    const code = isConcept(detail?.code) ? detail.code : undefined;
    const modality = psychotherapyModality(code);
    if (!modality) continue;
    const activityStatus = typeof detail?.status === 'string' ? detail.status : null;
    if (activityStatus !== null && !GIVEN_ACTIVITY.has(activityStatus)) continue;
    const scheduled = obj(detail?.scheduledPeriod);
    const from = toDay(scheduled?.start) ?? start;
    if (from === null || from > asOf) continue;
    const to = toDay(scheduled?.end) ?? end;
    const finished = activityStatus === 'completed' || activityStatus === 'stopped' || status === 'completed';
    h.psychotherapy.push({
      modality,
      display: conceptText(code) || MODALITY_LABEL[modality],
      start: isoDate(from),
      end: to !== null ? isoDate(Math.min(Math.max(to, from), lastDay)) : finished || lastDay < asOf ? isoDate(lastDay) : null,
      status: finished ? 'completed' : 'in-progress',
      sessions: null,
      sources: [ref],
    });
    given.push(conceptText(code) || MODALITY_LABEL[modality]);
  }
  if (given.length > 0) ledger.use(ref, `psychotherapy: ${[...new Set(given)].join(', ')}`);
  else ledger.unused(ref, `care plan without psychotherapy${categoryText(plan) ? ` (${categoryText(plan)})` : ''}`);
}

/**
 * Psychotherapy from Procedure: a dated session, or a course when the Procedure has a period (its sessions counted
 * only when its text says so, "20 sessions"). Sessions no more than 90 days apart are merged into courses later.
 */
export function psychotherapyFromProcedure(code: CodeableConcept | undefined, start: Day, end: Day | null, ref: string, h: HistoryInputs): void {
  const modality = psychotherapyModality(code) ?? 'other';
  const display = conceptText(code) || MODALITY_LABEL[modality];
  const course = end !== null && end > start;
  const stated = /\b(\d{1,3})\s+sessions\b/i.exec(display);
  h.psychotherapy.push({
    modality,
    display,
    start: isoDate(start),
    end: isoDate(end ?? start),
    status: course ? 'completed' : 'session',
    sessions: course ? (stated ? Number(stated[1]) : null) : 1,
    sources: [ref],
  });
}

const SESSION_GAP_DAYS = 90;

/** Sessions of one modality close together form one course; care-plan courses stay as they are. */
export function mergePsychotherapy(courses: PsychotherapyCourse[]): PsychotherapyCourse[] {
  const sorted = [...courses].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: PsychotherapyCourse[] = [];
  const open = new Map<PsychotherapyModality, PsychotherapyCourse>();
  for (const c of sorted) {
    if (c.status !== 'session') {
      out.push(c);
      continue;
    }
    const run = open.get(c.modality);
    if (run && (toDay(c.start) ?? 0) - (toDay(run.end) ?? 0) <= SESSION_GAP_DAYS) {
      run.end = c.end;
      run.status = 'completed';
      run.sessions = (run.sessions ?? 0) + (c.sessions ?? 1);
      run.sources.push(...c.sources);
      if (!run.display.includes('sessions')) run.display = `${MODALITY_LABEL[c.modality]} sessions`;
      continue;
    }
    const copy = { ...c, sources: [...c.sources] };
    open.set(c.modality, copy);
    out.push(copy);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Medications that are not psychiatric trials
// ---------------------------------------------------------------------------------------------

/**
 * Anticonvulsants and benzodiazepines: the order's own reason decides; without one, epilepsy without a mood or
 * anxiety disorder makes them treatment of the epilepsy. Moves those events from the trials to other treatments.
 */
export function separateByIndication(c: { diagnoses: DiagnosisSpan[]; events: MedicationEvent[] }, h: HistoryInputs, reasonKinds: Map<string, Kind[]>): void {
  const kinds = new Set(c.diagnoses.map((d) => d.kind));
  for (const v of h.visitReasons) kinds.add(v.kind);
  const hasEpilepsy = kinds.has('epilepsy');
  const moodOrAnxiety = [...kinds].some((k) => MOOD_OR_ANXIETY.has(k));
  const kept: MedicationEvent[] = [];
  for (const e of c.events) {
    const group = EPILEPSY_OR_PSYCHIATRIC[e.ingredient];
    const reasons = reasonKinds.get(e.reference) ?? [];
    let indication: string | null = null;
    if (group && reasons.includes('epilepsy') && !reasons.some((k) => MOOD_OR_ANXIETY.has(k))) indication = 'ordered for epilepsy';
    else if (group && reasons.length === 0 && hasEpilepsy && !moodOrAnxiety) indication = 'for epilepsy: no mood or anxiety disorder is recorded';
    if (indication) h.otherMedications.push({ event: e, category: 'epilepsy', indication: `${group} ${indication}` });
    else kept.push(e);
  }
  c.events = kept;
}

/** Other treatments as courses (records of one agent less than 30 days apart merged), each settled in the ledger. */
export function otherTreatments(h: HistoryInputs, ledger: Ledger): OtherTreatment[] {
  const byCategory = new Map<string, OtherMedicationEvent[]>();
  for (const o of h.otherMedications) {
    const key = `${o.category}\u0001${o.indication}`;
    const list = byCategory.get(key);
    if (list) list.push(o);
    else byCategory.set(key, [o]);
  }
  const out: OtherTreatment[] = [];
  for (const list of byCategory.values()) {
    const { category, indication } = list[0]!;
    for (const course of buildTrials(list.map((o) => o.event))) {
      const sources: string[] = [];
      for (const e of course.events) {
        sources.push(e.reference);
        ledger.use(e.reference, `other treatment: ${course.ingredient} (${indication}; not a psychiatric trial)`);
        if (e.medicationSource) {
          ledger.use(e.medicationSource, `medication of other treatment ${course.ingredient}`);
          sources.push(e.medicationSource);
        }
      }
      out.push({ ingredient: course.ingredient, indication, category, start: isoDate(course.start), end: course.ongoing ? null : isoDate(course.end), sources });
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Substance use
// ---------------------------------------------------------------------------------------------

const SUBSTANCE_WORDS: Array<[RegExp, string]> = [
  [/opioid|opiate|heroin|narcotic|oxycodone|hydrocodone|fentanyl|morphine|\bF11/i, 'opioid'],
  [/alcohol|\bF10/i, 'alcohol'],
  [/cannabis|marijuana|\bF12/i, 'cannabis'],
  [/cocaine|amphetamine|stimulant|methamphetamine|\bF1[45]/i, 'stimulant'],
  [/sedative|hypnotic|benzodiazepine|\bF13/i, 'sedative'],
  [/tobacco|nicotine|smok/i, 'tobacco'],
];
const TOBACCO_CODES = new Set(['449868002', '77176002', '65568007', '56294008']);

function substancesIn(text: string): string[] {
  return SUBSTANCE_WORDS.filter(([re]) => re.test(text)).map(([, s]) => s);
}

/**
 * What the record shows of substance use: coded substance use disorders (active or past), overdoses of drugs of
 * abuse, detox stays, opioid orders alongside any of these, and tobacco. Null when none exists. `shownByEvents` gathers
 * the evidence other than a coded disorder, with dates, for where no active disorder is coded.
 */
export function substanceUseOf(
  diagnoses: DiagnosisSpan[],
  careEvents: CareEvent[],
  others: OtherTreatment[],
  tobacco: DiagnosisSpan[],
): SubstanceUseEvidence | null {
  const findings: Finding[] = [];
  const substances = new Set<string>();
  const sud = diagnoses.filter((d) => d.kind === 'substance-use');
  // A poisoning coded as by a named medicine (an antidepressant, say) is self-harm, shown as an overdose, not substance use.
  const overdoses = diagnoses.filter((d) => d.kind === 'overdose' && isSubstanceOverdose(d));
  const detox = careEvents.filter((e) => e.kind === 'detox');
  for (const d of sud) {
    const s = substancesIn(`${d.display} ${d.code}`);
    for (const x of s.length ? s : ['unspecified']) substances.add(x);
    findings.push({ text: `${d.display} since ${d.onset ?? 'an unknown date'}${d.abatement ? `, until ${d.abatement}` : ''}`, sources: [d.source] });
  }
  if (overdoses.length > 0)
    findings.push({ text: `${overdoses.length} overdose${overdoses.length > 1 ? 's' : ''} (${overdoses.map((o) => o.onset ?? 'date unknown').join(', ')})`, sources: overdoses.map((o) => o.source) });
  if (detox.length > 0)
    findings.push({ text: `${detox.length} detox stay${detox.length > 1 ? 's' : ''} (${detox.map((d) => d.start).join(', ')})`, sources: detox.map((d) => d.source) });
  for (const t of tobacco) {
    substances.add('tobacco');
    findings.push({ text: `${t.display} since ${t.onset ?? 'an unknown date'}`, sources: [t.source] });
  }
  const otherEvidence = sud.length > 0 || overdoses.length > 0 || detox.length > 0;
  if (!otherEvidence && tobacco.length === 0) return null;
  const opioids = others.filter((o) => o.category === 'opioid');
  const activeOpioidOrders: string[] = [];
  let opioidText: Finding | null = null;
  if (otherEvidence && opioids.length > 0) {
    substances.add('opioid');
    const active = opioids.filter((o) => o.end === null);
    for (const o of active) activeOpioidOrders.push(...o.sources);
    const agents = [...new Set(opioids.map((o) => o.ingredient))].join(', ');
    opioidText = { text: `${agents} ordered ${opioids[0]!.start} to ${opioids.at(-1)!.end ?? 'now'}`, sources: opioids.flatMap((o) => o.sources) };
    findings.push({
      text: `${opioids.length} opioid course${opioids.length > 1 ? 's' : ''} ordered (${agents}, ${opioids[0]!.start} to ${opioids.at(-1)!.end ?? 'now'})${active.length ? `; ${active.length} still active` : ''}`,
      sources: opioidText.sources,
    });
  }
  if ((overdoses.length > 0 || detox.length > 0) && substances.size === 0) substances.add('unspecified');
  const probableOpioidUseDisorder = sud.some((d) => substancesIn(`${d.display} ${d.code}`).includes('opioid')) || (opioids.length > 0 && (overdoses.length > 0 || detox.length > 0));
  return { substances: [...substances], findings, probableOpioidUseDisorder, activeOpioidOrders, shownByEvents: eventsFinding(detox, overdoses, opioidText) };
}

/** "detox stays 2011-05-31, 2019-12-22; overdose 2018-04-28 (Drug overdose); hydrocodone ordered 2015-07-03 to now" */
function eventsFinding(detox: CareEvent[], overdoses: DiagnosisSpan[], opioids: Finding | null): Finding | null {
  if (detox.length === 0 && overdoses.length === 0) return null;
  const parts: string[] = [];
  if (detox.length) parts.push(`detox stay${detox.length > 1 ? 's' : ''} ${detox.map((d) => d.start).join(', ')}`);
  if (overdoses.length)
    parts.push(`overdose${overdoses.length > 1 ? 's' : ''} ${overdoses.map((o) => `${o.onset ?? 'date unknown'} (${o.display.replace(/ \(reason of visits.*\)$/, '')})`).join(', ')}`);
  if (opioids) parts.push(opioids.text);
  return {
    text: parts.join('; '),
    sources: [...new Set([...detox.map((d) => d.source), ...overdoses.map((o) => o.source), ...(opioids?.sources ?? [])])],
  };
}

export function isTobaccoUse(d: { code: string; display: string }): boolean {
  return TOBACCO_CODES.has(d.code) || /smokes tobacco|tobacco (use|user|smoker)|current smoker|nicotine dependence/i.test(d.display);
}

// ---------------------------------------------------------------------------------------------
// Data notes
// ---------------------------------------------------------------------------------------------

export function dataNotesOf(args: {
  h: HistoryInputs;
  events: MedicationEvent[];
  others: OtherTreatment[];
  scoreDays: Day[];
  birthDay: Day | null;
  dated: Array<{ day: Day; source: string; what: string }>;
}): Finding[] {
  const notes: Finding[] = [];
  // Screening without a recorded score: a score within a day of the screening counts as its result.
  const scored = new Set(args.scoreDays);
  const unscored = args.h.screenings.filter((s) => !scored.has(s.day) && !scored.has(s.day - 1) && !scored.has(s.day + 1));
  if (unscored.length > 0) {
    const days = unscored.map((s) => isoDate(s.day));
    notes.push({
      text: `${unscored.length} depression or mental-health screening${unscored.length > 1 ? 's' : ''} (${summariseDays(days)}) without a recorded score: whether a screen was positive is not in the record.`,
      sources: unscored.map((s) => s.source),
    });
  }
  // Cognition scores read as such.
  for (const instrument of ['mmse', 'moca'] as const) {
    const list = args.h.cognition.filter((c) => c.instrument === instrument).sort((a, b) => a.day - b.day);
    if (list.length === 0) continue;
    const values = list.map((c) => `${c.value ?? '?'} (${isoDate(c.day)})`);
    const shown = values.length > 4 ? [values[0], '…', values[values.length - 1]] : values;
    notes.push({
      text: `${COGNITION_LABEL[instrument]} ${shown.join(' → ')}: cognitive scores (0-30, lower is worse), not a symptom scale; not used for treatment outcomes.`,
      sources: list.map((c) => c.source),
    });
  }
  // Dates before birth.
  if (args.birthDay !== null) {
    const before = args.dated.filter((d) => d.day < args.birthDay!);
    if (before.length > 0)
      notes.push({
        text: `${before.length} record${before.length > 1 ? 's' : ''} dated before the patient's birth (${isoDate(args.birthDay)}): ${before.slice(0, 3).map((d) => `${d.what} ${isoDate(d.day)}`).join(', ')}${before.length > 3 ? ', …' : ''}: a data error.`,
        sources: before.map((d) => d.source),
      });
  }
  // Medication dates before the drug's first US approval.
  const early = new Map<string, { first: Day; sources: string[] }>();
  for (const e of args.events) {
    const row = firstUsApproval(e.ingredient);
    if (!row || new Date(isoDate(e.start)).getUTCFullYear() >= row.year) continue;
    const seen = early.get(e.ingredient);
    if (seen) {
      seen.first = Math.min(seen.first, e.start);
      seen.sources.push(e.reference);
    } else early.set(e.ingredient, { first: e.start, sources: [e.reference] });
  }
  for (const [ingredient, { first, sources }] of early) {
    const row = firstUsApproval(ingredient)!;
    const where = row.references.length ? row.references.map((id) => REFERENCES[id].short).join('; ') : 'year not checked in a label';
    notes.push({
      text: `${ingredient} recorded from ${isoDate(first)}, before its first US approval (${row.year}; ${where}${row.verification === 'U' ? ', unverified' : ''}): most likely a data error; check the date.`,
      sources,
    });
  }
  // Open orders with nothing since for years (the trial notes say it per record; here once per agent).
  for (const e of args.events) {
    const stale = e.notes.find((n) => n.includes('nothing has renewed, dispensed or restated'));
    if (stale && !notes.some((n) => n.sources.includes(e.reference))) notes.push({ text: stale, sources: [e.reference] });
  }
  return notes;
}

function summariseDays(days: string[]): string {
  const sorted = [...days].sort();
  if (sorted.length <= 3) return sorted.join(', ');
  return `${sorted[0]} to ${sorted[sorted.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------

function obj(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function isConcept(x: unknown): x is CodeableConcept {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function categoryText(plan: CarePlan): string {
  const c = Array.isArray(plan.category) ? plan.category.find(isConcept) : undefined;
  return c ? conceptText(c) || codingsOf(c)[0]?.code || '' : '';
}
