/**
 * The printable referral letter through a real launch: for the pregnant patient with coded suicidal ideation, tick
 * the first suggested option, print its letter, and read the printed page: it names the patient, gives the reasons,
 * and carries every safety item of the safety strip; nothing else of the page is printed with it. The options tab
 * itself leads with the same safety strip, above the option cards.
 */
import { expect, test } from '@playwright/test';
import { launchFromEhr } from './fixtures';

const PATIENT = 'pregnant-trd';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

test(`${PATIENT}: the referral letter names the patient, the reasons and the safety strip's items, and prints alone`, async ({ page }) => {
  // The browser's print dialog is replaced by a recorder of what was being printed.
  await page.addInitScript(() => {
    const printed: string[] = [];
    Object.assign(window, { printedLetters: printed });
    window.print = () => {
      if (document.body.classList.contains('printing-letter')) printed.push(document.querySelector('.referral-letter.is-selected')?.getAttribute('data-testid') ?? '');
    };
  });
  await launchFromEhr(page, PATIENT, { timeoutMs: 120_000 });
  const banner = (await page.locator('.patient-banner__name').textContent())!.trim();
  const safetyTitles = (await page.locator('[data-testid="safety-strip"] li strong').allTextContents()).map((t) => t.trim());
  expect(safetyTitles.length, 'the patient has safety items').toBeGreaterThanOrEqual(2);

  await page.getByRole('tab', { name: /options and care plan/i }).click();
  // The options tab leads with the same safety strip, above the first option card.
  const optionsStrip = page.getByTestId('options-safety-strip');
  await expect(optionsStrip).toBeVisible();
  expect((await optionsStrip.locator('li strong').allTextContents()).map((t) => t.trim())).toEqual(safetyTitles);
  const stripBottom = (await optionsStrip.boundingBox())!;
  const firstCard = (await page.locator('.option-list').first().boundingBox())!;
  expect(stripBottom.y + stripBottom.height, 'the safety strip comes before the option cards').toBeLessThanOrEqual(firstCard.y);
  await page.locator('.option-group--suggested input[type=checkbox]').first().check();
  const fields = page.locator('.referral-fields').first();
  await expect(fields).toBeVisible();
  const intervention = (await fields.getAttribute('data-intervention'))!;
  await fields.getByRole('button', { name: 'Print referral letter' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printedLetters: string[] }).printedLetters)).toEqual([`referral-letter-${intervention}`]);

  // The printed page: the print stylesheet with the letter selected.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.classList.add('printing-letter'));
  const letter = page.getByTestId(`referral-letter-${intervention}`);
  await expect(letter).toBeVisible();
  await expect(page.locator('.option-list').first()).toBeHidden();
  await expect(page.locator('.write-panel')).toBeHidden();

  await expect(letter).toContainText(`Patient: ${banner}`);
  const safety = letter.locator('h3:text-is("Safety") + ul > li');
  const safetyText = (await safety.allTextContents()).join('\n');
  for (const title of safetyTitles) expect(safetyText, `the letter carries "${title}"`).toContain(title);
  const reasons = letter.locator('h3:text-is("Reasons") + ul > li');
  expect(await reasons.count()).toBeGreaterThanOrEqual(1);
  await expect(letter).toContainText(/failed/i);
  await expect(letter).toContainText('Priority:');
  // No resource ids in the letter's words.
  expect(await letter.textContent()).not.toMatch(/(Observation|Condition|MedicationRequest|Patient|ServiceRequest)\//);
});
