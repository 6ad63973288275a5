/** The bare SMART client (bench/floor/), configured from the app's observed launch requests. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './repo-root';
import type { LaunchMeasure } from './launch-phases';

/**
 * Writes the bare SMART client (bench/floor/*.js) with its two pages into a temporary folder, configured from the app's
 * own launch: its client id, scope and redirect URI (from its authorization request) and its first-page queries (the
 * patient's id made a placeholder). Returns the folder, which the sandbox then serves in the app's place.
 */
export function writeFloorClient(requests: LaunchMeasure['requests'], patientId: string): string {
  const authorize = requests.find((r) => r.navigation && r.url.startsWith('/auth/') && /[?&]client_id=/.test(r.url));
  if (!authorize) throw new Error("the app's authorization request was not seen");
  const asked = new URL(authorize.url, 'http://sandbox').searchParams;
  const id = encodeURIComponent(patientId);
  const queries = requests
    .filter((r) => r.method === 'GET' && /^\/fhir\/[A-Z]/.test(r.url) && !/[?&]_offset=/.test(r.url) && !r.url.startsWith('/fhir/Medication?'))
    .map((r) => r.url.slice('/fhir/'.length).split(id).join('{patient}'));
  // The redirect URI's path only: the client is served from another port than the app was.
  const redirectPath = new URL(asked.get('redirect_uri') ?? '/index.html', 'http://app').pathname;
  const config = { clientId: asked.get('client_id'), scope: asked.get('scope'), redirectPath, queries };
  // A JSON data block is not a script: the app server's CSP (no inline scripts) lets the page read it.
  const configBlock = `<script type="application/json" id="floor-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
  const page = (script: string) =>
    `<!doctype html><html lang="en" data-app-state="launching"><head><meta charset="utf-8"><title>bare SMART client</title>${configBlock}</head>` +
    `<body><p id="floor-result"></p><script type="module" src="/assets/${script}"></script></body></html>`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  // Under assets/, as the app's scripts are: the sandbox serves them with the same long-lived cache headers, so a warm
  // profile keeps them (and their compiled code) for the client exactly as it does for the app.
  mkdirSync(join(dir, 'assets'));
  for (const script of ['launch.js', 'index.js']) copyFileSync(join(root, 'bench/floor', script), join(dir, 'assets', script));
  writeFileSync(join(dir, 'launch.html'), page('launch.js'));
  writeFileSync(join(dir, 'index.html'), page('index.js'));
  return dir;
}
