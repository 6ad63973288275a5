/**
 * Diagnostics for the derivation rows (not a measurement): derives the rows' records in one process in the bench's
 * order, timed as `timeDerive` times them, and prints a marker line before each record's warm-up and timed batches, so
 * that V8's `--trace-deopt` / `--trace-opt` lines can be attributed to the record and the phase they fall in:
 *
 *   node --trace-deopt --trace-opt --import tsx scripts/bench/deopt-trace.ts [--skip realistic,thirty] [--only 0,1]
 *     [--engine DIR/src/clinical/index.ts] > trace.txt
 */
import { deriveFreshCopies, derivationCases, median, warmUp } from './derivation-timing';
import type { Derive } from './derivation-timing';
import type { Resource } from 'fhir/r4';

const mark = (s: string) => process.stdout.write(`\n=== MARK ${s} ===\n`);

function timeWithMarks(derive: Derive, name: string, resources: Resource[], patientId: string, asOf: string, runs: number): number {
  const once = deriveFreshCopies(derive, resources, patientId, asOf);
  mark(`${name} warm-up`);
  // --series N: the warm-up's time per call, averaged over every N calls (how the first calls settle).
  const series = Number(opt('--series') ?? 0);
  const points: string[] = [];
  let calls = 0;
  let t = performance.now();
  const { perCall } = warmUp(() => {
    once();
    if (series > 0 && ++calls % series === 0) {
      const now = performance.now();
      points.push(((now - t) / series).toFixed(2));
      t = now;
    }
  });
  if (points.length) mark(`${name} warm-up series: ${points.join(' ')}`);
  const batch = Math.max(1, Math.ceil(50 / Math.max(perCall, 0.001)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    mark(`${name} batch ${i + 1}`);
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) once();
    times.push((performance.now() - t0) / batch);
  }
  mark(`${name} done: median ${median(times).toFixed(3)} ms, batches ${times.map((t) => t.toFixed(3)).join(' ')}`);
  // --steady SECONDS: then the same record for that long, in batches of 50 ms, to tell the settled time from the first.
  const steady = Number(opt('--steady') ?? 0) * 1000;
  if (steady > 0) {
    const later: number[] = [];
    for (const s0 = performance.now(); performance.now() - s0 < steady; ) {
      const t0 = performance.now();
      for (let j = 0; j < batch; j++) once();
      later.push((performance.now() - t0) / batch);
    }
    mark(`${name} steady: median ${median(later).toFixed(3)} ms over ${later.length} batches, min ${Math.min(...later).toFixed(3)}`);
  }
  return median(times);
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const skip = new Set<string>((opt('--skip') ?? '').split(','));
// --engine PATH: another engine's src/clinical/index.ts (as bench:derivation extracts a revision's); --only 0,1: the
// records by their row index, in this order.
const enginePath = opt('--engine') ?? '../../src/clinical/index';
const derive = ((await import(enginePath)) as { derivePatient: Derive }).derivePatient;
const only = opt('--only')?.split(',').map(Number);
const today = new Date();
const asOf = today.toISOString().slice(0, 10);
// As the bench's child reads them: the records go through JSON first.
const cases = JSON.parse(JSON.stringify(derivationCases(today, skip))) as ReturnType<typeof derivationCases>;
for (const c of only ? only.map((i) => cases[i]!) : cases) timeWithMarks(derive, c.measure, c.resources, c.patientId, asOf, 7);
