/**
 * schizophrenia-trs at 1024 × 700: the trial table's headings fit their columns (no word broken inside), the outcome
 * words beside a bar start clear of its outcome mark, and the sticky timeline controls are gone before the legend comes
 * up under them.
 */
import { expect, test } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });

test('schizophrenia-trs: no trial-table heading is wider than its column at 1024 px', async ({ page }) => {
  await launchFromEhr(page, 'schizophrenia-trs');
  const table = page.locator('.trp-trials-table');
  await table.scrollIntoViewIfNeeded();
  const overflowing = await table.locator('thead th').evaluateAll((ths) =>
    ths
      .map((th) => {
        // The heading's words laid out on one line each: the longest must fit inside the cell's content box.
        const style = getComputedStyle(th);
        const room = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const probe = document.createElement('span');
        probe.style.cssText = `font: ${style.font}; white-space: nowrap; position: absolute; visibility: hidden;`;
        document.body.append(probe);
        const widest = Math.max(
          ...(th.textContent ?? '').split(/\s+/).filter(Boolean).map((w) => {
            probe.textContent = w;
            return probe.getBoundingClientRect().width;
          }),
        );
        probe.remove();
        return { text: th.textContent, widest, room, overflow: th.scrollWidth > th.clientWidth };
      })
      .filter((h) => h.overflow || h.widest > h.room),
  );
  expect(overflowing).toEqual([]);
});

test('schizophrenia-trs: each bar’s outcome words lie clear of its outcome mark', async ({ page }) => {
  await launchFromEhr(page, 'schizophrenia-trs');
  const trials = page.locator('.trp-trial');
  await expect(trials.first()).toBeVisible();
  const clashes = await trials.evaluateAll((items) =>
    items.flatMap((g) => {
      const mark = g.querySelector('.trp-outcome');
      const label = g.querySelector('.trp-outcome-label');
      if (!mark || !label) return [];
      const a = mark.getBoundingClientRect();
      const b = label.getBoundingClientRect();
      // Side by side on one line: the words start at least 4 px after the mark's shape, or end 4 px before it (its box
      // leaves out the 2 px stroke, so 2 px of space remain beyond it).
      const sameLine = a.top < b.bottom && b.top < a.bottom;
      const clear = b.left - a.right >= 4 || a.left - b.right >= 4;
      return sameLine && !clear ? [`${label.textContent}: mark ${a.left}–${a.right}, label ${b.left}–${b.right}`] : [];
    }),
  );
  const labelled = await page.locator('.trp-trial .trp-outcome-label').count();
  expect(labelled, 'at least one bar is labelled').toBeGreaterThan(0);
  expect(clashes).toEqual([]);
});

test('schizophrenia-trs: with the legend at the top of the window, the sticky timeline controls do not cover it', async ({ page }) => {
  await launchFromEhr(page, 'schizophrenia-trs');
  await expect(page.locator('.trp-legend')).toHaveCount(1);
  // Scrolled by hand (not scrollIntoView, which stops short of the controls by the section's scroll margin).
  await page.evaluate(() => window.scrollBy(0, document.querySelector('.trp-legend')!.getBoundingClientRect().top));
  const covered = await page.evaluate(() => {
    const sticky = document.querySelector('.trp-sticky')!.getBoundingClientRect();
    const legend = document.querySelector('.trp-legend')!.getBoundingClientRect();
    return sticky.bottom > legend.top && sticky.top < legend.bottom;
  });
  expect(covered).toBe(false);
});

test('schizophrenia-trs: on the opening range each antipsychotic with a plasma level shows it, overlapping no other words', async ({ page }) => {
  await launchFromEhr(page, 'schizophrenia-trs');
  const svg = page.locator('svg.trp-timeline-svg');
  await expect(svg).toBeVisible();
  const words = await svg.locator('text').evaluateAll((texts) =>
    texts
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
  );
  const levels = words.filter((w) => /^level \d/.test(w.text) || / · level \d/.test(w.text));
  expect(levels.map((w) => w.text.replace(/^.* · /, ''))).toEqual([
    expect.stringMatching(/^level 32 ng\/mL on \d{4}-\d\d-\d\d$/),
    expect.stringMatching(/^level 280 ng\/mL on \d{4}-\d\d-\d\d$/),
  ]);
  const overlapping = levels.flatMap((l) =>
    words
      .filter((w) => w !== l && w.left < l.right - 1 && l.left < w.right - 1 && w.top < l.bottom - 1 && l.top < w.bottom - 1)
      .map((w) => `${l.text} overlaps ${w.text}`),
  );
  expect(overlapping).toEqual([]);
  // Inside the plot, right of the lane names.
  const lane = await page.locator('.trp-lane-label').first().boundingBox();
  for (const l of levels) expect(l.left).toBeGreaterThan(lane!.x + lane!.width);
});
