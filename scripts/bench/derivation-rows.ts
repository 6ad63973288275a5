/** The derivation rows: the engine in this process, timed on typical, EHR-export-sized and 30-year records. */
import { type Derive, derivationCases, timeDerive } from './derivation-timing';
import { type Row, errorText, ms } from './report';

async function loadEngine(): Promise<Derive> {
  const m = (await import('../../src/clinical/index')) as { derivePatient?: Derive };
  if (typeof m.derivePatient !== 'function') throw new Error('src/clinical/index.ts exports no derivePatient');
  return m.derivePatient;
}

export async function deriveRows(rows: Row[], skip: Set<string>): Promise<void> {
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
  let firstCall: { measure: string; ms: number } | undefined;
  for (const c of derivationCases(today, skip)) {
    const name = c.measure.replace(/ \(\d+ resources\)$/, '');
    try {
      const { median: t, first } = timeDerive(derive, c.resources, c.patientId, asOf, 7);
      firstCall ??= { measure: c.measure, ms: first };
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
  if (firstCall) {
    // The engine's code not yet compiled: what one derivation costs before the JIT has seen it (the app's first).
    rows.push({ measure: `derivation, the first call in a fresh process (${firstCall.measure.replace(/^derivation,? /, '')})`, figure: ms(firstCall.ms), target: 'info', pass: null });
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
