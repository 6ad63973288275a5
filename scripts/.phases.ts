import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const SP = 4760, AP = 4761;
const N = Number(process.env.N ?? 10);
const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/start.ts', '--prod', '--no-build'], { cwd: process.env.ROOT ?? '/work/main', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SANDBOX_PORT: String(SP), APP_PORT: String(AP), APP_URL: `http://127.0.0.1:${AP}`, SANDBOX_LATENCY_MS: process.env.LAT ?? '0' } });
await new Promise<void>((res) => { let out = ''; const f = (d: Buffer) => { out += d; if (/is running/.test(out)) res(); }; child.stdout!.on('data', f); child.stderr!.on('data', f); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const rows: number[][] = [];
let cfg = 0;
for (let run = 0; run <= N; run++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${SP}/ehr`);
  let launchReq: any = null;
  page.on('request', (r) => { if (r.url().endsWith('/ehr/launch')) launchReq = r; if (r.url().includes('smart-config.json')) cfg++; });
  await page.locator('tr[data-patient-id="trd-two-failures"]').getByRole('button', { name: 'Launch', exact: true }).click();
  await page.waitForURL((u) => u.port === String(AP) && !u.pathname.endsWith('launch.html'));
  for (;;) { const s = await page.evaluate(() => document.documentElement.dataset.appState); if (s === 'ready') break; await new Promise((r) => setTimeout(r, 100)); }
  const m = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const token = res.find((r) => r.name.includes('/auth/token'))!;
    const reads = res.filter((r) => r.name.includes('/fhir/'));
    const js = res.filter((r) => r.name.endsWith('.js'));
    const ready = performance.getEntriesByName('app-state:ready')[0]!.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { origin: performance.timeOrigin, navStart: nav.fetchStart, resp: nav.responseEnd, tokenStart: token.startTime, tokenEnd: token.responseEnd, readsStart: Math.min(...reads.map((r) => r.startTime)), readsEnd: Math.max(...reads.map((r) => r.responseEnd)), jsEnd: Math.max(...js.map((r) => r.responseEnd)), ready };
  });
  const start = launchReq.timing().startTime;
  if (run > 0) rows.push([m.origin - start, m.resp, m.jsEnd, m.tokenStart, m.tokenEnd, m.readsStart, m.readsEnd, m.ready, m.origin + m.ready - start]);
  await ctx.close();
}
const med = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const names = ['index nav at', 'html resp', 'js loaded', 'token sent', 'token done', 'reads sent', 'reads done', 'ready', 'TOTAL'];
console.log(`[${process.env.ROOT ?? 'main'}] smart-config.json fetches/launch ${(cfg / (N + 1)).toFixed(1)} `+ names.map((n, i) => `${n}: ${med(rows.map((r) => r[i])).toFixed(0)}`).join(' | '));
await browser.close(); child.kill();
