/**
 * `npm run bench [-- options]`: speed and size, measured on this machine. Prints one table; each row is measured in
 * this run, with its target and pass/fail. A part that depends on other work (the engine, the derive CLI, the
 * sandbox, the app build) that fails gives a FAIL row with the reason instead of stopping the bench.
 *
 * Rows:
 *  - derivation time (median of 7 batches of runs once the JIT has settled, see timeDerive; and the first call) of a typical synthetic record at 1x, 10x, 100x its
 *    size, and the time ratio against the resource ratio (target: 10x the resources within 15x the time); of records
 *    of an EHR export's size and shape (sandbox/patients/realistic.ts); of a 30-year, ~5,000-resource record
 *    (target < 100 ms); each with resources/s;
 *  - population mode: `npm run derive` (scripts/population/cli.ts) over N EHR-export-sized patients as Bulk Data NDJSON in a child process, on
 *    one thread and on worker threads (target >= 1.8x), the same bytes from both, peak RSS (target < 500 MB), against
 *    the floor of one pass that only reads and JSON.parses every line (bench/parse-floor.mjs; target: per core within
 *    2x of it); patients/s and resources/s. With --population-input, the same rows over a folder of real records
 *    instead (the public SMART sandbox's patient bundles, or a Bulk Data NDJSON export);
 *  - gzipped JavaScript that index.html and launch.html load at start, from the production build's manifest;
 *  - launch-to-timeline in headless Chromium through the sandbox (production build) for the typical demo patient and
 *    the EHR-export-sized one, at no injected latency, --latency and --slow-latency on every request to the EHR (FHIR
 *    and authorization server, CORS preflights included), alternating with a bare SMART client (bench/floor/: the
 *    launch, token and the app's own queries, no library, framework or rendering) served by a second sandbox and
 *    configured from the app's observed requests (target: the app within 1.2x of it); the slope of launch time over
 *    latency against the round trips the latency bound counts (target: no more); the request count; the launch with
 *    scripts cached; a 30-year record.
 *
 * Options: --no-build (use the existing dist/), --latency MS (50), --slow-latency MS (200; 0 skips), --patient ID
 *          (trd-two-failures), --realistic-patient ID (ehr-export-mdd; '' skips), --long-patient ID (thirty-years;
 *          '' skips), --launch-runs N (5), --population N (2000), --population-input FOLDER (population mode over
 *          that folder's FHIR Bundle .json files, one or more patients each, or its .ndjson files, instead of N
 *          generated patients), --workers N (the cores), --json FILE (the rows as JSON),
 *          --skip derive,realistic,thirty,population,size,launch,floor,cold,warm (cold: the launches in new profiles),
 *          --only GROUPS (skips every group of derive,realistic,thirty,population,size,launch not named; `--only layers`
 *          builds the layer pages of bench/floor-layers/ and launches them, --patient and --realistic-patient at no latency and --latency,
 *          alternating with the bare client and the app: each page's median and its ratio to the bare client;
 *          with --against DIR, a second build of the app (a copy of an earlier dist/) in place of the layer pages).
 * Ports: BENCH_SANDBOX_PORT, BENCH_APP_PORT, BENCH_FLOOR_SANDBOX_PORT, BENCH_FLOOR_APP_PORT (default: any free port).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseOptions } from './options';
import { type Row, errorText, log, printTable } from './report';
import { deriveRows } from './derivation-rows';
import { populationRows } from './population-rows';
import { buildApp, sizeRows } from './bundle-size-rows';
import { launchRows } from './launch-rows';
import { layerRows } from './layer-rows';

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const machine = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}`;
  log(machine);
  await deriveRows(rows, o.skip);
  if (!o.skip.has('population')) await populationRows(rows, o.population, o.workers, o.populationInput);
  if (!o.skip.has('size') || !o.skip.has('launch') || o.layers) {
    try {
      if (o.build) buildApp();
    } catch (e) {
      rows.push({ measure: 'production build', figure: 'error', target: '-', pass: false, note: errorText(e) });
    }
  }
  if (!o.skip.has('size')) sizeRows(rows);
  if (!o.skip.has('launch')) await launchRows(rows, o);
  if (o.layers) await layerRows(rows, o);
  process.stdout.write(`\nBenchmark, ${machine}\n\n`);
  printTable(rows);
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine, rows }, null, 2));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${errorText(e)}\n`);
  process.exit(1);
});