/**
 * The timeline's drawn boxes at 1024 × 700 (the EHR frame): laid out once at the real width of its container, so what
 * is on screen at `ready` does not move afterwards.
 */
import { expect, test } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

interface Snapshot {
  width: string | null;
  bars: string[];
}

declare global {
  interface Window {
    timelineAtReady?: Snapshot;
  }
}

for (const patient of ['bipolar-depression', 'trd-two-failures'] as const) {
  test(`${patient}: the timeline on screen at "ready" is laid out at its container's width and does not move after`, async ({ page }) => {
    // Taken the moment the app says `ready` (a mutation observer runs before the next paint).
    await page.addInitScript(() => {
      const snapshot = (): Snapshot => {
        const svg = document.querySelector('svg.trp-timeline-svg');
        return {
          width: svg?.getAttribute('width') ?? null,
          bars: [...document.querySelectorAll('.trp-trial .trp-hit')].map((r) => ['x', 'width'].map((a) => r.getAttribute(a)).join(' ')),
        };
      };
      new MutationObserver(() => {
        if (document.documentElement.dataset.appState === 'ready' && !window.timelineAtReady) window.timelineAtReady = snapshot();
            // The document, not its root element: at document start the root may not exist yet.
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-state'] });
    });
    await launchFromEhr(page, patient);
    await page.locator('.trp-legend').waitFor();
    await page.waitForTimeout(500);
    const atReady = await page.evaluate(() => window.timelineAtReady);
    const after = await page.evaluate(() => ({
      width: document.querySelector('svg.trp-timeline-svg')?.getAttribute('width') ?? null,
      bars: [...document.querySelectorAll('.trp-trial .trp-hit')].map((r) => ['x', 'width'].map((a) => r.getAttribute(a)).join(' ')),
      container: Math.floor(document.querySelector('.trp-timeline')!.getBoundingClientRect().width),
    }));
    expect(after.bars.length).toBeGreaterThan(0);
    expect(atReady).toEqual({ width: after.width, bars: after.bars });
    expect(after.width).toBe(String(after.container));
  });
}
