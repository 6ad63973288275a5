/**
 * `npm run bench:derivation [-- options]`: the derivation rows of `npm run bench`, this working tree's engine beside
 * another revision's, in the same run. This machine's speed drifts between runs (the same code measured 15-70% apart
 * an hour later), so "no slower than revision X" can only be shown by timing both here, alternating.
 *
 * The reference engine is `src/` of the revision (`git archive`) in a temporary folder; both engines derive the same
 * records (this tree's generators, one asOf). Each round runs each engine once in a fresh Node process over every
 * record (each row: the median of 7 batches, as `npm run bench` times it); the order alternates between rounds
 * (ABBA...) so a slow stretch of the machine falls on both. The table gives the median over the rounds, the rounds'
 * range, and this tree's time over the reference's.
 *
 * Options: --against REV (c24b7d5, the engine before the single-source refactors), --rounds N (5),
 *          --skip derive,realistic,thirty (as `npm run bench`). Run it under the exclusive quiet lock.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from 'fhir/r4';
import { type Derive, derivationCases, median, timeDerive } from './derivation-timing';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const log = (s: string) => process.stderr.write(`[bench:derivation] ${s}\n`);

interface CasesFile {
  asOf: string;
  cases: Array<{ measure: string; patientId: string; resources: Resource[] }>;
}

/** In a child process: time every record with one engine and print the times (ms) as JSON. */
async function child(enginePath: string, casesPath: string): Promise<void> {
  const m = (await import(enginePath)) as { derivePatient?: Derive };
  if (typeof m.derivePatient !== 'function') throw new Error(`${enginePath} exports no derivePatient`);
  const { asOf, cases } = JSON.parse(readFileSync(casesPath, 'utf8')) as CasesFile;
  const timed = cases.map((c) => timeDerive(m.derivePatient!, c.resources, c.patientId, asOf, 7));
  // The last entry: the first call of the first record, the engine's code not yet compiled.
  process.stdout.write(JSON.stringify([...timed.map((t) => t.median), timed[0]?.first ?? NaN]));
}

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/**
 * The revision's src/ in a temporary folder (kept between runs: it is named by the commit), with its package.json and
 * tsconfig.json: without them tsx would compile the engine as CommonJS with other settings, and time another program.
 */
function referenceEngine(rev: string): { sha: string; path: string } {
  const sha = git(['rev-parse', '--verify', `${rev}^{commit}`]);
  const dir = join(tmpdir(), `trd-bench-derivation-esm-${sha}`);
  const entry = join(dir, 'src/clinical/index.ts');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync('sh', ['-c', `git archive ${sha} src package.json tsconfig.json | tar -x -C '${dir}'`], { cwd: root, encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`git archive ${sha}: ${tar.stderr.trim()}`);
  }
  return { sha, path: entry };
}

function runChild(enginePath: string, casesPath: string): number[] {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', enginePath, casesPath], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`deriving with ${enginePath} failed: ${r.stderr.trim().slice(0, 500)}`);
  return JSON.parse(r.stdout) as number[];
}

const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!);
  let against = 'c24b7d5';
  let rounds = 5;
  const skip = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--against') against = argv[++i] ?? against;
    else if (a === '--rounds') rounds = Math.max(1, Math.round(Number(argv[++i])));
    else if (a === '--skip') for (const s of (argv[++i] ?? '').split(',')) skip.add(s.trim());
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isFinite(rounds)) throw new Error('--rounds needs a number');

  const ref = referenceEngine(against);
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'src']) !== '';
  const self = { label: `this tree (${head}${dirty ? ' + changes' : ''})`, path: join(root, 'src/clinical/index.ts') };
  const other = { label: `reference (${ref.sha.slice(0, 7)})`, path: ref.path };

  const today = new Date();
  const asOf = today.toISOString().slice(0, 10);
  log('generating the records...');
  const cases = derivationCases(today, skip);
  const work = mkdtempSync(join(tmpdir(), 'trd-bench-derivation-cases-'));
  const casesPath = join(work, 'cases.json');
  const file: CasesFile = { asOf, cases: cases.map((c) => ({ measure: c.measure, patientId: c.patientId, resources: c.resources })) };
  writeFileSync(casesPath, JSON.stringify(file));

  const times = { self: [] as number[][], other: [] as number[][] };
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['other', 'self'] as const) : (['self', 'other'] as const);
      for (const which of order) {
        log(`round ${r + 1}/${rounds}: ${which === 'self' ? self.label : other.label}...`);
        times[which].push(runChild(which === 'self' ? self.path : other.path, casesPath));
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? '?';
  const lines = [
    `Derivation, ${other.label} against ${self.label}: ${today.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPUs (${cpu}), Node ${process.version}`,
    `medians over ${rounds} rounds, engines alternating (each round: a fresh process per engine, each row the median of 7 batches after the JIT has settled)`,
    '',
    `| row | ${other.label} | ${self.label} | this / reference |`,
    '| --- | --- | --- | --- |',
  ];
  cases.forEach((c, i) => {
    const a = times.other.map((t) => t[i]!);
    const b = times.self.map((t) => t[i]!);
    const ratio = median(b) / median(a);
    lines.push(`| ${c.measure} | ${ms(median(a))} (${range(a)}) | ${ms(median(b))} (${range(b)}) | ${ratio.toFixed(2)} |`);
  });
  if (cases.length > 0) {
    const i = cases.length;
    const a = times.other.map((t) => t[i]!);
    const b = times.self.map((t) => t[i]!);
    const what = cases[0]!.measure.replace(/^derivation,? /, '');
    lines.push(`| derivation, the first call in a fresh process (${what}) | ${ms(median(a))} (${range(a)}) | ${ms(median(b))} (${range(b)}) | ${(median(b) / median(a)).toFixed(2)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
