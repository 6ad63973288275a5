/**
 * `npm run derive -- <path> [--as-of YYYY-MM-DD]`
 *
 * Reads a FHIR Bundle (JSON file: one patient or several), a folder of such Bundle files (as the public SMART sandbox
 * publishes its patients, one file each; derived one file at a time on the main thread) or a folder of Bulk Data
 * NDJSON files (one per resource type, many patients) and prints one Derivation per patient to stdout (a JSON array
 * when there are several).
 * The engine is src/clinical/derive.ts, the same code path as the app; this file is the only I/O.
 *
 * NDJSON streams in two passes so memory stays far below the input size:
 *  1. index: read every file line by line and note, per patient, where its lines are (file, byte offset, length);
 *     Medication resources (no patient) are small and shared, so they are kept in memory by id;
 *  2. derive: for one patient at a time, read back its lines by offset, attach the Medications they reference,
 *     derive, write the document, and let it go.
 * A patient whose data breaks the engine gets `{ "patient": id, "error": message }` and the others go on.
 *
 * On a folder, both passes run on worker threads (`--workers N`, default: the machine's cores; `--workers 1` runs
 * everything on the main thread): pass 1 as byte ranges of the files, merged in file order; pass 2 one patient at a
 * time per worker, each reading its patient's lines itself. The main thread only hands out work and writes the
 * documents in the index's order, so the output is byte for byte the single-thread output.
 */
import { closeSync, createReadStream, fstatSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Resource } from 'fhir/r4';
import { resolveUrnReferences, resourcesOfJson } from '../src/clinical/bundle';
import { deriveSafely } from '../src/clinical/derive';
import { groupResourcesByPatient, medicationReferencesOf, patientIdOf } from '../src/clinical/group-by-patient';
import { FIELDS_READ_OF_OTHER_TYPES, TYPES_READ_IN_FULL } from '../src/clinical/fields-read';
import type { DeriveOptions, PatientRecord } from '../src/clinical/types';
import { KeySet, topLevelFields } from './top-level-fields';

interface Args {
  path: string;
  asOf: string;
  pretty: boolean;
  workers: number;
}

