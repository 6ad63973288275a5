/**
 * Pass 2 for one patient: its lines read back by offset and parsed (or, for types the engine reads only a few fields
 * of, only those fields), with the Medications they reference attached.
 */
import { closeSync, openSync } from 'node:fs';
import type { Resource } from 'fhir/r4';
import { medicationReferencesOf } from '../../src/clinical/group-by-patient';
import { FIELDS_READ_OF_OTHER_TYPES, FIELDS_READ_OF_UNUSED_OBSERVATIONS, observationReadInFull, TYPES_READ_IN_FULL } from '../../src/clinical/fields-read';
import type { PatientRecord } from '../../src/clinical/types';
import { RESOURCE_TYPE_FIRST, type NdjsonIndex } from './ndjson-index';
import { ReadAheadWindow } from './positional-read';
import { KeySet, topLevelFields } from './top-level-fields';

const OTHER_TYPE_FIELDS = new KeySet(FIELDS_READ_OF_OTHER_TYPES);
const UNUSED_OBSERVATION_FIELDS = new KeySet(FIELDS_READ_OF_UNUSED_OBSERVATIONS);
const OBSERVATION = Buffer.from('Observation');

/**
 * Object and array values of the fields kept (references, codes), parsed once per distinct bytes and shared, frozen,
 * by every line that writes them so: an EHR export repeats the same subject on each of a patient's lines and a few
 * dozen codes (vital signs, laboratory panels) on hundreds of thousands. Frozen, so that an engine that wrote to its
 * input would fail loudly rather than change another resource. Bounded: cleared when full; long values not kept.
 */
interface SharedValue {
  value: unknown;
  /** For an Observation's code: observationReadInFull, once asked. */
  readInFull?: boolean;
}
const sharedValues = new Map<string, SharedValue>();
const SHARED_VALUES_KEPT = 20_000;
const SHARED_VALUE_MAX_BYTES = 1024;

function sharedValue(buf: Buffer, s: number, e: number): SharedValue {
  if (e - s > SHARED_VALUE_MAX_BYTES) return { value: JSON.parse(buf.toString('utf8', s, e)) };
  const key = buf.toString('latin1', s, e);
  let shared = sharedValues.get(key);
  if (shared === undefined) {
    shared = { value: deepFreeze(JSON.parse(buf.toString('utf8', s, e))) };
    if (sharedValues.size >= SHARED_VALUES_KEPT) sharedValues.clear();
    sharedValues.set(key, shared);
  }
  return shared;
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A kept field's value: a plain string decoded directly, an object or array shared, anything else parsed. */
function fieldValue(buf: Buffer, s: number, e: number): unknown {
  const first = buf[s];
  if (first === 0x7b || first === 0x5b) return sharedValue(buf, s, e).value;
  return plainString(buf, s, e) ?? JSON.parse(buf.toString('utf8', s, e));
}

function codeReadInFull(buf: Buffer, s: number, e: number): boolean {
  if (buf[s] !== 0x7b && buf[s] !== 0x5b) return observationReadInFull(JSON.parse(buf.toString('utf8', s, e)));
  const shared = sharedValue(buf, s, e);
  return (shared.readInFull ??= observationReadInFull(shared.value));
}

/**
 * A line of a resource type the engine reads only a few fields of (src/clinical/fields-read.ts: other types, and
 * Observations whose code it does not use) as those fields, each parsed from its own bytes after a strict check of
 * the whole line (top-level-fields.ts); undefined when the line is to be parsed whole: a type read in full, an
 * Observation whose code the engine uses, a line the check does not vouch for (JSON.parse then reports it as before),
 * a second "resourceType" that names another type.
 */
function fieldsReadOfLine(buf: Buffer, pos: number, lineEnd: number): Record<string, unknown> | undefined {
  const typeStart = pos + RESOURCE_TYPE_FIRST.length;
  if (typeStart >= lineEnd || buf.compare(RESOURCE_TYPE_FIRST, 0, RESOURCE_TYPE_FIRST.length, pos, typeStart) !== 0) return undefined;
  const quote = buf.indexOf(34, typeStart);
  if (quote === -1 || quote >= lineEnd) return undefined;
  const observation = quote - typeStart === OBSERVATION.length && buf.compare(OBSERVATION, 0, OBSERVATION.length, typeStart, quote) === 0;
  if (!observation && TYPES_READ_IN_FULL.has(buf.toString('latin1', typeStart, quote))) return undefined;
  const fields = topLevelFields(buf, pos, lineEnd, observation ? UNUSED_OBSERVATION_FIELDS : OTHER_TYPE_FIELDS);
  if (fields === null) return undefined;
  if (observation) {
    const code = fields.get('code');
    if (code === undefined ? observationReadInFull(undefined) : codeReadInFull(buf, code[0], code[1])) return undefined;
  }
  const kept: Record<string, unknown> = {};
  for (const [name, [s, e]] of fields) kept[name] = fieldValue(buf, s, e);
  if (typeof kept.resourceType !== 'string') return undefined;
  if (observation ? kept.resourceType !== 'Observation' : TYPES_READ_IN_FULL.has(kept.resourceType)) return undefined;
  return kept;
}

/** A JSON string value without escapes, decoded (what JSON.parse would give), or undefined for any other value. */
function plainString(buf: Buffer, s: number, e: number): string | undefined {
  if (buf[s] !== 34) return undefined;
  for (let k = s + 1; k < e - 1; k++) if (buf[k] === 92) return undefined;
  return buf.toString('utf8', s + 1, e - 1);
}

/**
 * Pass 2 for one patient: its runs of lines read back by offset (positional reads; no file is held in memory), served
 * from a read-ahead window per file: Bulk Data files list patients in much the same order, so one large read serves
 * many patients (system calls, not bytes, were the cost). Each line is parsed alone, except those of types the engine
 * reads only a few fields of (fieldsReadOfLine); one that is not JSON is kept as an input the ledger lists as "not a
 * FHIR resource". The Medications its lines reference are attached.
 */
export function readPatient(patientId: string, triples: ArrayLike<number>, windows: ReadAheadWindow[], medications: Map<string, Resource>): PatientRecord {
  const resources: unknown[] = [];
  const meds = new Set<string>();
  for (let i = 0; i < triples.length; i += 3) {
    const start = triples[i + 1]!;
    const end = start + triples[i + 2]!;
    const { buf, at } = windows[triples[i]!]!.bytes(start, end);
    const runEnd = at + end - start;
    let pos = at;
    while (pos < runEnd) {
      let nl = buf.indexOf(10, pos);
      if (nl === -1 || nl > runEnd) nl = runEnd;
      const lineEnd = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (lineEnd > pos) {
        let r: unknown = fieldsReadOfLine(buf, pos, lineEnd);
        if (r === undefined) {
          try {
            r = JSON.parse(buf.toString('utf8', pos, lineEnd));
          } catch {
            r = { malformedLine: true };
          }
        }
        resources.push(r);
        for (const ref of medicationReferencesOf(r)) if (medications.has(ref)) meds.add(ref);
      }
      pos = nl + 1;
    }
  }
  for (const ref of meds) resources.push(medications.get(ref)!);
  return { patientId, resources: resources as Resource[] };
}

export function* patientRecords(files: string[], { index, medications }: NdjsonIndex): Generator<PatientRecord> {
  const fds = files.map((f) => openSync(f, 'r'));
  const windows = fds.map((fd) => new ReadAheadWindow(fd));
  try {
    for (const [patientId, triples] of index) yield readPatient(patientId, triples, windows, medications);
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}
