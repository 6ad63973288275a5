/**
 * A trial stopped for a safety event says it on its bar and in its accessible name at 1024 × 700, in the
 * vocabulary's words: pregnant-trd's venlafaxine (pregnancy), deceased's venlafaxine (an intentional overdose).
 */
import { expect, test } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(120_000);

const CASES = [
  { id: 'pregnant-trd', words: 'stopped: pregnancy', said: 'stopped because of pregnancy' },
  { id: 'deceased', words: 'non-response · stopped after an intentional overdose', said: 'stopped after an intentional overdose' },
];

for (const { id, words, said } of CASES) {
  test(`${id}: the venlafaxine bar reads "${words}" and its accessible name says "${said}"`, async ({ page }) => {
    await launchFromEhr(page, id, { timeoutMs: 90_000 });
    const bar = page.locator('svg.trp-timeline-svg .trp-trial[aria-label*="Venlafaxine;"]');
    await expect(bar).toHaveCount(1);
    await expect(bar.locator('.trp-outcome-label')).toHaveText(words);
    await expect(bar).toHaveAttribute('aria-label', new RegExp(`; outcome: non-response \\(measured by symptom scores\\); ${said}\\.`));
  });
}