function parseArgs(argv: string[]): Args {
  let path: string | null = null;
  let asOf = new Date().toISOString().slice(0, 10);
  let pretty = false;
  let workers = availableParallelism();
  const workerCount = (v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) usage(2, `--workers needs a whole number from 1 to 64, got "${v ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--as-of') asOf = argv[++i] ?? '';
    else if (a === '--workers') workers = workerCount(argv[++i]);
    else if (a.startsWith('--workers=')) workers = workerCount(a.slice('--workers='.length));
    else if (a.startsWith('--as-of=')) asOf = a.slice('--as-of='.length);
    else if (a === '--pretty') pretty = true;
    else if (a === '--help' || a === '-h') usage(0);
    else if (!a.startsWith('--')) path = a;
    else usage(2, `unknown option ${a}`);
  }
  if (!path) usage(2, 'missing <path>');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) usage(2, `--as-of must be YYYY-MM-DD, got "${asOf}"`);
  return { path: path, asOf, pretty, workers };
}

function usage(code: number, message?: string): never {
  if (message) process.stderr.write(`derive: ${message}\n`);
  process.stderr.write('usage: npm run derive -- <bundle.json | bundle-folder | ndjson-folder> [--as-of YYYY-MM-DD] [--pretty] [--workers N]\n');
  process.exit(code);
}

const OUTPUT_BUFFER_BYTES = 4 << 20;
let outBuffer = Buffer.allocUnsafe(OUTPUT_BUFFER_BYTES);
let outLength = 0;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Output goes to stdout synchronously through one reused buffer: encoding documents straight into it
 * (`buffer.write`) costs about a third of `process.stdout.write`'s fresh Buffer per chunk, and the output of a
 * population is larger than its input. Memory stays bounded because nothing is queued.
 */
function put(text: string): void {
  if (outLength + text.length * 3 > outBuffer.length) {
    flush();
    if (text.length * 3 > outBuffer.length) outBuffer = Buffer.allocUnsafe(text.length * 3);
  }
  outLength += outBuffer.write(text, outLength, 'utf8');
}

/**
 * Writes what `put` gathered. A pipe to stdout is non-blocking: when it is full (EAGAIN) the write waits and retries,
 * from 0.05 ms doubling to 5 ms, so that a fast reader (`| sha256sum`: a pipe holds 64 kB) is not kept waiting a
 * fixed 5 ms per 64 kB (that doubled the run's time) and a slow one costs no processor time.
 */
function flush(): void {
  let offset = 0;
  let waitMs = 0.05;
  while (offset < outLength) {
    try {
      offset += writeSync(1, outBuffer, offset, outLength - offset);
      waitMs = 0.05;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0); // the reader went away (e.g. `| head`): nothing more to say
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(sleeper, 0, 0, waitMs);
      waitMs = Math.min(5, waitMs * 2);
    }
  }
  outLength = 0;
  if (outBuffer.length > OUTPUT_BUFFER_BYTES) outBuffer = Buffer.allocUnsafe(OUTPUT_BUFFER_BYTES);
}

/** Copies already encoded bytes (a document a worker encoded) into the output buffer. */
function putBytes(bytes: Uint8Array): void {
  if (outLength + bytes.length > outBuffer.length) {
    flush();
    if (bytes.length > outBuffer.length) outBuffer = Buffer.allocUnsafe(bytes.length);
  }
  outBuffer.set(bytes, outLength);
  outLength += bytes.length;
}

const documentText = (derivation: unknown, pretty: boolean) => JSON.stringify(derivation, null, pretty ? 2 : undefined);

/** The documents, in order: one alone, or a JSON array of them (the same bytes however they were made). */
async function emitDocuments(documents: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, count: number): Promise<void> {
  const write = (d: string | Uint8Array) => (typeof d === 'string' ? put(d) : putBytes(d));
  if (count === 0) put('[]\n');
  else if (count === 1) {
    for await (const d of documents) write(d);
    put('\n');
  } else {
    put('[\n');
    let first = true;
    for await (const d of documents) {
      if (!first) put(',\n');
      write(d);
      first = false;
    }
    put('\n]\n');
  }
  flush();
}

function* derivedDocuments(records: Iterable<PatientRecord>, options: DeriveOptions, pretty: boolean): Generator<string> {
  for (const r of records) yield documentText(deriveSafely(r, options), pretty);
}

// ---------------------------------------------------------------------------------------------
// Bundle (or single resource, or array of resources) in one JSON file
// ---------------------------------------------------------------------------------------------

async function deriveBundleFile(file: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const resources = resolveUrnReferences(resourcesOfJson(doc), doc);
  const { records, unattached } = groupResourcesByPatient(resources);
  if (unattached.length > 0) process.stderr.write(`derive: ${unattached.length} resource(s) belong to no patient and were not attached to one\n`);
  await emitDocuments(derivedDocuments(records, options, pretty), records.length);
}

/**
 * A folder of Bundle files (the public SMART sandbox publishes one per patient): each file is read, derived and let go
 * in turn, on the main thread, and all the patients' documents form one array.
 */
async function deriveBundleFolder(dir: string, files: string[], options: DeriveOptions, pretty: boolean): Promise<void> {
  if (files.length === 1) return deriveBundleFile(join(dir, files[0]!), options, pretty);
  let unattached = 0;
  function* documents(): Generator<string> {
    for (const f of files) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new Error(`${join(dir, f)} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      const grouped = groupResourcesByPatient(resolveUrnReferences(resourcesOfJson(doc), doc));
      unattached += grouped.unattached.length;
      yield* derivedDocuments(grouped.records, options, pretty);
    }
  }
  // More than one file: an array, whatever the number of patients.
  await emitDocuments(documents(), Number.POSITIVE_INFINITY);
  if (unattached > 0) process.stderr.write(`derive: ${unattached} resource(s) belong to no patient and were not attached to one\n`);
}

