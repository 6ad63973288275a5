/**
 * `npm run derive -- <path> [--as-of YYYY-MM-DD]`
 *
 * Reads a FHIR Bundle (JSON file: one patient or several) or a folder of Bulk Data NDJSON files (one per resource
 * type, many patients) and prints one Derivation per patient to stdout (a JSON array when there are several).
 * The engine is src/clinical/derive.ts, the same code path as the app; this file is the only I/O.
 *
 * NDJSON streams in two passes so memory stays far below the input size:
 *  1. index: read every file line by line and note, per patient, where its lines are (file, byte offset, length);
 *     Medication resources (no patient) are small and shared, so they are kept in memory by id;
 *  2. derive: for one patient at a time, read back its lines by offset, attach the Medications they reference,
 *     derive, write the document, and let it go.
 * A patient whose data breaks the engine gets `{ "patient": id, "error": message }` and the others go on.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { deriveSafely, groupResourcesByPatient, medicationReferencesOf, patientIdOf } from '../src/clinical/derive';
import type { DeriveOptions, PatientRecord } from '../src/clinical/types';

interface Args {
  path: string;
  asOf: string;
  pretty: boolean;
}

function parseArgs(argv: string[]): Args {
  let path: string | null = null;
  let asOf = new Date().toISOString().slice(0, 10);
  let pretty = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--as-of') asOf = argv[++i] ?? '';
    else if (a.startsWith('--as-of=')) asOf = a.slice('--as-of='.length);
    else if (a === '--pretty') pretty = true;
    else if (a === '--help' || a === '-h') usage(0);
    else if (!a.startsWith('--')) path = a;
    else usage(2, `unknown option ${a}`);
  }
  if (!path) usage(2, 'missing <path>');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) usage(2, `--as-of must be YYYY-MM-DD, got "${asOf}"`);
  return { path: path!, asOf, pretty };
}

function usage(code: number, message?: string): never {
  if (message) process.stderr.write(`derive: ${message}\n`);
  process.stderr.write('usage: npm run derive -- <bundle.json | ndjson-folder> [--as-of YYYY-MM-DD] [--pretty]\n');
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

/** Writes what `put` gathered; a non-blocking stdout (EAGAIN) is waited on briefly and retried. */
function flush(): void {
  let offset = 0;
  while (offset < outLength) {
    try {
      offset += writeSync(1, outBuffer, offset, outLength - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(0); // the reader went away (e.g. `| head`): nothing more to say
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(sleeper, 0, 0, 5);
    }
  }
  outLength = 0;
  if (outBuffer.length > OUTPUT_BUFFER_BYTES) outBuffer = Buffer.allocUnsafe(OUTPUT_BUFFER_BYTES);
}

async function emitAll(records: AsyncIterable<PatientRecord> | Iterable<PatientRecord>, count: number, options: DeriveOptions, pretty: boolean): Promise<void> {
  const json = (x: unknown) => JSON.stringify(x, null, pretty ? 2 : undefined);
  if (count === 0) put('[]\n');
  else if (count === 1) {
    for await (const r of records) put(`${json(deriveSafely(r, options))}\n`);
  } else {
    put('[\n');
    let first = true;
    for await (const r of records) {
      if (!first) put(',\n');
      put(json(deriveSafely(r, options)));
      first = false;
    }
    put('\n]\n');
  }
  flush();
}

// ---------------------------------------------------------------------------------------------
// Bundle (or single resource, or array of resources) in one JSON file
// ---------------------------------------------------------------------------------------------

function resourcesOfJson(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  const d = doc as { resourceType?: unknown; entry?: unknown } | null;
  if (d && d.resourceType === 'Bundle') {
    const entries = Array.isArray(d.entry) ? d.entry : [];
    return entries.map((e) => (e as { resource?: unknown } | null)?.resource).filter((r) => r !== undefined);
  }
  return d ? [d] : [];
}

async function deriveBundleFile(file: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const resources = resolveUrnReferences(resourcesOfJson(doc), doc);
  const { records, unattached } = groupResourcesByPatient(resources);
  if (unattached.length > 0) process.stderr.write(`derive: ${unattached.length} resource(s) belong to no patient and were not attached to one\n`);
  await emitAll(records, records.length, options, pretty);
}

/** Transaction bundles refer to each other by fullUrl ("urn:uuid:..."): rewrite those to Type/id where known. */
function resolveUrnReferences(resources: unknown[], doc: unknown): unknown[] {
  const entries = (doc as { entry?: unknown })?.entry;
  if (!Array.isArray(entries)) return resources;
  const map = new Map<string, string>();
  for (const e of entries) {
    const full = (e as { fullUrl?: unknown })?.fullUrl;
    const r = (e as { resource?: { resourceType?: unknown; id?: unknown } })?.resource;
    if (typeof full === 'string' && full.startsWith('urn:') && r && typeof r.resourceType === 'string' && typeof r.id === 'string')
      map.set(full, `${r.resourceType}/${r.id}`);
  }
  if (map.size === 0) return resources;
  // Every Reference in the resource (subject, medicationReference, reasonReference, Encounter.diagnosis, CarePlan.addresses, ...).
  const fix = (node: unknown, depth: number): void => {
    if (depth > 12 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const x of node) fix(x, depth + 1);
      return;
    }
    const holder = node as Record<string, unknown>;
    const ref = holder.reference;
    if (typeof ref === 'string' && map.has(ref)) holder.reference = map.get(ref)!;
    for (const key in holder) if (key !== 'reference' && typeof holder[key] === 'object') fix(holder[key], depth + 1);
  };
  for (const r of resources) fix(r, 0);
  return resources;
}

