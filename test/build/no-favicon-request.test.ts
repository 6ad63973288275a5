/**
 * The pages the app's origin serves, launch.html (the first of a launch) and index.html, each name an icon, so the
 * browser does not request /favicon.ico, which the app does not serve: a 404 in the console on the first launch of a
 * browser session otherwise. The CSP's img-src allows data: icons.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('no favicon request', () => {
  it.each(['launch.html', 'index.html'])('%s names a data: icon', (page) => {
    expect(readFileSync(resolve(__dirname, '../..', page), 'utf8')).toMatch(/<link rel="icon" href="data:," \/>/);
  });
});
