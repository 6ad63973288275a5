/** The launch rows: launches in headless Chromium against the bare client, the latency slope, request counts. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoPatients } from '../../sandbox/patients';
import { plannedSearches } from '../../src/fhir/queries';
import { median } from './derivation-timing';
import { root } from './repo-root';
import type { Options } from './options';
import { type Row, errorText, log } from './report';
import { type Sandbox, envPort, startSandbox, stopProcess } from './sandboxes';
import { type LaunchMeasure, launchLowerBound, phaseFigure, range } from './launch-phases';
import { writeFloorClient } from './floor-client';
import { CHROMIUM, launchThrough, openBrowser, setLatency } from './launch-once';

export async function launchRows(rows: Row[], o: Options): Promise<void> {
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
    const chromiumBrowser = await openBrowser();
    browser = chromiumBrowser;
    const launchOnce = (target: Sandbox, patientId: string, context?: import('playwright-core').BrowserContext) =>
      launchThrough(chromiumBrowser, target, patientId, context);

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
     * the servers' JIT and the browser). Cold (the default): each launch in a new browser profile, a first launch of
     * the day. Warm: each side's launches in one profile of its own, after two launches dropped: the first leaves the
     * scripts in the HTTP cache, the second has Chromium keep their compiled code beside them (it does so for a script
     * run a second time), so the launches measured take both from the cache, as when a clinician opens the app again.
     */
    const series = async (patientId: string, latencyMs: number, runs: number, warm = false) => {
      await setLatency(appSandbox, latencyMs);
      if (floorTarget) await setLatency(floorTarget, latencyMs);
      const app: LaunchMeasure[] = [];
      const floor: LaunchMeasure[] = [];
      const appContext = warm ? await chromiumBrowser.newContext() : undefined;
      const floorContext = warm && floorTarget ? await chromiumBrowser.newContext() : undefined;
      try {
        for (let warmUp = 0; warmUp < (warm ? 2 : 1); warmUp++) {
          await launchOnce(appSandbox, patientId, appContext);
          if (floorTarget) await launchOnce(floorTarget, patientId, floorContext);
        }
        for (let run = 0; run < runs; run++) {
          const order = run % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
          for (const which of order) {
            if (which === 'app') app.push(await launchOnce(appSandbox, patientId, appContext));
            else if (floorTarget) floor.push(await launchOnce(floorTarget, patientId, floorContext));
          }
        }
      } finally {
        await appContext?.close();
        await floorContext?.close();
      }
      return { app, floor };
    };

    const latencies = [0, ...[o.latencyMs, o.slowLatencyMs].filter((l) => l > 0)];
    const allReady = (ms: LaunchMeasure[]) => ms.every((m) => m.state === 'ready');
    for (const patientId of o.skip.has('cold') ? [] : patients) {
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
      // The same launches with the scripts and their compiled code cached, app and bare client alike (see series).
      for (const patientId of patients) {
        const resourceCount = demoPatients.find((p) => p.id === patientId)!.build(new Date()).entry?.length ?? 0;
        for (const latencyMs of latencies) {
          log(`launching ${patientId} at ${latencyMs} ms latency, scripts cached (app and bare client alternating)...`);
          const { app, floor } = await series(patientId, latencyMs, o.launchRuns, true);
          const tApp = median(app.map((m) => m.ms));
          const tFloor = floor.length > 0 ? median(floor.map((m) => m.ms)) : null;
          const ready = allReady(app) && allReady(floor);
          rows.push({
            measure: `launch-to-timeline, ${patientId} (${resourceCount} resources), ${latencyMs ? `${latencyMs} ms latency` : 'no injected latency'}, scripts cached: a clinician who opened the app before (medians of ${app.length}, app and bare client alternating, each in its own warm profile)`,
            figure: tFloor === null ? `${tApp.toFixed(0)} ms` : `app ${tApp.toFixed(0)} ms, bare client ${tFloor.toFixed(0)} ms: ratio ${(tApp / tFloor).toFixed(2)}`,
            target: tFloor === null ? 'info' : 'ratio <= 1.2',
            pass: tFloor === null ? null : ready && tApp <= 1.2 * tFloor,
            note: `${ready ? '' : `states: ${[...new Set([...app, ...floor].map((m) => m.state))].join(', ')}; `}app ${range(app)}, bare client ${range(floor)}`,
          });
          if (latencyMs === 0) {
            rows.push({
              measure: 'the same launch with scripts cached, without latency, phase by phase (medians, ms): app / bare client',
              figure: phaseFigure(app, floor, 'ready'),
              target: 'info',
              pass: null,
              note: "from index.html's resource timings; the medians of the phases need not add up to the median total",
            });
          }
        }
      }
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

