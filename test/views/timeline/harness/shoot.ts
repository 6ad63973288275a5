// Screenshots of the dev harness with Debian's Chromium: `npx tsx test/views/timeline/harness/shoot.ts <baseUrl> <outDir> [width]`.
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:5199', out = '/tmp/trp-shots', width = '1024'] = process.argv.slice(2);
const names = process.env.FIXTURES?.split(',') ?? ['mdd-responder', 'trd-two-failures', 'trd-multi-failures', 'bad-input', 'no-psychiatric-history', 'thirty-years'];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 700 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
for (const name of names) {
  const query = name.startsWith('demo:') ? `demo=${name.slice(5)}` : `fixture=${name}`;
  await page.goto(`${base}/test/views/timeline/harness/index.html?${query}`);
  await page.waitForSelector('.trp-page');
  await page.waitForTimeout(300);
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  console.log(name, 'scrollWidth', scrollWidth);
  if (process.env.FULL_PAGE) await page.screenshot({ path: `${out}/${name.replace(':', '-')}.png`, fullPage: true });
  const section = page.locator('.trp-timeline-section');
  if (await section.count()) await section.screenshot({ path: `${out}/${name.replace(':', '-')}-timeline.png` });
}
await browser.close();
