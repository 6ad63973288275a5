// @vitest-environment node
/** The production static server: CSP without inline scripts or third-party origins, no traversal. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, PERMISSIONS_POLICY, serveApp } from '../../sandbox/serve-app';

let origin: string;
let close: () => void;
beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), 'trd-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  const server = await serveApp({
    distDir: dist, host: '127.0.0.1', port: 0, fhirOrigin: 'http://127.0.0.1:4010', ehrOrigin: 'http://127.0.0.1:4010',
    smartConfig: [{ issMatch: '^http://127\\.0\\.0\\.1:4010/fhir/?$', clientId: 'dev', scope: 'openid' }],
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('contentSecurityPolicy', () => {
  it('allows scripts from self only and connections to self and the FHIR origin only', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:4010', 'http://127.0.0.1:4010');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4010");
    expect(csp).toContain("frame-ancestors http://127.0.0.1:4010 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it('allows styles from self only: no unsafe-inline (React style props go through the CSSOM, which CSP allows)', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:4010', 'http://127.0.0.1:4010');
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('serveApp', () => {
  it('serves the development configuration given to it as /smart-config.json, fresh on every launch', async () => {
    const response = await fetch(`${origin}/smart-config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.json()).toEqual([{ issMatch: '^http://127\\.0\\.0\\.1:4010/fhir/?$', clientId: 'dev', scope: 'openid' }]);
  });

  it('serves index.html at / and hashed assets, each with the CSP', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('permissions-policy')).toBe(PERMISSIONS_POLICY);
    expect(PERMISSIONS_POLICY).toContain('camera=()');
    expect(PERMISSIONS_POLICY).toContain('geolocation=()');
    expect(PERMISSIONS_POLICY).toContain('clipboard-write=(self)');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const asset = await fetch(`${origin}/assets/index-abc.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('refuses paths outside dist and answers 404 for missing files', async () => {
    expect((await fetch(`${origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${origin}/nope.js`)).status).toBe(404);
  });
});
