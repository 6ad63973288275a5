/**
 * The timeline's sticky controls never cover what keyboard focus lands on: at 1024 × 700, moving backwards through the
 * timeline's items and notes (Shift+Tab from below the section) leaves each focused element below the controls.
 */
import { expect, test } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

test('trd-multi-failures: no item reached by Shift+Tab lies under the sticky timeline controls', async ({ page }) => {
  await launchFromEhr(page, 'trd-multi-failures', { timeoutMs: 120_000 });
  // Start just below the timeline section and walk back through it.
  await page.getByRole('heading', { name: 'Table view' }).scrollIntoViewIfNeeded();
  await page.getByRole('heading', { name: 'Table view' }).click();
  const covered: string[] = [];
  let visitedInTimeline = 0;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Shift+Tab');
    const r = await page.evaluate(() => {
      const active = document.activeElement;
      const sticky = document.querySelector('.trp-sticky');
      if (!active || !sticky || active === document.body || sticky.contains(active) || !active.closest('.trp-timeline-section')) return null;
      const a = active.getBoundingClientRect();
      const s = sticky.getBoundingClientRect();
      return { covered: s.top <= 1 && a.top < s.bottom - 1, what: (active.getAttribute('aria-label') ?? active.textContent ?? '').slice(0, 60) };
    });
    if (!r) continue;
    visitedInTimeline += 1;
    if (r.covered) covered.push(r.what);
  }
  expect(visitedInTimeline, 'focus walked through the timeline section').toBeGreaterThan(5);
  expect(covered).toEqual([]);
});
