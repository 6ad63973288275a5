/**
 * The main thread's side of the worker threads: the pool, pass 1 as byte ranges handed out (the main thread indexes
 * too, while the workers load), pass 2 as batches of consecutive patients handed out in the index's order, their
 * documents written in that order as they come back. The worker's side is worker.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Resource } from 'fhir/r4';
import type { DeriveOptions } from '../../src/clinical/types';
import { emitBatches, reportSkipped } from './emit';
import { indexOneRange, lineAlignedRanges, ndjsonFiles, noteRun, type LineIndex, type NdjsonIndex, type RangeIndex } from './ndjson-index';
import { cpuReportWanted, reportCpu } from './thread-cpu';

/** Messages to a worker. */
export type ToWorker =
  | { kind: 'index'; task: number; path: string; start: number; end: number }
  | { kind: 'setup'; files: string[]; medications: Array<[string, Resource]>; options: DeriveOptions; pretty: boolean }
  | { kind: 'derive'; seq: number; patients: Array<[string, number[]]> }
  | { kind: 'cpu' };

/** Messages from a worker. */
export type FromWorker =
  | { kind: 'ready' }
  | ({ kind: 'indexed'; task: number } & RangeIndex)
  | { kind: 'derived'; seq: number; bytes: Uint8Array }
  | { kind: 'cpu'; seconds: number | null }
  | { kind: 'failed'; message: string };

/**
 * How much bytecode a function runs before V8 queues it for its optimising compiler: 8 times V8's default (67,584).
 * Each worker compiles the engine again, on the cores the workers need: with the default, the compiler threads took
 * about 3.4 of 13.4 CPU-s for 2,000 EHR-export-sized patients on 2 workers; with this budget about 1.4, for some 0.5
 * s more in the workers themselves (fewer, later optimisations), 1.0-1.3 CPU-s less in all, the same bytes. One thread
 * keeps the default: there the compiler runs on a core the main thread leaves idle, and the later optimisation
 * would lengthen the main thread by about 0.4 s.
 */
const WORKER_INTERRUPT_BUDGET = 8 * 67_584;

/** Consecutive patients are handed to a worker together until their lines reach this many bytes (or BATCH_PATIENTS). */
const BATCH_INPUT_BYTES = 1 << 20;
const BATCH_PATIENTS = 256;
/** Batches handed out ahead of the next one to write: bounds the documents waiting for an earlier batch. */
const DERIVE_WINDOW = 8;
/** Batches queued per worker, so a worker never waits for the main thread between two batches. */
const QUEUED_PER_WORKER = 2;

class WorkerPool {
  readonly workers: Worker[];
  private handler: (w: Worker, m: FromWorker) => void = () => undefined;
  private failure: ((e: Error) => void) | null = null;
  private readonly ready = new Set<Worker>();

  /** `script`: worker.ts as one plain JavaScript module (workerScript). */
  constructor(size: number, script: string) {
    this.workers = Array.from({ length: size }, () => new Worker(pathToFileURL(script)));
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
 * Pass 1: line-aligned ranges of every file, indexed by the main thread from the start (while the workers' script is
 * bundled and the workers load) and by the workers once they are ready, merged in file order (the same index as one
 * thread).
 */
async function indexOnWorkers(starting: Promise<WorkerPool>, files: string[]): Promise<NdjsonIndex> {
  const tasks = files.flatMap((path, file) => lineAlignedRanges(path).map((r) => ({ file, path, ...r })));
  const results = new Array<RangeIndex | undefined>(tasks.length);
  let next = 0;
  let finished = 0;
  let finish: () => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const indexed = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const give = (w: Worker) => {
    if (next >= tasks.length) return;
    const t = tasks[next]!;
    w.postMessage({ kind: 'index', task: next++, path: t.path, start: t.start, end: t.end } satisfies ToWorker);
  };
  starting.then((pool) => {
    // A pool that starts after the main thread has indexed everything is left for pass 2.
    if (finished === tasks.length) return;
    pool
      .run(
        () => {
          for (const w of pool.workers) if (pool.isReady(w)) give(w);
        },
        (w, m) => {
          if (m.kind === 'ready') give(w);
          if (m.kind !== 'indexed') return;
          results[m.task] = m;
          if (++finished === tasks.length) finish();
          else give(w);
        },
      )
      .catch(fail);
  }, fail);
  const mainThread = async () => {
    while (next < tasks.length) {
      const i = next++;
      const t = tasks[i]!;
      results[i] = indexOneRange(t.path, t.start, t.end);
      if (++finished === tasks.length) finish();
      // The workers' messages (ready for work, a range indexed) and the bundler's answer are taken between two ranges.
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  mainThread().catch(fail);
  await indexed;
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

/** Each worker's own processor time, asked for once the work is done (thread-cpu.ts). */
async function workersCpu(pool: WorkerPool): Promise<Array<number | null>> {
  const seconds = new Map<Worker, number | null>();
  await pool.run(
    () => pool.workers.forEach((w) => w.postMessage({ kind: 'cpu' } satisfies ToWorker)),
    (w, m, done) => {
      if (m.kind !== 'cpu') return;
      seconds.set(w, m.seconds);
      if (seconds.size === pool.workers.length) done();
    },
  );
  return pool.workers.map((w) => seconds.get(w) ?? null);
}

/**
 * worker.ts and everything it imports as one JavaScript module in a temporary folder, for the workers. Run through tsx,
 * each worker would register the TypeScript loader (a thread of its own) and load some sixty modules through it: about
 * 0.35 s and twice that in processor time per worker, where esbuild (the transpiler tsx itself runs) bundles them
 * once in about 0.06 s and a worker loads the result in a few hundredths.
 */
async function workerScript(): Promise<{ path: string; dispose: () => void }> {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'derive-worker-'));
  const path = join(dir, 'derive-worker.mjs');
  try {
    await build({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'worker.ts')], outfile: path, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function deriveNdjsonFolderOnWorkers(dir: string, options: DeriveOptions, pretty: boolean, workers: number): Promise<void> {
  // V8's flags are the process's: set before the workers' isolates start (the main thread runs little JavaScript).
  setFlagsFromString(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
  const files = ndjsonFiles(dir);
  // esbuild bundles in a process of its own: the main thread indexes meanwhile, and the workers start once it is done.
  const starting = workerScript().then((script) => ({ script, pool: new WorkerPool(workers, script.path) }));
  try {
    const indexed = await indexOnWorkers(starting.then((s) => s.pool), files);
    const { pool } = await starting;
    reportSkipped(indexed.skipped);
    await emitBatches(documentsFromWorkers(pool, files, indexed, options, pretty), indexed.index.size);
    if (cpuReportWanted) reportCpu(await workersCpu(pool));
  } finally {
    const started = await starting.catch(() => null);
    if (started) {
      await started.pool.close();
      started.script.dispose();
    }
  }
}
