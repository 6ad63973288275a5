/**
 * `npm run derive -- <path> [--as-of YYYY-MM-DD]`: the arguments, and which reader runs.
 *
 * Reads a FHIR Bundle (JSON file: one patient or several), a folder of such Bundle files (as the public SMART sandbox
 * publishes its patients, one file each; derived one file at a time on the main thread) or a folder of Bulk Data
 * NDJSON files (one per resource type, many patients) and prints one Derivation per patient to stdout (a JSON array
 * when there are several).
 * The engine is src/clinical/derive.ts, the same code path as the app; this folder (scripts/population/) is the only I/O:
 * cli.ts (arguments), bundles.ts (Bundle files), ndjson-index.ts (pass 1), positional-read.ts and read-patient.ts
 * (pass 2), one-thread.ts (both passes on the main thread), workers.ts and worker.ts (both passes on worker threads),
 * emit.ts (stdout), thread-cpu.ts (processor time by thread, for the bench).
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
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { DeriveOptions } from '../../src/clinical/types';

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

/** The .json files of a folder that holds no NDJSON (a folder of Bundles), sorted; [] otherwise. */
function bundleFiles(dir: string): string[] {
  const names = readdirSync(dir);
  if (names.some((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'))) return [];
  return names.filter((f) => f.endsWith('.json')).sort();
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
  // Each path loads its own modules: with worker threads the main thread never loads the engine (the workers do),
  // which takes a few tenths of a second off the start, when the workers wait for it.
  const bundles = isDir ? bundleFiles(args.path) : [];
  if (bundles.length > 0) await (await import('./bundles')).deriveBundleFolder(args.path, bundles, options, args.pretty);
  else if (isDir && args.workers > 1) await (await import('./workers')).deriveNdjsonFolderOnWorkers(args.path, options, args.pretty, args.workers);
  else if (isDir) await (await import('./one-thread')).deriveNdjsonFolder(args.path, options, args.pretty);
  else await (await import('./bundles')).deriveBundleFile(args.path, options, args.pretty);
}

main().catch((e) => {
  process.stderr.write(`derive: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
