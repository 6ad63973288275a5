/**
 * `npm start`: the whole offline setup in one command, on 127.0.0.1 only.
 *   npm start                      sandbox EHR (FHIR + auth + launcher) and the Vite dev server for the app
 *   npm start -- --prod            builds the app (vite build) and serves dist/ with the production CSP
 *   npm start -- --prod --no-build serves an existing dist/
 * Env: SANDBOX_PORT (4010), APP_PORT (5173), APP_URL (http://127.0.0.1:$APP_PORT), SANDBOX_LATENCY_MS,
 *      SANDBOX_FAULTS (JSON, see sandbox/faults.ts), SANDBOX_TOKEN_TTL_SECONDS (3600),
 *      APP_DIST_DIR (dist/; with --prod --no-build, the folder served as the app: the benchmark's bare SMART client),
 *      SMART_LAUNCHER_URL (origin of a locally run SMART launcher; default http://127.0.0.1:9009),
 *      SANDBOX_EXTRA_PATIENTS (a folder: every *.json FHIR Bundle in it is served besides the demo patients, each of its
 *      patients listed on the EHR page "from <file name>"; a file that cannot be read is named on stderr and skipped;
 *      the files are only read, never copied; see sandbox/extra-patients.ts).
 * The app gets the development smart-config.json (sandbox/dev-smart-config.ts), never the shipped template.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadDemoData } from './demo-data';
import { readExtraPatients, withExtraPatients } from './extra-patients';
import { parseFaultConfig } from './faults';
import { developmentSmartConfig } from './dev-smart-config';
import { serveApp } from './serve-app';
import { startSandbox } from './server';

const HOST = '127.0.0.1';
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const prod = args.has('--prod');
  const sandboxPort = envInt('SANDBOX_PORT', 4010);
  const appPort = envInt('APP_PORT', 5173);
  const appUrl = (process.env.APP_URL ?? `http://${HOST}:${appPort}`).replace(/\/$/, '');
  const faults = parseFaultConfig(process.env.SANDBOX_FAULTS);

  const demo = loadDemoData();
  const extraFolder = process.env.SANDBOX_EXTRA_PATIENTS;
  const extra = extraFolder ? readExtraPatients(extraFolder) : undefined;
  for (const problem of extra?.problems ?? []) console.error(`[sandbox] SANDBOX_EXTRA_PATIENTS: ${problem}`);
  const data = extra ? withExtraPatients(demo, extra) : demo;

  const sandbox = await startSandbox({
    host: HOST,
    port: sandboxPort,
    appUrl,
    data,
    faults,
    latencyMs: envInt('SANDBOX_LATENCY_MS', 0),
    tokenTtlSeconds: envInt('SANDBOX_TOKEN_TTL_SECONDS', 3600),
  });
  for (const failure of sandbox.loadFailures) console.warn(`[sandbox] not loaded: ${failure}`);

  let appServer: Server | undefined;
  let viteServer: { close(): Promise<void> } | undefined;
  const vite = await import('vite');
  if (prod) {
    if (!args.has('--no-build')) {
      console.log('[sandbox] building the app (vite build)...');
      await vite.build({ root: projectRoot, logLevel: 'warn' });
    }
    appServer = await serveApp({
      distDir: process.env.APP_DIST_DIR || `${projectRoot}/dist`,
      host: HOST,
      port: appPort,
      fhirOrigin: sandbox.origin,
      ehrOrigin: sandbox.origin,
      smartConfig: developmentSmartConfig({
        sandboxFhirBaseUrl: sandbox.fhirBaseUrl,
        ...(process.env.SMART_LAUNCHER_URL ? { smartLauncherUrl: process.env.SMART_LAUNCHER_URL } : {}),
      }),
    });
  } else {
    // vite.config.ts serves the development smart-config.json from SANDBOX_PORT (and SMART_LAUNCHER_URL).
    process.env.SANDBOX_PORT = String(sandboxPort);
    const server = await vite.createServer({ root: projectRoot, server: { host: HOST, port: appPort, strictPort: true } });
    await server.listen();
    viteServer = server;
  }

  console.log(`
TRD timeline sandbox is running (${prod ? 'production build' : 'dev server'}), ${demo.patients.length} demo patients${
  extra ? `, ${extra.patients.length} from ${extraFolder}` : ''}.
  Open the EHR and launch a patient:  ${sandbox.ehrUrl}
  Standalone launch:                   ${sandbox.standaloneUrl}
  FHIR base:                           ${sandbox.fhirBaseUrl}
  App:                                 ${appUrl}
Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal}: shutting down`);
    await Promise.allSettled([
      sandbox.close(),
      viteServer?.close(),
      appServer ? new Promise<void>((resolve) => { appServer.closeAllConnections(); appServer.close(() => resolve()); }) : undefined,
    ]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`[sandbox] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
