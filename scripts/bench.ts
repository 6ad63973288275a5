/**
 * `npm run bench [-- options]`: speed and size, measured on this machine (issue 6 item 2). Prints one table; each row
 * is measured in this run, with its target and pass/fail. A part that depends on other work (the engine, the derive
 * CLI, the sandbox, the app build) that fails gives a FAIL row with the reason instead of stopping the bench.
 *
 * Rows:
 *  - derivation time (median of 7 batches of runs, see timeDerive) of a typical synthetic record at 1x, 10x, 100x its size, and the
 *    time ratio against the resource ratio (target: 10x the resources within 15x the time);
 *  - derivation of a 30-year, ~5,000-resource record (target < 100 ms);
 *  - population mode: `scripts/derive.ts` over N typical patients as Bulk Data NDJSON in a child process: patients/s
 *    (target > 1,000/s; the derive CLI is single-threaded) and its peak RSS (target < 500 MB);
 *  - gzipped JavaScript that index.html and launch.html load at start, from the production build's manifest (index.html:
 *    the launch and the React root; the engine-and-timeline chunk fetched beside them is shown with the total;
 *    targets 150 kB and 40 kB, kB = 1,000 bytes);
 *  - launch-to-timeline in headless Chromium through the sandbox (production build) with a latency injected into every
 *    request to the EHR (FHIR and authorization server, CORS preflights included), against the lower bound that latency
 *    implies (SMART round trips plus the longest chain of pages, each with its preflight), cold (new browser profile) and with the scripts cached; the same launch
 *    without injected latency (the fixed cost of pages, scripts, redirects and rendering) and with a long latency (the
 *    slope: how many latencies the launch really pays); FHIR requests of the launch against the minimum;
 *  - the same launch by a bare SMART client (bench/floor/: the launch, token and the app's queries, no library,
 *    framework or rendering) at the same latencies: the floor this machine, its browser and the sandbox set for any app.
 *
 * Options: --no-build (use the existing dist/), --latency MS (50), --slow-latency MS (200; 0 skips), --patient ID
 *          (trd-two-failures), --long-patient ID (thirty-years; '' skips), --launch-runs N (5), --population N (10000),
 *          --skip derive,thirty,population,size,launch,floor, --json FILE (write the rows as JSON).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../sandbox/patients';
import { generatePatientResources, TYPICAL, type SyntheticOptions } from '../sandbox/patients/synthetic';

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
  launchRuns: number;
  population: number;
  skip: Set<string>;
  json: string | null;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { build: true, latencyMs: 50, slowLatencyMs: 200, longPatient: 'thirty-years', patient: 'trd-two-failures', launchRuns: 5, population: 10_000, skip: new Set(), json: null };
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
    else if (a === '--launch-runs') o.launchRuns = Math.max(1, Math.round(num()));
    else if (a === '--population') o.population = Math.max(1, Math.round(num()));
    else if (a === '--skip') for (const s of (argv[++i] ?? '').split(',')) o.skip.add(s.trim());
    else if (a === '--json') o.json = argv[++i] ?? null;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------------------------------------------------------
// Derivation in-process
// ---------------------------------------------------------------------------------------------------------------

type Derive = (record: { patientId: string; resources: Resource[] }, options: { asOf: string }) => unknown;

async function loadEngine(): Promise<Derive> {
  const m = (await import('../src/clinical/index')) as { derivePatient?: Derive };
  if (typeof m.derivePatient !== 'function') throw new Error('src/clinical/index.ts exports no derivePatient');
  return m.derivePatient;
}

/**
 * Time of one derivation: the median over `runs` batches, each batch long enough (>= 50 ms) that the garbage
 * collections the derivations cause fall inside it. Each call derives a different copy of the record (at least 10,000
 * resources in all), as population mode derives each record once: repeating one small record kept all of it in the
 * processor's caches and made small records look cheaper per resource than large ones, which cannot stay cached.
 */
