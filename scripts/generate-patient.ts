/**
 * `npm run generate -- [options]`: seeded synthetic patients (sandbox/patients/synthetic.ts).
 *
 * One patient as a FHIR transaction Bundle (the sandbox can load it, `npm run derive` can read it):
 *   npm run generate -- --years 30 --trials 40 --scores 300 --statements 5000 --seed 7 --out long.json
 * A population as Bulk Data NDJSON (one file per resource type), streamed to disk one patient at a time:
 *   npm run generate -- --patients 10000 --ndjson out/population [--seed 1]
 * --realistic: patients of the size and shape of an EHR export (sandbox/patients/realistic.ts: a median of about 300
 * resources, mostly encounters, claims and observations the engine does not use; about half with a psychiatric story):
 *   npm run generate -- --realistic --patients 615 --ndjson out/ehr-like [--seed 1]
 *   npm run generate -- --realistic --seed 7 --out one.json
 *
 * Options: --years --trials --scores --statements (default: a typical record, 3 years/3 trials/12 scores/6 statements),
 * --seed (default 1), --id (default syn-<seed>), --today YYYY-MM-DD (default today: dates are relative to it),
 * --with-shared (add the demo Practitioner/Organization to the bundle), --out FILE (default stdout), --realistic
 * (--years then fixes the record's length, which is otherwise drawn from the seed; --trials/--scores/--statements do not apply).
 */
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { transaction } from '../sandbox/patients/fhir';
import { sharedResources } from '../sandbox/patients/shared';
import { generateRealisticPatientResources } from '../sandbox/patients/realistic';
import { generatePatient, generatePatientResources, TYPICAL, type SyntheticOptions } from '../sandbox/patients/synthetic';

interface Args {
  years: number;
  trials: number;
  scores: number;
  statements: number;
  seed: number;
  id: string | null;
  today: Date;
  out: string | null;
  patients: number | null;
  ndjson: string | null;
  withShared: boolean;
  realistic: boolean;
  /** --years was given (realistic records otherwise draw their length from the seed). */
  yearsGiven: boolean;
}

function usage(code: number, message?: string): never {
  if (message) process.stderr.write(`generate: ${message}\n`);
  process.stderr.write(
    'usage: npm run generate -- [--years N] [--trials N] [--scores N] [--statements N] [--seed N] [--id ID] [--today YYYY-MM-DD] [--with-shared] [--out FILE]\n' +
      '       npm run generate -- --patients N --ndjson DIR [--seed N] [--years N ...]\n' +
      '       npm run generate -- --realistic [--patients N --ndjson DIR | --out FILE] [--seed N] [--years N]\n',
  );
  process.exit(code);
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { ...TYPICAL, seed: 1, id: null, today: new Date(), out: null, patients: null, ndjson: null, withShared: false, realistic: false, yearsGiven: false };
  const int = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 0) usage(2, `${name} needs a non-negative integer, got "${v ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i];
    switch (a) {
      case '--years':
      case '--trials':
      case '--scores':
      case '--statements':
      case '--seed':
        args[a.slice(2) as 'years' | 'trials' | 'scores' | 'statements' | 'seed'] = int(a, next());
        if (a === '--years') args.yearsGiven = true;
        break;
      case '--realistic':
        args.realistic = true;
        break;
      case '--patients':
        args.patients = int(a, next());
        break;
      case '--id':
        args.id = next() ?? usage(2, '--id needs a value');
        break;
      case '--out':
        args.out = next() ?? usage(2, '--out needs a file');
        break;
      case '--ndjson':
        args.ndjson = next() ?? usage(2, '--ndjson needs a folder');
        break;
      case '--today': {
        const v = next() ?? '';
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) usage(2, `--today must be YYYY-MM-DD, got "${v}"`);
        args.today = new Date(`${v}T12:00:00Z`);
        break;
      }
      case '--with-shared':
        args.withShared = true;
        break;
      case '--help':
      case '-h':
        usage(0);
        break;
      default:
        usage(2, `unknown option ${a}`);
    }
  }
  if ((args.patients === null) !== (args.ndjson === null)) usage(2, '--patients and --ndjson go together');
  return args;
}

/** One patient's resources, the typical synthetic record or (--realistic) an EHR-export-shaped one. */
function resourcesOf(args: Args, id: string, seed: number) {
  if (args.realistic) return generateRealisticPatientResources({ id, today: args.today, seed, ...(args.yearsGiven ? { years: args.years } : {}) });
  const options: SyntheticOptions = { id, today: args.today, years: args.years, trials: args.trials, scores: args.scores, statements: args.statements, seed };
  return generatePatientResources(options);
}

/** Writes one line, waiting for the stream to drain when its buffer is full (memory stays flat). */
async function writeLine(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line + '\n')) await new Promise<void>((resolve) => stream.once('drain', resolve));
}

async function writePopulation(args: Args, dir: string, patients: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const streams = new Map<string, WriteStream>();
  const streamFor = (type: string): WriteStream => {
    let s = streams.get(type);
    if (!s) {
      s = createWriteStream(join(dir, `${type}.ndjson`));
      streams.set(type, s);
    }
    return s;
  };
  let resources = 0;
  for (let i = 0; i < patients; i++) {
    for (const r of resourcesOf(args, `${args.id ?? `pop-${args.seed}`}-${i + 1}`, (args.seed * 1_000_003 + i) >>> 0)) {
      await writeLine(streamFor(r.resourceType), JSON.stringify(r));
      resources++;
    }
  }
  await Promise.all([...streams.values()].map((s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())))));
  process.stderr.write(`generate: ${patients} patients, ${resources} resources in ${streams.size} NDJSON files under ${dir}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.ndjson !== null && args.patients !== null) {
    await writePopulation(args, args.ndjson, args.patients);
    return;
  }
  const id = args.id ?? `syn-${args.seed}`;
  const bundle = args.realistic
    ? transaction(resourcesOf(args, id, args.seed))
    : generatePatient({ id, today: args.today, years: args.years, trials: args.trials, scores: args.scores, statements: args.statements, seed: args.seed });
  if (args.withShared) {
    bundle.entry = [
      ...sharedResources().map((resource) => ({ resource, request: { method: 'PUT' as const, url: `${resource.resourceType}/${resource.id}` } })),
      ...(bundle.entry ?? []),
    ];
  }
  const json = JSON.stringify(bundle);
  if (args.out) {
    writeFileSync(args.out, json);
    process.stderr.write(`generate: ${bundle.entry?.length ?? 0} resources -> ${args.out}\n`);
  } else process.stdout.write(json + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
