/**
 * A worker thread of `npm run derive` (bundled with what it imports into one module by workers.ts): indexes byte
 * ranges, then derives batches of patients, as the main thread asks.
 */
import { openSync } from 'node:fs';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { Resource } from 'fhir/r4';
import { deriveSafely } from '../../src/clinical/derive';
import type { DeriveOptions } from '../../src/clinical/types';
import { documentText } from './emit';
import { indexOneRange } from './ndjson-index';
import { ReadAheadWindow } from './positional-read';
import { readPatient } from './read-patient';
import { threadCpuSeconds } from './thread-cpu';
import type { FromWorker, ToWorker } from './workers';

/** Read-ahead per file per worker when a batch's lines are too spread out to be read in one go. */
const WORKER_READ_AHEAD_BYTES = 256 << 10;
/** The encoding buffer's usual size (a batch whose documents need more gets a larger one, given back after). */
const SCRATCH_BYTES = 4 << 20;

/** A worker: indexes ranges, then derives batches of patients, as the main thread asks. */
function workerMain(port: NonNullable<typeof parentPort>): void {
  let windows: ReadAheadWindow[] = [];
  let medications = new Map<string, Resource>();
  let options: DeriveOptions = { asOf: '' };
  let pretty = false;
  // The batch's documents are encoded one by one straight into this buffer (joining them first made one long string
  // that had to be flattened and encoded again), then copied once into the bytes that travel to the main thread.
  let scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const fail = (e: unknown) => port.postMessage({ kind: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
  port.on('message', (m: ToWorker) => {
    try {
      if (m.kind === 'index') {
        const r = indexOneRange(m.path, m.start, m.end);
        port.postMessage({ kind: 'indexed', task: m.task, ...r } satisfies FromWorker, [r.runs.buffer as ArrayBuffer]);
      } else if (m.kind === 'cpu') {
        port.postMessage({ kind: 'cpu', seconds: threadCpuSeconds() } satisfies FromWorker);
      } else if (m.kind === 'setup') {
        windows = m.files.map((f) => new ReadAheadWindow(openSync(f, 'r'), WORKER_READ_AHEAD_BYTES));
        medications = new Map(m.medications);
        options = m.options;
        pretty = m.pretty;
      } else {
        prefetchBatch(m.patients, windows);
        let length = 0;
        m.patients.forEach(([patientId, triples], i) => {
          const text = documentText(deriveSafely(readPatient(patientId, triples, windows, medications), options), pretty);
          const room = length + 2 + 3 * text.length;
          if (room > scratch.length) {
            const larger = Buffer.allocUnsafeSlow(Math.max(room, 2 * scratch.length));
            scratch.copy(larger, 0, 0, length);
            scratch = larger;
          }
          if (i > 0) length += scratch.write(',\n', length, 'latin1');
          length += scratch.write(text, length, 'utf8');
        });
        const bytes = Buffer.allocUnsafeSlow(length);
        scratch.copy(bytes, 0, 0, length);
        if (scratch.length > SCRATCH_BYTES) scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
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

if (!isMainThread && parentPort) workerMain(parentPort);