function timeDerive(derive: Derive, resources: Resource[], patientId: string, asOf: string, runs: number): number {
  const copies = Array.from({ length: Math.min(300, Math.max(1, Math.ceil(10_000 / Math.max(1, resources.length)))) }, (_, i) =>
    i === 0 ? resources : (structuredClone(resources) as Resource[]),
  );
  let next = 0;
  const once = () => {
    derive({ patientId, resources: copies[next]! }, { asOf });
    next = (next + 1) % copies.length;
  };
  // Warm-up until the JIT has settled: at least 5 runs and at least 300 ms, so small records are not timed cold.
  const warmStart = performance.now();
  let warmRuns = 0;
  for (; warmRuns < 5 || performance.now() - warmStart < 300; warmRuns++) once();
  const perCall = (performance.now() - warmStart) / warmRuns;
  const batch = Math.max(1, Math.ceil(50 / Math.max(perCall, 0.001)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) once();
    times.push((performance.now() - t0) / batch);
  }
  return median(times);
}

/** A typical record scaled k times: k times the trials, scores and statements, and a longer history (capped). */
function scaled(k: number, today: Date): SyntheticOptions {
  return {
    id: `bench-${k}x`,
    today,
    seed: 42,
    years: Math.min(TYPICAL.years * k, 60),
    trials: TYPICAL.trials * k,
    scores: TYPICAL.scores * k,
    statements: TYPICAL.statements * k,
  };
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
  if (!skip.has('derive')) {
    const sizes = [1, 10, 100];
    const results: Array<{ k: number; n: number; t: number }> = [];
    let typicalSize = 0;
    for (const k of sizes) {
      let o = scaled(k, today);
      let resources = generatePatientResources(o);
      if (k === 1) typicalSize = resources.length;
      // Pad with reconciliation statements (one resource each) so the record is exactly k times the typical size.
      else if (resources.length < k * typicalSize) {
        o = { ...o, statements: o.statements + k * typicalSize - resources.length };
        resources = generatePatientResources(o);
      }
      try {
        const t = timeDerive(derive, resources, o.id, asOf, 7);
        results.push({ k, n: resources.length, t });
        rows.push({ measure: `derivation ${k}x typical (${resources.length} resources)`, figure: ms(t), target: 'median', pass: null });
      } catch (e) {
        rows.push({ measure: `derivation ${k}x typical`, figure: 'error', target: '-', pass: false, note: errorText(e) });
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
  if (!skip.has('thirty')) {
    const o: SyntheticOptions = { id: 'bench-30y', today, seed: 30, years: 30, trials: 40, scores: 300, statements: 4500 };
    const resources = generatePatientResources(o);
    try {
      const t = timeDerive(derive, resources, o.id, asOf, 7);
      rows.push({ measure: `derivation, 30-year record (${resources.length} resources)`, figure: ms(t), target: '< 100 ms', pass: t < 100 });
    } catch (e) {
      rows.push({ measure: 'derivation, 30-year record', figure: 'error', target: '< 100 ms', pass: false, note: errorText(e) });
    }
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
): Promise<{ code: number | null; seconds: number; maxRssKb: number | null; cpuSeconds: number | null; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const preload = join(dir, 'maxrss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nBENCH_MAXRSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, '--require', preload, '--import', 'tsx', script, ...args], {
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
      const m = /BENCH_MAXRSS_KB=(\d+) BENCH_CPU_US=(\d+)/.exec(stderr);
      resolve({
        code,
        seconds,
        maxRssKb: m ? Number(m[1]) : null,
        cpuSeconds: m ? Number(m[2]) / 1e6 : null,
        stderr: stderr.replace(/\n?BENCH_MAXRSS_KB=\d+ BENCH_CPU_US=\d+\n?/, ''),
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

async function populationRows(rows: Row[], patients: number): Promise<void> {
  const script = join(root, 'scripts/derive.ts');
  const flags = deriveNodeFlags();
  if (!existsSync(script)) {
    rows.push({ measure: 'population mode', figure: 'n/a', target: '> 1,000 patients/s', pass: false, note: 'scripts/derive.ts not found' });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-pop-'));
  try {
    log(`generating ${patients} typical patients as NDJSON...`);
    const gen = await runNodeScript(join(root, 'scripts/generate-patient.ts'), ['--patients', String(patients), '--ndjson', join(dir, 'ndjson'), '--seed', '1'], null);
    if (gen.code !== 0) throw new Error(`generator failed: ${gen.stderr.trim().slice(0, 200)}`);
    // Start-up (tsx transpiling, module loading) measured with --help (all modules load, then it exits 0), so the
    // rate can also be given without it. (An empty folder is an error exit, which left start-up unmeasured.)
    const idle = await runNodeScript(script, ['--help'], null, flags);
    log(`deriving ${patients} patients (scripts/derive.ts)...`);
    const outFile = join(dir, 'out.json');
    const run = await runNodeScript(script, [join(dir, 'ndjson')], outFile, flags);
    if (run.code !== 0) throw new Error(`derive exited with ${run.code}: ${run.stderr.trim().slice(0, 200)}`);
    const out = readFileSync(outFile, 'utf8');
    const derived = (out.match(/"patient":/g) ?? []).length;
    const errors = (out.match(/^\s*\{"patient":"[^"]*","error":/gm) ?? []).length;
    const rate = patients / run.seconds;
    const rateNet = patients / Math.max(0.001, run.seconds - (idle.code === 0 ? idle.seconds : 0));
    rows.push({
      measure: `population: derive ${patients} typical patients (NDJSON)`,
      figure: `${rate.toFixed(0)} patients/s (${run.seconds.toFixed(1)} s; ${rateNet.toFixed(0)}/s without ${idle.seconds.toFixed(1)} s start-up)`,
      target: '> 1,000 patients/s',
      pass: rate > 1000,
      note: `${derived} documents written${errors ? `, ${errors} error documents` : ''}${run.cpuSeconds !== null ? `; CPU ${run.cpuSeconds.toFixed(1)} s (user+sys, all threads)` : ''}${flags.length ? `; node ${flags.join(' ')} as in npm run derive` : ''}`,
    });
    rows.push({
      measure: 'population: peak memory (RSS) of derive',
      figure: run.maxRssKb === null ? 'unknown' : `${(run.maxRssKb / 1024).toFixed(0)} MB`,
      target: '< 500 MB',
      pass: run.maxRssKb === null ? null : run.maxRssKb / 1024 < 500,
    });
  } catch (e) {
    rows.push({ measure: 'population mode', figure: 'error', target: '> 1,000 patients/s, < 500 MB', pass: false, note: errorText(e) });
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
 * What each page loads at start, from the build manifest. index.html's only script (src/main.tsx, the launch) asks at
 * once for the React root (src/app-root.tsx), which draws the page's first states, and for the analysis chunk
 * (engine, timeline, write-back), which the timeline needs: "initial" is the entry with the React root; the analysis
 * chunk, fetched in parallel, is shown beside it with the total.
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

/** A running sandbox: the EHR's origin (FHIR, authorization server, EHR page) and the app's. */
interface Sandbox {
  child: ChildProcess;
  origin: string;
  appOrigin: string;
}

/** Starts the sandbox serving the production build, or `appDir` in its place (the bare SMART client). */
async function startSandbox(latencyMs: number, appDir?: string): Promise<Sandbox> {
  const sandboxPort = Number((appDir ? undefined : process.env.BENCH_SANDBOX_PORT) ?? (await freePort()));
  const appPort = Number((appDir ? undefined : process.env.BENCH_APP_PORT) ?? (await freePort()));
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
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
function phaseFigure(measures: LaunchMeasure[], end: string): string {
  const phase = (key: keyof LaunchPhases) => `${median(measures.map((m) => m.phases[key])).toFixed(0)}`;
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
  const patient = demoPatients.find((p) => p.id === o.patient);
  if (!patient) {
    rows.push({ measure: 'launch-to-timeline', figure: 'n/a', target: '-', pass: false, note: `no demo patient ${o.patient}` });
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
    log(`starting the sandbox with ${o.latencyMs} ms latency...`);
    sandbox = await startSandbox(o.latencyMs);
    const appSandbox = sandbox;
    const { chromium } = await import('playwright-core');
    const chromiumBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    browser = chromiumBrowser;
    /**
     * Launches the patient `runs + 1` times with `latencyMs` on every request to the EHR (FHIR and authorization
     * server, CORS preflights included), through `target` (the app's sandbox, or the bare client's); the first
     * (warm-up) is dropped. Cold: a new browser profile each time (first launch of the day). Warm:
     * one profile, so the app's hashed scripts come from the HTTP cache (and V8's code cache, where Chromium keeps
     * one), as for a clinician who opened the app before.
     *
     * The time runs from the EHR's launch request (the Launch button's form POST) to the app's `app-state:ready`
     * User Timing mark, both read from the browser's clock; the benchmark only looks every 100 ms, so neither
     * Playwright's pre-click checks nor its waiting add to the figure or compete with the page for the processor.
     */
    const measureLaunches = async (latencyMs: number, warm = false, patientId = patient.id, runs = o.launchRuns,
      target: Sandbox = appSandbox): Promise<LaunchMeasure[]> => {
      const { origin, appOrigin } = target;
      const set = await fetch(`${origin}/__faults`, { method: 'POST', body: JSON.stringify({ latencyMs }) });
      if (!set.ok) throw new Error(`could not set ${latencyMs} ms latency: HTTP ${set.status}`);
      const measures: LaunchMeasure[] = [];
      const shared = warm ? await chromiumBrowser.newContext() : null;
      for (let run = 0; run < runs + 1; run++) {
        const context = shared ?? (await chromiumBrowser.newContext());
        const page = await context.newPage();
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
          throw new Error(`${errorText(e)} at ${page.url().split('?')[0]}: "${text}"`);
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
        const indexAt = timings.origin - launchedAt;
        const phases: LaunchPhases = {
          launchPage: indexAt,
          toToken: timings.tokenStart,
          token: timings.tokenEnd - timings.tokenStart,
          toReads: timings.readsStart - timings.tokenEnd,
          reads: timings.readsEnd - timings.readsStart,
          toTimeline: readyAt - timings.origin - timings.readsEnd,
        };
        const stats = (await (await fetch(`${origin}/__stats`)).json()) as LaunchMeasure['stats'];
        // The first launch warms caches (server JIT, browser): dropped, not in the median.
        if (run > 0) measures.push({ ms: readyAt - launchedAt, state, requests, stats, phases });
        if (shared) await page.close();
        else await context.close();
      }
      await shared?.close();
      return measures;
    };
    const allReady = (ms: LaunchMeasure[]) => ms.every((m) => m.state === 'ready');
    // The same launch without injected latency first: what the pages, scripts, authorization, derivation and
    // rendering cost on this machine whatever the latency (the part the latency bound does not cover).
    const baseline = await measureLaunches(0);
    const measures = o.latencyMs > 0 ? await measureLaunches(o.latencyMs) : baseline;
    const warmMeasures = await measureLaunches(o.latencyMs, true);
    const slow = o.slowLatencyMs > 0 ? await measureLaunches(o.slowLatencyMs) : null;
    const last = measures[measures.length - 1]!;
    const t = median(measures.map((m) => m.ms));
    const { roundTrips, parts } = launchLowerBound(last.requests, (last.stats?.preflights ?? 0) > 0);
    const bound = roundTrips * o.latencyMs;
    const states = [...new Set(measures.map((m) => m.state))].join(', ');
    rows.push({
      measure: `launch-to-timeline, ${patient.id}, ${o.latencyMs} ms latency per EHR request (median of ${measures.length})`,
      figure: `${t.toFixed(0)} ms; bound ${bound} ms (${roundTrips} round trips: ${parts}); ratio ${(t / Math.max(1, bound)).toFixed(2)}`,
      target: 'ratio <= 1.5',
      pass: allReady(measures) && t <= 1.5 * bound,
      note: allReady(measures) ? undefined : `app state: ${states}`,
    });
    const tWarm = median(warmMeasures.map((m) => m.ms));
    rows.push({
      measure: `launch-to-timeline, ${patient.id}, ${o.latencyMs} ms latency, scripts cached (median of ${warmMeasures.length})`,
      figure: `${tWarm.toFixed(0)} ms; ratio ${(tWarm / Math.max(1, bound)).toFixed(2)}`,
      target: 'ratio <= 1.5',
      pass: allReady(warmMeasures) && tWarm <= 1.5 * bound,
      note: 'a clinician who opened the app before: scripts from the HTTP cache',
    });
    const t0 = median(baseline.map((m) => m.ms));
    if (o.latencyMs > 0) {
      rows.push({
        measure: `launch-to-timeline, ${patient.id}, no injected latency (median of ${baseline.length})`,
        figure: `${t0.toFixed(0)} ms`,
        target: 'fixed cost',
        pass: null,
        note: 'page loads, scripts, authorization redirects, derivation and rendering: the part no latency explains',
      });
    }
    rows.push({
      measure: `the same launch without latency, phase by phase (medians, ms)`,
      figure: phaseFigure(baseline, 'timeline on screen'),
      target: 'info',
      pass: null,
      note: 'from index.html\'s resource timings; the medians of the phases need not add up to the median total',
    });
    if (slow) {
      // How many latencies the launch really pays: the slope between no latency and a long one, against the round trips
      // of the bound. Near the bound means the app adds no sequential request of its own.
      const tSlow = median(slow.map((m) => m.ms));
      const boundSlow = roundTrips * o.slowLatencyMs;
      rows.push({
        measure: `launch-to-timeline, ${patient.id}, ${o.slowLatencyMs} ms latency per EHR request (median of ${slow.length})`,
        figure: `${tSlow.toFixed(0)} ms; bound ${boundSlow} ms; ratio ${(tSlow / Math.max(1, boundSlow)).toFixed(2)}`,
        target: 'ratio <= 1.5',
        pass: allReady(slow) && tSlow <= 1.5 * boundSlow,
        note: 'a distant EHR (a hosted FHIR server across a wide-area network)',
      });
      const paid = (tSlow - t0) / o.slowLatencyMs;
      rows.push({
        measure: 'latency the launch pays, in round trips',
        figure: `${paid.toFixed(1)} ((${tSlow.toFixed(0)} - ${t0.toFixed(0)} ms) / ${o.slowLatencyMs} ms) against ${roundTrips} in the bound`,
        target: 'info',
        pass: null,
        note: 'the slope of launch time over latency: what the structure of the launch costs, without its fixed cost',
      });
    }

    if (!o.skip.has('floor')) {
      // The same launch by a bare SMART client: what this machine, its browser and the sandbox cost any app.
      floorDir = writeFloorClient(last.requests, patient.id);
      log('starting a second sandbox serving the bare SMART client...');
      floorSandbox = await startSandbox(0, floorDir);
      const floorTarget = floorSandbox;
      const floorRow = async (latencyMs: number, bound: number | null) => {
        const measures = await measureLaunches(latencyMs, false, patient.id, o.launchRuns, floorTarget);
        const tFloor = median(measures.map((m) => m.ms));
        // The client must make the app's round trips, no more and no fewer, for the comparison to hold.
        const floorLast = measures[measures.length - 1]!;
        const own = launchLowerBound(floorLast.requests, (floorLast.stats?.preflights ?? 0) > 0).roundTrips;
        if (own !== roundTrips) throw new Error(`the bare client made ${own} round trips where the app made ${roundTrips}`);
        const ratio = bound ? `; ratio ${(tFloor / bound).toFixed(2)} against the same bound (${bound} ms)` : '';
        rows.push({
          measure: `bare SMART client (bench/floor), ${patient.id}, ${latencyMs ? `${latencyMs} ms latency` : 'no injected latency'} (median of ${measures.length})`,
          figure: `${tFloor.toFixed(0)} ms${ratio}`,
          target: 'floor',
          pass: null,
          note: allReady(measures)
            ? 'the same EHR launch, token and queries with no library, framework, derivation or rendering: the least any app takes here'
            : `state: ${[...new Set(measures.map((m) => m.state))].join(', ')}`,
        });
        return measures;
      };
      const floorBaseline = await floorRow(0, null);
      rows.push({
        measure: 'the bare client without latency, phase by phase (medians, ms)',
        figure: phaseFigure(floorBaseline, 'ready mark'),
        target: 'info',
        pass: null,
        note: 'the same phases as the app\'s above',
      });
      if (o.latencyMs > 0) await floorRow(o.latencyMs, bound);
      if (o.slowLatencyMs > 0) await floorRow(o.slowLatencyMs, roundTrips * o.slowLatencyMs);
    }

    if (o.longPatient) {
      // A record of decades: the chain of pages grows with it, and so does the bound.
      const long = await measureLaunches(o.latencyMs, false, o.longPatient, 3);
      const tLong = median(long.map((m) => m.ms));
      const longLast = long[long.length - 1]!;
      const longBound = launchLowerBound(longLast.requests, (longLast.stats?.preflights ?? 0) > 0);
      const resourceCount = demoPatients.find((p) => p.id === o.longPatient)?.build(new Date()).entry?.length ?? 0;
      rows.push({
        measure: `launch-to-timeline, ${o.longPatient} (${resourceCount} resources), ${o.latencyMs} ms latency (median of ${long.length})`,
        figure: `${tLong.toFixed(0)} ms; bound ${longBound.roundTrips * o.latencyMs} ms (${longBound.roundTrips} round trips: ${longBound.parts}); ratio ${(tLong / Math.max(1, longBound.roundTrips * o.latencyMs)).toFixed(2)}`,
        target: 'ratio <= 1.5',
        pass: allReady(long) && tLong <= 1.5 * longBound.roundTrips * o.latencyMs,
        note: allReady(long) ? undefined : `app state: ${[...new Set(long.map((m) => m.state))].join(', ')}`,
      });
    }

    // Minimum requests: SMART configuration + Patient + one page per compartment type the app reads
    // (every type of this patient fits one page of the sandbox's maximum page size) + one Medication batch if the record
    // references Medication resources that are not contained.
    const resources = (patient.build(new Date()).entry ?? []).map((e) => e.resource!);
    const referencesMedication = resources.some((r) => /"reference":"Medication\//.test(JSON.stringify(r)));
    const compartmentTypes = ['MedicationStatement', 'MedicationRequest', 'MedicationDispense', 'Condition', 'Observation', 'Procedure', 'AllergyIntolerance', 'Device'];
    const minimum = 1 + 1 + compartmentTypes.length + (referencesMedication ? 1 : 0);
    // Playwright does not show CORS preflights (the browser's network service sends them): the server counts them.
    const reads = last.requests.filter((r) => r.url.startsWith('/fhir'));
    const preflights = last.stats?.preflights ?? '?';
    const readsByType = new Map<string, number>();
    for (const r of reads) {
      const type = r.url.replace(/^\/fhir\/?/, '').split(/[/?]/)[0] ?? '';
      readsByType.set(type, (readsByType.get(type) ?? 0) + 1);
    }
    const byType = [...readsByType.entries()].map(([k, v]) => `${k || '(base)'} ${v}`).join(', ');
    rows.push({
      measure: `FHIR requests for one launch (${patient.id})`,
      figure: `${reads.length} (+${preflights} CORS preflights; /__stats total ${last.stats?.total ?? '?'})`,
      target: `minimum ${minimum}`,
      pass: reads.length <= minimum,
      note: byType,
    });
  } catch (e) {
    rows.push({ measure: 'launch-to-timeline', figure: 'error', target: 'ratio <= 1.5', pass: false, note: errorText(e) });
  } finally {
    await browser?.close().catch(() => undefined);
    if (sandbox) await stopProcess(sandbox.child);
    if (floorSandbox) await stopProcess(floorSandbox.child);
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
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
  if (!o.skip.has('population')) await populationRows(rows, o.population);
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
