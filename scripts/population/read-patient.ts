/**
 * Pass 2 for one patient: its lines read back by offset and parsed (or, for types the engine reads only a few fields
 * of, only those fields), with the Medications they reference attached.
 */
import { closeSync, openSync } from 'node:fs';
import type { Resource } from 'fhir/r4';
import { medicationReferencesOf } from '../../src/clinical/group-by-patient';
import { FIELDS_READ_OF_OTHER_TYPES, TYPES_READ_IN_FULL } from '../../src/clinical/fields-read';
import type { PatientRecord } from '../../src/clinical/types';
import { RESOURCE_TYPE_FIRST, type NdjsonIndex } from './ndjson-index';
import { ReadAheadWindow } from './positional-read';
import { KeySet, topLevelFields } from './top-level-fields';

const OTHER_TYPE_FIELDS = new KeySet(FIELDS_READ_OF_OTHER_TYPES);

/**
 * A line of a resource type the engine reads only a few fields of (src/clinical/fields-read.ts) as those fields, each
 * parsed from its own bytes after a strict check of the whole line (top-level-fields.ts); undefined when the
 * line is to be parsed whole: another type, a line the check does not vouch for (JSON.parse then reports it as
 * before), a second "resourceType" that names a type read in full.
 */
function fieldsReadOfLine(buf: Buffer, pos: number, lineEnd: number): Record<string, unknown> | undefined {
  const typeStart = pos + RESOURCE_TYPE_FIRST.length;
  if (typeStart >= lineEnd || buf.compare(RESOURCE_TYPE_FIRST, 0, RESOURCE_TYPE_FIRST.length, pos, typeStart) !== 0) return undefined;
  const quote = buf.indexOf(34, typeStart);
  if (quote === -1 || quote >= lineEnd || TYPES_READ_IN_FULL.has(buf.toString('latin1', typeStart, quote))) return undefined;
  const fields = topLevelFields(buf, pos, lineEnd, OTHER_TYPE_FIELDS);
  if (fields === null) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, [s, e]] of fields) kept[name] = plainString(buf, s, e) ?? JSON.parse(buf.toString('utf8', s, e));
  if (typeof kept.resourceType !== 'string' || TYPES_READ_IN_FULL.has(kept.resourceType)) return undefined;
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
