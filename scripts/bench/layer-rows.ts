/**
 * The layer rows (`--only layers`): pages built from the app's own layers (bench/floor-layers/), launched in one run
 * with the bare client and the app, so that the launch's distance from the bare client can be split by layer: the
 * app's launch and read through fhirclient, then React, then the engine, then everything else the app draws.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoPatients } from '../../sandbox/patients';
import { median } from './derivation-timing';
import { root } from './repo-root';
import type { Options } from './options';
import { type Row, errorText, log } from './report';
import { type Sandbox, startSandbox, stopProcess } from './sandboxes';
import { type LaunchMeasure, range } from './launch-phases';
import { writeFloorClient } from './floor-client';
import { CHROMIUM, launchThrough, openBrowser, setLatency } from './launch-once';

/** The layer pages, in the order they add to the bare client (each page's file says what it contains). */
const LAYERS = [
  { page: 'read', contains: "the app's launch and read (src/fhir, fhirclient), one line of text" },
  { page: 'react', contains: 'the same, and React drawing one line' },
  { page: 'engine', contains: "the same, and the engine's derivation (src/clinical)" },
] as const;

function buildLayer(page: string): void {
  log(`building the layer page "${page}" (vite build -c bench/floor-layers/vite.config.ts)...`);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'bench/floor-layers/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FLOOR_LAYER: page, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (r.status !== 0) throw new Error(`vite build of ${page} failed: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
}

export async function layerRows(rows: Row[], o: Options): Promise<void> {
  const measure = 'launch by layer';
  const patients = [o.patient, o.realisticPatient].filter((id) => id !== '');
  const missing = patients.filter((id) => !demoPatients.some((p) => p.id === id));
  if (missing.length > 0) {
    rows.push({ measure, figure: 'n/a', target: '-', pass: false, note: `no demo patient ${missing.join(', ')}` });
    return;
  }
  if (!existsSync(CHROMIUM)) {
    rows.push({ measure, figure: 'n/a', target: '-', pass: false, note: `${CHROMIUM} missing (apt-get install -y chromium)` });
    return;
  }
  const sandboxes: Sandbox[] = [];
  let browser: import('playwright-core').Browser | null = null;
  try {
    if (o.build && !o.against) for (const { page } of LAYERS) buildLayer(page);
    if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/index.html missing: the app was not built');
    log('starting the sandboxes (the app, the bare client, the layer pages)...');
    const app = await startSandbox(0);
    sandboxes.push(app);
    const chromiumBrowser = await openBrowser();
    browser = chromiumBrowser;
    // As in the launch rows: the bare client is configured from the app's own launch.
    const probe = await launchThrough(chromiumBrowser, app, o.patient);
    if (probe.state !== 'ready') throw new Error(`the app ended in state "${probe.state}" on ${o.patient}`);
    const floor = await startSandbox(0, writeFloorClient(probe.requests, o.patient));
    sandboxes.push(floor);
    const targets: Array<{ name: string; contains: string; sandbox: Sandbox }> = [{ name: 'bare client', contains: 'bench/floor/', sandbox: floor }];
    // --against DIR: the same rotation with a second build of the app in place of the layer pages, an A/B of two
    // builds in one run beside the bare client.
    const pages = o.against ? [{ page: 'reference', contains: `the build in ${o.against}` }] : LAYERS;
    for (const { page, contains } of pages) {
      const dir = o.against ? resolve(o.against) : join(root, 'dist-layers', page);
      if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html missing: the layer page was not built`);
      const sandbox = await startSandbox(0, dir);
      sandboxes.push(sandbox);
      targets.push({ name: page, contains, sandbox });
    }
    targets.push({ name: 'app', contains: 'the production build', sandbox: app });

    for (const patientId of patients) {
      for (const latencyMs of new Set([0, o.latencyMs])) {
        log(`launching ${patientId} at ${latencyMs} ms latency (the bare client, the layer pages and the app in turn)...`);
        for (const t of targets) await setLatency(t.sandbox, latencyMs);
        // One warm-up launch of each, dropped; then each run in a rotated order, every other one reversed, so that
        // the machine's drift falls on all pages alike.
        for (const t of targets) await launchThrough(chromiumBrowser, t.sandbox, patientId);
        const measures = new Map<string, LaunchMeasure[]>(targets.map((t) => [t.name, []]));
        for (let run = 0; run < o.launchRuns; run++) {
          const order = targets.map((_, i) => targets[(i + run) % targets.length]!);
          if (run % 2 === 1) order.reverse();
          for (const t of order) measures.get(t.name)!.push(await launchThrough(chromiumBrowser, t.sandbox, patientId));
        }
        const floorMedian = median(measures.get('bare client')!.map((m) => m.ms));
        for (const t of targets) {
          const ms = measures.get(t.name)!;
          const states = [...new Set(ms.map((m) => m.state))];
          const tMedian = median(ms.map((m) => m.ms));
          rows.push({
            measure: `${measure}, ${patientId}, ${latencyMs ? `${latencyMs} ms latency` : 'no injected latency'}, ${t.name}: ${t.contains} (median of ${ms.length})`,
            figure: `${tMedian.toFixed(0)} ms: ratio ${(tMedian / floorMedian).toFixed(2)}`,
            target: 'info',
            pass: null,
            note: `${states.length === 1 && states[0] === 'ready' ? '' : `states: ${states.join(', ')}; `}${range(ms)}`,
          });
        }
      }
    }
  } catch (e) {
    rows.push({ measure, figure: 'error', target: '-', pass: false, note: errorText(e) });
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of sandboxes) await stopProcess(s.child);
  }
}
