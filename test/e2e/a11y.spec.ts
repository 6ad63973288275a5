/**
 * WCAG 2.1 AA checks with axe-core: zero serious or critical violations on each screen the app
 * shows: the page for several demo patients (with details pinned and the rules panel open), a patient without
 * psychiatric history, a malformed record, and the launch error page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { APP_URL, FHIR_BASE, launchFromEhr, waitForAppState } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe serious/critical violations on ${screen}`).toEqual([]);
}

for (const patient of ['mdd-responder', 'trd-two-failures', 'trd-multi-failures', 'bipolar-depression', 'schizophrenia-trs', 'ocd', 'pregnant-trd', 'deceased', 'no-psychiatric-history', 'malformed-record']) {
  test(`${patient}: no serious or critical axe violations`, async ({ page }) => {
    await launchFromEhr(page, patient, { timeoutMs: 120_000 });
    await expectNoSeriousViolations(page, patient);
  });
}

test('trd-two-failures with details pinned and the rules panel open', async ({ page }) => {
  await launchFromEhr(page, 'trd-two-failures');
  await page.locator('.trp-trial').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('trp-details')).toBeVisible();
  await page.locator('.trp-rules summary').click();
  await expectNoSeriousViolations(page, 'details pinned, rules open');
});

test('pregnant-trd with the records panel open from the safety strip', async ({ page }) => {
  await launchFromEhr(page, 'pregnant-trd');
  await page.getByRole('region', { name: 'Safety' }).getByRole('button', { name: 'record' }).first().click();
  await expect(page.getByTestId('records-panel')).toBeVisible();
  await expectNoSeriousViolations(page, 'records panel open');
});

test('the launch error page', async ({ page }) => {
  await page.goto(`${APP_URL}/launch.html?iss=${encodeURIComponent(FHIR_BASE)}&launch=not-a-launch-this-ehr-issued`);
  expect(await waitForAppState(page, ['ready', 'error'])).toBe('error');
  await expectNoSeriousViolations(page, 'launch error page');
});
