/**
 * The records behind an item, through the full SMART launch in the EHR's 1024 × 700 frame: the safety strip's first
 * item and a trial row open the records panel with the record's clinical words and its FHIR address; the panel fits
 * the frame, and Escape gives focus back to the button that opened it. Screenshots are kept as artefacts.
 */
import { expect, test, type FrameLocator, type Page, type TestInfo } from '@playwright/test';
import { FHIR_BASE, launchFromEhrInFrame } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(180_000);

/** The panel's box inside the frame's document, with the frame's size. */
async function panelBox(frame: FrameLocator) {
  return frame.getByTestId('records-panel').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: window.innerWidth, height: window.innerHeight };
  });
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.locator('iframe[title="TRD timeline app"]').screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

test('pregnant-trd: the strip’s first item opens its record in clinical words with its FHIR address', async ({ page }, testInfo) => {
  const frame = await launchFromEhrInFrame(page, 'pregnant-trd', { timeoutMs: 120_000 });
  const strip = frame.getByRole('region', { name: 'Safety' });
  const first = strip.getByRole('listitem').first();
  await expect(first).toContainText('Recent suicidal ideation');
  const button = first.getByRole('button', { name: 'record' });
  await button.click();

  const panel = frame.getByRole('dialog', { name: 'The record behind “Recent suicidal ideation”' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Diagnosis: Suicidal ideation with some intent, no plan (assessed after the positive PHQ-9 item 9)');
  await expect(panel).toContainText('Suicidal ideations — ICD-10-CM R45.851');
  await expect(panel).toContainText(/Onset\s*\d{4}-\d{2}-\d{2}/);
  await expect(panel).toContainText('StatusActive');
  const link = panel.getByRole('link');
  await expect(link).toHaveAttribute('href', new RegExp(`^${FHIR_BASE.replace(/[.]/g, '\\.')}/Condition/[^/]+$`));
  await expect(link).toHaveText(await link.getAttribute('href') ?? '');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();

  const box = await panelBox(frame);
  expect(box.width).toBe(1024);
  expect(box.height).toBe(700);
  expect(box.right).toBeLessThanOrEqual(1024);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(700);
  await keepScreenshot(page, testInfo, 'pregnant-trd-records-from-strip');

  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('pregnant-trd: a trial row’s records button opens the orders and dispenses behind the trial', async ({ page }, testInfo) => {
  const frame = await launchFromEhrInFrame(page, 'pregnant-trd', { timeoutMs: 120_000 });
  const table = frame.locator('table').filter({ hasText: /Adequate/ }).first();
  const row = table.locator('tbody tr').first();
  await row.scrollIntoViewIfNeeded();
  await row.getByRole('button', { name: /^records?$/ }).click();
  const panel = frame.getByRole('dialog');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3 }).first()).toHaveText(/^(Medication order|Dispense|Medication statement[^:]*): .+/);
  await expect(panel).toContainText('RxNorm');
  await expect(panel.getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${FHIR_BASE.replace(/[.]/g, '\\.')}/Medication(Request|Dispense|Statement)/[^/]+$`));
  await keepScreenshot(page, testInfo, 'pregnant-trd-records-from-trial');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
});
