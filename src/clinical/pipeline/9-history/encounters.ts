/**
 * Encounters: psychiatric admissions, detox stays and overdose visits, and psychiatric diagnoses given as visit
 * reasons (settled into diagnoses once every Condition has been seen). Every encounter is settled in the ledger.
 */
import type { CodeableConcept, Encounter, Resource } from 'fhir/r4';
import type { Ledger } from '../../accounting';
import { type Day, isoDate, toDay } from '../../dates';
import { classifyCondition } from '../../terminology';
import {
  CARE_EVENT_LABEL,
  isDetoxEncounterType,
  isInpatientClass,
  isPsychiatricAdmissionType,
} from '../../terminology/history-codes';
import { conceptText } from '../../terminology/systems';
import type { CareEvent, DiagnosisKind, DiagnosisSpan } from '../../types';
import { isConcept, obj } from '../1-classify/typed-fields';
import { type HistoryInputs, PSYCHIATRIC_KINDS, type VisitReason } from './history-inputs';
import { withFields } from '../../with-fields';

/** Kinds that are not psychiatric admissions when they are an inpatient stay's only reason. */
const MEDICAL_ADMISSION_KINDS: ReadonlySet<DiagnosisKind> = new Set<DiagnosisKind>(['overdose', 'dementia', 'brain-injury', 'trauma']);

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
  const reasons: Array<{ kind: DiagnosisKind; code: string; system: string; display: string }> = [];
  for (const rc of Array.isArray(e.reasonCode) ? e.reasonCode : []) {
    if (!isConcept(rc)) continue;
    const cls = read.condition(rc);
    if (cls && PSYCHIATRIC_KINDS.has(cls.kind)) reasons.push({ kind: cls.kind, code: cls.code, system: cls.system, display: cls.display });
  }
  const diagnosisRefs = [
    ...(Array.isArray(e.diagnosis) ? e.diagnosis.map((d) => d?.condition?.reference) : []),
    ...(Array.isArray(e.reasonReference) ? e.reasonReference.map((r) => r?.reference) : []),
  ].filter((r): r is string => typeof r === 'string');
  const linkedKinds: DiagnosisKind[] = [];
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
    h.visitReasons.push(withFields(r, { day: start, source: ref }));
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
  const first = new Map<DiagnosisKind, VisitReason>();
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
