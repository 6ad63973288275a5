/**
 * The safety strip leads the first screen: launched in the EHR's 1024 × 700 frame, it lies within the first 700 px
 * of the frame for a pregnant patient, a patient on an MAOI, a patient with a cochlear implant and a deceased patient;
 * the deceased patient has no write form.
 */
import { expect, test } from '@playwright/test';
import { launchFromEhrInFrame } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(180_000);

const EXPECTED: Record<string, RegExp> = {
  'pregnant-trd': /Pregnant, 16 weeks' gestation/,
  'trd-multi-failures': /MAOI now: tranylcypromine/,
  'tms-contraindicated': /Implant in or near the head \(recorded \d{4}-\d{2}-\d{2}\).*ECT: the cochlear-implant makers contraindicate it/,
  deceased: /Deceased \(died \d{4}-\d{2}-\d{2}\)/,
};

for (const [patient, text] of Object.entries(EXPECTED)) {
  test(`${patient}: the safety strip is visible in the first 700 px of the 1024 × 700 frame`, async ({ page }) => {
    const frame = await launchFromEhrInFrame(page, patient, { timeoutMs: 120_000 });
    const strip = frame.getByRole('region', { name: 'Safety' });
    await expect(strip).toBeVisible();
    await expect(strip).toContainText(text);
    // Positions inside the frame's document, before any scrolling.
    const box = await strip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, viewport: window.innerHeight, width: window.innerWidth };
    });
    expect(box.width).toBe(1024);
    expect(box.viewport).toBe(700);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top, 'strip starts within the first screen').toBeLessThan(700);
    expect(box.bottom, 'strip ends within the first screen').toBeLessThanOrEqual(700);
    if (patient === 'deceased') {
      // Lithium taken until death is history, not a current medication.
      await expect(strip).toContainText('Lithium at death');
      await expect(strip).not.toContainText(/\bnow\b/);
      // The review section (on its own tab) says why, and has no note field and no write form.
      await expect(frame.getByText(/The patient died on \d{4}-\d{2}-\d{2}: .*nothing can be written back/)).toHaveCount(1);
      await expect(frame.locator('#review-note')).toHaveCount(0);
      // Whole words: a trial button saying "adequacy unconfirmed" is not a write button.
      await expect(frame.getByRole('button', { name: /\b(confirm|write)\b/i })).toHaveCount(0);
    }
  });
}