// ---------------------------------------------------------------------------------------------
// Bulk Data NDJSON folder
// ---------------------------------------------------------------------------------------------

/** Per patient: flat triples (file index, byte offset, byte length) of its lines. */
type LineIndex = Map<string, number[]>;

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
 * Pass 1: stream each file in large chunks, note where each patient's lines are; keep Medications by reference.
 * The usual line (`{"resourceType":"X",...` with a compact `"subject":{"reference":"Patient/..."}`, X neither Patient
 * nor Medication) is indexed by byte search alone, without decoding or parsing it; anything else is decoded as UTF-8
 * and, when the regex is not enough, parsed (Patient and Medication lines, other layouts, non-ASCII ids).
 */
async function indexNdjson(files: string[]): Promise<{ index: LineIndex; medications: Map<string, Resource>; skipped: number }> {
  const index: LineIndex = new Map();
  const medications = new Map<string, Resource>();
  let skipped = 0;
  for (let f = 0; f < files.length; f++) {
    const note = (pid: string, start: number, length: number) => {
      const list = index.get(pid);
      if (list) list.push(f, start, length);
      else index.set(pid, [f, start, length]);
    };
    /** The careful path: the line as UTF-8, parsed when the cheap scan is not enough. */
    const slowLine = (bytes: Buffer, start: number) => {
      const text = bytes.toString('utf8');
      if (text.trim() === '') return;
      let pid: string | null = null;
      if (PATIENT_ID_RE.test(text) || text.includes('"Medication"') || !PATIENT_REF_RE.test(text)) {
        let r: unknown;
        try {
          r = JSON.parse(text);
        } catch {
          skipped++;
          return;
        }
        const res = r as Resource;
        if (res?.resourceType === 'Medication' && typeof res.id === 'string') {
          medications.set(`Medication/${res.id}`, res);
          return;
        }
        pid = patientIdOf(r);
      } else pid = PATIENT_REF_RE.exec(text)![1]!;
      if (pid === null) {
        skipped++;
        return;
      }
      note(pid, start, bytes.length);
    };
    /** Lines of `buf` (which starts at file offset `base`); returns the bytes after the last newline. */
    const lines = (buf: Buffer, base: number): Buffer => {
      const compactSubject = new NextOccurrence(buf, COMPACT_SUBJECT);
      let pos = 0;
      let nl: number;
      while ((nl = buf.indexOf(10, pos)) !== -1) {
        const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
        if (end > pos) {
          // Fast path: the line starts with its resourceType, which is neither Patient nor Medication, and its first
          // compact subject reference names a patient.
          let pid: string | null = null;
          const at = compactSubject.from(pos);
          if (at < end && isOrdinaryResourceLine(buf, pos, end)) {
            const valueStart = at + COMPACT_SUBJECT.length;
            const quote = buf.indexOf(34, valueStart);
            if (quote !== -1 && quote < end) pid = PATIENT_REF_VALUE.exec(buf.toString('latin1', valueStart, quote))?.[1] ?? null;
          }
          if (pid !== null) note(pid, base + pos, end - pos);
          else slowLine(buf.subarray(pos, end), base + pos);
        }
        pos = nl + 1;
      }
      return buf.subarray(pos);
    };
    let offset = 0;
    let carry: Buffer | null = null;
    for await (const chunk of createReadStream(files[f]!, { highWaterMark: INDEX_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
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
      const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
      if (end > 0) slowLine(carry.subarray(0, end), offset - carry.length);
    }
  }
  return { index, medications, skipped };
}

const READ_AHEAD_BYTES = 4 << 20;

/** Positional reads of one file through a reused window of READ_AHEAD_BYTES (memory stays bounded per file). */
class ReadAheadWindow {
  private readonly window = Buffer.allocUnsafe(READ_AHEAD_BYTES);
  private windowStart = 0;
  private windowEnd = 0;
  constructor(private readonly fd: number) {}

  /** The bytes [start, end) of the file: a buffer and where they begin in it (valid until the next call). */
  bytes(start: number, end: number): { buf: Buffer; at: number } {
    if (start >= this.windowStart && end <= this.windowEnd) return { buf: this.window, at: start - this.windowStart };
    if (end - start > READ_AHEAD_BYTES) {
      const buf = Buffer.allocUnsafe(end - start);
      readFully(this.fd, buf, buf.length, start);
      return { buf, at: 0 };
    }
    this.windowStart = start;
    this.windowEnd = start + readFully(this.fd, this.window, READ_AHEAD_BYTES, start);
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

/**
 * Pass 2: one patient's resources read back by offset (positional reads; no file is held in memory). Lines of one
 * patient that sit next to each other in a file (the usual Bulk Data layout) are read in one call, served from a
 * read-ahead window per file: Bulk Data files list patients in much the same order, so one large read serves many
 * patients (system calls, not bytes, were the cost: a few per patient per file).
 */
function* patientRecords(files: string[], index: LineIndex, medications: Map<string, Resource>): Generator<PatientRecord> {
  const fds = files.map((f) => openSync(f, 'r'));
  const windows = fds.map((fd) => new ReadAheadWindow(fd));
  try {
    for (const [patientId, triples] of index) {
      const resources: unknown[] = [];
      const meds = new Set<string>();
      const take = (text: string) => {
        let r: unknown;
        try {
          r = JSON.parse(text);
        } catch {
          // Kept as an input the ledger will list as "not a FHIR resource".
          r = { malformedLine: true };
        }
        resources.push(r);
        for (const ref of medicationReferencesOf(r)) if (medications.has(ref)) meds.add(ref);
      };
      let i = 0;
      while (i < triples.length) {
        // Extend the run while the next line follows this one directly (same file, next offset after "\n" or "\r\n").
        const file = triples[i]!;
        const start = triples[i + 1]!;
        let end = start + triples[i + 2]!;
        let j = i + 3;
        const lengths = [triples[i + 2]!];
        const starts = [start];
        while (j < triples.length && triples[j] === file && triples[j + 1]! - end <= 2 && triples[j + 1]! >= end) {
          starts.push(triples[j + 1]!);
          lengths.push(triples[j + 2]!);
          end = triples[j + 1]! + triples[j + 2]!;
          j += 3;
        }
        const { buf, at } = windows[file]!.bytes(start, end);
        for (let k = 0; k < starts.length; k++) take(buf.toString('utf8', at + starts[k]! - start, at + starts[k]! - start + lengths[k]!));
        i = j;
      }
      for (const ref of meds) resources.push(medications.get(ref)!);
      yield { patientId, resources: resources as Resource[] };
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}

async function deriveNdjsonFolder(dir: string, options: DeriveOptions, pretty: boolean): Promise<void> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .ndjson files in ${dir}`);
  const { index, medications, skipped } = await indexNdjson(files);
  if (skipped > 0) process.stderr.write(`derive: ${skipped} line(s) skipped (not JSON, or belonging to no patient)\n`);
  await emitAll(patientRecords(files, index, medications), index.size, options, pretty);
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
  if (isDir) await deriveNdjsonFolder(args.path, options, args.pretty);
  else await deriveBundleFile(args.path, options, args.pretty);
}

main().catch((e) => {
  process.stderr.write(`derive: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
