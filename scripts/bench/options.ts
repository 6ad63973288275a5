/** The flags of `npm run bench` (documented in index.ts) and their defaults. */
import { cpus } from 'node:os';

export interface Options {
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
  /** The layer pages (bench/floor-layers/) launched beside the bare client and the app: only with --only layers. */
  layers: boolean;
  /** With --only layers: a second build of the app (a folder like dist/) launched in place of the layer pages. */
  against: string | null;
  json: string | null;
}

/** The groups of rows --skip names; --only skips all but those it names (and adds `layers`, which runs only so). */
const GROUPS = ['derive', 'realistic', 'thirty', 'population', 'size', 'launch'];

export function parseOptions(argv: string[]): Options {
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
    layers: false,
    against: null,
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
    else if (a === '--only') {
      const only = new Set((argv[++i] ?? '').split(',').map((s) => s.trim()));
      for (const group of GROUPS) if (!only.has(group)) o.skip.add(group);
      o.layers = only.has('layers');
    } else if (a === '--against') o.against = argv[++i] ?? null;
    else if (a === '--json') o.json = argv[++i] ?? null;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}