/** The .json files of a folder that holds no NDJSON (a folder of Bundles), sorted; [] otherwise. */
function bundleFiles(dir: string): string[] {
  const names = readdirSync(dir);
  if (names.some((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'))) return [];
  return names.filter((f) => f.endsWith('.json')).sort();
}

// ---------------------------------------------------------------------------------------------
// Bulk Data NDJSON folder
// ---------------------------------------------------------------------------------------------

/**
 * Per patient: flat triples (file index, byte offset, byte length) of runs of its lines. Lines of one patient that
 * follow one another in a file (the usual Bulk Data layout: each file lists patients in turn) are one run, so the
 * index grows with patients times files, not with lines.
 */
type LineIndex = Map<string, number[]>;

/** Where a pass 1 finding goes: the main thread's index, or a worker's compact list for it. */
interface IndexSink {
  line(pid: string, start: number, length: number): void;
  medication(key: string, resource: Resource): void;
  skip(): void;
}

/** Adds a line (or run of lines) to a patient's triples, joining it to the previous run when it follows directly. */
function noteRun(index: LineIndex, pid: string, file: number, start: number, length: number): void {
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

/** Byte patterns of the cheap scan. */
/** Long on purpose: the byte search skips ahead by about its length. */
const COMPACT_SUBJECT = Buffer.from('"subject":{"reference":"');
const RESOURCE_TYPE_FIRST = Buffer.from('{"resourceType":"');
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
 * Pass 1 over the bytes [start, end) of one file (which begin and end at a line boundary): stream them in large
 * chunks and report where each patient's lines are, and the Medications. The usual line (`{"resourceType":"X",...`
 * with a compact `"subject":{"reference":"Patient/..."}`, X neither Patient nor Medication) is indexed by byte search
 * alone, without decoding or parsing it; anything else is decoded as UTF-8 and, when the regex is not enough, parsed
 * (Patient and Medication lines, other layouts, non-ASCII ids).
 */
async function indexRange(path: string, start: number, end: number, sink: IndexSink): Promise<void> {
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
  const stream = createReadStream(path, { highWaterMark: INDEX_CHUNK_BYTES, start, ...(Number.isFinite(end) ? { end: end - 1 } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
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
  if (carry) {
    const lineEnd = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    if (lineEnd > 0) slowLine(carry.subarray(0, lineEnd), offset - carry.length);
  }
}

/** The NDJSON files of a folder, in name order (the order of the output). */
function ndjsonFiles(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .ndjson files in ${dir}`);
  return files;
}

interface NdjsonIndex {
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
async function indexNdjson(files: string[]): Promise<NdjsonIndex> {
  const into: NdjsonIndex = { index: new Map(), medications: new Map(), skipped: 0 };
  for (let f = 0; f < files.length; f++) await indexRange(files[f]!, 0, Infinity, indexSink(into, f));
  return into;
}

const READ_AHEAD_BYTES = 4 << 20;
/** A prefetched span is at most this large (a bigger one is read run by run): bounds a worker's windows. */
const PREFETCH_LIMIT_BYTES = 4 << 20;

/** Positional reads of one file through a reused window (memory stays bounded per file). */
class ReadAheadWindow {
  private window: Buffer;
  private windowStart = 0;
  private windowEnd = 0;
  constructor(
    private readonly fd: number,
    private readonly size = READ_AHEAD_BYTES,
  ) {
    this.window = Buffer.allocUnsafe(size);
  }

  /**
   * Loads exactly [start, end) when the next reads fall in it (a worker's batch of patients: reading ahead further
   * would read the other workers' patients too).
   */
  prefetch(start: number, end: number): void {
    if ((start >= this.windowStart && end <= this.windowEnd) || end - start > PREFETCH_LIMIT_BYTES) return;
    // Grown once and kept: a buffer allocated per batch is memory the garbage collector has to account for each time.
    if (end - start > this.window.length) this.window = Buffer.allocUnsafe(Math.min(PREFETCH_LIMIT_BYTES, Math.max(end - start, 2 * this.window.length)));
    this.windowStart = start;
    this.windowEnd = start + readFully(this.fd, this.window, end - start, start);
  }

  /** The bytes [start, end) of the file: a buffer and where they begin in it (valid until the next call). */
  bytes(start: number, end: number): { buf: Buffer; at: number } {
    if (start >= this.windowStart && end <= this.windowEnd) return { buf: this.window, at: start - this.windowStart };
    if (end - start > this.size) {
      const buf = Buffer.allocUnsafe(end - start);
      readFully(this.fd, buf, buf.length, start);
      return { buf, at: 0 };
    }
    this.windowStart = start;
    this.windowEnd = start + readFully(this.fd, this.window, this.window.length, start);
    if (end > this.windowEnd) throw new Error('an NDJSON file changed while it was being read');
    return { buf: this.window, at: 0 };
  }
}

/** Reads up to `length` bytes at `position` (fewer only at the end of the file). */
function readFully(fd: number, buf: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

const OTHER_TYPE_FIELDS = new KeySet(FIELDS_READ_OF_OTHER_TYPES);

/**
 * A line of a resource type the engine reads only a few fields of (src/clinical/fields-read.ts) as those fields, each
 * parsed from its own bytes after a strict check of the whole line (scripts/top-level-fields.ts); undefined when the
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
function readPatient(patientId: string, triples: ArrayLike<number>, windows: ReadAheadWindow[], medications: Map<string, Resource>): PatientRecord {
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

function* patientRecords(files: string[], { index, medications }: NdjsonIndex): Generator<PatientRecord> {
  const fds = files.map((f) => openSync(f, 'r'));
  const windows = fds.map((fd) => new ReadAheadWindow(fd));
  try {
    for (const [patientId, triples] of index) yield readPatient(patientId, triples, windows, medications);
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

function reportSkipped(skipped: number): void {
  if (skipped > 0) process.stderr.write(`derive: ${skipped} line(s) skipped (not JSON, or belonging to no patient)\n`);
}

async function deriveNdjsonFolder(dir: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  const files = ndjsonFiles(dir);
  const indexed = await indexNdjson(files);
  reportSkipped(indexed.skipped);
  await emitDocuments(derivedDocuments(patientRecords(files, indexed), options, pretty), indexed.index.size);
}

// ---------------------------------------------------------------------------------------------
// The same on worker threads
// ---------------------------------------------------------------------------------------------

/** Messages to a worker. */
type ToWorker =
  | { kind: 'index'; task: number; path: string; start: number; end: number }
  | { kind: 'setup'; files: string[]; medications: Array<[string, Resource]>; options: DeriveOptions; pretty: boolean }
  | { kind: 'derive'; seq: number; patients: Array<[string, number[]]> };

/** What pass 1 found in one byte range: patients by ordinal, their runs as (ordinal, start, length), the Medications. */
interface RangeIndex {
  pids: string[];
  runs: Float64Array;
  medications: Array<[string, Resource]>;
  skipped: number;
}

/** Messages from a worker. */
type FromWorker =
  | { kind: 'ready' }
  | ({ kind: 'indexed'; task: number } & RangeIndex)
  | { kind: 'derived'; seq: number; bytes: Uint8Array }
  | { kind: 'failed'; message: string };

/**
 * Byte ranges of about this size are indexed one at a time, by a worker or the main thread (DERIVE_INDEX_RANGE_BYTES
 * sets it, so that a test can cut small files into many ranges).
 */
const INDEX_RANGE_BYTES = Math.max(1, Number(process.env.DERIVE_INDEX_RANGE_BYTES) || 16 << 20);
/** Consecutive patients are handed to a worker together until their lines reach this many bytes (or BATCH_PATIENTS). */
const BATCH_INPUT_BYTES = 1 << 20;
const BATCH_PATIENTS = 256;
/** Batches handed out ahead of the next one to write: bounds the documents waiting for an earlier batch. */
const DERIVE_WINDOW = 8;
/** Batches queued per worker, so a worker never waits for the main thread between two batches. */
const QUEUED_PER_WORKER = 2;
/** Read-ahead per file per worker when a batch's lines are too spread out to be read in one go. */
const WORKER_READ_AHEAD_BYTES = 256 << 10;

/** Splits a file into ranges of about INDEX_RANGE_BYTES that begin just after a newline (or at 0). */
function lineAlignedRanges(path: string): Array<{ start: number; end: number }> {
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
async function indexOneRange(path: string, start: number, end: number): Promise<RangeIndex> {
  const pidOrdinal = new Map<string, number>();
  const pids: string[] = [];
  const runs: number[] = [];
  const medications: Array<[string, Resource]> = [];
  let skipped = 0;
  await indexRange(path, start, end, {
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

class WorkerPool {
  readonly workers: Worker[];
  private handler: (w: Worker, m: FromWorker) => void = () => undefined;
  private failure: ((e: Error) => void) | null = null;
  private readonly ready = new Set<Worker>();

  /** `script`: this file as one plain JavaScript module (workerScript). */
  constructor(size: number, script: string) {
    this.workers = Array.from({ length: size }, () => new Worker(pathToFileURL(script), { workerData: { deriveWorker: true } }));
    for (const w of this.workers) {
      w.on('message', (m: FromWorker) => {
        if (m.kind === 'failed') this.failure?.(new Error(m.message));
        else {
          if (m.kind === 'ready') this.ready.add(w);
          this.handler(w, m);
        }
      });
      w.on('error', (e) => this.failure?.(e));
      w.on('exit', (code) => code !== 0 && this.failure?.(new Error(`a worker stopped with exit code ${code}`)));
    }
  }

  /** Ends the current run with an error (one the main thread met). */
  fail(e: unknown): void {
    this.failure?.(e instanceof Error ? e : new Error(String(e)));
  }

  isReady(w: Worker): boolean {
    return this.ready.has(w);
  }

  /** Runs until `handler` calls done (or a worker fails). */
  run(start: (done: () => void) => void, handler: (w: Worker, m: FromWorker, done: () => void) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.failure = reject;
      this.handler = (w, m) => handler(w, m, resolve);
      start(resolve);
    });
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Pass 1: line-aligned ranges of every file, indexed by the workers and by the main thread itself (which starts at
 * once, while the workers are still loading), merged in file order (the same index as one thread).
 */
async function indexOnWorkers(pool: WorkerPool, files: string[]): Promise<NdjsonIndex> {
  const tasks = files.flatMap((path, file) => lineAlignedRanges(path).map((r) => ({ file, path, ...r })));
  const results = new Array<RangeIndex | undefined>(tasks.length);
  let next = 0;
  let finished = 0;
  const give = (w: Worker) => {
    if (next >= tasks.length) return;
    const t = tasks[next]!;
    w.postMessage({ kind: 'index', task: next++, path: t.path, start: t.start, end: t.end } satisfies ToWorker);
  };
  await pool.run(
    (done) => {
      for (const w of pool.workers) if (pool.isReady(w)) give(w);
      const mainThread = async () => {
        while (next < tasks.length) {
          const i = next++;
          const t = tasks[i]!;
          results[i] = await indexOneRange(t.path, t.start, t.end);
          if (++finished === tasks.length) done();
        }
      };
      mainThread().catch((e: unknown) => pool.fail(e));
    },
    (w, m, done) => {
      if (m.kind === 'ready') give(w);
      if (m.kind !== 'indexed') return;
      results[m.task] = m;
      if (++finished === tasks.length) done();
      else give(w);
    },
  );
  const into: NdjsonIndex = { index: new Map(), medications: new Map(), skipped: 0 };
  tasks.forEach((t, i) => {
    const r = results[i]!;
    for (let k = 0; k < r.runs.length; k += 3) noteRun(into.index, r.pids[r.runs[k]!]!, t.file, r.runs[k + 1]!, r.runs[k + 2]!);
    for (const [key, resource] of r.medications) into.medications.set(key, resource);
    into.skipped += r.skipped;
  });
  return into;
}

/** Consecutive patients of the index, in batches of about BATCH_INPUT_BYTES of lines. */
function* patientBatches(index: LineIndex): Generator<Array<[string, number[]]>> {
  let batch: Array<[string, number[]]> = [];
  let bytes = 0;
  for (const entry of index) {
    batch.push(entry);
    for (let i = 2; i < entry[1].length; i += 3) bytes += entry[1][i]!;
    if (bytes >= BATCH_INPUT_BYTES || batch.length >= BATCH_PATIENTS) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Pass 2 on the workers: batches of consecutive patients handed out in the index's order (a couple queued per worker),
 * each coming back as its documents' bytes, written in order as they arrive.
 */
async function* documentsFromWorkers(pool: WorkerPool, files: string[], indexed: NdjsonIndex, options: DeriveOptions, pretty: boolean): AsyncGenerator<Uint8Array> {
  const setup: ToWorker = { kind: 'setup', files, medications: [...indexed.medications], options, pretty };
  for (const w of pool.workers) w.postMessage(setup);
  const batches = patientBatches(indexed.index);
  let exhausted = false;
  const waiting = new Map<number, Uint8Array>();
  const queued = new Map<Worker, number>(pool.workers.map((w) => [w, 0]));
  let handedOut = 0;
  let written = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let finished = false;
  const give = (w: Worker) => {
    while (!exhausted && queued.get(w)! < QUEUED_PER_WORKER && handedOut - written < DERIVE_WINDOW) {
      const next = batches.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      w.postMessage({ kind: 'derive', seq: handedOut++, patients: next.value } satisfies ToWorker);
      queued.set(w, queued.get(w)! + 1);
    }
  };
  const running = pool.run(
    () => pool.workers.forEach(give),
    (w, m, done) => {
      if (m.kind !== 'derived') return;
      queued.set(w, queued.get(w)! - 1);
      waiting.set(m.seq, m.bytes);
      if (m.seq === written) wake?.();
      give(w);
      if (exhausted && [...queued.values()].every((q) => q === 0)) done();
    },
  );
  running.then(
    () => {
      finished = true;
      wake?.();
    },
    (e: Error) => {
      failure = e;
      wake?.();
    },
  );
  for (;;) {
    const bytes = waiting.get(written);
    if (bytes === undefined) {
      // Set by a worker's error handler, which TypeScript's narrowing cannot see.
      const failed = failure as Error | null;
      if (failed) throw failed;
      if (finished && waiting.size === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      continue;
    }
    waiting.delete(written);
    written++;
    yield bytes;
    // Room in the window again: workers that were held back get work.
    for (const w of pool.workers) give(w);
  }
}

/**
 * This file and everything it imports as one JavaScript module in a temporary folder, for the workers. Run through tsx,
 * each worker would register the TypeScript loader (a thread of its own) and load some sixty modules through it: about
 * 0.35 s and twice that in processor time per worker, where esbuild (the transpiler tsx itself runs) bundles them
 * once in about 0.06 s and a worker loads the result in a few hundredths.
 */
async function workerScript(): Promise<{ path: string; dispose: () => void }> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'derive-worker-'));
  const path = join(dir, 'derive-worker.mjs');
  try {
    await build({ entryPoints: [fileURLToPath(import.meta.url)], outfile: path, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

async function deriveNdjsonFolderOnWorkers(dir: string, options: DeriveOptions, pretty: boolean, workers: number): Promise<void> {
  const files = ndjsonFiles(dir);
  const script = await workerScript();
  const pool = new WorkerPool(workers, script.path);
  try {
    const indexed = await indexOnWorkers(pool, files);
    reportSkipped(indexed.skipped);
    await emitBatches(documentsFromWorkers(pool, files, indexed, options, pretty), indexed.index.size);
  } finally {
    await pool.close();
    script.dispose();
  }
}

/**
 * Documents come from the workers in batches already joined by the separator: the same bytes as emitDocuments writes
 * for them one by one.
 */
async function emitBatches(batches: AsyncIterable<Uint8Array>, count: number): Promise<void> {
  if (count === 0) put('[]\n');
  else {
    if (count > 1) put('[\n');
    let first = true;
    for await (const b of batches) {
      if (!first) put(',\n');
      putBytes(b);
      first = false;
    }
    put(count > 1 ? '\n]\n' : '\n');
  }
  flush();
}

/** A worker: indexes ranges, then derives batches of patients, as the main thread asks. */
function workerMain(port: NonNullable<typeof parentPort>): void {
  let windows: ReadAheadWindow[] = [];
  let medications = new Map<string, Resource>();
  let options: DeriveOptions = { asOf: '' };
  let pretty = false;
  const encoder = new TextEncoder();
  const fail = (e: unknown) => port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
  port.on('message', (m: ToWorker) => {
    try {
      if (m.kind === 'index') {
        indexOneRange(m.path, m.start, m.end).then((r) => port.postMessage({ kind: 'indexed', task: m.task, ...r } satisfies FromWorker, [r.runs.buffer as ArrayBuffer]), fail);
      } else if (m.kind === 'setup') {
        windows = m.files.map((f) => new ReadAheadWindow(openSync(f, 'r'), WORKER_READ_AHEAD_BYTES));
        medications = new Map(m.medications);
        options = m.options;
        pretty = m.pretty;
      } else {
        prefetchBatch(m.patients, windows);
        const text = m.patients.map(([patientId, triples]) => documentText(deriveSafely(readPatient(patientId, triples, windows, medications), options), pretty)).join(',\n');
        const bytes = encoder.encode(text);
        port.postMessage({ kind: 'derived', seq: m.seq, bytes } satisfies FromWorker, [bytes.buffer]);
      }
    } catch (e) {
      fail(e);
    }
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
}

/**
 * Reads, per file, the span of a batch's lines in one go when they lie close together (the usual layout: consecutive
 * patients are consecutive in every file), so that a worker reads its own patients and not the others'.
 */
function prefetchBatch(patients: Array<[string, number[]]>, windows: ReadAheadWindow[]): void {
  const lo = new Array<number>(windows.length).fill(Infinity);
  const hi = new Array<number>(windows.length).fill(-Infinity);
  const sum = new Array<number>(windows.length).fill(0);
  for (const [, triples] of patients) {
    for (let i = 0; i < triples.length; i += 3) {
      const f = triples[i]!;
      lo[f] = Math.min(lo[f]!, triples[i + 1]!);
      hi[f] = Math.max(hi[f]!, triples[i + 1]! + triples[i + 2]!);
      sum[f] = sum[f]! + triples[i + 2]!;
    }
  }
  for (let f = 0; f < windows.length; f++) {
    if (sum[f] === 0) continue;
    // Gaps (other patients' lines) of up to the batch's own bytes are read through rather than skipped.
    if (hi[f]! - lo[f]! <= 2 * sum[f]! + (64 << 10)) windows[f]!.prefetch(lo[f]!, hi[f]!);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options: DeriveOptions = { asOf: args.asOf };
  let isDir: boolean;
  try {
    isDir = statSync(args.path).isDirectory();
  } catch {
    usage(2, `cannot read ${args.path}`);
  }
  const bundles = isDir ? bundleFiles(args.path) : [];
  if (bundles.length > 0) await deriveBundleFolder(args.path, bundles, options, args.pretty);
  else if (isDir && args.workers > 1) await deriveNdjsonFolderOnWorkers(args.path, options, args.pretty, args.workers);
  else if (isDir) await deriveNdjsonFolder(args.path, options, args.pretty);
  else await deriveBundleFile(args.path, options, args.pretty);
}

if (!isMainThread && (workerData as { deriveWorker?: boolean } | null)?.deriveWorker && parentPort) workerMain(parentPort);
else {
  main().catch((e) => {
    process.stderr.write(`derive: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
