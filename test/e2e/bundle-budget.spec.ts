/**
 * The production build the other specs launch stays within its script budgets: what index.html loads before its
 * first state (the launch and the React root) and what launch.html loads, gzipped. A module imported from the wrong
 * layer can pull the engine or react-dom into the first chunk without any other test noticing.
 */
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { INITIAL_JS_BUDGET_BYTES, gzippedBytes, pageScripts } from '../../scripts/bench/page-scripts';

// The sandbox of playwright.config.ts builds dist/ before the specs run.
const dist = fileURLToPath(new URL('../../dist', import.meta.url));

test('index.html loads at most 150 kB of gzipped script before its first state, and not the engine-and-timeline chunk', () => {
  const scripts = pageScripts(dist);
  expect(gzippedBytes(dist, scripts.indexInitial)).toBeLessThan(INITIAL_JS_BUDGET_BYTES.index);
  expect(scripts.indexInitial).not.toContain(scripts.analysisEntry);
});

test('launch.html loads at most 40 kB of gzipped script', () => {
  expect(gzippedBytes(dist, pageScripts(dist).launch)).toBeLessThan(INITIAL_JS_BUDGET_BYTES.launch);
});
