/**
 * Pass 1 over a Bulk Data NDJSON folder: where each patient's lines are (file, byte offset, length), found by byte
 * search without parsing the usual line, and the Medications (no patient; small and shared) kept by id. On one thread
 * every file whole; for the workers, line-aligned byte ranges in a compact form merged in file order.
 */
import { closeSync, fstatSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { patientIdOf } from '../../src/clinical/group-by-patient';
import { readFully } from './positional-read';

/**
 * Per patient: flat triples (file index, byte offset, byte length) of runs of its lines. Lines of one patient that
 * follow one another in a file (the usual Bulk Data layout: each file lists patients in turn) are one run, so the
 * index grows with patients times files, not with lines.
 */
export type LineIndex = Map<string, number[]>;

/** Where a pass 1 finding goes: the main thread's index, or a worker's compact list for it. */
interface IndexSink {
  line(pid: string, start: number, length: number): void;
  medication(key: string, resource: Resource): void;
  skip(): void;
}

/** Adds a line (or run of lines) to a patient's triples, joining it to the previous run when it follows directly. */
export function noteRun(index: LineIndex, pid: string, file: number, start: number, length: number): void {
  const list = index.get(pid);
  if (!list) {
    index.set(pid, [file, start, length]);
    return;
  }
  const n = list.length;
  const gap = start - (list[n - 2]! + list[n - 1]!);
  // The next line starts after "\n", "\r\n" or an empty line "\n\n"; the reader skips empty lines inside a run.
  if (list[n - 3] === file && gap >= 1 && gap <= 2) list[n - 1] = start + length - list[n - 2]!;
  else list.push(file, start, length);
}

const PATIENT_REF_RE = /"(?:subject|patient)"\s*:\s*\{[^{}]*?"reference"\s*:\s*"(?:[^"]*\/)?Patient\/([^"/]+)"/;
const PATIENT_ID_RE = /"resourceType"\s*:\s*"Patient"/;
const INDEX_CHUNK_BYTES = 1 << 20;
/**
 * Pass 1 reads every file through this one buffer (positional reads): a fresh buffer per chunk, as a read stream
 * gives, is memory outside the heap whose growth makes the garbage collector run full collections.
 */
const chunkBuffer = Buffer.allocUnsafeSlow(INDEX_CHUNK_BYTES);

/** Byte patterns of the cheap scan. */
/** Long on purpose: the byte search skips ahead by about its length. */
const COMPACT_SUBJECT = Buffer.from('"subject":{"reference":"');
export const RESOURCE_TYPE_FIRST = Buffer.from('{"resourceType":"');
/** A reference value PATIENT_REF_RE accepts, with its id (ASCII only: anything else takes the careful path). */
const PATIENT_REF_VALUE = /^(?:[^"]*\/)?Patient\/([\x21-\x2e\x30-\x7e]+)$/;

/**
 * Next occurrence of a byte pattern at or after a position, remembered so that each line does not search the rest
 * of the chunk again: total work stays linear in the chunk however rarely the pattern occurs.
 */
class NextOccurrence {
  private at = -1;
  constructor(
    private readonly buf: Buffer,
    private readonly needle: Buffer,
  ) {}
  from(pos: number): number {
    if (this.at !== Infinity && this.at < pos) {
      const i = this.buf.indexOf(this.needle, pos);
      this.at = i === -1 ? Infinity : i;
    }
    return this.at;
  }
}

/** A line that begins `{"resourceType":"X"` with X neither Patient nor Medication (those need parsing). */
function isOrdinaryResourceLine(buf: Buffer, pos: number, end: number): boolean {
  const typeStart = pos + RESOURCE_TYPE_FIRST.length;
  if (typeStart >= end || buf.compare(RESOURCE_TYPE_FIRST, 0, RESOURCE_TYPE_FIRST.length, pos, typeStart) !== 0) return false;
  const quote = buf.indexOf(34, typeStart);
  if (quote === -1 || quote >= end) return false;
  const type = buf.toString('latin1', typeStart, quote);
  return type !== 'Patient' && type !== 'Medication';
}

/**
 * Pass 1 over the bytes [start, end) of one file (which begin and end at a line boundary): read them in large
 * chunks and report where each patient's lines are, and the Medications. The usual line (`{"resourceType":"X",...`
 * with a compact `"subject":{"reference":"Patient/..."}`, X neither Patient nor Medication) is indexed by byte search
 * alone, without decoding or parsing it; anything else is decoded as UTF-8 and, when the regex is not enough, parsed
 * (Patient and Medication lines, other layouts, non-ASCII ids).
 */
function indexRange(path: string, start: number, end: number, sink: IndexSink): void {
  /** The careful path: the line as UTF-8, parsed when the cheap scan is not enough. */
  const slowLine = (bytes: Buffer, at: number) => {
    const text = bytes.toString('utf8');
    if (text.trim() === '') return;
    let pid: string | null;
    if (PATIENT_ID_RE.test(text) || text.includes('"Medication"') || !PATIENT_REF_RE.test(text)) {
      let r: unknown;
      try {
        r = JSON.parse(text);
      } catch {
        sink.skip();
        return;
      }
      const res = r as Resource;
      if (res?.resourceType === 'Medication' && typeof res.id === 'string') {
        sink.medication(`Medication/${res.id}`, res);
        return;
      }
      pid = patientIdOf(r);
    } else pid = PATIENT_REF_RE.exec(text)![1]!;
    if (pid === null) {
      sink.skip();
      return;
    }
    sink.line(pid, at, bytes.length);
  };
  /** Lines of `buf` (which starts at file offset `base`); returns the bytes after the last newline. */
  const lines = (buf: Buffer, base: number): Buffer => {
    const compactSubject = new NextOccurrence(buf, COMPACT_SUBJECT);
    let pos = 0;
    let nl: number;
    while ((nl = buf.indexOf(10, pos)) !== -1) {
      const lineEnd = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (lineEnd > pos) {
        // Fast path: the line starts with its resourceType, which is neither Patient nor Medication, and its first
        // compact subject reference names a patient.
        let pid: string | null = null;
        const at = compactSubject.from(pos);
        if (at < lineEnd && isOrdinaryResourceLine(buf, pos, lineEnd)) {
          const valueStart = at + COMPACT_SUBJECT.length;
          const quote = buf.indexOf(34, valueStart);
          if (quote !== -1 && quote < lineEnd) pid = PATIENT_REF_VALUE.exec(buf.toString('latin1', valueStart, quote))?.[1] ?? null;
        }
        if (pid !== null) sink.line(pid, base + pos, lineEnd - pos);
        else slowLine(buf.subarray(pos, lineEnd), base + pos);
      }
      pos = nl + 1;
    }
    return buf.subarray(pos);
  };
  if (end <= start) return;
  let offset = start;
  let carry: Buffer | null = null;
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, chunkBuffer, 0, Math.min(chunkBuffer.length, end - offset), offset);
      if (n === 0) break;
      const chunk = chunkBuffer.subarray(0, n);
      let buf: Buffer = chunk;
      let base = offset;
      if (carry) {
        // Only the line cut at the chunk boundary is joined (copying the whole chunk onto it cost a copy of the input).
        const nl = chunk.indexOf(10);
        if (nl === -1) {
          carry = Buffer.concat([carry, chunk]);
          offset += chunk.length;
          continue;
        }
        lines(Buffer.concat([carry, chunk.subarray(0, nl + 1)]), offset - carry.length);
        buf = chunk.subarray(nl + 1);
        base = offset + nl + 1;
      }
      const rest = lines(buf, base);
      carry = rest.length > 0 ? Buffer.from(rest) : null;
      offset += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
  if (carry) {
    const lineEnd = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    if (lineEnd > 0) slowLine(carry.subarray(0, lineEnd), offset - carry.length);
  }
}

/** The NDJSON files of a folder, in name order (the order of the output). */
export function ndjsonFiles(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .ndjson files in ${dir}`);
  return files;
}

export interface NdjsonIndex {
  index: LineIndex;
  medications: Map<string, Resource>;
  skipped: number;
}

/** A sink that fills the index of the whole folder, for file `file`. */
function indexSink(into: NdjsonIndex, file: number): IndexSink {
  return {
    line: (pid, start, length) => noteRun(into.index, pid, file, start, length),
    medication: (key, resource) => void into.medications.set(key, resource),
    skip: () => void into.skipped++,
  };
}

/** Pass 1 on this thread: every file whole, in order. */
export function indexNdjson(files: string[]): NdjsonIndex {
  const into: NdjsonIndex = { index: new Map(), medications: new Map(), skipped: 0 };
  for (let f = 0; f < files.length; f++) indexRange(files[f]!, 0, Infinity, indexSink(into, f));
  return into;
}

/** What pass 1 found in one byte range: patients by ordinal, their runs as (ordinal, start, length), the Medications. */
export interface RangeIndex {
  pids: string[];
  runs: Float64Array;
  medications: Array<[string, Resource]>;
  skipped: number;
}

/**
 * Byte ranges of about this size are indexed one at a time, by a worker or the main thread (DERIVE_INDEX_RANGE_BYTES
 * sets it, so that a test can cut small files into many ranges).
 */
const INDEX_RANGE_BYTES = Math.max(1, Number(process.env.DERIVE_INDEX_RANGE_BYTES) || 16 << 20);

/** Splits a file into ranges of about INDEX_RANGE_BYTES that begin just after a newline (or at 0). */
export function lineAlignedRanges(path: string): Array<{ start: number; end: number }> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const pieces = Math.max(1, Math.round(size / INDEX_RANGE_BYTES));
    const starts = [0];
    const probe = Buffer.allocUnsafe(64 << 10);
    for (let k = 1; k < pieces; k++) {
      let at = Math.max(starts[starts.length - 1]!, Math.floor((k * size) / pieces));
      // The next line start at or after `at`: after the first newline at or after at - 1.
      let found = -1;
      for (let pos = at - 1; found === -1 && pos < size; pos += probe.length) {
        const n = readFully(fd, probe, probe.length, pos);
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl !== -1) found = pos + nl + 1;
        if (n === 0) break;
      }
      at = found === -1 ? size : found;
      if (at > starts[starts.length - 1]! && at < size) starts.push(at);
    }
    return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
  } finally {
    closeSync(fd);
  }
}

/** Pass 1 over one byte range, in the compact form a worker sends (the same whichever thread runs it). */
export function indexOneRange(path: string, start: number, end: number): RangeIndex {
  const pidOrdinal = new Map<string, number>();
  const pids: string[] = [];
  const runs: number[] = [];
  const medications: Array<[string, Resource]> = [];
  let skipped = 0;
  indexRange(path, start, end, {
    line: (pid, lineStart, length) => {
      let ordinal = pidOrdinal.get(pid);
      if (ordinal === undefined) {
        ordinal = pids.push(pid) - 1;
        pidOrdinal.set(pid, ordinal);
      }
      // Joined here already when it follows the previous line of the same patient (fewer numbers to send).
      const n = runs.length;
      const gap = n > 0 ? lineStart - (runs[n - 2]! + runs[n - 1]!) : -1;
      if (n > 0 && runs[n - 3] === ordinal && gap >= 1 && gap <= 2) runs[n - 1] = lineStart + length - runs[n - 2]!;
      else runs.push(ordinal, lineStart, length);
    },
    medication: (key, resource) => void medications.push([key, resource]),
    skip: () => void skipped++,
  });
  return { pids, runs: Float64Array.from(runs), medications, skipped };
}
