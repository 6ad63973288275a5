/** The memo of one derivation (Memo), the keys it files answers under, and the code readings it keeps. */
import type { CodeableConcept, Resource } from 'fhir/r4';
import { DoseMemo } from '../../dose/daily-dose';
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
 * and each distinct set of dosage lines read once per record. The identity key is built from exactly what is read
 * in a CodeableConcept (text and each coding's system, code, display), by concatenation: JSON.stringify keys cost
 * as much as the call they save. Nothing outlives the derivation.
 */
export class Memo {
  private readonly medications = new Map<string, ReturnType<typeof medicationOf>>();
  private readonly observationCodes = new Map<string, ObservationCodeReading>();
  private readonly procedureCodes = new Map<string, ProcedureCodeReading>();
  private readonly conditionCodes = new Map<string, ReturnType<typeof classifyCondition>>();
  private readonly encounterTypes = new Map<string, EncounterTypeFacts>();
  readonly doses = new DoseMemo();
  readonly encounterReaders: EncounterCodeReaders = {
    condition: (code) => remembered(this.conditionCodes, conceptKey(code), code, classifyCondition),
    types: (types) => remembered(this.encounterTypes, conceptListKey(types), types, encounterTypeFacts),
  };
  constructor(private readonly resolve: (ref: string) => Resource | undefined) {}

  /** What a Procedure's code says (its kind, a screening, why it is not used), read once per distinct code. */
  procedureCode(code: CodeableConcept | undefined): ProcedureCodeReading {
    return remembered(this.procedureCodes, conceptKey(code), code, readProcedureCode);
  }

  /** What an Observation's code says (cognition score, scale, blood pressure, drug level), read once per distinct code. */
  observationCode(code: unknown): ObservationCodeReading {
    return remembered(this.observationCodes, conceptKey(code), code, readObservationCode);
  }

  medicationOf(r: MedicationRecord): ReturnType<typeof medicationOf> {
    const key = medicationKey(r);
    if (key === null) return medicationOf(r, this.resolve);
    let hit = this.medications.get(key);
    if (hit === undefined) {
      hit = medicationOf(r, this.resolve);
      this.medications.set(key, hit);
    }
    return hit;
  }
}

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

function readObservationCode(code: unknown): ObservationCodeReading {
  const concept = code as CodeableConcept | undefined;
  return { cognition: cognitionInstrument(isConcept(code) ? concept : undefined), facts: observationCodeFacts(concept) };
}

/**
 * Memo key of a concept: exactly what the code readers read of it (its text and each coding's system, code and
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

/** Memo key of a record's medication: its concept, or a non-contained reference (contained ones vary per resource). */
function medicationKey(r: MedicationRecord): string | null {
  const cc = r.medicationCodeableConcept as unknown;
  if (cc && typeof cc === 'object') {
    const c = cc as { text?: unknown; coding?: unknown };
    let key = `c${typeof c.text === 'string' ? c.text : typeof c.text}`;
    if (c.coding !== undefined) {
      if (!Array.isArray(c.coding)) return null;
      for (const cd of c.coding as unknown[]) {
        if (!cd || typeof cd !== 'object') return null;
        const { system, code, display } = cd as { system?: unknown; code?: unknown; display?: unknown };
        if ((system !== undefined && typeof system !== 'string') || (code !== undefined && typeof code !== 'string') || (display !== undefined && typeof display !== 'string')) return null;
        key += `\u0001${system ?? ''}\u0002${code ?? ''}\u0002${display ?? ''}`;
      }
    }
    return key;
  }
  const ref = r.medicationReference;
  if (ref && typeof ref.reference === 'string' && !ref.reference.startsWith('#')) return `r${ref.reference}\u0001${String(ref.display ?? '')}`;
  return null;
}
