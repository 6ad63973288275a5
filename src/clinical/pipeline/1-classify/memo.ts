/** The memo of one derivation (Memo), the keys it files answers under, and the code readings it keeps. */
import type { CodeableConcept, Resource } from 'fhir/r4';
import { DoseMemo } from '../../dose/dose-memo';
import { medicationOf } from '../../medication';
import { encounterTypeFacts, type EncounterCodeReaders, type EncounterTypeFacts } from '../9-history';
import { cognitionInstrument, isMentalHealthScreening, psychotherapyModality } from '../../terminology/history-codes';
import { classifyCondition, classifyProcedure, observationCodeFacts, type ObservationCodeFacts } from '../../terminology';
import { unknownCodeReason } from '../../terminology/systems';
import type { ProcedureMark } from '../../types';
import type { MedicationRecord } from './classified';
import { isConcept } from './typed-fields';

/**
 * Memos of one derivation. Records repeat the same product and the same dosage lines thousands of times (30 years
 * of refills), and identifying a medication or reading a dose is pure, so each distinct concept is identified once
 * and each distinct set of dosage lines read once per record. Nothing outlives the derivation.
 */
export class Memo {
  private readonly medicationConcepts = new ConceptMemo<ReturnType<typeof medicationOf>>();
  private readonly medicationReferences = new Map<string, ReturnType<typeof medicationOf>>();
  private readonly observationCodes = new ConceptMemo<ObservationCodeReading>();
  private readonly procedureCodes = new ConceptMemo<ProcedureCodeReading>();
  readonly doses = new DoseMemo();
  readonly encounterReaders: EncounterCodeReaders = new EncounterCodeMemo();
  constructor(private readonly resolve: (ref: string) => Resource | undefined) {}

  /** What a Procedure's code says (its kind, a screening, why it is not used), read once per distinct code. */
  procedureCode(code: CodeableConcept | undefined): ProcedureCodeReading {
    return this.procedureCodes.answer(code, readProcedureCode);
  }

  /** What an Observation's code says (cognition score, scale, blood pressure, drug level), read once per distinct code. */
  observationCode(code: unknown): ObservationCodeReading {
    return this.observationCodes.answer(code, readObservationCode);
  }

  medicationOf(r: MedicationRecord): ReturnType<typeof medicationOf> {
    const cc = r.medicationCodeableConcept as unknown;
    // The identity of a coded medication depends on its concept alone.
    if (cc && typeof cc === 'object') return this.medicationConcepts.answer(cc, () => medicationOf(r, this.resolve));
    const key = referenceKey(r);
    if (key === null) return medicationOf(r, this.resolve);
    let hit = this.medicationReferences.get(key);
    if (hit === undefined) {
      hit = medicationOf(r, this.resolve);
      this.medicationReferences.set(key, hit);
    }
    return hit;
  }
}

/** An encounter's reason codes and type lists, each distinct one read once per derivation. */
class EncounterCodeMemo implements EncounterCodeReaders {
  private readonly conditionCodes = new ConceptMemo<ReturnType<typeof classifyCondition>>();
  private readonly encounterTypes = new Map<string, EncounterTypeFacts>();

  condition(code: CodeableConcept | undefined): ReturnType<typeof classifyCondition> {
    return this.conditionCodes.answer(code, classifyCondition);
  }

  types(types: CodeableConcept[]): EncounterTypeFacts {
    return remembered(this.encounterTypes, conceptListKey(types), types, encounterTypeFacts);
  }
}

/**
 * Answers kept per distinct concept, found without building a key: concepts are grouped by their first code (else
 * their text) and compared on exactly what the code readers read of them (the text and each coding's system, code
 * and display), so a lookup allocates nothing. A key string built by concatenation cost as much to build and hash
 * as most readings it saved. A concept of another shape (a field that is not a string, a coding that is not a list
 * of objects) never equals a kept one, and is read without the memo.
 */
class ConceptMemo<T> {
  private readonly groups = new Map<string, KeptConcept<T>[]>();
  private absent: { answer: T } | undefined;

  answer<C>(concept: C, read: (concept: C) => T): T {
    if (concept === undefined) return (this.absent ??= { answer: read(concept) }).answer;
    if (!isConcept(concept)) return read(concept);
    const { text, coding } = concept as { text?: unknown; coding?: unknown };
    if (coding !== undefined && !Array.isArray(coding)) return read(concept);
    const codings = (coding ?? NO_CODINGS) as readonly unknown[];
    const group = groupOf(text, codings);
    const kept = this.groups.get(group);
    if (kept) for (const k of kept) if (sameConcept(k, text, codings)) return k.answer;
    const answer = read(concept);
    const fields = conceptFields(text, codings);
    if (fields) {
      const entry = { text: fields.text, codingFields: fields.codingFields, answer };
      if (kept) kept.push(entry);
      else this.groups.set(group, [entry]);
    }
    return answer;
  }
}

