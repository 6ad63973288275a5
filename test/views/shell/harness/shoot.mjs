// Dev-only: serve the harness with Vite and screenshot each view at 1024×700 (node test/views/shell/harness/shoot.mjs).
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 5198, host: '127.0.0.1', strictPort: true } });
await server.listen();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
for (const view of (process.argv[2] ?? 'ready,partial,loading,error,review,noscope,written,failed').split(',')) {
  await page.goto(`http://127.0.0.1:5198/test/views/shell/harness/harness.html?view=${view}`);
  await page.waitForTimeout(600);
  const scroll = await page.evaluate(() => document.scrollingElement.scrollWidth);
  await page.screenshot({ path: `/tmp/shell-${view}.png`, fullPage: !process.env.BOTTOM });
  if (process.env.BOTTOM) { await page.evaluate(() => window.scrollTo(0, 1e6)); await page.screenshot({ path: `/tmp/shell-${view}-bottom.png` }); }
  console.log(view, 'scrollWidth', scroll);
}
await browser.close();
await server.close();
