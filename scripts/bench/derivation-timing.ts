/**
 * The records the benchmark derives and how one derivation is timed, shared by `npm run bench` (its derivation rows)
 * and `npm run bench:derivation` (the same rows, this tree's engine against another revision's, alternating).
 */
import type { Resource } from 'fhir/r4';
import { demoPatients } from '../../sandbox/patients';
import { generatePatientResources, TYPICAL, type SyntheticOptions } from '../../sandbox/patients/synthetic';
import { generateRealisticPatientResources } from '../../sandbox/patients/realistic';

export type Derive = (record: { patientId: string; resources: Resource[] }, options: { asOf: string }) => unknown;

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** One record the derivation rows time. */
export interface DerivationCase {
  /** Which rows it belongs to (`--skip derive,realistic,thirty`). */
  group: 'derive' | 'realistic' | 'thirty';
  /** The row's name, with the record's size. */
  measure: string;
  /** 1, 10 or 100 for the typical record scaled k times (the scaling rows compare them). */
  scale?: number;
  patientId: string;
  resources: Resource[];
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

/** The records of the derivation rows, in the rows' order; `skip` leaves groups out (they are not generated). */
export function derivationCases(today: Date, skip: ReadonlySet<string> = new Set()): DerivationCase[] {
  const cases: DerivationCase[] = [];
  if (!skip.has('derive')) {
    let typicalSize = 0;
    for (const k of [1, 10, 100]) {
      let o = scaled(k, today);
      let resources = generatePatientResources(o);
      if (k === 1) typicalSize = resources.length;
      // Pad with reconciliation statements (one resource each) so the record is exactly k times the typical size.
      else if (resources.length < k * typicalSize) {
        o = { ...o, statements: o.statements + k * typicalSize - resources.length };
        resources = generatePatientResources(o);
      }
      cases.push({ group: 'derive', measure: `derivation ${k}x typical (${resources.length} resources)`, scale: k, patientId: o.id, resources });
    }
  }
  if (!skip.has('realistic')) {
    // Records of an EHR export's size and shape (most resources are not used, but each is read, classified and
    // accounted for): the demo record of 300 resources, and the middle and the top of a generated population's sizes.
    const population = Array.from({ length: 101 }, (_, i) => generateRealisticPatientResources({ id: `bench-real-${i}`, today, seed: 9000 + i }));
    population.sort((a, b) => a.length - b.length);
    const demo = demoPatients.find((p) => p.id === 'ehr-export-mdd');
    const named: Array<[string, Resource[]]> = [
      ...(demo ? [[`EHR-export-sized demo record ehr-export-mdd`, (demo.build(today).entry ?? []).map((e) => e.resource!)] as [string, Resource[]]] : []),
      ['EHR-export-sized record, median of 101 generated', population[50]!],
      ['EHR-export-sized record, largest of 101 generated', population[100]!],
    ];
    for (const [name, resources] of named) {
      cases.push({ group: 'realistic', measure: `derivation, ${name} (${resources.length} resources)`, patientId: resources[0]!.id ?? 'x', resources });
    }
  }
  if (!skip.has('thirty')) {
    const o: SyntheticOptions = { id: 'bench-30y', today, seed: 30, years: 30, trials: 40, scores: 300, statements: 4500 };
    const resources = generatePatientResources(o);
    cases.push({ group: 'thirty', measure: `derivation, 30-year record (${resources.length} resources)`, patientId: o.id, resources });
  }
  return cases;
}

/**
 * One derivation per call, each on the next of the record's copies (at least 10,000 resources in all, at most 300
 * copies): the call the derivation rows time, shared with the deoptimisation trace so both run the same work.
 */
export function deriveFreshCopies(derive: Derive, resources: Resource[], patientId: string, asOf: string): () => void {
  const copies = Array.from({ length: Math.min(300, Math.max(1, Math.ceil(10_000 / Math.max(1, resources.length)))) }, (_, i) =>
    i === 0 ? resources : structuredClone(resources),
  );
  let next = 0;
  return () => {
    derive({ patientId, resources: copies[next]! }, { asOf });
    next = (next + 1) % copies.length;
  };
}

/** The warm-up's limits: each row settles for at least `min` ms, in windows of `window` ms, and at most `max` ms. */
const WARM_UP = { minMs: 1000, windowMs: 100, maxMs: 6000, flatWindows: 3 } as const;

/**
 * Runs `once` until its time per call has stopped falling: at least WARM_UP.minMs, then until WARM_UP.flatWindows
 * windows in a row are no faster (by 3%) than the best window before them, or WARM_UP.maxMs. A fixed short warm-up
 * timed small records while V8 was still optimising the functions a derivation calls once per patient: the 1x row
 * measured 0.8 ms where the same engine settles at 0.27 ms, and moved by a third between runs as compilations fell
 * inside or outside its batches. Returns the time per call of the last window.
 */
export function warmUp(once: () => void): { perCall: number; ms: number; calls: number } {
  const start = performance.now();
  let calls = 0;
  let best = Infinity;
  let flat = 0;
  let perCall: number;
  for (;;) {
    const w0 = performance.now();
    let n = 0;
    do {
      once();
      n++;
    } while (performance.now() - w0 < WARM_UP.windowMs);
    calls += n;
    perCall = (performance.now() - w0) / n;
    const elapsed = performance.now() - start;
    if (perCall < best * 0.97) {
      best = perCall;
      flat = 0;
    } else flat++;
    if (elapsed >= WARM_UP.maxMs || (elapsed >= WARM_UP.minMs && flat >= WARM_UP.flatWindows)) return { perCall, ms: elapsed, calls };
  }
}

/**
 * Time of one derivation: the median over `runs` batches, each batch long enough (>= 50 ms) that the garbage
 * collections the derivations cause fall inside it, after the JIT has settled (`warmUp`). Each call derives a different
 * copy of the record (at least 10,000 resources in all), as population mode derives each record once: repeating one
 * small record kept all of it in the processor's caches and made small records look cheaper per resource than large
 * ones, which cannot stay cached. `first` is the first call's time, before any warm-up of this record.
 */
export function timeDerive(derive: Derive, resources: Resource[], patientId: string, asOf: string, runs: number): { median: number; first: number } {
  const once = deriveFreshCopies(derive, resources, patientId, asOf);
  // With --expose-gc (bench:derivation's children), the garbage of reading the records and of earlier rows is
  // collected first, so that no engine's first call pays for it.
  (globalThis as { gc?: () => void }).gc?.();
  const f0 = performance.now();
  once();
  const first = performance.now() - f0;
  const { perCall } = warmUp(once);
  const batch = Math.max(1, Math.ceil(50 / Math.max(perCall, 0.001)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) once();
    times.push((performance.now() - t0) / batch);
  }
  return { median: median(times), first };
}
