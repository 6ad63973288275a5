import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const SP = 4790, AP = 4791;
const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/start.ts', '--prod', '--no-build'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_PORT: String(SP), APP_PORT: String(AP), APP_URL: `http://127.0.0.1:${AP}`, SANDBOX_LATENCY_MS: process.env.LAT ?? '0' } });
await new Promise<void>((res) => { let out = ''; const f = (d: Buffer) => { out += d; if (/is running/.test(out)) res(); }; child.stdout!.on('data', f); child.stderr!.on('data', f); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < 3; run++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${SP}/ehr`);
  if (run === 2) await browser.startTracing(page, { path: '/tmp/diag/trace.json', categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'netlog', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8', 'disabled-by-default-v8.compile'] });
  await page.locator('tr[data-patient-id="trd-two-failures"]').getByRole('button', { name: 'Launch', exact: true }).click();
  await page.waitForURL((u) => u.port === String(AP) && !u.pathname.endsWith('launch.html'));
  for (;;) { const s = await page.evaluate(() => document.documentElement.dataset.appState); if (s === 'ready') break; await new Promise((r) => setTimeout(r, 100)); }
  if (run === 2) await browser.stopTracing();
  await ctx.close();
}
await browser.close(); child.kill();
