/** The population rows: `npm run derive` in a child process, on one thread and on workers, against the parse floor. */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveUrnReferences, resourcesOfJson } from '../../src/clinical/bundle';
import { patientIdOf } from '../../src/clinical/group-by-patient';
import { root } from './repo-root';
import { type Row, errorText, log } from './report';

/** Runs `node --import tsx <script> args` with a preload that reports the process's peak RSS on exit. */
function runNodeScript(
  script: string,
  args: string[],
  stdoutFile: string | null,
  nodeFlags: string[] = [],
  tsx = true,
  env: NodeJS.ProcessEnv = process.env,
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
    env,
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

/**
 * Reads every file of the folder once, untimed, so that the timed run after reads the page cache, not the disk. This
 * machine's kernel pages out what has not been read for about a minute (a DAMON pageout scheme), so a run that
 * followed a long one found part of a 3 GB input gone and waited on the disk (I/O wait of 20-45% for its first
 * seconds); each run now starts alike.
 */
function inPageCache(folder: string): void {
  const chunk = Buffer.allocUnsafe(8 << 20);
  for (const name of readdirSync(folder)) {
    const fd = openSync(join(folder, name), 'r');
    try {
      while (readSync(fd, chunk, 0, chunk.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

/** Processor time by thread of a derive run (DERIVE_CPU_REPORT, scripts/population/thread-cpu.ts), in seconds. */
interface ThreadCpu {
  total: number;
  main: number;
  workers: number[];
  /** Threads that run no JavaScript of the program: V8's optimising compiler and garbage collector, the module loader. */
  other: number;
}

function threadCpu(stderr: string): ThreadCpu | null {
  const m = /derive: cpu-seconds total=([\d.]+) main=([\d.]+)(?: workers=([\d.,]+))? other=(-?[\d.]+)/.exec(stderr);
  if (!m) return null;
  return { total: Number(m[1]), main: Number(m[2]), workers: m[3] ? m[3].split(',').map(Number) : [], other: Number(m[4]) };
}

const cpuText = (c: ThreadCpu) =>
  `main thread ${c.main.toFixed(1)} s${c.workers.length ? `, workers ${c.workers.map((w) => w.toFixed(1)).join(' + ')} s` : ''}, other threads ${c.other.toFixed(1)} s: ${c.total.toFixed(1)} s`;

/** The Node flags of package.json's `derive` script (e.g. its young-generation size), so the bench runs it as users do. */
function deriveNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.derive ?? '').split(/\s+/);
  return words[0] === 'node' ? words.slice(1, words.indexOf('--import')).filter((w) => w.startsWith('--')) : [];
}

/** The non-blank lines of an NDJSON file, read in chunks: an export's file can be longer than a JavaScript string may be. */
function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(16 << 20);
  let carried = Buffer.alloc(0);
  try {
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const data = carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(0x0a); end !== -1; end = data.indexOf(0x0a, start)) {
        const line = data.toString('utf8', start, end);
        start = end + 1;
        if (line.trim()) yield line;
      }
      // A copy: the chunk is read into again.
      carried = Buffer.from(data.subarray(start));
    }
    const last = carried.toString('utf8');
    if (last.trim()) yield last;
  } finally {
    closeSync(fd);
  }
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
      for (const line of linesOf(join(dir, f))) {
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
 * The documents in derive's output (each starts a line: `{"patient":"<id>"`), and how many of them are error documents,
 * counted on the bytes: a large population's output is longer than a JavaScript string may be (about 512 MB).
 */
function documentsIn(out: Buffer): { derived: number; errors: number } {
  const opener = Buffer.from('{"patient":"');
  const error = Buffer.from('","error":');
  let derived = 0;
  let errors = 0;
  for (let at = out.indexOf(opener); at !== -1; at = out.indexOf(opener, at + opener.length)) {
    let before = at - 1;
    while (before >= 0 && (out[before] === 0x20 || out[before] === 0x09)) before--;
    if (before >= 0 && out[before] !== 0x0a) continue;
    derived++;
    const idEnd = out.indexOf(0x22, at + opener.length);
    if (idEnd !== -1 && out.subarray(idEnd, idEnd + error.length).equals(error)) errors++;
  }
  return { derived, errors };
}

/**
 * Population mode on EHR-export-sized patients (sandbox/patients/realistic.ts, `--realistic`): the derive CLI on one
 * thread and on every core, against the floor of the same machine (one pass that only reads and JSON.parses every line
 * of the same files, bench/parse-floor.mjs). The two outputs must be the same bytes.
 */
export async function populationRows(rows: Row[], generated: number, workers: number, input: string | null): Promise<void> {
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
    inPageCache(ndjson);
    const floorRun = await runNodeScript(join(root, 'bench/parse-floor.mjs'), [ndjson], join(dir, 'floor.json'), [], false);
    if (floorRun.code !== 0) throw new Error(`parse floor failed: ${floorRun.stderr.trim().slice(0, 200)}`);
    const floor = JSON.parse(readFileSync(join(dir, 'floor.json'), 'utf8')) as { lines: number; bytes: number; seconds: number };
    // The same floor once per core at the same time, each pass over all the files: how far this machine itself lets
    // work that only parses the input scale over its cores (the garbage collector and compiler threads that run
    // beside one pass on an idle core, and the memory traffic, are then shared).
    const cores = Math.min(workers, cpus().length);
    log(`the floor on ${cores} cores: ${cores} passes at once...`);
    inPageCache(ndjson);
    const groupStart = performance.now();
    const group = await Promise.all(
      Array.from({ length: cores }, (_, i) => runNodeScript(join(root, 'bench/parse-floor.mjs'), [ndjson], join(dir, `floor-${i}.json`), [], false)),
    );
    const groupSeconds = (performance.now() - groupStart) / 1000;
    if (group.some((r) => r.code !== 0)) throw new Error('parse floor on every core failed');
    const floorScaling = (cores * floorRun.seconds) / groupSeconds;
    // Start-up (tsx transpiling, module loading) measured with --help (all modules load, then it exits 0), so the
    // rates can also be given without it.
    const idle = await runNodeScript(script, ['--help'], null, flags);
    const startup = idle.code === 0 ? idle.seconds : 0;
    log(`deriving ${patients} patients on one thread...`);
    const cpuEnv = { ...process.env, DERIVE_CPU_REPORT: '1' };
    inPageCache(ndjson);
    const one = await runNodeScript(script, [ndjson, '--workers', '1'], join(dir, 'out-1.json'), flags, true, cpuEnv);
    if (one.code !== 0) throw new Error(`derive --workers 1 exited with ${one.code}: ${one.stderr.trim().slice(0, 200)}`);
    // One-thread derives once per core at the same time, each over all the files: no split of one derive over these
    // cores can do better (each copy has the whole population to itself, with no messages and no shared writer), yet
    // the optimising compiler and collector threads that run free beside one thread on the idle core now share them.
    log(`${cores} one-thread derives at once...`);
    inPageCache(ndjson);
    const copiesStart = performance.now();
    const copies = await Promise.all(
      Array.from({ length: cores }, (_, i) => runNodeScript(script, [ndjson, '--workers', '1'], join(dir, `out-copy-${i}.json`), flags)),
    );
    const copiesSeconds = (performance.now() - copiesStart) / 1000;
    if (copies.some((r) => r.code !== 0)) throw new Error('one-thread derives at once failed');
    for (let i = 0; i < cores; i++) rmSync(join(dir, `out-copy-${i}.json`), { force: true });
    const copiesScaling = (cores * one.seconds) / copiesSeconds;
    log(`deriving ${patients} patients on ${workers} worker threads...`);
    inPageCache(ndjson);
    const many = await runNodeScript(script, [ndjson, '--workers', String(workers)], join(dir, `out-${workers}.json`), flags, true, cpuEnv);
    if (many.code !== 0) throw new Error(`derive --workers ${workers} exited with ${many.code}: ${many.stderr.trim().slice(0, 200)}`);
    const outOne = readFileSync(join(dir, 'out-1.json'));
    const same = outOne.equals(readFileSync(join(dir, `out-${workers}.json`)));
    const { derived, errors } = documentsIn(outOne);
    const size = `${patients} patients, ${resources.toLocaleString('en-US')} resources, ${(floor.bytes / 1e6).toFixed(0)} MB of NDJSON: ${what}`;
    const cpu = (r: { cpuSeconds: number | null }) => (r.cpuSeconds !== null ? `; CPU ${r.cpuSeconds.toFixed(1)} s (user+sys, all threads)` : '');
    rows.push({
      measure: `population floor: read and JSON.parse every line, one thread (${size})`,
      figure: `${rate(floor.lines, floor.seconds)} resources/s (${floor.seconds.toFixed(1)} s, ${(floor.bytes / 1e6 / floor.seconds).toFixed(0)} MB/s)`,
      target: 'floor',
      pass: null,
      note: `bench/parse-floor.mjs: what reading the input costs any JavaScript tool here, start-up excluded${cpu(floorRun)}`,
    });
    rows.push({
      measure: `population floor on ${cores} cores: ${cores} passes at once, each over the same files`,
      figure: `${floorScaling.toFixed(2)}x one pass (${cores} passes in ${groupSeconds.toFixed(1)} s, one in ${floorRun.seconds.toFixed(1)} s, start-up included on both sides)`,
      target: 'info',
      pass: null,
      note: `the most this machine gives work that only reads and parses the input, spread over ${cores} cores in separate processes; the workers' speed-up over one thread is bounded by it too`,
    });
    const oneNet = Math.max(0.001, one.seconds - startup);
    rows.push({
      measure: `population: derive, one thread (--workers 1)${input === null ? '' : `, ${input}`}`,
      figure: `${rate(patients, one.seconds)} patients/s, ${rate(resources, one.seconds)} resources/s (${one.seconds.toFixed(1)} s; ${rate(patients, oneNet)} patients/s without ${startup.toFixed(1)} s start-up)`,
      target: 'info',
      pass: null,
      note: `${derived} documents written${errors ? `, ${errors} error documents` : ''}${cpu(one)}; peak RSS ${one.maxRssKb === null ? '?' : `${(one.maxRssKb / 1024).toFixed(0)} MB`}`,
    });
    rows.push({
      measure: `population: ${cores} one-thread derives at once, each over all the files`,
      figure: `${copiesScaling.toFixed(2)}x one thread's throughput (${cores} runs in ${copiesSeconds.toFixed(1)} s, one in ${one.seconds.toFixed(1)} s, start-up included on both sides)`,
      target: 'info',
      pass: null,
      note: `what this machine gives derive itself on ${cores} cores: no split of one derive over them can do better (each copy has the whole population to itself, no messages, no shared writer), but the compiler and collector threads that one thread runs free on an idle core now share the cores`,
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
    const oneCpu = threadCpu(one.stderr);
    const manyCpu = threadCpu(many.stderr);
    if (oneCpu && manyCpu) {
      // However well the work were shared, the workers' processor time on these cores takes at least this long.
      const best = manyCpu.total / cores;
      rows.push({
        measure: 'population: processor time by thread (CPU seconds, start-up included)',
        figure: `one thread: ${cpuText(oneCpu)}; ${workers} workers: ${cpuText(manyCpu)}`,
        target: 'info',
        pass: null,
        note:
          `other threads: V8's optimising compiler and garbage collector (shared by all threads) and the module loader; ` +
          `one thread keeps ${(oneCpu.total / one.seconds).toFixed(2)} cores busy (those threads run beside it); ` +
          `${manyCpu.total.toFixed(1)} CPU-s on ${cores} cores take at least ${best.toFixed(1)} s however they are shared: ` +
          `at most ${(one.seconds / best).toFixed(2)}x one thread's ${one.seconds.toFixed(1)} s`,
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
