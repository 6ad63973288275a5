/**
 * Every demo patient at 1024 × 700 (the EHR frame), measured on the drawn boxes: on the opening range every bar in
 * view has words; on every range button no bar's words overlap other words and no axis tick label is cut at the
 * edges or comes within a few pixels of its neighbour; no line (threshold, "today", grid) shows through a bar's words.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchFromEhr } from './fixtures';
import { demoPatients } from '../../sandbox/patients';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);

const BAR_WORDS = '.trp-trial .trp-outcome-label, .trp-trial .trp-level-label';

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Bar words that overlap other words of the timeline (by more than a pixel each way). */
async function overlappingWords(page: Page): Promise<string[]> {
  return page.locator('svg.trp-timeline-svg').evaluate((svg, barWords) => {
    const box = (t: Element) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const words = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '' && t.getBoundingClientRect().width > 0);
    const bars = new Set(svg.querySelectorAll(barWords));
    const overlap = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    return words
      .filter((w) => bars.has(w))
      .flatMap((w) => words.filter((o) => o !== w && overlap(box(w), box(o))).map((o) => `"${w.textContent}" overlaps "${o.textContent}"`));
  }, BAR_WORDS);
}

/** Axis tick labels not wholly inside the timeline's box. */
async function clippedTicks(page: Page): Promise<string[]> {
  return page.locator('svg.trp-timeline-svg').evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('.trp-axis .trp-tick')]
      .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
      .filter(({ r }) => r.left < frame.left - 0.5 || r.right > frame.right + 0.5)
      .map(({ text, r }) => `${text}: ${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(frame.left)}–${Math.round(frame.right)}`);
  });
}

/** The least room between neighbouring axis tick labels, in pixels: closer, "Jan 2023Apr 2023" reads as one word. */
const TICK_LABEL_GAP = 8;

/** Neighbouring tick labels on one axis line (top or bottom) that overlap or come closer than TICK_LABEL_GAP. */
async function crowdedTicks(page: Page): Promise<string[]> {
  return page.locator('svg.trp-timeline-svg').evaluate((svg, gap) => {
    const byLine = new Map<number, { text: string; left: number; right: number }[]>();
    for (const t of svg.querySelectorAll('.trp-axis .trp-tick')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      const line = Math.round(r.top);
      byLine.set(line, [...(byLine.get(line) ?? []), { text: t.textContent ?? '', left: r.left, right: r.right }]);
    }
    return [...byLine.values()].flatMap((labels) => {
      const sorted = labels.sort((a, b) => a.left - b.left);
      return sorted.slice(1).flatMap((b, i) => {
        const a = sorted[i]!;
        return b.left - a.right < gap ? [`"${a.text}" and "${b.text}" ${Math.round(b.left - a.right)} px apart`] : [];
      });
    });
  }, TICK_LABEL_GAP);
}

for (const { id } of demoPatients) {
  test(`${id}: bar words say what the bar is, overlap nothing, are crossed by no line; tick labels fit, apart`, async ({ page }) => {
    await launchFromEhr(page, id, { timeoutMs: 120_000 });
    const svg = page.locator('svg.trp-timeline-svg');
    await expect(svg).toBeVisible();
    // The controls would stick over the words being looked at.
    await page.locator('.trp-sticky').evaluate((e: HTMLElement) => (e.style.position = 'static'));

    // Opening range: every bar in view has words beyond its outcome symbol.
    const speechless = await svg.locator('.trp-trial').evaluateAll((items) =>
      items.filter((g) => g.querySelector('.trp-outcome-label, .trp-level-label') === null).map((g) => g.getAttribute('aria-label')?.split(';')[0]),
    );
    expect(speechless, 'bars without words').toEqual([]);

    // No line shows through a bar's words: each word box looks the same with the lines drawn and hidden.
    const words = svg.locator(BAR_WORDS);
    const lines = '.trp-threshold, .trp-asof-line, .trp-grid';
    const crossed: string[] = [];
    for (let i = 0; i < (await words.count()); i++) {
      const w = words.nth(i);
      await w.scrollIntoViewIfNeeded();
      // The words' own box (the glyphs' height and advance), whole pixels inside it, in the window's coordinates.
      const clip = await w.evaluate((t) => {
        const r = t.getBoundingClientRect();
        const x = Math.ceil(r.left);
        const y = Math.ceil(r.top);
        return { x, y, width: Math.floor(r.right) - x, height: Math.floor(r.bottom) - y };
      });
      const shown = await page.screenshot({ clip });
      await svg.evaluate((s, sel) => s.querySelectorAll<SVGElement>(sel).forEach((e) => (e.style.visibility = 'hidden')), lines);
      const hidden = await page.screenshot({ clip });
      await svg.evaluate((s, sel) => s.querySelectorAll<SVGElement>(sel).forEach((e) => (e.style.visibility = '')), lines);
      if (!shown.equals(hidden)) crossed.push((await w.textContent()) ?? '');
    }
    expect(crossed, 'bar words a line shows through').toEqual([]);

    // Every range button.
    const radios = page.locator('.trp-range input[type="radio"]');
    for (let i = 0; i < (await radios.count()); i++) {
      await radios.nth(i).check();
      const range = await page.locator('.trp-range-text').innerText();
      expect(await overlappingWords(page), range).toEqual([]);
      expect(await clippedTicks(page), range).toEqual([]);
      expect(await crowdedTicks(page), range).toEqual([]);
    }
  });
}
