/** The sandboxes the launch rows run against (the app's and the bare client's), their ports and stopping them. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './repo-root';

/** A port that is free right now on 127.0.0.1 (other sandboxes may be running on this machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A port from the environment (BENCH_SANDBOX_PORT, BENCH_APP_PORT, BENCH_FLOOR_SANDBOX_PORT, BENCH_FLOOR_APP_PORT), so
 * that several people on one machine can each keep to their own ports; unset: any free port.
 */
export function envPort(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return port;
}

/** A running sandbox: the EHR's origin (FHIR, authorization server, EHR page) and the app's. */
export interface Sandbox {
  child: ChildProcess;
  origin: string;
  appOrigin: string;
}

/** Starts the sandbox serving the production build, or `appDir` in its place (the bare SMART client). */
export async function startSandbox(latencyMs: number, appDir?: string, sandboxPortWanted?: number, appPortWanted?: number): Promise<Sandbox> {
  const sandboxPort = sandboxPortWanted ?? (await freePort());
  const appPort = appPortWanted ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sandbox/start.ts'), '--prod', '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SANDBOX_PORT: String(sandboxPort),
      APP_PORT: String(appPort),
      APP_URL: `http://127.0.0.1:${appPort}`,
      SANDBOX_LATENCY_MS: String(latencyMs),
      ...(appDir ? { APP_DIST_DIR: appDir } : {}),
    },
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start within 90 s: ${output.slice(-300)}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/is running/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}: ${output.replace(/.*Unsupported runtime.*\n?/g, '').trim().slice(-300)}`));
    });
  });
  return { child, origin: `http://127.0.0.1:${sandboxPort}`, appOrigin: `http://127.0.0.1:${appPort}` };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
