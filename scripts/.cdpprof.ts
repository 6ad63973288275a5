import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const SP = 4750, AP = 4751;
const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/start.ts', '--prod', '--no-build'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_PORT: String(SP), APP_PORT: String(AP), APP_URL: `http://127.0.0.1:${AP}` } });
await new Promise<void>((res) => { let out = ''; const f = (d: Buffer) => { out += d; if (/is running/.test(out)) res(); }; child.stdout!.on('data', f); child.stderr!.on('data', f); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (let run = 0; run < 2; run++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${SP}/ehr`);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.locator('tr[data-patient-id="trd-two-failures"]').getByRole('button', { name: 'Launch', exact: true }).click();
  await page.waitForURL((u) => u.port === String(AP) && !u.pathname.endsWith('launch.html'));
  for (;;) { const s = await page.evaluate(() => document.documentElement.dataset.appState); if (s === 'ready') break; await new Promise((r) => setTimeout(r, 100)); }
  const { profile } = await cdp.send('Profiler.stop');
  if (run === 1) writeFileSync('/tmp/diag/prof.cpuprofile', JSON.stringify(profile));
  await ctx.close();
}
await browser.close(); child.kill();
