// @vitest-environment node
/**
 * Both servers (the production static server and the sandbox EHR) answer a malformed request target with 400 and go
 * on serving: a percent-encoding that does not decode (`/%E0%A4%A`) once made decodeURIComponent throw inside an async
 * handler and stopped the process.
 */
import { request } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../sandbox/serve-app';
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from './harness';

/** A raw request, so that no client library re-encodes the target. */
function rawGet(origin: string, target: string, method = 'GET'): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const MALFORMED = ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '/fhir/Patient/%E0%A4%A', '/auth/%C0', '/__faults%', '/ehr/%FF%'];

describe('the production static server', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), 'trd-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    server = await serveApp({ distDir: dist, host: '127.0.0.1', port: 0, fhirOrigin: 'http://127.0.0.1:4010', ehrOrigin: 'http://127.0.0.1:4010' });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it.each(MALFORMED)('answers 400 to GET %s and still serves index.html afterwards', async (target) => {
    expect(await rawGet(origin, target)).toBe(400);
    expect(await rawGet(origin, '/')).toBe(200);
  });

  it('answers HEAD with a malformed target with 400 too', async () => {
    expect(await rawGet(origin, '/%E0%A4%A', 'HEAD')).toBe(400);
  });
});

describe('the sandbox EHR', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it.each(MALFORMED)('answers 400 to GET %s and still answers /fhir/metadata afterwards', async (target) => {
    expect(await rawGet(sandbox.origin, target)).toBe(400);
    expect(await rawGet(sandbox.origin, '/fhir/metadata')).toBe(200);
  });
});
