/**
 * `npm run bench [-- options]`: speed and size, measured on this machine. Prints one table; each row is measured in
 * this run, with its target and pass/fail. A part that depends on other work (the engine, the derive CLI, the
 * sandbox, the app build) that fails gives a FAIL row with the reason instead of stopping the bench.
 *
 * Rows:
 *  - derivation time (median of 7 batches of runs, see timeDerive) of a typical synthetic record at 1x, 10x, 100x its
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
 *          --skip derive,realistic,thirty,population,size,launch,floor,warm.
 * Ports: BENCH_SANDBOX_PORT, BENCH_APP_PORT, BENCH_FLOOR_SANDBOX_PORT, BENCH_FLOOR_APP_PORT (default: any free port).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { demoPatients } from '../sandbox/patients';
import { type Derive, derivationCases, median, timeDerive } from './derivation-timing';
import { plannedSearches } from '../src/fhir/queries';
import { resolveUrnReferences, resourcesOfJson } from '../src/clinical/bundle';
import { patientIdOf } from '../src/clinical/group-by-patient';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';

interface Row {
  measure: string;
  figure: string;
  target: string;
  pass: boolean | null;
  note?: string;
}

interface Options {
  build: boolean;
  latencyMs: number;
  /** A second, long latency: the slope of launch time over latency (0 skips it). */
  slowLatencyMs: number;
  /** A demo patient with a record of decades, launched too ('' skips it). */
  longPatient: string;
  patient: string;
  /** A demo patient of an EHR export's size, launched beside `patient` ('' skips it). */
  realisticPatient: string;
  launchRuns: number;
  population: number;
  /** A folder of real records (FHIR Bundle .json files or Bulk Data .ndjson) for population mode, instead of generated ones. */
  populationInput: string | null;
  /** Worker threads of the population run beside the one-thread run. */
  workers: number;
  skip: Set<string>;
  json: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    build: true,
    latencyMs: 50,
    slowLatencyMs: 200,
    longPatient: 'thirty-years',
    patient: 'trd-two-failures',
    realisticPatient: 'ehr-export-mdd',
    launchRuns: 5,
    population: 2000,
    populationInput: null,
    workers: cpus().length,
    skip: new Set(),
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${a} needs a number`);
      return n;
    };
    if (a === '--no-build') o.build = false;
    else if (a === '--latency') o.latencyMs = num();
    else if (a === '--slow-latency') o.slowLatencyMs = num();
    else if (a === '--long-patient') o.longPatient = argv[++i] ?? '';
    else if (a === '--patient') o.patient = argv[++i] ?? o.patient;
    else if (a === '--realistic-patient') o.realisticPatient = argv[++i] ?? '';
    else if (a === '--workers') o.workers = Math.max(1, Math.round(num()));
    else if (a === '--launch-runs') o.launchRuns = Math.max(1, Math.round(num()));
    else if (a === '--population') o.population = Math.max(1, Math.round(num()));
    else if (a === '--population-input') o.populationInput = argv[++i] ?? null;
    else if (a === '--skip') for (const s of (argv[++i] ?? '').split(',')) o.skip.add(s.trim());
    else if (a === '--json') o.json = argv[++i] ?? null;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Derivation in-process
// ---------------------------------------------------------------------------------------------------------------

async function loadEngine(): Promise<Derive> {
  const m = (await import('../src/clinical/index')) as { derivePatient?: Derive };
  if (typeof m.derivePatient !== 'function') throw new Error('src/clinical/index.ts exports no derivePatient');
  return m.derivePatient;
}

async function deriveRows(rows: Row[], skip: Set<string>): Promise<void> {
  const today = new Date();
  const asOf = today.toISOString().slice(0, 10);
  let derive: Derive;
  try {
    derive = await loadEngine();
  } catch (e) {
    rows.push({ measure: 'derivation (engine)', figure: 'n/a', target: '-', pass: false, note: `engine not loadable: ${errorText(e)}` });
    return;
  }
  const results: Array<{ k: number; n: number; t: number }> = [];
  for (const c of derivationCases(today, skip)) {
    const name = c.measure.replace(/ \(\d+ resources\)$/, '');
    try {
      const t = timeDerive(derive, c.resources, c.patientId, asOf, 7);
      if (c.scale !== undefined) results.push({ k: c.scale, n: c.resources.length, t });
      if (c.group === 'thirty') rows.push({ measure: c.measure, figure: ms(t), target: '< 100 ms', pass: t < 100 });
      else {
        rows.push({
          measure: c.measure,
          figure: `${ms(t)} (${Math.round((c.resources.length / t) * 1000).toLocaleString('en-US')} resources/s)`,
          target: 'median',
          pass: null,
        });
      }
    } catch (e) {
      rows.push({ measure: name, figure: 'error', target: c.group === 'thirty' ? '< 100 ms' : '-', pass: false, note: errorText(e) });
    }
  }
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    const nRatio = b.n / a.n;
    const tRatio = b.t / a.t;
    // "10x the resources within 15x the time": the time ratio may exceed the resource ratio by at most 1.5x.
    rows.push({
      measure: `scaling ${a.k}x -> ${b.k}x`,
      figure: `${nRatio.toFixed(1)}x resources, ${tRatio.toFixed(1)}x time`,
      target: `time <= ${(1.5 * nRatio).toFixed(1)}x`,
      pass: tRatio <= 1.5 * nRatio,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Population mode: the derive CLI in a child process
// ---------------------------------------------------------------------------------------------------------------

/** Runs `node --import tsx <script> args` with a preload that reports the process's peak RSS on exit. */
function runNodeScript(
  script: string,
  args: string[],
  stdoutFile: string | null,
  nodeFlags: string[] = [],
  tsx = true,
): Promise<{ code: number | null; seconds: number; maxRssKb: number | null; cpuSeconds: number | null; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const preload = join(dir, 'maxrss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nBENCH_MAXRSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, '--require', preload, ...(tsx ? ['--import', 'tsx'] : []), script, ...args], {
    cwd: root,
    stdio: ['ignore', out, 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (typeof out === 'number') closeSync(out);
      rmSync(dir, { recursive: true, force: true });
      // The process's own line is the last (worker threads may print one too when they end: resource usage is the
      // process's, so the last one counts everything).
      const m = [...stderr.matchAll(/BENCH_MAXRSS_KB=(\d+) BENCH_CPU_US=(\d+)/g)].pop();
      resolve({
        code,
        seconds,
        maxRssKb: m ? Number(m[1]) : null,
        cpuSeconds: m ? Number(m[2]) / 1e6 : null,
        stderr: stderr.replace(/\n?BENCH_MAXRSS_KB=\d+ BENCH_CPU_US=\d+\n?/g, ''),
      });
    });
  });
}

/** The Node flags of package.json's `derive` script (e.g. its young-generation size), so the bench runs it as users do. */
function deriveNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.derive ?? '').split(/\s+/);
  return words[0] === 'node' ? words.slice(1, words.indexOf('--import')).filter((w) => w.startsWith('--')) : [];
}

/**
 * A folder of real records for population mode: Bulk Data NDJSON is used as it is; FHIR Bundles (.json, the public
 * SMART sandbox publishes one per patient, with urn:uuid references) are written as NDJSON, one file per resource
 * type, with their references resolved as `npm run derive` resolves a bundle's, so derive reads what it would read
 * from a Bulk Data export of the same records.
 */
function populationInput(folder: string, out: string): { ndjson: string; patients: number; resources: number; converted: number } {
  const names = readdirSync(folder).sort();
  const count = (dir: string, files: string[]) => {
    const ids = new Set<string>();
    let resources = 0;
    for (const f of files)
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        resources++;
        const pid = patientIdOf(JSON.parse(line));
        if (pid !== null) ids.add(pid);
      }
    return { patients: ids.size, resources };
  };
  const ndjsonFiles = names.filter((f) => f.endsWith('.ndjson') || f.endsWith('.jsonl'));
  if (ndjsonFiles.length > 0) return { ndjson: folder, ...count(folder, ndjsonFiles), converted: 0 };
  const bundles = names.filter((f) => f.endsWith('.json'));
  if (bundles.length === 0) throw new Error(`no .json bundles or .ndjson files in ${folder}`);
  mkdirSync(out, { recursive: true });
  const byType = new Map<string, string[]>();
  for (const f of bundles) {
    const doc = JSON.parse(readFileSync(join(folder, f), 'utf8')) as unknown;
    for (const r of resolveUrnReferences(resourcesOfJson(doc), doc)) {
      const type = (r as { resourceType?: unknown } | null)?.resourceType;
      if (typeof type !== 'string') continue;
      const lines = byType.get(type) ?? [];
      lines.push(JSON.stringify(r));
      byType.set(type, lines);
    }
  }
  for (const [type, lines] of byType) writeFileSync(join(out, `${type}.ndjson`), `${lines.join('\n')}\n`);
  return { ndjson: out, ...count(out, [...byType.keys()].map((t) => `${t}.ndjson`)), converted: bundles.length };
}

/**
 * Population mode on EHR-export-sized patients (sandbox/patients/realistic.ts, `--realistic`): the derive CLI on one
 * thread and on every core, against the floor of the same machine (one pass that only reads and JSON.parses every line
 * of the same files, bench/parse-floor.mjs). The two outputs must be the same bytes.
 */
async function populationRows(rows: Row[], generated: number, workers: number, input: string | null): Promise<void> {
  const script = join(root, 'scripts/population/cli.ts');
  const flags = deriveNodeFlags();
  const dir = mkdtempSync(join(tmpdir(), 'bench-pop-'));
  let ndjson = join(dir, 'ndjson');
  const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}`;
  try {
    let patients: number;
    let resources: number;
    let what: string;
    if (input === null) {
      log(`generating ${generated} EHR-export-sized patients as NDJSON...`);
      const gen = await runNodeScript(join(root, 'scripts/generate-patient.ts'), ['--realistic', '--patients', String(generated), '--ndjson', ndjson, '--seed', '1'], null);
      if (gen.code !== 0) throw new Error(`generator failed: ${gen.stderr.trim().slice(0, 200)}`);
      const counted = /(\d+) resources/.exec(gen.stderr);
      patients = generated;
      resources = counted ? Number(counted[1]) : NaN;
      what = 'generated EHR-export-sized patients';
    } else {
      const real = populationInput(input, ndjson);
      ndjson = real.ndjson;
      patients = real.patients;
      resources = real.resources;
      what = `the records of ${input}${real.converted ? ` (${real.converted} bundles written as NDJSON first, not timed)` : ''}`;
      log(`population input: ${patients} patients, ${resources} resources from ${what}`);
    }
    log('the floor: reading and parsing every line once...');
    const floorRun = await runNodeScript(join(root, 'bench/parse-floor.mjs'), [ndjson], join(dir, 'floor.json'), [], false);
    if (floorRun.code !== 0) throw new Error(`parse floor failed: ${floorRun.stderr.trim().slice(0, 200)}`);
    const floor = JSON.parse(readFileSync(join(dir, 'floor.json'), 'utf8')) as { lines: number; bytes: number; seconds: number };
    // Start-up (tsx transpiling, module loading) measured with --help (all modules load, then it exits 0), so the
    // rates can also be given without it.
    const idle = await runNodeScript(script, ['--help'], null, flags);
    const startup = idle.code === 0 ? idle.seconds : 0;
    log(`deriving ${patients} patients on one thread...`);
    const one = await runNodeScript(script, [ndjson, '--workers', '1'], join(dir, 'out-1.json'), flags);
    if (one.code !== 0) throw new Error(`derive --workers 1 exited with ${one.code}: ${one.stderr.trim().slice(0, 200)}`);
    log(`deriving ${patients} patients on ${workers} worker threads...`);
    const many = await runNodeScript(script, [ndjson, '--workers', String(workers)], join(dir, `out-${workers}.json`), flags);
    if (many.code !== 0) throw new Error(`derive --workers ${workers} exited with ${many.code}: ${many.stderr.trim().slice(0, 200)}`);
    const outOne = readFileSync(join(dir, 'out-1.json'));
    const same = outOne.equals(readFileSync(join(dir, `out-${workers}.json`)));
    const text = outOne.toString('utf8');
    const derived = (text.match(/^\s*\{"patient":/gm) ?? []).length;
    const errors = (text.match(/^\s*\{"patient":"[^"]*","error":/gm) ?? []).length;
    const size = `${patients} patients, ${resources.toLocaleString('en-US')} resources, ${(floor.bytes / 1e6).toFixed(0)} MB of NDJSON: ${what}`;
    const cpu = (r: { cpuSeconds: number | null }) => (r.cpuSeconds !== null ? `; CPU ${r.cpuSeconds.toFixed(1)} s (user+sys, all threads)` : '');
    rows.push({
      measure: `population floor: read and JSON.parse every line, one thread (${size})`,
      figure: `${rate(floor.lines, floor.seconds)} resources/s (${floor.seconds.toFixed(1)} s, ${(floor.bytes / 1e6 / floor.seconds).toFixed(0)} MB/s)`,
      target: 'floor',
      pass: null,
      note: `bench/parse-floor.mjs: what reading the input costs any JavaScript tool here, start-up excluded${cpu(floorRun)}`,
    });
    const oneNet = Math.max(0.001, one.seconds - startup);
    rows.push({
      measure: `population: derive, one thread (--workers 1)${input === null ? '' : `, ${input}`}`,
      figure: `${rate(patients, one.seconds)} patients/s, ${rate(resources, one.seconds)} resources/s (${one.seconds.toFixed(1)} s; ${rate(patients, oneNet)} patients/s without ${startup.toFixed(1)} s start-up)`,
      target: 'info',
      pass: null,
      note: `${derived} documents written${errors ? `, ${errors} error documents` : ''}${cpu(one)}; peak RSS ${one.maxRssKb === null ? '?' : `${(one.maxRssKb / 1024).toFixed(0)} MB`}`,
    });
    const manyNet = Math.max(0.001, many.seconds - startup);
    const speedup = one.seconds / many.seconds;
    rows.push({
      measure: `population: derive on ${workers} worker threads (--workers ${workers}, the default here)${input === null ? '' : `, ${input}`}`,
      figure: `${rate(patients, many.seconds)} patients/s, ${rate(resources, many.seconds)} resources/s (${many.seconds.toFixed(1)} s): ${speedup.toFixed(2)}x one thread`,
      target: '>= 1.8x one thread',
      pass: speedup >= 1.8,
      note: `${(oneNet / manyNet).toFixed(2)}x without start-up${cpu(many)}`,
    });
    rows.push({
      measure: 'population: the same bytes on worker threads as on one thread',
      figure: same ? `identical (${(outOne.length / 1e6).toFixed(0)} MB)` : 'different',
      target: 'identical',
      pass: same,
    });
    const cores = Math.min(workers, cpus().length);
    const perCore = resources / manyNet / cores;
    const floorRate = floor.lines / floor.seconds;
    // On a shared machine a process rarely has its cores to itself: the same comparisons in processor time (what
    // each run cost in CPU seconds, whatever it had to wait for), so the figures stay readable when the wall clock
    // does not.
    if (floorRun.cpuSeconds !== null && one.cpuSeconds !== null && many.cpuSeconds !== null) {
      const floorPerCpu = floor.lines / floorRun.cpuSeconds;
      rows.push({
        measure: 'population in processor time (CPU seconds, start-up included): derive against the floor',
        figure: `floor ${Math.round(floorPerCpu).toLocaleString('en-US')} resources per CPU second; derive ${Math.round(resources / one.cpuSeconds).toLocaleString('en-US')} on one thread, ${Math.round(resources / many.cpuSeconds).toLocaleString('en-US')} on ${workers} workers: the floor is ${(floorPerCpu / (resources / many.cpuSeconds)).toFixed(2)}x cheaper`,
        target: 'info',
        pass: null,
        note: `the worker threads cost ${((many.cpuSeconds / one.cpuSeconds - 1) * 100).toFixed(0)}% more processor time than one thread (mostly each worker compiling the engine again and collecting its own heap; start-up, messages and the ordered write are small)`,
      });
    }
    rows.push({
      measure: 'population: derive per core against the floor',
      figure: `${Math.round(perCore).toLocaleString('en-US')} resources/s per core against ${Math.round(floorRate).toLocaleString('en-US')}: the floor is ${(floorRate / perCore).toFixed(2)}x faster`,
      target: 'within 2x',
      pass: floorRate / perCore <= 2,
      note: `${workers} workers on ${cpus().length} cores, start-up excluded on both sides`,
    });
    rows.push({
      measure: `population: peak memory (RSS) of derive on ${workers} worker threads`,
      figure: many.maxRssKb === null ? 'unknown' : `${(many.maxRssKb / 1024).toFixed(0)} MB`,
      target: '< 500 MB',
      pass: many.maxRssKb === null ? null : many.maxRssKb / 1024 < 500,
      note: `the whole process, every thread; ${(floor.bytes / 1e6).toFixed(0)} MB of input`,
    });
  } catch (e) {
    rows.push({ measure: 'population mode', figure: 'error', target: '>= 1.8x one thread, < 500 MB', pass: false, note: errorText(e) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bundle size of the production build
// ---------------------------------------------------------------------------------------------------------------

function buildApp(): void {
  log('building the app (vite build)...');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
}

/** The JS an HTML page loads before anything else runs: module scripts and modulepreload links. */
/** One chunk of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/**
 * Files of `keys` and everything they import statically, transitively (what the browser must load before those
 * modules run), in the order first met.
 */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return files;
}

/**
 * What each page loads at start, from the build manifest. index.html loads its only script (src/main.tsx, the launch)
 * and, once the token request has left, preloads the React root (src/app-root.tsx), which draws the page's first
 * states, and the analysis chunk (engine, timeline, write-back), which the timeline needs; both are evaluated once the
 * launch's requests have left. "Initial" is the entry with the React root; the analysis chunk, fetched in parallel, is
 * shown beside it with the total.
 */
function sizeRows(rows: Row[]): void {
  const dist = join(root, 'dist');
  const gzipped = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
  const plural = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch (e) {
    rows.push({ measure: 'initial JS', figure: 'n/a', target: '-', pass: false, note: `no build manifest: ${errorText(e)}` });
    return;
  }
  try {
    const initial = staticClosure(manifest, ['index.html', 'src/app-root.tsx']);
    const initialGz = gzipped(initial);
    rows.push({
      measure: `initial JS of index.html, gzipped: the launch and the React root (${plural(initial.length)})`,
      figure: kB(initialGz),
      target: '< 150 kB',
      pass: initialGz < 150_000,
    });
    const analysis = staticClosure(manifest, ['src/views/shell/analysis-services.tsx']).filter((f) => !initial.includes(f));
    const analysisGz = gzipped(analysis);
    rows.push({
      measure: `JS of index.html in all, gzipped, with the engine-and-timeline chunk fetched in parallel (${plural(initial.length + analysis.length)})`,
      figure: `${kB(initialGz + analysisGz)} (engine and timeline ${kB(analysisGz)})`,
      target: 'info',
      pass: null,
      note: 'the timeline needs it; it loads while the token and the record are on their way',
    });
  } catch (e) {
    rows.push({ measure: 'initial JS of index.html', figure: 'n/a', target: '< 150 kB', pass: false, note: errorText(e) });
  }
  try {
    const launch = staticClosure(manifest, ['launch.html']);
    const launchGz = gzipped(launch);
    rows.push({ measure: `initial JS of launch.html, gzipped (${plural(launch.length)})`, figure: kB(launchGz), target: '< 40 kB', pass: launchGz < 40_000 });
  } catch (e) {
    rows.push({ measure: 'initial JS of launch.html', figure: 'n/a', target: '< 40 kB', pass: false, note: errorText(e) });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Launch through the sandbox in headless Chromium
// ---------------------------------------------------------------------------------------------------------------

/** A port that is free right now on 127.0.0.1 (other sandboxes may be running on this machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A port from the environment (BENCH_SANDBOX_PORT, BENCH_APP_PORT, BENCH_FLOOR_SANDBOX_PORT, BENCH_FLOOR_APP_PORT), so
 * that several people on one machine can each keep to their own ports; unset: any free port.
 */
function envPort(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return port;
}

/** A running sandbox: the EHR's origin (FHIR, authorization server, EHR page) and the app's. */
interface Sandbox {
  child: ChildProcess;
  origin: string;
  appOrigin: string;
}

/** Starts the sandbox serving the production build, or `appDir` in its place (the bare SMART client). */
async function startSandbox(latencyMs: number, appDir?: string, sandboxPortWanted?: number, appPortWanted?: number): Promise<Sandbox> {
  const sandboxPort = sandboxPortWanted ?? (await freePort());
  const appPort = appPortWanted ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sandbox/start.ts'), '--prod', '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SANDBOX_PORT: String(sandboxPort),
      APP_PORT: String(appPort),
      APP_URL: `http://127.0.0.1:${appPort}`,
      SANDBOX_LATENCY_MS: String(latencyMs),
      ...(appDir ? { APP_DIST_DIR: appDir } : {}),
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start within 90 s: ${output.slice(-300)}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/is running/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}: ${output.replace(/.*Unsupported runtime.*\n?/g, '').trim().slice(-300)}`));
    });
  });
  return { child, origin: `http://127.0.0.1:${sandboxPort}`, appOrigin: `http://127.0.0.1:${appPort}` };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

interface LaunchMeasure {
  /** From the EHR's launch (the form POST of its Launch button) to the app's `ready` mark, both on the browser's clock. */
  ms: number;
  state: string;
  /** Requests to the EHR (FHIR and authorization server) after the launch, in order (without CORS preflights, which
   * Playwright does not see: `stats.preflights` counts them). */
  requests: Array<{ method: string; url: string; navigation: boolean }>;
  stats: { total: number; byMethod: Record<string, number>; byResourceType: Record<string, number>; preflights: number } | null;
  phases: LaunchPhases;
}

/** One launch, phase by phase (ms). */
interface LaunchPhases {
  /**
   * EHR launch request to the navigation that ends on index.html (EHR redirect, launch.html, its configuration and the
   * SMART configuration, until it sends the browser to the authorization server).
   */
  launchPage: number;
  /** From there to the token request: the authorization server's redirects, index.html and its first module. */
  toToken: number;
  token: number;
  /** Token answer to the first record read. */
  toReads: number;
  /** First read sent to last read answered. */
  reads: number;
  /** Last read answered to the timeline on screen (derivation, rendering, first paint). */
  toTimeline: number;
}

/**
 * The lower bound the latency implies for one launch: every request to the EHR on the longest dependent chain pays the
 * latency once. The SMART round trips (the SMART configuration, each hop of the authorization server's redirects,
 * the token request), then the longest chain of pages of one query (the pages of a query differ only in _offset; the
 * queries run side by side), plus a Medication batch read when Medication was requested after the medication records.
 * When the reads were preflighted (`preflighted`: the app's origin is not the FHIR server's, and a request that
 * carries the access token is never a CORS "simple" request), each read waits for its preflight first: no browser app
 * served from another origin can avoid that round trip, so it counts in the bound.
 */
function launchLowerBound(requests: LaunchMeasure['requests'], preflighted: boolean): { roundTrips: number; parts: string } {
  const authorizationHops = requests.filter((r) => r.navigation && /^\/auth\//.test(r.url)).length;
  const tokenRequests = Math.min(1, requests.filter((r) => r.method === 'POST' && /^\/auth\/token/.test(r.url)).length);
  const smartConfiguration = Math.min(1, requests.filter((r) => /^\/fhir\/\.well-known\//.test(r.url)).length);
  const pagesByQuery = new Map<string, number>();
  let medicationBatch = 0;
  for (const r of requests) {
    if (r.method !== 'GET' || !r.url.startsWith('/fhir/')) continue;
    const path = r.url.slice('/fhir/'.length);
    const type = path.split(/[/?]/)[0] ?? '';
    if (!/^[A-Z]/.test(type)) continue;
    if (type === 'Medication') {
      medicationBatch = 1;
      continue;
    }
    // A query's pages differ only in _offset, but the server writes its next links in its own way (parameter order,
    // `patient=Patient/<id>` for `patient=<id>`): compare the sorted parameters without _offset.
    const [pathPart = '', search = ''] = path.split('?');
    const params = new URLSearchParams(search);
    params.delete('_offset');
    const patientParam = params.get('patient');
    if (patientParam) params.set('patient', patientParam.replace(/^Patient\//, ''));
    params.sort();
    const query = `${pathPart}?${params.toString()}`;
    pagesByQuery.set(query, (pagesByQuery.get(query) ?? 0) + 1);
  }
  const longestChain = Math.max(1, ...pagesByQuery.values());
  const perRead = preflighted ? 2 : 1;
  const roundTrips = smartConfiguration + authorizationHops + tokenRequests + (longestChain + medicationBatch) * perRead;
  const parts = [
    `SMART configuration ${smartConfiguration}`,
    `authorization hops ${authorizationHops}`,
    `token ${tokenRequests}`,
    `longest chain of pages ${longestChain}`,
    ...(medicationBatch ? ['Medication batch 1'] : []),
    ...(preflighted ? [`a CORS preflight before each of those reads ${longestChain + medicationBatch}`] : []),
  ].join(', ');
  return { roundTrips, parts };
}

/** The phases of a series of launches (medians, ms), ending at `end`. */
function phaseFigure(app: LaunchMeasure[], floor: LaunchMeasure[], end: string): string {
  const one = (measures: LaunchMeasure[], key: keyof LaunchPhases) => (measures.length ? median(measures.map((m) => m.phases[key])).toFixed(0) : '-');
  const phase = (key: keyof LaunchPhases) => `${one(app, key)} / ${one(floor, key)}`;
  return `launch page ${phase('launchPage')}; authorization redirects and index.html to token request ${phase('toToken')}; ` +
    `token ${phase('token')}; to first read ${phase('toReads')}; reads ${phase('reads')}; last read to ${end} ${phase('toTimeline')}`;
}

/**
 * Writes the bare SMART client (bench/floor/*.js) with its two pages into a temporary folder, configured from the app's
 * own launch: its client id, scope and redirect URI (from its authorization request) and its first-page queries (the
 * patient's id made a placeholder). Returns the folder, which the sandbox then serves in the app's place.
 */
function writeFloorClient(requests: LaunchMeasure['requests'], patientId: string): string {
  const authorize = requests.find((r) => r.navigation && r.url.startsWith('/auth/') && /[?&]client_id=/.test(r.url));
  if (!authorize) throw new Error("the app's authorization request was not seen");
  const asked = new URL(authorize.url, 'http://sandbox').searchParams;
  const id = encodeURIComponent(patientId);
  const queries = requests
    .filter((r) => r.method === 'GET' && /^\/fhir\/[A-Z]/.test(r.url) && !/[?&]_offset=/.test(r.url) && !r.url.startsWith('/fhir/Medication?'))
    .map((r) => r.url.slice('/fhir/'.length).split(id).join('{patient}'));
  // The redirect URI's path only: the client is served from another port than the app was.
  const redirectPath = new URL(asked.get('redirect_uri') ?? '/index.html', 'http://app').pathname;
  const config = { clientId: asked.get('client_id'), scope: asked.get('scope'), redirectPath, queries };
  // A JSON data block is not a script: the app server's CSP (no inline scripts) lets the page read it.
  const configBlock = `<script type="application/json" id="floor-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
  const page = (script: string) =>
    `<!doctype html><html lang="en" data-app-state="launching"><head><meta charset="utf-8"><title>bare SMART client</title>${configBlock}</head>` +
    `<body><p id="floor-result"></p><script type="module" src="/${script}"></script></body></html>`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  for (const script of ['launch.js', 'index.js']) copyFileSync(join(root, 'bench/floor', script), join(dir, script));
  writeFileSync(join(dir, 'launch.html'), page('launch.js'));
  writeFileSync(join(dir, 'index.html'), page('index.js'));
  return dir;
}

async function launchRows(rows: Row[], o: Options): Promise<void> {
  const patients = [o.patient, o.realisticPatient].filter((id) => id !== '');
  const missing = patients.filter((id) => !demoPatients.some((p) => p.id === id));
  if (missing.length > 0) {
    rows.push({ measure: 'launch-to-timeline', figure: 'n/a', target: '-', pass: false, note: `no demo patient ${missing.join(', ')}` });
    return;
  }
  if (!existsSync(CHROMIUM)) {
    rows.push({ measure: 'launch-to-timeline', figure: 'n/a', target: '-', pass: false, note: `${CHROMIUM} missing (apt-get install -y chromium)` });
    return;
  }
  let sandbox: Sandbox | null = null;
  let floorSandbox: Sandbox | null = null;
  let floorDir: string | null = null;
  let browser: import('playwright-core').Browser | null = null;
  try {
    if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/index.html missing: the app was not built');
    log('starting the sandbox...');
    sandbox = await startSandbox(0, undefined, envPort('BENCH_SANDBOX_PORT'), envPort('BENCH_APP_PORT'));
    const appSandbox = sandbox;
    const { chromium } = await import('playwright-core');
    const chromiumBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    browser = chromiumBrowser;
    const setLatency = async (target: Sandbox, latencyMs: number) => {
      const set = await fetch(`${target.origin}/__faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
      if (!set.ok) throw new Error(`could not set ${latencyMs} ms latency: HTTP ${set.status}`);
    };
    /**
     * One launch of `patientId` through `target` (the app's sandbox, or the bare client's), in a new browser profile
     * (a first launch of the day) or in `context` (scripts from the HTTP cache, as for a clinician who opened the app
     * before). The time runs from the EHR's launch request (the Launch button's form POST) to the page's
     * `app-state:ready` User Timing mark, both read from the browser's clock; the benchmark only looks every 100 ms,
     * so neither Playwright's pre-click checks nor its waiting add to the figure or compete with the page for the
     * processor.
     */
    const launchOnce = async (target: Sandbox, patientId: string, context?: import('playwright-core').BrowserContext): Promise<LaunchMeasure> => {
      const { origin, appOrigin } = target;
      const ownContext = context ?? (await chromiumBrowser.newContext());
      const page = await ownContext.newPage();
      try {
        await page.goto(`${origin}/ehr`);
        const row = page.locator(`tr[data-patient-id="${patientId}"]`);
        await row.waitFor({ timeout: 15_000 });
        const requests: LaunchMeasure['requests'] = [];
        let launchRequest: import('playwright-core').Request | null = null;
        page.on('request', (r) => {
          const url = r.url();
          if (url === `${origin}/ehr/launch` && r.method() === 'POST') launchRequest = r;
          else if (url.startsWith(`${origin}/fhir`) || url.startsWith(`${origin}/auth`)) {
            requests.push({ method: r.method(), url: url.slice(origin.length), navigation: r.isNavigationRequest() });
          }
        });
        await fetch(`${origin}/__stats/reset`, { method: 'POST' });
        let state = '?';
        let readyAt: number | null = null;
        try {
          await row.getByRole('button', { name: 'Launch', exact: true }).click();
          await page.waitForURL((u) => u.origin === appOrigin && !u.pathname.endsWith('launch.html'), { timeout: 60_000 });
          const deadline = Date.now() + 60_000;
          for (;;) {
            const seen = await page.evaluate(() => {
              const current = document.documentElement.dataset.appState ?? '?';
              const mark = performance.getEntriesByName(`app-state:${current}`, 'mark')[0];
              return { current, at: mark ? performance.timeOrigin + mark.startTime : null };
            });
            state = seen.current;
            if ((state === 'ready' || state === 'error') && seen.at !== null) {
              readyAt = seen.at;
              break;
            }
            if (Date.now() > deadline) throw new Error(`still "${state}" after 60 s`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        } catch (e) {
          const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
          throw new Error(`${errorText(e)} at ${page.url().split('?')[0]}: "${text}"`, { cause: e });
        }
        const launchedAt = (launchRequest as import('playwright-core').Request | null)?.timing().startTime;
        if (launchedAt === undefined || !(launchedAt > 0)) throw new Error('the EHR launch request was not seen');
        // Where the time went, from index.html's own timings (ms since its navigation began at the authorization
        // redirect, which launch.html started).
        const timings = await page.evaluate(() => {
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const token = resources.find((r) => r.name.includes('/auth/token'));
          const reads = resources.filter((r) => r.name.includes('/fhir/'));
          return {
            origin: performance.timeOrigin,
            tokenStart: token?.startTime ?? NaN,
            tokenEnd: token?.responseEnd ?? NaN,
            readsStart: reads.length ? Math.min(...reads.map((r) => r.startTime)) : NaN,
            readsEnd: reads.length ? Math.max(...reads.map((r) => r.responseEnd)) : NaN,
          };
        });
        const phases: LaunchPhases = {
          launchPage: timings.origin - launchedAt,
          toToken: timings.tokenStart,
          token: timings.tokenEnd - timings.tokenStart,
          toReads: timings.readsStart - timings.tokenEnd,
          reads: timings.readsEnd - timings.readsStart,
          toTimeline: readyAt - timings.origin - timings.readsEnd,
        };
        const stats = (await (await fetch(`${origin}/__stats`)).json()) as LaunchMeasure['stats'];
        return { ms: readyAt - launchedAt, state, requests, stats, phases };
      } finally {
        if (context) await page.close();
        else await ownContext.close();
      }
    };

    // A first launch shows the app's round trips and queries; the bare client is configured from them (so it follows
    // whatever the app reads), then served by a second sandbox.
    const probe = await launchOnce(appSandbox, o.patient);
    if (probe.state !== 'ready') throw new Error(`the app ended in state "${probe.state}" on ${o.patient}`);
    let floorTarget: Sandbox | null = null;
    if (!o.skip.has('floor')) {
      floorDir = writeFloorClient(probe.requests, o.patient);
      log('starting a second sandbox serving the bare SMART client...');
      floorSandbox = await startSandbox(0, floorDir, envPort('BENCH_FLOOR_SANDBOX_PORT'), envPort('BENCH_FLOOR_APP_PORT'));
      floorTarget = floorSandbox;
    }

    /**
     * `runs` launches of the app and as many of the bare client at one latency, alternating (app, client, client,
     * app, ...) so that the machine's drift falls on both alike; one warm-up launch of each first, dropped (it warms
     * the servers' JIT and the browser).
     */
    const series = async (patientId: string, latencyMs: number, runs: number) => {
      await setLatency(appSandbox, latencyMs);
      if (floorTarget) await setLatency(floorTarget, latencyMs);
      const app: LaunchMeasure[] = [];
      const floor: LaunchMeasure[] = [];
      await launchOnce(appSandbox, patientId);
      if (floorTarget) await launchOnce(floorTarget, patientId);
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
        for (const which of order) {
          if (which === 'app') app.push(await launchOnce(appSandbox, patientId));
          else if (floorTarget) floor.push(await launchOnce(floorTarget, patientId));
        }
      }
      return { app, floor };
    };

    const latencies = [0, ...[o.latencyMs, o.slowLatencyMs].filter((l) => l > 0)];
    const allReady = (ms: LaunchMeasure[]) => ms.every((m) => m.state === 'ready');
    for (const patientId of patients) {
      const resourceCount = demoPatients.find((p) => p.id === patientId)!.build(new Date()).entry?.length ?? 0;
      const label = `${patientId} (${resourceCount} resources)`;
      const medians = new Map<number, { app: number; floor: number | null; bound: number; roundTrips: number }>();
      for (const latencyMs of latencies) {
        log(`launching ${patientId} at ${latencyMs} ms latency (app and bare client alternating)...`);
        const { app, floor } = await series(patientId, latencyMs, o.launchRuns);
        const tApp = median(app.map((m) => m.ms));
        const appLast = app[app.length - 1]!;
        const { roundTrips, parts } = launchLowerBound(appLast.requests, (appLast.stats?.preflights ?? 0) > 0);
        let tFloor: number | null = null;
        if (floor.length > 0) {
          tFloor = median(floor.map((m) => m.ms));
          // The client must make the app's round trips, no more and no fewer, for the comparison to hold.
          const floorLast = floor[floor.length - 1]!;
          const own = launchLowerBound(floorLast.requests, (floorLast.stats?.preflights ?? 0) > 0).roundTrips;
          if (own !== roundTrips) throw new Error(`the bare client made ${own} round trips where the app made ${roundTrips} (${patientId})`);
        }
        medians.set(latencyMs, { app: tApp, floor: tFloor, bound: roundTrips * latencyMs, roundTrips });
        const ready = allReady(app) && allReady(floor);
        const boundText = latencyMs > 0 ? `; the latency alone: ${roundTrips * latencyMs} ms (${roundTrips} round trips: ${parts})` : '';
        rows.push({
          measure: `launch-to-timeline, ${label}, ${latencyMs ? `${latencyMs} ms latency per EHR request` : 'no injected latency'} (medians of ${app.length}, app and bare client alternating)`,
          figure: tFloor === null ? `${tApp.toFixed(0)} ms` : `app ${tApp.toFixed(0)} ms, bare client ${tFloor.toFixed(0)} ms: ratio ${(tApp / tFloor).toFixed(2)}`,
          target: tFloor === null ? 'info' : 'ratio <= 1.2',
          pass: tFloor === null ? null : ready && tApp <= 1.2 * tFloor,
          note: `${ready ? '' : `states: ${[...new Set([...app, ...floor].map((m) => m.state))].join(', ')}; `}app ${range(app)}, bare client ${range(floor)}${boundText}`,
        });
        if (latencyMs === 0 || latencyMs === o.latencyMs) {
          rows.push({
            measure: `the same launch ${latencyMs ? `at ${latencyMs} ms latency` : 'without latency'}, phase by phase (medians, ms): app / bare client`,
            figure: phaseFigure(app, floor, 'ready'),
            target: 'info',
            pass: null,
            note: "from index.html's resource timings; the medians of the phases need not add up to the median total",
          });
        }
      }
      if (o.slowLatencyMs > 0) {
        // How many latencies the launch really pays: the slope between no latency and a long one. The bare client
        // makes exactly the bound's round trips (checked above), yet its own slope is not exactly that count: the
        // injected latency also lands on requests outside the bound (the EHR's launch form, the redirect into the
        // app) and each slope is the difference of two medians of a few launches. So the app is judged against the
        // bare client's slope from the same run: a sequential round trip of the app's own would add a whole latency
        // to its slope, and half of one is the margin. Without the client (--skip floor), against the bound.
        const m0 = medians.get(0)!;
        const mSlow = medians.get(o.slowLatencyMs)!;
        const paid = (mSlow.app - m0.app) / o.slowLatencyMs;
        const floorPaid = m0.floor !== null && mSlow.floor !== null ? (mSlow.floor - m0.floor) / o.slowLatencyMs : null;
        const reference = floorPaid ?? mSlow.roundTrips;
        rows.push({
          measure: `latency the launch pays, in round trips (${patientId})`,
          figure:
            `${paid.toFixed(1)} ((${mSlow.app.toFixed(0)} - ${m0.app.toFixed(0)} ms) / ${o.slowLatencyMs} ms)` +
            (floorPaid !== null ? `; the bare client, making exactly the bound's ${mSlow.roundTrips}, pays ${floorPaid.toFixed(1)}: the app ${paid - floorPaid >= 0 ? '+' : ''}${(paid - floorPaid).toFixed(1)}` : ` against ${mSlow.roundTrips} in the bound`),
          target: floorPaid !== null ? "< the bare client's + 0.5" : `<= ${mSlow.roundTrips} + 0.5`,
          pass: paid < reference + 0.5,
          note: 'the slope of launch time over latency: the structure of the launch without its fixed cost; one sequential round trip of its own would add 1.0',
        });
      }
      if (patientId === o.patient) requestRow(rows, patientId, probe);
    }

    if (!o.skip.has('warm')) {
      // Scripts from the HTTP cache (a clinician who opened the app before), at the usual latency.
      await setLatency(appSandbox, o.latencyMs);
      const context = await chromiumBrowser.newContext();
      await launchOnce(appSandbox, o.patient, context);
      const warm: LaunchMeasure[] = [];
      for (let run = 0; run < o.launchRuns; run++) warm.push(await launchOnce(appSandbox, o.patient, context));
      await context.close();
      const cold = rows.find((r) => r.measure.startsWith(`launch-to-timeline, ${o.patient}`) && r.measure.includes(`${o.latencyMs} ms latency`));
      rows.push({
        measure: `launch-to-timeline, ${o.patient}, ${o.latencyMs} ms latency, scripts cached (median of ${warm.length})`,
        figure: `${median(warm.map((m) => m.ms)).toFixed(0)} ms`,
        target: 'info',
        pass: null,
        note: `a clinician who opened the app before: scripts from the HTTP cache${cold ? ` (first launch of the day: the row above)` : ''}`,
      });
    }

    if (o.longPatient) {
      // A record of decades: the chain of pages grows with it, and so does the bound.
      const { app, floor } = await series(o.longPatient, o.latencyMs, 3);
      const tLong = median(app.map((m) => m.ms));
      const tFloor = floor.length ? median(floor.map((m) => m.ms)) : null;
      const longBound = launchLowerBound(app[app.length - 1]!.requests, (app[app.length - 1]!.stats?.preflights ?? 0) > 0);
      const resourceCount = demoPatients.find((p) => p.id === o.longPatient)?.build(new Date()).entry?.length ?? 0;
      rows.push({
        measure: `launch-to-timeline, ${o.longPatient} (${resourceCount} resources), ${o.latencyMs} ms latency (medians of ${app.length})`,
        figure: `app ${tLong.toFixed(0)} ms${tFloor !== null ? `, bare client ${tFloor.toFixed(0)} ms: ratio ${(tLong / tFloor).toFixed(2)}` : ''}`,
        target: 'info',
        pass: null,
        note: `${allReady(app) ? '' : `app state: ${[...new Set(app.map((m) => m.state))].join(', ')}; `}the latency alone: ${longBound.roundTrips * o.latencyMs} ms (${longBound.roundTrips} round trips: ${longBound.parts})`,
      });
    }
  } catch (e) {
    rows.push({ measure: 'launch-to-timeline', figure: 'error', target: 'ratio <= 1.2', pass: false, note: errorText(e) });
  } finally {
    await browser?.close().catch(() => undefined);
    if (sandbox) await stopProcess(sandbox.child);
    if (floorSandbox) await stopProcess(floorSandbox.child);
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
}

/** Lowest and highest of a series, for the spread beside a median. */
function range(measures: LaunchMeasure[]): string {
  if (measures.length === 0) return 'n/a';
  const ms = measures.map((m) => m.ms);
  return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} ms`;
}

/**
 * FHIR requests of one launch against the minimum: the SMART configuration, Patient, one request per search the app
 * plans (src/fhir/queries.ts; each of this patient's searches fits one page) and one Medication batch if the record
 * references Medication resources that are not contained. Observation is planned twice (the codes the engine reads,
 * and category=survey): a FHIR search ANDs its parameters, and US Core asks servers to support patient+code and
 * patient+category, not an OR across the two; one search on the patient alone would read every laboratory result and
 * vital sign (about nine in ten of the public sandbox's Observations). The two are sent side by side, so they add a
 * request, not a round trip: the slope row counts round trips.
 */
function requestRow(rows: Row[], patientId: string, measure: LaunchMeasure): void {
  const patient = demoPatients.find((p) => p.id === patientId)!;
  const resources = (patient.build(new Date()).entry ?? []).map((e) => e.resource!);
  const referencesMedication = resources.some((r) => /"reference":"Medication\//.test(JSON.stringify(r)));
  const planned = plannedSearches(patientId);
  const plannedTypes = new Set(planned.map((q) => q.resourceType));
  const minimum = 1 + 1 + planned.length + (referencesMedication ? 1 : 0);
  const twice = [...plannedTypes].filter((type) => planned.filter((q) => q.resourceType === type).length > 1);
  // Playwright does not show CORS preflights (the browser's network service sends them): the server counts them.
  const reads = measure.requests.filter((r) => r.url.startsWith('/fhir'));
  const readsByType = new Map<string, number>();
  for (const r of reads) {
    const type = r.url.replace(/^\/fhir\/?/, '').split(/[/?]/)[0] ?? '';
    readsByType.set(type, (readsByType.get(type) ?? 0) + 1);
  }
  const byType = [...readsByType.entries()].map(([k, v]) => `${k || '(base)'} ${v}`).join(', ');
  rows.push({
    measure: `FHIR requests for one launch (${patientId})`,
    figure: `${reads.length} (+${measure.stats?.preflights ?? '?'} CORS preflights; /__stats total ${measure.stats?.total ?? '?'})`,
    target: `minimum ${minimum}`,
    pass: reads.length <= minimum,
    note:
      `${byType}; the minimum is the SMART configuration, Patient and one request per planned search (${planned.length} searches of ${plannedTypes.size} types)` +
      (twice.length
        ? `; ${twice.join(', ')} is searched twice, side by side (its coded measures and category=survey: a FHIR search cannot OR two parameters, and reading every one would fetch all laboratory results and vital signs), which adds a request but no round trip`
        : ''),
  });
}

// ---------------------------------------------------------------------------------------------------------------

function printTable(rows: Row[]): void {
  const result = (r: Row) => (r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL');
  const lines = [
    '| measure | figure | target | result |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.figure}${r.note ? ` (${r.note})` : ''} | ${r.target} | ${result(r)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const machine = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}`;
  log(machine);
  await deriveRows(rows, o.skip);
  if (!o.skip.has('population')) await populationRows(rows, o.population, o.workers, o.populationInput);
  if (!o.skip.has('size') || !o.skip.has('launch')) {
    try {
      if (o.build) buildApp();
    } catch (e) {
      rows.push({ measure: 'production build', figure: 'error', target: '-', pass: false, note: errorText(e) });
    }
  }
  if (!o.skip.has('size')) sizeRows(rows);
  if (!o.skip.has('launch')) await launchRows(rows, o);
  process.stdout.write(`\nBenchmark, ${machine}\n\n`);
  printTable(rows);
  if (o.json) writeFileSync(o.json, JSON.stringify({ machine, rows }, null, 2));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${errorText(e)}\n`);
  process.exit(1);
});
