/**
 * The treatment-resistance page in a real launch: screenshots of demo patients as artefacts (and one for
 * the README), no horizontal scroll in a 1024 × 700 EHR frame, keyboard access to timeline items, summary links,
 * the print stylesheet, and the bad-input patients.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
// The machine is shared: a long record can take a while to read and derive.
test.setTimeout(180_000);
const slow = { timeoutMs: 120_000 };

async function noHorizontalScroll(page: Page): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, 'page width at a 1024 px frame').toBeLessThanOrEqual(1024);
}

for (const patient of ['mdd-responder', 'trd-two-failures', 'trd-multi-failures', 'thirty-years', 'malformed-record'] as const) {
  test(`${patient}: timeline renders at 1024 × 700 without horizontal scroll (screenshot kept)`, async ({ page }, testInfo) => {
    await launchFromEhr(page, patient, slow);
    const svg = page.locator('svg.trp-timeline-svg');
    await expect(svg).toBeVisible();
    await expect(page.locator('.trp-trial').first()).toBeVisible();
    await noHorizontalScroll(page);
    const file = testInfo.outputPath(`${patient}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(patient, { path: file, contentType: 'image/png' });
    if (patient === 'trd-two-failures') {
      // The README picture: summary and timeline at a wider frame, as most clinicians see it.
      await page.setViewportSize({ width: 1280, height: 800 });
      const top = await page.locator('.trp-page').boundingBox();
      // The legend is drawn right after the first screen.
      await page.locator('.trp-legend').waitFor();
      const legend = await page.locator('.trp-legend').boundingBox();
      const readme = testInfo.outputPath('readme-trd-two-failures.png');
      await page.screenshot({ path: readme, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.min(2400, (legend?.y ?? 1200) + (legend?.height ?? 0) + 8) } });
      // The tracked README copy changes only on request, so a test run leaves the work tree clean.
      if (process.env.UPDATE_README_SCREENSHOT) {
        mkdirSync('docs/screenshots', { recursive: true });
        copyFileSync(readme, 'docs/screenshots/trd-two-failures.png');
      }
      expect(top).not.toBeNull();
    }
  });
}

test('trd-two-failures: the summary states resistance and its trial links focus the bars on the timeline', async ({ page }) => {
  await launchFromEhr(page, 'trd-two-failures');
  await expect(page.locator('[data-condition="mdd"] .trp-verdict')).toHaveText('Treatment-resistance criteria met: treatment-resistant depression (Gaynes 2020)');
  const link = page.locator('.trp-condition-line .trp-link-button').first();
  await link.click();
  const focused = page.locator('.trp-item:focus');
  await expect(focused).toHaveAttribute('data-item-id', /^trial:/);
  await expect(focused).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId('trp-details')).toContainText(/From \d+ source records?/);
});

test('timeline items are reachable with Tab and show their details and sources; Escape closes', async ({ page }) => {
  await launchFromEhr(page, 'trd-two-failures');
  await page.locator('.trp-zoom button').last().focus(); // "Reset", the last control before the timeline
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.classList.contains('trp-trial') ?? false)) === true;
  }
  expect(reached, 'a trial bar receives keyboard focus').toBe(true);
  const details = page.getByTestId('trp-details');
  await expect(details).toContainText(/Outcome:/);
  await expect(details).toContainText(/From \d+ source records?/);
  await page.keyboard.press('Enter');
  await expect(details).toHaveClass(/is-pinned/);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
});

test('range and zoom controls change the visible span', async ({ page }) => {
  await launchFromEhr(page, 'trd-multi-failures', slow);
  const rangeText = page.locator('.trp-range-text');
  await page.getByRole('radio', { name: 'Last 2 years' }).check();
  const before = await rangeText.innerText();
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(rangeText).not.toHaveText(before);
  const all = await rangeText.innerText();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(rangeText).not.toHaveText(all);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(rangeText).toHaveText(all);
  await noHorizontalScroll(page);
});

test('print: the conclusion behind "details", the timeline with a lane per agent and the trials table print; controls do not', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'trd-two-failures');
  const conclusion = page.locator('[data-condition="mdd"] .trp-conclusion');
  await expect(conclusion, 'on screen the conclusion opens from "details"').toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.trp-controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy summary to note' })).toBeHidden();
  await expect(conclusion).toBeVisible();
  await expect(conclusion).toContainText('2 failed adequate trials');
  const svg = page.locator('svg.trp-timeline-svg');
  await expect(svg).toBeVisible();
  await expect(svg.locator('g.trp-lane')).toHaveCount(3);
  const table = page.locator('.trp-trials-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody')).toContainText(/sertraline/i);
  await expect(table.locator('tbody')).toContainText(/venlafaxine/i);
  await expect(table.locator('tbody')).toContainText(/bupropion/i);
  const pdf = await page.pdf({ path: testInfo.outputPath('trd-two-failures-print.pdf'), format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('no-psychiatric-history: says so, and lists what was read', async ({ page }) => {
  await launchFromEhr(page, 'no-psychiatric-history');
  await expect(page.getByText(/No psychiatric medication trials (or psychiatric diagnoses|, diagnoses or scores) were found/)).toBeVisible();
  await expect(page.getByText('What was read:')).toBeVisible();
  await expect(page.locator('.trp-trial')).toHaveCount(0);
  await noHorizontalScroll(page);
});

test('malformed-record: everything not used is listed with a reason', async ({ page }) => {
  await launchFromEhr(page, 'malformed-record');
  const unused = page.locator('.trp-unused-table');
  await expect(unused).toBeVisible();
  expect(await unused.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(page.locator('.trp-unplaced')).toBeVisible();
});

test('malformed-record: markup in the record is shown as text, never run or rendered', async ({ page }) => {
  await launchFromEhr(page, 'malformed-record');
  const unused = page.locator('.trp-unused-table');
  // The free-text medication carries <b> and an <img onerror> in its text: both must appear literally.
  await expect(unused.getByText('<img src="x"', { exact: false })).toBeVisible();
  await expect(unused.getByText('<b>(name not recorded)</b>', { exact: false })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('.trp-unused-table b').count()).toBe(0);
  expect(await page.title()).not.toBe('injected');
});

test('trd-multi-failures: the timeline controls stay in view when the page scrolls down the timeline', async ({ page }) => {
  await launchFromEhr(page, 'trd-multi-failures');
  const controls = page.locator('.trp-sticky');
  const svg = page.locator('svg.trp-timeline-svg');
  await expect(svg).toBeVisible();
  const before = (await controls.boundingBox())!;
  // Scroll until the timeline's top is a third of its height above the frame: controls that scrolled with the page
  // would now be above the frame.
  const shift = await svg.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const by = rect.top + rect.height / 3;
    window.scrollBy(0, by);
    return by;
  });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(shift).toBeGreaterThan(before.height);
  const box = (await controls.boundingBox())!;
  expect(box.y, 'the controls stick to the top of the frame').toBeGreaterThanOrEqual(-0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  // The timeline runs on under them: its top is above the frame, its lower part below the controls.
  const plot = (await svg.boundingBox())!;
  expect(plot.y).toBeLessThan(box.y);
  expect(plot.y + plot.height).toBeGreaterThan(box.y + box.height);
  // The controls still work where they stuck.
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(page.locator('.trp-range-text')).toContainText('Showing');
});
