/**
 * SANDBOX_EXTRA_PATIENTS (set by playwright.config.ts to test/e2e/extra-patients): a hand-made Synthea-shaped
 * transaction bundle, urn:uuid references and all, is listed on the EHR page "from <file name>" and its patient goes
 * through the full SMART EHR launch to a ready timeline page drawn from its Condition and MedicationRequest.
 */
import { expect, test } from '@playwright/test';
import { SANDBOX_ORIGIN, launchFromEhr } from './fixtures';

const PATIENT = '5f1c2a9e-3b7d-4c1e-9a2f-0d6e8b4c7a11';

test.use({ viewport: { width: 1024, height: 700 } });

test('extra patient from a folder: listed "from <file name>", its EHR launch ends on its timeline with its diagnosis and sertraline trial', async ({ page }) => {
  await page.goto(`${SANDBOX_ORIGIN}/ehr`);
  const row = page.locator(`tr[data-patient-id="${PATIENT}"]`);
  await expect(row.locator('strong')).toHaveText('Ada Quigley');
  await expect(row.locator('td.muted')).toHaveText('from Ada_Quigley_5f1c2a9e.json');

  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await launchFromEhr(page, PATIENT);
  await expect(page.locator('[data-condition="mdd"] .trp-verdict')).toHaveText(
    'Treatment-resistance criteria not met: treatment-resistant depression (Gaynes 2020)');
  await expect(page.locator('svg.trp-timeline-svg')).toBeVisible();
  await expect(page.locator('.trp-trial')).toHaveCount(1);
  await expect(page.locator('.trp-trial').first()).toHaveAttribute('aria-label', /^sertraline/i);
  expect(pageErrors).toEqual([]);
});
