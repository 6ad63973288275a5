/**
 * What the bars of some demo patients say at 1024 × 700, in a real launch: bar codes follow the engine's adequacy
 * verdicts (lithium judged by its level), and a picture of each timeline is kept under test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchFromEhr } from './fixtures';

test.use({ viewport: { width: 1024, height: 700 } });
test.setTimeout(180_000);
const slow = { timeoutMs: 120_000 };

/** The fill codes of a lane's bars (the `trp-dose-*` class of each segment), in drawing order. */
async function doseCodes(page: Page, ingredient: string): Promise<string[]> {
  return page.locator(`.trp-lane[data-lane="${ingredient}"] .trp-dose`).evaluateAll((rects) =>
    rects.map((r) => [...r.classList].find((c) => c.startsWith('trp-dose-'))!.replace('trp-dose-', '')),
  );
}

async function keepPicture(page: Page, name: string, testInfo: import('@playwright/test').TestInfo): Promise<void> {
  await page.locator('.trp-sticky').evaluate((e: HTMLElement) => (e.style.position = 'static'));
  const file = testInfo.outputPath(`${name}.png`);
  await page.locator('svg.trp-timeline-svg').screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

test('bipolar-depression: lithium at a known 900 mg/day with a level below 0.8 is hatched over its whole visible length', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'bipolar-depression', slow);
  expect(await doseCodes(page, 'lithium')).toEqual(['below']);
  await keepPicture(page, 'bipolar-depression-default', testInfo);
});

test('deceased: lithium with no level ever recorded is striped "dose known, level not measured", and the legend keys it', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'deceased', slow);
  expect(await doseCodes(page, 'lithium')).toEqual(['level-unmeasured']);
  await keepPicture(page, 'deceased-default', testInfo);
  const legend = page.locator('.trp-legend');
  await expect(legend.getByText(/^Dose known, level not measured:/)).toHaveCount(1);
  await expect(legend.getByText('Bar ending at the death line: trial taken until death (the mark at its end is its outcome)')).toHaveCount(1);
  await expect(legend.getByText(/^Arrow:/)).toHaveCount(0);
  // No bar of a patient who died ends in an arrow: every trial ended at death or before.
  await expect(page.locator('.trp-ongoing-arrow')).toHaveCount(0);
  // The diagnoses as recorded; the overdose by the intent its code states, which its long recorded name puts last.
  expect(await page.locator('g.trp-dx .trp-span-label').allTextContents()).toEqual([
    'Major depressive disorder, recurrent severe without psychotic features',
    'Intentional self-harm: overdose',
  ]);
});

test('bipolar-depression: "Last 2 years" shows two years, lithium entering from the left edge with its continues mark; running words name their drug outside lurasidone\'s bar', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'bipolar-depression', slow);
  await page.getByRole('radio', { name: 'Last 2 years', exact: true }).check();
  await expect(page.locator('.trp-range-text')).toHaveText(/^Showing Dec 2024 – Dec 2026/);
  await expect(page.locator('.trp-lane[data-lane="lithium"] .trp-continues-mark')).toHaveCount(1);
  await expect(page.locator('.trp-lane[data-lane="lurasidone"] .trp-outcome-label')).toHaveText('lurasidone 40–80 mg/day, running, non-response');
  await keepPicture(page, 'bipolar-depression-two-years', testInfo);
  await page.getByRole('radio', { name: 'All', exact: true }).check();
  await expect(page.locator('.trp-range-text')).toHaveText(/^Showing .* – Dec 2026/);
});

test('trd-two-failures: running venlafaxine and bupropion say their drug, clear of their bars', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'trd-two-failures', slow);
  for (const drug of ['venlafaxine', 'bupropion']) {
    const words = page.locator(`.trp-lane[data-lane="${drug}"] .trp-outcome-label`);
    await expect(words).toHaveText(new RegExp(`^${drug} `));
    await expect(words).not.toHaveClass(/trp-running-label/);
  }
  await keepPicture(page, 'trd-two-failures-default', testInfo);
  // Diagnoses are named as recorded, not by the class the rules file them under ("Anxiety disorder").
  expect(await page.locator('g.trp-dx').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')!.split('.')[0]))).toEqual([
    'Diagnosis: Major depressive disorder, recurrent severe without psychotic features',
    'Diagnosis: Generalized anxiety disorder',
  ]);
  await expect(page.locator('g.trp-dx .trp-span-label').filter({ hasText: 'Generalized anxiety disorder' })).toHaveCount(1);
});

test('schizophrenia-trs: one diagnosis row per recorded Condition, named as recorded; the F20.0 drawn once (its psychotic features are part of it)', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'schizophrenia-trs', slow);
  await expect(page.locator('g.trp-dx')).toHaveCount(2);
  expect(await page.locator('g.trp-dx').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')!.split('.')[0]))).toEqual([
    'Diagnosis: Paranoid schizophrenia',
    'Diagnosis: Cannabis dependence, uncomplicated',
  ]);
  // The eight-year episode opens on the trials its verdict rests on: olanzapine and aripiprazole wider than slivers.
  await expect(page.getByRole('radio', { name: 'Trials assessed', exact: true })).toBeChecked();
  await expect(page.locator('.trp-range-text')).toHaveText(/^Showing Sep 2025 – Dec 2026; 3 items outside this range/);
  for (const drug of ['olanzapine', 'aripiprazole']) {
    const width = await page.locator(`.trp-lane[data-lane="${drug}"] .trp-dose`).evaluateAll((rects) => rects.reduce((sum, r) => sum + (r as SVGGraphicsElement).getBBox().width, 0));
    expect(width).toBeGreaterThan(100);
  }
  await keepPicture(page, 'schizophrenia-trs-default', testInfo);
  await page.getByRole('radio', { name: 'Current episode', exact: true }).check();
  await expect(page.locator('.trp-range-text')).toHaveText(/^Showing (Sep|Oct) 2018 – Dec 2026/);
  expect(await page.locator('g.trp-dx .trp-span-label').allTextContents()).toEqual(['Paranoid schizophrenia', 'Cannabis dependence, uncomplicated']);
});

test('trd-multi-failures: the CBT course\'s name is not crossed by its strip, and no date in the regimen line breaks across lines', async ({ page }, testInfo) => {
  await launchFromEhr(page, 'trd-multi-failures', slow);
  const dates = page.locator('[data-testid="current-regimen"] .trp-date');
  await expect(dates).toHaveText(['2026-11-22']);
  expect(await dates.evaluateAll((spans) => spans.map((s) => s.getClientRects().length))).toEqual([1]);
  const course = page.locator('.trp-therapy-span');
  await expect(course).toHaveCount(1);
  const [strip, words] = await Promise.all([course.boundingBox(), course.locator('xpath=following-sibling::*[contains(@class, "trp-span-label")]').boundingBox()]);
  // Under the words' baseline (only descenders may reach it), not through their middle.
  expect(strip!.y).toBeGreaterThanOrEqual(words!.y + 0.75 * words!.height);
  await keepPicture(page, 'trd-multi-failures-default', testInfo);
});