interface KeptConcept<T> {
  text: string | undefined;
  /** system, code and display of each coding in turn. */
  codingFields: (string | undefined)[];
  answer: T;
}

const NO_CODINGS: readonly unknown[] = [];

function groupOf(text: unknown, codings: readonly unknown[]): string {
  const first = codings[0] as { code?: unknown } | null | undefined;
  if (first && typeof first === 'object' && typeof first.code === 'string') return first.code;
  return typeof text === 'string' ? text : '';
}

function sameConcept<T>(k: KeptConcept<T>, text: unknown, codings: readonly unknown[]): boolean {
  if (k.text !== text || k.codingFields.length !== codings.length * 3) return false;
  for (let i = 0; i < codings.length; i++) {
    const cd = codings[i] as { system?: unknown; code?: unknown; display?: unknown } | null;
    if (!cd || typeof cd !== 'object') return false;
    if (cd.system !== k.codingFields[3 * i] || cd.code !== k.codingFields[3 * i + 1] || cd.display !== k.codingFields[3 * i + 2]) return false;
  }
  return true;
}

/** What a concept is compared on, or null when a field is not a string (such a concept is not kept). */
function conceptFields(text: unknown, codings: readonly unknown[]): Omit<KeptConcept<unknown>, 'answer'> | null {
  if (text !== undefined && typeof text !== 'string') return null;
  const codingFields: (string | undefined)[] = [];
  for (const cd of codings) {
    if (!cd || typeof cd !== 'object') return null;
    const { system, code, display } = cd as { system?: unknown; code?: unknown; display?: unknown };
    if (!isStringOrAbsent(system) || !isStringOrAbsent(code) || !isStringOrAbsent(display)) return null;
    codingFields.push(system, code, display);
  }
  return { text, codingFields };
}

const isStringOrAbsent = (x: unknown): x is string | undefined => x === undefined || typeof x === 'string';

/** `read(input)`, kept in `memo` under `key`; read again each time when the input has no key. */
function remembered<I, T>(memo: Map<string, T>, key: string | null, input: I, read: (input: I) => T): T {
  if (key === null) return read(input);
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = read(input);
    memo.set(key, hit);
  }
  return hit;
}

interface ProcedureCodeReading {
  kind: ProcedureMark['kind'] | null;
  screening: boolean;
  notUsedReason: string;
}

function readProcedureCode(code: CodeableConcept | undefined): ProcedureCodeReading {
  const kind = classifyProcedure(code) ?? (psychotherapyModality(code) !== null ? 'psychotherapy' : null);
  return {
    kind,
    screening: kind === null && isMentalHealthScreening(code),
    notUsedReason: unknownCodeReason('procedure', code, 'not an interventional psychiatric procedure'),
  };
}

interface ObservationCodeReading {
  cognition: ReturnType<typeof cognitionInstrument>;
  facts: ObservationCodeFacts;
}

export function readObservationCode(code: unknown): ObservationCodeReading {
  const concept = code as CodeableConcept | undefined;
  return { cognition: cognitionInstrument(isConcept(code) ? concept : undefined), facts: observationCodeFacts(concept) };
}

/**
 * Memo key of a concept in a list (an encounter's types): exactly what the code readers read of it (its text and each coding's system, code and
 * display), each string prefixed with its length so that no two concepts share a key; null for a concept of another
 * shape, which is read without the memo.
 */
function conceptKey(c: unknown): string | null {
  if (c === undefined) return '';
  if (!isConcept(c)) return null;
  const { text, coding } = c as { text?: unknown; coding?: unknown };
  if (text !== undefined && typeof text !== 'string') return null;
  let key = keyPart(text);
  if (coding !== undefined) {
    if (!Array.isArray(coding)) return null;
    for (const cd of coding as unknown[]) {
      if (!cd || typeof cd !== 'object') return null;
      const { system, code, display } = cd as { system?: unknown; code?: unknown; display?: unknown };
      if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string') || (display !== undefined && typeof display !== 'string')) return null;
      key += `|${keyPart(system)}${keyPart(code)}${keyPart(display)}`;
    }
  }
  return key;
}

/** Memo key of a list of concepts: their keys, each prefixed with its length; null when one has none. */
function conceptListKey(concepts: readonly unknown[]): string | null {
  let key = '';
  for (const c of concepts) {
    const k = conceptKey(c);
    if (k === null) return null;
    key += keyPart(k);
  }
  return key;
}

const keyPart = (s: string | undefined) => (s === undefined ? '-' : `${s.length}:${s}`);

/** Memo key of a record's medication reference; null for a contained one (those vary per resource). */
function referenceKey(r: MedicationRecord): string | null {
  const ref = r.medicationReference;
  if (ref && typeof ref.reference === 'string' && !ref.reference.startsWith('#')) return `r${ref.reference}\u0001${String(ref.display ?? '')}`;
  return null;
}
