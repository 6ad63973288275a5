/**
 * The first screen in the EHR's 1024 × 700 frame, for every demo patient: without scrolling, the clinician sees the
 * safety strip (when the record has safety items), one line per assessed condition, the current regimen, the next
 * step, and the first lanes of the timeline. Each item's box must end inside the first 700 px.
 */
import { expect, test, type Locator } from '@playwright/test';
import { demoPatients } from '../../sandbox/patients/index';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, 'the item is drawn').not.toBeNull();
  return box!.y + box!.height;
}

for (const patient of demoPatients.map((p) => p.id)) {
  test(`${patient}: safety, conditions, current regimen, next step and the first lanes are in the first 700 px`, async ({ page }) => {
    await launchFromEhr(page, patient, { timeoutMs: 120_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const strip = page.locator('[data-testid="safety-strip"]');
    if ((await strip.count()) > 0) expect(await bottomOf(strip.first())).toBeLessThanOrEqual(700);
    const conditions = page.locator('.trp-condition-line');
    for (let i = 0; i < (await conditions.count()); i++) expect(await bottomOf(conditions.nth(i))).toBeLessThanOrEqual(700);
    expect(await bottomOf(page.getByTestId('current-regimen'))).toBeLessThanOrEqual(700);
    expect(await bottomOf(page.getByTestId('next-step'))).toBeLessThanOrEqual(700);
    const lanes = page.locator('.trp-lane');
    if ((await lanes.count()) > 0) expect(await bottomOf(lanes.first())).toBeLessThanOrEqual(700);
  });
}
